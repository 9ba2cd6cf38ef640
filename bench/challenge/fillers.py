"""Fillers: the people, places, topics and dates that templates are filled with.

The pools live in ``fillers.json`` next to this module (data, not code). People are fictional:
a given name and a surname of varied origins, combined at random, each with a gender (for
pronouns) and a title. Countries and capitals are real, so text reads like wire news, but no
template depends on what is known about them.

Sampling takes an explicit ``random.Random``; nothing here touches global random state.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Person:
    """A fictional official. ``gender`` is ``"f"`` or ``"m"`` and only selects pronouns."""

    given: str
    surname: str
    gender: str
    title: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def role(self) -> str:
        """The title as a common noun: "foreign minister"."""
        return self.title.lower()

    def pronoun(self, case: str) -> str:
        """``subj`` (she/he), ``obj`` (her/him) or ``poss`` (her/his)."""
        table = {"f": {"subj": "she", "obj": "her", "poss": "her"}, "m": {"subj": "he", "obj": "him", "poss": "his"}}
        return table[self.gender][case]


@dataclass(frozen=True, slots=True)
class Place:
    """A real country and its capital."""

    country: str
    capital: str


@dataclass(frozen=True, slots=True)
class Pools:
    given_f: tuple[str, ...]
    given_m: tuple[str, ...]
    surnames: tuple[str, ...]
    titles: tuple[str, ...]
    places: tuple[Place, ...]
    topics: tuple[str, ...]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]


@lru_cache(maxsize=1)
def pools() -> Pools:
    """The filler pools from ``fillers.json`` (read once)."""
    raw = json.loads(resources.files(__package__).joinpath("fillers.json").read_text(encoding="utf-8"))
    return Pools(
        given_f=tuple(raw["given_names"]["f"]),
        given_m=tuple(raw["given_names"]["m"]),
        surnames=tuple(raw["surnames"]),
        titles=tuple(raw["titles"]),
        places=tuple(Place(c, k) for c, k in raw["countries"]),
        topics=tuple(raw["topics"]),
        weekdays=tuple(raw["weekdays"]),
        months=tuple(raw["months"]),
    )


def sample_people(rng: random.Random, n: int) -> list[Person]:
    """``n`` people with pairwise distinct given names, surnames and titles (so a surname
    or "the foreign minister" always identifies one person in a case)."""
    p = pools()
    surnames = rng.sample(p.surnames, n)
    titles = rng.sample(p.titles, n)
    used: set[str] = set()
    out = []
    for surname, title in zip(surnames, titles, strict=True):
        gender = rng.choice("fm")
        names = p.given_f if gender == "f" else p.given_m
        given = rng.choice([g for g in names if g not in used])
        used.add(given)
        out.append(Person(given, surname, gender, title))
    return out


def sample_places(rng: random.Random, n: int) -> list[Place]:
    """``n`` distinct countries (with their capitals)."""
    return rng.sample(pools().places, n)


def sample_topics(rng: random.Random, n: int) -> list[str]:
    return rng.sample(pools().topics, n)


def topic_label(phrase: str) -> str:
    """The short label of a topic phrase: lower case, leading article dropped.

    >>> topic_label("a free trade agreement")
    'free trade agreement'
    """
    words = phrase.lower().split()
    if words and words[0] in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)

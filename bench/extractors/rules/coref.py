"""Document-level entity tracking and the coreference the rule baselines need.

Covered phenomena (no world knowledge; nationality comes from demonyms and possessive places
written next to a name):

- a short name is the full name seen earlier that contains it as a run of words ("Lavrov",
  "Brandão Leme", "Ngô" -> the latest such person);
- "he"/"she"/"him"/"his"/"her" -> the nearest person before it in the sentence, else the
  subject of the latest event, else the latest person;
- "the two ministers/leaders/sides", "both men", "the three" -> the participants of the
  latest contact event, else the last persons named;
- "his/her counterpart" (no name after it) -> the other participant of the latest event
  with the possessor, else the latest person of another nationality; "her Kenyan
  counterpart", "his Tunisian guest", "the Russian minister" -> the latest person with
  that nationality (and title word, when one is given).

- "the foreign ministers of A, B and C": one placeholder cluster per country, bound at the
  end of the document to the person of that nationality the text names (``bind_slots``).

Clusters carry the offsets of their first full mention, which the extractors report for an
argument that is only mentioned by a pronoun or a description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import EntityType
from .gazetteer import lookup_place


@dataclass(slots=True)
class Cluster:
    """One entity of the document as the rules see it."""

    key: str
    type: EntityType
    name: str
    start: int
    end: int
    tokens: tuple[str, ...] = ()
    nationality: str | None = None
    titles: set[str] = field(default_factory=set)
    last: int = 0
    slot: bool = False  # a member of a group named by country, not yet named itself


@dataclass(frozen=True, slots=True)
class Arg:
    """A resolved argument: its cluster and the mention offsets to report."""

    cluster: Cluster
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return self.cluster.key


class EntityTracker:
    """The entity clusters of one document, updated in text order."""

    def __init__(self) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.persons: list[Cluster] = []  # in order of last mention
        self._n = 0

    # -- adding mentions -------------------------------------------------------------------
    def _new(self, prefix: str, etype: EntityType, name: str, start: int, end: int, **kw) -> Cluster:
        self._n += 1
        c = Cluster(f"{prefix}{self._n}", etype, name, start, end, **kw)
        self.clusters[c.key] = c
        return c

    def person(self, text: str, start: int, end: int, nationality: str | None = None,
               title: str | None = None, create: bool = True) -> Cluster | None:
        """The person cluster of a name mention, merged with an earlier full name that
        contains it (or that it extends); a new cluster when ``create``."""
        toks = tuple(text.split())
        best = None
        if len(toks) == 1:
            # one word: it can only be contained in a name (a one-word name never extends it)
            best = self._containing(toks[0])
        else:
            for c in reversed(self.persons):
                if _contains(c.tokens, toks):
                    best = c
                    break
                if len(c.tokens) == 1 and c.tokens[0] in toks and not c.titles:
                    best = c
                    best.tokens, best.name, best.start, best.end = toks, text, start, end
                    break
        if best is None:
            if not create:
                return None
            best = self._new("P", EntityType.PER, text, start, end, tokens=toks)
        if nationality and not best.nationality:
            best.nationality = nationality
        if title:
            best.titles.update(title.split())
        self.touch(best, start)
        return best

    def known_person(self, text: str) -> Cluster | None:
        """The latest person whose name contains ``text`` as a run of words, if any."""
        toks = tuple(text.split())
        if len(toks) == 1:
            return self._containing(toks[0])
        for c in reversed(self.persons):
            if _contains(c.tokens, toks):
                return c
        return None

    def _containing(self, word: str) -> Cluster | None:
        """The latest person whose name has the word ``word`` (``_contains`` for one word)."""
        for c in reversed(self.persons):
            if word in c.tokens:
                return c
        return None

    def place(self, text: str, start: int, end: int, etype: EntityType) -> Cluster:
        p = lookup_place(text)
        key = "G:" + (p.name if p else text.lower())
        c = self.clusters.get(key)
        if c is None:
            country = (p.country or (p.name if p.type is EntityType.GPE else None)) if p else None
            c = Cluster(key, etype, p.name if p else text, start, end, nationality=country)
            self.clusters[key] = c
        c.last = start
        return c

    def org(self, text: str, start: int, end: int, etype: EntityType = EntityType.ORG) -> Cluster:
        key = "O:" + text.lower()
        c = self.clusters.get(key)
        if c is None:
            c = Cluster(key, etype, text, start, end)
            self.clusters[key] = c
        c.last = start
        return c

    def slot(self, country: str | None, start: int, end: int, text: str) -> Cluster:
        """A placeholder for "the representative of ``country``" in a group introduced by
        nationality ("the foreign ministers of A, B and C"); bound to a named person later."""
        self._n += 1
        c = Cluster(f"S{self._n}", EntityType.PER, text, start, end, nationality=country, slot=True)
        self.clusters[c.key] = c
        return c

    def bind_slots(self, slots: list[Cluster], fixed: dict[str, Cluster]) -> dict[str, Cluster]:
        """Each placeholder -> the named person of its nationality: a fixed choice, else the
        first person of that nationality named after the group, else the last one before it.
        Unbound placeholders are left out."""
        out = dict(fixed)
        used = {c.key for c in out.values()}
        for s in slots:
            if s.key in out:
                continue
            if s.nationality is None:
                continue
            same = [c for c in self.clusters.values()
                    if c.type is EntityType.PER and not c.slot and c.nationality == s.nationality and c.key not in used]
            after = sorted((c for c in same if c.start >= s.start), key=lambda c: c.start)
            before = sorted((c for c in same if c.start < s.start), key=lambda c: c.start)
            pick = after[0] if after else (before[-1] if before else None)
            if pick is not None:
                out[s.key] = pick
                used.add(pick.key)
        return out

    def touch(self, c: Cluster, pos: int) -> None:
        c.last = pos
        if c.type is EntityType.PER:
            persons = self.persons
            if persons and persons[-1] is c:
                return  # already the latest
            # by identity: a cluster is in the list at most once, and no two clusters are
            # equal (each has its own key), so this is ``remove`` without field comparisons
            for i in range(len(persons) - 1, -1, -1):
                if persons[i] is c:
                    del persons[i]
                    break
            persons.append(c)

    # -- resolving references ----------------------------------------------------------------
    def recent_persons(self, n: int, exclude: tuple[str, ...] = (), titles: set[str] = frozenset(),
                       strict: bool = False) -> list[Cluster]:
        """The ``n`` persons named last, in text order. With ``titles`` ("the two ministers"),
        the last ``n`` whose titles share a word with them when there are that many, else with
        persons of unknown office completing them, and never a spokesperson; ``strict`` returns
        only persons whose titles fit."""
        out = [c for c in reversed(self.persons) if c.key not in exclude]
        if titles:
            # a counterpart holds the office of the person it is the counterpart of; a prime
            # minister is not one of "the ministers"
            fit = [c for c in out if fits_titles(c.titles, titles) and not any(w.startswith("spokes") for w in c.titles)]
            if len(fit) >= n or strict:
                return list(reversed(fit[:n]))
            # too few such persons: those whose office is not known may complete the group
            # ("the two leaders": a prime minister and a man introduced only by name)
            loose = [c for c in out if c in fit or not c.titles]
            if len(loose) >= n:
                return list(reversed(loose[:n]))
        return list(reversed(out[:n]))

    def by_description(self, nationality: str | None, title_words: set[str],
                       exclude: tuple[str, ...] = ()) -> Cluster | None:
        """The latest person matching a nationality and (some of) the title words."""
        for c in reversed(self.persons):
            if c.key in exclude:
                continue
            if nationality and c.nationality != nationality:
                continue
            if title_words and not (title_words & c.titles):
                continue
            if not nationality and not title_words:
                continue
            return c
        if nationality and title_words:
            # "the Singaporean leader" for the one Singaporean person named, whatever the title
            same = [c for c in self.persons if c.nationality == nationality and c.key not in exclude]
            if len(same) == 1:
                return same[0]
        return None

    def other_nationality(self, than: Cluster | None) -> Cluster | None:
        for c in reversed(self.persons):
            if than is None or (c.key != than.key and (c.nationality != than.nationality or not c.nationality)):
                return c
        return None


def fits_titles(titles: set[str], want: set[str]) -> bool:
    """Whether a person with the title words ``titles`` holds an office a group noun asks for
    (``want``, "the two ministers": minister): a title word in common, or a counterpart whose
    office is not known (one whose owner was known took that owner's title words); a prime
    minister is not one of "the ministers"."""
    if "prime" in titles and "prime" not in want:
        return False
    return bool(titles & want) or titles == {"counterpart"}


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether ``part`` is a contiguous run of words of ``full``."""
    n, m = len(full), len(part)
    if m == 0 or m > n:
        return False
    if m == n:
        return full == part
    for i in range(n - m + 1):
        if full[i : i + m] == part:
            return True
    return False

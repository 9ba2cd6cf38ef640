"""Rendering a template with fillers into a document and its gold, with exact offsets.

A template sentence is plain text with three kinds of markup:

- ``{S}`` or ``{S.form}``: a slot. People are ``A``-``D``, countries ``X``-``Z``, cities
  ``L``-``N`` (a capital whose country is not named), ``X.capital`` (the capital of country
  ``X``: ``part_of`` ``X`` when ``X`` is also mentioned), topics ``T`` and ``U``, and the plain
  words ``DAY``, ``DAY2`` (weekdays) and ``MONTH``. Person forms: ``{A}`` full name,
  ``{A.last}`` surname, ``{A.title}`` title and full name (the mention is the name alone, the
  titled form and the title become aliases), ``{A.alias}`` full name in the first variant of a
  pair and surname in the second, ``{A.role}``/``{A.Role}`` "the foreign minister" (the
  mention is "foreign minister", without the article), and the pronouns ``{A.subj}``,
  ``{A.Subj}``, ``{A.obj}``, ``{A.poss}``, ``{A.Poss}`` (text only: pronouns are not mentions).
- ``[words]``: a trigger; a relation names it by its words (``"met"``, or ``"met#2"`` for
  the second trigger with those words).
- ``<words|S>``: the enclosed words are a singular nominal mention of the entity of slot
  ``S`` ("her <counterpart|B>", "{X}'s <president|B>"): per the guidelines the span starts
  after the article or possessive and leaves out post-modifiers naming other entities.

Plural groups ("the two leaders") are plain text: they are not mentions. Sentences are joined
by one space, so sentence spans are known exactly; a test checks that they are also the spans
of ``bench.text.sentence_spans``.

Gold conventions applied here (annotations/GUIDELINES.md): entities in order of first
mention; evidence is the trigger's sentence plus the sentence of an argument that the trigger's
sentence names only by a pronoun or a group; an in-person ``discussed`` and its ``met`` share
their event and sentences; relations of one occasion share an ``event`` id; ``time`` is
resolved against the document date (past tense for ACTUAL, future for PLANNED).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import (
    Annotation,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Mode,
    Polarity,
    Realis,
    Relation,
    RelationType,
    Span,
    Topic,
)
from .fillers import Person, Place, topic_label

PERSON_SLOTS = ("A", "B", "C", "D")
COUNTRY_SLOTS = ("X", "Y", "Z")
CITY_SLOTS = ("L", "M", "N")
TOPIC_SLOTS = ("T", "U")
WORD_SLOTS = ("DAY", "DAY2", "MONTH")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

_TOKEN = re.compile(r"\{[A-Z0-9]+(?:\.[A-Za-z]+)?\}|\[|\]|<|\|[A-Z]>|[^{}\[\]<|]+")
_TYPE_ORDER = {RelationType.VISITED: 0, RelationType.MET: 1, RelationType.DISCUSSED: 2}


class TemplateError(ValueError):
    """A template that cannot be rendered (a programming error in a template definition)."""


@dataclass(frozen=True, slots=True)
class RelSpec:
    """A gold relation of a template, by slot.

    ``head``/``tail`` are slot names (``"A"``, ``"L"``, ``"X.capital"``); ``topics`` are topic
    slots; ``sentences`` are evidence sentence indices added to the automatic ones; ``event``
    is a label shared by relations of one occasion (default: relations with the same trigger
    share one); ``time`` is a time expression of the text (``"DAY"``, ``"DAY+1"``, ``"DAY2"``,
    ``"MONTH"``, ``"last week"``, ``"next week"``, ``"last month"``, ``"next month"``, ``"this
    month"``) resolved against the document date.
    """

    type: RelationType
    head: str
    tail: str
    trigger: str
    polarity: Polarity = Polarity.POS
    realis: Realis = Realis.ACTUAL
    mode: Mode | None = None
    topics: tuple[str, ...] = ()
    event: str | None = None
    sentences: tuple[int, ...] = ()
    time: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Fill:
    """The fillers of one instance: slot name -> value."""

    people: dict[str, Person]
    places: dict[str, Place]
    topics: dict[str, str]
    words: dict[str, str]


@dataclass(slots=True)
class _Rendered:
    text: str = ""
    sentences: list[Span] = field(default_factory=list)
    # entity key -> list of (start, end, kind) with kind "name", "surname" or "nominal"
    mentions: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    triggers: list[tuple[str, int, int]] = field(default_factory=list)
    topics: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _slot_text(slot: str, form: str, fill: Fill, variant: int) -> tuple[str, str | None, int, int, str]:
    """(text, entity key or None, mention start within text, mention end, kind)."""
    if slot in PERSON_SLOTS:
        p = fill.people[slot]
        lower = form.lower()
        if form == "":
            return p.full, slot, 0, len(p.full), "name"
        if form == "last":
            return p.surname, slot, 0, len(p.surname), "surname"
        if form == "alias":
            name = p.full if variant == 0 else p.surname
            return name, slot, 0, len(name), "name" if variant == 0 else "surname"
        if form == "title":
            text = f"{p.title} {p.full}"
            return text, slot, len(p.title) + 1, len(text), "titled"
        if lower == "role":
            article = "The" if form == "Role" else "the"
            return f"{article} {p.role}", slot, 4, 4 + len(p.role), "nominal"
        if lower in ("subj", "obj", "poss"):
            text = p.pronoun(lower)
            return (_cap(text) if form[0].isupper() else text), None, 0, 0, "pronoun"
        raise TemplateError(f"unknown person form {form!r} in {{{slot}.{form}}}")
    if slot in COUNTRY_SLOTS:
        place = fill.places[slot]
        if form == "":
            return place.country, slot, 0, len(place.country), "name"
        if form == "capital":
            return place.capital, f"{slot}.capital", 0, len(place.capital), "name"
        raise TemplateError(f"unknown country form {form!r} in {{{slot}.{form}}}")
    if slot in CITY_SLOTS:
        if form:
            raise TemplateError(f"city slot {slot} takes no form; got {form!r}")
        city = fill.places[slot].capital
        return city, slot, 0, len(city), "name"
    if slot in TOPIC_SLOTS:
        return fill.topics[slot], None, 0, 0, "topic"
    if slot in WORD_SLOTS:
        return fill.words[slot], None, 0, 0, "word"
    raise TemplateError(f"unknown slot {{{slot}}}")


def render(sentences: tuple[str, ...], fill: Fill, variant: int = 0) -> _Rendered:
    """Render template sentences; every mention, alias, trigger and topic span is recorded."""
    out = _Rendered()
    parts: list[str] = []
    pos = 0
    for si, sentence in enumerate(sentences):
        if si:
            parts.append(" ")
            pos += 1
        start = pos
        open_mentions: list[int] = []
        open_triggers: list[int] = []
        for tok in _TOKEN.findall(sentence):
            if tok == "<":
                open_mentions.append(pos)
            elif tok.startswith("|"):
                if not open_mentions:
                    raise TemplateError(f"unbalanced '<...|S>' in {sentence!r}")
                out.mentions.setdefault(tok[1:-1], []).append((open_mentions.pop(), pos, "nominal"))
            elif tok == "[":
                open_triggers.append(pos)
            elif tok == "]":
                if not open_triggers:
                    raise TemplateError(f"unbalanced '[...]' in {sentence!r}")
                out.triggers.append(("", open_triggers.pop(), pos))  # text filled in below
            elif tok.startswith("{"):
                slot, _, form = tok[1:-1].partition(".")
                text, key, ms, me, kind = _slot_text(slot, form, fill, variant)
                if key is not None:
                    out.mentions.setdefault(key, []).append((pos + ms, pos + me, "name" if kind == "titled" else kind))
                    if kind == "titled":
                        person = fill.people[slot]
                        out.aliases.setdefault(key, []).extend([text, person.title])
                elif kind == "topic":
                    out.topics.setdefault(slot, []).append((pos, pos + len(text)))
                parts.append(text)
                pos += len(text)
            else:
                parts.append(tok)
                pos += len(tok)
        if open_mentions or open_triggers:
            raise TemplateError(f"unclosed markup in {sentence!r}")
        out.sentences.append(Span(start, pos))
    out.text = "".join(parts)
    out.triggers = [(out.text[s:e], s, e) for _, s, e in out.triggers]
    return out


# --------------------------------------------------------------------------- time


def _weekday(date: dt.date, name: str, future: bool) -> dt.date:
    """The latest such weekday on or before ``date`` (past), or the next on or after it."""
    delta = (WEEKDAYS.index(name) - date.weekday()) % 7
    return date + dt.timedelta(days=delta) if future else date - dt.timedelta(days=(7 - delta) % 7)


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def resolve_time(expr: str, date: dt.date, future: bool, words: dict[str, str]) -> str:
    """An ISO 8601 time for a template time expression, by the guidelines' rules (7.3).

    >>> resolve_time("DAY", dt.date(2024, 3, 6), False, {"DAY": "Monday"})  # a Wednesday
    '2024-03-04'
    >>> resolve_time("MONTH", dt.date(2023, 10, 16), True, {"MONTH": "September"})
    '2024-09'
    >>> resolve_time("last week", dt.date(2024, 3, 6), False, {})
    '2024-02-26/2024-03-03'
    """
    base, plus, offset = expr.partition("+")
    if base in ("DAY", "DAY2"):
        day = _weekday(date, words[base], future) + dt.timedelta(days=int(offset) if plus else 0)
        return day.isoformat()
    if base == "MONTH":
        m = MONTHS.index(words["MONTH"]) + 1
        if future:
            year = date.year if m >= date.month else date.year + 1
        else:
            year = date.year if m <= date.month else date.year - 1
        return _month(year, m)
    monday = date - dt.timedelta(days=date.weekday())
    if base in ("last week", "next week"):
        start = monday + dt.timedelta(days=-7 if base == "last week" else 7)
        return f"{start.isoformat()}/{(start + dt.timedelta(days=6)).isoformat()}"
    if base == "this month":
        return _month(date.year, date.month)
    if base == "last month":
        return _month(date.year - (date.month == 1), (date.month - 2) % 12 + 1)
    if base == "next month":
        return _month(date.year + (date.month == 12), date.month % 12 + 1)
    raise TemplateError(f"unknown time expression {expr!r}")


# --------------------------------------------------------------------------- gold


def _entity_type(key: str) -> EntityType:
    return EntityType.PER if key in PERSON_SLOTS else EntityType.GPE


def _entity_name(key: str, fill: Fill, kinds: set[str]) -> str:
    """The canonical name: the fullest name form the text uses (no world knowledge: a person
    only ever called by surname is named by the surname)."""
    if key in PERSON_SLOTS:
        p = fill.people[key]
        return p.full if "name" in kinds else p.surname
    slot, _, form = key.partition(".")
    place = fill.places[slot]
    return place.capital if form == "capital" or slot in CITY_SLOTS else place.country


def _find_trigger(r: _Rendered, spec: str, template_id: str) -> tuple[str, int, int]:
    words, _, nth = spec.partition("#")
    found = [t for t in r.triggers if t[0] == words]
    n = int(nth) if nth else 1
    if len(found) < n:
        raise TemplateError(f"template {template_id}: trigger {spec!r} is not marked [..] in the text")
    return found[n - 1]


def _sentence_index(r: _Rendered, offset: int) -> int:
    return next(i for i, s in enumerate(r.sentences) if s.start <= offset < s.end)


def build_gold(
    doc_id: str,
    template_id: str,
    sentences: tuple[str, ...],
    relations: tuple[RelSpec, ...],
    fill: Fill,
    variant: int = 0,
    date: dt.date | None = None,
    annotator: str = "challenge-generator",
) -> tuple[str, Annotation, dict[str, str]]:
    """Render and build the gold. Returns (text, annotation, slot key -> entity id)."""
    r = render(sentences, fill, variant)
    order = sorted(r.mentions, key=lambda k: min(m[0] for m in r.mentions[k]))
    ids = {key: f"E{i}" for i, key in enumerate(order, 1)}
    entities = []
    for key in order:
        ms = sorted(set(r.mentions[key]))
        part_of = None
        if key.endswith(".capital") and key.partition(".")[0] in ids:
            part_of = ids[key.partition(".")[0]]
        mention_texts = {r.text[s:e] for s, e, _ in ms}
        aliases = tuple(dict.fromkeys(a for a in r.aliases.get(key, ()) if a not in mention_texts))
        entities.append(
            Entity(
                ids[key], _entity_type(key), _entity_name(key, fill, {k for _, _, k in ms}),
                tuple(Mention(s, e, r.text[s:e]) for s, e, _ in ms), aliases, part_of,
            )
        )

    # Occasions: an explicit event label, else the relations sharing a trigger.
    triggers = [_find_trigger(r, spec.trigger, template_id) for spec in relations]
    labels = [spec.event or f"@{t[1]}" for spec, t in zip(relations, triggers, strict=True)]
    sentence_sets: list[set[int]] = []
    for spec, (_, ts, _) in zip(relations, triggers, strict=True):
        for slot in (spec.head, spec.tail):
            if slot not in ids:
                raise TemplateError(f"template {template_id}: relation argument {slot!r} is never mentioned")
        si = _sentence_index(r, ts)
        chosen = {si, *spec.sentences}
        for slot in (spec.head, spec.tail):
            starts = [m[0] for m in r.mentions[slot]]
            if not any(_sentence_index(r, s) == si for s in starts):
                before = [s for s in starts if s < ts]
                chosen.add(_sentence_index(r, max(before) if before else min(starts)))
        sentence_sets.append(chosen)
    # An in-person discussion states its meeting: the met of the same occasion shares its sentences.
    for i, spec in enumerate(relations):
        if spec.type is RelationType.DISCUSSED and spec.mode is Mode.IN_PERSON:
            for j, other in enumerate(relations):
                if other.type is RelationType.MET and labels[j] == labels[i] and {other.head, other.tail} == {spec.head, spec.tail}:
                    sentence_sets[i] |= sentence_sets[j]
                    sentence_sets[j] |= sentence_sets[i]

    order_rel = sorted(range(len(relations)), key=lambda i: (triggers[i][1], _TYPE_ORDER[relations[i].type], i))
    event_ids: dict[str, str] = {}
    for i in order_rel:
        event_ids.setdefault(labels[i], f"ev{len(event_ids) + 1}")
    rels = []
    for n, i in enumerate(order_rel, 1):
        spec = relations[i]
        ttext, ts, te = triggers[i]
        topics = []
        for t in spec.topics:
            if t not in r.topics:
                raise TemplateError(f"template {template_id}: topic slot {t!r} is not in the text")
            topics.append(Topic(topic_label(fill.topics[t]), tuple(Mention(s, e, r.text[s:e]) for s, e in r.topics[t])))
        time = None
        if spec.time is not None and date is not None:
            time = resolve_time(spec.time, date, spec.realis is Realis.PLANNED, fill.words)
        head, tail = ids[spec.head], ids[spec.tail]
        if spec.type.symmetric and order.index(spec.tail) < order.index(spec.head):
            head, tail = tail, head  # participants in order of first mention
        rels.append(
            Relation(
                f"R{n}", spec.type, head, tail, spec.polarity, spec.realis,
                Evidence(Mention(ts, te, ttext), tuple(r.sentences[k] for k in sorted(sentence_sets[i]))),
                spec.mode, tuple(topics), time, event_ids[labels[i]], spec.note,
            )
        )
    ann = Annotation(doc_id, tuple(entities), tuple(rels), (), annotator)
    return r.text, ann, ids

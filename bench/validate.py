"""The semantic validator of gold annotations and of the corpus manifest.

The JSON Schema (``bench/schema/annotation.schema.json``) or, without it, the loader
(``bench.jsonio``) checks that an annotation file has the right shape; this module checks that
it is *right* (annotations/GUIDELINES.md, section 12): offsets slice the document and mention,
trigger and topic texts match; ids are unique and resolve; argument types fit the relation type
and head differs from tail; ``mode`` and topics appear where they belong; no relation is
annotated twice; ``part_of`` has no cycle; no entity is without mentions and no two clusters'
mentions overlap; aliases occur in the text; nothing lies in an out-of-scope region or the date
prefix; evidence sentences are the document's sentences, hold the trigger and name both
arguments; times are ISO 8601. And that the manifest, the seed files (present, sha256 unchanged)
and the annotation files agree with one another.

Every defect is a ``Problem(file, where, message)`` printed as ``file: where: message``, where
``where`` is a JSON pointer (``/relations/3/head``) or ``line N`` for a JSON syntax error. All
problems are collected in one run; nothing here raises for bad input.

>>> from bench.corpus import document_from_text
>>> doc = document_from_text("d1", "Lavrov met Wang Yi.")
>>> ann = {"schema_version": 1, "doc_id": "d1", "relations": [], "out_of_scope": [], "entities": [
...     {"id": "E1", "type": "PER", "name": "Lavrov",
...      "mentions": [{"start": 0, "end": 6, "text": "Lavrov"}]},
...     {"id": "E2", "type": "PER", "name": "Wang Yi",
...      "mentions": [{"start": 11, "end": 18, "text": "Wang Y"}]}]}
>>> for p in validate_annotation(ann, doc):
...     print(p)
<annotation>: /entities/1/mentions/0: mention text 'Wang Y' does not match the document text at [11, 18): 'Wang Yi'
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .corpus import PROJECT_ROOT, Corpus, read_manifest
from .errors import BenchError, InputError, Problem
from .jsonio import annotation_from_dict, annotation_to_dict, loads_checked
from .model import Annotation, Document, EntityType, Mode, RelationType

SCHEMA_VERSION = 1
SCHEMA_RESOURCE = ("schema", "annotation.schema.json")

# Argument types allowed per relation type: (head, tail).
_PARTICIPANT = frozenset({EntityType.PER, EntityType.ORG, EntityType.GPE})
ALLOWED_TYPES: dict[RelationType, tuple[frozenset[str], frozenset[str]]] = {
    RelationType.VISITED: (
        _PARTICIPANT,
        frozenset({EntityType.GPE, EntityType.LOC, EntityType.FAC, EntityType.ORG}),
    ),
    RelationType.MET: (_PARTICIPANT, _PARTICIPANT),
    RelationType.DISCUSSED: (_PARTICIPANT, _PARTICIPANT),
}

# Keys each object of an annotation may carry (the loader ignores others; a typo such as
# "partof" would silently lose data, so the validator names it).
_KEYS = {
    "": {"schema_version", "doc_id", "annotator", "entities", "relations", "out_of_scope"},
    "entity": {"id", "type", "name", "aliases", "part_of", "mentions"},
    "mention": {"start", "end", "text"},
    "relation": {
        "id", "type", "head", "tail", "polarity", "realis", "mode", "time", "event", "topics",
        "evidence", "note",
    },
    "topic": {"label", "mentions"},
    "evidence": {"trigger", "sentences"},
    "span": {"start", "end"},
}

_ENTITY_TYPES = frozenset(t.value for t in EntityType)
_ISO_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# --------------------------------------------------------------------------- helpers


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _list(x: Any) -> list:
    return x if isinstance(x, list) else []


def _dict(x: Any) -> dict:
    return x if isinstance(x, dict) else {}


def _pointer_key(where: str) -> tuple:
    """Sort key that orders ``/relations/10`` after ``/relations/9``."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in where.split("/"))


def _display(path: str | os.PathLike) -> str:
    """A path relative to the working directory when it lies below it, else as given."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def iso_time_problem(value: str) -> str | None:
    """Why ``value`` is not an ISO 8601 date, month, year or ``START/END`` interval of those;
    None when it is one.

    >>> iso_time_problem("2023-10-18/2023-10-19") is None
    True
    >>> iso_time_problem("2023-02-30")
    "'2023-02-30' is not a valid calendar date"
    >>> iso_time_problem("2023-10-19/2023-10-18")
    "interval '2023-10-19/2023-10-18' ends before it starts"
    """
    parts = value.split("/")
    if len(parts) > 2:
        return f"{value!r} has more than one '/'"
    bounds = []
    for part in parts:
        m = _ISO_PART.match(part)
        if not m:
            return (
                f"{value!r} is not an ISO 8601 date (YYYY-MM-DD), month (YYYY-MM), year (YYYY) "
                "or interval START/END of those"
            )
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            first = dt.date(year, month or 1, day or 1)
        except ValueError:
            return f"{part!r} is not a valid calendar date"
        if day is not None:
            last = first
        elif month is not None:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
        else:
            last = dt.date(year, 12, 31)
        bounds.append((first, last))
    if len(bounds) == 2 and bounds[1][1] < bounds[0][0]:
        return f"interval {value!r} ends before it starts"
    return None


# --------------------------------------------------------------------------- structure


def schema_path() -> Path | None:
    """Where the annotation JSON Schema is: the copy packaged in ``bench/schema/``, else the
    checkout's ``annotations/schema/``; None when neither exists."""
    from importlib import resources

    packaged = resources.files("bench").joinpath(*SCHEMA_RESOURCE)
    if packaged.is_file():
        return Path(str(packaged))
    checkout = PROJECT_ROOT / "annotations" / SCHEMA_RESOURCE[0] / SCHEMA_RESOURCE[1]
    return checkout if checkout.is_file() else None


@lru_cache(maxsize=1)
def _schema_validator():
    """The JSON Schema validator of annotation files, or None when there is no schema. A
    schema that cannot be used is an error, not silently skipped."""
    path = schema_path()
    if path is None:
        return None
    import jsonschema

    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except (ValueError, jsonschema.exceptions.SchemaError) as exc:
        raise BenchError(f"{path}: the annotation schema is unusable: {exc}") from None
    return cls(schema)


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value)[:60]


def _escape(key: Any) -> str:
    """A JSON pointer reference token (RFC 6901)."""
    return str(key).replace("~", "~0").replace("/", "~1")


def _pointer(path: Iterable) -> str:
    return "".join(f"/{_escape(p)}" for p in path)


def _schema_problems(data: Any, file: str) -> list[Problem]:
    """The schema's findings, reworded like the loader's where the two overlap (a missing or
    unknown field is named by its own pointer)."""
    validator = _schema_validator()
    if validator is None:
        return []
    from jsonschema.exceptions import best_match

    out = []
    for err in validator.iter_errors(data):
        if err.context:  # anyOf / oneOf: the most relevant branch says more
            err = best_match(err.context) or err
        where = _pointer(err.absolute_path)
        kind, inst, schema = err.validator, err.instance, err.schema
        if kind == "required" and isinstance(inst, dict):
            for key in err.validator_value:
                if key not in inst:
                    out.append(Problem(file, f"{where}/{_escape(key)}", "missing required field"))
            continue
        if kind == "additionalProperties" and isinstance(inst, dict) and isinstance(schema, dict):
            known = schema.get("properties", {})
            patterns = list(schema.get("patternProperties", {}))
            allowed = ", ".join(sorted(known))
            for key in inst:
                if key not in known and not any(re.search(pat, key) for pat in patterns):
                    out.append(Problem(file, f"{where}/{_escape(key)}", f"unknown field; allowed: {allowed}"))
            continue
        if kind == "enum":
            allowed = ", ".join(repr(v) for v in err.validator_value)
            message = f"must be one of {allowed}; got {_show(inst)}"
        elif kind == "const":
            message = f"must be {err.validator_value!r}; got {_show(inst)}"
        elif kind == "type":
            message = f"expected {err.validator_value}, got {_show(inst)}"
        elif kind == "pattern" and isinstance(schema, dict) and schema.get("description"):
            message = f"{_show(inst)} does not fit the rule: {schema['description']}"
        else:
            message = err.message
        out.append(Problem(file, where, message))
    return out


def _unknown_keys(data: dict, file: str) -> list[Problem]:
    out: list[Problem] = []

    def check(obj: Any, kind: str, where: str) -> None:
        if isinstance(obj, dict):
            for key in obj:
                if key not in _KEYS[kind]:
                    allowed = ", ".join(sorted(_KEYS[kind]))
                    out.append(Problem(file, f"{where}/{_escape(key)}", f"unknown field; allowed: {allowed}"))

    check(data, "", "")
    for i, e in enumerate(_list(data.get("entities"))):
        check(e, "entity", f"/entities/{i}")
        for j, m in enumerate(_list(_dict(e).get("mentions"))):
            check(m, "mention", f"/entities/{i}/mentions/{j}")
    for i, r in enumerate(_list(data.get("relations"))):
        w = f"/relations/{i}"
        check(r, "relation", w)
        for j, t in enumerate(_list(_dict(r).get("topics"))):
            check(t, "topic", f"{w}/topics/{j}")
            for k, m in enumerate(_list(_dict(t).get("mentions"))):
                check(m, "mention", f"{w}/topics/{j}/mentions/{k}")
        ev = _dict(r).get("evidence")
        check(ev, "evidence", f"{w}/evidence")
        check(_dict(ev).get("trigger"), "mention", f"{w}/evidence/trigger")
    for i, s in enumerate(_list(data.get("out_of_scope"))):
        check(s, "span", f"/out_of_scope/{i}")
    return out


def structural_problems(data: Any, file: str) -> list[Problem]:
    """Shape problems: the JSON Schema's messages when the schema finds a fault, else the
    loader's (which also catches what a permissive schema lets through), plus unknown keys."""
    if not isinstance(data, dict):
        return [Problem(file, "", "expected a JSON object at the top level")]
    schema = _schema_problems(data, file)
    if schema:
        return schema
    out: list[Problem] = []
    try:
        annotation_from_dict(data, file)
    except BenchError as exc:
        out.extend(getattr(exc, "problems", [Problem(file, "", str(exc))]))
    seen = {p.where for p in out}
    out.extend(p for p in _unknown_keys(data, file) if p.where not in seen)
    return out


# --------------------------------------------------------------------------- semantics


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    where: str

    def overlaps(self, other: _Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: _Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class _Checker:
    """Semantic checks over an annotation's JSON value. Parts of the wrong shape are skipped
    (the structural pass reports them), so one bad field does not hide other problems."""

    def __init__(self, data: dict, doc: Document | None, file: str):
        self.data = data
        self.doc = doc
        self.text = doc.text if doc is not None else None
        self.file = file
        self.problems: list[Problem] = []
        self.oos: list[_Span] = []
        self._sentences: list | None = None

    @property
    def sentences(self) -> list:
        """The document's sentences as ``bench.text.sentence_spans`` splits its prose."""
        if self._sentences is None:
            from .text import document_sentences

            self._sentences = document_sentences(self.doc) if self.doc is not None else []
        return self._sentences

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))

    # spans -----------------------------------------------------------------

    def span(self, start: Any, end: Any, where: str, what: str) -> _Span | None:
        """Range check of a half-open span; None if it is unusable."""
        if not (_is_int(start) and _is_int(end)):
            return None
        n = len(self.text) if self.text is not None else None
        if start < 0 or end <= start or (n is not None and end > n):
            limit = f" <= {n} (the length of document {self.doc.id})" if n is not None else ""
            self.add(where, f"{what} offsets [{start}, {end}) out of range: need 0 <= start < end{limit}")
            return None
        return _Span(start, end, where)

    def mention(self, m: Any, where: str, what: str) -> _Span | None:
        if not isinstance(m, dict):
            return None
        sp = self.span(m.get("start"), m.get("end"), where, what)
        if sp is None:
            return None
        given = m.get("text")
        if self.text is not None and isinstance(given, str):
            actual = self.text[sp.start : sp.end]
            if given != actual:
                self.add(where, f"{what} text {given!r} does not match the document text at [{sp.start}, {sp.end}): {actual!r}")
        self.in_scope(sp, what)
        return sp

    def in_scope(self, sp: _Span, what: str) -> None:
        """Nothing is annotated in an out-of-scope region or in the date prefix."""
        for region in self.oos:
            if region.overlaps(sp):
                self.add(sp.where, f"{what} [{sp.start}, {sp.end}) lies in the out-of-scope region [{region.start}, {region.end}) ({region.where})")
                break
        if self.doc is not None and sp.start < self.doc.body_start:
            self.add(sp.where, f"{what} [{sp.start}, {sp.end}) lies in the date prefix [0, {self.doc.body_start}), which is not prose")

    def pair(self, s: Any, where: str, what: str) -> _Span | None:
        if isinstance(s, list) and len(s) == 2:
            return self.span(s[0], s[1], where, what)
        if isinstance(s, dict):
            return self.span(s.get("start"), s.get("end"), where, what)
        return None

    # sections --------------------------------------------------------------

    def run(self, expected_id: str | None) -> list[Problem]:
        d = self.data
        version = d.get("schema_version")
        if _is_int(version) and version != SCHEMA_VERSION:
            self.add("/schema_version", f"unsupported schema_version {version}; this version of bench reads {SCHEMA_VERSION}")
        doc_id = d.get("doc_id")
        if isinstance(doc_id, str):
            if expected_id is not None and doc_id != expected_id:
                self.add("/doc_id", f"doc_id {doc_id!r} does not match the file name (expected {expected_id!r})")
            elif self.doc is not None and doc_id != self.doc.id:
                self.add("/doc_id", f"doc_id {doc_id!r} is not the document it is checked against ({self.doc.id!r})")
        for i, s in enumerate(_list(d.get("out_of_scope"))):
            sp = self.pair(s, f"/out_of_scope/{i}", "out-of-scope region")
            if sp is not None:
                self.oos.append(sp)
        entities = self.entities()
        self.relations(entities)
        return self.problems

    def entities(self) -> dict[str, dict]:
        """Check entities; return the first entity of each id."""
        by_id: dict[str, dict] = {}
        where_of: dict[str, str] = {}
        ents = _list(self.data.get("entities"))
        all_mentions: list[tuple[_Span, Any]] = []
        for i, e in enumerate(ents):
            w = f"/entities/{i}"
            if not isinstance(e, dict):
                continue
            eid = e.get("id")
            if isinstance(eid, str):
                if eid in by_id:
                    self.add(f"{w}/id", f"duplicate entity id {eid!r} (first at {where_of[eid]})")
                else:
                    by_id[eid], where_of[eid] = e, w
            if self.text is not None:
                for j, alias in enumerate(_list(e.get("aliases"))):
                    if isinstance(alias, str) and alias and alias not in self.text:
                        self.add(f"{w}/aliases/{j}", f"alias {alias!r} does not occur in the document; aliases are forms the text uses")
            mentions = _list(e.get("mentions"))
            if "mentions" in e and isinstance(e.get("mentions"), list) and not mentions:
                self.add(f"{w}/mentions", f"entity {eid!r} ({e.get('name')!r}) has no mentions; annotate every mention or remove the entity")
            seen: dict[tuple[int, int], str] = {}
            for j, m in enumerate(mentions):
                sp = self.mention(m, f"{w}/mentions/{j}", "mention")
                if sp is None:
                    continue
                key = (sp.start, sp.end)
                if key in seen:
                    self.add(sp.where, f"mention [{sp.start}, {sp.end}) is listed twice in this entity (also {seen[key]})")
                else:
                    seen[key] = sp.where
                    all_mentions.append((sp, eid if isinstance(eid, str) else i))
        self.cluster_overlaps(all_mentions)
        known = ", ".join(by_id) or "none"
        for i, e in enumerate(ents):
            parent = _dict(e).get("part_of")
            if not isinstance(parent, str):
                continue
            if parent == e.get("id"):
                self.add(f"/entities/{i}/part_of", f"entity {parent!r} is part_of itself")
            elif parent not in by_id:
                self.add(f"/entities/{i}/part_of", f"part_of names unknown entity id {parent!r}; known: {known}")
        self.part_of_cycles(by_id, where_of)
        return by_id

    def cluster_overlaps(self, mentions: list[tuple[_Span, Any]]) -> None:
        """Mentions of different clusters do not overlap: an argument's offsets must align to
        one cluster. Reported once, at the later of the two mentions."""
        mentions = sorted(mentions, key=lambda m: (m[0].start, m[0].end))
        active: list[tuple[_Span, Any]] = []
        for sp, owner in mentions:
            active = [(a, o) for a, o in active if a.end > sp.start]
            other = next(((a, o) for a, o in active if o != owner), None)
            if other is not None:
                a, o = other
                self.add(
                    sp.where,
                    f"mention {self.quote(sp)}[{sp.start}, {sp.end}) overlaps mention {self.quote(a)}[{a.start}, {a.end}) "
                    f"of entity {o!r} ({a.where}); mentions of different clusters must not overlap",
                )
            active.append((sp, owner))

    def quote(self, sp: _Span) -> str:
        return f"{self.text[sp.start:sp.end]!r} " if self.text is not None else ""

    def part_of_cycles(self, by_id: dict[str, dict], where_of: dict[str, str]) -> None:
        reported: set[str] = set()
        for start in by_id:
            chain = [start]
            cur = by_id[start].get("part_of")
            while isinstance(cur, str) and cur in by_id and cur not in chain and cur != start:
                chain.append(cur)
                cur = by_id[cur].get("part_of")
            if cur == start and len(chain) > 1 and not reported & set(chain):
                reported.update(chain)
                cycle = " -> ".join([*chain, start])
                self.add(f"{where_of[start]}/part_of", f"part_of cycle: {cycle}")

    def relations(self, entities: dict[str, dict]) -> None:
        by_id: dict[str, str] = {}
        dup_keys: dict[tuple, tuple[str, Any]] = {}
        known = ", ".join(entities) or "none"
        for i, r in enumerate(_list(self.data.get("relations"))):
            w = f"/relations/{i}"
            if not isinstance(r, dict):
                continue
            rid = r.get("id")
            if isinstance(rid, str):
                if rid in by_id:
                    self.add(f"{w}/id", f"duplicate relation id {rid!r} (first at {by_id[rid]})")
                else:
                    by_id[rid] = w
            try:
                rtype = RelationType(r.get("type"))
            except ValueError:
                rtype = None
            args = {}
            for key in ("head", "tail"):
                ref = r.get(key)
                if not isinstance(ref, str):
                    continue
                if ref not in entities:
                    self.add(f"{w}/{key}", f"{key} names unknown entity id {ref!r}; known: {known}")
                    continue
                args[key] = ref
            if isinstance(r.get("head"), str) and r.get("head") == r.get("tail"):
                self.add(f"{w}/tail", f"head and tail are the same entity {r['head']!r}")
            if rtype is not None:
                self.argument_types(rtype, args, entities, w)
                self.mode_and_topics(rtype, r, w)
                key = self.duplicate_key(rtype, r)
                if key is not None:
                    if key in dup_keys:
                        first_w, first_id = dup_keys[key]
                        self.add(w, f"duplicates relation {first_id!r} ({first_w}): same type, arguments, polarity, realis and event")
                    else:
                        dup_keys[key] = (w, rid)
            time = r.get("time")
            if isinstance(time, str):
                why = iso_time_problem(time)
                if why:
                    self.add(f"{w}/time", why)
            spans = self.evidence(r, w)
            if spans:
                self.arguments_in_evidence(r, args, entities, spans, w)

    def argument_types(self, rtype: RelationType, args: dict, entities: dict, w: str) -> None:
        roles = rtype.roles
        for pos, key in enumerate(("head", "tail")):
            if key not in args:
                continue
            ent = entities[args[key]]
            etype = ent.get("type")
            allowed = ALLOWED_TYPES[rtype][pos]
            if isinstance(etype, str) and etype in _ENTITY_TYPES and etype not in allowed:
                names = ", ".join(t for t in EntityType if t in allowed)
                self.add(
                    f"{w}/{key}",
                    f"{rtype.value}: the {roles[pos]} ({key}) {args[key]!r} ({ent.get('name')!r}) is {etype}; allowed: {names}",
                )

    def mode_and_topics(self, rtype: RelationType, r: dict, w: str) -> None:
        modes = ", ".join(m.value for m in Mode)
        if rtype is RelationType.DISCUSSED:
            if r.get("mode") is None:
                self.add(f"{w}/mode", f"discussed needs a mode (one of {modes}; unspecified when the text does not say)")
            if not _list(r.get("topics")):
                self.add(f"{w}/topics", "discussed needs at least one topic (a meeting without a stated topic is met only)")
        else:
            if r.get("mode") is not None:
                self.add(f"{w}/mode", f"mode applies to discussed only; remove it from this {rtype.value} relation")
            if r.get("topics"):
                self.add(f"{w}/topics", f"topics apply to discussed only; remove them from this {rtype.value} relation")
        for j, t in enumerate(_list(r.get("topics"))):
            tw = f"{w}/topics/{j}"
            if not isinstance(t, dict):
                continue
            label = t.get("label")
            if isinstance(label, str) and not label.strip():
                self.add(f"{tw}/label", "topic label is empty")
            mentions = t.get("mentions")
            if isinstance(mentions, list) and not mentions:
                self.add(f"{tw}/mentions", f"topic {label!r} has no span in the text; give the words that state it")
            for k, m in enumerate(_list(mentions)):
                self.mention(m, f"{tw}/mentions/{k}", "topic")

    @staticmethod
    def duplicate_key(rtype: RelationType, r: dict) -> tuple | None:
        head, tail = r.get("head"), r.get("tail")
        if not (isinstance(head, str) and isinstance(tail, str)):
            return None
        args = tuple(sorted((head, tail))) if rtype.symmetric else (head, tail)
        attrs = tuple(repr(r.get(k)) for k in ("polarity", "realis", "event"))
        return (rtype, args, *attrs)

    def evidence(self, r: dict, w: str) -> list[_Span]:
        """Check the trigger and sentences; return the usable sentence spans."""
        ev = r.get("evidence")
        if not isinstance(ev, dict):
            return []
        trigger = self.mention(ev.get("trigger"), f"{w}/evidence/trigger", "trigger")
        sentences = ev.get("sentences")
        if isinstance(sentences, list) and not sentences:
            self.add(f"{w}/evidence/sentences", "relation has no evidence sentence; give the sentence(s) that state it")
        spans = [
            sp
            for k, s in enumerate(_list(sentences))
            if (sp := self.pair(s, f"{w}/evidence/sentences/{k}", "evidence sentence")) is not None
        ]
        for sp in spans:
            self.in_scope(sp, "evidence sentence")
            if self.doc is not None and not any(s.start == sp.start and s.end == sp.end for s in self.sentences):
                near = [s for s in self.sentences if s.start < sp.end and sp.start < s.end]
                hint = f" (it overlaps {', '.join(f'[{s.start}, {s.end})' for s in near)})" if near else ""
                self.add(
                    sp.where,
                    f"evidence sentence [{sp.start}, {sp.end}) is not a sentence of the document as "
                    f"bench.text.sentence_spans splits it{hint}",
                )
        if trigger is not None and spans and not any(s.contains(trigger) for s in spans):
            self.add(
                f"{w}/evidence/trigger",
                f"trigger [{trigger.start}, {trigger.end}) lies outside every evidence sentence ({', '.join(f'[{s.start}, {s.end})' for s in spans)})",
            )
        return spans

    def arguments_in_evidence(self, r: dict, args: dict, entities: dict, spans: list[_Span], w: str) -> None:
        """Each argument is named in the relation's evidence: the guidelines add the sentence
        that resolves a pronoun or group phrase, so a cluster with no mention there is most
        likely the wrong cluster."""
        for key, ref in args.items():
            mentions = [
                (m.get("start"), m.get("end")) for m in _list(entities[ref].get("mentions")) if isinstance(m, dict)
            ]
            n = len(self.text) if self.text is not None else float("inf")
            mentions = [(a, b) for a, b in mentions if _is_int(a) and _is_int(b) and 0 <= a < b <= n]
            if mentions and not any(s.start <= a and b <= s.end for a, b in mentions for s in spans):
                self.add(
                    f"{w}/{key}",
                    f"{key} {ref!r} ({entities[ref].get('name')!r}) has no mention in the relation's evidence "
                    "sentences; add the sentence that names it, or check the argument",
                )


# --------------------------------------------------------------------------- public API


def _read_json(path: Path, file: str) -> tuple[Any, list[Problem]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(file, "", "file not found")]
    except IsADirectoryError:
        return None, [Problem(file, "", "is a directory, not an annotation file")]
    except UnicodeDecodeError as exc:
        return None, [Problem(file, f"byte {exc.start}", "not valid UTF-8")]
    except OSError as exc:
        return None, [Problem(file, "", f"cannot read: {exc.strerror}")]
    try:
        return loads_checked(raw, file), []
    except InputError as exc:  # a syntax error, nesting too deep, a key given twice
        return None, list(exc.problems)


def validate_annotation(
    ann_or_path: Annotation | dict | str | os.PathLike,
    doc: Document | None,
    file: str | None = None,
) -> list[Problem]:
    """Every problem of one annotation checked against its document.

    ``ann_or_path`` is a file (its name must be ``<doc_id>.json``), a parsed JSON value or an
    ``Annotation``. With ``doc`` None the checks that need the text are left out.
    """
    if isinstance(ann_or_path, Annotation):
        return _validate_data(annotation_to_dict(ann_or_path), doc, file or "<annotation>", None)
    if isinstance(ann_or_path, dict):
        return _validate_data(ann_or_path, doc, file or "<annotation>", None)
    path = Path(ann_or_path)
    file = file or _display(path)
    data, problems = _read_json(path, file)
    if problems:
        return problems
    return _validate_data(data, doc, file, path.stem)


def _validate_data(data: Any, doc: Document | None, file: str, expected_id: str | None) -> list[Problem]:
    structural = structural_problems(data, file)
    semantic = _Checker(data, doc, file).run(expected_id) if isinstance(data, dict) else []
    # Where a semantic check speaks about the same place as the schema (a discussed relation
    # without mode, an entity without mentions, a malformed time), its message is the specific
    # one; keep it alone.
    said = {p.where for p in semantic}
    structural = [
        p for p in structural
        if p.where not in said and not (p.where and any(w.startswith(p.where + "/") for w in said))
    ]
    return sorted(structural + semantic, key=lambda p: _pointer_key(p.where))


def annotation_files(root: str | os.PathLike) -> list[Path]:
    """The gold files of a corpus: ``annotations/*.json``, not the drafts/, agreement/ or
    schema/ folders below it. ``OSError`` when the folder's name is refused (too long)."""
    folder = Path(root) / "annotations"
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def validate_corpus(
    root: str | os.PathLike | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> list[Problem]:
    """Every problem of the corpus at ``root`` (default: this checkout).

    Without ``paths``: the manifest, each seed file (present, sha256 unchanged), every gold
    file in ``annotations/``, a document without gold and a gold file without a document.
    With ``paths``: those annotation files (a folder stands for its ``*.json``), each against
    its manifest document.
    """
    return check_corpus(root, paths)[0]


def check_corpus(
    root: str | os.PathLike | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> tuple[list[Problem], list[Path]]:
    """``validate_corpus`` plus the list of annotation files it checked."""
    root = Path(root) if root is not None else PROJECT_ROOT
    manifest = root / "seeds" / "manifest.json"
    mfile = _display(manifest)
    problems: list[Problem] = []
    try:
        entries = read_manifest(manifest)
    except BenchError as exc:
        problems.extend(getattr(exc, "problems", [Problem(mfile, "", str(exc))]))
        entries = ()
    corpus = Corpus(root, entries)
    index = {e.id: i for i, e in enumerate(entries)}

    docs: dict[str, Document | None] = {}

    def document(doc_id: str) -> Document | None:
        """The document, loaded once; its loading problems are reported once."""
        if doc_id not in docs:
            docs[doc_id] = None
            entry = entries[index[doc_id]]
            path = root / "seeds" / entry.file
            where = f"/documents/{index[doc_id]}/file"
            try:
                present = path.is_file()
            except OSError as exc:  # a name the file system refuses (too long, ...)
                problems.append(Problem(mfile, where, f"cannot read document file {_display(path)}: {exc.strerror}"))
                return None
            if not present:
                problems.append(Problem(mfile, where, f"document file {_display(path)} not found"))
            else:
                try:
                    docs[doc_id] = corpus.document(doc_id)
                except BenchError as exc:
                    for p in getattr(exc, "problems", [Problem(str(path), "", str(exc))]):
                        problems.append(Problem(_display(p.file or path), p.where, p.message))
        return docs[doc_id]

    if paths is None:
        try:
            files = annotation_files(root)
        except OSError as exc:  # a root the file system refuses (too long, ...)
            problems.append(Problem(_display(root / "annotations"), "", f"cannot read: {exc.strerror}"))
            files = []
        for e in entries:
            document(e.id)
        have = {p.stem for p in files}
        for e in entries:
            if e.id not in have:
                problems.append(Problem(mfile, f"/documents/{index[e.id]}", f"document {e.id!r} has no annotation file annotations/{e.id}.json"))
    else:
        files = []
        for p in map(Path, paths):
            try:
                folder = p.is_dir()
            except OSError:  # a name the file system refuses: reading it below says why
                folder = False
            files.extend(sorted(p.glob("*.json")) if folder else [p])

    known = ", ".join(list(index)[:10]) + (" ..." if len(index) > 10 else "")
    for path in files:
        file = _display(path)
        data, read_problems = _read_json(path, file)
        if read_problems:
            problems.extend(read_problems)
            continue
        claimed = data.get("doc_id") if isinstance(data, dict) else None
        if isinstance(claimed, str) and claimed in index:
            doc_id = claimed
        else:
            doc_id = path.stem if path.stem in index else None
        if doc_id is None:
            named = claimed if isinstance(claimed, str) else path.stem
            problems.append(Problem(file, "/doc_id", f"no document {named!r} in the manifest {mfile}; known: {known or 'none'}"))
        problems.extend(_validate_data(data, document(doc_id) if doc_id else None, file, path.stem))
    return problems, files

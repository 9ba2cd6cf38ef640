"""JSON reading and writing for annotations and predictions.

Annotation files are written in one canonical layout (``dumps_canonical``): containers that
fit on one line of at most 100 characters stay on one line, others are expanded with two-space
indentation, keys in a fixed order. Loading a file written this way and dumping it again gives
the same bytes, so gold diffs stay small and reviewable.

Parsing is strict and explains itself: every defect is a ``Problem`` with a JSON pointer.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import BenchError, InputError, Problem
from .model import (
    Annotation,
    ArgumentRef,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Mode,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Realis,
    Relation,
    RelationType,
    Span,
    Topic,
)

LINE_WIDTH = 100


def dumps_canonical(value: Any, indent: int = 0) -> str:
    """Serialise ``value`` compactly where it fits on a line, expanded where it does not.

    >>> print(dumps_canonical({"a": [1, 2], "b": {"c": "d"}}))
    {"a": [1, 2], "b": {"c": "d"}}
    """
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if len(flat) + indent <= LINE_WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [
            f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps_canonical(v, indent + 2)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{dumps_canonical(v, indent + 2)}" for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


class OutputError(BenchError, OSError):
    """A file could not be written: a folder in its place, no permission, a full disk.

    It is an ``OSError`` too, so code that tolerates failed writes keeps doing so; the CLI
    prints it as a message (``path: cannot write: reason``), not a traceback.
    """

    def __str__(self) -> str:
        return f"{self.filename}: cannot write: {self.strerror}"


def make_folder(folder: str | os.PathLike, target: str | os.PathLike | None = None) -> None:
    """Create ``folder`` and its parents; ``OutputError`` names ``target`` (default: the
    folder) and says why not, e.g. that a parent is a file."""
    folder = Path(folder)
    target = str(target if target is not None else folder)
    try:
        for parent in (folder, *folder.parents):
            if parent.exists():
                if not parent.is_dir():
                    raise OutputError(errno.ENOTDIR, f"{parent} is a file, not a folder", target)
                break
        folder.mkdir(parents=True, exist_ok=True)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(exc.errno, exc.strerror or str(exc), target) from None


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a reader never
    sees half a file and an interrupted write leaves the old file intact.

    A failure to write raises ``OutputError`` naming the path."""
    path = Path(path)
    try:
        folder = path.is_dir()
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise OutputError(exc.errno, exc.strerror or str(exc), str(path)) from None
    if folder:
        raise OutputError(errno.EISDIR, "it is a folder; give a file name", str(path))
    make_folder(path.parent, path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(exc.errno, exc.strerror or str(exc), str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; results are meant to be shared
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise OutputError(exc.errno, exc.strerror or str(exc), str(path)) from None
        raise


# --------------------------------------------------------------------------- annotations


def mention_to_dict(m: Mention) -> dict:
    return {"start": m.start, "end": m.end, "text": m.text}


def annotation_to_dict(ann: Annotation) -> dict:
    """The JSON form of an annotation (see annotations/schema/annotation.schema.json)."""
    out: dict[str, Any] = {"schema_version": ann.schema_version, "doc_id": ann.doc_id}
    if ann.annotator is not None:
        out["annotator"] = ann.annotator
    out["entities"] = [_entity_to_dict(e) for e in ann.entities]
    out["relations"] = [_relation_to_dict(r) for r in ann.relations]
    out["out_of_scope"] = [{"start": s.start, "end": s.end} for s in ann.out_of_scope]
    return out


def _entity_to_dict(e: Entity) -> dict:
    d: dict[str, Any] = {"id": e.id, "type": e.type.value, "name": e.name}
    if e.aliases:
        d["aliases"] = list(e.aliases)
    if e.part_of is not None:
        d["part_of"] = e.part_of
    d["mentions"] = [mention_to_dict(m) for m in e.mentions]
    return d


def _relation_to_dict(r: Relation) -> dict:
    d: dict[str, Any] = {
        "id": r.id,
        "type": r.type.value,
        "head": r.head,
        "tail": r.tail,
        "polarity": r.polarity.value,
        "realis": r.realis.value,
    }
    if r.mode is not None:
        d["mode"] = r.mode.value
    if r.time is not None:
        d["time"] = r.time
    if r.event is not None:
        d["event"] = r.event
    if r.topics:
        d["topics"] = [
            {"label": t.label, "mentions": [mention_to_dict(m) for m in t.mentions]}
            for t in r.topics
        ]
    ev: dict[str, Any] = {}
    if r.evidence.trigger is not None:
        ev["trigger"] = mention_to_dict(r.evidence.trigger)
    ev["sentences"] = [[s.start, s.end] for s in r.evidence.sentences]
    d["evidence"] = ev
    if r.note is not None:
        d["note"] = r.note
    return d


class _Reader:
    """Collects problems while turning JSON values into model objects."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        p = Problem(self.file, where, message)
        if p not in self.problems:  # a non-object is met once per field read from it
            self.problems.append(p)

    def get(self, obj: Any, key: str, where: str, kind: type | tuple, required: bool = True):
        if not isinstance(obj, dict):
            self.problem(where, f"expected an object, got {type(obj).__name__}")
            return None
        if key not in obj or obj[key] is None:
            if required:
                self.problem(f"{where}/{key}", "missing required field")
            return None
        value = obj[key]
        if isinstance(value, bool) and kind in (int, (int, float)):
            value = object()  # booleans are not numbers here
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            self.problem(f"{where}/{key}", f"expected {names}, got {json.dumps(obj[key])[:60]}")
            return None
        return value

    def enum(self, obj: Any, key: str, where: str, enum_cls, required: bool = True):
        raw = self.get(obj, key, where, str, required)
        if raw is None:
            return None
        try:
            return enum_cls(raw)
        except ValueError:
            allowed = ", ".join(repr(v.value) for v in enum_cls)
            self.problem(f"{where}/{key}", f"must be one of {allowed}; got {raw!r}")
            return None

    def mention(self, obj: Any, where: str) -> Mention | None:
        start = self.get(obj, "start", where, int)
        end = self.get(obj, "end", where, int)
        text = self.get(obj, "text", where, str)
        if start is None or end is None or text is None:
            return None
        return Mention(start, end, text)

    def span_pair(self, obj: Any, where: str) -> Span | None:
        if (
            isinstance(obj, list)
            and len(obj) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in obj)
        ):
            return Span(obj[0], obj[1])
        if isinstance(obj, dict):
            s = self.get(obj, "start", where, int)
            e = self.get(obj, "end", where, int)
            return None if s is None or e is None else Span(s, e)
        self.problem(where, "expected [start, end] or {\"start\", \"end\"}")
        return None

    def items(self, obj: Any, key: str, where: str, required: bool = True) -> list:
        value = self.get(obj, key, where, list, required)
        return value or []


def annotation_from_dict(data: Any, file: str = "<annotation>") -> Annotation:
    """Parse an annotation, raising ``InputError`` with every structural problem found.

    Semantic checks (offsets slice the text, ids resolve, roles fit) are the validator's.
    """
    rd = _Reader(file)
    if not isinstance(data, dict):
        raise InputError(Problem(file, "", "expected a JSON object at the top level"))
    version = rd.get(data, "schema_version", "", int)
    doc_id = rd.get(data, "doc_id", "", str)
    annotator = rd.get(data, "annotator", "", str, required=False)
    entities: list[Entity] = []
    for i, e in enumerate(rd.items(data, "entities", "")):
        w = f"/entities/{i}"
        eid = rd.get(e, "id", w, str)
        etype = rd.enum(e, "type", w, EntityType)
        name = rd.get(e, "name", w, str)
        aliases = rd.get(e, "aliases", w, list, required=False) or []
        if not all(isinstance(a, str) for a in aliases):
            rd.problem(f"{w}/aliases", "expected a list of strings")
            aliases = []
        part_of = rd.get(e, "part_of", w, str, required=False)
        mentions = [rd.mention(m, f"{w}/mentions/{j}") for j, m in enumerate(rd.items(e, "mentions", w))]
        if None in (eid, etype, name) or None in mentions:
            continue
        entities.append(Entity(eid, etype, name, tuple(mentions), tuple(aliases), part_of))
    relations: list[Relation] = []
    for i, r in enumerate(rd.items(data, "relations", "")):
        rel = _relation_from_dict(rd, r, f"/relations/{i}")
        if rel is not None:
            relations.append(rel)
    oos = [rd.span_pair(s, f"/out_of_scope/{i}") for i, s in enumerate(rd.items(data, "out_of_scope", "", required=False))]
    if isinstance(data, dict):
        known = {"schema_version", "doc_id", "annotator", "entities", "relations", "out_of_scope"}
        for key in data:
            if key not in known:
                rd.problem(f"/{key}", f"unknown field; allowed: {', '.join(sorted(known))}")
    if rd.problems:
        raise InputError(rd.problems)
    return Annotation(doc_id, tuple(entities), tuple(relations), tuple(s for s in oos if s), annotator, version)


def _relation_from_dict(rd: _Reader, r: Any, w: str) -> Relation | None:
    before = len(rd.problems)
    rid = rd.get(r, "id", w, str)
    rtype = rd.enum(r, "type", w, RelationType)
    head = rd.get(r, "head", w, str)
    tail = rd.get(r, "tail", w, str)
    polarity = rd.enum(r, "polarity", w, Polarity)
    realis = rd.enum(r, "realis", w, Realis)
    mode = rd.enum(r, "mode", w, Mode, required=False)
    time = rd.get(r, "time", w, str, required=False)
    event = rd.get(r, "event", w, str, required=False)
    note = rd.get(r, "note", w, str, required=False)
    topics = []
    for j, t in enumerate(rd.items(r, "topics", w, required=False)):
        tw = f"{w}/topics/{j}"
        label = rd.get(t, "label", tw, str)
        ms = [rd.mention(m, f"{tw}/mentions/{k}") for k, m in enumerate(rd.items(t, "mentions", tw))]
        if label is not None and None not in ms:
            topics.append(Topic(label, tuple(ms)))
    ev = rd.get(r, "evidence", w, dict)
    trigger = None
    sentences: list[Span] = []
    if ev is not None:
        if ev.get("trigger") is not None:
            trigger = rd.mention(ev["trigger"], f"{w}/evidence/trigger")
        for k, s in enumerate(rd.items(ev, "sentences", f"{w}/evidence")):
            sp = rd.span_pair(s, f"{w}/evidence/sentences/{k}")
            if sp is not None:
                sentences.append(sp)
    if len(rd.problems) > before:
        return None
    return Relation(
        rid, rtype, head, tail, polarity, realis, Evidence(trigger, tuple(sentences)),
        mode, tuple(topics), time, event, note,
    )


class _Object(dict):
    """A JSON object that remembers the keys it held more than once."""

    __slots__ = ("duplicates",)


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj and key not in obj.duplicates:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _escape_pointer(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def duplicate_keys(value: Any, where: str = "") -> list[str]:
    """JSON pointers of the keys that appear twice in one object of ``value`` (as parsed by
    ``loads_checked``). ``json.loads`` keeps only the last of them, silently."""
    out: list[str] = []
    if isinstance(value, dict):
        out += [f"{where}/{_escape_pointer(k)}" for k in getattr(value, "duplicates", ())]
        for k, v in value.items():
            out += duplicate_keys(v, f"{where}/{_escape_pointer(k)}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += duplicate_keys(v, f"{where}/{i}")
    return out


def loads_checked(raw: str, file: str) -> Any:
    """``json.loads`` that refuses a key given twice in one object (hand-edited files do
    that, and the first value would be lost without a word). ``InputError`` names the line of
    a syntax error, or the JSON pointer of each repeated key."""
    try:
        data = json.loads(raw, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise InputError(Problem(file, f"line {exc.lineno}", f"invalid JSON: {exc.msg} (column {exc.colno})")) from None
    except RecursionError:
        raise InputError(Problem(file, "", "invalid JSON: nested too deeply")) from None
    dupes = duplicate_keys(data)
    if dupes:
        raise InputError([Problem(file, w, "key given twice in one object; JSON keeps only the last value: remove one") for w in dupes])
    return data


def load_annotation(path: str | os.PathLike) -> Annotation:
    """Read one annotation file; ``InputError`` names the file and each defect."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(str(path), "", "file not found")) from None
    except IsADirectoryError:
        raise InputError(Problem(str(path), "", "expected an annotation file, got a folder")) from None
    except OSError as exc:
        raise InputError(Problem(str(path), "", f"cannot read: {exc.strerror}")) from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(Problem(str(path), f"line {line}, byte {exc.start}", "not valid UTF-8; expected a UTF-8 JSON file")) from None
    return annotation_from_dict(loads_checked(raw, str(path)), str(path))


def dump_annotation(ann: Annotation) -> str:
    return dumps_canonical(annotation_to_dict(ann)) + "\n"


def save_annotation(ann: Annotation, path: str | os.PathLike) -> None:
    write_atomic(path, dump_annotation(ann))


# --------------------------------------------------------------------------- predictions

PREDICTION_FIELDS = (
    "doc_id", "type", "head", "tail", "realis", "polarity", "mode", "topics", "evidence",
    "trigger", "score",
)


def prediction_to_dict(p: PredictedRelation) -> dict:
    """The JSONL form of a prediction. Optional fields are left out when unset."""

    def arg(a: ArgumentRef) -> dict:
        d: dict[str, Any] = {"text": a.text}
        if a.start is not None:
            d["start"], d["end"] = a.start, a.end
        return d

    d: dict[str, Any] = {"doc_id": p.doc_id, "type": p.type.value, "head": arg(p.head), "tail": arg(p.tail)}
    if p.realis is not None:
        d["realis"] = p.realis.value
    if p.polarity is not None:
        d["polarity"] = p.polarity.value
    if p.mode is not None:
        d["mode"] = p.mode.value
    if p.topics:
        d["topics"] = [
            {k: v for k, v in (("text", t.text), ("start", t.start), ("end", t.end), ("label", t.label)) if v is not None}
            for t in p.topics
        ]
    if p.evidence:
        d["evidence"] = [[s.start, s.end] for s in p.evidence]
    if p.trigger is not None:
        d["trigger"] = [p.trigger.start, p.trigger.end]
    if p.score is not None:
        d["score"] = p.score
    return d


def prediction_from_dict(data: Any, file: str = "<predictions>", where: str = "") -> PredictedRelation:
    """Parse one prediction record; ``InputError`` lists its defects with ``where``."""
    rd = _Reader(file)
    if not isinstance(data, dict):
        raise InputError(Problem(file, where, "expected a JSON object"))
    doc_id = rd.get(data, "doc_id", where, str)
    rtype = rd.enum(data, "type", where, RelationType)
    args = []
    for key in ("head", "tail"):
        a = rd.get(data, key, where, dict)
        if a is None:
            args.append(None)
            continue
        text = rd.get(a, "text", f"{where}/{key}", str)
        if text is not None and not text.strip():
            rd.problem(f"{where}/{key}/text", "must not be empty")
        before = len(rd.problems)
        start = rd.get(a, "start", f"{where}/{key}", int, required=False)
        end = rd.get(a, "end", f"{where}/{key}", int, required=False)
        if len(rd.problems) > before:
            pass  # a mistyped offset is reported once, not again as a missing one
        elif (start is None) != (end is None):
            rd.problem(f"{where}/{key}", "give both start and end, or neither")
        elif start is not None and not 0 <= start < end:
            rd.problem(f"{where}/{key}", f"offsets must satisfy 0 <= start < end; got [{start}, {end})")
        args.append(ArgumentRef(text or "", start, end))
    realis = rd.enum(data, "realis", where, Realis, required=False)
    polarity = rd.enum(data, "polarity", where, Polarity, required=False)
    mode = rd.enum(data, "mode", where, Mode, required=False)
    topics = []
    for j, t in enumerate(rd.items(data, "topics", where, required=False)):
        tw = f"{where}/topics/{j}"
        if isinstance(t, str):
            topics.append(PredictedTopic(t))
            continue
        text = rd.get(t, "text", tw, str)
        topics.append(
            PredictedTopic(
                text or "",
                rd.get(t, "start", tw, int, required=False),
                rd.get(t, "end", tw, int, required=False),
                rd.get(t, "label", tw, str, required=False),
            )
        )
    evidence = []
    for j, s in enumerate(rd.items(data, "evidence", where, required=False)):
        sp = rd.span_pair(s, f"{where}/evidence/{j}")
        if sp is not None:
            evidence.append(sp)
    trigger = None
    if data.get("trigger") is not None:
        trigger = rd.span_pair(data["trigger"], f"{where}/trigger")
    score = rd.get(data, "score", where, (int, float), required=False)
    if rd.problems:
        raise InputError(rd.problems)
    return PredictedRelation(
        doc_id, rtype, args[0], args[1], realis, polarity, mode, tuple(topics), tuple(evidence),
        trigger, None if score is None else float(score),
    )


def dump_predictions(preds) -> str:
    """JSONL text, one prediction a line, keys in the documented order."""
    return "".join(json.dumps(prediction_to_dict(p), ensure_ascii=False) + "\n" for p in preds)

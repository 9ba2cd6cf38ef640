"""Inter-annotator agreement between two annotations of the same documents.

Two annotation sets A and B (folders of gold JSON files, or two files of one document) are
compared over the documents present in both. A is treated as the reference; F1 is symmetric,
so swapping A and B swaps precision and recall and leaves F1 unchanged.

- **Entity clusters** of A and B are matched one to one, greedily: each candidate pair is
  ranked by the number of mention offsets the two clusters share exactly, then by the number
  of their mentions that overlap; the best-ranked pair is matched first. Clusters left over are
  matched when their normalised canonical names (``bench.text.normalize``) are equal.
- **Relations** are compared at pair level: the unit is ``(document, type, head, tail)`` with
  head and tail the matched clusters, unordered for ``met`` and ``discussed``. Every annotated
  relation counts (NEG and every realis included): agreement is about what was annotated.
- **Cohen's kappa** on realis and on polarity is computed over the matched relations (relations
  with the same unit in both sets; several relations under one unit are paired by identical
  attributes first, then in order).
- **Mentions:** P/R/F1 of mention spans ``(document, start, end)`` and of typed spans.

Every disagreement is listed: relations only in A, only in B, and attribute differences
(polarity, realis, mode, time, topic labels) of matched relations, so an adjudicator can work
through them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .jsonio import load_annotation
from .model import Annotation, Relation, RelationType
from .text import normalize

ZERO_DIVISION = "precision, recall or F1 with a zero denominator is reported as null (undefined), never as 0 or 1"
KAPPA_UNDEFINED = "kappa is null when chance agreement is 1 (both annotators used one and the same label throughout) or there are no matched relations"


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with B as the 'system' and A as
    the reference."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2TP / (2TP + FP + FN): the harmonic mean of P and R, defined whenever either set
        is non-empty.

        >>> PRF(3, 1, 2).f1
        0.6666666666666666
        """
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "in_a": self.tp + self.fn, "in_b": self.tp + self.fp, "both": self.tp,
            "precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1),
        }


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float | None:
    """Cohen's kappa of two equally long label sequences: (p_o - p_e) / (1 - p_e), with p_e
    from each annotator's own label distribution. None when undefined (no items, or p_e = 1).

    >>> cohen_kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"])
    0.5
    """
    if len(a) != len(b):
        raise ValueError(f"cohen_kappa needs two sequences of one length; got {len(a)} and {len(b)}")
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[label] * cb[label] for label in ca) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


# --------------------------------------------------------------------------- loading


def load_annotation_set(path: str | Path) -> dict[str, tuple[Annotation, Path]]:
    """Annotations by document id from a folder of ``*.json`` files (not recursive) or from
    one file. Files that fail to parse raise ``InputError`` naming each problem."""
    path = Path(path)
    try:
        is_dir, is_file = path.is_dir(), path.is_file()
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise InputError(Problem(str(path), "", f"cannot read: {exc.strerror}")) from None
    if is_dir:
        files = sorted(p for p in path.glob("*.json") if p.is_file())
        if not files:
            raise InputError(Problem(str(path), "", "folder has no .json annotation files"))
    elif is_file:
        files = [path]
    else:
        raise InputError(Problem(str(path), "", "not found: expected a folder of annotation files or one annotation file"))
    out: dict[str, tuple[Annotation, Path]] = {}
    problems: list[Problem] = []
    for f in files:
        try:
            ann = load_annotation(f)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        dangling = _dangling_references(ann, str(f))
        if dangling:
            problems.extend(dangling)
            continue
        if ann.doc_id in out:
            problems.append(Problem(str(f), "/doc_id", f"document {ann.doc_id!r} is also annotated in {out[ann.doc_id][1]}"))
            continue
        out[ann.doc_id] = (ann, f)
    if problems:
        raise InputError(problems)
    return out


def _dangling_references(ann: Annotation, file: str) -> list[Problem]:
    """Relations naming entity ids the file does not define: matching needs every argument to
    be a cluster, so such a file is refused (``bench validate`` checks everything else)."""
    ids = {e.id for e in ann.entities}
    known = ", ".join(sorted(ids)) or "none"
    return [
        Problem(file, f"/relations/{i}/{role}", f"relation {r.id!r} names unknown entity id {getattr(r, role)!r}; known: {known}")
        for i, r in enumerate(ann.relations)
        for role in ("head", "tail")
        if getattr(r, role) not in ids
    ]


# --------------------------------------------------------------------------- matching


def match_entities(a: Annotation, b: Annotation) -> dict[str, str]:
    """A one-to-one map from A's entity ids to B's (rules in the module docstring)."""
    a_spans = {e.id: {(m.start, m.end) for m in e.mentions} for e in a.entities}
    b_spans = {e.id: {(m.start, m.end) for m in e.mentions} for e in b.entities}
    a_rank = {e.id: i for i, e in enumerate(a.entities)}
    b_rank = {e.id: i for i, e in enumerate(b.entities)}
    candidates = []
    for ea, sa in a_spans.items():
        for eb, sb in b_spans.items():
            exact = len(sa & sb)
            overlapping = sum(1 for x in sa if any(x[0] < y[1] and y[0] < x[1] for y in sb))
            if overlapping:
                candidates.append((-exact, -overlapping, a_rank[ea], b_rank[eb], ea, eb))
    candidates.sort()
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for *_, ea, eb in candidates:
        if ea not in mapping and eb not in taken:
            mapping[ea] = eb
            taken.add(eb)
    by_name: dict[str, list[str]] = {}
    for e in b.entities:
        if e.id not in taken:
            by_name.setdefault(normalize(e.name), []).append(e.id)
    for e in a.entities:
        if e.id in mapping:
            continue
        free = by_name.get(normalize(e.name))
        if free:
            mapping[e.id] = free.pop(0)
    return mapping


# --------------------------------------------------------------------------- comparison

_ATTRIBUTES = ("polarity", "realis", "mode", "time", "topics")


def _attr(r: Relation, name: str) -> Any:
    if name == "topics":
        return sorted({normalize(t.label) for t in r.topics})
    value = getattr(r, name)
    return getattr(value, "value", value)


@dataclass(frozen=True)
class AgreementReport:
    """The figures and the disagreements; ``to_dict`` is the JSON form."""

    a: str
    b: str
    documents: tuple[str, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    relations: dict[str, PRF]
    mentions: PRF
    typed_mentions: PRF
    entities: PRF
    realis_pairs: tuple[tuple[str, str], ...]
    polarity_pairs: tuple[tuple[str, str], ...]
    disagreements: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for v in self.relations.values():
            total = total + v
        return total

    @property
    def realis_kappa(self) -> float | None:
        return cohen_kappa([x for x, _ in self.realis_pairs], [y for _, y in self.realis_pairs])

    @property
    def polarity_kappa(self) -> float | None:
        return cohen_kappa([x for x, _ in self.polarity_pairs], [y for _, y in self.polarity_pairs])

    def _kappa_dict(self, pairs: tuple[tuple[str, str], ...], kappa: float | None) -> dict[str, Any]:
        n = len(pairs)
        return {
            "kappa": None if kappa is None else round(kappa, 4),
            "matched_relations": n,
            "observed_agreement": round(sum(x == y for x, y in pairs) / n, 4) if n else None,
            "confusion": {f"{x} -> {y}": c for (x, y), c in sorted(Counter(pairs).items())},
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "reference": "a",
            "documents": list(self.documents), "only_in_a": list(self.only_in_a), "only_in_b": list(self.only_in_b),
            "relations": {**{t: v.to_dict() for t, v in self.relations.items()}, "micro": self.micro.to_dict()},
            "mentions": self.mentions.to_dict(),
            "typed_mentions": self.typed_mentions.to_dict(),
            "entities": self.entities.to_dict(),
            "realis": self._kappa_dict(self.realis_pairs, self.realis_kappa),
            "polarity": self._kappa_dict(self.polarity_pairs, self.polarity_kappa),
            "disagreements": self.disagreements,
            "rules": {"zero_division": ZERO_DIVISION, "kappa": KAPPA_UNDEFINED},
        }


class _Side:
    """One annotation of one document with its entities renamed into the shared key space."""

    def __init__(self, ann: Annotation, token: dict[str, str]):
        self.ann = ann
        self.token = token
        self.names = {e.id: e.name for e in ann.entities}

    def key(self, doc: str, r: Relation) -> tuple:
        h, t = self.token.get(r.head, "?" + r.head), self.token.get(r.tail, "?" + r.tail)
        if r.type.symmetric and t < h:
            h, t = t, h
        return (doc, r.type.value, h, t)

    def describe(self, doc: str, r: Relation) -> dict[str, Any]:
        d: dict[str, Any] = {
            "doc": doc, "id": r.id, "type": r.type.value,
            "head": self.names.get(r.head, r.head), "tail": self.names.get(r.tail, r.tail),
            "polarity": r.polarity.value, "realis": r.realis.value,
        }
        if r.evidence.trigger is not None:
            t = r.evidence.trigger
            d["trigger"] = {"text": t.text, "start": t.start, "end": t.end}
        return d


def _pair_up(ra: list[Relation], rb: list[Relation]) -> list[tuple[Relation, Relation]]:
    """Pair relations sharing a unit: identical (polarity, realis) first, then in order."""
    ra, rb = list(ra), list(rb)
    pairs = []
    for x in list(ra):
        y = next((y for y in rb if (y.polarity, y.realis) == (x.polarity, x.realis)), None)
        if y is not None:
            pairs.append((x, y))
            ra.remove(x)
            rb.remove(y)
    pairs.extend(zip(ra, rb, strict=False))
    return pairs


def compare(
    a: dict[str, Annotation], b: dict[str, Annotation], a_name: str = "A", b_name: str = "B",
) -> AgreementReport:
    """Agreement of two annotation sets (document id -> annotation) over their common documents."""
    docs = tuple(sorted(set(a) & set(b)))
    relations = {t.value: PRF() for t in RelationType}
    mentions = typed = entities = PRF()
    realis_pairs: list[tuple[str, str]] = []
    polarity_pairs: list[tuple[str, str]] = []
    dis: dict[str, list[dict[str, Any]]] = {
        "relations_only_in_a": [], "relations_only_in_b": [], "attributes": [],
        "entities_only_in_a": [], "entities_only_in_b": [], "entity_types": [],
    }
    for doc in docs:
        ann_a, ann_b = a[doc], b[doc]
        mapping = match_entities(ann_a, ann_b)
        back = {v: k for k, v in mapping.items()}
        side_a = _Side(ann_a, {e.id: f"{e.id}={mapping.get(e.id, '')}" for e in ann_a.entities})
        side_b = _Side(ann_b, {e.id: f"{back.get(e.id, '')}={e.id}" for e in ann_b.entities})

        ents_b = ann_b.entities_by_id
        entities = entities + PRF(len(mapping), len(ann_b.entities) - len(mapping), len(ann_a.entities) - len(mapping))
        for e in ann_a.entities:
            if e.id not in mapping:
                dis["entities_only_in_a"].append({"doc": doc, "id": e.id, "type": e.type.value, "name": e.name})
            elif ents_b[mapping[e.id]].type is not e.type:
                eb = ents_b[mapping[e.id]]
                dis["entity_types"].append({"doc": doc, "a": {"id": e.id, "name": e.name, "type": e.type.value}, "b": {"id": eb.id, "name": eb.name, "type": eb.type.value}})
        for e in ann_b.entities:
            if e.id not in back:
                dis["entities_only_in_b"].append({"doc": doc, "id": e.id, "type": e.type.value, "name": e.name})

        ma = {(m.start, m.end): e.type for e in ann_a.entities for m in e.mentions}
        mb = {(m.start, m.end): e.type for e in ann_b.entities for m in e.mentions}
        mentions = mentions + PRF(len(ma.keys() & mb.keys()), len(mb.keys() - ma.keys()), len(ma.keys() - mb.keys()))
        ta, tb = set(ma.items()), set(mb.items())
        typed = typed + PRF(len(ta & tb), len(tb - ta), len(ta - tb))

        by_key_a: dict[tuple, list[Relation]] = {}
        by_key_b: dict[tuple, list[Relation]] = {}
        for r in ann_a.relations:
            by_key_a.setdefault(side_a.key(doc, r), []).append(r)
        for r in ann_b.relations:
            by_key_b.setdefault(side_b.key(doc, r), []).append(r)
        for rtype in relations:
            ka = {k for k in by_key_a if k[1] == rtype}
            kb = {k for k in by_key_b if k[1] == rtype}
            relations[rtype] = relations[rtype] + PRF(len(ka & kb), len(kb - ka), len(ka - kb))
        for k in sorted(by_key_a.keys() - by_key_b.keys()):
            dis["relations_only_in_a"].extend(side_a.describe(doc, r) for r in by_key_a[k])
        for k in sorted(by_key_b.keys() - by_key_a.keys()):
            dis["relations_only_in_b"].extend(side_b.describe(doc, r) for r in by_key_b[k])
        for k in sorted(by_key_a.keys() & by_key_b.keys()):
            for x, y in _pair_up(by_key_a[k], by_key_b[k]):
                realis_pairs.append((x.realis.value, y.realis.value))
                polarity_pairs.append((x.polarity.value, y.polarity.value))
                for name in _ATTRIBUTES:
                    va, vb = _attr(x, name), _attr(y, name)
                    if va != vb:
                        dis["attributes"].append({
                            "doc": doc, "type": x.type.value, "head": side_a.names.get(x.head, x.head), "tail": side_a.names.get(x.tail, x.tail),
                            "a_id": x.id, "b_id": y.id, "attribute": name, "a": va, "b": vb,
                        })
    return AgreementReport(
        a_name, b_name, docs, tuple(sorted(set(a) - set(b))), tuple(sorted(set(b) - set(a))),
        relations, mentions, typed, entities, tuple(realis_pairs), tuple(polarity_pairs), dis,
    )


def compare_paths(a: str | Path, b: str | Path) -> AgreementReport:
    """``compare`` over two folders, or two files of the same document."""
    sa, sb = load_annotation_set(a), load_annotation_set(b)
    if Path(a).is_file() and Path(b).is_file():
        (ida,), (idb,) = sa.keys(), sb.keys()
        if ida != idb:
            raise InputError(Problem(str(b), "/doc_id", f"annotates document {idb!r}, but {a} annotates {ida!r}: compare two annotations of one document"))
    report = compare({k: v[0] for k, v in sa.items()}, {k: v[0] for k, v in sb.items()}, str(a), str(b))
    if not report.documents:
        raise InputError(Problem(str(b), "", f"no document is annotated in both {a} and {b}"))
    return report


# --------------------------------------------------------------------------- output


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _relation_line(d: dict[str, Any]) -> str:
    trig = f" [trigger {d['trigger']['text']!r} at {d['trigger']['start']}]" if "trigger" in d else ""
    return f"{d['doc']}: {d['type']}({d['head']}, {d['tail']}) {d['polarity']} {d['realis']}{trig}"


def disagreement_lines(report: AgreementReport) -> list[str]:
    """Every disagreement as one readable line."""
    d = report.disagreements
    lines = [f"only in A: {_relation_line(x)}" for x in d["relations_only_in_a"]]
    lines += [f"only in B: {_relation_line(x)}" for x in d["relations_only_in_b"]]
    lines += [
        f"attribute: {x['doc']}: {x['type']}({x['head']}, {x['tail']}) {x['attribute']}: A {json.dumps(x['a'])}, B {json.dumps(x['b'])}"
        for x in d["attributes"]
    ]
    lines += [f"entity only in A: {x['doc']}: {x['name']} ({x['type']})" for x in d["entities_only_in_a"]]
    lines += [f"entity only in B: {x['doc']}: {x['name']} ({x['type']})" for x in d["entities_only_in_b"]]
    lines += [f"entity type: {x['doc']}: {x['a']['name']} A {x['a']['type']}, B {x['b']['type']}" for x in d["entity_types"]]
    return lines


def _rows(report: AgreementReport) -> list[list[str]]:
    rows = []
    for name, prf in [*report.relations.items(), ("micro", report.micro)]:
        rows.append([name, str(prf.tp + prf.fn), str(prf.tp + prf.fp), str(prf.tp), _fmt(prf.precision), _fmt(prf.recall), _fmt(prf.f1)])
    for name, prf in (("mentions (span)", report.mentions), ("mentions (span+type)", report.typed_mentions), ("entity clusters", report.entities)):
        rows.append([name, str(prf.tp + prf.fn), str(prf.tp + prf.fp), str(prf.tp), _fmt(prf.precision), _fmt(prf.recall), _fmt(prf.f1)])
    return rows


def _kappa_line(label: str, pairs: tuple, kappa: float | None) -> str:
    n = len(pairs)
    observed = f", observed agreement {sum(x == y for x, y in pairs) / n:.3f}" if n else ""
    return f"Cohen's kappa, {label}: {_fmt(kappa)} over {n} matched relations{observed}"


def _header(report: AgreementReport) -> list[str]:
    lines = [f"A (reference): {report.a}", f"B: {report.b}", f"documents in both: {len(report.documents)}"]
    if report.only_in_a:
        lines.append(f"only in A (not compared): {', '.join(report.only_in_a)}")
    if report.only_in_b:
        lines.append(f"only in B (not compared): {', '.join(report.only_in_b)}")
    return lines


HEAD = ["unit", "in A", "in B", "both", "P", "R", "F1"]


def format_table(report: AgreementReport) -> str:
    rows = _rows(report)
    widths = [max(len(r[i]) for r in [HEAD, *rows]) for i in range(len(HEAD))]

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))

    out = _header(report) + ["", "relations: pair level, unit (document, type, head, tail); met and discussed unordered", line(HEAD)]
    out += ["-" * len(line(HEAD))]
    out += [line(r) for r in rows]
    out += ["", _kappa_line("realis", report.realis_pairs, report.realis_kappa), _kappa_line("polarity", report.polarity_pairs, report.polarity_kappa)]
    dis = disagreement_lines(report)
    out += ["", f"disagreements: {len(dis)}"] + [f"  {x}" for x in dis]
    return "\n".join(out)


def format_markdown(report: AgreementReport) -> str:
    out = [f"- {x}" for x in _header(report)]
    out += ["", "| " + " | ".join(HEAD) + " |", "|" + "|".join(["---"] + ["---:"] * (len(HEAD) - 1)) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in _rows(report)]
    out += ["", f"- {_kappa_line('realis', report.realis_pairs, report.realis_kappa)}", f"- {_kappa_line('polarity', report.polarity_pairs, report.polarity_kappa)}"]
    dis = disagreement_lines(report)
    out += ["", f"Disagreements ({len(dis)}):", ""] + [f"- {x}" for x in dis]
    return "\n".join(out)


def format_json(report: AgreementReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)

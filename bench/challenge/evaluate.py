"""Running an extractor over the challenge suite: pass or fail per case, pass rate per capability.

Predicted arguments are aligned to gold clusters by the scorer's rules
(``bench.alignment``: overlapping offsets first, then normalised text against mentions,
aliases and names). A relation key is ``(type, head cluster, tail cluster)``, unordered for
``met`` and ``discussed``. A prediction with polarity NEG or realis OTHER or GENERIC is
not a claim that the event took place (or is planned) and is ignored; a prediction without
attributes is a claim.

A single-document case **passes** when the set of keys of the positive predictions equals
the set of keys of the gold relations that are required (polarity POS, realis ACTUAL or
PLANNED): nothing missing, nothing extra. Extra includes a prediction on an argument that
aligns to no gold cluster, and a prediction matching a NEG, OTHER or GENERIC gold relation
(reported as a *trap hit*). Unlike the main scorer, the suite does penalise OTHER: each of its
sentences says plainly that the event did not (yet) take place.

A case passes **strict** when it passes and every required relation was predicted with the
gold realis (ACTUAL vs PLANNED) and, for ``discussed``, the gold mode; a missing attribute
never matches.

An invariance case (two documents) **passes** when the predictions *follow* the
transformation: the keys predicted on the second document are exactly the keys predicted on
the first, with each entity replaced by its counterpart (for argument order, the two swapped
names; for aliases, the same people named by surname). Unaligned arguments are compared by
their normalised text. A system that predicts nothing passes this check trivially, so an
invariance case passes **strict** only when both documents also pass strict on their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..alignment import UNALIGNED_MARK, DocumentAligner, is_unaligned_key
from ..errors import BenchError
from ..model import Annotation, Mode, Polarity, PredictedRelation, Realis, Relation, RelationType
from .suite import SUITE_VERSION, ChallengeCase, expectation_lines, generate, suite_hash
from .templates import CAPABILITIES, TEST

Key = tuple[RelationType, str, str]


def is_claim(p: PredictedRelation) -> bool:
    """A prediction claims the event happened or is planned unless it says NEG, OTHER or
    GENERIC; a prediction without realis is a claim."""
    return p.polarity is not Polarity.NEG and p.realis not in (Realis.OTHER, Realis.GENERIC)


def relation_key(rtype: RelationType, head: str, tail: str) -> Key:
    """The pair-level key; symmetric types are stored in sorted argument order."""
    if rtype.symmetric and tail < head:
        head, tail = tail, head
    return (rtype, head, tail)


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    """What one document's predictions got right and wrong, as readable relation strings."""

    doc_id: str
    passed: bool
    strict: bool
    predicted: tuple[str, ...]
    missing: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()
    trap_hits: tuple[str, ...] = ()
    wrong_attributes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    """The verdict on one case, with enough detail to see why it failed."""

    case_id: str
    capability: str
    template: str
    passed: bool
    strict: bool
    texts: tuple[str, ...]
    expected: tuple[tuple[str, ...], ...]
    documents: tuple[DocumentOutcome, ...]
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case_id,
            "capability": self.capability,
            "template": self.template,
            "passed": self.passed,
            "strict": self.strict,
            "reason": self.reason,
            "texts": list(self.texts),
            "expected": [list(e) for e in self.expected],
            "documents": [
                {
                    "id": d.doc_id, "predicted": list(d.predicted), "missing": list(d.missing),
                    "spurious": list(d.spurious), "trap_hits": list(d.trap_hits),
                    "wrong_attributes": list(d.wrong_attributes),
                }
                for d in self.documents
            ],
        }


class _Doc:
    """Gold keys of one document and the keys of its predictions."""

    def __init__(self, gold: Annotation, preds: Sequence[PredictedRelation]):
        self.gold = gold
        self.names = {e.id: e.name for e in gold.entities}
        aligner = DocumentAligner(gold)
        self.required: dict[Key, Relation] = {}
        self.traps: dict[Key, Relation] = {}
        for r in gold.relations:
            key = relation_key(r.type, r.head, r.tail)
            (self.required if r.is_gold_positive else self.traps)[key] = r
        for key in self.required:
            self.traps.pop(key, None)
        self.predicted: dict[Key, list[PredictedRelation]] = defaultdict(list)
        for p in preds:
            if not is_claim(p):
                continue
            key = relation_key(p.type, aligner.key(p.head), aligner.key(p.tail))
            self.predicted[key].append(p)

    def show(self, key: Key) -> str:
        def name(k: str) -> str:
            if is_unaligned_key(k):
                return f'"{k[len(UNALIGNED_MARK):]}" (unaligned)'
            return self.names.get(k, k)

        return f"{key[0].value}({name(key[1])}, {name(key[2])})"

    def outcome(self) -> DocumentOutcome:
        keys = set(self.predicted)
        required = set(self.required)
        missing = required - keys
        spurious = keys - required
        passed = not missing and not spurious
        wrong = []
        if passed:
            for key, gold in self.required.items():
                if not any(_attributes_match(p, gold) for p in self.predicted[key]):
                    wrong.append(f"{self.show(key)}: gold {_attributes(gold)}, predicted "
                                 + "; ".join(_attributes(p) for p in self.predicted[key]))
        return DocumentOutcome(
            self.gold.doc_id, passed, passed and not wrong,
            tuple(sorted(self.show(k) for k in keys)),
            tuple(sorted(self.show(k) for k in missing)),
            tuple(sorted(self.show(k) for k in spurious)),
            tuple(sorted(self.show(k) for k in spurious if k in self.traps)),
            tuple(wrong),
        )


def _attributes(r: Relation | PredictedRelation) -> str:
    realis = r.realis.value if r.realis is not None else "no realis"
    if r.type is RelationType.DISCUSSED:
        return f"{realis}, mode {r.mode.value if r.mode is not None else 'none'}"
    return realis


def _attributes_match(p: PredictedRelation, gold: Relation) -> bool:
    if p.realis is not Realis(gold.realis):
        return False
    if gold.type is RelationType.DISCUSSED:
        return p.mode is not None and p.mode is Mode(gold.mode)
    return True


def check_case(case: ChallengeCase, predictions: dict[str, Sequence[PredictedRelation]]) -> CaseOutcome:
    """The verdict on one case given predictions grouped by document id."""
    docs = [_Doc(g, predictions.get(d.id, ())) for d, g in zip(case.documents, case.gold, strict=True)]
    outcomes = tuple(d.outcome() for d in docs)
    texts = tuple(d.text for d in case.documents)
    expected = tuple(tuple(expectation_lines(g)) for g in case.gold)
    if not case.is_invariance:
        o = outcomes[0]
        reasons = []
        if o.trap_hits:
            reasons.append("predicted a NEG/OTHER relation: " + ", ".join(o.trap_hits))
        other = [s for s in o.spurious if s not in o.trap_hits]
        if other:
            reasons.append("spurious: " + ", ".join(other))
        if o.missing:
            reasons.append("missing: " + ", ".join(o.missing))
        if o.passed and not o.strict:
            reasons.append("attributes: " + "; ".join(o.wrong_attributes))
        return CaseOutcome(case.id, case.capability, case.template, o.passed, o.strict, texts, expected, outcomes, "; ".join(reasons))
    mapping = dict(case.mapping)

    def mapped(key: Key) -> Key:
        return relation_key(key[0], mapping.get(key[1], key[1]), mapping.get(key[2], key[2]))

    first = {mapped(k) for k in docs[0].predicted}
    second = set(docs[1].predicted)
    follows = first == second
    strict = follows and all(o.strict for o in outcomes)
    reasons = []
    if not follows:
        lost = sorted(docs[1].show(k) for k in first - second)
        gained = sorted(docs[1].show(k) for k in second - first)
        if lost:
            reasons.append("not predicted after the change: " + ", ".join(lost))
        if gained:
            reasons.append("predicted only after the change: " + ", ".join(gained))
    elif not strict:
        reasons.append("consistent, but not correct on both documents")
    return CaseOutcome(case.id, case.capability, case.template, follows, strict, texts, expected, outcomes, "; ".join(reasons))


@dataclass(frozen=True, slots=True)
class CapabilityScore:
    capability: str
    cases: int
    passed: int
    strict: int

    @property
    def pass_rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    @property
    def strict_rate(self) -> float:
        return self.strict / self.cases if self.cases else 0.0


@dataclass(frozen=True)
class ChallengeResult:
    """Pass rates per capability and every failed case, for one extractor on one side."""

    extractor: str
    params: dict[str, Any]
    seed: int
    side: str
    suite_version: str
    suite_hash: str
    scores: tuple[CapabilityScore, ...]
    outcomes: tuple[CaseOutcome, ...] = field(repr=False)
    stray_predictions: int = 0

    @property
    def failures(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if not o.passed]

    def score(self, capability: str) -> CapabilityScore:
        for s in self.scores:
            if s.capability == capability:
                return s
        raise KeyError(capability)

    @property
    def overall(self) -> CapabilityScore:
        return CapabilityScore(
            "overall", sum(s.cases for s in self.scores), sum(s.passed for s in self.scores),
            sum(s.strict for s in self.scores),
        )

    @property
    def macro_pass_rate(self) -> float:
        return sum(s.pass_rate for s in self.scores) / len(self.scores) if self.scores else 0.0

    def to_dict(self) -> dict[str, Any]:
        def row(s: CapabilityScore) -> dict[str, Any]:
            return {
                "cases": s.cases, "passed": s.passed, "pass_rate": round(s.pass_rate, 4),
                "strict_passed": s.strict, "strict_pass_rate": round(s.strict_rate, 4),
            }

        return {
            "suite": {
                "version": self.suite_version, "hash": self.suite_hash, "seed": self.seed,
                "side": self.side, "cases": self.overall.cases,
                "definition": "pass: predicted positive pairs equal the required gold pairs (pair level, "
                "no NEG/OTHER hit, no unaligned argument); invariance: predictions follow the "
                "transformation. strict: pass plus realis and mode; invariance: plus both documents strict.",
            },
            "extractor": {"name": self.extractor, "params": self.params},
            "capabilities": {s.capability: row(s) for s in self.scores},
            "overall": row(self.overall),
            "macro_pass_rate": round(self.macro_pass_rate, 4),
            "stray_predictions": self.stray_predictions,
            "failures": [o.to_dict() for o in self.failures],
        }

    def table(self) -> str:
        """Pass rate per capability as a plain-text table."""
        width = max(len(c) for c in (*CAPABILITIES, "capability"))
        head = f"{'capability'.ljust(width)}  {'cases':>5}  {'pass':>5}  {'pass %':>6}  {'strict %':>8}"
        lines = [head, "-" * len(head)]
        for s in (*self.scores, self.overall):
            if s.capability == "overall":
                lines.append("-" * len(head))
            lines.append(
                f"{s.capability.ljust(width)}  {s.cases:>5}  {s.passed:>5}  {100 * s.pass_rate:>6.1f}  {100 * s.strict_rate:>8.1f}"
            )
        lines.append(f"{'macro (mean of capabilities)'.ljust(width)}  {'':>5}  {'':>5}  {100 * self.macro_pass_rate:>6.1f}")
        return "\n".join(lines)


def evaluate(
    cases: Sequence[ChallengeCase],
    predictions: Iterable[PredictedRelation],
    extractor: str = "predictions",
    params: dict[str, Any] | None = None,
    seed: int = 0,
    side: str = TEST,
) -> ChallengeResult:
    """Score predictions (over the documents of ``cases``) case by case."""
    known = {d.id for c in cases for d in c.documents}
    by_doc: dict[str, list[PredictedRelation]] = defaultdict(list)
    stray = 0
    for p in predictions:
        if p.doc_id in known:
            by_doc[p.doc_id].append(p)
        else:
            stray += 1
    outcomes = tuple(check_case(c, by_doc) for c in cases)
    counts: dict[str, list[int]] = {c: [0, 0, 0] for c in CAPABILITIES}
    for o in outcomes:
        row = counts.setdefault(o.capability, [0, 0, 0])
        row[0] += 1
        row[1] += o.passed
        row[2] += o.strict
    scores = tuple(CapabilityScore(c, *v) for c, v in counts.items() if v[0])
    return ChallengeResult(
        extractor, dict(params or {}), seed, side, SUITE_VERSION, suite_hash(cases), scores, outcomes, stray,
    )


def run_challenge(extractor, seed: int = 0, side: str = TEST) -> ChallengeResult:
    """Run ``extractor`` (any object with ``name``, ``params`` and ``extract``) over every
    case of one side of the suite and score it. The extractor sees all documents in one call,
    so batching extractors run at full speed."""
    if not callable(getattr(extractor, "extract", None)):
        raise BenchError(f"{extractor!r} is not an extractor: it has no extract(docs) method")
    cases = generate(seed, side)
    docs = [d for c in cases for d in c.documents]
    predictions = list(extractor.extract(docs))
    return evaluate(
        cases, predictions, getattr(extractor, "name", type(extractor).__name__),
        dict(getattr(extractor, "params", {}) or {}), seed, side,
    )

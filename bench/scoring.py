"""The scorer: predicted relations against gold, per document, per tier, per type.

The rules (decided; docs/scoring.md is the full statement):

- **Unit.** A document-level relation between gold entity clusters: ``(doc, type, head,
  tail)``, unordered for ``met`` and ``discussed``, ordered (visitor -> destination) for
  ``visited``. Predicted arguments are aligned to clusters by ``bench.alignment``.
- **Set semantics.** Predictions and gold are sets of keys. Several predictions that align to
  the same key count once: a duplicate is neither an extra true positive nor a false positive.
  Two gold relations with the same key (two meetings of the same pair) are one unit too.
- **Gold positives.** Polarity POS and realis ACTUAL or PLANNED. A positive prediction whose
  key matches a NEG gold relation is a false positive and a *trap hit*. A prediction whose key
  matches a POS gold relation of realis OTHER or GENERIC is *ignored*: neither TP nor FP.
  Precedence when one key carries several gold relations: positive, then ignored, then NEG.
- **Tiers.** ``pair``: type + aligned arguments; NEG predictions are ignored. ``strict``:
  against *all* gold (NEG and every realis), matching type, arguments, polarity (a missing
  polarity is POS) and realis (a missing realis never matches); a NEG prediction is a claim.
  ``lenient``: ``pair`` plus ``part_of`` back-off in both directions (China counts for Beijing
  and Beijing for China), one-to-one (exact matches first, then a maximum matching).
  ``topic``: on the discussed relations that are pair-tier true positives, predicted topics
  against gold topics, token Dice >= 0.5, one-to-one greedy by highest Dice. ``evidence``: on
  every pair-tier true positive, the document sentences overlapped by the predicted evidence
  (or its trigger) against those overlapped by the gold evidence (or trigger). In both, what
  the gold positives of the key say is required; what its POS OTHER/GENERIC relations say is
  optional (neither TP nor FP), like the relations themselves.
- **Metrics.** Per type and micro (pooled counts) P/R/F1; macro is the mean of the per-type
  values over the types that have any gold or any prediction in that tier (the excluded
  types are recorded). ``F1 = 2tp / (2tp + fp + fn)``. A 0/0 takes the value
  ``zero_division`` (default 0.0, recorded in the configuration and its hash) and the result
  says which metric it affected: nothing predicted gives precision 0.0, not 1.0.

Python API (stable; the runner and ``bench compare`` call it):

- ``score_corpus(docs, gold, predictions, tiers=TIERS, zero_division=0.0, name="system",
  details=True)`` returns a ``SystemScore``: per-document counts ``(n_docs, 3 types, [tp, fp,
  fn])`` per tier, totals and metrics, trap/ignored tallies, alignment statistics and the error
  taxonomy (``details=False`` skips the last two: same counts, faster).
- ``Scorer(docs, gold, config)`` prepares the gold once and scores many systems with
  ``.score(predictions, name)``.
- ``bench.stats.bootstrap_ci`` and ``bench.stats.compare_systems`` for uncertainty;
  ``bench.score_report.score_to_json`` for the versioned JSON report.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from .alignment import METHODS, OFFSETS, DocumentAligner, backoff_compatible, part_of_closure
from .errors import ParameterError
from .model import (
    Annotation,
    ArgumentRef,
    Document,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Realis,
    Relation,
    RelationType,
    Span,
)
from .taxonomy import ERROR_CLASSES, ErrorRecord, count_errors, error_records
from .text import dice, document_sentences, tokens

SCORER_VERSION = "1.0.0"

TIERS = ("pair", "strict", "lenient", "topic", "evidence")
TYPES = (RelationType.VISITED, RelationType.MET, RelationType.DISCUSSED)
TYPE_NAMES = tuple(t.value for t in TYPES)
TP, FP, FN = 0, 1, 2  # positions in the last axis of SystemScore.counts

VISITED, MET, DISCUSSED = TYPES
NEG, POS = Polarity.NEG, Polarity.POS
ACTUAL, PLANNED = Realis.ACTUAL, Realis.PLANNED

ERROR_TIER = "pair"  # the tier the error taxonomy describes


# --------------------------------------------------------------------------- configuration


@dataclass(frozen=True, slots=True)
class ScoringConfig:
    """Everything that decides the counts. Its ``hash`` goes into every report, with
    ``SCORER_VERSION``: two results are comparable when both agree."""

    tiers: tuple[str, ...] = TIERS
    zero_division: float = 0.0
    topic_threshold: float = 0.5

    def __post_init__(self):
        tiers = tuple(self.tiers)
        for t in tiers:
            if t not in TIERS:
                raise ParameterError("tier", "score", TIERS, t)
        if "pair" not in tiers:
            # topic, evidence and the taxonomy are defined on pair-tier matches.
            tiers = ("pair", *tiers)
        object.__setattr__(self, "tiers", tuple(t for t in TIERS if t in tiers))
        zd = self.zero_division
        if isinstance(zd, bool) or not isinstance(zd, int | float) or not 0.0 <= zd <= 1.0:
            raise ParameterError("zero_division", "score", [0.0, 1.0, "any number in [0, 1]"], zd)
        object.__setattr__(self, "zero_division", float(zd))
        th = self.topic_threshold
        if isinstance(th, bool) or not isinstance(th, int | float) or not 0.0 < th <= 1.0:
            raise ParameterError("topic_threshold", "score", ["a number in (0, 1]"], th)
        object.__setattr__(self, "topic_threshold", float(th))

    def to_dict(self) -> dict:
        return {
            "tiers": list(self.tiers),
            "zero_division": self.zero_division,
            "topic_dice_threshold": self.topic_threshold,
            "lenient_backoff": "part_of, both directions, transitive",
            "evidence_unit": "sentence",
            "taxonomy_tier": ERROR_TIER,
        }

    @property
    def hash(self) -> str:
        """sha256 (first 16 hex digits) of the scorer version and this configuration."""
        payload = json.dumps({"scorer_version": SCORER_VERSION, **self.to_dict()}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- metrics


def prf(tp: int, fp: int, fn: int, zero_division: float = 0.0) -> dict:
    """Precision, recall and F1 of one set of counts, with the 0/0 rule applied and named.

    >>> prf(0, 0, 3)
    {'precision': 0.0, 'recall': 0.0, 'f1': 0.0, 'tp': 0, 'fp': 0, 'fn': 3, 'zero_division': ['precision']}
    """
    undefined = []
    if tp + fp:
        p = tp / (tp + fp)
    else:
        p = zero_division
        undefined.append("precision")
    if tp + fn:
        r = tp / (tp + fn)
    else:
        r = zero_division
        undefined.append("recall")
    if 2 * tp + fp + fn:
        f = 2 * tp / (2 * tp + fp + fn)
    else:
        f = zero_division
        undefined.append("f1")
    return {
        "precision": p, "recall": r, "f1": f,
        "tp": int(tp), "fp": int(fp), "fn": int(fn), "zero_division": undefined,
    }


def tier_metrics(totals: np.ndarray, zero_division: float = 0.0) -> dict:
    """``{"micro", "macro", "per_type"}`` from a ``(3 types, [tp, fp, fn])`` count array.

    Macro P/R/F1 are the means of the per-type values over the types with any gold or any
    prediction (``types``); the others are listed under ``excluded_types``. Its tp/fp/fn are the
    sums over the included types. With no type included, macro values are ``zero_division``.
    """
    per_type = {
        name: prf(*(int(x) for x in totals[i]), zero_division) for i, name in enumerate(TYPE_NAMES)
    }
    micro = prf(*(int(x) for x in totals.sum(axis=0)), zero_division)
    included = [n for i, n in enumerate(TYPE_NAMES) if totals[i].sum() > 0]
    if included:
        macro = {
            k: sum(per_type[n][k] for n in included) / len(included)
            for k in ("precision", "recall", "f1")
        }
        undefined = []
    else:
        macro = {k: zero_division for k in ("precision", "recall", "f1")}
        undefined = ["precision", "recall", "f1"]
    macro.update(
        {k: sum(per_type[n][k] for n in included) for k in ("tp", "fp", "fn")},
        zero_division=undefined,
        types=included,
        excluded_types=[n for n in TYPE_NAMES if n not in included],
    )
    return {"micro": micro, "macro": macro, "per_type": per_type}


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True, eq=False)
class SystemScore:
    """The scores of one system on one set of documents.

    ``counts[tier]`` is an int64 array ``(len(doc_ids), 3, 3)``: document x type (``TYPES``
    order: visited, met, discussed) x ``[tp, fp, fn]``. The bootstrap and the paired tests
    work from these, so two SystemScores on the same ``doc_ids`` can be compared without
    rescoring. ``tallies[tier]`` holds ``trap_hits`` and ``ignored``; ``alignment`` counts
    predictions and how their arguments aligned; ``error_totals`` counts the pair-tier errors
    per taxonomy class, and ``errors`` lists them as readable records (built on first access).
    The last three are None when scored with ``details=False``.
    """

    name: str
    doc_ids: tuple[str, ...]
    counts: Mapping[str, np.ndarray]
    config: ScoringConfig
    tallies: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    alignment: Mapping[str, int] | None = None
    error_totals: Mapping[str, int] | None = None
    _pending: tuple | None = field(default=None, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def errors(self) -> tuple[ErrorRecord, ...] | None:
        """Every pair-tier false positive and false negative as an ``ErrorRecord``: by
        document, false positives first, then by type and relation key (None when scored
        with ``details=False``)."""
        if self._pending is None:
            return None
        if "errors" not in self._memo:
            records = [r for gd, pair, members in self._pending for r in error_records(gd, pair, members)]
            self._memo["errors"] = tuple(records)
        return self._memo["errors"]

    @property
    def tiers(self) -> tuple[str, ...]:
        return self.config.tiers

    def totals(self, tier: str) -> np.ndarray:
        """Counts summed over documents: ``(3 types, [tp, fp, fn])``."""
        return self._tier(tier).sum(axis=0)

    def metrics(self, tier: str) -> dict:
        """``{"micro", "macro", "per_type"}`` point estimates of one tier."""
        return tier_metrics(self.totals(tier), self.config.zero_division)

    def document_counts(self, tier: str) -> dict[str, dict[str, list[int]]]:
        """``{doc_id: {type: [tp, fp, fn]}}`` of one tier."""
        arr = self._tier(tier)
        return {
            d: {n: [int(x) for x in arr[i, j]] for j, n in enumerate(TYPE_NAMES)}
            for i, d in enumerate(self.doc_ids)
        }

    def error_counts(self) -> dict[str, int]:
        """How many errors of each taxonomy class (pair tier); all zero without details."""
        out = dict.fromkeys(ERROR_CLASSES, 0)
        out.update(self.error_totals or {})
        return out

    def _tier(self, tier: str) -> np.ndarray:
        if tier not in self.counts:
            raise ParameterError("tier", "SystemScore", list(self.counts), tier)
        return self.counts[tier]


# --------------------------------------------------------------------------- gold index


def _type_index(rtype: RelationType) -> int:
    return 0 if rtype is VISITED else (1 if rtype is MET else 2)


def _key(ti: int, head: str, tail: str) -> tuple[str, str]:
    if ti and tail < head:
        return (tail, head)
    return (head, tail)


class _GoldDoc:
    """The gold of one document, indexed for scoring. Only what the pair tier needs is built
    up front; the rest on first use."""

    __slots__ = (
        "doc_id", "annotation", "document", "aligner", "pos", "ignored", "neg", "_strict",
        "_by_key", "_closure", "_sentences", "_names", "roles",
    )

    def __init__(self, doc_id: str, annotation: Annotation, document: Document | None):
        self.doc_id = doc_id
        self.annotation = annotation
        self.document = document
        self.aligner = DocumentAligner(annotation)
        pos = (set(), set(), set())
        other = (set(), set(), set())
        neg = (set(), set(), set())
        for r in annotation.relations:
            rt = r.type
            ti = 0 if rt is VISITED else (1 if rt is MET else 2)
            h, t = r.head, r.tail
            k = (t, h) if ti and t < h else (h, t)
            if r.polarity is POS:
                realis = r.realis
                if realis is ACTUAL or realis is PLANNED:  # Relation.is_gold_positive, inlined
                    pos[ti].add(k)
                else:
                    other[ti].add(k)
            else:
                neg[ti].add(k)
        self.pos = pos
        self.ignored = tuple(other[i] - pos[i] for i in range(3))
        self.neg = tuple(neg[i] - pos[i] - other[i] for i in range(3))
        self._strict = self._by_key = self._closure = self._sentences = self._names = None
        self.roles = None  # filled by bench.taxonomy on first use

    @property
    def strict(self) -> tuple[set, set, set]:
        """Per type, the strict-tier keys of every gold relation: (head, tail, is NEG, realis)."""
        if self._strict is None:
            self._strict = (set(), set(), set())
            for ti, rels in enumerate(self.by_key):
                for k, rs in rels.items():
                    self._strict[ti].update((*k, r.polarity is NEG, r.realis) for r in rs)
        return self._strict

    @property
    def by_key(self) -> tuple[dict, dict, dict]:
        """Per type, pair key -> the gold relations (any polarity and realis) with that key."""
        if self._by_key is None:
            self._by_key = ({}, {}, {})
            for r in self.annotation.relations:
                ti = _type_index(r.type)
                self._by_key[ti].setdefault(_key(ti, r.head, r.tail), []).append(r)
        return self._by_key

    @property
    def names(self) -> dict[str, str]:
        if self._names is None:
            self._names = {e.id: e.name for e in self.annotation.entities}
        return self._names

    @property
    def closure(self) -> dict[str, frozenset[str]] | None:
        """part_of closure, or None when no entity has part_of (lenient == pair then)."""
        if self._closure is None:
            if any(e.part_of for e in self.annotation.entities):
                self._closure = part_of_closure(self.annotation)
            else:
                self._closure = {}
        return self._closure or None

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = document_sentences(self.document) if self.document is not None else []
        return self._sentences

    def relations_for(self, ti: int, key: tuple) -> tuple[list[Relation], list[Relation]]:
        """The gold relations of a key that the topic and evidence tiers use, by id: the
        gold positives (required) and the POS ones of realis OTHER/GENERIC (optional: what a
        prediction says about them is neither rewarded nor penalised)."""
        rels = sorted(self.by_key[ti].get(key, ()), key=lambda r: r.id)
        required = [r for r in rels if r.is_gold_positive]
        optional = [r for r in rels if r.polarity is POS and not r.is_gold_positive]
        return required, optional


# --------------------------------------------------------------------------- scoring


class Scorer:
    """Prepared gold for a set of documents; ``score`` scores one system against it.

    ``gold`` maps document id to its annotation and decides which documents are scored
    (sorted by id). ``docs`` supplies the texts, used for sentences (evidence tier, error
    records); a document missing from ``docs`` is still scored, without sentence text.
    """

    def __init__(
        self,
        docs: Mapping[str, Document] | None,
        gold: Mapping[str, Annotation],
        config: ScoringConfig | None = None,
    ):
        self.config = config or ScoringConfig()
        docs = docs or {}
        self.doc_ids = tuple(sorted(gold))
        self._gold = {d: _GoldDoc(d, gold[d], docs.get(d)) for d in self.doc_ids}

    def score(
        self, predictions: Iterable[PredictedRelation], name: str = "system", details: bool = True
    ) -> SystemScore:
        """Score ``predictions``. ``details=False`` skips the error taxonomy and alignment
        statistics (the counts are identical); the speed benchmark measures both."""
        tiers = self.config.tiers
        by_doc: dict[str, list[PredictedRelation]] = {}
        for p in predictions:
            lst = by_doc.get(p.doc_id)
            if lst is None:
                by_doc[p.doc_id] = lst = []
            lst.append(p)
        n = len(self.doc_ids)
        counts = {t: np.zeros((n, 3, 3), dtype=np.int64) for t in tiers}
        tallies = {t: {"trap_hits": 0, "ignored": 0} for t in tiers if t in ("pair", "lenient")}
        outside = sum(len(v) for d, v in by_doc.items() if d not in self._gold)
        stats = dict.fromkeys(("predictions", "negative", "duplicates"), 0) if details else None
        if stats is not None:
            stats.update(dict.fromkeys(METHODS, 0))
            stats["outside_documents"] = outside
        error_totals = dict.fromkeys(ERROR_CLASSES, 0) if details else None
        pending: list | None = [] if details else None
        with _gc_paused():
            for i, doc_id in enumerate(self.doc_ids):
                _score_document(
                    self._gold[doc_id], by_doc.get(doc_id, ()), i, counts, tallies, self.config,
                    stats, error_totals, pending,
                )
        return SystemScore(
            name, self.doc_ids, counts, self.config, tallies, stats, error_totals,
            tuple(pending) if pending is not None else None,
        )


def score_corpus(
    docs: Mapping[str, Document] | None,
    gold: Mapping[str, Annotation],
    predictions: Iterable[PredictedRelation],
    tiers: Iterable[str] = TIERS,
    zero_division: float = 0.0,
    name: str = "system",
    details: bool = True,
) -> SystemScore:
    """Score one system's ``predictions`` on the documents of ``gold`` (see module docstring).

    Documents of ``gold`` without any prediction count as predicted-empty; predictions for
    documents outside ``gold`` are not scored and are counted in
    ``alignment["outside_documents"]``.
    """
    if isinstance(tiers, str):
        tiers = (tiers,)
    config = ScoringConfig(tuple(tiers), zero_division)
    return Scorer(docs, gold, config).score(predictions, name, details)


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while scoring. Scoring allocates millions of small
    tuples and sets but no cycles worth collecting; with a million prediction objects alive,
    every full collection it would trigger walks them all (measured: up to 2x slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _score_document(gd, preds, i, counts, tallies, config, stats, error_totals, pending) -> None:
    want_strict = "strict" in counts
    want_members = pending is not None or "topic" in counts or "evidence" in counts
    key = gd.aligner.key
    cache = gd.aligner.keys
    exact = gd.aligner.exact
    pair = (set(), set(), set())
    strict = (set(), set(), set()) if want_strict else None
    members: dict[tuple, list[PredictedRelation]] | None = {} if want_members else None
    negative = 0
    for p in preds:
        rt = p.type
        ti = 0 if rt is VISITED else (1 if rt is MET else 2)
        # Arguments are mostly exact gold mention spans: look those up first.
        a = p.head
        h = exact.get((a.start, a.end))
        if h is None:
            h = cache.get((a.text, a.start, a.end))
            if h is None:
                h = key(a)
        a = p.tail
        t = exact.get((a.start, a.end))
        if t is None:
            t = cache.get((a.text, a.start, a.end))
            if t is None:
                t = key(a)
        if ti and t < h:
            h, t = t, h
        if strict is not None:
            strict[ti].add((h, t, p.polarity is NEG, p.realis))
        if p.polarity is NEG:
            negative += 1
            continue
        k = (h, t)
        pair[ti].add(k)
        if members is not None:
            mk = (ti, k)
            lst = members.get(mk)
            if lst is None:
                members[mk] = [p]
            else:
                lst.append(p)

    c_pair = counts["pair"][i]
    tp_keys = []
    for ti in range(3):
        P = pair[ti]
        pos = gd.pos[ti]
        tp = P & pos
        tp_keys.append(tp)
        rest = P - pos
        ign = rest & gd.ignored[ti]
        fp = rest - ign
        c_pair[ti] = (len(tp), len(fp), len(pos) - len(tp))
        if fp and gd.neg[ti]:
            tallies["pair"]["trap_hits"] += len(fp & gd.neg[ti])
        tallies["pair"]["ignored"] += len(ign)

    if strict is not None:
        c = counts["strict"][i]
        for ti in range(3):
            S = strict[ti]
            g = gd.strict[ti]
            tp = len(S & g)
            c[ti] = (tp, len(S) - tp, len(g) - tp)

    if "lenient" in counts:
        _lenient(gd, pair, counts["lenient"][i], tallies["lenient"])

    if "topic" in counts:
        _topics(gd, tp_keys[2], members, counts["topic"][i], config.topic_threshold)

    if "evidence" in counts:
        _evidence(gd, tp_keys, members, counts["evidence"][i])

    if stats is not None:
        _alignment_stats(gd, preds, pair, negative, stats)
    if error_totals is not None:
        before = sum(error_totals.values())
        count_errors(gd, pair, error_totals)
        if sum(error_totals.values()) != before:  # keep what the records need, built on demand
            pending.append((gd, pair, members))


def _lenient(gd: _GoldDoc, pair, out: np.ndarray, tally: dict) -> None:
    closure = gd.closure
    for ti in range(3):
        P = pair[ti]
        pos = gd.pos[ti]
        exact = P & pos
        rest_p = P - pos
        if closure is None:
            ign = rest_p & gd.ignored[ti]
            fp = rest_p - ign
            out[ti] = (len(exact), len(fp), len(pos) - len(exact))
            tally["trap_hits"] += len(fp & gd.neg[ti])
            tally["ignored"] += len(ign)
            continue
        symmetric = ti != 0

        def compat(pk, gk, closure=closure, symmetric=symmetric):
            if backoff_compatible(closure, pk[0], gk[0]) and backoff_compatible(closure, pk[1], gk[1]):
                return True
            return symmetric and backoff_compatible(closure, pk[0], gk[1]) and backoff_compatible(
                closure, pk[1], gk[0]
            )

        left = sorted(rest_p)
        right = sorted(pos - P)
        matched_left = _max_matching(left, right, compat) if left and right else set()
        extra = len(matched_left)
        fp = ign = traps = 0
        for j, pk in enumerate(left):
            if j in matched_left:
                continue
            if any(compat(pk, g) for g in gd.ignored[ti]):
                ign += 1
            else:
                fp += 1
                if any(compat(pk, g) for g in gd.neg[ti]):
                    traps += 1
        out[ti] = (len(exact) + extra, fp, len(pos) - len(exact) - extra)
        tally["trap_hits"] += traps
        tally["ignored"] += ign


def _max_matching(left: list, right: list, compat) -> set[int]:
    """Indices of ``left`` matched in a maximum bipartite matching (augmenting paths, in the
    sorted order of both sides, so the outcome is deterministic)."""
    adj = [[j for j, g in enumerate(right) if compat(p, g)] for p in left]
    owner = [-1] * len(right)

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if owner[j] == -1 or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        if adj[i]:
            augment(i, set())
    return {i for i in owner if i != -1}


# --------------------------------------------------------------------------- topic tier


def _topic_tokens(t: PredictedTopic) -> tuple[str, ...]:
    return tuple(tokens(t.text or t.label or ""))


def _topic_units(relations: Iterable[Relation], skip: Iterable[str] = ()) -> dict[str, list[list[str]]]:
    """Gold topics as units, one per distinct normalised label: label -> its token lists
    (the label's and each mention's)."""
    units: dict[str, list[list[str]]] = {}
    for r in relations:
        for topic in r.topics:
            label = " ".join(tokens(topic.label))
            if label in skip:
                continue
            texts = units.setdefault(label, [])
            texts.append(tokens(topic.label))
            texts.extend(tokens(m.text) for m in topic.mentions)
    return units


def _topics(gd: _GoldDoc, tp_keys: set, members, out: np.ndarray, threshold: float) -> None:
    tp = fp = fn = 0
    for k in sorted(tp_keys):
        required, optional = gd.relations_for(2, k)
        units = _topic_units(required)
        extra = _topic_units(optional, skip=units)
        gold = [units[label] for label in sorted(units)]
        predicted = sorted({_topic_tokens(t) for p in members.get((2, k), ()) for t in p.topics} - {()})
        m, f, n = match_topics(predicted, gold, threshold, [extra[label] for label in sorted(extra)])
        tp, fp, fn = tp + m, fp + f, fn + n
    out[2] = (tp, fp, fn)


def match_topics(
    predicted: list[tuple[str, ...]],
    gold: list[list[list[str]]],
    threshold: float = 0.5,
    optional: list[list[list[str]]] = (),
) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of predicted topics (token tuples) against gold topics (each a list of
    token lists: label and mention texts).

    A predicted topic scores against a gold topic with the highest token Dice over the gold
    topic's texts. Pairs at or above ``threshold`` are matched one to one, greedily by highest
    Dice (ties in list order). An unmatched predicted topic that reaches the threshold with an
    already matched gold topic is a duplicate, and one that reaches it with an ``optional``
    topic (of an OTHER/GENERIC gold relation of the same pair) is ignored: neither TP nor FP.

    >>> match_topics([("ukraine", "war"), ("gaza",)], [[["ukraine", "war"], ["the", "war", "in", "ukraine"]]])
    (1, 1, 0)
    """

    def score(pt, texts):
        return max((dice(list(pt), g) for g in texts), default=0.0)

    pairs = []
    candidate = [False] * len(predicted)
    for i, pt in enumerate(predicted):
        for j, texts in enumerate(gold):
            d = score(pt, texts)
            if d >= threshold:
                pairs.append((-d, i, j))
                candidate[i] = True
        if not candidate[i] and any(score(pt, texts) >= threshold for texts in optional):
            candidate[i] = True
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    tp = len(used_p)
    fp = sum(1 for i in range(len(predicted)) if not candidate[i])
    return tp, fp, len(gold) - tp


# --------------------------------------------------------------------------- evidence tier


def _project(spans: Iterable[Span], sentences: list[Span], starts: list[int]) -> set[tuple[int, int]]:
    """The document sentences that ``spans`` overlap; a span overlapping none stands for
    itself."""
    out: set[tuple[int, int]] = set()
    for s in spans:
        if s.end <= s.start:
            continue
        hit = False
        j = bisect.bisect_right(starts, s.start) - 1
        j = max(j, 0)
        while j < len(sentences) and sentences[j].start < s.end:
            if sentences[j].end > s.start:
                out.add((sentences[j].start, sentences[j].end))
                hit = True
            j += 1
        if not hit:
            out.add((s.start, s.end))
    return out


def _predicted_evidence(p: PredictedRelation) -> tuple[Span, ...]:
    """A prediction's evidence spans, or its trigger when it gives none."""
    if p.evidence:
        return p.evidence
    return (p.trigger,) if p.trigger is not None else ()


def _gold_evidence(r: Relation) -> tuple[Span, ...]:
    """A gold relation's evidence sentences, or its trigger when it has none (the same rule
    as for predictions, so the gold emitted as predictions scores 1.0)."""
    if r.evidence.sentences:
        return r.evidence.sentences
    return (r.evidence.trigger.span,) if r.evidence.trigger is not None else ()


def _evidence(gd: _GoldDoc, tp_keys: list[set], members, out: np.ndarray) -> None:
    sentences = starts = None
    for ti in range(3):
        tp = fp = fn = 0
        for k in tp_keys[ti]:
            required, optional = gd.relations_for(ti, k)
            gold_spans = [s for r in required for s in _gold_evidence(r)]
            pred_spans = [s for p in members.get((ti, k), ()) for s in _predicted_evidence(p)]
            if not gold_spans and not pred_spans:
                continue
            if sentences is None:
                sentences = gd.sentences
                starts = [s.start for s in sentences]
            g = _project(gold_spans, sentences, starts)
            extra = _project([s for r in optional for s in _gold_evidence(r)], sentences, starts)
            pr = _project(pred_spans, sentences, starts)
            both = len(g & pr)
            tp, fp, fn = tp + both, fp + len(pr - g - extra), fn + len(g) - both
        out[ti] = (tp, fp, fn)


# --------------------------------------------------------------------------- details


def _alignment_stats(gd: _GoldDoc, preds, pair, negative: int, stats: dict) -> None:
    exact = gd.aligner.exact
    align = gd.aligner.align
    stats["predictions"] += len(preds)
    stats["negative"] += negative
    stats["duplicates"] += len(preds) - negative - sum(len(s) for s in pair)
    methods = Counter()
    for p in preds:
        for a in (p.head, p.tail):
            methods[OFFSETS if (a.start, a.end) in exact else align(a).method] += 1
    for m, c in methods.items():
        stats[m] += c


# --------------------------------------------------------------------------- oracle


def gold_as_predictions(annotation: Annotation) -> list[PredictedRelation]:
    """The predictions a perfect system would emit for ``annotation``: every gold relation
    (NEG and every realis included) with the first mention of each argument, the topics, the
    evidence sentences and the trigger. Scored, they give 1.0 in every tier."""
    ents = annotation.entities_by_id

    def arg(eid: str) -> ArgumentRef:
        e = ents.get(eid)
        if e is None:
            return ArgumentRef(eid)
        if not e.mentions:
            return ArgumentRef(e.name)
        m = min(e.mentions, key=lambda m: (m.start, m.end))
        return ArgumentRef(m.text, m.start, m.end)

    out = []
    for r in annotation.relations:
        topics = []
        for t in r.topics:
            if t.mentions:
                m = t.mentions[0]
                topics.append(PredictedTopic(m.text, m.start, m.end, t.label))
            else:
                topics.append(PredictedTopic(t.label, label=t.label))
        trigger = r.evidence.trigger.span if r.evidence.trigger is not None else None
        out.append(
            PredictedRelation(
                annotation.doc_id, r.type, arg(r.head), arg(r.tail), r.realis, r.polarity,
                r.mode, tuple(topics), tuple(r.evidence.sentences), trigger,
            )
        )
    return out

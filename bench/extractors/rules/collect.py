"""Collecting the relations a rule extractor finds into document-level predictions.

The rules may state the same relation several times (a restatement, a group phrase, a second
trigger); the scorer's unit is the document-level relation between clusters, so the collector
keeps one prediction per (type, argument clusters, polarity), with the union of its topics and
evidence sentences, the first trigger, and the most factual realis seen (ACTUAL over PLANNED
over OTHER over GENERIC).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import (
    ArgumentRef,
    Mode,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Realis,
    RelationType,
    Span,
)
from .coref import Arg

_REALIS_RANK = {Realis.ACTUAL: 0, Realis.PLANNED: 1, Realis.OTHER: 2, Realis.GENERIC: 3}


@dataclass(slots=True)
class _Pending:
    type: RelationType
    head: Arg
    tail: Arg
    polarity: Polarity
    realis: Realis
    mode: Mode | None
    trigger: Span | None
    order: int
    topics: list[PredictedTopic] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


class RelationCollector:
    """Deduplicating sink of rule-found relations for one document."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self._items: dict[tuple, _Pending] = {}

    def add(self, rtype: RelationType, head: Arg, tail: Arg, polarity: Polarity, realis: Realis,
            sentence: Span, trigger: Span | None = None, mode: Mode | None = None,
            topics: list[PredictedTopic] | tuple = ()) -> None:
        if head.key == tail.key:
            return
        a, b = head.key, tail.key
        if rtype.symmetric and b < a:
            a, b = b, a
        key = (rtype, a, b, polarity)
        p = self._items.get(key)
        if p is None:
            p = _Pending(rtype, head, tail, polarity, realis, mode, trigger, len(self._items))
            self._items[key] = p
        elif _REALIS_RANK[realis] < _REALIS_RANK[p.realis]:
            p.realis = realis
        if mode is not None and (p.mode in (None, Mode.UNSPECIFIED)):
            p.mode = mode
        for t in topics:
            if all((t.start, t.end) != (u.start, u.end) for u in p.topics):
                p.topics.append(t)
        if sentence not in p.evidence:
            p.evidence.append(sentence)

    def rebind(self, bindings: dict[str, Arg], unbound: set[str]) -> None:
        """Replace placeholder arguments by the persons they were bound to (``bindings``:
        placeholder key -> argument); relations with a placeholder left in ``unbound`` are
        dropped. Relations that become equal are merged."""
        if not bindings and not unbound:
            return
        old = sorted(self._items.values(), key=lambda x: x.order)
        self._items = {}
        for p in old:
            if p.head.key in unbound or p.tail.key in unbound:
                continue
            head = bindings.get(p.head.key, p.head)
            tail = bindings.get(p.tail.key, p.tail)
            for sentence in p.evidence or [None]:
                if sentence is None:
                    continue
                self.add(p.type, head, tail, p.polarity, p.realis, sentence, p.trigger, p.mode, p.topics)

    def predictions(self) -> list[PredictedRelation]:
        out = []
        for p in sorted(self._items.values(), key=lambda x: x.order):
            if p.type is RelationType.DISCUSSED and not p.topics:
                continue
            out.append(
                PredictedRelation(
                    self.doc_id, p.type, _ref(p.head), _ref(p.tail), p.realis, p.polarity,
                    (p.mode or Mode.UNSPECIFIED) if p.type is RelationType.DISCUSSED else None,
                    tuple(p.topics) if p.type is RelationType.DISCUSSED else (),
                    tuple(sorted(p.evidence, key=lambda s: s.start)), p.trigger,
                )
            )
        return out


def _ref(a: Arg) -> ArgumentRef:
    return ArgumentRef(a.text, a.start, a.end)

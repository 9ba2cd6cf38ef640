"""Alignment of predicted arguments to gold entity clusters.

The scoring unit is a relation between gold entity *clusters*, so each predicted argument (a
surface text with optional offsets) is first mapped to one cluster of the document's gold.
The rules, applied in order (see docs/scoring.md):

1. **Offsets.** When the argument has offsets that overlap at least one gold mention, it is
   aligned to the cluster of the best overlapping mention: the largest overlap in characters;
   on a tie the mention whose span differs least from the argument's (so an exact span wins
   over a longer mention that contains it); then the earliest mention; then the cluster id.
2. **Text.** Otherwise the argument's normalised text (``bench.text.normalize``) is looked up
   among the normalised mention texts, aliases and canonical names of the clusters. One
   matching cluster: aligned. Several: the cluster whose first mention comes earliest in the
   document (then the smaller id) is chosen, and the alignment is marked ``text_ambiguous``
   with every candidate recorded, so the choice is visible in the report.
3. **Unaligned.** Otherwise the argument is unaligned. The prediction is still scored (as a
   false positive, error class ``unaligned_argument``); it is never discarded.

Alignments are cached per document, so a system that names the same span a thousand times
pays for it once.

>>> from bench.model import Annotation, Entity, EntityType, Mention, ArgumentRef
>>> ann = Annotation("d", (Entity("E1", EntityType.PER, "Sergei Lavrov", (Mention(0, 6, "Lavrov"),)),), ())
>>> aligner = DocumentAligner(ann)
>>> aligner.align(ArgumentRef("Lavrov", 0, 6))
ArgumentAlignment(cluster='E1', method='offsets', candidates=('E1',))
>>> aligner.align(ArgumentRef("sergei lavrov")).method
'text'
>>> aligner.align(ArgumentRef("Wang Yi")).cluster is None
True
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .model import Annotation, ArgumentRef
from .text import normalize

OFFSETS = "offsets"
TEXT = "text"
TEXT_AMBIGUOUS = "text_ambiguous"
UNALIGNED = "unaligned"
METHODS = (OFFSETS, TEXT, TEXT_AMBIGUOUS, UNALIGNED)

# Keys of unaligned arguments start with this character, which no gold entity id contains,
# so an unaligned argument can never equal a gold cluster in a relation key.
UNALIGNED_MARK = "\0"


@dataclass(frozen=True, slots=True)
class ArgumentAlignment:
    """Where one predicted argument landed.

    ``cluster`` is the gold entity id, or None when unaligned. ``method`` is one of
    ``offsets``, ``text``, ``text_ambiguous``, ``unaligned``. ``candidates`` lists the clusters
    that competed, the chosen one first.
    """

    cluster: str | None
    method: str
    candidates: tuple[str, ...] = ()

    @property
    def aligned(self) -> bool:
        return self.cluster is not None


def unaligned_key(text: str) -> str:
    """The relation-key component of an unaligned argument: its normalised text, marked so it
    never equals a gold id. Two unaligned arguments with the same normal form share a key."""
    return UNALIGNED_MARK + normalize(text)


def is_unaligned_key(key: str) -> bool:
    return key.startswith(UNALIGNED_MARK)


class DocumentAligner:
    """Aligns predicted arguments of one document to its gold clusters (rules in the module
    docstring). Build one per annotation and reuse it for every system scored on it."""

    __slots__ = ("annotation", "_starts", "_mentions", "_max_len", "_names", "_cache", "_keys", "_order")

    def __init__(self, annotation: Annotation):
        self.annotation = annotation
        mentions = []
        order: dict[str, tuple[int, str]] = {}
        for e in annotation.entities:
            first = min((m.start for m in e.mentions), default=1 << 62)
            order[e.id] = (first, e.id)
            for m in e.mentions:
                mentions.append((m.start, m.end, e.id))
        mentions.sort()
        self._mentions = mentions
        self._starts = [m[0] for m in mentions]
        self._max_len = max((m[1] - m[0] for m in mentions), default=0)
        self._order = order
        self._names: dict[str, tuple[str, ...]] | None = None  # built on first text lookup
        self._cache: dict[ArgumentRef, ArgumentAlignment] = {}
        self._keys: dict[ArgumentRef, str] = {}

    # ----------------------------------------------------------------- public

    def align(self, arg: ArgumentRef) -> ArgumentAlignment:
        """The alignment of ``arg`` (cached)."""
        found = self._cache.get(arg)
        if found is None:
            found = self._align(arg)
            self._cache[arg] = found
        return found

    def key(self, arg: ArgumentRef) -> str:
        """The cluster id of ``arg``, or its ``unaligned_key`` (cached; the scorer's hot path)."""
        k = self._keys.get(arg)
        if k is None:
            al = self.align(arg)
            k = al.cluster if al.cluster is not None else unaligned_key(arg.text)
            self._keys[arg] = k
        return k

    # ----------------------------------------------------------------- rules

    def _align(self, arg: ArgumentRef) -> ArgumentAlignment:
        if arg.start is not None and arg.end is not None and arg.start < arg.end:
            by_offsets = self._by_offsets(arg.start, arg.end)
            if by_offsets is not None:
                return by_offsets
        return self._by_text(arg.text)

    def _by_offsets(self, start: int, end: int) -> ArgumentAlignment | None:
        # Candidates: mentions starting before ``end`` and no earlier than start - max_len.
        hi = bisect.bisect_left(self._starts, end)
        lo = bisect.bisect_left(self._starts, start - self._max_len)
        best: dict[str, tuple] = {}
        for m_start, m_end, cid in self._mentions[lo:hi]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            difference = (m_end - m_start) + (end - start) - 2 * overlap
            rank = (-overlap, difference, m_start, cid)
            if cid not in best or rank < best[cid]:
                best[cid] = rank
        if not best:
            return None
        ranked = sorted(best.values())
        return ArgumentAlignment(ranked[0][3], OFFSETS, tuple(r[3] for r in ranked))

    def _by_text(self, text: str) -> ArgumentAlignment:
        if self._names is None:
            self._names = self._name_index()
        candidates = self._names.get(normalize(text), ())
        if not candidates:
            return ArgumentAlignment(None, UNALIGNED)
        if len(candidates) == 1:
            return ArgumentAlignment(candidates[0], TEXT, candidates)
        return ArgumentAlignment(candidates[0], TEXT_AMBIGUOUS, candidates)

    def _name_index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, set[str]] = {}
        for e in self.annotation.entities:
            for surface in (e.name, *e.aliases, *(m.text for m in e.mentions)):
                norm = normalize(surface)
                if norm:
                    index.setdefault(norm, set()).add(e.id)
        order = self._order
        return {k: tuple(sorted(v, key=lambda c: order.get(c, (1 << 62, c)))) for k, v in index.items()}


def part_of_closure(annotation: Annotation) -> dict[str, frozenset[str]]:
    """Each cluster id mapped to itself and every cluster it is transitively ``part_of``.

    >>> from bench.model import Annotation, Entity, EntityType
    >>> ents = (Entity("C", EntityType.GPE, "China", ()),
    ...         Entity("B", EntityType.GPE, "Beijing", (), part_of="C"))
    >>> sorted(part_of_closure(Annotation("d", ents, ()))["B"])
    ['B', 'C']
    """
    parent = {e.id: e.part_of for e in annotation.entities}
    out: dict[str, frozenset[str]] = {}
    for eid in parent:
        chain = [eid]
        seen = {eid}
        nxt = parent.get(eid)
        while nxt is not None and nxt not in seen:  # a cycle in bad gold must not hang us
            chain.append(nxt)
            seen.add(nxt)
            nxt = parent.get(nxt)
        out[eid] = frozenset(chain)
    return out


def backoff_compatible(closure: dict[str, frozenset[str]], predicted: str, gold: str) -> bool:
    """The ``lenient`` tier's argument match: equal, or one is (transitively) part of the
    other, in either direction. Siblings (two cities of one country) never match."""
    if predicted == gold:
        return True
    return predicted in closure.get(gold, ()) or gold in closure.get(predicted, ())

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
from functools import lru_cache

from .model import Annotation, ArgumentRef
from .text import normalize

OFFSETS = "offsets"
TEXT = "text"
TEXT_AMBIGUOUS = "text_ambiguous"
UNALIGNED = "unaligned"
METHODS = (OFFSETS, TEXT, TEXT_AMBIGUOUS, UNALIGNED)

# Names and mention texts repeat across documents (and systems): normalise each once.
_normalize = lru_cache(maxsize=1 << 17)(normalize)

# Keys of unaligned arguments start with this character, which no gold entity id contains,
# so an unaligned argument can never equal a gold cluster in a relation key.
UNALIGNED_MARK = "\0"


@dataclass(frozen=True, slots=True)
class ArgumentAlignment:
    """Where one predicted argument landed.

    ``cluster`` is the gold entity id, or None when unaligned. ``method`` is one of
    ``offsets``, ``text``, ``text_ambiguous``, ``unaligned``. ``candidates`` lists the clusters
    whose names matched the text, the chosen one first (for offsets: the chosen one only).
    """

    cluster: str | None
    method: str
    candidates: tuple[str, ...] = ()

    @property
    def aligned(self) -> bool:
        return self.cluster is not None


@lru_cache(maxsize=1 << 16)
def _shared(cluster: str | None, method: str, candidates: tuple[str, ...]) -> ArgumentAlignment:
    """One immutable ArgumentAlignment per distinct value, shared (building a frozen
    dataclass costs more than looking one up)."""
    return ArgumentAlignment(cluster, method, candidates)


def unaligned_key(text: str) -> str:
    """The relation-key component of an unaligned argument: its normalised text, marked so it
    never equals a gold id. Two unaligned arguments with the same normal form share a key."""
    return UNALIGNED_MARK + _normalize(text)


def is_unaligned_key(key: str) -> bool:
    return key.startswith(UNALIGNED_MARK)


class DocumentAligner:
    """Aligns predicted arguments of one document to its gold clusters (rules in the module
    docstring). Build one per annotation and reuse it for every system scored on it."""

    __slots__ = ("annotation", "_index", "_names", "alignments", "keys", "_order", "exact")

    def __init__(self, annotation: Annotation):
        self.annotation = annotation
        # Exact mention spans -> cluster: most offset lookups end here.
        exact: dict[tuple[int, int], str] = {}
        shared = False
        for e in annotation.entities:
            eid = e.id
            for m in e.mentions:
                span = (m.start, m.end)
                if exact.setdefault(span, eid) != eid:
                    shared = True
        if shared:  # two clusters claim one span (bad gold): the earlier-first-mention one wins
            for e in sorted(annotation.entities, key=lambda e: self.order[e.id], reverse=True):
                for m in e.mentions:
                    exact[(m.start, m.end)] = e.id
        # (start, end) of every gold mention -> its cluster. An argument with exactly these
        # offsets aligns there (rule 1 gives it the largest overlap and no difference), so the
        # scorer looks spans up here first, without building a cache entry.
        self.exact = exact
        self._index: tuple | None = None  # sorted mentions, for partial overlaps; built on demand
        self._order: dict[str, tuple[int, str]] | None = None
        self._names: dict[str, tuple[str, ...]] | None = None  # built on first text lookup
        # (text, start, end) -> alignment, and -> relation-key component (the cluster id or the
        # unaligned key). Public so the scorer's inner loop can read them without a method
        # call; they are filled through ``align`` and ``key``.
        self.alignments: dict[tuple, ArgumentAlignment] = {}
        self.keys: dict[tuple, str] = {}

    @property
    def order(self) -> dict[str, tuple[int, str]]:
        """Cluster id -> (offset of its first mention, id): the tie-break order."""
        if self._order is None:
            self._order = {
                e.id: (min((m.start for m in e.mentions), default=1 << 62), e.id)
                for e in self.annotation.entities
            }
        return self._order

    # ----------------------------------------------------------------- public

    def align(self, arg: ArgumentRef) -> ArgumentAlignment:
        """The alignment of ``arg`` (cached)."""
        ck = (arg.text, arg.start, arg.end)
        found = self.alignments.get(ck)
        if found is None:
            found = self._align(arg)
            self.alignments[ck] = found
        return found

    def key(self, arg: ArgumentRef) -> str:
        """The cluster id of ``arg``, or its ``unaligned_key`` (cached in ``keys``)."""
        ck = (arg.text, arg.start, arg.end)
        k = self.keys.get(ck)
        if k is None:
            al = self.alignments.get(ck)
            if al is None:
                al = self.alignments[ck] = self._align(arg)
            k = al.cluster if al.cluster is not None else unaligned_key(arg.text)
            self.keys[ck] = k
        return k

    # ----------------------------------------------------------------- rules

    def _align(self, arg: ArgumentRef) -> ArgumentAlignment:
        if arg.start is not None and arg.end is not None and arg.start < arg.end:
            exact = self.exact.get((arg.start, arg.end))
            if exact is not None:
                return _shared(exact, OFFSETS, (exact,))
            by_offsets = self._by_offsets(arg.start, arg.end)
            if by_offsets is not None:
                return by_offsets
        return self._by_text(arg.text)

    def _by_offsets(self, start: int, end: int) -> ArgumentAlignment | None:
        if self._index is None:
            mentions = sorted((m.start, m.end, e.id) for e in self.annotation.entities for m in e.mentions)
            max_len = max((m[1] - m[0] for m in mentions), default=0)
            self._index = (mentions, [m[0] for m in mentions], max_len)
        mentions, starts, max_len = self._index
        # Candidates: mentions starting before ``end`` and no earlier than start - max_len.
        hi = bisect.bisect_left(starts, end)
        lo = bisect.bisect_left(starts, start - max_len)
        best = None
        tied: list[str] = []
        for m_start, m_end, cid in mentions[lo:hi]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            difference = (m_end - m_start) + (end - start) - 2 * overlap
            rank = (-overlap, difference, m_start)
            if best is None or rank < best:
                best, tied = rank, [cid]
            elif rank == best:
                tied.append(cid)  # two clusters with one span (bad gold)
        if best is None:
            return None
        cid = tied[0] if len(tied) == 1 else min(tied, key=self.order.__getitem__)
        return _shared(cid, OFFSETS, (cid,))

    def _by_text(self, text: str) -> ArgumentAlignment:
        if self._names is None:
            self._names = self._name_index()
        candidates = self._names.get(_normalize(text), ())
        if not candidates:
            return _shared(None, UNALIGNED, ())
        return _shared(candidates[0], TEXT if len(candidates) == 1 else TEXT_AMBIGUOUS, candidates)

    def _name_index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, set[str]] = {}
        for e in self.annotation.entities:
            for surface in {e.name, *e.aliases, *(m.text for m in e.mentions)}:
                norm = _normalize(surface)
                if norm:
                    index.setdefault(norm, set()).add(e.id)
        out = {}
        for k, v in index.items():
            if len(v) == 1:
                out[k] = tuple(v)
            else:
                order = self.order
                out[k] = tuple(sorted(v, key=lambda c: order.get(c, (1 << 62, c))))
        return out


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

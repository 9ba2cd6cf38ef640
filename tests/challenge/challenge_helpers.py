"""Small extractors for the challenge-suite tests, written against the protocol in
bench/extractors/base.py (no registry needed)."""

from __future__ import annotations

from bench.challenge import generate
from bench.model import ArgumentRef, PredictedRelation


def gold_predictions(doc, gold, only_required=False, with_attributes=True):
    """The gold of one document as predictions (first mention of each argument)."""
    ents = gold.entities_by_id
    out = []
    for r in gold.relations:
        if only_required and not r.is_gold_positive:
            continue
        h, t = ents[r.head].mentions[0], ents[r.tail].mentions[0]
        out.append(
            PredictedRelation(
                doc.id, r.type, ArgumentRef(h.text, h.start, h.end), ArgumentRef(t.text, t.start, t.end),
                r.realis if with_attributes else None, r.polarity if with_attributes else None,
                r.mode if with_attributes else None,
            )
        )
    return out


class GoldExtractor:
    """Emits each document's gold relations (NEG and OTHER included, with their attributes)."""

    name = "challengegold.v1"
    description = "emits the challenge gold"

    def __init__(self, seed: int = 0, with_attributes: bool = True):
        self.params = {"seed": seed, "with_attributes": with_attributes}
        self.with_attributes = with_attributes
        self._gold = {
            d.id: g for side in ("test", "train") for c in generate(seed, side)
            for d, g in zip(c.documents, c.gold, strict=True)
        }

    def extract(self, docs):
        for doc in docs:
            gold = self._gold[doc.id]
            yield from gold_predictions(doc, gold, only_required=not self.with_attributes, with_attributes=self.with_attributes)


class NothingExtractor:
    name = "nothing.v1"
    params: dict = {}

    def extract(self, docs):
        return iter(())

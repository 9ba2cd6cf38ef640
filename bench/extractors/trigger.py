"""``trigger.v1``: a rule baseline with no statistical model.

What it does: splits the prose into sentences (``bench.text.sentence_spans``), skips
boilerplate (advertisement lines, "Read more" lists, follow-us lines, the wire dateline),
finds names with one regular expression (capitalised runs split into nationality, title and
name; places typed from a pycountry-based gazetteer), finds trigger words per relation type
with another, and assigns arguments by position around each trigger: the subject group to
the left (conjoined names, "X, who ...", possessives, pronouns, "the two ministers"), "with X",
direct objects, "between X and Y", "to/in X" for destinations, passive "was received by X".
Negation, cancellation, denial and modal cues give polarity and realis; a time expression
after the document date makes an unmarked event PLANNED. Phone and video contacts are never
``met``; with a stated topic they are ``discussed`` with that mode.

Where it fails: word order it does not expect (long appositions, fronted objects, inverted
reporting clauses), coordination of clauses without commas, subjects more than eight words
from their verb, groups introduced by nationality ("the foreign ministers of A, B and C")
whose members are named later, and places missing from the gazetteer outside a destination
slot. It reads nothing across sentences except coreference and the latest meeting or call.

It is the fast baseline: a few regular expressions over the text and Python work per name
and per trigger only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Document, PredictedRelation
from .rules.engine import RuleEngine


class TriggerExtractor:
    """Trigger lexicon + name finder + positional argument rules (no model)."""

    name = "trigger.v1"
    description = "Rules: trigger lexicon, regex name/title finder, gazetteer, positional arguments, negation/modality cues"
    requires: tuple[str, ...] = ()
    trainable = False

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]:
        engine = RuleEngine()
        for doc in docs:
            yield from engine.extract_document(doc)

"""``trigger.v1``: a rule baseline with no statistical model.

What it does: splits the prose into sentences (``bench.text.sentence_spans``), skips
boilerplate (advertisement lines, "Read more" lists, follow-us lines, the wire dateline), and
runs the shared rule engine (``bench.extractors.rules``): one word scan finds the triggers,
references ("the two ministers", "her Kenyan counterpart", pronouns), time expressions and
cue words; a regex name finder splits capitalised runs into organisation, title, nationality
and name ("National Assembly Vice Chairwoman X", "Japan's Defence Minister Y") and types
places from a pycountry-based gazetteer; arguments are assigned by position around each
trigger: the subject group to the left (conjoined names, relative clauses and appositions
skipped, "X, who ... , is due to", coordinated verb phrases, participial clauses), "with X",
direct objects, "between X and Y", "to/in/at X" for destinations. Groups named by country
("the foreign ministers of A, B and C met ...") are bound to the persons the text later names
for each country; hosting gives visits and meetings ("X hosted Y at Z", "Y was welcomed in Z
by X", "X hosted the talks", "Malaysia hosted a three-way meeting"); phone and video contacts
are never ``met`` and are ``discussed`` with their mode when a topic is stated. Negation,
cancellation, denial, doubt and modality cues give polarity and realis (section 7 of the
guidelines); a time expression after the document date makes an unmarked event PLANNED.

Where it fails (read off the errors on the development documents): meetings whose members
are named far from the meeting word ("a Red Sea meeting ... Minister X will chair the talks,
which are expected to bring together Y and officials from ..."); countries and capitals as
participants (metonymy: "Tokyo and Seoul ... a three-way summit with China"); presence stated
by an act at a place ("told reporters at the Berlaymont", "spoke at an event in The Hague");
places between a meeting word and its participant ("talks over lunch at Iveagh House with X");
delegations sent by a country ("Russia has sent a small delegation to Reykjavik"); names it
cannot type (a single unknown word is a person only in a person slot; places missing from the
gazetteer are destinations only after "to/in"); coreference beyond what names, titles,
nationalities and the latest meeting tell; and presence it cannot judge (whether a place is a
participant's home comes from demonyms and the gazetteer, so a foreigner with no stated
nationality who meets someone in a city is not counted as visiting it, and one whose
nationality is stated is, which annotators of the news-length documents did not always do).

It is the fast baseline: a few expressions tried only where a word can begin a match, and
Python work per name and per trigger.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Document, PredictedRelation
from .rules.engine import RuleEngine


class TriggerExtractor:
    """Trigger lexicon + name finder + positional argument rules (no model)."""

    name = "trigger.v1"
    description = "Rules: trigger lexicon, regex name/title finder, gazetteer, positional arguments, coreference, negation/modality cues"
    requires: tuple[str, ...] = ()
    trainable = False

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]:
        engine = RuleEngine()
        for doc in docs:
            yield from engine.extract_document(doc)

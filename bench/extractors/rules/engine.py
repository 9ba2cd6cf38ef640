"""The rule engine shared by ``trigger.v1`` and ``spacy_dep.v1``: from sentences, typed
mentions and triggers to document-level relations.

For every in-scope sentence the engine builds *items* in text order, so that a reference is
resolved against what came before it: names, pronouns (the subject of the clause before the
nearest name; a possessive in a fronted adverbial points forward: "During his visit to X,
NAME ..."; "I" in a quotation is its speaker), group phrases ("the two ministers", "they"),
descriptions ("her Kenyan counterpart", "the Chinese leader", "Japan's foreign minister"),
facility nominals ("the presidential palace", "the Akorda presidential residence"),
delegations, and groups named by country ("the foreign ministers of A, B and C": placeholder
members bound at the end to the persons the text names for each country: "A's X", "B was
represented by Y"). Then it reads each trigger as a *frame*:

- visit/move: visitor(s) -> destination(s) ("a visit by X to Y", "arrived in Y", "returned
  from Y"; not "arrived from Y", not bare presence "was in Y" without a purpose);
- meet: participants (subject group, "with X", direct object, "between X and Y", "was held
  between"); "X met A and B" pairs X with each, joint or trilateral talks pair everyone; an
  actual meeting in a place foreign to a participant (by the nationality the text gives) is a
  visit, a planned one is not (guidelines 6.1);
- host: "X hosted/received/welcomed Y (at Z in W)", the passive "Y was received by X", "X
  hosted a dinner for Y", "X hosted the talks (at Z)", a country hosting an n-way meeting whose
  members are named in the next sentences;
- discuss: participants (or those of the meeting or call it continues) and topic spans;
  "talks dominated by T", "with T at the top of the agenda";
- call/speak: a phone or video contact: never ``met``; ``discussed`` with its mode when the
  text states a topic ("about T", "on T", "to discuss T");
- join: taking part in (or, negated, staying away from) the latest group meeting.

A trigger in a participial clause ("before flying to Z", "After meeting Y, X ...") takes the
main clause's subject and tense. Which words are the subject and the objects of a trigger is
asked of two methods, ``subject`` and ``objects``; this class answers by position around the
trigger, and ``spacy_dep.v1`` asks the dependency arcs where positions find nothing.
Everything else (coreference, polarity/realis cues, topics, events, deduplication) is shared.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ...model import (
    Document,
    EntityType,
    Mode,
    Polarity,
    PredictedRelation,
    Realis,
    RelationType,
    Span,
)
from ...text import sentence_spans
from .boilerplate import boilerplate_spans, dateline_end
from .collect import RelationCollector
from .coref import Arg, Cluster, EntityTracker, fits_titles
from .cues import ACTUAL, Attributes, classify
from .gazetteer import country_of, demonym_country, demonyms, lookup_place, seat_country
from .names import NameMention, find_names
from .patterns import (
    APPOSITION,
    ASIDE,
    BETWEEN_GAP,
    CLAUSE_BOUNDARY,
    CONJ_GAP,
    COUNTRY_GROUP,
    COUNTRY_GROUP_NEED,
    CUE_WORDS,
    DELEGATION,
    DEMONYM_GROUP,
    IN_PERSON_CUE,
    LED_BY,
    LINK_BEFORE,
    N_WAY,
    NOMINAL_TRIGGER,
    OBJECT_GAP,
    PAREN,
    PASSIVE_BEFORE,
    PHONE_CUE,
    PLACE_GAP,
    PLACE_PREP,
    REL_CLAUSE,
    RELATIVE_SUBJECT,
    SCOPE_PREP,
    SEPARATE,
    THEIR_GROUP,
    TIME_WORDS,
    VERB_GAP_FORBID,
    VIDEO_CUE,
    WRITTEN_CUE,
    lower_same_length,
    scan,
    word_alternation,
)
from .timex import TIME_EXPR, is_future, resolve
from .topics import topic_spans

PERSONISH = ("PER", "GROUP")
PLACEISH = ("PLACE", "ORG", "UNK", "FAC")
_LW = (
    r"(?:(?!(?:with|by|to|and|or|but|said|says|told|on|in|at|from|as|that|who|which|met|meet|meets|called"
    r"|welcomed|welcomes|received|receives|hosted|hosts|visited|greeted|telephoned|phoned|spoke|discussed|is|was"
    r"|were|are|be|been|will|would|had|has|have|did|does|not)\b)(?<![\w’'-])[a-z][\w-]*)"
)
_DEM_RE = word_alternation(demonyms(), ignorecase=False)
_DEM_FIND = re.compile(_DEM_RE)
_LETTERS = re.compile(r"[A-Za-z-]+")
_TO_GAP = re.compile(r"\s*to\s")
_TO = re.compile(r"\s+to\s+")
_TOPIC_AFTER = re.compile(
    r"[^.;]*?\b(?:about|on|over|regarding|concerning)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|the\s+sidelines|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\d))",
    re.I,
)
_POSSESSIVE_NAME = re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)['’]s\s")
_CAP_WORDS = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_DESC_PREFIX = re.compile(
    rf"(?<![\w’'-])(?:(?:the|his|her|their|its|a|an)\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*['’]s\s+)?"
    rf"(?:{_LW}\s+(?:(?:of|for)\s+)?){{0,5}}?(?:(?:{_DEM_RE})\s+(?:and\s+(?:{_DEM_RE})\s+)?)?"
    rf"(?:{_LW}\s+){{0,4}}?(?:counterparts?|minister|secretary|president|envoy|ambassador|chief|leader"
    r"|spokes(?:man|woman|person)|official|premier|chancellor|affairs|diplomat|adviser|advisor|guest|host|deputy"
    r"|lawmaker|general|governor|mayor|commissioner|representative|chairman|chairwoman)s?"
    # two offices held together ("deputy prime minister and foreign minister, NAME")
    rf"(?:\s+and\s+(?:{_LW}\s+){{0,3}}?(?:minister|secretary|president|envoy|chief|leader))?"
    # the remit of an envoy ("special envoy for South Sudan, NAME", "ambassador to Japan, NAME")
    r"(?:\s+(?:for|to|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3})?\s*,?\s*$"
)
_REMIT_BEFORE = re.compile(
    r"\b(?:envoy|ambassador|minister|secretary|representative|coordinator|commissioner|adviser|advisor)s?\s+(?:for|to|on)\s+"
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}$")
_DESC_TITLE_WORDS = frozenset({"minister", "president", "secretary", "envoy", "ambassador", "chief", "leader", "premier",
                               "chancellor", "counterpart", "foreign", "defence", "defense", "prime", "guest", "host",
                               "spokesman", "spokeswoman", "spokesperson"})
# Titles of people who report on events rather than take part in them: not the topic person
# a later "he"/"she" refers to.
_SOURCE_TITLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "analyst", "correspondent"})
_FRONTED = re.compile(
    r"\s*(?:on|during|after|before|following|ahead\s+of|at|in|while|since|upon|as\s+part\s+of|at\s+the\s+end\s+of"
    r"|at\s+the\s+start\s+of|on\s+the\s+sidelines\s+of)\b",
    re.I,
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:by|with|to|on|for|of|from|met|meet|meets|received|receive|receives|welcomed|welcome|hosted|host|hosts"
    r"|greeted|called|phoned|telephoned|invited|urged|told|between)\s+(?:[\w’'-]+\s+){0,1}$",
    re.I,
)
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
_CHAIN_GAP = re.compile(
    r"(?:\s+(?:presidential\s+|royal\s+|official\s+)?(?:palace|residence|headquarters|building|hotel|compound|centre|center"
    r"|offices?|complex|estate))?\s*,?\s*(?:in|at|near|outside)\s+(?:the\s+)?", re.I)
_AND_VP = re.compile(
    r"\b(?:and|then)\s+(?:(?:also|then|later|subsequently|afterwards|briefly|again|will|would|is|was|has|had|did)\s+){0,2}"
    r"(?:(?:due|expected|set|scheduled|going|planning|hoping)\s+to\s+)?"
    r"(?:(?:held|hold|holds|holding|conducted|began|opened|sat\s+down\s+for)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2})?$", re.I)
_ORIGIN = re.compile(r"\bfrom$", re.I)
_NAT_AFTER = re.compile(r"\s*(?:,\s*)?(?:of|from)\s+(?:the\s+)?|\s*,\s*", re.I)
_REPRESENTED = re.compile(r"\s+(?:(?:was|were|is|are|will\s+be)\s+represented\s+)?by\s+(?:[a-z-]+\s+){0,4}", re.I)
_HOSTED_MEAL = re.compile(
    r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:dinner|lunch|luncheon|banquet|reception|breakfast|ceremony|gala)"
    r"\s+(?:for|in\s+honou?r\s+of)\s+", re.I)
_HOSTED_EVENT = re.compile(r"\s+(?:the|a|an|this|their|these)\s+(?:[\w-]+\s+){0,2}(?:talks|meeting|meetings|summit|negotiations|gathering|consultations)\b", re.I)
_MEET_PLACE_PREP = re.compile(r"\b(?:in|at|inside)\s+(?:the\s+)?$", re.I)
# An event noun right after an organisation's name ("the G20 summit", "a NATO meeting").
_EVENT_NOUN_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:(?:[\w-]+\s+){0,2})?(?:summit|meeting|meetings|conference|forum|session|assembly|talks|ceremony"
    r"|gathering|congress|convention|games|ministerial|leaders['’]?\s+meeting)\b", re.I)
# "her" followed by a noun is a possessive ("with her counterpart"), not an object.
_POSSESSED_AFTER = re.compile(
    r"\s+(?!and\b|or\b|on\b|in\b|at\b|to\b|for\b|about\b|by\b|with\b|the\b|a\b|an\b"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend)\b|(?:yesterday|today|earlier|later|again)\b)[a-z]", re.I)
_GROUP_SIZES = {"three": 3, "trio": 3, "four": 4, "five": 5, "six": 6, "two": 2, "pair": 2, "both": 2}
_JOIN_AFTER = re.compile(r"\s*(?:in\s+person|too|as\s+well|as\s+(?:an?\s+)?(?:observer|guest)s?)?\s*(?:[,.;]|$|while|but|and\b)", re.I)
# An occasion as the subject of a passive host verb ("The meeting is being hosted by").
_EVENT_SUBJECT_BEFORE = re.compile(
    r"\b(?:the|this|today['’]s|the\s+day['’]s)\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit|gathering|conference|session"
    r"|consultations|forum)\s+(?:(?:is|are|was|were|will\s+be|has\s+been|had\s+been)\s+)?(?:being\s+)?$", re.I)
_EVENT_OF_BEFORE = re.compile(
    r"\b(?:summit|meeting|talks|conference|forum|session|gathering|consultations|round)\s+of\s+(?:the\s+)?$", re.I)
# Facility nouns that make a building of an organisation's name ("the African Union headquarters").
_FAC_OF_ORG = re.compile(r"\b(?:headquarters|secretariat|building|compound|offices)$", re.I)
# Facility nouns that a country's name modifies ("the U.S. embassy", "the U.S. mission to NATO"):
# the country is a mention of its own and the facility's mention is the noun.
_FAC_OF_PLACE = re.compile(r"\b(?:embassy|consulate|mission|residence|chancellery)$", re.I)
_LETTER_FROM = re.compile(r"\s+from\s+(?:the\s+)?", re.I)
_LETTER_TO = re.compile(r"(?:\s+(?:last|this|on|earlier|late|early)\s+\w+)?\s+(?:addressed\s+)?to\s+(?:the\s+)?", re.I)
_SENT_VERB = re.compile(r"\b(?:sent|send|sends|sending|handed|hands|delivered|addressed)\s+$", re.I)
_SENT_GAP = re.compile(r"\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}$", re.I)
_EXCHANGED_BEFORE = re.compile(r"\bexchang\w*\s+(?:\w+\s+){0,2}$")
# Where a letter's subject begins: after the addressee and a time, a participle or a preposition.
_LETTER_TOPIC = re.compile(
    r"(?:\s*,)?(?:\s+(?:last|this|on|in|earlier|late|early)\s+\w+)*(?:\s*,)?\s+(?:urging|inviting|asking|calling\s+(?:on|for)"
    r"|setting\s+out|proposing|outlining|seeking|requesting|about|on|regarding|concerning|over)\s+", re.I)
_MEMBERS_OF = re.compile(r"(?:\s+(?:on|in|at|this|next|last|early|late)\s+[\w-]+)*\s+of\s+", re.I)
_NAME_PREFIX = re.compile(r"(?:[A-Z][\w’'.-]*\s+)+")
_ATTENDED_EVENT = re.compile(
    r"\s+(?:a|an|the|this|last|next)\s+(?:[\w’'-]+\s+){0,3}?(?:summit|meeting|conference|forum|session|assembly|gathering|talks)\s+of\b",
    re.I)
_WHO_AFTER = re.compile(r"\s*,\s*who\b(?![^,]*,\s*(?:who|which)\b)", re.I)
_APPOS_GAP = re.compile(r"\s*,\s*")
_DEM_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# A place phrase fronted before the clause ("In Brussels, X met Y", "Meanwhile, in Hanoi on
# Monday, ..."): up to three short words, then in/at, then the place, then a comma.
_FRONT_PLACE_PREP = re.compile(r"^(?:[\w’']+,?\s+){0,3}?(?:in|at)\s+(?:the\s+)?$", re.I)
_FRONT_PLACE_END = re.compile(r"(?:\s+(?:on|last|this|early|late)\s+\w+)?\s*,", re.I)
_PLACE_PREP_END = re.compile(r"\b(?:in|at|to|inside)\s+(?:the\s+)?$", re.I)
_PLACE_GAP_STOP = re.compile(
    r"\b(?:before|after|while|when|whereas|then|but|said|says|told|which|who|where|to\s+(?!the\b)[a-z]+\s+\w"
    # a topic: "talks on the crisis in Myanmar" (not "on the sidelines of the summit in X", not
    # "greeted on the tarmac at the airport")
    r"|(?:talks|meeting|meetings|discussions?|consultations|negotiations|summit|conference|call)\s+on\s+(?:the|a|an)\s+"
    r"(?!sidelines|margins?|eve|occasion|day|weekend|morning|afternoon|evening|night|same|first|second|last)[a-z]+"
    r"|about|regarding|concerning)\b|[;:]", re.I)
_BEIN_PURPOSE = re.compile(
    r"[^.;]{0,40}?\s+(?:for|on|to\s+attend)\s+(?:talks|(?:a|an|the|this\s+week's|this\s+year's)\s+(?:[\w-]+\s+){0,3}"
    r"(?:visit|meeting|conference|summit|forum|talks|tour|trip|gathering|session|assembly))"
    # "spent Wednesday in Brussels, where she held talks with ..."
    r"|[^.;]{0,40}?,\s*where\s+(?:she|he|they|the\s+\w+)\s+(?:\w+\s+){0,2}?(?:held|met|had|attended|visited|toured)\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
                 "bilateral": 2, "trilateral": 3, "tripartite": 3, "quadrilateral": 4}
_AND = re.compile(r"\band\b|&|\bas\s+well\s+as\b|\btogether\s+with\b|\balong\s+with\b", re.I)
_HELD_BETWEEN = re.compile(
    r"\s*(?:was|were|is|are|will\s+be|has\s+been|had\s+been)?\s*(?:held|took\s+place|takes\s+place|planned|scheduled"
    r"|under\s+way(?:\s+on\s+the\s+(?:sidelines|margins))?)\s+between\s*", re.I)
# A quotation and its reporting verb, inverted before the speaker ('"...," said X').
_QUOTED_REPORT = re.compile(r"[^\"“”]*[,?!][\"”]\s+(?:said|says|added|adds|continued|stressed|noted|insisted)", re.I)
_GERUND = re.compile(r"^[a-z]+ing\b", re.I)
_PARTICIPLE = re.compile(r"(?:\b(?:before|after|while|when|upon|since|without|by)|,)\s+$", re.I)
_POSS_OFFICIAL = re.compile(
    r"['’]s\s+(?P<title>(?:(?:foreign|defen[cs]e|prime|finance|trade|economy|interior|deputy|vice|top|chief|senior)\s+){0,2}"
    r"(?:minister|president|premier|chancellor|envoy|ambassador|diplomat|secretary|leader|counterpart))\b(?!['’]s|\s+(?:of|for)\b)")
_SECOND_OFFICE = re.compile(r"\s+and\s+(?:[a-z-]+\s+){0,3}?(?:minister|secretary|president|envoy|chief|leader)\s*,\s*")
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|can|could|may|might|must|shall|should|did|does|do)\s+$", re.I)
_AGENDA = re.compile(
    r"\bwith\s+(?P<topic>[^,.;]{3,80}?)\s+(?:at\s+the\s+top\s+of|high\s+on|topping|dominating|on)\s+(?:the|their)\s+agenda", re.I)
_QUOTE = re.compile(r"[“\"][^”\"]{2,}[”\"]")
_ATTRIB_AFTER = re.compile(r"\s*,?\s*(?:(?:said|says|told|added|wrote|stressed)\b)?", re.I)
_ATTRIB_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|added|declared|wrote)(?:\s+(?:on|in)\s+\w+)?\s*[:,]?\s*[“\"]$", re.I)
_PLACE_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|&)\s*(?:the\s+)?", re.I)
_DIGIT = re.compile(r"\d")
_GROUP_CUES = CUE_WORDS - TIME_WORDS - {"delegation"}
_WITH_AFTER = re.compile(r"\s+(?:with|between)\b", re.I)
_WITH_END = re.compile(r"\bwith\s*$")
_WITH_POSS_END = re.compile(r"\bwith\s+(?:my|his|her|our|their|its)\s+(?:[a-z-]+\s+){1,2}$")
_POSS_NOUN_GAP = re.compile(r"\s+(?:[a-z-]+\s+){1,2}")  # "my| old friend |X"
_WITH_WORD = re.compile(r"\s+with\s+")
_BY_END = re.compile(r"\bby\s*$", re.I)
_BY_START = re.compile(r"\s*by\s+", re.I)
_BY_WORD = re.compile(r"\bby\b", re.I)
_HOSTED_DET = re.compile(r"\bhost\w*\s+(?:the|a|an|their|this)\s+(?:[\w-]+\s+){0,2}$", re.I)
_TO_INFINITIVE = re.compile(r"\s*,?\s*to\s+\w")
_NOT_TIME = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+sidelines)\b)"
_TOPIC_PREP = re.compile(rf"\s*(?:on|about|over)\s+{_NOT_TIME}")
_TOPIC_PREP_LATER = re.compile(rf"[^.;]*?\b(?:on|about)\s+{_NOT_TIME}")
_COURTESY = re.compile(r"courtesy\s+call", re.I)
_ADVERBS = re.compile(r"\b(?:also|later|then|again|separately|instead|in\s+person|on\s+(?:the\s+)?(?:phone|telephone))\b", re.I)


@lru_cache(maxsize=4096)
def _nominal(word: str) -> bool:
    """Whether a trigger's words begin with a noun ("visit", "talks", "meeting":
    NOMINAL_TRIGGER); cached, trigger words recur."""
    return NOMINAL_TRIGGER.match(word) is not None


@lru_cache(maxsize=4096)
def _gerund(word: str) -> bool:
    """Whether a trigger's words begin with an -ing form (_GERUND); cached like ``_nominal``."""
    return _GERUND.match(word) is not None


def _lower_twin(rx: re.Pattern) -> re.Pattern:
    """The expression without IGNORECASE, for lower-cased text: Python's regex engine is about
    twice as fast without it, and these run for every trigger."""
    return re.compile(rx.pattern, rx.flags & ~re.I)


_L_CLAUSE_BOUNDARY = _lower_twin(CLAUSE_BOUNDARY)
_L_SCOPE_PREP = _lower_twin(SCOPE_PREP)
_L_LINK_BEFORE = _lower_twin(LINK_BEFORE)
_L_PASSIVE_BEFORE = _lower_twin(PASSIVE_BEFORE)
_L_IN_PERSON_CUE = _lower_twin(IN_PERSON_CUE)
_L_VIDEO_CUE = _lower_twin(VIDEO_CUE)
_L_PHONE_CUE = _lower_twin(PHONE_CUE)
_L_WRITTEN_CUE = _lower_twin(WRITTEN_CUE)
# What every match of VIDEO_CUE, PHONE_CUE and WRITTEN_CUE (lower case) contains.
_VIDEO_CUE_WORDS = ("video", "virtual", "online")
_PHONE_CUE_WORDS = ("phon", "rang", "dialled")
_WRITTEN_CUE_WORDS = ("letter", "wrote", "written")


def _any_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in ``text`` (a cheap test before an expression)."""
    for w in words:
        if w in text:
            return True
    return False
_L_VERB_GAP_FORBID = _lower_twin(VERB_GAP_FORBID)
_L_ADVERBS = _lower_twin(_ADVERBS)


# Without one of these a string has no time expression (``timex.TIME_EXPR``).
_TIME_HINT = re.compile(r"[A-Z0-9]|today|tomorrow|yesterday|tonight|week|month|year|spring|summer|autumn|fall|winter")
# A word every time expression contains (a month, a weekday, a number, ...): tried after
# ``_TIME_HINT``, which a capitalised name alone satisfies.
_TIME_NEED = re.compile(r"\d|day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|tomorrow|tonight|week|month|year|spring|summer|autumn|fall|winter")
_REL_OPEN = re.compile(r",\s*(?:who|which)\b", re.I)
_BETWEEN_NEAR = re.compile(r"\bbetween\b")
_TAKEN = re.compile(r"(?:took|taken|take|takes|taking)\s", re.I)
_LED_AFTER = re.compile(r"(?:\s+(?:on|last|this|next|early|late)\s+\w+)?\s*,?\s*(?:led|headed)\s+by\s+", re.I)
_LEADER_GAP = re.compile(r"(?:(?:its|their|his|her|the)\s+)?[\w\s'’-]{0,50}?,?\s*")
_TOGETHER = re.compile(r"br(?:ought|ings?|inging)\s+together")
_RAISE = re.compile(r"rais(?:e|es|ed|ing)$", re.I)
_PRESENT_3SG = re.compile(r"(?:visits|meets|arrives|travels|flies|holds|hosts|tours|attends|returns)\b", re.I)
_L_SUBORDINATE_BEFORE = re.compile(r"\b(?:when|once|after|before|until|while|as\s+soon\s+as)\s+[^,;]{0,80}$")
_LEADER_NOUN_AFTER = re.compile(r"\s+(?:leader|chief|ruler|strongman|boss)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_BARE_ARRIVAL = re.compile(r"arriv(?:e|es|ed)", re.I)
_L_ANAPHOR_BEFORE = re.compile(r"\b(?:the|his|her|their|its|this|that)\s+$")
_SETTLEMENT_END = re.compile(r"\b(?:city|town|village|resort|region|province|island|enclave|capital)$", re.I)
_ABSENCE = re.compile(r"(?:skip|boycott|pull|stay)", re.I)
_ATTENDEES = re.compile(r"(?:among|attending|also\s+present|present)\b", re.I)
_NOT_TOPIC_WORD = (r"(?!sidelines|margins?|eve|occasion|day|weekend|morning|afternoon|evening|night|same|first|second|last"
                   r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
                   r"|august|september|october|november|december|its|their|his|her|this|that|behalf|arrival|arriving|\d)")
# A topic right after a meeting word ("talks on the crisis in Myanmar": not the meeting's place).
_TOPIC_ON = re.compile(rf"\s*on\s+(?:(?:the|a|an)\s+)?{_NOT_TOPIC_WORD}[a-z]+", re.I)
# A topic between a meeting word and a later event word ("talks on a common position for the
# summit"): the later event is part of the topic, not linked to the meeting.
_L_TOPIC_BETWEEN = re.compile(rf"\s*(?:\w+\s+){{0,3}}?(?:on|about)\s+(?:(?:the|a|an)\s+)?{_NOT_TOPIC_WORD}[a-z]")
_L_INDIRECT_BEFORE = re.compile(r"\b(?:indirect|proximity|shuttle)\s+(?:[a-z-]+\s+)?$")
_SENT = re.compile(r"(?:sen[dt]|sends|sending|dispatch)", re.I)
_BETWEEN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,6}?between\b")
# Title words that fit a group noun ("the two presidents" are presidents).
_GROUP_TITLES = {
    "president": ("president", "leader"), "prime": ("leader", "premier", "prime minister"), "premier": ("premier", "leader"),
    "chancellor": ("leader",), "king": ("leader",), "emir": ("leader",), "sultan": ("leader",), "prince": ("leader",),
    "chairman": ("leader",), "chairwoman": ("leader",), "general": ("leader",), "leader": ("leader",),
    "minister": ("minister",), "secretary": ("minister",),
    "foreign": ("foreign",), "defence": ("defence", "defense"), "defense": ("defence", "defense"),
}
_NEXT_CLAUSE = re.compile(r",\s+and\s+(?!(?:his|her|their|the\s+\w+\s+of)\b)|\band\s+(?:the\s+)?(?:two|three|both)\b")
_FROM = re.compile(r"\s+(?:\w+\s+){0,2}?from\s+", re.I)
_JOINT = re.compile(r"\b(?:joint|jointly|together|trilateral|tripartite|three-way|four-way|multilateral|all\s+three|all\s+four)\b")
_MEETING_AFTER = re.compile(
    r"\b(?:during|at|over|on\s+the\s+sidelines\s+of)\s+(?:(?:a|an|the|their|his|her)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:meeting|talks|summit|lunch|luncheon|dinner|breakfast|visit|session|banquet)\b")
_L_VERB_BEFORE = _lower_twin(_VERB_BEFORE)
_L_PARTICIPLE = _lower_twin(_PARTICIPLE)
_L_EVENT_SUBJECT_BEFORE = _lower_twin(_EVENT_SUBJECT_BEFORE)
_L_AND_VP = _lower_twin(_AND_VP)
_PAST_ENDINGS = tuple(
    "ed met flew went came left held spoke sat paid took made rang began was were had spent sent led saw told gave got "
    "brought kept stood wrote drove rode ate shook spoke sought thought fought won lost ran undertook".split())
_PAST = re.compile(r"(?:" + "|".join(_PAST_ENDINGS) + r")$", re.I)


def _is_past(word: str) -> bool:
    """Whether a word (no whitespace) ends like a past-tense verb (``_PAST``); an ASCII word is
    tested with ``endswith``, which is what the case-insensitive expression does on ASCII."""
    if word.isascii():
        return word.lower().endswith(_PAST_ENDINGS)
    return _PAST.search(word) is not None
_TIME_WORDS = re.compile(r"^\s*(?:on|in|at|by|last|next|this|early|late|mid|later|earlier)?\s*$", re.I)


@dataclass(slots=True)
class Item:
    """A word or phrase that can fill an argument slot."""

    start: int
    end: int
    kind: str  # PER, GROUP, PLACE, ORG, FAC, UNK
    args: list[Arg]
    lead: int  # where its descriptor prefix starts ("her Kenyan counterpart, NAME")
    modifier: bool = False  # a possessive place that only qualifies the next name
    possessive: bool = False
    weak: bool = False  # a person only because it has two capitalised words
    pronoun: bool = False
    ref: re.Match | None = None  # the reference expression it was resolved from


@dataclass(slots=True)
class Frame:
    """One trigger read in its sentence.

    Its polarity and realis (``attrs``) may be given as a function that reads them
    (``defer_attrs``): many triggers yield no relation, and their cues are then never read."""

    kind: str
    start: int
    end: int
    word: str
    subj: list[Arg] = field(default_factory=list)
    obj: list[Arg] = field(default_factory=list)
    places: list[Arg] = field(default_factory=list)
    _attrs: Attributes | None = ACTUAL
    mode: Mode | None = None
    participants: list[Arg] = field(default_factory=list)
    subj_end: int = -1
    linked: bool = False
    _read_attrs: Callable[[], Attributes] | None = None

    @property
    def attrs(self) -> Attributes:
        if self._attrs is None:
            self._attrs = self._read_attrs()
            self._read_attrs = None
        return self._attrs

    @attrs.setter
    def attrs(self, value: Attributes) -> None:
        self._attrs = value
        self._read_attrs = None

    def defer_attrs(self, read: Callable[[], Attributes]) -> None:
        """Set ``attrs`` to what ``read()`` returns, called the first time they are asked for
        (``read`` must not depend on anything that changes after this call)."""
        self._attrs = None
        self._read_attrs = read


@dataclass(slots=True)
class Event:
    participants: list[Arg]
    mode: Mode | None
    attrs: Attributes
    sentence: int
    places: list[Arg] = field(default_factory=list)


def _uniq_events(events: list[Event]) -> list[Event]:
    """``events`` without repeats, in order (events compare by identity)."""
    seen: set[int] = set()
    return [e for e in events if not (id(e) in seen or seen.add(id(e)))]


def _uniq(args: Iterable[Arg]) -> list[Arg]:
    seen: set[str] = set()
    out = []
    for a in args:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out


def _outside(sentences: list[Span], regions: Iterable[Span]) -> list[Span]:
    """The sentences that overlap no region, in O((n + m) log m): the regions are merged into
    disjoint intervals once and each sentence is checked against its neighbour by bisection
    (a long document with many boilerplate lines stays linear, not quadratic)."""
    merged: list[list[int]] = []
    for r in sorted(regions, key=lambda r: (r.start, r.end)):
        if merged and r.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], r.end)
        else:
            merged.append([r.start, r.end])
    if not merged:
        return list(sentences)
    starts = [m[0] for m in merged]
    kept = []
    for s in sentences:
        i = bisect_left(starts, s.end) - 1
        if i < 0 or merged[i][1] <= s.start:
            kept.append(s)
    return kept


class RuleEngine:
    """Positional rule engine (``trigger.v1``); subclasses may override ``subject``/``objects``."""

    def __init__(self) -> None:
        pass

    # -- document --------------------------------------------------------------------------
    def extract_document(self, doc: Document, names: list[NameMention] | None = None,
                         context=None) -> list[PredictedRelation]:
        text = doc.text
        start = dateline_end(text, doc.body_start)
        oos = boilerplate_spans(text, start)
        sentences = _outside(sentence_spans(text, start), oos)
        if not sentences:
            return []
        if names is None:
            names = find_names(text, start)
        self.doc = doc
        self.sentences = sentences
        self.sentence_starts = [x.start for x in sentences]
        self.text = text
        self.low = lower_same_length(text)
        self.context = context
        self.tracker = EntityTracker()
        self.collector = RelationCollector(doc.id)
        self.events: list[Event] = []
        self.salient: Arg | None = None
        self.slot_bindings: dict[str, Cluster] = {}
        self.cue_words: set[str] = set()
        self._times: list[tuple[int, int, str]] | None = None
        self.visiting: dict[str, int] = {}  # person -> sentence of their latest actual visit
        self.trip_country: dict[str, str] = {}  # person -> country of their latest actual visit
        self.open_slots: list[tuple[Cluster, int]] = []  # members of an n-way meeting, unnamed yet
        self.unnamed_officials: list[tuple[Cluster, int]] = []  # "Kuwait's foreign minister", not named yet
        self.official_bindings: dict[str, Cluster] = {}  # such an official -> the person named later
        self.pending_visits: list[tuple[Arg, Arg, Frame, Span]] = []  # visits decided by nationality at the end
        self.last_hosting: tuple[list[Arg], list[Arg]] = ([], [])  # hosts and guests of the latest hosting
        self.groups: dict[int, list[Arg]] = {}  # "the three ministers": the members they last stood for
        self.led: set[tuple[str, str]] = set()
        self.leaders: dict[str, list[Arg]] = {}  # delegation -> the named persons who lead it
        self.delegation: Cluster | None = None  # the delegation named last
        self.gathering: Event | None = None  # a meeting reported before its members are named  # (delegation, its leader): never a pair of their own
        name_starts = [m.start for m in names]
        trig, refs, cues, times = scan(text, start, low=self.low)
        self.times = [(m.start(), m.end(), m.group(0)) for m in times]
        self.time_starts = [t[0] for t in self.times]
        ref_starts = [m.start() for m in refs]
        trig_starts = [m.start() for m in trig]
        cue_starts = [p for p, _w in cues]
        for si, s in enumerate(sentences):
            sn = names[bisect_left(name_starts, s.start):bisect_left(name_starts, s.end)]
            sr = refs[bisect_left(ref_starts, s.start):bisect_left(ref_starts, s.end)]
            st = trig[bisect_left(trig_starts, s.start):bisect_left(trig_starts, s.end)]
            self.cue_words = {w for _p, w in cues[bisect_left(cue_starts, s.start):bisect_left(cue_starts, s.end)]}
            self._times = None
            self.sentence_index = si
            self.sentence = s
            items = self.build_items(s, sn, sr, st)
            if self.open_slots:
                self.fill_open_slots(items)
            if st:
                self.read_sentence(s, items, st)
            subj = next((it for it in items if it.kind == "PER" and not self.is_object(it)
                         and not (it.args and it.args[0].cluster.titles & _SOURCE_TITLES)), None)
            if subj is not None and subj.args:
                self.salient = subj.args[0]
        self.bind_slots()
        return self.collector.predictions()

    def fill_open_slots(self, items: list[Item]) -> None:
        """Members of an n-way meeting are the persons the next sentences name, in order."""
        self.open_slots = [(c, si) for c, si in self.open_slots if self.sentence_index - si <= 3]
        bound_keys = {c.key for c in self.slot_bindings.values()}
        for it in items:
            if not self.open_slots:
                break
            if it.kind != "PER" or it.pronoun or not it.args or it.args[0].cluster.slot:
                continue
            c = it.args[0].cluster
            if c.key in bound_keys or any(w.startswith("spokes") for w in c.titles):
                continue
            ev_members = [a.key for e in self.events for a in e.participants]
            if c.key in ev_members:
                continue
            slot, _si = self.open_slots.pop(0)
            self.slot_bindings[slot.key] = c
            bound_keys.add(c.key)

    def bind_slots(self) -> None:
        """Members of groups named by country get the persons the text names for them; an
        official described before being named becomes the named person."""
        if self.official_bindings:
            self.collector.rebind({k: Arg(c, c.start, c.end, c.name) for k, c in self.official_bindings.items()}, set())
        slots = [c for c in self.tracker.clusters.values() if c.slot]
        if not slots:
            return
        chosen = self.tracker.bind_slots(slots, self.slot_bindings)
        for a, p, f, sentence in self.pending_visits:
            c = chosen.get(a.key, a.cluster)
            pc = p.cluster.nationality
            if c.nationality and pc and c.nationality != pc:
                self.collector.add(RelationType.VISITED, a, p, f.attrs.polarity, f.attrs.realis, sentence,
                                   Span(f.start, f.end))
        bindings = {k: Arg(c, c.start, c.end, c.name) for k, c in chosen.items()}
        self.collector.rebind(bindings, {c.key for c in slots if c.key not in chosen})

    # -- items ---------------------------------------------------------------------------------
    def name_lead(self, s: Span, m: NameMention, floor: int) -> tuple[int, str | None, str | None]:
        """Where the descriptor before a name starts ("her Kenyan counterpart, NAME"), and the
        nationality and title it gives. ``floor`` bounds the search (a trigger before the
        name is never part of its descriptor)."""
        text = self.text
        lead = m.lead if 0 <= m.lead < m.start else m.start
        nationality, title = m.nationality, m.title
        if m.type in (EntityType.PER, None) and _desc_head_before(text, lead):
            lo = max(s.start, floor, lead - 90)
            pm = _DESC_PREFIX.search(text, lo, lead) if lo < lead else None
            if pm and pm.end() == lead:
                lead = pm.start()
                desc = text[pm.start():pm.end()]
                if nationality is None:
                    nationality = _nationality(desc)
                words = {w.lower().rstrip(",s") for w in _LETTERS.findall(desc)}
                title = " ".join(sorted(words & _DESC_TITLE_WORDS)) or title
        return lead, nationality, title

    def build_items(self, s: Span, names: list[NameMention], refs: list[re.Match],
                    triggers: list[re.Match] = ()) -> list[Item]:
        """The argument candidates of a sentence, built in text order so that a reference
        ("the two ministers", "his counterpart", "the Russian minister") is resolved against
        the entities named before it."""
        trig_ends = [t.end() for t in triggers]
        leads = []
        for m in names:
            floor = max([e for e in trig_ends if e <= m.start] + [s.start])
            leads.append(self.name_lead(s, m, floor))
        spans = [(lead, m.end) for (lead, _n, _t), m in zip(leads, names, strict=True)
                 if m.type is not None or demonym_country(m.text) is None]
        todo: list[tuple[int, int, object]] = [(m.start, 0, i) for i, m in enumerate(names)]
        for r in refs:
            rs, re_ = r.start(), r.end()
            inside = [i for i, m in enumerate(names) if rs < m.end and leads[i][0] < re_]
            if inside and r.group("fac") and all(
                    (names[i].type is None or (names[i].type is EntityType.ORG and _FAC_OF_ORG.search(r.group(0)))
                     or (names[i].type is EntityType.GPE and _FAC_OF_PLACE.search(r.group(0))))
                    and r.start("facname") <= names[i].start for i in inside):
                # "the Akorda presidential residence": a name that modifies a facility noun
                todo = [t for t in todo if not (t[1] == 0 and t[2] in inside)]
                spans = [sp for sp in spans if not (rs < sp[1] and sp[0] < re_)]
                todo.append((rs, 1, r))
                continue
            if any(rs < e and a < re_ for a, e in spans):
                continue
            todo.append((rs, 1, r))
        todo.sort(key=lambda x: (x[0], x[1]))
        items: list[Item] = []
        for _pos, kind, x in todo:
            if kind == 0:
                m = names[x]
                lead, nationality, title = leads[x]
                item = self.name_item(m, lead, nationality, title)
            else:
                if any(x.start() < it.end and it.lead < x.end() for it in items):
                    continue
                item = self.reference_item(x, items)
                if item is not None:
                    item.ref = x
            if item is not None:
                items.append(item)
        cue_words = self.cue_words
        if "delegation" in cue_words:
            items = self.delegations(s, items)
        if cue_words & _GROUP_CUES:
            items = self.country_groups(s, items)
        items = self.possessive_officials(items)
        items = self.seat_leaders(items)
        self.nationality_from_context(items)
        # possessive places directly before a name qualify it ("Japan's Defence Minister X")
        for a, b in zip(items, items[1:], strict=False):
            if a.kind == "PLACE" and not a.possessive and b.kind == "PER" and b.lead <= a.start < b.start:
                a.modifier = True  # "U.S. envoy Robert Malley": the country is part of the name's descriptor
            elif a.kind == "PLACE" and a.possessive and b.kind in ("PER", "UNK") and b.lead <= a.end + 40 and b.lead <= a.start:
                a.modifier = True
            elif a.kind == "PLACE" and a.possessive and b.kind in ("PER", "UNK") and not self.text[a.end:b.lead].strip(" ’'s"):
                a.modifier = True  # "Uzbekistan's Rustam Nazarkulov": the name's phrase starts at the place
                b.lead = a.start
        items.sort(key=lambda it: it.start)
        self.resolve_quotes(items)
        self.resolve_cataphora(items)
        return [it for it in items if it.args]

    def country_groups(self, s: Span, items: list[Item]) -> list[Item]:
        """A group introduced by its members' countries ("the foreign ministers of A, B and
        C", "the Polish, Lithuanian and Ukrainian leaders") becomes one GROUP item whose
        members are placeholders, bound at the end to the persons the text names for each
        country ("Lithuania's X", "Poland was represented by Y")."""
        text = self.text
        groups = COUNTRY_GROUP.finditer(text, s.start, s.end) if COUNTRY_GROUP_NEED.search(text, s.start, s.end) else ()
        for m in groups:
            places = [it for it in items if it.start >= m.end() and it.kind == "PLACE"]
            members: list[Item] = []
            pos = m.end()
            for it in places:
                gap = text[pos:it.lead]
                if (not members and not gap.strip()) or (members and _PLACE_LIST_GAP.fullmatch(gap)):
                    members.append(it)
                    pos = it.end
                    continue
                break
            countries = [country_of(it.args[0].cluster.name) for it in members]
            if len(members) < 2 or None in countries:
                continue
            args = [Arg(self.tracker.slot(c, it.start, it.end, it.args[0].text), it.start, it.end, it.args[0].text)
                    for c, it in zip(countries, members, strict=True)]
            end = members[-1].end
            # "her counterparts from A, B and C, NAME1, NAME2 and NAME3": the names, in order
            named: list[Item] = []
            pos = end
            for it in (x for x in items if x.start >= end):
                gap = text[pos:it.lead]
                if it.kind == "PER" and it.args and ((not named and _APPOS_GAP.fullmatch(gap)) or (named and _PLACE_LIST_GAP.fullmatch(gap))):
                    named.append(it)
                    pos = it.end
                    continue
                break
            if len(named) == len(args):
                args = [it.args[0] for it in named]
                for a, c in zip(args, countries, strict=True):
                    if a.cluster.nationality is None:
                        a.cluster.nationality = c
                end = named[-1].end
                members = members + named
            group = Item(m.start(), end, "GROUP", args, m.start())
            items = [it for it in items if it not in members and not (m.start() <= it.start < end)]
            items.append(group)
        for m in THEIR_GROUP.finditer(text, s.start, s.end):
            places = [it for it in items if it.end <= m.start() and it.kind == "PLACE" and not it.modifier]
            members: list[Item] = []
            for it in reversed(places):
                if not members or _PLACE_LIST_GAP.fullmatch(text[it.end:members[0].lead]):
                    members.insert(0, it)
                    continue
                break
            countries = [country_of(it.args[0].cluster.name) for it in members]
            if len(members) < 2 or None in countries or len(set(countries)) < len(countries):
                continue
            args = [Arg(self.tracker.slot(c, it.start, it.end, it.args[0].text), it.start, it.end, it.args[0].text)
                    for c, it in zip(countries, members, strict=True)]
            items.append(Item(m.start(), m.end(), "GROUP", args, m.start()))
        for m in DEMONYM_GROUP.finditer(text, s.start, s.end):
            dems = _DEM_FIND.findall(m.group("dems"))
            countries = [demonym_country(d) for d in dems]
            if len(countries) < 2 or None in countries or any(m.start() < it.end and it.start < m.end() for it in items):
                continue
            args = [Arg(self.tracker.slot(c, m.start(), m.end(), m.group(0)), m.start(), m.end(), m.group(0)) for c in countries]
            items.append(Item(m.start(), m.end(), "GROUP", args, m.start()))
        items.sort(key=lambda it: it.start)
        return items

    def delegations(self, s: Span, items: list[Item]) -> list[Item]:
        """"a Hamas delegation", "the Chinese delegation", "a delegation from Kenya": an
        organisation of its own (the visitor of the visits it makes)."""
        text = self.text
        out = list(items)
        for m in DELEGATION.finditer(text, s.start, s.end):
            ds = m.start("dname") if m.group("dname") else m.start("dhead")
            de = m.end("dhead")
            inside = [it for it in out if ds <= it.start and it.end <= m.end()]
            if any(it.kind == "PER" for it in inside):
                continue
            key = text[ds:de] if m.group("dname") else text[ds:m.end()]
            if m.group("dname") and demonym_country(m.group("dname").strip()) is None:
                # "the European Commission delegation": the name modifies the noun, whose own
                # mention is "delegation" (GUIDELINES 3.5, 4); a demonym is part of the phrase
                ds = m.end("dname")
            if text[m.start()] in "Tt" and self.delegation is not None and (
                    not m.group("dname") or set(m.group("dname").split()) <= set(self.delegation.name.split())):
                c = self.delegation  # "the delegation", "the Commission delegation": the one named before
            else:
                c = self.tracker.org(key, ds, de)
            self.delegation = c
            args = [Arg(c, ds, de, text[ds:de])]
            end = m.end()
            led = LED_BY.match(text, m.end())
            if led is not None:
                leader = next((it for it in out if it.kind == "PER" and it.lead == led.end()), None)
                if leader is not None:  # "a delegation led by X": both travel, both meet
                    args += leader.args
                    self.led.update((c.key, a.key) for a in leader.args)
                    self.leaders.setdefault(c.key, []).extend(leader.args)
                    inside.append(leader)
                    end = leader.end
            out = [it for it in out if it not in inside]
            out.append(Item(ds, end, "GROUP", args, m.start()))
        out.sort(key=lambda x: x.start)
        return out

    def possessive_officials(self, items: list[Item]) -> list[Item]:
        """"Japan's foreign minister" with no name after it: that country's official, the
        person of that nationality and title named before, else a person of its own."""
        text = self.text
        out = list(items)
        for k, it in enumerate(items):
            if it.kind != "PLACE" or not it.possessive or it.modifier:
                continue
            m = _POSS_OFFICIAL.match(text, it.end)
            if m is None:
                continue
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is not None and nxt.lead <= m.end() + 3:
                continue
            both = _SECOND_OFFICE.match(text, m.end())
            if both is not None and nxt is not None and nxt.kind == "PER" and nxt.start <= both.end() + 3:
                continue  # "Ireland's deputy prime minister and foreign minister, NAME": the name's own title
            nat = it.args[0].cluster.nationality
            heads = set(m.group("title").lower().split()) & _DESC_TITLE_WORDS
            c = self.tracker.by_description(nat, heads - {"foreign", "defence", "defense", "prime"} or heads)
            ts, te = m.start("title"), m.end("title")
            if c is None:
                c = self.tracker.person(text[ts:te], ts, te, nationality=nat, title=m.group("title").lower())
                self.unnamed_officials.append((c, self.sentence_index))
            else:
                self.tracker.touch(c, ts)
            out.append(Item(ts, te, "PER", [Arg(c, ts, te, text[ts:te])], ts))
        out.sort(key=lambda x: x.start)
        return out

    def seat_leaders(self, items: list[Item]) -> list[Item]:
        """"The Kremlin leader", "the Beijing leader": a seat of government or a capital with a
        leader noun describes that country's leader named before (a person, not the body or the
        place); with no such person named, no item at all."""
        text = self.text
        out = list(items)
        for it in items:
            if it.kind not in ("ORG", "PLACE", "FAC") or it.possessive or it.modifier:
                continue
            m = _LEADER_NOUN_AFTER.match(text, it.end)
            if m is None or not _THE_BEFORE.search(text, max(0, it.lead - 5), it.lead):
                continue
            name = text[it.start:it.end]
            nat = seat_country(name) or (country_of(name) if it.kind == "PLACE" else None)
            if nat is None:
                continue
            out.remove(it)
            c = self.tracker.by_description(nat, {"leader", "president", "premier", "chancellor", "king", "emir"})
            if c is not None:
                self.tracker.touch(c, it.start)
                out.append(Item(it.start, m.end(), "PER", [Arg(c, c.start, c.end, c.name)], it.lead))
        out.sort(key=lambda x: x.start)
        return out

    def nationality_from_context(self, items: list[Item]) -> None:
        """Nationality stated after a name: "X of Poland", "X, Poland's foreign minister",
        "Poland was represented by X (and Ukraine by Y)"."""
        text = self.text
        for k, it in enumerate(items):
            if it.kind != "PER" or it.pronoun or not it.args:
                continue
            c = it.args[0].cluster
            if c.nationality or c.slot:
                continue
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is not None and nxt.kind == "PLACE" and _NAT_AFTER.fullmatch(text[it.end:nxt.lead]) \
                    and (nxt.possessive or not text[it.end:nxt.lead].strip().startswith(",")):
                c.nationality = country_of(nxt.args[0].cluster.name)
                continue
            prv = items[k - 1] if k > 0 else None
            if prv is not None and prv.kind == "PLACE" and _REPRESENTED.fullmatch(text[prv.end:it.lead]):
                c.nationality = country_of(prv.args[0].cluster.name)

    def name_item(self, m: NameMention, lead: int, nationality: str | None, title: str | None) -> Item | None:
        text, tr = self.text, self.tracker
        possessive = text.startswith(("’s", "'s"), m.end)
        if m.type is EntityType.PER:
            new = self.unnamed_officials and title and tr.person(m.text, m.start, m.end, create=False) is None
            owner = tr.recent_persons(1) if title and "counterpart" in title.split() else []
            c = tr.person(m.text, m.start, m.end, nationality, title)
            if owner and owner[0].key != c.key:
                # "Sudan's foreign minister, A, and her Ethiopian counterpart, B": B holds A's
                # office, so B is one of "the ministers", not of "the leaders"
                c.titles |= owner[0].titles - {"counterpart"}
            if new:
                self.name_official(c, nationality, title)
            return Item(m.start, m.end, "PER", [Arg(c, m.start, m.end, m.text)], lead,
                        possessive=possessive, weak=not (m.title or m.honorific or title))
        if m.type in (EntityType.GPE, EntityType.LOC):
            c = tr.place(m.text, m.start, m.end, m.type)
            return Item(m.start, m.end, "PLACE", [Arg(c, m.start, m.end, m.text)], lead, possessive=possessive)
        if m.type in (EntityType.ORG, EntityType.FAC):
            c = tr.org(m.text, m.start, m.end, m.type)
            return Item(m.start, m.end, "ORG" if m.type is EntityType.ORG else "FAC",
                        [Arg(c, m.start, m.end, m.text)], lead, possessive=possessive)
        c = tr.known_person(m.text)
        if c is not None:
            tr.touch(c, m.start)
            if nationality and not c.nationality:
                c.nationality = nationality
            return Item(m.start, m.end, "PER", [Arg(c, m.start, m.end, m.text)], lead, possessive=possessive)
        if m.hint is not None and demonym_country(m.text) is None:
            return self.name_item(replace(m, type=m.hint, hint=None), lead, nationality, title)
        if m.nationality is None or demonym_country(m.text) is None:
            c = tr.org(m.text, m.start, m.end, EntityType.GPE)
            return Item(m.start, m.end, "UNK", [Arg(c, m.start, m.end, m.text)], lead, possessive=possessive)
        return None

    def name_official(self, c: Cluster, nationality: str | None, title: str) -> None:
        """"Kuwait's foreign minister flew to Riyadh ... Foreign Minister NAME was received":
        a person first described by country and office, then named with that office in the next
        sentences, is one person (cataphora)."""
        words = set(title.split()) & _DESC_TITLE_WORDS - {"foreign", "defence", "defense", "prime"}
        for k, (u, si) in enumerate(self.unnamed_officials):
            if self.sentence_index - si > 2:
                continue
            if u.titles == {"counterpart"}:
                # "received his Lithuanian counterpart ... Lithuanian President NAME said"
                if not (nationality and nationality == u.nationality):
                    continue
            elif not words & u.titles or not set(title.split()) <= u.titles:
                continue
            if nationality and u.nationality and nationality != u.nationality:
                continue
            self.official_bindings[u.key] = c
            if c.nationality is None:
                c.nationality = u.nationality
            if u in self.tracker.persons:
                self.tracker.persons.remove(u)
            del self.unnamed_officials[k]
            return

    def reference_item(self, m: re.Match, items: list[Item]) -> Item | None:
        text, tr = self.text, self.tracker
        ms, me = m.start(), m.end()
        if m.group("pron"):
            w = m.group("pron").lower()
            prior = [it for it in items if it.kind == "PER" and it.end <= ms and it.args]
            if w in ("they", "them", "their"):
                ev = self.latest_event()
                persons = []
                if w == "their":
                    bounds = [b.end() for b in _L_CLAUSE_BOUNDARY.finditer(self.low, self.sentence.start, ms)]
                    clause_start = bounds[-1] if bounds else self.sentence.start
                    persons = [it.args[0] for it in prior if it.args and it.start >= clause_start]
                if w == "their" and len(_uniq(persons)) >= 2 and (ev is None or ev.sentence < self.sentence_index):
                    # "X told Y during their meeting", "X, Y and Z held their first three-way
                    # meeting": the persons of the clause
                    return Item(ms, me, "GROUP", _uniq(persons)[-4:], ms, possessive=True, pronoun=True)
                if ev is None:
                    return None
                return Item(ms, me, "GROUP", list(ev.participants), ms, possessive=w == "their", pronoun=True)
            if w in ("i", "me", "my"):
                return Item(ms, me, "PER", [], ms, possessive=w == "my", pronoun=True)  # resolve_quotes
            if w in ("him", "her") and _OBJECT_BEFORE.search(text, max(self.sentence.start, ms - 30), ms) \
                    and not _POSSESSED_AFTER.match(text, me):
                # the same object pronoun earlier in the sentence is the same person ("the leg
                # took him to Warsaw, where X received him")
                same = next((it for it in reversed(items) if it.pronoun and it.args and it.start >= self.sentence.start
                             and text[it.start:it.end].lower() == w), None)
                if same is not None:
                    return Item(ms, me, "PER", list(same.args), ms, pronoun=True)
                # an object pronoun is never the subject of its own clause ("X visited Moscow and
                # held talks with him": him is not X)
                subj_keys = {it.args[0].key for it in prior if not self.is_object(it)}
                rel = [it for it in prior if _WHO_AFTER.match(text, it.end) and it.end < ms]
                if rel:  # "..., from X, who received him": the relative clause's subject is X
                    subj_keys = {rel[-1].args[0].key}
                if subj_keys:
                    others = [c for c in tr.recent_persons(8) if c.key not in subj_keys and not c.slot]
                    if others:
                        c = others[-1]
                        return Item(ms, me, "PER", [Arg(c, c.start, c.end, c.name)], ms, pronoun=True)
            c = self.resolve_pronoun(ms, prior, possessive=w in ("his", "her"))
            return Item(ms, me, "PER", [c] if c is not None else [], ms, possessive=w in ("his", "her"), pronoun=True)
        if m.group("group"):
            phrase = m.group("group").lower()
            n = next((k for w, k in _GROUP_SIZES.items() if w in phrase), 0)
            ev = self.group_event(n, phrase)
            if ev is not None:
                members = list(ev.participants)
            elif n >= 3 and n in self.groups:
                # "the three ministers" again, paragraphs after their occasion: the same three
                members = list(self.groups[n])
            else:
                want = _group_want(phrase)
                members = [Arg(c, c.start, c.end, c.name) for c in tr.recent_persons(n or 2, titles=want)]
                if n and len(members) < n:
                    return None
                if len(members) < 2:
                    return None
            if n >= 3:
                self.groups[n] = members
            return Item(ms, me, "GROUP", members, ms, possessive=phrase.endswith(("'s", "’s", "'", "’")))
        if m.group("cpart"):
            dems = _DEM_LIST.split(text[m.start("cdem"):m.end("cdem") + 40].split(" counterpart")[0]) if m.group("cdem") else []
            if len(dems) >= 2 and "counterparts" in m.group(0).lower():
                # "her Philippine and Vietnamese counterparts": one person per nationality, the one
                # named before or after (bound at the end of the document)
                members = []
                for d in dems:
                    dn = demonym_country(d.strip())
                    if dn is None:
                        return None
                    c = tr.by_description(dn, set()) or tr.slot(dn, m.start("cdem"), me, text[m.start("cdem"):me])
                    members.append(Arg(c, m.start("cdem"), me, text[m.start("cdem"):me]))
                return Item(ms, me, "GROUP", members, ms)
            nat = demonym_country(m.group("cdem")) if m.group("cdem") else None
            c = None
            if nat:
                c = tr.by_description(nat, set())
                if c is None:
                    # an unnamed counterpart of a stated nationality is a person of its own, until
                    # the next sentences name that country's official (name_official)
                    ds = m.start("cdem")
                    c = tr.person(text[ds:me], ds, me, nationality=nat, title="counterpart")
                    self.unnamed_officials.append((c, self.sentence_index))
                    return Item(ms, me, "PER", [Arg(c, ds, me, text[ds:me])], ms)
            else:
                owner = [it for it in items if it.kind == "PER" and it.end <= ms and it.args]
                owner_c = owner[-1].args[0].cluster if owner else (self.salient.cluster if self.salient else None)
                ev = self.latest_event()
                if ev is not None and owner_c is not None and any(a.key == owner_c.key for a in ev.participants):
                    others = [a for a in ev.participants if a.key != owner_c.key]
                    if others:
                        return Item(ms, me, "PER", [others[0]], ms)
                c = tr.other_nationality(owner_c)
            if c is None:
                return None
            return Item(ms, me, "PER", [Arg(c, c.start, c.end, c.name)], ms)
        if m.group("pdesc"):
            # "the Chinese capital": the city of that country named before, else a place of its own
            nat = demonym_country(m.group("pdem"))
            c = next((x for x in reversed(list(tr.clusters.values())) if x.key.startswith("G:") and x.nationality == nat
                      and x.name != nat and x.type is EntityType.GPE), None)
            if c is None:
                c = tr.place(f"capital of {nat}", ms + 4, me, EntityType.GPE)
                c.nationality = nat
            return Item(ms + 4, me, "PLACE", [Arg(c, ms + 4, me, text[ms + 4:me])], ms)
        if m.group("desc"):
            nat = demonym_country(m.group("ddem")) if m.group("ddem") else None
            words = set(m.group("dtitle").lower().split())
            heads = words & {"minister", "president", "premier", "chancellor", "envoy", "ambassador", "secretary",
                             "leader", "king", "queen", "emir", "prince", "sultan", "guest", "visitor", "host", "chief",
                             "commissioner", "governor", "mayor", "chairman", "chairwoman", "chairperson", "secretary-general"}
            if "guest" in heads or "visitor" in heads or "host" in heads:
                # "the guest later toured the port": the one guest (or host) of the latest hosting
                role = self.last_hosting[1] if heads & {"guest", "visitor"} else self.last_hosting[0]
                if len(role) == 1 and not nat:
                    a = role[0]
                    return Item(ms, me, "PER", [Arg(a.cluster, a.cluster.start, a.cluster.end, a.cluster.name)], ms)
                heads = set()
            c = tr.by_description(nat, heads) if (nat or heads) else None
            if c is None:
                return None
            return Item(ms, me, "PER", [Arg(c, c.start, c.end, c.name)], ms)
        if m.group("fac"):
            fs = m.start("facname")
            c = tr.org(m.group("facname"), fs, me, EntityType.FAC)
            named = _NAME_PREFIX.match(text, fs, me)
            if named is not None and (_FAC_OF_ORG.search(m.group(0)) or _FAC_OF_PLACE.search(m.group(0))) and named.end() < me:
                # "the African Union headquarters": the name modifies the facility, whose own
                # mention is the noun (GUIDELINES 3.5, 4)
                hs = named.end()
                return Item(fs, me, "FAC", [Arg(c, hs, me, text[hs:me])], ms)
            return Item(fs, me, "FAC", [Arg(c, fs, me, text[fs:me])], ms)
        return None

    def resolve_pronoun(self, ms: int, prior: list[Item], possessive: bool = False) -> Arg | None:
        """The person a singular pronoun at ``ms`` refers to.

        Preference, as in centering accounts of news prose: a fronted adverbial ("During his
        visit to X, NAME met ...", "On her previous trip, NAME ...") points forward to the
        main clause's subject (cataphora), resolved later by ``resolve_cataphora``; otherwise the
        nearest earlier person of the sentence that is not the object of a preposition or a
        verb ("X was received by Y ... during her visit": X); otherwise the nearest earlier
        person; otherwise the salient person of the previous sentences."""
        text = self.text
        s = self.sentence
        head = text[s.start:ms]
        if not prior and possessive and _FRONTED.match(head) and "," not in head:
            return None  # cataphora ("During his visit to X, NAME ..."): resolved once the main clause is read
        subjects = [it for it in prior if not self.is_object(it)]
        if subjects:
            return subjects[-1].args[0]
        if prior:
            return prior[-1].args[0]
        return self.salient

    def is_object(self, it: Item) -> bool:
        """Whether a person item is governed by a preposition or a verb right before it."""
        return _OBJECT_BEFORE.search(self.text, max(self.sentence.start, it.lead - 30), it.lead) is not None

    def resolve_quotes(self, items: list[Item]) -> None:
        """"I", "me", "my" inside a quotation are its speaker, named in the attribution after
        the quotation ("“I will travel ...,” X told reporters") or before it ("X said: “I met
        ...”")."""
        text = self.text
        s = self.sentence
        firsts = [it for it in items if it.pronoun and not it.args and text[it.start:it.end].lower() in ("i", "me", "my")]
        if not firsts:
            return
        for q in _QUOTE.finditer(text, s.start, s.end):
            inside = [it for it in firsts if q.start() < it.start < q.end()]
            if not inside:
                continue
            speaker = None
            after = _ATTRIB_AFTER.match(text, q.end())
            if after is not None:
                speaker = next((it for it in items if it.start >= q.end() and it.kind == "PER" and it.args
                                and it.start <= after.end() + 60), None)
                if speaker is not None and speaker.pronoun:
                    # '"..., he asked me ...," he said': the "he" after the quote is not resolved
                    # against the people the quotation names, but against the text around it
                    outside = [it for it in items if it.end <= q.start() and it.kind == "PER" and it.args]
                    if outside:
                        speaker = outside[-1]
                    elif self.salient is not None:
                        speaker = Item(speaker.start, speaker.end, "PER", [self.salient], speaker.lead, pronoun=True)
            if speaker is None:
                before = _ATTRIB_BEFORE.search(text, s.start, q.start() + 1)
                if before is not None:
                    speaker = next((it for it in reversed(items) if it.end <= before.start() + 1 and it.kind == "PER"
                                    and it.args and it.start >= s.start), None)
            if speaker is not None:
                for it in inside:
                    it.args = list(speaker.args)

    def resolve_cataphora(self, items: list[Item]) -> None:
        """Pronouns of a fronted adverbial take the first person of the main clause."""
        text = self.text
        for k, it in enumerate(items):
            if not (it.pronoun and it.kind == "PER" and not it.args):
                continue
            comma = text.find(",", it.end, self.sentence.end)
            later = [x for x in items[k + 1:] if x.kind == "PER" and x.args and not x.pronoun and x.start > comma >= 0]
            if later:
                it.args = list(later[0].args)
            elif self.salient is not None:
                it.args = [self.salient]

    def refresh_groups(self, items: list[Item], upto: int) -> None:
        """Re-resolve group phrases and "they" before ``upto`` against the events read so far
        in the sentence ("X received Y ..., and the two discussed ...")."""
        for it in items:
            if it.ref is None or it.start >= upto or it.kind != "GROUP":
                continue
            new = self.reference_item(it.ref, [x for x in items if x.end <= it.start])
            if new is not None and new.args:
                it.args = new.args

    def group_event(self, n: int, phrase: str) -> Event | None:
        """The occasion "the two ministers", "the three", "the leaders" refer to: the latest
        contact of the last three sentences with that many participants, preferring one whose
        participants' titles fit the noun ("the two presidents")."""
        recent = [e for e in reversed(self.events) if self.sentence_index - e.sentence <= 3
                  and (n == 0 or len(e.participants) == n)]
        if n == 0:
            # "the ministers" with no number: the people of the latest meeting of three or more
            # (within twenty sentences: a live blog reports one meeting in many short entries),
            # not of a call between two of them ("the ministers have left for the base")
            face = [e for e in recent if e.mode in (None, Mode.IN_PERSON) and e.attrs is ACTUAL]
            met = [e for e in reversed(self.events) if self.sentence_index - e.sentence <= 20
                   and e.mode in (None, Mode.IN_PERSON) and e.attrs is ACTUAL and len(e.participants) >= 3]
            recent = _uniq_events(face + met + recent)
        if not recent:
            return None
        want = _group_want(phrase)
        if want:
            for e in recent:
                # a participant of unknown title does not contradict the noun, and a counterpart
                # holds the office of the person it is the counterpart of
                if all(a.cluster.slot or _fits_group(a.cluster.titles, want) for a in e.participants):
                    return e
            if len(self.tracker.recent_persons(n or 2, titles=want, strict=True)) == (n or 2):
                return None  # no recent occasion of such people, but such people were named
        return recent[0]

    def latest_event(self) -> Event | None:
        return self.events[-1] if self.events else None

    # -- sentences -------------------------------------------------------------------------------
    def read_sentence(self, s: Span, items: list[Item], triggers: list[re.Match]) -> None:
        bounds = [(m.start(), m.end()) for m in _L_CLAUSE_BOUNDARY.finditer(self.low, s.start, s.end)]
        frames: list[Frame] = []
        for k, t in enumerate(triggers):
            kind = t.lastgroup
            ts, te = t.start(), t.end()
            # the words after a trigger speak of it only up to the next event ("X visited A in
            # March, but a planned return visit by Y was called off": the cancellation is Y's),
            # not past an anaphor of its own ("was due to visit A, but the visit was called off")
            nxt = triggers[k + 1].start() if k + 1 < len(triggers) else s.end
            if nxt < s.end and _L_ANAPHOR_BEFORE.search(self.low, max(s.start, nxt - 8), nxt):
                nxt = s.end
            self.next_trigger = nxt
            if any(it.start <= ts < it.end for it in items):
                continue  # inside a name ("Belt and Road Forum", "Munich Security Conference")
            cs = max([b for _, b in bounds if b <= ts] + [s.start])
            ce = min([a for a, _ in bounds if a >= te] + [s.end])
            f = Frame(kind, ts, te, t.group(0))
            if frames:
                self.refresh_groups(items, ts)
            self.read_frame(f, s, items, frames, cs, ce)
            frames.append(f)

    def read_frame(self, f: Frame, s: Span, items: list[Item], frames: list[Frame], cs: int, ce: int) -> None:
        text = self.text
        ts, te = f.start, f.end
        before = [it for it in items if it.end <= ts and it.start >= cs]
        after = [it for it in items if it.lead >= te and it.start < ce]
        low = self.low
        nominal = _nominal(f.word) and not _L_VERB_BEFORE.search(low, max(cs, ts - 12), ts)
        prev = frames[-1] if frames else None
        participle = _L_PARTICIPLE.search(low, max(cs, ts - 12), ts) if _gerund(f.word) else None
        if participle is not None:
            self.participial_frame(f, s, items, frames, cs, ce, participle, before, after)
            return
        sp = _L_SCOPE_PREP.search(low, max(cs, ts - 60), ts) if nominal else None
        if sp is not None and _MEASURE_OF.search(text, max(cs, ts - 60), ts):
            sp = None  # "held two hours of talks": a measure, not a scope ("after talks")
        scoped = sp is not None
        subj_items, subj_end = ([], -1) if scoped else self.subject(f, before, cs)
        linked = prev is not None and _L_LINK_BEFORE.search(low, max(s.start, ts - 40), ts) is not None
        if linked and prev.kind in ("meet", "discuss") and _L_TOPIC_BETWEEN.match(low, prev.end, ts):
            linked = False  # "talks on a common position for the NATO summit": the summit is a topic
        # attributes
        vg_start = subj_end if subj_end >= 0 else max(cs, ts - 60)
        if subj_items and subj_items[-1].possessive:
            vg_start = max(cs, subj_items[0].start - 60)
        if scoped:
            vg_start = sp.start()
        clause_end = sp.start() if scoped else ts
        # the words after a trigger speak of it only up to the next event's trigger (read_sentence)
        after_end = min(s.end, te + 120, max(self.next_trigger, te))
        times = self.sentence_times()

        def read_attrs() -> Attributes:
            verb_group = _clean_gap(text[vg_start:ts])
            if f.word.lower().startswith(("due ", "expected ")):
                verb_group += " due to"  # "is due in Kuwait City", "is expected in Jakarta": the trigger carries the plan
            attrs = classify(verb_group, text[cs:clause_end], text[te:after_end], None, nominal)
            if attrs is ACTUAL and linked and prev is not None and not scoped:
                # "met in Amman on Saturday to discuss ...": a linked event shares the first one's
                # realis, which its time expressions already decided
                attrs = prev.attrs
            else:
                # the time expressions decide only when no cue word does: read them only then
                attrs = self.with_future(attrs, f, cs, ce, times)
            if _ABSENCE.match(f.word) and attrs.polarity is Polarity.POS:
                # "skipped the summit in Vilnius": not there (NEG ACTUAL), or will not be (NEG PLANNED)
                attrs = Attributes(Polarity.NEG, Realis.PLANNED if attrs.realis is Realis.PLANNED else Realis.ACTUAL, f.word)
            if attrs is ACTUAL and _PRESENT_3SG.match(f.word):
                sub = _L_SUBORDINATE_BEFORE.search(low, s.start, ts)
                if sub is not None and classify(low[s.start:sub.start()]).realis is Realis.PLANNED:
                    # "X will raise it with Y when he visits Z": the present of a time clause under
                    # a future main clause is that future
                    attrs = Attributes(Polarity.POS, Realis.PLANNED, "future main clause")
            return attrs

        f.defer_attrs(read_attrs)  # read when a relation or a later frame asks for them
        subj = _uniq(a for it in subj_items for a in it.args)
        if not subj and not scoped and prev is not None and linked:
            if prev.kind == "host" and nominal and f.kind in ("visit", "move"):
                subj = list(prev.obj)
            elif f.kind in ("discuss",) and prev.participants:
                subj = []
            else:
                subj = list(prev.subj)
        if not subj and not scoped and not (prev is not None and linked) and _L_AND_VP.search(low, max(cs, ts - 40), ts):
            cs_subj = self.clause_subject(items, cs, ts)
            if cs_subj is not None:
                subj = list(cs_subj.args)
        if not subj and scoped:
            # "after his trip to China", "during a stop in Doha": the main clause's subject
            poss = [it for it in before if it.possessive and it.kind in PERSONISH and it.end >= ts - 30]
            if poss:
                subj = list(poss[-1].args)
            elif f.kind == "meet" and not _WITH_AFTER.match(text, te, te + 10):
                pass  # "ahead of an EU summit", "on the sidelines of the talks": no participants stated
            elif prev is not None and prev.kind == "host" and prev.obj and f.kind in ("visit", "move"):
                subj = list(prev.obj)  # "received X ..., at the start of a visit to Y"
            elif prev is not None and prev.subj:
                subj = list(prev.subj)
            else:
                later = [it for it in items if it.kind == "PER" and it.start >= te]
                main = [it for it in items if it.kind == "PER" and not it.modifier]
                cand = main[0] if main else (later[0] if later else None)
                if not any(it.kind in PERSONISH and not it.modifier and it.start < sp.start() for it in items):
                    # fronted ("After talks with Y, X said"; "Speaking in Z after talks with Y, X
                    # said"): the subject opens the main clause after the comma
                    comma = text.find(",", te, s.end)
                    cand = next((it for it in items if comma >= 0 and it.start > comma and it.kind == "PER"
                                 and not it.modifier and not self.is_object(it)), cand)
                if cand is not None:
                    subj = list(cand.args)
        if not subj and nominal and f.kind in ("visit", "move"):
            # "A planned stop in Kabul on her way home": the traveller's possessive in the phrase
            poss = next((it for it in after if it.pronoun and it.possessive and it.kind == "PER" and it.start - te < 50), None)
            if poss is not None:
                subj = list(poss.args)
        f.subj = subj
        f.subj_end = subj_end
        f.linked = linked
        k = f.kind
        if k in ("visit", "move", "bein"):
            self.visit_frame(f, s, items, after, before, ce, nominal)
        elif k == "host":
            self.host_frame(f, s, items, after, before, ce)
        elif k == "meet":
            self.meet_frame(f, s, items, after, ce, prev)
        elif k == "discuss":
            self.discuss_frame(f, s, items, after, ce, prev)
        elif k in ("call", "speak"):
            self.call_frame(f, s, items, after, ce, prev)
        elif k == "write":
            self.write_frame(f, items, before, after, ce)
        elif k == "join" and _ATTENDEES.match(f.word):
            self.attendees_frame(f, after, ce)
        elif k == "join":
            if _BY_START.match(text, f.end, f.end + 6):
                self.joined_by_frame(f, after, ce)
            else:
                self.join_frame(f)

    def participial_frame(self, f: Frame, s: Span, items: list[Item], frames: list[Frame], cs: int, ce: int,
                          participle: re.Match, before: list[Item], after: list[Item]) -> None:
        """A trigger in a participial clause ("X met Y before flying to Z", "After meeting
        Y, X flew to Z", "X left without meeting Y"): its subject is the main clause's, and
        so are its tense and modality."""
        text = self.text
        head = text[s.start:participle.start()].strip(" “\"‘'")
        main = None
        if not head:  # fronted: the subject follows the clause
            comma = text.find(",", f.end, s.end)
            if comma >= 0:
                main = next((it for it in items if it.start > comma and it.kind in PERSONISH and not self.is_object(it)), None)
            vg = text[main.end:main.end + 40] if main is not None else ""
        else:
            main = self.clause_subject(items, cs, f.start)
            vg = text[main.end:participle.end()] if main is not None else ""
        if main is None:
            return
        prev = frames[-1] if frames else None
        vg = _clean_gap(vg)
        attrs = self.with_future(classify(vg, "", ""), f, cs, ce)
        if attrs is ACTUAL and prev is not None and prev.start < f.start and head:
            attrs = prev.attrs
        f.attrs = attrs
        f.subj = list(main.args)
        k = f.kind
        if k in ("visit", "move", "bein"):
            self.visit_frame(f, s, items, after, before, ce, False)
        elif k == "host":
            self.host_frame(f, s, items, after, before, ce)
        elif k == "meet":
            self.meet_frame(f, s, items, after, ce, None)
        elif k == "discuss":
            self.discuss_frame(f, s, items, after, ce, None)
        elif k in ("call", "speak"):
            self.call_frame(f, s, items, after, ce, None)

    # -- argument finding (positional) -----------------------------------------------------------
    def subject(self, f: Frame, before: list[Item], cs: int) -> tuple[list[Item], int]:
        """The subject group left of the trigger and where it ends (-1: none)."""
        text = self.text
        pos = f.start
        cand = [it for it in before if not it.modifier]
        lo = cand[0].start if cand else pos
        # A subject pronoun right before the verb ("..., when he met", "..., where she held
        # talks") is the subject, whatever clause it opens.
        if cand and cand[-1].pronoun and not cand[-1].possessive and cand[-1].args and cand[-1].kind in PERSONISH \
                and text[cand[-1].start:cand[-1].end].lower() in ("he", "she", "they") \
                and _verb_gap_ok(_clean_gap(text[cand[-1].end:pos])):
            return [cand[-1]], cand[-1].end
        # An open relative clause ("X, who travelled ... and was to meet Y"): its antecedent.
        rel_open = None
        if "," in text[lo:pos]:
            for rm in _REL_OPEN.finditer(text, lo, pos):
                if "," not in text[rm.end():pos]:
                    rel_open = rm
        if rel_open is not None:
            ante = [it for it in cand if it.end <= rel_open.start() and not text[it.end:rel_open.start()].strip()]
            if ante and ante[-1].kind in PERSONISH:
                return self._conjoined(cand, cand.index(ante[-1])), ante[-1].end
        # Items inside a closed relative clause, an apposition or brackets are not the subject.
        window = text[lo:pos]
        hidden = [(m.start() + lo, m.end() + lo) for rx in (REL_CLAUSE, APPOSITION, PAREN, ASIDE) for m in rx.finditer(window)] \
            if ("," in window or "(" in window or "[" in window) else []
        if "," in window:
            # a relative clause with commas of its own ("X, who has been to A, B and C, arrived"):
            # from ", who" to the last comma before the trigger
            last = window.rfind(",") + lo
            rm = _REL_OPEN.search(text, lo, last)
            if rm is not None:
                closed = [(a, b) for a, b in hidden if a == rm.start()]
                if not closed:
                    hidden.append((rm.start(), last + 1))
                elif closed[0][1] < last and self._only_list(closed[0][1], last, cand):
                    # "who has been to A, B and C," : the clause's comma closed a list item, not the clause
                    hidden.append((rm.start(), last + 1))
        if hidden:
            cand = [it for it in cand if not any(a < it.start and it.end <= b for a, b in hidden)]
        for idx in range(len(cand) - 1, -1, -1):
            it = cand[idx]
            gap = text[it.end:pos]
            for a, b in sorted(hidden, reverse=True):
                if it.end <= a and b <= pos:
                    gap = gap[:a - it.end] + " " + gap[b - it.end:]
            if it.kind in PERSONISH or (it.kind in ("PLACE", "ORG") and f.kind in ("host", "visit", "move")):
                rel = RELATIVE_SUBJECT.fullmatch(gap)
                if rel:
                    return [it], it.end
                g = _clean_gap(gap)
                if it.possessive and not _nominal(f.word) and f.kind not in ("visit",):
                    return [], -1
                if not _verb_gap_ok(g):
                    return [], -1
                if it.kind in ("PLACE", "ORG") and not it.possessive and f.kind != "host":
                    return [], -1
                group = self._conjoined(cand, idx)
                lead_org = [x for x in cand if x.kind == "ORG" and x.end <= group[0].lead
                            and LED_BY.fullmatch(text[x.end:group[0].lead])]
                if lead_org:
                    group.insert(0, lead_org[-1])  # "a delegation led by X": both travel
                return group, it.end
            if it.kind in PLACEISH:
                g = _clean_gap(gap)
                if _verb_gap_ok(g):
                    if self.as_person(it, f):
                        return self._conjoined(cand, idx), it.end
                    if it.kind == "PLACE" and f.kind in ("meet", "discuss") and not it.possessive:
                        # "Washington and Beijing held talks": places standing for governments
                        group = [it]
                        j = idx - 1
                        while j >= 0 and cand[j].kind == "PLACE" and CONJ_GAP.fullmatch(text[cand[j].end:group[0].lead]):
                            group.insert(0, cand[j])
                            j -= 1
                        if len(group) >= 2 and _AND.search(text, group[-2].end, group[-1].lead):
                            return group, it.end
                    return [], -1
                continue
            return [], -1
        return [], -1

    def as_person(self, it: Item, f: Frame) -> bool:
        """An unknown single capitalised word in the subject or object slot of a trigger that
        takes persons ("Choi met Georgiou") is a person's name: the item becomes a person."""
        if it.kind != "UNK" or f.kind not in ("meet", "host", "call", "speak", "discuss", "visit", "move"):
            return False
        word = it.args[0].text
        if " " in word or word.isupper() or len(word) < 3 or lookup_place(word) is not None:
            return False
        if f.kind in ("visit", "move") and it.start > f.start:
            return False  # after "visit"/"travel to" it is the destination
        c = self.tracker.person(word, it.start, it.end)
        it.kind = "PER"
        it.weak = True
        it.args = [Arg(c, it.start, it.end, word)]
        return True

    def clause_subject(self, items: list[Item], cs: int, ts: int) -> Item | None:
        """The subject of the clause that a coordinated verb phrase continues ("X began a
        visit to A and was welcomed ...", "X laid a wreath ... and paid a courtesy call on Y"):
        the first person of the clause, after at most a fronted adverbial."""
        text = self.text
        for it in items:
            if it.start >= ts:
                break
            if it.start < cs or it.modifier or it.possessive:
                continue  # "His predecessor, X, flew ...": a possessive is never the subject
            if it.kind in PERSONISH:
                head = text[cs:it.lead].strip(" “\"‘'")
                if not head or (head.endswith(",") and len(head.split()) <= 8):
                    return it
                if _QUOTED_REPORT.fullmatch(head):
                    return it  # '"...," said X after meeting Y': the speaker after an inverted verb
                return None
        return None

    def _only_list(self, a: int, b: int, cand: list[Item]) -> bool:
        """Whether ``text[a:b]`` holds only names joined by commas and "and"."""
        rest = self.text[a:b]
        for it in cand:
            if a <= it.start and it.end <= b:
                rest = rest.replace(self.text[it.start:it.end], " ", 1)
        return all(w in ("and", "the", "&") for w in rest.replace(",", " ").split())

    def _conjoined(self, cand: list[Item], idx: int) -> list[Item]:
        """The item at ``idx`` with the persons conjoined before it ("X, Y and Z")."""
        text = self.text
        group = [cand[idx]]
        j = idx - 1
        while j >= 0:
            p = cand[j]
            gap = text[p.end:group[0].lead]
            ok_gap = CONJ_GAP.fullmatch(gap) and (len(group) > 1 or _AND.search(gap))
            if ok_gap and p.kind == "UNK" and group[0].kind == "PER" and group[0].weak and " " not in p.args[0].text:
                self.as_person(p, Frame("meet", 0, 0, ""))
            if p.kind in PERSONISH and ok_gap:
                group.insert(0, p)
                j -= 1
                continue
            break
        return group

    def objects(self, f: Frame, after: list[Item], ce: int, allow_direct: bool = True) -> list[Item]:
        """Person objects right of the trigger: "met (with) X", "with X", "between X and Y"."""
        text = self.text
        cand = [it for it in after if not it.modifier]
        first = None
        for i, it in enumerate(cand):
            if it.pronoun and it.possessive and i + 1 < len(cand) and cand[i + 1].kind == "PER" \
                    and _POSS_NOUN_GAP.fullmatch(text[it.end:cand[i + 1].lead]):
                continue  # "with my friend X", "with his old ally X": X is the object
            if it.kind not in PERSONISH:
                gap = _strip_time(text[f.end:it.lead])
                if not (it.kind == "UNK" and allow_direct and OBJECT_GAP.fullmatch(gap) and self.as_person(it, f)):
                    continue
            gap = _strip_time(text[f.end:it.lead])
            if allow_direct and (OBJECT_GAP.fullmatch(gap) or BETWEEN_GAP.fullmatch(gap) or _HELD_BETWEEN.fullmatch(gap)):
                first = i
                break
            w = _WITH_END.search(text, max(f.end, it.lead - 8), it.lead) or _WITH_END.search(_strip_time(text[f.end:it.lead])) \
                or _WITH_POSS_END.search(text, max(f.end, it.lead - 40), it.lead)
            if w and (_RAISE.match(f.word) or all(
                    c.kind not in PERSONISH or (c.pronoun and c.possessive and _POSS_NOUN_GAP.fullmatch(text[c.end:it.lead]))
                    for c in cand[:i])):  # "raised the case of journalist Z with X": Z is the topic
                first = i
                break
            if _BY_END.search(gap):
                break
            if i >= 3:
                break
        if first is None or cand[first].possessive:
            return []  # "welcomed X's proposal": X is not the object
        return self._conj_forward(cand, first)

    def _conj_forward(self, cand: list[Item], first: int) -> list[Item]:
        """The person at ``cand[first]`` with the persons conjoined after it ("X, Y and Z");
        items joined by a bare comma count only when an "and" closes the list."""
        text = self.text
        group = [cand[first]]
        keep = 1
        j = first + 1
        while j < len(cand):
            nx = cand[j]
            gap = text[group[-1].end:nx.lead]
            if nx.kind in PERSONISH and CONJ_GAP.fullmatch(gap):
                group.append(nx)
                if _AND.search(gap):
                    keep = len(group)
                j += 1
                continue
            break
        return group[:keep]

    def destinations(self, f: Frame, after: list[Item], ce: int, max_words: int = 0, start: int | None = None) -> list[Arg]:
        """The destination(s) right after a visit or motion trigger ("visit Y", "trip to Y",
        "arrived in Y, X and Z"), from ``start`` (default: the trigger's end)."""
        text = self.text
        start = f.end if start is None else start
        cand = [it for it in after if not it.modifier and it.start >= start]
        out: list[Item] = []
        for it in cand:
            gap = _strip_time(text[start:it.lead])
            if start != f.end:
                to = _TO_GAP.match(gap)
                if to is None:
                    break
                gap = gap[to.end():]
            if it.kind != "PLACE" and _EVENT_NOUN_AFTER.match(text, it.end):
                continue  # "attended the G20 summit in New Delhi": the event's body is not the place
            if it.kind in PLACEISH or (it.kind == "PER" and it.weak):
                if PLACE_GAP.fullmatch(gap) or (max_words and len(gap.split()) <= max_words and PLACE_PREP.search(gap)):
                    out.append(it)
                    break
            if len(gap.split()) > max(3, max_words):
                break
        if not out:
            return []
        k0 = cand.index(out[0])
        chain = self._place_chain(cand, k0)
        if len(chain) > 1 or chain[0] is not out[0].args[0]:
            return chain
        j = k0 + 1
        ext: list[Item] = []
        while j < len(cand):
            nx = cand[j]
            prev_end = (ext or out)[-1].end
            if (nx.kind in PLACEISH or (nx.kind == "PER" and nx.weak)) and not (ext or out)[-1].possessive \
                    and CONJ_GAP.fullmatch(text[prev_end:nx.lead]):
                ext.append(nx)
                j += 1
                if _AND.search(text, prev_end, nx.lead):
                    out.extend(ext)
                    ext = []
                continue
            break
        return [a for it in out for a in it.args]

    def places_after(self, start: int, after: list[Item], ce: int, meeting: bool = False) -> list[Arg]:
        """Places introduced by "in/at/to" (a meeting: "in/at") after ``start`` in the clause
        ("hosted X in Z", "met Y at the ministry in Seoul"), not beyond a following verb
        phrase ("met Y on Friday before flying back to Z")."""
        text = self.text
        cand = [it for it in after if it.start >= start and not it.modifier]
        prep = _MEET_PLACE_PREP if meeting else _PLACE_PREP_END
        for k, it in enumerate(cand):
            if _PLACE_GAP_STOP.search(text, start, it.lead) or (meeting and _TOPIC_ON.match(text, start, it.lead)):
                return []
            if it.kind in PLACEISH or (it.kind == "PER" and it.weak):
                if prep.search(text, max(start, it.lead - 12), it.lead):
                    return self._place_chain(cand, k)
        return []

    def fronted_places(self, items: list[Item], before: int) -> list[Arg]:
        """The place of a fronted "in/at PLACE," that opens the sentence before ``before``
        ("In Brussels, X met Y"): it sets the scene of the whole clause."""
        text, s0 = self.text, self.sentence.start
        cand = [it for it in items if not it.modifier and it.end <= before]
        for k, it in enumerate(cand):
            if it.kind not in PLACEISH:
                continue
            if _FRONT_PLACE_PREP.match(text[s0:it.lead]) is None:
                return []
            chain = self._place_chain(cand, k)
            last = max((c for c in cand if any(a in chain for a in c.args)), key=lambda c: c.end)
            return chain if _FRONT_PLACE_END.match(text, last.end, before) else []
        return []

    def _place_chain(self, cand: list[Item], k: int) -> list[Arg]:
        """The place at ``cand[k]`` with the places that locate it further ("at the ministry in
        Seoul", "Hyderabad House, New Delhi"); a nominal place followed by "of NAME" is that
        name ("the truce village of Panmunjom")."""
        text = self.text
        first = cand[k]
        out = [first]
        j = k + 1
        if first.ref is not None and j < len(cand) and cand[j].kind in PLACEISH \
                and _OF_GAP.fullmatch(text[first.end:cand[j].lead]):
            # "the village of Panmunjom" is Panmunjom; "the port of Buenaventura" is a facility
            # in Buenaventura, and the text names both
            out = [cand[j]] if _SETTLEMENT_END.search(text, first.start, first.end) else [first, cand[j]]
            j += 1
        while j < len(cand):
            nx = cand[j]
            if nx.kind in ("PLACE", "FAC", "UNK") and _CHAIN_GAP.fullmatch(text[out[-1].end:nx.lead]):
                out.append(nx)
                j += 1
                continue
            break
        return [a for it in out for a in it.args]

    # -- frames ------------------------------------------------------------------------------------
    def visit_frame(self, f: Frame, s, items, after, before, ce, nominal) -> None:
        text = self.text
        visitors = list(f.subj)
        by = _BY_START.match(text, f.end, f.end + 6)
        dest_from = f.end
        if f.word.lower().endswith("by") or by:
            objs = self.objects(f, after, ce)
            if objs:
                visitors = _uniq(a for it in objs for a in it.args)
                dest_from = objs[-1].end  # "a visit by X to Y"
        if f.kind == "visit" and f.word.lower() == "visited" and _L_PASSIVE_BEFORE.search(self.low, max(s.start, f.start - 20), f.start):
            # "Beijing was visited by X"
            objs = self.objects(f, after, ce)
            dest = f.subj
            if not dest:
                places = [it for it in before if it.kind in PLACEISH and not it.modifier]
                if places and _verb_gap_ok(_clean_gap(text[places[-1].end:f.start])):
                    dest = list(places[-1].args)
            if objs and dest:
                for v in (a for it in objs for a in it.args):
                    for d in dest:
                        self.add(RelationType.VISITED, v, d, f)
            return
        max_words = 0
        if f.word.lower().startswith("attend") or _ABSENCE.match(f.word):
            # "attended a meeting of foreign ministers of the Commonwealth of Independent States in X"
            max_words = 14 if _ATTENDED_EVENT.match(text, f.end) else 8
        dest = self.destinations(f, after, ce, max_words, dest_from)
        if f.kind == "visit" and not dest and f.word.lower().startswith("attend"):
            if _JOIN_AFTER.match(text, f.end):
                self.join_frame(f)  # "X and Y attended in person": the meeting just reported
            return
        if not dest and f.kind == "move" and _BARE_ARRIVAL.fullmatch(f.word) and f.attrs is ACTUAL:
            # "X and Y have also arrived": at the meeting being reported, if it has a place
            ev = self.latest_event()
            if ev is not None and ev.places and ev.mode in (None, Mode.IN_PERSON) and ev.attrs is ACTUAL \
                    and self.sentence_index - ev.sentence <= 3:
                dest = list(ev.places)
        if not dest:
            return
        if nominal and _BY_START.match(text, dest_end(dest), dest_end(dest) + 6):
            # "a state visit to Addis Ababa by Dini": the agent after the destination travels
            by = [it for it in after if it.kind in PERSONISH and it.lead >= dest_end(dest)][:1]
            if by and _BY_START.fullmatch(text[dest_end(dest):by[0].lead]):
                visitors = list(by[0].args)
        if _TAKEN.match(f.word) or _SENT.match(f.word):
            # "a tour that has taken him to A, B and C", "Russia sent a delegation to A": the one
            # taken or sent travels; a leader named after the place ("..., led by X") goes too
            visitors = [a for it in items if f.start < it.start < f.end and it.kind in PERSONISH for a in it.args]
            led = _LED_AFTER.match(text, dest_end(dest))
            leader = next((it for it in items if led and it.kind == "PER" and it.start >= led.end()), None)
            if leader is not None and not _LEADER_GAP.fullmatch(text[led.end():leader.start]):
                leader = None  # "led by its ambassador for Arctic affairs, Nikolai Korotkov": a title only
            if leader is not None and visitors:
                self.led.update((v.key, a.key) for v in visitors for a in leader.args)
                for v in visitors:
                    self.leaders.setdefault(v.key, []).extend(leader.args)
                visitors += leader.args
        visitors = [v for v in visitors if v.cluster.type is EntityType.PER or v.cluster.key.startswith("O:")]
        origin = bool(_ORIGIN.search(f.word))
        if f.kind == "bein" and not _BEIN_PURPOSE.match(text, dest_end(dest)):
            return  # bare presence ("who was also in Munich") does not say the place is not home
        gathering = self.gathering_at(dest) if f.attrs is ACTUAL and f.kind == "move" else None
        for v in visitors:
            for d in dest:
                if origin and v.cluster.nationality and country_of(d.cluster.name) == v.cluster.nationality:
                    continue  # coming back home is not a visit
                self.add(RelationType.VISITED, v, d, f)
        f.places = dest
        f.participants = visitors
        if gathering is not None:
            # "X has arrived at the Small Guild", where the meeting is being hosted: X takes part
            self.join_event(gathering, [v for v in visitors if v.cluster.type is EntityType.PER
                                        and all(v.key != p.key for p in gathering.participants)], f)

    def recent_gathering(self) -> Event | None:
        """The anonymous gathering of the last few sentences, if any (``meet_frame``)."""
        g = self.gathering
        return g if g is not None and self.sentence_index - g.sentence <= 4 else None

    def attendees_frame(self, f: Frame, after: list[Item], ce: int) -> None:
        """"Among those who attended were A, B and C", "Attending were A and B": the persons
        listed take part in the meeting being reported (the latest face-to-face one, or the
        gathering whose members were not named yet)."""
        first = next((k for k, it in enumerate(after) if it.kind in PERSONISH and not it.modifier), None)
        if first is None:
            return
        names = [it for it in after if not it.modifier]
        group = self._conj_forward(names, names.index(after[first]))
        joiners = [a for it in group for a in it.args if a.cluster.type is EntityType.PER]
        ev = self.latest_event()
        g = self.recent_gathering()
        if g is not None and (ev is None or g.sentence >= ev.sentence):
            ev = g
        if ev is None or self.sentence_index - ev.sentence > 4 or ev.mode not in (None, Mode.IN_PERSON):
            return
        f.attrs = ev.attrs
        joiners = [j for j in joiners if all(j.key != p.key for p in ev.participants)]
        self.join_event(ev, joiners, f)
        ev.participants = _uniq(ev.participants + joiners)
        ev.sentence = self.sentence_index
        f.participants = joiners

    def gathering_at(self, dest: list[Arg]) -> Event | None:
        """The recent face-to-face meeting that has one of ``dest`` among its places."""
        keys = {d.key for d in dest}
        for ev in reversed(self.events):
            if self.sentence_index - ev.sentence > 4:
                break
            if ev.mode in (None, Mode.IN_PERSON) and ev.attrs is ACTUAL and any(p.key in keys for p in ev.places):
                return ev
        return None

    def host_frame(self, f: Frame, s, items, after, before, ce) -> None:
        text = self.text
        # "was received by": a participle after "be"; "is hosting" is progressive, not passive
        passive = f.word.lower().endswith("ed") and _L_PASSIVE_BEFORE.search(self.low, max(s.start, f.start - 25), f.start) is not None
        if f.word.lower().endswith(" of"):
            # "X was the dinner guest of Y at Z": Y hosts X
            guests = list(f.subj)
            host_items = [it for it in after if it.kind in PERSONISH][:1]
            if host_items and not _clean_gap(text[f.end:host_items[0].lead]).strip(" ,"):
                hosts = list(host_items[0].args)
                place = self.places_after(host_items[0].end, after, ce)
            else:
                return
        elif passive:
            guests = list(f.subj)
            host_items = []
            for it in after:
                if it.kind in PERSONISH and _BY_END.search(_strip_time(text[f.end:it.lead]) + " ") is None:
                    pre = text[f.end:it.lead]
                    if _BY_WORD.search(pre) and it.kind in PERSONISH:
                        host_items = [it]
                        break
                elif it.kind in PERSONISH:
                    host_items = [it]
                    break
            hosts = _uniq(a for it in host_items for a in it.args)
            place = self.places_after(f.end, after, ce)
            # "the summit of IGAD was hosted by X at Y": the event, not a guest, is the subject
            guests = [g for g in guests if not _EVENT_OF_BEFORE.search(text, max(s.start, g.start - 40), g.start)]
            if not guests and hosts and (
                    any(_EVENT_OF_BEFORE.search(text, max(s.start, g.start - 40), g.start) for g in f.subj)
                    or (not f.subj and _L_EVENT_SUBJECT_BEFORE.search(self.low, max(s.start, f.start - 60), f.start))):
                # "the summit of IGAD was hosted by X at Y", "The meeting is being hosted by X at
                # Y": a gathering with its host and place; who else comes may be told later
                f.places = place
                self.new_event(hosts, Mode.IN_PERSON, f, place)
                return
        else:
            hosts = list(f.subj)
            objs = self.objects(f, after, ce)
            meal = _HOSTED_MEAL.match(text, f.end)
            if not objs and meal:
                objs = [it for it in after if it.kind in PERSONISH and it.lead == meal.end()]
            guests = _uniq(a for it in objs for a in it.args)
            place = self.places_after(objs[-1].end if objs else f.end, after, ce) if objs else []
            if not guests and _HOSTED_EVENT.match(text, f.end):
                self.host_event(f, hosts, after, ce)
                return
        if not guests:
            return
        host_persons = [h for h in hosts if h.cluster.type is EntityType.PER]
        host_places = [h for h in hosts if h.cluster.type in (EntityType.GPE, EntityType.LOC)]
        if host_places and not host_persons and not place:
            place = host_places[:1]
        participants = _uniq(host_persons + guests)
        if len(participants) >= 2:
            self.pairs(RelationType.MET, participants, f, separate=False)
        place = place + self.hosted_group_places(host_persons, guests, place)
        for g in guests:
            for p in place:
                self.add(RelationType.VISITED, g, p, f)
        f.obj = guests
        f.places = place
        f.participants = participants
        if f.attrs.polarity is Polarity.POS:
            self.last_hosting = (host_persons, [g for g in guests if g.cluster.type is EntityType.PER])
        if len(participants) >= 2:
            self.new_event(participants, Mode.IN_PERSON, f)

    def members_of(self, start: int, after: list[Item], ce: int) -> list[Item]:
        """The persons listed by "of" after a meeting noun ("... on Thursday of A, B and C")."""
        text = self.text
        of = _MEMBERS_OF.match(text, start, ce)
        if of is None:
            return []
        out: list[Item] = []
        pos = of.end()
        for it in (x for x in after if x.lead >= pos and not x.modifier):
            gap = text[pos:it.lead]
            if it.kind == "PER" and it.args and ((not out and not gap.strip()) or (out and _PLACE_LIST_GAP.fullmatch(gap))):
                out.append(it)
                pos = it.end
                continue
            if it.kind == "PLACE" and it.possessive:
                continue  # "Uzbekistan's energy minister, NAME": the name's descriptor
            break
        return out

    def hosted_group_places(self, hosts: list[Arg], guests: list[Arg], place: list[Arg]) -> list[Arg]:
        """A hosting that names the members of a group meeting reported just before ("The
        presidents of A, B and C will meet in X ... A's Y will host B's Z and C's W at the
        residence"): the members are bound to their countries' places in the group, and the
        guests travel to the meeting's city too (the hosting is the travel context)."""
        ev = self.latest_event()
        if ev is None or self.sentence_index - ev.sentence > 2 or ev.mode not in (None, Mode.IN_PERSON):
            return []
        slots = {a.cluster.nationality: a for a in ev.participants if a.cluster.slot and a.key not in self.slot_bindings}
        if not slots:
            return []
        keys = {a.key for a in ev.participants}
        binding = {}
        for g in hosts + guests:
            if g.key in keys:
                continue
            if g.cluster.nationality not in slots:
                return []
            binding[slots.pop(g.cluster.nationality).key] = g.cluster
        if not binding:
            return []
        self.slot_bindings.update(binding)
        have = {p.key for p in place}
        return [p for p in ev.places if p.key not in have and p.cluster.type is EntityType.GPE]

    def join_frame(self, f: Frame) -> None:
        """"X joined the talks", "X had been invited to join as an observer but declined":
        X takes part (or, negated, does not) in the latest face-to-face meeting."""
        recent = [e for e in self.events if self.sentence_index - e.sentence <= 3 and e.mode in (None, Mode.IN_PERSON)]
        if not recent:
            return
        # one joins a group: the latest meeting of three or more, else the latest meeting
        ev = next((e for e in reversed(recent) if len(e.participants) >= 3), recent[-1])
        joiners = [a for a in f.subj if a.cluster.type is EntityType.PER]
        if f.attrs.polarity is Polarity.NEG and ev.attrs.realis is Realis.ACTUAL:
            f.attrs = Attributes(Polarity.NEG, Realis.ACTUAL, f.attrs.cue)  # absent from talks that took place
        self.join_event(ev, joiners, f)

    def join_event(self, ev: Event, joiners: list[Arg], f: Frame) -> None:
        """``joiners`` take part in ``ev`` (or, negated, do not): they meet its participants and
        each other and travel to its places."""
        if f.attrs.polarity is Polarity.POS:
            self.pairs(RelationType.MET, joiners, f)  # joiners meet each other there too
        for j in joiners:
            for p in ev.participants:
                self.add(RelationType.MET, j, p, f)
            for place in ev.places:
                # a joiner travels to the meeting unless the text makes the place their own
                if f.attrs.polarity is Polarity.NEG or not _own_place(j, place):
                    self.add(RelationType.VISITED, j, place, f)
        f.participants = joiners
        if f.attrs.polarity is Polarity.POS:
            ev.participants = _uniq(ev.participants + joiners)
            ev.sentence = self.sentence_index

    def joined_by_frame(self, f: Frame, after: list[Item], ce: int) -> None:
        """"X and Y were joined by Z (for a three-way meeting on T)": Z meets X and Y."""
        objs = self.objects(f, after, ce)
        joiners = [a for it in objs for a in it.args if a.cluster.type is EntityType.PER]
        participants = _parties(_uniq(list(f.subj) + joiners))
        if not joiners or len(participants) < 3 or f.attrs.polarity is Polarity.NEG:
            return
        self.pairs(RelationType.MET, participants, f)
        f.participants, f.mode = participants, Mode.IN_PERSON
        self.new_event(participants, Mode.IN_PERSON, f)
        self.topic_after(f, objs[-1].end, after, ce, participants, Mode.IN_PERSON)

    def host_event(self, f: Frame, hosts: list[Arg], after: list[Item], ce: int) -> None:
        """"X hosted the talks (at P)": X took part in the latest meeting and the others
        visited P."""
        nway = N_WAY.match(text := self.text, f.end)
        if nway is not None:
            self.anonymous_meeting(f, hosts, after, ce, nway)
            return
        ev = self.latest_event()
        host = next((h for h in hosts if h.cluster.type is EntityType.PER), None)
        if ev is None or self.sentence_index - ev.sentence > 2 or ev.mode not in (None, Mode.IN_PERSON):
            if host is not None and f.attrs is ACTUAL:
                # "X, who hosted the gathering, ...": its host, the first of its named members
                g = self.recent_gathering()
                if g is None:
                    g = Event([], Mode.IN_PERSON, f.attrs, self.sentence_index, self.places_after(f.end, after, ce))
                    self.gathering = g
                if all(a.key != host.key for a in g.participants):
                    for p in g.participants:  # a host meets the members, and does not travel
                        self.add(RelationType.MET, host, p, f)
                    g.participants.append(host)
                    g.sentence = self.sentence_index
            return
        if host is None:
            return
        del text
        participants = list(ev.participants)
        if all(a.key != host.key for a in participants):
            slot = next((a for a in participants if a.cluster.slot and a.cluster.nationality
                         and a.cluster.nationality == host.cluster.nationality
                         and a.key not in self.slot_bindings), None)
            if slot is not None:
                self.slot_bindings[slot.key] = host.cluster
                host = slot
            else:
                participants.append(host)
                ev.participants = participants
                f.attrs = ev.attrs
                self.pairs(RelationType.MET, participants, f)
        place = self.places_after(f.end, after, ce)
        f.attrs = ev.attrs
        ev.places = _uniq(ev.places + place)
        for g in participants:
            if g.key != host.key:
                for p in place:
                    self.add(RelationType.VISITED, g, p, f)
        f.participants = participants
        f.places = place

    def anonymous_meeting(self, f: Frame, hosts: list[Arg], after: list[Item], ce: int, m: re.Match) -> None:
        """"Malaysia hosted a three-way meeting of foreign ministers": a meeting of N members
        named in the next sentences; the host country's place is visited by the members of
        other nationalities."""
        n = _NUMBER_WORDS.get((m.group("n") or m.group("n2")).lower(), 0)
        if n < 2 or f.attrs.realis in (Realis.OTHER, Realis.GENERIC) or f.attrs.polarity is Polarity.NEG:
            return  # an offered or called-off meeting: the persons named next are not its members
        host_places = [h for h in hosts if h.cluster.type is EntityType.GPE]
        host_persons = [h for h in hosts if h.cluster.type is EntityType.PER]
        place = self.places_after(m.end(), after, ce, meeting=True) or host_places[:1]
        members = list(host_persons)
        named = self.members_of(m.end(), after, ce)
        if len(named) >= 2:
            # "a three-way meeting on Thursday of A, B and C(, on TOPIC)": its members are named
            members = _uniq(members + [a for it in named for a in it.args])
            self.pairs(RelationType.MET, members, f)
            for a in members:
                if a not in host_persons:
                    for p in place:
                        if not _own_place(a, p):
                            self.add(RelationType.VISITED, a, p, f)
            f.participants, f.places = members, place
            self.new_event(members, Mode.IN_PERSON, f, place)
            self.topic_after(f, named[-1].end, after, ce, members, Mode.IN_PERSON)
            return
        for k in range(n - len(members)):
            c = self.tracker.slot(None, m.start(), m.end(), m.group(0))
            c.name = f"member {k + 1} of {m.group(0)}"
            members.append(Arg(c, m.start(), m.end(), m.group(0)))
            self.open_slots.append((c, self.sentence_index))
        self.pairs(RelationType.MET, members, f)
        for a in members:
            for p in place:
                self.pending_visits.append((a, p, f, self.sentence))
        f.participants = members
        f.places = place
        self.new_event(members, Mode.IN_PERSON, f)

    def meet_frame(self, f: Frame, s, items, after, ce, prev) -> None:
        text = self.text
        word = f.word.lower()
        if prev is not None and prev.kind == "host" and _HOSTED_DET.search(text, max(self.sentence.start, f.start - 40), f.start):
            return  # "hosted the talks": read by the host frame
        if word.startswith("call") and "on" in word:
            objs = self.objects(f, after, ce)
            if objs and _TO_INFINITIVE.match(text, objs[-1].end, objs[-1].end + 12):
                return  # "called on X to ...": an appeal, not a visit
        else:
            objs = self.objects(f, after, ce)
        if not objs and word == "met" and _L_PASSIVE_BEFORE.search(self.low, max(self.sentence.start, f.start - 25), f.start):
            # "were met at the airport by X": the agent after "by"
            objs = [it for it in after if it.kind in PERSONISH and _BY_END.search(text, max(f.end, it.lead - 5), it.lead)][:1]
        obj = _uniq(a for it in objs for a in it.args)
        subj = list(f.subj)
        if len(obj) >= 2 and _nominal(f.word) and _BETWEEN_AFTER.match(self.low, f.end):
            subj = []  # "a summit between X and Y": its participants, not the clause's subject
        together_places: list[Arg] = []
        if _TOGETHER.match(word):
            if len(obj) < 2:
                return
            # "The summit in Johannesburg brought together A, B and C": an occasion as the subject
            # gives the place of the meeting; a person as the subject ("X brought together A and
            # B") hosts it and meets them
            subj = [a for a in subj if a.cluster.type is EntityType.PER]
            cand = [it for it in items if not it.modifier]
            k = next((k for k, it in enumerate(cand) if it.kind in PLACEISH and it.end <= f.start
                      and _PLACE_PREP_END.search(text, max(self.sentence.start, it.lead - 6), it.lead)), None)
            if k is not None:
                together_places = self._place_chain(cand, k)
        if not subj and not obj:
            if word in ("meeting", "summit", "talks") and f.attrs is ACTUAL:
                # "South American leaders meeting in Brasilia agreed ...": a gathering whose
                # members are named later ("Among those who attended were ...")
                places = self.places_after(f.end, after, ce, meeting=True)
                if places:
                    self.gathering = Event([], Mode.IN_PERSON, f.attrs, self.sentence_index, places)
            return
        if not obj and len(subj) < 2:
            if f.linked and prev is not None and prev.participants and len(prev.participants) >= 2 and (
                    not subj or any(a.key == subj[0].key for a in prev.participants)) and prev.mode in (None, Mode.IN_PERSON):
                subj = list(prev.participants)
            else:
                return
        participants = _uniq(subj + obj)
        participants = _parties(participants)
        if len(participants) < 2:
            return
        remote = self.remote_mode(text[max(self.sentence.start, f.start - 40):ce])
        if remote is None and _L_INDIRECT_BEFORE.search(self.low, max(self.sentence.start, f.start - 25), f.start):
            remote = Mode.UNSPECIFIED  # "indirect talks", "proximity talks": not face to face, no meeting
        separate = bool(SEPARATE.search(text, max(self.sentence.start, f.start - 30), f.end + 5))
        f.subj, f.obj, f.participants = subj, obj, participants
        if remote is not None:
            f.mode = remote
            self.new_event(participants, remote, f)
            self.topic_after(f, objs[-1].end if objs else f.end, after, ce, participants, remote)
            return
        joint = _JOINT.search(self.low, max(self.sentence.start, f.start - 25), ce)
        if subj and len(obj) > 1 and not joint and not _BETWEEN_NEAR.search(self.low, max(self.sentence.start, f.start - 12), f.end + 12):
            # "X met A and B": X met each of them; that A and B met each other is not stated
            person = {a.key for a in participants}
            if not separate:
                self.pairs(RelationType.MET, [a for a in subj if a.key in person], f)
            for a in subj:
                for b in obj:
                    if a.key in person and b.key in person:
                        self.add(RelationType.MET, a, b, f)
        elif separate and subj and obj:
            for a in subj:
                for b in obj:
                    self.add(RelationType.MET, a, b, f)
        else:
            self.pairs(RelationType.MET, participants, f, separate=False)
        places = self.places_after(objs[-1].end if objs else f.end, after, ce, meeting=True) \
            or self.fronted_places(items, f.start) or together_places
        f.places = places
        self.new_event(participants, Mode.IN_PERSON, f)
        if f.attrs.realis is Realis.PLANNED and f.attrs.polarity is Polarity.POS:
            # a meeting planned in a place during a participant's trip to that country is a planned
            # visit of the place; with no trip stated, who travels is not said (guidelines 6.1)
            for p in places:
                pc = p.cluster.nationality if p.cluster.type is EntityType.GPE else None
                for a in participants:
                    if a.key in self.visiting and (pc is None or pc == self.trip_country.get(a.key)):
                        self.add(RelationType.VISITED, a, p, f)
        if f.attrs.realis is Realis.ACTUAL and f.attrs.polarity is Polarity.POS:
            # a meeting held in a place foreign to a participant is a visit of that place (a
            # country or capital standing for its government travels nowhere)
            for p in places:
                pc = p.cluster.nationality if p.cluster.type is EntityType.GPE else None
                for a in participants:
                    if a.cluster.type is EntityType.GPE:
                        continue
                    nat = a.cluster.nationality
                    if pc and nat:
                        if nat != pc:
                            self.add(RelationType.VISITED, a, p, f)
                    elif a.key in self.visiting and self.sentence_index - self.visiting[a.key] <= 4:
                        # a participant on a trip meets at a venue of unknown country: the visitor went there
                        self.add(RelationType.VISITED, a, p, f)
        ts_ = objs[-1].end if objs else f.end
        if _TOPIC_PREP.match(text, ts_, ce) or word in ("talks", "meeting", "meetings") and _TOPIC_PREP_LATER.match(text, ts_, ce):
            self.topic_after(f, objs[-1].end if objs else f.end, after, ce, participants, Mode.IN_PERSON, prep=True)
        # (every match of _AGENDA contains "agenda", whose letters have no case variants but
        # their ASCII capitals)
        agenda = _AGENDA.search(text, f.end, self.sentence.end) if self.low.find("agenda", f.end, self.sentence.end) >= 0 else None
        if agenda is not None:
            topics = topic_spans(text, agenda.start("topic"), agenda.end("topic"), (), self.sentence_times())
            if topics:
                self.pairs(RelationType.DISCUSSED, participants, f, mode=Mode.IN_PERSON, topics=topics)

    def discuss_frame(self, f: Frame, s, items, after, ce, prev) -> None:
        text = self.text
        subj = list(f.subj)
        objs = self.objects(f, after, ce, allow_direct=False)
        obj = _uniq(a for it in objs for a in it.args)
        mode = None
        ctx: list[Arg] = []
        if prev is not None and prev.participants and (not subj or any(a.key == x.key for a in subj for x in prev.participants)):
            ctx = list(prev.participants)
            mode = prev.mode
        if not subj and not obj and not ctx:
            ev = self.latest_event()
            if ev is not None and self.sentence_index - ev.sentence <= 2:
                ctx = list(ev.participants)
                mode = ev.mode
        elif len(subj) == 1 and not obj and not ctx:
            ev = self.latest_event()
            if ev is not None and any(a.key == subj[0].key for a in ev.participants) and self.sentence_index - ev.sentence <= 2:
                ctx = list(ev.participants)
                mode = ev.mode
        participants = _uniq(subj + obj) if (obj or len(subj) >= 2) else _uniq(subj + ctx)
        participants = _parties(participants)
        if len(participants) < 2:
            return
        cut = [(it.lead, it.end) for it in after if it.kind in PERSONISH]
        wm = _WITH_WORD.search(text[f.end:ce])
        if wm:
            cut.append((f.end + wm.start(), f.end + wm.end()))
        topics = topic_spans(text, f.end, ce, cut, self.sentence_times())
        if not topics:
            return
        remote = self.remote_mode(text[self.sentence.start:ce])
        if remote is not None:
            mode = remote
        if mode is None:
            keys = {p.key for p in participants}
            for ev in reversed(self.events[-4:]):
                if {p.key for p in ev.participants} == keys and self.sentence_index - ev.sentence <= 2:
                    mode = ev.mode
                    break
        if mode is None:
            shared_place = obj and self.places_after(objs[-1].end, after, ce)
            meeting_ctx = _L_IN_PERSON_CUE.search(self.low, self.sentence.start, f.start) or \
                _MEETING_AFTER.search(self.low, f.end, ce)
            if shared_place or meeting_ctx:
                mode = Mode.IN_PERSON
            else:
                mode = Mode.UNSPECIFIED
        f.participants = participants
        f.mode = mode
        self.pairs(RelationType.DISCUSSED, participants, f, mode=mode, topics=topics)
        if mode is Mode.IN_PERSON:
            self.pairs(RelationType.MET, participants, f)
        if not (prev is not None and prev.participants == participants):
            self.new_event(participants, mode, f)

    def call_frame(self, f: Frame, s, items, after, ce, prev) -> None:
        text = self.text
        word = f.word.lower()
        objs = self.objects(f, after, ce)
        if not objs:
            frm = _FROM.match(text, f.end)  # "received a phone call from X"
            if frm is not None:
                objs = [it for it in after if it.kind in PERSONISH and it.lead == frm.end()][:1]
        obj = _uniq(a for it in objs for a in it.args)
        if word in ("called", "rang", "dialled") and not objs:
            return
        subj = list(f.subj)
        if not subj and prev is not None:
            subj = list(prev.subj)
        if len(subj) == 1 and not obj:
            ev = self.latest_event()
            if ev is not None and any(a.key == subj[0].key for a in ev.participants):
                obj = [a for a in ev.participants if a.key != subj[0].key]
        participants = _parties(_uniq(subj + obj))
        if len(participants) < 2:
            return
        if f.kind == "speak":
            mode = self.remote_mode(text[self.sentence.start:ce]) or Mode.UNSPECIFIED
        else:
            mode = self.remote_mode(f.word + " " + text[f.start:ce]) or Mode.PHONE
        f.subj, f.obj, f.participants, f.mode = subj, obj, participants, mode
        self.new_event(participants, mode, f)
        self.topic_after(f, objs[-1].end if objs else f.end, after, ce, participants, mode)

    def write_frame(self, f: Frame, items, before, after, ce) -> None:
        """A letter or message with a stated subject is a written discussion between its writer
        and its addressee (GUIDELINES 6.3, 16): "a letter from X to Y inviting ...", "X sent Y a
        letter setting out ...", "X wrote to Y urging ...", "X and Y have exchanged letters on ..."."""
        text = self.text
        persons = [it for it in after if it.kind in PERSONISH and it.start < ce]
        writer: list[Arg] = []
        readers: list[Arg] = []
        end = f.end
        frm = _LETTER_FROM.match(text, f.end)
        if frm is not None:  # "a letter from X (to Y)"
            first = next((it for it in persons if it.lead == frm.end()), None)
            if first is None:
                return
            writer, end = list(first.args), first.end
            to = _LETTER_TO.match(text, end)
            if to is not None:
                second = next((it for it in persons if it.lead == to.end()), None)
                if second is not None:
                    readers, end = list(second.args), second.end
        else:
            writer = list(f.subj)
            to = _LETTER_TO.match(text, f.end)
            if to is not None or f.word.lower().startswith(("wrote", "writes")):
                start = to.end() if to is not None else f.end
                k = next((k for k, it in enumerate(persons) if it.lead == start), None)
                if k is not None:  # "wrote to al-Tayeb and Dawit": every addressee
                    group = self._conj_forward(persons, k)
                    readers, end = _uniq(a for it in group for a in it.args), group[-1].end
            else:  # "X sent Y a letter": the addressee stands between the verb and the letter
                recv = [it for it in before if it.kind in PERSONISH and it.end <= f.start]
                if recv and _SENT_GAP.fullmatch(text[recv[-1].end:f.start]):
                    verb = _SENT_VERB.search(text, max(self.sentence.start, recv[-1].lead - 40), recv[-1].lead)
                    if verb is None:
                        return
                    readers = list(recv[-1].args)
                    senders = [it for it in before if it.kind in PERSONISH and it.end <= verb.start()]
                    writer = list(senders[-1].args) if senders else []
        if _EXCHANGED_BEFORE.search(self.low, max(self.sentence.start, f.start - 30), f.start) and len(writer) >= 2 and not readers:
            writer, readers = writer[:1], writer[1:]
        participants = _parties(_uniq(writer + readers))
        if len(participants) < 2 or not writer or not readers:
            return
        m = _LETTER_TOPIC.match(text, end, ce)
        if m is None:
            return
        start = m.end()
        obj = next((it for it in after if it.lead == start), None)
        if obj is not None:  # "inviting Seo to visit Japan": the request, not the person asked
            to = _TO.match(text, obj.end, obj.end + 6)
            start = to.end() if to else start
        topics = topic_spans(text, start, ce, [(it.lead, it.end) for it in after if it.kind in PERSONISH and it.lead >= start],
                             self.sentence_times())
        if topics:
            if f.attrs.cue == "future time":
                f.attrs = ACTUAL  # a date in the letter's subject is not the date of the letter
            f.participants, f.mode = participants, Mode.WRITTEN
            for w in writer:  # a letter to two people is an exchange with each, not between them
                for r in readers:
                    self.add(RelationType.DISCUSSED, w, r, f, mode=Mode.WRITTEN, topics=topics)

    def topic_after(self, f: Frame, start: int, after, ce, participants, mode, prep: bool = False) -> None:
        text = self.text
        m = _TOPIC_AFTER.match(text, start, ce)
        if not m:
            return
        cut = [(it.lead, it.end) for it in after if it.kind in PERSONISH and it.lead >= m.end()]
        topics = topic_spans(text, m.end(), ce, cut, self.sentence_times())
        if topics:
            self.pairs(RelationType.DISCUSSED, participants, f, mode=mode, topics=topics)

    # -- helpers ------------------------------------------------------------------------------------
    def remote_mode(self, span_text: str) -> Mode | None:
        span_text = span_text.lower()
        # each cue expression is searched only where a word every match of it contains is there
        if _any_in(span_text, _VIDEO_CUE_WORDS) and _L_VIDEO_CUE.search(span_text):
            return Mode.VIDEO
        if _any_in(span_text, _PHONE_CUE_WORDS) and _L_PHONE_CUE.search(span_text) and not _COURTESY.search(span_text):
            return Mode.PHONE
        if _any_in(span_text, _WRITTEN_CUE_WORDS) and _L_WRITTEN_CUE.search(span_text):
            return Mode.WRITTEN
        return None

    def with_future(self, attrs: Attributes, f: Frame, cs: int, ce: int,
                    times: list[tuple[int, int, str]] | None = None) -> Attributes:
        """``classify`` with the frame's time expressions: a cue-less event (``ACTUAL``) set
        after the document date is PLANNED (the same as passing ``future_time`` to ``classify``,
        which reads it only when no cue decides). ``times``: the sentence's time expressions
        (default: those of the current sentence)."""
        if attrs is ACTUAL and self.future_time(f, cs, ce, times):
            return Attributes(Polarity.POS, Realis.PLANNED, "future time")
        return attrs

    def future_time(self, f: Frame, cs: int, ce: int, times: list[tuple[int, int, str]] | None = None) -> bool | None:
        if self.doc.date is None:
            return None
        first = f.word.split()[0]
        before = self.text[max(cs, f.start - 25):f.start].split()
        past = _is_past(first) or (before and _is_past(before[-1]) and before[-1].lower() not in ("had",)) \
            or (len(before) >= 2 and before[-1].lower() in ("a", "an", "the", "their", "his", "her", "two", "three")
                and before[-2].islower() and _is_past(before[-2]) and before[-2] != "had")  # "held a video call"
        if past:
            return None  # "met ... in April": a past-tense verb is never made PLANNED by a date
        present = None if _nominal(first) else True
        nxt = _NEXT_CLAUSE.search(self.low, f.end, ce)
        if nxt is not None:
            ce = nxt.start()
        # the time after the trigger first ("visits X next month"), then the nearest before it:
        # a time left of another event's verb ("who met in March, ... visits X") is not this one's
        near = sorted((t for t in (self.sentence_times() if times is None else times) if t[0] >= cs and t[1] <= ce),
                      key=lambda t: (t[0] < f.end, abs(t[0] - f.end)))
        for _ms, _me, expr in near:
            value = resolve(expr, self.doc.date, future=present)
            fut = is_future(value, self.doc.date)
            if fut is not None:
                return fut
        return None

    def sentence_times(self) -> list[tuple[int, int, str]]:
        """The time expressions of the current sentence (``scan`` found them)."""
        if self._times is None:
            s = self.sentence
            self._times = self.times[bisect_left(self.time_starts, s.start):bisect_left(self.time_starts, s.end)]
        return self._times

    def new_event(self, participants: list[Arg], mode: Mode | None, f: Frame, places: list[Arg] = ()) -> None:
        """Record a contact; a restatement of the latest one (same participants, same mode)
        refreshes it instead, keeping its places."""
        places = list(places or f.places)
        last = self.latest_event()
        if last is not None and {a.key for a in last.participants} == {a.key for a in participants} \
                and last.mode == mode and self.sentence_index - last.sentence <= 3:
            last.sentence = self.sentence_index
            last.places = last.places or places
            return
        self.events.append(Event(list(participants), mode, f.attrs, self.sentence_index, places))

    def pairs(self, rtype: RelationType, participants: list[Arg], f: Frame, separate: bool = False,
              mode: Mode | None = None, topics=()) -> None:
        for i in range(len(participants)):
            for j in range(i + 1, len(participants)):
                self.add(rtype, participants[i], participants[j], f, mode=mode, topics=topics)

    def add(self, rtype: RelationType, head: Arg, tail: Arg, f: Frame, mode: Mode | None = None, topics=()) -> None:
        if (head.key, tail.key) in self.led or (tail.key, head.key) in self.led:
            return  # a delegation and its leader travel together; they do not meet each other
        # a delegation "led by" a named person shares every relation of the delegation with
        # its leader (GUIDELINES 3.3, 6.2), also where "the delegation" alone is named
        for a, b, swap in ((head, tail, False), (tail, head, True)):
            for leader in self.leaders.get(a.key, ()):
                if leader.key != b.key and (rtype is not RelationType.VISITED or not swap):
                    h, t = (b, leader) if swap else (leader, b)
                    self._add(rtype, h, t, f, mode, topics)
        self._add(rtype, head, tail, f, mode, topics)

    def _add(self, rtype: RelationType, head: Arg, tail: Arg, f: Frame, mode: Mode | None = None, topics=()) -> None:
        attrs = f.attrs
        if rtype is RelationType.VISITED and attrs.polarity is Polarity.POS and attrs.realis is Realis.ACTUAL:
            self.visiting[head.key] = self.sentence_index
            if tail.cluster.type is EntityType.GPE and tail.cluster.nationality:
                self.trip_country[head.key] = tail.cluster.nationality
        trigger = Span(f.start, f.end)
        self.collector.add(
            rtype, _surface(head), _surface(tail), attrs.polarity, attrs.realis, self.sentence, trigger, mode, topics,
        )
        # every argument is named in the evidence: the earlier sentence that names an argument
        # given here by a pronoun or a group phrase (guidelines, section 9)
        for a in (head, tail):
            if a.start < self.sentence.start and not a.cluster.slot:
                k = bisect_left(self.sentence_starts, a.start + 1) - 1
                if k >= 0:
                    self.collector.add(rtype, head, tail, attrs.polarity, attrs.realis, self.sentences[k], trigger, mode, ())


_DESC_HEADS = frozenset(
    "counterpart minister secretary president envoy ambassador chief leader spokesman spokeswoman spokesperson official "
    "premier chancellor affairs diplomat adviser advisor guest host deputy lawmaker general governor mayor commissioner "
    "representative chairman chairwoman".split()
)


def _own_place(a: Arg, place: Arg) -> bool:
    """Whether the text makes ``place`` the person's own country (both nationalities known and
    equal): there is no visit to one's own place."""
    return bool(a.cluster.nationality) and a.cluster.nationality == place.cluster.nationality


def _group_want(phrase: str) -> set[str]:
    """The title words a group noun asks for ("the two presidents": president)."""
    return {w for w, nouns in _GROUP_TITLES.items() if any(x in phrase for x in nouns)}


def _fits_group(titles: set[str], want: set[str]) -> bool:
    """Whether a person with these title words can be one of "the two ministers" (``want``:
    the title words the group noun asks for): unknown titles do not contradict the noun."""
    return not titles or fits_titles(titles, want)


def _desc_head_before(text: str, lead: int) -> bool:
    """Whether the word before ``lead`` (past a comma) can end a descriptor ("her Kenyan
    counterpart, NAME"): a cheap test before the descriptor expression is searched."""
    before = text[max(0, lead - 40):lead].rstrip(" ,\n")
    k = max(before.rfind(" "), before.rfind("\n"))
    word = before[k + 1:]
    if word[:1].isupper() and _REMIT_BEFORE.search(before):
        return True
    if word.endswith("s"):
        return word in _DESC_HEADS or word[:-1] in _DESC_HEADS
    return word in _DESC_HEADS


def _parties(args: list[Arg]) -> list[Arg]:
    """The arguments that can take part in a meeting or discussion: persons and delegations;
    countries and capitals only when no person is named ("Washington and Beijing held talks":
    a place standing for its government, section 3.2 of the guidelines)."""
    persons = [a for a in args if a.cluster.type is EntityType.PER
               or (a.cluster.type is EntityType.ORG and a.cluster.name.lower().endswith("delegation"))]
    if persons:
        return persons
    places = [a for a in args if a.cluster.type is EntityType.GPE and a.cluster.key.startswith("G:")]
    return places if len(places) == len(args) else []


def dest_end(dest: list[Arg]) -> int:
    return max(d.end for d in dest)


def _surface(a: Arg) -> Arg:
    return a


@lru_cache(maxsize=65536)
def _clean_gap(gap: str) -> str:
    """The words between two items without brackets, relative clauses, appositions and time
    expressions (each removed only when a character it needs is there)."""
    g = gap
    if "(" in g or "[" in g:
        g = PAREN.sub(" ", g)
    if "," in g:
        g = REL_CLAUSE.sub(" ", g)
        g = APPOSITION.sub(" ", g)
    if _TIME_HINT.search(g) and _TIME_NEED.search(g):
        g = TIME_EXPR.sub(" ", g)
    if " of" in g:
        g = _MEASURE_OF.sub(" ", g)
    return g


# A measure of talks ("held more than two hours of talks", "two rounds of talks"): not a
# preposition that separates the verb from its subject.
_MEASURE_OF = re.compile(
    r"\b(?:(?:more\s+than|nearly|almost|about|some|over)\s+)?(?:a|an|the|one|two|three|four|five|six|several|\d+|a\s+day"
    r"|another|new|latest|final)(?:\s+(?:first|second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)|new|final|latest))?"
    r"(?:\s+(?:full|long|short|hours?|days?|rounds?|sessions?))+\s+of\s*$", re.I)


@lru_cache(maxsize=65536)
def _strip_time(gap: str) -> str:
    """The gap without time expressions and adverbs, lower-cased (it is only matched against
    case-insensitive gap patterns)."""
    g = TIME_EXPR.sub(" ", gap) if _TIME_HINT.search(gap) and _TIME_NEED.search(gap) else gap
    return _L_ADVERBS.sub(" ", g.lower())


@lru_cache(maxsize=65536)
def _verb_gap_ok(g: str) -> bool:
    if _L_VERB_GAP_FORBID.search(g.lower()):
        return False
    return len(g.split()) <= 8


def _nationality(desc: str) -> str | None:
    m = _POSSESSIVE_NAME.search(desc)
    if m:
        p = lookup_place(m.group(1))
        if p is not None:
            return p.name if not p.country else p.country
    for w in _CAP_WORDS.findall(desc):
        c = demonym_country(w)
        if c:
            return c
    return None


__all__ = ["RuleEngine", "Item", "Frame", "Cluster", "Polarity", "Realis"]

"""Polarity and realis from the words around a trigger.

Three windows are read, each a phenomenon of English:

- the verb group between the subject and the trigger ("will", "is expected to", "did not",
  "hopes to", "had been due to", "has no plans to");
- the clause before the trigger ("denied a report that X met Y", "there were no plans for X
  to travel", "if X visits");
- the words after a nominal trigger ("the visit was called off", "a meeting ... was dropped",
  "had been invited to join the talks but declined").

The verb group wins over the clause, negation over modality. A resolved time expression after
the document date makes an otherwise unmarked event PLANNED. ``classify`` is pure and cheap:
a handful of precompiled searches over short strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Polarity, Realis

# The cue expressions are lower case and applied to lower-cased text: Python's regex engine
# is about twice as fast without IGNORECASE, and ``classify`` runs for every trigger.
_F = 0
NEG_VERB_GROUP = re.compile(
    r"\b(?:not|never|n['’]t|no\s+longer|refus\w*\s+to|declin\w*\s+to|fail\w*\s+to|no\s+plans?"
    r"|without|(?:had|has|have)\s+been\s+(?:expected|due|scheduled|set|supposed|meant|slated|planning|invited)\s+(?:to|in|at)\b"
    r"|(?:was|were)\s+to\s+have|turned\s+down|turns?\s+down|cancel\w*|called\s+off|call(?:s|ing)?\s+off"
    r"|scrap\w*|postpon\w*\s+(?:\w+\s+){0,3}?indefinitely|shelved?|abandon\w*|ruled\s+out|rules?\s+out|pulled\s+out\s+of|skipp\w*)\b",
    _F,
)
NEG_CLAUSE = re.compile(
    r"\b(?:den(?:y|ied|ies|ying|ial)|dismiss\w*|reject\w*|refut\w*|no\s+plans?|there\s+(?:was|were|will\s+be|is|are|had\s+been)\s+no"
    r"|turned\s+down|ruled\s+out|rules?\s+out|false(?:ly)?|untrue|contradict\w*|no\s+such|never)\b",
    _F,
)
NEG_AFTER = re.compile(
    r"\b(?:(?:was|were|has\s+been|had\s+been|have\s+been|is|are|got|been|being)\s+(?:\w+ly\s+)?"
    r"(?:cancel\w*|called\s+off|scrapped|postponed\s+indefinitely|shelved|dropped|aborted|axed|abandoned|ruled\s+out|turned\s+down"
    r"|removed\s+from\s+(?:\w+\s+){0,2}(?:schedule|itinerary|programme|program|agenda)|taken\s+off\s+(?:\w+\s+){0,2}(?:schedule|itinerary))"
    # "had asked to meet X, a request the authorities turned down"
    r"|,\s*(?:a|an)\s+(?:request|invitation|offer|proposal)\s+(?:that\s+|which\s+)?(?:[\w-]+\s+){0,4}?(?:turned\s+down|rejected|refused|declined|denied)"
    r"|did\s+not\s+(?:take\s+place|happen|go\s+ahead|materiali[sz]e)|never\s+(?:took\s+place|happened)|fell\s+through"
    r"|but\s+(?:\w+\s+)?(?:declined|refused|cancel\w*|called\s+(?:it\s+)?off|pulled\s+out|withdrew|was\s+cancel\w*"
    r"|could\s*(?:not|n['’]t)|(?:was|were)\s+(?:unable|not\s+able)))\b",
    _F,
)
PLANNED_STRONG = re.compile(
    r"\b(?:accept\w*\s+(?:an?\s+|the\s+|\w+\s+)?invitation|agreed\s+to|agree\s+to|postpon\w*|put\s+off|delayed|rescheduled)\b", _F
)
OTHER_VERB_GROUP = re.compile(
    r"\b(?:hope[sd]?|hoping|may|might|could|wants?|wanted|wish\w*|would\s+like|seek\w*|sought|aim\w*"
    r"|propos\w*|offer\w*|possibl\w*|potential(?:ly)?|if|unless|should|invit\w*|urg\w*|call(?:ed|s)?\s+for"
    r"|ready|willing|(?:be|is|are|was|were)\s+prepared|consider\w*|mulling|open\s+to|eager|keen|tr(?:y|ied|ying|ies)|in\s+talks\s+to|asked\s+to"
    r"|request\w*)\b",
    _F,
)
PLANNED_VERB_GROUP = re.compile(
    r"(?:\b(?:will|shall|would|(?:is|are|was|were|be|been|being)\s+(?:set|scheduled|expected|due|slated|poised|going"
    r"|planning|planned|preparing|likely|to)|plan(?:s|ned|ning)?|intend\w*|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)"
    r"|upcoming|forthcoming|planned"
    r"|scheduled|expected|to\s+be\s+held|next)\b|['’]ll\b)",
    _F,
)
GENERIC_VERB_GROUP = re.compile(
    r"\b(?:usually|regularly|often|frequently|routinely|typically|traditionally|annually"
    r"|every\s+(?:year|month|week|summer|spring|autumn|winter)|each\s+(?:year|month)|tend\w*\s+to)\b",
    _F,
)
OTHER_CLAUSE = re.compile(
    r"\b(?:if|unless|whether|hope[sd]?|hoping|possibl\w*|should\s+(?:he|she|they|it)"
    r"|(?:urg|invit|ask|encourag|press|request|appeal)(?:e[sd]?|ing|s)?\b[^.;]{0,80}?\bto\s*$)", _F)
# A question about the event ("asked whether he would travel to Manila"): open, whatever the
# modal inside the question says.
QUESTION_CLAUSE = re.compile(r"\b(?:whether|asked\s+if|wonder\w*\s+if)\b", _F)
# A negative answer to such a question settles it: the event will not take place.
NEG_ANSWER = re.compile(
    r"\b(?:nothing\s+of\s+(?:that|the)\s+kind|no\s+such\s+\w+|no\s+(?:meeting|visit|trip|talks)\s+(?:is|was|were|are|had\s+been)"
    r"|not\s+on\s+the\s+(?:schedule|agenda|table|cards)|(?:ruled|rules)\s+(?:it\s+|that\s+)?out|there\s+(?:are|were|was|is)\s+no\s+plans?"
    r"|had\s+no\s+plans?|has\s+no\s+plans?)\b", _F)
# Explicit doubt about a reported event ("declined to comment on reports that", "unconfirmed",
# "allegedly"); plain attribution ("TASS reported", "reportedly") does not lower the realis.
DOUBT_CLAUSE = re.compile(
    r"\b(?:(?:declin\w*|refus\w*)\s+to\s+(?:comment|confirm)|(?:not|n't|never)\s+(?:yet\s+)?confirm\w*|unconfirmed"
    r"|rumou?r\w*|speculat\w*|alleged(?:ly)?|(?:is|are|was|were)\s+said\s+to)\b", _F)
# A noun trigger's own predicate ("X's meeting with Y is expected to focus on ...", "the visit
# will take place in May"): up to the first comma, so that a main clause after a fronted
# "after the meeting," does not count.
PLANNED_AFTER_NOMINAL = re.compile(
    r"^[^,.;]{0,60}?\b(?:(?:is|are)\s+(?:set|scheduled|expected|due|planned|slated|likely)\s+(?:to|for)"
    r"|will\s+(?:take\s+place|be\s+held|focus|start|begin|last|include|cover|address|cent(?:re|er)|be)"
    r"|would\s+(?:take\s+place|be\s+held|focus|start|begin|last))\b", _F)
# The same, past a relative clause or an apposition ("a state visit to X by Y, which had been
# planned for later this month, has been postponed to July"): still a plan, at a new time.
PLANNED_AFTER_NOMINAL_FAR = re.compile(
    r"^[^.;]{0,120}?,\s*(?:which|that)\s+(?:had\s+been|has\s+been|was|is)\s+(?:planned|scheduled|expected|set)\b"
    r"|^[^.;]{0,180}?\b(?:has|had|have|was|were)\s+been\s+(?:postponed|rescheduled|pushed\s+back|moved)\s+(?:to|until)\b", _F)
PLANNED_AFTER = re.compile(r"^\s*(?:\w+\s+){0,8}?(?:will|is\s+(?:set|scheduled|expected|due)\s+to|would)\s+(?:take\s+place|be\s+held|start|begin)\b", _F)


# A nominal event denied by "no" before it, and the words after it that make it a plan.
_NO_BEFORE = re.compile(r"\bno\s+(?:(?:formal|bilateral|separate|direct|face-to-face|one-on-one|further|such)\s+)?$", _F)
_PLAN_AFTER = re.compile(r"\b(?:plann?\w*|scheduled|expected|envisaged|foreseen|will|on\s+the\s+(?:agenda|schedule|calendar|cards))\b", _F)


@dataclass(frozen=True, slots=True)
class Attributes:
    """Polarity and realis of one event mention, with the cue that decided them."""

    polarity: Polarity
    realis: Realis
    cue: str | None = None


ACTUAL = Attributes(Polarity.POS, Realis.ACTUAL)


def classify(verb_group: str, clause_before: str = "", after: str = "",
             future_time: bool | None = None, nominal: bool = False) -> Attributes:
    """Polarity and realis of an event from its verb group, its clause and the words after it.

    >>> classify("will").realis.value, classify("did not").polarity.value
    ('PLANNED', 'NEG')
    >>> classify("", after=" to Kabul has been cancelled").polarity.value
    'NEG'
    >>> classify("hopes to").realis.value, classify("", "the ministry denied a report that").polarity.value
    ('OTHER', 'NEG')
    >>> classify("would", "asked whether he").realis.value
    'OTHER'
    """
    verb_group, clause_before, after = verb_group.lower(), clause_before.lower(), after.lower()
    m = NEG_VERB_GROUP.search(verb_group)
    if m:
        moved = _MOVED_TO.search(after.split(".")[0])
        if moved and _WAS_PLANNED.search(m.group(0)) and not _NO_NEW_DATE.search(after.split(".")[0]):
            # "had been scheduled to visit X this month, but his trip was postponed until early
            # next year": still planned, at a new time (GUIDELINES 7.2)
            return Attributes(Polarity.POS, Realis.PLANNED, moved.group(0))
        return Attributes(Polarity.NEG, _realis_under_negation(verb_group, m.group(0)), m.group(0))
    m = NEG_AFTER.search(after)
    if m:
        return Attributes(Polarity.NEG, _realis_under_negation(verb_group, m.group(0)), m.group(0))
    if nominal and _NO_BEFORE.search(clause_before):
        # "no meeting between X and Y was planned", "no bilateral talks took place"
        plan = _PLAN_AFTER.search(after.split(".")[0])
        return Attributes(Polarity.NEG, Realis.PLANNED if plan else Realis.ACTUAL, "no")
    question = QUESTION_CLAUSE.search(clause_before)
    if question:
        m = NEG_ANSWER.search(after)
        if m:  # "Asked whether he would meet X, an official said: 'Nothing of that kind is on the schedule'"
            return Attributes(Polarity.NEG, Realis.PLANNED, m.group(0))
    m = NEG_CLAUSE.search(clause_before)
    if m:
        return Attributes(Polarity.NEG, _realis_under_negation(verb_group, m.group(0)), m.group(0))
    m = DOUBT_CLAUSE.search(clause_before) or DOUBT_CLAUSE.search(verb_group)
    if m:
        return Attributes(Polarity.POS, Realis.OTHER, m.group(0))
    m = PLANNED_STRONG.search(verb_group)
    if m and _POSTPONED.match(m.group(0)) and _NO_NEW_DATE.search(after.split(".")[0][:80]):
        return Attributes(Polarity.NEG, Realis.PLANNED, m.group(0) + " indefinitely")
    if m:
        return Attributes(Polarity.POS, Realis.PLANNED, m.group(0))
    m = OTHER_VERB_GROUP.search(verb_group) or question
    if m:
        return Attributes(Polarity.POS, Realis.OTHER, m.group(0))
    m = PLANNED_VERB_GROUP.search(verb_group)
    if m:
        return Attributes(Polarity.POS, Realis.PLANNED, m.group(0))
    m = GENERIC_VERB_GROUP.search(verb_group) or GENERIC_VERB_GROUP.search(after[:40])
    if m:
        return Attributes(Polarity.POS, Realis.GENERIC, m.group(0))
    m = OTHER_CLAUSE.search(clause_before)
    if m:
        return Attributes(Polarity.POS, Realis.OTHER, m.group(0))
    m = PLANNED_AFTER.search(after) or (nominal and (PLANNED_AFTER_NOMINAL.search(after) or PLANNED_AFTER_NOMINAL_FAR.search(after)))
    if m:
        return Attributes(Polarity.POS, Realis.PLANNED, m.group(0))
    if future_time:
        return Attributes(Polarity.POS, Realis.PLANNED, "future time")
    return ACTUAL


_WISH = re.compile(r"\b(?:want\w*|wish\w*)\b")
_TRIED = re.compile(r"\b(?:hop\w*|tried|sought|attempt\w*)\b")
_NEG_PLAN = re.compile(
    r"\b(?:will|would|no\s+plans?|plan\w*|expected|scheduled|due|set\s+to|had\s+been|invit\w*|(?:was|were)\s+to\s+have"
    r"|turn\w*\s+down|declin\w*)\b|['’]ll\b")
_MOVED_TO = re.compile(r"\b(?:postponed|rescheduled|pushed\s+back|moved|put\s+off|delayed)\s+(?:\w+\s+)?(?:to|until|till)\b", _F)
_WAS_PLANNED = re.compile(r"been\s+(?:expected|due|scheduled|set|slated|planning)", _F)
_POSTPONED = re.compile(r"postpon|put\s+off|delayed|rescheduled", _F)
_NO_NEW_DATE = re.compile(r"\b(?:indefinitely|until\s+further\s+notice|without\s+(?:a\s+)?(?:new\s+)?date|sine\s+die)\b", _F)
_CANCEL_CUE = re.compile(r"cancel|call|scrap|postpon|shelv|abandon|drop|abort|axed|put\s+off|pulled\s+out|ruled\s+out|rules?\s+out", _F)


def _realis_under_negation(verb_group: str, cue: str = "") -> Realis:
    """A negated plan ("will not visit", "has no plans to", "cancelled his trip") keeps its
    realis PLANNED; a negated fact ("did not meet") is ACTUAL."""
    if _WISH.search(verb_group):
        return Realis.OTHER  # "did not want to meet": a negated wish leaves the event open
    if _TRIED.search(verb_group):
        return Realis.ACTUAL  # "hoped to visit but could not": settled, it did not happen
    if _CANCEL_CUE.search(cue) or _NEG_PLAN.search(cue) or _NEG_PLAN.search(verb_group):
        return Realis.PLANNED  # "turned down an invitation to visit", "was to have travelled"
    return Realis.ACTUAL

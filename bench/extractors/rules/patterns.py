"""Compiled regular expressions shared by the rule extractors: triggers, person and place
references, clause boundaries and the small gap patterns that decide whether two words are
linked ("X and Y", "X, who ...", "met with X").

Trigger groups (case-insensitive):

- ``visit``: "visit(ed)", "pay/paid an official visit (to)", "attend", "tour";
- ``move``: "arrived in", "landed in", "travel(led) to", "trip to", "flew to", "left for",
  "returned from", "a stop in", "is in X for talks";
- ``meet``: "met (with)", "meeting", "talks", "summit", "called on", "sat down with";
- ``host``: "hosted", "received", "welcomed", "greeted";
- ``discuss``: "discussed", "exchange(d) views", "focused on", "reviewed", "talked about";
- ``call``: phone and video contact ("spoke by phone", "video call", "telephoned", "called X");
- ``speak``: "spoke to/with" (contact of unstated mode);
- ``write``: letters and messages ("a letter from X to Y", "sent Y a letter", "wrote to Y",
  "exchanged letters on").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

from .gazetteer import demonyms
from .lexicon import PERSON_NOUNS, TITLE_WORDS
from .timex import TIME_EXPR

_I = re.I

# A time between an arrival verb and its place ("arrived late on Monday in Brasilia").
_ARRIVAL_TIME = (r"(?:\s+(?:early|late|on|this|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today"
                 r"|yesterday|tonight|morning|afternoon|evening|night)){0,4}")

TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<call>(?:tele)?phone\s+(?:call|conversation|talks|discussion)s?|video\s*(?:call|link|conference|chat)s?"
    r"|videoconferenc(?:e|es|ing)|virtual\s+(?:meeting|summit|talks)|online\s+(?:meeting|summit|talks)"
    r"|(?:spoke|speak|speaks|speaking|spoken|talked|talk|talks|conferred)\s+(?:by|over\s+the|on\s+the|via)\s+(?:(?:tele)?phone|video(?:\s+link)?)"
    r"|join(?:ed|s|ing)?(?=\s+[^.;]{0,60}?\b(?:by|via|over|on)\s+(?:a\s+)?(?:video|phone|telephone))"
    r"|(?:tele)?phoned|telephoned|rang|dialled|called(?!\s+(?:off|for|on|upon|it|in|up|back|a\b|an\b|the\b|this|that|to|him\s+a|her\s+a)))"
    r"|(?P<speak>(?:spoke|speak|speaks|spoken|talked|conversed)\s+(?:to|with))"
    r"|(?P<write>letters?|wrote(?=\s+to\b)|writes(?=\s+to\b)|messages?(?=\s+(?:from|to)\b))"
    r"|(?P<meet>met|meet(?:s|ing|ings)?|talks|summit(?:s)?|(?:working\s+)?(?:lunch|luncheon|dinner|breakfast)(?=\s+with\b)|sat\s+down\s+with|sit(?:s|ting)?\s+down\s+with"
    r"|confer(?:red|s|ring)?\s+with|(?:paid\s+a\s+)?courtesy\s+call\s+on|call(?:ed|s|ing)?\s+on(?=\s+[A-Z\w])"
    r"|audience\s+with|face-to-face|shook\s+hands\s+with|tête-à-tête|tete-a-tete|brief(?:ed|s|ing)?(?=\s+(?-i:[A-Z]))"
    r"|br(?:ought|ings?|inging)\s+together)"
    r"|(?P<join>join(?:ed|s|ing)?(?=\s+(?:the\s+(?:[\w-]+\s+)?(?:talks|meeting|summit|negotiations|consultations)|them|as\s+an?\s+\w+|in\b|by\b))"
    r"|(?:took|take|takes|taking)\s+part\s+in"
    # an attendance list after the verb ("Among those who attended were A, B and C")
    r"|among\s+(?:those|the\s+\w+)\s+(?:who\s+)?(?:attended|attending|present|taking\s+part)\s+(?:were|was)"
    r"|attending\s+(?:the\s+[\w-]+\s+(?:[\w-]+\s+)?)?were|(?:also\s+)?present\s+were)"
    r"|(?P<host>host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|greet(?:s|ed|ing)?"
    r"|(?:(?:dinner|lunch|state|official|honoured|guest\s+of\s+honour)\s+)?guests?\s+of(?=\s+(?-i:[A-Z])))"
    r"|(?P<discuss>discuss(?:es|ed|ing)?|discussions?\s+(?:on|of|about)|talk(?:s|ed)?\s+(?:about|over)"
    r"|exchang(?:e|ed|es|ing)\s+(?:of\s+)?(?:views|opinions)|exchange\s+of\s+(?:views|opinions)"
    r"|focus(?:ed|es|ing|sed)?\s+on|cent(?:red|ered)\s+on|review(?:ed|s)?|consult(?:ed|ations)\s+on"
    r"|negotiat(?:ed|ions)\s+on|coordinat(?:e|ed|ing)\s+(?:their\s+|its\s+|our\s+)?positions?\s+on"
    r"|deliberat(?:ed|ions)\s+on|dominated\s+by|devoted\s+to"
    # "raised the issue of piracy with X" (the topic comes between the verb and "with")
    r"|rais(?:e|es|ed|ing)(?=\s[^.;:\"“”]{1,80}?\bwith\s))"
    rf"|(?P<move>arriv(?:e|es|ed|ing|al)(?:\s+\w+ly)?{_ARRIVAL_TIME}\s+(?:in|at)|(?:due|expected)\s+in(?=\s+(?:the\s+)?(?-i:[A-Z]))"
    rf"|landed{_ARRIVAL_TIME}\s+(?:in|at)|land(?:s|ing)?\s+in|touch(?:ed|es)?\s+down\s+in"
    r"|arriv(?:e|es|ed)(?=\s*[,.;:—–])"
    r"|travel(?:s|led|ed|ling|ing)?(?:\s+on|\s+\w+ly)?(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow))?\s+to|(?:trip|trips|journey|stop|stopover|stops|tour|tours)\s+(?:to|in|of)|stop(?:ped|ping)\s+(?:over\s+)?in"
    r"|(?:flew|fly|flies|flying)(?:\s+on|\s+\w+ly)?(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow))?\s+to|head(?:s|ed|ing)?\s+(?:to|for)"
    r"|(?:left|leave|leaves|leaving|depart(?:s|ed|ing)?)\s+for|(?:returned|came\s+back|back)\s+from"
    # "have left the Small Guild for the Adazi base": the origin between the verb and "for"
    r"|(?:left|leave|leaves|leaving)\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+[\w’'-]+){0,3}?\s+for(?=\s)"
    r"|went\s+(?:on\s+)?to|(?:laid|lay|lays|laying)\s+(?:a\s+)?wreaths?\s+at|(?:took|taken|take|takes|taking)\s+(?:him|her|them)\s+to"
    r"|visit(?:s)?\s+to|(?:visit|visits|trip|trips|journey|tour|tours|stop|stopover)\s+(?=by\b)"
    r"|(?:sen[dt]|sends|sending|dispatch(?:ed|es|ing)?)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?delegation\s+to)"
    r"|(?P<visit>pa(?:y|ys|id|ying)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}visits?(?:\s+to)?"
    r"|made\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}visit(?:\s+to)?|visit(?:s|ed|ing)?|attend(?:s|ed|ing)?"
    # an absence from an occasion ("skipped the NATO summit in Vilnius"): read as a negated attendance
    r"|(?:skip(?:s|ped|ping)?|boycott(?:s|ed|ing)?|pull(?:s|ed|ing)?\s+out\s+of|stay(?:s|ed|ing)?\s+away\s+from)"
    r"(?=\s+(?:the|a|an|this|next|last|[A-Z][\w'’-]*['’]s)\s+[^.;]{0,40}?\b(?:summit|meeting|talks|conference|forum|gathering|session|ceremony"
    r"|inauguration|funeral|parade|celebrations?)\b)"
    r"|tour(?:s|ed|ing)?)"
    r"|(?P<bein>(?:(?:is|was|were|are|been)\s+(?:also\s+|already\s+|now\s+|still\s+|currently\s+)?"
    r"|spen(?:t|ds?|ding)\s+(?:(?:the\s+)?(?:day|night|weekend|week|morning|afternoon|evening)|\w+day|(?:two|three|four|five|several)\s+days)\s+)in)"
    r"(?=\s+(?:the\s+)?(?-i:[A-Z]))"
    r")\b",
    _I,
)

# The first word (lower case) of every trigger alternative above. Scanning the words of a text
# and trying ``TRIGGER.match`` only where one of these begins finds the same matches as
# ``TRIGGER.finditer`` (a test checks it) at a fraction of the cost: Python's regex engine
# tries every alternative at every position, a set lookup per word does not.
TRIGGER_FIRST_WORDS: frozenset[str] = frozenset(
    """
    phone telephone video videoconference videoconferences videoconferencing virtual online spoke speak speaks
    speaking spoken talked talk talks conferred join joined joins joining phoned telephoned rang dialled called
    conversed met meet meets meeting meetings summit summits sat sit sits sitting confer confers conferring
    paid courtesy call calls calling audience face shook tête tete host hosts hosted hosting receive receives
    received receiving welcome welcomes welcomed welcoming greet greets greeted greeting discuss discusses
    discussed discussing discussion discussions exchange exchanged exchanges exchanging focus focused focuses
    focusing focussed centred centered review reviewed reviews consulted consultations negotiated negotiations
    coordinate coordinated coordinating deliberated deliberations dominated devoted arrive arrives arrived
    send sent sends sending dispatch dispatched dispatches dispatching guest guests dinner lunch state official honoured among attending present also skip skips skipped skipping boycott boycotts boycotted boycotting pull pulls pulled pulling stay stays stayed staying raise raises raised raising brought bring brings bringing
    arriving arrival landed land lands landing touch touched touches travel travels travelled traveled
    travelling traveling trip trips journey stop stopover stops tour tours flew fly flies flying head heads
    headed heading left leave leaves leaving depart departs departed departing returned came back went laid
    lay lays laying visit visits pay pays paying made visited visiting attend attends attended attending
    toured touring stopped stopping brief briefed briefs briefing took taken take takes taking is was were are been
    due expected spent spend spends spending working lunch luncheon dinner breakfast letter letters wrote writes message messages
    """.split()
)
REFERENCE_FIRST_WORDS: frozenset[str] = frozenset(
    "the both all his her their its he she him they them i me my a".split()
)
# Words whose presence in a sentence makes the rarer constructions worth looking for: groups
# named by country ("the foreign ministers of ...") and delegations.
CUE_WORDS: frozenset[str] = frozenset(
    """
    ministers leaders presidents premiers heads envoys diplomats representatives delegates chiefs
    counterparts delegation
    """.split()
)
# Words without which a sentence has no time expression (``timex.TIME_EXPR``) but a number.
TIME_WORDS: frozenset[str] = frozenset(
    """
    january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday week
    month year spring summer autumn fall winter today tomorrow yesterday tonight
    """.split()
)
CUE_WORDS = CUE_WORDS | TIME_WORDS
# The first word (lower case) of every ``timex.TIME_EXPR`` alternative but a number.
TIME_FIRST_WORDS: frozenset[str] = TIME_WORDS - {"week", "month", "year", "spring", "summer", "autumn", "fall", "winter"} | frozenset(
    "on by from until since in early late mid this next last later earlier".split()
)
_WORD = re.compile(r"\w+")


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset kept (a character whose lower case is longer, such as
    "İ", stays as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)



def scan(text: str, start: int = 0, end: int | None = None, low: str | None = None
         ) -> tuple[list[re.Match], list[re.Match], list[tuple[int, str]], list[re.Match]]:
    """Trigger, reference and time-expression matches in ``text[start:end]``, in text order,
    and the positions of ``CUE_WORDS``: the same matches as ``TRIGGER.finditer``,
    ``REFERENCE.finditer`` and ``TIME_EXPR.finditer``, found by trying each expression only
    at the words that can begin one of its matches. ``low`` is ``lower_same_length(text)`` when
    the caller has it already.

    >>> trig, refs, cues, times = scan("Lavrov met Wang Yi on Monday; the two ministers discussed trade.")
    >>> [m.group(0) for m in trig], [m.group(0) for m in refs], cues, [m.group(0) for m in times]
    (['met', 'discussed'], ['the two ministers'], [(22, 'monday'), (38, 'ministers')], ['on Monday'])
    """
    end = len(text) if end is None else end
    trig: list[re.Match] = []
    refs: list[re.Match] = []
    cues: list[tuple[int, str]] = []
    times: list[re.Match] = []
    t_end = r_end = x_end = start
    tmatch, rmatch, xmatch = TRIGGER.match, REFERENCE.match, TIME_EXPR.match
    kinds = _WORD_KINDS
    ref_at: list[tuple[int, bool]] = []  # where a reference may begin (and whether at "the"/"a")
    heads: list[int] = []  # where a head word of a reference begun by "the"/"a" stands
    lowtext = lower_same_length(text) if low is None else low
    # Most words begin nothing: one dictionary lookup on the lower-cased word decides (a digit
    # can begin a time expression).
    for w in _WORD.finditer(lowtext, start, end):
        low = w.group()
        k = kinds.get(low)
        if k is None:
            if low[0].isdigit():
                ws = w.start()
                if ws >= x_end:
                    m = xmatch(text, ws, end)
                    if m is not None:
                        times.append(m)
                        x_end = m.end()
            continue
        ws = w.start()
        if k & _CUE:
            cues.append((ws, low))
        if k & _TIME and ws >= x_end:
            m = xmatch(text, ws, end)
            if m is not None:
                times.append(m)
                x_end = m.end()
        if k & _TRIG and ws >= t_end:
            m = tmatch(text, ws, end)
            if m is not None:
                trig.append(m)
                t_end = m.end()
        if k & _HEAD:
            heads.append(ws)
        if k & _REF:
            ref_at.append((ws, low in _REF_ARTICLES))
    # References, in a pass of their own: "the" and "a" begin one only when one of its head words
    # follows within a few words; where none does (and the text there is plain ASCII, so that
    # its IGNORECASE is lower case), REFERENCE cannot match and is not tried.
    nh = len(heads)
    for ws, article in ref_at:
        if ws < r_end:
            continue
        if article:
            i = bisect_right(heads, ws)
            if i < nh:
                h = heads[i]
                if len(lowtext[ws:h].split(None, _REF_CHUNKS)) > _REF_CHUNKS and text[ws:h].isascii():
                    continue
            else:
                we = _REF_WINDOW.match(lowtext, ws, end).end()
                if text[ws:we].isascii():
                    continue
        m = rmatch(text, ws, end)
        if m is not None:
            refs.append(m)
            r_end = m.end()
    return trig, refs, cues, times


_CUE, _TIME, _TRIG, _REF, _HEAD = 1, 2, 4, 8, 16
# The words that end a REFERENCE match beginning with "the" or "a" (the last word of each of
# its alternatives that can begin with one: a group's number, a person noun, "capital", a title
# head, a facility noun), and the number of whitespace-separated chunks such a match spans at
# most ("the" + a demonym + two words + a two-word title; "the" + two words + "state guest
# house"), with a margin.
_REF_ARTICLES = frozenset({"the", "a"})
_REF_HEAD_WORDS = frozenset(
    {"two", "three", "four", "pair", "trio", "capital"} | {w.split()[-1] for w in PERSON_NOUNS}
    | set("""minister president premier chancellor envoy ambassador secretary leader king queen emir prince sultan
    diplomat official guest visitor host chief counterpart spokesman spokeswoman spokesperson general commissioner
    governor mayor""".split())
    | set("""port palace residence headquarters airport hotel embassy consulate mausoleum memorial museum compound
    village cathedral temple mosque building ministry chancellery office house guesthouse base cemetery monument
    venue shipyard factory plant refinery dam mine camp terminal harbor harbour cosmodrome spaceport hospital
    university campus stadium centre center crossing city town resort region province island enclave mission""".split()))
_REF_CHUNKS = max(6, 5 + max(len(d.split()) for d in demonyms())) + 2
_REF_WINDOW = re.compile(rf"(?:\S+\s+){{0,{_REF_CHUNKS}}}\S*")
_WORD_KINDS: dict[str, int] = {}
for _kind, _words in ((_CUE, CUE_WORDS), (_TIME, TIME_FIRST_WORDS), (_TRIG, TRIGGER_FIRST_WORDS), (_REF, REFERENCE_FIRST_WORDS),
                      (_HEAD, _REF_HEAD_WORDS)):
    for _w in _words:
        _WORD_KINDS[_w] = _WORD_KINDS.get(_w, 0) | _kind
del _kind, _words, _w


PHONE_CUE = re.compile(r"\b(?:(?:tele)?phon(?:e|ed|es)|telephoned|rang|dialled|by\s+phone)\b", _I)
VIDEO_CUE = re.compile(r"\b(?:video|videoconferenc\w*|virtual(?:ly)?|online\s+(?:meeting|summit|talks))\b", _I)
WRITTEN_CUE = re.compile(r"\b(?:letters?|wrote\s+to|written\s+message)\b", _I)
IN_PERSON_CUE = re.compile(r"\b(?:in\s+person|face-to-face|met|meeting|talks|summit|visit|hosted|received|welcomed)\b", _I)

# Characters that match a letter of a case-insensitive expression besides its own two cases
# (Python's regex engine folds them: "İ" and "ı" match "i", the Kelvin sign "k", "ſ" "s").
_CASE_EXTRA = "\u0130\u0131\u212a\u017f"


@cache
def _case_class(ch: str, ignorecase: bool) -> frozenset[str]:
    """The characters the literal ``ch`` matches (under IGNORECASE when ``ignorecase``)."""
    if not ignorecase:
        return frozenset(ch)
    cands = {ch, *_CASE_EXTRA}
    for _ in range(3):
        cands |= {v for c in cands for v in (c.lower(), c.upper(), c.title(), c.casefold()) if len(v) == 1}
    return frozenset(c for c in cands if re.fullmatch(re.escape(ch), c, re.I))


def word_alternation(words: Iterable[str], ignorecase: bool = True) -> str:
    """An expression that matches what ``"|".join(sorted(map(re.escape, words), key=len,
    reverse=True))`` matches, with the same result wherever it is used, written as a tree of
    the words' letters ("a(?:fghan|lbanian|...)|b(?:...)"). Python's regex engine tries the
    branches of an alternation one after another; a long list of words (the demonyms) costs a
    branch per word at every position it is tried, the tree a branch per letter. Under
    IGNORECASE a cased letter is written as the set of characters it matches, with the flag
    off (``(?-i:[Aa])``), so that a branch that cannot match is skipped by its first character.

    Equivalence: the words that match at a position are prefixes of one another, and the
    longest is tried first in both forms (the tree tries a longer continuation before ending a
    word); siblings in the tree begin with disjoint sets of characters, so their order does
    not matter."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            cls = _case_class(ch, ignorecase)
            node = node.setdefault(cls, ({}, ch))[0]
        node[None] = None
    _check_disjoint(root)  # siblings must begin with disjoint characters

    def emit(node: dict) -> str:
        alts = []
        for key, val in node.items():
            if key is None:
                continue
            child, ch = val
            if len(key) == 1:
                atom = re.escape(ch)
            else:
                atom = "(?-i:[" + "".join(re.escape(c) for c in sorted(key)) + "])"
            alts.append(atom + emit(child))
        if None in node and alts:
            alts.append("")
        if len(alts) <= 1:
            return "".join(alts)
        return "(?:" + "|".join(alts) + ")"

    return emit(root)


def _check_disjoint(node: dict) -> None:
    """Raise when two branches of one node of a ``word_alternation`` tree can begin with the
    same character (checked node by node: only siblings compete)."""
    keys = [k for k in node if k is not None]
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if a & b:
                raise ValueError("overlapping letters in word_alternation")
    for k in keys:
        _check_disjoint(node[k][0])


_DEM = word_alternation(demonyms())
_DEM_CASED = word_alternation(demonyms(), ignorecase=False)  # for the case-sensitive expressions
_PNOUN = word_alternation(PERSON_NOUNS)
_TITLE_HEAD = (
    r"(?:foreign\s+minister|prime\s+minister|defen[cs]e\s+minister|minister|president|premier|chancellor|envoy"
    r"|ambassador|secretary|leader|king|queen|emir|prince|sultan|diplomat|official|guest|visitor|host|chief"
    r"|counterpart|spokesman|spokeswoman|spokesperson|general|commissioner|governor|mayor)"
)
REFERENCE = re.compile(
    r"\b(?:"
    rf"(?P<group>(?:the|both|all)\s+(?:two|three|four|pair|trio)\b(?:\s+(?:[\w-]+\s+){{0,2}}?(?:{_PNOUN})\b(?:['’]s?)?|['’]s?|(?=\s+(?:did|had|have|has|were|are|will|would|also|agreed|discussed|met|held|spoke|signed|exchanged|reviewed|issued|then|later|both|each|is|was|should|could|may|must|can|jointly|together)\b|\s*[,.;]))"
    rf"|both\s+(?:[\w-]+\s+){{0,2}}?(?:{_PNOUN})\b|the\s+(?:[\w-]+\s+){{0,3}}?(?:{_PNOUN})\b(?!\s+of\b)"
    # "both" standing alone as a subject ("when both attended the summit")
    r"|both(?=\s+(?:of\s+them\s+)?(?:attended|were|are|had|have|will|would|met|held|visited|travelled|traveled|flew|arrived"
    r"|took|agreed|discussed|spoke|joined|went|signed|called)\b))"
    rf"|(?P<cpart>(?:his|her|their|its)\s+(?:(?P<cdem>{_DEM})(?:\s+and\s+(?:{_DEM}))?\s+)?(?:counterparts?|guests?|hosts?|visitors?|opposite\s+numbers?))"
    rf"|(?P<pdesc>the\s+(?P<pdem>{_DEM})\s+capital)"
    rf"|(?P<desc>the\s+(?:(?P<ddem>{_DEM})\s+)?(?P<dtitle>(?:[a-z-]+\s+){{0,2}}?{_TITLE_HEAD}))\b(?!['’]s|\s+(?:of|for)\b)"
    r"|(?P<fac>(?:the|a)\s+(?P<facname>(?:(?:\w+\.(?:\w+\.)+|[\w’'-]+)\s+){0,3}(?:port|palace|residence|headquarters|airport|hotel|embassy|consulate"
    r"|mausoleum|memorial|museum|compound|village|cathedral|temple|mosque|parliament\s+building|ministry\s+building"
    r"|ministry|chancellery|foreign\s+office|state\s+guest\s*house|guest\s*house|base|cemetery|monument|summit\s+venue"
    r"|shipyard|factory|plant|refinery|dam|mine|camp|terminal|harbou?r|naval\s+base|air\s+base|cosmodrome|spaceport"
    r"|hospital|university|campus|stadium|convention\s+cent(?:re|er)|conference\s+cent(?:re|er)|border\s+crossing"
    r"|mission(?=\s+to\s+(?:the\s+)?(?-i:[A-Z]))"
    # "the front-line city of Kharkiv", "the Black Sea resort of Sochi": only before "of" + a name
    r"|(?:city|town|resort|region|province|island|enclave)(?=\s+of\s+(?-i:[A-Z])))))"
    r"|(?P<pron>he|she|him|his|her|they|them|their|(?-i:I)|me|my)"
    r")\b",
    _I,
)

# A group named by its members' countries: "the foreign ministers of" + a list of places
# (checked by the engine), "the Polish, Lithuanian and Ukrainian foreign ministers".
_GROUP_NOUN = r"(?:ministers|leaders|presidents|premiers|prime\s+ministers|heads\s+of\s+(?:state|government)|envoys|diplomats|representatives|delegates|chiefs|counterparts)"
COUNTRY_GROUP = re.compile(
    r"\b(?:(?:the|his|her|their|its|two|three|four|five|six|several|foreign|defen[cs]e|finance|trade|interior|energy"
    r"|economy|agriculture|health|environment|top|senior|deputy|vice|prime)\s+){0,3}"
    rf"{_GROUP_NOUN}\s+(?:of|from)\s+(?:the\s+)?", _I)
# What every COUNTRY_GROUP match contains ("prime ministers of", "heads of state of" included):
# where it is absent, COUNTRY_GROUP, which tries its modifiers at every word, is not run.
COUNTRY_GROUP_NEED = re.compile(
    word_alternation("ministers leaders presidents premiers heads envoys diplomats representatives delegates chiefs"
                     " counterparts".split()) + r"\s+(?:of|from)\s", _I)
DELEGATION = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<dname>(?:(?:[A-Z][\w’'-]+|{_DEM_CASED})\s+){{1,3}})?(?:(?:high-level|senior|government|military|trade"
    r"|parliamentary|official|large|small)\s+)?(?P<dhead>delegation)\b"
    r"(?P<dfrom>\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)?"
)
LED_BY = re.compile(r"\s*,?\s*(?:led|headed)\s+by\s+", re.I)
THEIR_GROUP = re.compile(rf"\btheir\s+(?:[a-z-]+\s+){{0,2}}?{_GROUP_NOUN}\b", _I)
N_WAY = re.compile(
    r"\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:(?P<n>two|three|four|five|six|\d)[-\s](?:way|nation|country|party|member|sided)"
    r"|(?P<n2>bilateral|trilateral|tripartite|quadrilateral))\s+(?:meeting|summit|talks|consultations|gathering)\b", _I)
DEMONYM_GROUP = re.compile(
    rf"\b(?:the\s+)?(?P<dems>(?:{_DEM_CASED})(?:\s*,\s*(?:{_DEM_CASED}))*,?\s+and\s+(?:{_DEM_CASED}))\s+(?:[a-z-]+\s+){{0,2}}?{_GROUP_NOUN}\b"
)

# Gap patterns (applied to the text between two items, after cleaning).
CONJ_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*as\s+well\s+as|,?\s*together\s+with|,?\s*along\s+with|&)\s*", _I)
REL_CLAUSE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,", _I)
APPOSITION = re.compile(r",\s*(?:the|a|an|his|her|its|their)\s+[^,]{1,150},", _I)
PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# An adverbial aside between commas ("X, on his first trip abroad since the election, laid ..."):
# like an apposition, it separates a subject from its verb.
ASIDE = re.compile(r",\s*(?:on|during|in|at|after|before|while|following|ahead\s+of|fresh\s+from)\s+[^,]{1,60},", _I)
VERB_GAP_FORBID = re.compile(
    r"\b(?:and|or|but|said|says|told|tells|that|which|who|whom|where|when|because|after|before|while|of|in"
    r"|at|from|with|for|by|as|than|if|according|amid|since|until|against|into|during|following|ahead|between"
    r"|among|about|reported|announced|added|urged|asked|criticised|criticized|accused)\b|[;:“”\"]",
    _I,
)
RELATIVE_SUBJECT = re.compile(r"\s*,\s*(?:who|which)\s+(?:[\w'’-]+\s+){0,6}", _I)
OBJECT_GAP = re.compile(r"[\s\[“\"(]*(?:with|to|by)?[\s\[“\"(]*", _I)
BETWEEN_GAP = re.compile(r"\s*between\s*", _I)
PLACE_GAP = re.compile(r"[\s\[“\"(]*(?:(?:the|a|an|its|their|his|her)\s+)?[\s\[“\"(]*", _I)
PLACE_PREP = re.compile(r"\b(?:in|at|to|inside)\s+(?:the\s+)?$", _I)
CLAUSE_BOUNDARY = re.compile(
    r";|\s[—–-]{1,2}\s|,?\s+(?:but|while|whereas|though|although)\s+|:\s"
    # ", and" before a new subject ("X met Y in April, and the two men have since spoken by phone")
    r"|,\s+and\s+(?=(?:he|she|they|we|it|(?:the|both)\s+(?:two\s+|three\s+)?(?:men|women|leaders|ministers|sides"
    r"|countries|presidents|governments|officials))\b)",
    _I,
)
SCOPE_PREP = re.compile(
    r"\b(?:after|before|following|during|ahead\s+of|since|on\s+the\s+sidelines\s+of|at\s+the\s+start\s+of|on|at|of)"
    r"\s+(?:(?:his|her|their|its|the|a|an|this|that|a\s+\w+)\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)
LINK_BEFORE = re.compile(r"(?:\band\s+(?:then\s+|later\s+|also\s+)?|\bto\s+|\bfor\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}|,\s*where\s+|\bthen\s+)$", _I)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+){0,1}$", _I)
SEPARATE = re.compile(r"\bseparate(?:ly)?\b", _I)
NOMINAL_TRIGGER = re.compile(r"^(?:visit|visits|trip|trips|journey|stop|stopover|tour|tours|arrival|meeting|meetings|talks|summit|summits|working|lunch|luncheon|dinner|breakfast)\b", _I)
TITLE_WORD_SET = TITLE_WORDS

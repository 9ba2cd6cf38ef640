"""Topics of a discussion: the noun phrases after "discussed", "talks on", "exchanged views
on", "focused on", "spoke ... about".

``topic_spans(text, start, end)`` reads ``text[start:end]`` (the words right after the trigger
up to the end of the clause) and returns the topic spans: the phrase is cut at a participant
("with X"), a place or time adjunct, a reporting tail (", the ministry said"), and a following
clause ("and agreed to ..."); then split into items at commas, "and" before a determiner or
"as well as". A label is the lower-cased span without a leading article.
"""

from __future__ import annotations

import re

from ...model import PredictedTopic
from .timex import TIME_EXPR

# Where the topic phrase ends (searched from the phrase start).
_STOP = re.compile(
    r"\s+(?:with|during|while|when|whereas|after|before|at\s+(?:a|an|the)\s+\w+\s+(?:meeting|conference|summit|talks)"
    r"|according\s+to|amid|ahead\s+of|on\s+the\s+sidelines|as\s+(?:part|they|he|she|the)|but|which|who|where"
    r"|in\s+(?:a|an|the)\s+(?:phone|telephone|video|call|meeting|statement|conversation)|by\s+(?:phone|telephone|video)"
    r"|and\s+(?:also\s+)?(?:agreed|signed|said|vowed|pledged|called|urged|stressed|expressed|held|met|visited|will|would"
    r"|to|then|later|issued|announced|reaffirmed|underlined|noted|welcomed|discussed|exchanged|reviewed)"
    r"|to\s+(?:discuss|meet|visit|coordinate|prepare)|since|instead|in\s+(?:the\s+)?(?:morning|afternoon|evening))\b"
    r"|\s*[;:()\[\]“”\"]|\s*,\s*(?:as\s+(?!well\b)|(?:the|a|an|his|her|its|their)\s+(?:\w+\s+){0,4}(?:said|says|reported|told|added|announced)"
    r"|(?:[\w’'-]+\s+){0,6}(?:said|says|reported|told|according)|according|while|where|which|who|but|before|after|ahead)\b"
    r"|\.\s|\.$",
    re.I,
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+as\s+well\s+as\s+|\s+and\s+(?=(?:the|a|an|its|their|his|her|possible|potential|joint|bilateral|regional)\b)|\s+including\s+", re.I)
_LEAD = re.compile(r"\s*(?:(?:also|further|again|too|both|then|on|about|over|of|the\s+issues?\s+of|issues\s+such\s+as|matters\s+such\s+as|topics\s+such\s+as|such\s+issues\s+as|a\s+range\s+of\s+issues\s+including)\s+)+", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
# Phrases after "on" that place a meeting rather than name its subject ("a meeting on its
# sidelines", "talks on the margins of the summit", "on the same day").
_NOT_TOPIC = re.compile(
    r"^(?:(?:the|its|their|his|her|that|this)\s+)?(?:sidelines?|margins?|fringes?|side|same\s+day|way|eve|occasion|behalf)\b", re.I)
# Three letters (``[^\W\d]``): found without listing every letter of the piece.
_THREE_LETTERS = re.compile(r"[^\W\d](?:[\s\S]*?[^\W\d]){2}")


_OPEN_QUOTE = re.compile(r"\s*[“\"‘]")
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:with|in|at|on|to|for|of|and|the|by)\s*$", re.I)

def topic_spans(text: str, start: int, end: int, cut: list[tuple[int, int]] = (),
                times: list[tuple[int, int, str]] | None = None) -> list[PredictedTopic]:
    """Topic spans in ``text[start:end]`` (offsets into ``text``), in order.

    ``cut`` lists spans (participants, places) that end the phrase where they begin; ``times``
    the time expressions around (found here when not given), which end it too.

    >>> t = "discussed military cooperation, the war in Ukraine and potential support for X."
    >>> [p.text for p in topic_spans(t, 9, len(t))]
    ['military cooperation', 'the war in Ukraine', 'potential support for X']
    """
    seg_end = end
    q = _OPEN_QUOTE.match(text, start, end)
    if q is not None:  # 'urging both leaders to "exercise maximum restraint"': the quoted words
        start = q.end()
    m = _STOP.search(text, start, end)
    if m:
        seg_end = m.start()
    for cs, _ce in cut:
        if start <= cs < seg_end:
            # "with X" and place adjuncts end the phrase; a trailing preposition goes too.
            seg_end = cs
    if times is None:
        times = [(m.start(), m.end(), m.group(0)) for m in TIME_EXPR.finditer(text, start, seg_end)]
    for ts, te, expr in times:
        if start <= ts and te <= seg_end and expr.strip():
            seg_end = ts
            break
    lead = _LEAD.match(text, start, seg_end)
    pos = lead.end() if lead else start
    while pos < seg_end and text[pos].isspace():
        pos += 1
    segment = text[pos:seg_end]
    segment_stripped = _TRAILING_FUNCTION_WORD.sub("", segment)
    seg_end = pos + len(segment_stripped.rstrip(" ,"))
    out: list[PredictedTopic] = []
    cur = pos
    for sm in list(_SPLIT.finditer(text, pos, seg_end)) + [None]:
        a, b = cur, (sm.start() if sm else seg_end)
        piece = text[a:b].strip(" ,")
        if piece and _THREE_LETTERS.search(piece) and not _NOT_TOPIC.match(piece):
            ps = a + (len(text[a:b]) - len(text[a:b].lstrip(" ,")))
            pe = ps + len(piece)
            label = _ARTICLE.sub("", piece.lower())
            out.append(PredictedTopic(piece, ps, pe, label))
        if sm is None:
            break
        cur = sm.end()
    return out

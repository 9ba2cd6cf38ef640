"""Light text utilities shared by the scorer, the reports and the rule-based extractors:
sentence spans, word tokens and the text normalisation used for argument alignment.

No NLP library is imported here: these run at hundreds of thousands of words per second.
"""

from __future__ import annotations

import re
import unicodedata

from .model import Document, Span

# A sentence ends at . ! or ? (optionally followed by closing quotes or brackets) before
# whitespace and an upper-case letter, a digit or an opening quote; a blank line always ends
# one. Abbreviations such as "Mr." and single initials do not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "sen",
    "rep", "gov", "pres", "st", "no", "vs", "jr", "sr", "inc", "co", "corp", "ltd", "u.s",
    "u.k", "u.n", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "amb", "hon", "rev", "mt", "ft",
}
# Abbreviations that also end sentences ("... talks with the U.S. The ministry said"): they
# end one when the next word is one that opens sentences and never continues a name.
_FINAL_ABBREV = {"u.s", "u.k", "u.n", "inc", "co", "corp", "ltd", "jr", "sr"}
_OPENERS = frozenset(
    "The He She It They We I In On At But And A An This That These Those His Her Their Its Our "
    "There Meanwhile However Earlier Later After Before During Last Next Asked Officials Both "
    "Neither No Such Talks While When Since Separately Also".split()
)
_NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]?(\w+)")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_SPACE = re.compile(r"\s+")


def _line_spans(text: str, start: int, end: int):
    """Split ``text[start:end]`` at line breaks: news paragraphs are lines."""
    pos = start
    for m in _PARAGRAPH.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, whitespace trimmed, offsets into ``text``.

    >>> t = "Mr. Lavrov met Wang Yi. They talked.\\n\\nRead more:"
    >>> [t[s.start:s.end] for s in sentence_spans(t)]
    ['Mr. Lavrov met Wang Yi.', 'They talked.', 'Read more:']
    >>> t = "She flew to the U.S. The trip was short. U.S. Secretary of State Ann Lee met her."
    >>> [t[s.start:s.end] for s in sentence_spans(t)]
    ['She flew to the U.S.', 'The trip was short.', 'U.S. Secretary of State Ann Lee met her.']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for ls, le in _line_spans(text, start, end):
        pos = ls
        for m in _BOUNDARY.finditer(text, ls, le):
            # the word before the stop: the longest run of word characters and dots before it
            # (what ``re.search(r"([\w.]+)[.!?]$", text[pos:m.start() + 1])`` finds as group 1),
            # read backwards from the stop instead of searched for from the sentence start
            k = ws = m.start()
            while ws > pos and ((c := text[ws - 1]).isalnum() or c == "." or c == "_"):
                ws -= 1
            word = text[ws:k] if ws < k else None
            # an abbreviation, or a single-letter initial ("J. K. Rowling"); a number ends a
            # sentence ("on March 5. Talks followed")
            abbrev = word.lower().rstrip(".") if word else ""
            if abbrev in _FINAL_ABBREV:
                nxt = _NEXT_WORD.match(text, m.end(), le)
                if nxt is None or nxt.group(1) not in _OPENERS:
                    continue
            elif word and (abbrev in _ABBREV or (len(word) == 1 and word.isalpha())):
                continue
            spans.append((pos, m.end()))
            pos = m.end()
        spans.append((pos, le))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Span(a, b))
    return out


def document_sentences(doc: Document) -> list[Span]:
    """Sentences of a document's prose (the date prefix excluded)."""
    return sentence_spans(doc.text, doc.body_start)


def sentence_of(spans: list[Span], offset: int) -> Span | None:
    """The sentence span containing ``offset`` (binary search over sorted spans)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo].start <= offset < spans[lo].end:
        return spans[lo]
    return None


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, for token overlap (Dice) and features.

    >>> tokens("The Israel-Hamas conflict's toll")
    ['the', 'israel-hamas', "conflict's", 'toll']
    """
    return [m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text)]


def normalize(text: str) -> str:
    """The normal form used to align predicted argument text with gold names: Unicode NFKC,
    case folded, curly quotes straightened, a leading "the" and a trailing possessive
    dropped, punctuation other than inner hyphens removed, whitespace collapsed.

    >>> normalize("  the Russian Foreign Ministry’s ")
    'russian foreign ministry'
    """
    t = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").strip()
    t = re.sub(r"'s$|'$", "", t)
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"[^\w\s-]", " ", t)
    return _SPACE.sub(" ", t).strip()


def dice(a: list[str], b: list[str]) -> float:
    """Token Dice coefficient with multiplicity: 2|A & B| / (|A| + |B|); 0.0 for two empties.

    >>> dice(["war", "in", "ukraine"], ["ukraine", "war"])
    0.8
    """
    if not a and not b:
        return 0.0
    counts: dict[str, int] = {}
    for t in a:
        counts[t] = counts.get(t, 0) + 1
    common = 0
    for t in b:
        if counts.get(t, 0) > 0:
            counts[t] -= 1
            common += 1
    return 2 * common / (len(a) + len(b))

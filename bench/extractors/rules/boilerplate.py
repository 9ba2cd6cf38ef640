"""Boilerplate that no relation may come from: advertisement markers, "Read more:" link lists,
"follow us" calls, share/subscribe lines, and the dateline that opens a wire story.

``boilerplate_spans(text, start, end)`` returns the out-of-scope spans of ``text[start:end]``.
A "Read more"/"Related" heading takes every following short line (headlines) up to the first
blank-line-separated paragraph that reads like prose again, or the end of the text.
"""

from __future__ import annotations

import re

from ...model import Span

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_MARKER = re.compile(
    r"^\s*(?:advertisement|advertisements|sponsored(?:\s+content)?|(?:scroll|continue)\s+(?:down\s+)?"
    r"(?:to|reading)[^.]*|skip\s+advert\w*|share\s+this(?:\s+\w+)?|subscribe\b.*|sign\s+up\b.*"
    r"|click\s+here\b.*|watch\s*:.*|photo\s*:.*|image\s*:.*|file\s+photo\b.*)\s*$",
    re.I,
)
_FOLLOW = re.compile(r"\b(?:follow\s+(?:us|our)|for\s+all\s+the\s+latest|download\s+(?:our|the)\s+app|join\s+our)\b", re.I)
_LIST_HEAD = re.compile(
    r"^\s*(?:read\s+(?:more|also|next)|related(?:\s+(?:stories|articles|news|coverage|content|reading))?|see\s+also"
    r"|more\s+on\s+this(?:\s+story)?|more\s+(?:stories|news)(?:\s+from\s+[\w ]{1,30})?|also\s+read|recommended(?:\s+(?:stories|reading|for\s+you))?"
    r"|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|further\s+reading|you\s+(?:may|might)\s+also\s+like|top\s+stories)"
    r"\s*[:.]?\s*$", re.I)
_LIST_HEAD_INLINE = re.compile(r"^\s*(?:read\s+(?:more|also)|also\s+read|see\s+also|related)\s*:\s*\S", re.I)
DATELINE = re.compile(
    r"\s*[A-ZÀ-Þ][A-Za-zÀ-ÿ .'’-]{1,40}(?:,\s*[^\n]{0,30}?)?\s*(?:\([^)\n]{1,30}\)\s*)?(?:--|—|–|-|:)\s",
)


def _looks_like_prose(line: str) -> bool:
    """A line of running prose: long, and ending like a sentence."""
    s = line.strip()
    return len(s.split()) >= 18 and s[-1:] in ".\"”’'"


def boilerplate_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Out-of-scope spans of ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    in_list = False
    pos = start
    for m in _LINE.finditer(text, start, end):
        line = m.group(0)
        if not line:
            break
        ls, le = m.start(), m.start() + len(line.rstrip("\n"))
        pos = m.end()
        stripped = line.strip()
        if not stripped:
            continue
        if _LIST_HEAD.match(line) or _LIST_HEAD_INLINE.match(line):
            in_list = True
            spans.append(Span(ls, le))
            continue
        if in_list:
            if _looks_like_prose(line):
                in_list = False
            else:
                spans.append(Span(ls, le))
                continue
        # the word count first (split no further than it needs to): most lines are long prose
        if _MARKER.match(line) or (len(stripped.split(None, 31)) <= 30 and _FOLLOW.search(line)):
            spans.append(Span(ls, le))
        if pos >= end:
            break
    return spans


def dateline_end(text: str, start: int) -> int:
    """Offset after a wire dateline ("BERLIN, March 12 (Wire) -- ") at ``start``, or ``start``."""
    m = DATELINE.match(text, start)
    if not m:
        return start
    head = m.group(0)
    letters = [c for c in head if c.isalpha()]
    if not letters:
        return start
    # The place name must be written in capitals (or be a short "City, date:" head).
    first = re.match(r"\s*([^,(\-–—:]+)", head).group(1).strip()
    if first.isupper() or re.search(r"\d", head):
        return m.end()
    return start

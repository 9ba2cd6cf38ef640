"""Time expressions resolved against the document date.

``resolve(expr, anchor)`` turns "on Monday", "on October 18-19", "in September", "next week",
"last month", "on March 8", "in May 2023" into an ISO 8601 value (a date, a month, a year or a
``start/end`` interval). Weekdays refer to the nearest such day around the anchor: the past
one for past-tense text by default, the coming one when ``future`` is set. ``find_times``
finds the expressions in a text span. The extractors use the resolved value to tell a
planned event (after the document date) from an actual one.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIME_EXPR = re.compile(
    rf"\b(?:(?:on|by|from|until|since)\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|(?:in\s+|early\s+|late\s+|mid-?|last\s+|next\s+|this\s+)?{_MONTH}(?:\s+\d{{4}})?"
    rf"|(?:this\s+|next\s+|last\s+|on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:next|last|this|later\s+this|earlier\s+this)\s+(?:week|month|year|spring|summer|autumn|fall|winter)"
    r"|(?:today|tomorrow|yesterday|tonight)|in\s+\d{4})\b"
)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _nearest_weekday(anchor: dt.date, weekday: int, future: bool) -> dt.date:
    delta = (weekday - anchor.weekday()) % 7
    if future:
        return anchor + dt.timedelta(days=delta)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _month_year(anchor: dt.date, month: int, future: bool | None) -> int:
    """The year of a bare month: the anchor's year, moved by one when the tense says so."""
    if future and month < anchor.month:
        return anchor.year + 1
    if future is False and month > anchor.month:
        return anchor.year - 1
    return anchor.year


@lru_cache(maxsize=4096)
def resolve(expr: str, anchor: dt.date | None, future: bool | None = None) -> str | None:
    """ISO 8601 value of a time expression, or None when it cannot be resolved.

    >>> d = dt.date(2023, 10, 16)  # a Monday
    >>> resolve("on Monday", d), resolve("on October 18-19", d), resolve("in September", d)
    ('2023-10-16', '2023-10-18/2023-10-19', '2023-09')
    >>> resolve("next week", d), resolve("on Thursday", d, future=True)
    ('2023-10-23/2023-10-29', '2023-10-19')
    >>> resolve("last October", d), resolve("last March", d), resolve("next March", d)
    ('2022-10', '2023-03', '2024-03')
    """
    if anchor is None:
        return None
    e = expr.lower().strip().rstrip(".")
    e = re.sub(r"^(?:on|by|from|until|since|in|early|late|mid-?)\s+", "", e)
    if e in ("today", "tonight"):
        return anchor.isoformat()
    if e == "yesterday":
        return (anchor - dt.timedelta(days=1)).isoformat()
    if e == "tomorrow":
        return (anchor + dt.timedelta(days=1)).isoformat()
    m = re.fullmatch(r"(next|last|this|later this|earlier this)\s+(week|month|year|spring|summer|autumn|fall|winter)", e)
    if m:
        rel, unit = m.groups()
        shift = {"next": 1, "last": -1}.get(rel, 0)
        if unit == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
            return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
        if unit == "month":
            y, mo = anchor.year, anchor.month + shift
            y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
            return f"{y:04d}-{mo:02d}"
        if unit == "year":
            return f"{anchor.year + shift:04d}"
        a, b = _SEASON_MONTHS[unit]
        y = anchor.year + shift
        return f"{y:04d}-{a:02d}/{y + (1 if b < a else 0):04d}-{b:02d}"
    m = re.fullmatch(r"(?:(?:this|next|last)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+\w+)?", e)
    if m:
        fut = future if future is not None else e.startswith("next")
        if e.startswith("last"):
            fut = False
        return _nearest_weekday(anchor, WEEKDAYS[m.group(1)], bool(fut)).isoformat()
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:,?\s+(\d{4}))?", e) or None
    if m and m.group(1) in MONTHS:
        mo = MONTHS[m.group(1)]
        y = int(m.group(4)) if m.group(4) else _month_year(anchor, mo, future)
        return _day_range(y, mo, int(m.group(2)), m.group(3))
    m = re.fullmatch(r"(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+([a-z]+)\.?(?:\s+(\d{4}))?", e)
    if m and m.group(3) in MONTHS:
        mo = MONTHS[m.group(3)]
        y = int(m.group(4)) if m.group(4) else _month_year(anchor, mo, future)
        return _day_range(y, mo, int(m.group(1)), m.group(2))
    m = re.fullmatch(r"(?:(last|next|this)\s+)?([a-z]+)\.?(?:\s+(\d{4}))?", e)
    if m and m.group(2) in MONTHS:
        mo = MONTHS[m.group(2)]
        # "last October": the latest past October; "next May": the coming one
        tense = {"last": False, "next": True}.get(m.group(1) or "", future)
        y = int(m.group(3)) if m.group(3) else _month_year(anchor, mo, tense)
        if m.group(1) == "last" and not m.group(3) and mo >= anchor.month:
            y = anchor.year - 1
        if m.group(1) == "next" and not m.group(3) and mo <= anchor.month:
            y = anchor.year + 1
        return f"{y:04d}-{mo:02d}"
    if re.fullmatch(r"\d{4}", e):
        return e
    return None


def _day_range(y: int, mo: int, d1: int, d2: str | None) -> str | None:
    try:
        a = dt.date(y, mo, d1)
        if d2:
            return f"{a.isoformat()}/{dt.date(y, mo, int(d2)).isoformat()}"
        return a.isoformat()
    except ValueError:
        return None


def find_times(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of time expressions in ``text[start:end]``."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in TIME_EXPR.finditer(text, start, end)]


def is_future(value: str | None, anchor: dt.date | None) -> bool | None:
    """Whether a resolved value lies wholly after the anchor (None when unknown)."""
    if value is None or anchor is None:
        return None
    first = value.split("/")[0]
    try:
        if len(first) == 10:
            return dt.date.fromisoformat(first) > anchor
        if len(first) == 7:
            y, m = int(first[:4]), int(first[5:7])
            return (y, m) > (anchor.year, anchor.month)
        if len(first) == 4:
            return int(first) > anchor.year
    except ValueError:
        return None
    return None

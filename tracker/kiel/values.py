"""Kiel's cell values as facts: missing markers, numbers, and dates with their precision."""

from __future__ import annotations

import re
from datetime import date, datetime

MISSING = {"", ".", "..", "-", "n/a", "na", "undisclosed", "unknown", "not specified", "nan", "none"}


def is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING


def number(text: str) -> float | None:
    """'1,000' and ' 14 ' are numbers; '.', 'undisclosed' and empty are missing; anything else raises ValueError."""
    if is_missing(text):
        return None
    return float(text.strip().replace(",", "").replace("\u00a0", ""))


def url(text: str) -> str | None:
    text = text.strip()
    return text if re.fullmatch(r"https?://\S+", text) else None


_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MY = re.compile(r"(\d{1,2})/(\d{4}|\d{2})\b")


def _day(m: re.Match) -> str:
    return date(int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()


def fuzzy_date(text: str) -> tuple[str | None, str]:
    """A Kiel date cell as (our fuzzy date, how it was read), or (None, reason) when it is not a date.

    2022-03-01 00:00:00 or 2022-03-01 -> day; 3/1/2022 -> day (Kiel writes month first);
    "until 2/24/2023" -> ../2023-02-24 (on or before); "unclear, 04/22" -> 2022-04 (month).
    """
    s = text.strip()
    if is_missing(s):
        return None, "no date"
    low = s.lower()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?", s):
            return datetime.fromisoformat(s.replace(" ", "T")).date().isoformat(), "day"
        if m := _MDY.fullmatch(s):
            return _day(m), "day (month/day/year)"
        if low.startswith(("until", "by", "before")) and (m := _MDY.search(s)):
            return "../" + _day(m), "by (on or before)"
        if m := _MDY.search(s):
            return _day(m), "day, read from text"
        if (m := _MY.search(s)) and 1 <= int(m.group(1)) <= 12:
            year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
            return f"{year:04d}-{int(m.group(1)):02d}", "month, read from text"
    except ValueError:
        return None, f"not a calendar date: {s!r}"
    return None, f"not a date: {s!r}"

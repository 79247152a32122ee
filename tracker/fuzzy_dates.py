"""Dates with a precision: 2023-02-14 (day), 2023-02 (month), 2023-Q1 (quarter), 2023 (year).

A date may also be open at its start, ``../2023-02-24`` ("by 2023-02-24", the EDTF notation):
it happened on or before the end of the date written, and nothing says how long before. Kiel's
"until 2/24/2023" entries are of this kind.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from tracker.schema import FUZZY_DATE_PATTERN

FUZZY_DATE = re.compile(FUZZY_DATE_PATTERN)


OPEN_START = "../"


def precision(text: str) -> str:
    if text.startswith(OPEN_START):
        return "by"
    if len(text) == 4:
        return "year"
    if "Q" in text:
        return "quarter"
    return "month" if len(text) == 7 else "day"


def bounds(text: str) -> tuple[date, date]:
    """First and last day the text can mean; raises ValueError when it is not a valid date."""
    if not FUZZY_DATE.fullmatch(text):
        raise ValueError(text)
    if text.startswith(OPEN_START):
        return date.min, bounds(text[len(OPEN_START) :])[1]
    year = int(text[:4])
    kind = precision(text)
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "quarter":
        first_month = (int(text[-1]) - 1) * 3 + 1
        last_month = first_month + 2
        return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
    month = int(text[5:7])
    if kind == "month":
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, int(text[8:10]))  # ValueError for 2023-02-30
    return day, day

"""The synthetic period (2022-01-01 to 2025-12-31) as day numbers, and the text of a date at each
precision the tracker knows: 2023-02-14 (day), 2023-02 (month), 2023-Q1 (quarter), 2023 (year) and
../2023-02-14 (by that day).

A date is handled as (day, precision) in numpy arrays; ``code`` turns it into an index into
``TEXTS`` (every date text of the period, as an Arrow array) and ``latest`` into the last day it
can mean, which is the day it counts from in the tracker's as-of rules.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

FIRST = np.datetime64("2022-01-01")
N_DAYS = int((np.datetime64("2026-01-01") - FIRST).astype(int))  # 1461
DAY, MONTH, QUARTER, YEAR, BY = range(5)

_days = FIRST + np.arange(N_DAYS)
_months = _days.astype("datetime64[M]")
_month_index = (_months - _months[0]).astype(int)  # 0 .. 47
_year_index = _month_index // 12  # 0 .. 3
_quarter_index = _month_index // 3  # 0 .. 15


def _day_number(days: np.ndarray) -> np.ndarray:
    return (days.astype("datetime64[D]") - FIRST).astype(np.int64)


_month_firsts = np.unique(_months)
_month_last_day = _day_number(_month_firsts + 1) - 1  # per month index
PERIOD_END = np.stack(
    [
        np.arange(N_DAYS),  # DAY
        _month_last_day[_month_index],  # MONTH
        _month_last_day[_quarter_index * 3 + 2],  # QUARTER
        _month_last_day[_year_index * 12 + 11],  # YEAR
        np.arange(N_DAYS),  # BY (the day written is the latest)
    ]
)

ISO = np.datetime_as_string(_days)  # "2022-01-01" ...
_years = [str(2022 + y) for y in range(4)]
_texts = (
    list(ISO)
    + list(np.datetime_as_string(_month_firsts))
    + [f"{_years[q // 4]}-Q{q % 4 + 1}" for q in range(16)]
    + _years
    + ["../" + d for d in ISO]
)
_OFFSET = np.array([0, N_DAYS, N_DAYS + 48, N_DAYS + 64, N_DAYS + 68])
_PERIOD_INDEX = np.stack([np.arange(N_DAYS), _month_index, _quarter_index, _year_index, np.arange(N_DAYS)])

TEXTS = pa.array(_texts, pa.string())
ISO_TEXTS = pa.array(list(ISO), pa.string())


def code(day: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """Index into TEXTS of the date written at ``precision`` around ``day``."""
    return (_OFFSET[precision] + _PERIOD_INDEX[precision, day]).astype(np.int32)


def latest(day: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """Last day the date can mean (for BY, the day written)."""
    return PERIOD_END[precision, day]


def text(day: int, precision: int = DAY) -> str:
    return _texts[int(code(np.array([day]), np.array([precision]))[0])]


def day_of(iso: str) -> int:
    return int((np.datetime64(iso) - FIRST).astype(int))


def coarsen(
    rng: np.random.Generator,
    day: np.ndarray,
    next_day: np.ndarray,
    shares: tuple[float, float, float],
    keep_day: np.ndarray | None = None,
) -> np.ndarray:
    """A precision per date: month, quarter or year with the given shares, else day. A coarse date
    is only used when its period ends before ``next_day`` (the next date of the same line), so the
    order of a line's dates and the distinctness of their last days are kept; otherwise the next
    finer precision that does is used."""
    u = rng.random(day.size)
    month, quarter, year = shares
    precision = np.select([u < year, u < year + quarter, u < year + quarter + month], [YEAR, QUARTER, MONTH], DAY)
    if keep_day is not None:
        precision[keep_day] = DAY
    for coarse in (YEAR, QUARTER, MONTH):
        clash = (precision == coarse) & (PERIOD_END[coarse, day] >= next_day)
        precision[clash] = coarse - 1
    return precision.astype(np.int8)


def working_days(first: str, last: str) -> np.ndarray:
    """ECB working days (TARGET2 calendar: no weekends, 1 January, Good Friday, Easter Monday,
    1 May, 25 and 26 December) from ``first`` to ``last`` inclusive, as datetime64[D]."""
    days = np.arange(np.datetime64(first), np.datetime64(last) + 1)
    years = range(int(first[:4]), int(last[:4]) + 1)
    holidays = []
    for year in years:
        easter = _easter(year)
        holidays += [f"{year}-01-01", f"{year}-05-01", f"{year}-12-25", f"{year}-12-26", easter - 2, easter + 1]
    return days[np.is_busday(days, holidays=np.array(holidays, dtype="datetime64[D]"))]


def _easter(year: int) -> np.datetime64:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return np.datetime64(f"{year}-{month:02d}-{day:02d}")

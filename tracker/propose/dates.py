"""Dates in a sentence, resolved against the article's publication date: full dates, a day and a
month, a month, a year, and relative ones (yesterday, on Monday, 「13日」, "am 13.", the same day).

Month and weekday names and the words for yesterday and today are CLDR's (through babel, in
tracker.propose.lexicon). What no library does is resolve a bare weekday or day of the month against
a publication date (dateparser reads 「13日」 as the first of the month and "am Montag" not at all),
so that part is here: a weekday is the last such day on or before publication; a day of the month is
in the month of publication, or the month before when it is after the publication day (that guess is
said: the date keeps its day but the candidate's confidence drops)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.propose.lexicon import Lexicon


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: date | None  # None: a relative date with no publication date to resolve it against
    precision: str  # day, month or year
    doubt: str | None = None  # why the date may be wrong
    quoted: bool = False  # a relative day inside a quotation: the speaker's day, not the publication's
    planned: bool = False  # after "by", "until", "до": a plan's date, not the day of what the text reports


OPENING, CLOSING = "“«„", "”»"


def _in_quotation(text: str, position: int) -> bool:
    """Whether `position` is inside a quotation opened before it in `text`: the last quotation mark before
    it opens one (“…”, «…», „…“, or an odd count of straight quotes)."""
    before = text[:position]
    last = max((before.rfind(c) for c in OPENING + CLOSING), default=-1)
    if last >= 0 and before[last] in OPENING:
        return True
    return before.count('"') % 2 == 1


YEAR = r"(19[5-9]\d|20[0-4]\d)"


YEAR_BEFORE = {
    "en": r"\b(in|by|since|until|from|of|for|early|late|end of|during)\s+$",
    "uk": r"(\bу|\bв|\bдо|\bз|\bвід|\bна|\bпротягом)\s+$",
    "ru": r"(\bв|\bдо|\bс|\bк|\bна|\bв течение)\s+$",
    "de": r"\b(im|in|bis|seit|ab|von|Jahr|Ende|Anfang)\s+$",
    "fr": r"\b(en|d'ici|depuis|jusqu'en|fin|début)\s+$",
    "pl": r"\b(w|do|od|roku|końca)\s+$",
    "ja": r"$^",
}
YEAR_AFTER = r"\s*(року|году|г\.|roku|r\.|year|Jahr|年)"


def _month_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _before(published: date | None, value: date | None, year_given: bool) -> date | None:
    """A day and month without a year: in the publication's year, or the year before when that
    would be after publication."""
    if value is None or year_given or published is None:
        return value
    if value > published:
        return _month_day(value.year - 1, value.month, value.day)
    return value


def _period(published: date, unit: str, offset: int) -> tuple[date, str] | None:
    """The month of "this month" or "last month" as a date of month precision; of "this week" or "last week" too,
    when its days up to publication lie in one month, else its year; None when they span two years."""
    if unit == "month":
        first = published.replace(day=1)
        for _ in range(-offset):
            first = (first - timedelta(days=1)).replace(day=1)
        return first, "month"
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    last = min(monday + timedelta(days=6), published)
    if (monday.year, monday.month) == (last.year, last.month):
        return monday.replace(day=1), "month"
    return (date(monday.year, 1, 1), "year") if monday.year == last.year else None


def find(text: str, lex: Lexicon, published: date | None, same_day: date | None = None) -> list[FoundDate]:
    """Every date of `text`, in order, without overlaps (a full date wins over its parts)."""
    found: list[FoundDate] = []
    year_now = published.year if published else None

    def add(m_start: int, m_end: int, value: date | None, precision: str, doubt: str | None = None, quoted: bool = False) -> None:
        if not any(f.start < m_end and m_start < f.end for f in found):
            found.append(FoundDate(m_start, m_end, value, precision, doubt, quoted))

    for m in re.finditer(rf"(?<!\d){YEAR}-(\d\d)-(\d\d)(?!\d)", text):
        add(m.start(), m.end(), _month_day(int(m[1]), int(m[2]), int(m[3])), "day")
    for m in re.finditer(rf"(?<![\d.])(\d{{1,2}})\.(\d{{1,2}})\.{YEAR}(?!\d)", text):
        add(m.start(), m.end(), _month_day(int(m[3]), int(m[2]), int(m[1])), "day")
    if lex.lang == "ja":
        for m in re.finditer(rf"{YEAR}年(\d{{1,2}})月(\d{{1,2}})日", text):
            add(m.start(), m.end(), _month_day(int(m[1]), int(m[2]), int(m[3])), "day")
        for m in re.finditer(r"(?<![\d年])(\d{1,2})月(\d{1,2})日", text):
            value = _month_day(year_now, int(m[1]), int(m[2])) if year_now else None
            add(m.start(), m.end(), _before(published, value, False), "day")
        for m in re.finditer(rf"{YEAR}年(\d{{1,2}})月(?!\d)", text):
            add(m.start(), m.end(), _month_day(int(m[1]), int(m[2]), 1), "month")
        for m in re.finditer(rf"{YEAR}年(?![\d度])", text):
            add(m.start(), m.end(), date(int(m[1]), 1, 1), "year")
    for pattern, month in lex.months:
        for m in pattern.finditer(text):
            before = re.search(r"(\d{1,2})\.?\s*$", text[max(0, m.start() - 6) : m.start()])
            after_day = re.match(r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text[m.end() :])
            year = re.match(rf",?\s+(?:(\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?{YEAR}", text[m.end() :])
            start, end = m.start(), m.end()
            day = None
            if before:
                day, start = int(before[1]), m.start() - len(before[0]) + (len(before[0]) - len(before[0].lstrip()))
            elif after_day and lex.lang == "en":
                day, end = int(after_day[1]), m.end() + after_day.end()
            year_value = None
            if year:
                year_value = int(year[2])
                if year[1] and day is None:
                    day = int(year[1])
                end = m.end() + year.end()
            if day is not None:
                value = _month_day(year_value or year_now or 1, month, day) if (year_value or year_now) else None
                add(start, end, _before(published, value, year_value is not None), "day")
            elif year_value:
                add(start, end, date(year_value, month, 1), "month")
            elif year_now and published and date(year_now, month, 1) <= published:
                # a month without its year, not after the publication's: this year's ("in March" written in
                # February is a plan, not a date of what the text reports, and is left out)
                add(start, end, date(year_now, month, 1), "month", "a month without its year")
    # a bare year only where words make it one ("in 2023", "у 2023 році"): "2000 протитанкових ракет" is a number
    for m in re.finditer(rf"(?<![\d.,-]){YEAR}(?![\d.,-]|年度)", text):
        ahead, behind = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 8]
        if re.search(YEAR_BEFORE.get(lex.lang, YEAR_BEFORE["en"]), ahead, re.IGNORECASE) or re.match(
            YEAR_AFTER, behind, re.IGNORECASE
        ):
            add(m.start(), m.end(), date(int(m[1]), 1, 1), "year")
    for pattern, offset in lex.relative_days:
        for m in pattern.finditer(text):
            value = published + timedelta(days=offset) if published else None
            add(m.start(), m.end(), value, "day", quoted=_in_quotation(text, m.start()))
    for pattern, unit, offset in lex.relative_periods:
        for m in pattern.finditer(text):
            period = _period(published, unit, offset) if published else None
            if period is not None:
                add(m.start(), m.end(), *period)
    same = lex.cues.get("same_day")
    if same:
        for m in same.finditer(text):
            add(m.start(), m.end(), same_day, "day", None if same_day else "'the same day' with no date before it")
    for pattern, weekday in lex.weekdays:
        for m in pattern.finditer(text):
            if published is None:
                add(m.start(), m.end(), None, "day")
                continue
            back = (published.weekday() - weekday) % 7
            add(m.start(), m.end(), published - timedelta(days=back), "day")
    ordinal = lex.cues.get("ordinal_day")
    if ordinal:
        for m in ordinal.finditer(text):
            day = int(next(g for g in m.groups() if g))
            if published is None:
                add(m.start(), m.end(), None, "day")
                continue
            value, doubt = _month_day(published.year, published.month, day), None
            if value is None or value > published:
                last_month = (published.replace(day=1) - timedelta(days=1)).replace(day=1)
                value = _month_day(
                    last_month.year, last_month.month, min(day, calendar.monthrange(last_month.year, last_month.month)[1])
                )
                doubt = "a day of the month after the publication day, taken as last month's"
            add(m.start(), m.end(), value, "day", doubt)
    deadline = lex.cues.get("deadline")
    if deadline:
        found = [replace(f, planned=bool(deadline.search(text[max(0, f.start - 30) : f.start]))) for f in found]
    return sorted(found, key=lambda f: f.start)

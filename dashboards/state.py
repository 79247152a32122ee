"""The view state of a page as URL query parameters: parsed leniently, written canonically."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode

# Filters every page obeys, in the order they appear in a URL.
SHARED = ("as_of", "donor", "category", "family", "start", "end")
DATES = ("as_of", "start", "end")
MAX_TEXT = 200  # longer than any code, name or useful search; a longer value is cut, never an error
MAX_DONORS = 60
DONOR_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,11}")


def one(value) -> str:
    """A parameter as one printable text: the last of repeated values (`?family=a&family=b` is b, as
    `parse_qsl` reads a callback's URL), control characters and lone surrogates dropped, cut at MAX_TEXT."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    if value is None:
        return ""
    text = "".join(ch for ch in str(value)[: MAX_TEXT * 4] if unicodedata.category(ch) not in ("Cc", "Cs"))
    return text.strip()[:MAX_TEXT]


def _date(text) -> date | None:
    text = one(text)
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _codes(text) -> tuple[str, ...]:
    """Donor codes from `DEU,POL`; anything that cannot be a code is left out."""
    items = one(text).upper().split(",")
    return tuple(sorted({i.strip() for i in items if DONOR_CODE.fullmatch(i.strip())}))[:MAX_DONORS]


@dataclass(frozen=True)
class ViewState:
    as_of: date
    donors: tuple[str, ...] = ()
    category: str | None = None
    family: str | None = None
    start: date | None = None
    end: date | None = None
    extra: dict = field(default_factory=dict)  # page-specific: focus, measure, meeting, programme, table

    def params(self, **overrides) -> dict:
        """Query parameters for the SQL of dashboards/sql/ (dates as ISO text, donors as a list)."""
        values = {
            "as_of": self.as_of.isoformat(),
            "donors": list(self.donors),
            "category": self.category,
            "family": self.family,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }
        values.update(overrides)
        return values

    def search(self, **page_values) -> str:
        """The canonical query string of this state plus the page's own values (measure, focus ...)."""
        return to_search(
            {
                "as_of": self.as_of,
                "donor": self.donors,
                "category": self.category,
                "family": self.family,
                "start": self.start,
                "end": self.end,
                **page_values,
            }
        )

    def with_(self, **changes) -> ViewState:
        return replace(self, **changes)


def parse(query: dict, default_as_of: date) -> ViewState:
    """Read a page's query parameters; anything unreadable falls back to its default, never an error."""
    start, end = _date(query.get("start")), _date(query.get("end"))
    if start and end and start > end:
        start, end = end, start
    extra = {one(k): one(v) for k, v in query.items() if k not in SHARED and one(v)}
    return ViewState(
        as_of=_date(query.get("as_of")) or default_as_of,
        donors=_codes(query.get("donor")),
        category=one(query.get("category")) or None,
        family=one(query.get("family")) or None,
        start=start,
        end=end,
        extra=extra,
    )


def to_search(values: dict) -> str:
    """A canonical query string: shared filters first in a fixed order, empty values left out."""
    ordered = [k for k in SHARED if k in values] + sorted(k for k in values if k not in SHARED)
    pairs = []
    for key in ordered:
        value = values[key]
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        if value in (None, ""):
            continue
        pairs.append((key, str(value)[:10] if key in DATES else str(value)))  # a date picker may add a time
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def shared_search(search: str | None) -> str:
    """The part of a query string that carries over when moving to another page."""
    query = dict(parse_qsl((search or "").lstrip("?")))
    return to_search({k: v for k, v in query.items() if k in SHARED})

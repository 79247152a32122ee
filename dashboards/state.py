"""The view state of a page as URL query parameters: parsed leniently, written canonically."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode

# Filters every page obeys, in the order they appear in a URL.
SHARED = ("as_of", "donor", "category", "family", "start", "end")
DATES = ("as_of", "start", "end")


def _date(text) -> date | None:
    try:
        return date.fromisoformat(str(text).strip()[:10]) if text else None
    except ValueError:
        return None


def _codes(text) -> tuple[str, ...]:
    if not text:
        return ()
    items = text if isinstance(text, (list, tuple)) else str(text).split(",")
    return tuple(sorted({str(i).strip().upper() for i in items if str(i).strip()}))


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
    extra = {k: str(v) for k, v in query.items() if k not in SHARED and v not in (None, "")}
    return ViewState(
        as_of=_date(query.get("as_of")) or default_as_of,
        donors=_codes(query.get("donor")),
        category=(query.get("category") or None),
        family=(query.get("family") or None),
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

"""Find Kiel's columns by name, whatever a release has done to the header.

Kiel's main sheet changes between releases: columns are renamed ("No. of Units" becomes
"Number of units"), reordered, padded with spaces, and blank columns come and go. A column is
found by comparing normalised names: case, spacing and punctuation do not count, and each
field accepts several names. Nothing is matched by position.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from tracker.problems import UserError

# field -> (required, accepted names). The first name is the one in the 2024 releases.
FIELDS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "kiel_id": (True, ("ID", "Aid ID", "Package ID")),
    "donor": (True, ("Countries", "Country", "Donor", "Donor country")),
    "announced": (True, ("Announcement Date", "Date of announcement", "Announcement", "Date")),
    "aid_type": (True, ("Type of Aid General", "Aid type general", "Type of aid")),
    "item": (True, ("Items", "Item", "Item name")),
    "item_type": (True, ("Type of Item", "Item type")),
    "sub_type": (False, ("Sub-type of item", "Subtype of item", "Item sub-type", "Sub type")),
    "units": (True, ("No. of Units", "Number of units", "Units", "Quantity")),
    "delivered": (
        False,
        (
            "No. of Units Delivered (in-kind military aid)",
            "No. of units delivered",
            "Number of units delivered",
            "Units delivered",
            "Delivered units",
        ),
    ),
    "currency": (False, ("Original Currency", "Currency")),
    "value_given": (False, ("Monetary Value as Given by Source", "Value as given by source")),
    "unit_price_usd": (False, ("Unit Price in USD", "Unit price (USD)")),
    "value_eur": (False, ("Converted Value in EUR", "Value in EUR", "Converted value (EUR)")),
    "source_1": (True, ("Source of Aid 1", "Source 1", "Source")),
    "source_2": (False, ("Source of Aid 2", "Source 2")),
    "source_3": (False, ("Source of Aid 3", "Source 3")),
    "source_4": (False, ("Source of Aid 4", "Source 4")),
    "delivery_source": (False, ("Source for Delivery", "Delivery source", "Source of delivery")),
    "retrieved": (False, ("retrieved", "Retrieved at")),
}

SIMILAR_ENOUGH = 0.88


def normalise(name: str) -> str:
    """'No. of Units ' and 'no of units' compare equal; '(in-kind ...)' and punctuation do not count."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def is_blank(name: str) -> bool:
    return not normalise(name) or re.fullmatch(r"unnamed \d+", normalise(name)) is not None


@dataclass(frozen=True)
class Match:
    field: str
    header: str  # the column name as the file writes it
    how: str  # exact, renamed (known other name) or similar (close spelling)


def match_columns(headers: list[str], file: str) -> list[Match]:
    """One Match per field found; raises UserError naming the required fields not found."""
    by_norm: dict[str, str] = {}
    for h in headers:
        if not is_blank(h):
            by_norm.setdefault(normalise(h), h)
    matches: list[Match] = []
    taken: set[str] = set()
    # exact and known names first, for every field, so that a close spelling never steals a column
    for field, (_, names) in FIELDS.items():
        for i, name in enumerate(names):
            header = by_norm.get(normalise(name))
            if header is not None and header not in taken:
                matches.append(Match(field, header, "exact" if i == 0 and header == name else "renamed"))
                taken.add(header)
                break
    found = {m.field for m in matches}
    for field, (_, names) in FIELDS.items():
        if field in found:
            continue
        free = [n for n, h in by_norm.items() if h not in taken]
        best = max(
            ((difflib.SequenceMatcher(None, normalise(name), n).ratio(), n) for name in names for n in free), default=(0.0, "")
        )
        if best[0] >= SIMILAR_ENOUGH:
            header = by_norm[best[1]]
            matches.append(Match(field, header, "similar"))
            taken.add(header)
    found = {m.field for m in matches}
    missing = [
        f"{field} ({' / '.join(repr(n) for n in FIELDS[field][1][:2])})"
        for field, (required, _) in FIELDS.items()
        if required and field not in found
    ]
    if missing:
        seen = ", ".join(repr(h) for h in headers if not is_blank(h))
        raise UserError(f"{file}: no column found for {'; '.join(missing)}; the header has {seen}")
    return matches

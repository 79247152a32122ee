"""What the importer found worth a human look: never fixed silently, always listed for review."""

from __future__ import annotations

from dataclasses import dataclass

# kind -> heading in the review report, in the order the report lists them
KINDS = {
    "suspicious_date": "Suspicious dates",
    "outside_range": "Dates outside the range imported",
    "before_invasion": "Dates before the invasion of 2022-02-24",
    "after_release": "Dates after the release itself",
    "fractional_units": "Fractional units (split joint pledges), not imported",
    "delivered_above_committed": "Delivered above committed",
    "curated_differs": "Lines we keep by hand that Kiel counts differently",
    "possible_duplicate": "New lines beside a curated line of the same family",
    "curated_deliveries_exceed": "Dated deliveries above Kiel's delivered count",
    "unknown_donor": "Donors not in data/donors.csv",
    "unmapped_item": "Items in neither crosswalk (data/kiel_items.csv, data/kiel_sub_types.csv)",
    "left_out": "Military rows left out, with the reason",
    "package_covered": "Kiel packages counted by a money line we keep by hand",
    "unreadable": "Cells that could not be read",
    "id_mismatch": "Package ids that do not match the donor",
    "undisclosed": "Undisclosed quantities",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    row: int | None  # row in the release file (header counted), None for a line-level finding
    kiel_id: str
    donor: str
    item: str
    message: str
    line_id: str = ""

"""What a click shows: the rows behind a point or bar, each with its source link."""

from __future__ import annotations

from dash import html

from dashboards import components as ui

CHANGE_COLUMNS = [
    ("kind", "Row"),
    ("donor", "Donor"),
    ("system", "System"),
    ("date", "Date"),
    ("what", "What"),
    ("quantity", "Units (line total after an event; handed over for a delivery)"),
    ("source", "Source"),
]
LINE_COLUMNS = [
    ("system_name", "System"),
    ("unit", "Counted in"),
    ("committed", "Committed"),
    ("delivered", "Delivered"),
    ("outstanding", "Outstanding"),
    ("first_announced", "First announced"),
    ("first_delivery", "First delivery"),
    ("days_to_first_delivery", "Days to first delivery"),
    ("days_to_full_delivery", "Days to full delivery"),
    ("value_eur", "Value (EUR)"),
    ("source", "Source of the latest commitment"),
]
CLAIM_COLUMNS = [
    ("claimant", "Claimant"),
    ("date", "Date"),
    ("measure", "Measure"),
    ("qualifier", "Qualifier"),
    ("claimed", "Claimed"),
    ("itemised", "Sum of individual pledges then"),
    ("source", "Source"),
]


def changes(state, day: str, since: str | None = None) -> html.Div:
    """What changed on `day`, or from `since` to `day` for a point of a thinned step chart."""
    since = since if since and since != day else None
    rows = ui.database().rows("changes_on_day", day=day, since=since or day, **state.params())
    return html.Div(
        [
            html.H3(f"What changed from {since} to {day}" if since else f"What changed on {day}"),
            ui.table(
                rows,
                CHANGE_COLUMNS,
                table_id="details-rows",
                empty="Nothing changed then: this point carries the totals to the as-of date.",
            ),
        ]
    )


MAX_DONOR_LINES = 100  # a donor with thousands of lines would send megabytes nobody reads; the Data page has them all


def donor_lines(state, title: str | None = None) -> html.Div:
    rows = ui.database().rows("donor_lines", **state.params(limit=MAX_DONOR_LINES))  # largest committed first
    count = rows[0]["matching"] if rows else 0
    names = ", ".join(sorted({r["donor_name"] for r in rows})) or ", ".join(state.donors)
    return html.Div(
        [
            html.H3(title or f"Pledge lines of {names} as known on {state.as_of.isoformat()}"),
            html.P(
                f"The {MAX_DONOR_LINES:,} largest of {count:,} lines; the Data page lists every event and delivery.",
                className="hint",
            )
            if count > MAX_DONOR_LINES
            else None,
            ui.table(rows, LINE_COLUMNS, table_id="details-rows"),
        ]
    )


def claim(state, claim_id: str) -> html.Div:
    rows = ui.database().rows("claims", claim=claim_id, **state.params())
    return html.Div(
        [
            html.H3("Coalition claim (never added to the itemised total)"),
            ui.table(rows, CLAIM_COLUMNS, table_id="details-rows"),
        ]
    )

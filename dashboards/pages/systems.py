"""Systems: one system family (Leopard 2 by default) or category, per donor over time, against coalition claims."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, callback, html

from dashboards import components as ui
from dashboards import figures, panels
from dashboards.safety import clicked

dash.register_page(__name__, path="/systems", name="Systems", title="Systems · Military aid to Ukraine", order=1)

DEFAULT_FAMILY = "leopard-2"
LINE_COLUMNS = [
    ("donor_name", "Donor"),
    ("system_name", "System"),
    ("committed", "Committed"),
    ("delivered", "Delivered"),
    ("delivered_possible", "May have arrived"),
    ("outstanding", "Outstanding"),
    ("first_announced", "First announced"),
    ("last_event", "Latest event"),
    ("last_event_date", "on"),
    ("source", "Source of the latest event"),
]


TOP_DONORS = 10  # drawn one by one; the others are summed into one series
MAX_LINES = 50  # rows of the lines table (a family of the shipped data has at most 24, a category 44); more make a slow page at 10^6 events


def focus(state):
    """The Systems page shows one family; with neither a family nor a category chosen, Leopard 2."""
    if state.family or state.category:
        return state
    return state.with_(family=DEFAULT_FAMILY)


def scope_name(state, opts) -> str:
    if state.family:
        names = {o["value"]: o["label"] for o in opts["family"]}
        return names.get(state.family, state.family)
    return ui.category_label(state.category)


def layout(**query):
    asked, opts = ui.page_state(query)
    state = focus(asked)
    db = ui.database()
    params = state.params()
    # Claims are about system families: a category view has none to draw.
    claimed = {"claims": ("frame", "claims", dict(claim=None, **params))} if state.family else {}
    got = db.gather(
        steps=("frame", "steps", dict(top=TOP_DONORS, points=figures.STEP_POINTS, **params)),
        totals=("frame", "steps_total", dict(points=figures.STEP_POINTS, **params)),
        lines=("rows", "system_lines", state.params(limit=MAX_LINES)),  # largest committed first
        refusals=("frame", "refusals", params),
        counts=("rows", "headline", params),
        **claimed,
    )
    steps, totals, refusals, shown_lines = got["steps"], got["totals"], got["refusals"], got["lines"]
    claims = got.get("claims", pd.DataFrame())
    listed = shown_lines[0]["matching"] if shown_lines else 0
    counts = got["counts"][0]
    name = scope_name(state, opts)
    return html.Div(
        [
            html.H1(f"Systems: {name}"),
            ui.filter_bar(asked, opts, family_placeholder="Leopard 2 unless a category is chosen"),
            html.Div(
                [
                    ui.headline(
                        "units committed",
                        f"{counts['units_committed']:,.0f}",
                        "sum of individual pledge lines",
                        element_id="systems-committed",
                    ),
                    ui.headline(
                        "units delivered",
                        f"{counts['units_delivered']:,.0f}",
                        ui.delivered_note(counts),
                        element_id="systems-delivered",
                    ),
                    ui.headline("donors", f"{counts['donors']:,}", element_id="systems-donors"),
                    ui.headline(
                        "coalition claims", f"{len(claims):,}", "drawn as diamonds, never added", element_id="systems-claims"
                    ),
                ],
                className="headlines",
            ),
            ui.graph(
                "systems-steps",
                figures.donor_steps(
                    steps, totals, claims, name, state.as_of, state.start, state.end, refusals, ui.donor_order(opts)
                ),
            ),
            ui.details("systems-details", "Click a point to see the announcements and deliveries behind it, with their sources."),
            html.H2(f"Pledge lines as known on {state.as_of.isoformat()}"),
            html.P(
                f"The {MAX_LINES:,} largest of {listed:,} lines; the Data page lists every event and delivery.",
                className="hint",
            )
            if listed > MAX_LINES
            else None,
            ui.table(shown_lines, LINE_COLUMNS, table_id="systems-lines"),
            ui.footer(),
        ]
    )


@callback(
    Output("systems-details", "children"),
    Input("systems-steps", "clickData"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def show_rows(click, search):
    """A donor's point: what changed for that donor that day. A diamond: the coalition claim."""
    if not click:
        return dash.no_update
    state = focus(ui.state_from_search(search))
    span = clicked(click, 3, empty_first=True)  # donor, day and the first day of the span the point stands for
    pair, single = span or clicked(click, 2, empty_first=True), clicked(click, 1)
    if pair is None:
        return (
            panels.claim(state, single[0])
            if single
            else html.P("That click could not be read: click a point of the chart again.", className="hint")
        )
    donor, day = pair[0], pair[1][:10]
    return panels.changes(state.with_(donors=(donor,)) if donor else state, day, span[2][:10] if span else None)

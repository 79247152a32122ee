"""Training: programmes on a timeline, planned against actual, coarse dates drawn as such; linked pledge lines."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, html

from dashboards import components as ui
from dashboards import figures
from dashboards.safety import clicked

dash.register_page(__name__, path="/training", name="Training", title="Training · Military aid to Ukraine", order=3)

PROGRAMME_COLUMNS = [
    ("name", "Programme"),
    ("system_family_name", "System family"),
    ("host_country", "Host"),
    ("lead", "Lead"),
    ("start", "Start"),
    ("planned_end", "Planned end"),
    ("actual_end", "Actual end"),
    ("status", "Status"),
    ("trainees_planned", "Trainees planned"),
    ("trainees_trained", "Trainees trained"),
    ("source", "Source"),
]
LINKED_COLUMNS = [
    ("donor_name", "Donor"),
    ("system_name", "System"),
    ("committed", "Committed"),
    ("delivered", "Delivered"),
    ("source", "Source of the latest commitment"),
]


CHARTED = 40  # programmes drawn at most: each is a row of bars with its name above (64 px)
LISTED = 100  # programmes listed at most: rows of components are what a page at 10^6 events spends its time on


def layout(**query):
    state, opts = ui.page_state(query)
    programmes = ui.database().frame("training", programme=None, **state.params())
    return html.Div(
        [
            html.H1("Training"),
            ui.filter_bar(state, opts),
            html.P(
                "The donor filter matches the host country or the lead nation. A hatched stretch is the "
                "period in which a date known only to the month, quarter or year falls.",
                className="hint",
            ),
            html.P(
                f"The chart shows the {CHARTED} programmes that started last of {len(programmes):,}.",
                className="hint",
            )
            if len(programmes) > CHARTED
            else None,
            ui.graph("training-timeline", figures.training_timeline(programmes.tail(CHARTED), state.as_of)),
            ui.details(
                "training-details", "Click a bar to see the programme, its source and the pledge lines it prepares crews for."
            ),
            html.H2("Programmes"),
            html.P(
                f"The {LISTED} programmes that started last of {len(programmes):,}; `tracker export` writes them all.",
                className="hint",
            )
            if len(programmes) > LISTED
            else None,
            ui.table(programmes.tail(LISTED).to_dict("records"), PROGRAMME_COLUMNS, table_id="training-table"),
            ui.footer(),
        ]
    )


@callback(
    Output("training-details", "children"),
    Input("training-timeline", "clickData"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def show_programme(click, search):
    """A clicked programme: what it is, where its facts come from, and the pledge lines it serves."""
    if not click:
        return dash.no_update
    state = ui.state_from_search(search)
    picked = clicked(click)
    return (
        programme_panel(state, picked[0])
        if picked
        else html.P("That click could not be read: click a point of the chart again.", className="hint")
    )


def programme_panel(state, programme_id: str) -> html.Div:
    db = ui.database()
    found = db.rows("training", programme=programme_id, **state.params(start=None, end=None, donors=[], family=None))
    if not found:
        return html.P(f"{programme_id}: not known on {state.as_of.isoformat()}.", className="hint")
    p = found[0]
    lines = db.rows("training_lines", as_of=state.as_of.isoformat(), programme=programme_id)
    return html.Div(
        [
            html.H3(p["name"]),
            html.P(p["purpose"] or ""),
            html.P(
                f"Start {p['start']}; planned end {p['planned_end'] or 'not stated'}; "
                f"actual end {p['actual_end'] or 'not yet known'}; status {p['status']}."
            ),
            html.P(["Source: ", ui.link(p["source_title"] or p["source_id"], p["source_url"])]),
            html.H4("Pledge lines this programme prepares crews for"),
            ui.table(lines, LINKED_COLUMNS, table_id="details-rows", empty="No pledge line is linked to this programme."),
        ]
    )

"""Meetings: donor meetings on a timeline; one meeting's outcome and the commitments announced at it."""

from __future__ import annotations

import dash
from dash import Input, Output, callback, dcc, html

from dashboards import components as ui
from dashboards import figures
from dashboards.safety import clicked

dash.register_page(__name__, path="/meetings", name="Meetings", title="Meetings · Military aid to Ukraine", order=4)

MEETING_COLUMNS = [
    ("meeting_id", "Meeting"),
    ("date", "Date"),
    ("place", "Place"),
    ("format", "Format"),
    ("participant_count", "Countries"),
    ("linked", "Commitments linked"),
    ("value_eur_announced", "EUR announced"),
    ("outcome", "Outcome"),
    ("source", "Source"),
]
COMMITMENT_COLUMNS = [
    ("donor", "Donor"),
    ("system", "System"),
    ("unit", "Counted in"),
    ("date", "Date"),
    ("event_type", "Event"),
    ("committed_before", "Committed before"),
    ("committed_after", "Committed after"),
    ("source", "Source"),
]


def layout(**query):
    state, opts = ui.page_state(query)
    meetings = ui.database().frame("meetings", **state.params())
    meetings["linked"] = [linked_text(r) for r in meetings.itertuples()]
    chosen = state.extra.get("meeting")
    choices = [{"label": f"{r.meeting_id} · {r.date} · {r.place}", "value": r.meeting_id} for r in meetings.itertuples()]
    picker = html.Label(
        [
            html.Span("Meeting", className="filter-label"),
            dcc.Dropdown(
                id={"type": "filter", "name": "meeting"},
                options=choices,
                value=chosen,
                placeholder="click a meeting on the timeline",
                clearable=True,
            ),
        ],
        className="filter filter-wide",
    )
    return html.Div(
        [
            html.H1("Meetings"),
            ui.filter_bar(state, opts, extra=[picker], shown={"meeting": chosen}),
            ui.graph("meetings-timeline", figures.meetings_timeline(meetings, state.as_of)),
            html.Div(
                meeting_panel(meetings, chosen)
                if chosen
                else html.P(
                    "Click a meeting, or pick one, to see its outcome and the commitments announced at it.", className="hint"
                ),
                id="meetings-details",
                className="details",
            ),
            html.H2(f"Meetings held by {state.as_of.isoformat()}"),
            ui.table(meetings.to_dict("records"), MEETING_COLUMNS, table_id="meetings-table"),
            ui.footer(),
        ]
    )


def linked_text(r) -> str:
    """What the record links to a meeting, in words; a meeting with nothing linked says so."""
    if not r.events:
        return "none recorded"
    events = f"{r.events} commitment{'s' if r.events != 1 else ''} on {r.lines} line{'s' if r.lines != 1 else ''}"
    return events + (f" ({r.units_added:,.0f} units)" if r.units_added else "")


def meeting_panel(meetings, meeting_id: str) -> html.Div:
    found = meetings[meetings["meeting_id"] == meeting_id]
    if found.empty:
        return html.P(f"{meeting_id}: not held by the as-of date, or outside the date range.", className="hint")
    m = found.iloc[0]
    rows = ui.database().rows("meeting_commitments", meeting=meeting_id)
    return html.Div(
        [
            html.H3(f"{m['meeting_id']}: {m['place']}, {m['date']}"),
            html.P(m["outcome"] or "No outcome is recorded for this meeting."),
            html.P(
                [
                    f"Chair: {m['chair'] or 'not recorded'}. Source: ",
                    ui.link(m["source_title"] or m["source_id"], m["source_url"]),
                ]
            ),
            html.H4("Commitments announced at this meeting"),
            ui.table(
                rows,
                COMMITMENT_COLUMNS,
                table_id="details-rows",
                empty="None recorded: no commitment event in the record is linked to this meeting.",
            ),
        ]
    )


@callback(
    Output({"type": "filter", "name": "meeting"}, "value"),
    Input("meetings-timeline", "clickData"),
    prevent_initial_call=True,
)
def pick_clicked(click):
    """A click on a meeting picks it; the URL then records it."""
    picked = clicked(click)
    return picked[0] if picked else dash.no_update

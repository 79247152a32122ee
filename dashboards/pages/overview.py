"""Overview: headline figures, cumulative committed and delivered over time, top donors."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, html

from dashboards import components as ui
from dashboards import figures, panels
from dashboards.safety import clicked

dash.register_page(__name__, path="/", name="Overview", title="Overview · Military aid to Ukraine", order=0)


def scope_text(state, opts) -> str:
    """The filters in words for a chart's subtitle: names, not codes."""
    families = {o["value"]: o["label"] for o in opts["family"]}
    donors = {o["value"]: o["label"] for o in opts["donor"]}
    parts = [
        ui.category_label(state.category),
        families.get(state.family, state.family or ""),
        ", ".join(donors.get(d, d) for d in state.donors),
    ]
    return " · ".join(p for p in parts if p) or "all donors and systems"


def headline_figures(state) -> dict:
    return ui.database().rows("headline", **state.params())[0]  # counts and unit sums are never NULL


def eur_text(value) -> str:
    return figures.eur_text(value) if value is not None else "none valued"


DEFAULT_CATEGORY = "main_battle_tank"  # the cumulative chart counts one category: tanks unless another is chosen


def chart_state(state):
    """Units are only added within one category: the cumulative chart shows the chosen category or
    family, and main battle tanks when neither is chosen."""
    return state if (state.category or state.family) else state.with_(category=DEFAULT_CATEGORY)


def unit_headlines(state, h) -> list:
    """Units committed and delivered, only when the view is one category or family."""
    if not (state.category or state.family):
        return []
    return [
        ui.headline("units committed", f"{h['units_committed']:,.0f}", element_id="overview-committed"),
        ui.headline("units delivered", f"{h['units_delivered']:,.0f}", ui.delivered_note(h), element_id="overview-delivered"),
    ]


def layout(**query):
    state, opts = ui.page_state(query)
    db = ui.database()
    h = headline_figures(state)
    charted = chart_state(state)
    steps = db.frame("steps_total", points=figures.STEP_POINTS, **charted.params())
    ranking = db.frame("donor_ranking", **state.params())
    releases = db.frame("undated_delivery_days", **charted.params())
    categories = db.frame("category_counts", **state.params())
    estimated_note = (
        f"{h['lines_estimated']} lines valued at unit prices; {h['lines_unvalued']} lines without a value"
        if h["eur_committed"] is not None
        else "no line has a value yet"
    )
    return html.Div(
        [
            html.H1("Overview"),
            ui.filter_bar(state, opts),
            html.Div(
                [
                    ui.headline(
                        "EUR committed, stated",
                        eur_text(h["eur_stated"]),
                        "values announced by donors, at the ECB rate of their day",
                        element_id="overview-eur",
                    ),
                    ui.headline(
                        "EUR estimated from unit prices",
                        eur_text(h["eur_estimated"]),
                        estimated_note,
                        element_id="overview-eur-estimated",
                    ),
                    ui.headline("donors with pledges", f"{h['donors']:,}", element_id="overview-donors"),
                    ui.headline("pledge lines", f"{h['pledge_lines']:,}", "one donor, one system", element_id="overview-lines"),
                ]
                + unit_headlines(state, h),
                className="headlines",
                id="overview-headlines",
            ),
            html.Div(
                [
                    ui.graph("overview-categories", figures.category_counts(categories, state.as_of, ui.CATEGORY_LABELS)),
                    ui.graph("overview-top-donors", figures.ranking(ranking, "eur", state.as_of)),
                ],
                className="grid-2",
            ),
            ui.graph(
                "overview-cumulative",
                figures.cumulative(steps, state.as_of, scope_text(charted, opts), state.start, state.end, releases),
            ),
            html.P(
                "A delivery counts as certain once its date has passed: one dated to a month at the month's end, one "
                "known only as 'by' a day (a running total, or a Kiel release without dates) on that day. Before then "
                "it may have arrived: the shaded band. A dotted line marks a day on which many such undated units count at once.",
                className="hint",
            ),
            ui.details("overview-details", "Click a point or a bar to see the rows and sources behind it."),
            ui.footer(),
        ]
    )


@callback(
    Output("overview-details", "children"),
    Input("overview-cumulative", "clickData"),
    Input("overview-top-donors", "clickData"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def show_rows(cumulative_click, donor_click, search):
    """The rows behind a clicked point: what changed that day, or a donor's lines."""
    state = ui.state_from_search(search)
    triggered = dash.ctx.triggered_id
    if triggered == "overview-cumulative" and cumulative_click:
        picked = clicked(cumulative_click, 2) or clicked(cumulative_click)  # the day, and its span's first day
        return (
            panels.changes(chart_state(state), picked[0][:10], picked[1][:10] if len(picked) > 1 else None)
            if picked
            else html.P("That click could not be read: click a point of the chart again.", className="hint")
        )
    if triggered == "overview-top-donors" and donor_click:
        picked = clicked(donor_click)
        return (
            panels.donor_lines(state.with_(donors=(picked[0],)))
            if picked
            else html.P("That click could not be read: click a point of the chart again.", className="hint")
        )
    return dash.no_update

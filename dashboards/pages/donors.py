"""Donors: a world map and a ranking (units, EUR, share of GDP); one donor's lines, outstanding units and lags."""

from __future__ import annotations

import dash
from dash import Input, Output, callback, dcc, html

from dashboards import components as ui
from dashboards import figures, panels
from dashboards.safety import clicked

dash.register_page(__name__, path="/donors", name="Donors", title="Donors · Military aid to Ukraine", order=2)

MEASURE_OPTIONS = [
    {"label": "EUR committed", "value": "eur"},
    {"label": "Share of GDP", "value": "gdp"},
    {"label": "Units committed (one category or family)", "value": "units"},
]
RANK_COLUMNS = [
    ("donor_name", "Donor"),
    ("value_eur", "Value (EUR)"),
    ("value_eur_stated", "of which stated"),
    ("value_eur_estimated", "of which estimated"),
    ("share_of_gdp_pct", "Share of GDP"),
    ("pledge_lines", "Pledge lines"),
    ("gdp_year", "GDP year"),
]
UNIT_COLUMNS = [
    ("units_committed", "Units committed"),
    ("units_delivered", "Units delivered"),
    ("units_delivered_possible", "May have arrived"),
]


def layout(**query):
    state, opts = ui.page_state(query)
    measure = state.extra.get("measure") if state.extra.get("measure") in figures.MEASURES else "eur"
    one_kind = bool(state.category or state.family)
    if measure == "units" and not one_kind:
        measure = "eur"  # units of different categories are never added: units need a category or family
    focus = (state.extra.get("focus") or "").upper() or None
    db = ui.database()
    ranking = db.frame("donor_ranking", **state.params())
    ranking["share_of_gdp_pct"] = [f"{v * 100:.2f} %" if v == v and v is not None else "" for v in ranking["share_of_gdp"]]
    columns = RANK_COLUMNS[:1] + UNIT_COLUMNS + RANK_COLUMNS[1:] if one_kind else RANK_COLUMNS
    picker = html.Label(
        [
            html.Span("Measure", className="filter-label"),
            dcc.RadioItems(
                id={"type": "filter", "name": "measure"},
                options=[dict(o, disabled=o["value"] == "units" and not one_kind) for o in MEASURE_OPTIONS],
                value=measure,
                inline=True,
            ),
        ],
        className="filter",
    )
    focus_picker = html.Label(
        [
            html.Span("One donor", className="filter-label"),
            dcc.Dropdown(
                id={"type": "filter", "name": "focus"},
                options=opts["donor"],
                value=focus,
                placeholder="click the map or a bar",
                clearable=True,
            ),
        ],
        className="filter",
    )
    detail = (
        panels.donor_lines(
            state.with_(donors=(focus,)),
            f"{dict((o['value'], o['label']) for o in opts['donor']).get(focus, focus)}: "
            f"pledge lines, outstanding units and delivery lags as known on {state.as_of.isoformat()}",
        )
        if focus
        else html.P("Pick a donor, or click one on the map or in the ranking.", className="hint")
    )
    return html.Div(
        [
            html.H1("Donors"),
            ui.filter_bar(state, opts, extra=[picker, focus_picker], shown={"measure": measure, "focus": focus}),
            html.Div(
                [
                    ui.graph("donors-map", figures.world_map(ranking, measure, state.as_of)),
                    ui.graph("donors-ranking", figures.ranking(ranking, measure, state.as_of)),
                ],
                className="grid-2",
            ),
            html.Div(detail, id="donors-details", className="details"),
            html.H2("All donors"),
            ui.table(ranking.to_dict("records"), columns, table_id="donors-table"),
            html.P(
                "Values in EUR: a stated value converted at the ECB reference rate of its announcement day, "
                "otherwise committed units times a unit price (an estimate). GDP: World Bank, current US$, "
                f"year {gdp_years(ranking)}, in EUR.",
                className="hint",
            ),
            ui.footer(),
        ]
    )


def gdp_years(ranking) -> str:
    years = sorted({int(y) for y in ranking["gdp_year"].dropna()}) if "gdp_year" in ranking else []
    return ", ".join(str(y) for y in years) or "not available"


@callback(
    Output({"type": "filter", "name": "focus"}, "value"),
    Input("donors-map", "clickData"),
    Input("donors-ranking", "clickData"),
    prevent_initial_call=True,
)
def focus_on_clicked(map_click, bar_click):
    """A click on a country or a bar picks that donor; the URL then records it."""
    click = map_click if dash.ctx.triggered_id == "donors-map" else bar_click
    picked = clicked(click)
    return picked[0] if picked else dash.no_update

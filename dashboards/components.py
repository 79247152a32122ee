"""Pieces every page shares: the shell with navigation, the filter bar, headline cards, tables, the footer."""

from __future__ import annotations

import numbers
from datetime import date
from urllib.parse import parse_qsl

import dash
from dash import dcc, html
from flask import current_app

from dashboards.db import Database
from dashboards.safety import safe_url
from dashboards.state import ViewState, parse

PAGES = (
    ("/", "Overview"),
    ("/systems", "Systems"),
    ("/donors", "Donors"),
    ("/training", "Training"),
    ("/meetings", "Meetings"),
    ("/data", "Data"),
)
LICENCE = "Data: CC BY 4.0 · Code: MIT"
GRAPH_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    # no upload of a chart to Plotly's cloud (the Content-Security-Policy would block it anyway)
    "modeBarButtonsToRemove": ["sendChartToCloud"],
    # Country outlines are served by the app itself: the map draws with no internet access.
    "topojsonURL": "/assets/topojson/",
}
CATEGORY_LABELS = {
    "main_battle_tank": "Main battle tanks",
    "infantry_fighting_vehicle": "Infantry fighting vehicles",
    "armoured_personnel_carrier": "Armoured personnel carriers",
    "other_armoured_vehicle": "Other armoured vehicles",
    "self_propelled_artillery": "Self-propelled artillery",
    "towed_artillery": "Towed artillery",
    "multiple_rocket_launcher": "Multiple rocket launchers",
    "air_defence": "Air defence",
    "radar": "Radars",
    "combat_aircraft": "Combat aircraft",
    "helicopter": "Helicopters",
    "anti_ship": "Anti-ship systems",
    "engineering_vehicle": "Engineering vehicles",
    "mortar": "Mortars",
    "drone": "Drones",
    "ship": "Ships",
}


def database() -> Database:
    return current_app.config["TRACKER_DATABASE"]


def category_label(category: str | None) -> str:
    if not category:
        return ""
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())


def donor_order(opts: dict) -> list[str]:
    """Every donor with pledge lines in the record, whatever the view: the fixed donor-to-colour map."""
    return [o["value"] for o in opts["donor"]]


def options() -> dict:
    """Filter choices and the record's first and last day, read fresh on every page visit."""
    by_kind: dict[str, list[dict]] = {}
    for row in database().rows("options"):  # rows, not a frame: pandas' grouping cost 10 ms at 10^6 events
        by_kind.setdefault(row["kind"], []).append({"label": row["label"], "value": row["value"]})
    last = by_kind["last_day"][0]["value"] if "last_day" in by_kind else None
    first = by_kind["first_day"][0]["value"] if "first_day" in by_kind else None
    categories = [{"label": category_label(o["value"]), "value": o["value"]} for o in by_kind.get("category", [])]
    return {
        "donor": by_kind.get("donor", []),
        "category": sorted(categories, key=lambda o: o["label"]),
        "family": by_kind.get("family", []),
        "first_day": date.fromisoformat(first) if first else date(2022, 1, 1),
        "last_day": date.fromisoformat(last) if last else date.today(),
    }


def page_state(query: dict) -> tuple[ViewState, dict]:
    opts = options()
    return parse(query, opts["last_day"]), opts


def state_from_search(search: str | None) -> ViewState:
    """The view state of the page a callback serves, from the URL's query string."""
    return parse(dict(parse_qsl((search or "").lstrip("?"))), options()["last_day"])


def shell() -> html.Div:
    """The frame around every page: title, navigation (links keep the shared filters), page content."""
    return html.Div(
        [
            html.Header(
                [
                    html.Div(
                        [
                            html.Span("Military aid to Ukraine", className="brand-title"),
                            html.Span(
                                "commitments, deliveries, training and meetings, each with its source", className="brand-sub"
                            ),
                        ],
                        className="brand",
                    ),
                    html.Nav(
                        [
                            dcc.Link(label, href=path, id={"type": "nav", "page": label.lower()}, className="nav-link")
                            for path, label in PAGES
                        ],
                        className="nav",
                    ),
                ],
                className="top",
            ),
            html.Main(dash.page_container, className="content"),
        ],
        className="app",
    )


def _date_picker(name: str, value: date | None, label: str, opts: dict, clearable: bool) -> html.Label:
    return html.Label(
        [
            html.Span(label, className="filter-label"),
            dcc.DatePickerSingle(
                id={"type": "filter-date", "name": name},
                date=value.isoformat() if value else None,
                min_date_allowed=date(2014, 1, 1).isoformat(),
                max_date_allowed=date(date.today().year + 1, 12, 31).isoformat(),
                initial_visible_month=(value or opts["last_day"]).isoformat(),
                display_format="YYYY-MM-DD",
                clearable=clearable,
                placeholder="any",
            ),
        ],
        className="filter",
    )


def _dropdown(name: str, value, label: str, choices: list, multi: bool = False, placeholder: str = "all") -> html.Label:
    return html.Label(
        [
            html.Span(label, className="filter-label"),
            dcc.Dropdown(
                id={"type": "filter", "name": name},
                options=choices,
                value=value,
                multi=multi,
                placeholder=placeholder,
                clearable=True,
            ),
        ],
        className="filter filter-wide" if multi else "filter",
    )


def _with_unknown(choices: list, values) -> list:
    """Keep a value from the URL that has no pledge lines selectable, so the link is not rewritten."""
    known = {o["value"] for o in choices}
    values = values if isinstance(values, (list, tuple)) else [values] if values else []
    return choices + [{"label": f"{v} (no pledge lines)", "value": v} for v in values if v not in known]


def filter_bar(
    state: ViewState, opts: dict, extra: list | None = None, shown: dict | None = None, family_placeholder: str = "all"
) -> html.Div:
    """The as-of date and the filters every page obeys; each change is written into the URL.

    `shown` holds the values of the page's own controls in `extra`. The store `page-search` records
    the query string that the controls show as rendered, so that the values a control reports when
    it mounts are not taken for a change (which would push a new history entry and trap Back).
    """
    return html.Div(
        [
            dcc.Store(id="page-search", data=state.search(**(shown or {}))),
            html.Div(
                [
                    _date_picker("as_of", state.as_of, "As known on", opts, clearable=False),
                    _dropdown("donor", list(state.donors), "Donors", _with_unknown(opts["donor"], state.donors), multi=True),
                    _dropdown("category", state.category, "Category", _with_unknown(opts["category"], state.category)),
                    _dropdown(
                        "family",
                        state.family,
                        "System family",
                        _with_unknown(opts["family"], state.family),
                        placeholder=family_placeholder,
                    ),
                    _date_picker("start", state.start, "From", opts, clearable=True),
                    _date_picker("end", state.end, "To", opts, clearable=True),
                ]
                + (extra or []),
                className="filters",
            ),
            html.P(
                f"Every figure counts only what had been announced or delivered by the as-of date "
                f"(the record runs from {opts['first_day'].isoformat()} to {opts['last_day'].isoformat()}). "
                "From and To narrow the time axes and the rows listed; the totals stay those of the as-of date.",
                className="hint",
            ),
        ],
        className="filter-bar",
    )


def headline(label: str, value: str, note: str = "", element_id: str | None = None) -> html.Div:
    return html.Div(
        [
            html.Div(value, className="headline-value", id=element_id)
            if element_id
            else html.Div(value, className="headline-value"),
            html.Div(label, className="headline-label"),
            html.Div(note, className="headline-note") if note else None,
        ],
        className="headline",
    )


def link(text, url) -> html.Span | html.A:
    """A link only for an http(s) URL; anything else is shown as plain text."""
    target = safe_url(url)
    if target is None:
        return html.Span(text or "")
    return html.A(text or target, href=target, target="_blank", rel="noopener noreferrer")


def delivered_note(h: dict) -> str:
    """Certain deliveries as a share of committed, and how many more may have arrived by then (dated
    only to a month, or known only as delivered by a later day): a headline never reads those as 0."""
    parts = [f"{h['units_delivered'] / h['units_committed']:.0%} of committed, certainly"] if h["units_committed"] else []
    if h["units_delivered_possible"] > h["units_delivered"]:
        parts.append(f"up to {h['units_delivered_possible']:,.0f} may have arrived")
    return "; ".join(parts)


CODE_COLUMNS = {"format", "event_type", "status", "qualifier", "measure", "value_basis", "last_event"}
DONOR_COLUMNS = {"host_country", "lead", "country"}
COUNTED = {"units", "items", "rounds", "missiles"}  # any other unit of a line is a currency
QUANTITY_COLUMNS = {"committed", "delivered", "outstanding", "committed_before", "committed_after", "quantity"}
EUR_COLUMNS = {"value_eur", "value_eur_stated", "value_eur_estimated", "value_eur_announced", "counted_eur"}


def code_label(code: str) -> str:
    """A code as words: in_person -> In person."""
    return code.replace("_", " ").capitalize() if code else ""


def donor_names() -> dict:
    """Donor codes to names (XEU -> EU institutions), for tables that hold codes."""
    return {o["value"]: o["label"] for o in options()["donor"]}


def table(rows: list[dict], columns: list[tuple[str, str]], table_id: str | None = None, empty: str = "No rows.") -> html.Div:
    """A plain HTML table of labels, not codes; a column named `source` renders source_title as a
    link to source_url. Wider than a phone, it scrolls sideways and says so."""
    if not rows:
        return html.P(empty, className="empty")
    names = donor_names() if any(key in DONOR_COLUMNS for key, _ in columns) else {}
    head = html.Thead(html.Tr([html.Th(label) for _, label in columns]))
    body = []
    for row in rows:
        cells = []
        for key, _ in columns:
            value = row.get(key)
            if key == "source":
                cells.append(html.Td(link(row.get("source_title") or row.get("source_id"), row.get("source_url"))))
            elif key in EUR_COLUMNS:
                cells.append(html.Td(eur_cell(value), className="number"))
            elif key in QUANTITY_COLUMNS and isinstance(row.get("unit"), str) and row["unit"] not in COUNTED:
                cells.append(html.Td(eur_cell(value, row["unit"]), className="number"))  # money: USD 1.2 bn
            elif key in CODE_COLUMNS and isinstance(value, str):
                cells.append(html.Td(code_label(value)))
            elif key in DONOR_COLUMNS and isinstance(value, str):
                cells.append(html.Td(names.get(value, value)))
            else:
                cells.append(html.Td(format_cell(value)))
        body.append(html.Tr(cells))
    props = {"id": table_id} if table_id else {}
    return html.Div(
        [
            html.Div("Scroll sideways for more columns →", className="scroll-hint"),
            html.Div(html.Table([head, html.Tbody(body)], className="rows", **props), className="table-wrap", tabIndex="0"),
        ],
        className="table-block",
    )


def eur_cell(value, currency: str = "EUR") -> str:
    if value is None or format_cell(value) == "":
        return ""
    from dashboards.figures import eur_text

    return eur_text(float(value), currency)


def format_cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}" if abs(int(value)) >= 10000 else str(int(value))  # 56,000 trainees; 2021 stays a year
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() or abs(value) >= 100 else f"{value:,.2f}"
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def graph(graph_id: str, figure) -> dcc.Graph:
    return dcc.Graph(id=graph_id, figure=figure, config=GRAPH_CONFIG)


def footer() -> html.Footer:
    """Where the numbers come from: the data version, the licence and the sources."""
    info = database().rows("build_info")
    if info:
        b = info[0]
        commit = (b["git_commit"] or "unknown")[:10] + (" (with uncommitted changes)" if b["git_dirty"] else "")
        version = f"Data version: commit {commit}, built {str(b['built_at_utc'])[:16]} UTC, schema {b['schema_version']}"
    else:
        version = "Data version: unknown"
    return html.Footer(
        [
            html.Span(version, id="footer-version"),
            html.Span(" · "),
            html.Span(LICENCE),
            html.Span(" · "),
            dcc.Link("Sources: every row links to its own", href="/data?table=sources"),
        ],
        className="footer",
    )


def details(element_id: str, prompt: str) -> html.Div:
    return html.Div(html.P(prompt, className="hint"), id=element_id, className="details")

"""Data: every commitment event, delivery and source, searchable and filterable, downloadable as CSV."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
from dash import ALL, Input, Output, State, callback, dcc, html

from dashboards import components as ui
from dashboards.downloads import csv_text
from dashboards.safety import file_name, like_pattern, markdown_link
from dashboards.url_state import search_for

dash.register_page(__name__, path="/data", name="Data", title="Data · Military aid to Ukraine", order=5)

TABLES = {
    "events": (
        "data_events",
        "Commitment events",
        [
            ("date", "Date"),
            ("donor_name", "Donor"),
            ("system_name", "System"),
            ("event_type", "Event"),
            ("committed", "Committed (line total after)"),
            ("meeting_id", "Meeting"),
            ("source", "Source"),
            ("event_id", "Event id"),
        ],
    ),
    "deliveries": (
        "data_deliveries",
        "Deliveries",
        [
            ("date", "Date"),
            ("donor_name", "Donor"),
            ("system_name", "System"),
            ("quantity", "Quantity"),
            ("origin", "Origin"),
            ("source", "Source"),
            ("delivery_id", "Delivery id"),
        ],
    ),
    "sources": (
        "data_sources",
        "Sources",
        [
            ("source_id", "Source id"),
            ("publisher", "Publisher"),
            ("source", "Title"),
            ("published", "Published"),
            ("language", "Language"),
            ("reliability", "Reliability"),
            ("rows_citing", "Rows citing it"),
        ],
    ),
}


MAX_ROWS = 2000  # sent to the browser at most (every table of the shipped data fits); the grid stays quick and the page small


def rows_for(table: str, state, search: str = "", limit: int = MAX_ROWS) -> tuple[list[dict], int]:
    """The first ``limit`` rows of one table for the page's filters and search text, and how many
    match in all; `source` is a Markdown link, only for http(s) URLs."""
    query, _, _ = TABLES[table]
    pattern = like_pattern(search) if search else ""
    rows = ui.database().rows(query, **state.params(q=pattern, limit=limit))  # dates as text, missing values as None
    matching = rows[0]["matching"] if rows else 0
    for row in rows:
        row["source"] = markdown_link(row["source_title"] or row["source_id"], row["source_url"])
    return rows, matching


def column_defs(columns) -> list[dict]:
    defs = []
    for key, label in columns:
        spec = {"field": key, "headerName": label}
        if key == "source":
            # Cells hold Markdown links built by safety.markdown_link: http(s) only, no raw HTML.
            spec.update(cellRenderer="markdown", linkTarget="_blank", minWidth=260, flex=2)
        elif key in ("committed", "quantity", "rows_citing"):
            spec.update(cellDataType="number", filter="agNumberColumnFilter", type="numericColumn", maxWidth=170)
        else:
            # Dates are text on purpose: "2023-03" or "../2024-08-06" are valid dates of the record that
            # the grid's date type would show as blank.
            spec.update(cellDataType="text")
            if key in ("date", "published"):
                spec.update(wrapText=False, minWidth=125)  # a date broken over two lines reads as two values
        defs.append(spec)
    return defs


def table_of(state) -> str:
    return state.extra.get("table") if state.extra.get("table") in TABLES else "events"


def layout(**query):
    state, opts = ui.page_state(query)
    table = table_of(state)
    search = state.extra.get("q", "")
    _, title, columns = TABLES[table]
    rows, matching = rows_for(table, state, search)
    shown = (
        f"{matching:,} rows match the filters and the search"
        if len(rows) == matching
        else f"{matching:,} rows match the filters and the search; the first {len(rows):,} by date are shown "
        f"(narrow the filters, or `tracker export` writes every row)"
    )
    picker = html.Label(
        [
            html.Span("Table", className="filter-label"),
            dcc.RadioItems(
                id={"type": "filter", "name": "table"},
                value=table,
                inline=True,
                options=[{"label": t[1], "value": k} for k, t in TABLES.items()],
            ),
        ],
        className="filter",
    )
    searcher = html.Label(
        [
            html.Span("Search all columns", className="filter-label"),
            dcc.Input(
                id={"type": "filter", "name": "q"},
                value=search,
                type="search",
                debounce=True,
                placeholder="e.g. Leopard, bundesregierung, udcg-09",
                className="search",
            ),
        ],
        className="filter filter-wide",
    )
    return html.Div(
        [
            html.H1("Data"),
            ui.filter_bar(state, opts, extra=[picker, searcher], shown={"table": table, "q": search}),
            html.P(
                f"{title}: {shown}. Each column's own filter (the row under its header) narrows them further, and "
                "the count at the grid's foot follows. Click a "
                "header to sort. The download holds the rows the grid shows. A source title in [brackets] is our own "
                "description of the page, where its own title was not in the material.",
                className="hint",
                id="data-count",
            ),
            html.Button("Download the rows shown (CSV)", id="data-download-button", className="button"),
            dcc.Download(id="data-download"),
            html.Div(id="data-message", role="status"),  # where a failed download says so (safety.callback_error)
            dag.AgGrid(
                id="data-table",
                rowData=rows,
                columnDefs=column_defs(columns),
                defaultColDef={
                    "sortable": True,
                    "filter": True,
                    "floatingFilter": True,
                    "resizable": True,
                    "wrapText": True,
                    "autoHeight": True,
                    "flex": 1,
                    "minWidth": 110,
                },
                dashGridOptions={
                    "pagination": True,
                    "paginationPageSize": 25,
                    "paginationPageSizeSelector": [25, 50, 100],
                    "animateRows": False,
                },
                style={"height": "760px"},
                className="ag-theme-alpine",
            ),
            ui.footer(),
        ]
    )


def download_name(table: str, state, search: str) -> str:
    """`ukraine-aid-events-as-of-2023-02-14-donor-DEU-family-leopard-2-search-iris.csv`: the page, the
    as-of date and every filter, so that two downloads of different views never share a name."""
    parts = ["ukraine-aid", table, "as-of", state.as_of.isoformat()]
    filters = (
        ("donor", state.donors),
        ("category", state.category),
        ("family", state.family),
        ("from", state.start and state.start.isoformat()),
        ("to", state.end and state.end.isoformat()),
        ("search", search),
    )
    for label, value in filters:
        if value:
            parts += [label, value]
    return file_name(*parts)


@callback(
    Output("data-download", "data"),
    Input("data-download-button", "n_clicks"),
    State("data-table", "virtualRowData"),
    State({"type": "filter", "name": ALL}, "id"),
    State({"type": "filter", "name": ALL}, "value"),
    State({"type": "filter-date", "name": ALL}, "id"),
    State({"type": "filter-date", "name": ALL}, "date"),
    State("page-search", "data"),
    prevent_initial_call=True,
)
def download(n_clicks, shown_rows, ids, values, date_ids, dates, rendered):
    """The rows the grid shows (after its own filters and sort) as CSV, safe to open in a spreadsheet.

    A search typed and not yet applied (the click on this button is what ends the typing) and a
    filter changed a moment before are applied here too: when the controls differ from the view the
    grid was built for, the rows are those of the view the controls describe, as the page will show.
    """
    if not n_clicks:
        return dash.no_update
    names = [i["name"] for i in ids or [] if isinstance(i, dict)]
    date_names = [i["name"] for i in date_ids or [] if isinstance(i, dict)]
    changed = search_for(names, list(values or []), date_names, list(dates or []), rendered)
    state = ui.state_from_search(rendered if changed is None else changed)
    table, search = table_of(state), state.extra.get("q", "")
    keys = [key for key, _ in TABLES[table][2]]
    grid_is_current = changed is None and isinstance(shown_rows, list) and all(isinstance(r, dict) for r in shown_rows)
    rows = shown_rows if grid_is_current else rows_for(table, state, search)[0]
    return dcc.send_string(csv_text(rows, keys), download_name(table, state, search))

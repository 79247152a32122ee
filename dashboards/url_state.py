"""Keeping the page state in the URL: filter changes rewrite the query string, navigation keeps the shared filters."""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, callback

from dashboards.components import PAGES
from dashboards.state import shared_search, to_search


def search_for(names: list[str], values: list, date_names: list[str], dates: list, rendered: str | None) -> str | None:
    """The query string for the filter values now on the page, or None when nothing changed.

    `rendered` is the query string the controls showed when the page was built (the `page-search`
    store): a control reporting its value as it mounts is not a change. Parameters the page has no
    control for are dropped: the URL holds exactly what the page shows.
    """
    wanted = dict(zip(date_names, dates)) | dict(zip(names, values))
    search = to_search(wanted)
    return None if search == (rendered or "") else search


@callback(
    Output("_pages_location", "search"),
    Input({"type": "filter", "name": ALL}, "value"),
    Input({"type": "filter-date", "name": ALL}, "date"),
    State("page-search", "data"),
    prevent_initial_call=True,
)
def filters_to_url(values, dates, rendered):
    names = [item["id"]["name"] for item in dash.ctx.inputs_list[0]]
    date_names = [item["id"]["name"] for item in dash.ctx.inputs_list[1]]
    search = search_for(names, values, date_names, dates, rendered)
    return dash.no_update if search is None else search


def nav_hrefs(search: str | None) -> list[str]:
    """Links to every page carrying the shared filters (as-of date, donors, category, family, range)."""
    carried = shared_search(search)
    return [path + carried for path, _ in PAGES]


@callback(
    Output({"type": "nav", "page": ALL}, "href"),
    Input("_pages_location", "search"),
)
def update_nav(search):
    return nav_hrefs(search)

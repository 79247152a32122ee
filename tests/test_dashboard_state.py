"""URL state, link safety and CSV downloads: the parts of the dashboard that need no database."""

from __future__ import annotations

import csv
import io
from datetime import date

from dashboards.downloads import csv_text
from dashboards.safety import markdown_link, neutralise_cell, safe_url
from dashboards.state import parse, shared_search, to_search
from dashboards.url_state import nav_hrefs, search_for

DEFAULT = date(2024, 8, 6)


def test_query_parsed_leniently():
    state = parse(
        {
            "as_of": "2023-02-14",
            "donor": "pol,DEU,,deu",
            "family": "leopard-2",
            "start": "2023-06-01",
            "end": "2023-01-01",
            "focus": "DEU",
        },
        DEFAULT,
    )
    assert state.as_of == date(2023, 2, 14)
    assert state.donors == ("DEU", "POL")
    assert (state.start, state.end) == (date(2023, 1, 1), date(2023, 6, 1))  # swapped into order
    assert state.extra == {"focus": "DEU"}
    bad = parse({"as_of": "14.02.2023", "start": "soon"}, DEFAULT)
    assert bad.as_of == DEFAULT and bad.start is None
    assert state.params()["donors"] == ["DEU", "POL"] and state.params()["as_of"] == "2023-02-14"


def test_search_is_canonical():
    assert (
        to_search(
            {"family": "leopard-2", "as_of": "2023-02-14T00:00:00", "donor": ["DEU", "POL"], "category": None, "measure": "gdp"}
        )
        == "?as_of=2023-02-14&donor=DEU,POL&family=leopard-2&measure=gdp"
    )
    assert to_search({"donor": []}) == ""


def test_filter_change_rewrites_url_only_when_it_differs_from_what_was_rendered():
    names, values = ["donor", "category", "family", "focus"], [["POL"], None, "leopard-2", None]
    dates = ["as_of", "start", "end"], ["2023-03-31T00:00:00", None, None]
    search = search_for(names, values, *dates, "?as_of=2023-02-14")
    assert search == "?as_of=2023-03-31&donor=POL&family=leopard-2"
    # The values the controls report as they mount are the ones rendered: no new history entry.
    assert search_for(names, values, *dates, "?as_of=2023-03-31&donor=POL&family=leopard-2") is None


def test_navigation_keeps_shared_filters_only():
    assert shared_search("?as_of=2023-02-14&focus=DEU&donor=DEU") == "?as_of=2023-02-14&donor=DEU"
    hrefs = nav_hrefs("?as_of=2023-02-14&meeting=udcg-09")
    assert hrefs[0] == "/?as_of=2023-02-14" and hrefs[1] == "/systems?as_of=2023-02-14" and len(hrefs) == 6


def test_only_http_links():
    assert safe_url("https://www.bundesregierung.de/x") == "https://www.bundesregierung.de/x"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,hi",
        "//evil.example",
        "ftp://x.org",
        "http://",
        None,
        12,
    ):
        assert safe_url(bad) is None, bad
    assert markdown_link("Evil", "javascript:alert(1)") == "Evil"
    assert markdown_link("A [b] (c)", "https://x.org/a b)") == "[A \\[b\\] \\(c\\)](https://x.org/a%20b%29)"


def test_download_neutralises_formulas_and_gives_plain_source_columns():
    rows = [
        {
            "date": "2023-02-14",
            "donor_name": '=HYPERLINK("http://evil")',
            "committed": -3,
            "note": "@SUM(A1)",
            "source": "[t](https://x.org)",
            "source_id": "s1",
            "source_title": "+t",
            "source_url": "https://x.org",
        }
    ]
    text = csv_text(rows, ["date", "donor_name", "committed", "note", "source"])
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == ["date", "donor_name", "committed", "note", "source_id", "source_title", "source_url"]
    assert row == ["2023-02-14", '\'=HYPERLINK("http://evil")', "-3", "'@SUM(A1)", "s1", "'+t", "https://x.org"]
    assert neutralise_cell("-1") == "'-1" and neutralise_cell(-1) == -1 and neutralise_cell("Leopard") == "Leopard"

"""Any address and any callback payload gives a page or a clear message, never an HTTP 500; searches
are literal; downloads hold the rows shown under a name that says what they are; every response
carries the security headers. Requests are made over HTTP as a browser makes them (Flask's client)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dashboards import create_app
from dashboards.safety import clicked, file_name, like_pattern
from dashboards.state import MAX_TEXT, parse

PAGES = {
    "/": "Overview",
    "/systems": "Systems",
    "/donors": "Donors",
    "/training": "Training",
    "/meetings": "Meetings",
    "/data": "Data",
}
MESSAGE = "This could not be shown"
BAD_QUERIES = [
    "?family=a&family=b",
    "?as_of=x&as_of=y",
    "?as_of=2023-02-14&as_of=2023-03-31&donor=DEU&donor=POL",
    "?as_of=2023-02-30&start=soon&end=%00%FF",
    "?as_of=9999-12-31&start=0001-01-01",
    "?donor=ZZZ,%3Cscript%3E&family=no-such-family&category=no_such_category",
    "?family=" + "x" * 100_000,
    "?q=%ED%A0%80%00%01&measure=gdp&measure=units&focus=a&focus=b&meeting=x&meeting=y&table=x&table=sources",
    "?%00=%00&=&&&&as_of",
    "?q=%25&q=_&table=deliveries&table=events",
]
FILTERS = ("donor", "category", "family", "table", "q")
DATES = ("as_of", "start", "end")


@pytest.fixture(scope="module")
def client(shipped_db):
    app = create_app(shipped_db)
    client = app.server.test_client()
    assert client.get("/").status_code == 200  # the first request registers the page router
    return client


def post(client, output: str, outputs, inputs: list, state: list | None = None, changed: list | None = None):
    body = {
        "output": output,
        "outputs": outputs,
        "inputs": inputs,
        "state": state or [],
        "changedPropIds": changed or [f"{inputs[0]['id']}.{inputs[0]['property']}"],
    }
    return client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")


def page(client, path: str, search: str):
    """The page router's callback, as the browser calls it on opening `path` + `search`."""
    return post(
        client,
        ".._pages_content.children..._pages_store.data..",
        [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
    )


@pytest.mark.parametrize("search", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_renders_for_repeated_and_malformed_parameters(client, path, search):
    assert client.get(path + search).status_code == 200
    answer = page(client, path, search)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    text = answer.get_data(as_text=True)
    assert MESSAGE not in text and "Traceback" not in text
    content = answer.get_json()["response"]["_pages_content"]["children"]
    assert json.dumps(content).count(f'"{PAGES[path]}') >= 1  # the page's own heading
    assert "footer-version" in text


def test_a_repeated_parameter_counts_its_last_value_as_callbacks_read_it():
    state = parse({"family": ["a", "leopard-2"], "as_of": ["x", "2023-02-14"], "donor": ["DEU", "pol"]}, None)
    assert (state.family, state.as_of.isoformat(), state.donors) == ("leopard-2", "2023-02-14", ("POL",))
    odd = parse({"q": "a\x00b\udc80" + "c" * 10_000, "donor": "DEU,<b>,x y,POL", "category": ["", None]}, None)
    assert odd.extra["q"] == "ab" + "c" * (MAX_TEXT - 2)
    assert odd.donors == ("DEU", "POL") and odd.category is None


def test_the_page_shows_the_last_of_repeated_values(client):
    answer = page(client, "/systems", "?family=no-such&family=leopard-2&as_of=2022-01-01&as_of=2023-02-14").get_json()
    content = json.dumps(answer["response"]["_pages_content"]["children"])
    assert '"Systems: Leopard 2"' in content and "Pledge lines as known on 2023-02-14" in content


BAD_CLICKS = [
    "text",
    42,
    [1, 2],
    {},
    {"points": []},
    {"points": "x"},
    {"points": [None]},
    {"points": [{}]},
    {"points": [{"customdata": None}]},
    {"points": [{"customdata": []}]},
    {"points": [{"customdata": "DEU"}]},
    {"points": [{"customdata": [{"a": 1}]}]},
    {"points": [{"customdata": [["DEU"], "2023-02-14"]}]},
    {"points": [{"customdata": ["2023-13-45", "not a day"]}]},
    {"points": [{"customdata": ["ZZZ", "9999-12-31"]}]},
    {"points": [{"customdata": ["x" * 100_000]}]},
]
CLICK_CALLBACKS = {
    "overview-cumulative": ("overview-details", ["overview-cumulative", "overview-top-donors"], True),
    "overview-top-donors": ("overview-details", ["overview-cumulative", "overview-top-donors"], True),
    "systems-steps": ("systems-details", ["systems-steps"], True),
    "training-timeline": ("training-details", ["training-timeline"], True),
    "donors-map": ('{"name":"focus","type":"filter"}', ["donors-map", "donors-ranking"], False),
    "donors-ranking": ('{"name":"focus","type":"filter"}', ["donors-map", "donors-ranking"], False),
    "meetings-timeline": ('{"name":"meeting","type":"filter"}', ["meetings-timeline"], False),
}


def click(client, graph: str, payload):
    output, graphs, needs_search = CLICK_CALLBACKS[graph]
    out_id = json.loads(output) if output.startswith("{") else output
    prop = "children" if needs_search else "value"
    inputs = [{"id": g, "property": "clickData", "value": payload if g == graph else None} for g in graphs]
    state = [{"id": "_pages_location", "property": "search", "value": "?as_of=2023-03-31"}] if needs_search else []
    return post(client, f"{output}.{prop}", {"id": out_id, "property": prop}, inputs, state, [f"{graph}.clickData"])


@pytest.mark.parametrize("payload", BAD_CLICKS, ids=range(len(BAD_CLICKS)))
@pytest.mark.parametrize("graph", list(CLICK_CALLBACKS))
def test_every_click_callback_answers_a_malformed_click_without_a_500(client, graph, payload):
    answer = click(client, graph, payload)
    assert answer.status_code in (200, 204), answer.get_data(as_text=True)[:500]
    text = answer.get_data(as_text=True)
    assert "Traceback" not in text and "Internal Server Error" not in text


def test_a_click_that_fails_says_so_where_the_page_shows_details(client):
    # a day that is no date fails in the database: the details panel says so
    answer = click(client, "systems-steps", {"points": [{"customdata": ["DEU", "not a day"]}]})
    assert answer.status_code == 200
    assert MESSAGE in json.dumps(answer.get_json()["response"]["systems-details"]["children"])
    # a click of the wrong shape is read by dashboards.safety.clicked: the panel asks for another click
    broken = click(client, "overview-top-donors", {"points": [{"customdata": None}]})
    assert broken.status_code == 200 and "That click could not be read" in broken.get_data(as_text=True)
    # a callback whose output is a filter value leaves it as it is: no value, no message
    donors = click(client, "donors-map", {"points": []})
    assert donors.status_code in (200, 204) and MESSAGE not in donors.get_data(as_text=True)


def test_real_clicks_still_work(client):
    answer = click(client, "systems-steps", {"points": [{"customdata": ["DEU", "2023-02-24"]}]})
    details = json.dumps(answer.get_json()["response"]["systems-details"]["children"])
    assert "What changed on 2023-02-24" in details and MESSAGE not in details
    # a point of a thinned chart stands for the days since the point before it (donor|day|since): Germany's
    # 14 of 2023-01-25 (https://www.bundesregierung.de/breg-de/aktuelles/bundesregierung-kuendigt-lieferung-von-leopard-2-panzern-an-die-ukraine-an-2160236) and 4 more
    span = click(client, "systems-steps", {"points": [{"customdata": "DEU|2023-02-24|2023-01-20"}]})
    details = json.dumps(span.get_json()["response"]["systems-details"]["children"])
    assert "What changed from 2023-01-20 to 2023-02-24" in details and "2023-01-25" in details and MESSAGE not in details
    day = click(client, "overview-cumulative", {"points": [{"customdata": "2023-02-24|2023-02-20"}]})
    assert "What changed from 2023-02-20 to 2023-02-24" in json.dumps(day.get_json()["response"]["overview-details"]["children"])
    bad = click(client, "systems-steps", {"points": [{"customdata": "DEU|2023-02-24|not a day"}]})
    assert bad.status_code == 200 and MESSAGE in bad.get_data(as_text=True)
    focus = click(client, "donors-ranking", {"points": [{"customdata": ["DEU"]}]}).get_json()
    assert focus["response"]['{"name":"focus","type":"filter"}']["value"] == "DEU"


def test_clicked_reads_only_the_shape_a_chart_sends():
    assert clicked({"points": [{"customdata": ["DEU", "2023-02-24", 3]}]}, 2) == ("DEU", "2023-02-24")
    assert clicked({"points": [{"customdata": "udcg-09"}]}) == ("udcg-09",)
    # the charts send one text per point, its values joined by "|"; a total line has no donor
    assert clicked({"points": [{"customdata": "DEU|2023-02-24"}]}, 2) == ("DEU", "2023-02-24")
    assert clicked({"points": [{"customdata": "|2023-02-24"}]}, 2, empty_first=True) == ("", "2023-02-24")
    for bad in BAD_CLICKS[:10] + [{"points": [{"customdata": [{"a": 1}]}]}, {"points": [{"customdata": [True]}]}]:
        assert clicked(bad) is None, bad
    assert clicked({"points": [{"customdata": ["x" * 201]}]}) is None
    # the Systems chart's total line has no donor: its points send an empty first value
    assert clicked({"points": [{"customdata": ["", "2023-02-24"]}]}, 2) is None
    assert clicked({"points": [{"customdata": ["", "2023-02-24"]}]}, 2, empty_first=True) == ("", "2023-02-24")


def test_other_callbacks_take_malformed_values(client):
    filters = [
        {"id": {"type": "filter", "name": n}, "property": "value", "value": v}
        for n, v in zip(FILTERS, [{"a": 1}, 5, ["x"], None, "\x00"])
    ]
    dates = [
        {"id": {"type": "filter-date", "name": n}, "property": "date", "value": v} for n, v in zip(DATES, ["nonsense", 7, None])
    ]
    answer = post(
        client,
        "_pages_location.search",
        {"id": "_pages_location", "property": "search"},
        [filters, dates],
        [{"id": "page-search", "property": "data", "value": {"not": "text"}}],
        ['{"name":"donor","type":"filter"}.value'],
    )
    assert answer.status_code in (200, 204)
    nav = post(
        client,
        '{"page":["ALL"],"type":"nav"}.href',
        [{"id": {"type": "nav", "page": p.lower()}, "property": "href"} for p in PAGES.values()],
        [{"id": "_pages_location", "property": "search", "value": "?family=a&family=b&donor=DEU&donor=POL&x=%00"}],
    )
    assert nav.status_code == 200
    hrefs = [v["href"] for v in nav.get_json()["response"].values()]
    assert hrefs[1] == "/systems?donor=POL&family=b"


def download(client, rendered: str, controls: dict, shown_rows=None):
    """The Data page's download callback, as the browser sends it: the grid's rows and the controls' values."""
    filters = [{"id": {"type": "filter", "name": n}, "property": "id", "value": {"type": "filter", "name": n}} for n in FILTERS]
    values = [{"id": {"type": "filter", "name": n}, "property": "value", "value": controls.get(n)} for n in FILTERS]
    date_ids = [
        {"id": {"type": "filter-date", "name": n}, "property": "id", "value": {"type": "filter-date", "name": n}} for n in DATES
    ]
    dates = [{"id": {"type": "filter-date", "name": n}, "property": "date", "value": controls.get(n)} for n in DATES]
    answer = post(
        client,
        "data-download.data",
        {"id": "data-download", "property": "data"},
        [{"id": "data-download-button", "property": "n_clicks", "value": 1}],
        [
            {"id": "data-table", "property": "virtualRowData", "value": shown_rows},
            filters,
            values,
            date_ids,
            dates,
            {"id": "page-search", "property": "data", "value": rendered},
        ],
    )
    return answer


def grid_rows(client, search: str) -> list[dict]:
    content = page(client, "/data", search).get_json()["response"]["_pages_content"]["children"]
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == "data-table":
                found.append(node["props"]["rowData"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(content)
    return found[0]


def csv_rows(answer) -> tuple[str, list[dict]]:
    sent = answer.get_json()["response"]["data-download"]["data"]
    return sent["filename"], list(csv.DictReader(io.StringIO(sent["content"])))


def test_a_typed_search_not_yet_applied_is_in_the_download(client):
    rendered = "?as_of=2023-03-31&donor=DEU&family=leopard-2&table=events"
    shown = grid_rows(client, rendered)
    controls = {"as_of": "2023-03-31", "donor": ["DEU"], "family": "leopard-2", "table": "events", "q": "bundesregierung"}
    name, rows = csv_rows(download(client, rendered, controls, shown))
    assert name == "ukraine-aid-events-as-of-2023-03-31-donor-DEU-family-leopard-2-search-bundesregierung.csv"
    searched = grid_rows(client, rendered + "&q=bundesregierung")
    assert 0 < len(rows) == len(searched) < len(shown)
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in searched]
    assert all("bundesregierung" in " ".join(r.values()).lower() for r in rows)


def test_the_download_is_the_grid_as_shown_when_the_controls_are_those_it_was_built_for(client):
    rendered = "?as_of=2023-03-31&family=leopard-2&table=deliveries"
    shown = grid_rows(client, rendered)[:3]  # as if the grid's own column filter left three rows
    controls = {"as_of": "2023-03-31T00:00:00", "family": "leopard-2", "table": "deliveries"}
    name, rows = csv_rows(download(client, rendered, controls, shown))
    assert name == "ukraine-aid-deliveries-as-of-2023-03-31-family-leopard-2.csv"
    assert [r["delivery_id"] for r in rows] == [r["delivery_id"] for r in shown]
    assert list(rows[0]) == [
        "date",
        "donor_name",
        "system_name",
        "quantity",
        "origin",
        "delivery_id",
        "source_id",
        "source_title",
        "source_url",
    ]


def test_a_download_with_malformed_grid_rows_falls_back_to_the_database(client):
    rendered = "?as_of=2023-03-31&family=leopard-2&table=deliveries"
    controls = {"as_of": "2023-03-31", "family": "leopard-2", "table": "deliveries"}
    for junk in ("text", [1, 2], [{"a": 1}, "b"], None):
        answer = download(client, rendered, controls, junk)
        assert answer.status_code == 200
        assert len(csv_rows(answer)[1]) == len(grid_rows(client, rendered))


def test_search_wildcards_are_literal(client):
    everything = grid_rows(client, "?as_of=2025-12-31&table=sources")
    for typed in ("%", "_", "a%b", "\\"):
        rows = grid_rows(client, "?as_of=2025-12-31&table=sources&q=" + typed.replace("%", "%25"))
        expected = [
            r["source_id"]
            for r in everything
            if typed.lower()
            in " ".join(
                str(r[k])
                for k in ("source_id", "publisher", "source_title", "published", "language", "reliability", "source_url")
                if r[k] is not None
            ).lower()
        ]
        assert [r["source_id"] for r in rows] == expected, typed
    assert len(grid_rows(client, "?as_of=2025-12-31&table=sources&q=%25")) < len(everything)
    assert like_pattern("5%_a\\") == "%5\\%\\_a\\\\%"


def test_file_names_are_safe():
    assert file_name("ukraine-aid", "events", "search", "../../etc/passwd") == "ukraine-aid-events-search-etc-passwd.csv"
    assert file_name("a", 'CON<>:"/\\|?*', "b") == "a-CON-b.csv"
    assert file_name("search", "Леопард 2") == "search-Леопард-2.csv"
    long = file_name("ukraine-aid", "x" * 1000)
    assert long.endswith(".csv") and len(long.encode()) <= 184
    assert file_name("", None, "...") == "download.csv"
    assert file_name("ukraine-aid", "systems", "as-of", "2023-02-14", extension=None) == "ukraine-aid-systems-as-of-2023-02-14"


@pytest.mark.parametrize("path", ["/", "/systems?family=a&family=b", "/assets/style.css", "/_dash-layout", "/_dash-dependencies"])
def test_every_response_carries_the_security_headers(client, path):
    with client.get(path) as answer:  # a static file is streamed: the context closes it
        assert answer.status_code == 200
        headers = answer.headers
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "'unsafe-eval'" not in policy and "script-src 'self' 'sha256-" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    answer = click(client, "systems-steps", {"points": []})
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "{}",
        "[1, 2]",
        '{"output": "no-such-output.children", "inputs": []}',
        '{"output": "systems-details.children", "outputs": {"id": "systems-details", "property": "children"}, "inputs": [1]}',
        '{"output": "systems-details.children", "outputs": 5, "inputs": "x", "state": 3}',
    ],
)
def test_a_request_no_page_sends_is_a_bad_request_not_a_server_error(client, body):
    answer = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert answer.status_code == 400
    assert "Traceback" not in answer.get_data(as_text=True)
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


def test_a_page_whose_data_cannot_be_read_says_so(tmp_path):
    client = create_app(tmp_path / "missing.duckdb").server.test_client()
    assert client.get("/systems").status_code == 200
    answer = page(client, "/systems", "?as_of=2023-02-14")
    assert answer.status_code == 200
    content = json.dumps(answer.get_json()["response"]["_pages_content"]["children"])
    assert MESSAGE in content and '"href": "/systems"' in content

"""Every page and callback of the dashboard called directly, on the shipped data in a real DuckDB file."""

from __future__ import annotations

from contextvars import copy_context
from pathlib import Path

import duckdb
import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict

from dashboards import create_app
from dashboards.components import table
from dashboards.db import Database
from dashboards.url_state import filters_to_url
from tests.conftest import ROOT, VALID
from tests.dash_tree import find, links, table_rows, text
from tracker.build import build


@pytest.fixture(scope="module")
def app(shipped_db):
    """The app over the shipped database; its pages are importable only once an app exists."""
    app = create_app(shipped_db)
    global data_page, donors, meetings, overview, systems, training
    from dashboards.pages import data as data_page
    from dashboards.pages import donors, meetings, overview, systems, training

    return app


@pytest.fixture
def request_ctx(app):
    with app.server.test_request_context():
        yield app


def run_callback(function, *args, triggered: str | None = None, inputs_list=None):
    """Call a callback as Dash would, with the triggering input set."""

    def call():
        context_value.set(
            AttributeDict(
                triggered_inputs=[{"prop_id": triggered, "value": None}] if triggered else [],
                inputs_list=inputs_list or [],
            )
        )
        return function(*args)

    return copy_context().run(call)


def lines_by_donor(page) -> dict[str, list[str]]:
    return {row[0]: row for row in table_rows(find(page, "systems-lines"))}


def test_systems_page_leopard_2_as_of_the_seed_article_and_after_delivery(request_ctx):
    before = systems.layout(as_of="2023-02-14")
    assert find(before, "systems-committed").children == "43"
    germany = lines_by_donor(before)["Germany"]
    assert germany[1:6] == ["Leopard 2A6", "14", "0", "0", "14"]  # committed, delivered, may have arrived, outstanding
    after = systems.layout(as_of="2023-03-31")
    germany = lines_by_donor(after)["Germany"]
    assert germany[1:6] == ["Leopard 2A6", "18", "18", "18", "0"]
    # The 62 is drawn as a claim marker and never added to the itemised total.
    figure = find(before, "systems-steps").figure
    claim = [t for t in figure.data if t.name.startswith("Coalition claim")][0]
    assert 62 in list(claim.y)
    total = [t for t in figure.data if t.name == "Sum of individual pledges"][0]
    assert max(total.y) == 43


def test_systems_page_defaults_to_leopard_2_and_follows_a_category(request_ctx):
    assert find(systems.layout(), "systems-steps").figure.layout.title.text.startswith("Leopard 2 per donor")
    tanks = systems.layout(as_of="2023-12-31", category="main_battle_tank")
    assert find(tanks, "systems-steps").figure.layout.title.text.startswith("Main battle tanks per donor")
    assert int(find(tanks, "systems-committed").children.replace(",", "")) > 43


def expected_headline(db: Path, as_of: str) -> tuple[int, float]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT count(*) FILTER (WHERE committed > 0), "
            "(SELECT sum(counted_eur) FILTER (WHERE value_basis = 'stated') FROM line_values_as_of(?::DATE)) "
            "FROM pledge_lines_as_of(?::DATE)",
            [as_of, as_of],
        ).fetchone()
    finally:
        con.close()


def test_overview_headlines_follow_the_as_of_date(request_ctx, shipped_db):
    for as_of in ("2023-02-14", "2023-12-31"):
        page = overview.layout(as_of=as_of)
        lines, stated = expected_headline(shipped_db, as_of)
        assert find(page, "overview-lines").children == f"{lines:,}"
        # EUR leads, stated apart from estimated; units of different categories are never one headline
        assert find(page, "overview-eur").children == f"EUR {stated / 1e9:,.1f} bn"
        assert find(page, "overview-eur-estimated").children.startswith("EUR ")
        with pytest.raises(AssertionError):
            find(page, "overview-committed")
    assert overview.layout(as_of="2023-02-14") != overview.layout(as_of="2023-12-31")
    leopards = overview.layout(as_of="2023-02-14", family="leopard-2")
    assert find(leopards, "overview-committed").children == "43"


def test_click_on_a_point_shows_the_rows_and_sources_behind_it(request_ctx):
    click = {"points": [{"customdata": ["DEU", "2023-02-24"]}]}
    panel = run_callback(systems.show_rows, click, "?as_of=2023-03-31", triggered="systems-steps.clickData")
    rows = table_rows(panel)
    assert rows == [
        [
            "commitment event",
            "Germany",
            "Leopard 2A6",
            "2023-02-24",
            "increased",
            "18",
            "[Germany to send more Leopard 2 tanks to Ukraine than planned]",
        ]
    ] or rows[0][:6] == ["commitment event", "Germany", "Leopard 2A6", "2023-02-24", "increased", "18"]
    assert links(panel) == ["https://www.bnnbloomberg.ca/germany-to-send-more-leopard-2-tanks-to-ukraine-than-planned-1.1887934"]
    delivery = run_callback(systems.show_rows, {"points": [{"customdata": ["DEU", "2023-03-27"]}]}, "?as_of=2023-03-31")
    assert table_rows(delivery)[0][:6] == ["delivery", "Germany", "Leopard 2A6", "2023-03-27", "delivered", "18"]
    claim = run_callback(systems.show_rows, {"points": [{"customdata": ["leopard-2-62-bundesregierung"]}]}, "")
    assert "never added" in text(claim)


def test_overview_clicks(request_ctx):
    day = run_callback(
        overview.show_rows,
        {"points": [{"customdata": ["2023-03-27"]}]},
        None,
        "?family=leopard-2",
        triggered="overview-cumulative.clickData",
    )
    # Germany's 18 and Portugal's 3 Leopard 2A6 arrived on the same day.
    assert [(r[0], r[1], r[5]) for r in table_rows(day)] == [("delivery", "Germany", "18"), ("delivery", "Portugal", "3")]
    bar = run_callback(
        overview.show_rows,
        None,
        {"points": [{"customdata": ["DEU"]}]},
        "?as_of=2023-03-31",
        triggered="overview-top-donors.clickData",
    )
    rows = {r[0]: r for r in table_rows(bar)}
    assert rows["Leopard 2A6"][1:5] == ["units", "18", "18", "0"]
    assert rows["Leopard 2A6"][7] == "61"  # 2023-01-25 to 2023-03-27


def test_a_donors_lines_are_capped_largest_first(request_ctx, monkeypatch):
    """At 10^5 events a donor has thousands of lines: the panel sends the largest, and says so."""
    from dashboards import panels

    monkeypatch.setattr(panels, "MAX_DONOR_LINES", 2)
    bar = run_callback(
        overview.show_rows,
        None,
        {"points": [{"customdata": ["DEU"]}]},
        "?as_of=2023-12-31",
        triggered="overview-top-donors.clickData",
    )
    rows = table_rows(bar)
    # lines of units first, largest first: Kiel's non-combat vehicles (1,563) and drones (283) of Germany's list
    assert len(rows) == 2 and [r[0] for r in rows] == [
        "Non-combat military vehicles (trucks, cars, ambulances)",
        "Drones (type not stated)",
    ]
    assert any("The 2 largest of" in str(p.children) for p in bar.children if p is not None)


def test_donors_page_detail_and_click(request_ctx):
    page = donors.layout(as_of="2023-12-31", focus="DEU", measure="gdp")
    detail = find(page, "donors-details")
    assert "Germany" in text(detail)
    assert {r[0] for r in table_rows(detail)} >= {"Leopard 2A6", "Marder 1A3"}
    assert find(page, "donors-ranking").figure.layout.title.text == "Share of GDP committed, by donor"
    picked = run_callback(donors.focus_on_clicked, {"points": [{"customdata": ["POL"]}]}, None, triggered="donors-map.clickData")
    assert picked == "POL"


def test_meetings_page_shows_a_meetings_commitments(request_ctx):
    page = meetings.layout(as_of="2023-12-31", meeting="udcg-09")
    detail = find(page, "meetings-details")
    rows = table_rows(detail)
    assert ["Norway", "Leopard 2A4", "units", "2023-02-14", "Announced", "0", "8"] in [r[:7] for r in rows]
    assert [r[1] for r in rows] == sorted(r[1] for r in rows) and len(rows) == 2  # Biber and Leopard 2A4
    assert run_callback(meetings.pick_clicked, {"points": [{"customdata": ["udcg-05"]}]}) == "udcg-05"
    early = meetings.layout(as_of="2022-05-01")
    assert [r[0] for r in table_rows(find(early, "meetings-table"))] == ["udcg-01"]


def test_training_click_shows_programme_source_and_lines(request_ctx):
    panel = run_callback(training.show_programme, {"points": [{"customdata": ["usa-himars-first-group"]}]}, "?as_of=2023-12-31")
    assert table_rows(panel)[0][:2] == ["United States", "M142 HIMARS"]
    assert any(h.startswith("https://") for h in links(panel))


def test_data_page_rows_links_and_download(request_ctx):
    page = data_page.layout(as_of="2023-03-31", family="leopard-2", table="deliveries")
    grid = find(page, "data-table")
    ids = [r["delivery_id"] for r in grid.rowData]
    assert "DEU-leopard-2a6-2023-03-27" in ids and all(i.split("-")[1] == "leopard" for i in ids)
    assert all(r["source"].startswith("[") for r in grid.rowData)
    rendered = "?as_of=2023-03-31&family=leopard-2&table=deliveries"
    ids = [{"type": "filter", "name": n} for n in ("family", "table")]
    dates = [{"type": "filter-date", "name": "as_of"}]
    sent = run_callback(data_page.download, 1, grid.rowData, ids, ["leopard-2", "deliveries"], dates, ["2023-03-31"], rendered)
    assert sent["filename"] == "ukraine-aid-deliveries-as-of-2023-03-31-family-leopard-2.csv"
    header = sent["content"].splitlines()[0]
    assert header == "date,donor_name,system_name,quantity,origin,delivery_id,source_id,source_title,source_url"
    assert len(sent["content"].splitlines()) == len(grid.rowData) + 1
    searched = data_page.layout(as_of="2023-03-31", q="BUNDESREGIERUNG")  # searched in the database, any case
    found = find(searched, "data-table").rowData
    assert found and all("bundesregierung" in " ".join(map(str, r.values())).lower() for r in found)
    assert text(find(searched, "data-count")).startswith(
        f"Commitment events: {len(found):,} rows match the filters and the search."
    )


def test_data_page_sends_at_most_max_rows(request_ctx, monkeypatch):
    monkeypatch.setattr(data_page, "MAX_ROWS", 10)
    monkeypatch.setattr(data_page.rows_for, "__defaults__", ("", 10))
    page = data_page.layout(as_of="2023-12-31", table="events")
    grid = find(page, "data-table")
    dates = [r["date"] for r in grid.rowData]
    # the earliest first: Canada's package of 2022-01-26, before the invasion, as Kiel dates it
    assert len(dates) == 10 and dates[0] == "2022-01-26" and dates == sorted(dates)
    count = text(find(page, "data-count"))
    assert "rows match the filters and the search; the first 10 by date are shown" in count


def test_filter_change_writes_the_url(request_ctx):
    inputs = [
        [{"id": {"type": "filter", "name": n}} for n in ("donor", "category", "family")],
        [{"id": {"type": "filter-date", "name": n}} for n in ("as_of", "start", "end")],
    ]
    search = run_callback(filters_to_url, [["DEU"], None, "leopard-2"], ["2023-02-14", None, None], "", inputs_list=inputs)
    assert search == "?as_of=2023-02-14&donor=DEU&family=leopard-2"


def test_source_links_only_for_http_urls(request_ctx):
    rendered = table(
        [
            {"source_title": "bad", "source_url": "javascript:alert(1)"},
            {"source_title": "good", "source_url": "https://example.org/a"},
        ],
        [("source", "Source")],
    )
    assert links(rendered) == ["https://example.org/a"]
    assert "bad" in text(rendered)


def test_footer_names_the_data_version(request_ctx, shipped_db):
    con = duckdb.connect(str(shipped_db), read_only=True)
    commit = con.execute("SELECT git_commit FROM build_info").fetchone()[0]
    con.close()
    footer = find(overview.layout(), "footer-version")
    assert commit[:10] in footer.children and "schema" in footer.children


@pytest.mark.slow  # a process of its own, or a workbook: left out of `make test-fast`
def test_a_rebuilt_database_is_picked_up_without_a_restart(tmp_path):
    db_file = tmp_path / "tracker.duckdb"
    assert build(VALID, "fixtures", db_file).problems == []
    database = Database(db_file)
    small = len(database.frame("data_sources", q="", limit=100_000))
    reader = duckdb.connect(str(db_file), read_only=True)  # another reader holds the old file open
    assert build(ROOT / "data", "data", db_file).problems == []
    assert len(database.frame("data_sources", q="", limit=100_000)) > small
    assert reader.execute("SELECT count(*) FROM sources").fetchone()[0] == small
    reader.close()


def test_queries_need_their_parameters(tmp_path, shipped_db):
    with pytest.raises(TypeError, match="as_of"):
        Database(shipped_db).frame("steps", donors=[], category=None, family=None)


def test_pages_before_any_record_say_so_without_nan(request_ctx):
    page = overview.layout(as_of="2021-01-01")
    assert find(page, "overview-eur").children == "none valued"
    assert find(overview.layout(as_of="2021-01-01", category="main_battle_tank"), "overview-committed").children == "0"
    assert "nan" not in text(page).lower().split()
    panel = run_callback(training.show_programme, {"points": [{"customdata": ["gbr-interflex"]}]}, "?as_of=2023-12-31")
    # Interflex was extended to the end of 2026 (https://www.miragenews.com/operation-interflex-hits-three-year-mark-1485695)
    assert "nan" not in text(panel).lower().split() and "2026-12" in text(panel)


def test_steps_draw_the_top_donors_and_sum_the_others(app):
    database = app.server.config["TRACKER_DATABASE"]
    params = dict(as_of="2023-12-31", donors=[], category=None, family="leopard-2", start=None, end=None)
    steps = database.frame("steps", top=2, points=500, **params)
    final = steps[steps["is_as_of_row"]].set_index("donor")
    assert list(final.index) == ["DEU", "POL", ""]
    assert final.loc["DEU", "committed"] == 18 and final.loc["POL", "committed"] == 14
    assert final.loc["", "committed"] == 91 - 18 - 14  # the Leopard 2 total less the two largest
    assert final.loc["", "donor_name"] == "Other donors (8)"  # CAN, DNK, ESP, FIN, NLD, NOR, PRT, SWE
    everyone = database.frame("steps", top=100, points=500, **params)
    assert everyone[everyone["is_as_of_row"]]["committed"].sum() == 91


def test_training_draws_and_lists_the_programmes_that_started_last(request_ctx, monkeypatch):
    """At 10^6 events there are hundreds of programmes: the chart and the table keep the latest, and say so."""
    monkeypatch.setattr(training, "CHARTED", 3)
    monkeypatch.setattr(training, "LISTED", 4)
    page = training.layout(as_of="2026-02-12")
    state = training.ui.page_state({"as_of": "2026-02-12"})[0]
    everything = training.ui.database().frame("training", programme=None, **state.params())
    latest = list(everything["name"].tail(4))
    assert [r[0] for r in table_rows(find(page, "training-table"))] == latest
    charted = {t.y[0] for t in find(page, "training-timeline").figure.data if len(t.y)}
    assert charted <= set(training.figures.short_labels(everything["name"]).tail(3))
    said = text(page)
    assert f"The 4 programmes that started last of {len(everything):,}" in said
    assert f"The chart shows the 3 programmes that started last of {len(everything):,}" in said

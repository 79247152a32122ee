"""Measures that mean something, on the shipped data: EUR first (stated apart from estimated), units
counted per category and never added across categories or kinds, labels instead of codes, euros
rounded, shares as percentages, and meetings that say when nothing is linked to them."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboards import figures
from dashboards.components import format_cell, table
from tests.dash_tree import find, table_rows, text
from tests.test_dashboard_pages import app, request_ctx  # noqa: F401 (fixtures)


def query(db, sql: str, *params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_euros_are_rounded_for_reading():
    assert figures.eur_text(1_234_567_890) == "EUR 1.2 bn"
    assert figures.eur_text(350_400_000) == "EUR 350 m"
    assert figures.eur_text(45_000) == "EUR 45 k"
    assert figures.eur_text(None) == ""


def test_overview_leads_with_eur_stated_and_estimated_apart(request_ctx, shipped_db):  # noqa: F811
    from dashboards.pages import overview

    ((stated, estimated),) = query(
        shipped_db,
        "SELECT sum(counted_eur) FILTER (WHERE value_basis = 'stated'), sum(counted_eur) FILTER (WHERE value_basis = 'unit_price') "
        "FROM line_values_as_of(DATE '2023-12-31')",
    )
    page = overview.layout(as_of="2023-12-31")
    assert find(page, "overview-eur").children == figures.eur_text(stated)
    assert find(page, "overview-eur-estimated").children == figures.eur_text(estimated)
    assert stated > estimated > 0
    headlines = text(find(page, "overview-headlines"))
    assert "units committed" not in headlines  # no headline adds tanks, HMMWVs and Patriot batteries


def test_units_are_counted_per_category_never_across(request_ctx, shipped_db):  # noqa: F811
    from dashboards.pages import overview

    expected = dict(
        query(
            shipped_db,
            "SELECT category, sum(committed) FROM pledge_lines_as_of(DATE '2023-02-14') "
            "WHERE unit = 'units' AND category IS NOT NULL GROUP BY 1 HAVING sum(committed) > 0",
        )
    )
    page = overview.layout(as_of="2023-02-14")
    bars = find(page, "overview-categories").figure
    committed = bars.data[0]
    labels = dict(zip(committed.y, committed.x))
    assert labels["Main battle tanks"] == expected["main_battle_tank"]
    assert len(labels) == len(expected)
    # the cumulative chart counts one category: main battle tanks unless another is chosen
    cumulative = find(page, "overview-cumulative").figure
    assert "Main battle tanks" in cumulative.layout.title.subtitle.text.replace("<br>", " ")
    tanks = query(
        shipped_db, "SELECT sum(committed) FROM pledge_lines_as_of(DATE '2023-02-14') WHERE category = 'main_battle_tank'"
    )
    assert list(cumulative.data[0].y)[-1] == tanks[0][0]


def test_donor_ranking_splits_eur_into_stated_and_estimated(request_ctx):  # noqa: F811
    from dashboards.pages import donors

    page = donors.layout(as_of="2023-12-31")
    ranking = find(page, "donors-ranking").figure
    assert [t.name for t in ranking.data[:2]] == ["Stated", "Estimated from unit prices"]
    assert ranking.layout.title.text == "Value committed, by donor"
    # units are not offered until the view is one category or family
    gdp = donors.layout(as_of="2023-12-31", measure="gdp")
    rows = {r[0]: r for r in table_rows(find(gdp, "donors-table"))}
    header = [c.children for c in find(gdp, "donors-table").children[0].children.children]
    share = rows["Estonia"][header.index("Share of GDP")]
    assert share.endswith(" %") and float(share[:-2]) > 0.5  # a percentage, not 0.005
    assert rows["Germany"][header.index("Value (EUR)")].startswith("EUR ") and " bn" in rows["Germany"][1]


def test_map_uses_a_log_scale_and_shows_europe_large(request_ctx):  # noqa: F811
    from dashboards.pages import donors

    fig = find(donors.layout(as_of="2023-12-31", measure="gdp"), "donors-map").figure
    europe, world = fig.data
    assert fig.layout.geo.lonaxis.range == (-14, 40) and world.geo == "geo2"
    assert all(t.endswith(" %") for t in europe.colorbar.ticktext)
    # log10 of percentages of GDP: the scale separates 0.05 % from 1 %
    assert europe.zmin < -1 < 0 < europe.zmax or europe.zmax < 1


def test_tables_print_labels_not_codes(request_ctx):  # noqa: F811
    rows = [{"format": "in_person", "host_country": "XEU", "value_eur": 1.23e9, "event_type": "declined"}]
    columns = [("format", "Format"), ("host_country", "Host"), ("value_eur", "Value"), ("event_type", "Event")]
    assert table_rows(table(rows, columns)) == [["In person", "EU institutions", "EUR 1.2 bn", "Declined"]]
    assert format_cell(2021) == "2021"
    money = [{"unit": "USD", "committed": 2_500_000_000.0}, {"unit": "units", "committed": 18.0}]
    assert table_rows(table(money, [("unit", "Counted in"), ("committed", "Committed")])) == [
        ["USD", "USD 2.5 bn"],
        ["units", "18"],
    ]


def test_meetings_show_their_outcomes_or_say_none_is_recorded(request_ctx, shipped_db):  # noqa: F811
    from dashboards.pages import meetings

    page = meetings.layout(as_of="2026-02-12")
    rows = {r[0]: r for r in table_rows(find(page, "meetings-table"))}
    assert rows["udcg-33"][5] == "none recorded"
    ((events, lines),) = query(
        shipped_db, "SELECT count(*), count(DISTINCT line_id) FROM commitment_events WHERE meeting_id = 'udcg-24'"
    )
    assert rows["udcg-24"][5].startswith(f"{events} commitments on {lines} line")
    assert rows["udcg-24"][3] == "In person"
    timeline = find(page, "meetings-timeline").figure
    hollow = [c for t in timeline.data for c in t.marker.color if c == "rgba(255,255,255,0)"]
    assert len(hollow) == sum(1 for r in rows.values() if r[5] == "none recorded")
    empty = meetings.layout(as_of="2026-02-12", meeting="udcg-33")
    assert "None recorded" in text(find(empty, "meetings-details"))


def test_refusal_is_a_mark_not_a_line_at_zero():
    steps = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-25", "2023-02-14", "2023-01-11", "2023-02-14", "2023-02-09", "2023-02-14"]),
            "donor": ["DEU", "DEU", "POL", "POL", "NLD", "NLD"],
            "donor_name": ["Germany", "Germany", "Poland", "Poland", "Netherlands", "Netherlands"],
            "committed": [14.0, 14.0, 14.0, 14.0, 0.0, 0.0],
            "delivered": [0.0] * 6,
            "is_as_of_row": [False, True, False, True, False, True],
        }
    )
    totals = pd.DataFrame({"date": pd.to_datetime(["2023-01-11", "2023-01-25", "2023-02-14"]), "committed": [14.0, 28.0, 28.0]})
    refusals = pd.DataFrame(
        {"date": pd.to_datetime(["2023-02-09"]), "donor": ["NLD"], "donor_name": ["Netherlands"], "event_type": ["declined"]}
    )
    fig = figures.donor_steps(steps, totals, pd.DataFrame(), "Leopard 2", pd.Timestamp("2023-02-14").date(), refusals=refusals)
    names = [t.name for t in fig.data]
    assert "Netherlands committed" not in names and "Declined or cancelled" in names
    labels = {a.text: a for a in fig.layout.annotations}
    assert {"<b>Germany 14</b>", "<b>Poland 14</b>", "<b>Sum of individual pledges 28</b>", "Netherlands declined"} <= set(labels)
    assert abs(labels["<b>Germany 14</b>"].yshift - labels["<b>Poland 14</b>"].yshift) >= figures.LABEL_GAP
    # Germany is drawn wider than Poland, which is drawn over it with the same value
    germany, poland = fig.data[0], fig.data[1]
    assert germany.line.width > poland.line.width
    # the axis fits the events: January to February 2023, not to the as-of date years later
    assert fig.layout.xaxis.range[0] < "2023-01-11" and fig.layout.xaxis.range[1] < "2023-04-01"


def test_many_refusals_are_marked_but_not_worded():
    steps = pd.DataFrame(
        {"date": pd.to_datetime(["2023-01-25", "2023-02-14"]), "donor": ["DEU", "DEU"], "donor_name": ["Germany"] * 2}
        | {"committed": [14, 14], "delivered": [0, 0], "is_as_of_row": [False, True]}
    )
    days = pd.date_range("2023-01-01", periods=figures.REFUSALS_WORDED + 1)
    refusals = pd.DataFrame({"date": days, "donor": "NLD", "donor_name": "Netherlands", "event_type": "declined"})
    fig = figures.donor_steps(
        steps, steps.iloc[:0], pd.DataFrame(), "Leopard 2", pd.Timestamp("2023-02-14").date(), refusals=refusals
    )
    marks = [t for t in fig.data if t.name == "Declined or cancelled"]
    assert len(marks[0].x) == figures.REFUSALS_WORDED + 1
    assert not [a for a in fig.layout.annotations if "declined" in a.text]
    few = figures.donor_steps(
        steps, steps.iloc[:0], pd.DataFrame(), "Leopard 2", pd.Timestamp("2023-02-14").date(), refusals=refusals.head(2)
    )
    assert len([a for a in few.layout.annotations if a.text == "Netherlands declined"]) == 2

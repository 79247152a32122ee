"""Figure builders on fixture rows: traces, values, titles and the colour-blind-safe palette."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboards import figures

AS_OF = date(2023, 3, 31)


def steps_fixture() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-25", "2023-02-24", "2023-03-27", "2023-03-31", "2023-01-11", "2023-03-31"]),
            "donor": ["DEU", "DEU", "DEU", "DEU", "POL", "POL"],
            "donor_name": ["Germany"] * 4 + ["Poland"] * 2,
            "committed": [14.0, 18.0, 18.0, 18.0, 14.0, 14.0],
            "delivered": [0.0, 0.0, 18.0, 18.0, 0.0, 0.0],
            "is_as_of_row": [False, False, False, True, False, True],
        }
    )


def totals_fixture() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-11", "2023-01-25", "2023-02-24", "2023-03-31"]),
            "committed": [14.0, 28.0, 32.0, 32.0],
            "delivered": [0.0, 0.0, 0.0, 18.0],
            "delivered_possible": [0.0, 0.0, 4.0, 18.0],
            "pledge_lines": [1, 2, 2, 2],
        }
    )


def claims_fixture() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": ["leopard-2-62"],
            "reconciled_on": pd.to_datetime(["2023-02-14"]),
            "claimant": ["Germany's government"],
            "qualifier": ["exactly"],
            "claimed": [62.0],
            "measure": ["planned"],
            "itemised": [43.0],
        }
    )


def test_donor_steps_draws_each_donor_as_steps_and_claims_apart():
    fig = figures.donor_steps(steps_fixture(), totals_fixture(), claims_fixture(), "Leopard 2", AS_OF)
    names = [t.name for t in fig.data]
    assert names == [
        "Germany committed",
        "Germany delivered",
        "Poland committed",
        "Sum of individual pledges",
        "Coalition claim (not added to any total)",
    ]
    germany = fig.data[0]
    assert germany.line.shape == "hv"
    assert list(germany.y) == [14, 18, 18, 18]
    assert list(fig.data[1].y) == [0, 0, 18, 18]
    # Poland has delivered nothing: no delivered trace for it.
    assert list(fig.data[2].y) == [14, 14]
    # The claim is a marker at 62, beside (not on top of) the itemised sum of 32.
    assert list(fig.data[4].y) == [62] and fig.data[4].mode == "markers"
    assert max(fig.data[3].y) == 32
    assert fig.layout.title.text == "Leopard 2 per donor (units)"
    assert "2023-03-31" in fig.layout.title.subtitle.text
    assert fig.layout.yaxis.title.text == "Units"
    # Click payload: donor and day for a donor's point, the claim id for a claim.
    assert (
        germany.customdata[1] == "DEU|2023-02-24|2023-02-24"
    )  # one text per point: donor, day, span start (safety.clicked splits it)
    assert list(fig.data[4].customdata[0]) == ["leopard-2-62"]


def test_same_donor_same_colour_and_palette_is_colour_blind_safe():
    donors = ["POL", "DEU", "CAN"]
    assert figures.donor_style("DEU", donors) == figures.donor_style("DEU", list(reversed(donors)))
    # a fixed donor-to-colour map: Germany's colour does not depend on which donors are in view
    assert figures.donor_style("DEU", donors) == figures.donor_style("DEU", ["DEU"]) == {"color": "#CC6677", "symbol": "circle"}
    leopard_donors = ["CAN", "DEU", "NOR", "POL", "PRT", "ESP", "FIN", "NLD", "SWE", "DNK"]
    assert len({figures.donor_style(d, leopard_donors)["color"] for d in leopard_donors}) == len(leopard_donors)
    assert len(set(figures.PALETTE)) == 11
    # The twelfth donor outside the map reuses a colour but with another marker shape.
    many = [f"D{i:02d}" for i in range(12)]
    assert figures.donor_style("D11", many) == {"color": figures.PALETTE[0], "symbol": "diamond"}
    fig = figures.donor_steps(steps_fixture(), totals_fixture(), claims_fixture(), "Leopard 2", AS_OF)
    assert fig.data[0].line.color == fig.data[1].line.color == figures.donor_style("DEU", ["DEU", "POL"])["color"]


def test_cumulative_committed_and_delivered():
    fig = figures.cumulative(totals_fixture(), AS_OF, "all donors and systems")
    assert [t.name for t in fig.data] == ["Committed", "May have been delivered (shaded)", "Certainly delivered"]
    assert list(fig.data[0].y) == [14, 28, 32, 32] and list(fig.data[2].y) == [0, 0, 0, 18]
    # 4 units dated to a month may have arrived from 2023-02-24; the band between the lines is shaded
    assert list(fig.data[1].y) == [0, 0, 4, 18] and fig.data[1].line.dash == "dot"
    assert fig.data[2].fill == "tonexty" and fig.data[0].fill is None
    assert fig.layout.title.text == "Committed and delivered (units)"
    assert fig.layout.title.subtitle.text == "as known on 2023-03-31; cumulative; all donors<br>and systems"
    assert fig.layout.yaxis.title.text == "Units (cumulative)"
    assert fig.data[0].customdata[2] == "2023-02-24|2023-02-24"  # the day and the first day of its span


def test_no_band_when_every_delivery_is_certain():
    steps = totals_fixture().assign(delivered_possible=totals_fixture()["delivered"])
    fig = figures.cumulative(steps, AS_OF, "all")
    assert [t.name for t in fig.data] == ["Committed", "Certainly delivered"] and fig.data[1].fill is None


def test_undated_deliveries_are_marked_where_they_take_effect():
    undated = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-04-29", "2022-06-21", "2023-02-22", "2024-08-06"]),
            "quantity": [200.0, 40.0, 155.0, 627.0],
            "deliveries": [1, 1, 3, 20],
        }
    )
    fig = figures.cumulative(totals_fixture(), AS_OF, "all", undated=undated)
    # the three largest get a line and words; the band shows the rest
    assert [a.text for a in fig.layout.annotations] == [
        "627 undated,<br>by 2024-08-06",
        "200 undated,<br>by 2022-04-29",
        "155 undated,<br>by 2023-02-22",
    ]
    assert len(fig.layout.shapes) == 3 and all(s.line.dash == "dot" for s in fig.layout.shapes)


def test_date_range_sets_the_time_window():
    fig = figures.cumulative(totals_fixture(), AS_OF, "x", start=date(2023, 2, 1), end=date(2023, 3, 1))
    assert list(fig.layout.xaxis.range) == ["2023-02-01", "2023-03-01"]


def test_empty_rows_give_a_figure_that_says_so():
    fig = figures.cumulative(totals_fixture().iloc[0:0], AS_OF, "Sweden")
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == "No pledge lines match these filters on this date."


def ranking_fixture() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "donor": ["USA", "DEU", "EUU"],
            "donor_name": ["United States", "Germany", "European Union"],
            "donor_type": ["country", "country", "organisation"],
            "units_committed": [3578.0, 513.0, 10.0],
            "units_delivered": [888.0, 263.0, 0.0],
            "value_eur": [9.0e9, 4.2e9, None],
            "share_of_gdp": [0.00045, 0.00117, None],
        }
    )


def test_ranking_by_units_by_eur_and_by_share_of_gdp():
    units = figures.ranking(ranking_fixture(), "units", AS_OF)
    assert [t.name for t in units.data] == ["Units committed", "Units delivered"]
    # deliveries dated only to a month or "by" a later day: a pale bar for what may have arrived
    maybe = figures.ranking(ranking_fixture().assign(units_delivered_possible=[1200.0, 263.0, 0.0]), "units", AS_OF)
    assert [t.name for t in maybe.data] == ["Units committed", "Units delivered", "May have been delivered"]
    assert list(maybe.data[2].x) == [0, 263, 1200] and maybe.data[2].marker.color == figures.POSSIBLE_FILL
    # Largest at the top: plotly draws the last category at the top of a horizontal bar chart.
    assert list(units.data[0].y) == ["European Union", "Germany", "United States"]
    assert list(units.data[0].x) == [10, 513, 3578]
    gdp = figures.ranking(ranking_fixture(), "gdp", AS_OF)
    assert list(gdp.data[0].y) == ["United States", "Germany"]  # the EU has no GDP: left out
    assert [round(v, 3) for v in gdp.data[0].x] == [0.045, 0.117]
    assert gdp.layout.title.text == "Share of GDP committed, by donor"
    eur = figures.ranking(ranking_fixture(), "eur", AS_OF)
    assert eur.layout.xaxis.title.text == "EUR"


def test_world_map_shows_countries_only():
    fig = figures.world_map(ranking_fixture(), "units", AS_OF)
    assert list(fig.data[0].locations) == ["USA", "DEU"]
    assert fig.data[0].locationmode == "ISO-3"
    assert fig.data[0].colorscale == tuple(tuple(c) for c in figures.go.Choropleth(colorscale=figures.SEQUENTIAL).colorscale)


def training_fixture() -> pd.DataFrame:
    d = pd.to_datetime
    return pd.DataFrame(
        {
            "programme_id": ["deu-leopard", "gbr-interflex", "esp-leopard", "deu-marder"],
            "name": ["Leopard 2A6 crews", "Interflex", "Leopard 2A4 Spain", "Marder crews"],
            "start": ["2023-02-13", "2022-06-26", "2023-Q1", "2023-01-30"],
            "start_earliest": d(["2023-02-13", "2022-06-26", "2023-01-01", "2023-01-30"]),
            "start_latest": d(["2023-02-13", "2022-06-26", "2023-03-31", "2023-01-30"]),
            "planned_end": ["2023-03", None, None, "2023-03"],
            "planned_end_earliest": d(["2023-03-01", None, None, "2023-03-01"]),
            "planned_end_latest": d(["2023-03-31", None, None, "2023-03-31"]),
            "actual_end": ["2023-03-20", None, "2023-03", None],
            "actual_end_earliest": d(["2023-03-20", None, "2023-03-01", None]),
            "actual_end_latest": d(["2023-03-20", None, "2023-03-31", None]),
            "status": ["completed", "ongoing", "completed", "completed"],
        }
    )


def _bars(fig, name):
    return {y: (b, x) for t in fig.data if t.name == name for y, b, x in zip(t.y, t.base, t.x)}


def test_training_planned_against_actual_with_coarse_dates_hatched():
    fig = figures.training_timeline(training_fixture(), date(2023, 6, 30))
    actual = _bars(fig, "Actual (to date if running)")
    day = 86_400_000
    assert actual["Leopard 2A6 crews"] == ("2023-02-13", 35 * day)  # 13 Feb to 20 Mar
    assert actual["Interflex"][0] == "2022-06-26"  # still running: to the as-of date
    assert actual["Interflex"][1] == (pd.Timestamp("2023-06-30") - pd.Timestamp("2022-06-26")).days * day
    assert "Marder crews" not in actual  # finished, no end date recorded
    planned = _bars(fig, "Planned")
    assert planned["Leopard 2A6 crews"] == ("2023-02-13", 16 * day)  # to the first day of March
    coarse = [t for t in fig.data if t.name == "Date known only to the month, quarter or year"]
    assert all(t.marker.pattern.shape == "/" for t in coarse)
    spans = {(y, b) for t in coarse for y, b in zip(t.y, t.base)}
    assert ("Leopard 2A4 Spain", "2023-01-01") in spans  # the quarter of the start
    assert fig.layout.title.text == "Training: planned and actual"


def test_training_labels_are_short_enough_for_a_phone():
    names = pd.Series(
        ["Operation Interflex (UK-led basic training)", "Bundeswehr training of Ukrainian soldiers in 2023", "Marder crews"]
    )
    assert list(figures.short_labels(names)) == ["Operation Interflex", "Bundeswehr training of Ukrainian…", "Marder crews"]
    twins = pd.Series(["Leopard crews (Spain)", "Leopard crews (Poland)"])
    assert list(figures.short_labels(twins)) == list(twins)


def test_training_before_planned_end_counts_as_running():
    fig = figures.training_timeline(training_fixture(), date(2023, 2, 20))
    actual = _bars(fig, "Actual (to date if running)")
    assert actual["Marder crews"] == ("2023-01-30", 21 * 86_400_000)


def test_meetings_timeline_sizes_markers_by_units():
    meetings = pd.DataFrame(
        {
            "meeting_id": ["udcg-01", "udcg-05", "nato-dm-2023-02"],
            "series": ["udcg", "udcg", "nato_defence_ministers"],
            "day": pd.to_datetime(["2022-04-26", "2022-09-08", "2023-02-14"]),
            "date": ["2022-04-26", "2022-09-08", "2023-02-14"],
            "place": ["Ramstein", "Ramstein", "Brussels"],
            "events": [1, 3, 0],
            "units_added": [50.0, 154.0, 0.0],
        }
    )
    fig = figures.meetings_timeline(meetings, AS_OF)
    assert [t.name for t in fig.data] == ["NATO ministers", "Contact Group"]
    udcg = fig.data[1]
    assert list(udcg.customdata[:, 0]) == ["udcg-01", "udcg-05"]
    assert udcg.marker.size[1] == 40 and udcg.marker.size[0] < udcg.marker.size[1]
    assert fig.data[0].marker.size[0] == 10

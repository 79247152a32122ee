"""Step charts keep at most about STEP_POINTS days per series (steps.sql, steps_total.sql): a longer
series is cut into equal spans of days and each span keeps its last day. What is drawn is then the
full series at those days, the last point is still the as-of day's totals, and a click on a point
lists every change of its span."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from dashboards import components as ui
from dashboards import figures, panels
from dashboards.db import Database, sql_text
from tests.dash_tree import text
from tests.test_dashboard_pages import app, request_ctx  # noqa: F401 (fixtures)

OVERVIEW = {"as_of": "2026-02-12", "donors": [], "category": None, "family": None}
TANKS = {**OVERVIEW, "category": "main_battle_tank"}


def _series(con, name: str, params: dict, points: int) -> pd.DataFrame:
    return con.execute(sql_text(name), {**params, "points": points}).df()


@pytest.mark.parametrize("params", [OVERVIEW, TANKS], ids=["all", "tanks"])
def test_a_thinned_total_is_the_full_series_at_the_days_it_keeps(shipped_db, params):
    with duckdb.connect(str(shipped_db), read_only=True) as con:
        full = _series(con, "steps_total", params, 100_000)
        thin = _series(con, "steps_total", params, 20)
    assert len(full) > 50 and (full["since"] == full["date"]).all()  # the shipped series is not thinned at STEP_POINTS
    assert len(full) <= figures.STEP_POINTS
    assert 10 <= len(thin) <= 21
    columns = ["committed", "delivered", "delivered_possible", "pledge_lines"]
    kept = full.set_index("date").loc[thin["date"], columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(thin[columns].reset_index(drop=True), kept)
    assert thin.iloc[-1]["date"] == pd.Timestamp(params["as_of"])  # still ends on the as-of day's totals
    # the spans cover the series: each starts after the day kept before it, and ends on the day it keeps
    assert (thin["since"] <= thin["date"]).all()
    assert (thin["since"].iloc[1:].to_numpy() > thin["date"].iloc[:-1].to_numpy()).all()
    assert thin["since"].iloc[0] == full["date"].iloc[0]


def test_thinned_donor_series_share_their_spans_and_end_on_the_as_of_totals(shipped_db):
    with duckdb.connect(str(shipped_db), read_only=True) as con:
        full = _series(con, "steps", {**OVERVIEW, "top": 10}, 100_000)
        thin = _series(con, "steps", {**OVERVIEW, "top": 10}, 30)
    assert set(thin["donor"]) == set(full["donor"])
    assert thin.groupby("donor").size().max() <= 31 < full.groupby("donor").size().max()
    last = thin[thin["is_as_of_row"]].set_index("donor")["committed"]
    assert last.equals(full[full["is_as_of_row"]].set_index("donor")["committed"])
    merged = thin.merge(full, on=["donor", "date"], suffixes=("", "_full"))
    assert len(merged) == len(thin) and (merged["delivered"] == merged["delivered_full"]).all()


def test_a_click_on_a_thinned_point_lists_every_change_of_its_span(shipped_db, request_ctx):  # noqa: F811
    db = Database(shipped_db)
    with duckdb.connect(str(shipped_db), read_only=True) as con:
        thin = _series(con, "steps_total", TANKS, 20)
    widest = thin.assign(days=(thin["date"] - thin["since"]).dt.days).sort_values("days").iloc[-2]  # not the as-of row
    since, day = widest["since"].date().isoformat(), widest["date"].date().isoformat()
    params = dict(TANKS)
    span = db.rows("changes_on_day", day=day, since=since, **params)
    one_by_one = [
        row
        for d in pd.date_range(since, day).date
        for row in db.rows("changes_on_day", day=d.isoformat(), since=d.isoformat(), **params)
    ]
    assert len(span) > 1 and sorted(r["row_id"] for r in span) == sorted(r["row_id"] for r in one_by_one)
    state = ui.state_from_search("?as_of=2026-02-12&category=main_battle_tank")
    assert f"What changed from {since} to {day}" in text(panels.changes(state, day, since))
    assert f"What changed on {day}" in text(panels.changes(state, day, day))

"""No view adds rounds, missiles, items of equipment, money and vehicles together.

The shipped data holds lines of every kind since the whole Kiel release is imported: weapon systems
and vehicles counted in units, small arms and equipment in items, ammunition in rounds, missiles in
missiles, money packages in their currency. Every count a view or the dashboard gives is checked
against the units lines alone, computed here from the base tables, and shown to differ from what
adding everything would give.
"""

from __future__ import annotations

import duckdb
import pytest

from dashboards.db import Database

LATEST = "2025-12-31"


@pytest.fixture(scope="module")
def con(shipped_db):
    with duckdb.connect(str(shipped_db), read_only=True) as c:
        yield c


def committed_by_unit(con, day: str) -> dict[str, float]:
    """Committed on day per unit, from pledge_lines and the latest event certain by then (no view).
    An increase of undisclosed size leaves a line at its last disclosed total (committed_is_floor)."""
    rows = con.execute(
        """
        WITH last AS (
            SELECT line_id, arg_max(committed, (date_latest, event_id)) AS committed
            FROM commitment_events WHERE date_latest <= CAST(? AS DATE) GROUP BY line_id
        )
        SELECT CASE WHEN l.system_id IS NULL THEN 'money' ELSE l.unit END AS kind, sum(last.committed)
        FROM last JOIN pledge_lines AS l USING (line_id) GROUP BY ALL
        """,
        [day],
    ).fetchall()
    return {kind: total or 0 for kind, total in rows}


def test_the_record_holds_every_kind_of_line(con):
    kinds = dict(con.execute("SELECT unit, count(*) FROM pledge_lines GROUP BY unit").fetchall())
    assert kinds["units"] > 250 and kinds["items"] > 50 and kinds["rounds"] > 50 and kinds["missiles"] > 10
    assert kinds["EUR"] > 50 and kinds["USD"] > 50  # money packages, in the currency announced
    # the unit follows the system's category (rule line_unit_matches_system): 155 mm shells are rounds
    assert con.execute("SELECT DISTINCT unit FROM pledge_lines WHERE system_id = 'ammunition-155mm'").fetchall() == [("rounds",)]
    assert con.execute("SELECT DISTINCT unit FROM pledge_lines WHERE system_id = 'small-arms'").fetchall() == [("items",)]
    assert con.execute("SELECT DISTINCT unit FROM pledge_lines WHERE system_id = 'leopard-2a6'").fetchall() == [("units",)]


def test_donor_and_timeline_counts_are_units_only(con):
    by_unit = committed_by_unit(con, LATEST)
    assert by_unit["rounds"] > 1_000_000 and by_unit["money"] > 1e11  # adding these would swamp any count of vehicles
    donors = con.execute(f"SELECT sum(committed_units) FROM donor_values_as_of(DATE '{LATEST}')").fetchone()[0]
    assert donors == by_unit["units"]
    timeline = con.execute(
        f"""SELECT sum(committed) FROM (
                SELECT arg_max(committed, date) AS committed FROM commitment_timeline
                WHERE date <= DATE '{LATEST}' GROUP BY donor, system_family)"""
    ).fetchone()[0]
    assert timeline == by_unit["units"]
    summary = con.execute(f"SELECT sum(committed) FROM delivery_summary_as_of(DATE '{LATEST}', per := 'donor')").fetchone()[0]
    assert summary == by_unit["units"]


def test_families_of_ammunition_and_money_have_no_unit_counts(con):
    families = {r[0] for r in con.execute(f"SELECT system_family FROM family_delivery_as_of(DATE '{LATEST}')").fetchall()}
    assert "leopard-2" in families
    assert not families & {"ammunition-155mm", "small-arms", "missiles-surface-to-air", None}


def test_meeting_outcomes_count_units_and_value_money_apart(con):
    # udcg-24 (2024-09-06): a US drawdown package and item events; only the items' units are units
    row = con.execute("SELECT units_announced, value_eur_announced FROM meeting_outcomes WHERE meeting_id = 'udcg-24'").fetchone()
    assert row[0] < 1_000 and row[1] > 1e8


def test_delivery_dating_counts_units_lines_only(con):
    units = con.execute("SELECT sum(units) FROM delivery_dating").fetchone()[0]
    by_hand = con.execute(
        "SELECT sum(d.quantity) FROM deliveries AS d JOIN pledge_lines AS l USING (line_id) WHERE l.unit = 'units'"
    ).fetchone()[0]
    assert units == by_hand


def test_dashboard_headline_and_ranking_count_units_only(shipped_db, con):
    db = Database(shipped_db)
    filters = {"as_of": LATEST, "donors": [], "category": None, "family": None}
    headline = db.rows("headline", **filters)[0]
    by_unit = committed_by_unit(con, LATEST)
    assert headline["units_committed"] == by_unit["units"]
    ranking = db.frame("donor_ranking", **filters)
    assert ranking["units_committed"].sum() == by_unit["units"]
    # and the EUR figure counts each package once: the value of the units inside packages is left out
    counted = con.execute(f"SELECT sum(counted_eur), sum(value_eur) FROM line_values_as_of(DATE '{LATEST}')").fetchone()
    assert headline["eur_committed"] == pytest.approx(counted[0]) and counted[0] < counted[1]


def test_meetings_page_adds_units_only(shipped_db, con):
    rows = Database(shipped_db).rows("meetings", as_of=LATEST, start=None, end=None)
    by_meeting = {r["meeting_id"]: r for r in rows}
    # the Contact Group of 2022-11-16 linked Sweden's SEK 3 bn ninth package, and no unit of equipment:
    # the page once showed 3,000,000,000 "units added"
    assert by_meeting["udcg-07"]["units_added"] == 0
    assert by_meeting["udcg-07"]["value_eur_announced"] == pytest.approx(3e9 / 10.8754, rel=1e-9)  # ECB SEK rate of 2022-11-16
    outcomes = dict(con.execute("SELECT meeting_id, units_announced FROM meeting_outcomes").fetchall())
    assert all(r["units_added"] == outcomes[m] for m, r in by_meeting.items())

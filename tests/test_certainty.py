"""As-of answers carry their certainty: a date with a precision is a window, and for a date d the
record says what is certain by d (the window has ended) and what is possible (it has begun).

Pinned on the valid fixtures plus one delivery known only as "by" a day:
- POL-d-2, 10 Leopard 2A4 delivered in 2023-03 (month precision), after 4 on 2023-02-24;
- XEU-1, EUR 500 million announced in 2023-Q1 (quarter precision), reduced to 400 million in 2023-06
  and cancelled in 2023 (year precision);
- DEU-j-d-1, 2 Leopard 2A4 delivered by 2023-09-30 (no earliest day) on a line announced 2023-04-20.
A by-dated commitment event may have happened any time since the record begins; a by-dated delivery
any time since its line may first have been committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tracker.cli import main

VALID = Path(__file__).parent / "fixtures" / "valid"
BY_DELIVERY = "DEU-j-d-1,DEU-leopard-2a4-joint,../2023-09-30,2,wire-2023-03,,Fixture: a later list.,curated,\n"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    root = tmp_path_factory.mktemp("certainty")
    shutil.copytree(VALID, root / "data")
    with (root / "data" / "deliveries.csv").open("a", encoding="utf-8") as f:
        f.write(BY_DELIVERY)
    db = root / "tracker.duckdb"
    assert main(["build", "--data", str(root / "data"), "--db", str(db)]) == 0
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def line(con, line_id: str, day: str):
    return con.execute(
        """SELECT committed, committed_possible, delivered, delivered_possible, last_event_id
                          FROM pledge_lines_as_of(CAST(? AS DATE)) WHERE line_id = ?""",
        [day, line_id],
    ).fetchone()


@pytest.mark.parametrize(
    "day, expected",
    [
        ("2023-02-28", (14, 14, 4, 4, "POL-1")),  # before March: the month delivery has not begun
        ("2023-03-01", (14, 14, 4, 14, "POL-1")),  # March has begun: the 10 may have arrived
        ("2023-03-30", (14, 14, 4, 14, "POL-1")),
        ("2023-03-31", (14, 14, 14, 14, "POL-1")),  # March has ended: they certainly have
    ],
)
def test_month_precision_delivery_is_possible_during_its_month_and_certain_after(con, day, expected):
    assert line(con, "POL-leopard-2a4", day) == expected


def test_quarter_precision_announcement_is_possible_from_the_first_day_of_the_quarter(con):
    assert line(con, "XEU-money", "2022-12-31") is None  # before the record begins, nothing is possible
    assert line(con, "XEU-money", "2023-01-01") == (0, 500_000_000, 0, 0, None)
    assert line(con, "XEU-money", "2023-03-30") == (0, 500_000_000, 0, 0, None)
    assert line(con, "XEU-money", "2023-03-31") == (500_000_000, 500_000_000, 0, 0, "XEU-1")


def test_possible_commitment_is_the_largest_total_the_line_may_have(con):
    """In June the reduction to 400 million (2023-06) and the cancellation (2023) may have happened;
    the certain total is still 500 million, and so is the largest possible one."""
    assert line(con, "XEU-money", "2023-06-15")[:2] == (500_000_000, 500_000_000)
    assert line(con, "XEU-money", "2023-07-01")[:2] == (400_000_000, 400_000_000)
    assert line(con, "XEU-money", "2024-01-01")[:2] == (0, 0)


def test_by_delivery_is_possible_once_its_line_may_be_committed_and_certain_on_its_day(con):
    # no earliest day: possible from the first day the line's first event can mean (its announcement,
    # 2023-04-20), certain on the day written
    assert line(con, "DEU-leopard-2a4-joint", "2023-04-19") is None
    assert line(con, "DEU-leopard-2a4-joint", "2023-04-20") == (2, 2, 0, 2, "DEU-j-1")
    assert line(con, "DEU-leopard-2a4-joint", "2023-09-29") == (2, 2, 0, 2, "DEU-j-1")
    assert line(con, "DEU-leopard-2a4-joint", "2023-09-30") == (2, 2, 2, 2, "DEU-j-1")


def test_timeline_and_summaries_carry_both(con):
    timeline = con.execute("""SELECT committed, delivered, delivered_possible FROM commitment_timeline
                              WHERE donor = 'POL' AND system_family = 'leopard-2' AND date <= DATE '2023-03-15'
                              ORDER BY date DESC LIMIT 1""").fetchone()
    assert timeline == (14, 4, 14)
    summary = con.execute("""SELECT lines, committed, delivered, delivered_possible
                             FROM delivery_summary_as_of(DATE '2023-05-01', per := 'donor') WHERE key = 'DEU'""").fetchone()
    assert summary == (2, 20, 18, 20)  # 18 Leopard 2A6 delivered; the joint line's 2 only possibly
    # a line whose only event is still possible: present, committed 0, not yet announced
    lag = con.execute("""SELECT committed, committed_possible, first_announced
                         FROM line_delivery_as_of(DATE '2023-02-15') WHERE line_id = 'XEU-money'""").fetchone()
    assert lag == (0, 500_000_000, None)
    assert (
        con.execute(
            "SELECT count(*) FROM delivery_summary_as_of(DATE '2023-02-15', per := 'donor') WHERE key = 'XEU'"
        ).fetchone()[0]
        == 0
    )


def test_claims_are_reconciled_against_certain_and_possible(con):
    """The 150 Leopards claim (2023-03, reconciled on 2023-03-31): POL 14 + DEU 18 certain; the joint
    line's 2 by-dated units are only possible then, and lines are not delivered claims, so the
    committed itemisation is 32 either way."""
    row = con.execute("SELECT itemised, itemised_possible FROM claim_reconciliation WHERE claim_id = 'leopard-150'").fetchone()
    assert row == (32, 32)

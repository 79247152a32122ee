"""The views and macros notebooks use: declared and documented, golden outputs on the research
fixture (tests/fixtures/research), and the numbers behind those outputs checked by hand."""

from __future__ import annotations

import csv
import io
import math
import os
import re
from pathlib import Path

import duckdb
import pytest

from tracker.catalogue import objects

GOLDEN = Path(__file__).parent / "golden"
DAYS = ("2023-03-31", "2023-12-31")
QUERIED = [o for o in objects() if o.kind != "build table"]


@pytest.fixture(scope="module")
def con(research_db):
    c = duckdb.connect(str(research_db), read_only=True)
    yield c
    c.close()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.6f}".rstrip("0").rstrip(".")
    if isinstance(value, list):
        return ";".join(map(str, value))
    return str(value)


def _csv(con, query: str) -> str:
    relation = con.sql(query)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(relation.columns)
    writer.writerows([_text(v) for v in row] for row in relation.fetchall())
    return out.getvalue()


def _unordered(obj) -> bool:
    """A view whose SQL ends in no ORDER BY of its own (commitment_totals, read by joins and windows) is compared sorted."""
    path = Path(__file__).parents[1] / "tracker" / "sql" / "views" / f"{obj.name}.sql"
    return obj.kind == "view" and path.exists() and not re.search(r"^ORDER BY", path.read_text(encoding="utf-8"), re.MULTILINE)


def _cases():
    for o in QUERIED:
        if o.is_macro:
            for day in DAYS:
                yield pytest.param(o, day, id=f"{o.name}@{day}")
        else:
            yield pytest.param(o, None, id=o.name)


@pytest.mark.parametrize(("obj", "day"), list(_cases()))
def test_golden_output(con, obj, day):
    """Set UPDATE_GOLDEN=1 to rewrite the files, then read the diff before committing it."""
    path = GOLDEN / (f"{obj.name}@{day}.csv" if day else f"{obj.name}.csv")
    got = _csv(
        con,
        obj.select(f"DATE '{day}'")
        + (" ORDER BY ALL" if obj.kind in ("derived table", "table macro") or _unordered(obj) else ""),
    )
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1"
    assert got == path.read_text(encoding="utf-8")


def test_every_golden_file_is_a_case():
    expected = {f"{o.name}@{d}.csv" for o in QUERIED if o.is_macro for d in DAYS}
    expected |= {f"{o.name}.csv" for o in QUERIED if not o.is_macro}
    assert {p.name for p in GOLDEN.glob("*.csv")} == expected


@pytest.mark.parametrize("obj", objects(), ids=lambda o: o.name)
def test_declared_columns_are_the_real_ones(con, obj):
    got = [r[0] for r in con.execute(f"DESCRIBE {obj.select()}").fetchall()]
    assert got == [c.name for c in obj.columns]
    assert all(c.description for c in obj.columns)


def test_every_view_and_macro_is_declared(con):
    declared = {o.name for o in objects()}
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    macros = {
        r[0]
        for r in con.execute(
            "SELECT function_name FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal"
        ).fetchall()
    }
    data_tables = {t.name for t in __import__("tracker.schema", fromlist=["load_package"]).load_package().tables}
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()}
    assert views | macros | (tables - data_tables) <= declared
    assert declared <= views | macros | tables


def test_comments_and_dictionary_come_from_the_declaration(con):
    comment = con.execute("SELECT comment FROM duckdb_functions() WHERE function_name = 'line_delivery_as_of'").fetchone()[0]
    assert comment.startswith("line_delivery_as_of(d): How each pledge line known on date d")
    col = con.execute(
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'training_slippage' AND column_name = 'slip_days'"
    ).fetchone()[0]
    assert col.startswith("actual_end_latest minus planned_end_latest, in days")
    row = con.execute("""SELECT kind, position, data_type, description FROM data_dictionary
                         WHERE object = 'line_delivery_as_of' AND column_name = 'days_to_full_delivery'""").fetchone()
    assert row[:3] == ("table macro", 18, "INTEGER") and "61" in row[3]
    assert con.execute("SELECT count(*) FROM data_dictionary WHERE description IS NULL").fetchone()[0] == 0
    assert (
        con.execute(
            "SELECT data_type FROM data_dictionary WHERE object = 'deliveries' AND column_name = 'date_latest'"
        ).fetchone()[0]
        == "DATE"
    )


# The numbers in the golden files, worked out by hand from the fixture's CSVs.


def test_first_in_first_out_after_a_reduction(con):
    """DEU-leopard-1a5: 10 announced 02-03, 3 delivered 02-20, reduced to 6 on 03-10, raised to 9 on
    05-01, 6 delivered 07-15. Units 1-6 count from 02-03 (the total never fell below 6), 7-9 from 05-01."""
    rows = con.execute("""SELECT event_id, committed_on, delivery_id, units, days, dates_exact
                          FROM delivery_matches_as_of(DATE '2023-12-31') WHERE line_id = 'DEU-leopard-1a5'""").fetchall()
    from datetime import date

    assert rows == [
        ("DEU-l1-1", date(2023, 2, 3), "DEU-l1-d-1", 3, 17, True),
        ("DEU-l1-1", date(2023, 2, 3), "DEU-l1-d-2", 3, 162, True),
        ("DEU-l1-3", date(2023, 5, 1), "DEU-l1-d-2", 3, 75, True),
    ]
    line = con.execute("""SELECT mean_days_to_delivery, due_90, delivered_within_90, share_within_180, full_delivery
                          FROM line_delivery_as_of(DATE '2023-12-31') WHERE line_id = 'DEU-leopard-1a5'""").fetchone()
    assert line[0] == pytest.approx((3 * 17 + 3 * 162 + 3 * 75) / 9)
    assert line[1:4] == (9, 6, 1.0)  # within 90 days: the 3 of 02-20 and the 3 of 05-01
    assert str(line[4]) == "2023-07-15"


def test_reference_case_days(con):
    row = con.execute("""SELECT first_announced, first_delivery, full_delivery, days_to_first_delivery,
                                days_to_full_delivery, mean_days_to_delivery
                         FROM line_delivery_as_of(DATE '2023-12-31') WHERE line_id = 'DEU-leopard-2a6'""").fetchone()
    assert tuple(map(str, row[:3])) == ("2023-01-25", "2023-03-27", "2023-03-27")
    assert row[3:5] == (61, 61)
    assert row[5] == pytest.approx((14 * 61 + 4 * 31) / 18)
    # on 2023-03-01 the 18 were committed and none delivered: not yet fully delivered, 4 not yet due
    early = con.execute("""SELECT outstanding, full_delivery, due_90 FROM line_delivery_as_of(DATE '2023-03-01')
                           WHERE line_id = 'DEU-leopard-2a6'""").fetchone()
    assert early == (18, None, None)


def test_donor_aggregates_add_up(con):
    d = con.execute("SELECT * FROM donor_delivery_as_of(DATE '2023-12-31') WHERE donor = 'DEU'").fetchone()
    cols = [c.name for c in next(o for o in objects() if o.name == "donor_delivery_as_of").columns]
    d = dict(zip(cols, d))
    # DEU's unit lines: leopard-2a6 (18/18, 61 days), leopard-1a5 (9/9, 162 days), the joint 2A4 share (2/0)
    assert (d["lines"], d["committed"], d["delivered"], d["outstanding"]) == (3, 29, 27, 2)
    assert (d["lines_fully_delivered"], d["median_days_to_full_delivery"]) == (2, (61 + 162) / 2)
    assert d["share_within_90"] == pytest.approx((18 + 6) / (18 + 9 + 2))


def test_training_slippage_by_hand(con):
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT programme_id, slip_days, slip_days_min, slip_days_max, trainee_shortfall, overdue FROM training_slippage"
        ).fetchall()
    }
    assert rows["deu-leopard-crews"] == (-11, -11, 19, 10, False)  # planned 2023-03 (31st), ended 2023-03-20
    assert rows["gbr-late-crews"] == (61, 32, 61, -4, False)  # planned 04-30, ended in June (06-01..06-30)
    assert rows["deu-open-crews"] == (None, None, None, None, True)  # planned 2023-05, no end by 2023-07-15


def test_meeting_outcome_by_hand(con):
    row = con.execute("""SELECT events, donor_codes, units_announced, value_eur_announced, delivered_within_6_months,
                                share_delivered_within_6_months, dates_exact FROM meeting_outcomes WHERE meeting_id = 'udcg-09'""").fetchone()
    # POL's 14 Leopard 2A4 at EUR 5,000,000 each; 4 delivered 10 days later, 10 in March 2023
    assert row == (1, ["POL"], 14, 70_000_000, 14, 1.0, False)
    empty = con.execute(
        "SELECT events, units_announced, delivered_within_6_months FROM meeting_outcomes WHERE meeting_id = 'udcg-10'"
    ).fetchone()
    assert empty == (0, 0, None)


def test_stated_foreign_value_by_hand(con):
    """GBP 50,000,000 announced on Saturday 2022-11-19: the ECB rate of Friday 2022-11-18 is 0.87063."""
    row = con.execute(
        "SELECT value_eur, stated_rate_date FROM line_values_as_of(DATE '2023-12-31') WHERE line_id = 'GBR-anti-aircraft-gun'"
    ).fetchone()
    assert row[0] == pytest.approx(57_429_677.36, abs=0.01) and str(row[1]) == "2022-11-18"

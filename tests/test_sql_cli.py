"""tracker sql and tracker.connect(): read-only, with table, CSV and JSON output."""

from __future__ import annotations

import json

import pytest

import tracker
from tracker.cli import main

QUERY = "SELECT donor, committed FROM pledge_lines_as_of(DATE '2023-02-14') WHERE system_family = 'leopard-2' AND committed > 10 ORDER BY donor"


def test_sql_outputs(shipped_db, capsys):
    assert main(["sql", "--db", str(shipped_db), "--csv", QUERY]) == 0
    assert capsys.readouterr().out == "donor,committed\nDEU,14\nPOL,14\n"
    assert main(["sql", "--db", str(shipped_db), "--json", QUERY]) == 0
    assert json.loads(capsys.readouterr().out) == [{"donor": "DEU", "committed": 14}, {"donor": "POL", "committed": 14}]
    assert main(["sql", "--db", str(shipped_db), QUERY]) == 0
    assert capsys.readouterr().out.splitlines() == ["donor  committed", "-----  ---------", "DEU    14", "POL    14", "(2 rows)"]


def test_sql_is_read_only_and_errors_are_one_line(shipped_db, capsys):
    assert main(["sql", "--db", str(shipped_db), "DELETE FROM donors"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tracker: SQL error:") and "read-only" in err and len(err.strip().splitlines()) == 1
    assert main(["sql", "--db", str(shipped_db), "SELECT * FROM nowhere"]) == 2
    assert "Table with name nowhere does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    "query",
    [
        "COPY (SELECT * FROM donors) TO '{out}'",  # writing a file
        "SELECT * FROM read_csv('{csv}')",  # reading one
        "ATTACH '{other}' AS other",  # another database, writable
        "INSTALL httpfs",  # downloading an extension
        "SET enable_external_access = true",  # undoing the sandbox
        "SELECT * FROM 'https://example.org/data.csv'",  # the network
    ],
)
def test_sql_reads_only_the_database(shipped_db, tmp_path, capsys, query):
    (tmp_path / "some.csv").write_text("a\n1\n")
    query = query.format(out=tmp_path / "out.csv", csv=tmp_path / "some.csv", other=tmp_path / "other.duckdb")
    assert main(["sql", "--db", str(shipped_db), query]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tracker: SQL error:") and "pass --full-session" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["some.csv"]  # nothing written


def test_a_full_session_reads_files_when_asked(shipped_db, tmp_path, capsys):
    out = tmp_path / "donors.csv"
    assert main(["sql", "--db", str(shipped_db), "--full-session", f"COPY (SELECT donor_id FROM donors) TO '{out}'"]) == 0
    capsys.readouterr()
    assert main(["sql", "--db", str(shipped_db), "--full-session", "--csv", f"SELECT count(*) AS n FROM read_csv('{out}')"]) == 0
    assert capsys.readouterr().out == "n\n42\n"


def test_missing_database_is_one_line(tmp_path, capsys):
    assert main(["sql", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"]) == 2
    assert "database not found (run `tracker build` first)" in capsys.readouterr().err


def test_connect_for_notebooks(shipped_db):
    con = tracker.connect(shipped_db)
    frame = con.sql(
        "SELECT donor, committed FROM pledge_lines_as_of(DATE '2023-03-01') WHERE donor = 'DEU' AND system_family = 'leopard-2'"
    ).df()
    assert frame.to_dict("records") == [{"donor": "DEU", "committed": 18.0}]
    with pytest.raises(Exception, match="read-only"):
        con.execute("CREATE TABLE x (a INT)")
    con.close()

"""The synthetic data generator: its directories pass every check, are in canonical form, are
reproducible from the seed and have the shapes a benchmark needs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pytest

from tracker.cli import main
from tracker.fmt import plan
from tracker.pipeline import checked
from tracker.schema import load_package
from tracker.synthetic import generate, sizes
from tracker.synthetic.csvfiles import csv_rows


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("synthetic-1k")
    return out, generate(out, 1_000, seed=0)


@pytest.fixture(scope="module")
def medium(tmp_path_factory):
    """10,000 events, validated; the rows of the main tables read back through DuckDB."""
    out = tmp_path_factory.mktemp("synthetic-10k")
    rows = generate(out, 10_000, seed=3)
    with checked(out, "synthetic") as outcome:
        yield out, rows, outcome


def _problems(outcome) -> str:
    return "\n".join(map(str, outcome.problems[:20]))


def test_small_directory_has_no_problems(small):
    out, _ = small
    with checked(out, "synthetic") as outcome:
        pass
    assert outcome.problems == [], _problems(outcome)
    assert outcome.skipped_rules == []


def test_small_directory_is_in_canonical_form(small):
    out, _ = small
    rewrites = plan(out, "synthetic", load_package())
    assert len(rewrites) == len(load_package().tables)
    assert [r.shown for r in rewrites if r.after is None or r.changed] == []


def test_fmt_check_reports_nothing(small, capsys):
    out, _ = small
    assert main(["fmt", "--check", "--data", str(out)]) == 0
    assert capsys.readouterr().out == ""


def test_counts_match_the_files(small):
    out, rows = small
    package = load_package()
    assert list(rows) == [t.name for t in package.tables]
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(t.filename for t in package.tables)
    for table in package.tables:
        with (out / table.filename).open(encoding="utf-8", newline="") as f:
            header, *body = list(csv.reader(f))
        assert header == table.columns, table.name
        assert len(body) == rows[table.name], table.name
        assert rows[table.name] > 0, table.name
    assert rows["commitment_events"] == 1_000


def test_same_seed_same_bytes_other_seed_other_bytes(small, tmp_path):
    out, rows = small
    again = generate(tmp_path / "again", 1_000, seed=0)
    other = generate(tmp_path / "other", 1_000, seed=1)
    assert again == rows
    for table in load_package().tables:
        assert (tmp_path / "again" / table.filename).read_bytes() == (out / table.filename).read_bytes(), table.name
    assert (tmp_path / "other" / "commitment_events.csv").read_bytes() != (out / "commitment_events.csv").read_bytes()
    assert other["commitment_events"] == 1_000


def test_medium_directory_has_no_problems(medium):
    _, rows, outcome = medium
    assert outcome.problems == [], _problems(outcome)
    assert rows["commitment_events"] == 10_000


def test_medium_shapes(medium):
    _, rows, outcome = medium
    con = outcome.con

    def one(sql):
        return con.execute(sql).fetchone()

    # about events / 3 lines, most with one or two events, some with long histories
    assert 2.5 <= rows["commitment_events"] / rows["pledge_lines"] <= 3.5
    few, long_, longest = one("""SELECT avg((n <= 2)::INT), count(*) FILTER (WHERE n >= 10), max(n)
                                 FROM (SELECT count(*) AS n FROM commitment_events GROUP BY line_id)""")
    assert few > 0.7 and long_ >= 20 and longest >= 30
    types = dict(con.execute("SELECT event_type, count(*) FROM commitment_events GROUP BY ALL").fetchall())
    assert set(types) == {"announced", "increased", "reduced", "cancelled", "declined"}
    assert types["increased"] > types["reduced"] > types["cancelled"]
    # 10-20 % coarse dates (month, quarter, year) over events and deliveries; some "by" dates
    coarse, by = (
        one("""SELECT avg((date_precision IN ('month', 'quarter', 'year'))::INT), count(*) FILTER (WHERE date_precision = 'by')
                        FROM (SELECT date_precision FROM commitment_events UNION ALL SELECT date_precision FROM deliveries)""")
    )
    assert 0.10 <= coarse <= 0.20
    assert by > 50
    first, last = one("SELECT min(date_earliest), max(date_latest) FROM commitment_events")
    assert str(first) >= "2022-01-01" and str(last) <= "2025-12-31" and str(last) >= "2025-06-01"
    # 0.5-0.7 deliveries per event, partly in several tranches; never more delivered than committed
    assert 0.5 <= rows["deliveries"] / rows["commitment_events"] <= 0.7
    tranches = one("SELECT count(*) FROM (SELECT line_id FROM deliveries GROUP BY line_id HAVING count(*) >= 3)")[0]
    assert tranches > 100
    partial = one("""SELECT count(*) FROM pledge_line_history
                     WHERE valid_to = DATE '9999-12-31' AND delivered > 0 AND delivered < committed""")[0]
    assert partial > 100
    assert one("SELECT count(*) FROM pledge_line_history WHERE delivered > committed")[0] == 0
    # stated values in a few currencies, each with its rates; meetings, joint pledges, training
    stated, currencies = one(
        "SELECT avg((value IS NOT NULL)::INT), list(DISTINCT value_currency ORDER BY value_currency) FILTER (WHERE value IS NOT NULL) FROM commitment_events"
    )
    assert 0.02 <= stated <= 0.08 and currencies == ["EUR", "GBP", "USD"]
    assert [c for (c,) in con.execute("SELECT DISTINCT currency FROM exchange_rates ORDER BY 1").fetchall()] == ["GBP", "USD"]
    assert one("SELECT count(*) FROM commitment_events WHERE meeting_id IS NOT NULL")[0] > 100
    assert one("SELECT count(*) FROM pledge_lines WHERE joint_pledge_id IS NOT NULL")[0] >= 2 * rows["joint_pledges"]
    assert one("SELECT count(*) FROM training_programmes WHERE pledge_lines IS NOT NULL")[0] > 10
    assert one("SELECT count(*) FROM sources WHERE url IS NULL")[0] > 0
    assert (
        one("SELECT count(*) FROM gdp WHERE year = 2021")[0] == one("SELECT count(*) FROM donors WHERE donor_type = 'country'")[0]
    )


def test_sizes_grow_slowly_and_stop():
    assert sizes(1_000)["systems"] < sizes(100_000)["systems"] < sizes(10_000_000)["systems"] <= 30_000
    assert sizes(10_000_000)["donors"] == 200
    assert sizes(10_000_000)["sources"] == 2_500_000


@pytest.mark.parametrize("written", ["1e3", "1_000", "1000"])
def test_cli_synthesize(tmp_path, capsys, written):
    assert main(["synthesize", str(tmp_path / "data"), "--events", written, "--seed", "2"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"wrote {tmp_path / 'data'}: 1000 commitment events, ")
    assert line.endswith("MB)") and "(21 files, " in line


def test_cli_synthesize_refuses_a_fraction(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["synthesize", str(tmp_path), "--events", "2.5"])
    assert "expected a whole number" in capsys.readouterr().err


def test_rows_needing_quotes_are_written_as_the_csv_module_writes_them():
    columns = [pa.array(["a", 'say "up to"', None, "x,y"]), pa.array(["two\nlines", "", "plain", "z"])]
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\n").writerows(zip(*[[v or "" for v in c.to_pylist()] for c in columns]))
    assert bytes(csv_rows(columns)).decode("utf-8") == expected.getvalue()
    assert bytes(csv_rows([pa.array(["a", "b"]), pa.array([None, "c"])])).decode("utf-8") == "a,\nb,c\n"

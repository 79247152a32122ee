"""SQL files run in the order derived from what each reads (tracker.sql_order), not by retrying."""

from __future__ import annotations

import pytest

from tracker import database
from tracker.schema import load_package
from tracker.sql_order import SqlOrderError, order, parse


def _known() -> set[str]:
    macros = {name for f in database.parsed_sql(*database.BEFORE_LOADING) for name in f.creates}
    return macros | {t.name for t in load_package().tables}


def test_order_of_the_real_files():
    files = database.parsed_sql(*database.AFTER_LOADING)
    shown = [f.shown for f in order(files, _known())]
    assert sorted(shown) == sorted(f.shown for f in files)
    at = shown.index
    assert at("derived/pledge_line_history.sql") < at("derived/pledge_line_states.sql") < at("views/pledge_lines_as_of.sql")
    assert at("derived/pledge_line_history.sql") < at("derived/pledge_line_values.sql") < at("views/donor_values_as_of.sql")
    # table macros read other table macros: pledge_lines_as_of( and line_delivery_as_of( are calls, not FROMs
    assert at("views/pledge_lines_as_of.sql") < at("views/line_delivery_as_of.sql") < at("views/delivery_summary_as_of.sql")
    assert (
        at("views/commitment_tranches_as_of.sql") < at("views/delivery_matches_as_of.sql") < at("derived/meeting_outcomes.sql")
    )  # a derived table built from macros, once per database
    # files that read only the loaded tables come first, sorted by name among those
    assert shown[:3] == ["derived/donor_gdp.sql", "derived/line_refusals.sql", "derived/source_citations.sql"]
    assert at("views/commitment_totals.sql") < at("derived/pledge_line_history.sql")  # a view a table is built on


def test_what_a_file_creates_and_reads():
    f = parse(database.SQL_DIR / "views" / "line_delivery_as_of.sql")
    assert f.creates == {"line_delivery_as_of"}
    assert {"pledge_line_history", "deliveries", "commitment_events"} <= set(f.relations)
    assert {"pledge_lines_as_of", "delivery_matches_as_of"} <= set(f.calls)
    assert "lines" in f.ctes


def _write(tmp_path, name, sql):
    path = tmp_path / name
    path.write_text(sql, encoding="utf-8")
    return parse(path)


def test_expressions_with_from_are_not_relations(tmp_path):
    f = _write(
        tmp_path,
        "a.sql",
        """-- FROM nowhere in a comment
        CREATE VIEW a AS SELECT extract(year FROM d) AS y, x IS DISTINCT FROM y AS z, 'FROM quoted' AS s
        FROM t JOIN LATERAL (FROM u) ON true, range(3) WHERE EXISTS (SELECT 1 FROM "V" JOIN main.w USING (k))""",
    )
    assert set(f.relations) == {"t", "u", "v", "w"}
    assert f.relations["t"] == 3


def test_a_cycle_is_reported(tmp_path):
    files = [
        _write(tmp_path, "a.sql", "CREATE VIEW a AS SELECT * FROM b;"),
        _write(tmp_path, "b.sql", "CREATE VIEW b AS SELECT * FROM c;"),
        _write(tmp_path, "c.sql", "CREATE MACRO c() AS TABLE SELECT * FROM a;"),
        _write(tmp_path, "d.sql", "CREATE VIEW d AS SELECT * FROM t;"),
    ]
    with pytest.raises(SqlOrderError) as error:
        order(files, {"t"})
    message = str(error.value)
    assert message.startswith("SQL files read each other in a cycle (each reads what the next creates): ")
    cycle = message.split(": ", 1)[1].split(" -> ")
    assert len(cycle) == 4 and cycle[0] == cycle[-1] and sorted(cycle[:3]) == ["a.sql", "b.sql", "c.sql"]
    # each reads what the next creates
    reads = {"a.sql": "b.sql", "b.sql": "c.sql", "c.sql": "a.sql"}
    assert all(reads[x] == y for x, y in zip(cycle, cycle[1:]))


def test_an_unknown_relation_is_reported_with_its_line(tmp_path):
    files = [
        _write(tmp_path, "a.sql", "CREATE VIEW a AS\nSELECT * FROM t\nJOIN missing_table USING (k);"),
        _write(tmp_path, "b.sql", "CREATE VIEW b AS SELECT * FROM a;"),
    ]
    with pytest.raises(SqlOrderError) as error:
        order(files, {"t"})
    assert str(error.value) == (
        "a.sql:3: reads missing_table, which no SQL file of the build creates "
        "(expected a table of the data package or a table, view or macro of tracker/sql)"
    )
    assert [f.shown for f in order(files, {"t", "missing_table"})] == ["a.sql", "b.sql"]


def test_two_files_creating_one_name_are_reported(tmp_path):
    files = [
        _write(tmp_path, "a.sql", "CREATE VIEW a AS SELECT 1;"),
        _write(tmp_path, "b.sql", "CREATE OR REPLACE VIEW a AS SELECT 2;"),
    ]
    with pytest.raises(SqlOrderError, match="^b.sql: creates a, which a.sql also creates$"):
        order(files)

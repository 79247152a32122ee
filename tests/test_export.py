"""`tracker export` on the research fixture: every table, view and macro in each format, readable
back with the same rows, with the data dictionary beside them."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pandas as pd
import pytest

from tracker.catalogue import objects
from tracker.export import export
from tracker.schema import load_package

DAY = date(2023, 12, 31)


@pytest.fixture(scope="module")
def con(research_db):
    c = duckdb.connect(str(research_db), read_only=True)
    yield c
    c.close()


def expected_files() -> set[str]:
    names = {t.name for t in load_package().tables}
    names |= {f"{o.name}_{DAY}" if o.is_macro else o.name for o in objects()}
    return names


@pytest.fixture(scope="module", params=["parquet", "csv", "xlsx"])
def exported(request, con, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    counts = export(con, out, request.param, DAY)
    return request.param, out, counts


def test_every_table_view_and_macro_is_exported(exported, con):
    fmt, out, counts = exported
    assert set(counts) == expected_files()
    assert counts["pledge_lines"] == con.execute("SELECT count(*) FROM pledge_lines").fetchone()[0] == 7
    assert counts[f"line_delivery_as_of_{DAY}"] == 7
    if fmt != "xlsx":
        assert {p.stem for p in out.glob(f"*.{fmt}")} == expected_files() | {"export_dictionary"}
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert f"called for {DAY}" in readme and "| pledge_lines" in readme.replace("tracker.xlsx, sheet ", "")


def test_parquet_keeps_types_and_lists(tmp_path, con):
    export(con, tmp_path, "parquet", DAY)
    back = duckdb.execute(
        f"SELECT line_id, days_to_full_delivery, full_delivery FROM '{tmp_path}/line_delivery_as_of_{DAY}.parquet' "
        "WHERE line_id = 'DEU-leopard-2a6'"
    ).fetchone()
    assert back[:2] == ("DEU-leopard-2a6", 61) and str(back[2]) == "2023-03-27"
    claims = duckdb.execute(
        f"SELECT system_families FROM '{tmp_path}/claim_reconciliation.parquet' WHERE claim_id = 'leopard-150'"
    ).fetchone()
    assert claims == (["leopard-2", "leopard-1"],)
    # the as-of exports carry what is certain and what is possible on the day
    both = duckdb.execute(
        f"SELECT sum(delivered), sum(delivered_possible) >= sum(delivered) FROM '{tmp_path}/pledge_lines_as_of_{DAY}.parquet'"
    ).fetchone()
    assert both == con.execute("SELECT sum(delivered), true FROM pledge_lines_as_of(DATE '2023-12-31')").fetchone()
    same = duckdb.execute(f"SELECT count(*) FROM '{tmp_path}/commitment_events.parquet'").fetchone()[0]
    assert same == con.execute("SELECT count(*) FROM commitment_events").fetchone()[0]


def test_csv_is_plain_and_described(tmp_path, con):
    export(con, tmp_path, "csv", DAY)
    claims = pd.read_csv(tmp_path / "claim_reconciliation.csv", dtype=str, keep_default_na=False)
    assert claims.set_index("claim_id").loc["leopard-150", "system_families"] == "leopard-2; leopard-1"
    values = pd.read_csv(tmp_path / f"donor_values_as_of_{DAY}.csv").set_index("donor")
    assert values.loc["GBR", "value_eur"] == pytest.approx(50_000_000 / 0.87063)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    assert set(resources) == {f"{n}.csv" for n in expected_files()}
    fields = {f["name"]: f for f in resources[f"line_delivery_as_of_{DAY}.csv"]["schema"]["fields"]}
    assert fields["days_to_full_delivery"]["type"] == "integer" and "61" in fields["days_to_full_delivery"]["description"]
    dictionary = pd.read_csv(tmp_path / "export_dictionary.csv", keep_default_na=False)
    assert dictionary["description"].ne("").all()
    assert len(dictionary) == sum(len(r["schema"]["fields"]) for r in package["resources"])


def test_xlsx_has_a_sheet_per_part(tmp_path, con):
    export(con, tmp_path, "xlsx", DAY)
    sheets = pd.read_excel(tmp_path / "tracker.xlsx", sheet_name=None)
    assert list(sheets)[:2] == ["contents", "export_dictionary"]
    assert set(sheets) - {"contents", "export_dictionary"} == {n.removesuffix(f"_{DAY}") for n in expected_files()}
    lines = sheets["line_delivery_as_of"].set_index("line_id")
    assert lines.loc["DEU-leopard-2a6", "days_to_full_delivery"] == 61
    assert sheets["training_slippage"].set_index("programme_id").loc["deu-leopard-crews", "slip_days"] == -11
    contents = sheets["contents"].set_index("sheet")
    assert contents.loc["pledge_lines", "rows"] == 7


def test_unknown_format_and_a_file_in_the_way(tmp_path, con):
    from tracker.problems import UserError

    with pytest.raises(UserError, match="--format must be one of parquet, csv, xlsx"):
        export(con, tmp_path, "json", DAY)
    (tmp_path / "file").write_text("x")
    with pytest.raises(UserError, match="exists and is not a directory"):
        export(con, tmp_path / "file", "csv", DAY)


def test_the_command(research_db, tmp_path, capsys):
    from tracker.cli import main

    assert main(["export", str(tmp_path / "out"), "--format", "csv", "--as-of", "2023-03-31", "--db", str(research_db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"exported {len(expected_files())} tables, views and macros (")
    assert "macros as of 2023-03-31" in out
    assert (tmp_path / "out" / "pledge_lines_as_of_2023-03-31.csv").exists()
    assert main(["export", str(tmp_path / "x"), "--as-of", "31.03.2023", "--db", str(research_db)]) == 2
    assert "--as-of must be a date (YYYY-MM-DD), got '31.03.2023'" in capsys.readouterr().err

"""schemas/ is the one source: the SQL column checks, DDL, docs/ data dictionary and SQL reference follow it."""

from __future__ import annotations

import duckdb
import pytest

from tracker import generate
from tracker.column_sql import _unique_parts, _value_checks
from tracker.ddl import create_all
from tracker.schema import load_package


def test_generated_artefacts_match_schemas():
    assert generate.drifted() == [], "run `tracker generate` and commit the result"


def test_sql_column_checks_cover_every_declared_column():
    for table in load_package().tables:
        _, checks = _value_checks(table, "t", frozenset())
        assert sorted({column for column, _, _ in checks}) == sorted(table.columns)  # each has at least the space check
        required = {column for column, _, rule in checks if rule == "required"}
        assert required == {f.name for f in table.fields if f.required}
        unique = [key for key, _, _ in _unique_parts(table, "t", frozenset())]
        assert [k for k in unique if len(k) == 1] == [[f.name] for f in table.fields if f.unique]
        if len(table.primary_key) > 1:  # a one-column key is a unique column, above
            assert unique[-1] == list(table.primary_key)


def test_ddl_creates_every_table_with_comments():
    package = load_package()
    con = duckdb.connect()
    con.execute(create_all(package))
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()}
    assert tables == {t.name for t in package.tables}
    uncommented = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND (comment IS NULL OR comment = '')"
    ).fetchall()
    assert uncommented == []


def test_every_foreign_key_names_a_declared_column():
    package = load_package()
    for table in package.tables:
        for fk in table.foreign_keys:
            assert fk.field in table.columns
            assert fk.ref_field in package.table(fk.table).primary_key


def test_readme_documents_every_command_and_the_docs_every_table_and_view():
    from tracker.catalogue import objects
    from tracker.cli import parser

    readme = generate.README.read_text(encoding="utf-8")
    commands = parser()._subparsers._group_actions[0].choices
    assert [name for name in commands if f"| `tracker {name}" not in readme] == []
    dictionary = generate.DATA_DICTIONARY.read_text(encoding="utf-8")
    assert [t.name for t in load_package().tables if f"#### `{t.name}`" not in dictionary] == []
    reference = generate.SQL_REFERENCE.read_text(encoding="utf-8")
    assert [o.call for o in objects() if f"#### `{o.call}` ({o.kind})" not in reference] == []


def test_generate_names_the_file_without_a_marker(tmp_path, monkeypatch):
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text("# no markers\n", encoding="utf-8")
    monkeypatch.setattr(generate, "ROOT", tmp_path)
    with pytest.raises(ValueError, match=r"^docs/page.md has no <!-- data-dictionary:begin"):
        generate._filled(page, [(generate.BEGIN, generate.END, "")])

"""How the code is put together, checked so that it stays so: one CSV reader, connections opened and
closed by `with`, and the benchmark speaking to the dashboard only through public interfaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tracker import csv_reader
from tracker.schema import load_package

TRACKER = Path(__file__).resolve().parent.parent / "tracker"


def _source(*parts: str) -> str:
    return (TRACKER.joinpath(*parts)).read_text(encoding="utf-8")


@pytest.mark.parametrize("module", ["load.py", "diff.py", "fmt.py"])
def test_validate_diff_and_fmt_read_csv_through_the_one_reader(module):
    text = _source(module)
    assert "from tracker.csv_reader import" in text
    assert not re.search(
        r"csv\.(reader|DictReader)\(|\.decode\(\"utf-8\"\)|sniff_delimiter", text.split("def _assert_same_values")[0]
    )


def test_records_carry_the_line_they_start_on():
    table = load_package().table("sources")
    text = csv_reader.open_csv(b'\xef\xbb\xbfa,b\r\n1,"two\nlines"\r\n\r\n3,4\n', table)
    assert text.delimiter == "," and text.bad_byte is None and text.line_count == 5
    assert [(r.line, r.cells, r.blank) for r in text.records()] == [
        (1, ["a", "b"], False),
        (2, ["1", "two\nlines"], False),
        (4, [], True),
        (5, ["3", "4"], False),
    ]


def test_separator_and_first_bad_byte():
    table = load_package().tables[0]
    header = ";".join(table.columns[:2]).encode()
    text = csv_reader.open_csv(header + b"\nx;caf\xe9\n", table)
    assert text.delimiter == ";" and text.bad_byte == (2, 0xE9) and text.undecodable
    assert list(text.records())[1].cells == ["x", "caf\udce9"]


def test_broken_csv_names_its_line():
    text = csv_reader.open_csv(b'a,b\n1,2\n3,"x"y\n', load_package().tables[0])
    with pytest.raises(csv_reader.CsvError) as error:
        list(text.records(strict=True))
    assert error.value.line == 3 and error.value.message.startswith("not valid CSV (")


def test_connections_are_closed_by_with_not_by_hand():
    by_hand = [
        f"{path.relative_to(TRACKER)}:{n}"
        for path in sorted(TRACKER.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bcon\.close\(\)|outcome\.con\.close", line)
    ]
    assert by_hand == []


def test_benchmark_uses_no_private_dash_module():
    private = [
        f"{path.name}: {line.strip()}"
        for path in sorted((TRACKER / "benchmark").rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\bdash\._|from dash\.\w*\._|import dash\._|dashboards\.pages", line)
    ]
    assert private == []

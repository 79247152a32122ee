"""tracker diff: the changelog of the data between git revisions, on real repositories in tmp_path."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.diff import Unreadable, parse_csv
from tracker.schema import load_package

VALID = Path(__file__).parent / "fixtures" / "valid"

DEU_2 = "DEU-2,DEU-leopard-2a6,2023-02-24,increased,18,,,,,bund-2023-01-25,,Fixture: one source stands for several rows.,,\n"
POL_D_2 = "POL-d-2,POL-leopard-2a4,2023-03,10,wire-2023-03,,,curated,\n"
NEW_DELIVERY = "DEU-d-2,DEU-leopard-2a6,2023-04,2,bund-2023-01-25,,,curated,Last two tanks\n"
LEOPARD_150 = "leopard-150,2023-03,Minister,committed,150,at_least,leopard-2;leopard-1,DEU;POL,nhk-2023-02-14,,Fixture: one source stands for several rows.,\n"


@pytest.fixture(autouse=True)
def isolated_git(tmp_path, monkeypatch):
    """Git sees neither the user's configuration nor any repository above tmp_path."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.email=test@example.org",
            "-c",
            "user.name=Test",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "--short", "HEAD")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository whose first commit holds the valid fixtures in data/."""
    root = tmp_path / "repo"
    shutil.copytree(VALID, root / "data")
    git(root, "init", "-q", "-b", "main")
    commit(root, "first")
    return root


def release(repo: Path) -> Path:
    """The known edits: one field changed, one row added, one removed, and edits that change nothing."""
    data = repo / "data"
    edit(data / "commitment_events.csv", DEU_2, DEU_2.replace(",18,", ",20,"))
    with (data / "deliveries.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(NEW_DELIVERY)
    edit(data / "coalition_claims.csv", LEOPARD_150, "")
    header, *rows = (data / "pledge_lines.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data / "pledge_lines.csv").write_text(header + "".join(reversed(rows)), encoding="utf-8", newline="")
    sources = (data / "sources.csv").read_text(encoding="utf-8")
    (data / "sources.csv").write_text(sources.replace("\n", "\r\n"), encoding="utf-8", newline="")
    donors = list(csv.reader(io.StringIO((data / "donors.csv").read_text(encoding="utf-8"), newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([list(reversed(r)) for r in donors])  # columns reversed
    (data / "donors.csv").write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))  # and a BOM
    return data


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["diff", *argv])
    out, err = capsys.readouterr()
    return status, out, err


EXPECTED = """\
data/ from {a} (HEAD~1) to {b} (HEAD): 3 tables differ: 1 row added, 1 changed, 1 removed

## commitment_events: 1 changed
- changed DEU-2: committed: 18 -> 20

## deliveries: 1 added
- added DEU-d-2: line_id=DEU-leopard-2a6, date=2023-04, quantity=2, source_id=bund-2023-01-25, origin=curated, note="Last two tanks"

## coalition_claims: 1 removed
- removed leopard-150: date=2023-03, claimant=Minister, measure=committed, quantity=150, qualifier=at_least, system_families=leopard-2;leopard-1, donors=DEU;POL, source_id=nhk-2023-02-14, source_lag_reason="Fixture: one source stands for several rows."
"""


def test_two_revisions_list_exactly_the_edits(repo, capsys):
    first = git(repo, "rev-parse", "--short", "HEAD")
    release(repo)
    second = commit(repo, "second")
    status, out, err = run(capsys, "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert (status, err) == (0, "")
    assert out == EXPECTED.format(a=first, b=second)


def test_no_revision_compares_head_with_the_working_tree(repo, capsys):
    head = git(repo, "rev-parse", "--short", "HEAD")
    data = str(repo / "data")
    assert run(capsys, "--data", data) == (0, f"No differences in data/ between {head} (HEAD) and working tree.\n", "")
    edit(
        repo / "data" / "commitment_events.csv",
        DEU_2,
        DEU_2.replace(",18,,,,,", ",20,,,,,").replace(",,\n", ',,"raised in March, with ""two"" more"\n'),
    )
    status, out, err = run(capsys, "--data", data)
    assert (status, err) == (0, "")
    assert out == (
        f"data/ from {head} (HEAD) to working tree: 1 table differs: 1 row changed\n\n"
        "## commitment_events: 1 changed\n"
        '- changed DEU-2: committed: 18 -> 20; note: "" -> "raised in March, with \\"two\\" more"\n'
    )


def test_one_revision_compares_it_with_the_working_tree(repo, capsys):
    first = git(repo, "rev-parse", "--short", "HEAD")
    release(repo)
    commit(repo, "second")
    (repo / "data" / "deliveries.csv").write_text(
        (repo / "data" / "deliveries.csv").read_text(encoding="utf-8").replace(NEW_DELIVERY, ""), encoding="utf-8"
    )
    status, out, err = run(capsys, first, "--data", str(repo / "data"))
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"data/ from {first} to working tree: 2 tables differ: 1 row changed, 1 removed",
        "",
        "## commitment_events: 1 changed",
        "- changed DEU-2: committed: 18 -> 20",
        "",
        "## coalition_claims: 1 removed",
        "- removed leopard-150: date=2023-03, claimant=Minister, measure=committed, quantity=150, qualifier=at_least, "
        "system_families=leopard-2;leopard-1, donors=DEU;POL, source_id=nhk-2023-02-14, "
        'source_lag_reason="Fixture: one source stands for several rows."',
    ]


def test_json(repo, capsys):
    first = git(repo, "rev-parse", "HEAD")
    release(repo)
    commit(repo, "second")
    second = git(repo, "rev-parse", "HEAD")
    status, out, err = run(capsys, "HEAD~1", "main", "--data", str(repo / "data"), "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out) == {
        "data": "data/",
        "from": {"rev": "HEAD~1", "commit": first},
        "to": {"rev": "main", "commit": second},
        "tables": {
            "commitment_events": {
                "status": "changed",
                "added": [],
                "removed": [],
                "columns_added": [],
                "columns_removed": [],
                "changed": [{"key": {"event_id": "DEU-2"}, "fields": {"committed": {"old": "18", "new": "20"}}}],
            },
            "deliveries": {
                "status": "changed",
                "changed": [],
                "removed": [],
                "columns_added": [],
                "columns_removed": [],
                "added": [
                    {
                        "key": {"delivery_id": "DEU-d-2"},
                        "row": {
                            "delivery_id": "DEU-d-2",
                            "line_id": "DEU-leopard-2a6",
                            "date": "2023-04",
                            "quantity": "2",
                            "source_id": "bund-2023-01-25",
                            "corroborated_by": "",
                            "source_lag_reason": "",
                            "origin": "curated",
                            "note": "Last two tanks",
                        },
                    }
                ],
            },
            "coalition_claims": {
                "status": "changed",
                "added": [],
                "changed": [],
                "columns_added": [],
                "columns_removed": [],
                "removed": [
                    {
                        "key": {"claim_id": "leopard-150"},
                        "row": {
                            "claim_id": "leopard-150",
                            "date": "2023-03",
                            "claimant": "Minister",
                            "measure": "committed",
                            "quantity": "150",
                            "qualifier": "at_least",
                            "system_families": "leopard-2;leopard-1",
                            "donors": "DEU;POL",
                            "source_id": "nhk-2023-02-14",
                            "corroborated_by": "",
                            "source_lag_reason": "Fixture: one source stands for several rows.",
                            "note": "",
                        },
                    }
                ],
            },
        },
        "files": {},
        "errors": [],
    }
    assert list(json.loads(out)["tables"]) == ["commitment_events", "deliveries", "coalition_claims"]


def test_unknown_revision_is_one_line(repo, capsys):
    status, out, err = run(capsys, "no-such-tag", "--data", str(repo / "data"))
    assert (status, out) == (2, "")
    assert err == f"tracker: no-such-tag: unknown revision (not a commit of the repository holding {repo / 'data'})\n"
    status, out, err = run(capsys, "HEAD", "HEAD~5", "--data", str(repo / "data"))
    assert (status, out, err.startswith("tracker: HEAD~5: unknown revision")) == (2, "", True)


def test_data_directory_outside_git(tmp_path, capsys):
    data = tmp_path / "plain" / "data"
    shutil.copytree(VALID, data)
    status, out, err = run(capsys, "--data", str(data))
    assert (status, out) == (2, "")
    assert err.startswith(f"tracker: {data}: not inside a git repository (") and err.count("\n") == 1
    assert "Traceback" not in err


def test_tables_added_and_removed(repo, capsys):
    data = repo / "data"
    (data / "exchange_rates.csv").unlink()
    (data / "gdp.csv").unlink()
    first = commit(repo, "without exchange rates and gdp")
    shutil.copy(VALID / "exchange_rates.csv", data)
    rows = "".join(f"D{i:02},2021,{1000 + i},wire-2023-03\n" for i in range(25))
    (data / "gdp.csv").write_text("donor,year,gdp_usd,source_id\n" + rows, encoding="utf-8")
    (data / "coalition_claims.csv").unlink()
    (data / "exceptions.yaml").write_text("[]\n", encoding="utf-8")
    second = commit(repo, "with them")
    status, out, err = run(capsys, "HEAD~1", "HEAD", "--data", str(data))
    assert (status, err) == (0, "")
    assert out == (
        f"data/ from {first} (HEAD~1) to {second} (HEAD): 3 tables differ: 26 rows added, 2 removed; exceptions.yaml added\n\n"
        "## coalition_claims: table removed, 2 rows\n"
        "- removed leopard-150: date=2023-03, claimant=Minister, measure=committed, quantity=150, qualifier=at_least, "
        "system_families=leopard-2;leopard-1, donors=DEU;POL, source_id=nhk-2023-02-14, "
        'source_lag_reason="Fixture: one source stands for several rows."\n'
        "- removed leopard-2-62: date=2023-02-14, claimant=Government, measure=planned, quantity=62, qualifier=exactly, "
        "system_families=leopard-2, source_id=nhk-2023-02-14\n\n"
        "## exchange_rates: new table, 1 row\n"
        "- added USD 2023-02-14: per_eur=1.0759, source_id=wire-2023-03\n\n"
        "## gdp: new table, 25 rows (not listed here; --format json lists them)\n\n"
        "## exceptions.yaml: added\n"
    )
    status, out, _ = run(capsys, "HEAD~1", "HEAD", "--data", str(data), "--format", "json")
    gdp = json.loads(out)["tables"]["gdp"]
    assert (gdp["status"], len(gdp["added"]), gdp["added"][0]["key"]) == ("added", 25, {"donor": "D00", "year": "2021"})
    assert json.loads(out)["files"] == {"exceptions.yaml": "added"}


def test_columns_added_and_removed_are_reported_once(repo, capsys):
    data = repo / "data"
    first = git(repo, "rev-parse", "--short", "HEAD")
    lines = (data / "deliveries.csv").read_text(encoding="utf-8").splitlines()
    (data / "deliveries.csv").write_text(
        "\n".join([lines[0] + ",confidence"] + [line + ",high" for line in lines[1:]]) + "\n", encoding="utf-8"
    )
    rows = list(csv.DictReader(io.StringIO((data / "sources.csv").read_text(encoding="utf-8"), newline="")))
    with (data / "sources.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, [c for c in rows[0] if c != "note"], extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    status, out, err = run(capsys, "HEAD", "--data", str(data))
    assert (status, err) == (0, "")
    assert out == (
        f"data/ from {first} (HEAD) to working tree: 2 tables differ: 1 column added, 1 removed\n\n"
        "## sources: 1 column removed\n- column removed: note\n\n"
        "## deliveries: 1 column added\n- column added: confidence\n"
    )


def test_unreadable_csv_is_named_with_revision_file_and_line(repo, capsys):
    data = repo / "data"
    with (data / "deliveries.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(POL_D_2.replace(",10,", ",11,"))
    commit(repo, "duplicate key")
    edit(data / "coalition_claims.csv", "Government,", '"Government,')
    status, out, err = run(capsys, "HEAD~1", "--data", str(data))
    assert (status, err) == (1, "")
    assert out.splitlines()[2:] == [
        f"## deliveries: not compared: {data}/deliveries.csv:5: duplicate primary key POL-d-2 (first on line 4)",
        "",
        f"## coalition_claims: not compared: {data}/coalition_claims.csv:2: not valid CSV (unexpected end of data)",
    ]
    assert out.splitlines()[0].endswith(": 2 tables not compared")
    status, out, err = run(capsys, "HEAD~1", "HEAD", "--data", str(data), "--format", "json")
    assert (status, err) == (1, "")
    assert json.loads(out)["errors"] == ["HEAD:data/deliveries.csv:5: duplicate primary key POL-d-2 (first on line 4)"]
    assert json.loads(out)["tables"] == {}


def test_parse_csv_reads_text_and_ignores_layout():
    deliveries = load_package().table("deliveries")
    plain = parse_csv((VALID / "deliveries.csv").read_bytes(), deliveries)
    semicolons = (
        b"\xef\xbb\xbfnote;quantity;delivery_id;line_id;date;source_id;corroborated_by;source_lag_reason;origin\r\n"
        b";4;POL-d-1;POL-leopard-2a4;2023-02-24;wire-2023-03;;;curated\r\n"
    )
    assert parse_csv(semicolons, deliveries).rows[("POL-d-1",)] == plain.rows[("POL-d-1",)]
    with pytest.raises(Unreadable) as caught:
        parse_csv("delivery_id,note\nA,ok\nB,caf\xe9\n".encode("latin-1"), deliveries)
    assert (caught.value.line, caught.value.message) == (3, "not UTF-8 text (byte 0xE9; save the file as CSV UTF-8)")
    with pytest.raises(Unreadable) as caught:
        parse_csv(b"line_id,note\nA,ok\n", deliveries)
    assert (caught.value.line, caught.value.message) == (1, 'no column "delivery_id" in the header (part of the primary key)')

"""evidence_summary and delivery_dating measure how well the shipped record is evidenced; here they
are recomputed by hand from the CSVs, and the record's standing targets are pinned."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tracker.fuzzy_dates import precision
from tracker.load import read_rows

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCED = {
    "commitment_events": ("event_id", "date"),
    "deliveries": ("delivery_id", "date"),
    "coalition_claims": ("claim_id", "date"),
    "meetings": ("meeting_id", "date"),
    "training_programmes": ("programme_id", "start"),
}


@pytest.fixture(scope="module")
def con(shipped_db):
    c = duckdb.connect(str(shipped_db), read_only=True)
    yield c
    c.close()


def by_hand(table: str) -> tuple[int, int, int, int]:
    sources = {s["source_id"]: s for s in read_rows(DATA / "sources.csv")}
    rows = read_rows(DATA / f"{table}.csv")
    _, date_column = SOURCED[table]

    def corroborated(r) -> bool:
        best = sources[r["source_id"]]["publisher"]
        return any(sources[s]["publisher"] != best for s in r["corroborated_by"].split(";") if s)

    return (
        len(rows),
        sum(sources[r["source_id"]]["reliability"] == "official" for r in rows),
        sum(corroborated(r) for r in rows),
        sum(precision(r[date_column]) in ("day", "month") for r in rows),
    )


@pytest.mark.parametrize("table", SOURCED)
def test_evidence_summary_counts_what_the_csvs_hold(con, table):
    row = con.execute(
        "SELECT rows, official_source, corroborated, dated_month_or_better FROM evidence_summary WHERE table_name = ?", [table]
    ).fetchone()
    assert row == by_hand(table)


def test_delivery_dating_adds_up(con):
    units, month, coarse, by_report, by_kiel = con.execute("""
        SELECT sum(units), sum(units_month_or_better), sum(units_quarter_or_year), sum(units_by_a_report),
               sum(units_by_kiel_release) FROM delivery_dating""").fetchone()
    assert units == month + coarse + by_report + by_kiel
    lines = {r["line_id"]: r for r in read_rows(DATA / "pledge_lines.csv")}
    delivered = sum(float(d["quantity"]) for d in read_rows(DATA / "deliveries.csv") if lines[d["line_id"]]["unit"] == "units")
    assert units == delivered


def test_every_contact_group_meeting_has_a_linked_announcement(con):
    """Issue 12 asked for at least 18 of the first 26; research found announcements for all 26, and for
    the meetings of 2025 on which a government announced something (udcg-27, -30, -31)."""
    unlinked = con.execute("""SELECT list(meeting_id ORDER BY date) FROM meetings WHERE series = 'udcg'
                              AND meeting_id NOT IN (SELECT meeting_id FROM commitment_events WHERE meeting_id IS NOT NULL)""").fetchone()[
        0
    ]
    assert con.execute("SELECT count(*) FROM meetings WHERE series = 'udcg'").fetchone()[0] == 33
    # 28, 29, 32 and 33: the ministers' statements we read name no donor's new item or package
    assert unlinked == ["udcg-28", "udcg-29", "udcg-32", "udcg-33"]


def test_more_than_half_of_the_curated_rows_are_corroborated(con):
    """Rows researched by hand; the importer's rows stand for Kiel's and cite the page Kiel cites."""
    rows = con.execute("""SELECT count(*), count(*) FILTER (WHERE len(coalesce(e.corroborated_by, [])) > 0)
                          FROM commitment_events AS e JOIN pledge_lines AS l USING (line_id) WHERE l.origin = 'curated'""").fetchone()
    assert rows[1] / rows[0] > 0.5


def test_the_readme_example_czech_t72_certain_and_possible(con):
    """Five T-72 on rail cars in April 2022 (Prague Morning, https://www.praguemorning.cz/czech-republic-sends-tanks-rocket-launchers-artillery-to-ukraine/);
    89 supplied in the first year, said the prime minister on 2023-02-22 (Reuters,
    https://stabroeknews.com/2023/02/23/news/world/czechs-have-sent-89-tanks-hundreds-of-pieces-of-heavy-machinery-to-ukraine-pm/print).
    The README's SQL example gives exactly this."""

    def on(day):
        return con.execute(
            """SELECT committed, delivered, delivered_possible FROM pledge_lines_as_of(CAST(? AS DATE))
                              WHERE line_id = 'CZE-t-72-modified'""",
            [day],
        ).fetchone()

    assert on("2022-03-31") is None
    assert on("2022-04-05") == (None, 0, 89)  # announced without a number: all may have gone from then
    assert on("2022-04-30") == (None, 5, 89)  # April has ended: five certain, the rest possible
    assert on("2022-12-31") == (None, 5, 89)
    assert on("2023-02-22") == (89, 89, 89)
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    assert "WHERE line_id = 'CZE-t-72-modified';\n-- NULL, 5, 89" in readme


def test_an_increase_of_undisclosed_size_leaves_a_floor(con):
    """190 Bradleys by July 2023 (the drawdown of 2023-07-07); more were added in the packages of
    2024-05-10 (https://www.pravda.com.ua/eng/news/2024/05/10/7455210/) and 2024-09-06 without a number.
    The record keeps the 190 as certain, says they are a floor, and leaves the largest possible total open."""

    def on(day):
        return con.execute(
            """SELECT committed, committed_is_floor, committed_possible FROM pledge_lines_as_of(CAST(? AS DATE))
               WHERE line_id = 'USA-m2-bradley'""",
            [day],
        ).fetchone()

    assert on("2024-05-09") == (190, False, 190)
    assert on("2024-05-10") == (190, True, None)
    assert on("2025-12-31") == (190, True, None)

"""The reference case on the shipped data: as-of answers, claims never summed, joint pledges once."""

from __future__ import annotations

import duckdb
import pytest


@pytest.fixture(scope="module")
def con(shipped_db):
    connection = duckdb.connect(str(shipped_db), read_only=True)
    yield connection
    connection.close()


def one(con, sql, *params):
    rows = con.execute(sql, list(params)).fetchall()
    return rows[0] if rows else None


def germany(con, day):
    return one(
        con,
        "SELECT committed, delivered FROM pledge_lines_as_of(CAST(? AS DATE)) "
        "WHERE donor = 'DEU' AND system_family = 'leopard-2'",
        day,
    )


def test_germany_leopard_2_as_of_dates(con):
    assert germany(con, "2023-01-24") is None
    assert germany(con, "2023-02-14") == (14, 0)
    assert germany(con, "2023-03-01") == (18, 0)
    assert germany(con, "2023-03-31") == (18, 18)


def test_the_62_claim_is_never_added_to_the_14(con):
    total = one(con, "SELECT sum(committed) FROM pledge_lines_as_of(DATE '2023-02-14') WHERE system_family = 'leopard-2'")
    assert total == (43,)  # DEU 14 + POL 14 + NOR 8 + CAN 4 + PRT 3; never 14 + 62
    assert one(
        con,
        "SELECT count(*) FROM pledge_lines_as_of(DATE '2023-02-14') WHERE system_family = 'leopard-2' AND committed IN (62, 76)",
    ) == (0,)


def test_claim_reconciliation_shows_62_beside_itemised_sum(con):
    row = one(
        con,
        "SELECT reconciled_on, claimed, itemised, difference, itemised_donors FROM claim_reconciliation "
        "WHERE claim_id = 'leopard-2-62-nhk'",
    )
    assert str(row[0]) == "2023-02-14"
    assert row[1:4] == (62, 43, 19)
    assert row[4] == ["CAN", "DEU", "NOR", "POL", "PRT"]
    # the month-precision NYT claim is reconciled at the end of February
    assert one(
        con, "SELECT CAST(reconciled_on AS VARCHAR), itemised FROM claim_reconciliation WHERE claim_id = 'leopard-2-62-nyt'"
    ) == ("2023-02-28", 74)


def test_pledge_history_and_partial_deliveries(con):
    poland = "SELECT committed, delivered, outstanding FROM pledge_lines_as_of(CAST(? AS DATE)) WHERE line_id = 'POL-leopard-2a4'"
    assert one(con, poland, "2023-02-24") == (14, 4, 10)
    assert one(con, poland, "2023-03-30") == (14, 4, 10)  # the 2023-03 delivery counts from the end of March
    assert one(con, poland, "2023-03-31") == (14, 14, 0)
    canada = "SELECT committed FROM pledge_lines_as_of(CAST(? AS DATE)) WHERE line_id = 'CAN-leopard-2a4'"
    assert one(con, canada, "2023-02-23") == (4,)
    assert one(con, canada, "2023-02-24") == (8,)


def test_joint_pledge_is_split_and_counted_once(con):
    rows = con.sql(
        "SELECT donor, committed FROM pledge_lines_as_of(DATE '2023-05-01') "
        "WHERE joint_pledge_id = 'dnk-nld-leopard-2a4' ORDER BY donor"
    ).fetchall()
    assert rows == [("DNK", 7), ("NLD", 7)]


def test_pledge_lines_as_of_columns_and_source(con):
    rel = con.sql("SELECT * FROM pledge_lines_as_of(DATE '2023-02-14') WHERE donor = 'NOR' AND system_family = 'leopard-2'")
    for column in [
        "donor",
        "system_family",
        "system",
        "category",
        "committed",
        "delivered",
        "outstanding",
        "first_announced",
        "last_event",
        "source_url",
    ]:
        assert column in rel.columns
    (values,) = rel.fetchall()
    row = dict(zip(rel.columns, values))
    assert (row["system"], row["category"], row["committed"], row["last_event"]) == (
        "leopard-2a4",
        "main_battle_tank",
        8,
        "announced",
    )
    assert row["source_url"] == "https://www.regjeringen.no/en/aktuelt/brusselnyhet/id2963053/"


def test_commitment_timeline_steps(con):
    rows = con.sql(
        "SELECT CAST(date AS VARCHAR), committed, delivered FROM commitment_timeline "
        "WHERE donor = 'DEU' AND system_family = 'leopard-2' ORDER BY date"
    ).fetchall()
    assert rows == [("2023-01-25", 14, 0), ("2023-02-24", 18, 0), ("2023-03-27", 18, 18)]


def test_seed_article_facts(con):
    assert one(con, "SELECT CAST(date_earliest AS VARCHAR), place, country FROM meetings WHERE meeting_id = 'udcg-09'") == (
        "2023-02-14",
        "NATO headquarters, Brussels",
        "BEL",
    )
    assert one(con, "SELECT meeting_id, committed FROM commitment_events WHERE line_id = 'NOR-leopard-2a4'") == ("udcg-09", 8)
    training = one(
        con,
        "SELECT start, CAST(planned_end_latest AS VARCHAR), planned_end_precision, host_country "
        "FROM training_programmes WHERE programme_id = 'deu-leopard-2a6-crews'",
    )
    assert training == ("2023-02-13", "2023-03-31", "month", "DEU")
    assert one(con, "SELECT language, reliability FROM sources WHERE source_id = 'nhk-2023-02-14-ukraine-updates'") == (
        "ja",
        "major_outlet",
    )


def test_every_event_and_delivery_cites_a_source_with_url_or_full_citation(con):
    missing = con.sql("""
        SELECT count(*) FROM (SELECT source_id FROM commitment_events UNION ALL SELECT source_id FROM deliveries) AS e
        LEFT JOIN sources s USING (source_id)
        WHERE s.source_id IS NULL OR (s.url IS NULL AND (s.title IS NULL OR s.publisher IS NULL))""").fetchall()[0]
    assert missing == (0,)


def test_every_leopard_2_line_of_the_reference_transcription_is_in(con):
    lines = {r[0] for r in con.sql("SELECT line_id FROM pledge_lines").fetchall()}
    assert {
        "DEU-leopard-2a6",
        "POL-leopard-2a4",
        "CAN-leopard-2a4",
        "NOR-leopard-2a4",
        "ESP-leopard-2a4",
        "PRT-leopard-2a6",
        "SWE-strv-122",
        "FIN-leopard-2r",
        "DNK-leopard-2a4",
        "NLD-leopard-2a4",
        "NLD-leopard-2a6-leased",
    } <= lines
    claims = {r[0] for r in con.sql("SELECT quantity FROM coalition_claims").fetchall()}
    assert {80, 88, 62, 150, 48} <= claims


def test_build_is_stamped(con, shipped_db):
    info = con.execute("SELECT schema_version, tracker_version FROM build_info").fetchall()[0]
    assert info == ("1.4.0", "0.1.0")
    files = dict(con.sql("SELECT table_name, rows FROM build_files").fetchall())
    assert files["commitment_events"] == one(con, "SELECT count(*) FROM commitment_events")[0]
    assert len(files) == 21

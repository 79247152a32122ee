"""Valuation in EUR: line_values_as_of and donor_values_as_of on the shipped data, recomputed by hand
from the CSVs; stated values against unit prices on a small fixture; the unit prices Kiel gives."""

from __future__ import annotations

import csv
import shutil
import statistics
from bisect import bisect_right
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import KIEL_MAIN, ROOT, VALID

from tracker.build import build
from tracker.cli import main
from tracker.fuzzy_dates import bounds

DATA = ROOT / "data"
END_2023 = "2023-12-31"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Rates:
    """The ECB rates of exchange_rates.csv, looked up the way the convention says: the last rate
    on or before a day (within a week)."""

    def __init__(self, data: Path):
        self.days: dict[str, list[date]] = {}
        self.per_eur: dict[str, list[float]] = {}
        for r in sorted(rows(data / "exchange_rates.csv"), key=lambda r: (r["currency"], r["date"])):
            self.days.setdefault(r["currency"], []).append(date.fromisoformat(r["date"]))
            self.per_eur.setdefault(r["currency"], []).append(float(r["per_eur"]))

    def on(self, currency: str, day: date) -> float:
        i = bisect_right(self.days[currency], day) - 1
        assert i >= 0 and (day - self.days[currency][i]).days <= 7
        return self.per_eur[currency][i]

    def average(self, currency: str, year: int) -> float:
        return statistics.mean(p for d, p in zip(self.days[currency], self.per_eur[currency]) if d.year == year)


@pytest.fixture(scope="module")
def con(shipped_db):
    connection = duckdb.connect(str(shipped_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def rates() -> Rates:
    return Rates(DATA)


def line_value(con, line_id: str, day: str) -> dict:
    cursor = con.execute("SELECT * FROM line_values_as_of(CAST(? AS DATE)) WHERE line_id = ?", [day, line_id])
    names = [d[0] for d in cursor.description]
    found = cursor.fetchall()
    return dict(zip(names, found[0])) if found else None


def donor_value(con, donor: str, day: str) -> dict:
    cursor = con.execute("SELECT * FROM donor_values_as_of(CAST(? AS DATE)) WHERE donor = ?", [day, donor])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchall()[0]))


def by_hand(data: Path, rates: Rates, donor: str, as_of: date, counted: bool = False) -> dict[str, float | None]:
    """Each of a donor's lines valued from the CSVs alone (no SQL): committed as of the day x the
    unit price at the ECB rate of the line's first event, or the stated value of the latest event
    (a money line states its committed amount). With counted, what totals count: the share of the
    line's units that no event inside a money package added."""
    lines = {l["line_id"]: l for l in rows(data / "pledge_lines.csv") if l["donor"] == donor}
    prices = {p["system_id"]: p for p in rows(data / "unit_prices.csv")}
    events: dict[str, list[tuple[date, dict]]] = {}
    for e in rows(data / "commitment_events.csv"):
        if e["line_id"] in lines:
            events.setdefault(e["line_id"], []).append((bounds(e["date"])[1], e))
    values = {}
    for line_id, dated in events.items():
        dated.sort(key=lambda x: (x[0], x[1]["event_id"]))
        known = [(d, e) for d, e in dated if d <= as_of]
        if not known:
            continue  # not yet announced
        day, latest = known[-1]
        line = lines[line_id]
        price = prices.get(line["system_id"])
        if latest["value"]:
            per_eur = 1.0 if latest["value_currency"] == "EUR" else rates.on(latest["value_currency"], day)
            values[line_id] = float(latest["value"]) / per_eur
        elif not line["system_id"] and latest["committed"]:
            per_eur = 1.0 if line["unit"] == "EUR" else rates.on(line["unit"], day)
            values[line_id] = float(latest["committed"]) / per_eur
        elif latest["committed"] and price:
            per_eur = 1.0 if price["currency"] == "EUR" else rates.on(price["currency"], dated[0][0])
            values[line_id] = float(latest["committed"]) * float(price["price"]) / per_eur
        else:
            values[line_id] = None
        if counted and values[line_id] is not None:
            packaged, before = 0.0, 0.0
            for _, e in known:
                now = float(e["committed"]) if e["committed"] else None
                if e["package_line_id"] and now is not None:
                    packaged += max(now - before, 0)
                before = now if now is not None else before
            total = float(latest["committed"]) if latest["committed"] else 0
            if packaged:
                values[line_id] *= 1 - min(packaged / total, 1) if total else 0
    return values


# --- the shipped data ---------------------------------------------------------------------------


def test_germany_leopard_2a6_is_committed_times_kiel_price_at_the_first_announcement_rate(con, rates):
    price = next(p for p in rows(DATA / "unit_prices.csv") if p["system_id"] == "leopard-2a6")
    assert (price["currency"], price["basis"], price["source_id"]) == ("USD", "kiel_estimate", "kiel-ust-2024-08-06")
    per_eur = rates.on("USD", date(2023, 1, 25))  # the line's first announcement
    assert per_eur == 1.0878
    usd = float(price["price"])
    for day, committed in (("2023-02-14", 14), ("2023-03-01", 18), (END_2023, 18)):
        row = line_value(con, "DEU-leopard-2a6", day)
        assert row["committed"] == committed
        assert row["value_basis"] == "unit_price" and row["is_estimate"] is True
        assert row["value_eur"] == pytest.approx(committed * usd / per_eur, rel=1e-12)
        assert row["unit_price_eur"] == pytest.approx(usd / per_eur, rel=1e-12)
        assert row["price_source_id"] == row["value_source_id"] == "kiel-ust-2024-08-06"
        assert str(row["price_rate_date"]) == "2023-01-25"
    # by the end of March all 18 had arrived
    assert line_value(con, "DEU-leopard-2a6", "2023-03-31")["delivered_value_eur"] == pytest.approx(18 * usd / per_eur)
    assert line_value(con, "DEU-leopard-2a6", "2023-01-24") is None


def test_stated_value_wins_on_the_shipped_data(con):
    row = line_value(con, "HRV-mine-clearing-system-unspecified", END_2023)
    assert row["committed"] is None  # undisclosed: a unit price could not value it
    assert (row["value_basis"], row["is_estimate"], row["value_eur"]) == ("stated", False, 3_000_000)
    assert (row["stated_value"], row["stated_currency"], row["stated_rate_date"]) == (3_000_000, "EUR", None)
    assert row["value_source_id"] == "kmu-gov-ua-af503ba4"
    assert row["unit_price_eur"] is None  # a system "(unspecified)" gathers several models: no one Kiel price
    # where a price exists, the stated value is still used: 18 RCH 155 for EUR 216 million
    # (https://euromaidanpress.com/2022/09/17/germany-greenlights-delivery-of-18-self-propelled-howitzers-to-ukraine/)
    rch = line_value(con, "DEU-rch-155", "2022-12-31")
    assert (rch["value_basis"], rch["value_eur"]) == ("stated", 216_000_000) and rch["unit_price_eur"] is not None


def test_germany_by_hand(con, rates):
    as_of = date(2023, 12, 31)
    lines = by_hand(DATA, rates, "DEU", as_of)
    sql = dict(con.execute("SELECT line_id, value_eur FROM line_values_as_of(DATE '2023-12-31') WHERE donor = 'DEU'").fetchall())
    assert sql.keys() == lines.keys()
    for line_id, value in lines.items():
        assert sql[line_id] == (None if value is None else pytest.approx(value, rel=1e-12)), line_id
    counted = by_hand(DATA, rates, "DEU", as_of, counted=True)
    sql_counted = dict(
        con.execute("SELECT line_id, counted_eur FROM line_values_as_of(DATE '2023-12-31') WHERE donor = 'DEU'").fetchall()
    )
    for line_id, value in counted.items():
        assert sql_counted[line_id] == (None if value is None else pytest.approx(value, rel=1e-12, abs=1e-6)), line_id
    total = sum(v for v in counted.values() if v is not None)
    germany = donor_value(con, "DEU", END_2023)
    assert germany["in_packages_eur"] == pytest.approx(
        sum(v for v in lines.values() if v is not None) - total, rel=1e-9, abs=1e-3
    )
    assert germany["value_eur"] == pytest.approx(total, rel=1e-12)
    # share of GDP: 2021 GDP (World Bank, current US$) at the 2021 average ECB USD rate
    gdp_usd = next(float(g["gdp_usd"]) for g in rows(DATA / "gdp.csv") if (g["donor"], g["year"]) == ("DEU", "2021"))
    usd_2021 = rates.average("USD", 2021)
    assert usd_2021 == pytest.approx(1.1827, abs=5e-5)  # the ECB's published 2021 average
    assert germany["gdp_year"] == 2021
    assert germany["gdp_eur"] == pytest.approx(gdp_usd / usd_2021, rel=1e-12)
    assert germany["share_of_gdp"] == pytest.approx(total / (gdp_usd / usd_2021), rel=1e-12)
    assert 0.0005 < germany["share_of_gdp"] < 0.005  # a fraction, not a percentage
    # one stated value of an item line: 18 RCH 155 for EUR 216 million (https://euromaidanpress.com/2022/09/17/germany-greenlights-delivery-of-18-self-propelled-howitzers-to-ukraine/)
    assert sql["DEU-rch-155"] == 216_000_000
    stated = {
        r[0]
        for r in con.execute(
            "SELECT line_id FROM line_values_as_of(DATE '2023-12-31') WHERE donor = 'DEU' AND value_basis = 'stated'"
        ).fetchall()
    }
    assert germany["stated_eur"] == pytest.approx(sum(counted[l] for l in stated), rel=1e-12)
    assert germany["estimated_eur"] == pytest.approx(germany["value_eur"] - germany["stated_eur"], rel=1e-12)
    assert (germany["donor_name"], germany["iso_alpha2"]) == ("Germany", "DE")


@pytest.mark.parametrize("day", ["2022-06-30", "2023-02-14", END_2023])
def test_lines_add_up_to_donors(con, day):
    lines = con.execute(
        """
        SELECT donor, count(*), count(value_eur), sum(counted_eur),
               sum(counted_eur) FILTER (WHERE value_basis = 'unit_price'), sum(counted_eur) FILTER (WHERE value_basis = 'stated'),
               sum(committed) FILTER (WHERE unit = 'units'), sum(delivered) FILTER (WHERE unit = 'units')
        FROM line_values_as_of(CAST(? AS DATE)) GROUP BY donor ORDER BY donor""",
        [day],
    ).fetchall()
    donors = con.execute(
        """
        SELECT donor, lines_valued + lines_unvalued, lines_valued, value_eur, estimated_eur, stated_eur, committed_units, delivered_units
        FROM donor_values_as_of(CAST(? AS DATE)) ORDER BY donor""",
        [day],
    ).fetchall()
    assert [l[0] for l in lines] == [d[0] for d in donors]
    for l, d in zip(lines, donors):
        assert l[1:3] == d[1:3], l[0]
        if l[3] is None:  # no line of the donor could be valued
            assert d[3:6] == (None, None, None), l[0]
            continue
        assert d[3] == pytest.approx(l[3], rel=1e-12), l[0]
        assert d[4] == pytest.approx(l[4] or 0, rel=1e-12) and d[5] == pytest.approx(l[5] or 0, rel=1e-12)
        assert d[3] == pytest.approx(d[4] + d[5], rel=1e-12)
        assert (d[6], d[7]) == (l[6] or 0, l[7] or 0)


@pytest.mark.parametrize("day", ["2022-04-30", "2023-02-14", END_2023])
def test_same_lines_as_pledge_lines_as_of(con, day):
    values = con.execute(
        "SELECT line_id, committed, delivered FROM line_values_as_of(CAST(? AS DATE)) ORDER BY line_id", [day]
    ).fetchall()
    lines = con.execute(
        """SELECT line_id, committed, delivered FROM pledge_lines_as_of(CAST(? AS DATE))
                           WHERE last_event_id IS NOT NULL ORDER BY line_id""",
        [day],
    ).fetchall()
    assert values == lines and values


def test_value_basis_and_flags_are_consistent(con):
    bad = con.execute("""
        SELECT line_id FROM line_values_as_of(DATE '2023-12-31')
        WHERE (value_basis IS NULL) <> (value_eur IS NULL)
           OR is_estimate IS DISTINCT FROM (CASE value_basis WHEN 'unit_price' THEN true WHEN 'stated' THEN false END)
           OR (value_basis = 'unit_price' AND value_eur IS DISTINCT FROM committed * unit_price_eur)
           OR (value_basis = 'stated' AND stated_value IS NULL)""").fetchall()
    assert bad == []
    counts = dict(
        con.execute(
            "SELECT coalesce(value_basis, 'none'), count(*) FROM line_values_as_of(DATE '2023-12-31') GROUP BY ALL"
        ).fetchall()
    )
    assert counts["unit_price"] > 100 and counts["stated"] >= 1 and counts["none"] > 0
    # a line whose system Kiel does not price is left unvalued, never guessed
    swe = line_value(con, "SWE-strv-122", END_2023)
    assert (swe["committed"], swe["unit_price"], swe["value_basis"], swe["value_eur"], swe["is_estimate"]) == (
        10,
        None,
        None,
        None,
        None,
    )


def test_macros_are_commented(con):
    comments = dict(
        con.execute(
            "SELECT function_name, comment FROM duckdb_functions() "
            "WHERE function_name IN ('line_values_as_of', 'donor_values_as_of')"
        ).fetchall()
    )
    assert set(comments) == {"line_values_as_of", "donor_values_as_of"} and all(comments.values())
    reference = (ROOT / "docs" / "sql.md").read_text(encoding="utf-8")
    assert "| [`line_values_as_of(d)`](#sql-line-values-as-of) | table macro |" in reference
    assert "| [`donor_values_as_of(d [, gdp_year := 2021])`](#sql-donor-values-as-of) | table macro |" in reference


def test_gdp_year_can_be_chosen(con, rates):
    row = con.execute(
        "SELECT gdp_year, gdp_eur FROM donor_values_as_of(DATE '2023-12-31', gdp_year := 2023) WHERE donor = 'POL'"
    ).fetchall()[0]
    gdp_usd = next(float(g["gdp_usd"]) for g in rows(DATA / "gdp.csv") if (g["donor"], g["year"]) == ("POL", "2023"))
    assert row == (2023, pytest.approx(gdp_usd / rates.average("USD", 2023), rel=1e-12))


# --- unit prices from Kiel ----------------------------------------------------------------------


def test_unit_prices_are_kiels_most_frequent_price():
    with KIEL_MAIN.open(encoding="utf-8", newline="") as f:
        kiel = list(csv.DictReader(f))
    crosswalk = {
        " ".join(k["kiel_item"].lower().split()): k["system_id"] for k in rows(DATA / "kiel_items.csv") if k["system_id"]
    }
    seen: dict[str, Counter] = {}
    for r in kiel:
        system = crosswalk.get(" ".join(r["Items"].lower().split()))
        price = r["Unit Price in USD"].strip()
        if system and price not in ("", ".", "undisclosed"):
            seen.setdefault(system, Counter())[round(float(price))] += 1
    # a system "(unspecified)" gathers several models: one of their prices is no price for it
    seen = {s: tally for s, tally in seen.items() if not s.endswith("-unspecified")}
    prices = {p["system_id"]: p for p in rows(DATA / "unit_prices.csv")}
    assert set(prices) == set(seen) and len(prices) == len(seen) > 80
    for system, tally in seen.items():
        top = max(tally.values())
        assert int(prices[system]["price"]) == min(p for p, n in tally.items() if n == top), system
    # M270: 4 rows at one price, 1 at another; the note gives the range
    assert prices["m270"]["price"] == "13615659"
    assert "3,193,504 to 13,615,659 USD" in prices["m270"]["note"] and "4 of 5 rows" in prices["m270"]["note"]
    assert {p["basis"] for p in prices.values()} == {"kiel_estimate"}
    assert {p["source_id"] for p in prices.values()} == {"kiel-ust-2024-08-06"}


# --- a small fixture: a stated value in USD beside a unit price ---------------------------------


@pytest.fixture
def fixture_data(tmp_path) -> Path:
    """The valid fixtures with every ECB rate, a USD unit price for the Leopard 2A6 and a stated
    value of 100 million USD on Germany's line on 2023-02-14 (between its announcement and its
    increase to 18)."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    shutil.copy(DATA / "exchange_rates.csv", data / "exchange_rates.csv")
    ecb = next(s for s in rows(DATA / "sources.csv") if s["source_id"] == "ecb-euro-reference-rates")
    with (data / "sources.csv").open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=list(ecb), lineterminator="\n").writerow(ecb)
    with (data / "unit_prices.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("leopard-2a6,5000000,USD,other_estimate,wire-2023-03,test price\n")
    events = (data / "commitment_events.csv").read_text(encoding="utf-8")
    events += "DEU-1b,DEU-leopard-2a6,2023-02-14,increased,16,100000000,USD,,,bund-2023-01-25,,Fixture: the list of 25 January stands for it.,,\n"
    (data / "commitment_events.csv").write_text(events, encoding="utf-8")
    assert main(["fmt", "--data", str(data)]) == 0
    return data


def test_stated_value_wins_over_unit_price_and_converts_at_its_day(fixture_data, tmp_path, capsys):
    db = tmp_path / "fixture.duckdb"
    outcome = build(fixture_data, "data", db)
    assert outcome.problems == [], "\n".join(map(str, outcome.problems))
    con = duckdb.connect(str(db), read_only=True)
    try:
        before, stated, after = (line_value(con, "DEU-leopard-2a6", d) for d in ("2023-02-13", "2023-02-14", "2023-03-31"))
    finally:
        con.close()
    rates = Rates(fixture_data)
    first_rate = rates.on("USD", date(2023, 1, 25))
    # before the stated value: 14 x 5 million USD at the rate of the first announcement
    assert (before["value_basis"], before["is_estimate"]) == ("unit_price", True)
    assert before["value_eur"] == pytest.approx(14 * 5_000_000 / first_rate, rel=1e-12)
    # on 2023-02-14 the event states 100 million USD: ECB 1.0759 USD per EUR that day
    assert rates.on("USD", date(2023, 2, 14)) == 1.0759
    assert (stated["value_basis"], stated["is_estimate"], stated["committed"]) == ("stated", False, 16)
    assert stated["value_eur"] == pytest.approx(92_945_441.0261, abs=0.01)  # 100 USD = 92.95 EUR
    assert str(stated["stated_rate_date"]) == "2023-02-14"
    assert stated["value_source_id"] == "bund-2023-01-25"
    assert stated["unit_price_eur"] == pytest.approx(5_000_000 / first_rate)  # shown, not used
    # the increase to 18 states no value: back to the estimate, still at the first announcement's rate
    assert (after["value_basis"], after["committed"], after["delivered"]) == ("unit_price", 18, 18)
    assert after["value_eur"] == pytest.approx(18 * 5_000_000 / first_rate, rel=1e-12)
    assert after["delivered_value_eur"] == pytest.approx(after["value_eur"])


def test_money_line_and_coarse_dated_stated_value(fixture_data, tmp_path):
    db = tmp_path / "fixture.duckdb"
    assert build(fixture_data, "data", db).problems == []
    con = duckdb.connect(str(db), read_only=True)
    try:
        # 2023-Q1 counts from 2023-03-31: not yet known on 2023-03-30
        assert line_value(con, "XEU-money", "2023-03-30") is None
        q1 = line_value(con, "XEU-money", "2023-03-31")
        reduced = line_value(con, "XEU-money", "2023-07-01")
        xeu = donor_value(con, "XEU", "2023-07-01")
        deu = donor_value(con, "DEU", "2023-02-20")
    finally:
        con.close()
    assert (q1["value_basis"], q1["value_eur"], q1["stated_rate_date"]) == ("stated", 500_000_000, None)
    # a money line states its amount: 400 million EUR after the reduction
    assert (reduced["value_basis"], reduced["value_eur"]) == ("stated", 400_000_000)
    # not a country: no GDP, no share; money counts no units
    assert (xeu["committed_units"], xeu["value_eur"], xeu["gdp_eur"], xeu["share_of_gdp"]) == (0, 400_000_000, None, None)
    rates = Rates(fixture_data)
    gdp_eur = 4278503934689 / rates.average("USD", 2021)
    assert deu["stated_eur"] == pytest.approx(100_000_000 / 1.0759) and deu["estimated_eur"] == 0
    assert deu["share_of_gdp"] == pytest.approx(deu["value_eur"] / gdp_eur, rel=1e-12)


def test_values_without_currency_or_rate_are_reported(fixture_data, capsys):
    events = (fixture_data / "commitment_events.csv").read_text(encoding="utf-8")
    events = events.replace(
        "DEU-j-1,DEU-leopard-2a4-joint,2023-04-20,announced,2,,,", "DEU-j-1,DEU-leopard-2a4-joint,2023-04-20,announced,2,900000,,"
    )
    events = events.replace(
        "POL-1,POL-leopard-2a4,2023-02-14,announced,14,,,", "POL-1,POL-leopard-2a4,2023-02-14,announced,14,10,XYZ,"
    )
    (fixture_data / "commitment_events.csv").write_text(events, encoding="utf-8")
    assert main(["validate", "--data", str(fixture_data)]) == 1
    out = capsys.readouterr().out
    assert (
        ': value_currency: is required when value is given (the ISO 4217 code of the currency the source states it in) (got "900000")'
        in out
    )
    assert (
        "value_currency: has no ECB rate in exchange_rates.csv within the week before 2023-02-14" in out and '(got "XYZ")' in out
    )


def test_packages_and_envelopes_are_counted_once(fixture_data, tmp_path):
    """A package (PKG, EUR 300 million on 2023-02-01) pays for Germany's increase of 2023-02-14 and is
    drawn from a year's envelope (ENV, EUR 1 billion on 2023-01-10): totals count the package once,
    not the units inside it, and the envelope only for what its packages have not drawn."""
    with (fixture_data / "pledge_lines.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("DEU-env-2023,DEU,,EUR,,Fixture envelope,curated,\nDEU-pkg-2023-02-01,DEU,,EUR,,Fixture package,curated,\n")
    events = (fixture_data / "commitment_events.csv").read_text(encoding="utf-8")
    events = events.replace(",increased,16,100000000,USD,,,", ",increased,16,100000000,USD,DEU-pkg-2023-02-01,,")
    events += "ENV-1,DEU-env-2023,2023-01-10,announced,1000000000,,,,,wire-2023-03,,,,\n"
    events += "PKG-1,DEU-pkg-2023-02-01,2023-02-01,announced,300000000,,,DEU-env-2023,,wire-2023-03,,,,\n"
    (fixture_data / "commitment_events.csv").write_text(events, encoding="utf-8")
    assert main(["fmt", "--data", str(fixture_data)]) == 0
    db = tmp_path / "packages.duckdb"
    outcome = build(fixture_data, "data", db)
    assert outcome.problems == [], "\n".join(map(str, outcome.problems))
    con = duckdb.connect(str(db), read_only=True)
    try:

        def counted(day):
            return dict(
                con.execute(f"SELECT line_id, counted_eur FROM line_values_as_of(DATE '{day}') WHERE donor = 'DEU'").fetchall()
            )

        # before the package: the envelope counts whole
        assert counted("2023-01-31")["DEU-env-2023"] == 1_000_000_000
        on_14th = counted("2023-02-14")
        # the package is drawn from the envelope: 1 bn - 300 m left on the envelope, the package whole
        assert on_14th["DEU-env-2023"] == 700_000_000 and on_14th["DEU-pkg-2023-02-01"] == 300_000_000
        # the Leopard line's stated value (its 16 units) is inside the package: the 2 units the event added
        # are left out, the 14 before it still count (stated value x 14/16)
        line = con.execute(
            "SELECT value_eur, counted_eur FROM line_values_as_of(DATE '2023-02-14') WHERE line_id = 'DEU-leopard-2a6'"
        ).fetchone()
        assert line[1] == pytest.approx(line[0] * 14 / 16, rel=1e-12)
        total = con.execute(
            "SELECT value_eur, in_packages_eur FROM donor_values_as_of(DATE '2023-02-14') WHERE donor = 'DEU'"
        ).fetchone()
        assert total[0] == pytest.approx(
            1_000_000_000
            + line[1]
            + sum(
                v
                for k, v in on_14th.items()
                if k.startswith("DEU-") and k not in ("DEU-env-2023", "DEU-pkg-2023-02-01", "DEU-leopard-2a6") and v
            ),
            rel=1e-12,
        )
        # what was left out because another line counts it: the 2 Leopards' share and the drawn 300 m
        assert total[1] == pytest.approx(line[0] / 8 + 300_000_000, rel=1e-12)
    finally:
        con.close()

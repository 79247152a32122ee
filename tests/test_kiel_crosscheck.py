"""Our Leopard 2 totals at the end of 2023 agree with the Kiel Institute's item-level rows."""

from __future__ import annotations

import csv
from collections import defaultdict

import duckdb
from conftest import KIEL_MAIN

COUNTRY_CODES = {
    "Canada": "CAN",
    "Denmark": "DNK",
    "Finland": "FIN",
    "Germany": "DEU",
    "Netherlands": "NLD",
    "Norway": "NOR",
    "Poland": "POL",
    "Portugal": "PRT",
    "Spain": "ESP",
    "Sweden": "SWE",
}


def kiel_leopard_2_units() -> dict[str, float]:
    totals = defaultdict(float)
    with KIEL_MAIN.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["Items"].startswith("Leopard-2") and "ammunition" not in row["Items"]:
                totals[COUNTRY_CODES[row["Countries"]]] += float(row["No. of Units"])
    return dict(totals)


def test_leopard_2_commitments_match_kiel(shipped_db):
    con = duckdb.connect(str(shipped_db), read_only=True)
    ours = dict(
        con.execute(
            "SELECT donor, sum(committed) FROM pledge_lines_as_of(DATE '2023-12-31') "
            "WHERE system_family = 'leopard-2' AND committed > 0 GROUP BY donor"
        ).fetchall()
    )
    con.close()
    assert ours == kiel_leopard_2_units()
    assert sum(ours.values()) == 91

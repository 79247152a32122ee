"""Our Leopard 2 totals at the end of 2023 agree with the Kiel Institute's item-level rows."""

from __future__ import annotations

import csv
import os
from collections import defaultdict

import duckdb
import pytest

from conftest import ROOT

KIEL = ROOT.parent / "shared" / "reference" / "kiel-ust-main-data" / "kiel_bilateral_main_data_retrieved_2024-08-06.csv"
COUNTRY_CODES = {"Canada": "CAN", "Denmark": "DNK", "Finland": "FIN", "Germany": "DEU", "Netherlands": "NLD",
                 "Norway": "NOR", "Poland": "POL", "Portugal": "PRT", "Spain": "ESP", "Sweden": "SWE"}


def kiel_leopard_2_units() -> dict[str, float]:
    totals = defaultdict(float)
    with KIEL.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["Items"].startswith("Leopard-2") and "ammunition" not in row["Items"]:
                totals[COUNTRY_CODES[row["Countries"]]] += float(row["No. of Units"])
    return dict(totals)


def test_leopard_2_commitments_match_kiel(shipped_db):
    if not KIEL.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{KIEL} is missing: CI must have shared/ beside the clone")
        pytest.skip(f"reference material not found at {KIEL}")
    con = duckdb.connect(str(shipped_db), read_only=True)
    ours = dict(con.execute("SELECT donor, sum(committed) FROM pledge_lines_as_of(DATE '2023-12-31') "
                            "WHERE system_family = 'leopard-2' AND committed > 0 GROUP BY donor").fetchall())
    con.close()
    assert ours == kiel_leopard_2_units()
    assert sum(ours.values()) == 91

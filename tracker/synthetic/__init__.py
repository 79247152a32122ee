"""Synthetic data directories for benchmarks: every table of the data package, valid against every
column check and cross-table rule, with realistic shapes, at any scale from a thousand to ten
million commitment events; the same (events, seed) always gives the same bytes.

    from tracker.synthetic import generate
    rows = generate(Path("bench/data"), 1_000_000, seed=0)   # or: tracker synthesize DIR --events 1e6

Scale: about events / 3 pledge lines (most with one or two events, a few with dozens), 0.5-0.7
deliveries per event, events / 4 sources, up to 200 donors (real ISO 3166-1 codes) and systems
growing with the square root of events. Dates run from 2022-01-01 to 2025-12-31.

The parts: calendar (dates and their precisions), catalogue (donors, systems, prices, outlets,
meetings, rates, GDP), history (lines, events, deliveries as numpy arrays), sources, extras
(joint pledges, training, claims), tables and csvfiles (writing in `tracker fmt`'s canonical form).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from tracker.schema import load_package
from tracker.synthetic import calendar as cal
from tracker.synthetic import catalogue, extras, history, tables
from tracker.synthetic.csvfiles import write_large, write_small
from tracker.synthetic.sources import Sources


def sizes(events: int) -> dict[str, int]:
    """How many donors, systems, outlets ... a directory of ``events`` events gets."""
    return {
        "donors": min(200, max(25, round(9 * events**0.25))),
        "systems": min(30_000, max(60, round(3 * math.sqrt(events)))),
        "outlets": min(2_500, max(20, round(math.sqrt(events)))),
        "sources": max(50, round(events / 4)),
        "joint_pledges": min(12, 1 + round(math.log10(events))),
        "claims": min(20, max(3, round(2 * math.log10(events)))),
        "training": min(400, max(8, round(math.sqrt(events) / 2))),
    }


def generate(out_dir: Path, events: int, seed: int = 0) -> dict[str, int]:
    """Write a complete, valid data directory with about `events` commitment events; return the rows written per table."""
    if events < 1:
        raise ValueError(f"events must be at least 1, got {events}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    package = load_package()
    n = sizes(events)
    rng = iter(np.random.default_rng(s) for s in np.random.SeedSequence([seed, 20240806]).spawn(12))

    cat = catalogue.build(next(rng), n["donors"], n["systems"], n["outlets"])
    meeting_of_day = catalogue.meeting_of_day(cat.meetings)
    meeting_days = np.array([m["first"] for m in cat.meetings])
    joint_days = sorted(next(rng).integers(cal.day_of("2022-03-01"), cal.day_of("2025-06-30"), n["joint_pledges"]).tolist())
    lines = history.draw_lines(next(rng), cat, events, joint_days)
    ev = history.draw_events(next(rng), lines, cat, meeting_of_day, meeting_days, joint_days, len(tables.EVENT_NOTES))
    dl = history.draw_deliveries(next(rng), lines, ev, len(tables.DELIVERY_NOTES))
    src = Sources(next(rng), cat, n["sources"], ev.day)
    pick = next(rng)
    event_sources, delivery_sources = src.cite(pick, ev.day), src.cite(pick, dl.day)
    # the pool is sparse at small scales: a source published over 30 days late says why
    event_late = (np.abs(src.day[event_sources] - ev.day.astype(np.int64)) > 30) | (src.day[event_sources] < ev.day)
    delivery_late = (np.abs(src.day[delivery_sources] - dl.day.astype(np.int64)) > 30) | (src.day[delivery_sources] < dl.day)

    def sources_for(count: int) -> list[str]:
        """Sources for the rows of a small table (any of the pool)."""
        return src.ids.take(src.any(pick, count)).to_pylist()

    small = next(rng)
    joint = extras.joint_rows(cat, lines, ev, joint_days, sources_for(len(joint_days)))
    joint_ids = [""] * len(joint_days)
    for row in joint:
        joint_ids[row["index"]] = row["joint_pledge_id"]
    families, systems = catalogue.system_rows(cat, small)
    meeting_ids = [m["meeting_id"] for m in cat.meetings]

    def small_table(name: str, rows: list[dict]) -> int:
        return write_small(out_dir / package.table(name).filename, package.table(name), rows)

    def large_table(name: str, chunks) -> int:
        return write_large(out_dir / package.table(name).filename, package.table(name), chunks)

    counts = {
        "outlets": small_table("outlets", cat.outlets),
        "sources": large_table("sources", src.chunks()),
        "donors": small_table("donors", catalogue.donor_rows(cat)),
        "system_families": small_table("system_families", families),
        "systems": small_table("systems", systems),
        "unit_prices": small_table("unit_prices", catalogue.price_rows(cat, small, sources_for(len(systems)))),
        "system_aliases": small_table("system_aliases", catalogue.alias_rows(cat, small)),
        "kiel_items": small_table("kiel_items", catalogue.kiel_item_rows(cat, small)),
        "kiel_sub_types": small_table(
            "kiel_sub_types",
            [
                {
                    "kiel_item_type": "military equipment",
                    "kiel_sub_type": "military equipment",
                    "system_id": systems[0]["system_id"],
                },
                {"kiel_item_type": ".", "kiel_sub_type": ".", "excluded_because": "a package row without an item"},
            ],
        ),
        "meetings": small_table("meetings", catalogue.meeting_rows(cat, sources_for(len(meeting_ids)))),
        "joint_pledges": small_table("joint_pledges", joint),
        "pledge_lines": large_table("pledge_lines", tables.line_chunks(lines, cat, joint_ids)),
        "commitment_events": large_table(
            "commitment_events", tables.event_chunks(lines, ev, cat, src.ids, event_sources, meeting_ids, event_late)
        ),
        "deliveries": large_table("deliveries", tables.delivery_chunks(lines, dl, src.ids, delivery_sources, delivery_late)),
        "coalition_claims": small_table("coalition_claims", extras.claim_rows(small, cat, n["claims"], sources_for(n["claims"]))),
        "training_programmes": small_table(
            "training_programmes", extras.training_rows(small, cat, lines, ev, n["training"], sources_for(n["training"]))
        ),
        "kiel_comparison_notes": small_table("kiel_comparison_notes", extras.kiel_note_rows(small, cat)),
        "kiel_packages": small_table(
            "kiel_packages",
            [
                {
                    "kiel_id": "XXM1",
                    "donor": catalogue.donor_rows(cat)[0]["donor_id"],
                    "counted_by": "Synthetic: our own money lines.",
                }
            ],
        ),
        "kiel_totals_notes": small_table(
            "kiel_totals_notes",
            [{"note_id": "2025-all", "year": 2025, "explanation": "Synthetic: Kiel's later releases are not in this data."}],
        ),
        "exchange_rates": small_table("exchange_rates", catalogue.rate_rows(small)),
        "gdp": small_table("gdp", catalogue.gdp_rows(cat, small)),
    }
    return {t.name: counts[t.name] for t in package.tables}

"""The small tables that point at pledge lines: joint pledges, training programmes, coalition
claims, and the notes on differences with Kiel's counts."""

from __future__ import annotations

import numpy as np

from tracker.synthetic import calendar as cal
from tracker.synthetic.catalogue import Catalogue
from tracker.synthetic.history import Events, Lines

KIEL_CATEGORIES = ["Tanks", "IFV", "Howitzers", "MLRS", "Air Defense"]
CLAIMANTS = [
    "Chair of the Contact Group",
    "A defence minister",
    "A government spokesperson",
    "A newspaper citing officials",
    "NATO Secretary General",
]


def joint_rows(cat: Catalogue, lines: Lines, ev: Events, joint_days: list[int], sources: np.ndarray) -> list[dict]:
    """One row per joint pledge that received lines; its total is the sum of their first events."""
    rows = []
    for j, day in enumerate(joint_days):
        members = np.flatnonzero(lines.joint == j)
        if members.size == 0:
            continue
        donors = [cat.donors[d] for d in lines.donor[members]]
        system = int(lines.system[members[0]])
        rows.append(
            {
                "index": j,
                "joint_pledge_id": joint_id(j, donors, cat.system_ids[system]),
                "name": f"{_and([cat.donor_names[d] for d in lines.donor[members]])} {cat.system_names[system]}",
                "system_id": cat.system_ids[system],
                "date": cal.ISO[day],
                "total": int(ev.committed[lines.start[members]].sum()),
                "split_basis": ("equal_shares", "stated_shares", "funding_shares", "estimated")[j % 4],
                "source_id": str(sources[j]),
                "note": "Each donor's share is a pledge line of its own." if j % 2 else None,
            }
        )
    return rows


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def joint_id(j: int, donors: list[str], system_id: str) -> str:
    return "-".join(d.lower() for d in sorted(donors)) + f"-{system_id}-{j + 1}"


def training_rows(rng, cat: Catalogue, lines: Lines, ev: Events, n: int, sources: np.ndarray) -> list[dict]:
    """Programmes that train crews for a line's system family (and sometimes its neighbours' lines
    of the same donor), or basic training with no family; planned and actual ends after the start."""
    candidates = np.flatnonzero(lines.system >= 0)
    anchors = rng.choice(candidates, min(n, candidates.size), replace=False)
    rows = []
    for i, a in enumerate(np.sort(anchors)):
        donor, family = cat.donors[lines.donor[a]], int(cat.system_family[lines.system[a]])
        system_training = rng.random() < 0.8
        start = min(cal.N_DAYS - 1, int(ev.latest[lines.start[a]]) + int(rng.integers(0, 120)))
        planned = start + int(rng.integers(30, 400))
        planned = planned if planned < cal.N_DAYS else None
        status = str(rng.choice(["completed", "ongoing", "planned", "suspended", "cancelled"], p=[0.5, 0.3, 0.1, 0.05, 0.05]))
        if planned is None or planned > cal.N_DAYS - 60:
            status = "ongoing" if status == "completed" else status
        actual = min(cal.N_DAYS - 1, max(start, planned + int(rng.integers(-20, 120)))) if status == "completed" else None
        trainees = int(rng.integers(2, 80)) * 10
        linked = [a] + [
            b
            for b in (a + 1, a + 2)
            if b < lines.k.size and lines.donor[b] == lines.donor[a] and lines.system[b] >= 0 and rng.random() < 0.5
        ]
        rows.append(
            {
                "programme_id": f"{donor.lower()}-{cat.family_ids[family] + '-crews' if system_training else 'basic-training'}-{i + 1}",
                "name": f"{cat.family_names[family]} crew training" if system_training else "Basic infantry training",
                "purpose": "Crews and maintainers for the pledged systems" if system_training else "Basic training of recruits",
                "system_family": cat.family_ids[family] if system_training else None,
                "host_country": donor if donor[0] != "X" else None,
                "location": f"Training area {int(rng.integers(1, 40))}",
                "lead": donor,
                "start": cal.text(start, cal.DAY if rng.random() < 0.8 else cal.MONTH),
                "planned_end": None if planned is None else cal.text(planned, cal.DAY if rng.random() < 0.6 else cal.MONTH),
                "actual_end": None if actual is None else cal.ISO[actual],
                "trainees_planned": trainees,
                "trainees_trained": int(trainees * rng.uniform(0.6, 1.3)) if status == "completed" else None,
                "status": status,
                "pledge_lines": ";".join(lines.ids[b].as_py() for b in linked) if system_training else None,
                "source_id": str(sources[i]),
            }
        )
    return rows


def claim_rows(rng, cat: Catalogue, n: int, sources: np.ndarray) -> list[dict]:
    """Aggregate claims about several donors' aid to a family or two, never added to the lines."""
    rows = []
    popular = np.argsort(-cat.system_weight)[:20]
    for i in range(n):
        families = sorted({cat.family_ids[cat.system_family[s]] for s in rng.choice(popular, int(rng.integers(1, 3)))})
        donors = sorted(rng.choice(cat.donors[:20], int(rng.integers(2, 6)), replace=False)) if rng.random() < 0.5 else []
        day, quantity = int(rng.integers(cal.day_of("2022-06-01"), cal.N_DAYS)), int(rng.integers(10, 300))
        rows.append(
            {
                "claim_id": f"{families[0]}-{quantity}-{cal.ISO[day]}-{i + 1}",
                "date": cal.text(day, cal.DAY if rng.random() < 0.8 else cal.MONTH),
                "claimant": str(rng.choice(CLAIMANTS)),
                "measure": str(rng.choice(["committed", "delivered", "planned"])),
                "quantity": quantity,
                "qualifier": str(rng.choice(["exactly", "about", "at_least", "up_to"])),
                "system_families": ";".join(families),
                "donors": ";".join(map(str, donors)) or None,
                "source_id": str(sources[i]),
                "note": "Reconciled against the lines, never added to them.",
                "source_lag_reason": "A synthetic claim cites any source of the pool.",
            }
        )
    return rows


def kiel_note_rows(rng, cat: Catalogue) -> list[dict]:
    pairs = sorted(
        {
            (cat.donors[int(d)], KIEL_CATEGORIES[int(c)])
            for d, c in zip(rng.integers(0, min(10, len(cat.donors)), 8), rng.integers(0, 5, 8))
        }
    )
    return [
        {
            "donor": d,
            "kiel_category": c,
            "explanation": f"Kiel counts {c.lower()} pledged after our cut-off; ours are dated by announcement.",
        }
        for d, c in pairs
    ]

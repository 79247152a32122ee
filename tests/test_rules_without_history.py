"""Two rules compare a line's commitment with its deliveries and with a joint total without deriving
pledge_line_history (validation then derives no table). Their answers must be the history's: on the
shipped data with deliveries inflated until lines go over, the breaches the rule reports are those
pledge_line_history shows, day for day."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

from tracker.pipeline import checked

ROOT = Path(__file__).resolve().parents[1]

# What delivered_within_committed reported when it read pledge_line_history (before commitment_totals).
FROM_HISTORY = """
SELECT line_id, valid_from, committed, delivered, last_event_id
FROM pledge_line_history
WHERE committed IS NOT NULL AND delivered > committed AND last_event_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY line_id ORDER BY valid_from) = 1
"""
FROM_RULE = (ROOT / "tracker" / "sql" / "rules" / "delivered_within_committed.sql").read_text(encoding="utf-8")
FROM_RULE = FROM_RULE[: FROM_RULE.index(", deliveries_that_day AS")] + " SELECT * FROM breaches"

JOINT_FROM_HISTORY = """
SELECT j.joint_pledge_id, sum(h.committed) AS committed
FROM joint_pledges AS j
LEFT JOIN pledge_lines AS l USING (joint_pledge_id)
LEFT JOIN pledge_line_history AS h ON h.line_id = l.line_id AND h.valid_from <= j.date_latest AND j.date_latest < h.valid_to
GROUP BY ALL
"""
JOINT_FROM_TOTALS = """
SELECT j.joint_pledge_id, sum(h.committed) AS committed
FROM joint_pledges AS j
LEFT JOIN pledge_lines AS l USING (joint_pledge_id)
ASOF LEFT JOIN commitment_totals AS h ON h.line_id = l.line_id AND j.date_latest >= h.day
GROUP BY ALL
"""


def _inflated(tmp_path: Path, share: float, seed: int) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "deliveries.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    pick = random.Random(seed)
    for row in rows:
        if row["quantity"] and pick.random() < share:
            row["quantity"] = str(int(float(row["quantity"])) * pick.choice((2, 3, 10)))
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return data


def test_over_delivery_is_found_on_the_days_the_history_shows(tmp_path):
    data = _inflated(tmp_path, share=0.3, seed=17)
    with checked(data, str(data)) as outcome:  # derived tables too: the history to compare with
        history = sorted(outcome.con.execute(FROM_HISTORY).fetchall())
        rule = sorted(outcome.con.execute(FROM_RULE).fetchall())
        joint_history = sorted(outcome.con.execute(JOINT_FROM_HISTORY).fetchall())
        joint_totals = sorted(outcome.con.execute(JOINT_FROM_TOTALS).fetchall())
        reported = outcome.con.execute(
            (ROOT / "tracker" / "sql" / "rules" / "delivered_within_committed.sql").read_text()
        ).fetchall()
    assert len(history) >= 20  # the inflation put many lines over
    assert rule == history
    assert len(reported) == len(history)  # one finding per line that goes over
    assert joint_totals == joint_history and joint_history

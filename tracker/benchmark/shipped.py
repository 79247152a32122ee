"""The dashboard on the shipped data: `python -m tracker.benchmark.shipped [OUT] [USERS SECONDS]`.

Builds data/ into a temporary database, times every page and click over HTTP (query cache off and
on, as tracker.benchmark.queries does for the synthetic scales), and runs the load test
(tracker.benchmark.load) with one server process and with one per core, and with one per core and
the caches off (every request does all of its work, as if every reader opened a new URL). The figures go into the
results files (default reports/benchmark.md and .json) under "shipped"; `tracker benchmark` keeps them.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tracker.benchmark import machine, measure
from tracker.benchmark.load import load_test
from tracker.benchmark.queries import callback_times
from tracker.benchmark.run import ROOT, Scale, _write


def measure_shipped(users: int = 50, seconds: int = 60, repeat: int = 5, say=print) -> dict:
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "tracker.duckdb"
        say("building the shipped data")
        built = measure.run(measure.python("-m", "tracker.cli", "build", "--data", str(ROOT / "data"), "--db", str(db)))
        if built.returncode != 0:
            raise RuntimeError(f"tracker build failed: {built.output[-2000:]}")
        say("pages and clicks, query cache off, then on")
        cold = callback_times(db, repeat)
        warm = callback_times(db, repeat, cached=True)
        loads = []
        cores = os.cpu_count() or 1
        for workers, cached in ((1, True), (cores, True), (cores, False)):
            say(f"load test: {users} readers for {seconds} s, {workers} server process(es), caches {'on' if cached else 'off'}")
            loads.append(load_test(db, users, seconds, workers, cached))
    return {
        "measured_at_utc": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "commit": machine.commit(ROOT),
        "repeat": repeat,
        "callbacks": cold,
        "callbacks_warm": warm,
        "load": loads,
    }


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "reports" / "benchmark.md"
    users, seconds = (int(argv[1]), int(argv[2])) if len(argv) >= 3 else (50, 60)
    shipped = measure_shipped(users, seconds, say=lambda text: print(text, file=sys.stderr, flush=True))
    saved = json.loads(out.with_suffix(".json").read_text(encoding="utf-8")) if out.with_suffix(".json").exists() else None
    meta: dict = saved["meta"] if saved else {"seed": 0, "repeat": 5, "commit": ""}
    scales = [Scale(**raw) for raw in saved["scales"]] if saved else []
    for scale in scales:
        scale.commit = scale.commit or meta["commit"]
    _write(scales, out, meta["seed"], meta["repeat"], shipped=shipped)
    print(
        json.dumps(
            {k: v for k, v in shipped.items() if k != "load"} | {"load": [{**x, "per_request": "..."} for x in shipped["load"]]}
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Measure every scale and write the results (markdown for people, JSON for scripts)."""

from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tracker.benchmark import machine, measure, peer, report

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class Scale:
    events: int
    rows: dict[str, int] = field(default_factory=dict)
    csv_mb: float = 0.0
    generate_s: float = 0.0
    floor: dict | None = None
    validate: dict | None = None
    build: dict | None = None
    peer: dict | None = None
    queries: dict[str, float] = field(default_factory=dict)
    callbacks: dict[str, float] = field(default_factory=dict)  # the query cache off: a first view
    callbacks_warm: dict[str, float] = field(default_factory=dict)  # the cache on: a view opened before
    help_s: float | None = None
    failures: list[str] = field(default_factory=list)
    commit: str = ""  # the commit measured


def _tracker(*args: str) -> list[str]:
    return measure.python("-m", "tracker.cli", *args)


def _record(scale: Scale, name: str, m: measure.Measured) -> dict:
    if m.returncode != 0:
        last = m.output.strip().splitlines()[-1] if m.output.strip() else ""
        scale.failures.append(f"{name} {'was stopped' if m.returncode == measure.STOPPED else f'exited {m.returncode}'}: {last}")
    return {"seconds": m.seconds, "peak_mb": m.peak_mb, "ok": m.returncode == 0, "stopped": m.returncode == measure.STOPPED}


def _frictionless() -> str | None:
    beside = Path(sys.executable).parent / "frictionless"
    return str(beside) if beside.exists() else shutil.which("frictionless")


def measure_scale(
    events: int, work: Path, seed: int, repeat: int, peer_max: int, say=print, limit_mb: float | None = None
) -> Scale:
    from tracker.synthetic import generate

    scale = Scale(events, commit=machine.commit(ROOT))
    here = (work / f"events-{events}").resolve()  # absolute: the peer runs with the data as its working directory
    data = here / "data"
    shutil.rmtree(here, ignore_errors=True)
    data.mkdir(parents=True)
    say(f"[{events:,}] generating")
    start = time.perf_counter()
    scale.rows = generate(data, events, seed)
    scale.generate_s = time.perf_counter() - start
    scale.csv_mb = sum(p.stat().st_size for p in data.glob("*.csv")) / 2**20
    say(f"[{events:,}] floor: DuckDB read_csv into tables, no checks")
    scale.floor = _record(
        scale, "floor", measure.run(measure.python("-m", "tracker.benchmark.floor", str(data), str(here / "floor.duckdb")))
    )
    say(f"[{events:,}] tracker validate")
    scale.validate = _record(scale, "validate", measure.run(_tracker("validate", "--data", str(data)), limit_mb=limit_mb))
    say(f"[{events:,}] tracker build")
    db = here / "tracker.duckdb"
    scale.build = _record(scale, "build", measure.run(_tracker("build", "--data", str(data), "--db", str(db)), limit_mb=limit_mb))
    tool = _frictionless()
    if events <= peer_max and tool:
        say(f"[{events:,}] frictionless validate")
        descriptor = peer.write_descriptor(data)
        scale.peer = _record(scale, "frictionless validate", measure.run([tool, "validate", str(descriptor)], cwd=str(data)))
        descriptor.unlink()
    if scale.build and scale.build["ok"]:
        say(f"[{events:,}] queries and dashboard callbacks")
        m = measure.run(measure.python("-m", "tracker.benchmark.queries", str(db), str(repeat)))
        if m.returncode == 0:
            timings = json.loads(m.output.strip().splitlines()[-1])
            scale.queries, scale.callbacks = timings["queries"], timings["callbacks"]
            scale.callbacks_warm = timings.get("callbacks_warm", {})
        else:
            _record(scale, "queries", m)
    scale.help_s = measure.median_run(_tracker("--help"), max(repeat, 5)).seconds
    for leftover in ("floor.duckdb", "tracker.duckdb"):
        (here / leftover).unlink(missing_ok=True)
    return scale


def earlier(out: Path, measured: list[int]) -> list[Scale]:
    """The scales of an earlier run's JSON that this run does not measure, each with its commit."""
    path = out.with_suffix(".json")
    if not path.exists():
        return []
    saved = json.loads(path.read_text(encoding="utf-8"))
    kept = []
    for raw in saved["scales"]:
        if raw["events"] not in measured:
            raw.setdefault("commit", saved["meta"]["commit"])
            kept.append(Scale(**raw))
    return kept


def run(
    scales: list[int],
    out: Path,
    work: Path,
    seed: int = 0,
    repeat: int = 5,
    peer_max: int = 100_000,
    keep: bool = False,
    say=print,
    limit_mb: float | None = None,
    merge: bool = False,
) -> list[Scale]:
    """Measure each scale; with ``merge``, the results file keeps the other scales of an earlier run."""
    work.mkdir(parents=True, exist_ok=True)
    kept = earlier(out, scales) if merge else []
    results = []
    for events in scales:
        results.append(measure_scale(events, work, seed, repeat, peer_max, say, limit_mb))
        if not keep:
            shutil.rmtree(work / f"events-{events}", ignore_errors=True)
        # after every scale: a long run that stops keeps what it measured
        _write(sorted(results + kept, key=lambda r: r.events), out, seed, repeat)
    return results


def _write(results: list[Scale], out: Path, seed: int, repeat: int, shipped: dict | None = None) -> None:
    """Write both results files; the shipped data's figures (tracker.benchmark.shipped) are kept unless given."""
    path = out.with_suffix(".json")
    if shipped is None and path.exists():
        shipped = json.loads(path.read_text(encoding="utf-8")).get("shipped")
    meta = {
        "measured_at_utc": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "commit": machine.commit(ROOT),
        "seed": seed,
        "repeat": repeat,
        **machine.describe(),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(
        json.dumps({"meta": meta, "scales": [asdict(r) for r in results], "shipped": shipped}, indent=1) + "\n", encoding="utf-8"
    )
    out.write_text(report.render(meta, results, previous=out, shipped=shipped), encoding="utf-8")

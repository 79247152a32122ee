"""The benchmark's results as markdown: times, ratios to the floor and the peer, growth, targets.
Text below the analysis marker of an existing results file is written by hand and kept."""

from __future__ import annotations

from pathlib import Path

ANALYSIS = "<!-- analysis: written by hand after reading the numbers above; `tracker benchmark` keeps it -->"
TARGET_SCALE = 1_000_000  # the targets are at this scale, and at ten times it for growth


def _s(x: float | None) -> str:
    return "" if x is None else (f"{x:.2f}" if x < 100 else f"{x:.0f}")


def _ratio(a: float | None, b: float | None) -> str:
    return "" if not a or not b else f"{a / b:.1f}×"


def _peak(part: dict | None) -> str:
    if not part:
        return ""
    return f"{part['peak_mb']:.0f}" + (" (stopped at the memory limit)" if part.get("stopped") else "")


def _sec(part: dict | None) -> float | None:
    return part["seconds"] if part and part.get("ok") else None


def _events(n: int) -> str:
    return f"10^{len(str(n)) - 1}" if str(n).strip("0") == "1" else f"{n:,}"


def _peak_row(name: str, part: dict | None, limit_mb: int, where: str) -> tuple[str, str, bool | None]:
    """A peak-memory target: met only by a run that succeeded under the limit."""
    ok = bool(part and part.get("ok"))
    measured = (f"{part['peak_mb']:.0f} MB" + ("" if ok else " (the run failed)")) if part else ""
    met = (ok and part["peak_mb"] < limit_mb) if part else None
    return f"peak memory of `tracker {name}`{where} under {limit_mb // 1024} GB", measured, met


def _targets(r, results=()) -> list[tuple[str, str, bool | None]]:
    floor, validate, build, peer = _sec(r.floor), _sec(r.validate), _sec(r.build), _sec(r.peer)
    slowest = max(r.callbacks.items(), key=lambda kv: kv[1]) if r.callbacks else None
    # frictionless is run up to 10^5: its time here is the largest measured one, scaled linearly
    measured_peer = [x for x in results if _sec(x.peer)]
    peer_here = peer or (_sec(measured_peer[-1].peer) * r.events / measured_peer[-1].events if measured_peer else None)
    peer_words = (
        "measured" if peer else f"extrapolated linearly from {_events(measured_peer[-1].events)}" if measured_peer else ""
    )
    rows = [
        ("`tracker build` within 3× the raw-ingest floor", _ratio(build, floor), build / floor <= 3 if build and floor else None),
        (
            "`tracker validate` within 2× the raw-ingest floor",
            _ratio(validate, floor),
            validate / floor <= 2 if validate and floor else None,
        ),
        (
            "`tracker validate` at least 20× faster than `frictionless validate`",
            f"{_ratio(peer_here, validate)} (frictionless {peer_words})" if peer_here else "peer not run",
            peer_here / validate >= 20 if peer_here and validate else None,
        ),
        _peak_row("build", r.build, 1024, ""),
        _peak_row("validate", r.validate, 1024, ""),
    ]
    big = next((x for x in results if x.events == r.events * 10), None)
    if big is not None:
        for name, here, there in (("build", build, _sec(big.build)), ("validate", validate, _sec(big.validate))):
            rows.append(
                (
                    f"`tracker {name}` at {_events(big.events)} within 11× its time at {_events(r.events)}",
                    _ratio(there, here),
                    there / here <= 11 if there and here else None,
                )
            )
        rows += [
            _peak_row(name, part, 2048, f" at {_events(big.events)}")
            for name, part in (("build", big.build), ("validate", big.validate))
        ]
    rows += [
        (
            "`pledge_lines_as_of(d)` under 50 ms",
            f"{r.queries.get('pledge_lines_as_of', 0):.1f} ms" if r.queries else "",
            r.queries["pledge_lines_as_of"] < 50 if r.queries else None,
        ),
        (
            "`commitment_timeline` under 100 ms",
            f"{r.queries.get('commitment_timeline', 0):.1f} ms" if r.queries else "",
            r.queries["commitment_timeline"] < 100 if r.queries else None,
        ),
        (
            "every dashboard callback under 150 ms (query cache off)",
            f"slowest {slowest[0]}: {slowest[1]:.0f} ms" if slowest else "",
            slowest[1] < 150 if slowest else None,
        ),
        ("`tracker --help` under 0.3 s", f"{r.help_s:.2f} s" if r.help_s else "", r.help_s < 0.3 if r.help_s else None),
    ]
    return rows


PAGE_TARGET_MS = {"shipped": 100, TARGET_SCALE: 150}  # every page and click, server time
LOAD_TARGET_P95_MS = 300


def _shipped(shipped: dict) -> list[str]:
    """The dashboard on the shipped data: pages and clicks with the cache off and on, and the load test."""
    cold, warm = shipped["callbacks"], shipped.get("callbacks_warm", {})
    out = [
        "",
        "## The dashboard on the shipped data",
        "",
        f"Measured {shipped['measured_at_utc']} UTC at `{shipped['commit']}` (`python -m tracker.benchmark.shipped`): "
        f"server time over HTTP, median of {shipped['repeat']} after a warm-up, with the query cache off (every query "
        "runs: the first view of a URL after a rebuild) and on (a URL opened before). "
        f"Target: at most {PAGE_TARGET_MS['shipped']} ms.",
        "",
        "| page or click | cache off ms | cache on ms |",
        "|---|---|---|",
    ]
    for name in sorted(cold):
        out.append(f"| {name} | {cold[name]:.0f} | {warm[name]:.0f} |" if name in warm else f"| {name} | {cold[name]:.0f} | |")
    out += [
        "",
        "### Load test (Locust)",
        "",
        "Readers on 127.0.0.1, each loading a random page with every request Chromium made for it (the page, "
        "`/_dash-layout`, `/_dash-dependencies` and each `/_dash-update-component` callback; not the JavaScript and CSS "
        "a returning reader has cached), then reading 1–3 s; `tracker.benchmark.load`. "
        f"Target: p95 at most {LOAD_TARGET_P95_MS} ms and no failed request.",
        "",
        "| server processes | caches | readers | seconds | requests | failed | median ms | p95 ms | p99 ms | max ms | requests/s | met |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in shipped.get("load", []):
        met = run["p95_ms"] <= LOAD_TARGET_P95_MS and run["failures"] == 0
        out.append(
            f"| {run['workers']} | {'on' if run.get('cached', True) else 'off'} | {run['users']} | {run['seconds']} | {run['requests']:,} | {run['failures']} "
            f"| {run['median_ms']:.0f} | {run['p95_ms']:.0f} | {run['p99_ms']:.0f} | {run['max_ms']:.0f} "
            f"| {run['requests_per_s']} | {'yes' if met else 'no'} |"
        )
    errors = [
        f"- {run['workers']} process(es), caches {'on' if run.get('cached', True) else 'off'}: {e}"
        for run in shipped.get("load", [])
        for e in run.get("errors", [])
    ]
    if errors:
        out += ["", "Failed requests:", "", *errors]
    slowest = max(cold.items(), key=lambda kv: kv[1]) if cold else None
    if slowest:
        met = slowest[1] <= PAGE_TARGET_MS["shipped"]
        out += ["", f"Slowest with the cache off: {slowest[0]}, {slowest[1]:.0f} ms ({'met' if met else 'missed'})."]
    return out


def _callback_table(results, field: str, heading: list[str], first: str) -> list[str]:
    """A table of callback times in ms, one column per scale, from each result's `field`; none when no
    scale has any."""
    names = sorted({n for r in results for n in getattr(r, field)})
    if not names:
        return []
    out = [
        "",
        *heading,
        "",
        f"| {first} | " + " | ".join(_events(r.events) for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    for n in names:
        out.append(
            f"| {n} | " + " | ".join(f"{getattr(r, field)[n]:.0f}" if n in getattr(r, field) else "" for r in results) + " |"
        )
    return out


def render(meta: dict, results: list, previous: Path | None = None, shipped: dict | None = None) -> str:
    out = [
        "# Benchmark: the tracker from 10^3 to 10^7 commitment events",
        "",
        f"Measured {meta['measured_at_utc']} UTC by `tracker benchmark` on the commits the table names "
        f"(synthetic data from `tracker synthesize`, seed {meta['seed']}; query and callback times are medians of "
        f"{meta['repeat']} runs after a warm-up). Numbers: [`benchmark.json`](benchmark.json).",
        "",
        f"- Machine: {meta['cpu']}; {meta['memory']}; {meta['system']}",
        f"- Python {meta['python']}; {meta['packages']}",
        "",
        "What each column is: **floor** is DuckDB reading the same CSVs into tables with no checks "
        "(`CREATE TABLE ... AS FROM read_csv(...)`); **validate** and **build** are `tracker validate` and `tracker build`, "
        "each a fresh process (start-up included), with their peak resident memory; **peer** is `frictionless validate` on "
        "a data package of the same files (types, constraints, primary and foreign keys), run up to 10^5 events; queries "
        "fetch their whole result as Arrow; callbacks are timed over HTTP against `tracker serve` on 127.0.0.1, each a "
        "POST to `/_dash-update-component` as the browser sends it, from request to the whole JSON response (a page: "
        "the pages' router rendering it from its URL).",
        "",
        "## Results",
        "",
        "| events | rows, all tables | CSV MB | floor s | validate s | validate ÷ floor | validate peak MB | build s | build ÷ floor | build peak MB "
        "| peer s | peer ÷ validate | `pledge_lines_as_of` ms | `commitment_timeline` ms | slowest callback ms | `--help` s | commit |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        floor, validate, build, peer = _sec(r.floor), _sec(r.validate), _sec(r.build), _sec(r.peer)
        slowest = max(r.callbacks.values()) if r.callbacks else None
        out.append(
            f"| {_events(r.events)} | {sum(r.rows.values()):,} | {r.csv_mb:.1f} | {_s(floor)} | {_s(validate)} | {_ratio(validate, floor)} "
            f"| {_peak(r.validate)} | {_s(build)} | {_ratio(build, floor)} | {_peak(r.build)} | {_s(peer)} | {_ratio(peer, validate)} "
            f"| {r.queries.get('pledge_lines_as_of', 0):.1f} | {r.queries.get('commitment_timeline', 0):.1f} "
            f"| {'' if slowest is None else f'{slowest:.0f}'} | {_s(r.help_s)} | `{r.commit or meta['commit']}` |"
        )
    failures = [f"- {_events(r.events)}: {f}" for r in results for f in r.failures]
    if failures:
        out += ["", "Failures:", "", *failures]
    out += _callback_table(results, "callbacks", ["## Dashboard callbacks (over HTTP, ms)"], "callback") + _callback_table(
        results,
        "callbacks_warm",
        ["The table above is with the server's query cache off (a first view); with it on (a view opened before):"],
        "callback, cache on",
    )
    if shipped:
        out += _shipped(shipped)
    out += [
        "",
        "## Growth: cost per 1,000 commitment events",
        "",
        "Linear growth keeps these columns flat; start-up costs make them fall at the small scales.",
        "",
        "| events | validate ms | build ms | build peak MB | floor ms |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        k = r.events / 1000
        per = [(_sec(x) or 0) * 1000 / k for x in (r.validate, r.build)]
        out.append(
            f"| {_events(r.events)} | {per[0]:.2f} | {per[1]:.2f} | {r.build['peak_mb'] / k:.3f} | {(_sec(r.floor) or 0) * 1000 / k:.2f} |"
        )
    target = next((r for r in results if r.events == TARGET_SCALE), None)
    if target:
        out += [
            "",
            f"## Targets at {_events(TARGET_SCALE)} commitment events",
            "",
            "| target | measured | met |",
            "|---|---|---|",
        ]
        for name, measured, met in _targets(target, results):
            out.append(f"| {name} | {measured} | {'yes' if met else ('no' if met is False else 'not measured')} |")
    kept = ""
    if previous and previous.exists():
        _, found, kept = previous.read_text(encoding="utf-8").partition(ANALYSIS)
        kept = kept if found else ""
    out += ["", ANALYSIS + (kept if kept else "\n")]
    return "\n".join(out).rstrip("\n") + "\n"

"""The load test: `python -m tracker.benchmark.load DB_FILE [USERS SECONDS WORKERS]` (prints JSON).

Serves DB_FILE with `tracker serve` on 127.0.0.1, records with headless Chromium the requests a
browser makes to the server to show each page of VIEWS (the page, /_dash-layout,
/_dash-dependencies and every /_dash-update-component callback it fires; not the JavaScript and
CSS files, which a returning reader has cached), then runs Locust headless: USERS readers, each
loading a random page with all of its requests and then reading for 1 to 3 s, for SECONDS. The
result is Locust's aggregate over every request: count, failures, median, 95th and 99th
percentile, maximum and requests per second. Traffic goes to 127.0.0.1 only, and stops by itself.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tracker.benchmark.queries import served

CHROMIUM = Path("/usr/bin/chromium")
# What readers open: each page as the navigation reaches it, plus a few views with filters.
VIEWS = (
    "/",
    "/systems",
    "/donors",
    "/training",
    "/meetings",
    "/data",
    "/systems?as_of=2023-02-14&family=leopard-2",
    "/donors?measure=gdp",
    "/data?table=deliveries",
)
DASH_REQUESTS = ("/_dash-layout", "/_dash-dependencies", "/_dash-update-component")


def _name(method: str, path: str, body: str | None, page: str) -> str:
    if path.startswith("/_dash-update-component") and body:
        call = json.loads(body)
        output = str(call.get("output", "?"))
        if "_pages_content" in output:  # the pages' router: one entry per page it renders
            return f"render page {urlsplit(page).path}"
        return f"callback {output[:80]}"
    if path.startswith(DASH_REQUESTS):
        return path
    return f"page {urlsplit(page).path}"


def record(port: int, views=VIEWS) -> list[dict]:
    """For each view, the requests Chromium sent to the server to show it, in the order sent."""
    from playwright.sync_api import sync_playwright

    from dashboards.screenshots import CHROMIUM_ARGS

    base = f"http://127.0.0.1:{port}"
    pages = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for view in views:
                context = browser.new_context()
                tab = context.new_page()
                sent: list[dict] = []

                def keep(request, view=view, sent=sent):
                    url = urlsplit(request.url)
                    path = url.path + (f"?{url.query}" if url.query else "")
                    if url.netloc == f"127.0.0.1:{port}" and (path == view or url.path.startswith(DASH_REQUESTS)):
                        body = request.post_data
                        sent.append(
                            {
                                "method": request.method,
                                "path": path,
                                "body": body,
                                "name": _name(request.method, path, body, view),
                            }
                        )

                tab.on("request", keep)
                tab.goto(base + view, wait_until="networkidle")
                tab.wait_for_timeout(500)  # callbacks chained after the first ones
                pages.append({"view": view, "requests": sent})
                context.close()
        finally:
            browser.close()
    return pages


def _aggregate(stats_csv: Path) -> dict:
    with open(stats_csv, encoding="utf-8", newline="") as f:
        rows = {row["Name"]: row for row in csv.DictReader(f)}
    total = rows["Aggregated"]
    per_request = {
        name: {"requests": int(row["Request Count"]), "p95_ms": float(row["95%"]), "median_ms": float(row["50%"])}
        for name, row in rows.items()
        if name != "Aggregated"
    }
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "median_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "max_ms": float(total["Max Response Time"]),
        "requests_per_s": round(float(total["Requests/s"]), 1),
        "per_request": per_request,
    }


def locust() -> str:
    beside = Path(sys.executable).parent / "locust"
    return str(beside) if beside.exists() else "locust"


def load_test(db: Path, users: int = 50, seconds: int = 60, workers: int = 1, cached: bool = True) -> dict:
    """Locust's aggregate figures for `users` readers over `seconds` against `tracker serve --workers`;
    without `cached`, the server's caches are off and every request does all of its work."""
    env = None if cached else {"TRACKER_QUERY_CACHE_MB": "0"}
    with served(db, workers=workers, env=env) as dashboard, tempfile.TemporaryDirectory() as work:
        script = Path(work) / "pages.json"
        script.write_text(json.dumps(record(dashboard.port)), encoding="utf-8")
        argv = [locust(), "-f", str(Path(__file__).with_name("locustfile.py")), "--headless", "--only-summary"]
        argv += ["-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s", "--stop-timeout", "10"]
        argv += ["--host", f"http://127.0.0.1:{dashboard.port}", "--csv", str(Path(work) / "load"), "--loglevel", "WARNING"]
        env = {**os.environ, "TRACKER_LOAD_SCRIPT": str(script)}
        run = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=seconds + 120)
        stats = Path(work) / "load_stats.csv"
        if not stats.exists():
            raise RuntimeError(f"locust wrote no statistics (exit {run.returncode}): {run.stderr[-2000:]}")
        result = _aggregate(stats)
        with open(Path(work) / "load_failures.csv", encoding="utf-8", newline="") as f:
            result["errors"] = [f"{row['Occurrences']}× {row['Name']}: {row['Error'][:200]}" for row in csv.DictReader(f)]
    return {"users": users, "seconds": seconds, "workers": workers, "cached": cached, **result}


if __name__ == "__main__":
    db = Path(sys.argv[1])
    users, seconds, workers = (int(a) for a in (sys.argv[2:5] + ["50", "60", "1"][len(sys.argv[2:5]) :]))
    print(json.dumps(load_test(db, users, seconds, workers)))

"""`tracker serve --workers N`: N server processes over the one read-only database file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.benchmark.queries import served
from tracker.cli import parser


def test_one_worker_by_default_and_a_count_of_at_least_one():
    assert parser().parse_args(["serve"]).workers == 1
    assert parser().parse_args(["serve", "--workers", "4"]).workers == 4
    with pytest.raises(SystemExit):
        parser().parse_args(["serve", "--workers", "0"])


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow  # servers in processes of their own
def test_two_workers_serve_pages_and_callbacks_from_two_processes(shipped_db):
    with served(shipped_db, workers=2) as dashboard:
        workers = _children(dashboard.server_pid)
        assert len(workers) == 2  # gunicorn's arbiter and its two workers
        html = dashboard.get("/systems?as_of=2023-02-14&family=leopard-2").decode("utf-8")
        assert "<title>" in html
        values = {"_pages_location.pathname": "/systems", "_pages_location.search": "?as_of=2023-02-14&family=leopard-2"}
        for _ in range(4):  # the connection is kept alive; whichever worker answers renders the same page
            page = json.loads(dashboard.call(".._pages_content.children..._pages_store.data..", values))
            assert '"systems-committed"' in json.dumps(page) and '"43"' in json.dumps(page)


@pytest.mark.benchmark  # Chromium records the requests, then Locust replays them for a few seconds
def test_a_short_load_test_runs_every_page_without_a_failed_request(shipped_db):
    from tracker.benchmark.load import VIEWS, load_test

    result = load_test(shipped_db, users=10, seconds=10, workers=2)
    assert result["failures"] == 0 and result["requests"] > 50
    assert 0 < result["median_ms"] <= result["p95_ms"] <= result["max_ms"]
    names = set(result["per_request"])
    assert {"/_dash-layout", "/_dash-dependencies"} <= names
    rendered = {n.removeprefix("render page ") for n in names if n.startswith("render page ")}
    assert rendered and rendered <= {v.split("?")[0] for v in VIEWS}  # each reader's page rendered through the router


def test_each_process_writes_its_index_page_before_serving(shipped_db):
    """Dash learns the paths of its JavaScript files from the first index page of a process: a worker
    asked for one before that answered HTTP 500 (seen with two gunicorn workers and Chromium)."""
    from dashboards import create_app
    from tracker.serve import ready

    app = create_app(shipped_db)
    assert not app.registered_paths.get("dash")
    ready(app)
    assert any(path.startswith("deps/react-dom") for path in app.registered_paths["dash"])
    assert "dash_ag_grid" in app.registered_paths  # the Data page's grid

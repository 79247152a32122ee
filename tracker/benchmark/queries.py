"""Query and dashboard-callback timings on one built database, run in a fresh process:
python -m tracker.benchmark.queries DB_FILE REPEAT  (prints JSON)

Queries run on a read-only connection and fetch their whole result as Arrow (no conversion to
Python objects), median of REPEAT runs after a warm-up. Callbacks are timed over HTTP against
`tracker serve` on 127.0.0.1, as the browser calls them (a POST to /_dash-update-component built from
/_dash-dependencies), each from request to its whole JSON response: each page rendered from its URL
(the pages' router callback), and each click that reads the database; once with the server's query
cache off (a first view) and once with it on (a view opened before)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tracker.benchmark.measure import median_ms, python

QUERY_DIR = Path(__file__).parent / "queries"
PAGE_CONTENT = ".._pages_content.children..._pages_store.data.."  # Dash pages' router: a page's layout from its URL


def query_times(db: Path, repeat: int) -> dict[str, float]:
    with duckdb.connect(str(db), read_only=True) as con:
        as_of = con.execute("SELECT max(valid_from) FROM pledge_line_history").fetchall()[0][0]
        family = con.execute("""SELECT s.family_id FROM pledge_lines l JOIN systems s USING (system_id)
                                GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1""").fetchall()[0][0]
        params = {"as_of": as_of, "family": family}
        out = {}
        for path in sorted(QUERY_DIR.glob("*.sql")):
            sql = path.read_text(encoding="utf-8")
            used = {k: v for k, v in params.items() if f"${k}" in sql}
            out[path.stem] = median_ms(lambda: con.sql(sql, params=used).to_arrow_table(), repeat)
            out[path.stem + "_rows"] = con.execute(f"SELECT count(*) FROM ({sql})", used).fetchall()[0][0]
    return out


class _Connection(http.client.HTTPConnection):
    """Kept alive between requests, with Nagle's algorithm off as a browser has it: a small request
    or response is not held back waiting for an acknowledgement (which would add tens of ms)."""

    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class Dashboard:
    """An HTTP client of a served dashboard, speaking to it as the browser does: the callbacks are
    read from ``/_dash-dependencies`` and each is called by a POST to ``/_dash-update-component``."""

    def __init__(self, port: int):
        self.port = port
        self.server_pid: int | None = None
        self.http = _Connection("127.0.0.1", port, timeout=600)
        self.get("/")  # the first request sets the pages' callbacks up
        self.callbacks = {c["output"]: c for c in json.loads(self.get("/_dash-dependencies"))}

    def get(self, path: str) -> bytes:
        return self._request("GET", path)

    def _request(self, method: str, path: str, body: bytes | None = None) -> bytes:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        self.http.request(method, path, body=body, headers=headers)
        response = self.http.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"{method} {path}: HTTP {response.status}: {data[:300]!r}")
        return data

    def call(self, output: str, values: dict[str, object], triggered: str | None = None) -> bytes:
        """Call the callback writing ``output`` with ``values`` ("id.property" -> value; None for the
        others), as the browser would after ``triggered`` changed (None: every input, as on load)."""
        callback = self.callbacks[output]

        def given(items):
            return [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in items]

        inputs = given(callback["inputs"])
        outputs = [dict(zip(("id", "property"), part.rsplit(".", 1))) for part in output.strip(".").split("...")]
        body = {
            "output": output,
            "outputs": outputs if output.startswith("..") else outputs[0],
            "inputs": inputs,
            "state": given(callback["state"]),
            "changedPropIds": [triggered] if triggered else [f"{i['id']}.{i['property']}" for i in inputs],
        }
        return self._request("POST", "/_dash-update-component", json.dumps(body).encode("utf-8"))

    def close(self) -> None:
        self.http.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(db: Path, timeout_s: float = 120, workers: int = 1, env: dict | None = None) -> Iterator[Dashboard]:
    """``tracker serve --no-build`` on 127.0.0.1 over ``db`` for the ``with`` block, and a client of it."""
    port = _free_port()
    argv = python("-m", "tracker.cli", "serve", "--no-build", "--db", str(db), "--host", "127.0.0.1", "--port", str(port))
    argv += ["--workers", str(workers)]
    with (
        tempfile.TemporaryFile() as log,
        subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}) as server,
    ):
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(
                            f"tracker serve did not start: {log.read().decode('utf-8', 'replace')[-2000:]}"
                        ) from None
                    time.sleep(0.1)
            client = Dashboard(port)
            client.server_pid = server.pid
            try:
                yield client
            finally:
                client.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


def callback_times(db: Path, repeat: int, cached: bool = False) -> dict[str, float]:
    """Median server time of each page and click over HTTP. Without `cached` the server's query cache
    is off (TRACKER_QUERY_CACHE_MB=0): every request runs its queries, as the first view of a URL
    after a rebuild does. With it, the repeats after the warm-up are answered from the cache, as a
    view of a URL that someone has opened before is."""
    with duckdb.connect(str(db), read_only=True) as con:
        day = con.execute("SELECT max(date) FROM commitment_timeline").fetchall()[0][0]
        donor, family = con.execute("""SELECT l.donor, s.family_id FROM pledge_lines l JOIN systems s USING (system_id)
                                       GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1""").fetchall()[0]
        busiest = con.execute("SELECT date FROM commitment_timeline GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchall()[0][
            0
        ]
        programme = con.execute("SELECT programme_id FROM training_programmes ORDER BY 1 LIMIT 1").fetchall()
    search = f"?as_of={day}"
    pages = {
        "page overview": ("/", search),
        "page systems (largest family)": ("/systems", search + f"&family={family}"),
        "page donors": ("/donors", search),
        "page training": ("/training", search),
        "page meetings": ("/meetings", search),
        "page data (events)": ("/data", search + "&table=events"),
    }

    def clicked(element: str, *customdata) -> dict:
        return {f"{element}.clickData": {"points": [{"customdata": [str(v) for v in customdata]}]}}

    clicks = {
        "click overview day": (
            "overview-details.children",
            {**clicked("overview-cumulative", busiest), "_pages_location.search": search},
            "overview-cumulative.clickData",
        ),
        "click overview donor": (
            "overview-details.children",
            {**clicked("overview-top-donors", donor), "_pages_location.search": search},
            "overview-top-donors.clickData",
        ),
        "click systems point": (
            "systems-details.children",
            {**clicked("systems-steps", donor, busiest), "_pages_location.search": search + f"&family={family}"},
            "systems-steps.clickData",
        ),
    }
    if programme:
        clicks["click training programme"] = (
            "training-details.children",
            {**clicked("training-timeline", programme[0][0]), "_pages_location.search": search},
            "training-timeline.clickData",
        )
    out = {}
    with served(db, env=None if cached else {"TRACKER_QUERY_CACHE_MB": "0"}) as dashboard:
        for name, (path, query) in pages.items():
            values = {"_pages_location.pathname": path, "_pages_location.search": query}
            out[name] = median_ms(lambda: dashboard.call(PAGE_CONTENT, values), repeat)
        for name, (output, values, triggered) in clicks.items():
            out[name] = median_ms(lambda: dashboard.call(output, values, triggered), repeat)
    return out


if __name__ == "__main__":
    db, repeat = Path(sys.argv[1]), int(sys.argv[2])
    timings = {"queries": query_times(db, repeat), "callbacks": callback_times(db, repeat)}
    timings["callbacks_warm"] = callback_times(db, repeat, cached=True)
    print(json.dumps(timings))

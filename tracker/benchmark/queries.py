"""Query and dashboard-callback timings on one built database, run in a fresh process:
python -m tracker.benchmark.queries DB_FILE REPEAT  (prints JSON)

Queries run on a read-only connection and fetch their whole result as Arrow (no conversion to
Python objects), median of REPEAT runs after a warm-up. Callbacks are the dashboard's own
functions called as Dash calls them on the server, their result serialised to JSON as Dash does:
each page rendered from its URL, and each click that reads the database."""

from __future__ import annotations

import json
import sys
from contextvars import copy_context
from pathlib import Path

import duckdb

from tracker.benchmark.measure import median_ms

QUERY_DIR = Path(__file__).parent / "queries"


def query_times(db: Path, repeat: int) -> dict[str, float]:
    con = duckdb.connect(str(db), read_only=True)
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
    con.close()
    return out


def _in_dash_context(app, function, *args, triggered: str | None = None):
    """Call a callback as Dash does: inside a request, with the triggering input set."""
    from dash._callback_context import context_value
    from dash._utils import AttributeDict, to_json

    def call():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": triggered, "value": None}] if triggered else [],
                                        inputs_list=[]))
        return to_json(function(*args))

    with app.server.test_request_context():
        return copy_context().run(call)


def callback_times(db: Path, repeat: int) -> dict[str, float]:
    from dashboards import create_app

    app = create_app(db)
    from dashboards.pages import data, donors, meetings, overview, systems, training

    con = duckdb.connect(str(db), read_only=True)
    day = con.execute("SELECT max(date) FROM commitment_timeline").fetchall()[0][0]
    donor, family = con.execute("""SELECT l.donor, s.family_id FROM pledge_lines l JOIN systems s USING (system_id)
                                   GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1""").fetchall()[0]
    busiest = con.execute("SELECT date FROM commitment_timeline GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchall()[0][0]
    programme = con.execute("SELECT programme_id FROM training_programmes ORDER BY 1 LIMIT 1").fetchall()
    con.close()
    as_of = str(day)
    search = f"?as_of={as_of}"
    calls = {
        "page overview": (overview.layout, {"as_of": as_of}),
        "page systems (largest family)": (systems.layout, {"as_of": as_of, "family": family}),
        "page donors": (donors.layout, {"as_of": as_of}),
        "page training": (training.layout, {"as_of": as_of}),
        "page meetings": (meetings.layout, {"as_of": as_of}),
        "page data (events)": (data.layout, {"as_of": as_of, "table": "events"}),
    }
    out = {}
    for name, (layout, query) in calls.items():
        out[name] = median_ms(lambda: _in_dash_context(app, lambda: layout(**query)), repeat)
    clicks = {
        "click overview day": (overview.show_rows, ({"points": [{"customdata": [str(busiest)]}]}, None, search), "overview-cumulative"),
        "click overview donor": (overview.show_rows, (None, {"points": [{"customdata": [donor]}]}, search), "overview-top-donors"),
        "click systems point": (systems.show_rows, ({"points": [{"customdata": [donor, str(busiest)]}]}, search + f"&family={family}"), None),
    }
    if programme:
        clicks["click training programme"] = (training.show_programme, ({"points": [{"customdata": [programme[0][0]]}]}, search), None)
    for name, (function, args, triggered) in clicks.items():
        out[name] = median_ms(lambda: _in_dash_context(app, function, *args, triggered=triggered), repeat)
    return out


if __name__ == "__main__":
    db, repeat = Path(sys.argv[1]), int(sys.argv[2])
    print(json.dumps({"queries": query_times(db, repeat), "callbacks": callback_times(db, repeat)}))

"""The dashboard's query cache: keyed by the database file's identity, the query and the parameters it
reads; a rebuilt file is never answered from the old one's results; callers cannot change what is kept.
And the build-time tables the page queries read give the answers the per-request derivation gave."""

from __future__ import annotations

import json
import os
import shutil

import duckdb
import pytest

from dashboards import create_app
from dashboards.db import Database, sql_text
from tests.conftest import VALID
from tracker.build import build

ALL = {"donors": [], "category": None, "family": None}


@pytest.fixture(scope="module")
def valid_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("valid") / "tracker.duckdb"
    assert build(VALID, "valid", db).problems == []
    return db


def test_a_repeated_query_is_answered_from_the_cache(shipped_db):
    db = Database(shipped_db)
    first = db.rows("headline", as_of="2023-02-14", family="leopard-2", donors=[], category=None)
    assert db.queries_run == 1
    again = db.rows("headline", as_of="2023-02-14", family="leopard-2", donors=[], category=None, unused="ignored")
    assert db.queries_run == 1 and again == first
    assert first[0]["units_committed"] == 43  # Leopard 2 as known on 2023-02-14 (the reference case)
    other_day = db.rows("headline", as_of="2023-03-31", family="leopard-2", donors=[], category=None)
    assert db.queries_run == 2 and other_day[0]["units_committed"] != 43


def test_what_a_caller_does_to_a_result_does_not_reach_the_cache(shipped_db):
    db = Database(shipped_db)
    frame = db.frame("options")
    frame["value"] = "changed"
    frame.loc[frame.index[0], "label"] = "changed too"
    rows = db.rows("build_info")
    rows[0]["git_commit"] = "changed"
    rows.clear()
    kept = db.frame("options")
    assert kept["value"].ne("changed").all() and kept["label"].ne("changed too").all() and len(kept) > 100
    assert db.rows("build_info")[0]["git_commit"] != "changed"
    assert db.queries_run == 2


def test_a_rebuilt_file_is_read_afresh(shipped_db, valid_db, tmp_path):
    """`tracker build` replaces the file (a new inode): the next query reads the new data."""
    served = tmp_path / "tracker.duckdb"
    shutil.copy(shipped_db, served)
    db = Database(served)
    shipped_lines = db.rows("headline", as_of="2030-01-01", **ALL)[0]["pledge_lines"]
    assert db.rows("headline", as_of="2030-01-01", **ALL)[0]["pledge_lines"] == shipped_lines
    shutil.copy(valid_db, tmp_path / "new.duckdb")
    os.replace(tmp_path / "new.duckdb", served)
    with duckdb.connect(str(valid_db), read_only=True) as con:
        (valid_lines,) = con.execute("SELECT count(*) FROM pledge_lines_as_of(DATE '2030-01-01') WHERE committed > 0").fetchall()[
            0
        ]
    assert valid_lines != shipped_lines
    assert db.rows("headline", as_of="2030-01-01", **ALL)[0]["pledge_lines"] == valid_lines


def test_the_cache_is_bounded_and_can_be_turned_off(shipped_db, monkeypatch):
    tiny = Database(shipped_db, cache_size=1)  # one byte: no result fits, every query runs
    tiny.frame("options")
    tiny.frame("options")
    assert tiny.queries_run == 2
    monkeypatch.setenv("TRACKER_QUERY_CACHE_MB", "0")
    off = Database(shipped_db)
    off.rows("build_info")
    off.rows("build_info")
    assert off.queries_run == 2
    small = Database(shipped_db, cache_size=200_000)
    for day in ("2023-01-01", "2023-06-01", "2024-01-01", "2025-01-01"):
        small.frame("filtered_lines", as_of=day, **ALL)  # each about 100 kB: the oldest are evicted
    assert small._cache is not None and small._cache.currsize <= 200_000


def test_a_page_view_after_the_first_reads_nothing_from_duckdb(shipped_db):
    """The filter options and every query of a page are read once per database file, not per visit."""
    app = create_app(shipped_db)
    from dashboards.pages import overview, systems

    db = app.server.config["TRACKER_DATABASE"]
    with app.server.test_request_context():
        overview.layout(as_of="2023-02-14")
        systems.layout(as_of="2023-02-14")
        after_first = db.queries_run
        assert after_first >= 8  # options, build_info, headline, steps, claims, ...
        overview.layout(as_of="2023-02-14")
        systems.layout(as_of="2023-02-14")
        assert db.queries_run == after_first


def _derived(con, name: str, params: dict):
    """The query as it was before the build-time tables: every line's as-of state derived per request."""
    per_request = """
        SELECT l.*, v.value_eur, v.counted_eur, v.value_basis, v.is_estimate, s.title AS source_title
        FROM pledge_lines_as_of($as_of::DATE) AS l
        LEFT JOIN line_values_as_of($as_of::DATE) AS v USING (line_id)
        LEFT JOIN sources AS s USING (source_id)
        WHERE (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], l.donor))
          AND ($category::VARCHAR IS NULL OR l.category = $category)
          AND ($family::VARCHAR IS NULL OR l.system_family = $family)"""
    if name == "filtered_lines":
        return con.execute(per_request, params).df()
    return con.execute(
        f"""WITH lines AS ({per_request})
        SELECT sum(committed) FILTER (WHERE unit = 'units') AS committed,
               sum(delivered) FILTER (WHERE unit = 'units') AS delivered,
               sum(delivered_possible) FILTER (WHERE unit = 'units') AS delivered_possible
        FROM lines""",
        params,
    ).fetchall()[0]


CASES = [
    {"as_of": "2023-02-14", **ALL, "family": "leopard-2"},
    {"as_of": "2023-06-30", **ALL, "category": "air_defence"},
    {"as_of": "2024-03-01", **ALL, "donors": ["DEU", "POL"]},
    {"as_of": "2030-01-01", **ALL},
    {"as_of": "2030-01-01", **ALL, "donors": ["USA"], "category": "main_battle_tank"},
]


@pytest.mark.parametrize(
    "params", CASES, ids=lambda p: f"{p['as_of']}-{p['family'] or p['category'] or ','.join(p['donors']) or 'all'}"
)
def test_build_time_tables_answer_as_the_per_request_derivation(shipped_db, params):
    with duckdb.connect(str(shipped_db), read_only=True) as con:
        # refusals and cancellations from line_refusals, as from every event of the filtered lines
        refused = con.execute(sql_text("refusals"), params).fetchall()
        every_event = f"""
            SELECT e.date_latest, l.donor, l.donor_name, l.system_name, e.event_type, e.event_id
            FROM commitment_events AS e JOIN ({sql_text("line_labels")}) AS l USING (line_id)
            WHERE l.unit = 'units' AND e.event_type IN ('declined', 'cancelled') AND e.date_latest <= $as_of::DATE
            ORDER BY 1, 2, 6"""
        assert refused == con.execute(every_event, params).fetchall()
        lines = con.execute(sql_text("filtered_lines"), params).df()
        expected = _derived(con, "filtered_lines", params)
        assert sorted(lines["line_id"]) == sorted(expected["line_id"]) and len(lines) > 0
        by_line = lines.set_index("line_id").sort_index()
        want = expected.set_index("line_id").sort_index()[by_line.columns]
        assert by_line.astype(str).equals(want.astype(str))
        # the last row of steps_total (the as-of day) holds the lines' totals on that day
        total = con.execute(sql_text("steps_total"), {**params, "points": 500}).df().iloc[-1]
        committed, delivered, possible = _derived(con, "totals", params)
        assert (total["committed"], total["delivered"], total["delivered_possible"]) == (committed, delivered, possible)
        # each donor's last row in steps (ten drawn one by one, the rest summed) adds up to the same
        steps = con.execute(sql_text("steps"), {**params, "top": 10, "points": 500}).df()
        last = steps[steps["is_as_of_row"]]
        assert last["committed"].sum() == committed and last["delivered"].sum() == delivered


# What the Overview, Donors and Systems figures were when every request derived them line by line
# (pledge_lines_as_of with line_values_as_of): the figures read from the build-time sums
# (totals_as_of over line_changes_daily and line_totals_monthly) must say the same.
PER_LINE = {
    "headline": """
        SELECT count(DISTINCT donor) FILTER (WHERE committed > 0) AS donors,
            count(*) FILTER (WHERE committed > 0) AS pledge_lines,
            coalesce(sum(committed) FILTER (WHERE unit = 'units'), 0) AS units_committed,
            coalesce(sum(delivered) FILTER (WHERE unit = 'units'), 0) AS units_delivered,
            coalesce(sum(delivered_possible) FILTER (WHERE unit = 'units'), 0) AS units_delivered_possible,
            sum(counted_eur) AS eur_committed,
            sum(counted_eur) FILTER (WHERE value_basis = 'stated') AS eur_stated,
            sum(counted_eur) FILTER (WHERE value_basis = 'unit_price') AS eur_estimated,
            count(DISTINCT category) FILTER (WHERE unit = 'units' AND committed > 0) AS unit_categories,
            count(*) FILTER (WHERE committed > 0 AND value_eur IS NULL) AS lines_unvalued,
            count(*) FILTER (WHERE is_estimate) AS lines_estimated
        FROM lines""",
    "category_counts": """
        SELECT category, sum(committed) AS committed, sum(delivered) AS delivered,
            sum(greatest(delivered_possible, delivered)) AS delivered_possible,
            count(DISTINCT donor) FILTER (WHERE committed > 0) AS donors
        FROM lines WHERE unit = 'units' AND category IS NOT NULL
        GROUP BY category HAVING sum(committed) > 0 ORDER BY committed DESC, category""",
    "donor_ranking": """
        SELECT donor, sum(committed) FILTER (WHERE unit = 'units') AS units_committed,
            sum(delivered) FILTER (WHERE unit = 'units') AS units_delivered,
            count(*) FILTER (WHERE committed > 0) AS pledge_lines,
            sum(counted_eur) AS value_eur,
            sum(counted_eur) FILTER (WHERE value_basis = 'stated') AS value_eur_stated,
            sum(counted_eur) FILTER (WHERE value_basis = 'unit_price') AS value_eur_estimated,
            sum(counted_eur) / any_value(g.gdp_eur) AS share_of_gdp
        FROM lines LEFT JOIN donor_values_as_of($as_of::DATE) AS g USING (donor)
        GROUP BY donor HAVING sum(committed) > 0 ORDER BY donor""",
}


def _same(found, expected) -> bool:
    if expected is None or expected != expected:  # NULL or NaN
        return found is None or found != found
    if isinstance(expected, (int, float)):  # EUR sums: each line's value counts to the cent
        return found is not None and abs(found - expected) <= 1.0
    return found == expected


@pytest.mark.parametrize(
    "params",
    [*CASES, {"as_of": "2022-04-26", **ALL}, {"as_of": "2024-12-31", **ALL, "category": "ammunition"}],
    ids=lambda p: f"{p['as_of']}-{p['family'] or p['category'] or ','.join(p['donors']) or 'all'}",
)
def test_figures_from_build_time_totals_equal_the_line_by_line_derivation(shipped_db, params):
    db = Database(shipped_db, cache_size=0)
    lines = _derived(duckdb.connect(str(shipped_db), read_only=True), "filtered_lines", params)
    with duckdb.connect(str(shipped_db), read_only=True) as con:
        con.register("lines_frame", lines)
        con.execute("CREATE TEMP VIEW lines AS SELECT * FROM lines_frame")
        for name, sql in PER_LINE.items():
            expected = con.execute(sql, {"as_of": params["as_of"]} if "$as_of" in sql else None).df()
            found = db.frame(name, **params)
            if name == "donor_ranking":
                found = found.sort_values("donor").reset_index(drop=True)
            found = found[expected.columns]
            # ammunition is counted in rounds: it has no category counts (units only)
            assert len(found) == len(expected) and (len(expected) > 0 or name == "category_counts"), name
            for want, got in zip(expected.to_dict("records"), found.to_dict("records")):
                assert all(_same(got[k], v) for k, v in want.items()), (name, want, got)


def _router_body(client, search: str) -> bytes:
    """The body the browser posts to render /systems with `search` (the pages' router callback)."""
    client.get("/")
    output = ".._pages_content.children..._pages_store.data.."
    callback = next(c for c in client.get("/_dash-dependencies").get_json() if c["output"] == output)
    values = {"_pages_location.pathname": "/systems", "_pages_location.search": search}

    def given(items):
        return [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

    inputs = given(callback["inputs"])
    return json.dumps(
        {
            "output": output,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": inputs,
            "state": given(callback["state"]),
            "changedPropIds": [f"{i['id']}.{i['property']}" for i in inputs],
        }
    ).encode("utf-8")


def test_a_callback_answer_is_sent_again_until_the_file_is_replaced(shipped_db, valid_db, tmp_path):
    from werkzeug.test import Client

    from tracker.serve import CallbackCache

    served = tmp_path / "tracker.duckdb"
    shutil.copy(shipped_db, served)
    app = create_app(served)
    calls = []
    inner = app.server.wsgi_app
    app.server.wsgi_app = lambda environ, start: calls.append(environ["PATH_INFO"]) or inner(environ, start)
    client = Client(CallbackCache(app.server, served))
    body = _router_body(client, "?as_of=2023-02-14&family=leopard-2")
    post = lambda: client.post("/_dash-update-component", data=body, content_type="application/json")
    first = post()
    assert first.status_code == 200 and '"43"' in first.get_data(as_text=True)  # Leopard 2 on 2023-02-14
    rendered = calls.count("/_dash-update-component")
    again = post()
    assert again.get_data() == first.get_data() and calls.count("/_dash-update-component") == rendered
    shutil.copy(valid_db, tmp_path / "new.duckdb")
    os.replace(tmp_path / "new.duckdb", served)
    rebuilt = post()
    assert calls.count("/_dash-update-component") == rendered + 1 and rebuilt.get_data() != first.get_data()


def test_the_refusals_of_the_reference_case(shipped_db):
    # the Netherlands declined to send the Leopard 2A6 tanks it leases from Germany
    # (https://wnl.tv/2023/02/09/minister-ollongren-tanks-die-nederland-van-duitsland-leaset-niet-naar-oekraine/)
    rows = Database(shipped_db).rows("refusals", **{**ALL, "as_of": "2023-02-14", "family": "leopard-2"})
    assert [(r["donor"], str(r["date"]), r["event_type"]) for r in rows] == [("NLD", "2023-02-09", "declined")]


def test_gathered_queries_answer_as_the_queries_one_by_one(shipped_db, monkeypatch):
    monkeypatch.setenv("TRACKER_QUERY_CACHE_MB", "0")  # every query runs: in threads, in the request's context
    app = create_app(shipped_db)
    db = app.server.config["TRACKER_DATABASE"]
    view = {**ALL, "as_of": "2023-02-14", "family": "leopard-2"}
    asked = {
        "steps": ("frame", "steps", {**view, "top": 10, "points": 300}),
        "lines": ("rows", "system_lines", {**view, "limit": 100}),
        "counts": ("rows", "headline", view),
    }
    with app.server.test_request_context():
        got = db.gather(**asked)
        run = db.queries_run
        assert db.rows("headline", **view) == got["counts"] and db.queries_run == run  # kept for the request
    assert got["counts"][0]["units_committed"] == 43  # Leopard 2 as known on 2023-02-14 (the reference case)
    assert got["steps"].equals(db.frame("steps", **asked["steps"][2]))
    assert got["lines"] == db.rows("system_lines", **asked["lines"][2])
    with pytest.raises(TypeError, match="as_of"):  # a query's error reaches the page, as without threads
        db.gather(a=("rows", "headline", ALL), b=("rows", "headline", view))

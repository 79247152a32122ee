"""The dashboard in a real headless Chromium (Debian's), served by `tracker serve` over the shipped data."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboards.screenshots import CHROMIUM_ARGS  # no sandbox as root, no background calls to the network

CHROMIUM = Path("/usr/bin/chromium")
PAGES = ["/", "/systems", "/donors", "/training", "/meetings", "/data"]
AS_OF_INPUT = 'input[id=\'{"name":"as_of","type":"filter-date"}\']'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(shipped_db, tmp_path_factory):
    """`tracker serve` as a user runs it, on a free port, with the shipped database."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    tracker = Path(sys.executable).parent / "tracker"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [str(tracker), "serve", "--no-build", "--db", str(shipped_db), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            # as a user runs it: figures built without plotly's checks (the in-process tests keep them)
            env={k: v for k, v in os.environ.items() if k != "TRACKER_CHECK_FIGURES"},
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"tracker serve did not start:\n{log.read_text()}")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing at /usr/bin/chromium: .ci/run must apt-get install chromium")
        pytest.skip("Chromium not installed (apt-get install chromium); browser tests skipped on this machine")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page that records console errors, uncaught exceptions and failed requests."""

    def __init__(self, browser, width=1280, height=900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} {r.failure}"))

    def open(self, url: str):
        self.page.goto(url)
        self.settle()
        return self.page

    def settle(self):
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_selector(".footer")
        self.page.wait_for_function("() => !document.querySelector('[data-dash-is-loading]')")

    def type_as_of(self, day: str):
        """Type a date into the as-of control and wait for the page the new URL describes."""
        field = self.page.locator(AS_OF_INPUT)
        field.fill(day)
        field.press("Enter")
        self.page.wait_for_url(f"**as_of={day}**")
        self.settle()

    def pick(self, filter_name: str, label: str, url_part: str):
        """Choose an option of a dropdown filter by typing its label, and wait for the new URL."""
        self.page.locator(f'[id=\'{{"name":"{filter_name}","type":"filter"}}\']').click()
        self.page.keyboard.type(label)
        self.page.locator("[role=option]", has_text=label).first.click()
        self.page.wait_for_url(f"**{url_part}**")
        self.settle()

    def close(self):
        self.page.close()


@pytest.fixture
def watched(browser):
    pages = []

    def make(**kw):
        pages.append(Watched(browser, **kw))
        return pages[-1]

    yield make
    for p in pages:
        p.close()


def cell_text(page, table_id: str, donor: str, column: int) -> str:
    row = page.locator(f"#{table_id} tr:has(td:first-child:text-is('{donor}'))")
    return row.locator("td").nth(column).inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_console_errors(server, watched, path):
    w = watched()
    page = w.open(server + path)
    assert page.locator("h1").first.inner_text() != ""
    page.wait_for_selector(".js-plotly-plot, .ag-root", timeout=15000)
    page.wait_for_timeout(500)
    assert "Data version: commit" in page.locator("#footer-version").inner_text()
    assert w.problems == []


def test_leopard_2_for_germany_is_14_then_18_as_the_as_of_date_changes(server, watched):
    w = watched()
    page = w.open(server + "/systems?as_of=2023-02-14")
    assert page.locator("h1").inner_text() == "Systems: Leopard 2"
    assert cell_text(page, "systems-lines", "Germany", 2) == "14"
    # Type a new as-of date into the control: the URL and the figures follow.
    w.type_as_of("2023-03-31")
    page.wait_for_function("() => document.querySelector('#systems-lines').innerText.includes('18')")
    assert cell_text(page, "systems-lines", "Germany", 2) == "18"
    assert cell_text(page, "systems-lines", "Germany", 3) == "18"
    assert w.problems == []


def test_changing_the_as_of_date_changes_the_headline_figures(server, watched):
    w = watched()
    page = w.open(server + "/?as_of=2023-12-31&category=main_battle_tank")  # units only within one category
    before = page.locator("#overview-committed").inner_text()
    w.type_as_of("2022-06-30")
    page.wait_for_function(f"() => document.querySelector('#overview-committed').innerText !== {before!r}")
    after = page.locator("#overview-committed").inner_text()
    assert int(after.replace(",", "")) < int(before.replace(",", ""))
    assert w.problems == []


def test_a_click_on_a_chart_point_shows_its_sources(server, watched):
    w = watched()
    page = w.open(server + "/systems?as_of=2023-03-31&donor=DEU")
    point = page.locator("#systems-steps .scatterlayer .trace").first.locator(".points path").nth(1)
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#systems-details #details-rows a", timeout=10000)
    details = page.locator("#systems-details").inner_text()
    assert "What changed on 2023-02-24" in details and "increased" in details
    href = page.locator("#systems-details #details-rows a").first.get_attribute("href")
    assert href.startswith("https://www.bnnbloomberg.ca/")
    assert w.problems == []


def test_the_url_of_a_filtered_view_restores_it_in_a_new_page(server, watched):
    w = watched()
    page = w.open(server + "/data?as_of=2023-03-31")
    page.locator("input[type=radio][value=deliveries]").check()
    page.wait_for_url("**table=deliveries**")
    w.settle()
    w.pick("family", "Leopard 2", "family=leopard-2")
    url = page.url
    query = parse_qs(urlsplit(url).query)
    assert query == {"as_of": ["2023-03-31"], "family": ["leopard-2"], "table": ["deliveries"]}
    rows = page.locator("#data-table .ag-center-cols-container .ag-row").count()
    fresh = watched()
    again = fresh.open(url)
    again.wait_for_selector("#data-table .ag-row")
    assert again.locator("#data-table .ag-center-cols-container .ag-row").count() == rows > 0
    assert "Leopard 2" in again.locator('[id=\'{"name":"family","type":"filter"}\']').inner_text()
    assert again.locator("input[type=radio][value=deliveries]").is_checked()
    assert w.problems == [] and fresh.problems == []


def test_the_data_grid_shows_coarse_dates_as_written(server, watched, shipped_db):
    w = watched()
    page = w.open(server + "/data?as_of=2023-06-30&family=leopard-2&table=deliveries")
    page.wait_for_selector("#data-table .ag-row")
    dates = page.locator("#data-table .ag-center-cols-container [col-id=date]").all_inner_texts()
    import duckdb

    with duckdb.connect(str(shipped_db), read_only=True) as con:
        expected = [
            r[0]
            for r in con.execute("""
            SELECT d.date FROM deliveries AS d JOIN pledge_lines AS l USING (line_id) JOIN systems AS s ON s.system_id = l.system_id
            WHERE s.family_id = 'leopard-2' AND d.date_latest <= DATE '2023-06-30' ORDER BY d.date_latest, d.delivery_id""").fetchall()
        ]
    assert dates == expected
    # coarse dates are shown as written: months and a quarter among them
    assert {"2023-02-24", "2023-03", "2023-04", "2023-Q1"} <= set(dates)
    links = page.locator("#data-table .ag-center-cols-container [col-id=source] a")
    assert links.count() == len(expected) and all(h.startswith("http") for h in links.evaluate_all("els => els.map(e => e.href)"))
    assert w.problems == []


def test_back_leaves_a_page_opened_from_a_bare_link(server, watched):
    w = watched()
    page = w.open(server + "/meetings?as_of=2023-12-31")
    for path in ("/", "/systems", "/data"):
        page.goto(server + path)
        w.settle()
        page.wait_for_timeout(300)
        assert urlsplit(page.url).query == "", f"{path} rewrote its URL on load: {page.url}"
        page.go_back()
        w.settle()
        assert urlsplit(page.url).path == "/meetings", f"Back from {path} stayed on {page.url}"
    assert w.problems == []


def test_systems_default_family_stays_on_its_page_and_a_category_can_be_chosen(server, watched):
    w = watched()
    page = w.open(server + "/systems?as_of=2023-12-31")
    assert page.locator("h1").inner_text() == "Systems: Leopard 2"
    w.pick("category", "Air defence", "category=air_defence")
    assert "family" not in parse_qs(urlsplit(page.url).query)
    page.wait_for_function("() => document.querySelector('h1').innerText === 'Systems: Air defence'")
    assert int(page.locator("#systems-committed").inner_text().replace(",", "")) > 0
    overview_link = page.locator("a.nav-link", has_text="Overview").get_attribute("href")
    assert overview_link == "/?as_of=2023-12-31&category=air_defence"
    assert w.problems == []

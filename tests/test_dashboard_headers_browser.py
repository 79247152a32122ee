"""The security headers in a real headless Chromium (Debian's): every page renders and works under the
Content-Security-Policy with no violation, framing is refused, malformed addresses render, downloads
hold the typed search and figures download as PNG."""

from __future__ import annotations

import csv
import io

import pytest

from tests.test_dashboard_browser import PAGES, browser, server, watched  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser  # conftest marks test_dashboard_browser.py by name; this file marks itself

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""
SEARCH_INPUT = 'input[id=\'{"name":"q","type":"filter"}\']'


def open_checked(w, url):
    w.page.add_init_script(RECORD_VIOLATIONS)
    response = w.page.goto(url)
    w.settle()
    return response


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_under_the_policy_with_no_violation(server, watched, path):  # noqa: F811
    w = watched()
    response = open_checked(w, server + path)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and response.headers["x-content-type-options"] == "nosniff"
    page = w.page
    page.wait_for_selector(".js-plotly-plot .main-svg, .ag-root", timeout=15000)
    page.wait_for_timeout(500)
    assert "Data version: commit" in page.locator("#footer-version").inner_text()
    assert page.evaluate("window.__csp") == []
    assert w.problems == []


def test_the_map_and_a_click_work_under_the_policy(server, watched):  # noqa: F811
    w = watched()
    open_checked(w, server + "/donors?as_of=2023-12-31")
    page = w.page
    page.wait_for_selector("#donors-map .geo path", timeout=15000)  # outlines fetched from /assets/topojson/
    box = page.locator("#donors-ranking .bars path").first.bounding_box()  # plotly's drag layer takes the click
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**focus=**")
    w.settle()
    page.wait_for_selector("#donors-details h3")
    assert page.evaluate("window.__csp") == []
    assert w.problems == []


def test_a_page_in_a_frame_of_another_site_is_refused(server, watched):  # noqa: F811
    w = watched()
    w.page.set_content(f'<iframe id="f" src="{server}/" width="600" height="400"></iframe>')
    w.page.wait_for_timeout(1500)
    assert w.page.frame_locator("#f").locator(".footer").count() == 0
    assert any("frame-ancestors" in p for p in w.problems), w.problems  # Chromium says why on the console
    w.problems.clear()


@pytest.mark.parametrize(
    "query,heading",
    [
        ("/systems?family=a&family=leopard-2&as_of=x&as_of=2023-02-14", "Systems: Leopard 2"),
        ("/data?table=x&table=deliveries&q=%25&q=_&as_of=2023-02-30", "Data"),
        ("/?donor=%00&family=" + "x" * 3000 + "&start=soon", "Overview"),
    ],
)
def test_repeated_and_malformed_parameters_render(server, watched, query, heading):  # noqa: F811
    w = watched()
    open_checked(w, server + query)
    assert w.page.locator("h1").first.inner_text() == heading
    assert w.page.evaluate("window.__csp") == []
    assert w.problems == []


def test_a_typed_search_is_in_the_downloaded_csv_and_its_name(server, watched):  # noqa: F811
    w = watched()
    open_checked(w, server + "/data?as_of=2023-03-31&donor=DEU&family=leopard-2")
    page = w.page
    page.wait_for_selector("#data-table .ag-row")
    unsearched = page.locator("#data-table .ag-center-cols-container .ag-row").count()
    page.locator(SEARCH_INPUT).fill("bundesregierung")  # typed, not applied: the click ends the typing
    with page.expect_download() as info:
        page.locator("#data-download-button").click()
    download = info.value
    assert download.suggested_filename == (
        "ukraine-aid-events-as-of-2023-03-31-donor-DEU-family-leopard-2-search-bundesregierung.csv"
    )
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8"))))
    assert 0 < len(rows) < unsearched
    assert all("bundesregierung" in " ".join(r.values()).lower() for r in rows)
    w.settle()
    page.wait_for_url("**q=bundesregierung**")
    assert page.evaluate("window.__csp") == []
    assert w.problems == []


def test_a_figure_downloads_as_png(server, watched):  # noqa: F811
    w = watched()
    open_checked(w, server + "/systems?as_of=2023-02-14")
    page = w.page
    page.locator("#systems-steps").hover()
    button = page.locator("#systems-steps .modebar-btn[data-title='Download plot as a PNG']")
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith(".png")
    assert download.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.evaluate("window.__csp") == []
    assert w.problems == []

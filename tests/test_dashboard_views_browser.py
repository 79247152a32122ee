"""What a reader sees without hovering, in Debian's Chromium: the Leopard 2 reference case labelled,
one colour per donor at every as-of date, and every page usable on a 390 px phone."""

from __future__ import annotations

import pytest

from tests.test_dashboard_browser import PAGES, browser, server, watched  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

LEOPARD = "/systems?as_of=2023-02-14&family=leopard-2"


def chart_texts(page, graph_id: str) -> list[str]:
    page.wait_for_selector(f"#{graph_id} .annotation-text")
    return page.evaluate(f"() => [...document.querySelectorAll('#{graph_id} .annotation-text')].map(t => t.textContent)")


def test_leopard_2_on_2023_02_14_shows_germany_14_beside_poland_and_the_62_claim_labelled(server, watched):  # noqa: F811
    w = watched()
    page = w.open(server + LEOPARD)
    texts = chart_texts(page, "systems-steps")
    # each donor's line ends in its own label: Germany's 14 is not hidden under Poland's 14
    assert "Germany 14" in texts and "Poland 14" in texts
    assert "Sum of individual pledges 43" in texts
    assert "coalition claim:62 planned, not added" in texts
    assert "Netherlands declined" in texts  # a refusal is marked, not drawn as a line at 0
    boxes = {t: page.locator("#systems-steps .annotation-text", has_text=t).bounding_box() for t in ("Germany 14", "Poland 14")}
    assert abs(boxes["Germany 14"]["y"] - boxes["Poland 14"]["y"]) >= 12  # one above the other, both legible
    # no committed line for the Netherlands, whose only event is a refusal
    names = page.evaluate("() => document.querySelector('#systems-steps .js-plotly-plot').data.map(t => t.name)")
    assert "Netherlands committed" not in names and "Declined or cancelled" in names
    # the axis fits January to February 2023, not the years after
    ticks = page.evaluate("() => [...document.querySelectorAll('#systems-steps .xtick text')].map(t => t.textContent)")
    assert ticks and all("2024" not in t and "2025" not in t for t in ticks)
    assert w.problems == []


def donor_colours(page) -> dict[str, str]:
    """Trace name -> the colour of its line, as the browser holds the drawn figure."""
    page.wait_for_selector("#systems-steps .js-plotly-plot .scatterlayer")
    return page.evaluate(
        """() => Object.fromEntries(document.querySelector('#systems-steps .js-plotly-plot').data
            .filter(t => t.line && t.line.color).map(t => [t.name, t.line.color]))"""
    )


def test_a_donor_keeps_its_colour_at_two_as_of_dates(server, watched):  # noqa: F811
    w = watched()
    early = donor_colours(w.open(server + LEOPARD))
    late = donor_colours(w.open(server + "/systems?as_of=2023-06-30&family=leopard-2"))
    for donor in ("Germany committed", "Poland committed", "Canada committed", "Norway committed"):
        assert early[donor] and early[donor] == late[donor], donor
    # donors that came into view by the later date did not shift the others, and each has its own colour
    committed = {k: v for k, v in late.items() if k.endswith(" committed")}
    assert len(committed) > len([k for k in early if k.endswith(" committed")])
    assert len(set(committed.values())) == len(committed)
    assert w.problems == []


WIDE = """() => {
    const width = document.documentElement.clientWidth;
    const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
    return [...document.querySelectorAll('body *')]
        .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
        .filter(el => !scrolls(el) && !el.closest('#js-plotly-tester'))  // plotly's off-screen text measurer
        .map(el => el.tagName + '.' + (el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className) + '#' + el.id)
        .slice(0, 10);
}"""


@pytest.mark.parametrize("path", PAGES + [LEOPARD, "/donors?measure=gdp&focus=DEU", "/meetings?meeting=udcg-31"])
def test_every_page_at_390_px_has_nothing_wider_than_the_screen(server, watched, path):  # noqa: F811
    w = watched(width=390, height=844)
    page = w.open(server + path)
    page.wait_for_selector(".js-plotly-plot, .ag-root", timeout=15000)
    page.wait_for_timeout(500)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.evaluate(WIDE) == []
    if page.locator(".table-wrap").count():
        assert page.locator(".scroll-hint").first.is_visible()  # a table says it scrolls
    assert w.problems == []

"""Screenshots of every page at desktop and phone width: `python -m dashboards.screenshots [BASE_URL] [OUT_DIR]`.

Needs a running dashboard (`tracker serve`) and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

VIEWS = {  # without as_of a page shows the latest day in the record
    "overview": "/",
    "systems": "/systems?as_of=2023-02-14&family=leopard-2",
    "donors": "/donors?measure=gdp&focus=DEU",
    "training": "/training",
    "meetings": "/meetings?meeting=udcg-31",
    "data": "/data?as_of=2023-03-31&family=leopard-2&table=deliveries",
}
WIDTHS = (1280, 390)
MAX_HEIGHT = {1280: 2200, 390: 3400}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


def take(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in VIEWS.items():
                page.goto(base.rstrip("/") + path)
                page.wait_for_load_state("networkidle")
                page.wait_for_selector(".footer")
                page.wait_for_timeout(800)  # let plotly finish drawing
                target = out / f"{name}-{width}.png"
                # the page from the top, but not every row of a long table: the files live in the repository
                height = min(page.evaluate("() => document.documentElement.scrollHeight"), MAX_HEIGHT[width])
                page.screenshot(path=str(target), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
                written.append(target)
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8050"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "build/screenshots")
    for path in take(base, out):
        print(path)

"""Locust's script for the load test (tracker.benchmark.load runs it): readers who each load a random
page with every request Chromium made for it, then read for 1 to 3 seconds.

The requests are read from the JSON file named by $TRACKER_LOAD_SCRIPT, recorded by
`tracker.benchmark.load.record`. Locust patches the standard library with gevent when imported,
so this module is only ever loaded by the `locust` command, in a process of its own.
"""

from __future__ import annotations

import json
import os
import random
from functools import cache

from locust import HttpUser, between, task


@cache
def pages() -> list[dict]:
    """The recorded pages (read when the first reader starts, never at import)."""
    with open(os.environ["TRACKER_LOAD_SCRIPT"], encoding="utf-8") as f:
        return json.load(f)


class Reader(HttpUser):
    wait_time = between(1, 3)

    @task
    def read_a_page(self) -> None:
        page = random.choice(pages())
        for request in page["requests"]:
            # Named by kind, not by URL: the statistics group the page HTML, Dash's layout and
            # dependencies, and each callback output.
            if request["method"] == "GET":
                self.client.get(request["path"], name=request["name"])
            else:
                self.client.post(
                    request["path"], data=request["body"], headers={"Content-Type": "application/json"}, name=request["name"]
                )

"""What a long validate or build is doing, on one line of the terminal that it rewrites (stage and
rows); nothing at all when stderr is not a terminal (piped, in CI, in tests)."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, text: str) -> None:
        """Show ``text`` as the current stage, with the time since the start."""
        if not self.enabled:
            return
        line = f"tracker: {text} ({time.monotonic() - self.started:.0f} s)"
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        """Clear the line, so that what is printed next starts on a clean one."""
        if self.enabled and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


QUIET = Progress(enabled=False)

"""Run a command in a child process and measure its wall time and peak memory (resident set)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mb: float  # the child's own peak resident set, in MiB
    returncode: int
    output: str  # the end of its stdout and stderr, for a failure's message


STOPPED = -9  # the return code of a child stopped for passing its memory limit


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _watch(child: subprocess.Popen, limit_mb: float, stopped: list[float]) -> None:
    """Stop the child when its resident set passes ``limit_mb``, before it takes the machine down."""
    while child.returncode is None:
        rss = _rss_mb(child.pid)
        if rss > limit_mb:
            stopped.append(rss)
            child.kill()
            return
        time.sleep(0.2)


def run(argv: list[str], cwd: str | None = None, limit_mb: float | None = None) -> Measured:
    """Wall time and peak RSS of ``argv``. The child is reaped with os.wait4, which returns its own
    rusage (not the maximum over every child this process ever had, as RUSAGE_CHILDREN would).
    With ``limit_mb`` the child is stopped when its resident set passes it (returncode STOPPED)."""
    stopped: list[float] = []
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        if limit_mb:
            threading.Thread(target=_watch, args=(child, limit_mb, stopped), daemon=True).start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        out = log.read().decode("utf-8", "replace")
    if stopped:
        out += f"\nstopped after {seconds:.0f} s: resident memory passed the limit of {limit_mb:,.0f} MB"
        return Measured(seconds, usage.ru_maxrss / 1024, STOPPED, out[-3000:])
    return Measured(seconds, usage.ru_maxrss / 1024, child.returncode, out[-3000:])


def median_run(argv: list[str], repeat: int, cwd: str | None = None) -> Measured:
    """The run with the median wall time of ``repeat`` runs."""
    runs = sorted((run(argv, cwd) for _ in range(repeat)), key=lambda m: m.seconds)
    return runs[len(runs) // 2]


def median_ms(call, repeat: int) -> float:
    """Median wall time of ``call()`` in milliseconds, after one run to warm caches."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def python(*args: str) -> list[str]:
    """This interpreter running ``args``."""
    return [sys.executable, *args]

"""The files a build of one database writes beside it: an exclusive lock, and a temporary database
and DuckDB spill directory named by the process that writes them, so that two builds never share a
file and what a killed build left is swept by the next one.

For ``build/tracker.duckdb``:
- ``build/tracker.duckdb.lock``: held (flock) for the whole build; a second build waits for it;
- ``build/.tracker.duckdb.<pid>.<token>.new`` (and its ``.wal``): the database being written,
  renamed over ``tracker.duckdb`` only by the build that wrote it;
- ``build/.tracker.duckdb.<pid>.<token>.spill/``: DuckDB's spill directory for that build.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildFiles:
    db: Path
    new: Path  # the database this build writes
    spill: Path  # DuckDB's spill directory for this build

    def remove(self) -> None:
        """This build's own files, and only these."""
        for path in (self.new, self.new.with_name(self.new.name + ".wal")):
            path.unlink(missing_ok=True)
        shutil.rmtree(self.spill, ignore_errors=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def _ours(db: Path) -> re.Pattern:
    return re.compile(rf"^\.{re.escape(db.name)}\.(\d+)\.[0-9a-f]+\.(?:new|new\.wal|spill)$")


def sweep(db: Path) -> list[Path]:
    """Remove what builds of ``db`` that are no longer running left beside it; return what went."""
    pattern = _ours(db)
    gone = []
    for path in db.parent.iterdir() if db.parent.is_dir() else ():
        match = pattern.match(path.name)
        if match and int(match.group(1)) != os.getpid() and not alive(int(match.group(1))):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            gone.append(path)
    return gone


@contextmanager
def exclusive(db: Path) -> Iterator[BuildFiles]:
    """Hold ``db``'s build lock (waiting, with a message, while another build holds it), sweep what
    dead builds left, and give this build its own temporary file names; they are removed on leaving."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(db.with_name(db.name + ".lock"), "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "?"
            print(f"{db}: another build of this database is running (process {holder}); waiting for it", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        lock.truncate()
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        sweep(db)
        stem = f".{db.name}.{os.getpid()}.{secrets.token_hex(4)}"
        files = BuildFiles(db, db.with_name(stem + ".new"), db.with_name(stem + ".spill"))
        try:
            yield files
        finally:
            files.remove()
            lock.seek(0)
            lock.truncate()
            fcntl.flock(lock, fcntl.LOCK_UN)

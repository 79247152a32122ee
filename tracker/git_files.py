"""Files of the data directory at a git revision, or on disk: the two sides `tracker diff` compares.

Git is run as a subprocess (no library); every failure becomes a one-line UserError.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tracker.problems import UserError

TIMEOUT = 60  # seconds for one git command
_HEX = re.compile(r"[0-9a-fA-F]{4,64}")


@dataclass(frozen=True)
class Version:
    """One side of a comparison: a commit, or the working tree when ``commit`` is None."""

    rev: str | None
    commit: str | None = None
    short: str | None = None

    @property
    def label(self) -> str:
        """How the side is named to a person: 3f2a1c9 (HEAD~1), 3f2a1c9, or working tree."""
        if self.commit is None:
            return "working tree"
        if self.rev is None or (_HEX.fullmatch(self.rev) and self.commit.startswith(self.rev.lower())):
            return self.short or self.commit
        return f"{self.short} ({self.rev})"


WORKING_TREE = Version(None)


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(directory), *args], capture_output=True, check=False, timeout=TIMEOUT)
    except FileNotFoundError:
        raise UserError("git is not installed or not on PATH (tracker diff reads the data at git revisions)") from None
    except subprocess.TimeoutExpired:
        raise UserError(f"git {args[0]} took longer than {TIMEOUT} s in {directory}") from None


def _first_line(data: bytes) -> str:
    lines = data.decode("utf-8", errors="replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else "no message"


@dataclass(frozen=True)
class DataRepo:
    """The data directory on disk and where it sits in its git repository."""

    directory: Path
    shown: str  # the directory as the user named it, for messages
    prefix: str  # its path from the repository root, "" or ending in "/", e.g. "data/"

    def resolve(self, rev: str) -> Version:
        """The commit a revision names (hash, HEAD~1, tag, branch); UserError when there is none."""
        done = _git(self.directory, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
        if done.returncode != 0 or not done.stdout.strip():
            raise UserError(f"{rev}: unknown revision (not a commit of the repository holding {self.shown})")
        commit = done.stdout.decode().strip()
        short = _git(self.directory, "rev-parse", "--short", commit).stdout.decode().strip()
        return Version(rev, commit, short or commit[:7])

    def names(self, version: Version) -> set[str]:
        """The file names in the data directory at ``version`` (empty when it did not exist then)."""
        if version.commit is None:
            return {p.name for p in self.directory.iterdir() if p.is_file()}
        done = _git(self.directory, "ls-tree", "-z", "--full-tree", f"{version.commit}:{self.prefix}")
        if done.returncode != 0:
            return set()
        names = set()
        for entry in filter(None, done.stdout.split(b"\0")):  # "<mode> <type> <object>\t<name>"
            info, _, name = entry.partition(b"\t")
            if info.split(b" ")[1:2] == [b"blob"]:
                names.add(name.decode("utf-8", errors="surrogateescape"))
        return names

    def read(self, version: Version, filename: str) -> bytes:
        """The bytes of one file of the data directory at ``version``."""
        if version.commit is None:
            return (self.directory / filename).read_bytes()
        done = _git(self.directory, "show", f"{version.commit}:{self.prefix}{filename}")
        if done.returncode != 0:
            raise UserError(f"{version.label}:{self.prefix}{filename}: git show failed: {_first_line(done.stderr)}")
        return done.stdout

    def where(self, version: Version, filename: str) -> str:
        """A file at a version as a person can look it up: HEAD~1:data/x.csv, or data/x.csv on disk."""
        if version.commit is None:
            return f"{self.shown.rstrip('/')}/{filename}"
        return f"{version.rev or version.short}:{self.prefix}{filename}"


def locate(directory: Path, shown: str) -> DataRepo:
    """The git repository holding ``directory``; UserError when it is not inside one."""
    top = _git(directory, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UserError(f"{shown}: not inside a git repository ({_first_line(top.stderr)})")
    prefix = _git(directory, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        raise UserError(f"{shown}: cannot find its place in the git repository ({_first_line(prefix.stderr)})")
    return DataRepo(directory, shown, prefix.stdout.decode("utf-8", errors="surrogateescape").strip("\n"))

"""A pytest plugin that fails the session when a test, or a command it runs in-process, touches a path
outside the repository: the suite must pass in a clone with nothing beside it.

An audit hook (PEP 578) sees every file opened, folder listed or globbed, file tree copied and process
started (its working folder and path arguments). A path is allowed inside the repository, the
temporary folder, the Python installation and virtual environment, system folders and the user's
caches (fonts, Chromium, Playwright, Jupyter), but never beside the repository (in the folder that
holds it, even when that is in the temporary folder). Anything else is recorded with the test that touched it;
at the end of the session each is printed on one line and the session fails. A child process's own
reads are not seen (its Python is not hooked); its arguments and working folder are.

Loaded by tests/conftest.py; `python -m pytest -p outside_reads` (with tests/ on the path) loads it alone.
"""

from __future__ import annotations

import os
import site
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# audit event -> positions of its arguments that are paths
PATH_ARGUMENTS = {
    "open": (0,),
    "os.listdir": (0,),
    "os.scandir": (0,),
    "glob.glob": (0,),
    "glob.glob/2": (0, 2),
    "shutil.copyfile": (0, 1),
    "shutil.copytree": (0, 1),
    "os.chdir": (0,),
}
SYSTEM = ["/usr", "/etc", "/proc", "/sys", "/dev", "/lib", "/lib64", "/bin", "/sbin", "/run", "/var/cache/fontconfig"]


def rules(basetemp: str | None = None, root: Path = ROOT) -> list[tuple[str, bool]]:
    """(folder, allowed) pairs, longest first: a path follows the longest folder it is in. The folder holding
    the repository is forbidden (where material beside a clone would be) unless an allowed folder inside it is longer, so a
    clone in a temporary folder still has its siblings caught; at equal length the allowed folder wins."""
    forbidden = {os.path.normpath(str(root.parent)), os.path.realpath(root.parent)}
    pairs = [(folder, True) for folder in allowed_roots(basetemp, root)] + [(folder, False) for folder in forbidden]
    return sorted(pairs, key=lambda pair: (-len(pair[0]), not pair[1]))


def allowed_roots(basetemp: str | None = None, root: Path = ROOT) -> tuple[str, ...]:
    home = Path.home()
    cache = os.environ.get("XDG_CACHE_HOME") or str(home / ".cache")
    candidates = [
        str(root),
        tempfile.gettempdir(),
        "/tmp",
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        sys.base_exec_prefix,
        *site.getsitepackages(),
        site.getusersitepackages(),
        *SYSTEM,
        cache,
        os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or str(Path(cache) / "ms-playwright"),
        str(home / ".local" / "share" / "jupyter"),
        str(home / ".ipython"),
        str(home / ".config" / "matplotlib"),
        str(home / ".pki"),
        str(home / ".fontconfig"),
        str(home / ".fonts"),
    ]
    if basetemp:
        candidates.append(basetemp)
    # where imports come from (PYTHONPATH, a .pth), unless that is the folder holding the repository or above it
    beside = os.path.normpath(str(root.parent))
    candidates += [
        entry
        for entry in sys.path
        if entry and os.path.isabs(entry) and not (beside + os.sep).startswith(os.path.normpath(entry).rstrip(os.sep) + os.sep)
    ]
    roots = {os.path.normpath(c) for c in candidates if c}
    roots |= {os.path.realpath(c) for c in roots}
    return tuple(sorted(roots))


def absolute(path: object, base: object = None) -> str | None:
    """The absolute, normalised form of a path argument (relative to base, default the working folder);
    None for a file descriptor or anything else."""
    if path is None:
        path = "."
    if isinstance(path, int) or not isinstance(path, (str, bytes, os.PathLike)):
        return None
    text = os.fsdecode(os.fspath(path))
    if not os.path.isabs(text):
        try:
            start = os.fsdecode(os.fspath(base)) if isinstance(base, (str, bytes, os.PathLike)) else os.getcwd()
        except OSError:  # the working folder was removed
            return None
        text = os.path.join(start, text)
    return os.path.normpath(text)


def looks_like_path(argument: object) -> bool:
    text = os.fsdecode(argument) if isinstance(argument, (str, bytes, os.PathLike)) else ""
    return text.startswith(("/", "./", "../", "~"))


class OutsideReads:
    """The paths outside the allowed places, each with the event and the test (or collection) that touched it."""

    def __init__(self, rules: list[tuple[str, bool]]):
        self.rules = rules
        self.found: dict[str, tuple[str, str]] = {}  # path -> (event, test)
        self.current = "startup"
        self.capture: list[str] | None = None

    def allowed(self, path: str) -> bool:
        for folder, allowed in self.rules:
            if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
                return allowed
        return False

    def record(self, event: str, path: object, base: object = None) -> None:
        text = absolute(path, base)
        if text is None or self.allowed(text):
            return
        if self.capture is not None:
            self.capture.append(text)
        else:
            self.found.setdefault(text, (event, self.current))

    def hook(self, event: str, args: tuple) -> None:
        """Called for every audit event of the process: returns at once for the others, and raises no event itself."""
        positions = PATH_ARGUMENTS.get(event)
        if positions is None and event != "subprocess.Popen":
            return
        try:
            if positions is not None:
                for i in positions:
                    if i < len(args):
                        self.record(event, args[i])
            else:  # (executable, args, cwd, env)
                _, argv, cwd, _ = args
                if cwd is not None:
                    self.record(event, cwd)
                argv = [argv] if isinstance(argv, (str, bytes, os.PathLike)) else list(argv or [])
                for argument in argv:
                    if looks_like_path(argument):
                        self.record(event, os.path.expanduser(os.fsdecode(argument)), cwd)
        except Exception as exc:  # an exception here would fail the open itself: report it instead
            self.found.setdefault(f"<{event} {args!r:.200}>", (f"audit hook error {exc!r}", self.current))

    @contextmanager
    def expected(self) -> Iterator[list[str]]:
        """Paths touched inside the block on purpose: handed to the caller instead of failing the session."""
        previous, self.capture = self.capture, []
        try:
            yield self.capture
        finally:
            self.capture = previous

    def problems(self) -> list[str]:
        return [
            f"{path}: outside the repository ({event}, by {test}); expected a file under {ROOT}"
            for path, (event, test) in self.found.items()
        ]


KEY = pytest.StashKey[OutsideReads]()


def pytest_configure(config: pytest.Config) -> None:
    if KEY in config.stash:
        return
    recorder = OutsideReads(rules(config.option.basetemp))
    config.stash[KEY] = recorder
    sys.addaudithook(recorder.hook)  # hooks cannot be removed: one per process, and this process ends with the session


def pytest_collectstart(collector: pytest.Collector) -> None:
    if KEY in collector.config.stash:
        collector.config.stash[KEY].current = f"collecting {collector.nodeid or '.'}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    recorder = item.config.stash.get(KEY, None)
    if recorder is not None:
        recorder.current = item.nodeid
    try:
        return (yield)
    finally:
        if recorder is not None:
            recorder.current = "session teardown" if nextitem is None else f"after {item.nodeid}"


def pytest_sessionfinish(session: pytest.Session) -> None:
    recorder = session.config.stash.get(KEY, None)
    passed = session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED)
    if recorder is not None and recorder.found and passed:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    recorder = terminalreporter.config.stash.get(KEY, None)
    if recorder is not None and recorder.found:
        terminalreporter.section("paths outside the repository", red=True)
        for line in recorder.problems():
            terminalreporter.line(line, red=True)

"""mkdocs hook: publish the files that included reports link to beside the page including them.

docs/performance.md includes reports/benchmark.md, which links to `benchmark.json`; the hook adds
reports/benchmark.json to the site so that the link resolves (and `mkdocs build --strict` checks it).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
LINKED = {"benchmark.json": ROOT / "reports" / "benchmark.json"}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for dest, source in LINKED.items():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return files

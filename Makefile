# The two set-up commands of the README: `make run` (install, build if needed, serve the dashboard)
# and `make test` (install, run the test suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := build/tracker.duckdb
HOST ?= 127.0.0.1
PORT ?= 8050
# The project and its dev, kiel, docs and reference extras, every version pinned as tested.
LOCK := requirements.lock

.PHONY: run test test-fast lint docs install lock

# The tested versions from the lock file, then the project itself (editable, nothing else resolved).
$(BIN)/tracker: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/tracker

# Refresh the lock file after changing dependencies in pyproject.toml (`make lock`, then
# `make install` and `make test`, and commit both files). It is resolved for Python 3.11, the
# project's floor. Pins stay where they are unless asked: `make lock LOCK_ARGS=--upgrade` moves
# every pin to the newest release the bounds allow, `LOCK_ARGS="--upgrade-package dash"` only one.
# Left out on purpose: the notebooks extra (JupyterLab).
LOCK_ARGS ?=
lock: $(BIN)/tracker
	$(BIN)/pip-compile --quiet --extra dev --extra kiel --extra docs --extra reference --strip-extras \
		--no-emit-index-url --no-emit-find-links --no-emit-trusted-host $(LOCK_ARGS) --output-file $(LOCK) pyproject.toml

# `tracker serve` builds the database first when it is missing or older than a CSV, schema or SQL file.
run: $(BIN)/tracker
	$(BIN)/tracker serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(BIN)/tracker
	$(BIN)/python -m pytest

# The tests that need neither a browser, nor the benchmark, nor a process of their own, on two workers:
# about a minute on two cores.
test-fast: $(BIN)/tracker
	$(BIN)/python -m pytest -m "not browser and not benchmark and not slow" -n 2

# What CI checks besides the tests: lint, format, types (against the recorded baseline), docs site.
lint: $(BIN)/tracker
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy | $(BIN)/mypy-baseline filter --ignore-categories note --no-colors
	$(BIN)/tracker fmt --check
	$(BIN)/tracker generate --check

docs: $(BIN)/tracker
	$(BIN)/mkdocs build --strict

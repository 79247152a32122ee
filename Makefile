# The two set-up commands of the README: `make run` (install, build if needed, serve the dashboard)
# and `make test` (install, run the test suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := build/tracker.duckdb
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test install

$(BIN)/tracker: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/tracker

# `tracker serve` builds the database first when it is missing or older than a CSV, schema or SQL file.
run: $(BIN)/tracker
	$(BIN)/tracker serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(BIN)/tracker
	$(BIN)/python -m pytest

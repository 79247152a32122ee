# The two set-up commands of the README: `make run` (install, build, summarise) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := build/tracker.duckdb

.PHONY: run test install

$(BIN)/tracker: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/tracker

# Rebuild only when a CSV, a schema or the package's SQL is newer than the database.
$(DB): $(BIN)/tracker $(wildcard data/*.csv data/*.yaml schemas/*.yaml tracker/*.py tracker/sql/*/*.sql)
	$(BIN)/tracker build --db $(DB)

run: $(DB)
	$(BIN)/tracker sql --db $(DB) "SELECT (SELECT count(*) FROM pledge_lines) AS pledge_lines, (SELECT count(*) FROM commitment_events) AS events, (SELECT count(*) FROM deliveries) AS deliveries, (SELECT count(*) FROM coalition_claims) AS claims, (SELECT count(*) FROM sources) AS sources, (SELECT git_commit FROM build_info) AS data_commit"

test: $(BIN)/tracker
	$(BIN)/python -m pytest

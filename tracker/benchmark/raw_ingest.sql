-- The floor: one CSV into a table with no checks at all (types guessed by DuckDB's sniffer).
-- {table} and {path} are filled in per file by tracker.benchmark.floor.
CREATE TABLE {table} AS FROM read_csv({path}, header = true);

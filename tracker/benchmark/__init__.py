"""`tracker benchmark`: how the tracker's cost grows from a thousand to ten million commitment events,
measured against the floor (DuckDB ingesting the same CSVs with no checks) and a peer validator
(frictionless), on synthetic data directories written by tracker.synthetic.

Each measurement that has a memory figure runs in its own process, so that its peak resident set
is its own (os.wait4 reports it); query and callback timings run in a fresh process per scale."""

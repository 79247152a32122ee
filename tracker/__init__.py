"""Military aid commitments tracker: validated CSVs built into DuckDB, queried in SQL."""

__version__ = "0.1.0"


def connect(db=None):
    """Open the built database read-only, for notebooks: ``con = tracker.connect()``."""
    from tracker.database import connect_read_only

    return connect_read_only(db)

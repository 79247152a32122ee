"""The Dash app for policy readers: commitments over time, pledged against delivered, training, meetings, sources."""

from __future__ import annotations

from pathlib import Path

# The callbacks the page modules and url_state register with `dash.callback`, taken from Dash's
# global registry when the first app is built: Dash hands them to the first app that starts serving
# and empties the registry, so each later app of the same process (tests build several) gets a copy.
_REGISTERED: tuple[dict, list, list] | None = None


def _own_callbacks(app) -> None:
    from dash import _callback

    global _REGISTERED
    if _REGISTERED is None:
        _REGISTERED = (
            dict(_callback.GLOBAL_CALLBACK_MAP),
            list(_callback.GLOBAL_CALLBACK_LIST),
            list(_callback.GLOBAL_INLINE_SCRIPTS),
        )
    _callback.GLOBAL_CALLBACK_MAP.clear()
    _callback.GLOBAL_CALLBACK_LIST.clear()
    _callback.GLOBAL_INLINE_SCRIPTS.clear()
    callbacks, listed, scripts = _REGISTERED
    app.callback_map.update(callbacks)
    app._callback_list.extend(listed)
    app._inline_scripts.extend(scripts)


def create_app(db=None):
    """Build the app over the database at `db` (default: $TRACKER_DB or build/tracker.duckdb).

    Nothing is read here: every page and callback queries the database when it is asked for, so a
    rebuilt database shows on the next page view without a restart.
    """
    from dash import Dash

    from dashboards import components, safety, url_state  # noqa: F401  (url_state registers its callbacks)
    from dashboards.db import Database
    from tracker.database import db_path

    app = Dash(
        __name__,
        use_pages=True,
        pages_folder=str(Path(__file__).parent / "pages"),
        suppress_callback_exceptions=True,  # pages are built per request from the URL
        title="Military aid to Ukraine",
        update_title=None,
        on_error=safety.callback_error,  # a failing callback answers with a message, never an HTTP 500
    )
    _own_callbacks(app)
    safety.add_security_headers(app)
    safety.answer_malformed_requests(app)
    app.server.config["TRACKER_DATABASE"] = Database(db_path(db))
    app.layout = components.shell
    return app

"""The claimtrack command line (Typer + Rich): the root app, assembled from the command
modules of ``claimtrack.cli`` (one per group: claims, review, actors, topics, sources, ingest,
evaluate, db), each imported only when its command runs (cli/group.py).

Every command takes ``--db PATH_OR_URL`` (env CLAIMTRACK_DB, default ./claimtrack.db).
A user's mistake prints one line on stderr and exits non-zero: 2 for a bad parameter,
1 for bad data or state.
"""

from __future__ import annotations

import typer

from claimtrack.cli import startup
from claimtrack.cli.group import Lazy, lazy_group

__all__ = ["COMMANDS", "app", "main"]

ASK, RECORD, COLLECT = "Ask", "Keep the record", "Collect"
_CLI = "claimtrack.cli."

# in the order --help lists them in their panels (commands, then groups); HELP is the first
# paragraph of the command's docstring or sub-app help (tests/cli/test_startup.py compares)
COMMANDS = (
    Lazy(
        "who-said",
        _CLI + "claims:who_said",
        ASK,
        "Who said what, when: claims filtered by topic, speaker, date, source, words, status.",
    ),
    Lazy(
        "timeline",
        _CLI + "claims:timeline",
        ASK,
        "Claims in the order they were made, to see how a position moved.",
    ),
    Lazy(
        "show",
        _CLI + "claims:show",
        ASK,
        "One claim with its speaker, date, topics, highlighted paragraph and other sources.",
    ),
    Lazy(
        "export",
        _CLI + "claims:export",
        ASK,
        "Export claims with source, speaker, offsets, date, topics and appearances (streams).",
    ),
    Lazy(
        "review",
        _CLI + "review:review",
        RECORD,
        "Review a claim (and every appearance of it): status, note, reviewer and time are\n"
        "kept in its history; `claimtrack review ID` alone prints that history.",
    ),
    Lazy(
        "ingest",
        _CLI + "ingest:ingest",
        COLLECT,
        "Read articles and store their attributed claims (.txt, .md with front matter, .html,\n"
        "web pages and feeds).",
    ),
    Lazy(
        "reextract",
        _CLI + "reextract:reextract",
        COLLECT,
        "Re-run the extractor on stored sources (after an extractor upgrade), keeping every\n"
        "human decision, re-attached to the new claims by their spans.",
    ),
    Lazy(
        "eval",
        _CLI + "evaluate:evaluate",
        "Measure",
        "Score the extractor on a brat-annotated corpus (default: PolNeAR dev).",
    ),
    Lazy(
        "log",
        _CLI + "corrections:log",
        RECORD,
        "The audit log: every correction (what, before, after, who, when, why); exportable\n"
        "with --format csv/json.",
    ),
    Lazy(
        "serve",
        _CLI + "serve:serve",
        ASK,
        "Read, search and review the claims in a browser (http://127.0.0.1:8000/claims).",
    ),
    Lazy(
        "claims",
        _CLI + "corrections:app",
        RECORD,
        "Correct claims by hand: speaker, words, date said, short text; reject, add, undo, history.",
    ),
    Lazy(
        "actors",
        _CLI + "actors:app",
        RECORD,
        "Speakers: list, show, merge two into one, resolve surnames, add aliases, set role and"
        " affiliation.",
    ),
    Lazy(
        "topics",
        _CLI + "topics:app",
        RECORD,
        "Topics: list with claim counts, add, edit, remove; claims are re-tagged at once.",
    ),
    Lazy(
        "sources",
        _CLI + "sources:app",
        RECORD,
        "Sources: list the stored articles, show one, correct its details, remove one with its claims.",
    ),
    Lazy(
        "feeds",
        _CLI + "feeds:app",
        COLLECT,
        "Feeds: subscribe to RSS and Atom feeds, list them, poll them for new articles.",
    ),
    Lazy(
        "db",
        _CLI + "db:app",
        "Database",
        "Create, upgrade and inspect the database schema.",
    ),
)

app = typer.Typer(
    cls=lazy_group(COMMANDS),
    name="claimtrack",
    help="Who said what, when, about what, and where it was reported.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Who said what, when, about what, and where it was reported."""


def main() -> None:
    """Run the command (the console script holds the collector first: claimtrack/__main__.py),
    then end the process (startup.finish)."""
    try:
        _run()
    except SystemExit as exc:
        code = exc.code
    else:
        code = None
    # out of the except block: the traceback that ended a command (a closed pipe) is freed,
    # and with it the generators its frames held, so that their cursors close before the
    # connections do
    startup.finish()
    raise SystemExit(code)


def _run() -> None:
    try:
        app()
    except Exception as exc:
        # SQLAlchemy is loaded by then if the error is its own (never for --help)
        from sqlalchemy.exc import DBAPIError

        if not isinstance(exc, DBAPIError):
            raise
        from claimtrack.cli.common import report_error
        from claimtrack.store import engine as dbmod

        report_error(
            f"database error: {dbmod.error_reason(exc)}"
        )  # no command turned it into a message
        raise SystemExit(1) from None

"""The claimtrack command line (Typer + Rich): the root app, assembled from the command
modules of ``claimtrack.cli`` (one per group: claims, review, actors, topics, sources, ingest,
evaluate, db).

Every command takes ``--db PATH_OR_URL`` (env CLAIMTRACK_DB, default ./claimtrack.db).
A user's mistake prints one line on stderr and exits non-zero: 2 for a bad parameter,
1 for bad data or state.
"""

from __future__ import annotations

import typer
from sqlalchemy.exc import DBAPIError

from claimtrack.cli import actors, corrections, db, feeds, sources, topics
from claimtrack.cli import claims as ask
from claimtrack.cli.common import Group, report_error
from claimtrack.cli.evaluate import evaluate
from claimtrack.cli.ingest import ingest
from claimtrack.cli.reextract import reextract
from claimtrack.cli.review import review
from claimtrack.cli.serve import serve
from claimtrack.store import engine as dbmod

__all__ = ["app", "main"]

app = typer.Typer(
    cls=Group,
    name="claimtrack",
    help="Who said what, when, about what, and where it was reported.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("who-said", rich_help_panel="Ask")(ask.who_said)
app.command("timeline", rich_help_panel="Ask")(ask.timeline)
app.command("show", rich_help_panel="Ask")(ask.show)
app.command("export", rich_help_panel="Ask")(ask.export)
app.command("review", rich_help_panel="Keep the record")(review)
app.command("ingest", rich_help_panel="Collect")(ingest)
app.command("reextract", rich_help_panel="Collect")(reextract)
app.command("eval", rich_help_panel="Measure")(evaluate)
app.add_typer(corrections.app, name="claims", rich_help_panel="Keep the record")
app.command("log", rich_help_panel="Keep the record")(corrections.log)
app.add_typer(actors.app, name="actors", rich_help_panel="Keep the record")
app.add_typer(topics.app, name="topics", rich_help_panel="Keep the record")
app.add_typer(sources.app, name="sources", rich_help_panel="Keep the record")
app.add_typer(feeds.app, name="feeds", rich_help_panel="Collect")
app.add_typer(db.app, name="db", rich_help_panel="Database")
app.command("serve", rich_help_panel="Ask")(serve)


def main() -> None:
    try:
        app()
    except DBAPIError as exc:  # a database error no command turned into a message
        report_error(f"database error: {dbmod.error_reason(exc)}")
        raise SystemExit(1) from None

"""The claimtrack command line (Typer + Rich).

Every command takes ``--db PATH_OR_URL`` (env CLAIMTRACK_DB, default ./claimtrack.db).
A user's mistake prints one line on stderr and exits non-zero: 2 for a bad parameter,
1 for bad data or state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer._click.exceptions import UsageError
from typer.core import TyperGroup

from claimtrack import db as dbmod
from claimtrack.errors import UserError
from claimtrack.output import Format, FormatOpt, OutputOpt, choose_format, open_output, write_rows
from claimtrack.queries import EXPORT_COLUMNS, ClaimFilter, iter_rows
from claimtrack.readers import collect, parse_date

err = Console(stderr=True)


class Group(TyperGroup):
    """One line on stderr for a user's mistake: exit 2 for a bad parameter, 1 for bad data."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "claimtrack"
            raise fail(f"{exc.format_message()} (see `{where} --help`)", 2) from None
        except UserError as exc:
            raise fail(str(exc)) from None


app = typer.Typer(
    cls=Group,
    name="claimtrack",
    help="Who said what, when, about what, and where it was reported.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(cls=Group, help="Create, upgrade and inspect the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db", rich_help_panel="Database")


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=dbmod.ENV_VAR,
        help="SQLite file path, or a URL such as postgresql+psycopg://user@host/db. "
        "[default: ./claimtrack.db]",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]Error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def date_option(value: str | None, name: str) -> dt.date | None:
    try:
        return parse_date(value, what=name)
    except UserError as exc:
        raise typer.BadParameter(str(exc)) from None


# ---- ingest -----------------------------------------------------------------------------


@app.command(rich_help_panel="Collect")
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (searched recursively) or - for stdin.", show_default=False
        ),
    ] = None,
    manifest: Annotated[
        str | None,
        typer.Option(help="CSV with columns path,title,published,outlet,url,author."),
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Title (for every document given).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet, e.g. 'Reuters'.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of the article.")] = None,
    author: Annotated[str | None, typer.Option(help="Author.")] = None,
    taxonomy: Annotated[
        Path | None, typer.Option(help="Topic taxonomy TOML to load (default: the built-in one).")
    ] = None,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Read articles and store their attributed claims (.txt, .md with front matter, .html)."""
    from claimtrack.ingest import ingest as run_ingest

    pub = date_option(published, "--published")
    entries = collect(paths or [], manifest)
    engine = dbmod.open_engine(db)
    overrides = {
        "published": pub.isoformat() if pub else None,
        "title": title,
        "outlet": outlet,
        "url": url,
        "author": author,
    }
    overrides = {k: v for k, v in overrides.items() if v}
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("ingesting", total=len(entries))

        def done(path: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {Path(path).name}")

        result = run_ingest(engine, entries, overrides, str(taxonomy) if taxonomy else None, done)
    for message in result.errors:
        err.print(f"[red]Error:[/red] {message}", highlight=False, soft_wrap=True)
    err.print(
        f"documents: {result.added} added, {result.skipped} skipped, {result.failed} failed; "
        f"claims: {result.claims} added",
        highlight=False,
    )
    if result.failed:
        raise typer.Exit(1)


# ---- asking -----------------------------------------------------------------------------


def claims_table(rows: Iterable[dict]) -> Table:
    table = Table(show_lines=True, expand=False)
    table.add_column("speaker", style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("cue")
    table.add_column("claim", ratio=3)
    table.add_column("topics")
    table.add_column("source")
    for r in rows:
        table.add_row(
            r["speaker"] or r["speaker_mention"] or "(unattributed)",
            describe_date(r),
            r["cue"],
            r["content"],
            ", ".join(r["topics"].split(";")) if r["topics"] else "",
            r["source_title"] or Path(r["source_path"] or "").name,
        )
    return table


def describe_date(row: dict) -> str:
    relation = row["date_relation"]
    if relation == "on" and row["said_on"]:
        return row["said_on"]
    if relation in ("before", "by") and row["published_on"]:
        return f"{relation} {row['published_on']}"
    return ""


@app.command("who-said", rich_help_panel="Ask")
def who_said(
    topic: Annotated[str | None, typer.Option(help="Topic slug, label or keyword.")] = None,
    actor: Annotated[str | None, typer.Option(help="Speaker name, alias or surname.")] = None,
    since: Annotated[str | None, typer.Option(help="Said on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Said on or before YYYY-MM-DD.")] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    db: DbOpt = None,
) -> None:
    """Who said what, when: claims filtered by topic, speaker and date."""
    flt = ClaimFilter(topic, actor, date_option(since, "--since"), date_option(until, "--until"))
    fmt = choose_format(fmt, output, Format.table)
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as session, open_output(output) as out:
        count = write_rows(iter_rows(session, flt), EXPORT_COLUMNS, fmt, out, claims_table)
    if fmt is Format.table:
        err.print(f"{count} claim{'s' if count != 1 else ''}", highlight=False)


@app.command(rich_help_panel="Ask")
def export(
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    db: DbOpt = None,
) -> None:
    """Export every claim with its source, speaker, offsets, date and topics (streams)."""
    fmt = choose_format(fmt, output, Format.csv)
    if fmt is Format.table:
        raise typer.BadParameter("export writes csv, tsv, json or jsonl", param_hint="--format")
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as session, open_output(output) as out:
        count = write_rows(iter_rows(session, ClaimFilter()), EXPORT_COLUMNS, fmt, out)
    if output is not None:
        err.print(f"{count} claims written to {output}", highlight=False)


# ---- database ---------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade(db: DbOpt = None) -> None:
    """Create the database, or bring it up to this claimtrack's schema."""
    url = dbmod.resolve_url(db)
    dbmod.upgrade(url)
    engine = dbmod.make_engine(url)
    err.print(f"schema at {dbmod.current_revision(engine)} (head)", highlight=False)


@db_app.command("current")
def db_current(db: DbOpt = None) -> None:
    """Print the database's schema revision and the code's."""
    url = dbmod.resolve_url(db)
    engine = dbmod.make_engine(url)
    try:
        current = dbmod.current_revision(engine)
    except Exception as exc:  # noqa: BLE001 - any driver error is reported on one line
        raise UserError(f"cannot open database: {str(exc).splitlines()[0]}") from None
    head = dbmod.head_revision(url)
    state = "up to date" if current == head else "run `claimtrack db upgrade`"
    print(f"{current or 'empty'} (code: {head}; {state})")


# ---- evaluation -------------------------------------------------------------------------


@app.command(
    "eval",
    rich_help_panel="Measure",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def evaluate(ctx: typer.Context) -> None:
    """Score the extractor on a brat-annotated corpus (default: PolNeAR dev)."""
    from claimtrack.evaluate.__main__ import main as eval_main

    raise typer.Exit(eval_main(list(ctx.args)) or 0)


def main() -> None:
    app()

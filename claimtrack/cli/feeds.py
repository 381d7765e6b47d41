"""``claimtrack feeds``: subscribe to RSS and Atom feeds, list them, poll them (one poll a
run, for cron or a systemd timer); and the fetching options `ingest` shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.common import (
    DbOpt,
    QuietOpt,
    err,
    list_rows,
    open_engine,
    report_error,
    session,
    sub_app,
)
from claimtrack.cli.options import OUTPUT, OutputOptions, bundled
from claimtrack.cli.render import feeds_table, progress_bar
from claimtrack.errors import UserError
from claimtrack.io.urls import FetchPolicy

app = sub_app("Feeds: subscribe to RSS and Atom feeds, list them, poll them for new articles.")

DEFAULTS = FetchPolicy()
TimeoutOpt = Annotated[
    float,
    typer.Option(
        min=0.1,
        help="Seconds to wait for a server to connect or answer, before a retry.",
        rich_help_panel="Fetching",
    ),
]
DelayOpt = Annotated[
    float,
    typer.Option(
        min=0,
        help="Seconds between two requests to one host (more if its robots.txt asks).",
        rich_help_panel="Fetching",
    ),
]
FEED_COLUMNS = ("feed_id", "url", "title", "last_polled_at", "last_result", "etag", "last_modified")


def policy(timeout: float, delay: float) -> FetchPolicy:
    return FetchPolicy(timeout=timeout, delay=delay)


@app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="The feed's http(s) URL.", show_default=False)],
    timeout: TimeoutOpt = DEFAULTS.timeout,
    db: DbOpt = None,
) -> None:
    """Subscribe to a feed: fetched once to check it is an RSS or Atom feed; its articles
    are ingested by `claimtrack feeds poll`."""
    from claimtrack.io.feeds import FeedError, is_feed, parse_feed
    from claimtrack.io.fetch import Fetcher, FetchError
    from claimtrack.io.urls import url_problem
    from claimtrack.store.feeds import add_feed, check_new

    problem = url_problem(url)
    if problem:
        raise typer.BadParameter(f"{url}: {problem}", param_hint="URL")
    with session(db) as s:  # refused before any request when already there
        check_new(s, url)
    try:
        with Fetcher(FetchPolicy(timeout=timeout)) as fetcher:
            fetched = fetcher.get(url)
        if not is_feed(fetched.body):
            raise FeedError("not an RSS or Atom feed")
        feed = parse_feed(fetched.body, base=fetched.final_url)
    except (FetchError, FeedError) as exc:
        raise UserError(f"{url}: {exc}; not subscribed") from None
    with session(db) as s:
        row = add_feed(s, url, feed.title)
        feed_id = row.id
    count = len(feed.entries)
    title = f" {feed.title!r}" if feed.title else ""
    err.print(
        f"feed {feed_id}: subscribed to {feed.kind} feed{title} ({count} "
        f"article{'' if count == 1 else 's'} now); `claimtrack feeds poll` ingests them"
    )


@app.command("list")
@bundled(out=OUTPUT)
def list_feeds(*, out: OutputOptions, db: DbOpt = None) -> None:
    """Every subscribed feed, with when it was last polled and what that found."""
    from claimtrack.store.feeds import feed_rows

    list_rows(db, feed_rows, FEED_COLUMNS, "feed", feeds_table, out)


@app.command("remove")
def remove(
    which: Annotated[str, typer.Argument(help="Feed id or URL.", show_default=False)],
    db: DbOpt = None,
) -> None:
    """Unsubscribe from a feed (the articles already ingested stay)."""
    from claimtrack.store.feeds import remove_feed

    with session(db) as s:
        feed = remove_feed(s, which)
        feed_id, url = feed.id, feed.url
    err.print(f"feed {feed_id}: unsubscribed from {url}")


@app.command("poll")
def poll(
    timeout: TimeoutOpt = DEFAULTS.timeout,
    delay: DelayOpt = DEFAULTS.delay,
    taxonomy: Annotated[
        Path | None, typer.Option(help="Topic taxonomy TOML to load (default: the built-in one).")
    ] = None,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Poll every subscribed feed once and ingest its new articles (for cron or a systemd
    timer). An unchanged feed costs one request (304); stored articles are not fetched
    again. Exits 1 when a feed or an article failed."""
    from claimtrack.ingest import IngestResult, PollResult, learned_from_env, poll_feeds

    engine = open_engine(db)
    total = IngestResult()
    failed_feeds = unchanged = 0
    lines: list[tuple[bool, str]] = []

    with progress_bar(quiet, err) as progress:
        task = progress.add_task("polling", total=0)

        def more(path: str, count: int) -> None:
            progress.update(task, total=(progress.tasks[0].total or 0) + count)

        def done(path: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {Path(path).name}")

        def polled(result: PollResult) -> None:
            nonlocal failed_feeds, unchanged
            lines.append((result.failed, f"feed {result.feed_id} {result.url}: {result.outcome}"))
            failed_feeds += result.failed and result.ingested is None
            unchanged += result.outcome == "unchanged"
            if result.ingested is not None:
                for name in ("added", "skipped", "failed", "claims", "not_english"):
                    setattr(total, name, getattr(total, name) + getattr(result.ingested, name))
                total.notes += result.ingested.notes
                total.errors += result.ingested.errors

        results = poll_feeds(
            engine,
            policy=policy(timeout, delay),
            taxonomy_path=str(taxonomy) if taxonomy else None,
            on_done=done,
            on_feed=more,
            on_polled=polled,
            learned=learned_from_env(),
        )
    if not results:
        raise UserError("no feeds subscribed: add one with `claimtrack feeds add URL`")
    for message in total.notes:
        err.print(message, highlight=False)
    for message in total.errors:
        report_error(message)
    for failed, line in lines:
        if failed:
            report_error(line)
        else:
            err.print(line, highlight=False)
    n = len(results)
    err.print(
        f"feeds: {n} polled, {unchanged} unchanged, {failed_feeds} failed; {total.summary()}",
        highlight=False,
    )
    if failed_feeds or total.failed:
        raise typer.Exit(1)

"""``claimtrack review``: set a claim's review status, with a note and a reviewer; with
no --status, print the claim's review history."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from claimtrack.cli.common import ClaimIdArg, DbOpt, Status, err, query_session, session
from claimtrack.cli.render import TerminalConsole, visible
from claimtrack.curate import review as core
from claimtrack.query import lookups


def review(
    claim_id: ClaimIdArg,
    status: Annotated[
        Status | None,
        typer.Option(help="The verdict; leave out to see the review history.", show_default=False),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Why, with links to evidence.")] = None,
    by: Annotated[str | None, typer.Option(help="Reviewer's name.")] = None,
    db: DbOpt = None,
) -> None:
    """Review a claim (and every appearance of it): status, note, reviewer and time are
    kept in its history; `claimtrack review ID` alone prints that history."""
    if status is None:
        if note or by:
            raise typer.BadParameter("--note and --by go with --status", param_hint="--status")
        with query_session(db) as s:
            claim = lookups.get_claim(s, claim_id)
            current = claim.status
            lines = [
                f"{r.reviewed_at.isoformat(timespec='seconds')} {r.status}"
                + (f" by {r.reviewer}" if r.reviewer else "")
                + (f": {r.note}" if r.note else "")
                for r in lookups.history(s, claim)
            ]
        console = TerminalConsole()
        console.print(Text(f"claim #{claim_id}: {current}", style="bold"))
        for line in lines or ["no reviews yet"]:
            console.print(Text(f"  {visible(line)}"))
        return
    with session(db) as s:
        claim = lookups.get_claim(s, claim_id)
        was = claim.status
        record = core.review(s, claim_id, status.value, note, by)
        n = len(lookups.history(s, claim))
        when = record.reviewed_at.isoformat(timespec="seconds")
    err.print(f"claim #{claim_id}: {status.value} (was {was}) at {when}; {n} review(s) on record")

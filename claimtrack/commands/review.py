"""``claimtrack review``: set a claim's review status, with a note and a reviewer."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack import review as core
from claimtrack.commands.common import DbOpt, Status, err, session


def review(
    claim_id: Annotated[int, typer.Argument(help="The claim's id.")],
    status: Annotated[Status, typer.Option(help="The verdict.", show_default=False)],
    note: Annotated[str | None, typer.Option(help="Why, with links to evidence.")] = None,
    by: Annotated[str | None, typer.Option(help="Reviewer's name.")] = None,
    db: DbOpt = None,
) -> None:
    """Review a claim: its status is kept with time, note and reviewer, and its history."""
    with session(db) as s:
        claim = core.get_claim(s, claim_id)
        was = claim.status
        record = core.review(s, claim_id, status.value, note, by)
        n = len(core.history(s, claim))
        when = record.reviewed_at.isoformat(timespec="seconds")
    err.print(
        f"claim #{claim_id}: {status.value} (was {was}) at {when}; {n} review(s) on record",
        highlight=False,
    )

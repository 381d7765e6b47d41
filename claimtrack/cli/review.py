"""``claimtrack review``: set a claim's review status, with a note and a reviewer; with
no --status, print the claim's review history."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from claimtrack.cli.common import ClaimIdArg, DbOpt, err, query_session, session
from claimtrack.cli.render import render_reviews, terminal_console
from claimtrack.curate import review as core
from claimtrack.query import lookups
from claimtrack.store.vocab import REJECTING_VERDICTS, STATUSES

Verdict = StrEnum("Verdict", {s: s for s in (*STATUSES, *REJECTING_VERDICTS)})  # type: ignore[misc]


def review(
    claim_id: ClaimIdArg,
    status: Annotated[
        Verdict | None,
        typer.Option(
            help="The verdict (not-a-claim and wrong-speaker also reject the claim); leave out "
            "to see the review history.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Why, with links to evidence.")] = None,
    by: Annotated[str | None, typer.Option(help="Reviewer's name.")] = None,
    url: Annotated[
        str | None,
        typer.Option(help="The fact-check page that publishes this review (ClaimReview url)."),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Review a claim (and every appearance of it): status, note, reviewer and time are
    kept in its history; `claimtrack review ID` alone prints that history."""
    if status is None:
        if note or by or url:
            raise typer.BadParameter(
                "--note, --by and --url go with --status", param_hint="--status"
            )
        with query_session(db) as s:
            claim = lookups.get_claim(s, claim_id)
            current = claim.status
            lines = [
                f"{r.reviewed_at.isoformat(timespec='seconds')} {r.status}"
                + (f" by {r.reviewer}" if r.reviewer else "")
                + (f": {r.note}" if r.note else "")
                for r in lookups.history(s, claim)
            ]
        render_reviews(claim_id, current, lines, terminal_console())
        return
    with session(db) as s:
        claim = lookups.get_claim(s, claim_id)
        was = claim.status
        record = core.review(s, claim_id, status.value, note, by, url)
        n = len(lookups.history(s, claim))
        when = record.reviewed_at.isoformat(timespec="seconds")
    if status.value in REJECTING_VERDICTS:
        was = f"rejected; status stays {was}"
    else:
        was = f"was {was}"
    err.print(f"claim #{claim_id}: {status.value} ({was}) at {when}; {n} review(s) on record")

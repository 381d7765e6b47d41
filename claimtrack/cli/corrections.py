"""``claimtrack claims``: correct a claim by hand (speaker, spans, date said, short text),
reject it, add one the extractor missed, undo, see its history; ``claimtrack log``: the
audit log of every correction."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from claimtrack.cli.common import (  # noqa: F401  (ByOpt, WhyOpt importable from here too)
    ByOpt,
    ClaimIdArg,
    DbOpt,
    WhyOpt,
    err,
    list_rows,
    session,
    sub_app,
)
from claimtrack.cli.options import OUTPUT, OutputOptions, bundled
from claimtrack.cli.render import log_table
from claimtrack.curate import corrections as core
from claimtrack.curate.corrections import SAID_HELP, By
from claimtrack.query import lookups
from claimtrack.query.corrections import LOG_COLUMNS, iter_log
from claimtrack.store.models import REJECT_REASONS

app = sub_app(
    "Correct claims by hand: speaker, words, date said, short text; reject, add, undo, history."
)

Reason = StrEnum("Reason", {r: r for r in REJECT_REASONS})  # type: ignore[misc]


def say(message: str) -> None:
    err.print(message, highlight=False, markup=False)


@app.command("set")
def set_claim(
    claim_id: ClaimIdArg,
    speaker: Annotated[
        str | None,
        typer.Option(help="The speaker: #id, name, alias or surname; a new name makes one."),
    ] = None,
    content: Annotated[
        str | None, typer.Option(help="The claim's exact words, as in its paragraph.")
    ] = None,
    cue: Annotated[
        str | None, typer.Option(help="The cue's exact words ('said'), as in its paragraph.")
    ] = None,
    mention: Annotated[
        str | None,
        typer.Option(help="How the paragraph names the speaker, exactly ('the aide')."),
    ] = None,
    said: Annotated[str | None, typer.Option(help=f"The date said: {SAID_HELP}.")] = None,
    text: Annotated[
        str | None,
        typer.Option(help="A short claim text (a fact-check's claimReviewed); '' clears."),
    ] = None,
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Correct a claim: each option given is one correction, kept in the audit log."""
    if all(v is None for v in (speaker, content, cue, mention, said, text)):
        raise typer.BadParameter("give --speaker, --content, --cue, --mention, --said or --text")
    who = By(by, why)
    with session(db, create=False) as s:
        done: list[str] = []
        if speaker is not None:
            claim = core.set_speaker(s, claim_id, speaker, who)
            done.append(f"speaker {claim.actor.name if claim.actor else '-'}")
        for kind, words in (("content", content), ("cue", cue), ("mention", mention)):
            if words is not None:
                claim = core.set_span(s, claim_id, kind, words, who)
                start, end = core.FIELDS[kind][1:]
                done.append(f"{kind} at {getattr(claim, start)}-{getattr(claim, end)}")
        if said is not None:
            claim = core.set_said(s, claim_id, said, who)
            done.append(f"said {said}")
        if text is not None:
            core.set_text(s, claim_id, text, who)
            done.append("short text set" if text.strip() else "short text cleared")
    say(f"claim #{claim_id}: {'; '.join(done)}")


@app.command("reject")
def reject(
    claim_id: ClaimIdArg,
    reason: Annotated[Reason, typer.Option(help="Why it is not a claim to keep.")],
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Reject a claim: it leaves every listing, search and export (see --include-rejected)."""
    with session(db, create=False) as s:
        core.reject(s, claim_id, reason.value, By(by, why))
    say(
        f"claim #{claim_id}: rejected ({reason.value}); `claimtrack claims undo {claim_id}` restores it"
    )


@app.command("restore")
def restore(claim_id: ClaimIdArg, by: ByOpt = None, why: WhyOpt = None, db: DbOpt = None) -> None:
    """Bring a rejected claim back."""
    with session(db, create=False) as s:
        core.restore(s, claim_id, By(by, why))
    say(f"claim #{claim_id}: restored")


@app.command("add")
def add(
    source: Annotated[
        str, typer.Argument(help="Source id, or part of its title, outlet, path or URL.")
    ],
    content: Annotated[str, typer.Option(help="The claim's exact words in the source.")],
    speaker: Annotated[
        str, typer.Option(help="Who said it: #id, name, alias; a new name makes one.")
    ],
    cue: Annotated[
        str | None, typer.Option(help="The cue's exact words in the same paragraph ('said').")
    ] = None,
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Add a claim the extractor missed, by quoting its words from a stored source."""
    with session(db, create=False) as s:
        claim = core.add_claim(s, source, content, speaker, By(by, why), cue=cue)
        line = f"claim #{claim.id} added to source #{claim.source_id}: {claim.actor.name if claim.actor else '-'}"
    say(line)


@app.command("undo")
def undo(claim_id: ClaimIdArg, by: ByOpt = None, db: DbOpt = None) -> None:
    """Undo the claim's last correction (a claim added by hand is removed)."""
    with session(db, create=False) as s:
        last = core.undo(s, claim_id, By(by))
        what = last.what
    say(f"claim #{claim_id}: undid correction #{last.id} ({what})")


@app.command("history")
@bundled(out=OUTPUT)
def history(claim_id: ClaimIdArg, *, out: OutputOptions, db: DbOpt = None) -> None:
    """A claim's corrections, oldest first (undone ones marked)."""

    def rows(s):  # noqa: ANN001, ANN202
        lookups.get_claim(s, claim_id)
        return iter_log(s, claim_id=claim_id)

    list_rows(db, rows, LOG_COLUMNS, "correction", log_table, out)


@bundled(out=OUTPUT)
def log(
    *,
    claim: Annotated[int | None, typer.Option(help="Only this claim's corrections.")] = None,
    source: Annotated[int | None, typer.Option(help="Only this source's corrections.")] = None,
    out: OutputOptions,
    db: DbOpt = None,
) -> None:
    """The audit log: every correction (what, before, after, who, when, why); exportable
    with --format csv/json."""
    list_rows(
        db,
        lambda s: iter_log(s, claim_id=claim, source_id=source),
        LOG_COLUMNS,
        "correction",
        log_table,
        out,
    )

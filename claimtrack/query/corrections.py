"""The audit log: every correction (what, before, after, who, when, why), oldest first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sqlalchemy import select

from claimtrack.store.tables import Correction

if TYPE_CHECKING:  # `show` passes a Core connection: no ORM (issue 16)
    from claimtrack.store.handle import Db

LOG_COLUMNS = (
    "correction_id",
    "made_at",
    "what",
    "claim_id",
    "source_id",
    "actor_id",
    "before",
    "after",
    "who",
    "why",
    "undone_at",
)
# what a log row shows of a correction's values (offsets and ids are in the JSON)
SHOWN = {
    "speaker": ("speaker",),
    "content": ("content",),
    "cue": ("cue",),
    "mention": ("speaker_mention",),
    "said": ("date_relation", "said_on", "date_anchor", "date_precision"),
    "text": ("short_text",),
    "reject": ("rejected",),
    "restore": ("rejected",),
    "add": ("content",),
    "split": ("speaker",),
    "alias": ("speaker",),
    "merge": ("speaker",),
    "resolve": ("speaker",),
    "alias-add": ("aliases",),
    "alias-remove": ("aliases",),
    "actor": ("name", "kind", "role", "affiliation"),
}


def shown(what: str, values: dict) -> str | None:
    """VALUES as one short cell: the fields a reader needs for a correction of kind WHAT.
    Nothing is None (an empty cell, JSON null), and a missing field inside several reads
    "(none)": never "-", which a spreadsheet would take for the start of a formula."""
    keys = SHOWN.get(what, tuple(values))
    parts = [(k, values.get(k)) for k in keys if k in values]
    if len(parts) == 1 and what in SHOWN:
        value = parts[0][1]
        return None if value is None else str(value)
    return ", ".join(f"{k}={'(none)' if v is None else v}" for k, v in parts) or None


def log_row(c) -> dict:  # noqa: ANN001  (a row of corrections, or a Correction)
    return {
        "correction_id": c.id,
        "made_at": c.made_at.isoformat(timespec="seconds"),
        "what": c.what,
        "claim_id": c.claim_id,
        "source_id": c.source_id,
        "actor_id": c.actor_id,
        "before": shown(c.what, c.before),
        "after": shown(c.what, c.after),
        "who": c.who,
        "why": c.why,
        "undone_at": c.undone_at.isoformat(timespec="seconds") if c.undone_at else None,
    }


def iter_log(
    session: Db,
    *,
    claim_id: int | None = None,
    source_id: int | None = None,
    actor_id: int | None = None,
) -> Iterator[dict]:
    """Log rows, oldest first; only a claim's, a source's or a speaker's when given."""
    stmt = select(Correction).order_by(Correction.id)
    if claim_id is not None:
        stmt = stmt.where(Correction.claim_id == claim_id)
    if source_id is not None:
        stmt = stmt.where(Correction.source_id == source_id)
    if actor_id is not None:
        stmt = stmt.where(Correction.actor_id == actor_id)
    for c in session.execute(stmt.execution_options(yield_per=500)):
        yield log_row(c)

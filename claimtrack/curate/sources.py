"""Curating sources: remove one with its claims; set its details (title, outlet, author, url,
publication day), logged as a correction, its claims re-dated against a new publication day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.extract.dates import resolve_date
from claimtrack.io.document import Document
from claimtrack.query.lookups import get_source
from claimtrack.store import appearances
from claimtrack.store.models import Claim, ClaimReview, Correction, Source
from claimtrack.store.writes import date_bounds, set_sort_days


def remove_source(session: Session, which: str) -> tuple[Source, int]:
    """Delete a source and its claims; appearances elsewhere get a new first appearance."""
    source = get_source(session, which)
    actors = set(session.scalars(select(Claim.actor_id).where(Claim.source_id == source.id)))
    count = session.scalar(select(func.count()).where(Claim.source_id == source.id)) or 0
    # Appearances in other sources that pointed at a claim of this one lose their target;
    # the review history moves to the earliest of them, so it outlives the source.
    orphans = select(Claim.id).where(Claim.source_id == source.id)
    heirs: dict[int, int] = {}
    for claim in session.scalars(
        select(Claim).where(Claim.same_as_id.in_(orphans)).order_by(Claim.id)
    ):
        heirs.setdefault(claim.same_as_id, claim.id)  # type: ignore[arg-type]
        claim.same_as_id = None
    for review in session.scalars(select(ClaimReview).where(ClaimReview.claim_id.in_(heirs))):
        review.claim_id = heirs[review.claim_id]
    session.flush()
    session.delete(source)
    session.flush()
    for actor_id in actors:
        appearances.relink_actor(session, actor_id)
    return source, count


# ---- editing a source's details -----------------------------------------------------------

SOURCE_FIELDS = ("title", "outlet", "author", "url", "published_on")
INGEST = "claimtrack ingest"  # who a correction made by re-ingesting a known text is by


def hand_set(session: Session, source_id: int) -> set[str]:
    """The source fields a person set (`sources set`): a re-ingest leaves them."""
    stmt = select(Correction).where(Correction.source_id == source_id, Correction.what == "source")
    return {
        f for c in session.scalars(stmt) if c.who != INGEST and c.claim_id is None for f in c.after
    }


def set_source(
    session: Session, which: str, changes: dict, who: str | None = None, why: str | None = None
) -> tuple[Source, int]:
    """Set a source's title, outlet, author, url or published_on ("" or None clears a text
    field); claims dated against the old publication day are re-dated against the new one.
    Returns the source and how many claims were re-dated."""
    source = get_source(session, which)
    wanted = {k: clean(v) for k, v in changes.items() if k in SOURCE_FIELDS}
    before = {k: plain(getattr(source, k)) for k in wanted}
    after = {k: plain(v) for k, v in wanted.items()}
    if before == after:
        raise UserError(f"source #{source.id} already has those details: nothing to change")
    for k, v in wanted.items():
        setattr(source, k, v)
    redated = 0
    if before.get("published_on") != after.get("published_on") and "published_on" in wanted:
        redated = redate(session, source)
    session.add(
        Correction(
            source_id=source.id,
            what="source",
            before={k: v for k, v in before.items() if v != after[k]},
            after={k: v for k, v in after.items() if v != before[k]},
            who=(who or "").strip() or None,
            why=(why or "").strip() or None,
        )
    )
    session.flush()
    return source, redated


def clean(value: object) -> object:
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value


def plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def redate(session: Session, source: Source) -> int:
    """Resolve again, against the source's publication day, the date of each claim whose
    date came from the extractor (a date set by hand stays); how many changed."""
    changed = 0
    for claim in session.scalars(select(Claim).where(Claim.source_id == source.id)):
        if hand_dated(session, claim.id):
            continue
        said = resolve_date(claim.date_text, source.published_on)
        earliest, latest, via = date_bounds(said)
        new = {
            "said_on": said.on if said.relation == "on" else None,
            "date_anchor": said.on if said.relation in ("before", "by") else None,
            "date_precision": said.precision if said.relation == "on" else "none",
            "date_relation": said.relation,
            "said_earliest": earliest,
            "said_latest": latest,
        }
        if claim.date_via != "context":  # a context phrase stays the claim's origin
            new["date_via"] = via
        if any(getattr(claim, k) != v for k, v in new.items()):
            for k, v in new.items():
                setattr(claim, k, v)
            changed += 1
    session.flush()
    set_sort_days(session, source.id)  # undated claims sit at the publication day
    return changed


def hand_dated(session: Session, claim_id: int) -> bool:
    stmt = select(Correction.id).where(
        Correction.claim_id == claim_id, Correction.what == "said", Correction.undone_at.is_(None)
    )
    return session.scalar(stmt.limit(1)) is not None


def update_known(session: Session, doc: Document, digest: str) -> list[str]:
    """A text stored before, read again: its new details (title, outlet, author, url,
    publication day) go on the stored source, but for those a person set by hand. Returns
    the fields changed (none: the document was a plain repeat)."""
    source = session.scalar(select(Source).where(Source.content_hash == digest))
    if source is None:
        return []
    kept = hand_set(session, source.id)
    given = {
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "url": doc.url,
        "published_on": doc.published,
    }
    changes = {
        k: v
        for k, v in given.items()
        if v is not None and k not in kept and clean(v) != getattr(source, k)
    }
    if changes:
        set_source(session, f"#{source.id}", changes, INGEST, f"re-ingested from {doc.path}")
    return sorted(changes)

"""Finding claims: the filters behind ``who-said`` and ``export``, streaming export rows.

Rows come out as plain dicts whose keys are the export contract's columns, in order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.models import Actor, ActorAlias, Claim, ClaimTopic, Source, Topic
from claimtrack.names import name_key
from claimtrack.store import taxonomy
from claimtrack.topics import find_topics

EXPORT_COLUMNS = (
    "claim_id",
    "source_path",
    "source_title",
    "source_outlet",
    "source_url",
    "published_on",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "speaker_affiliation",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "content_start",
    "content_end",
    "quote",
    "attribution",
    "hedged",
    "said_on",
    "date_precision",
    "date_relation",
    "date_text",
    "topics",
    "confidence",
    "status",
)


@dataclass(frozen=True)
class ClaimFilter:
    topic: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def actor_ids(session: Session, who: str) -> list[int]:
    """Actors a user means by WHO: full name, alias or surname, forgiving case and accents."""
    key = name_key(who)
    if not key:
        raise UserError("--actor needs a name, e.g. --actor Ushakov")
    stmt = (
        select(Actor.id)
        .outerjoin(ActorAlias)
        .where(
            or_(
                Actor.name_key == key,
                Actor.name_key.like(f"% {key}"),
                ActorAlias.alias_key == key,
            )
        )
        .distinct()
    )
    return list(session.scalars(stmt))


def topic_ids(session: Session, name: str) -> list[int]:
    slugs = [t.slug for t in find_topics(taxonomy(session), name)]
    if not slugs:
        return []
    return list(session.scalars(select(Topic.id).where(Topic.slug.in_(slugs))))


def date_condition(since: dt.date | None, until: dt.date | None):
    """Claims whose date could fall in [since, until], honouring the date relation.

    on:     the day itself must be in range.
    before: said some time before the anchor day, so it fits if since < anchor.
    by:     said on or before the anchor day, so it fits if since <= anchor.
    A claim with no date at all is left out once a date filter is given.
    """
    on = [Claim.date_relation == "on", Claim.said_on.is_not(None)]
    before = [Claim.date_relation == "before", Claim.date_anchor.is_not(None)]
    by = [Claim.date_relation == "by", Claim.date_anchor.is_not(None)]
    if since:
        on.append(Claim.said_on >= since)
        before.append(Claim.date_anchor > since)
        by.append(Claim.date_anchor >= since)
    if until:
        on.append(Claim.said_on <= until)
    return or_(and_(*on), and_(*before), and_(*by))


def claims_query(session: Session, flt: ClaimFilter) -> Select:
    stmt = (
        select(Claim, Source, Actor)
        .join(Source, Claim.source_id == Source.id)
        .outerjoin(Actor, Claim.actor_id == Actor.id)
    )
    if flt.topic:
        ids = topic_ids(session, flt.topic)
        stmt = stmt.where(
            Claim.id.in_(select(ClaimTopic.claim_id).where(ClaimTopic.topic_id.in_(ids)))
            if ids
            else false()
        )
    if flt.actor:
        ids = actor_ids(session, flt.actor)
        stmt = stmt.where(Claim.actor_id.in_(ids) if ids else false())
    if flt.since and flt.until and flt.since > flt.until:
        raise UserError(f"--since {flt.since} is after --until {flt.until}")
    if flt.since or flt.until:
        stmt = stmt.where(date_condition(flt.since, flt.until))
    sort_day = func.coalesce(Claim.said_on, Claim.date_anchor, Source.published_on)
    return stmt.order_by(sort_day, Source.id, Claim.content_start)


def topics_of(session: Session, claim_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in claim_ids}
    if not claim_ids:
        return out
    rows = session.execute(
        select(ClaimTopic.claim_id, Topic.slug)
        .join(Topic)
        .where(ClaimTopic.claim_id.in_(claim_ids))
        .order_by(ClaimTopic.claim_id, Topic.slug)
    )
    for claim_id, slug in rows:
        out[claim_id].append(slug)
    return out


def export_row(claim: Claim, source: Source, actor: Actor | None, topics: list[str]) -> dict:
    return {
        "claim_id": claim.id,
        "source_path": source.path,
        "source_title": source.title,
        "source_outlet": source.outlet,
        "source_url": source.url,
        "published_on": source.published_on.isoformat() if source.published_on else None,
        "speaker": actor.name if actor else None,
        "speaker_kind": actor.kind if actor else None,
        "speaker_role": actor.role if actor else None,
        "speaker_affiliation": actor.affiliation if actor else None,
        "speaker_mention": claim.speaker_mention,
        "speaker_start": claim.speaker_start,
        "speaker_end": claim.speaker_end,
        "cue": claim.cue,
        "cue_start": claim.cue_start,
        "cue_end": claim.cue_end,
        "content": claim.content,
        "content_start": claim.content_start,
        "content_end": claim.content_end,
        "quote": claim.quote,
        "attribution": claim.attribution,
        "hedged": bool(claim.hedged),
        "said_on": claim.said_on.isoformat() if claim.said_on else None,
        "date_precision": claim.date_precision,
        "date_relation": claim.date_relation,
        "date_text": claim.date_text,
        "topics": ";".join(topics),
        "confidence": claim.confidence,
        "status": claim.status,
    }


def iter_rows(session: Session, flt: ClaimFilter, batch: int = 500) -> Iterator[dict]:
    """Export rows for the claims matching FLT, streamed in batches."""
    result = session.execute(claims_query(session, flt).execution_options(yield_per=batch))
    for part in result.partitions(batch):
        topics = topics_of(session, [claim.id for claim, _, _ in part])
        for claim, source, actor in part:
            yield export_row(claim, source, actor, topics[claim.id])

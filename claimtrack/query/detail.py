"""Everything about one claim, for ``claimtrack show``: speaker, date and how it was
derived, topics, the source paragraph with highlight spans, every appearance, reviews.

Read over Core (the tables' rows, no ORM objects), so that ``show`` loads no ORM (issue 16:
start-up); a session works as well (the web app's).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from claimtrack.errors import UserError
from claimtrack.query.corrections import iter_log
from claimtrack.query.dating import VIA_WORDS, said_label
from claimtrack.store.ids import id_is
from claimtrack.store.tables import (
    Actor,
    Claim,
    ClaimReview,
    ClaimSpeaker,
    ClaimTopic,
    Source,
    Topic,
)
from claimtrack.store.vocab import BOILERPLATE

if TYPE_CHECKING:
    from sqlalchemy import Row

    from claimtrack.store.handle import Db


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def date_derivation(claim: Row, source: Row) -> str:
    """How the claim's date was worked out, in words."""
    pub = _iso(source.published_on)
    phrase = f"from {claim.date_text!r}" if claim.date_text else "no date phrase"
    against = f", read against the publication date {pub}" if pub else ""
    earliest, latest = claim.said_earliest, claim.said_latest
    if earliest is not None and latest is not None and earliest != latest:
        label = said_label(earliest, latest) or ""
        when = (
            f"said in {label} ({'year' if len(label) == 4 else 'month'})"
            if "/" not in label
            else f"said between {earliest.isoformat()} and {latest.isoformat()}"
        )
        return f"{when}: {phrase}{against}"
    if claim.date_relation == "on" and claim.said_on:
        return f"said on {claim.said_on.isoformat()} ({claim.date_precision}): {phrase}{against}"
    if claim.date_relation == "before" and claim.date_anchor:
        return (
            f"said some time before {claim.date_anchor.isoformat()}: {phrase}{against}; "
            "the day itself is not given"
        )
    if claim.date_relation == "by" and claim.date_anchor:
        return f"said on or before {claim.date_anchor.isoformat()}: {phrase}{against}"
    return f"not dated in the text; the source was published {pub or 'on an unknown day'}"


def date_origin(claim: Row, text: str) -> str:
    """Where the date came from, in words; a context phrase is quoted with its sentence."""
    via = claim.date_via or "none"
    words = VIA_WORDS.get(via, via)
    if via == "context" and claim.date_phrase_start is not None:
        start = claim.date_phrase_start
        end = max(text.find(".", start), start)
        sentence = " ".join(text[start : end + 1].split())
        return f"{words}: “{sentence}” (at character {start})"
    return words


def paragraph(claim: Row, text: str) -> dict:
    """The source paragraph around the claim, with its speaker, cue and content spans."""
    start = text.rfind("\n", 0, claim.sentence_start) + 1
    end = text.find("\n", claim.sentence_end)
    end = len(text) if end == -1 else end
    spans = [
        ("cue", claim.cue_start, claim.cue_end),
        ("content", claim.content_start, claim.content_end),
    ]
    if claim.speaker_start is not None and claim.speaker_end is not None:
        spans.append(("speaker", claim.speaker_start, claim.speaker_end))
    highlights = [
        {"kind": kind, "start": s, "end": e, "text": text[s:e]}
        for kind, s, e in sorted(spans, key=lambda x: x[1])
        if start <= s and e <= end and s < e
    ]
    return {"start": start, "end": end, "text": text[start:end], "highlights": highlights}


def appearance_row(c: Row, first_id: int) -> dict:
    """An appearance (a row of _appearances: the claim's columns and its source's)."""
    return {
        "claim_id": c.id,
        "first": c.id == first_id,
        "source_id": c.source_id,
        "source_title": c.source_title,
        "source_outlet": c.source_outlet,
        "published_on": _iso(c.published_on),
        "source_url": c.source_url,
        "source_path": c.source_path,
        "speaker_mention": c.speaker_mention,
        "cue": c.cue,
        "content": c.content,
    }


def get_claim(session: Db, claim_id: int) -> Row:
    """The claim's row (lookups.get_claim over Core), or a UserError naming the fix."""
    claim = session.execute(select(Claim).where(id_is(session, Claim.id, claim_id))).first()
    if claim is None:
        raise no_claim(claim_id)
    return claim


def no_claim(claim_id: int) -> UserError:
    """The error for a claim id that names no claim (here and lookups.get_claim)."""
    return UserError(f"no claim #{claim_id}; find ids with `claimtrack who-said`")


_APPEARANCE = (
    Claim.id,
    Claim.source_id,
    Claim.speaker_mention,
    Claim.cue,
    Claim.content,
    Source.title.label("source_title"),
    Source.outlet.label("source_outlet"),
    Source.published_on,
    Source.url.label("source_url"),
    Source.path.label("source_path"),
)


def _appearances(session: Db, claim: Row) -> list[Row]:
    """Every appearance of CLAIM (itself included), the first appearance first, then the
    others by publication day (store/appearances.py's group_of, over Core)."""
    first_id = claim.same_as_id or claim.id
    stmt = select(*_APPEARANCE).join(Source, Source.id == Claim.source_id)
    first = session.execute(stmt.where(Claim.id == first_id)).one()
    # from ix_claims_same_as_id alone, then their sources; sorted here
    others = list(session.execute(stmt.where(Claim.same_as_id == first_id)))
    others.sort(key=lambda c: (c.published_on is None, c.published_on or dt.date.min, c.id))
    return [first, *others]


def rejected_why(session: Db, claim: Row, outlet: str | None) -> str | None:
    """Why the claim was rejected, when store/boilerplate.py did (its module, and the ORM,
    loaded only then)."""
    if claim.rejected != BOILERPLATE:
        return None
    from claimtrack.store import boilerplate

    return boilerplate.why(session, claim, outlet)


def claim_detail(session: Db, claim_id: int) -> dict:
    """Everything ``claimtrack show`` tells of one claim, as plain data."""
    claim = get_claim(session, claim_id)
    source = session.execute(select(Source).where(Source.id == claim.source_id)).one()
    group = _appearances(session, claim)
    return {
        "claim_id": claim.id,
        "first_seen_claim_id": group[0].id,
        "appearances": len(group),
        "content": claim.content,
        "quote": claim.quote,
        "cue": claim.cue,
        "attribution": claim.attribution,
        "hedged": bool(claim.hedged),
        "confidence": claim.confidence,
        "found_by": claim.found_by,
        "status": claim.status,
        "rejected": claim.rejected,
        "rejected_why": rejected_why(session, claim, source.outlet),
        "short_text": claim.short_text,
        "speaker": speaker_part(session, claim),
        "date": date_part(claim, source),
        "topics": topics_of(session, claim),
        "source": source_part(source),
        "heading": claim.heading,
        "paragraph": paragraph(claim, source.text),
        "other_appearances": [appearance_row(c, group[0].id) for c in group if c.id != claim.id],
        "reviews": reviews_of(session, [c.id for c in group]),
        "corrections": list(iter_log(session, claim_id=claim.id)),
    }


def speaker_part(session: Db, claim: Row) -> dict:
    """Who is credited: the actor, the mention as written, how it was resolved, and every
    actor linked to the claim."""
    actor = None
    if claim.actor_id is not None:
        actor = session.execute(select(Actor).where(Actor.id == claim.actor_id)).first()
    links = session.execute(
        select(ClaimSpeaker.actor_id, Actor.name)
        .join(Actor, Actor.id == ClaimSpeaker.actor_id)
        .where(ClaimSpeaker.claim_id == claim.id)
        .order_by(ClaimSpeaker.position)
    )
    return {
        "actor_id": actor.id if actor else None,
        "name": actor.name if actor else None,
        "kind": actor.kind if actor else None,
        "role": actor.role if actor else None,
        "affiliation": actor.affiliation if actor else None,
        "mention": claim.speaker_mention,
        "how": claim.speaker_how,
        "all": [{"actor_id": actor_id, "name": name} for actor_id, name in links],
    }


def date_part(claim: Row, source: Row) -> dict:
    """When it was said, its bounds, and how and where from that was worked out."""
    return {
        "said_on": _iso(claim.said_on),
        "relation": claim.date_relation,
        "anchor": _iso(claim.date_anchor),
        "precision": claim.date_precision,
        "text": claim.date_text,
        "derivation": date_derivation(claim, source),
        "said": said_label(claim.said_earliest, claim.said_latest),
        "earliest": _iso(claim.said_earliest),
        "latest": _iso(claim.said_latest),
        "via": claim.date_via,
        "origin": date_origin(claim, source.text),
    }


def topics_of(session: Db, claim: Row) -> list[dict]:
    """The claim's topics, by slug, each with how it was given (its ``via``)."""
    rows = session.execute(
        select(Topic.slug, Topic.label, ClaimTopic.via)
        .join(ClaimTopic, ClaimTopic.topic_id == Topic.id)
        .where(ClaimTopic.claim_id == claim.id)
        .order_by(Topic.slug)
    )
    return [{"slug": s, "label": label, "via": via} for s, label, via in rows]


def source_part(source: Row) -> dict:
    return {
        "source_id": source.id,
        "title": source.title,
        "outlet": source.outlet,
        "published_on": _iso(source.published_on),
        "url": source.url,
        "path": source.path,
    }


def reviews_of(session: Db, claim_ids: list[int]) -> list[dict]:
    """The reviews of the claim and of its other appearances (CLAIM_IDS), oldest first."""
    reviews = session.execute(
        select(ClaimReview)
        .where(ClaimReview.claim_id.in_(claim_ids))
        .order_by(ClaimReview.reviewed_at, ClaimReview.id)
    )
    return [
        {
            "status": r.status,
            "note": r.note,
            "reviewer": r.reviewer,
            "reviewed_at": r.reviewed_at.isoformat(timespec="seconds"),
        }
        for r in reviews
    ]

"""Everything about one claim, for ``claimtrack show``: speaker, date and how it was
derived, topics, the source paragraph with highlight spans, every appearance, reviews."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.query.corrections import iter_log
from claimtrack.query.dating import VIA_WORDS, said_label
from claimtrack.query.lookups import get_claim, history
from claimtrack.store import appearances, boilerplate
from claimtrack.store.models import Claim, ClaimTopic, Source, Topic


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def date_derivation(claim: Claim, source: Source) -> str:
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


def date_origin(claim: Claim, text: str) -> str:
    """Where the date came from, in words; a context phrase is quoted with its sentence."""
    via = claim.date_via or "none"
    words = VIA_WORDS.get(via, via)
    if via == "context" and claim.date_phrase_start is not None:
        start = claim.date_phrase_start
        end = max(text.find(".", start), start)
        sentence = " ".join(text[start : end + 1].split())
        return f"{words}: “{sentence}” (at character {start})"
    return words


def paragraph(claim: Claim, text: str) -> dict:
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


def appearance_row(c: Claim, first_id: int) -> dict:
    return {
        "claim_id": c.id,
        "first": c.id == first_id,
        "source_id": c.source_id,
        "source_title": c.source.title,
        "source_outlet": c.source.outlet,
        "published_on": _iso(c.source.published_on),
        "source_url": c.source.url,
        "source_path": c.source.path,
        "speaker_mention": c.speaker_mention,
        "cue": c.cue,
        "content": c.content,
    }


def claim_detail(session: Session, claim_id: int) -> dict:
    """Everything ``claimtrack show`` tells of one claim, as plain data."""
    claim = get_claim(session, claim_id)
    source = claim.source
    group = appearances.group_of(session, claim)
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
        "rejected_why": boilerplate.why(session, claim),
        "short_text": claim.short_text,
        "speaker": speaker_part(claim),
        "date": date_part(claim, source),
        "topics": topics_of(session, claim),
        "source": source_part(source),
        "heading": claim.heading,
        "paragraph": paragraph(claim, source.text),
        "other_appearances": [appearance_row(c, group[0].id) for c in group if c.id != claim.id],
        "reviews": reviews_of(session, claim),
        "corrections": list(iter_log(session, claim_id=claim.id)),
    }


def speaker_part(claim: Claim) -> dict:
    """Who is credited: the actor, the mention as written, how it was resolved, and every
    actor linked to the claim."""
    actor = claim.actor
    return {
        "actor_id": actor.id if actor else None,
        "name": actor.name if actor else None,
        "kind": actor.kind if actor else None,
        "role": actor.role if actor else None,
        "affiliation": actor.affiliation if actor else None,
        "mention": claim.speaker_mention,
        "how": claim.speaker_how,
        "all": [
            {"actor_id": link.actor_id, "name": link.actor.name} for link in claim.speaker_links
        ],
    }


def date_part(claim: Claim, source: Source) -> dict:
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


def topics_of(session: Session, claim: Claim) -> list[dict]:
    """The claim's topics, by slug, each with how it was given (its ``via``)."""
    rows = session.execute(
        select(Topic.slug, Topic.label, ClaimTopic.via)
        .join(ClaimTopic, ClaimTopic.topic_id == Topic.id)
        .where(ClaimTopic.claim_id == claim.id)
        .order_by(Topic.slug)
    )
    return [{"slug": s, "label": label, "via": via} for s, label, via in rows]


def source_part(source: Source) -> dict:
    return {
        "source_id": source.id,
        "title": source.title,
        "outlet": source.outlet,
        "published_on": _iso(source.published_on),
        "url": source.url,
        "path": source.path,
    }


def reviews_of(session: Session, claim: Claim) -> list[dict]:
    """The reviews of the claim and of its other appearances, oldest first."""
    return [
        {
            "status": r.status,
            "note": r.note,
            "reviewer": r.reviewer,
            "reviewed_at": r.reviewed_at.isoformat(timespec="seconds"),
        }
        for r in history(session, claim)
    ]

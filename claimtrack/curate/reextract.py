"""Re-extraction: run the extractor again on a stored source (after an extractor upgrade)
and keep every human decision.

Old and new claims are matched by their content spans (the largest overlap first, one to
one). A matched claim keeps its id, reviews, rejection, short text and hand-made topic
links; the extractor's new values replace the old ones but for the fields a person
corrected (`claims set`). An old claim no new one matches is removed, unless a person
touched it (a correction, a review, a rejection, a hand-made topic link, a claim added
by hand): then it is kept as it was and reported. New claims no old one matches are added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from claimtrack.curate.corrections import claim_corrections, locked_fields
from claimtrack.extract.types import FoundClaim
from claimtrack.store import appearances
from claimtrack.store.models import Claim, ClaimReview, ClaimTopic, Correction, Source, Topic
from claimtrack.store.taxonomy import TopicDef
from claimtrack.store.writes import (
    build_claim,
    claim_fields,
    document_topics,
    found_topics,
    link_alias_claims,
    set_sort_days,
    set_speakers,
    speaker_ids,
    sync_first_speaker,
)

OVERLAP = 0.5  # least share of the two contents' joint extent that must overlap to match
# topic links re-extraction may redo
MACHINE_VIA = ("keyword", "heading", "sentence", "speaker", "article", "extractor")


@dataclass
class Outcome:
    """What re-extracting sources did; ``unmatched`` lists the claims a person touched that
    the extractor no longer finds (kept as they were)."""

    sources: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0  # touched claims matched again, their decisions re-attached
    unmatched: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"sources: {self.sources} re-extracted; claims: {self.added} added, "
            f"{self.updated} matched again, {self.removed} removed; {self.kept} with human decisions "
            f"kept, {len(self.unmatched)} no longer found by the extractor (kept as they were)"
        )


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Share of the joint extent of spans A and B that both cover, 0..1."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    joint = max(a[1], b[1]) - min(a[0], b[0])
    return inter / joint if inter > 0 and joint > 0 else 0.0


def extracted_spans(session: Session, claim: Claim) -> tuple[tuple[int, int], tuple[int, int]]:
    """The content and cue spans the extractor gave CLAIM: before a person re-pointed them."""
    spans = {
        "content": (claim.content_start, claim.content_end),
        "cue": (claim.cue_start, claim.cue_end),
    }
    for c in reversed(claim_corrections(session, claim.id)):
        if c.undone_at is None and c.what in spans:
            spans[c.what] = (c.before[f"{c.what}_start"], c.before[f"{c.what}_end"])
    return spans["content"], spans["cue"]


def score(old: tuple[tuple[int, int], tuple[int, int]], new: FoundClaim) -> float:
    """How well an old claim (its extracted content and cue spans) matches a new one: the
    contents' overlap, plus one when the cues overlap too."""
    content = overlap(old[0], (new.content.start, new.content.end))
    cue = overlap(old[1], (new.cue.start, new.cue.end)) > 0 and content > 0
    return content + (1.0 if cue else 0.0)


def match(session: Session, old: Sequence[Claim], new: Sequence[FoundClaim]) -> dict[int, int]:
    """Old claim index -> new claim index, one to one, the best match first."""
    spans = [extracted_spans(session, o) for o in old]
    pairs = sorted(
        ((score(spans[i], n), i, j) for i in range(len(old)) for j, n in enumerate(new)),
        reverse=True,
    )
    out: dict[int, int] = {}
    taken: set[int] = set()
    for value, i, j in pairs:
        if value < OVERLAP:
            break
        if i not in out and j not in taken:
            out[i] = j
            taken.add(j)
    return out


def touched(session: Session, claim: Claim) -> bool:
    """A person decided something about CLAIM: it must outlive re-extraction."""
    if claim.found_by == "hand" or claim.rejected or claim.short_text:
        return True
    if claim.status != "unreviewed":
        return True
    for where in (
        ClaimReview.claim_id == claim.id,
        (Correction.claim_id == claim.id) & Correction.undone_at.is_(None),
        (ClaimTopic.claim_id == claim.id) & (ClaimTopic.via == "manual"),
    ):
        if session.scalar(select(exists().where(where))):
            return True
    return False


def describe(claim: Claim) -> str:
    what = [
        claim.rejected and f"rejected ({claim.rejected})",
        claim.found_by == "hand" and "added by hand",
    ]
    what.append(claim.status != "unreviewed" and f"reviewed {claim.status}")
    done = ", ".join(w for w in what if w) or "corrected"
    return (
        f"claim #{claim.id} (source #{claim.source_id}, {done}): "
        f"{claim.content[:60]!r} is no longer found by the extractor; kept as it was"
    )


def reextract_source(
    session: Session, source: Source, found: Sequence[FoundClaim], topics: Sequence[TopicDef]
) -> Outcome:
    """Replace SOURCE's extracted claims by FOUND, keeping every human decision."""
    out = Outcome(sources=1)
    old = list(
        session.scalars(select(Claim).where(Claim.source_id == source.id).order_by(Claim.id))
    )
    pairs = match(session, old, found)
    topic_ids = {slug: i for slug, i in session.execute(select(Topic.slug, Topic.id))}
    tagged = document_topics(found, source.text, topics, source.title)
    actors: set[int | None] = {c.actor_id for c in old}
    keys: set[tuple[int, int, int]] = set()
    for i, claim in enumerate(old):
        if i in pairs:
            continue
        if touched(session, claim):
            if claim.found_by != "hand":
                out.unmatched.append(describe(claim))
            keys.add((claim.content_start, claim.content_end, claim.cue_start))
            continue
        session.delete(claim)
        out.removed += 1
    session.flush()
    redo = {i: j for i, j in pairs.items() if old[i].found_by != "hand"}
    held = {old[i].id: (old[i].content_start, old[i].cue_start) for i in redo}
    for i in redo:  # out of the way first: spans may move from one claim to another
        old[i].content_start, old[i].cue_start = -old[i].id, -old[i].id
    session.flush()
    for i, j in pairs.items():
        claim = old[i]
        if touched(session, claim):
            out.kept += 1
        if i in redo:  # a hand-made claim's own spans stand
            update(session, claim, found[j], source.text, (topics, topic_ids), keys, tagged[j])
            content_start, cue_start = held[claim.id]  # kept spans come back
            if claim.content_start < 0:
                claim.content_start = content_start
            if claim.cue_start < 0:
                claim.cue_start = cue_start
            actors.add(claim.actor_id)
            out.updated += 1
        keys.add((claim.content_start, claim.content_end, claim.cue_start))
    matched = set(pairs.values())
    for j, c in enumerate(found):
        key = (c.content.start, c.content.end, c.cue.start)
        if j in matched or key in keys:
            continue
        keys.add(key)
        row = build_claim(session, source, source.text, c, topics, topic_ids, tagged[j])
        session.add(row)
        session.flush()
        link_alias_claims(session)
        appearances.link(session, row)
        actors.add(row.actor_id)
        out.added += 1
    session.flush()
    session.expire(source, ["claims"])  # new rows were added by source id
    set_sort_days(session, source.id)
    for actor_id in actors:
        appearances.relink_actor(session, actor_id)
    return out


def update(
    session: Session,
    claim: Claim,
    c: FoundClaim,
    text: str,
    taxonomy: tuple[Sequence[TopicDef], dict[str, int]],
    taken: set[tuple[int, int, int]],
    found: dict[str, str] | None = None,
) -> None:
    """The extractor's new values on CLAIM, but for the fields a person set (and its spans
    when another claim kept holds them: TAKEN); its topics FOUND (default: the tagger's on
    this claim alone)."""
    locked = locked_fields(session, claim.id)
    fields = claim_fields(session, text, c, claim.source.published_on, claim.source.author)
    key = (fields["content_start"], fields["content_end"], fields["cue_start"])
    if key in taken:
        locked |= {"content", "content_start", "content_end", "cue", "cue_start", "cue_end"}
    for name, value in fields.items():
        if name not in locked:
            setattr(claim, name, value)
    if "actor_id" in locked:
        sync_first_speaker(session, claim)
    else:
        set_speakers(session, claim, speaker_ids(session, c, claim.actor_id, text))
    topics, topic_ids = taxonomy
    session.execute(
        delete(ClaimTopic).where(ClaimTopic.claim_id == claim.id, ClaimTopic.via.in_(MACHINE_VIA))
    )
    session.flush()
    session.expire(claim, ["topic_links"])
    have = {link.topic_id for link in claim.topic_links}
    if found is None:
        found = found_topics(c, text, topics)
    for slug, via in found.items():
        if slug in topic_ids and topic_ids[slug] not in have:
            session.add(ClaimTopic(claim_id=claim.id, topic_id=topic_ids[slug], via=via))
    session.flush()

"""The database schema as typed SQLAlchemy 2 models, mapped onto the Core tables of
store/tables.py (the one definition of the schema: an asking command queries the tables
without loading the ORM, issue 16).

sources -> claims <- actors (+ actor_aliases), claims <-> topics through claim_topics,
claim_reviews keeps the review history; feeds holds the feed subscriptions.
"""

# No `from __future__ import annotations`: SQLAlchemy reads every annotation at import, and
# as strings each would be parsed first (issue 16: start-up); a class a relationship names
# is quoted (most are defined further down).
import datetime as dt

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from claimtrack.store import tables
from claimtrack.store.tables import (  # noqa: F401  (importable from here too)
    NAMING_CONVENTION,
    POSTGRESQL_INDEXES,
    TIMELINE_ORDER,
    postgresql_indexes,
    utcnow,
)
from claimtrack.store.vocab import (  # noqa: F401  (importable from here too)
    ACTOR_KINDS,
    ATTRIBUTIONS,
    CORRECTION_KINDS,
    DATE_PRECISIONS,
    DATE_RELATIONS,
    REJECT_REASONS,
    REJECTING_VERDICTS,
    STATUSES,
)


class Base(DeclarativeBase):
    metadata = tables.metadata


class Source(Base):
    __table__ = tables.sources

    id: Mapped[int]
    content_hash: Mapped[str]
    path: Mapped[str | None]
    title: Mapped[str | None]
    outlet: Mapped[str | None]
    author: Mapped[str | None]
    url: Mapped[str | None]
    fetched_url: Mapped[str | None]
    language: Mapped[str | None]
    published_on: Mapped[dt.date | None]
    text: Mapped[str]
    word_count: Mapped[int]
    ingested_at: Mapped[dt.datetime]

    claims: Mapped[list["Claim"]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )


class Feed(Base):
    """A feed subscription: polled by `claimtrack feeds poll`, with conditional requests."""

    __table__ = tables.feeds

    id: Mapped[int]
    url: Mapped[str]
    title: Mapped[str | None]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    added_at: Mapped[dt.datetime]
    last_polled_at: Mapped[dt.datetime | None]
    last_result: Mapped[str | None]


class Actor(Base):
    __table__ = tables.actors

    id: Mapped[int]
    name: Mapped[str]
    name_key: Mapped[str]
    kind: Mapped[str]
    role: Mapped[str | None]
    affiliation: Mapped[str | None]
    created_at: Mapped[dt.datetime]
    claim_count: Mapped[int]  # kept by triggers (store/counts.py): never set it

    aliases: Mapped[list["ActorAlias"]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )
    claims: Mapped[list["Claim"]] = relationship(back_populates="actor")


class ActorAlias(Base):
    __table__ = tables.actor_aliases

    id: Mapped[int]
    actor_id: Mapped[int]
    alias: Mapped[str]
    alias_key: Mapped[str]
    claim_id: Mapped[int | None]

    actor: Mapped["Actor"] = relationship(back_populates="aliases")
    claim: Mapped["Claim | None"] = relationship()


class Topic(Base):
    __table__ = tables.topics

    id: Mapped[int]
    slug: Mapped[str]
    label: Mapped[str]
    keywords: Mapped[list[str]]
    parent_id: Mapped[int | None]
    code: Mapped[str | None]
    claim_count: Mapped[int]  # kept by triggers (store/counts.py): never set it

    parent: Mapped["Topic | None"] = relationship(
        remote_side=[tables.topics.c.id], back_populates="children"
    )
    children: Mapped[list["Topic"]] = relationship(back_populates="parent")
    claim_links: Mapped[list["ClaimTopic"]] = relationship(
        back_populates="topic", cascade="all, delete-orphan", passive_deletes=True
    )


class Claim(Base):
    __table__ = tables.claims

    id: Mapped[int]
    source_id: Mapped[int]
    actor_id: Mapped[int | None]
    speaker_mention: Mapped[str | None]
    speaker_start: Mapped[int | None]
    speaker_end: Mapped[int | None]
    cue: Mapped[str]
    cue_start: Mapped[int]
    cue_end: Mapped[int]
    content: Mapped[str]
    content_start: Mapped[int]
    content_end: Mapped[int]
    quote: Mapped[str | None]
    attribution: Mapped[str]
    hedged: Mapped[bool]
    said_on: Mapped[dt.date | None]
    date_anchor: Mapped[dt.date | None]
    date_precision: Mapped[str]
    date_relation: Mapped[str]
    date_text: Mapped[str | None]
    said_earliest: Mapped[dt.date | None]
    said_latest: Mapped[dt.date | None]
    date_via: Mapped[str]
    date_phrase_start: Mapped[int | None]
    sentence: Mapped[str]
    sentence_start: Mapped[int]
    sentence_end: Mapped[int]
    heading: Mapped[str | None]
    confidence: Mapped[float]
    found_by: Mapped[str]
    speaker_how: Mapped[str | None]
    speaker_role: Mapped[str | None]
    status: Mapped[str]
    short_text: Mapped[str | None]
    rejected: Mapped[str | None]
    same_as_id: Mapped[int | None]
    created_at: Mapped[dt.datetime]
    sort_day: Mapped[dt.date]
    sort_rank: Mapped[int]

    source: Mapped["Source"] = relationship(back_populates="claims")
    actor: Mapped["Actor | None"] = relationship(back_populates="claims")
    same_as: Mapped["Claim | None"] = relationship(
        remote_side=[tables.claims.c.id], back_populates="appearances"
    )
    appearances: Mapped[list["Claim"]] = relationship(back_populates="same_as")
    topic_links: Mapped[list["ClaimTopic"]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", passive_deletes=True
    )
    speaker_links: Mapped[list["ClaimSpeaker"]] = relationship(
        back_populates="claim",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ClaimSpeaker.position",
    )
    reviews: Mapped[list["ClaimReview"]] = relationship(
        back_populates="claim",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ClaimReview.id",
    )


class ClaimSpeaker(Base):
    """Every speaker of a claim, first the one ``claims.actor_id`` names ("Senators A and B
    said ..." has two)."""

    __table__ = tables.claim_speakers

    claim_id: Mapped[int]
    actor_id: Mapped[int]
    position: Mapped[int]

    claim: Mapped["Claim"] = relationship(back_populates="speaker_links")
    actor: Mapped["Actor"] = relationship()


class ClaimTopic(Base):
    __table__ = tables.claim_topics

    claim_id: Mapped[int]
    topic_id: Mapped[int]
    via: Mapped[str]
    # copies of the claim's sort key, kept by triggers (store/topic_order.py): never set them
    sort_day: Mapped[dt.date]
    sort_rank: Mapped[int]
    source_id: Mapped[int]
    content_start: Mapped[int]

    claim: Mapped["Claim"] = relationship(back_populates="topic_links")
    topic: Mapped["Topic"] = relationship(back_populates="claim_links")


class ClaimReview(Base):
    __table__ = tables.claim_reviews

    id: Mapped[int]
    claim_id: Mapped[int]
    status: Mapped[str]
    note: Mapped[str | None]
    reviewer: Mapped[str | None]
    url: Mapped[str | None]
    reviewed_at: Mapped[dt.datetime]

    claim: Mapped["Claim"] = relationship(back_populates="reviews")


class Correction(Base):
    """One human change to the record, kept for the audit log (`claimtrack log`) and undo.

    WHAT is one of CORRECTION_KINDS; BEFORE and AFTER hold the changed fields' values
    (JSON objects); a claim's correction keeps the claim's spans at the time in BEFORE, so
    re-extraction can find it again. UNDONE_AT is set when `claims undo` reverted it.
    """

    __table__ = tables.corrections

    id: Mapped[int]
    claim_id: Mapped[int | None]
    source_id: Mapped[int | None]
    actor_id: Mapped[int | None]
    what: Mapped[str]
    before: Mapped[dict]
    after: Mapped[dict]
    who: Mapped[str | None]
    why: Mapped[str | None]
    made_at: Mapped[dt.datetime]
    undone_at: Mapped[dt.datetime | None]


class ClaimBand(Base):
    """One band key of a claim's content (store/appearances.py): claims that share a key are
    the candidates compared when a claim is linked with its other appearances."""

    __table__ = tables.claim_bands

    key: Mapped[int]
    claim_id: Mapped[int]

"""The database schema as typed SQLAlchemy 2 models.

sources -> claims <- actors (+ actor_aliases), claims <-> topics through claim_topics,
claim_reviews keeps the review history; feeds holds the feed subscriptions. Full-text
search is a separate FTS5 table on SQLite (``claims_fts``, kept in step by triggers created
in the migration) and an expression index on PostgreSQL.
"""

# No `from __future__ import annotations`: SQLAlchemy reads every column's annotation at
# import, and as strings each would be parsed first (issue 16: start-up, 4 ms); a class
# a relationship names is quoted (most are defined further down).
import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from claimtrack.store.timeline import UNDATED
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

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# PostgreSQL's own options of some indexes (as the migrations make them), set on the models
# when a PostgreSQL engine is made (store/engine.py): naming them in Index() would load
# SQLAlchemy's PostgreSQL dialect on SQLite too (issue 16: start-up)
POSTGRESQL_INDEXES = {
    "ix_sources_path": {"postgresql_using": "hash"},
    "ix_sources_url": {"postgresql_using": "hash"},
    "ix_sources_fetched_url": {"postgresql_using": "hash"},
    "ix_claims_same_as_id": {"postgresql_where": "same_as_id IS NOT NULL"},
    "ix_claims_actor_firsts": {"postgresql_where": "same_as_id IS NULL AND rejected IS NULL"},
}


def postgresql_indexes() -> None:
    """Give the indexes of POSTGRESQL_INDEXES their PostgreSQL options (once is enough)."""
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            for key, value in POSTGRESQL_INDEXES.get(str(index.name), {}).items():
                index.dialect_kwargs[key] = text(value) if key.endswith("_where") else value


class Source(Base):
    __tablename__ = "sources"
    # looked up by URL before a page is fetched again; hash indexes on PostgreSQL, whose
    # b-tree entries cannot hold a very long URL (POSTGRESQL_INDEXES)
    __table_args__ = (
        Index("ix_sources_path", "path"),
        Index("ix_sources_url", "url"),
        Index("ix_sources_fetched_url", "fetched_url"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # the file read, or the URL asked for (a page given on the command line or linked from
    # a feed)
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)  # the article's canonical URL
    fetched_url: Mapped[str | None] = mapped_column(Text)  # where it came from, after redirects
    # ISO 639-1 code told from the text ("en", "fr"); NULL when it could not be told
    language: Mapped[str | None] = mapped_column(String(20))
    published_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claims: Mapped[list["Claim"]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )


class Feed(Base):
    """A feed subscription: polled by `claimtrack feeds poll`, with conditional requests."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)  # of the last answer read whole
    last_modified: Mapped[str | None] = mapped_column(String(100))  # as the server sent it
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_result: Mapped[str | None] = mapped_column(Text)  # "2 added, 1 skipped", an error


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    role: Mapped[str | None] = mapped_column(String(300))
    affiliation: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # its first appearances not rejected, kept by triggers (store/counts.py): never set it
    claim_count: Mapped[int] = mapped_column(default=0, server_default="0", index=True)

    aliases: Mapped[list["ActorAlias"]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )
    claims: Mapped[list["Claim"]] = relationship(back_populates="actor")


class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    # the claim whose speaker first gave the actor this name (None: by hand, or before 0009)
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )

    actor: Mapped["Actor"] = relationship(back_populates="aliases")
    claim: Mapped["Claim | None"] = relationship()


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    # the broader topic ("ceasefire" under "peace-process" under "conflict"); NULL at the top
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("topics.id", ondelete="SET NULL"), index=True
    )
    code: Mapped[str | None] = mapped_column(String(40))  # IPTC Media Topic: "medtop:16000000"
    # its first appearances not rejected, kept by triggers (store/counts.py): never set it
    claim_count: Mapped[int] = mapped_column(default=0, server_default="0")

    parent: Mapped["Topic | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Topic"]] = relationship(back_populates="parent")
    claim_links: Mapped[list["ClaimTopic"]] = relationship(
        back_populates="topic", cascade="all, delete-orphan", passive_deletes=True
    )


# the listing order: the stored sort day and rank, then the place in the source
TIMELINE_ORDER = ("sort_day", "sort_rank", "source_id", "content_start", "id")


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("source_id", "content_start", "content_end", "cue_start"),
        Index("ix_claims_said_on", "said_on"),
        # date order (store/timeline.py), alone and after the filters that pick few rows
        Index("ix_claims_timeline", *TIMELINE_ORDER),
        Index("ix_claims_actor_timeline", "actor_id", *TIMELINE_ORDER),
        Index("ix_claims_status_timeline", "status", *TIMELINE_ORDER),
        # the other appearances of a claim; partial, so that its statistics (ANALYZE) do not
        # count the first appearances (NULL) and the planner keeps using it
        Index("ix_claims_same_as_id", "same_as_id", sqlite_where=text("same_as_id IS NOT NULL")),
        # first appearances per speaker that stand (not rejected), counted by `actors list`
        # from the index alone
        Index(
            "ix_claims_actor_firsts",
            "actor_id",
            sqlite_where=text("same_as_id IS NULL AND rejected IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    speaker_mention: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str] = mapped_column(String(300))
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    attribution: Mapped[str] = mapped_column(String(20))
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    said_on: Mapped[dt.date | None] = mapped_column(Date)  # the day (relation "on") only
    date_anchor: Mapped[dt.date | None] = mapped_column(Date)  # reference day for before / by
    date_precision: Mapped[str] = mapped_column(String(10), default="none")
    date_relation: Mapped[str] = mapped_column(String(10), default="unknown")
    date_text: Mapped[str | None] = mapped_column(String(200))
    # Inclusive bounds of when it was said (NULL = open on that side): a day is one day,
    # "in March" its month, "last week" its Monday to Sunday, no phrase up to publication.
    said_earliest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    said_latest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # where the date came from: phrase | context (the scene set earlier) | publication | none
    date_via: Mapped[str] = mapped_column(String(12), default="none", server_default="none")
    date_phrase_start: Mapped[int | None] = mapped_column(Integer)  # a context phrase's offset
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    # "rules", "detector" for a claim only the learned detector found (less sure), or
    # "hand" for a claim a person added (`claimtrack claims add`)
    found_by: Mapped[str] = mapped_column(String(10), default="rules", server_default="rules")
    # how the speaker was resolved: "'he': Paul Smith, subject of the previous sentence"
    speaker_how: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    # the short claim text a fact-check reviews ("claimReviewed"), set by hand
    short_text: Mapped[str | None] = mapped_column(Text)
    # why the claim was rejected (REJECT_REASONS); NULL for a claim that stands
    rejected: Mapped[str | None] = mapped_column(String(20))
    # The first appearance of the same claim (same speaker, near-identical content) in
    # another source; NULL for a first appearance.
    same_as_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # where it sits in date order (store/timeline.py), set when its source is stored
    sort_day: Mapped[dt.date] = mapped_column(
        Date, default=UNDATED, server_default=UNDATED.isoformat()
    )
    sort_rank: Mapped[int] = mapped_column(SmallInteger, default=3, server_default="3")

    source: Mapped["Source"] = relationship(back_populates="claims")
    actor: Mapped["Actor | None"] = relationship(back_populates="claims")
    same_as: Mapped["Claim | None"] = relationship(remote_side=[id], back_populates="appearances")
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

    __tablename__ = "claim_speakers"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    claim: Mapped["Claim"] = relationship(back_populates="speaker_links")
    actor: Mapped["Actor"] = relationship()


class ClaimTopic(Base):
    __tablename__ = "claim_topics"
    # a topic's claims in listing order: the claim's sort key, copied (store/topic_order.py)
    __table_args__ = (
        Index("ix_claim_topics_timeline", "topic_id", *TIMELINE_ORDER[:-1], "claim_id"),
    )

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    via: Mapped[str] = mapped_column(
        String(20), default="keyword"
    )  # keyword | heading | sentence | manual | extractor
    # copies of the claim's sort key, kept by triggers (store/topic_order.py): never set them
    sort_day: Mapped[dt.date] = mapped_column(Date, server_default=UNDATED.isoformat())
    sort_rank: Mapped[int] = mapped_column(SmallInteger, server_default="3")
    source_id: Mapped[int] = mapped_column(Integer, server_default="0")
    content_start: Mapped[int] = mapped_column(Integer, server_default="0")

    claim: Mapped["Claim"] = relationship(back_populates="topic_links")
    topic: Mapped["Topic"] = relationship(back_populates="claim_links")


class ClaimReview(Base):
    __tablename__ = "claim_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    # the fact-check page that publishes the review (ClaimReview's url)
    url: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claim: Mapped["Claim"] = relationship(back_populates="reviews")


class Correction(Base):
    """One human change to the record, kept for the audit log (`claimtrack log`) and undo.

    WHAT is one of CORRECTION_KINDS; BEFORE and AFTER hold the changed fields' values
    (JSON objects); a claim's correction keeps the claim's spans at the time in BEFORE, so
    re-extraction can find it again. UNDONE_AT is set when `claims undo` reverted it.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    what: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict] = mapped_column(JSON, default=dict)
    after: Mapped[dict] = mapped_column(JSON, default=dict)
    who: Mapped[str | None] = mapped_column(String(200))
    why: Mapped[str | None] = mapped_column(Text)
    made_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ClaimBand(Base):
    """One band key of a claim's content (store/appearances.py): claims that share a key are
    the candidates compared when a claim is linked with its other appearances."""

    __tablename__ = "claim_bands"
    __table_args__ = (Index("ix_claim_bands_claim_id", "claim_id"),)

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )

"""The database schema as SQLAlchemy Core tables: what the asking commands query, without
the ORM (issue 16: start-up; store/models.py maps its classes onto these tables).

sources -> claims <- actors (+ actor_aliases), claims <-> topics through claim_topics,
claim_reviews keeps the review history; feeds holds the feed subscriptions. Full-text
search is a separate FTS5 table on SQLite (``claims_fts``, kept in step by triggers created
in the migration) and an expression index on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.sql import FromClause

from claimtrack.store.timeline import UNDATED

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# the listing order: the stored sort day and rank, then the place in the source
TIMELINE_ORDER = ("sort_day", "sort_rank", "source_id", "content_start", "id")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


def _fk(name: str, target: str, ondelete: str, **kw) -> Column:
    """A foreign key column: NOT NULL unless it is SET NULL on delete (kw may say otherwise)."""
    kw.setdefault("nullable", ondelete == "SET NULL")
    return Column(name, Integer, ForeignKey(target, ondelete=ondelete), **kw)


def _when(name: str, nullable: bool = False, **kw) -> Column:
    return Column(name, DateTime(timezone=True), nullable=nullable, **kw)


# PostgreSQL's own options of some indexes (as the migrations make them), set on the tables
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
    for table in metadata.tables.values():
        for index in table.indexes:
            for key, value in POSTGRESQL_INDEXES.get(str(index.name), {}).items():
                index.dialect_kwargs[key] = text(value) if key.endswith("_where") else value


sources = Table(
    "sources",
    metadata,
    _id(),
    Column("content_hash", String(64), nullable=False, unique=True),
    # the file read, or the URL asked for (a page given on the command line or linked from
    # a feed)
    Column("path", Text),
    Column("title", Text),
    Column("outlet", String(200)),
    Column("author", String(200)),
    Column("url", Text),  # the article's canonical URL
    Column("fetched_url", Text),  # where it came from, after redirects
    # ISO 639-1 code told from the text ("en", "fr"); NULL when it could not be told
    Column("language", String(20)),
    Column("published_on", Date, index=True),
    Column("text", Text, nullable=False),
    Column("word_count", Integer, nullable=False, default=0),
    _when("ingested_at", default=utcnow),
    # looked up by URL before a page is fetched again; hash indexes on PostgreSQL, whose
    # b-tree entries cannot hold a very long URL (POSTGRESQL_INDEXES)
    Index("ix_sources_path", "path"),
    Index("ix_sources_url", "url"),
    Index("ix_sources_fetched_url", "fetched_url"),
)

# a feed subscription: polled by `claimtrack feeds poll`, with conditional requests
feeds = Table(
    "feeds",
    metadata,
    _id(),
    Column("url", String(2000), nullable=False, unique=True),
    Column("title", Text),
    Column("etag", Text),  # of the last answer read whole
    Column("last_modified", String(100)),  # as the server sent it
    _when("added_at", default=utcnow),
    _when("last_polled_at", nullable=True),
    Column("last_result", Text),  # "2 added, 1 skipped", an error
)

actors = Table(
    "actors",
    metadata,
    _id(),
    Column("name", String(300), nullable=False),
    Column("name_key", String(300), nullable=False, unique=True),
    Column("kind", String(20), nullable=False, default="person"),
    Column("role", String(300)),
    Column("affiliation", String(300)),
    _when("created_at", default=utcnow),
    # its first appearances not rejected, kept by triggers (store/counts.py): never set it
    Column("claim_count", Integer, nullable=False, default=0, server_default="0", index=True),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    _id(),
    _fk("actor_id", "actors.id", "CASCADE", index=True),
    Column("alias", String(300), nullable=False),
    Column("alias_key", String(300), nullable=False, index=True),
    # the claim whose speaker first gave the actor this name (None: by hand, or before 0009)
    _fk("claim_id", "claims.id", "SET NULL", index=True),
    UniqueConstraint("actor_id", "alias_key"),
)

topics = Table(
    "topics",
    metadata,
    _id(),
    Column("slug", String(100), nullable=False, unique=True),
    Column("label", String(200), nullable=False),
    Column("keywords", JSON, nullable=False, default=list),
    # the broader topic ("ceasefire" under "peace-process" under "conflict"); NULL at the top
    _fk("parent_id", "topics.id", "SET NULL", index=True),
    Column("code", String(40)),  # IPTC Media Topic: "medtop:16000000"
    # its first appearances not rejected, kept by triggers (store/counts.py): never set it
    Column("claim_count", Integer, nullable=False, default=0, server_default="0"),
)

claims = Table(
    "claims",
    metadata,
    _id(),
    _fk("source_id", "sources.id", "CASCADE", index=True),
    _fk("actor_id", "actors.id", "SET NULL"),
    Column("speaker_mention", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", String(300), nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("quote", Text),
    Column("attribution", String(20), nullable=False),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("said_on", Date),  # the day (relation "on") only
    Column("date_anchor", Date),  # reference day for before / by
    Column("date_precision", String(10), nullable=False, default="none"),
    Column("date_relation", String(10), nullable=False, default="unknown"),
    Column("date_text", String(200)),
    # Inclusive bounds of when it was said (NULL = open on that side): a day is one day,
    # "in March" its month, "last week" its Monday to Sunday, no phrase up to publication.
    Column("said_earliest", Date, index=True),
    Column("said_latest", Date, index=True),
    # where the date came from: phrase | context (the scene set earlier) | publication | none
    Column("date_via", String(12), nullable=False, default="none", server_default="none"),
    Column("date_phrase_start", Integer),  # a context phrase's offset
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("heading", Text),
    Column("confidence", Float, nullable=False, default=0.5),
    # "rules", "detector" for a claim only the learned detector found (less sure), or
    # "hand" for a claim a person added (`claimtrack claims add`)
    Column("found_by", String(10), nullable=False, default="rules", server_default="rules"),
    # how the speaker was resolved: "'he': Paul Smith, subject of the previous sentence"
    Column("speaker_how", Text),
    # the speaker's role as the claim's own article gives it ("Harriers head coach"), also
    # for a "he" resolved to that person: what `topics update` reads, as ingest does
    Column("speaker_role", Text),
    Column("status", String(20), nullable=False, default="unreviewed"),
    # the short claim text a fact-check reviews ("claimReviewed"), set by hand
    Column("short_text", Text),
    # why the claim was rejected (REJECT_REASONS); NULL for a claim that stands
    Column("rejected", String(20)),
    # The first appearance of the same claim (same speaker, near-identical content) in
    # another source; NULL for a first appearance.
    _fk("same_as_id", "claims.id", "SET NULL"),
    _when("created_at", default=utcnow),
    # where it sits in date order (store/timeline.py), set when its source is stored
    Column("sort_day", Date, nullable=False, default=UNDATED, server_default=UNDATED.isoformat()),
    Column("sort_rank", SmallInteger, nullable=False, default=3, server_default="3"),
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

# every speaker of a claim, first the one claims.actor_id names ("Senators A and B said
# ..." has two)
claim_speakers = Table(
    "claim_speakers",
    metadata,
    _fk("claim_id", "claims.id", "CASCADE", primary_key=True),
    _fk("actor_id", "actors.id", "CASCADE", primary_key=True, index=True),
    Column("position", Integer, nullable=False, default=0),
)

claim_topics = Table(
    "claim_topics",
    metadata,
    _fk("claim_id", "claims.id", "CASCADE", primary_key=True),
    _fk("topic_id", "topics.id", "CASCADE", primary_key=True),
    # keyword | heading | sentence | manual | extractor
    Column("via", String(20), nullable=False, default="keyword"),
    # copies of the claim's sort key, kept by triggers (store/topic_order.py): never set them
    Column("sort_day", Date, nullable=False, server_default=UNDATED.isoformat()),
    Column("sort_rank", SmallInteger, nullable=False, server_default="3"),
    Column("source_id", Integer, nullable=False, server_default="0"),
    Column("content_start", Integer, nullable=False, server_default="0"),
    # a topic's claims in listing order: the claim's sort key, copied (store/topic_order.py)
    Index("ix_claim_topics_timeline", "topic_id", *TIMELINE_ORDER[:-1], "claim_id"),
)

claim_reviews = Table(
    "claim_reviews",
    metadata,
    _id(),
    _fk("claim_id", "claims.id", "CASCADE", index=True),
    Column("status", String(20), nullable=False),
    Column("note", Text),
    Column("reviewer", String(200)),
    # the fact-check page that publishes the review (ClaimReview's url)
    Column("url", Text),
    _when("reviewed_at", default=utcnow),
)

# One human change to the record, kept for the audit log (`claimtrack log`) and undo: see
# models.Correction
corrections = Table(
    "corrections",
    metadata,
    _id(),
    _fk("claim_id", "claims.id", "SET NULL", index=True),
    _fk("source_id", "sources.id", "SET NULL", index=True),
    _fk("actor_id", "actors.id", "SET NULL", index=True),
    Column("what", String(20), nullable=False),
    Column("before", JSON, nullable=False, default=dict),
    Column("after", JSON, nullable=False, default=dict),
    Column("who", String(200)),
    Column("why", Text),
    _when("made_at", default=utcnow),
    _when("undone_at", nullable=True),
)

# one band key of a claim's content (store/appearances.py): claims that share a key are the
# candidates compared when a claim is linked with its other appearances
claim_bands = Table(
    "claim_bands",
    metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    _fk("claim_id", "claims.id", "CASCADE", primary_key=True),
    Index("ix_claim_bands_claim_id", "claim_id"),
)


class Columns:
    """A table's columns by attribute (``Claim.id``), usable wherever the table is (a FROM,
    a join's target, ``select(Topic)`` for every column): the queries are written as over
    the models, and run over Core alone. ``aliased`` gives another FROM of the same table."""

    def __init__(self, table: FromClause) -> None:
        self.__table__ = table

    def __clause_element__(self) -> FromClause:
        return self.__table__

    def __getattr__(self, name: str) -> Column:
        try:
            return self.__table__.c[name]
        except KeyError:
            raise AttributeError(f"{self.__table__.name} has no column {name!r}") from None


def aliased(columns: Columns) -> Columns:
    """COLUMNS of another FROM of their table (``sources AS sources_1``)."""
    return Columns(columns.__table__.alias())


Source = Columns(sources)
Feed = Columns(feeds)
Actor = Columns(actors)
ActorAlias = Columns(actor_aliases)
Topic = Columns(topics)
Claim = Columns(claims)
ClaimSpeaker = Columns(claim_speakers)
ClaimTopic = Columns(claim_topics)
ClaimReview = Columns(claim_reviews)
Correction = Columns(corrections)
ClaimBand = Columns(claim_bands)

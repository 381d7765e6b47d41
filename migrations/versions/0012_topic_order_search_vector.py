"""claim_topics carries its claim's sort key (ix_claim_topics_timeline walks a topic's claims
in listing order), and PostgreSQL's full-text search reads a stored tsvector column (issue 16)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 15:30:00

Only additions and index changes: every topic link gets its claim's sort_day, sort_rank,
source_id and content_start (one pass), then triggers keep them in step
(store/topic_order.py); ix_claim_topics_topic_id gives way to the index that starts with
topic_id. On PostgreSQL, claims.search_vector is generated from the same expression the
old index ix_claims_search held, and a GIN index on it replaces that one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.fts import PG_SEARCH_EXPR, PG_VECTOR, PG_VECTOR_INDEX
from claimtrack.store.timeline import UNDATED
from claimtrack.store.topic_order import create_ordering, drop_ordering, refill

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TIMELINE = ["topic_id", "sort_day", "sort_rank", "source_id", "content_start", "claim_id"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column(
        "claim_topics",
        sa.Column("sort_day", sa.Date(), server_default=UNDATED.isoformat(), nullable=False),
    )
    op.add_column(
        "claim_topics",
        sa.Column("sort_rank", sa.SmallInteger(), server_default="3", nullable=False),
    )
    for name in ("source_id", "content_start"):
        op.add_column(
            "claim_topics", sa.Column(name, sa.Integer(), server_default="0", nullable=False)
        )
    refill(op.execute, dialect)
    create_ordering(op.execute, dialect)
    op.drop_index("ix_claim_topics_topic_id", table_name="claim_topics")
    op.create_index("ix_claim_topics_timeline", "claim_topics", TIMELINE, unique=False)
    if dialect == "postgresql":
        op.execute(
            f"ALTER TABLE claims ADD COLUMN {PG_VECTOR} tsvector"
            f" GENERATED ALWAYS AS ({PG_SEARCH_EXPR}) STORED"
        )
        op.execute(f"CREATE INDEX {PG_VECTOR_INDEX} ON claims USING gin ({PG_VECTOR})")
        op.execute("DROP INDEX IF EXISTS ix_claims_search")
        # the planner weighs a word against the new column's statistics: gather them now,
        # not when autovacuum comes round to the rewritten table
        op.execute("ANALYZE claims, claim_topics")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(f"CREATE INDEX ix_claims_search ON claims USING gin ({PG_SEARCH_EXPR})")
        op.execute(f"DROP INDEX IF EXISTS {PG_VECTOR_INDEX}")
        op.execute(f"ALTER TABLE claims DROP COLUMN {PG_VECTOR}")
    drop_ordering(op.execute, dialect)
    op.drop_index("ix_claim_topics_timeline", table_name="claim_topics")
    op.create_index("ix_claim_topics_topic_id", "claim_topics", ["topic_id"], unique=False)
    for name in ("content_start", "source_id", "sort_rank", "sort_day"):
        op.drop_column("claim_topics", name)

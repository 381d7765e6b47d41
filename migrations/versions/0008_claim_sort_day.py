"""claims.sort_day and claims.sort_rank: the stored date order, with indexes that serve the
listings (alone, per speaker, per status) and the first appearances per speaker; the SQLite search trigger fires only when a
searched column changes

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-02 18:30:00

Only additions and index changes: every claim keeps its values and gets its sort day from
the same SQL the store uses (store/timeline.py). The single-column indexes on actor_id and
status give way to the composite ones that start with them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.fts import UPDATE_TRIGGER, search_rebuilt
from claimtrack.store.timeline import UNDATED, sort_values

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ORDER = ["sort_day", "sort_rank", "source_id", "content_start", "id"]
INDEXES = {
    "ix_claims_timeline": ORDER,
    "ix_claims_actor_timeline": ["actor_id", *ORDER],
    "ix_claims_status_timeline": ["status", *ORDER],
}
COLUMNS = (
    *("source_id", "said_on", "date_anchor", "date_relation", "said_earliest", "said_latest"),
    *("sort_day", "sort_rank"),
)
claims = sa.table("claims", sa.column("id"), *(sa.column(c) for c in COLUMNS))
sources = sa.table("sources", sa.column("id"), sa.column("published_on"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # before the UPDATE below, which it must skip
        op.execute("DROP TRIGGER IF EXISTS claims_au")
        op.execute(UPDATE_TRIGGER)
    op.add_column(
        "claims",
        sa.Column("sort_day", sa.Date(), server_default=UNDATED.isoformat(), nullable=False),
    )
    op.add_column(
        "claims", sa.Column("sort_rank", sa.SmallInteger(), server_default="3", nullable=False)
    )
    op.execute(claims.update().values(**sort_values(claims, sources)))
    op.drop_index("ix_claims_actor_id", table_name="claims")
    op.drop_index("ix_claims_status", table_name="claims")
    for name, columns in INDEXES.items():
        op.create_index(name, "claims", columns, unique=False)
    op.drop_index("ix_claims_same_as_id", table_name="claims")
    others = sa.text("same_as_id IS NOT NULL")
    op.create_index(
        "ix_claims_same_as_id",
        "claims",
        ["same_as_id"],
        unique=False,
        sqlite_where=others,
        postgresql_where=others,
    )
    firsts = sa.text("same_as_id IS NULL AND rejected IS NULL")  # claims that stand
    op.create_index(
        "ix_claims_actor_firsts",
        "claims",
        ["actor_id"],
        unique=False,
        sqlite_where=firsts,
        postgresql_where=firsts,
    )


def downgrade() -> None:
    op.drop_index("ix_claims_actor_firsts", table_name="claims")
    op.drop_index("ix_claims_same_as_id", table_name="claims")
    op.create_index("ix_claims_same_as_id", "claims", ["same_as_id"], unique=False)
    for name in INDEXES:
        op.drop_index(name, table_name="claims")
    op.create_index("ix_claims_actor_id", "claims", ["actor_id"], unique=False)
    op.create_index("ix_claims_status", "claims", ["status"], unique=False)
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("sort_rank")
        batch_op.drop_column("sort_day")

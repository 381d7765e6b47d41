"""actors.claim_count and topics.claim_count: stored claim counts kept in step by triggers
(store/counts.py), so that `actors list` and `topics list` read them (issue 16)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 08:00:00

Only additions: the counts start from the rows (one grouped pass), then the triggers keep
them; an index on actors.claim_count serves the most-claims-first order of `actors list`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.counts import create_counting, drop_counting, recount

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in ("actors", "topics"):
        op.add_column(
            table, sa.Column("claim_count", sa.Integer(), server_default="0", nullable=False)
        )
    recount(op.execute)
    create_counting(op.execute, dialect)
    op.create_index("ix_actors_claim_count", "actors", ["claim_count"], unique=False)


def downgrade() -> None:
    drop_counting(op.execute, op.get_bind().dialect.name)
    op.drop_index("ix_actors_claim_count", table_name="actors")
    for table in ("topics", "actors"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("claim_count")

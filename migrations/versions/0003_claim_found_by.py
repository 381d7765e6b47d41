"""claims.found_by: "rules", or "detector" for a claim only the learned detector found

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.fts import search_rebuilt

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("found_by", sa.String(length=10), server_default="rules", nullable=False)
        )


def downgrade() -> None:
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("found_by")

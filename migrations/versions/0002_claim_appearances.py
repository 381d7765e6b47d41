"""claim appearances: claims.same_as_id points at the first appearance of the same claim

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 19:09:11
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.fts import search_rebuilt

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("same_as_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_claims_same_as_id"), ["same_as_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_claims_same_as_id_claims"),
            "claims",
            ["same_as_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_claims_same_as_id_claims"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_claims_same_as_id"))
        batch_op.drop_column("same_as_id")

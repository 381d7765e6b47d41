"""corrections (the audit log of human changes); claims.short_text and claims.rejected;
claim_reviews.url (the fact-check page)

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02 18:00:00

Only additions: a nullable column on claim_reviews, two on claims (plain ADD COLUMN, no table rebuild, so the
full-text search triggers and every stored claim stay as they are) and a new table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.fts import search_rebuilt

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("short_text", sa.Text(), nullable=True))
    op.add_column("claims", sa.Column("rejected", sa.String(length=20), nullable=True))
    op.add_column("claim_reviews", sa.Column("url", sa.Text(), nullable=True))
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.String(length=20), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=True),
        sa.Column("why", sa.Text(), nullable=True),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_corrections_claim_id_claims"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_corrections_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_corrections_actor_id_actors"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    for column in ("claim_id", "source_id", "actor_id"):
        op.create_index(op.f(f"ix_corrections_{column}"), "corrections", [column], unique=False)


def downgrade() -> None:
    op.drop_table("corrections")
    with op.batch_alter_table("claim_reviews", schema=None) as batch_op:
        batch_op.drop_column("url")
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("rejected")
        batch_op.drop_column("short_text")

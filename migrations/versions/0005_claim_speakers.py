"""claim_speakers: every speaker of a claim (several named people can say one thing);
claims.speaker_how: how the speaker was resolved, for ``show``

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 18:30:00

Only additions. Every claim stored before keeps its speaker: its actor becomes its one row
in claim_speakers (position 0); speaker_how stays NULL (not recorded then).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.fts import search_rebuilt

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_speakers",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_speakers_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_claim_speakers_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "actor_id", name=op.f("pk_claim_speakers")),
    )
    op.create_index(
        op.f("ix_claim_speakers_actor_id"), "claim_speakers", ["actor_id"], unique=False
    )
    # plain ADD COLUMN (no table rebuild): the claims and their search index stay untouched
    op.add_column("claims", sa.Column("speaker_how", sa.Text(), nullable=True))
    op.execute(
        "INSERT INTO claim_speakers (claim_id, actor_id, position) "
        "SELECT id, actor_id, 0 FROM claims WHERE actor_id IS NOT NULL"
    )


def downgrade() -> None:
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("speaker_how")
    op.drop_index(op.f("ix_claim_speakers_actor_id"), table_name="claim_speakers")
    op.drop_table("claim_speakers")

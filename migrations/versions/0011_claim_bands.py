"""claim_bands: the MinHash band keys of every claim's content, from which same-claim
linking takes its candidates (store/appearances.py) instead of scanning a speaker's claims

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 08:00:00

Only an addition: the table is made and filled with the keys of the claims stored before,
read and written in chunks of CHUNK claims; no claim changes, and the links stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.appearances import band_keys

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CHUNK = 5000
claims = sa.table("claims", sa.column("id"), sa.column("content"))
bands = sa.table("claim_bands", sa.column("key"), sa.column("claim_id"))


def upgrade() -> None:
    op.create_table(
        "claim_bands",
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "claim_id"),
    )
    op.create_index("ix_claim_bands_claim_id", "claim_bands", ["claim_id"], unique=False)
    conn = op.get_bind()
    last = 0
    while True:
        chunk = conn.execute(
            sa.select(claims.c.id, claims.c.content)
            .where(claims.c.id > last)
            .order_by(claims.c.id)
            .limit(CHUNK)
        ).all()
        if not chunk:
            break
        rows = [{"key": k, "claim_id": i} for i, text in chunk for k in set(band_keys(text))]
        conn.execute(bands.insert(), rows)
        last = chunk[-1][0]


def downgrade() -> None:
    op.drop_index("ix_claim_bands_claim_id", table_name="claim_bands")
    op.drop_table("claim_bands")

"""claims: date bounds and where the date came from; topics: a parent and an IPTC code

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-02 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.extract.dates import bounds_of
from claimtrack.store.fts import search_rebuilt

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CLAIM_INDEXES = ("said_earliest", "said_latest")


def upgrade() -> None:
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("said_earliest", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("said_latest", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("date_via", sa.String(length=12), server_default="none", nullable=False)
        )
        batch_op.add_column(sa.Column("date_phrase_start", sa.Integer(), nullable=True))
        for name in CLAIM_INDEXES:
            batch_op.create_index(f"ix_claims_{name}", [name], unique=False)
    with op.batch_alter_table("topics", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("code", sa.String(length=40), nullable=True))
        batch_op.create_index("ix_topics_parent_id", ["parent_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_topics_parent_id_topics", "topics", ["parent_id"], ["id"], ondelete="SET NULL"
        )
    _fill_bounds(op.get_bind())


def _fill_bounds(conn: sa.Connection, batch: int = 1000) -> None:
    """Bounds and via for the claims stored before: from on / precision / relation."""
    claims = sa.table(
        "claims",
        sa.column("id", sa.Integer),
        sa.column("said_on", sa.Date),
        sa.column("date_anchor", sa.Date),
        sa.column("date_precision", sa.String),
        sa.column("date_relation", sa.String),
        sa.column("date_text", sa.String),
        sa.column("said_earliest", sa.Date),
        sa.column("said_latest", sa.Date),
        sa.column("date_via", sa.String),
    )
    rows = conn.execute(
        sa.select(
            claims.c.id,
            claims.c.said_on,
            claims.c.date_anchor,
            claims.c.date_precision,
            claims.c.date_relation,
            claims.c.date_text,
        )
    ).all()
    update = (
        sa.update(claims)
        .where(claims.c.id == sa.bindparam("b_id"))
        .values(
            said_earliest=sa.bindparam("b_earliest"),
            said_latest=sa.bindparam("b_latest"),
            date_via=sa.bindparam("b_via"),
        )
    )
    params = []
    for id_, said_on, anchor, precision, relation, text in rows:
        earliest, latest = bounds_of(said_on or anchor, precision or "day", relation)
        via = "phrase" if text else ("publication" if relation == "by" else "none")
        params.append({"b_id": id_, "b_earliest": earliest, "b_latest": latest, "b_via": via})
    for i in range(0, len(params), batch):
        conn.execute(update, params[i : i + batch])


def downgrade() -> None:
    with op.batch_alter_table("topics", schema=None) as batch_op:
        batch_op.drop_constraint("fk_topics_parent_id_topics", type_="foreignkey")
        batch_op.drop_index("ix_topics_parent_id")
        batch_op.drop_column("code")
        batch_op.drop_column("parent_id")
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        for name in CLAIM_INDEXES:
            batch_op.drop_index(f"ix_claims_{name}")
        batch_op.drop_column("date_phrase_start")
        batch_op.drop_column("date_via")
        batch_op.drop_column("said_latest")
        batch_op.drop_column("said_earliest")

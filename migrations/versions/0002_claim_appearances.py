"""claim appearances: claims.same_as_id points at the first appearance of the same claim

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 19:09:11
"""

from __future__ import annotations

from itertools import groupby

import sqlalchemy as sa
from alembic import op

from claimtrack.store.appearances import THRESHOLD, similarity
from claimtrack.store.fts import search_rebuilt

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with search_rebuilt(op):
        with op.batch_alter_table("claims", schema=None) as batch_op:
            batch_op.add_column(sa.Column("same_as_id", sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f("ix_claims_same_as_id"), ["same_as_id"], unique=False)
            batch_op.create_foreign_key(
                batch_op.f("fk_claims_same_as_id_claims"),
                "claims",
                ["same_as_id"],
                ["id"],
                ondelete="SET NULL",
            )
        link_stored_claims()


def link_stored_claims() -> None:
    """Link the claims stored before this revision as ingest links new ones (see
    claimtrack.store.appearances, relink_actor): per actor, earliest published first, a claim
    points at the most similar first appearance in another source, if any is similar
    enough; otherwise it is a first appearance. Review statuses are left as they are.
    Plain SQL on this revision's columns."""
    claims = sa.table(
        "claims",
        sa.column("id"),
        sa.column("source_id"),
        sa.column("actor_id"),
        sa.column("content"),
        sa.column("same_as_id"),
    )
    sources = sa.table("sources", sa.column("id"), sa.column("published_on"))
    day = sources.c.published_on
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(claims.c.id, claims.c.source_id, claims.c.actor_id, claims.c.content)
        .join(sources, claims.c.source_id == sources.c.id)
        .where(claims.c.actor_id.is_not(None))
        .order_by(claims.c.actor_id, day.is_(None), day, claims.c.id)
    ).all()
    links = []
    for _actor, group in groupby(rows, key=lambda row: row.actor_id):
        firsts: list[sa.Row] = []
        for row in group:
            match, best = None, THRESHOLD
            for first in firsts:
                if first.source_id == row.source_id:
                    continue
                score = similarity(row.content, first.content)
                if score >= best and (match is None or score > best):
                    match, best = first, score
            if match is None:
                firsts.append(row)
            else:
                links.append({"claim": row.id, "first": match.id})
    if links:
        bind.execute(
            claims.update()
            .where(claims.c.id == sa.bindparam("claim"))
            .values(same_as_id=sa.bindparam("first")),
            links,
        )


def downgrade() -> None:
    with search_rebuilt(op), op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_claims_same_as_id_claims"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_claims_same_as_id"))
        batch_op.drop_column("same_as_id")

"""feeds (subscriptions polled with conditional requests); sources.fetched_url and
sources.language; sources looked up by path, URL and fetched URL

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 10:00:00

Only additions: new nullable columns, a new table, new indexes. Sources stored before keep
every value (their language and fetched URL stay NULL: not told).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXED = ("path", "url", "fetched_url")


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_result", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    # plain ADD COLUMN (no table rebuild): the claims that point at sources stay untouched
    op.add_column("sources", sa.Column("fetched_url", sa.Text(), nullable=True))
    op.add_column("sources", sa.Column("language", sa.String(length=20), nullable=True))
    for column in INDEXED:
        op.create_index(
            op.f(f"ix_sources_{column}"),
            "sources",
            [column],
            unique=False,
            postgresql_using="hash",
        )


def downgrade() -> None:
    for column in INDEXED:
        op.drop_index(op.f(f"ix_sources_{column}"), table_name="sources")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("language")
        batch_op.drop_column("fetched_url")
    op.drop_table("feeds")

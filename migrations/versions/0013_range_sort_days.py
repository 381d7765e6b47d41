"""claims.sort_day again for the claims whose date has both bounds: a database stored before a
range-dated claim sorted at its first day keeps the old day until re-ingested

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 16:00:00

Only a data change, and only to the stored date order: the claims whose date has both bounds
("last week", a month, a scene's date) get their sort day and rank from the same SQL the store
uses (store/timeline.py), as migration 0008 gave every claim. A claim already in that order is
written with the values it has. A downgrade keeps the new order: it is the right one for the
dates stored, and the code of the revision before computes the same on the next change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from claimtrack.store.timeline import sort_values

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = (
    *("source_id", "said_on", "date_anchor", "date_relation", "said_earliest", "said_latest"),
    *("sort_day", "sort_rank"),
)
claims = sa.table("claims", sa.column("id"), *(sa.column(c) for c in COLUMNS))
sources = sa.table("sources", sa.column("id"), sa.column("published_on"))


def upgrade() -> None:
    ranged = sa.and_(claims.c.said_earliest.is_not(None), claims.c.said_latest.is_not(None))
    op.execute(claims.update().where(ranged).values(**sort_values(claims, sources)))


def downgrade() -> None:
    pass

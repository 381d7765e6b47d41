"""claims.speaker_role: the speaker's role as the claim's article gives it, which the tagger
reads (a coach's words are about sport) at ingest and again at `topics update`

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 13:00:00

Only an addition. Claims stored before keep every value and take their speaker's stored role
(the actor's, what `topics update` read before this revision), so re-tagging an old database
gives what it gave; a claim extracted again (`claimtrack reextract`) records its article's own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no table rebuild): the claims and their search index stay untouched
    op.add_column("claims", sa.Column("speaker_role", sa.Text(), nullable=True))
    # the role re-tagging read before: the speaker's stored one (no trigger watches this column)
    op.execute(
        "UPDATE claims SET speaker_role = "
        "(SELECT actors.role FROM actors WHERE actors.id = claims.actor_id) "
        "WHERE claims.actor_id IS NOT NULL"
    )


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35 and later): a table rebuild would lose the triggers
    # that keep the counts, the topic order and the search index in step
    op.drop_column("claims", "speaker_role")

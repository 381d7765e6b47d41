"""actor_aliases.claim_id: the claim whose speaker first gave an actor that name

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 08:00:00

Only an addition: aliases stored before keep their values and remember no claim (NULL), as
do aliases given by hand; deleting the claim leaves its alias, forgetting where it came from.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actor_aliases") as batch:
        batch.add_column(sa.Column("claim_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_actor_aliases_claim_id_claims", "claims", ["claim_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_actor_aliases_claim_id", ["claim_id"])


def downgrade() -> None:
    with op.batch_alter_table("actor_aliases") as batch:
        batch.drop_index("ix_actor_aliases_claim_id")
        batch.drop_constraint("fk_actor_aliases_claim_id_claims", type_="foreignkey")
        batch.drop_column("claim_id")

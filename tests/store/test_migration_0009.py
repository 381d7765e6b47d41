"""Migration 0009 (every alias remembers the claim that gave it) upgrades a database made at
0008 without losing anything, and downgrades back; on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, text

from claimtrack.store import engine as dbmod
from tests.store.test_web_migration import fill_at_0003, snapshot


def aliases(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT id, actor_id, alias, alias_key FROM actor_aliases ORDER BY id")
        ).all()


def test_0009_upgrades_a_database_made_at_0008_without_loss_and_back(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0008")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO actor_aliases (id, actor_id, alias, alias_key)"
                " VALUES (1, 1, 'Mayor Moreau', 'mayor moreau'), (2, 1, 'Moreau', 'moreau')"
            )
        )
    before, names = snapshot(engine), aliases(engine)

    dbmod.upgrade(url, "0009")
    assert snapshot(engine) == before and aliases(engine) == names
    with engine.begin() as conn:
        assert conn.execute(text("SELECT claim_id FROM actor_aliases")).scalars().all() == [
            None,
            None,
        ]
        conn.execute(text("UPDATE actor_aliases SET claim_id = 1 WHERE id = 1"))
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("PRAGMA foreign_keys = ON"))
        conn.execute(text("DELETE FROM claims WHERE id = 1"))  # the alias stays, unlinked
    with engine.connect() as conn:
        got = conn.execute(text("SELECT id, claim_id FROM actor_aliases ORDER BY id")).all()
    assert got == [(1, None), (2, None)]
    assert "ix_actor_aliases_claim_id" in {
        ix["name"] for ix in inspect(engine).get_indexes("actor_aliases")
    }

    dbmod.downgrade(url, "0008")
    assert aliases(engine) == names
    assert "claim_id" not in {c["name"] for c in inspect(engine).get_columns("actor_aliases")}

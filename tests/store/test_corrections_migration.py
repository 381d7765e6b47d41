"""Migration 0006 (corrections, claims.short_text, claims.rejected) upgrades a database made
by the previous head without losing anything, and downgrades back, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, text

from claimtrack.store import engine as dbmod
from tests.store.test_web_migration import fill_at_0003, snapshot


def test_0006_upgrades_a_filled_0004_database_without_loss_and_back(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0003")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)
    dbmod.upgrade(url, "0004")
    before = snapshot(engine)

    dbmod.upgrade(url, "0006")
    assert dbmod.current_revision(engine) == "0006"
    assert snapshot(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT short_text, rejected FROM claims")).all() == [(None, None)]
        assert conn.execute(text("SELECT count(*) FROM corrections")).scalar() == 0
        # the search index still finds the claim stored before
        if engine.dialect.name == "sqlite":
            hits = conn.execute(
                text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'ferry'")
            ).all()
            assert hits == [(1,)]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO corrections (claim_id, what, before, after, made_at)"
                " VALUES (1, 'reject', '{}', '{\"rejected\": \"duplicate\"}', :now)"
            ),
            {"now": "2025-09-02 12:00:00+00:00"},
        )
        conn.execute(text("UPDATE claims SET rejected = 'duplicate' WHERE id = 1"))
    dbmod.downgrade(url, "0004")
    assert snapshot(engine) == before
    assert "corrections" not in inspect(engine).get_table_names()
    columns = {c["name"] for c in inspect(engine).get_columns("claims")}
    assert "rejected" not in columns and "short_text" not in columns

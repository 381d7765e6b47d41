"""Migration 0014 (each claim keeps its speaker's role as its article gave it) upgrades a
database made at 0013 without losing anything (a claim stored before takes its speaker's
stored role), and downgrades back; on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, text

from claimtrack.store import engine as dbmod
from tests.store.test_web_migration import fill_at_0003, snapshot


def columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("claims")}


def test_0014_upgrades_a_database_made_at_0013_without_loss_and_back(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0013")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE actors SET role = 'ferry captain'"))
    before = snapshot(engine)
    assert "speaker_role" not in columns(engine)

    dbmod.upgrade(url, "0014")
    assert snapshot(engine) == before
    with engine.begin() as conn:
        # a claim stored before takes its speaker's stored role, what re-tagging read before
        roles = conn.execute(text("SELECT speaker_role FROM claims")).scalars().all()
        assert roles == ["ferry captain"]
        conn.execute(text("UPDATE claims SET speaker_role = 'harbour master'"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT speaker_role FROM claims")).scalar() == "harbour master"

    dbmod.downgrade(url, "0013")
    assert snapshot(engine) == before
    assert "speaker_role" not in columns(engine)
    engine.dispose()

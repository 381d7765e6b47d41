"""Migration 0004 (feeds, sources.fetched_url and sources.language) upgrades a database that
holds data without losing any of it, and downgrades back, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, text

from claimtrack.store import engine as dbmod

NOW = "2025-09-01 12:00:00+00:00"


def fill_at_0003(engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO actors (id, name, name_key, kind, created_at)"
                " VALUES (1, 'Ines Moreau', 'ines moreau', 'person', :now)"
            ),
            {"now": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO sources (id, content_hash, path, title, url, text, word_count,"
                " ingested_at) VALUES (1, 'h1', 'a.html', 'Ferries', 'https://x.example/a',"
                " 'The mayor said the ferry would run.', 7, :now)"
            ),
            {"now": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO claims (id, source_id, actor_id, cue, cue_start, cue_end, content,"
                " content_start, content_end, attribution, hedged, date_precision,"
                " date_relation, sentence, sentence_start, sentence_end, confidence, status,"
                " found_by, created_at) VALUES (1, 1, 1, 'said', 10, 14, 'the ferry would run',"
                " 15, 34, 'indirect', false, 'none', 'unknown', 'The mayor said the ferry would"
                " run.', 0, 35, 0.9, 'verified', 'rules', :now)"
            ),
            {"now": NOW},
        )


def snapshot(engine) -> tuple:
    with engine.connect() as conn:
        return (
            conn.execute(text("SELECT id, path, title, url, text FROM sources")).all(),
            conn.execute(text("SELECT id, source_id, actor_id, content, status FROM claims")).all(),
            conn.execute(text("SELECT id, name FROM actors")).all(),
        )


def test_0004_upgrades_a_filled_database_without_loss_and_back(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0003")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)
    before = snapshot(engine)

    dbmod.upgrade(url, "0004")
    assert dbmod.current_revision(engine) == "0004"
    assert snapshot(engine) == before
    with engine.connect() as conn:
        new = conn.execute(text("SELECT fetched_url, language FROM sources")).all()
        assert new == [(None, None)]  # not told for what was stored before
        assert conn.execute(text("SELECT count(*) FROM feeds")).scalar() == 0
    inspector = inspect(engine)
    assert {"feeds"} <= set(inspector.get_table_names())
    indexes = {ix["name"] for ix in inspector.get_indexes("sources")}
    assert {"ix_sources_path", "ix_sources_url", "ix_sources_fetched_url"} <= indexes

    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO feeds (url, added_at) VALUES ('https://x.example/f.xml', :now)"),
            {"now": NOW},
        )
    dbmod.downgrade(url, "0003")
    assert snapshot(engine) == before
    assert "feeds" not in inspect(engine).get_table_names()
    columns = {c["name"] for c in inspect(engine).get_columns("sources")}
    assert "fetched_url" not in columns and "language" not in columns


def test_a_stored_source_keeps_its_claims_and_fts_after_the_upgrade(tmp_path):
    """On SQLite the claims' search index still answers after the upgrade (sources was
    altered in place, claims not rebuilt)."""
    path = str(tmp_path / "c.db")
    url = dbmod.resolve_url(path)
    dbmod.upgrade(url, "0003")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')"))
    dbmod.upgrade(url)
    with engine.connect() as conn:
        hits = conn.execute(
            text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'ferry'")
        ).all()
    assert hits == [(1,)]

"""Schema: migrations build what the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from claimtrack.errors import UserError
from claimtrack.store import engine as dbmod
from claimtrack.store.fts import PG_VECTOR, PG_VECTOR_INDEX
from claimtrack.store.models import Base
from tests.conftest import ROOT


def _include(obj, name, type_, reflected, compare_to) -> bool:
    if type_ == "table" and name and name.startswith("claims_fts"):
        return False
    if type_ == "index" and name in ("ix_claims_search", PG_VECTOR_INDEX):
        return False
    return not (type_ == "column" and name == PG_VECTOR)  # PostgreSQL's stored tsvector


def test_upgrade_empty_database_to_head_matches_models(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url)
    engine = dbmod.make_engine(url)
    assert dbmod.current_revision(engine) == dbmod.head_revision(url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_object": _include, "compare_type": True}
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    tables = set(inspect(engine).get_table_names())
    assert {"sources", "actors", "actor_aliases", "claims", "topics", "claim_topics"} <= tables


def test_downgrade_to_base_and_back(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url)
    dbmod.downgrade(url, "base")
    engine = dbmod.make_engine(url)
    assert "claims" not in inspect(engine).get_table_names()
    dbmod.upgrade(url)
    assert dbmod.current_revision(engine) == dbmod.head_revision(url)


def test_new_database_is_created_on_first_use(tmp_path):
    path = tmp_path / "fresh.db"
    engine = dbmod.open_engine(str(path))
    assert path.exists()
    assert dbmod.current_revision(engine) == dbmod.head_revision(dbmod.resolve_url(str(path)))


def test_database_behind_the_code_names_the_upgrade_command(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0001")
    with pytest.raises(UserError, match="claimtrack db upgrade"):
        dbmod.open_engine(db_url)


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table notes (id integer primary key)")
    with pytest.raises(UserError, match="no claimtrack schema"):
        dbmod.open_engine(str(path))


def test_sqlite_fts_is_kept_in_step_by_triggers(tmp_path):
    path = tmp_path / "fts.db"
    dbmod.open_engine(str(path))
    with sqlite3.connect(path) as conn:
        conn.execute(
            "insert into sources (content_hash, text, word_count, ingested_at) "
            "values ('h', 'x', 1, '2025-01-01')"
        )
        conn.execute(
            "insert into claims (source_id, cue, cue_start, cue_end, content, content_start,"
            " content_end, attribution, hedged, date_precision, date_relation, sentence,"
            " sentence_start, sentence_end, confidence, status, created_at) values"
            " (1, 'said', 0, 4, 'tariffs will rise', 5, 22, 'indirect', 0, 'none', 'unknown',"
            " 's', 0, 22, 0.5, 'unreviewed', '2025-01-01')"
        )
        hit = "select rowid from claims_fts where claims_fts match 'tariffs'"
        assert conn.execute(hit).fetchall() == [(1,)]
        conn.execute("update claims set content = 'prices will fall' where id = 1")
        assert conn.execute(hit).fetchall() == []
        conn.execute("delete from claims where id = 1")
        assert conn.execute(
            "select count(*) from claims_fts where claims_fts match 'prices'"
        ).fetchone() == (0,)


@pytest.mark.parametrize(
    "bad",
    ["foo://bar", "postgresql+nodriver://x@y/z", "not a url://"],
)
def test_bad_database_url_is_one_clear_error(bad):
    with pytest.raises(UserError, match="not a database URL"):
        dbmod.resolve_url(bad)


def test_unreachable_server_is_one_clear_error():
    with pytest.raises(UserError, match="cannot open database"):
        dbmod.open_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_plain_path_means_sqlite(tmp_path):
    assert dbmod.resolve_url(str(tmp_path / "a.db")).startswith("sqlite:///")
    with pytest.raises(UserError, match="does not exist"):
        dbmod.resolve_url(str(tmp_path / "missing" / "a.db"))


def test_no_db_given_means_claimtrack_db_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(dbmod.ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert dbmod.resolve_url(None) == f"sqlite:///{(tmp_path / 'claimtrack.db').resolve()}"
    monkeypatch.setenv(dbmod.ENV_VAR, str(tmp_path / "team.db"))
    assert dbmod.resolve_url(None).endswith("/team.db")


def test_sqlite_file_is_datasette_friendly(tmp_path):
    """Datasette finds the FTS table of `claims` with this query (its detect_fts)."""
    path = tmp_path / "ds.db"
    dbmod.open_engine(str(path))
    with sqlite3.connect(path) as conn:
        found = conn.execute(
            "select name from sqlite_master where rootpage = 0 and ("
            " sql like '%VIRTUAL TABLE%USING FTS%content=\"claims\"%'"
            " or sql like '%VIRTUAL TABLE%USING FTS%content=[claims]%')"
        ).fetchall()
        fks = conn.execute("pragma foreign_key_list(claims)").fetchall()
    assert found == [("claims_fts",)]
    assert {fk[2] for fk in fks} >= {"sources", "actors"}


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path, cli):
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    for command in (["who-said"], ["db", "current"]):
        result = cli(*command, "--db", str(path), ok=False)
        assert result.exit_code == 1
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "cannot open database" in lines[0] and "notes.txt" in lines[0]


@pytest.mark.parametrize(
    "url",
    [
        "mysql://x@127.0.0.1/z",
        "mysql+pymysql://x@127.0.0.1/z",
        "oracle://x@127.0.0.1/z",
        "postgresql+asyncpg://x@127.0.0.1/z",
        "postgresql+psycopg2://x@127.0.0.1/z",
        "sqlite+pysqlcipher:///x.db",
    ],
)
def test_a_database_claimtrack_cannot_use_names_the_ones_it_can(cli, url):
    """Another database (MySQL, Oracle) or a driver that is not installed: one line naming
    what works, for every command, not a ModuleNotFoundError."""
    for command in (["who-said"], ["db", "current"], ["db", "upgrade"]):
        result = cli(*command, "--db", url, ok=False)
        assert result.exit_code == 1
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert url in lines[0] and "SQLite file path" in lines[0] and "postgresql://" in lines[0]


def test_bare_alembic_from_the_project_folder_upgrades_and_checks(db_url):
    """`alembic upgrade head` and `alembic check` work from the project folder (alembic.ini),
    on the database named by `-x db=` or CLAIMTRACK_DB, as claimtrack's --db would be."""

    def alembic(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k != dbmod.ENV_VAR}
        if env_db:
            env[dbmod.ENV_VAR] = env_db
        return subprocess.run(
            [sys.executable, "-m", "alembic", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = alembic("-x", f"db={db_url}", "upgrade", "head")
    assert done.returncode == 0, done.stderr
    url = dbmod.resolve_url(db_url)
    assert dbmod.current_revision(dbmod.make_engine(url)) == dbmod.head_revision(url)
    for checked in (alembic("-x", f"db={db_url}", "check"), alembic("check", env_db=db_url)):
        assert checked.returncode == 0, checked.stderr
        assert "No new upgrade operations detected" in checked.stdout + checked.stderr


def test_upgrade_from_0001_links_the_appearances_stored_before(db_url):
    """Claims stored at schema 0001 get the appearance links 0002 introduced: the same
    claim in two sources points at its earliest-published appearance."""
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0001")
    engine = dbmod.make_engine(url)
    now = "2025-09-01 12:00:00+00:00"
    claim_sql = text(
        "INSERT INTO claims (id, source_id, actor_id, cue, cue_start, cue_end, content,"
        " content_start, content_end, attribution, hedged, date_precision, date_relation,"
        " sentence, sentence_start, sentence_end, confidence, status, created_at) VALUES"
        " (:id, :source_id, 1, 'said', :id, 4, :content, 5, 60, 'indirect', :hedged, 'none',"
        " 'unknown', :content, 0, 60, 0.9, 'unreviewed', :now)"
    )
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO actors (id, name, name_key, kind, created_at)"
                " VALUES (1, 'Ines Moreau', 'ines moreau', 'person', :now)"
            ),
            {"now": now},
        )
        for source_id, day in ((1, "2025-08-20"), (2, "2025-08-18")):
            conn.execute(
                text(
                    "INSERT INTO sources (id, content_hash, text, word_count, published_on,"
                    " ingested_at) VALUES (:id, :hash, 'x', 1, :day, :now)"
                ),
                {
                    "id": source_id,
                    "hash": f"h{source_id}",
                    "day": dt.date.fromisoformat(day),
                    "now": now,
                },
            )
        claims = [  # stored in this order; source 2 was published first
            (1, 1, "the ferry service to the islands would resume before the winter"),
            (2, 1, "the harbour fees would stay the same for another year"),
            (3, 2, "the ferry service to the islands will resume before winter"),
        ]
        for claim_id, source_id, content in claims:
            conn.execute(
                claim_sql,
                {
                    "id": claim_id,
                    "source_id": source_id,
                    "content": content,
                    "hedged": False,
                    "now": now,
                },
            )
    dbmod.upgrade(url)
    with engine.connect() as conn:
        links = dict(conn.execute(text("SELECT id, same_as_id FROM claims")).all())
    assert links == {1: 3, 2: None, 3: None}


def test_upgrade_from_0004_keeps_every_claims_speaker(db_url):
    """Claims stored at schema 0004 keep their speaker: 0005 gives each its one row in
    claim_speakers, and the speaker filter and export still find it."""
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0004")
    engine = dbmod.make_engine(url)
    now = "2025-09-01 12:00:00+00:00"
    with engine.begin() as conn:
        for actor_id, name in ((1, "Ines Moreau"), (2, "Tomas Berg")):
            conn.execute(
                text(
                    "INSERT INTO actors (id, name, name_key, kind, created_at)"
                    " VALUES (:id, :name, :key, 'person', :now)"
                ),
                {"id": actor_id, "name": name, "key": name.lower(), "now": now},
            )
        conn.execute(
            text(
                "INSERT INTO sources (id, content_hash, text, word_count, ingested_at)"
                " VALUES (1, 'h1', 'x', 1, :now)"
            ),
            {"now": now},
        )
        for claim_id, actor_id in ((1, 1), (2, 2), (3, None)):
            conn.execute(
                text(
                    "INSERT INTO claims (id, source_id, actor_id, cue, cue_start, cue_end,"
                    " content, content_start, content_end, attribution, hedged,"
                    " date_precision, date_relation, sentence, sentence_start, sentence_end,"
                    " confidence, status, created_at, found_by) VALUES (:id, 1, :actor, 'said',"
                    " :id, 4, 'the ferry runs', :id, 60, 'indirect', false, 'none', 'unknown',"
                    " 'x', 0, 60, 0.9, 'unreviewed', :now, 'rules')"
                ),
                {"id": claim_id, "actor": actor_id, "now": now},
            )
    dbmod.upgrade(url)
    with engine.connect() as conn:
        links = conn.execute(
            text("SELECT claim_id, actor_id, position FROM claim_speakers ORDER BY claim_id")
        ).all()
        kept = dict(conn.execute(text("SELECT id, actor_id FROM claims")).all())
    assert [tuple(r) for r in links] == [(1, 1, 0), (2, 2, 0)]
    assert kept == {1: 1, 2: 2, 3: None}


def test_the_revisions_read_without_alembic_are_alembics(db_url):
    """current_revision and head_revision read the version table and the migration files
    themselves (start-up without alembic): the same answers as Alembic's, at every step."""
    from alembic.script import ScriptDirectory

    url = dbmod.resolve_url(db_url)
    engine = dbmod.make_engine(url)
    script = ScriptDirectory.from_config(dbmod.alembic_config(url))
    assert dbmod.head_revision(url) == script.get_current_head()
    assert dbmod.current_revision(engine) is None
    for step in ("0001", "0004", "head"):
        dbmod.upgrade(url, step)
        with engine.connect() as conn:
            theirs = MigrationContext.configure(conn).get_current_revision()
        assert dbmod.current_revision(engine) == theirs
        assert theirs == (script.get_current_head() if step == "head" else step)


def test_the_models_give_postgresql_its_index_options_when_an_engine_is_made():
    """store/models.py names no PostgreSQL option at import (it would load that dialect on
    SQLite too): a PostgreSQL engine sets them, and the models' DDL is the migrations'."""
    from sqlalchemy.schema import CreateIndex

    engine = dbmod.make_engine("postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    indexes = {ix.name: ix for t in Base.metadata.tables.values() for ix in t.indexes}
    ddl = {name: str(CreateIndex(indexes[name]).compile(engine)) for name in indexes}
    assert "USING hash" in ddl["ix_sources_url"] and "USING hash" in ddl["ix_sources_path"]
    assert ddl["ix_claims_same_as_id"].endswith("WHERE same_as_id IS NOT NULL")
    assert ddl["ix_claims_actor_firsts"].endswith("WHERE same_as_id IS NULL AND rejected IS NULL")
    sqlite = dbmod.make_engine("sqlite://")
    assert str(CreateIndex(indexes["ix_claims_same_as_id"]).compile(sqlite)).endswith(
        "WHERE same_as_id IS NOT NULL"
    )
    assert "hash" not in str(CreateIndex(indexes["ix_sources_url"]).compile(sqlite))

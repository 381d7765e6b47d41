"""The stored claim counts (store/counts.py): actors.claim_count and topics.claim_count stay
equal to a count made from the rows after every kind of write, on SQLite and PostgreSQL,
and migration 0010 sets them on a database made at 0008 without losing a row."""

from __future__ import annotations

from sqlalchemy import text

from claimtrack.store import engine as dbmod
from tests.handmade import ARTICLES, store_articles

ACTORS = """SELECT a.id, a.claim_count, (SELECT count(*) FROM claims c WHERE c.actor_id = a.id
  AND c.same_as_id IS NULL AND c.rejected IS NULL) FROM actors a ORDER BY a.id"""
TOPICS = """SELECT t.id, t.claim_count, (SELECT count(*) FROM claim_topics ct JOIN claims c
  ON c.id = ct.claim_id WHERE ct.topic_id = t.id AND c.same_as_id IS NULL
  AND c.rejected IS NULL) FROM topics t ORDER BY t.id"""


def counts(engine) -> tuple[list, list]:
    """(stored, counted) for every actor and topic."""
    with engine.connect() as conn:
        rows = [*conn.execute(text(ACTORS)), *conn.execute(text(TOPICS))]
    return [r[1] for r in rows], [r[2] for r in rows]


def in_step(engine) -> int:
    stored, counted = counts(engine)
    assert stored == counted
    return sum(counted)


def sql(engine, statement: str, **params) -> None:
    with engine.begin() as conn:
        conn.execute(text(statement), params)


def test_counts_follow_every_write(db_url, cli):
    store_articles(db_url)
    engine = dbmod.open_engine(db_url)
    total = in_step(engine)
    assert total > 0
    with engine.connect() as conn:
        first, second = conn.execute(
            text("SELECT id FROM claims WHERE actor_id IS NOT NULL ORDER BY id LIMIT 2")
        ).scalars()
        trump = conn.execute(text("SELECT id FROM actors WHERE name = 'Donald Trump'")).scalar()
        other = conn.execute(text("SELECT id FROM actors WHERE name = 'Yuri Ushakov'")).scalar()
    cli("claims", "reject", str(first), "--reason", "not-a-claim", db=db_url)
    assert in_step(engine) < total
    cli("claims", "undo", str(first), db=db_url, ok=False)  # whatever undo takes, still in step
    in_step(engine)
    sql(engine, "UPDATE claims SET rejected = NULL WHERE id = :i", i=first)
    assert in_step(engine) == total
    sql(engine, "UPDATE claims SET same_as_id = :a WHERE id = :b", a=first, b=second)
    in_step(engine)
    sql(engine, "DELETE FROM claims WHERE id = :a", a=first)  # its repeat stands again
    in_step(engine)
    cli("actors", "merge", f"#{trump}", f"#{other}", db=db_url)
    in_step(engine)
    cli("topics", "remove", "ceasefire", db=db_url, ok=False)
    in_step(engine)
    sql(engine, "DELETE FROM claim_topics WHERE claim_id = :b", b=second)
    in_step(engine)
    sql(engine, "DELETE FROM sources WHERE id = (SELECT min(id) FROM sources)")  # cascades
    in_step(engine)
    store_articles(db_url, ARTICLES[:1])  # the removed one stored again: its claims back
    assert in_step(engine) > 0


def test_actors_and_topics_list_show_the_counts(db_url, cli):
    store_articles(db_url)
    engine = dbmod.open_engine(db_url)
    with engine.connect() as conn:
        best = conn.execute(
            text(ACTORS.replace("ORDER BY a.id", "ORDER BY 3 DESC, a.name"))
        ).first()
    listed = cli("actors", "list", "--format", "csv", db=db_url).stdout.splitlines()
    assert listed[1].split(",")[0] == str(best[0]) and f",{best[2]}," in listed[1]
    topics = cli("topics", "list", "--format", "json", db=db_url).stdout
    assert '"claims": 0' in topics and '"slug": "ceasefire"' in topics


def test_upgrade_from_0008_counts_the_claims_there(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0008")
    store_articles_at(db_url, url)
    engine = dbmod.make_engine(url)
    with engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM claims")).scalar()
        links = conn.execute(text("SELECT count(*) FROM claim_topics")).scalar()
    dbmod.upgrade(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claims")).scalar() == before
        assert conn.execute(text("SELECT count(*) FROM claim_topics")).scalar() == links
    assert in_step(engine) == 2 + 2  # Ann's two and the topic's two
    dbmod.downgrade(url, "0008")
    dbmod.upgrade(url)
    assert in_step(engine) == 4


CLAIM = (
    "INSERT INTO claims (id, source_id, actor_id, same_as_id, rejected, speaker_mention,"
    " speaker_start, speaker_end, cue, cue_start, cue_end, content, content_start, content_end,"
    " attribution, hedged, date_precision, date_relation, sentence, sentence_start, sentence_end,"
    " confidence, status, created_at) VALUES (:id, 1, 1, :same, :rejected, 'Ann', 0, 3, 'said',"
    " 4, 8, 'it', :id, 11, 'direct', false, 'none', 'unknown', 'Ann said it', 0, 11, 0.5,"
    " 'unreviewed', CURRENT_TIMESTAMP)"
)


def store_articles_at(db_url: str, url: str) -> None:
    """A source, a speaker, a topic and four claims written at schema 0008 (plain SQL: the
    models are the newer schema's): two first appearances, a repeat, a rejected one."""
    engine = dbmod.make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sources (id, path, title, text, content_hash, word_count, ingested_at)"
                " VALUES (1, 'a.txt', 'A', 'Ann said it', 'h1', 3, CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO actors (id, name, name_key, kind, created_at)"
                " VALUES (1, 'Ann Example', 'ann example', 'person', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text("INSERT INTO topics (id, slug, label, keywords) VALUES (1, 't', 'T', '[]')")
        )
        for i, same, rejected in (
            (1, None, None),
            (2, None, None),
            (3, 1, None),
            (4, None, "duplicate"),
        ):
            conn.execute(text(CLAIM), {"id": i, "same": same, "rejected": rejected})
            conn.execute(
                text(
                    "INSERT INTO claim_topics (claim_id, topic_id, via) VALUES (:i, 1, 'keyword')"
                ),
                {"i": i},
            )

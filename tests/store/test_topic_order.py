"""claim_topics' copies of the listing sort key (store/topic_order.py) stay equal to their
claims' after every kind of write, on SQLite and PostgreSQL; migration 0012 fills them (and
PostgreSQL's stored search vector) on a database made at 0011 without losing a row."""

from __future__ import annotations

from sqlalchemy import text

from claimtrack.store import engine as dbmod
from claimtrack.store.fts import PG_SEARCH_EXPR
from tests.handmade import ARTICLES, store_articles

KEY = "sort_day, sort_rank, source_id, content_start"
STALE = f"""SELECT ct.claim_id, ct.topic_id FROM claim_topics ct JOIN claims c ON c.id = ct.claim_id
  WHERE ({", ".join(f"ct.{k}" for k in KEY.split(", "))})
     <> ({", ".join(f"c.{k}" for k in KEY.split(", "))})"""
ARTICLE = (
    "Harbour ceasefire\n\n"
    "The harbour master said on Monday that the ceasefire on the quay would hold until May. "
    "Councillor Rhea Vance said the ceasefire talks had cost the town too much.\n"
)


def in_step(engine) -> int:
    """The number of topic links, after checking each carries its claim's sort key."""
    with engine.connect() as conn:
        assert conn.execute(text(STALE)).all() == []
        return conn.execute(text("SELECT count(*) FROM claim_topics")).scalar()


def sql(engine, statement: str, **params) -> None:
    with engine.begin() as conn:
        conn.execute(text(statement), params)


def first_tagged(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT c.id, c.source_id FROM claims c JOIN claim_topics ct ON ct.claim_id = c.id"
                " ORDER BY c.id LIMIT 1"
            )
        ).one()


def test_sort_keys_follow_every_write(db_url, cli, tmp_path):
    store_articles(db_url)  # the store: claims, their links, then their sort days
    engine = dbmod.open_engine(db_url)
    assert in_step(engine) > 0
    with engine.connect() as conn:
        undated = conn.execute(
            text("SELECT count(*) FROM claim_topics WHERE sort_day >= '9999-01-01'")
        )
        assert undated.scalar() < in_step(engine)  # real days copied, not the defaults
    claim, source = first_tagged(engine)
    cli("claims", "set", str(claim), "--said", "2024-02-03", db=db_url)  # a date edit
    in_step(engine)
    cli("claims", "undo", str(claim), db=db_url)
    in_step(engine)
    cli("sources", "set", f"#{source}", "--published", "2023-05-06", db=db_url)  # re-dates
    in_step(engine)
    cli("actors", "merge", "Donald Trump", "Yuri Ushakov", db=db_url)
    in_step(engine)
    cli("topics", "remove", "ceasefire", db=db_url, ok=False)
    in_step(engine)
    sql(
        engine,
        "UPDATE claims SET sort_day = '2001-02-03', content_start = 7 WHERE id = :i",
        i=claim,
    )
    in_step(engine)
    with engine.connect() as conn:
        other = conn.execute(
            text("SELECT max(id) FROM claims WHERE id <> :i"), {"i": claim}
        ).scalar()
    sql(
        engine,
        "UPDATE claim_topics SET claim_id = :o WHERE claim_id = :i AND topic_id NOT IN"
        " (SELECT topic_id FROM claim_topics WHERE claim_id = :o)",
        o=other,
        i=claim,
    )
    in_step(engine)
    sql(engine, "DELETE FROM sources WHERE id = (SELECT min(id) FROM sources)")  # cascades
    in_step(engine)
    store_articles(db_url, ARTICLES[:1])  # stored again
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(article), "--published", "2025-03-05", db=db_url)  # the extractor's path
    cli("reextract", db=db_url)  # re-extraction replaces claims and links
    assert in_step(engine) > 0


def test_upgrade_from_0011_fills_the_copies(db_url):
    url = dbmod.resolve_url(db_url)
    store_articles(db_url)
    engine = dbmod.make_engine(url)
    with engine.connect() as conn:
        links = conn.execute(
            text("SELECT claim_id, topic_id, via FROM claim_topics ORDER BY 1, 2")
        ).all()
    dbmod.downgrade(url, "0011")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claims")).scalar() > 0
    dbmod.upgrade(url)
    with engine.connect() as conn:
        after = conn.execute(
            text("SELECT claim_id, topic_id, via FROM claim_topics ORDER BY 1, 2")
        ).all()
        if engine.dialect.name == "postgresql":  # the generated column: every claim's words
            differ = (
                f"SELECT count(*) FROM claims WHERE search_vector IS DISTINCT FROM {PG_SEARCH_EXPR}"
            )
            assert conn.execute(text(differ)).scalar() == 0
            found = "SELECT count(*) FROM claims WHERE search_vector @@ to_tsquery('english', 'ceasefire')"
            assert conn.execute(text(found)).scalar() > 0
    assert links and after == links
    assert in_step(engine) == len(links)

"""Listings are served by indexes (issue 16): EXPLAIN of each filter's query, on SQLite and
PostgreSQL, and the stored sort day gives the order the computed one gave."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select, text

from claimtrack.query import claims as claimsmod
from claimtrack.query.claims import ClaimFilter, claims_query, iter_rows
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim
from claimtrack.store.timeline import UNDATED
from tests.handmade import store_articles

PAGE = {"limit": 2}  # far fewer than the claims stored, as a first page is
DAY = dt.date(2025, 8, 1)
CURSOR = "2025-08-13.1.1.0.1"  # a place in the timeline order (query/claims.py cursor_of)


def plan(session, flt: ClaimFilter, ordered: bool = False) -> str:
    """The plan of FLT's first page (the first window of the SQL, as _parts asks it)."""
    stmt = claims_query(session, flt)
    if flt.limit is not None:
        stmt = stmt.limit(flt.limit)
    return explain(session, stmt, ordered)


@pytest.fixture
def stored(db_url) -> str:
    store_articles(db_url)
    if db_url.startswith("postgresql"):
        # statistics, as autovacuum gathers them on a real database: without them the planner's
        # choice between two indexes on a table this small turns on how the rows were written
        engine = dbmod.open_engine(db_url)
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    return db_url


# (filter, the index that must serve it, whether that index also gives the order)
SHAPES = [
    (ClaimFilter(**PAGE), "ix_claims_timeline", True),
    (ClaimFilter(actor="Trump", **PAGE), "ix_claims_actor_timeline", True),
    (ClaimFilter(status="unreviewed", **PAGE), "ix_claims_status_timeline", True),
    # one topic: its links in listing order (their copies of the sort key), nothing sorted
    (ClaimFilter(topic="ceasefire", **PAGE), "ix_claim_topics_timeline", True),
    (ClaimFilter(topic="ceasefire", newest_first=True, **PAGE), "ix_claim_topics_timeline", True),
    (ClaimFilter(topic="ceasefire", actor="Trump", **PAGE), "ix_claim", False),
    # a rare status (none verified here) drives the page from its own index
    (ClaimFilter(topic="ceasefire", status="verified", **PAGE), "ix_claims_status_timeline", True),
    (ClaimFilter(source="#1"), "ix_claims_source_id", False),
    # by the best day known: the bounds of the date said, else the publication day
    (ClaimFilter(since=DAY, until=DAY + dt.timedelta(days=30)), "ix_claims_said_", False),
    (
        ClaimFilter(since=DAY, until=DAY + dt.timedelta(days=30), said_only=True),
        "ix_claims_said_",
        False,
    ),
    # a first page of a date range: the few claims in it gathered from the same indexes
    (ClaimFilter(since=DAY, until=DAY + dt.timedelta(days=30), **PAGE), "ix_claims_said_", False),
    (ClaimFilter(since=DAY, **PAGE), "ix_claims_said_earliest", False),
    # filters no index narrows (a source's outlet, the extractor's confidence): the date
    # order walked, each row tested, until the page is full
    (ClaimFilter(outlet="Example Wire", **PAGE), "ix_claims_timeline", True),
    (ClaimFilter(min_confidence=0.5, **PAGE), "ix_claims_timeline", True),
    # a later page: the same index, from the cursor's place on (a row value compared)
    (ClaimFilter(after=CURSOR, **PAGE), "ix_claims_timeline", True),
    (ClaimFilter(actor="Trump", after=CURSOR, **PAGE), "ix_claims_actor_timeline", True),
    (ClaimFilter(status="unreviewed", after=CURSOR, **PAGE), "ix_claims_status_timeline", True),
    (ClaimFilter(topic="ceasefire", after=CURSOR, **PAGE), "ix_claim_topics_timeline", True),
    (
        ClaimFilter(topic="ceasefire", after=CURSOR, newest_first=True, **PAGE),
        "ix_claim_topics_timeline",
        True,
    ),
]


@pytest.mark.parametrize(("flt", "index", "ordered"), SHAPES, ids=lambda x: str(x)[:40])
def test_each_filter_is_served_by_an_index(stored, flt, index, ordered):
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        shown = plan(s, flt, ordered)
    assert index in shown, shown
    assert "SCAN claims\n" not in shown + "\n" and "Seq Scan on claims" not in shown, shown
    if ordered:  # the page is read in order from the index: nothing sorted
        assert "TEMP B-TREE FOR ORDER BY" not in shown and "Sort Key" not in shown, shown
    if flt.after:  # the index read from the cursor's place on, not from its start
        served = [line for line in shown.splitlines() if index in line or "Index Cond" in line]
        assert any(
            ">(" in line.replace(" ", "") or "<(" in line.replace(" ", "") or "ROW(" in line
            for line in served
        ), shown


def test_a_topic_with_topics_under_it_reads_each_topics_links_when_broad(stored, monkeypatch):
    """Several topics (conflict and those under it): gathered and sorted when their stored
    counts are few, else the first page of each topic alone read from its links in order
    (ix_claim_topics_timeline, once per topic), and those few sorted; no claim walked."""
    flt = ClaimFilter(topic="conflict", limit=1)
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        narrow = plan(s, flt)
        monkeypatch.setattr(claimsmod, "BROAD", 1)  # every topic with a claim is broad
        broad = plan(s, flt)
        topics = len(claimsmod.topic_ids(s, "conflict"))
    assert "claim_topics" in narrow, narrow
    assert topics > 1 and broad.count("ix_claim_topics_timeline") == topics, broad
    if engine.dialect.name == "sqlite":  # (PostgreSQL may read tables this small in order)
        assert "ix_claims_timeline" not in broad, broad
    assert "SCAN claims\n" not in broad + "\n" and "Seq Scan on claims" not in broad, broad


@pytest.mark.parametrize(
    "flt",
    [
        ClaimFilter(topic="conflict"),
        ClaimFilter(topic="conflict", newest_first=True),
        ClaimFilter(topic="conflict", status="unreviewed"),
        ClaimFilter(topic="international-relations", search="Russia"),
        ClaimFilter(topic="international-relations", since=DAY),
    ],
    ids=lambda f: str(f)[12:70],
)
def test_a_broad_topic_tree_lists_the_claims_the_walk_finds(stored, monkeypatch, flt):
    """Read from each topic's first page, a topic and those under it list what the walk over
    every claim finds, in order, once per claim: every page size, and the pages after a
    cursor (one row per claim: later windows read more of each topic)."""
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        whole = {e: [r["claim_id"] for r in iter_rows(s, flt, first_only=e)] for e in (0, 1)}
        monkeypatch.setattr(claimsmod, "BROAD", 1)
        assert len(claimsmod.topic_ids(s, flt.topic)) > 1 and whole[True], flt
        for first_only, listed in whole.items():
            for size in range(1, len(listed) + 1):
                page = dataclasses.replace(flt, limit=size)
                got = [r["claim_id"] for r in iter_rows(s, page, first_only=first_only)]
                assert got == listed[:size], (size, first_only)
            cursor, seen = None, []
            while True:
                page = dataclasses.replace(flt, limit=2, after=cursor)
                rows = list(iter_rows(s, page, first_only=first_only))
                seen += [r["claim_id"] for r in rows]
                if len(rows) < 2:
                    break
                cursor = rows[-1]["cursor"]
            assert seen == listed, first_only


def test_a_topic_lists_what_its_claims_say_in_the_same_order(stored):
    """Read from the topic's links, a topic lists the claims the walk over every claim finds,
    in the same order, oldest or newest first."""
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        for newest in (False, True):
            every = [r for r in iter_rows(s, ClaimFilter(newest_first=newest))]
            tagged = [r["claim_id"] for r in every if "ceasefire" in r["topics"].split(";")]
            flt = ClaimFilter(topic="ceasefire", newest_first=newest)
            assert len(tagged) > 1
            assert [r["claim_id"] for r in iter_rows(s, flt)] == tagged


def test_a_broad_search_walks_the_date_order(stored, monkeypatch):
    """SQLite: the full-text matches of a broad word are tested per claim walked in date
    order. PostgreSQL: the stored vector is tested on the row itself, so a walk of the date
    order can test it (the planner weighs that against the GIN index by its statistics)."""
    engine = dbmod.open_engine(stored)
    flt = ClaimFilter(search="ceasefire", limit=1)
    with dbmod.session_scope(engine) as s:
        monkeypatch.setattr(claimsmod, "BROAD", 1)
        if engine.dialect.name == "postgresql":
            s.connection().exec_driver_sql("SET LOCAL enable_bitmapscan = off")
        shown = plan(s, flt, ordered=True)
    assert "ix_claims_timeline" in shown, shown
    assert "TEMP B-TREE FOR ORDER BY" not in shown and "Sort Key" not in shown, shown
    assert "claims_fts" in shown or "search_vector @@" in shown, shown


def test_a_broad_search_tests_the_speakers_on_the_walked_id(stored, monkeypatch):
    """SQLite: walking a topic's links for a broad search, a word's speakers are tested as
    their claims' ids (a list from ix_claims_actor_timeline), as the full-text matches are,
    on the links' claim id, before its claim is read. (Walking the claims' own date order,
    the search is split in two halves: tests/query/test_search_halves.py.)"""
    engine = dbmod.open_engine(stored)
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL tests the stored vector on the row itself")
    monkeypatch.setattr(claimsmod, "BROAD", 1)
    with dbmod.session_scope(engine) as s:
        topic = plan(s, ClaimFilter(search="Donald", topic="ceasefire", limit=1), ordered=True)
        sql = str(claims_query(s, ClaimFilter(search="Donald", topic="ceasefire", limit=1)))
    assert "TEMP B-TREE FOR ORDER BY" not in topic, topic
    assert "COVERING INDEX ix_claims_actor_timeline" in topic, topic
    assert "claims_fts" in topic, topic
    assert "claim_topics.claim_id + " in sql and "claims.actor_id IN" not in sql, sql


@pytest.mark.parametrize(
    "flt",
    [
        ClaimFilter(search="Donald"),  # in some mentions; the speaker's name for the rest
        ClaimFilter(search="Yuri crisis"),
        ClaimFilter(search="Donald", topic="ceasefire"),
        ClaimFilter(search="Donald", newest_first=True),
        ClaimFilter(search="Russia", topic="international-relations"),
    ],
    ids=lambda f: str(f)[12:70],
)
def test_a_broad_search_lists_what_the_gathered_search_finds(stored, monkeypatch, flt):
    """Walked in date order (every search broad), a search lists the claims the few
    matches gathered and sorted give, in the same order, once per claim: every page size."""
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        pages = {}
        for broad in (2_000, 1):
            monkeypatch.setattr(claimsmod, "BROAD", broad)
            for first_only in (False, True):
                for size in range(1, 12):
                    page = dataclasses.replace(flt, limit=size)
                    got = [r["claim_id"] for r in iter_rows(s, page, first_only=first_only)]
                    pages.setdefault((first_only, size), []).append(got)
    assert any(len(gathered) > 1 for gathered, _ in pages.values()), flt
    for key, (gathered, walked) in pages.items():
        assert walked == gathered, key


def test_the_stored_sort_day_orders_as_the_dates_say(stored):
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        listed = list(iter_rows(s, ClaimFilter(), first_only=False))
        days = dict(s.execute(select(Claim.id, Claim.sort_day)).all())
    assert listed and all(days[r["claim_id"]] is not None for r in listed)
    order = [days[r["claim_id"]] for r in listed]
    assert order == sorted(order)
    for r in listed:  # a claim said on a day sits on that day
        if r["date_relation"] == "on" and r["said_on"]:
            assert days[r["claim_id"]].isoformat() == r["said_on"]
        if r["date_relation"] == "unknown":
            published = r["published_on"]
            assert days[r["claim_id"]] == (
                dt.date.fromisoformat(published) if published else UNDATED
            )


def test_the_migration_fills_the_sort_day_of_stored_claims(db_url):
    """A database at 0004 with claims gets, from 0008, the sort days the store gives."""
    store_articles(db_url)
    engine = dbmod.open_engine(db_url)
    with engine.connect() as conn:
        before = conn.execute(text("SELECT id, sort_day, sort_rank FROM claims ORDER BY id")).all()
    url = dbmod.resolve_url(db_url)
    dbmod.downgrade(url, "0004")
    dbmod.upgrade(url)
    with engine.connect() as conn:
        after = conn.execute(text("SELECT id, sort_day, sort_rank FROM claims ORDER BY id")).all()
    assert before and after == before


def test_newest_first_is_the_date_order_backwards_from_the_same_index(stored):
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        oldest = [r["claim_id"] for r in iter_rows(s, ClaimFilter())]
        newest = [r["claim_id"] for r in iter_rows(s, ClaimFilter(newest_first=True))]
        shown = plan(s, ClaimFilter(newest_first=True, **PAGE))
    assert len(oldest) > 2 and newest == oldest[::-1]
    assert "ix_claims_timeline" in shown and "Sort Key" not in shown, shown
    assert "TEMP B-TREE FOR ORDER BY" not in shown, shown


def explain(session, stmt, ordered: bool = False) -> str:
    """The plan of STMT, as the database would run it (PostgreSQL told to avoid a scan, and,
    when ORDERED, a sort: on tables this small it may rather sort a few rows than read an
    index in order, so a plan without a sort says the index gives the order, as at scale)."""
    conn = session.connection()
    sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
    if conn.dialect.name == "sqlite":
        return "\n".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")  # a tiny table: ask what can serve
    conn.exec_driver_sql(f"SET LOCAL enable_sort = {'off' if ordered else 'on'}")
    return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql))


def test_the_first_page_of_actors_list_walks_the_stored_counts(stored):
    """Most claims first from ix_actors_claim_count (the stored counts): no claim is read,
    and only ties on the count are put in name order (incrementally, as read)."""
    from claimtrack.query.listings import actors_query

    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        shown = explain(s, actors_query().limit(50))
    assert "ix_actors_claim_count" in shown, shown
    assert "claims" not in shown.replace("claim_count", ""), shown
    # SQLite sorts only the ties (RIGHT PART); PostgreSQL, on a table this small, may sort
    # the few rows the index gives, in count order, whole
    assert "TEMP B-TREE FOR ORDER BY" not in shown, shown


@pytest.mark.parametrize("said_only", [False, True])
@pytest.mark.parametrize(
    ("since", "until"),
    [(DAY, None), (None, dt.date(2025, 8, 13)), (dt.date(2025, 8, 14), dt.date(2025, 8, 14))],
)
def test_a_first_page_of_a_date_range_holds_what_the_walk_finds(stored, since, until, said_only):
    """The few claims of a range, gathered by day_ids, are the ones the date condition tested
    on every row finds (a listing without --limit), in the same order."""
    engine = dbmod.open_engine(stored)
    flt = ClaimFilter(since=since, until=until, said_only=said_only)
    with dbmod.session_scope(engine) as s:
        walked = [r["claim_id"] for r in iter_rows(s, flt)]
        gathered = [r["claim_id"] for r in iter_rows(s, dataclasses.replace(flt, limit=1000))]
    assert gathered == walked


@pytest.mark.parametrize("limit", [None, 2])
@pytest.mark.parametrize("said_only", [False, True])
def test_a_month_is_one_range_of_the_said_earliest_index(stored, said_only, limit):
    """Both bounds of --since/--until on one index: the claims said from since to until (a
    date's start is not after its end), not every claim dated before until."""
    until = DAY + dt.timedelta(days=30)
    flt = ClaimFilter(since=DAY, until=until, said_only=said_only, limit=limit)
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        shown = plan(s, flt)
    if engine.dialect.name == "sqlite":
        assert "ix_claims_said_earliest (said_earliest>? AND said_earliest<?)" in shown, shown
    else:
        served = [line for line in shown.splitlines() if "Index Cond" in line]
        assert any("said_earliest >=" in c and "said_earliest <=" in c for c in served), shown


def test_a_topic_and_a_speaker_with_fewer_claims_walk_the_speakers_index(stored):
    """--topic with --actor: the speaker's date-order index gives a first page, each claim's
    topic probed, when the speaker said fewer claims than the topic holds (stored counts);
    else the topic's links do. The same claims either way."""
    engine = dbmod.open_engine(stored)
    few, many = ClaimFilter(topic="bilateral-relations", actor="Ryabkov"), None
    with dbmod.session_scope(engine) as s:
        counts = dict(s.execute(text("SELECT slug, claim_count FROM topics")).all())
        said = s.scalar(text("SELECT claim_count FROM actors WHERE name = 'Sergei Ryabkov'"))
        assert 0 < said < counts["bilateral-relations"]
        shown = plan(s, dataclasses.replace(few, **PAGE), ordered=True)
        many = ClaimFilter(topic="ceasefire", actor="Trump")
        other = plan(s, dataclasses.replace(many, **PAGE))
        for flt in (few, many):
            whole = [r["claim_id"] for r in iter_rows(s, flt)]
            page = [r["claim_id"] for r in iter_rows(s, dataclasses.replace(flt, **PAGE))]
            assert whole and page == whole[: PAGE["limit"]], flt
    assert "ix_claims_actor_timeline" in shown, shown
    assert "TEMP B-TREE FOR ORDER BY" not in shown and "Sort Key" not in shown, shown
    assert "ix_claim_topics_timeline" in other, other

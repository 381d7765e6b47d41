"""The asking commands read over a Core connection (store/tables.py, no ORM: issue 16),
the web app and the curating code over a session: the same queries give the same answers
through either, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claimtrack.query import listings
from claimtrack.query.claims import iter_rows
from claimtrack.query.corrections import iter_log
from claimtrack.query.detail import claim_detail
from claimtrack.query.filters import ClaimFilter
from claimtrack.store import models, tables
from claimtrack.store.engine import connection_scope, open_engine, session_scope
from claimtrack.store.tables import Claim, aliased
from tests.handmade import store_articles


def both(db: str, ask):  # noqa: ANN001, ANN201
    """ASK(handle) through a session, then through a Core connection."""
    engine = open_engine(db, create=False)
    with session_scope(engine) as s:
        through_session = ask(s)
    with connection_scope(engine) as c:
        through_connection = ask(c)
    return through_session, through_connection


@pytest.fixture
def curated(db_url, cli) -> str:
    """The hand-made articles (claims with other appearances), a review, a correction."""
    store_articles(db_url)
    engine = open_engine(db_url, create=False)
    with connection_scope(engine) as c:
        again = c.scalar(select(Claim.id).where(Claim.same_as_id.is_not(None)).limit(1))
    assert again is not None
    cli("review", str(again), "--status", "disputed", "--note", "checked", "--by", "Ana", db=db_url)
    cli("claims", "set", "1", "--text", "A short text", "--by", "Bo", db=db_url)
    return db_url


def test_show_reads_the_same_through_a_connection(curated):
    engine = open_engine(curated, create=False)
    with connection_scope(engine) as c:
        ids = list(c.scalars(select(Claim.id).order_by(Claim.id)))
    shown = 0
    for claim_id in ids:
        via_session, via_connection = both(curated, lambda h, i=claim_id: claim_detail(h, i))
        assert via_session == via_connection, claim_id
        shown += bool(via_connection["other_appearances"] or via_connection["reviews"])
    assert shown >= 2  # the appearances and the review were read, not only empty lists
    assert any(both(curated, lambda h: list(iter_log(h, claim_id=1)))[1])


def test_listings_and_claims_read_the_same_through_a_connection(curated):
    for ask in (
        lambda h: list(listings.iter_actors(h)),
        lambda h: list(listings.iter_sources(h, batch=2)),
        lambda h: list(listings.iter_topics(h)),
        lambda h: list(iter_rows(h, ClaimFilter(), batch=3)),
        lambda h: list(iter_rows(h, ClaimFilter(topic="conflict", limit=2))),
    ):
        via_session, via_connection = both(curated, ask)
        assert via_session == via_connection
        assert via_connection  # something was listed


def test_the_models_map_the_core_tables():
    assert models.Base.metadata is tables.metadata
    for mapper in models.Base.registry.mappers:
        assert mapper.local_table is tables.metadata.tables[mapper.local_table.name]
    assert {m.local_table.name for m in models.Base.registry.mappers} == set(tables.metadata.tables)


def test_a_table_s_columns_by_attribute():
    assert Claim.said_on is tables.claims.c.said_on
    with pytest.raises(AttributeError, match="claims has no column 'said'"):
        Claim.said  # noqa: B018
    other = aliased(Claim)
    assert other.id is not Claim.id and other.__table__.element is tables.claims
    assert str(select(other.id).where(other.id == Claim.same_as_id)).count("claims AS") == 1

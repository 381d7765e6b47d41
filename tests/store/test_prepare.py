"""store/prepare.py: what storing needs that no database does, worked out before the
transaction (in a worker process under `ingest --workers`), and stored as given."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from claimtrack.io.document import Document
from claimtrack.store import appearances
from claimtrack.store import engine as dbmod
from claimtrack.store.appearances import _band_keys
from claimtrack.store.models import Claim, ClaimBand, ClaimTopic, Topic
from claimtrack.store.prepare import Prepared, document_topics, prepare
from claimtrack.store.writes import ensure_taxonomy, store_document
from tests.handmade import SEED_CLAIMS, SEED_TEXT


def test_prepare_keeps_each_claim_once_with_its_topics_and_keys(db_url):
    first, second = SEED_CLAIMS[0].build(SEED_TEXT), SEED_CLAIMS[1].build(SEED_TEXT)
    with dbmod.session_scope(dbmod.open_engine(db_url)) as session:
        topics = ensure_taxonomy(session)
    ready = prepare(SEED_TEXT, "A summit", [first, second, first], topics)
    assert ready.claims == [first, second]
    assert ready.topics == document_topics([first, second], SEED_TEXT, topics, "A summit")
    contents = {c.content.text(SEED_TEXT) for c in ready.claims}
    assert ready.keys == {text: _band_keys(text) for text in contents}


@pytest.fixture
def kept_keys():
    """The band keys appearances keeps for the process, as they were before the test: keys
    given as prepared are kept for later look-ups, and this test's are made up."""
    before = appearances._kept.copy()
    yield
    appearances._kept.clear()
    appearances._kept.update(before)


def test_what_was_prepared_is_stored_as_given(db_url, kept_keys):
    engine = dbmod.open_engine(db_url)
    claim = SEED_CLAIMS[0].build(SEED_TEXT)
    content = claim.content.text(SEED_TEXT)
    # topics and keys unlike the tagger's and the signature's: the store takes them as given
    given = Prepared([claim], [{"ceasefire": "keyword"}], {content: (11, 12, 13)})
    doc = Document(text=SEED_TEXT, path="seed.txt", published=dt.date(2025, 8, 14))
    with dbmod.session_scope(engine) as session:
        topics = ensure_taxonomy(session)
        source = store_document(session, doc, [claim], topics, prepared=given)
        row = session.scalar(select(Claim).where(Claim.source_id == source.id))
        slugs = session.scalars(
            select(Topic.slug).join(ClaimTopic).where(ClaimTopic.claim_id == row.id)
        ).all()
        keys = session.scalars(select(ClaimBand.key).where(ClaimBand.claim_id == row.id)).all()
    assert slugs == ["ceasefire"]
    assert sorted(keys) == [11, 12, 13]

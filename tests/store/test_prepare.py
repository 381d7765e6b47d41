"""store/prepare.py: what storing needs that no database does, worked out before the
transaction (in a worker process under `ingest --workers`), and stored as given."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from claimtrack.extract.types import Speaker
from claimtrack.io.document import Document
from claimtrack.store import appearances, writes
from claimtrack.store import engine as dbmod
from claimtrack.store.appearances import _band_keys
from claimtrack.store.models import Actor, Claim, ClaimBand, ClaimSpeaker, ClaimTopic, Topic
from claimtrack.store.prepare import Prepared, document_topics, prepare
from claimtrack.store.writes import ensure_taxonomy, store_document
from tests.handmade import SEED_CLAIMS, SEED_TEXT, C


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


def test_each_speaker_is_filed_once_from_prepare_to_storing(db_url, kept_keys, monkeypatch):
    """``filed_name`` of a speaker, worked out by ``prepare_to_store`` for the registry's
    keys, is handed to storing, not worked out again there; the actors are the same."""
    text = (
        "Mayor Hal Quist said the bridge would reopen in May.\n"
        "Quist and Councillor Ada Brenn said the repairs cost less than planned.\n"
        "He said the ferry would keep running.\n"
    )
    one = C("Mayor Hal Quist", "Hal Quist", "said", "the bridge would reopen in May").build(text)
    two = C("Quist", "Hal Quist", "said", "the repairs cost less than planned").build(text)
    two = dataclasses.replace(two, speaker=dataclasses.replace(two.speaker, others=("Ada Brenn",)))
    three = C("He", None, "said", "the ferry would keep running").build(text)
    doc = Document(text=text, path="bridge.txt", published=dt.date(2025, 3, 2))
    asked: Counter[Speaker] = Counter()
    plain = writes.filed_name

    def counted(speaker: Speaker, doc_text: str) -> writes.Filed | None:
        asked[speaker] += 1
        return plain(speaker, doc_text)

    monkeypatch.setattr(writes, "filed_name", counted)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        topics = ensure_taxonomy(session)
        ready = writes.prepare_to_store(text, None, [one, two, three], topics)
        source = store_document(session, doc, ready.claims, topics, prepared=ready)
        names = [
            sorted(
                session.scalars(
                    select(Actor.name).join(ClaimSpeaker).where(ClaimSpeaker.claim_id == row.id)
                )
            )
            for row in session.scalars(
                select(Claim).where(Claim.source_id == source.id).order_by(Claim.id)
            )
        ]
    others = Speaker(None, "Ada Brenn", "person")
    assert set(asked) == {one.speaker, two.speaker, three.speaker, others}
    assert set(asked.values()) == {1}
    assert names == [["Hal Quist"], ["Ada Brenn", "Hal Quist"], []]

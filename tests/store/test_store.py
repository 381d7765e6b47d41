"""The store: what it reports is what it stored."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from claimtrack.ingest import store_once
from claimtrack.io.document import Document
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim
from claimtrack.store.writes import content_hash, ensure_taxonomy, insert_claims
from tests.handmade import SEED_CLAIMS, SEED_TEXT

# The learned detector finds the claim of this paragraph twice (two quotes around one
# "said"): the store keeps one copy, and the ingest summary must count one.
TWICE = (
    "The club held its annual meeting in the old library, where members voted on the new "
    "rules.\n\n"
    '"Have we raised enough money? Probably not," Ms. Varga said. "Are we going to raise '
    'enough by June? Absolutely."\n\n'
    "The vote passed easily.\n"
)


def test_a_claim_given_twice_is_stored_and_counted_once(db_url):
    engine = dbmod.open_engine(db_url)
    first, second = SEED_CLAIMS[0].build(SEED_TEXT), SEED_CLAIMS[1].build(SEED_TEXT)
    doc = Document(text=SEED_TEXT, path="seed.txt", published=dt.date(2025, 8, 14))
    with dbmod.session_scope(engine) as session:
        topics = ensure_taxonomy(session)
    digest = content_hash(SEED_TEXT)
    assert store_once(engine, doc, [first, second, first], topics, digest) == 2
    with dbmod.session_scope(engine) as session:
        assert session.scalar(select(func.count(Claim.id))) == 2
    assert store_once(engine, doc, [first, second], topics, digest) is None  # already stored


def test_ingest_summary_counts_the_claims_stored(cli, db_url, tmp_path):
    path = tmp_path / "club.txt"
    path.write_text(TWICE, encoding="utf-8")
    result = cli("ingest", str(path), "--quiet", db=db_url)
    counted = int(re.search(r"claims: (\d+) added", result.stderr).group(1))
    with dbmod.session_scope(dbmod.open_engine(db_url)) as session:
        stored = session.scalar(select(func.count(Claim.id)))
    assert stored >= 1 and counted == stored


def test_a_document_s_claims_go_in_with_their_speakers_and_topics_in_order(db_url):
    """store_document inserts the claims, speakers and topics with one insert a table
    (writes.insert_claims): ids in the order of the claims, every link kept."""
    engine = dbmod.open_engine(db_url)
    claims = [c.build(SEED_TEXT) for c in SEED_CLAIMS]
    doc = Document(text=SEED_TEXT, path="seed.txt", published=dt.date(2025, 8, 14))
    with dbmod.session_scope(engine) as session:
        topics = ensure_taxonomy(session)
    assert store_once(engine, doc, claims, topics, content_hash(SEED_TEXT)) == len(claims)
    with dbmod.session_scope(engine) as session:
        stored = session.scalars(select(Claim).order_by(Claim.id)).all()
        assert [c.content for c in stored] == [c.content.text(SEED_TEXT) for c in claims]
        names = [spec.name for spec in SEED_CLAIMS]  # each claim's one speaker, in order
        assert [[s.actor.name for s in c.speaker_links] for c in stored] == [[n] for n in names]
        assert [c.actor.name for c in stored] == names and len(set(names)) > 1
        assert {t.topic.slug for t in stored[0].topic_links} >= {"ceasefire"}


def test_claims_built_with_different_fields_are_not_inserted_together(db_url):
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        rows = [Claim(content="a", cue="said"), Claim(content="b")]
        with pytest.raises(ValueError, match="different fields"):
            insert_claims(session, rows)

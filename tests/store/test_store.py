"""The store: what it reports is what it stored."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select

from claimtrack.ingest import store_once
from claimtrack.io.document import Document
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim
from claimtrack.store.writes import content_hash, ensure_taxonomy
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

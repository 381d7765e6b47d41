"""Same-claim linking from the band index (store/appearances.py): which pairs of contents
say the same (written for the project, both ways), the candidates the index gives, and
migration 0011, which fills the index for the claims stored before."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select, text

from claimtrack.store import appearances
from claimtrack.store import engine as dbmod
from claimtrack.store.appearances import band_keys, same_score
from claimtrack.store.models import ClaimBand
from tests.store.test_migration_0007 import fill_more
from tests.store.test_web_migration import fill_at_0003, snapshot

SAME = [
    # a trimmed quote: one outlet left out the start
    (
        "the harbour tunnel will be finished before the winter storms arrive next year",
        "the harbour tunnel will be finished before the winter storms arrive",
    ),
    # the same words but for the outlet's punctuation, case and a dropped article
    (
        '"We will not close a single ferry route this summer"',
        "we will not close a single ferry route this summer",
    ),
    # a word changed ("his" for "my", in reported speech)
    (
        "my government will double the number of night buses by 2027",
        "his government will double the number of night buses by 2027",
    ),
]
DIFFERENT = [
    # the same sentence negated
    (
        "the council will raise parking fees in the old town",
        "the council will not raise parking fees in the old town",
    ),
    # another figure
    (
        "fares would rise by 4 percent next spring",
        "fares would rise by 9 percent next spring",
    ),
    # a short phrase inside a longer, other statement
    ("we will win", "we will win the vote on the bridge and then rebuild the harbour wall"),
    # another statement on the same subject
    (
        "the new terminal will open in June with six gates",
        "the old terminal will close in June after forty years",
    ),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_the_same_statement_is_linked_both_ways(a, b):
    assert same_score(a, b) > 0 and same_score(b, a) > 0
    assert set(band_keys(a)) & set(band_keys(b))  # the index makes them candidates


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_statements_are_not_linked_either_way(a, b):
    assert same_score(a, b) == 0 and same_score(b, a) == 0


def test_band_keys_are_stable_and_64_bit():
    keys = band_keys("the ferry would run on Sundays")
    assert keys == band_keys("The ferry would run on Sundays.")
    assert len(keys) == 16 and all(-(2**63) <= k < 2**63 for k in keys)
    unrelated = band_keys("tax receipts fell sharply in the third quarter")
    assert not set(keys) & set(unrelated)


OUTLET_A = (
    "---\npublished: 2025-05-02\noutlet: Harbour Post\n---\nFerry plan\n\n"
    'Mayor Jane Holloway said on Thursday that "the harbour tunnel will be finished before the '
    'winter storms arrive next year, whatever the cost to the city."\n\n'
    "Holloway also said the council would not raise parking fees in the old town.\n"
)
OUTLET_B = (  # trims the quote, names her otherwise and with another cue
    "---\npublished: 2025-05-03\noutlet: Coast Daily\n---\nTunnel promise\n\n"
    '"The harbour tunnel will be finished before the winter storms arrive," the mayor, Jane '
    "Holloway, told a crowd at the pier on Thursday.\n\n"
    "Holloway added that the council would raise parking fees in the old town.\n"
)


def test_two_outlets_quoting_one_statement_with_other_cues_are_linked(cli, db_url, tmp_path):
    for name, body in (("a.md", OUTLET_A), ("b.md", OUTLET_B)):
        (tmp_path / name).write_text(body, encoding="utf-8")
        cli("ingest", str(tmp_path / name), "-q", db=db_url)
    engine = dbmod.make_engine(dbmod.resolve_url(db_url))
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, source_id, content, same_as_id FROM claims ORDER BY id")
        ).all()
        n_bands = conn.execute(text("SELECT count(DISTINCT claim_id) FROM claim_bands")).scalar()
    engine.dispose()
    assert n_bands == len(rows)
    tunnel = [r for r in rows if "tunnel" in r.content]
    fees = [r for r in rows if "parking" in r.content]
    assert len(tunnel) == 2 and len(fees) == 2
    first, later = sorted(tunnel, key=lambda r: r.source_id)
    assert first.same_as_id is None and later.same_as_id == first.id
    assert all(r.same_as_id is None for r in fees)  # "would not raise" is not "would raise"


def test_0011_fills_the_bands_of_stored_claims_without_loss_and_downgrades(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0004")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)
    fill_more(engine)
    dbmod.upgrade(url, "0008")
    before = snapshot(engine)

    dbmod.upgrade(url, "0011")
    assert snapshot(engine) == before
    with engine.connect() as conn:
        got = conn.execute(text("SELECT claim_id, key FROM claim_bands")).all()
        contents = dict(conn.execute(text("SELECT id, content FROM claims")).all())
    expected = {(i, k) for i, c in contents.items() for k in band_keys(c)}
    assert set(got) == expected and len(got) == len(expected)
    assert {i for i, _ in got} == set(contents)
    assert "ix_claim_bands_claim_id" in {
        ix["name"] for ix in inspect(engine).get_indexes("claim_bands")
    }

    dbmod.downgrade(url, "0008")
    assert snapshot(engine) == before
    assert "claim_bands" not in inspect(engine).get_table_names()
    engine.dispose()


def bands_of(db: str, claim_id: int) -> set[int]:
    engine = dbmod.make_engine(dbmod.resolve_url(db))
    with engine.connect() as conn:
        got = conn.execute(
            text("SELECT key FROM claim_bands WHERE claim_id = :i"), {"i": claim_id}
        ).scalars()
        keys = set(got)
    engine.dispose()
    return keys


def test_a_content_set_by_hand_and_undone_keeps_its_band_keys_in_step(cli, db_url, tmp_path):
    (tmp_path / "a.md").write_text(OUTLET_A, encoding="utf-8")
    cli("ingest", str(tmp_path / "a.md"), "-q", db=db_url)
    engine = dbmod.make_engine(dbmod.resolve_url(db_url))
    with engine.connect() as conn:
        cid, content = conn.execute(
            text("SELECT id, content FROM claims WHERE content LIKE '%tunnel%'")
        ).one()
    engine.dispose()
    assert bands_of(db_url, cid) == set(band_keys(content))
    cli("claims", "set", str(cid), "--content", "whatever the cost to the city", db=db_url)
    assert bands_of(db_url, cid) == set(band_keys("whatever the cost to the city"))
    cli("claims", "undo", str(cid), db=db_url)
    assert bands_of(db_url, cid) == set(band_keys(content))


def test_a_contained_content_may_be_half_as_long_not_shorter():
    """The shorter content, all in the longer, counts when at least half as long (then
    THRESHOLD), not when shorter than that: the bound ``same_score`` also stops early on."""
    short = "the ferry will run every night"  # 6 words
    half = short + " from the pier to the island"  # 12 words
    longer = short + " from the old pier to the island"  # 13 words
    assert same_score(short, half) == same_score(half, short) == pytest.approx(0.8)
    assert same_score(short, longer) == same_score(longer, short) == 0.0


def test_a_documents_candidates_are_asked_before_its_own_keys_are_written(
    cli, db_url, tmp_path, monkeypatch
):
    """The claims of one source are no candidates of one another, so their candidates are
    asked before their band keys are written: the key index gives back only the other
    sources' claims (issue 16: a document's own keys were most of what it read back). The
    links are the same (the test above)."""
    own_rows: list[int] = []
    asked = appearances.candidates

    def spy(session, claims):  # noqa: ANN001, ANN202
        ids = [c.id for c in claims]
        stmt = select(func.count()).select_from(ClaimBand).where(ClaimBand.claim_id.in_(ids))
        own_rows.append(session.scalar(stmt))
        return asked(session, claims)

    monkeypatch.setattr(appearances, "candidates", spy)
    for name, body in (("a.md", OUTLET_A), ("b.md", OUTLET_B)):
        (tmp_path / name).write_text(body, encoding="utf-8")
        cli("ingest", str(tmp_path / name), "-q", db=db_url)
    engine = dbmod.make_engine(dbmod.resolve_url(db_url))
    with engine.connect() as conn:
        linked = conn.execute(text("SELECT count(*) FROM claims WHERE same_as_id IS NOT NULL"))
        n_linked = linked.scalar()
        n_bands = conn.execute(text("SELECT count(DISTINCT claim_id) FROM claim_bands")).scalar()
        n_claims = conn.execute(text("SELECT count(*) FROM claims")).scalar()
    engine.dispose()
    assert own_rows == [0, 0]  # two documents, none of their own keys in the index yet
    assert n_linked == 1 and n_bands == n_claims  # then indexed, and the tunnel linked

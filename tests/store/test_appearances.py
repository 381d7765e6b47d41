"""The same claim in several sources: similarity and the links made at ingest."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claimtrack.store import engine as dbmod
from claimtrack.store.appearances import THRESHOLD, same_score, similarity
from claimtrack.store.models import Claim
from tests.handmade import store_articles


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ('his goal is to "secure a ceasefire"', "His goal was to secure a ceasefire", True),
        ("the central topic would be Ukraine", "the central topic would be Ukraine", True),
        (
            "the talks could bring momentum",
            "the summit would provide new momentum for trade",
            False,
        ),
        ("", "", False),
        ("Résumé of talks", "resume of talks", True),
    ],
)
def test_similarity(a, b, same):
    assert (similarity(a, b) >= THRESHOLD) is same


def test_links_point_at_the_first_appearance(db_url):
    store_articles(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        claims = session.scalars(select(Claim).order_by(Claim.id)).all()
        linked = [(c.source_id, c.content[:20], c.same_as_id) for c in claims if c.same_as_id]
        firsts = {c.id: c for c in claims}
        assert len(linked) == 3
        for claim in claims:
            if claim.same_as_id:
                first = firsts[claim.same_as_id]
                assert first.same_as_id is None
                assert first.actor_id == claim.actor_id and first.source_id != claim.source_id


def test_earliest_published_is_the_first_appearance_whatever_the_order(cli, db_url):
    from tests.handmade import ARTICLES

    seed, wire, daily = ARTICLES
    store_articles(db_url, [daily])  # published the 15th, stored first
    (told,) = [
        r
        for r in json.loads(
            cli(
                "who-said", "--actor", "Trump", "--appearances", "--format", "json", db=db_url
            ).stdout
        )
    ]
    cli("review", str(told["claim_id"]), "--status", "false", db=db_url)
    store_articles(db_url, [seed, wire])  # the seed, published the 14th, comes later
    rows = json.loads(
        cli("who-said", "--search", "territorial divisions", "--every-appearance", "--appearances", "--format",
            "json", db=db_url).stdout
    )  # fmt: skip
    firsts = {r["first_seen_claim_id"] for r in rows}
    (seed_row,) = [r for r in rows if r["source_outlet"] is None]
    assert firsts == {seed_row["claim_id"]} and len(rows) == 2
    assert {r["status"] for r in rows} == {"false"}  # the new appearance takes the verdict
    shown = json.loads(cli("show", str(told["claim_id"]), "--format", "json", db=db_url).stdout)
    assert shown["first_seen_claim_id"] == seed_row["claim_id"]
    assert [a["first"] for a in shown["other_appearances"]] == [True]
    assert [r["status"] for r in shown["reviews"]] == ["false"]


def test_the_minhash_minimums_are_those_of_the_plain_arithmetic():
    """``_minimums`` works modulo the Mersenne prime in 64-bit halves: the same integers as
    Python's own arithmetic, for word hashes anywhere in 64 bits and at the edges."""
    import random

    from claimtrack.store.appearances import _HASHES, _PRIME, _minimums

    def plain(values: list[int]) -> list[int]:
        return [min((a * v + b) % _PRIME for v in values) for a, b in _HASHES]

    edges = [0, 1, _PRIME - 1, _PRIME, _PRIME + 1, 2**61, 2**63, 2**32 - 1, 2**32, 2**64 - 1]
    rng = random.Random(2026)
    cases = [edges, *([e] for e in edges)]
    cases += [
        [rng.getrandbits(64) for _ in range(rng.choice([1, 2, 7, 30, 90]))] for _ in range(500)
    ]
    for values in cases:
        assert _minimums(values) == plain(values), values


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        # F1: 6 words each, 5 shared
        ("the mayor said the port would grow", "the mayor said the port will grow", 2 * 6 / 14),
        # a trimmed quote: 6 words all in the longer's 11 (F1 12/17 below the threshold)
        (
            "the ferry will run every hour",
            "the ferry will run every hour from the harbour in June",
            THRESHOLD,
        ),
        ("fares rose by 5 percent this year", "fares rose by 6 percent this year", 0.0),
        ("the council met", "a storm hit the coast", 0.0),
    ],
)
def test_same_score_counts_the_shared_words_of_the_words_both_have(monkeypatch, a, b, score):
    # the words two contents share, from their sets of distinct words: Counter's & (a loop
    # in Python over every word of one) is not what relink_actor's pairs go through
    from collections import Counter

    def no_and(self, other):  # noqa: ANN001, ANN202
        raise AssertionError("Counter & used")

    monkeypatch.setattr(Counter, "__and__", no_and)
    assert same_score(a, b) == pytest.approx(score)
    assert same_score(b, a) == pytest.approx(score)

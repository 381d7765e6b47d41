"""A document's claims are stored together, after all of them are built: a speaker taken
over while a later claim of the same document is resolved (a surname-only actor joining the
full name it turns out to be) must be followed by the claims built before, on both databases."""

from __future__ import annotations

from sqlalchemy import select

from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, Claim, ClaimSpeaker
from tests.handmade import C, store_articles

FIRST = "Harbour news\n\nDenton said the harbour bridge would close in May for repairs.\n"
SECOND = (
    "County news\n\nDenton said the county tax would rise next year.\n\n"
    "Councillor Laura Denton said the new school would open in September.\n"
)


def test_claims_built_before_a_take_over_follow_it(db_url):
    store_articles(
        db_url,
        [
            ("first.txt", FIRST, [C("Denton", "Denton", "said", "the harbour bridge would close in May for repairs")],
             "Harbour news", None, "2025-03-01"),
            ("second.txt", SECOND, [
                C("Denton", "Denton", "said", "the county tax would rise next year"),
                C("Councillor Laura Denton", "Laura Denton", "said",
                  "the new school would open in September", near="Councillor Laura"),
            ], "County news", None, "2025-03-02"),
        ],
    )  # fmt: skip
    with dbmod.session_scope(dbmod.open_engine(db_url)) as session:
        people = session.scalars(select(Actor)).all()
        assert [a.name for a in people] == ["Laura Denton"]  # one actor, the full name
        claims = session.scalars(select(Claim).order_by(Claim.id)).all()
        assert [c.content[:14] for c in claims] == [
            "the harbour br",
            "the county tax",
            "the new school",
        ]  # stored in text order
        assert {c.actor_id for c in claims} == {people[0].id}
        links = session.execute(select(ClaimSpeaker.claim_id, ClaimSpeaker.actor_id)).all()
        assert sorted(links) == [(c.id, people[0].id) for c in claims]

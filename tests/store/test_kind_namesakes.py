"""A person's mention joins no actor of another kind by its name alone (issue 14): a
surname once taken for a government's name stays the government's, and the person of
that surname is the one the database knows in full; a first name and a surname filed
once as a body's name are a person's. Articles written for the project."""

from __future__ import annotations

from sqlalchemy import select

from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, Claim
from tests.handmade import C, store_articles


def _article(path, text, claims, day):  # noqa: ANN001, ANN202
    return (path, text, claims, path.removesuffix(".txt"), None, day)


def _filed(db_url: str) -> dict[str, tuple[str, str]]:
    """Claim content (first words) -> (name, kind) of the actor it is filed under."""
    with dbmod.session_scope(dbmod.open_engine(db_url)) as session:
        rows = session.execute(
            select(Claim.content, Actor.name, Actor.kind).join(Actor, Claim.actor_id == Actor.id)
        ).all()
        return {content.split(" would")[0]: (name, kind) for content, name, kind in rows}


DAM = _article(
    "dam.txt",
    "Dam\n\nRhea Tolliver said the dam would be rebuilt by spring.\n",
    [C("Rhea Tolliver", "Rhea Tolliver", "said", "the dam would be rebuilt by spring")],
    "2024-04-01",
)
LEVY = _article(
    "levy.txt",
    "Levy\n\nTolliver said the water levy would fall in May.\n",
    [C("Tolliver", "Tolliver", "said", "the water levy would fall in May", kind="government")],
    "2024-04-02",
)
BRIDGE = _article(
    "bridge.txt",
    "Bridge\n\nTolliver said the old bridge would close for a week.\n",
    [C("Tolliver", "Tolliver", "said", "the old bridge would close for a week")],
    "2024-04-03",
)


def test_a_person_s_surname_joins_no_government_of_that_name(db_url):
    store_articles(db_url, [DAM, LEVY, BRIDGE])
    filed = _filed(db_url)
    assert filed["the water levy"] == ("Tolliver", "government")
    assert filed["the old bridge"] == ("Rhea Tolliver", "person")


FERRY = _article(
    "ferry.txt",
    "Ferry\n\nMartin Vantongeren said the ferry would run on Sundays.\n",
    [
        C(
            "Martin Vantongeren",
            "Martin Vantongeren",
            "said",
            "the ferry would run on Sundays",
            kind="government",
        )
    ],
    "2024-04-04",
)
PIER = _article(
    "pier.txt",
    "Pier\n\nMartin Vantongeren said the pier would reopen in June.\n",
    [C("Martin Vantongeren", "Martin Vantongeren", "said", "the pier would reopen in June")],
    "2024-04-05",
)


def test_a_first_name_and_surname_taken_once_for_a_body_are_a_person_s(db_url):
    store_articles(db_url, [FERRY, PIER])
    filed = _filed(db_url)
    assert filed["the pier"] == ("Martin Vantongeren", "person")
    assert filed["the ferry"] == ("Martin Vantongeren", "person")  # one actor, a person

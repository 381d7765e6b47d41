"""A person's mention joins no actor of another kind by its name alone (issue 14): a
surname once taken for a government's name stays the government's, and the person of
that surname is the one the database knows in full; a first name and a surname filed
once as a body's name are a person's. Articles written for the project."""

from __future__ import annotations

import pytest
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


# An organisation's name that is a person's by the article's signs (issue 14, s14-who5)


def _one(path: str, text: str, claim: C) -> tuple:
    return _article(path, f"Tolls\n\n{text}\n", [claim], "2024-05-01")


def _body(mention: str) -> C:
    return C(mention, mention, "argues", "that the toll levy would fail", kind="organization")


@pytest.mark.parametrize(
    "text",
    [
        # the rare surname written alone after a clear first name
        "Marta Kellen argues that the toll levy would fail. It is not the point Kellen has in "
        "mind, the ferry trust replied.",
        "Marta Kellen argues that the toll levy would fail. But Kellen’s numbers are old.",
        # "who" after the name
        "Marta Kellen, who runs the ferry trust, argues that the toll levy would fail.",
        # a job in lower case before it
        "Economist Anselm Drury and columnist Marta Kellen differ. Marta Kellen argues that "
        "the toll levy would fail.",
        # "She" opening the next sentence
        "Marta Kellen argues that the toll levy would fail. She runs a ferry trust.",
    ],
)
def test_a_first_name_and_surname_the_ner_took_for_a_body_are_a_person_s_by_a_sign(
    db_url, text: str
):
    store_articles(db_url, [_one("kellen.txt", text, _body("Marta Kellen"))])
    assert _filed(db_url)["that the toll levy"] == ("Marta Kellen", "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # no sign either way: the body's kind is kept
        ("Marta Kellen argues that the toll levy would fail.", "Marta Kellen"),
        # "the" before the name is no job
        (
            "Marta Kellen argues that the toll levy would fail, the Marta Kellen ledger shows.",
            "Marta Kellen",
        ),
        # the last word is a common word: "She" is someone else
        ("Halvard Club argues that the toll levy would fail. She disagreed.", "Halvard Club"),
        # a place after "in", not the surname alone
        ("Leif Tamsby argues that the toll levy would fail in Tamsby and nearby.", "Leif Tamsby"),
        # "She" of another gender than the first name tells
        ("Leif Tamsby argues that the toll levy would fail. She disagreed.", "Leif Tamsby"),
    ],
)
def test_a_body_without_a_person_s_sign_stays_a_body(db_url, text: str, name: str):
    store_articles(db_url, [_one("body.txt", text, _body(name))])
    assert _filed(db_url)["that the toll levy"] == (name, "organization")


READING = _article(
    "reading.txt",
    "Tiberio Vask Urges Readers To Try New Authors\n\n"
    "Prize-winning author Tiberio Vask said reading widely would widen the mind.\n",
    [
        C(
            "Tiberio Vask",
            "Tiberio Vask",
            "Urges",
            "Readers To Try New Authors",
            kind="organization",
        ),
        C(
            "Prize-winning author Tiberio Vask",
            "Tiberio Vask",
            "said",
            "reading widely would widen the mind",
        ),
    ],
    "2024-05-02",
)


def test_a_headline_s_body_becomes_the_person_its_article_gives_a_job(db_url):
    # "Tiberio" is in no first-name table: the job before the name tells a person
    store_articles(db_url, [READING])
    filed = _filed(db_url)
    assert filed["reading widely"] == ("Tiberio Vask", "person")
    assert filed["Readers To Try New Authors"] == ("Tiberio Vask", "person")  # one actor

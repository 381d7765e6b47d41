"""Descriptions resolved through the database (issue 14): "the Indiana governor" is the one
person stored with that role around the same time. Every sentence here is written for
these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from claimtrack.extract import extract
from claimtrack.extract.roles import alias_roles, definite, fits, role_words
from claimtrack.ingest import store_once
from claimtrack.io.document import Document
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim
from claimtrack.store.writes import (
    content_hash,
    ensure_taxonomy,
    in_quotes,
    resolve_actor,
    sole_author,
)
from tests.handmade import filed, said


def test_role_words_fold_variants_and_drop_filler() -> None:
    assert role_words("the GOP presidential nominee") == {"republican", "presidential", "nominee"}
    assert role_words("Gov.") == {"governor"}
    assert role_words("the nominee's eldest daughter") == {"eldest", "daughter"}


def test_a_court_justice_is_a_judge_but_the_department_of_justice_is_not() -> None:
    assert fits("the judge", [role_words("Harwell County Court Justice")])
    assert not fits("the judge", [role_words("Department of Justice")])
    assert not fits("the judge", [role_words("Justice Department spokesman")])


def test_the_judge_is_the_court_justice_the_article_names() -> None:
    text = (
        "Harwell County Court Justice Mara Tolliver ruled on the levy on Monday. "
        "The judge said the tax was lawful."
    )
    speaker = next(c.speaker for c in extract(text) if "tax was lawful" in c.content.text(text))
    assert (speaker.name, speaker.kind) == ("Mara Tolliver", "person")


def test_alias_roles_are_the_words_before_or_in_apposition_to_the_name() -> None:
    assert alias_roles("Indiana Gov. Jane Doe", "Jane Doe") == {"indiana", "governor"}
    assert alias_roles("Doe, the former mayor of Brill,", "Jane Doe") == {
        "former",
        "mayor",
        "brill",
    }
    assert alias_roles("Jane Doe", "Jane Doe") == set()
    assert alias_roles("the governor", "Jane Doe") == set()  # no name: no proof
    assert alias_roles("Senators Ann Roe and Jane Doe", "Jane Doe") == set()


def test_a_role_fits_with_the_same_qualifiers() -> None:
    president = [role_words("President")]
    assert fits("president", president)
    assert not fits("former president", president)
    assert not fits("president", [role_words("Former President")])
    assert not fits("Republican nominee", [role_words("Republican vice-presidential nominee")])
    assert fits("GOP nominee", [role_words("Republican presidential nominee")])
    assert not fits("Indiana governor", [role_words("Ohio Gov.")])


def test_only_singular_definite_descriptions_of_people_are_looked_up() -> None:
    assert definite("The Indiana governor") == "Indiana governor"
    assert definite("a governor") is None
    assert definite("the governors") is None
    assert definite("the panel") is None
    assert definite("the governor's spokesman") is None


def test_a_description_is_the_one_person_stored_in_that_role(db_url: str) -> None:
    got = filed(
        db_url,
        said("Jane Doe", "Indiana Gov. Jane Doe"),
        said("Indiana governor", "The Indiana governor", "unnamed"),
        said("Vermont governor", "The Vermont governor", "unnamed"),  # nobody known
    )
    assert got[1][0] == "Jane Doe"
    assert got[1][1].startswith("'The Indiana governor': Jane Doe, named as Indiana governor")
    assert got[2] == ("Vermont governor", None)


def test_two_people_in_one_role_leave_the_description_unresolved(db_url: str) -> None:
    got = filed(
        db_url,
        said("Jane Doe", "Gov. Jane Doe"),
        said("Omar Reyes", "Gov. Omar Reyes"),
        said("governor", "the governor", "unnamed"),
        said("Tess Marlow", "former President Tess Marlow"),
        said("president", "the president", "unnamed"),  # a former one is not the president
    )
    assert got[2] == ("governor", None)
    assert got[4] == ("president", None)


def test_a_title_picks_the_one_of_a_surname_named_with_it(db_url: str) -> None:
    engine = dbmod.open_engine(db_url)
    for speaker, text in (
        said("Laura Denton", "President Laura Denton"),
        said("Mark Denton", "Mark Denton"),
    ):
        with dbmod.session_scope(engine) as session:
            resolve_actor(session, speaker, text)
    with dbmod.session_scope(engine) as session:
        speaker, text = said("Denton", "President Denton")
        assert resolve_actor(session, speaker, text).name == "Laura Denton"
        speaker, text = said("Denton", "Denton")
        assert resolve_actor(session, speaker, text).name == "Denton"  # either: unresolved


FIRST = (
    "Indiana Gov. Marcy Okonkwo said on Monday that the state would repave every rural road "
    "by 2030.\n"
)
LATER = "The Indiana governor said the new bridge over the river would open in the spring.\n"


def store(engine, text: str, published: dt.date) -> None:
    with dbmod.session_scope(engine) as session:
        topics = ensure_taxonomy(session)
    doc = Document(text=text, path=f"{content_hash(text)[:8]}.txt", published=published)
    store_once(engine, doc, extract(text, published), topics, content_hash(text))


def speakers_of_later(db_url: str, gap_days: int) -> list[tuple[str | None, str | None]]:
    engine = dbmod.open_engine(db_url)
    store(engine, FIRST, dt.date(2024, 3, 4))
    store(engine, LATER, dt.date(2024, 3, 4) + dt.timedelta(days=gap_days))
    with dbmod.session_scope(engine) as session:
        rows = session.scalars(select(Claim).where(Claim.content.contains("bridge"))).all()
        return [(c.actor.name if c.actor else None, c.speaker_how) for c in rows]


@pytest.mark.parametrize(("gap", "who"), [(20, "Marcy Okonkwo"), (3 * 365, "Indiana governor")])
def test_a_stored_role_holds_around_its_time(db_url: str, gap: int, who: str) -> None:
    got = speakers_of_later(db_url, gap)
    assert got and got[0][0] == who
    if who == "Marcy Okonkwo":
        assert "named as Indiana governor in source #1" in got[0][1]


COLUMN = (
    "I believe the county should build the new library downtown, whatever the council "
    "decides.\n\n"
    "\u201cI will not vote for it,\u201d said Councilman Raul Ortiz.\n"
)


def test_i_outside_quotes_is_the_byline_author(db_url: str) -> None:
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        topics = ensure_taxonomy(session)
    doc = Document(text=COLUMN, path="column.txt", author="By Dana Whitfield")
    store_once(engine, doc, extract(COLUMN), topics, content_hash(COLUMN))
    with dbmod.session_scope(engine) as session:
        got = {
            c.content[:20]: (c.actor.name if c.actor else None, c.speaker_how)
            for c in session.scalars(select(Claim))
        }
    assert got["the county should bu"] == (
        "Dana Whitfield",
        "'I': Dana Whitfield, the author of this piece (its byline)",
    )
    assert [who for who, _ in got.values()].count("Dana Whitfield") == 1


def test_quotes_and_bylines() -> None:
    assert in_quotes("He said \u201cI will go", 11)
    assert not in_quotes("\u201cNo,\u201d I said", 7)
    assert in_quotes('She said "I will', 10)
    assert sole_author("By Dana Whitfield") == "Dana Whitfield"
    assert sole_author("By DANA B. WHITFIELD") == "Dana B. Whitfield"  # a byline in capitals
    assert sole_author("By Dana McWhit") == "Dana McWhit"
    assert sole_author("Dana Whitfield and Raul Ortiz") is None
    assert sole_author("Staff") is None


def test_a_bare_description_prefers_the_one_given_the_bare_title(db_url: str) -> None:
    got = filed(
        db_url,
        said("Tess Marlow", "President Tess Marlow"),
        said("Ana Ruiz", "French President Ana Ruiz"),
        said("president", "the president", "unnamed"),
        said("French president", "the French president", "unnamed"),
    )
    assert [who for who, _ in got[2:]] == ["Tess Marlow", "Ana Ruiz"]


def test_particles_stay_with_the_surname_and_role_words_leave_the_name(db_url: str) -> None:
    engine = dbmod.open_engine(db_url)
    got = []
    for speaker, text in (
        said("Marta de Souza", "Marta de Souza"),
        said("De Souza", "De Souza"),
        said("City Hall press secretary Ivo Brandt", "City Hall press secretary Ivo Brandt"),
        said("Ivo Brandt", "Ivo Brandt"),
    ):
        with dbmod.session_scope(engine) as session:
            got.append(resolve_actor(session, speaker, text).name)
    assert got == ["Marta de Souza", "Marta de Souza", "Ivo Brandt", "Ivo Brandt"]


def test_an_interim_chairwoman_is_the_chair_and_a_representative_a_lawmaker(db_url: str) -> None:
    got = filed(
        db_url,
        said("Ann Roe", "Interim Harbour Board Chairwoman Ann Roe"),
        said("harbour board chair", "the harbour board chair", "unnamed"),
        said("former harbour board chair", "the former harbour board chair", "unnamed"),
        said("Jo Poe", "Rep. Jo Poe"),
        said("Jo Poe", "Jo Poe, whom lawmakers praised,"),
        said("lawmaker", "the lawmaker", "unnamed"),
    )
    assert got[1][0] == "Ann Roe"
    assert got[2] == ("former harbour board chair", None)  # she is not a former chair
    assert got[5][0] == "Jo Poe"
    assert (got[5][1] or "").startswith("'the lawmaker': Jo Poe, named as")

"""Names and kinds a fact-checker accepts (issue 14, ninth session): a person whose surname
is an organisation's word, a firm named in apposition to "its" description, a body whose
name opens with a title word, a surname two titled people share, and roles that are ties
to someone. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.actor_fields import clean_role
from tests.handmade import speaker_of

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("text", "piece", "name"),
    [
        (  # "she" opens the next sentence after the full name as the subject
            "Ann Board said the new levy would hurt small farms in Corlan County. She added "
            "that the council had ignored her letters.",
            "new levy",
            "Ann Board",
        ),
        (  # a form of address before the surname, in the article
            "Mary Bank, a retired teacher from Holloway, said the school board had wasted "
            "money. Ms. Bank said she would run for the seat herself.",
            "run for the seat",
            "Mary Bank",
        ),
        (
            "Paul Court said the bridge toll was unfair. He said the drivers of Pell had "
            "paid twice.",
            "bridge toll",
            "Paul Court",
        ),
    ],
)
def test_a_first_name_before_a_body_word_is_a_person_by_the_article(text, piece, name) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.kind) == (name, "person")


@pytest.mark.parametrize(
    ("text", "piece", "name"),
    [
        ("Ann Board said the new levy would hurt small farms in Corlan County.", "new levy",
         "Ann Board"),  # no evidence either way: the body's word is kept
        ("The Sierra Club said the pipeline would harm the river. She disagreed.", "pipeline",
         "Sierra Club"),
        ("Wells Fargo Bank said the loan to Dunmore was sound.", "loan", "Wells Fargo Bank"),
        ("The Ford Foundation said the grant would go to schools in Marrow.", "grant",
         "Ford Foundation"),
    ],
)  # fmt: skip
def test_a_body_stays_a_body_without_a_persons_evidence(text, piece, name) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.kind) == (name, "organization")


def test_a_firm_named_in_apposition_to_its_description_wins() -> None:
    text = "Its parent company, Norwood Holdings, said the factory in Brimley would close."
    sp = speaker_of(text, "factory")
    assert (sp.name, sp.kind) == ("Norwood Holdings", "organization")


def test_a_firm_whose_name_opens_with_a_title_word_is_no_titled_person() -> None:
    sp = speaker_of("National Grid said the outage in Dunmore was caused by a storm.", "outage")
    assert (sp.name, sp.kind, sp.role) == ("National Grid", "organization", None)


def test_a_surname_two_titled_people_share_stays_unresolved() -> None:
    text = (
        "Dr. Alan Reyes and Dr. Maria Reyes run the clinic in Faxton together.\n\n"
        "Dr. Reyes said the clinic would need more nurses next year."
    )
    assert speaker_of(text, "more nurses").name == "Reyes"


def test_a_surname_goes_to_the_one_of_its_title_gender() -> None:
    text = (
        "Mr. Tobin Hale and Ms. Greta Hale own the bakery on Fenn Street.\n\n"
        "Mr. Hale said the landlord would not talk to them."
    )
    assert speaker_of(text, "landlord").name == "Tobin Hale"


@pytest.mark.parametrize("role", ["Her colleague", "his wife", "my friend", "Mrs.", "Dr."])
def test_a_tie_to_someone_or_a_form_of_address_is_no_role(role: str) -> None:
    assert clean_role(role) is None


@pytest.mark.parametrize(
    ("role", "kept"),
    [("its chief executive", "chief executive"), ("their lawyer", "lawyer")],
)
def test_a_possessive_pronoun_before_a_job_is_cut(role: str, kept: str) -> None:
    assert clean_role(role) == kept


def test_a_tie_in_apposition_gives_the_person_no_role() -> None:
    sp = speaker_of("Her colleague, Jane Frost, said the report on Tessel was wrong.", "report")
    assert (sp.name, sp.role) == ("Jane Frost", None)

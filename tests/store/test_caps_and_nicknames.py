"""Actor names (issue 14, s14-misc): a name a headline wrote in capitals takes the casing
its article or a later one writes it with, a common noun in capitals is stored in sentence
case, and a full name with a middle name joins the person known by a nickname of its first
name. Sentences and names written for these tests."""

from __future__ import annotations

from claimtrack.extract.types import CharSpan, Speaker
from tests.handmade import filed, said


def _at(text: str, mention: str, name: str, kind: str = "person") -> tuple[Speaker, str]:
    """A speaker NAME whose mention is the first MENTION in TEXT."""
    start = text.index(mention)
    return Speaker(CharSpan(start, start + len(mention)), name, kind), text  # type: ignore[arg-type]


def test_a_common_noun_in_capitals_is_stored_in_sentence_case(db_url: str) -> None:
    text = "4. ANALYSTS DOUBT THE CANAL PLAN.\n5. FERRY FARES RISE AGAIN."
    ((name, _),) = filed(db_url, _at(text, "ANALYSTS", "ANALYSTS", "unnamed"))
    assert name == "Analysts"


def test_a_name_in_capitals_takes_the_casing_its_article_writes() -> None:
    from claimtrack.store.writes import usual_casing

    text = "WHERE VANTREE WANTS A NEW PIER\nAfter the vote, Vantree said the pier would wait."
    assert usual_casing("VANTREE", text, "person") == "Vantree"
    assert usual_casing("FDRC", "The FDRC said so. FDRC staff agreed.", "organization") is None
    # a capitalised word opening a sentence is no casing of the name ("Care" of "CARE")
    assert usual_casing("CARE", "CARE said so.\nCare is needed here.", "organization") is None


def test_a_body_first_stored_in_capitals_takes_the_casing_seen_later(db_url: str) -> None:
    first = "VANTREE FOUNDATION PLANS TO BUILD A PIER."
    later = (
        "Officials of the Vantree Foundation met on Monday, and Vantree Foundation staff said so."
    )
    names = filed(
        db_url,
        _at(first, "VANTREE FOUNDATION", "VANTREE FOUNDATION", "organization"),
        _at(later, "Vantree Foundation", "Vantree Foundation", "organization"),
    )
    assert [n for n, _ in names] == ["VANTREE FOUNDATION", "Vantree Foundation"]


def test_a_full_name_with_a_middle_name_joins_the_nickname_known(db_url: str) -> None:
    names = filed(
        db_url,
        said("Bill Korrinder", "Bill Korrinder"),
        said("William Grant Korrinder", "William Grant Korrinder"),
        said("Mary Korrinder", "Mary Korrinder"),
        said("Mary Ann Korrinder", "Mary Ann Korrinder"),
    )
    # the same first name with a first name as middle name stays apart: "Mary Ann
    # Korrinder" is not Mary Korrinder
    assert [n for n, _ in names] == [
        "Bill Korrinder",
        "Bill Korrinder",
        "Mary Korrinder",
        "Mary Ann Korrinder",
    ]


def test_a_nickname_joins_the_full_name_with_a_middle_name_known(db_url: str) -> None:
    names = filed(
        db_url,
        said("William Grant Korrinder", "William Grant Korrinder"),
        said("Bill Korrinder", "Bill Korrinder"),
    )
    assert [n for n, _ in names] == ["William Grant Korrinder", "William Grant Korrinder"]

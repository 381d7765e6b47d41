"""Descriptions resolved through the database (issue 14): a lawmaker's party-and-state tag
is a role, and a description of several roles may need names from several texts. Every
sentence here is written for these tests."""

from __future__ import annotations

from claimtrack.extract.roles import alias_roles, described
from tests.handmade import filed, said


def test_an_alias_s_tag_gives_the_state_unless_told_not_to() -> None:
    alias = "Sen. Nora Whitcomb (Vt.), who lost the primary,"
    assert alias_roles(alias, "Nora Whitcomb") == {"senator", "vermont"}
    assert alias_roles(alias, "Nora Whitcomb", tags=False) == {"senator"}
    assert alias_roles("Whitcomb, D-Calif., said", "Nora Whitcomb") >= {"democratic", "california"}


def test_a_state_description_is_the_one_stored_senator_of_that_state(db_url: str) -> None:
    got = filed(
        db_url,
        said("Nora Whitcomb", "Sen. Nora Whitcomb (Vt.), who lost the primary,"),
        said("Owen Pratt", "Sen. Owen Pratt (R-Ore.)"),
        said("Vermont senator", "The Vermont senator", "unnamed"),
        said("Ohio senator", "The Ohio senator", "unnamed"),  # nobody tagged so
    )
    assert got[2][0] == "Nora Whitcomb"
    assert got[2][1].startswith("'The Vermont senator': Nora Whitcomb, named as Vermont senator")
    assert got[3] == ("Ohio senator", None)


def test_a_tag_makes_no_one_the_senator_titled_so_bare(db_url: str) -> None:
    got = filed(
        db_url,
        said("Nora Whitcomb", "Sen. Nora Whitcomb (R-Vt.)"),
        said("Owen Pratt", "Sen. Owen Pratt (D-Ore.)"),
        said("senator", "the senator", "unnamed"),
    )
    assert got[2] == ("senator", None)  # two senators: the tags pick neither


def test_each_role_of_a_description_may_come_from_another_text(db_url: str) -> None:
    got = filed(
        db_url,
        said("Clara Voss", "Voss, the former mayor of Brill,"),
        said("Clara Voss", "Democratic nominee Clara Voss"),
        said("Ian Holt", "Republican nominee Ian Holt"),
        said(
            "former mayor of Brill and current Democratic nominee",
            "The former mayor of Brill and current Democratic nominee",
            "unnamed",
        ),
        said(
            "former mayor of Brill and current Republican nominee",
            "The former mayor of Brill and current Republican nominee",
            "unnamed",
        ),
    )
    assert got[3][0] == "Clara Voss"
    assert got[4][0] != "Clara Voss" and got[4][0] != "Ian Holt"  # every role must fit


def test_a_nominee_and_his_aides_are_the_one_stored_nominee(db_url: str) -> None:
    got = filed(
        db_url,
        said("Ian Holt", "Republican nominee Ian Holt"),
        said("Republican nominee", "The Republican nominee and his aides", "unnamed"),
        said("Republican nominee", "The Republican nominee and the senator's aides", "unnamed"),
    )
    assert got[1][0] == "Ian Holt"
    assert got[1][1].startswith("'The Republican nominee and his aides': Ian Holt, named as")
    assert got[2] == ("Republican nominee", None)  # someone else's aides: not his own words


def test_who_is_the_description_it_stands_for_only_when_written_definite() -> None:
    assert described("who", "Republican nominee", "Ana spoke to the Republican nominee, ") == (
        "Republican nominee"
    )
    assert described("who", "Republican nominee", "Ana spoke to a Republican nominee, ") is None
    before = "The Republican nominee left. Ana spoke to a Republican nominee, "
    assert described("who", "Republican nominee", before) is None  # another sentence's
    assert described("who", None, "Ana spoke to the nominee, ") is None

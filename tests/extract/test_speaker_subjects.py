"""Who a verb cue credits when the parser gives it no subject of its own
(claimtrack/extract/rules/subjects.py): a surname after a closing "said" that the parser read
as an adverb, and the passive subject of the first of two conjoined predicates."""

from __future__ import annotations

from claimtrack.extract import extract


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (c.cue.text(text), c.speaker.mention and c.speaker.mention.text(text), c.speaker.name)
        for c in extract(text)
    ]


def test_a_surname_read_as_an_adverb_after_said_is_the_speaker() -> None:
    for name in ("Dunly", "Fernly"):  # the parser tags both ADV, advmod of "said"
        text = f"“Having the keys to the depot is useful,” said {name}."
        assert _speakers(text) == [("said", name, name)]


def test_the_surname_is_found_before_a_comma_too() -> None:
    text = "“Having the keys to the depot is useful,” said Dunly, who runs the depot."
    cue, mention, name = _speakers(text)[0]
    assert (cue, name) == ("said", "Dunly")
    assert mention is not None and mention.startswith("Dunly")  # its clause kept, as PolNeAR


def test_an_adverb_after_said_is_not_a_speaker() -> None:
    text = "“The depot is open,” she said quietly."
    assert _speakers(text) == [("said", "she", None)]


def test_a_conjoined_predicate_shares_a_passive_subject() -> None:
    text = (
        "By nightfall, Mr. Ode was forced into an unusual apology and said that his"
        " remarks had been misread."
    )
    assert ("said", "Mr. Ode", "Ode") in _speakers(text)


def test_a_conjoined_clause_with_its_own_subject_keeps_it() -> None:
    text = "The bridge was closed on Monday and the mayor said that it would reopen in May."
    assert ("said", "the mayor") in [(c, m) for c, m, _ in _speakers(text)]


def test_a_name_after_said_hung_on_what_follows_is_the_speaker() -> None:
    text = "“I am better with my hands than with my pen,” said Ann Roe, half joking."
    assert _speakers(text)[0][:2] == ("said", "Ann Roe")


def test_a_name_before_said_hung_on_an_earlier_phrase_is_the_speaker() -> None:
    for text, name in (
        (
            "Monday in Ely, while on the road for his sister Ann Roe, former mayor Ben Ode"
            " said his sister was ready.",
            "Ben Ode",
        ),
        (
            "Saturday at the state party's dinner Sen. Ann Roe (D-VT) said the plan was a failure.",
            "Ann Roe",
        ),
    ):
        (cue, mention, found), *_ = _speakers(text)
        assert cue == "said" and found == name
        assert mention is not None and name in mention


def test_a_name_before_said_read_as_an_adverb_is_the_speaker() -> None:
    text = "Dunly said he would be careful in reorganising the depot."
    assert _speakers(text) == [("said", "Dunly", "Dunly")]


def test_a_count_of_people_before_say_is_the_speaker() -> None:
    text = "About 3 in 10 say they would like the next mayor to build more parks."
    assert _speakers(text)[0][:2] == ("say", "About 3 in 10")


def test_the_subject_of_a_phrase_say_was_left_hanging_on_is_the_speaker() -> None:
    text = (
        "Majorities of voters in four states going to the polls Sunday say they would be"
        " happy with either nominee."
    )
    assert _speakers(text)[0][:2] == ("say", "Majorities of voters in four states")


# --- an aside of being asked: the one asked answers, and asked nothing -----------------------


def test_the_one_asked_in_an_aside_is_the_speaker_and_the_question_no_claim() -> None:
    text = (
        "Mayor Tessa Vrand opened the new library on Friday. "
        "Mrs. Vrand, asked about the cost, said the city had paid for the roof with a grant."
    )
    assert _speakers(text)[-1:] == [("said", "Mrs. Vrand", "Tessa Vrand")]
    assert all(cue.lower() != "asked about" for cue, _, _ in _speakers(text))


def test_a_question_put_in_the_aside_is_no_claim_of_the_one_asked() -> None:
    text = (
        "Harbour master Olaf Brenne spoke at the quay on Monday. "
        "Brenne, asked whether he expected more ferries next year, said it was too soon to know."
    )
    assert [(cue, name) for cue, _, name in _speakers(text)] == [("said", "Olaf Brenne")]


def test_who_asked_is_still_the_one_who_asks() -> None:
    text = "Ida Morrow, a council member, asked whether the bridge would close for the repairs."
    assert [name for _, _, name in _speakers(text)] == ["Ida Morrow"]


# --- "according to" a description and the name beside it -----------------------------------


def test_according_to_a_description_and_the_name_after_it_credits_the_name() -> None:
    # the parser hangs the name on the clause after it, not on the description
    for text, name, content in [
        (
            "According to the county's road director, Samuel Adeyemi, the signs could be "
            "installed within six weeks of a board vote.",
            "Samuel Adeyemi",
            "the signs could be installed within six weeks of a board vote",
        ),
        (
            "According to the county's transportation director, Ruth Nakamura, the lights "
            "could be installed by spring.",
            "Ruth Nakamura",
            "the lights could be installed by spring",
        ),
    ]:
        assert [(c.speaker.name, c.content.text(text)) for c in extract(text)] == [(name, content)]


def test_according_to_a_report_keeps_the_name_after_it_in_the_content() -> None:
    text = "According to the audit, Tessa Vrand, the treasurer, had moved the funds twice."
    assert all(c.speaker.name != "Tessa Vrand" for c in extract(text))


def test_a_subject_the_parser_hung_on_the_verb_is_still_the_speaker() -> None:
    # the parser hangs "The" and "23-year-old" on "added", leaving it no subject
    text = (
        'Marco Silva, 23, scored twice. "It was a special night," said Silva, who joined the '
        "club in June. The 23-year-old added that the team had worked hard all week."
    )
    (said,) = [s for s in _speakers(text) if s[0] == "added"]
    assert said[1] is not None and "23-year-old" in said[1]
    assert said[2] == "Marco Silva"

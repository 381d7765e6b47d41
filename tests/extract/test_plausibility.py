"""The plausibility screen (claimtrack/extract/plausibility.py): a claim found twice by two
cues is kept once, a claim inside another of its speaker is dropped, a headline without a
speaking cue and a claim whose cue word is listed as not a cue are dropped; each test shows
the claim exists before the screen."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from claimtrack.extract import extract
from claimtrack.extract.learned.cuelist import listed
from claimtrack.extract.pipeline import parse_chunk, run_chunk
from claimtrack.extract.plausibility import found_twice, inside_another, screen
from claimtrack.extract.types import CharSpan, FoundClaim, Speaker


def _both(text: str) -> tuple[list[FoundClaim], list[FoundClaim]]:
    """The claims of TEXT before and after the screen."""
    raw = next(run_chunk([(text, None)], screened=False))
    return raw, extract(text)


def _cues(text: str, claims: list[FoundClaim]) -> list[str]:
    return [c.cue.text(text) for c in claims]


def _claim(text: str, cue: str, content: str, mention: str | None, raw: float) -> FoundClaim:
    def span(s: str) -> CharSpan:
        i = text.index(s)
        return CharSpan(i, i + len(s))

    return FoundClaim(
        speaker=Speaker(span(mention) if mention else None, mention),
        cue=span(cue),
        content=span(content),
        sentence=CharSpan(0, len(text)),
        attribution="indirect",
        raw_confidence=raw,
    )


def test_a_headline_without_a_speaking_cue_is_dropped() -> None:
    text = "Ann Roe Pushes to Reopen the Bridge\nThe mayor spoke to the council on Monday."
    raw, screened = _both(text)
    assert "Pushes" in _cues(text, raw)
    assert "Pushes" not in _cues(text, screened)


def test_a_headline_with_a_speaking_cue_stays() -> None:
    text = "Ann Roe Says the Bridge Will Reopen in May\nThe mayor spoke to the council on Monday."
    raw, screened = _both(text)
    assert "Says" in _cues(text, raw)
    assert _cues(text, screened) == _cues(text, raw)


def test_a_headline_crediting_by_a_colon_stays() -> None:
    text = "Ann Roe: The Bridge Will Reopen in May\nThe mayor spoke to the council on Monday."
    raw, screened = _both(text)
    assert ":" in _cues(text, raw)
    assert _cues(text, screened) == _cues(text, raw)


def test_a_list_item_ending_in_a_link_is_no_headline() -> None:
    # a list item is no heading, and a linked "Label: title" item credits no one
    text = (
        "Harbour roundup\n\n* Mayor Tilda Brandt vows to cut the ferry fares [link]\n"
        "- Marlow Observatory: Twin Telescopes on the Hill\n"
    )
    claims = extract(text)
    assert [c.content.text(text) for c in claims] == ["to cut the ferry fares"]


def test_the_same_words_in_a_body_sentence_stay() -> None:
    text = "The mayor, Ann Roe, pushes to reopen the bridge before the winter."
    raw, screened = _both(text)
    assert "pushes" in _cues(text, raw)
    assert _cues(text, screened) == _cues(text, raw)


def test_one_claim_found_by_two_cues_is_kept_once_with_its_speaker() -> None:
    text = "Asked about it, the mayor said that the bridge would reopen in May."
    named = _claim(text, "said", "that the bridge would reopen in May", "the mayor", 0.6)
    bare = _claim(text, "Asked", "the bridge would reopen in May", None, 0.9)
    assert found_twice(text, [bare, named]) == {0}
    assert found_twice(text, [named, bare]) == {1}


def test_two_people_credited_in_one_sentence_are_two_claims() -> None:
    text = "Mayor Ann Roe said that Governor Ben Ode claimed the bridge would close in May."
    roe = _claim(text, "said", "that Governor Ben Ode claimed the bridge would close in May",
                 "Mayor Ann Roe", 0.8)  # fmt: skip
    ode = _claim(text, "claimed", "the bridge would close in May", "Governor Ben Ode", 0.7)
    assert found_twice(text, [roe, ode]) == set()  # the contents share most words
    same = _claim(text, "claimed", "the bridge would close in May", "Mayor Ann Roe", 0.7)
    assert found_twice(text, [roe, same]) == {1}  # one speaker: one claim


def test_two_claims_of_one_sentence_with_different_contents_both_stay() -> None:
    text = "The mayor said the bridge would reopen and the council denied the road would close."
    a = _claim(text, "said", "the bridge would reopen", "The mayor", 0.8)
    b = _claim(text, "denied", "the road would close", "the council", 0.8)
    assert found_twice(text, [a, b]) == set()


def test_overlapping_contents_sharing_few_words_both_stay() -> None:
    text = "The mayor said the bridge, which the council called unsafe, would reopen in May."
    a = _claim(text, "said", "the bridge, which the council called unsafe, would reopen in May",
               "The mayor", 0.8)  # fmt: skip
    b = _claim(text, "called", "unsafe", "the council", 0.8)
    assert found_twice(text, [a, b]) == set()


# "Dale Voss urged the board to publish the audit": the whole reading, and a second one of the
# same speaker through the chained verb, whose words are all inside the first
URGED = "Dale Voss urged the board to publish the whole audit before the vote."


def test_a_shorter_reading_inside_a_claim_of_its_speaker_is_dropped() -> None:
    outer = _claim(URGED, "urged", "the board to publish the whole audit before the vote",
                   "Dale Voss", 0.8)  # fmt: skip
    inner = _claim(URGED, "to publish", "the whole audit", "Dale Voss", 0.6)
    assert inside_another(URGED, [outer, inner]) == {1}
    assert inside_another(URGED, [inner, outer]) == {0}
    parsed = parse_chunk([(URGED, None)])[0]
    assert screen(URGED, [outer, inner], parsed, not_cues=frozenset()) == [outer]


def test_a_second_predicate_read_again_on_its_own_is_dropped() -> None:
    text = "Dale Voss did not intend to mislead buyers and did not make any plans to do so."
    raw, screened = _both(text)
    assert "did not make any plans" in _cues(text, raw)
    assert _cues(text, screened) == ["did not intend"]


def test_a_claim_inside_another_speakers_claim_stays() -> None:
    text = "Dale Voss said Nora Lind urged the board to publish the whole audit."
    voss = _claim(text, "said", "Nora Lind urged the board to publish the whole audit",
                  "Dale Voss", 0.8)  # fmt: skip
    lind = _claim(text, "urged", "the board to publish the whole audit", "Nora Lind", 0.8)
    assert inside_another(text, [voss, lind]) == set()


def test_an_inner_claim_with_words_of_its_own_stays() -> None:
    text = "Dale Voss urged the board to publish the audit, and to publish it in full."
    outer = _claim(text, "urged", "the board to publish the audit", "Dale Voss", 0.8)
    inner = _claim(text, "to publish", "the audit, and", "Dale Voss", 0.6)
    assert inside_another(text, [outer, inner]) == set()  # "and" is not in the outer content


def test_one_cue_read_twice_is_left_to_the_pieces_stage() -> None:
    wider = _claim(URGED, "urged", "the board to publish the whole audit before the vote",
                   "Dale Voss", 0.8)  # fmt: skip
    short = _claim(URGED, "urged", "the board to publish the whole audit", "Dale Voss", 0.6)
    assert inside_another(URGED, [wider, short]) == set()


def test_an_inner_claim_holding_the_only_mention_of_its_speaker_stays() -> None:
    text = "Dale Voss spoke first. He urged the board to publish the whole audit before the vote."
    outer = _claim(text, "spoke", "the board to publish the whole audit before the vote",
                   "Dale Voss", 0.8)  # fmt: skip
    inner = _claim(text, "urged", "the whole audit", "He", 0.6)
    inner = dataclasses.replace(inner, speaker=dataclasses.replace(inner.speaker, name="Dale Voss"))
    assert inside_another(text, [outer, inner]) == set()  # "He" is held by no other claim
    bare = dataclasses.replace(inner, speaker=dataclasses.replace(inner.speaker, mention=None))
    assert inside_another(text, [outer, bare]) == {1}  # no mention to lose


def test_a_listed_narrative_verb_is_dropped_in_a_body_sentence() -> None:
    text = "Ann Roe explored a run for governor last year."
    parsed = parse_chunk([(text, None)])[0]
    raw = next(run_chunk([(text, None)], screened=False))
    assert "explored" in _cues(text, raw)
    kept = screen(text, raw, parsed, not_cues=frozenset({"explore"}))
    assert "explored" not in _cues(text, kept)
    assert _cues(text, screen(text, raw, parsed, not_cues=frozenset())) == _cues(text, raw)


def test_the_list_keeps_mostly_wrong_words_seen_often_enough() -> None:
    seen = Counter({"ponder": 10, "’": 10, "gaze": 2, "claim": 10})
    right = Counter({"ponder": 1, "’": 0, "gaze": 0, "claim": 9})
    assert listed(seen, right) == ["ponder"]  # ’: not a word; gaze: too rare; claim: right


def _mentions(text: str, claims: list[FoundClaim]) -> list[tuple[str | None, str]]:
    return [(c.speaker.mention and c.speaker.mention.text(text), c.cue.text(text)) for c in claims]


def test_the_reader_addressed_as_you_is_nobody_to_credit() -> None:
    text = "If you have cooked this stew before, you've seen firsthand how the spices change it."
    raw, kept = _both(text)
    assert "you" in [m for m, _ in _mentions(text, raw)]
    assert "you" not in [m for m, _ in _mentions(text, kept)]


def test_a_pronoun_that_names_someone_still_stays() -> None:
    text = "The mayor spoke on Monday. She said the bridge will reopen in May."
    raw, kept = _both(text)
    assert ("She", "said") in _mentions(text, raw)
    assert ("She", "said") in _mentions(text, kept)


def test_an_expletive_it_before_be_and_an_adjective_is_dropped() -> None:
    text = "It is worth noting that the mayor never answered the letter."
    raw, kept = _both(text)
    assert ("It", "is worth noting") in _mentions(text, raw)
    assert kept == []


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_an_expletive_it_with_a_short_be_is_dropped_with_either_apostrophe(apostrophe: str) -> None:
    text = f"It{apostrophe}s safe to say the ferry will run again by the summer."
    raw, kept = _both(text)
    assert "It" in [m for m, _ in _mentions(text, raw)]  # the rules read "safe to say" as a cue
    assert "It" not in [m for m, _ in _mentions(text, kept)]


def test_it_with_a_curly_short_be_before_a_participle_is_the_thing_named() -> None:
    text = "The union sued the city in March. It’s denouncing the plan to close two schools."
    parsed = parse_chunk([(text, None)])[0]
    claim = _claim(text, "denouncing", "the plan to close two schools", "It", 0.5)
    assert screen(text, [claim], parsed, not_cues=frozenset()) == [claim]


def test_it_naming_a_document_stays() -> None:
    text = "It says the council broke the law by closing the library."
    raw, kept = _both(text)
    assert ("It", "says") in _mentions(text, raw)
    assert ("It", "says") in _mentions(text, kept)


def test_a_colon_label_over_a_line_without_a_verb_is_page_furniture() -> None:
    text = (
        "Lunch.\n\nStorage Boxes: 2 Blue, 1 Orange, 3 tbsp.\n\n"
        "Dinner.\n\nStorage Boxes: 1 Blue, 2 Orange, 1 tbsp.\n"
    )
    raw, kept = _both(text)
    assert ("Storage Boxes", ":") in _mentions(text, raw)
    assert kept == []


def test_an_editorial_note_label_is_page_furniture() -> None:
    text = "Correction: A previous version of this story gave the wrong date for the vote."
    raw, kept = _both(text)
    assert ("Correction", ":") in _mentions(text, raw)
    assert kept == []


def test_a_colon_line_with_a_statement_stays() -> None:
    text = "Mayor: the budget will pass next week."
    raw, kept = _both(text)
    assert ("Mayor", ":") in _mentions(text, kept)


def test_that_said_as_an_idiom_is_nobody_to_credit() -> None:
    text = "That said, the plan remains popular."
    parsed = parse_chunk([(text, None)])[0]
    claim = _claim(text, "said", "the plan remains popular", "That", 0.5)
    assert screen(text, [claim], parsed, not_cues=frozenset()) == []
    spoken = "That is what he said, and the plan remains popular."
    other = _claim(spoken, "said", "the plan remains popular", "he", 0.5)
    parsed = parse_chunk([(spoken, None)])[0]
    assert screen(spoken, [other], parsed, not_cues=frozenset()) == [other]


def test_an_expletive_it_far_from_its_cue_is_dropped() -> None:
    text = "It is perhaps unkind but still fair to note that the mayor never answered the letter."
    raw, kept = _both(text)
    assert "It" in [m for m, _ in _mentions(text, raw)]
    assert "It" not in [m for m, _ in _mentions(text, kept)]


def test_it_in_a_progressive_is_the_thing_named() -> None:
    text = "The union sued the city in March. It's denouncing the plan to close two schools."
    parsed = parse_chunk([(text, None)])[0]
    claim = _claim(text, "denouncing", "the plan to close two schools", "It", 0.5)
    assert screen(text, [claim], parsed, not_cues=frozenset()) == [claim]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The hotel's garden lamps offer forty colours, and each path has its own bench.", "offer"),
        # a participle's subject is the noun it modifies
        (
            "The station's new roof, offering shade to hundreds of travellers, opened in May.",
            "offering",
        ),
        (
            "The pavilion's flexible design supports larger exhibitions without new walls.",
            "supports",
        ),
    ],
)
def test_a_things_doing_is_no_attribution(text: str, cue: str) -> None:
    raw, kept = _both(text)
    assert cue in _cues(text, raw)
    assert cue not in _cues(text, kept)


def test_people_documents_and_firms_of_the_same_shape_stay() -> None:
    for text, cue in [
        ("The report found that the bridge was unsafe.", "found"),
        ("Officials warned residents about the rising river on Tuesday.", "warned"),
        ("The firm offers a free loaf to every new member of its club.", "offers"),
        ("Councillor Ida Brandt supports the new library.", "supports"),
        (
            "The old harbour wall, crying out for repair, still shelters the boats.",
            "crying out for",
        ),
    ]:
        raw, kept = _both(text)
        assert cue in _cues(text, raw)
        assert _cues(text, kept) == _cues(text, raw), text


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Tell us what you think of the new bridge in the comments.", "Tell"),
        ("Please tell us what you saw at the harvest fair.", "tell"),
        ('"The kettle is the best in its class." Read our full kettle review.', "Read"),
        # the "us" of "let" is the writer asking the reader
        ("Leave a note below and let us know which cafe you like best.", "know"),
    ],
)
def test_a_call_to_the_reader_credits_no_one(text: str, cue: str) -> None:
    raw, kept = _both(text)
    assert cue in _cues(text, raw)
    assert cue not in _cues(text, kept)


def test_a_speaker_telling_or_an_imperative_quoted_stays() -> None:
    for text, cue in [
        ("The mayor arrived and told us what she saw at the fair.", "told"),
        ('"Tell us what you think," the mayor said.', "said"),
    ]:
        raw, kept = _both(text)
        assert cue in _cues(text, raw)
        assert _cues(text, kept) == _cues(text, raw), text


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Inside the gut sits a chemical called nitrex.", "called"),
        ("The lab studied a small molecule known as tarsin in the gut.", "known as"),
    ],
)
def test_a_things_name_is_no_attribution(text: str, cue: str) -> None:
    raw, kept = _both(text)
    assert any(cue in c for c in _cues(text, raw))
    assert not any(cue in c for c in _cues(text, kept))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The council hired a group called the Friends of the Park.", "called"),
        ("Tobias Holt, known as Sandy, opened the new bridge on Monday.", "known as"),
    ],
)
def test_a_bare_name_after_a_participle_is_no_attribution(text: str, cue: str) -> None:
    """A naming participle on any noun, a group's or a person's too, whose whole content is
    a name (no verb, no quotation mark) names and reports nothing (branch s14-narr)."""
    raw, kept = _both(text)
    assert cue in _cues(text, raw)
    assert cue not in _cues(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        'For years the writers have met in a secret club known as "the Inkwells".',
        "Tobias Holt, known as a man who rarely spends, opened the new bridge on Monday.",
    ],
)
def test_a_quoted_name_or_a_description_after_a_participle_stays(text: str) -> None:
    raw, kept = _both(text)
    assert "known as" in _cues(text, raw)
    assert _cues(text, kept) == _cues(text, raw)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Rakuten offers the latest Pell earbuds with a charging case for $150.", "offers"),
        ("Kettleshop is currently offering the Brio kettle for $30.", "is currently offering"),
    ],
)
def test_a_shops_price_is_no_statement(text: str, cue: str) -> None:
    raw, kept = _both(text)
    assert cue in _cues(text, raw)
    assert cue not in _cues(text, kept)


def test_offers_without_a_price_or_with_a_clause_of_their_own_stay() -> None:
    for text in [
        "The campaign offered $5 million for the charity.",
        "The mayor offered a plan to pay for $5 million of repairs.",
        "The firm offers a free loaf to every new member of its club.",
    ]:
        raw, kept = _both(text)
        assert "offered" in _cues(text, raw) or "offers" in _cues(text, raw), text
        assert _cues(text, kept) == _cues(text, raw), text


def test_a_club_named_by_a_participle_in_quotes_stays() -> None:
    text = 'For years the writers have met in a secret club known as "the Inkwells".'
    parsed = parse_chunk([(text, None)])[0]
    claim = _claim(text, "known as", '"the Inkwells"', "a secret club", 0.5)
    assert screen(text, [claim], parsed, not_cues=frozenset()) == [claim]
    thing = "For years the writers have studied a rare mineral known as inkstone."
    parsed = parse_chunk([(thing, None)])[0]
    other = _claim(thing, "known as", "inkstone", "a rare mineral", 0.5)
    assert screen(thing, [other], parsed, not_cues=frozenset()) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("BYLINE: Ida Brandt\nThe council met on Monday to vote on the library.", "BYLINE"),
        ("Credit: Ida Brandt, Harbour Post\nThe council met on Monday to vote.", "Credit"),
    ],
)
def test_a_byline_or_credit_label_is_page_furniture(text: str, label: str) -> None:
    raw, kept = _both(text)
    assert (label, ":") in _mentions(text, raw)
    assert (label, ":") not in _mentions(text, kept)


def test_called_for_misread_as_a_things_name_stays() -> None:
    text = (
        "Jo Roe, Ann Lee's rival in the upcoming mayoral election, called Friday for "
        "releasing the council minutes."
    )
    raw, kept = _both(text)
    assert "called" in _cues(text, raw)
    assert "called" in _cues(text, kept)


# Headlines, no-comments and premises (branch s14-nonclaims2): invented sentences.


@pytest.mark.parametrize(
    ("headline", "cue"),
    [
        ("Halvorsen vows to cut ferry fares at packed rally as rivals fire back", "vows"),
        ("Harbour ministers agree on ferry corridor at Tollund talks", "agree on"),
    ],
)
def test_a_headline_with_a_narrative_verb_is_dropped(headline: str, cue: str) -> None:
    text = f"{headline}\n\nBy Jo Pike, Staff Writer\n\nThe talks ended on Monday."
    raw, screened = _both(text)
    assert cue in _cues(text, raw)
    assert cue not in _cues(text, screened)


def test_a_section_label_before_a_colon_credits_no_one() -> None:
    text = "Opinion: The harbour board is asking the wrong question\n\nBy Jo Pike\n\nFares rose."
    raw, screened = _both(text)
    assert ":" in _cues(text, raw)
    assert ":" not in _cues(text, screened)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "The ferry board declined to comment on reports that its chairman, Odd Varga, "
            "had opposed the fare plan.",
            "declined",
        ),
        ("She declined to say what was discussed with the harbour master.", "declined to say"),
    ],
)
def test_a_declined_comment_is_no_claim(sentence: str, cue: str) -> None:
    raw, screened = _both(sentence)
    assert cue in _cues(sentence, raw)
    assert cue not in _cues(sentence, screened)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The harbour master, Ivo Lund, declined an interview request.", "declined"),
        ("Tilda Brandt declined repeated requests for an interview.", "declined"),
        ("The ferry board declined requests for comment on the fare plan.", "declined"),
        ("Odd Varga declined to be interviewed for this report.", "declined"),
        ("Varga would not comment on the fare plan.", "would not comment"),
    ],
)
def test_a_declined_interview_is_no_claim(sentence: str, cue: str) -> None:
    raw, screened = _both(sentence)
    assert any(c.startswith(cue) for c in _cues(sentence, raw))
    assert not any(c.startswith(cue) for c in _cues(sentence, screened))


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Varga’s office didn’t return a request seeking comment by Friday.", "didn’t"),
        ("The ferry board hasn’t responded to questions about the fares.", "hasn’t"),
        ("Tilda Brandt wouldn’t comment on the fare plan.", "wouldn’t comment"),
        ("Ivo Lund has not responded to the harbour report.", "has not responded"),
        ("The ferry board did not reply to the letter from the council.", "did not reply"),
    ],
)
def test_a_request_not_answered_is_no_claim(sentence: str, cue: str) -> None:
    raw, screened = _both(sentence)
    assert any(c.startswith(cue) for c in _cues(sentence, raw))
    assert not any(c.startswith(cue) for c in _cues(sentence, screened))


def test_a_statement_beside_a_response_not_given_stays() -> None:
    text = "Ivo Lund did not respond to the criticism, saying only that the ferry would run."
    screened = _both(text)[1]
    assert [c.content.text(text) for c in screened] == ["only that the ferry would run"]


def test_a_declined_interview_goes_and_a_declined_request_to_act_stays() -> None:
    text = (
        "Ivo Lund declined an interview request. "
        "The harbour court declined a request to delay the ferry trial."
    )
    screened = _both(text)[1]
    assert [c.content.text(text) for c in screened] == ["a request to delay the ferry trial"]


def test_a_statement_after_a_declined_interview_stays() -> None:
    text = "Ivo Lund declined to be interviewed but said in an email that the ferry would run."
    screened = _both(text)[1]
    assert [c.content.text(text) for c in screened] == ["that the ferry would run"]


def test_adding_to_a_lead_is_no_statement_and_adding_a_clause_is() -> None:
    text = (
        "Tilda Brandt won in Marlow, adding to her lead over Ivo Lund. "
        "The ferry board's silence added to the confusion. "
        "Lund added that the harbour would reopen."
    )
    raw, screened = _both(text)
    assert [c.content.text(text) for c in raw if c.cue.text(text).startswith("add")] == [
        "her lead over Ivo Lund",
        "the confusion",
        "that the harbour would reopen",
    ]
    assert [c.content.text(text) for c in screened] == ["that the harbour would reopen"]


def test_a_statement_after_a_declined_comment_stays() -> None:
    text = "Varga said the fares would rise in May but declined to give details of the plan."
    raw, screened = _both(text)
    assert "said" in _cues(text, raw)
    assert "said" in _cues(text, screened)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "Asked whether Mayor Tilda Brandt still trusted her deputy, the spokesman, Ivo Lund, "
            'said: "Completely."',
            "Asked",
        ),
        (
            "Pressed on reports that twenty councillors had written to the party demanding a "
            "vote, Lund said he had seen no such letters.",
            "Pressed on reports",
        ),
    ],
)
def test_a_reporters_question_is_not_the_answerers_claim(sentence: str, cue: str) -> None:
    raw, screened = _both(sentence)
    assert cue in _cues(sentence, raw)
    assert cue not in _cues(sentence, screened)
    assert any(c.startswith("said") for c in _cues(sentence, screened))  # the answer stays


def test_a_reporter_who_asks_stays() -> None:
    text = "One reporter asked whether the mayor had spoken to her deputy before he resigned."
    raw, screened = _both(text)
    assert "asked" in _cues(text, raw)
    assert _cues(text, screened) == _cues(text, raw)


def test_a_refusal_holding_a_statement_stays() -> None:
    text = (
        "Brandt refuses to discuss her choice of deputy, aside from saying she wants someone "
        "from the harbour district."
    )
    raw, screened = _both(text)
    assert "refuses" in _cues(text, raw)
    assert "refuses" in _cues(text, screened)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Everyone at the harbour called him Tobin.", "called"),
        ("The ferry was called The Grey Heron.", "was called"),
        ('The set, called the "Harbour Builder Line", sells well.', "called"),
    ],
)
def test_a_name_given_is_no_attribution(text: str, cue: str) -> None:
    raw, kept = _both(text)
    assert cue in _cues(text, raw)
    assert cue not in _cues(text, kept)


def test_a_name_goes_and_a_description_by_the_same_verb_stays() -> None:
    named = "Everyone at the harbour called him Tobin."
    described = "The mayor called him a liar on Monday."
    assert "called" not in _cues(named, extract(named))
    raw, kept = _both(described)
    assert "called" in _cues(described, raw)
    assert _cues(described, kept) == _cues(described, raw)


def test_a_count_added_is_a_score_line_and_adding_a_clause_stays() -> None:
    game = (
        "Lund tied it early in the second period. Holt won it when she fired a shot that "
        "slipped past the goalie for her sixth goal of the season.\n"
        "Tova Lind added her ninth for the Otters, and Mara Quist stopped 27 shots as the "
        "Otters improved to 9-0-1 in their last ten games."
    )
    tally = "Lund scored twice, and Berg added three assists to lead the Otters."
    for text in (game, tally):
        raw, kept = _both(text)
        assert "added" in _cues(text, raw)
        assert "added" not in _cues(text, kept), text
    said = "The minister added 20 minutes later that the talks had failed."
    assert "added" in _cues(said, extract(said))


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The long climb makes me want to ride again.", "me"),
        ("The museum's guide allows us to recognize every painting.", "us"),
    ],
)
def test_the_writer_as_an_object_is_no_speaker(text: str, mention: str) -> None:
    def mentions(claims: list[FoundClaim]) -> list[str | None]:
        return [c.speaker.mention.text(text) if c.speaker.mention else None for c in claims]

    raw, kept = _both(text)
    assert mention in mentions(raw)
    assert mention not in mentions(kept)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Berg found it hard to talk about the flood.", "found"),
        (
            "As Ann Roe writes for the Harbour Times, the first leaks were found at the dock.",
            "writes for",
        ),
        ('We called it "a fine kettle for most kitchens."', "called"),
        ("As I write this review, the rain keeps falling.", "write"),
        ("He described it to friends.", "described"),
        ('Halvard Tamsby wrote a poem called "The Harbour Is Closed" last spring.', "wrote"),
        ('Lena Tamsby wrote a song titled "Ferry Gone" in 2010.', "wrote"),
    ],
)
def test_a_doing_that_states_nothing_is_no_claim(text: str, cue: str) -> None:
    raw, kept = _both(text)
    assert cue in _cues(text, raw)
    assert cue not in _cues(text, kept)


def test_writing_that_or_a_work_that_says_something_stays() -> None:
    for text in [
        "Lena Tamsby wrote that the ferry was gone.",
        'Lena Tamsby wrote a letter called "Ferry Gone" that said the toll was illegal.',
    ]:
        assert [c.cue.text(text).split()[0] for c in extract(text)] == ["wrote"]

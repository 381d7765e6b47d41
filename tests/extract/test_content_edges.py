"""Where a content ends: what a prepositional object is taken as (or blamed for) belongs to it, and the span
refiner does not carry a content on into a clause of reason or time. Every sentence is written
for these tests and parsed by the real spaCy pipeline; the refiner is the shipped model."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract, nlp
from claimtrack.extract.learned import refine
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.rules import Context, verbs
from claimtrack.extract.segment import Parsed, Segment


def _object_of(text: str, word: str) -> str:
    doc = nlp.load()(text)
    ctx = Context(Parsed(Segment(0, len(text), text, False), doc), QuoteIndex(text), text)
    tok = next(t for t in doc if t.text == word)
    found = verbs.prepositional_object(verbs.read_verb(ctx, tok, tok.sent))
    assert found is not None
    return text[found.content[0] : found.content[1]]


@pytest.mark.parametrize(
    ("text", "word", "content"),
    [
        (
            "The mayor referred to the plan as a costly gamble.",
            "referred",
            "the plan as a costly gamble",
        ),
        ("Critics think of the levy as a tax on renters.", "think", "the levy as a tax on renters"),
        (
            "The senator lashed out at the governor for the delays.",
            "lashed",
            "the governor for the delays",
        ),
    ],
)
def test_a_prepositional_object_keeps_what_it_is_taken_as(
    text: str, word: str, content: str
) -> None:
    assert _object_of(text, word) == content


@pytest.mark.parametrize(
    ("text", "word", "content"),
    [
        # "as" opening a clause is no complement of the object
        (
            "Residents complained about the noise as the trucks rolled past.",
            "complained",
            "the noise",
        ),
        # nor is another preposition hung on the verb
        ("The mayor referred to the plan during her speech.", "referred", "the plan"),
    ],
)
def test_a_prepositional_object_stops_before_other_phrases_of_the_verb(
    text: str, word: str, content: str
) -> None:
    assert _object_of(text, word) == content


def _paragraph(text: str) -> Parsed:
    ((p,),) = parse_chunk([(text, None)])
    return p


def test_a_content_drawn_past_the_proposal_stops_before_a_clause_of_reason() -> None:
    text = "The minister defended the tax because the deficit had grown."
    p = _paragraph(text)
    proposal_end = text.index(" because")
    runs_on = [(text.index("the tax"), len(text) - 1)]
    assert refine._stopped(p, runs_on, proposal_end) == [(text.index("the tax"), proposal_end)]


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("The coach praised the players, who had trained all winter.", ", who"),
        ("The mayor thanked the crews while the storm went on.", " while"),
    ],
)
def test_a_content_drawn_past_the_proposal_goes_on_into_other_words(text: str, tail: str) -> None:
    p = _paragraph(text)
    start = text.index(" the ") + 1
    runs_on = [(start, len(text) - 1)]
    assert refine._stopped(p, runs_on, text.index(tail)) == runs_on


def test_a_content_within_the_proposal_is_left_as_drawn() -> None:
    text = "The minister defended the tax because the deficit had grown."
    p = _paragraph(text)
    inside = [(text.index("the tax"), text.index(" because"))]
    assert refine._stopped(p, inside, len(text) - 1) == inside


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister defended the tax because the deficit had grown.", "the tax"),
        ("The union endorsed the mayor until she cut the pension fund.", "the mayor"),
        ("The council praised the plan since it would create jobs downtown.", "the plan"),
    ],
)
def test_the_shipped_refiner_ends_an_object_before_a_clause_of_reason_or_time(
    text: str, content: str
) -> None:
    (claim,) = extract(text)
    assert claim.content.text(text) == content

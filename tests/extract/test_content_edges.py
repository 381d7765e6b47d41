"""Where a content ends: what a prepositional object is taken as (or blamed for) belongs to it, and the span
refiner does not carry a content on into a clause of reason or time. Every sentence is written
for these tests and parsed by the real spaCy pipeline; the refiner is the shipped model."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract, nlp, tails
from claimtrack.extract.learned import refine
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.rules import Context, verbs
from claimtrack.extract.segment import Parsed, Segment


def _content_of(rule, text: str, word: str) -> str:  # noqa: ANN001 - a rule of verbs
    """The content RULE (a function of ``rules.verbs``) draws for the verb WORD of TEXT."""
    doc = nlp.load()(text)
    ctx = Context(Parsed(Segment(0, len(text), text, False), doc), QuoteIndex(text), text)
    tok = next(t for t in doc if t.text == word)
    found = rule(verbs.read_verb(ctx, tok, tok.sent))
    assert found is not None
    return text[found.content[0] : found.content[1]]


def _object_of(text: str, word: str) -> str:
    return _content_of(verbs.prepositional_object, text, word)


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


def _direct_object_of(text: str, word: str) -> str:
    return _content_of(verbs.direct_object, text, word)


@pytest.mark.parametrize(
    ("text", "word", "content"),
    [
        ("The governor denied it on Thursday.", "denied", "it"),
        ("Sanders criticized Clinton in early June.", "criticized", "Clinton"),
        ("Ms. Roe praised him in a tweet.", "praised", "him"),
        ("The mayor endorsed the harbor plan in an interview.", "endorsed", "the harbor plan"),
        ("The governor mocked him on Twitter.", "mocked", "him"),
    ],
)
def test_a_direct_object_ends_before_when_or_in_what_it_was_said(
    text: str, word: str, content: str
) -> None:
    assert _direct_object_of(text, word) == content


@pytest.mark.parametrize(
    ("text", "word", "content"),
    [
        # a complement of the object, and a phrase hung on the object itself, stay
        (
            "The senator blamed the council for the delays.",
            "blamed",
            "the council for the delays",
        ),
        (
            "Jones blamed the council for the delays in March.",
            "blamed",
            "the council for the delays in March",
        ),
        # examples the parser hung on the verb stay with the object
        (
            "She criticized spending projects, like new bridges and bigger parks.",
            "criticized",
            "spending projects, like new bridges and bigger parks",
        ),
        (
            "Roe questioned the treasurer's record, including her work on the budget.",
            "questioned",
            "the treasurer's record, including her work on the budget",
        ),
    ],
)
def test_a_direct_object_keeps_its_complements_and_examples(
    text: str, word: str, content: str
) -> None:
    assert _direct_object_of(text, word) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Roe said things "should be settled by the summer," referring to the convention.',
            'things "should be settled by the summer,"',
        ),
        (
            'The mayor insisted that the report was a "distortion," describing the audit as careless.',
            'that the report was a "distortion,"',
        ),
        (
            "The chief said the budget was ''too thin,'' describing cuts to the night patrols.",
            "the budget was ''too thin,''",
        ),
    ],
)
def test_a_content_ends_at_a_quotation_closed_before_the_writers_participle(
    text: str, content: str
) -> None:
    (claim,) = extract(text)
    assert claim.content.text(text) == content


@pytest.mark.parametrize(
    "text",
    [
        # a quotation closed with a comma and followed by other words goes on
        'Roe said the plan was "a good start," a view the whole council shared.',
        # a participle after a quotation closed without a comma inside its marks too
        'Roe said the plan was "a good start", adding weight to the council vote.',
    ],
)
def test_a_content_goes_on_past_a_quotation_not_followed_by_a_participle(text: str) -> None:
    p = _paragraph(text)
    start = text.index("the plan")
    parts = [(start, len(text) - 1)]
    assert tails.before_participle(text, p, QuoteIndex(text), parts) == parts


def test_a_clause_of_contrast_opening_the_content_stays_in_it() -> None:
    text = "The union said that while polling of its members showed weak support, it would stay neutral."
    claims = extract(text)
    assert [c.content.text(text) for c in claims] == [
        "that while polling of its members showed weak support, it would stay neutral"
    ]


def test_a_second_speaker_after_while_is_still_a_claim_of_its_own() -> None:
    text = "The governor said the bridge was safe, while the engineers said it needed repairs."
    claims = extract(text)
    assert [c.content.text(text) for c in claims] == ["the bridge was safe", "it needed repairs"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The governor mocked him on Twitter.", "him"),
        ("The governor denied it on Thursday.", "it"),
    ],
)
def test_the_shipped_refiner_keeps_where_and_when_it_was_said_out(text: str, content: str) -> None:
    (claim,) = extract(text)
    assert claim.content.text(text) == content


@pytest.mark.parametrize(
    "text",
    [
        '"We will win the county," Roe said Tuesday, "and we will win it by a mile."',
        '"The bridge is safe," the engineer said last week, "and it will open in June."',
    ],
)
def test_when_it_was_said_belongs_to_the_attribution_between_two_halves(text: str) -> None:
    (claim,) = extract(text)
    first = text[: text.index(",") + 2]
    second = text[text.rindex('"', 0, len(text) - 2) :]
    assert [p.text(text) for p in claim.pieces] == [first, second]


def _clause_of(text: str, word: str) -> str:
    return _content_of(verbs.clause_complement, text, word)


@pytest.mark.parametrize(
    ("text", "word", "content"),
    [
        (
            "The budget was a mess; the mayor insists it will be fixed by May.",
            "insists",
            "it will be fixed by May",
        ),
        (
            "It is a quiet town: officials said they expect no trouble at the fair.",
            "said",
            "they expect no trouble at the fair",
        ),
        # a quoted phrase inside the clause after does not make it a quotation
        (
            'The budget was a mess; the mayor insists the "temporary" cuts will end by May.',
            "insists",
            'the "temporary" cuts will end by May',
        ),
    ],
)
def test_a_clause_after_the_verb_is_its_content_rather_than_the_clause_before(
    text: str, word: str, content: str
) -> None:
    # the parser hangs both clauses on the verb; what is insisted or said comes after it
    assert _clause_of(text, word) == content
    claims = [c for c in extract(text) if c.cue.text(text) == word]
    assert [c.content.text(text) for c in claims] == [content]


def test_a_quoted_clause_before_the_verb_stays_its_content() -> None:
    text = '"It is a quiet town": officials said they expect no trouble at the fair.'
    assert _clause_of(text, "said") == "It is a quiet town"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union is backing Dana Holt, the former county treasurer.", "Dana Holt"),
        (
            "The council rejected the proposal, a plan the mayor drafted last spring.",
            "the proposal",
        ),
        (
            "The senator praised the new budget, an agreement both parties signed in May.",
            "the new budget",
        ),
        ("The mayor criticized the levy - a tax the county adopted in 2014.", "the levy"),
    ],
)
def test_an_object_ends_before_the_writers_description_of_it(text: str, content: str) -> None:
    (claim,) = extract(text)
    assert claim.content.text(text) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a list the parser reads as appositives
        (
            "The governor thanked the volunteers, the nurses and the firefighters.",
            "the volunteers, the nurses and the firefighters",
        ),
        ("The governor endorsed Dana Holt, Sam Lee and Ann Roe.", "Dana Holt, Sam Lee and Ann Roe"),
        # what a naming verb calls its object is the content
        (
            "The coach called the referee, a man he had never met, a coward.",
            "the referee, a man he had never met, a coward",
        ),
        # words inside a quotation are the speaker's
        ('The crowd chanted "no contract, no peace."', '"no contract, no peace."'),
    ],
)
def test_an_object_keeps_a_list_a_naming_and_a_quotation(text: str, content: str) -> None:
    (claim,) = extract(text)
    assert claim.content.text(text) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"We are angry and heartbroken" by the fire at the club, Roe said.',
            '"We are angry and heartbroken" by the fire at the club',
        ),
        (
            '"The bridge will not reopen" before the spring thaw, the engineer said.',
            '"The bridge will not reopen" before the spring thaw',
        ),
    ],
)
def test_a_quoted_fragment_goes_on_to_its_attribution(text: str, content: str) -> None:
    (claim,) = extract(text)
    assert claim.content.text(text) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the quotation closes with its own punctuation: it is all that was said
        ('"We are frustrated," Roe said.', '"We are frustrated,"'),
        # the cue before the quotation: the quoted words are what was said, not where
        ('The mayor repeated "no new taxes" at every stop.', '"no new taxes"'),
        # a semicolon ends the clause that the quotation opens
        ('"We are frustrated"; the club was closed, Roe said.', '"We are frustrated"'),
    ],
)
def test_a_quotation_keeps_its_own_edges(text: str, content: str) -> None:
    claims = [c for c in extract(text) if c.content.text(text).startswith('"')]
    assert [c.content.text(text) for c in claims] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ferry board agreed on Monday to reopen the harbour.", "to reopen the harbour"),
        ("Mayor Tilda Brandt promised on Friday to cut the fares.", "to cut the fares"),
    ],
)
def test_the_date_of_the_cue_is_not_content(text: str, content: str) -> None:
    (claim,) = extract(text)
    assert claim.content.text(text) == content


def test_only_the_date_of_the_cue_leaves_the_content() -> None:
    text = (
        "The ferry board agreed on Monday to reopen the harbour. "
        "Ivo Lund said Monday's vote would decide the fares. "
        "Critics took to the radio, calling Christmas a sham."
    )
    assert [c.content.text(text) for c in extract(text)] == [
        "to reopen the harbour",
        "Monday's vote would decide the fares",
        "Christmas a sham",
    ]

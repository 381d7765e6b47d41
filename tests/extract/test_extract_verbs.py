"""The verb rule's content finders (extract/rules/verbs.py), each on one sentence parsed by the
real spaCy pipeline (sentences written for this)."""

from __future__ import annotations

import pytest

from claimtrack.extract import nlp
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.rules import Context, verbs
from claimtrack.extract.rules.verbs import Found, Verb
from claimtrack.extract.segment import Parsed, Segment


def verb(text: str, word: str) -> Verb:
    doc = nlp.load()(text)
    ctx = Context(Parsed(Segment(0, len(text), text, False), doc), QuoteIndex(text), text)
    tok = next(t for t in doc if t.text == word)
    return verbs.read_verb(ctx, tok, tok.sent)


def content(text: str, found: Found | None) -> str:
    assert found is not None and found is not verbs.NOTHING
    return text[found.content[0] : found.content[1]]


def test_quote_beside() -> None:
    t = '"Nonsense," the referee said.'
    found = verbs.quote_beside(verb(t, "said"))
    assert content(t, found) == '"Nonsense,"'
    assert found is not None and found.rule == "quote"


def test_naming_complement() -> None:
    t = "The councillor called the parking scheme a costly blunder."
    found = verbs.naming_complement(verb(t, "called"))
    assert content(t, found) == "the parking scheme a costly blunder"


def test_quote_after_addressee() -> None:
    t = 'The coach told reporters, "Not today."'
    found = verbs.quote_after_addressee(verb(t, "told"))
    assert content(t, found) == '"Not today."'


def test_clause_complement() -> None:
    t = "Mayor Ada Brennan said that the library would open on Sundays."
    found = verbs.clause_complement(verb(t, "said"))
    assert content(t, found) == "that the library would open on Sundays"


def test_infinitive_complement() -> None:
    t = "The union urged its members to reject the offer."
    found = verbs.infinitive_complement(verb(t, "urged"))
    assert content(t, found) == "its members to reject the offer"


def test_infinitive_complement_raising() -> None:
    t = "The new budget appears to contradict the minister's pledge."
    found = verbs.infinitive_complement(verb(t, "appears"))
    assert found is not None and found.rule == "raising"
    assert content(t, found) == "The new budget appears to contradict the minister's pledge"


def test_direct_object() -> None:
    t = "The farmers' group denied the allegations about the river."
    found = verbs.direct_object(verb(t, "denied"))
    assert content(t, found) == "the allegations about the river"


def test_direct_object_light_verb() -> None:
    t = "The mayor expressed doubt that the tram would be finished."
    found = verbs.direct_object(verb(t, "expressed"))
    assert content(t, found) == "that the tram would be finished"
    assert found is not None and t[found.cue[0] : found.cue[1]] == "expressed doubt"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "word"),
    [("Nobody knows what the mayor said.", "said"), ("The coach told reporters.", "told")],
)
def test_direct_object_refuses_a_question_word_and_the_addressee(text: str, word: str) -> None:
    found = verbs.direct_object(verb(text, word))
    assert found is verbs.NOTHING if word == "said" else found is None


def test_adjacent_quotation() -> None:
    t = 'The ranger said: "Keep your dogs on a lead."'
    found = verbs.adjacent_quotation(verb(t, "said"))
    assert content(t, found) == '"Keep your dogs on a lead."'


def test_reported_clause_around() -> None:
    t = "The harvest, the cooperative said, will be late."
    found = verbs.reported_clause_around(verb(t, "said"))
    assert found is not None and found.rule == "parataxis"
    assert [t[a:b] for a, b in found.parts] == ["The harvest", "will be late"]


def test_prepositional_object() -> None:
    t = "The residents called for a public inquiry."
    found = verbs.prepositional_object(verb(t, "called"))
    assert content(t, found) == "a public inquiry"
    assert found is not None and t[found.cue[0] : found.cue[1]] == "called for"  # type: ignore[index]


def test_verb_rule_runs_the_first_finder_that_answers() -> None:
    t = "Mayor Ada Brennan said that the library would open on Sundays."
    v = verb(t, "said")
    cand = verbs.verb_rule(v.ctx, v.tok, v.sent)
    assert cand is not None and cand.rule == "c"
    assert t[cand.source[0] : cand.source[1]] == "Mayor Ada Brennan"  # type: ignore[index]

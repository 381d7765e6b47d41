"""Which mention a claim credits (issue 14, the mention session): the one who made the
document or gave the speech a participle describes, the one a causative verb makes speak, and
the subject a possessive pronoun on a noun cue stands for. Every sentence here is written for
these tests."""

from __future__ import annotations

from spacy.tokens import Token

from claimtrack.extract import extract, nlp
from claimtrack.extract.rules.nouns import possessor_subject


def _claims(text: str) -> list[tuple[str, str | None, str | None]]:
    """(cue, mention, name) of each claim, in text order."""
    return [
        (c.cue.text(text), c.speaker.mention and c.speaker.mention.text(text), c.speaker.name)
        for c in extract(text)
    ]


def _credited(text: str, words: str) -> tuple[str | None, str | None]:
    """The mention and name of the claim whose content holds WORDS."""
    for c in extract(text):
        if words in c.content.text(text):
            mention = c.speaker.mention.text(text) if c.speaker.mention else None
            return mention, c.speaker.name
    raise AssertionError(f"no claim holds {words!r}: {_claims(text)}")


# --- a document or a speech described by a participle: its maker speaks ----------------------


def test_a_press_release_saying_is_credited_to_who_sent_it() -> None:
    text = (
        "Shortly after the hearing, the Harlow campaign issued a press release saying the "
        "ferry fares would double."
    )
    mention, _ = _credited(text, "ferry fares")
    assert mention is not None and "Harlow campaign" in mention
    assert "release" not in mention


def test_ads_demanding_are_credited_to_who_runs_them() -> None:
    text = "The Coastal Alliance will run ads demanding that the council repair the seawall."
    mention, name = _credited(text, "repair the seawall")
    assert mention == "The Coastal Alliance"
    assert name == "Coastal Alliance"


def test_a_chance_to_show_is_the_subjects() -> None:
    text = "Mayor Dana Whitcombe has a real chance to show that the harbor can pay for itself."
    mention, name = _credited(text, "harbor can pay")
    assert mention == "Mayor Dana Whitcombe" and name == "Dana Whitcombe"


def test_people_described_by_a_participle_still_speak_for_themselves() -> None:
    text = "The mayor met residents complaining that the ferry was always late."
    mention, _ = _credited(text, "ferry was always late")
    assert mention == "residents"


# --- a causative verb: the one it makes speak --------------------------------------------------


def test_prompted_someone_to_joke_credits_the_object() -> None:
    text = (
        "The long delay prompted Senator Ada Quill to joke that the bridge was older than "
        "the river."
    )
    mention, name = _credited(text, "older than the river")
    assert mention == "Senator Ada Quill" and name == "Ada Quill"


def test_led_some_to_speculate_credits_some_and_the_cue_is_the_infinitive() -> None:
    text = "The sudden resignation led some to speculate that the board had been divided."
    claims = [c for c in _claims(text) if c[1] is not None]
    assert ("to speculate", "some", None) in claims


def test_urged_someone_to_act_stays_the_urgers() -> None:
    text = "Governor Lena Brook urged voters to reject the new ferry tax."
    mention, name = _credited(text, "reject the new ferry tax")
    assert mention == "Governor Lena Brook" and name == "Lena Brook"


# --- a possessive pronoun on a noun cue that is its subject's object ---------------------------


def test_his_attacks_are_the_subjects() -> None:
    text = "Harold Vance on Monday ratcheted up his attacks on the ferry board."
    mention, name = _credited(text, "ferry board")
    assert mention == "Harold Vance" and name == "Harold Vance"


def _noun_and_possessive(text: str, noun: str) -> tuple[Token, Token | None]:
    doc = nlp.load()(text)
    tok = next(t for t in doc if t.text == noun)
    return tok, next((c for c in tok.children if c.dep_ == "poss"), None)


def test_the_possessive_stands_for_the_subject_it_agrees_with() -> None:
    noun, poss = _noun_and_possessive("Harold Vance renewed his call for a ferry audit.", "call")
    subj = possessor_subject(poss, noun)
    assert subj is not None and subj.text == "Vance"
    noun, poss = _noun_and_possessive("She renewed her call for a ferry audit.", "call")
    subj = possessor_subject(poss, noun)
    assert subj is not None and subj.text == "She"


def test_a_possessive_that_does_not_agree_with_the_subject_stays() -> None:
    noun, poss = _noun_and_possessive("He dismissed her claims about the ferry board.", "claims")
    assert poss is not None and poss.text == "her"
    assert possessor_subject(poss, noun) is None


# --- a speaker the parser put beside the verb: an object after a quotation, a glued name -------


def test_the_speaker_after_a_quotation_read_as_an_object() -> None:
    text = '"We never asked for the ferry tax," added another harbor commissioner.'
    mention, _ = _credited(text, "ferry tax")
    assert mention == "another harbor commissioner"
    # a participle's object is no speaker, even after a quotation
    text = 'Jo Roe went on to praise Ada Moss, calling her "the best harbor master in years."'
    mention, name = _credited(text, "best harbor master")
    assert mention == "Jo Roe" and name == "Jo Roe"


def test_a_name_glued_onto_the_verb_after_a_quotation() -> None:
    text = '"The plan is sound and the river is clean," Varnholt notes.'
    mention, _ = _credited(text, "river is clean")
    assert mention == "Varnholt"


# --- a relative clause on a thing its subject made: the maker speaks ---------------------------


def test_an_editorial_that_warned_is_credited_to_who_printed_it() -> None:
    text = "The Ellsworth Gazette printed an editorial that warned the ferry budget would fall."
    mention, _ = _credited(text, "ferry budget")
    assert mention == "The Ellsworth Gazette"
    # a relative clause after a comma may be about the nearer noun: it keeps its pronoun
    text = (
        "Jo Roe won a ruling from the Ellsworth port commission, which found that she met "
        "the deadline."
    )
    mention, _ = _credited(text, "met the deadline")
    assert mention == "which"


def test_sections_that_demand_are_credited_to_the_platforms() -> None:
    text = "The two party platforms carry sections that demand a new seawall."
    mention, _ = _credited(text, "new seawall")
    assert mention is not None and "platforms" in mention


# --- an aside hung on a verb that reports too: the aside is the attribution -------------------


def test_an_aside_on_a_reporting_verb_credits_the_aside() -> None:
    text = "Back then, Ms. Varnholt said, she found the harbor clerks slow and unhelpful."
    mention, _ = _credited(text, "harbor clerks slow")
    assert mention == "Ms. Varnholt"
    # the inner "she found" lies inside the aside's content: one claim, not two
    assert [cue for cue, _, _ in _claims(text)] == ["said"]


def test_an_aside_whose_clause_reports_too() -> None:
    text = "At one point, the ferryman said, he was considering a move to the coast."
    mention, _ = _credited(text, "move to the coast")
    assert mention == "the ferryman"


def test_a_reporting_verb_without_an_aside_keeps_its_claim() -> None:
    text = "The harbor master found the new moorings too shallow for the ferries."
    assert _claims(text)[0][:2] == ("found", "The harbor master")

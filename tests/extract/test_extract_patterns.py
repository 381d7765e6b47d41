"""One test or more per attribution pattern the extractor handles (sentences written for this).

These test the rules, so the learned models are off here: the span refiner may move an edge to
where annotators draw it ("said in a statement"), which tests/extract/test_learned.py covers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.types import FoundClaim

PUBLISHED = dt.date(2025, 3, 5)


def claims_of(text: str) -> list[FoundClaim]:
    out = extract(text, PUBLISHED, learned=False)
    for c in out:  # every span of every claim indexes the text
        for span in (c.cue, c.content, c.sentence, c.speaker.mention, *c.content_parts):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
    return out


def by_cue(text: str, cue: str) -> FoundClaim:
    found = [c for c in claims_of(text) if c.cue.text(text) == cue]
    assert found, f"no claim with cue {cue!r} in {[c.cue.text(text) for c in claims_of(text)]}"
    return found[0]


def test_reporting_verb_with_that_clause() -> None:
    t = "Mayor Linda Okafor said that the bridge would reopen in May."
    c = by_cue(t, "said")
    assert c.content.text(t) == "that the bridge would reopen in May"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "Mayor Linda Okafor"
    assert c.speaker.name == "Linda Okafor"
    assert c.attribution == "indirect"
    assert c.quote is None


def test_clause_then_speaker_said() -> None:
    t = "The budget is balanced, the treasurer said."
    c = by_cue(t, "said")
    assert c.content.text(t) == "The budget is balanced"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the treasurer"


def test_inverted_said_speaker() -> None:
    t = '"We will not raise taxes," said Governor Pat Delgado.'
    c = by_cue(t, "said")
    assert c.speaker.name == "Pat Delgado"
    assert c.speaker.role == "Governor"
    assert c.attribution == "direct"
    assert c.quote == "We will not raise taxes"
    assert c.content.text(t).startswith('"We will')


def test_according_to() -> None:
    t = "According to the state auditor, the program lost $2 million last year."
    c = by_cue(t, "According to")
    assert c.attribution == "according_to"
    assert c.content.text(t) == "the program lost $2 million last year"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the state auditor"


def test_according_to_after_the_content_is_hedged_by_may() -> None:
    t = "The company may cut 500 jobs, according to people familiar with the matter."
    c = by_cue(t, "according to")
    assert c.content.text(t) == "The company may cut 500 jobs"
    assert c.hedged
    assert c.speaker.kind == "unnamed"


def test_noun_cue_claim_that() -> None:
    t = "Senator Ruth Alvarez repeated her claim that the vote had been rigged."
    c = next(x for x in claims_of(t) if "claim" in x.cue.text(t))
    assert c.content.text(t) == "that the vote had been rigged"
    assert c.speaker.name == "Ruth Alvarez"


def test_expressed_hope_that() -> None:
    t = "The minister expressed hope that the talks would resume next week."
    c = by_cue(t, "expressed hope")
    assert c.content.text(t) == "that the talks would resume next week"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "The minister"


def test_colon_lead_in() -> None:
    t = 'Chief Inspector Mara Quinn: "Nobody was hurt in the fire."'
    c = by_cue(t, ":")
    assert c.content.text(t) == '"Nobody was hurt in the fire."'
    assert c.speaker.name == "Mara Quinn"
    assert c.attribution == "direct"


def test_split_quote_around_cue() -> None:
    t = '"The river is rising," Quinn said, "and we must leave now."'
    c = by_cue(t, "said")
    assert c.speaker.name == "Quinn"
    assert [p.text(t) for p in c.content_parts] == [
        '"The river is rising,"',
        '"and we must leave now."',
    ]
    assert c.content.start == 0 and c.content.end == len(t) - 0
    assert c.quote == "The river is rising ... and we must leave now"


def test_multi_paragraph_quote() -> None:
    t = (
        "Coach Dana Reyes said:\n"
        '"We played badly in the first half.\n'
        '"In the second half we fought back and won."\n'
        "The team flies home tomorrow."
    )
    c = by_cue(t, "said:")
    assert c.speaker.name == "Dana Reyes"
    assert c.content.text(t).endswith('fought back and won."')
    assert "first half" in c.content.text(t)
    assert c.quote is not None and '"' not in c.quote


def test_unbalanced_quote_marks_do_not_fail() -> None:
    t = 'The director said "we are ready and then left the room.\nShe said that "it was fine.'
    claims = claims_of(t)
    assert [c.speaker.mention.text(t) for c in claims if c.speaker.mention] == [
        "The director",
        "She",
    ]


def test_follow_on_quote_inherits_speaker() -> None:
    t = (
        'Councillor Omar Haddad rejected the plan. "It is a waste of money," he said.\n'
        '"It will never work."\n'
    )
    claims = claims_of(t)
    # the quotation's next paragraph is a piece of the claim that introduced it
    # (extract/pieces.py): one attribution in two content parts
    follow = [c for c in claims if '"It will never work."' in [p.text(t) for p in c.content_parts]]
    assert len(follow) == 1
    assert [p.text(t) for p in follow[0].content_parts] == [
        '"It is a waste of money,"',
        '"It will never work."',
    ]
    assert follow[0].speaker.name == "Omar Haddad"
    assert follow[0].attribution == "direct"
    # the mention and cue that introduced the quotation, in the paragraph before
    assert follow[0].speaker.mention is not None and follow[0].speaker.mention.text(t) == "he"
    assert follow[0].cue.text(t) == "said"


def test_follow_on_needs_a_quoted_speaker_before() -> None:
    t = 'The weather was cold.\n"It will never work."\n'
    assert claims_of(t) == []


def test_pronoun_resolves_to_full_name() -> None:
    t = (
        "Finance Minister Ana Costa spoke on Monday. "
        "Later, she clarified that the tax would apply only to large firms."
    )
    c = by_cue(t, "clarified")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "she"
    assert c.speaker.name == "Ana Costa"
    assert c.speaker.role == "Finance Minister"


def test_surname_resolves_to_full_name() -> None:
    t = (
        "Police Chief Tom Brennan opened the briefing. "
        "Brennan stated that two suspects had been arrested."
    )
    c = by_cue(t, "stated")
    assert c.speaker.name == "Tom Brennan"
    assert "Brennan" in c.speaker.aliases


def test_role_lookup_for_the_aide() -> None:
    t = (
        "Presidential Aide Yuri Ushakov arrived in Moscow on Monday. "
        "The aide said that talks would continue."
    )
    c = by_cue(t, "said")
    assert c.speaker.name == "Yuri Ushakov"


def test_title_role_affiliation_split() -> None:
    t = "German Foreign Minister Klaus Weber said that Berlin supports the plan."
    c = by_cue(t, "said")
    assert (c.speaker.name, c.speaker.role, c.speaker.affiliation) == (
        "Klaus Weber",
        "Foreign Minister",
        "Germany",
    )
    t2 = "U.S. President Dana Fields said that the talks were useful."
    c2 = by_cue(t2, "said")
    assert (c2.speaker.name, c2.speaker.role, c2.speaker.affiliation) == (
        "Dana Fields",
        "President",
        "United States",
    )


def test_appositive_role() -> None:
    t = "Maria Lopez, the head of the union, told reporters that the strike would go on."
    c = by_cue(t, "told")
    assert c.speaker.name == "Maria Lopez"
    assert c.speaker.role == "head of the union"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Kremlin said that the meeting would take place in Vienna.", "government"),
        ("The State Department said the embassy would remain open.", "government"),
        ("Local media outlets reported that the airport was closed.", "media"),
        ("The New York Times reported that the deal was signed.", "media"),
        ("A source familiar with the talks said the deal was close.", "unnamed"),
        ("Officials said the road would be closed for a week.", "unnamed"),
        ("Various parties said the ceasefire was holding.", "unnamed"),
    ],
)
def test_speaker_kinds(text: str, kind: str) -> None:
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0].speaker.kind == kind


def test_hedge_reportedly_and_expected() -> None:
    t = "The senator reportedly believes that the bill will fail."
    c = by_cue(t, "reportedly believes")
    assert c.hedged
    t2 = "The spokesman is expected to say that the plant will close."
    c2 = by_cue(t2, "is expected to say")
    assert c2.hedged
    assert c2.speaker.mention is not None and c2.speaker.mention.text(t2) == "The spokesman"
    t3 = "The mayor said that the bridge is safe."
    assert not by_cue(t3, "said").hedged


def test_nested_report_credits_the_inner_speaker() -> None:
    t = "Reports indicate that the chief executive said the merger was off."
    claims = claims_of(t)
    assert [c.cue.text(t) for c in claims] == ["said"]
    assert claims[0].content.text(t) == "the merger was off"


def test_passive_reported_by() -> None:
    t = "It was reported by the local newspaper that the school would close."
    c = by_cue(t, "was reported")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the local newspaper"
    # a newspaper the article does not name is a description, no named outlet (issue 14)
    assert c.speaker.kind == "unnamed"
    assert c.content.text(t) == "that the school would close"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The farmers believe that the drought will last another year.",
            "believe",
            "that the drought will last another year",
        ),
        ("Analysts think the bank will cut rates.", "think", "the bank will cut rates"),
        ("The union wants the company to raise wages.", "wants", "the company to raise wages"),
    ],
)
def test_thinking_and_intending_verbs(text: str, cue: str, content: str) -> None:
    c = by_cue(text, cue)
    assert c.content.text(text) == content


def test_date_phrases_are_found_and_resolved() -> None:
    t = (
        "Health Minister Jane Doe said on Tuesday that hospitals were full. "
        "She previously warned that staff were exhausted."
    )
    said = by_cue(t, "said")
    assert said.date.text == "on Tuesday"
    assert said.date.on == dt.date(2025, 3, 4)
    warned = by_cue(t, "previously warned")
    assert warned.date.text == "previously"
    assert warned.date.relation == "before"


def test_mixed_quote() -> None:
    t = 'The minister said that the plan would "change everything" for farmers.'
    c = by_cue(t, "said")
    assert c.attribution == "mixed"
    assert c.quote == "change everything"


def test_heading_is_attached() -> None:
    t = "Budget Talks\nThe treasurer said that the deficit had shrunk.\n"
    c = by_cue(t, "said")
    assert c.heading == "Budget Talks"
    assert c.sentence.text(t) == "The treasurer said that the deficit had shrunk."


def test_no_claim_without_attribution() -> None:
    assert claims_of("The bridge reopened in May after repairs.") == []


def test_coordinated_attributions_split_the_content() -> None:
    t = "The mayor said the bridge was safe and added that repairs would start soon."
    claims = claims_of(t)
    said = by_cue(t, "said")
    assert said.content.text(t) == "the bridge was safe"
    added = next(c for c in claims if c.cue.text(t) == "added")
    assert added.content.text(t) == "that repairs would start soon"
    assert added.speaker.mention is not None and added.speaker.mention.text(t) == "The mayor"


def test_quote_after_the_addressee() -> None:
    t = 'The coach told reporters, "We will be back next season."'
    c = by_cue(t, "told")
    assert c.content.text(t) == '"We will be back next season."'
    assert c.attribution == "direct"


def test_object_content_keeps_its_complement() -> None:
    t = "The senator criticized the governor for the delay in the budget."
    c = by_cue(t, "criticized")
    assert c.content.text(t) == "the governor for the delay in the budget"


def test_parenthetical_attribution_mid_sentence() -> None:
    t = "The goal, the minister said, is a durable ceasefire."
    c = by_cue(t, "said")
    assert [p.text(t) for p in c.content_parts] == ["The goal", "is a durable ceasefire"]
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the minister"


def test_name_label_colon_without_quotes() -> None:
    t = "Gingrich: The Ticket Must Be Balanced.\nTrump Summit: Key Topics\n"
    claims = claims_of(t)
    assert len(claims) == 1
    assert claims[0].speaker.name == "Gingrich"
    assert claims[0].content.text(t) == "The Ticket Must Be Balanced"


def test_preposition_linking_cue_and_content_is_in_the_cue() -> None:
    t = "The union boasted about a plan to raise wages for every worker."
    c = by_cue(t, "boasted about")
    assert c.content.text(t) == "a plan to raise wages for every worker"
    t = "Ann Holt voted against a measure to expand the parking lot."  # a person's vote
    c = by_cue(t, "voted against")
    assert c.content.text(t) == "a measure to expand the parking lot"


def test_called_on_someone_to_act() -> None:
    t = "The senator called on the governor to resign."
    c = by_cue(t, "called on")
    assert c.content.text(t) == "the governor to resign"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "The senator"


def test_said_of_after_a_quotation() -> None:
    t = '"A costly mistake," the mayor said of the stadium deal.'
    c = by_cue(t, "said of")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the mayor"


def test_quotation_split_by_said_of_is_one_claim() -> None:
    t = '"We will not wait," the mayor said of the stadium plan. "The city needs an answer now."'
    c = by_cue(t, "said")
    assert [p.text(t) for p in c.content_parts] == [
        '"We will not wait,"',
        '"The city needs an answer now."',
    ]


def test_medium_phrase_is_not_in_the_cue() -> None:
    t = '"We will not wait," the mayor said in a statement. "The city needs an answer now."'
    c = by_cue(t, "said")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the mayor"
    assert len(c.content_parts) == 2


def test_focus_adverb_and_dateline_are_not_in_the_source() -> None:
    t = "Even some of her closest allies said the plan was too expensive."
    c = by_cue(t, "said")
    assert c.speaker.mention is not None
    assert c.speaker.mention.text(t) == "some of her closest allies"
    t = "LISBON (Reuters) - Prime Minister Ana Duarte said the deal would be signed."
    c = by_cue(t, "said")
    assert c.speaker.mention is not None
    assert c.speaker.mention.text(t).startswith("Prime Minister")


def test_clause_hung_on_the_medium_is_the_content() -> None:
    t = "The minister said in a statement that the bridge would reopen in May."
    c = by_cue(t, "said in a statement")
    assert c.content.text(t) == "that the bridge would reopen in May"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "The minister"


@pytest.mark.parametrize(
    ("t", "cue"),
    [
        (
            "Judge Ana Ruiz wrote in a 30-page opinion that the county ignored the warnings.",
            "wrote in a 30-page opinion",
        ),
        ("Dr. Ann Poe said in a report that the water was safe.", "said in a report"),
    ],
)
def test_a_court_opinion_or_a_report_is_a_medium(t, cue) -> None:
    c = by_cue(t, cue)
    assert c.content.text(t).startswith("that the")


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ('"Sit down, all of you," the chairwoman snapped.', "snapped", "the chairwoman"),
        ('"We are not done yet," Coach Ida Brandt grinned.', "grinned", "Coach Ida Brandt"),
    ],
)
def test_any_verb_closing_a_quotation_is_a_cue(text: str, cue: str, speaker: str) -> None:
    c = by_cue(text, cue)
    assert c.speaker.mention is not None and c.speaker.mention.text(text) == speaker
    assert c.attribution == "direct"


def test_verb_of_motion_after_a_quotation_is_not_a_cue() -> None:
    assert claims_of('"Morning," she walked into the kitchen.') == []


def test_quotation_goes_on_after_the_cue_sentence_with_its_adjuncts() -> None:
    t = (
        '"The levee held," the engineer said on Friday, in answer to a reporter. '
        '"We were lucky this time."'
    )
    c = by_cue(t, "said")
    assert [p.text(t) for p in c.content_parts] == [
        '"The levee held,"',
        '"We were lucky this time."',
    ]


def test_addressee_stays_out_of_a_parenthetical_attribution() -> None:
    t = "Instead, the mayor told reporters, the park would stay open all winter."
    c = by_cue(t, "told")
    assert c.content.text(t) == "the park would stay open all winter"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the mayor"


def test_participle_with_preposition_takes_its_object_as_content() -> None:
    t = "The governor dodged the question, pointing to his record on schools."
    c = by_cue(t, "pointing to")
    assert c.content.text(t) == "his record on schools"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Harbor council: New ferry fees will hurt commuters.\nThe council met.",
            "Harbor council",
            "New ferry fees will hurt commuters",
        ),
        (
            "Dr. Mara Quist: The clinic can stay open.\nShe spoke on Monday.",
            "Dr. Mara Quist",
            "The clinic can stay open",
        ),
    ],
)
def test_title_with_a_colon_credits_its_label(text: str, source: str, content: str) -> None:
    c = by_cue(text, ":")
    assert c.speaker.mention is not None and c.speaker.mention.text(text) == source
    assert c.content.text(text) == content


@pytest.mark.parametrize(
    "text",
    [
        "Updated: Storm hits the coast.\nThe storm hit on Monday.",
        "Coming Harbor Summit: Three Big Questions\nThe summit opens on Friday.",
    ],
)
def test_title_colon_needs_a_label_and_a_statement(text: str) -> None:
    assert claims_of(text) == []


def test_all_caps_headline_is_parsed_in_its_common_case() -> None:
    # (a headline's "VOWS" is the story's narrative, no claim: plausibility's headline filter)
    t = "GOVERNOR WARNS HE WILL VETO THE BUDGET BILL\nThe governor, Sam Ode, spoke in Salem."
    c = by_cue(t, "WARNS")
    assert c.content.text(t) == "HE WILL VETO THE BUDGET BILL"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "GOVERNOR"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator called the plan a “costly mistake.”", "the plan a “costly mistake.”"),
        ("He called her “third-rate” on Monday.", "her “third-rate”"),
        ("The mayor called the tax unfair.", "the tax unfair"),
    ],
)
def test_naming_verb_takes_object_and_predicate(text: str, content: str) -> None:
    assert by_cue(text, "called").content.text(text) == content


def test_calling_for_someone_to_act_takes_the_for_clause() -> None:
    t = "The senator is calling for the mayor to resign."
    c = by_cue(t, "is calling for")
    assert c.content.text(t) == "the mayor to resign"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "The senator"


def test_quotation_taken_for_a_subject_does_not_hide_the_speaker() -> None:
    t = "“Work or starve,” Frank writes. “That is the choice.”"
    c = by_cue(t, "writes")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "Frank"
    assert c.attribution == "direct"


def test_attitude_adjective_of_a_person() -> None:
    t = "Ms. Vega was upfront about her dislike of the plan."
    c = by_cue(t, "was upfront about")
    assert c.content.text(t) == "her dislike of the plan"


def test_attitude_adjective_needs_a_person_and_a_preposition_of_attitude() -> None:
    assert claims_of("She was present at the meeting.") == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The growers were hopeful that the frost would spare the vines.",
            "were hopeful",
            "The growers",
            "that the frost would spare the vines",
        ),
        (
            "Councillor Amadi is eager to reopen the library on Sundays.",
            "is eager",
            "Councillor Amadi",
            "to reopen the library on Sundays",
        ),
        (
            "The ferry operators were quick to blame the weather.",
            "were quick",
            "The ferry operators",
            "to blame the weather",
        ),
    ],
)
def test_stance_adjective_with_a_clause(text: str, cue: str, source: str, content: str) -> None:
    c = by_cue(text, cue)
    assert c.speaker.mention is not None and c.speaker.mention.text(text) == source
    assert c.content.text(text) == content


def test_adjective_with_a_clause_needs_a_stance_adjective() -> None:
    assert claims_of("The bridge is likely to open in May.") == []
    assert claims_of("The committee was able to meet twice.") == []


def test_noun_cue_with_its_clause_after_be() -> None:
    t = "Her main argument was that taxes are too high."
    c = by_cue(t, "main argument was")
    assert c.content.text(t) == "that taxes are too high"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "Her"


def test_pronoun_object_of_a_speech_verb_refers_back_to_what_was_said() -> None:
    t = "The mayor said it twice."
    c = by_cue(t, "said")
    assert c.content.text(t) == "it"
    assert claims_of("What the mayor said was false.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The voters have mixed feelings about the mayor.",
            "have mixed feelings about",
            "the mayor",
        ),
        (
            "The senator will make the case that the plan is sound.",
            "will make the case",
            "that the plan is sound",
        ),
        (
            "The mayor made it clear to residents that the bridge would reopen.",
            "made it clear",
            "that the bridge would reopen",
        ),
        (
            "Officials made clear Friday they have no wish to sell the pier.",
            "made clear",
            "they have no wish to sell the pier",
        ),
    ],
)
def test_light_verb_phrases(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).content.text(text) == content


def test_possession_is_not_a_cue() -> None:
    assert claims_of("He has a house in Ohio, and the rain made the road clear of dust.") == []


def test_participle_after_the_speaker_is_not_in_the_source() -> None:
    t = "Senator Ann Vale, speaking at a rally in Fresno, said the race was close."
    c = by_cue(t, "said")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "Senator Ann Vale"


def test_who_is_urged_to_act_is_in_the_content() -> None:
    t = "The coach urged his players to stay calm."
    assert by_cue(t, "urged").content.text(t) == "his players to stay calm"


def test_fronted_predicate_is_not_an_attitude() -> None:
    t = "The files would show how close to the line he was willing to walk."
    assert all(c.cue.start <= c.cue.end for c in claims_of(t))
    assert not any(c.cue.text(t).startswith("close") for c in claims_of(t))


def test_passive_without_clause_credits_the_agent_with_what_is_said_of_the_patient() -> None:
    t = "The mayor has been attacked on the budget by the council."
    c = by_cue(t, "has been attacked")
    assert c.content.text(t) == "The mayor has been attacked on the budget"
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "the council"
    assert claims_of("The bridge was built in 1990.") == []


def test_connective_before_a_parenthetical_attribution_is_not_content() -> None:
    t = "Still, the mayor said, the council has to decide."
    assert by_cue(t, "said").content.text(t) == "the council has to decide"


def test_dateline_taken_for_a_subject_is_not_the_speaker() -> None:
    t = "SPRINGFIELD (AP) — The mayor and her allies dug into the budget Tuesday, calling it a mess."
    c = by_cue(t, "calling")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "The mayor and her allies"


def test_quotation_words_hung_on_the_verb_do_not_hide_the_quotation() -> None:
    t = "The mayor replied, “Not at all.”"
    c = by_cue(t, "replied")
    assert c.content.text(t) == "“Not at all.”"
    assert c.attribution == "direct"


def test_participle_after_reported_clause_belongs_to_the_first_speaker() -> None:
    t = "Ms. Okafor said the council saw no need to wait, telling reporters that the vote was set."
    c = by_cue(t, "telling")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "Ms. Okafor"
    assert by_cue(t, "said").content.text(t) == "the council saw no need to wait"


def test_title_colon_after_a_name_needs_no_verb() -> None:
    t = "Mara Quist: No new taxes this year.\nQuist spoke on Monday."
    c = by_cue(t, ":")
    assert c.speaker.mention is not None and c.speaker.mention.text(t) == "Mara Quist"
    assert c.content.text(t) == "No new taxes this year"


def test_a_clause_before_its_stance_adjective_costs_no_document() -> None:
    """A parse with the clause hung on the adjective but standing left of it is not the
    'were hopeful that ...' shape; the rule must decline it, not raise."""
    from spacy.tokens import Doc

    from claimtrack.extract import nlp, rules
    from claimtrack.extract.quotes import QuoteIndex
    from claimtrack.extract.segment import Parsed, Segment

    words = ["That", "he", "won", ",", "she", "was", "sure", "."]
    doc = Doc(
        nlp.load().vocab,
        words=words,
        spaces=[True, True, False, True, True, True, False, False],
        heads=[2, 2, 6, 5, 5, 5, 5, 5],
        deps=["mark", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "acomp", "punct"],
        pos=["SCONJ", "PRON", "VERB", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"],
        lemmas=["that", "he", "win", ",", "she", "be", "sure", "."],
    )
    ctx = rules.Context(
        Parsed(Segment(0, len(doc.text), doc.text, False), doc), QuoteIndex(doc.text), doc.text
    )
    assert rules.adjective_rule(ctx, doc[6], doc[:]) is None


def test_a_source_never_runs_into_its_cue() -> None:
    """A subject whose parse hangs a phrase after the verb ("The aide ... of Ohio") would
    take the verb group's auxiliaries ("will also") into the source; the source ends where
    the cue begins."""
    from spacy.tokens import Doc

    from claimtrack.extract import nlp, rules
    from claimtrack.extract.quotes import QuoteIndex
    from claimtrack.extract.segment import Parsed, Segment

    words = ["The", "aide", "will", "also", "say", "that", "taxes", "rise", "of", "Ohio", "."]
    doc = Doc(
        nlp.load().vocab,
        words=words,
        spaces=[True, True, True, True, True, True, True, True, True, False, False],
        heads=[1, 4, 4, 4, 4, 7, 7, 4, 1, 8, 4],
        deps=[
            "det",
            "nsubj",
            "aux",
            "advmod",
            "ROOT",
            "mark",
            "nsubj",
            "ccomp",
            "prep",
            "pobj",
            "punct",
        ],  # fmt: skip
        pos=[
            "DET",
            "NOUN",
            "AUX",
            "ADV",
            "VERB",
            "SCONJ",
            "NOUN",
            "VERB",
            "ADP",
            "PROPN",
            "PUNCT",
        ],  # fmt: skip
        tags=["DT", "NN", "MD", "RB", "VB", "IN", "NNS", "VBP", "IN", "NNP", "."],
        lemmas=["the", "aide", "will", "also", "say", "that", "tax", "rise", "of", "Ohio", "."],
    )
    ctx = rules.Context(
        Parsed(Segment(0, len(doc.text), doc.text, False), doc), QuoteIndex(doc.text), doc.text
    )
    (cand,) = rules.candidates(ctx)
    text = doc.text
    assert text[cand.cue[0] : cand.cue[1]] == "will also say"
    assert cand.source is not None and text[cand.source[0] : cand.source[1]] == "The aide"


def test_quotation_joined_by_but_across_the_attribution() -> None:
    t = '"I admire Mr. Lund," she said, but "on roads, Mr. Lund has a record of delay."'
    c = by_cue(t, "said")
    assert [p.text(t) for p in c.content_parts] == [
        '"I admire Mr. Lund,"',
        '"on roads, Mr. Lund has a record of delay."',
    ]


def test_words_of_their_own_between_attribution_and_quotation_keep_it_apart() -> None:
    t = '"I admire Mr. Lund," she said, but her aide added "nothing will change."'
    c = by_cue(t, "said")
    assert c.content_parts == ()
    assert c.content.text(t) == '"I admire Mr. Lund,"'


def test_reported_clause_goes_on_with_the_quotation_after_its_attribution() -> None:
    t = 'The plan was sound, the engineer said: "We will build the dam by May."'
    c = by_cue(t, "said:")
    assert [p.text(t) for p in c.content_parts] == [
        "The plan was sound",
        '"We will build the dam by May."',
    ]


def test_reported_clause_before_its_cue_takes_no_later_quotation() -> None:
    t = 'The mayor said the plan was sound. "We will build the dam by May."'
    c = by_cue(t, "said")
    assert c.content_parts == ()
    assert c.content.text(t) == "the plan was sound"


def test_words_after_a_quotation_that_run_into_the_speaker_are_the_speaker() -> None:
    # the parser hangs "Lansing police Chief" on the quoted clause
    t = "“We will keep our promise,” Lansing police Chief Dana Holt said Monday."
    c = by_cue(t, "said")
    assert c.content.text(t) == "“We will keep our promise,”"
    assert c.speaker.mention is not None
    assert c.speaker.mention.text(t) == "Lansing police Chief Dana Holt"
    assert c.speaker.name == "Dana Holt"


def test_the_next_quotation_joins_once_the_words_after_the_first_are_the_speaker_s() -> None:
    t = (
        "“We will keep our promise,” Lansing police Chief Dana Holt said Monday. "
        "“Nobody is above the law.”"
    )
    c = by_cue(t, "said")
    assert [p.text(t) for p in c.content_parts] == [
        "“We will keep our promise,”",
        "“Nobody is above the law.”",
    ]


def test_a_quotation_followed_by_the_attribution_alone_stays_as_it_was() -> None:
    t = "“We will keep our promise,” police Chief Dana Holt said Monday."
    c = by_cue(t, "said")
    assert c.content.text(t) == "“We will keep our promise,”"
    assert c.speaker.mention is not None
    assert c.speaker.mention.text(t) == "police Chief Dana Holt"

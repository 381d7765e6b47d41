"""An attribution inside another's content is part of that content, not a second claim
(issue 14; sentences written for the project).

PolNeAR, which the extractor follows, annotates the outer attribution only: no gold cue of
train (19,831) or dev (2,192) lies inside another relation's content, and keeping every
nested candidate as a second claim lowered relaxed precision on train from 0.841 to 0.765
(docs/evaluation.md, "A second claim for nested attributions"). The two claims of
coordinated attributions ("A said X, while B said Y") are siblings and stay two.
"""

from __future__ import annotations

import datetime as dt

from claimtrack.extract import extract
from claimtrack.extract.types import FoundClaim

PUBLISHED = dt.date(2025, 3, 5)


def _claims(text: str) -> list[FoundClaim]:
    return extract(text, PUBLISHED)


def _one(text: str) -> FoundClaim:
    claims = _claims(text)
    assert len(claims) == 1, [c.cue.text(text) for c in claims]
    return claims[0]


def _mention(text: str, c: FoundClaim) -> str | None:
    return c.speaker.mention.text(text) if c.speaker.mention else None


def test_a_speaking_cue_inside_a_reported_clause_stays_in_its_content() -> None:
    t = "Councillor Ada Moss said that the planning chief had assured her the depot would stay open."
    c = _one(t)
    assert c.cue.text(t) == "said"
    assert _mention(t, c) == "Councillor Ada Moss"
    assert c.content.text(t) == "that the planning chief had assured her the depot would stay open"
    assert c.speaker.name == "Ada Moss"


def test_a_belief_inside_an_according_to_stays_in_its_content() -> None:
    t = "According to the union, the managers believe the strike will end soon."
    c = _one(t)
    assert c.attribution == "according_to"
    assert _mention(t, c) == "the union"
    assert c.content.text(t) == "the managers believe the strike will end soon"


def test_an_outer_according_to_around_a_quotation_holds_its_cue() -> None:
    t = '"The depot stays open," the planning chief said, according to two people at the meeting.'
    c = _one(t)
    assert c.cue.text(t).lower() == "according to"
    assert _mention(t, c) == "two people at the meeting"
    assert c.content.text(t) == '"The depot stays open," the planning chief said'


def test_a_pronoun_speaker_inside_the_content_is_not_a_second_claim() -> None:
    t = "The treasurer said that he thinks the levy is too low."
    c = _one(t)
    assert _mention(t, c) == "The treasurer"
    assert c.content.text(t) == "that he thinks the levy is too low"


def test_coordinated_attributions_stay_two_claims() -> None:
    t = "The treasurer said the audit found no fraud, while the auditor said the books were a mess."
    claims = _claims(t)
    got = [(_mention(t, c), c.content.text(t)) for c in claims]
    assert got == [
        ("The treasurer", "the audit found no fraud"),
        ("the auditor", "the books were a mess"),
    ]

"""Attributions with no reporting clause of their own (sentences written for this): a manner
clause ("As Roe put it, ..."), and a digest line that credits a quotation
to the name after its dash ("HEADLINE - Jo Roe: “...”"). Run through the whole extractor,
learned models included, as ingest runs it."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.types import FoundClaim

PUBLISHED = dt.date(2025, 3, 5)


def claim_with(text: str, speaker: str) -> FoundClaim:
    found = extract(text, PUBLISHED)
    mine = [c for c in found if c.speaker.mention and c.speaker.mention.text(text) == speaker]
    assert mine, f"no claim credits {speaker!r}: {[c.speaker.name for c in found]}"
    return mine[0]


@pytest.mark.parametrize(
    ("text", "source", "name", "cue", "content"),
    [
        (
            "As Ada Whitcombe, a historian at Leeds, put it, “Towns that lose their "
            "harbours lose their memory.”",
            "Ada Whitcombe, a historian at Leeds",
            "Ada Whitcombe",
            "put it",
            "Towns that lose their harbours lose their memory.",
        ),
        (
            "The harbour is the town's memory, as Ada Whitcombe put it.",
            "Ada Whitcombe",
            "Ada Whitcombe",
            "put it",
            "The harbour is the town's memory",
        ),
    ],
)
def test_a_manner_clause_credits_the_sentence(
    text: str, source: str, name: str, cue: str, content: str
) -> None:
    c = claim_with(text, source)
    assert c.speaker.name == name
    assert c.cue.text(text) == cue
    assert content in " ".join(p.text(text) for p in c.pieces)


def test_put_it_needs_as() -> None:
    """ "As Roe put it" credits the sentence; "put it in the drawer" (no "as") is no cue."""
    t = (
        "She put it in the drawer while Roe watched the boats. As Roe put it, the boats "
        "were older than the pier."
    )
    put = [c for c in extract(t, PUBLISHED) if c.cue.text(t) == "put it"]
    assert [c.speaker.mention.text(t) for c in put if c.speaker.mention] == ["Roe"]
    assert "the boats were older than the pier" in put[0].content.text(t)


@pytest.mark.parametrize(
    ("line", "source", "quote"),
    [
        (
            "HARBOUR FEES ARE TOO HIGH, SURVEY FINDS - Maria K. Lund: “Most of the owners we "
            "asked think the fees are too high and want a vote on them.”",
            "Maria K. Lund",
            "Most of the owners we asked think the fees are too high",
        ),
        (
            "Owners have a point about the fees - More from Lund: “The fees doubled in two "
            "years, and nobody asked the owners.”",
            "Lund",
            "The fees doubled in two years",
        ),
        (
            "Ferry riders want more boats - More from the report: “Nine in ten riders asked "
            "for a second boat at peak hours.”",
            "the report",
            "Nine in ten riders asked for a second boat",
        ),
    ],
)
def test_a_digest_line_credits_the_name_after_its_dash(line: str, source: str, quote: str) -> None:
    text = "Harbour digest for Tuesday.\n\n" + line + "\n"
    c = claim_with(text, source)
    assert quote in c.content.text(text)
    assert c.cue.text(text) == ":"


def test_a_lowercase_phrase_after_a_dash_is_no_digest_name() -> None:
    """'the ferry - a short history: “...”' is a description, no name: the digest line after
    it credits its name, the description line credits no "a short history"."""
    text = (
        "Harbour notes.\n\nWe looked back at the ferry - a short history: “In 1902 the first "
        "boat sailed.”\n\nMOST FERRIES STILL LEAVE LATE, RIDERS SAY - Harbour Trust: “Four of five boats left "
        "late in March.”\n"
    )
    mentions = [c.speaker.mention.text(text) for c in extract(text, PUBLISHED) if c.speaker.mention]
    assert "Harbour Trust" in mentions
    assert "a short history" not in mentions

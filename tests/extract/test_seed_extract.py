"""The seed article's required gold claims (shared/eval/seed_gold.json) must all be extracted."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from claimtrack.extract import extract
from claimtrack.extract.types import FoundClaim

REPO = Path(__file__).resolve().parents[2]
GOLD_PATH = REPO.parent / "shared" / "eval" / "seed_gold.json"
GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
TEXT = (REPO / GOLD["document"]).read_text(encoding="utf-8")
PUBLISHED = dt.date.fromisoformat(GOLD["published"])
REQUIRED = [c for c in GOLD["claims"] if c.get("required", True)]


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'-]+", s.lower())


@pytest.fixture(scope="module")
def claims() -> list[FoundClaim]:
    return extract(TEXT, PUBLISHED)


def _speaker_ok(claim: FoundClaim, gold: dict) -> bool:
    names = {n.lower() for n in gold["speaker_names"]}
    return (claim.speaker.name or "").lower() in names


def _content_ok(claim: FoundClaim, gold: dict) -> bool:
    got = set(_words(claim.content.text(TEXT)))
    core = _words(gold["content_core"])
    return sum(w in got for w in core) >= 0.8 * len(core)


def _find(claims: list[FoundClaim], gold: dict) -> FoundClaim:
    hits = [c for c in claims if _speaker_ok(c, gold) and _content_ok(c, gold)]
    assert hits, f"{gold['id']} not extracted"
    return hits[0]


def test_gold_file_has_required_claims() -> None:
    assert len(REQUIRED) == 8


@pytest.mark.parametrize("gold", REQUIRED, ids=[c["id"] for c in REQUIRED])
def test_required_claim(claims: list[FoundClaim], gold: dict) -> None:
    claim = _find(claims, gold)
    # the cue span follows PolNeAR: the whole verb group ("also noted", "previously mentioned")
    cue_words = _words(claim.cue.text(TEXT))
    gold_cue = _words(gold["cue"])
    assert any(cue_words[i : i + len(gold_cue)] == gold_cue for i in range(len(cue_words)))
    assert len(cue_words) <= len(gold_cue) + 4
    if "speaker_mention" in gold:
        assert claim.speaker.mention is not None
        assert claim.speaker.mention.text(TEXT) == gold["speaker_mention"]
    if "speaker_kind" in gold:
        assert claim.speaker.kind == gold["speaker_kind"]
    if gold.get("hedged"):
        assert claim.hedged
    if gold.get("attribution") == "according_to":
        assert claim.attribution == "according_to"
    assert claim.date.text == gold.get("date_text")
    if gold.get("said_on"):
        assert claim.date.on == dt.date.fromisoformat(gold["said_on"])
    elif gold.get("said_on_relation") == "before":
        assert claim.date.relation == "before"
        assert claim.date.on in (None, PUBLISHED)


def test_spans_are_valid(claims: list[FoundClaim]) -> None:
    for c in claims:
        for span in (c.cue, c.content, c.sentence, c.speaker.mention):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(TEXT)
        content = c.content.text(TEXT)
        assert content == content.strip() and content


def test_headings_and_roles(claims: list[FoundClaim]) -> None:
    ushakov = next(c for c in claims if c.speaker.name == "Yuri Ushakov")
    assert ushakov.speaker.role == "Presidential Aide"
    assert ushakov.speaker.affiliation == "Russia"
    assert "Ushakov" in ushakov.speaker.aliases
    headings = {c.heading for c in claims if c.speaker.name == "Yuri Ushakov"}
    assert "1. Russia-Ukraine Ceasefire" in headings

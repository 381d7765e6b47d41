"""Property test: any Unicode text extracts without raising, and every offset is valid."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.extract import extract, extract_batch
from claimtrack.extract.types import Claim

PIECES = st.sampled_from(
    [
        " said ",
        " told reporters that ",
        '"',
        "“",
        "”",
        "''",
        ":",
        ",",
        ".",
        "\n",
        "\n\n",
        "according to ",
        " he ",
        "She ",
        "Trump ",
        "the Kremlin ",
        "may ",
        "on the 13th ",
        "previously ",
        "Russian Deputy Foreign Minister Sergei Ryabkov",
        " expressed hope that ",
        "\u2028",
        "\x00",
        "\ufeff",
        "🙂",
        "é",
        "\u200b",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join),
)


def check(text: str, claims: list[Claim]) -> None:
    n = len(text)
    for c in claims:
        spans = [c.cue, c.content, c.sentence, *c.content_parts]
        if c.speaker.mention is not None:
            spans.append(c.speaker.mention)
        for s in spans:
            assert 0 <= s.start <= s.end <= n
        assert c.content.end > c.content.start
        content = c.content.text(text)
        assert content == content.strip()
        assert 0.0 <= c.confidence <= 1.0
        assert c.attribution in ("direct", "indirect", "mixed", "according_to")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.dates()))
def test_any_text_extracts_with_valid_offsets(text: str, published: dt.date | None) -> None:
    check(text, extract(text, published))


@settings(max_examples=20, deadline=None)
@given(st.lists(TEXTS, max_size=5))
def test_batch_yields_one_result_per_document(texts: list[str]) -> None:
    results = list(extract_batch((t, None) for t in texts))
    assert len(results) == len(texts)
    for t, claims in zip(texts, results, strict=True):
        check(t, claims)

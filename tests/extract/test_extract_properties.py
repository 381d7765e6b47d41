"""Property test: any Unicode text extracts without raising, and every offset is valid.

Besides any text, the hostile shapes: headlines opening with a character whose case mapping
is two characters ('ﬁ', 'ß'), unbalanced and deeply nested quotation marks, control
characters, and long paragraphs (kept to a few examples: extraction is linear, but a
paragraph of a few thousand characters still takes a good part of a second)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimtrack.extract import extract, extract_batch
from claimtrack.extract.pipeline import PIECE, pieces
from claimtrack.extract.types import CharSpan, FoundClaim

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


# Headlines in Title Case or ALL CAPS are parsed in their common case (extract/casing.py)
EXPANDING = ["ﬁ", "ﬂ", "ß", "ŉ", "ǰ", "İ"]
TITLE_WORDS = "Minister Mayor Board Says Warns Talks Will Resume Soon Pier Opens the of NEW PIER SAYS BOARD WARNS".split()
BODIES = [
    "The minister said on Monday that talks would resume.",
    '"We will open the pier in June," the board told reporters.',
    "According to the mayor, the ferries will run on weekends.",
]
LIGATURE_TITLES = st.builds(
    lambda ch, rest, words, body: f"{ch}{rest} {' '.join(words)}\n{body}\n",
    st.sampled_from(EXPANDING),
    st.sampled_from(["rst", "RST", "ield", "ELD", "", "udge"]),
    st.lists(st.sampled_from(TITLE_WORDS), min_size=2, max_size=12),
    st.sampled_from(BODIES),
)
MARKS = ['"', "“", "”", "«", "»", "„", "''", "‘", "’", "'"]
QUOTE_PIECES = st.sampled_from(
    MARKS + [" said ", "The mayor ", " she told reporters ", "we will win", ", ", ". ", "\n", "\n“"]
)
UNBALANCED = st.lists(QUOTE_PIECES, max_size=60).map("".join)
NESTED = st.builds(
    lambda depth, opener, closer, cut: (
        f"The mayor said {opener * depth}the pier will open{closer * (depth - cut)}. She agreed."
    ),
    st.integers(1, 60),
    st.sampled_from(["“", '"', "« ", "„", "''", "“He said “"]),
    st.sampled_from(["”", '"', " »", "“", "''"]),
    st.integers(0, 3),
)
CONTROL = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co"]), min_size=1, max_size=4)
WITH_CONTROLS = st.lists(st.one_of(PIECES, CONTROL, st.sampled_from(BODIES)), max_size=40).map(
    "".join
)
SENTENCES = st.sampled_from(BODIES + [f"{b[:-1]}, {b[0].lower()}{b[1:]}" for b in BODIES])
# longer than the pieces spaCy parses at once (pipeline.PIECE): cut after a sentence, at a
# space when no sentence ends, inside a word longer than a piece
LONG_PARAGRAPHS = st.one_of(
    st.lists(SENTENCES, min_size=100, max_size=140).map(" ".join),
    st.lists(SENTENCES, min_size=100, max_size=140).map(
        lambda ss: ", ".join(s.rstrip(".") for s in ss)
    ),
    st.builds(lambda n, s: f"{'x' * n} {s}", st.integers(PIECE + 1, PIECE + 200), SENTENCES),
)


def check(text: str, claims: list[FoundClaim]) -> None:
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


def on_word_edges(text: str, span: CharSpan) -> bool:
    s, e = span.start, span.end
    starts_clean = s == 0 or not (text[s - 1].isalnum() and text[s].isalnum())
    ends_clean = e == len(text) or not (text[e - 1].isalnum() and text[e].isalnum())
    return starts_clean and ends_clean


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LIGATURE_TITLES)
def test_a_ligature_title_keeps_every_span_on_its_words(text: str) -> None:
    claims = extract(text)
    check(text, claims)
    for c in claims:
        for s in (c.cue, c.content, c.speaker.mention, *c.content_parts):
            assert s is None or on_word_edges(text, s), (s.text(text), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(UNBALANCED, NESTED))
def test_unbalanced_and_nested_quotation_marks(text: str) -> None:
    check(text, extract(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WITH_CONTROLS)
@example('" said  he \x7f')  # a second space is a token; the detector tagged it content
def test_control_characters(text: str) -> None:
    check(text, extract(text))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LONG_PARAGRAPHS)
def test_long_paragraphs(text: str) -> None:
    assert len(text) > PIECE
    check(text, extract(text))


@given(st.text(max_size=300), st.integers(1, 40))
def test_pieces_join_back_into_the_paragraph(text: str, size: int) -> None:
    parts = pieces(text, size)
    assert "".join(parts) == text
    assert all(0 < len(p) <= size for p in parts[:-1]) and len(parts[-1]) <= size

"""The pieces of one attribution found as several claims are one claim
(claimtrack/extract/pieces.py): two claims crediting the same mention through the same cue,
with nothing but the attribution between their contents, are joined into content parts."""

from __future__ import annotations

from claimtrack.extract import extract, plausibility
from claimtrack.extract.assemble import build_claims
from claimtrack.extract.learned import detect, refine
from claimtrack.extract.pieces import join_pieces, pieces_of_one
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.types import CharSpan, FoundBy, FoundClaim, Speaker


def _span(text: str, s: str) -> CharSpan:
    i = text.index(s)
    return CharSpan(i, i + len(s))


def _claim(
    text: str,
    cue: str,
    content: str,
    mention: str | None,
    *,
    raw: float = 0.8,
    found_by: FoundBy = "rules",
    attribution: str = "direct",
    sentence: tuple[int, int] | None = None,
) -> FoundClaim:
    quote = content.strip('"“”,. ') if attribution == "direct" else None
    return FoundClaim(
        speaker=Speaker(_span(text, mention) if mention else None, mention),
        cue=_span(text, cue),
        content=_span(text, content),
        sentence=CharSpan(*sentence) if sentence else CharSpan(0, len(text)),
        attribution=attribution,  # type: ignore[arg-type]
        quote=quote,
        raw_confidence=raw,
        found_by=found_by,
    )


def _unjoined(text: str) -> list[FoundClaim]:
    """The claims of TEXT as the pipeline has them before the pieces are joined."""
    (parsed,) = parse_chunk([(text, None)])
    found = build_claims(text, parsed, None, QuoteIndex(text), refine.load(), detect.load())
    return plausibility.screen(text, found, parsed)


def _contents(text: str, c: FoundClaim) -> list[str]:
    return [p.text(text) for p in (c.content_parts or (c.content,))]


SPLIT = '"The bridge is safe," Mayor Ann Roe said, "and it will reopen in May."'


def test_a_quotation_split_by_its_cue_is_one_claim_in_two_parts() -> None:
    rules = _claim(SPLIT, "said", '"The bridge is safe,"', "Mayor Ann Roe")
    found = _claim(
        SPLIT,
        "said",
        '"and it will reopen in May."',
        "Mayor Ann Roe",
        raw=0.45,
        found_by="detector",
    )
    assert pieces_of_one(SPLIT, rules, found)
    for order in ([rules, found], [found, rules]):
        (one,) = join_pieces(SPLIT, order)
        assert _contents(SPLIT, one) == ['"The bridge is safe,"', '"and it will reopen in May."']
        assert one.content == CharSpan(0, len(SPLIT))
        assert one.found_by == "rules"  # the rules' claim stays, with its confidence
        assert one.raw_confidence == 0.8
        assert one.attribution == "direct"
        assert one.quote == "The bridge is safe ... and it will reopen in May"


def test_a_quotation_joined_to_reported_words_is_mixed() -> None:
    text = 'Mayor Ann Roe said the bridge is safe: "It will reopen in May."'
    reported = _claim(text, "said", "the bridge is safe", "Mayor Ann Roe", attribution="indirect")
    quoted = _claim(text, "said", '"It will reopen in May."', "Mayor Ann Roe", raw=0.45)
    (one,) = join_pieces(text, [reported, quoted])
    assert one.attribution == "mixed"
    assert _contents(text, one) == ["the bridge is safe", '"It will reopen in May."']


def test_words_between_the_pieces_keep_them_apart() -> None:
    text = '"The bridge is safe," the mayor said after a long talk with engineers. "It reopens."'
    a = _claim(text, "said", '"The bridge is safe,"', "the mayor")
    b = _claim(text, "said", '"It reopens."', "the mayor", raw=0.45, found_by="detector")
    assert not pieces_of_one(text, a, b)
    assert join_pieces(text, [a, b]) == [a, b]


def test_a_complement_of_its_own_stays_a_claim() -> None:
    text = "Mayor Ann Roe told reporters that the bridge is safe."
    told = _claim(text, "told", "reporters", "Mayor Ann Roe", attribution="indirect")
    that = _claim(text, "told", "that the bridge is safe", "Mayor Ann Roe", attribution="indirect")
    assert not pieces_of_one(text, told, that)
    assert len(join_pieces(text, [told, that])) == 2


def test_two_speakers_of_one_cue_are_two_claims() -> None:
    text = '"The bridge is safe," Ann Roe and Ben Ode said, "and it will reopen in May."'
    roe = _claim(text, "said", '"The bridge is safe,"', "Ann Roe")
    ode = _claim(text, "said", '"and it will reopen in May."', "Ben Ode", raw=0.45)
    assert not pieces_of_one(text, roe, ode)


def test_other_cues_are_other_claims() -> None:
    text = '"The bridge is safe," Ann Roe said. "It reopens in May," Ann Roe added.'
    said = _claim(text, "said", '"The bridge is safe,"', "Ann Roe")
    added = _claim(text, "added", '"It reopens in May,"', "Ann Roe")
    assert not pieces_of_one(text, said, added)


def test_a_claim_without_a_mention_is_never_joined() -> None:
    text = '"The bridge is safe," it was said, "and it will reopen in May."'
    a = _claim(text, "said", '"The bridge is safe,"', None)
    b = _claim(text, "said", '"and it will reopen in May."', None, raw=0.45)
    assert not pieces_of_one(text, a, b)


def test_the_claim_whose_cue_is_in_its_own_paragraph_stays() -> None:
    text = '"The bridge is safe," the mayor said.\n"It will reopen in May."'
    second = text.index("\n") + 1
    first = _claim(text, "said", '"The bridge is safe,"', "the mayor", raw=0.4)
    follow = _claim(
        text, "said", '"It will reopen in May."', "the mayor", raw=0.9, sentence=(second, len(text))
    )
    (one,) = join_pieces(text, [follow, first])
    assert one.raw_confidence == 0.4  # the claim of the cue's own paragraph, though less sure
    assert one.sentence == CharSpan(0, len(text))


def test_a_quotation_going_on_in_the_next_paragraph_is_joined_by_the_extractor() -> None:
    text = '"The bridge is safe," the mayor said.\n"It will reopen in May, once the beams are in."'
    before = _unjoined(text)
    assert len(before) == 2 and before[0].cue == before[1].cue  # a claim and its next paragraph
    (one,) = extract(text)
    assert one.speaker.mention is not None and one.speaker.mention.text(text) == "the mayor"
    assert _contents(text, one) == [
        '"The bridge is safe,"',
        '"It will reopen in May, once the beams are in."',
    ]


def test_a_quotation_after_a_longer_attribution_stays_its_own_claim() -> None:
    text = (
        '"The bridge is safe," the mayor said on Monday at City Hall.\n'
        '"It will reopen in May, once the beams are in."'
    )
    claims = extract(text)
    assert claims == _unjoined(text)
    assert [len(c.content_parts) for c in claims] == [0, 0]
    assert [c.speaker.mention.text(text) for c in claims if c.speaker.mention] == ["the mayor"] * 2

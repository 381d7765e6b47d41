"""Offsets are document offsets from the moment a rule makes them: a candidate's spans index the
stored text directly, whichever paragraph it is in (sentences written for this)."""

from __future__ import annotations

from claimtrack.extract import rules
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex

ARTICLE = (
    "Ferry timetable to change in spring\n"
    "The island ferry will run every forty minutes from April, the operator announced.\n"
    "The harbour master said the north pier would reopen after the storm repairs.\n"
)


def _paragraph(text: str, k: int) -> rules.Context:
    (parsed,) = parse_chunk([(text, None)])
    return rules.Context(parsed[k], QuoteIndex(text), text)


def test_a_candidate_indexes_the_document_text() -> None:
    ctx = _paragraph(ARTICLE, 2)
    assert ctx.seg.start > 0  # the paragraph does not open the document
    (cand,) = rules.candidates(ctx)
    assert ARTICLE[cand.cue[0] : cand.cue[1]] == "said"
    assert cand.source is not None
    assert ARTICLE[cand.source[0] : cand.source[1]] == "The harbour master"
    assert ARTICLE[cand.content[0] : cand.content[1]] == (
        "the north pier would reopen after the storm repairs"
    )


def test_the_parsed_paragraph_maps_tokens_both_ways() -> None:
    ctx = _paragraph(ARTICLE, 1)
    tok = next(t for t in ctx.doc if t.text == "operator")
    start, end = ctx.doc_span(tok)
    assert ARTICLE[start:end] == "operator"
    assert ctx.local((start, end)) == (tok.idx, tok.idx + len(tok.text))
    span = ctx.char_span(start, end)
    assert span is not None and span.root == tok
    assert [t.text for t in ctx.tokens_from(start, end)] == ["operator"]
    sent = next(iter(ctx.doc.sents))
    assert ARTICLE[slice(*ctx.doc_span(sent))].startswith("The island ferry")


def test_a_quotation_split_by_its_cue_keeps_document_offsets() -> None:
    text = (
        "Library hours\n"
        "The reading room stays open late this month.\n"
        '"We will open on Sundays," the librarian said, "once the heating is fixed."\n'
    )
    (cand,) = rules.candidates(_paragraph(text, 2))
    assert text[cand.cue[0] : cand.cue[1]] == "said"
    assert cand.source is not None and text[cand.source[0] : cand.source[1]] == "the librarian"
    assert text[cand.content[0] : cand.content[1]].startswith('"We will open on Sundays,"')


def test_the_learned_models_read_and_write_document_offsets() -> None:
    """The refiner's and detector's helpers take a paragraph's spans in document offsets and
    give document offsets back, in a paragraph that does not open the document."""
    from claimtrack.extract.learned import refine

    ctx = _paragraph(ARTICLE, 2)
    said = next(t for t in ctx.doc if t.text == "said")
    cue = ctx.doc_span(said)
    tags = refine.roles(ctx, [(cue, refine.CUE)])
    assert [ctx.doc[i].text for i, tag in enumerate(tags) if tag == refine.CUE] == ["said"]
    (run,) = refine.runs(ctx, tags, refine.CUE)
    assert ARTICLE[run[0] : run[1]] == "said"

"""Run the stages over a chunk of documents, parsing all their paragraphs with nlp.pipe."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from claimtrack.extract import casing, plausibility, reparse
from claimtrack.extract import nlp as nlp_mod
from claimtrack.extract.assemble import Parsed, build_claims
from claimtrack.extract.learned import detect, refine
from claimtrack.extract.pieces import join_pieces
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.segment import segments
from claimtrack.extract.tails import dateline_cut
from claimtrack.extract.types import ExtractItem, FoundClaim

# Paragraphs per nlp.pipe batch. With numpy's matrix products (extract/nlp.py) bigger batches
# multiply bigger matrices: 64 extracted PolNeAR dev 4 to 23% faster than 16 on one core (three
# paired runs), for identical parses (checked on 822,458 train and dev tokens) and about 35 MB
# more peak memory in `make bench`. Paragraphs are short, so a batch stays small.
BATCH_SIZE = 64
# The longest text spaCy parses at once, in characters. Parsing takes memory in proportion to
# the text parsed together (about 3 KB a character: 1.5 GB for one 500,000-character
# paragraph), and its time per character grows with it too (twice that of the same text in
# paragraphs from 250,000 characters on). A longer paragraph is parsed in pieces cut after a
# sentence, joined back into one Doc: it stays one paragraph for the rules and the models.
# 5,000 is twice the longest paragraph of PolNeAR (2,629), so news paragraphs are parsed whole;
# a batch then holds at most 64 x 5,000 characters.
PIECE = 5_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s")


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` in pieces of at most ``size`` characters that join back into it, each cut
    after the last sentence end it holds, else after its last space, else at ``size``."""
    out = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        if not cut:
            cut = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t")) + 1
        cut = cut or size
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse_chunk(chunk: list[ExtractItem]) -> list[list[Parsed]]:
    """Each document's paragraphs with their parses (all paragraphs go through nlp.pipe)."""
    nlp = nlp_mod.load()
    texts = [t if isinstance(t, str) else str(t) for t, *_ in chunk]
    segs = [segments(t) for t in texts]
    forms = [casing.parse_forms(t, [s.text for s in ss]) for t, ss in zip(texts, segs, strict=True)]
    flat = [
        (piece, (d, k, last))
        for d, fs in enumerate(forms)
        for k, form in enumerate(fs)
        for last, piece in _with_last(_lede_pieces(form, segs[d][k].is_heading))
    ]
    parsed: list[list[Parsed]] = [[] for _ in chunk]
    done: list[Doc] = []  # the pieces of the paragraph being read
    for doc, (d, k, last) in nlp.pipe(flat, as_tuples=True, batch_size=BATCH_SIZE):
        done.append(doc)
        if not last:
            continue
        doc = done[0] if len(done) == 1 else Doc.from_docs(done, ensure_whitespace=False)
        done = []
        seg = segs[d][k]
        # a Doc's text is the text parsed, character for character (spaCy's tokens keep their
        # spaces), so it is not joined from the tokens here (nor later: spans.doc_text)
        if forms[d][k] != seg.text:  # a headline parsed in its common case
            doc = casing.restore(doc, seg.text)
        else:
            doc.user_data["claimtrack.text"] = seg.text
        parsed[d].append(Parsed(seg, reparse.mend(doc)))
    return parsed


def _lede_pieces(form: str, heading: bool) -> list[str]:
    """The pieces a paragraph is parsed in: a dateline opening it apart from the rest."""
    cut = 0 if heading else dateline_cut(form)
    return [form[:cut], *pieces(form[cut:])] if cut else pieces(form)


def _with_last(items: list[str]) -> list[tuple[bool, str]]:
    return [(i == len(items) - 1, item) for i, item in enumerate(items)]


def run_chunk(
    chunk: list[ExtractItem], learned: bool = True, screened: bool = True
) -> Iterator[list[FoundClaim]]:
    """Each document's claims (a speaker named as the document's outlet, when the item gives
    one, is that outlet); ``learned``: the span refiner and the detector take part
    (MissingModelError when their files are missing), else the rules' claims as they are;
    ``screened``: claims that are not attributions are dropped (extract/plausibility.py;
    False only to learn that stage's word list). The pieces of one attribution found as
    several claims are then joined into one (extract/pieces.py)."""
    parsed = parse_chunk(chunk)
    refiner, detector = (refine.load(), detect.load()) if learned else (None, None)
    for d, (text, published, *outlet) in enumerate(chunk):
        text = text if isinstance(text, str) else str(text)
        qi = QuoteIndex(text)
        claims = build_claims(text, parsed[d], published, qi, refiner, detector, *outlet[:1])
        if screened:
            claims = plausibility.screen(text, claims, parsed[d])
        yield join_pieces(text, claims)

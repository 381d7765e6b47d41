"""Extraction costs work in proportion to the text: no stage may look at every claim of a
document for each paragraph, or at a whole paragraph for each of its claims.

Work is counted, not timed: the Python lines claimtrack's own code runs for one extraction
(a deterministic count; spaCy's parse, which is linear, is not counted). Four times the text
must cost about four times the lines, whatever the shape of the text. Speed itself is measured
by ``make bench``. The sentences are written for these tests.
"""

from __future__ import annotations

import itertools
import statistics
import sys
from types import FrameType

from claimtrack.extract import extract
from claimtrack.extract.assemble import build_claims
from claimtrack.extract.learned import crf, detect, refine
from claimtrack.extract.pipeline import PIECE, parse_chunk, pieces
from claimtrack.extract.quotes import QuoteIndex

SENTENCES = [
    "Mayor Alma Reyes said on Monday that the harbour bridge would reopen in May.",
    '"We have the money for it," the city treasurer told reporters.',
    "According to the port authority, the cranes were repaired last week.",
    "Councillor Ben Okoro warned that the budget left nothing for the schools.",
    "The dockworkers' union said its members would strike if the talks failed.",
    "Reyes later added that the ferries would run on weekends as well.",
]
SMALL, LARGE = 8, 32  # copies of SENTENCES
SLACK = 1.1  # linear work may grow a little faster than the text (longer names lists)


def lines_run(text: str) -> int:
    """Python lines of claimtrack code run to extract ``text`` (after a warm-up run)."""
    extract(text)
    count = 0

    def local(frame: FrameType, event: str, arg: object):  # noqa: ANN202
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: object):  # noqa: ANN202
        return local if "claimtrack" in frame.f_code.co_filename else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        claims = extract(text)
    finally:
        sys.settrace(old)
    assert claims  # the text has attributions; the work counted is real work
    return count


def growth(join: str) -> float:
    small, large = (join.join(SENTENCES * k) for k in (SMALL, LARGE))
    return lines_run(large) / lines_run(small)


def test_work_grows_linearly_with_the_number_of_paragraphs() -> None:
    """Each paragraph's detector pass reads the claims of that paragraph, not of them all."""
    assert growth("\n") <= SLACK * LARGE / SMALL


def test_work_grows_linearly_with_the_length_of_a_paragraph() -> None:
    """The refiner decodes each claim over its own window, not over the whole paragraph; the
    detector and the nesting rules look up neighbours, not every pair of claims."""
    assert growth(" ") <= SLACK * LARGE / SMALL


def test_each_claim_is_decoded_as_crfsuite_tags_its_whole_paragraph() -> None:
    """The refiner's window decoding gives every token of the paragraph the label crfsuite
    gives it when tagging the claim's whole sequence."""
    text = " ".join(SENTENCES * 3)
    ((p,),) = parse_chunk([(text, None)])
    refiner = refine.load()
    assert refiner is not None
    static = refine.paragraph_features(p, QuoteIndex(text), refiner.vocab)
    claims = build_claims(text, [p], None, QuoteIndex(text))  # the rules' proposals
    assert len(claims) >= 12
    windows = []
    for c in claims:
        m = c.speaker.mention
        parts = c.content_parts or (c.content,)
        proposal = refine.Proposal(
            (c.cue.start, c.cue.end),
            (m.start, m.end) if m else None,
            [(s.start, s.end) for s in parts],
        )
        whole = refiner.tag(refine.claim_features(p, static, proposal))
        path = refiner.decode(p, static, proposal)
        assert isinstance(path, crf.Decoded)  # a window, not the paragraph
        assert [path.label(i) for i in range(len(p.doc))] == whole
        windows.append(path.hi - path.lo + 1)
    # a claim's window is its sentence (about 15 tokens here) unless its spans reach further
    assert statistics.median(windows) <= 20 < len(p.doc)


def test_the_model_weights_are_read_exactly_as_crfsuite_lists_them() -> None:
    import pycrfsuite

    for model in (refine.MODEL_FILE, detect.MODEL_FILE):
        weights = crf.Crf(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        info = tagger.info()  # weights printed to six decimals
        assert weights.attributes == {a.encode(): int(i) for a, i in info.attributes.items()}
        label = {name: k for k, name in enumerate(weights.labels)}
        for (attr, name), w in info.state_features.items():
            assert abs(weights.state[weights.attributes[attr.encode()], label[name]] - w) <= 5e-7
        for (a, b), w in info.transitions.items():
            assert abs(weights.trans[label[a], label[b]] - w) <= 5e-7
        assert len(info.state_features) == (weights.state != 0).sum()


def test_a_long_paragraph_is_parsed_in_pieces_joined_into_one_doc() -> None:
    """spaCy's memory grows with the text parsed at once: a paragraph longer than PIECE is
    parsed in pieces cut after sentences, and stays one paragraph (one Doc) for the rules."""
    text = " ".join(SENTENCES * 40)
    parts = pieces(text)
    assert len(text) > 3 * PIECE and len(parts) >= 4
    assert "".join(parts) == text and all(len(p) <= PIECE for p in parts)
    assert all(p.endswith((". ", '." ', '," ')) for p in parts[:-1])  # after a sentence
    ((p,),) = parse_chunk([(text, None)])
    assert p.doc.text == text
    sentence_starts = {t.idx for t in p.doc if t.is_sent_start}
    cuts = list(itertools.accumulate(len(p) for p in parts[:-1]))
    assert all(c in sentence_starts for c in cuts)
    claims = extract(text)
    assert len(claims) >= 5 * 40  # most sentences are claims, across the cuts too

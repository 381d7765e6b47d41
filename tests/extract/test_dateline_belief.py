"""A wire dateline does not make the detector doubt a lede's claim (issue 14, branch
s14-dateline): "DUNMORE, Ore. — The bridge will close soon, the mayor said." keeps its claim
as it does without "DUNMORE, Ore. — ". The detector tags a paragraph from the end of its
dateline on, as if the paragraph began there.

Every text here is written for these tests (invented places and names).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.learned import detect, refine
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.segment import Parsed
from claimtrack.extract.tails import dateline_cut

DATELINES = [
    "DUNMORE, Ore. — ",
    "DUNMORE (AP) — ",
    "WASHINGTON — ",
    "KESTREL BAY, Maine - ",
]
LEDES = [
    ("The bridge will close soon, the mayor said.", "The bridge will close soon"),
    ("The bridge closed last week, the mayor said.", "The bridge closed last week"),
    (
        "The bridge will close soon, Mayor Alma Torvik said on Tuesday.",
        "The bridge will close soon",
    ),
]


@pytest.mark.parametrize("dateline", DATELINES[:3])
@pytest.mark.parametrize(("lede", "content"), LEDES)
def test_a_lede_after_a_dateline_keeps_its_claim(dateline: str, lede: str, content: str) -> None:
    text = dateline + lede
    (claim,) = extract(text)
    assert claim.found_by == "rules"
    assert claim.content.text(text) == content


def _paragraph(text: str) -> Parsed:
    (parsed,) = parse_chunk([(text, None)])
    (p,) = [p for p in parsed if len(p.doc)]
    return p


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _belief(text: str, content: str) -> float:
    """The detector's belief in CONTENT, with the rules' claim "CONTENT, the mayor said"
    covering the paragraph as in extraction."""
    detector = detect.load()
    p = _paragraph(text)
    covered = [
        (_span(text, content), refine.CON),
        (_span(text, "the mayor"), refine.SRC),
        (_span(text, "said"), refine.CUE),
    ]
    detector.detect(p, refine.paragraph_features(p, QuoteIndex(text), detector.vocab), covered)
    return detector.content_belief(_span(text, content))


@pytest.mark.parametrize("dateline", DATELINES)
def test_the_detector_reads_a_lede_after_a_dateline_as_without_it(dateline: str) -> None:
    lede, content = LEDES[0]
    alone = _belief(lede, content)
    assert alone >= detect.DOUBT  # the lede alone stands
    # the same, up to what the parse makes of the dash (a sentence of its own or not)
    assert _belief(dateline + lede, content) == pytest.approx(alone, abs=0.1)


def test_a_content_drawn_over_the_dateline_is_believed_after_it() -> None:
    """A span that starts in the dateline counts only the tokens after it: the dateline is
    never part of a content (tails.after_dateline cuts it off later)."""
    text = "DUNMORE, Ore. — The bridge will close soon, the mayor said."
    assert _belief(text, "DUNMORE, Ore. — The bridge will close soon") == pytest.approx(
        _belief(text, "The bridge will close soon")
    )


def test_the_features_after_a_dateline_are_those_of_a_paragraph_start() -> None:
    text = "DUNMORE, Ore. — The bridge will close soon, the mayor said."
    p = _paragraph(text)
    static = refine.paragraph_features(p, QuoteIndex(text), refine.read_vocabulary())
    full = detect.coverage_features(p, static, [])
    k = next(t.i for t in p.doc if t.text == "The")
    got = detect.after_dateline(full, k)
    assert len(got) == len(full) - k
    assert {b"-1BOUND", b"-2BOUND", b"ss", b"pcov=BOS"} <= set(got[0])
    assert not any(f.startswith((b"-1l=", b"-2l=")) for f in got[0])
    assert b"-2BOUND" in got[1] and b"-1l=the" in got[1]
    assert got[2:] == full[k + 2 :]
    assert detect.after_dateline(full, 0) is full  # no dateline: as they are


# datelines whose lede the parser hung on the place ("BAY ... said", the lede an apposition),
# or a place before a colon taken for the speaker: the dateline is parsed apart from its lede
# (extract/pipeline.py dateline_cut) and a colon's words that report their own speaker are no
# label's (rules/colon.py)
PARSED_APART = [
    "KESTREL BAY, Maine — ",
    "CEDAR FLATS, Maine — ",
    "PINE RIDGE, Idaho — ",
    "KESTREL BAY: ",
    "OSSINGFORD: ",
    "NORTH FALLS, Westland: ",
    "MARROW GLEN (Wire News): ",
]


@pytest.mark.parametrize("dateline", PARSED_APART)
def test_a_lede_after_a_dateline_parsed_apart_keeps_its_claim(dateline: str) -> None:
    text = "Bridge to close for repairs\n\n" + dateline + LEDES[2][0] + "\n"
    claims = [c for c in extract(text) if c.speaker.name == "Alma Torvik"]
    assert [(c.content.text(text), c.date.text) for c in claims] == [
        ("The bridge will close soon", "on Tuesday")
    ]
    place = dateline.split(",")[0].split(" (")[0].rstrip(": —")
    assert not [c for c in extract(text) if c.speaker.name == place]


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("KESTREL BAY, Maine — The bridge", "KESTREL BAY, Maine — "),
        ("Lisbon (Wire) -- The bridge", "Lisbon (Wire) -- "),
        (
            "MARROW GLEN, Vt., March 3 (Wire News) - The bridge",
            "MARROW GLEN, Vt., March 3 (Wire News) - ",
        ),
        ("The bridge - a span of steel - will close", ""),  # no dateline
        ("Lisbon - The bridge", ""),  # a title-case word without an agency: no dateline
    ],
)
def test_dateline_cut(text: str, cut: str) -> None:
    assert text[: dateline_cut(text)] == cut


def test_a_speakers_label_keeps_words_that_report_no_one() -> None:
    # a guard (it passes on main too): "..., I think ..." after a label is the label's
    for line in (
        "HOLLIS: And clearly, you back the governor, I think some voters doubt that message.",
        "VANCE: Well, I think the whole county needs to pull together.",
    ):
        text = "Debate night\n\n" + line + "\n"
        assert [c.speaker.name for c in extract(text)] == [line.split(":")[0]]


def test_a_datelines_day_dates_its_lede() -> None:
    text = "Bridge to close\n\nKESTREL BAY, Maine, March 10 — The bridge will close soon, Mayor Ann Holt said.\n"
    (claim,) = extract(text, dt.date(2026, 3, 20))
    assert (claim.date.on, claim.date.via, claim.date.text) == (
        dt.date(2026, 3, 10),
        "context",
        "March 10",
    )


# "told a gathering that ...": the parser hangs the told clause on the addressee as a relative
# clause; the rules then took "a gathering that ..." for the content and the detector, reading
# the parse's labels, dropped it, dateline or not (extract/reparse.py hangs it on the verb)
TOLD = "Mayor Ann Holt told a gathering of farmers that the bridge would close in May."


@pytest.mark.parametrize("dateline", ["", "KESTREL BAY, March 10 (Wire) — "])
def test_a_clause_told_to_a_gathering_is_the_content(dateline: str) -> None:
    text = dateline + TOLD + "\n"
    [claim] = extract(text, dt.date(2026, 3, 20))
    assert text[claim.content.start : claim.content.end] == "that the bridge would close in May"
    assert claim.speaker.name == "Ann Holt"
    # the dateline's day dates the lede
    assert claim.date.on == (dt.date(2026, 3, 10) if dateline else dt.date(2026, 3, 20))


def test_a_relative_clause_of_what_was_told_stays_one() -> None:
    # "that" is the object of "believed": a relative clause, so the story is what was told
    text = "Mayor Ann Holt told a story that nobody in the town believed.\n"
    [claim] = extract(text, dt.date(2026, 3, 20))
    assert text[claim.content.start : claim.content.end].startswith("a story")

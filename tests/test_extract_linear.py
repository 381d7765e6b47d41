"""Extraction costs work in proportion to the text: no stage may look at every claim of a
document for each paragraph, or at a whole paragraph for each of its claims.

Work is counted, not timed: the Python lines claimtrack's own code runs for one extraction
(a deterministic count; spaCy's parse, which is linear, is not counted). Four times the text
must cost about four times the lines, whatever the shape of the text. Speed itself is measured
by ``make bench``. The sentences are written for these tests.
"""

from __future__ import annotations

import sys
from types import FrameType

from claimtrack.extract import extract

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

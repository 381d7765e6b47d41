"""A plain text's own dateline (issue 19): the publication day a pasted article states on a
line of its own near its top, used when no metadata gives one. Every text here is written
for the project."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from claimtrack.io.dateline import dateline
from claimtrack.io.readers import Entry, read_entry

DAY = dt.date(2024, 3, 3)
BODY = '"The bridge will reopen in May," said Mayor Dana Whitfield.\n'


@pytest.mark.parametrize(
    "line",
    [
        "March 3, 2024",
        "Mar. 3, 2024",
        "3 March 2024",
        "Sunday, March 3, 2024",
        "Published: March 3, 2024",
        "Posted Sun, Mar 3rd, 2024 at 10:02 a.m. ET",
        "First published on 3 March 2024, 14:05 GMT+1",
        "2024-03-03",
        "March 3, 2024 | 4:15 pm",
    ],
)
def test_a_dateline_near_the_top_is_the_publication_day(line):
    assert dateline(f"Bridge to reopen\n\n{line}\n\n{BODY}") == DAY


@pytest.mark.parametrize(
    "text",
    [
        f"Bridge to reopen\n\nOn March 3, 2024, the council met.\n\n{BODY}",  # in a sentence
        f"Bridge to reopen\n\nFebruary 31, 2024\n\n{BODY}",  # no such day
        "Bridge to reopen\n\n" + "A line of the story.\n" * 8 + "March 3, 2024\n",  # too far down
        f"Bridge to reopen\n\n{BODY}",
    ],
)
def test_no_dateline_gives_no_day(text):
    assert dateline(text) is None


def test_an_update_gives_the_day_only_when_no_other_line_does():
    assert dateline(f"T\nUpdated March 5, 2024\nMarch 3, 2024\n{BODY}") == DAY
    assert dateline(f"T\nUpdated March 5, 2024\n{BODY}") == dt.date(2024, 3, 5)


def test_a_txt_takes_its_dateline_and_metadata_still_wins(tmp_path):
    (tmp_path / "a.txt").write_text(f"Bridge to reopen\nMarch 3, 2024\n\n{BODY}")
    assert read_entry(Entry(str(tmp_path / "a.txt"))).published == DAY
    (tmp_path / "a.meta.yaml").write_text("published: 2024-03-04\n")
    assert read_entry(Entry(str(tmp_path / "a.txt"))).published == dt.date(2024, 3, 4)


def test_ingest_dates_claims_by_the_dateline_without_the_undated_warning(cli, db_url, tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text(f"Bridge to reopen\n\nPublished: March 3, 2024\n\n{BODY}", encoding="utf-8")
    result = cli("ingest", str(article), "--quiet", db=db_url)
    assert "publication date" not in result.stderr
    (row,) = json.loads(cli("export", "--dates", "--format", "json", db=db_url).stdout)
    assert row["speaker"] == "Dana Whitfield"
    assert row["said_latest"] == "2024-03-03"


@pytest.mark.parametrize(
    "lede",
    [
        "PORT ALDER, March 3, 2024 — The ferry company said on Sunday it would add a boat.",
        "PORT ALDER, Westland, Mar. 3, 2024 (Harbour Wire) - The ferry company said it would.",
        "Port Alder, Westland (March 3, 2024) – The ferry company said it would add a boat.",
        "PORT ALDER, 3 March 2024 — The ferry company said it would add a boat.",
    ],
)
def test_a_wire_dateline_opening_the_story_is_the_day_it_was_filed(lede):
    assert dateline(f"Ferry company adds a boat\n\n{lede}\n\n{BODY}") == DAY


@pytest.mark.parametrize(
    "lede",
    [
        "On March 3, 2024 - the council met and the mayor spoke.",  # no place: an event's day
        "PORT ALDER, March 3 (Harbour Wire) — The ferry company said it would.",  # no year
        "The ferry company said on March 3, 2024 — a Sunday — that it would add a boat.",
    ],
)
def test_a_date_in_a_lede_without_a_wire_dateline_gives_no_day(lede):
    assert dateline(f"Ferry company adds a boat\n\n{lede}\n\n{BODY}") is None


def test_a_line_of_its_own_wins_over_the_wire_dateline():
    text = f"T\nMarch 3, 2024\n\nPORT ALDER, March 1, 2024 — The ferry company said.\n{BODY}"
    assert dateline(text) == DAY

"""A plain text's own byline and headline (issue 14): the author and title a pasted article
states on lines of their own at its top, used when no metadata gives them. Every text here is
written for the project."""

from __future__ import annotations

import pytest

from claimtrack.io.byline import byline, byline_names, headline
from claimtrack.io.readers import Entry, read_entry

HEAD = "Harbour board must open its books"
BODY = "I think the harbour board should publish its accounts before the vote.\n"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Tomas Brenner", ["Tomas Brenner"]),
        ("BY: Tomas Brenner", ["Tomas Brenner"]),
        ("By TOMAS BRENNER and ILSE VOGT", ["Tomas Brenner", "Ilse Vogt"]),
        (
            "By Tomas Brenner, Ilse Vogt and Ana de la Rosa",
            ["Tomas Brenner", "Ilse Vogt", "Ana de la Rosa"],
        ),
        ("Tomas Brenner | Staff writer", ["Tomas Brenner"]),
        ("By Tomas Brenner, Associated Press", ["Tomas Brenner"]),
        ("By Tomas Brenner and Ilse Vogt, The Associated Press", ["Tomas Brenner", "Ilse Vogt"]),
        ("By J. R. Brenner | Business Correspondent", ["J. R. Brenner"]),
        # a comma that may part two people: both kept, so neither is the one author
        ("By Tomas Brenner, Ilse Vogt", ["Tomas Brenner", "Ilse Vogt"]),
    ],
)
def test_a_byline_gives_the_names_alone(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the council will vote on the plan",  # a sentence, not a byline
        "By Staff Reports",  # no person named
        "Tomas Brenner",  # a name alone: a caption or a speaker
        "Tomas Brenner, Associated Press",  # no "By" and no role: may be a headline
        "City Council Votes Again | Local News",
    ],
)
def test_lines_that_are_no_byline(line: str) -> None:
    assert byline_names(line) == []


def test_the_byline_and_headline_of_a_column() -> None:
    text = f"{HEAD}\n\nBy Tomas Brenner\n\nMARLOWE, March 3, 2026 — {BODY}"
    assert byline(text) == "Tomas Brenner"
    assert headline(text) == HEAD


def test_several_authors_are_joined_as_html_ingest_joins_them() -> None:
    text = f"{HEAD}\nBY TOMAS BRENNER AND ILSE VOGT\n\n{BODY}"
    assert byline(text) == "Tomas Brenner; Ilse Vogt"


def test_no_headline_when_the_first_line_is_a_sentence_or_the_byline() -> None:
    assert headline(f"{BODY}\nThe board meets on Friday.\n") is None
    assert headline(f"By Tomas Brenner\n\n{BODY}") is None
    assert headline(f"March 3, 2026\n\n{BODY}") is None
    assert headline(HEAD) is None  # nothing follows it


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By The Associated Press", "The Associated Press"),
        ("By Reuters", "Reuters"),
        ("BY ASSOCIATED PRESS", "Associated Press"),
        ("By AFP", "AFP"),
    ],
)
def test_a_news_agency_alone_is_the_author(line: str, author: str) -> None:
    text = f"{HEAD}\n{line}\n\n{BODY}"
    assert byline(text) == author
    assert headline(text) == HEAD
    assert headline(f"{line}\n\n{BODY}") is None  # an agency's byline is no headline


def test_a_byline_deep_in_the_body_is_not_read() -> None:
    lede = "\n\n".join(
        f"Paragraph {i} of the story about the harbour board's accounts." for i in range(7)
    )
    assert byline(f"{lede}\n\nBy Tomas Brenner\n") is None


def test_a_plain_text_file_takes_its_byline_and_headline(tmp_path) -> None:
    path = tmp_path / "column.txt"
    path.write_text(f"{HEAD}\n\nBy Tomas Brenner, Associated Press\n\n{BODY}", encoding="utf-8")
    doc = read_entry(Entry(str(path)))
    assert (doc.author, doc.title) == ("Tomas Brenner", HEAD)
    assert doc.text.startswith(HEAD)  # the text is stored unchanged


def test_metadata_wins_over_the_text_s_own_lines(tmp_path) -> None:
    path = tmp_path / "column.txt"
    path.write_text(f"{HEAD}\n\nBy Tomas Brenner\n\n{BODY}", encoding="utf-8")
    (tmp_path / "column.meta.yaml").write_text(
        "title: Books\nauthor: Ilse Vogt\n", encoding="utf-8"
    )
    doc = read_entry(Entry(str(path)))
    assert (doc.author, doc.title) == ("Ilse Vogt", "Books")


def test_markdown_keeps_its_front_matter_alone(tmp_path) -> None:
    path = tmp_path / "column.md"
    path.write_text(f"---\npublished: 2026-03-03\n---\n{HEAD}\n\nBy Tomas Brenner\n\n{BODY}")
    doc = read_entry(Entry(str(path)))
    assert (doc.author, doc.title) == (None, None)

"""The page reader: the article's own words, headings on their own lines, the page's own
metadata; and the language of what was read."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract.segment import segments
from claimtrack.io import language
from claimtrack.io.feeds import FeedError, is_feed, parse_feed
from claimtrack.io.page import (
    DEEPEST,
    nesting_depth,
    parse_html,
    read_page,
    without_hover_cards,
)
from claimtrack.io.readers import Entry, ReadError, read_entry
from tests.web_site import FIXTURES

BOILERPLATE = (
    "cookie",
    "Subscribe",
    "Home",
    "Share on social media",
    "Photo: Gazette archive",  # the caption
    "Related stories",
    "Storm damage closes",  # a related link
    "morning briefing",
    "All rights reserved",
    "Privacy policy",
    "Tags:",
    "dataLayer",
)


def test_a_page_keeps_the_article_and_leaves_the_page_around_it():
    doc = read_entry(Entry(str(FIXTURES / "harbour-ferries.html")))
    for words in BOILERPLATE:
        assert words not in doc.text, words
    assert "Harbour master Tomas Reyes said the repairs" in doc.text
    assert doc.text.endswith("after a survey of islanders and commuters.")
    assert doc.title == "Ferry service to the islands will resume in March"
    assert doc.published == dt.date(2025, 2, 11)
    assert doc.author == "Maren Kell"
    assert doc.outlet == "The Alden Harbour Gazette"
    assert doc.url == "https://gazette.example/2025/02/11/ferries-resume"


def test_headings_stay_on_their_own_lines_for_the_extractor():
    doc = read_entry(Entry(str(FIXTURES / "harbour-ferries.html")))
    lines = doc.text.split("\n")
    assert "Fares and timetable" in lines
    headings = [s.text for s in segments(doc.text) if s.is_heading]
    assert "Fares and timetable" in headings
    # every paragraph is one line: no line starts inside a sentence
    assert all(line == " ".join(line.split()) for line in lines)


def test_json_ld_gives_the_date_when_no_meta_tag_does():
    doc = read_entry(Entry(str(FIXTURES / "budget-vote.html")))
    assert doc.published == dt.date(2025, 2, 12)
    assert doc.author == "Olek Brandt"
    assert "Most read" not in doc.text and "Advertisement" not in doc.text
    assert "What changes for residents" in doc.text.split("\n")


def test_a_date_written_in_the_text_is_no_publication_date():
    doc = read_entry(Entry(str(FIXTURES / "library-hours.html")))
    assert doc.published is None
    assert doc.title == "Town library to open on Saturday afternoons"


def test_a_relative_canonical_link_is_resolved_against_where_the_page_came_from():
    html = (FIXTURES / "library-hours.html").read_text()
    html = html.replace("</head>", '<link rel="canonical" href="/news/library"></head>')
    page = read_page(html, url="https://town.example/a/b?c=1")
    assert page.meta["url"] == "https://town.example/news/library"
    assert "url" not in read_page(html).meta  # a saved file: no base, no URL


def test_a_page_without_a_canonical_link_is_at_the_url_it_was_fetched_from():
    html = (FIXTURES / "library-hours.html").read_text()
    assert read_page(html, url="https://town.example/x").meta["url"] == "https://town.example/x"


def test_a_tiny_page_is_read_from_its_structure():
    page = read_page("<title>T</title><article><h2>Talks</h2><p>Ann Lee said so.</p></article>")
    assert page.how == "structure" and page.text == "Talks\nAnn Lee said so."


def nested(depth: int, inner: str) -> str:
    return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>"


def test_nesting_depth_counts_elements_inside_elements():
    assert nesting_depth(parse_html(nested(3, "<p>x</p>"))) == 6  # html, body, 3 divs, p
    assert nesting_depth(parse_html("<p>a<p>b<p>c")) == 3  # html, body, p: siblings


def test_a_page_nested_deeper_than_browsers_nest_is_still_read():
    """Beyond DEEPEST the tree comes from libxml2 (html5lib's time grows with the square of
    the depth); the paragraph inside is read all the same."""
    page = read_page(nested(40 * DEEPEST, "<p>The mayor said the bridge would reopen.</p>"))
    assert page.text == "The mayor said the bridge would reopen."
    assert page.how == "structure"


def test_a_page_with_no_text_is_refused_naming_it(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(ReadError, match="empty.html: no text to ingest"):
        read_entry(Entry(str(tmp_path / "empty.html")))


@pytest.mark.parametrize(
    ("name", "code"),
    [("harbour-ferries.html", "en"), ("budget-vote.html", "en"), ("mairie-horaires.html", "fr")],
)
def test_the_language_is_told_from_the_text(name, code):
    assert language.detect(read_entry(Entry(str(FIXTURES / name))).text) == code


def test_a_short_text_has_no_language_told():
    assert language.detect("Ushakov noted it.") is None
    assert language.is_english(None) and not language.is_english("fr")
    assert language.name("fr") == "French (fr)" and language.name("xx") == "xx"


def test_feeds_are_told_by_content_whatever_their_name():
    rss = (FIXTURES / "feed.xml").read_bytes()
    assert is_feed(rss) and is_feed((FIXTURES / "atom.xml").read_bytes())
    assert is_feed(b"\xef\xbb\xbf<!-- a comment -->\n<?xml-stylesheet href='s.xsl'?><rss>")
    assert not is_feed((FIXTURES / "harbour-ferries.html").read_bytes())
    assert not is_feed(b'<?xml version="1.0"?><urlset><url/></urlset>')
    feed = parse_feed(rss, base="https://gazette.example/feeds/news.xml")
    assert feed.kind == "RSS 2.0" and feed.title == "The Alden Harbour Gazette: News"
    assert [e.link for e in feed.entries][:2] == [
        "https://gazette.example/feeds/harbour-ferries.html",
        "https://gazette.example/feeds/budget-vote.html",
    ]
    assert feed.entries[2].published == dt.date(2025, 2, 13)


def test_an_atom_entry_without_a_published_date_gives_its_update_date():
    feed = parse_feed((FIXTURES / "atom.xml").read_bytes())
    assert feed.kind == "Atom 1.0"
    assert [(e.link, e.published) for e in feed.entries] == [
        ("budget-vote.html", dt.date(2025, 2, 12)),
        ("mairie-horaires.html", dt.date(2025, 2, 10)),
    ]


def test_a_broken_feed_is_refused_whole():
    rss = (FIXTURES / "feed.xml").read_bytes()
    with pytest.raises(FeedError, match=r"broken feed: not well-formed XML \(line \d+"):
        parse_feed(rss[: len(rss) // 2])


def test_html_entities_in_an_rss_feed_are_no_reason_to_refuse_it():
    rss = (
        (FIXTURES / "feed.xml").read_bytes().replace(b"Council approves", b"Council&nbsp;approves")
    )
    assert len(parse_feed(rss).entries) == 3


HOVER_PAGE = """<html><head><title>Bridge to reopen</title></head><body><article>
<h1>Bridge to reopen in March</h1>
<p>Rep. <span class="rollover-people"><a class="rollover-people-link" href="/people/jane-doe">Jane
Doe</a><span class="rollover-people-block"><span class="rollover-block"><img src="/jd.jpg" alt="">
<a class="name" href="/people/jane-doe">Jane Doe</a><a href="/s/1">Doe backs a bill on roads</a>
<a href="/s/2">Lawmakers spar over tolls</a></span></span></span> said on Monday that the old
bridge over the river will reopen in March, after two years of repairs to its deck.</p>
<p>The county engineer, <span class="tooltip">Ann Roe<span class="tooltip-text">County
engineer since 2019</span></span>, said the cost stayed within the budget the council set.</p>
<p>Traffic on the bypass is expected to fall by a third once the bridge carries cars again,
and the ferry that ran during the works will stop at the end of the month.</p>
</article></body></html>"""


def test_a_hover_card_is_not_glued_to_the_name_it_describes():
    text = read_page(HOVER_PAGE).text
    assert "Rep. Jane Doe said on Monday" in text
    assert "Doe backs a bill" not in text and "Lawmakers spar" not in text
    assert "The county engineer, Ann Roe, said the cost" in text
    assert "since 2019" not in text


def test_a_page_without_hover_cards_is_read_as_it_is():
    plain = HOVER_PAGE.replace("rollover", "person").replace("tooltip", "name")
    assert without_hover_cards(plain) == plain


LABEL_PAGE = """<html><head><title>Eating well</title></head><body><article>
<h1>Ways to eat well through the winter</h1>
<p>Soups and stews made with beans and greens keep a household fed for little money, and they
freeze well for the busy weeks after the holidays.</p>
<blockquote><strong>Summary</strong> Trials suggest that a bowl of soup before a meal may
lower how much people eat at it.</blockquote>
<p><b>Mara Quill</b> said the recipes in her column were tested by readers in three towns.</p>
<p>Root vegetables keep for months in a cool cellar, and a pot of them roasted with oil and
salt is a meal on its own for a family of four.</p>
</article></body></html>"""


def test_a_bold_run_in_label_is_a_line_of_its_own():
    lines = read_page(LABEL_PAGE).text.splitlines()
    assert "Summary" in lines
    assert any(line.startswith("Trials suggest that a bowl of soup") for line in lines)
    assert any(line.startswith("Mara Quill said the recipes") for line in lines)

"""The topic taxonomy and tagger."""

from __future__ import annotations

import pytest

from claimtrack.errors import UserError
from claimtrack.store.taxonomy import TopicDef, find_topics, load_taxonomy, tag

TAX = [
    TopicDef("ceasefire", "Ceasefire", ("ceasefire", "truce")),
    TopicDef("territory", "Territory", ("territor*", "land swap")),
    TopicDef("peace", "Peace talks", ("peace deal", "settlement")),
]


def test_keywords_match_words_plurals_prefixes_and_hyphens():
    assert tag(TAX, "They want a truce.") == [("ceasefire", "keyword")]
    assert tag(TAX, "no territorial concessions") == [("territory", "keyword")]
    assert tag(TAX, "a land-swap was floated") == [("territory", "keyword")]
    assert tag(TAX, "several peace deals failed") == [("peace", "keyword")]
    assert tag(TAX, "the truck drove on") == []  # no match inside a word


def test_heading_gives_context_to_claims_below_it():
    assert tag(TAX, "talks would start soon", heading="2. Toward a Settlement") == [
        ("peace", "heading")
    ]


def test_find_topics_by_slug_label_or_keyword():
    assert [t.slug for t in find_topics(TAX, "CEASEFIRE")] == ["ceasefire"]
    assert [t.slug for t in find_topics(TAX, "peace talks")] == ["peace"]
    assert [t.slug for t in find_topics(TAX, "truce")] == ["ceasefire"]
    assert find_topics(TAX, "weather") == []


def test_default_taxonomy_loads_and_has_the_core_topics():
    slugs = {t.slug for t in load_taxonomy()}
    assert {
        "ceasefire",
        "long-term-solution",
        "territory",
        "bilateral-relations",
        "arctic",
    } <= slugs


def test_bad_taxonomy_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "t.toml"
    bad.write_text('[[topic]]\nslug = "Bad Slug"\n')
    with pytest.raises(UserError, match="slug"):
        load_taxonomy(bad)
    bad.write_text("not = [toml")
    with pytest.raises(UserError, match="TOML"):
        load_taxonomy(bad)

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


TAXES_ARTICLE = """Dale Hirsch said on Monday that he paid federal taxes every year.

Mina Okafor said the new tariff on steel would raise prices.
"""


def _old_default(db_url: str, slug: str, keywords: list[str]) -> None:
    """Store SLUG as an older claimtrack's default taxonomy had it."""
    from sqlalchemy import update

    from claimtrack.store.engine import open_engine, session_scope
    from claimtrack.store.models import Topic

    with session_scope(open_engine(db_url)) as s:
        s.execute(update(Topic).where(Topic.slug == slug).values(keywords=keywords))


def test_topics_update_loads_the_new_default_taxonomy_and_retags(cli, db_url, tmp_path):
    from tests.conftest import rows

    article = tmp_path / "taxes.txt"
    article.write_text(TAXES_ARTICLE, encoding="utf-8")
    cli("ingest", str(article), "--published", "2016-05-02", "--quiet", db=db_url)
    # a database made by an older claimtrack: "federal" alone put a claim under government
    _old_default(db_url, "government", ["federal", "congress*"])
    cli("topics", "retag", db=db_url)
    assert rows(cli, db_url, "who-said", "--topic", "government")
    upgraded = cli("db", "upgrade", db=db_url)
    assert "built-in taxonomy differs in 1 topic" in upgraded.stderr
    assert "claimtrack topics update" in upgraded.stderr
    # a topic added by hand stays; the stored claims are re-tagged with the new keywords
    cli("topics", "add", "steel", "-k", "steel", db=db_url)
    done = cli("topics", "update", db=db_url)
    assert "updated 1 topic" in done.stderr and "0 claims added, 1 removed" in done.stderr
    assert not rows(cli, db_url, "who-said", "--topic", "government")
    assert rows(cli, db_url, "who-said", "--topic", "steel")
    assert "taxonomy" not in cli("db", "upgrade", db=db_url).stderr

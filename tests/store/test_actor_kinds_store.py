"""A group of named people is stored as one speaker of kind "group", and each of them as a
speaker of the claim too; a title stays with the name it precedes (issue 14). The article
is written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import rows

pytest.importorskip("spacy")

ARTICLE = (
    "Sen. Rita Vance and Rep. Omar Fields said on Monday that the bridge money was gone.\n\n"
    "Governor Paul Stroud and his wife Helen said the food pantry needed volunteers.\n\n"
    "The Delgado brothers said the mill would close by winter.\n"
)


@pytest.fixture
def db(cli, db_url, tmp_path):
    path = tmp_path / "town.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(path), "--published", "2026-04-06", "--quiet", db=db_url)
    return db_url


def test_people_named_together_are_a_group_and_each_a_speaker(cli, db) -> None:
    actors = {a["name"]: a for a in rows(cli, db, "actors", "list")}
    assert actors["Rita Vance & Omar Fields"]["kind"] == "group"
    assert actors["Omar Fields"]["kind"] == actors["Rita Vance"]["kind"] == "person"
    groups = {a["name"] for a in rows(cli, db, "actors", "list", "--kind", "group")}
    assert groups == {"Rita Vance & Omar Fields", "Paul Stroud & Helen Stroud", "Delgado brothers"}
    for who in ("Omar Fields", "Rita Vance"):
        said = rows(cli, db, "who-said", "--actor", who)
        assert [r["content"] for r in said] == ["that the bridge money was gone"]


def test_a_title_stays_with_the_name_it_precedes(cli, db) -> None:
    actors = {a["name"]: a for a in rows(cli, db, "actors", "list")}
    assert not actors["Helen Stroud"]["role"]  # "Governor" is her husband's
    assert not actors["Paul Stroud & Helen Stroud"]["role"]


def test_kind_options_name_the_six(cli, db) -> None:
    bad = cli("actors", "list", "--kind", "crowd", db=db, ok=False)
    assert bad.exit_code != 0
    for kind in ("person", "organization", "government", "media", "group", "unnamed"):
        assert kind in bad.output
    cli("actors", "set", "Delgado brothers", "--kind", "organization", db=db)
    cli("actors", "set", "Delgado brothers", "--kind", "group", db=db)
    assert rows(cli, db, "actors", "show", "Delgado brothers")["kind"] == "group"

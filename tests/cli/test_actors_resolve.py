"""`claimtrack actors resolve` and the end of a multi-document `ingest`: a speaker filed under
a description before the article naming the person came in joins that person, on SQLite and
PostgreSQL, with the real extractor. Articles written for the project."""

from __future__ import annotations

from tests.conftest import rows

ROADS = "Roads\n\nThe Ohio governor said on Monday that the toll road would reopen in June.\n"
SCHOOLS = (
    "Schools\n\nOhio Gov. Ray Castellan said on Tuesday that the school levy would pass in "
    "the autumn.\n"
)


def _speakers(cli, db: str) -> dict[str, str]:
    return {r["content"][:17]: r["speaker"] for r in rows(cli, db, "who-said")}


def _write(folder, name: str, text: str) -> str:  # noqa: ANN001
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder)


def test_one_ingest_of_several_documents_settles_the_speakers_it_touched(cli, db_url, tmp_path):
    _write(tmp_path / "news", "a.txt", ROADS)
    folder = _write(tmp_path / "news", "b.txt", SCHOOLS)
    result = cli("ingest", folder, "--published", "2024-05-01", db=db_url)
    assert "1 claim filed under a surname alone or a description moved" in result.stderr
    assert _speakers(cli, db_url) == {
        "that the toll roa": "Ray Castellan",
        "that the school l": "Ray Castellan",
    }
    assert cli("actors", "resolve", db=db_url).stderr.strip() == "0 claims moved"


def test_actors_resolve_moves_what_two_ingests_left_apart(cli, db_url, tmp_path):
    cli("ingest", _write(tmp_path / "one", "a.txt", ROADS), "--published", "2024-05-01", db=db_url)
    cli(
        "ingest", _write(tmp_path / "two", "b.txt", SCHOOLS), "--published", "2024-05-02", db=db_url
    )
    before = _speakers(cli, db_url)
    assert before["that the toll roa"] != "Ray Castellan"  # one document a run: no second look

    dry = cli("actors", "resolve", "--dry-run", db=db_url)
    assert "-> Ray Castellan" in dry.stdout and "named as Ohio governor" in dry.stdout
    assert dry.stderr.strip() == "1 claim would move"
    assert _speakers(cli, db_url) == before  # nothing kept

    done = cli("actors", "resolve", "--why", "order of ingest", db=db_url)
    assert done.stderr.strip() == "1 claim moved"
    assert _speakers(cli, db_url)["that the toll roa"] == "Ray Castellan"
    log = rows(cli, db_url, "log")
    assert [(r["what"], r["after"], r["why"]) for r in log] == [
        ("resolve", "Ray Castellan", "order of ingest")
    ]
    assert cli("actors", "resolve", db=db_url).stderr.strip() == "0 claims moved"  # idempotent

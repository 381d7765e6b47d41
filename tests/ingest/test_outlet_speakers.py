"""`claimtrack ingest` carries a page's own outlet (its site name) to the extractor: a speaker
named as the outlet is stored as media, not as a person. The page and its sentences are
written for this test."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from claimtrack.store import engine as dbmod

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry to the islands will resume in March</title>
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="2025-02-11">
</head><body><article>
<h1>Ferry to the islands will resume in March</h1>
<p>According to Tamsworth, the ferry to the outer islands would resume in March after a
winter of repairs to the harbour wall and the landing stage.</p>
<p>Dana Whitfield, the harbour master, said the new landing stage would open in April and
that fares would not rise this year.</p>
</article></body></html>
"""


def kinds(db: str) -> dict[str, str]:
    engine = dbmod.make_engine(dbmod.resolve_url(db))
    with engine.connect() as conn:
        return {name: kind for name, kind in conn.execute(text("SELECT name, kind FROM actors"))}


def test_a_speaker_named_as_the_page_s_site_is_media(cli, tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE.format(outlet="Tamsworth Online"), encoding="utf-8")
    db = str(tmp_path / "claims.db")
    cli("ingest", str(page), "--quiet", db=db)
    assert kinds(db) == {"Tamsworth": "media", "Dana Whitfield": "person"}


def test_the_same_page_from_another_site_keeps_the_person(cli, tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE.format(outlet="Harbour Weekly"), encoding="utf-8")
    db = str(tmp_path / "claims.db")
    cli("ingest", str(page), "--quiet", db=db)
    assert kinds(db)["Tamsworth"] == "person"


def test_a_text_ingested_with_an_outlet_given(cli, tmp_path: Path) -> None:
    doc = tmp_path / "ferry.txt"
    doc.write_text(
        "Ferry to resume\n\nAccording to Tamsworth, the ferry would resume in March.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "claims.db")
    cli("ingest", str(doc), "--outlet", "Tamsworth News", "--quiet", db=db)
    assert kinds(db) == {"Tamsworth": "media"}

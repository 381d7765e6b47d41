"""`claimtrack ingest` of a plain-text column (issue 14): its byline and headline become the
source's author and title, its author's own "I" outside quotations is the author, the "I" of
a quotation stays the quote's speaker, and a column by two authors credits its "I" to no
one. The column is written for this test."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from claimtrack.store import engine as dbmod

COLUMN = """Opinion: The harbour board owes the town its accounts

{byline}

MARLOWE, March 3, 2026 — I think the harbour board should publish its accounts before the vote on the new pier.

Lena Moreau, who chairs the board, disagrees. "I believe the figures would only confuse people," Moreau said.

I doubt that anyone in Marlowe is so easily confused.
"""


def stored(db: str) -> tuple[tuple[str | None, str | None], dict[str, str | None]]:
    """The source's (author, title) and each claim's content -> its speaker's name."""
    engine = dbmod.make_engine(dbmod.resolve_url(db))
    with engine.connect() as conn:
        source = conn.execute(text("SELECT author, title FROM sources")).one()
        rows = conn.execute(
            text("SELECT c.content, a.name FROM claims c LEFT JOIN actors a ON a.id = c.actor_id")
        )
        return (source[0], source[1]), {content: name for content, name in rows}


def speaker(claims: dict[str, str | None], piece: str) -> str | None:
    hits = [name for content, name in claims.items() if piece in content]
    assert len(hits) == 1, claims
    return hits[0]


def test_a_column_s_byline_names_its_i(cli, tmp_path: Path) -> None:
    path = tmp_path / "column.txt"
    path.write_text(COLUMN.format(byline="By Tomas Brenner"), encoding="utf-8")
    db = str(tmp_path / "claims.db")
    cli("ingest", str(path), "--quiet", db=db)
    source, claims = stored(db)
    assert source == ("Tomas Brenner", "Opinion: The harbour board owes the town its accounts")
    assert speaker(claims, "publish its accounts") == "Tomas Brenner"
    assert speaker(claims, "easily confused") == "Tomas Brenner"
    assert speaker(claims, "only confuse people") == "Lena Moreau"  # the quote's own "I"
    assert not any("Brenner" in content for content in claims)  # the byline is no claim


def test_a_column_by_two_authors_credits_its_i_to_no_one(cli, tmp_path: Path) -> None:
    path = tmp_path / "column.txt"
    path.write_text(COLUMN.format(byline="By TOMAS BRENNER and ILSE VOGT"), encoding="utf-8")
    db = str(tmp_path / "claims.db")
    cli("ingest", str(path), "--quiet", db=db)
    source, claims = stored(db)
    assert source[0] == "Tomas Brenner; Ilse Vogt"
    assert speaker(claims, "publish its accounts") is None


def test_the_author_given_on_the_command_line_wins(cli, tmp_path: Path) -> None:
    path = tmp_path / "column.txt"
    path.write_text(COLUMN.format(byline="By Tomas Brenner"), encoding="utf-8")
    db = str(tmp_path / "claims.db")
    cli("ingest", str(path), "--author", "Ilse Vogt", "--quiet", db=db)
    source, claims = stored(db)
    assert source[0] == "Ilse Vogt"
    assert speaker(claims, "publish its accounts") == "Ilse Vogt"


def test_a_news_agency_s_byline_credits_its_i_to_no_one(cli, tmp_path: Path) -> None:
    path = tmp_path / "column.txt"
    path.write_text(COLUMN.format(byline="By The Associated Press"), encoding="utf-8")
    db = str(tmp_path / "claims.db")
    cli("ingest", str(path), "--quiet", db=db)
    source, claims = stored(db)
    assert source[0] == "The Associated Press"
    assert speaker(claims, "publish its accounts") is None  # an agency has no "I"
    assert speaker(claims, "only confuse people") == "Lena Moreau"

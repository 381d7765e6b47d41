"""A document longer than `ingest --max-chars` fails with one line that names the limit and
the option; the other documents of the batch go in. Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from claimtrack.ingest import MAX_CHARS

SHORT = "The harbour master said on Monday that the new pier would open in June.\n"
LONG = "The ferry operator said that crossings would resume once the storm had passed. " * 8 + "\n"


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_document_over_the_limit_fails_alone(cli, db_url, tmp_path) -> None:
    first = _write(tmp_path, "a.txt", SHORT)
    long = _write(tmp_path, "b.txt", LONG)
    last = _write(tmp_path, "c.txt", SHORT.replace("Monday", "Friday"))
    limit = len(LONG) - 1
    result = cli(
        "ingest", first, long, last, "--max-chars", str(limit), "--quiet", ok=False, db=db_url
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert "b.txt" in errors[0] and f"{limit:,}" in errors[0] and "--max-chars" in errors[0]
    assert "2 added, 0 skipped, 1 failed" in result.stderr
    # nothing of the long document was stored; at its own length it goes in
    again = cli("ingest", first, long, last, "--max-chars", str(len(LONG)), "--quiet", db=db_url)
    assert "1 added, 2 skipped, 0 failed" in again.stderr


def test_a_long_text_on_stdin_is_named_in_the_message(cli, db_url) -> None:
    result = cli("ingest", "-", "--max-chars", "100", "--quiet", input=LONG, ok=False, db=db_url)
    assert result.exit_code == 1
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert "<stdin>" in error and f"{len(LONG):,} characters" in error and "--max-chars" in error
    assert MAX_CHARS > len(LONG)  # the default takes it
    assert "0 added, 0 skipped, 1 failed" in result.stderr

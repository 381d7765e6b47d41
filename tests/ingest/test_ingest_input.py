"""Bad input files in an ingest batch: each is one line naming the file and the fix, the
other documents are stored, the run exits 1, and a re-run after the fix finishes the job."""

from __future__ import annotations

import json

GOOD = "The mayor said the bridge would reopen in May.\n"
OTHER = "The governor said taxes would fall next year.\n"


UNDATED = "warning: "  # the undated-documents line (tests/test_when_context.py checks it)


def stderr_lines(result) -> list[str]:
    """Stderr's lines, but the warning about documents without a publication date: these
    files are undated on purpose, the tests here are about reading them."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return [line for line in lines if not line.startswith(UNDATED)]


def speakers(cli, db) -> list[str]:
    rows = json.loads(cli("export", "--format", "json", db=db).stdout)
    return sorted(r["speaker"] for r in rows)


SPEAKER = "José Núñez, the mayor, said the new bridge over the river would open in May.\n"
SPEAKER_CS = (
    "Jiří Dvořák, the council's spokesman, said the tram line would reopen "
    "after the repairs were finished.\n"
)


def test_impossible_front_matter_date_fails_that_file_only(cli, db_url, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    bad = tmp_path / "bad.md"
    bad.write_text("---\ndate: 2024-13-40\n---\nThe minister said the talks had failed.\n")
    later = tmp_path / "later.md"
    later.write_text("---\ndate: 2024-03-01\n---\n" + OTHER)
    args = ["ingest", str(good), str(bad), str(later), "--quiet"]
    result = cli(*args, ok=False, db=db_url)
    assert result.exit_code == 1
    lines = stderr_lines(result)
    assert lines[0].startswith("Error:") and str(bad) in lines[0] and "'date'" in lines[0]
    assert lines[1].startswith("documents: 2 added, 0 skipped, 1 failed")
    assert len(lines) == 2
    bad.write_text("---\ndate: 2024-12-04\n---\nThe minister said the talks had failed.\n")
    again = cli(*args, db=db_url)
    assert "1 added, 2 skipped, 0 failed" in again.stderr


def test_files_not_in_utf8_are_decoded_by_evidence_and_said_so(cli, db_url, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(SPEAKER.encode("latin-1"))
    czech = tmp_path / "czech.txt"
    czech.write_bytes(SPEAKER_CS.encode("windows-1250"))
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(SPEAKER.encode("utf-8").replace("ñ".encode(), b"\xf1"))
    args = ["ingest", str(latin), str(czech), str(damaged), "--quiet"]
    result = cli(*args, ok=False, db=db_url)
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"decoded {latin} as windows-1252 (detected; --encoding overrides it)",
        f"decoded {czech} as windows-1250 (detected; --encoding overrides it)",
        f"Error: {damaged}: mostly UTF-8 but with 1 invalid byte (the first at byte 9: "
        "b'os\\xc3\\xa9 N\\xc3\\xba\\xf1ez, the'); repair the file, or give its encoding "
        "with --encoding",
        "documents: 2 added, 0 skipped, 1 failed; claims: 2 added",
    ]
    assert speakers(cli, db_url) == ["Jiří Dvořák", "José Núñez"]


def test_encoding_option_is_honoured_for_stdin_and_checked(cli, db_url):
    raw = "Dvořák said the talks would go on.\n".encode("windows-1250")
    refused = cli("ingest", "-", "--quiet", input=raw, ok=False, db=db_url)
    assert refused.exit_code == 1
    assert stderr_lines(refused)[0] == (
        "Error: <stdin>: cannot tell its encoding: windows-1257 reads 'Dvoųįk', windows-1250 "
        "reads 'Dvořák'; give it with --encoding (e.g. --encoding windows-1257)"
    )
    cli("ingest", "-", "--encoding", "windows-1250", "--quiet", input=raw, db=db_url)
    assert speakers(cli, db_url) == ["Dvořák"]
    bad = cli("ingest", "-", "--encoding", "latin-9x", "--quiet", input=raw, ok=False, db=db_url)
    assert bad.exit_code == 2
    assert stderr_lines(bad) == [
        "Error: Invalid value for --encoding: unknown text encoding 'latin-9x'; e.g. utf-8, "
        "windows-1252, latin-1, windows-1250 (see `claimtrack ingest --help`)"
    ]


def test_manifest_language_column_says_which_articles_are_not_english(cli, db_url, tmp_path):
    (tmp_path / "a.txt").write_text("Ann Lee said the talks would go on.\n")
    (tmp_path / "b.txt").write_text("Ann Lee said the vote would be held in May.\n")
    (tmp_path / "m.csv").write_text("path,language\na.txt,en\nb.txt,French\n")
    result = cli("ingest", "--manifest", str(tmp_path / "m.csv"), "--quiet", db=db_url)
    assert stderr_lines(result) == [
        f"{tmp_path / 'b.txt'}: in French (fr), not English: stored without claims "
        "(the extractor reads English only)",
        "documents: 2 added (1 not English), 0 skipped, 0 failed; claims: 1 added",
    ]


def test_manifest_encoding_column(cli, db_url, tmp_path):
    (tmp_path / "a.txt").write_bytes("Zoë Müller said the talks would go on.\n".encode("latin-1"))
    (tmp_path / "m.csv").write_text("path,title,encoding\na.txt,Talks,latin-1\n")
    result = cli("ingest", "--manifest", str(tmp_path / "m.csv"), "--quiet", db=db_url)
    assert stderr_lines(result) == ["documents: 1 added, 0 skipped, 0 failed; claims: 1 added"]
    assert speakers(cli, db_url) == ["Zoë Müller"]
    (tmp_path / "n.csv").write_text("path,encoding\na.txt,klingon\n")
    bad = cli("ingest", "--manifest", str(tmp_path / "n.csv"), ok=False, db=db_url)
    assert bad.exit_code == 1
    assert stderr_lines(bad) == [
        f"Error: --manifest {tmp_path / 'n.csv'} line 2: unknown text encoding 'klingon'; "
        "e.g. utf-8, windows-1252, latin-1, windows-1250; fix the manifest and run again: "
        "nothing was ingested"
    ]


def test_malformed_manifest_is_refused_whole_before_anything_is_stored(cli, db_url, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(OTHER)
    manifest = tmp_path / "m.csv"
    manifest.write_text('path,title,published\na.txt,Bridge,2024-02-29\nb.txt,"Taxes,2024-03-01\n')
    result = cli("ingest", "--manifest", str(manifest), "--quiet", ok=False, db=db_url)
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f'Error: --manifest {manifest} line 3: a quoted value is not closed (a " is missing, '
        'or a " inside a value is not doubled); fix the manifest and run again: nothing was '
        "ingested"
    ]
    manifest.write_text('path,title,published\na.txt,Bridge,2024-02-29\nb.txt,"Taxes",2024-03-01\n')
    fixed = cli("ingest", "--manifest", str(manifest), "--quiet", db=db_url)
    assert "2 added, 0 skipped, 0 failed" in fixed.stderr
    rows = json.loads(cli("sources", "list", "--format", "json", db=db_url).stdout)
    assert sorted((r["title"], r["published_on"]) for r in rows) == [
        ("Bridge", "2024-02-29"),
        ("Taxes", "2024-03-01"),
    ]

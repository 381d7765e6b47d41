"""Bad input files in an ingest batch: each is one line naming the file and the fix, the
other documents are stored, the run exits 1, and a re-run after the fix finishes the job."""

from __future__ import annotations

import json

GOOD = "The mayor said the bridge would reopen in May.\n"
OTHER = "The governor said taxes would fall next year.\n"


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def titles(cli, db) -> list[str]:
    rows = json.loads(cli("sources", "list", "--format", "json", db=db).stdout)
    return sorted(r["title"] or "" for r in rows)


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

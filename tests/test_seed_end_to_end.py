"""The seed article end to end: ingest, export and who-said against its gold claims.

Nothing here is written for the seed's answers: the expected values come from
../shared/eval/seed_gold.json, and the matching rule is the one its notes give.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import SEEDS


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def matches(row: dict, gold: dict) -> bool:
    names = {n.lower() for n in gold["speaker_names"]}
    if (row["speaker"] or "").lower() not in names:
        return False
    core = words(gold["content_core"])
    got = set(words(row["content"]))
    return sum(w in got for w in core) >= 0.8 * len(core)


@pytest.fixture
def seeded(cli, db_url):
    cli("ingest", str(SEEDS), "--quiet", db=db_url)
    rows = json.loads(cli("export", "--format", "json", db=db_url).stdout)
    return db_url, rows


def test_every_required_gold_claim_comes_out_right(seeded, seed_gold):
    _, rows = seeded
    problems = []
    for gold in (g for g in seed_gold["claims"] if g["required"]):
        found = [r for r in rows if matches(r, gold)]
        if not found:
            problems.append(f"{gold['id']}: not found")
            continue
        row = found[0]
        if gold["cue"].lower() not in row["cue"].lower():
            problems.append(f"{gold['id']}: cue {row['cue']!r}, want {gold['cue']!r}")
        if gold.get("said_on"):
            if (row["said_on"], row["date_relation"]) != (gold["said_on"], "on"):
                problems.append(f"{gold['id']}: said_on {row['said_on']} {row['date_relation']}")
        elif gold.get("said_on_relation"):
            if row["date_relation"] != gold["said_on_relation"] or row["said_on"]:
                problems.append(f"{gold['id']}: relation {row['date_relation']}")
        if not set(gold["topics"]) <= set(row["topics"].split(";")):
            problems.append(f"{gold['id']}: topics {row['topics']}, want {gold['topics']}")
        if gold.get("speaker_kind") and row["speaker_kind"] != gold["speaker_kind"]:
            problems.append(f"{gold['id']}: kind {row['speaker_kind']}")
        if gold.get("speaker_mention") and row["speaker_mention"] != gold["speaker_mention"]:
            problems.append(f"{gold['id']}: mention {row['speaker_mention']!r}")
        if "hedged" in gold and row["hedged"] != gold["hedged"]:
            problems.append(f"{gold['id']}: hedged {row['hedged']}")
    assert not problems, "\n".join(problems)


def test_offsets_point_into_the_stored_text(seeded):
    _, rows = seeded
    text = (SEEDS / "000_8a316d92444b8c15.txt").read_text(encoding="utf-8")
    assert rows
    for r in rows:
        assert text[r["content_start"] : r["content_end"]] == r["content"]
        assert text[r["cue_start"] : r["cue_end"]] == r["cue"]
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]


@pytest.mark.parametrize("query", range(4))
def test_gold_queries(seeded, cli, seed_gold, query):
    """Each query of the gold file lists its speakers (any of a gold claim's names), on
    the gold dates, and every gold claim it names; an actor query lists only that actor."""
    db_url, _ = seeded
    q = seed_gold["queries"][query]
    out = json.loads(cli(*q["command"].split(), "--format", "json", db=db_url).stdout)
    claims = seed_gold["claims"]
    for i, name in enumerate(q.get("speakers", [])):
        names = {n.lower() for g in claims if g["speaker"] == name for n in g["speaker_names"]}
        hits = [r for r in out if (r["speaker"] or "").lower() in names]
        assert hits, f"{name} missing from {q['command']}"
        if i < len(q.get("dates", [])):
            assert any(r["said_on"] == q["dates"][i] for r in hits), (name, q["dates"][i])
    if "claims" in q:
        gold = {g["id"]: g for g in claims}
        for cid in q["claims"]:
            assert any(matches(r, gold[cid]) for r in out), f"{cid} missing from {q['command']}"
        wanted = {n.lower() for cid in q["claims"] for n in gold[cid]["speaker_names"]}
        assert {(r["speaker"] or "").lower() for r in out} <= wanted

"""Who spoke, scored (claimtrack/evaluate/speakers.py): the name folding, the figures on
hand-made rows, and ``claimtrack eval`` on a small corpus against the reference scorer.

Every text here is written for these tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.evaluate.speakers import (
    bcubed,
    fold_name,
    score_speakers,
    speaker_gold_for,
    stored_rows,
)
from claimtrack.extract.learned.corpus import load_corpus
from tests.evaluate.test_evaluate import at, claim, write_corpus

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "speaker_score.py"


def test_fold_name_drops_titles_initials_possessives_and_accents() -> None:
    assert fold_name("Mrs. Ellen J. Várga’s") == "ellen varga"
    assert fold_name("the Harbour Board") == "harbour board"
    assert fold_name("Sen. Tom Brandt") == "tom brandt"
    assert fold_name(None) == ""


def test_bcubed_of_a_split_and_a_merge() -> None:
    # one real speaker on two actors (recall falls), two real speakers on one (precision)
    p, r, f = bcubed([("a", "X"), ("a", "Y"), ("b", "Z"), ("c", "Z")])
    assert p == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert r == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)
    assert f == pytest.approx(0.75)
    assert bcubed([]) == (0.0, 0.0, 0.0)


def row(stem: str, span: tuple[int, int], speaker: str | None, kind: str | None) -> dict:
    return {
        "source_path": f"/x/{stem}.txt",
        "speaker": speaker,
        "speaker_kind": kind,
        "speaker_start": span[0],
        "speaker_end": span[1],
    }


def gold_row(span: tuple[int, int], canonical: str, kind: str = "person") -> dict:
    return {"start": span[0], "end": span[1], "text": "", "canonical": canonical, "kind": kind}


def test_score_speakers_figures_on_hand_made_rows() -> None:
    gold = {
        "a": [
            gold_row((0, 5), "Ellen Varga"),
            gold_row((10, 15), "Ellen Varga"),
            gold_row((20, 25), "-", "unnamed"),
            gold_row((30, 35), "Tom Brandt & Ellen Varga", "several"),
            gold_row((40, 45), "?", "unnamed"),  # left out
            gold_row((50, 55), "Tom Brandt"),  # not found
        ],
        "b": [gold_row((0, 4), "Harbour Board | HB", "org"), gold_row((8, 9), "-", "unnamed")],
    }
    rows = [
        row("a", (0, 3), "Gov. Ellen Varga", "person"),  # right (title folded)
        row("a", (0, 3), "Someone Else", "person"),  # a later overlapping claim: not used
        row("a", (12, 14), "Varga", "person"),  # lenient only
        row("a", (20, 25), "officials", "unnamed"),  # right: unnamed
        row("a", (30, 35), "Ellen Varga and Tom Brandt", "person"),  # right: both surnames
        row("b", (0, 4), "HB", "organization"),  # right: a variant
        row("b", (8, 9), "Critics Group", "organization"),  # wrong: named
        row("b", (20, 30), None, None),  # overlaps no gold
    ]
    s = score_speakers(gold, rows)
    assert (s.gold, s.found, s.named, s.unnamed) == (7, 6, 4, 2)
    assert s.coverage == pytest.approx(6 / 7)
    assert s.named_acc == pytest.approx(3 / 4)
    assert s.named_lenient_acc == pytest.approx(1.0)
    assert s.unnamed_acc == pytest.approx(1 / 2)
    assert s.wrong == {("Ellen Varga", "Varga"): 1, ("-", "Critics Group"): 1}
    # Ellen Varga's two spans on two stored names: recall 0.5 for each
    assert s.bcubed[0] == pytest.approx(1.0)
    assert s.bcubed[1] == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)


ARTICLES = {
    "bridge": (
        "Mayor Ellen Varga said on Monday that the harbour bridge would reopen in May. "
        "Varga added that the repairs would cost less than planned. "
        "Officials said the work had been late. "
        "She told reporters that the city would pay for the ferry until then."
    ),
    "budget": (
        "Ellen Varga said the budget was balanced for the first time in years. "
        "The Harbour Board said it disagreed with the figures. "
        "Critics said the plan was vague."
    ),
    "schools": (
        "Tom Brandt said taxes would rise next spring. "
        "Mr. Brandt added that the schools would gain the most."
    ),
}
WHO = {
    "bridge": [
        ("Mayor Ellen Varga", "Ellen Varga"),
        ("Varga", "Ellen Varga"),
        ("Officials", "-"),
        ("She", "Ellen Varga"),
    ],
    "budget": [
        ("Ellen Varga", "Ellen Varga"),
        ("The Harbour Board", "Harbour Board"),
        ("Critics", "-"),
    ],
    "schools": [("Tom Brandt", "Tom Brandt"), ("Mr. Brandt", "Tom Brandt")],
}


@pytest.fixture
def speaker_corpus(tmp_path: Path) -> Path:
    docs = {stem: (text, {"a": ""}) for stem, text in ARTICLES.items()}
    split = write_corpus(tmp_path, docs, dict.fromkeys(ARTICLES, "2016-05-02"))
    gold = {
        stem: [
            gold_row(
                at(ARTICLES[stem], mention), canonical, "unnamed" if canonical == "-" else "person"
            )
            for mention, canonical in WHO[stem]
        ]
        for stem in ARTICLES
    }
    (tmp_path / "speakers-dev.json").write_text(json.dumps({"documents": gold}), encoding="utf-8")
    return split


def test_the_gold_beside_the_corpus_is_found(speaker_corpus: Path, tmp_path: Path) -> None:
    assert speaker_gold_for(speaker_corpus) == tmp_path / "speakers-dev.json"
    assert speaker_gold_for(tmp_path) is None


def test_eval_matches_the_reference_scorer(cli, speaker_corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    db = tmp_path / "one.db"
    out = json.loads(
        cli("eval", "--corpus", str(speaker_corpus), "--json", "--keep-db", str(db)).stdout
    )
    got = out["speakers"]
    assert got["gold_sources"] == 9 and got["found"] >= 6  # "X said" is the least to find
    exported = tmp_path / "claims.jsonl"
    cli("export", "--db", str(db), "--format", "jsonl", "--output", str(exported))
    rows = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    gold = json.loads((tmp_path / "speakers-dev.json").read_text(encoding="utf-8"))["documents"]
    assert score_speakers(gold, rows).as_dict() == got  # the export is what was scored
    if not REFERENCE.is_file():
        pytest.skip(f"the reference scorer is not at {REFERENCE}")
    ref = subprocess.run(
        [
            sys.executable,
            str(REFERENCE),
            "score",
            str(tmp_path / "speakers-dev.json"),
            str(exported),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    want = json.loads(ref.stdout.strip().splitlines()[-1])
    for key in ("coverage", "named_acc", "named_lenient_acc", "unnamed_acc"):
        assert got[key] == pytest.approx(want[key], abs=0.005), key
    for key in ("p", "r", "f1"):
        assert got["bcubed"][key] == pytest.approx(want["bcubed"][key], abs=0.005), key


def test_eval_table_and_bad_speakers_file(cli, speaker_corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    shown = cli("eval", "--corpus", str(speaker_corpus)).stdout
    assert "named (exact)" in shown and "actors B-cubed F1" in shown
    bad = cli(
        "eval", "--corpus", str(speaker_corpus), "--speakers", str(tmp_path / "no.json"), ok=False
    )
    assert bad.exit_code == 2 and "give --speakers a speakers JSON" in bad.stderr
    taken = cli(
        "eval",
        "--corpus",
        str(speaker_corpus),
        "--keep-db",
        str(tmp_path / "speakers-dev.json"),
        ok=False,
    )
    assert taken.exit_code == 2 and "give --keep-db a new file" in taken.stderr


COLUMN = "I think the new ferry timetable is a mistake. The council said it would help commuters."


def test_a_byline_in_the_metadata_is_the_author_of_i(tmp_path: Path) -> None:
    """The eval stores each article with the byline metadata.tsv gives, as ``ingest`` of a
    manifest would: "I" in the article's own voice is its author; without one it stays
    nobody's."""
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    for stem in ("signed", "unsigned"):  # two texts: one text is stored once
        (split / "text" / f"{stem}.txt").write_text(f"{COLUMN} ({stem})", encoding="utf-8")
        (split / "attributions" / f"{stem}_a.ann").write_text("", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "filename\tpublication_date\tauthor\n"
        "signed\t2016-05-02\tBy Nadia Kovacs\nunsigned\t2016-05-02\t\n",
        encoding="utf-8",
    )
    docs = load_corpus(split)
    assert [d.author for d in docs] == ["By Nadia Kovacs", None]
    found = [
        claim(
            at(COLUMN, "the new ferry timetable is a mistake"), at(COLUMN, "think"), at(COLUMN, "I")
        )
    ]
    rows = stored_rows(docs, [found, found])
    speakers = {row["source_path"]: row["speaker"] for row in rows}
    assert speakers == {"signed.txt": "Nadia Kovacs", "unsigned.txt": None}

"""The span refiner: it learns annotators' edge conventions from a brat corpus and applies them.

Every text here is written for these tests. The learning test trains a real CRF on a small
corpus whose annotators put the medium in the cue ("said in a statement"), a convention the
rules do not follow, and checks that the refiner then draws cues that way on new sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.evaluate import train_refiner
from claimtrack.extract import extract, extract_batch, refine
from claimtrack.extract.assemble import build_claims
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex

PEOPLE = [
    ("The mayor", "the bridge would reopen in May"),
    ("Governor Ellis", "the budget was balanced"),
    ("The union", "its members would strike on Friday"),
    ("Senator Baird", "the bill had enough votes"),
    ("The school board", "classes would start later"),
    ("Judge Moreno", "the hearing was postponed"),
    ("The ministry", "fuel prices would fall"),
    ("Coach Patel", "the team was ready"),
    ("The airline", "flights would resume soon"),
    ("Dr. Okafor", "the clinic needed more nurses"),
    ("The council", "the park would stay open"),
    ("Chief Larsen", "the road was safe again"),
]
MEDIA = ["in a statement", "in an interview", "in a letter", "on Twitter"]


def _article(i: int) -> tuple[str, str]:
    """A two-sentence article and its annotation: the cue runs over the medium phrase."""
    who, what = PEOPLE[i]
    medium = MEDIA[i % len(MEDIA)]
    first = f"{who} said {medium} that {what}."
    text = f"{first} Officials gave no further details.\n"
    s_src = 0
    s_cue = len(who) + 1
    e_cue = s_cue + len(f"said {medium}")
    s_con = e_cue + 1
    e_con = len(first) - 1
    ann = (
        f"T1\tSource {s_src} {len(who)}\t{who}\n"
        f"T2\tCue {s_cue} {e_cue}\t{text[s_cue:e_cue]}\n"
        f"T3\tContent {s_con} {e_con}\t{text[s_con:e_con]}\n"
        f"T4\tAttribution {s_cue} {e_cue}\t{text[s_cue:e_cue]}\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    return text, ann


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("brat")
    split = root / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    rows = ["filename\tpublication_date"]
    for i in range(len(PEOPLE)):
        text, ann = _article(i)
        stem = f"art{i:02d}"
        (split / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"{stem}_ann1.ann").write_text(ann, encoding="utf-8")
        rows.append(f"{stem}\t2024-05-0{1 + i % 9}")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return split


NEW = "The port authority said in a statement that the cranes were repaired."


def _claims(text: str, refiner: refine.Refiner | None):  # noqa: ANN202
    parsed = parse_chunk([(text, None)])[0]
    return build_claims(text, parsed, None, QuoteIndex(text), refiner)


def test_the_rules_leave_the_medium_out_of_the_cue() -> None:
    (c,) = _claims(NEW, None)
    assert c.cue.text(NEW) == "said"


def test_a_trained_refiner_follows_the_annotators_convention(corpus: Path, tmp_path: Path) -> None:
    stats = train_refiner.train(corpus, tmp_path, min_docs=1, iterations=60)
    assert stats["articles"] == len(PEOPLE)
    assert stats["sequences"] == len(PEOPLE)  # one claim per article, each paired with gold
    model = tmp_path / refine.MODEL_FILE.name
    assert model.is_file() and (tmp_path / refine.VOCAB_FILE.name).is_file()
    refiner = refine.Refiner(model)
    for text in (NEW, "Mayor Quinn said in an interview that taxes would rise."):
        (c,) = _claims(text, refiner)
        assert c.cue.text(text).startswith("said in a")
        assert c.content.text(text).startswith("that ")  # the content keeps its edges
        assert c.speaker.mention is not None


def test_the_shipped_model_is_switched_off_by_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert refine.MODEL_FILE.is_file(), "run `make train-refiner`"
    assert refine.load() is not None
    monkeypatch.setenv(refine.ENV_SWITCH, "0")
    assert refine.load() is None
    (c,) = extract(NEW)
    assert c.cue.text(NEW) == "said"


def test_refined_claims_keep_valid_offsets_and_overlap_the_rules() -> None:
    texts = [
        '"We will not back down," the senator said on Tuesday, "not now, not ever."',
        "According to the auditors, the agency lost track of $2 million, which it denies.",
        "She told reporters that the vote, which had been delayed twice, would go ahead.",
        "The company, citing costs, said it expected to close three plants next year.",
    ]
    refined = list(extract_batch((t, None) for t in texts))
    for text, claims in zip(texts, refined, strict=True):
        rules_only = _claims(text, None)
        assert len(claims) == len(rules_only) >= 1
        for c, r in zip(claims, rules_only, strict=True):
            for span in (c.cue, c.content, *c.content_parts):
                assert 0 <= span.start < span.end <= len(text)
            assert c.cue.start < r.cue.end and r.cue.start < c.cue.end
            assert c.content.start < r.content.end and r.content.start < c.content.end

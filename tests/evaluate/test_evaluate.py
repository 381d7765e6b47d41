"""The evaluation harness: brat reading, matching, scoring arithmetic, kinds, the runner, CLI.

Every fixture text here is invented for these tests (no corpus text is copied).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from claimtrack.evaluate import run
from claimtrack.evaluate.report import as_dict
from claimtrack.evaluate.run import evaluate_corpus
from claimtrack.extract.learned.corpus import GoldRelation, GoldSpan, load_corpus, parse_ann
from claimtrack.extract.learned.score import (
    Counts,
    greedy_match,
    score_document,
    token_f1,
    total,
    trim,
    words,
)
from claimtrack.extract.types import CharSpan, FoundClaim, Speaker
from claimtrack.ingest import ENV_LEARNED

# --- fixtures -------------------------------------------------------------------------------

TEXT = (
    "The harbour master said that the ferry would resume on Monday. "
    '"We have fixed the engine," she added, "and the crew is back." '
    "According to the council, tickets will cost less."
)


def at(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def gspan(*pieces: tuple[int, int]) -> GoldSpan:
    return GoldSpan(tuple(pieces))


def claim(
    content: tuple[int, int],
    cue: tuple[int, int],
    speaker: tuple[int, int] | None,
    attribution: str = "indirect",
) -> FoundClaim:
    return FoundClaim(
        speaker=Speaker(mention=CharSpan(*speaker) if speaker else None, name=None),
        cue=CharSpan(*cue),
        content=CharSpan(*content),
        sentence=CharSpan(0, len(TEXT)),
        attribution=attribution,  # type: ignore[arg-type]
    )


def t_line(tid: str, label: str, frags: list[tuple[int, int]], text: str) -> str:
    offs = ";".join(f"{s} {e}" for s, e in frags)
    return f"{tid}\t{label} {offs}\t{' '.join(text[s:e] for s, e in frags)}"


def gold_ann(text: str = TEXT) -> str:
    """Three relations: indirect with Source, a quote split by its cue, 'according to'
    without Source; plus one relation lacking Content and a Discard span."""
    q1, q2 = at(text, '"We have fixed the engine,"'), at(text, '"and the crew is back."')
    lines = [
        t_line("T1", "Source", [at(text, "The harbour master")], text),
        t_line("T2", "Cue", [at(text, "said")], text),
        t_line("T3", "Content", [at(text, "that the ferry would resume on Monday")], text),
        t_line("T4", "Attribution", [at(text, "said")], text),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        t_line("T5", "Content", [q1, q2], text),
        t_line("T6", "Cue", [at(text, "added")], text),
        t_line("T7", "Source", [at(text, "she")], text),
        t_line("T8", "Attribution", [at(text, "added")], text),
        "E2\tAttribution:T8 Cue:T6 Source:T7 Content:T5",
        t_line("T9", "Cue", [at(text, "According to")], text),
        t_line("T10", "Content", [at(text, "tickets will cost less")], text),
        t_line("T11", "Attribution-no-source", [at(text, "According to")], text),
        "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
        t_line("T12", "Attribution-no-source", [at(text, "council")], text),
        "E4\tAttribution-no-source:T12 ",
        t_line("T13", "Discard", [at(text, "tickets")], text),
    ]
    return "\n".join(lines) + "\n"


def write_corpus(root: Path, docs: dict[str, tuple[str, dict[str, str]]], dates: dict) -> Path:
    """root/metadata.tsv and root/dev/{text,attributions}; docs: stem -> (text, {annot: ann})."""
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    rows = ["compartment\tfilename\tpublication_date\ttitle"]
    for stem, (text, anns) in docs.items():
        (split / "text" / f"{stem}.txt").write_bytes(text.encode("utf-8"))
        for annot, ann in anns.items():
            (split / "attributions" / f"{stem}_{annot}.ann").write_text(ann, encoding="utf-8")
        rows.append(f"dev\t{stem}\t{dates.get(stem, '')}\tA title")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return split


# --- brat -----------------------------------------------------------------------------------


def test_parse_ann_relations_fragments_and_missing_source() -> None:
    rels, dropped = parse_ann(gold_ann())
    assert dropped == 1  # E4 has no Content
    assert [r.id for r in rels] == ["E1", "E2", "E3"]
    e1, e2, e3 = rels
    assert e1.source == gspan(at(TEXT, "The harbour master"))
    assert e1.cue == gspan(at(TEXT, "said"))
    assert e2.contents[0].fragments == (
        at(TEXT, '"We have fixed the engine,"'),
        at(TEXT, '"and the crew is back."'),
    )
    assert e2.content.text(TEXT) == '"We have fixed the engine," "and the crew is back."'
    assert e3.source is None
    assert e3.cue is not None and e3.cue.text(TEXT) == "According to"


def test_parse_ann_numbered_roles_and_semicolons_in_text() -> None:
    ann = (
        "T1\tContent 0 5;10 12\tabc; de\n"
        "T2\tContent 20 25\tfghij\n"
        "T3\tCue 6 9\tsay\n"
        "#1\tAnnotatorNotes T1\ta note\n"
        "E1\tAttribution:T9 Cue:T3 Content:T2 Content2:T1\n"
    )
    (rel,), dropped = parse_ann(ann)
    assert dropped == 0
    assert len(rel.contents) == 2
    assert rel.content.fragments == ((0, 5), (10, 12), (20, 25))
    assert (rel.content.start, rel.content.end) == (0, 25)
    assert rel.source is None


def test_load_corpus_first_annotator_metadata_limit(tmp_path: Path) -> None:
    other = "T1\tContent 0 3\tThe\nE1\tAttribution:T2 Content:T1\n"
    split = write_corpus(
        tmp_path,
        {
            "b_doc": (TEXT, {"zz99": other, "aa01": gold_ann()}),
            "a_doc": ("Nothing.", {"x1": ""}),
            "b_doc_long": ("Also nothing.", {"q": ""}),  # its file must not count as b_doc's
            "c_no_ann": ("No annotation file.", {}),
        },
        {"b_doc": "2016-10-02"},
    )
    docs = load_corpus(split)
    assert [d.name for d in docs] == ["a_doc", "b_doc", "b_doc_long"]
    b = docs[1]
    assert len(b.relations) == 3  # aa01 read, not zz99
    assert b.published == dt.date(2016, 10, 2) and docs[0].published is None
    assert b.text == TEXT
    assert [d.name for d in load_corpus(split, limit=2)] == ["a_doc", "b_doc"]


def test_offsets_count_carriage_returns(tmp_path: Path) -> None:
    text = "Line one.\r\nShe said it works."
    s, e = at(text, "it works")
    ann = f"T1\tContent {s} {e}\tit works\nE1\tAttribution:T2 Content:T1\n"
    split = write_corpus(tmp_path, {"crlf": (text, {"a": ann})}, {})
    (doc,) = load_corpus(split)
    assert doc.relations[0].content.text(doc.text) == "it works"


# --- scoring primitives ---------------------------------------------------------------------


def test_token_f1() -> None:
    assert token_f1(words("the ferry resumes"), words("The ferry resumes.")) == 1.0
    # 2 common of 4 and of 2 words: P=0.5 R=1 -> F1=2/3
    assert token_f1(words("a b c d"), words("a b")) == pytest.approx(2 / 3)
    assert token_f1(words("the the cat"), words("the cat cat")) == pytest.approx(2 / 3)
    assert token_f1(Counter(), words("x")) == 0.0


def test_greedy_match_best_first_each_once() -> None:
    scores = [(0, 0, 0.9), (0, 1, 0.95), (1, 1, 0.8), (1, 0, 0.6), (2, 2, 0.4)]
    # (0,1) first, then (0,0) and (1,1) are blocked, (1,0) remains; (2,2) is below 0.5
    assert greedy_match(scores) == [(0, 1, 0.95), (1, 0, 0.6)]
    assert greedy_match([(0, 0, 0.5)]) == [(0, 0, 0.5)]
    assert greedy_match([(0, 0, 0.49)]) == []


def test_trim_whitespace_and_punctuation_both_sides() -> None:
    text = ' "Hello, world." '
    assert trim(text, 0, len(text)) == (2, 14)
    assert text[2:14] == "Hello, world"
    assert trim("“Yes!”", 0, 6) == (1, 4)
    assert trim(" ... ", 0, 5) is None


def test_counts_arithmetic() -> None:
    c = Counts(pred_hits=3, n_pred=4, gold_hits=3, n_gold=6)
    assert c.precision == 0.75 and c.recall == 0.5
    assert c.f1 == pytest.approx(0.6)
    assert Counts().f1 == 0.0


# --- document scoring -----------------------------------------------------------------------


def gold_rels() -> list[GoldRelation]:
    return parse_ann(gold_ann())[0]


def test_score_document_relaxed_full_speaker() -> None:
    rels = gold_rels()
    claims = [
        # E1, right speaker and cue, content includes a trailing period
        claim(
            at(TEXT, "that the ferry would resume on Monday."),
            at(TEXT, "said"),
            at(TEXT, "The harbour master"),
        ),
        # E2 content only half: "We have fixed the engine" (5 of 10 gold words: F1 2/3),
        # speaker wrong (points at the harbour master)
        claim(at(TEXT, "We have fixed the engine"), at(TEXT, "added"), at(TEXT, "harbour")),
        # spurious
        claim(at(TEXT, "the council"), at(TEXT, "According"), None),
    ]
    sc = score_document(TEXT, claims, rels)
    assert [(c, g) for c, g, _ in sc.matches] == [(0, 0), (1, 1)]
    assert sc.relaxed == Counts(2, 3, 2, 3)
    assert sc.full == Counts(1, 3, 1, 3)
    assert (sc.speaker_hits, sc.speaker_total) == (1, 2)
    assert sc.missed == [2] and sc.spurious == [2]


def test_full_match_ignores_missing_gold_source_but_needs_cue() -> None:
    rels = gold_rels()
    content = at(TEXT, "tickets will cost less")
    good = score_document(TEXT, [claim(content, at(TEXT, "According to"), None)], rels)
    assert good.full.pred_hits == 1
    assert (good.speaker_hits, good.speaker_total) == (0, 0)
    bad_cue = score_document(TEXT, [claim(content, at(TEXT, "council"), None)], rels)
    assert bad_cue.relaxed.pred_hits == 1 and bad_cue.full.pred_hits == 0


def test_overlap_with_multi_fragment_gold() -> None:
    # gold E2 content is two quote pieces; a claim spanning both (cue included) still matches
    rels = gold_rels()
    start = at(TEXT, '"We have')[0]
    end = at(TEXT, 'back."')[1]
    c = claim((start, end), at(TEXT, "added"), at(TEXT, "she"))
    sc = score_document(TEXT, [c], rels)
    assert sc.full.pred_hits == 1
    # exact content: gold E2 counts from its first to its last character, trimmed
    assert sc.exact["content"].pred_hits == 1


def test_claim_content_parts_are_scored_as_one_content() -> None:
    # a split quote: ``content`` is the first piece, ``content_parts`` all of them
    rels = gold_rels()
    q1, q2 = at(TEXT, '"We have fixed the engine,"'), at(TEXT, '"and the crew is back."')
    c = claim(q1, at(TEXT, "added"), at(TEXT, "she"))
    first_only = score_document(TEXT, [c], rels)
    c.content_parts = (CharSpan(*q1), CharSpan(*q2))
    both = score_document(TEXT, [c], rels)
    assert first_only.exact["content"].pred_hits == 0
    assert both.exact["content"].pred_hits == 1  # first to last character of the parts
    assert both.matches[0][2] == 1.0 > first_only.matches[0][2]


def test_exact_span_sets_trimmed() -> None:
    rels = gold_rels()
    claims = [
        claim(
            at(TEXT, "that the ferry would resume on Monday."),  # trailing "." trimmed: hit
            at(TEXT, "said "),  # trailing space trimmed: hit
            at(TEXT, "The harbour master"),
        ),
        claim(at(TEXT, "tickets will cost"), at(TEXT, "According"), at(TEXT, "council")),
    ]
    sc = score_document(TEXT, claims, rels)
    # gold sources: harbour master, she; cues: said, added, According to; contents: 3
    assert sc.exact["source"] == Counts(1, 2, 1, 2)
    assert sc.exact["cue"] == Counts(1, 2, 1, 3)
    assert sc.exact["content"] == Counts(1, 2, 1, 3)


def test_kind_breakdown() -> None:
    rels = gold_rels()  # E1 unquoted/other, E2 quoted/pronoun, E3 unquoted/other (no source)
    claims = [
        claim(
            at(TEXT, '"We have fixed the engine,"'),  # quoted, pronoun: matches E2 (F1 2/3)
            at(TEXT, "added"),
            at(TEXT, "she"),
        ),
        claim(at(TEXT, "tickets will cost less"), at(TEXT, "According to"), at(TEXT, "she")),
    ]
    sc = score_document(TEXT, claims, rels)
    k = sc.kinds
    assert k["quoted"]["relaxed"] == Counts(1, 1, 1, 1)
    assert k["unquoted"]["relaxed"] == Counts(1, 1, 1, 2)
    # both claims name "she": precision side counts both as pronoun claims
    assert k["pronoun source"]["relaxed"] == Counts(2, 2, 1, 1)
    assert k["other source"]["relaxed"] == Counts(0, 0, 1, 2)
    assert k["pronoun source"]["full"] == Counts(2, 2, 1, 1)


def test_gold_as_predictions_scores_one_everywhere() -> None:
    rels = gold_rels()
    claims = []
    for r in rels:
        frags = r.content.fragments
        c = claim(
            frags[0],
            (r.cue.start, r.cue.end) if r.cue else (0, 0),
            (r.source.start, r.source.end) if r.source else None,
        )
        c.content_parts = tuple(CharSpan(*f) for f in frags) if len(frags) > 1 else ()
        claims.append(c)
    t = total([score_document(TEXT, claims, rels)])
    figures = [t.relaxed, t.full, *t.exact.values()]
    figures += [c for by in t.kinds.values() for c in by.values() if c.n_gold]
    assert all(c.f1 == 1.0 for c in figures)
    assert t.speaker_accuracy == 1.0


def test_total_is_micro_averaged() -> None:
    rels = gold_rels()
    hit = claim(at(TEXT, "tickets will cost less"), at(TEXT, "According to"), None)
    one = score_document(TEXT, [hit], rels)  # P 1/1
    miss = [claim(at(TEXT, "ferry"), at(TEXT, "said"), None)] * 3
    three = score_document(TEXT, miss, rels)  # P 0/3
    t = total([one, three])
    assert t.docs == 2
    assert t.relaxed == Counts(1, 4, 1, 6)
    assert t.relaxed.precision == 0.25  # micro; the macro mean would be 0.5


# --- runner and CLI -------------------------------------------------------------------------


def fake_extractor(items: Iterable[tuple[str, dt.date | None]]) -> Iterator[list[FoundClaim]]:
    """Predicts E1 of the fixture whenever its sentence is present; records published dates."""
    for text, published in items:
        fake_extractor.seen.append(published)  # type: ignore[attr-defined]
        if "ferry would resume" not in text:
            yield []
            continue
        yield [
            claim(
                at(text, "that the ferry would resume on Monday"),
                at(text, "said"),
                at(text, "The harbour master"),
            )
        ]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    fake_extractor.seen = []  # type: ignore[attr-defined]
    return write_corpus(
        tmp_path,
        {
            "one": (TEXT, {"a": gold_ann()}),
            "two": ("Nobody spoke. It rained all day.", {"a": ""}),
        },
        {"one": "2016-09-30", "two": "2016-10-01"},
    )


def test_evaluate_corpus_with_a_fake_extractor(corpus: Path) -> None:
    report = evaluate_corpus(corpus, extractor=fake_extractor)
    assert fake_extractor.seen[-2:] == [dt.date(2016, 9, 30), dt.date(2016, 10, 1)]  # type: ignore[attr-defined]
    assert report.totals.relaxed == Counts(1, 1, 1, 3)
    assert report.totals.full.pred_hits == 1
    assert report.words == len(TEXT.split()) + 6
    assert report.seconds > 0
    d = as_dict(report)
    assert d["articles"] == 2 and d["gold_relations"] == 3 and d["gold_relations_dropped"] == 1
    assert d["relaxed"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert set(d["by_kind"]) == {"quoted", "unquoted", "pronoun source", "other source"}
    assert d["found_by"] == {"rules": {"claims": 1, "matched": 1, "precision": 1.0}}


def test_precision_by_how_claims_were_found(corpus: Path) -> None:
    def mixed(items: Iterable[tuple[str, dt.date | None]]) -> Iterator[list[FoundClaim]]:
        for got in fake_extractor(items):
            if got:  # the right claim by the rules, and a wrong one by the detector
                wrong = claim(at(TEXT, "The harbour master"), at(TEXT, "said"), None)
                got.append(dataclasses.replace(wrong, found_by="detector"))
            yield got

    d = as_dict(evaluate_corpus(corpus, extractor=mixed))
    assert d["found_by"]["rules"] == {"claims": 1, "matched": 1, "precision": 1.0}
    assert d["found_by"]["detector"] == {"claims": 1, "matched": 0, "precision": 0.0}
    assert sum(r["matched"] for r in d["found_by"].values()) == d["relaxed"]["pred_hits"]


def test_a_failing_article_is_counted_not_fatal(corpus: Path) -> None:
    def flaky(items: Iterable[tuple[str, dt.date | None]]) -> Iterator[list[FoundClaim]]:
        for text, _ in items:
            if text.startswith("Nobody"):
                raise ValueError("boom")
            yield []

    report = evaluate_corpus(corpus, extractor=flaky)
    assert report.failures == ["two"]
    assert len(report.claims) == 2


def test_not_implemented_extractor_propagates(corpus: Path) -> None:
    def todo(items: Iterable[tuple[str, dt.date | None]]) -> Iterator[list[FoundClaim]]:
        raise NotImplementedError("later")
        yield []

    with pytest.raises(NotImplementedError):
        evaluate_corpus(corpus, extractor=todo)


def test_eval_command_json_env_var_and_bad_corpus(
    cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "_default_extractor", lambda learned: fake_extractor)
    monkeypatch.setenv(run.ENV_CORPUS, str(corpus))
    out = json.loads(cli("eval", "--json", "--limit", "1").stdout)
    assert out["articles"] == 1 and out["full"]["f1"] == pytest.approx(0.5)
    bad = cli("eval", "--corpus", str(corpus / "nowhere"), ok=False)
    assert bad.exit_code == 2
    assert bad.stderr == f"error: {corpus / 'nowhere'} has no text/ and attributions/ folders\n"
    shown = cli("eval", "--corpus", str(corpus), "--errors", "2").stdout
    assert "exact content" in shown and "missed gold relations (2)" in shown


def test_default_corpus_is_next_to_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(run.ENV_CORPUS, raising=False)
    repo = Path(__file__).resolve().parents[2]
    assert run.default_corpus() == repo.parent / "shared" / "polnear" / "dev"


def test_end_to_end_with_the_real_extractor(corpus: Path) -> None:
    pytest.importorskip("spacy")
    report = evaluate_corpus(corpus)
    assert report.failures == []
    assert report.totals.relaxed.n_gold == 3
    # the plain "X said that ..." relation is the least any extractor should find
    assert report.totals.relaxed.gold_hits >= 1


def test_rules_only_switches_the_refiner_off_for_that_run(
    cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_LEARNED, raising=False)
    shown = cli("eval", "--corpus", str(corpus), "--json", "--rules-only").stdout
    assert json.loads(shown)["learned_models"] is False
    assert ENV_LEARNED not in os.environ  # an argument, not a change to the environment
    assert json.loads(cli("eval", "--corpus", str(corpus), "--json").stdout)["learned_models"]
    monkeypatch.setenv(ENV_LEARNED, "0")  # read at the edge, as --rules-only
    shown = cli("eval", "--corpus", str(corpus), "--json").stdout
    assert json.loads(shown)["learned_models"] is False

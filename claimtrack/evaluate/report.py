"""Present a Report: a plain dict (for --json), a Rich table, and sample errors."""

from __future__ import annotations

import random
from typing import Any

from rich.console import Console
from rich.table import Table

from claimtrack.evaluate.run import Report
from claimtrack.extract.learned.score import KINDS, Counts, content_text, overlaps

__all__ = ["as_dict", "found_by", "print_errors", "print_table"]


def _prf(c: Counts) -> dict[str, Any]:
    return {
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "f1": round(c.f1, 4),
        "pred_hits": c.pred_hits,
        "n_pred": c.n_pred,
        "gold_hits": c.gold_hits,
        "n_gold": c.n_gold,
    }


def found_by(report: Report) -> dict[str, dict[str, Any]]:
    """Claims and relaxed matches by how each claim was found (the rules, the detector)."""
    out: dict[str, dict[str, Any]] = {}
    for claims, sc in zip(report.claims, report.scores, strict=True):
        matched = {ci for ci, _, _ in sc.matches}
        for ci, c in enumerate(claims):
            row = out.setdefault(c.found_by, {"claims": 0, "matched": 0})
            row["claims"] += 1
            row["matched"] += ci in matched
    for row in out.values():
        row["precision"] = round(row["matched"] / row["claims"], 4)
    return dict(sorted(out.items(), key=lambda kv: kv[0] != "rules"))


def as_dict(report: Report) -> dict[str, Any]:
    t = report.totals
    return {
        "corpus": report.corpus,
        "articles": len(report.docs),
        "gold_relations": report.gold_relations,
        "gold_relations_dropped": report.dropped,
        "predicted_claims": report.predicted,
        "extraction_failures": report.failures,
        "learned_models": report.learned,
        "relaxed": _prf(t.relaxed),
        "full": _prf(t.full),
        "speaker_accuracy": round(t.speaker_accuracy, 4),
        "speaker_n": t.speaker_total,
        "exact": {k: _prf(c) for k, c in t.exact.items()},
        "by_kind": {k: {lvl: _prf(c) for lvl, c in t.kinds[k].items()} for k in KINDS},
        "found_by": found_by(report),
        "speed": {
            "words": report.words,
            "seconds": round(report.seconds, 3),
            "words_per_second": round(report.words_per_second, 1),
            "articles_per_second": round(report.articles_per_second, 2),
        },
    }


def _row(table: Table, name: str, c: Counts) -> None:
    table.add_row(
        name,
        f"{c.precision:.3f}",
        f"{c.recall:.3f}",
        f"{c.f1:.3f}",
        f"{c.pred_hits}/{c.n_pred}",
        f"{c.gold_hits}/{c.n_gold}",
    )


def print_table(report: Report, console: Console | None = None) -> None:
    console = console or Console()
    t = report.totals
    table = Table(
        title=f"claimtrack extraction vs {report.corpus} ({len(report.docs)} articles)",
        title_justify="left",
        caption="relaxed: content word-token F1 >= 0.5; full: relaxed + speaker and cue "
        "overlap gold; exact: trimmed span sets",
        caption_justify="left",
    )
    table.add_column("figure")
    for col in ("P", "R", "F1", "hits/pred", "hits/gold"):
        table.add_column(col, justify="right")
    _row(table, "relaxed", t.relaxed)
    _row(table, "full", t.full)
    for k in ("source", "cue", "content"):
        _row(table, f"exact {k}", t.exact[k])
    table.add_section()
    for k in KINDS:
        _row(table, f"relaxed · {k}", t.kinds[k]["relaxed"])
        _row(table, f"full · {k}", t.kinds[k]["full"])
    console.print(table)
    console.print(
        f"speaker accuracy (relaxed matches with a gold Source): "
        f"{t.speaker_accuracy:.3f} ({t.speaker_hits}/{t.speaker_total})"
    )
    console.print(
        f"gold relations {report.gold_relations} (+{report.dropped} without content, skipped), "
        f"predicted claims {report.predicted}"
    )
    console.print(
        "learned models: "
        + ("on (span refiner and detector)" if report.learned else "off (rules alone)")
    )
    found = found_by(report)
    if found:
        console.print(
            "relaxed precision by how found: "
            + ", ".join(
                f"{how} {row['precision']:.3f} ({row['matched']}/{row['claims']})"
                for how, row in found.items()
            )
        )
    console.print(
        f"extraction: {report.words} words in {report.seconds:.2f} s = "
        f"{report.words_per_second:,.0f} words/s, {report.articles_per_second:.1f} articles/s"
    )
    if report.failures:
        console.print(
            f"[red]extraction failed on {len(report.failures)} article(s):[/red] "
            + ", ".join(report.failures[:10])
        )


def _snip(text: str, start: int, end: int, width: int = 160) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def print_errors(report: Report, n: int, console: Console | None = None, seed: int = 0) -> None:
    """N sampled misses, spurious claims and relaxed-but-not-full matches (terminal only)."""
    console = console or Console()
    rng = random.Random(seed)
    missed, spurious, partial = [], [], []
    for doc, claims, sc in zip(report.docs, report.claims, report.scores, strict=True):
        missed += [(doc, doc.relations[g]) for g in sc.missed]
        spurious += [(doc, claims[c]) for c in sc.spurious]
        for ci, gi, f in sc.matches:
            claim, rel = claims[ci], doc.relations[gi]
            src_ok = rel.source is None or overlaps(claim.speaker.mention, rel.source)
            cue_ok = rel.cue is None or overlaps(claim.cue, rel.cue)
            if not (src_ok and cue_ok):
                partial.append((doc, claim, rel, f))

    def pick(xs: list) -> list:
        return rng.sample(xs, min(n, len(xs)))

    console.rule(f"missed gold relations ({len(missed)})")
    for doc, rel in pick(missed):
        src = _snip(doc.text, rel.source.start, rel.source.end) if rel.source else "-"
        cue = _snip(doc.text, rel.cue.start, rel.cue.end) if rel.cue else "-"
        console.print(
            f"[dim]{doc.name}[/dim]\n  source={src!r} cue={cue!r}\n  "
            f"content={_snip(rel.content.text(doc.text), 0, 10**9)!r}"
        )
    console.rule(f"spurious claims ({len(spurious)})")
    for doc, c in pick(spurious):
        m = c.speaker.mention
        src = _snip(doc.text, m.start, m.end) if m else "-"
        console.print(
            f"[dim]{doc.name}[/dim]\n  speaker={src!r} "
            f"cue={_snip(doc.text, c.cue.start, c.cue.end)!r}\n  "
            f"content={_snip(content_text(doc.text, c), 0, 10**9)!r}"
        )
    console.rule(f"relaxed matches with a wrong speaker or cue ({len(partial)})")
    for doc, c, rel, f in pick(partial):
        m = c.speaker.mention
        console.print(
            f"[dim]{doc.name}[/dim] token F1 {f:.2f}\n"
            f"  predicted speaker={_snip(doc.text, m.start, m.end) if m else '-'!r} "
            f"cue={_snip(doc.text, c.cue.start, c.cue.end)!r}\n"
            f"  gold      source={_snip(doc.text, rel.source.start, rel.source.end) if rel.source else '-'!r} "
            f"cue={_snip(doc.text, rel.cue.start, rel.cue.end) if rel.cue else '-'!r}"
        )

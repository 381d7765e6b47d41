"""``claimtrack eval``: score the extractor on a brat-annotated corpus (PolNeAR dev), and print
the figures: a table (``figure_rows`` lists its rows), or JSON; sample errors on request."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimtrack.cli import startup
from claimtrack.errors import UserError

if TYPE_CHECKING:
    from claimtrack.evaluate.run import Report
    from claimtrack.evaluate.speakers import SpeakerScore
    from claimtrack.extract.learned.score import Counts, Totals


def evaluate(
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Split folder with text/ and attributions/ (brat). "
            "(default: $CLAIMTRACK_EVAL_CORPUS or ../shared/polnear/dev)",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N articles.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    errors: Annotated[int, typer.Option(min=0, help="Print N sample errors of each kind.")] = 0,
    rules_only: Annotated[
        bool, typer.Option("--rules-only", help="Score the rules alone (no learned models).")
    ] = False,
    speakers: Annotated[
        Path | None,
        typer.Option(
            help="Resolved-speaker gold (JSON) to score who spoke against, the corpus stored "
            "as one database. (default: speakers-SPLIT.json beside the corpus, if there)",
            show_default=False,
        ),
    ] = None,
    keep_db: Annotated[
        Path | None,
        typer.Option(
            "--keep-db",
            help="Keep the database the speakers are scored on in this new SQLite file.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Score the extractor on a brat-annotated corpus (default: PolNeAR dev)."""
    # imported here: the extractor takes a second to import, which no other command pays
    from claimtrack.evaluate.report import as_dict
    from claimtrack.evaluate.run import default_corpus, evaluate_corpus
    from claimtrack.evaluate.speakers import speaker_gold_for
    from claimtrack.ingest import learned_from_env

    startup.release()  # the extractor is loaded: the collector runs as usual
    corpus = corpus or default_corpus()
    if not (corpus / "text").is_dir() or not (corpus / "attributions").is_dir():
        print(f"error: {corpus} has no text/ and attributions/ folders", file=sys.stderr)
        raise typer.Exit(2)
    learned = not rules_only and learned_from_env()
    speakers = speakers or speaker_gold_for(corpus)
    if speakers is not None and not speakers.is_file():
        print(f"error: {speakers} is not a file: give --speakers a speakers JSON", file=sys.stderr)
        raise typer.Exit(2)
    if keep_db is not None and keep_db.exists():
        print(f"error: {keep_db} exists: give --keep-db a new file", file=sys.stderr)
        raise typer.Exit(2)
    try:
        report = evaluate_corpus(
            corpus, limit=limit, learned=learned, speaker_gold=speakers, keep_db=keep_db
        )
    except NotImplementedError as e:
        print(f"error: the extractor is not implemented yet ({e})", file=sys.stderr)
        raise typer.Exit(1) from None
    except UserError as e:  # a learned model's file is missing
        print(f"error: {e}", file=sys.stderr)
        raise typer.Exit(1) from None
    if json_out:
        print(json.dumps(as_dict(report), indent=2))
    else:
        print_figures(report, Console())
    if errors:
        print_errors(report, errors, Console())
        if report.speakers is not None:
            print_wrong_speakers(report.speakers, errors, Console())


# ---- the figures --------------------------------------------------------------------------


def figure_rows(t: Totals) -> list[tuple[str, Counts] | None]:
    """The table's rows, top to bottom: (figure, counts), None where a section ends."""
    from claimtrack.extract.learned.score import KINDS

    rows: list[tuple[str, Counts] | None] = [("relaxed", t.relaxed), ("full", t.full)]
    rows += [(f"exact {k}", t.exact[k]) for k in ("source", "cue", "content")]
    rows.append(None)
    for k in KINDS:
        rows += [(f"relaxed · {k}", t.kinds[k]["relaxed"]), (f"full · {k}", t.kinds[k]["full"])]
    return rows


def figures_table(report: Report) -> Table:
    table = Table(
        caption="relaxed: content word-token F1 >= 0.5; full: relaxed + speaker and cue "
        "overlap gold; exact: trimmed span sets",
        caption_justify="left",
    )
    table.add_column("figure")
    for col in ("P", "R", "F1", "hits/pred", "hits/gold"):
        table.add_column(col, justify="right")
    for row in figure_rows(report.totals):
        if row is None:
            table.add_section()
            continue
        name, c = row
        table.add_row(
            name,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            f"{c.pred_hits}/{c.n_pred}",
            f"{c.gold_hits}/{c.n_gold}",
        )
    return table


def speakers_table(s: SpeakerScore) -> Table:
    """Who spoke: the figures of the reference speaker scorer."""
    table = Table(
        title="who spoke (resolved-speaker gold; the corpus stored as one database)",
        title_justify="left",
        caption="exact: the stored speaker's folded name is the gold one; lenient: the "
        "surname alone or extra words count; B-cubed: one actor per real speaker",
        caption_justify="left",
    )
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("of", justify="right")
    p, r, f = s.bcubed
    table.add_row("coverage", f"{s.coverage:.3f}", f"{s.found}/{s.gold}")
    table.add_row("named (exact)", f"{s.named_acc:.3f}", f"{s.named_right}/{s.named}")
    table.add_row("named (lenient)", f"{s.named_lenient_acc:.3f}", f"{s.named_lenient}/{s.named}")
    table.add_row("unnamed", f"{s.unnamed_acc:.3f}", f"{s.unnamed_right}/{s.unnamed}")
    table.add_row("actors B-cubed P", f"{p:.3f}", "")
    table.add_row("actors B-cubed R", f"{r:.3f}", "")
    table.add_row("actors B-cubed F1", f"{f:.3f}", "")
    return table


def print_figures(report: Report, console: Console) -> None:
    """The table, then a line for each figure that is not precision and recall."""
    from claimtrack.evaluate.report import found_by

    t = report.totals
    # the heading on a line of its own, never wrapped: a corpus path of any length keeps it
    # one line (a table's title wraps at the table's width)
    heading = f"claimtrack extraction vs {report.corpus} ({len(report.docs)} articles)"
    console.print(Text(heading, style="italic"), soft_wrap=True)
    console.print(figures_table(report))
    if report.speakers is not None:
        console.print(speakers_table(report.speakers))
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


def print_errors(report: Report, n: int, console: Console, seed: int = 0) -> None:
    """N sampled misses, spurious claims and relaxed-but-not-full matches (terminal only)."""
    from claimtrack.evaluate.report import sample_errors

    errors = sample_errors(report, n, seed)
    console.rule(f"missed gold relations ({errors['missed'].total})")
    for e in errors["missed"].samples:
        console.print(
            f"[dim]{e['article']}[/dim]\n  source={e['source']!r} cue={e['cue']!r}\n  "
            f"content={e['content']!r}"
        )
    console.rule(f"spurious claims ({errors['spurious'].total})")
    for e in errors["spurious"].samples:
        console.print(
            f"[dim]{e['article']}[/dim]\n  speaker={e['speaker']!r} "
            f"cue={e['cue']!r}\n  "
            f"content={e['content']!r}"
        )
    console.rule(f"relaxed matches with a wrong speaker or cue ({errors['partial'].total})")
    for e in errors["partial"].samples:
        console.print(
            f"[dim]{e['article']}[/dim] token F1 {e['f1']:.2f}\n"
            f"  predicted speaker={e['speaker']!r} "
            f"cue={e['cue']!r}\n"
            f"  gold      source={e['gold_source']!r} "
            f"cue={e['gold_cue']!r}"
        )


def print_wrong_speakers(s: SpeakerScore, n: int, console: Console) -> None:
    """The N most frequent (gold speaker, stored speaker) mistakes."""
    console.rule(f"wrong speakers ({sum(s.wrong.values())})")
    for (gold, stored), count in list(s.wrong.items())[:n]:
        console.print(f"  x{count}: gold {gold!r} -> stored {stored!r}", highlight=False)

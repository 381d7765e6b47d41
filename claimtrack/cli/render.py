"""What the command line shows: rows in the chosen format, the tables, and one claim, speaker
or source in detail. Commands fetch data and call these; nothing here touches the database.

Formats: ``table`` (default on a terminal), ``csv``, ``tsv``, ``json``, ``jsonl``; every format
but the table streams row by row (claimtrack/io/writers.py), so memory does not grow with the
result.

Stored text can hold control characters (an article with ``ESC [2J`` clears the screen it is
shown on). What goes to a terminal shows them as escapes (``\\x1b``): tables and details always
(``for_terminal``, ``terminal_console``), CSV and TSV when stdout is a terminal. A file (or a
pipe) gets the text as stored, so the export's offsets still point into it; JSON escapes
control characters itself (``to_json``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from claimtrack.io.writers import cell_text, safe_cell, started, to_json, write_records

if TYPE_CHECKING:  # Rich loads when something is drawn: CSV and JSON need none of it
    # (issue 16: start-up)
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table
    from rich.text import Text

# ---- control characters -------------------------------------------------------------------

# What a terminal acts on instead of showing: the C0 controls but tab and newline, DEL
# and the C1 controls (U+0080 to U+009F; some terminals take U+009B as ESC [).
# C0 and C1 controls but tab and newline, and the bidirectional embeddings, overrides and
# isolates, which reorder what a terminal shows (a claim could read backwards: "Trojan Source")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
KEYWORDS_SHOWN = 6  # a topic's keywords the table shows on its line


def visible(text: str) -> str:
    """TEXT with every control character but tab and newline written out: ESC as \\x1b, a
    right-to-left override as \\u202e."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(value: Any) -> Any:
    """VALUE (a string, or rows and details of them) with every string made visible()."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {k: for_terminal(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [for_terminal(v) for v in value]
    return value


def terminal_console(**options: Any) -> Console:
    """A Rich console (Console(**OPTIONS)) whose plain strings are shown with control
    characters escaped.

    Text objects are printed as they are: build them from for_terminal() data.
    """
    return _terminal_console_class()(**options)


@functools.cache
def _terminal_console_class() -> type[Console]:
    from rich.console import Console

    class TerminalConsole(Console):
        def render_str(self, text: str, **options: Any) -> Text:  # type: ignore[override]
            return super().render_str(visible(text), **options)

    return TerminalConsole


class LazyConsole:
    """A terminal_console(**OPTIONS) made when first printed to: a command that prints only
    CSV or JSON loads no Rich."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        if self._console is None:
            self._console = terminal_console(**self._options)
        return self._console

    def print(self, *objects: Any, **options: Any) -> None:
        self.console.print(*objects, **options)


def is_terminal(out: IO[str]) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---- rows in a format ---------------------------------------------------------------------


class Format(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


@dataclass(frozen=True)
class OutputOptions:
    """How a listing command writes its rows: --format, -o and --bom."""

    fmt: StrEnum | None = None  # a Format, or a command's own choices (export's claimreview)
    output: Path | None = None
    bom: bool = False

    def format(self, default: Format) -> Format:
        """The format asked for (--format, else -o's suffix), else DEFAULT."""
        fmt = Format(self.fmt) if self.fmt is not None else None
        return choose_format(fmt, self.output, default)


def choose_format(fmt: Format | None, output: Path | None, default: Format) -> Format:
    """Explicit --format, else the -o file's suffix (.csv, .json ...), else the default."""
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower().lstrip(".") if output else ""
    if suffix in Format.__members__ and suffix != "table":
        return Format(suffix)
    return default


def write_rows(
    rows: Iterable[dict],
    columns: Sequence[str],
    fmt: Format,
    out: IO[str],
    table: Callable[[Iterable[dict]], Table] | None = None,
    bom: bool = False,
) -> int:
    """Write ROWS in FMT to OUT (TABLE draws them as a table); returns how many were written.

    The first row is fetched before anything is written, so a query that fails (a bad
    filter, the time limit) leaves no header or half a JSON array behind.
    """
    rows = started(rows)
    if fmt is Format.table:
        shown = [for_terminal(row) for row in rows]
        console = terminal_console(file=out) if out is not sys.stdout else terminal_console()
        console.print(table(shown) if table else default_table(shown, columns))
        return len(shown)
    cell = (lambda v: visible(safe_cell(v))) if is_terminal(out) else safe_cell
    return write_records(rows, columns, fmt.value, out, bom=bom, cell=cell)


def default_table(rows: Sequence[dict], columns: Sequence[str]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False)
    for c in columns:
        table.add_column(c)
    for row in rows:
        table.add_row(*(Text(cell_text(row.get(c))) for c in columns))
    return table


def print_detail_json(row: dict, claims: Iterable[dict]) -> None:
    """`actors show` / `sources show` as JSON: the row with the ids of its claims."""
    row["claim_ids"] = [c["claim_id"] for c in claims]
    print(to_json(row, indent=2))


# ---- the tables (rows made visible() by write_rows) ---------------------------------------


def describe_date(row: dict) -> str:
    """The date a claim was said at its precision ("2016-03-08", "2016-03", "2016", a range
    "2016-10-24/2016-10-30"); "before DAY" / "by DAY" when only an upper bound is known."""
    relation = row["date_relation"]
    anchor = row.get("date_anchor") or row["published_on"]
    if row.get("said") and row.get("said_earliest") and row.get("said_latest"):
        return row["said"]
    if relation == "on" and row["said_on"]:
        return row["said_on"]
    if relation in ("before", "by") and anchor:
        return f"{relation} {anchor}"
    return f"undated\n(pub. {row['published_on']})" if row["published_on"] else "undated"


def source_cell(row: dict) -> str:
    name = (
        row["source_outlet"]
        or row["source_title"]
        or Path(row["source_path"] or "").name
        or "(stdin)"
    )
    if row.get("appearances", 1) > 1:
        name += f"\n+{row['appearances'] - 1} more (show {row['claim_id']})"
    return name


def speaker_cell(row: dict) -> str:
    return row["speaker"] or row["speaker_mention"] or "(unattributed)"


def claims_table(rows: Iterable[dict]) -> Table:
    """who-said: id, speaker, date, cue and claim, topics, source (+ status once reviewed)."""
    from rich.table import Table
    from rich.text import Text

    rows = list(rows)
    reviewed = any(r["status"] != "unreviewed" for r in rows)
    table = Table(show_lines=True, expand=True)
    table.add_column("id", justify="right")
    table.add_column("speaker", style="bold", ratio=3)
    table.add_column("date", min_width=10)
    table.add_column("claim", ratio=8)
    table.add_column("topics", ratio=3, overflow="fold")
    table.add_column("source", ratio=3)
    if reviewed:
        table.add_column("status")
    for r in rows:
        cells = [
            str(r["claim_id"]),
            speaker_cell(r),
            describe_date(r),
            f"{r['cue']}: {r['content']}",
            " ".join(r["topics"].split(";")) if r["topics"] else "",
            source_cell(r),
        ]
        if reviewed:
            cells.append(r["status"])
        table.add_row(*(Text(c) for c in cells))
    return table


def timeline_table(rows: Iterable[dict]) -> Table:
    """timeline: date first, then speaker, claim, source, id."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=True)
    table.add_column("date", min_width=10)
    table.add_column("speaker", style="bold", ratio=3)
    table.add_column("claim", ratio=8)
    table.add_column("source", ratio=3)
    table.add_column("id", justify="right")
    for r in rows:
        cells = [
            describe_date(r),
            speaker_cell(r),
            f"{r['cue']}: {r['content']}",
            source_cell(r),
            str(r["claim_id"]),
        ]
        table.add_row(*(Text(c) for c in cells))
    return table


def log_table(rows: Iterable[dict]) -> Table:
    """The audit log: when, what, of which claim or source, before -> after, who, why."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=True)
    table.add_column("id", justify="right")
    table.add_column("when (UTC)", no_wrap=True)
    table.add_column("what")
    table.add_column("of")
    table.add_column("before", ratio=4, overflow="fold")
    table.add_column("after", ratio=4, overflow="fold")
    table.add_column("who / why", ratio=3)
    for r in rows:
        of = f"claim {r['claim_id']}" if r["claim_id"] else ""
        of = of or (f"source {r['source_id']}" if r["source_id"] else f"speaker {r['actor_id']}")
        what = r["what"] + ("\n(undone)" if r["undone_at"] else "")
        by = " / ".join(x for x in (r["who"], r["why"]) if x)
        when = r["made_at"][:16].replace("T", " ")
        cells = [str(r["correction_id"]), when, what, of, r["before"] or "-", r["after"] or "-", by]
        table.add_row(*(Text(c) for c in cells))
    return table


def actors_table(rows: Iterable[dict]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True)
    table.add_column("id", justify="right")
    table.add_column("name", style="bold", ratio=3)
    table.add_column("kind")
    table.add_column("role", ratio=2)
    table.add_column("affiliation", ratio=2)
    table.add_column("claims", justify="right")
    for r in rows:
        cells = (r["actor_id"], r["name"], r["kind"], r["role"], r["affiliation"], r["claims"])
        table.add_row(*(Text("" if c is None else str(c)) for c in cells))
    return table


def topics_table(rows: Iterable[dict]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True)
    table.add_column("slug", style="bold")
    table.add_column("label", ratio=2, min_width=14)
    table.add_column("parent")
    table.add_column("claims", justify="right")
    table.add_column("keywords", ratio=4, min_width=16, no_wrap=True, overflow="ellipsis")
    for r in rows:
        cells = (r["slug"], r["label"], r["parent"] or "", r["claims"], _first(r["keywords"]))
        table.add_row(*(Text(str(c)) for c in cells))
    return table


def _first(keywords: str, shown: int = KEYWORDS_SHOWN) -> str:
    """A topic's first keywords on one line, and how many more (a topic has up to a few
    hundred: the table gives a line to each topic; `topics list -f csv` or json gives
    them all)."""
    words = keywords.split(";") if keywords else []
    more = len(words) - shown
    return ", ".join(words[:shown]) + (f", … (+{more})" if more > 0 else "")


def suggestions_table(rows: Iterable[dict]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True)
    table.add_column("#", justify="right")
    table.add_column("phrase", style="bold", ratio=2)
    table.add_column("claims", justify="right")
    table.add_column("sources", justify="right")
    table.add_column("example", ratio=5)
    for r in rows:
        ids = ", ".join(f"#{i}" for i in r["example_claims"].split(";"))
        example = r["example"] if len(r["example"]) <= 90 else r["example"][:89] + "\u2026"
        cells = (r["rank"], r["phrase"], r["claims"], r["sources"], f"{ids}: {example}")
        table.add_row(*(Text(str(c)) for c in cells))
    return table


def sources_table(rows: Iterable[dict]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True)
    table.add_column("id", justify="right")
    table.add_column("title", style="bold", ratio=4)
    table.add_column("outlet", ratio=2)
    table.add_column("published", min_width=10)
    table.add_column("claims", justify="right")
    table.add_column("path", ratio=3, overflow="fold")
    for r in rows:
        cells = (r["source_id"], r["title"], r["outlet"], r["published_on"], r["claims"], r["path"])
        table.add_row(*(Text("" if c is None else str(c)) for c in cells))
    return table


# ---- one claim (show) ---------------------------------------------------------------------

STYLES = {"speaker": "bold cyan", "cue": "bold yellow", "content": "green"}
MARKS = {"speaker": ("{", "}"), "cue": ("<", ">"), "content": ("[", "]")}


def highlighted(par: dict, marks: bool) -> Text:
    """The paragraph with speaker, cue and content styled (and bracketed when plain);
    PAR as stored (offsets into its text), each piece made visible() for the terminal."""
    from rich.text import Text

    text, base = par["text"], par["start"]
    out = Text()
    pos = 0
    for h in par["highlights"]:
        s, e = h["start"] - base, h["end"] - base
        if s < pos:
            continue  # overlapping span: keep the first
        out.append(visible(text[pos:s]))
        left, right = MARKS[h["kind"]] if marks else ("", "")
        out.append(left + visible(text[s:e]) + right, style=STYLES[h["kind"]])
        pos = e
    out.append(visible(text[pos:]))
    return out


def render_claim(stored: dict, console: Console) -> None:
    """A claim_detail() for a terminal: every text made visible() first; its facts, the
    paragraph with its spans marked, other appearances, reviews and corrections."""
    from rich.text import Text

    d = for_terminal(stored)
    console.print(_claim_facts(d))
    marks = not console.is_terminal or console.no_color
    console.print()
    title = "paragraph" + ("  {speaker} <cue> [content]" if marks else "")
    console.print(Text(title, style="bold"))
    console.print(highlighted(stored["paragraph"], marks))
    _print_appearances(d["other_appearances"], console)
    _print_history(d, console)


def _speaker_text(sp: dict) -> str:
    """Who spoke, with role, kind, the words the text names them by, the other speakers
    and how the speaker was resolved."""
    who = sp["name"] or sp["mention"] or "(unattributed)"
    details = ", ".join(x for x in (sp["role"], sp["affiliation"]) if x)
    speaker = (
        who + (f" ({details})" if details else "") + (f" [{sp['kind']}]" if sp["kind"] else "")
    )
    if sp["mention"] and sp["mention"] != sp["name"]:
        speaker += f"\nnamed in the text as \u201c{sp['mention']}\u201d"
    if len(sp.get("all") or []) > 1:
        speaker += "\nwith " + ", ".join(o["name"] for o in sp["all"][1:])
    if sp.get("how"):
        speaker += f"\nresolved: {sp['how']}"
    return speaker


def _claim_facts(d: dict) -> Table:
    """The claim's facts, one per row: id, speaker, cue, how found, content, date, topics,
    source, status."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    row = lambda k, v: grid.add_row(k, Text(v))  # noqa: E731 - plain text, never markup
    seen, first = d["appearances"], d["first_seen_claim_id"]
    if seen == 1:
        row("claim", f"#{d['claim_id']}")
    elif first == d["claim_id"]:
        row("claim", f"#{d['claim_id']} (first of {seen} appearances)")
    else:
        row("claim", f"#{d['claim_id']} (one of {seen} appearances; first: #{first})")
    row("speaker", _speaker_text(d["speaker"]))
    row("cue", f"{d['cue']} ({d['attribution']}{', hedged' if d['hedged'] else ''})")
    found = "the rules" if d["found_by"] == "rules" else "the learned detector only"
    row("found by", f"{found} (confidence {d['confidence']:.2f})")
    row("content", d["content"])
    if d["quote"]:
        row("quote", f"\u201c{d['quote']}\u201d")
    date = d["date"]
    row("date", date["derivation"])
    if date["said"]:
        bounds = f"{date['earliest'] or '..'} to {date['latest'] or '..'}"
        row("said", f"{date['said']} (bounds {bounds})")
    row("dated by", date["origin"])
    row("topics", ", ".join(f"{t['slug']} (via {t['via']})" for t in d["topics"]) or "none")
    src = d["source"]
    where = " / ".join(
        str(x)
        for x in (src["title"], src["outlet"], src["published_on"], src["url"] or src["path"])
        if x
    )
    row("source", f"#{src['source_id']} {where}")
    row("status", d["status"] + (f" (rejected: {d['rejected']})" if d.get("rejected") else ""))
    if d.get("rejected_why"):
        row("why rejected", d["rejected_why"])
    if d.get("short_text"):
        row("short text", d["short_text"])
    return grid


def _print_appearances(others: list[dict], console: Console) -> None:
    """The other sources that reported the claim."""
    from rich.table import Table
    from rich.text import Text

    if not others:
        return
    console.print()
    console.print(Text(f"also reported by {plural(len(others), 'other source')}", style="bold"))
    seen_in = Table.grid(padding=(0, 1))
    seen_in.add_column(justify="right", no_wrap=True)
    seen_in.add_column()
    for a in others:
        mark = " (first appearance)" if a["first"] else ""
        where = " / ".join(
            str(x) for x in (a["source_title"], a["source_outlet"], a["published_on"]) if x
        )
        said = f"{a['speaker_mention'] or ''} {a['cue']}: {a['content']}".strip()
        seen_in.add_row(f"  #{a['claim_id']}", Text(f"source #{a['source_id']} {where}{mark}"))
        seen_in.add_row("", Text(said))
    console.print(seen_in)


def _print_history(d: dict, console: Console) -> None:
    """The claim's reviews, then its corrections (the audit log), oldest first."""
    from rich.text import Text

    if d["reviews"]:
        console.print()
        console.print(Text("reviews", style="bold"))
        for r in d["reviews"]:
            by = f" by {r['reviewer']}" if r["reviewer"] else ""
            note = f": {r['note']}" if r["note"] else ""
            console.print(
                f"  {r['reviewed_at']} {r['status']}{by}{note}", highlight=False, markup=False
            )
    if d.get("corrections"):
        console.print()
        console.print(Text("corrections", style="bold"))
        for c in d["corrections"]:
            by = f" by {c['who']}" if c["who"] else ""
            why = f" ({c['why']})" if c["why"] else ""
            undone = " [undone]" if c["undone_at"] else ""
            console.print(
                f"  {c['made_at']} {c['what']}: {c['before'] or '-'} -> {c['after'] or '-'}{by}{why}{undone}",
                highlight=False,
                markup=False,
            )


# ---- a speaker, a source, a claim's reviews -----------------------------------------------


def render_actor(row: dict, claims: list[dict], console: Console) -> None:
    """`actors show`: the speaker's details, then one line per claim."""
    from rich.text import Text

    row, claims = for_terminal(row), for_terminal(claims)
    console.print(Text(f"#{row['actor_id']} {row['name']} [{row['kind']}]", style="bold"))
    for field in ("role", "affiliation", "aliases"):
        console.print(f"{field}: {row[field] or '-'}", highlight=False, markup=False)
    console.print(f"{plural(len(claims), 'claim')}:", highlight=False, markup=False)
    for c in claims:
        day = describe_date(c).replace("\n", " ")
        console.print(
            f"  #{c['claim_id']} {day} {c['cue']}: {c['content']}", highlight=False, markup=False
        )


def render_source(row: dict, claims: list[dict], console: Console) -> None:
    """`sources show`: the source's details, then its claims as who-said shows them."""
    from rich.text import Text

    row, claims = for_terminal(row), for_terminal(claims)
    console.print(Text(f"#{row['source_id']} {row['title'] or row['path']}", style="bold"))
    for field in ("outlet", "published_on", "url", "path", "words"):
        console.print(
            f"{field}: {row[field] if row[field] is not None else '-'}",
            highlight=False,
            markup=False,
        )
    console.print(claims_table(claims))


def render_reviews(claim_id: int, status: str, lines: list[str], console: Console) -> None:
    """`review ID`: the claim's status, then its review history, one line per review."""
    from rich.text import Text

    console.print(Text(f"claim #{claim_id}: {status}", style="bold"))
    for line in lines or ["no reviews yet"]:
        console.print(Text(f"  {visible(line)}"))


def progress_bar(quiet: bool, console: Console | LazyConsole) -> Progress:
    """The bar ingest, reextract and feeds poll show (rich.progress loads only for them)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console.console if isinstance(console, LazyConsole) else console,
        disable=quiet,
        transient=True,
    )


def feeds_table(rows: Iterable[dict]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True)
    table.add_column("id", justify="right")
    table.add_column("feed", ratio=3, overflow="fold")
    table.add_column("title", style="bold", ratio=2)
    table.add_column("last polled", min_width=10)
    table.add_column("last result", ratio=2)
    for r in rows:
        cells = (r["feed_id"], r["url"], r["title"], r["last_polled_at"], r["last_result"])
        table.add_row(*(Text("" if c is None else str(c)) for c in cells))
    return table

"""Read a PolNeAR-style corpus: brat standoff attribution relations, texts and metadata.tsv.

Layout of a split folder (``dev``, ``train``)::

    <split>/text/<stem>.txt
    <split>/attributions/<stem>_<annotator>.ann
    <split>/../metadata.tsv          # filename -> publication_date, author (its byline)

One annotation file per article: the first by name.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "GoldDoc",
    "GoldRelation",
    "GoldSpan",
    "load_corpus",
    "parse_ann",
    "read_authors",
    "read_metadata",
]


ENV_CORPUS = "CLAIMTRACK_EVAL_CORPUS"


def default_corpus() -> Path:
    """$CLAIMTRACK_EVAL_CORPUS, else ``shared/polnear/dev`` next to the repository."""
    env = os.environ.get(ENV_CORPUS)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "polnear" / "dev"


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A text-bound annotation: one or more (start, end) fragments, in file order."""

    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)

    def text(self, doc_text: str, sep: str = " ") -> str:
        """The fragments' text joined by ``sep`` (what lies between them left out)."""
        return sep.join(doc_text[s:e] for s, e in self.fragments)


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One attribution relation (an ``E`` line) with its spans resolved."""

    id: str
    cue: GoldSpan | None
    source: GoldSpan | None
    contents: tuple[GoldSpan, ...]

    @property
    def content(self) -> GoldSpan:
        """All content pieces as one span (fragments kept, in text order)."""
        frags = sorted(f for c in self.contents for f in c.fragments)
        return GoldSpan(tuple(frags))


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str  # the file stem
    text: str
    published: dt.date | None
    relations: tuple[GoldRelation, ...]
    dropped: int = 0  # relations without any Content span (cannot be scored)
    author: str | None = None  # the byline metadata.tsv gives, as written ("By Jo Roe")


_T_LINE = re.compile(r"^(?P<label>\S+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)$")


def _role(key: str) -> str:
    """'Content2' -> 'Content'; brat numbers repeated roles."""
    return key.rstrip("0123456789")


def parse_ann(ann: str) -> tuple[list[GoldRelation], int]:
    """Relations of one .ann file and the number dropped for lacking a Content span.

    ``T`` lines give spans (``LABEL 10 20;25 40`` for several fragments), ``E`` lines tie
    them: ``Attribution:T4 Content:T3 Cue:T2 Source:T1`` (Source may be missing, Content may
    repeat as ``Content2``). Other lines (notes, relations of other kinds) are ignored.
    """
    spans: dict[str, tuple[str, GoldSpan]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            m = _T_LINE.match(parts[1].strip())
            if not m:
                continue
            frags = tuple(
                (int(a), int(b)) for a, b in (f.split() for f in m.group("offsets").split(";"))
            )
            spans[parts[0]] = (m.group("label"), GoldSpan(frags))
        elif line.startswith("E") and len(parts) >= 2:
            args = [tuple(a.split(":", 1)) for a in parts[1].split() if ":" in a]
            events.append((parts[0], [(_role(k), v) for k, v in args]))
    relations: list[GoldRelation] = []
    dropped = 0
    for eid, args in events:
        by_role: dict[str, list[GoldSpan]] = {}
        for role, ref in args:
            if ref in spans:
                by_role.setdefault(role, []).append(spans[ref][1])
        contents = tuple(sorted(by_role.get("Content", []), key=lambda s: s.fragments))
        if not contents:
            dropped += 1
            continue
        relations.append(
            GoldRelation(
                id=eid,
                cue=_merge(by_role.get("Cue")),
                source=_merge(by_role.get("Source")),
                contents=contents,
            )
        )
    return relations, dropped


def _merge(spans: list[GoldSpan] | None) -> GoldSpan | None:
    if not spans:
        return None
    return GoldSpan(tuple(sorted(f for s in spans for f in s.fragments)))


def read_metadata(path: Path) -> dict[str, dt.date]:
    """filename -> publication_date from a metadata.tsv (missing file or bad dates: skipped)."""
    if not path.is_file():
        return {}
    out: dict[str, dt.date] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name, day = row.get("filename"), row.get("publication_date")
            if not name or not day:
                continue
            try:
                out[name.strip()] = dt.date.fromisoformat(day.strip())
            except ValueError:
                continue
    return out


def read_authors(path: Path) -> dict[str, str]:
    """filename -> author (the byline as written) from a metadata.tsv; rows without one are
    left out."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {
        r["filename"].strip(): " ".join(r["author"].split())
        for r in rows
        if (r.get("filename") or "").strip() and (r.get("author") or "").strip()
    }


def read_text(path: Path) -> str:
    """The file decoded as UTF-8 with line ends untouched (offsets count every character)."""
    return path.read_bytes().decode("utf-8")


def annotation_file(corpus: Path, stem: str) -> Path | None:
    """The first of ``<stem>_<annotator>.ann`` by name (a longer stem's files excluded)."""
    files = sorted(
        p for p in (corpus / "attributions").glob("*.ann") if p.stem.rsplit("_", 1)[0] == stem
    )
    return files[0] if files else None


def iter_corpus(corpus: Path, limit: int | None = None) -> Iterator[GoldDoc]:
    """The articles of a split folder in name order, each with its first annotation file.

    Articles without an annotation file are skipped.
    """
    meta = corpus.parent / "metadata.tsv"
    meta = meta if meta.is_file() else corpus / "metadata.tsv"
    dates, authors = read_metadata(meta), read_authors(meta)
    count = 0
    for txt in sorted((corpus / "text").glob("*.txt")):
        if limit is not None and count >= limit:
            return
        ann = annotation_file(corpus, txt.stem)
        if ann is None:
            continue
        relations, dropped = parse_ann(read_text(ann))
        count += 1
        yield GoldDoc(
            name=txt.stem,
            text=read_text(txt),
            published=dates.get(txt.stem),
            relations=tuple(relations),
            dropped=dropped,
            author=authors.get(txt.stem),
        )


def split_error(corpus: Path) -> str | None:
    """The error line when ``corpus`` is not a brat split folder (one with text/), else None."""
    if (corpus / "text").is_dir():
        return None
    return f"error: no corpus at {corpus} (a brat split folder with text/)"


def load_corpus(corpus: Path, limit: int | None = None) -> list[GoldDoc]:
    return list(iter_corpus(corpus, limit))

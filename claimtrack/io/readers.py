"""Read articles from files, folders, stdin and manifest CSVs into plain Documents.

Formats: ``.txt`` (stored unchanged), ``.md`` / ``.markdown`` (YAML front matter
becomes metadata, the body is stored), ``.html`` / ``.htm`` (title, date, author and
canonical URL from the head; paragraphs and headings from the body). Metadata for a
``.txt`` file can sit beside it in a sidecar ``NAME.meta.yaml``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimtrack.errors import UserError
from claimtrack.io.decoding import DecodeError, check_encoding, decode
from claimtrack.io.document import Document

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
MANIFEST_COLUMNS = ("path", "title", "published", "outlet", "url", "author")
STDIN = "-"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


class ReadError(Exception):
    """One document could not be read; the message is one line, naming the file."""


@dataclass(frozen=True)
class Entry:
    """A document to read: where from, and metadata given from outside (manifest, CLI)."""

    path: str  # a file path, or "-" for stdin
    meta: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None  # given by the user (a manifest's encoding column)


def parse_date(value: Any, *, what: str = "date") -> dt.date | None:
    """ISO date (YYYY-MM-DD, or a datetime starting with one) -> date; UserError if bad."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        why = "there is no such day; " if _ISO_DAY.match(text) else ""
        raise UserError(f"bad {what} {text!r}: {why}use YYYY-MM-DD, e.g. 2025-08-14") from None


# ---- collecting what to read -------------------------------------------------------------


def collect(paths: Iterable[str], manifest: str | None = None) -> list[Entry]:
    """Expand paths (files, folders recursively, "-") and a manifest into entries.

    Fails before anything is read if a path is missing or a folder holds no articles.
    """
    entries: list[Entry] = []
    for raw in paths:
        if raw == STDIN:
            entries.append(Entry(STDIN))
            continue
        path = Path(raw)
        if not _exists(path):
            raise UserError(f"{raw}: no such file or folder")
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and is_article(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise UserError(
                    f"{raw}: no articles found (looked for {', '.join(ARTICLE_SUFFIXES)} files)"
                )
            entries.extend(Entry(str(p)) for p in found)
        else:
            entries.append(Entry(str(path)))
    if manifest:
        entries.extend(read_manifest(manifest))
    if not entries:
        raise UserError("nothing to ingest: give files, folders, - for stdin, or --manifest CSV")
    return entries


def _exists(path: Path) -> bool:
    """Path.exists, but False for a name the system cannot look up (too long, a NUL)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def is_article(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(ARTICLE_SUFFIXES) and not name.endswith(SIDECAR_SUFFIXES)


def read_manifest(manifest: str) -> list[Entry]:
    """A CSV with columns path, title, published, outlet, url, author, encoding (path
    required; encoding, e.g. windows-1252, when a file is not UTF-8).

    Checked whole before anything is read: a malformed row (more values than columns, an
    unclosed quote, a missing file, a bad date) refuses the manifest with one line naming
    it and the line, since the rows after an unclosed quote cannot be trusted either."""
    mpath = Path(manifest)
    if not mpath.is_file():
        raise UserError(f"--manifest {manifest}: no such file")
    try:
        text = mpath.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"--manifest {manifest}: not UTF-8 text; save the CSV as UTF-8") from None
    entries = []
    rows = _manifest_rows(manifest, text)
    header = next(rows, None)
    fields = [f.strip().lower() for f in header[1]] if header else []
    if "path" not in fields:
        raise UserError(
            f"--manifest {manifest}: needs a 'path' column "
            f"(columns: {', '.join(MANIFEST_COLUMNS)}, encoding)"
        )
    for lineno, values in rows:

        def bad(problem: str, lineno: int = lineno) -> UserError:
            return _bad_row(manifest, lineno, problem)

        if len(values) > len(fields):
            raise bad(
                f"{len(values)} values but the header has {len(fields)} columns (quote a value "
                'that holds a comma: "Smith, Jones")'
            )
        row = {k: v.strip() for k, v in zip(fields, values, strict=False)}
        if not row.get("path"):
            raise bad("empty path")
        path = Path(row["path"])
        if not path.is_absolute():
            path = mpath.parent / path
        if not _exists(path) or not path.is_file():
            raise bad(f"{row['path']}: no such file")
        try:
            parse_date(row.get("published"), what="published date")
        except UserError as exc:
            raise bad(str(exc)) from None
        meta = tuple((k, row[k]) for k in MANIFEST_COLUMNS[1:] if row.get(k))
        encoding = row.get("encoding") or None
        if encoding:
            try:
                check_encoding(encoding)
            except ValueError as exc:
                raise bad(str(exc)) from None
        entries.append(Entry(str(path), meta, encoding))
    if not entries:
        raise UserError(f"--manifest {manifest}: no rows")
    return entries


def _manifest_rows(manifest: str, text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, values) of each non-blank CSV row of TEXT; UserError naming the line
    of a row that is not well-formed CSV or spans several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        lineno = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = str(exc)
            if "expected after" in problem or "end of data" in problem:
                problem = (
                    'a quoted value is not closed (a " is missing, or a " inside a value is '
                    "not doubled)"
                )
            raise _bad_row(manifest, lineno, problem) from None
        if reader.line_num > lineno:
            problem = (
                f"a quoted value runs over lines {lineno} to {reader.line_num} (is a closing "
                '" missing?)'
            )
        elif any("\x00" in v for v in values):
            problem = "a value holds a NUL character (is this a CSV text file?)"
        else:
            if any(v.strip() for v in values):
                yield lineno, values
            continue
        raise _bad_row(manifest, lineno, problem)


def _bad_row(manifest: str, lineno: int, problem: str) -> UserError:
    return UserError(
        f"--manifest {manifest} line {lineno}: {problem}; fix the manifest and run again: "
        "nothing was ingested"
    )


# ---- reading one document ----------------------------------------------------------------


def read_entry(
    entry: Entry,
    overrides: dict[str, str] | None = None,
    encoding: str | None = None,
    note: Callable[[str], None] | None = None,
) -> Document:
    """Read one entry into a Document; metadata: file < sidecar < manifest < overrides.

    ENCODING (``--encoding``) wins over the entry's own; without either the encoding is
    told from the bytes, and ``note`` hears which one was used when it was not UTF-8."""
    if entry.path == STDIN:
        raw = sys.stdin.buffer.read()
        name = "<stdin>"
        kind = sniff_kind(raw)
    else:
        path = Path(entry.path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"{entry.path}: cannot read ({exc.strerror})") from exc
        name = entry.path
        kind = suffix_kind(path)
    try:
        decoded = decode(raw, encoding or entry.encoding, html=kind == "html")
    except DecodeError as exc:
        raise ReadError(f"{name}: {exc}") from None
    if decoded.how and note:
        note(f"decoded {name} as {decoded.encoding} ({decoded.how}; --encoding overrides it)")
    text = decoded.text
    if kind == "md":
        doc = parse_markdown(text, name)
    elif kind == "html":
        doc = parse_html(text)
    else:
        doc = Document(text=text)
    doc.path = name
    meta: dict[str, Any] = {}
    if entry.path != STDIN:
        meta.update(read_sidecar(Path(entry.path)))
    meta.update(dict(entry.meta))
    meta.update({k: v for k, v in (overrides or {}).items() if v})
    apply_meta(doc, meta, name)
    if not doc.text.strip():
        raise ReadError(f"{name}: no text to ingest")
    return doc


def suffix_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".html", ".htm"):
        return "html"
    return "txt"


def sniff_kind(raw: bytes) -> str:
    head = raw[:512].lstrip().lower()
    if head.startswith(b"---"):
        return "md"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "txt"


def read_sidecar(path: Path) -> dict[str, Any]:
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_name(path.stem + suffix)
        if sidecar.is_file():
            try:
                text = sidecar.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                raise ReadError(f"{sidecar}: not UTF-8 text; save it as UTF-8") from None
            except OSError as exc:
                raise ReadError(f"{sidecar}: cannot read ({exc.strerror})") from exc
            return load_meta(text, str(sidecar))
    return {}


class _MetaLoader(yaml.SafeLoader):
    """The safe loader, but timestamps, numbers and booleans stay text as written: a date is
    checked by ``parse_date``, so an impossible one (2024-13-40) is an error naming the file
    and field, not a ValueError; a title ``007`` or ``yes`` stays ``007`` or ``yes``."""


for _tag in ("timestamp", "int", "float", "bool"):
    _MetaLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _MetaLoader.construct_yaml_str)


def load_meta(text: str, where: str, part: str = "") -> dict[str, Any]:
    """Metadata from YAML TEXT (a sidecar, or PART="front matter" of a Markdown file);
    ReadError naming WHERE if the YAML is bad or a date field holds no real date.
    YAML that is not a mapping gives no metadata."""
    what = f"YAML {part}".strip()
    try:
        data = yaml.load(text, Loader=_MetaLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ReadError(f"{where}: bad {what} ({_first_line(exc)})") from exc
    except (ValueError, TypeError) as exc:  # a constructor that fails outside YAMLError
        raise ReadError(f"{where}: bad {what} ({exc})") from exc
    except RecursionError:
        raise ReadError(f"{where}: bad {what} (nested too deeply)") from None
    if not isinstance(data, dict):
        return {}
    meta = {str(k): v for k, v in data.items()}
    for key, value in meta.items():
        if META_KEYS.get(key.strip().lower()) == "published":
            try:
                parse_date(value)
            except UserError as exc:
                field = f"{part} field".strip()
                raise ReadError(f"{where}: {field} {key!r}: {exc}") from None
    return meta


def parse_markdown(text: str, name: str) -> Document:
    match = _FRONT_MATTER.match(text)
    if not match:
        return Document(text=text)
    meta = load_meta(match.group(1) or "", name, "front matter")
    return Document(text=text[match.end() :], meta=meta)


def parse_html(text: str) -> Document:
    from bs4 import BeautifulSoup

    # html5lib builds the tree the HTML5 spec prescribes, implied end tags included:
    # `<p>a<p>b` is two sibling paragraphs, not b nested in a
    soup = BeautifulSoup(text, "html5lib")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "aside", "form"]):
        tag.decompose()

    def meta_content(*names: str) -> str | None:
        for n in names:
            tag = soup.find("meta", attrs={"property": n}) or soup.find("meta", attrs={"name": n})
            if tag and tag.get("content"):
                return str(tag["content"]).strip()
        return None

    title = meta_content("og:title") or (soup.title.get_text(strip=True) if soup.title else None)
    time_tag = soup.find("time", attrs={"datetime": True})
    published = meta_content("article:published_time", "date", "pubdate", "dc.date") or (
        str(time_tag["datetime"]) if time_tag else None
    )
    canonical = soup.find("link", attrs={"rel": "canonical", "href": True})
    url = meta_content("og:url") or (str(canonical["href"]) if canonical else None)
    root = soup.find("article") or soup.find("main") or soup.body or soup
    found = root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"])
    # containers (ancestors of a p, li or blockquote) are skipped, their children taken;
    # found in one pass up from each of those, stopping where an earlier pass went
    containers: set[int] = set()
    for el in found:
        if el.name in ("p", "li", "blockquote"):
            node = el.parent
            while node is not None and id(node) not in containers:
                containers.add(id(node))
                node = node.parent
    blocks = []
    for el in found:
        if id(el) in containers:
            continue
        line = " ".join(el.get_text().split())
        if line:
            blocks.append(line)
    if not blocks:
        blocks = [" ".join(root.get_text(" ", strip=True).split())]
    meta = {
        k: v
        for k, v in {
            "title": title,
            "published": published,
            "url": url,
            "author": meta_content("author", "article:author"),
            "outlet": meta_content("og:site_name"),
        }.items()
        if v
    }
    return Document(text="\n".join(blocks), meta=meta)


META_KEYS = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "published_on": "published",
    "publication_date": "published",
    "outlet": "outlet",
    "publisher": "outlet",
    "source": "outlet",
    "site": "outlet",
    "author": "author",
    "byline": "author",
    "url": "url",
    "link": "url",
}


def apply_meta(doc: Document, meta: dict[str, Any], name: str) -> None:
    merged: dict[str, Any] = {}
    for key, value in list(doc.meta.items()) + list(meta.items()):
        field = META_KEYS.get(str(key).strip().lower())
        if field and value not in (None, ""):
            merged[field] = value
    try:
        doc.published = parse_date(merged.get("published"), what=f"published date of {name}")
    except UserError as exc:
        raise ReadError(str(exc)) from None
    for field in ("title", "outlet", "author", "url"):
        if field in merged:
            value = merged[field]
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            setattr(doc, field, str(value).strip())


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def iter_documents(
    entries: Iterable[Entry],
    overrides: dict[str, str] | None = None,
    encoding: str | None = None,
    note: Callable[[str], None] | None = None,
) -> Iterator[Document | ReadError]:
    """Read entries lazily; a document that can't be read is yielded as its ReadError."""
    for entry in entries:
        try:
            yield read_entry(entry, overrides, encoding, note)
        except ReadError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001 - a reader bug fails that document only
            yield ReadError(f"{entry.path}: could not be read ({exc!r}); please report it")

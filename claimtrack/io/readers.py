"""Read articles from files, folders, stdin and manifest CSVs into plain Documents.

Formats: ``.txt`` (stored unchanged; its own byline and headline lines give the author and
title no metadata gives, see claimtrack.io.byline), ``.md`` / ``.markdown`` (YAML front matter
becomes metadata, the body is stored), ``.html`` / ``.htm`` (the article's own words and the
page's metadata, see claimtrack.io.page). Metadata for a ``.txt`` file can sit beside it in a
sidecar ``NAME.meta.yaml``.

Web: an ``http(s)://`` URL is fetched (claimtrack.io.fetch) and read as a page. An RSS or
Atom feed, a URL or a file of any name told by its content (claimtrack.io.feeds), stands for
the articles it links to: each is read once, with the entry's title and date as fallbacks
for a page that has none. A feed file may link to files beside it (relative links).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import yaml

from claimtrack.errors import UserError
from claimtrack.io.byline import byline, headline
from claimtrack.io.dateline import dateline
from claimtrack.io.decoding import DecodeError, check_encoding, decode, repair
from claimtrack.io.document import Document
from claimtrack.io.feeds import Feed, FeedError, is_feed, parse_feed
from claimtrack.io.isodate import parse_date
from claimtrack.io.page import read_page
from claimtrack.io.urls import is_url, is_web_url, url_problem

if TYPE_CHECKING:
    from claimtrack.io.fetch import Fetched, Fetcher

TEXT_SUFFIXES = (".txt", ".md", ".markdown")  # read without a page parser
ARTICLE_SUFFIXES = (*TEXT_SUFFIXES, ".html", ".htm")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
MANIFEST_COLUMNS = ("path", "title", "published", "outlet", "url", "author", "language")
STDIN = "-"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


class ReadError(Exception):
    """One document could not be read; the message is one line, naming the file."""


@dataclass(frozen=True)
class Entry:
    """A document to read: where from, and metadata given from outside (manifest, CLI)."""

    path: str  # a file path, "-" for stdin, or an http(s) URL
    meta: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None  # given by the user (a manifest's encoding column)
    defaults: tuple[tuple[str, str], ...] = ()  # below the document's own (a feed entry's)
    feed: str | None = None  # the feed that linked to it

    @property
    def is_url(self) -> bool:
        return is_url(self.path)


@dataclass(slots=True)
class WebDocument(Document):
    """A document fetched from the web: ``path`` is the URL asked for, ``url`` the page's
    canonical URL (else ``fetched_url``), ``fetched_url`` where it came from after
    redirects."""

    fetched_url: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An entry not read: its URL is already stored."""

    path: str
    why: str = "already stored"


@dataclass(frozen=True)
class FeedRead:
    """A feed was read; its articles follow."""

    path: str
    feed: Feed


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
        if is_url(raw):
            problem = url_problem(raw)
            if problem:
                raise UserError(f"{raw}: {problem}")
            entries.append(Entry(raw))
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
        raise UserError(
            "nothing to ingest: give files, folders, URLs, - for stdin, or --manifest CSV"
        )
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
    """A CSV with columns path, title, published, outlet, url, author, language, encoding
    (path required; encoding, e.g. windows-1252, when a file is not UTF-8); the other names
    a sidecar takes (date, publisher, byline, link, lang ...) work too, any other is refused.

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
    known = f"columns: {', '.join(MANIFEST_COLUMNS)}, encoding, or a sidecar's other names"
    if "path" not in fields:
        raise UserError(f"--manifest {manifest}: needs a 'path' column ({known})")
    unknown = [f for f in fields if f not in ("path", "encoding") and f not in META_KEYS]
    if unknown:  # a misspelt column would drop its values without a word
        raise UserError(f"--manifest {manifest}: unknown column {unknown[0]!r} ({known})")
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
        meta = tuple((k, row[k]) for k in fields if k in META_KEYS and row.get(k))
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
    fetcher: Fetcher | None = None,
) -> Document:
    """Read one entry into a Document; metadata: feed entry < file < sidecar < manifest <
    overrides. A feed is no document: ReadError (iter_documents reads its articles).

    ENCODING (``--encoding``) wins over the entry's own; without either the encoding is
    told from the bytes, and ``note`` hears which one was used when it was not UTF-8.
    FETCHER fetches a URL entry."""
    got = read_item(entry, overrides, encoding, note, fetcher)
    if isinstance(got, FeedRead):
        raise ReadError(f"{got.path}: a feed, not an article: ingest it to read its articles")
    return got


def read_item(
    entry: Entry,
    overrides: dict[str, str] | None = None,
    encoding: str | None = None,
    note: Callable[[str], None] | None = None,
    fetcher: Fetcher | None = None,
) -> Document | FeedRead:
    """A Document, or the feed the entry turned out to be (told by content)."""
    if entry.is_url:
        return _read_url(entry, overrides, encoding, note, fetcher)
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
    if is_feed(raw):
        return FeedRead(name, _parse_feed(raw, name))
    decoded = _decode(raw, encoding or entry.encoding, name, note, html=kind == "html")
    text = decoded.text
    if kind == "md":
        doc = parse_markdown(text, name)
    elif kind == "html":
        doc = parse_html(text)
    else:
        doc = Document(text=text)
    doc.path = name
    meta: dict[str, Any] = dict(entry.defaults)
    meta.update(doc.meta)
    if entry.path != STDIN:
        meta.update(read_sidecar(Path(entry.path)))
    return _finish(doc, meta, entry, overrides, name, plain=kind == "txt")


def _read_url(
    entry: Entry,
    overrides: dict[str, str] | None,
    encoding: str | None,
    note: Callable[[str], None] | None,
    fetcher: Fetcher | None,
) -> Document | FeedRead:
    return read_fetched(entry, fetch_entry(entry, fetcher), overrides, encoding, note)


def fetch_entry(entry: Entry, fetcher: Fetcher | None) -> Fetched:
    """ENTRY's URL fetched with FETCHER (politely: robots.txt, a delay per host);
    ReadError naming the URL when it cannot be."""
    from claimtrack.io.fetch import FetchError

    url = entry.path
    if fetcher is None:
        raise ReadError(f"{url}: a URL, and this command does not fetch URLs")
    try:
        return fetcher.get(url)
    except FetchError as exc:
        raise ReadError(f"{url}: {exc}") from None


def read_fetched(
    entry: Entry,
    fetched: Fetched,
    overrides: dict[str, str] | None = None,
    encoding: str | None = None,
    note: Callable[[str], None] | None = None,
) -> Document | FeedRead:
    """The page (or feed) FETCHED for ENTRY, read as a file's: decoded (the header's
    charset a hint), its HTML parsed, its metadata applied. Needs nothing of the run but
    the bytes, so it can run in another process (ingest's workers)."""
    url = entry.path
    raw = fetched.body
    if is_feed(raw):
        return FeedRead(url, _parse_feed(raw, url, base=fetched.final_url))
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{url}: binary data, not a web page or a feed")
    html_type = fetched.content_type in ("text/html", "application/xhtml+xml")
    if not html_type and sniff_kind(raw) != "html":
        what = fetched.content_type or "no content type"
        raise ReadError(f"{url}: not a web page or a feed ({what}); nothing was stored")
    decoded = _decode(raw, encoding or entry.encoding, url, note, html=True, header=fetched.charset)
    page = parse_html(decoded.text, url=fetched.final_url)
    doc = WebDocument(text=page.text, meta=page.meta, fetched_url=fetched.final_url)
    doc.path = url
    meta: dict[str, Any] = dict(entry.defaults)
    meta.update(doc.meta)
    return _finish(doc, meta, entry, overrides, url)


def _decode(
    raw: bytes,
    encoding: str | None,
    name: str,
    note: Callable[[str], None] | None,
    *,
    html: bool,
    header: str | None = None,
):  # noqa: ANN202 - a Decoded
    try:
        decoded = decode(raw, encoding, html=html, header=header)
    except DecodeError as exc:
        raise ReadError(f"{name}: {exc}") from None
    if decoded.how and note:
        note(f"decoded {name} as {decoded.encoding} ({decoded.how}; --encoding overrides it)")
    if decoded.repaired and note:
        note(f"repaired double-encoded UTF-8 in {name} (as FranÃ§ois for François)")
    return decoded


def _finish(
    doc: Document,
    meta: dict[str, Any],
    entry: Entry,
    overrides: dict[str, str] | None,
    name: str,
    *,
    plain: bool = False,
) -> Document:
    """Metadata applied in order (META so far < manifest < overrides); ReadError when the
    document holds no text. A PLAIN text's own byline and headline (claimtrack.io.byline)
    give the author and title no metadata gave."""
    meta.update(dict(entry.meta))
    meta.update({k: v for k, v in (overrides or {}).items() if v})
    apply_meta(doc, meta, name)
    if doc.published is None:  # the metadata's day first, else the text's own dateline
        doc.published = dateline(doc.text)
    if plain and doc.author is None:
        doc.author = byline(doc.text)
    if plain and doc.title is None:
        doc.title = headline(doc.text)
    if not doc.text.strip():
        if isinstance(doc, WebDocument):
            raise ReadError(f"{name}: no article text found on the page")
        raise ReadError(f"{name}: no text to ingest")
    return doc


def _parse_feed(raw: bytes, name: str, base: str | None = None) -> Feed:
    try:
        return parse_feed(raw, base)
    except FeedError as exc:
        raise ReadError(f"{name}: {exc}") from None


def feed_entries(read: FeedRead) -> Iterator[Entry | ReadError]:
    """The articles a feed links to, as entries carrying the entry's title and date as
    defaults. A feed fetched from the web links to http(s) URLs only; a feed file may also
    link to files, by paths relative to its folder."""
    name = read.path
    local = not is_url(name) and name not in (STDIN, "<stdin>")  # a feed file, not stdin
    for item in read.feed.entries:
        defaults = tuple(
            (k, v)
            for k, v in (
                ("title", item.title),
                ("published", item.published.isoformat() if item.published else None),
            )
            if v
        )
        link = item.link
        if is_web_url(link):
            yield Entry(link, defaults=defaults, feed=name)
        elif local and not is_url(link) and not link.startswith(("/", "\\")):
            path = Path(name).parent / unquote(link.split("#")[0].split("?")[0])
            if not _exists(path) or not path.is_file():
                yield ReadError(f"{name}: entry {link}: no such file")
                continue
            yield Entry(str(path), defaults=defaults, feed=name)
        else:
            yield ReadError(
                f"{name}: entry {link}: not an http(s) link"
                + (" or a path relative to the feed file" if local else "")
            )


def may_hold_pages(entries: Iterable[Entry]) -> bool:
    """Reading ENTRIES may parse a web page: one is a URL (a page or a feed), stdin, an
    .html file, or a file of another name (a feed, told by its content); only text and
    Markdown files read none. (A .txt file holding a feed is read all the same.)"""
    return any(
        e.is_url or e.path == STDIN or not e.path.lower().endswith(TEXT_SUFFIXES) for e in entries
    )


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
                text = repair(sidecar.read_text(encoding="utf-8-sig"))
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


def parse_html(text: str, url: str | None = None) -> Document:
    """The article of an HTML page (claimtrack.io.page), its metadata in ``meta``."""
    page = read_page(text, url)
    return Document(text=page.text, meta=dict(page.meta))


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
    "language": "language",
    "lang": "language",
}
_LANGUAGE_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")


def given_language(doc: Document) -> str | None:
    """The language the metadata gives (``language: en`` in a sidecar, front matter or
    manifest; a code such as en, fr, en-GB, or an English name such as French), as an ISO
    639 code; None when none is given."""
    value = str(doc.meta.get("language") or "").strip().lower()
    if not value:
        return None
    match = _LANGUAGE_CODE.match(value)
    if match:
        return match.group(1)
    from claimtrack.io.language import NAMES

    for code, name in NAMES.items():
        if name.lower() == value:
            return code
    return None


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
    if "language" in merged:  # kept for ingest, which tells it from the text otherwise
        doc.meta["language"] = str(merged["language"])
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
    *,
    fetcher: Fetcher | None = None,
    known: Callable[[str], bool] | None = None,
) -> Iterator[Document | ReadError | Skipped | FeedRead]:
    """Read entries lazily; a document that can't be read is yielded as its ReadError.

    A feed is yielded as a FeedRead, then each article it links to. A URL for which
    ``known(url)`` is true (already stored, or fetched earlier in the run) is yielded as
    Skipped and not fetched."""
    for entry in entries:
        yield from _items(entry, overrides, encoding, note, fetcher, known)


def _items(
    entry: Entry,
    overrides: dict[str, str] | None,
    encoding: str | None,
    note: Callable[[str], None] | None,
    fetcher: Fetcher | None,
    known: Callable[[str], bool] | None,
) -> Iterator[Document | ReadError | Skipped | FeedRead]:
    if entry.is_url and known is not None and known(entry.path):
        yield Skipped(entry.path)
        return
    got = read_or_error(entry, overrides, encoding, note, fetcher)
    yield from expand(entry, got, overrides, encoding, note, fetcher=fetcher, known=known)


def read_or_error(
    entry: Entry,
    overrides: dict[str, str] | None = None,
    encoding: str | None = None,
    note: Callable[[str], None] | None = None,
    fetcher: Fetcher | None = None,
) -> Document | FeedRead | ReadError:
    """``read_item``, its error given back, not raised (a reader's bug as a ReadError that
    asks for a report): the part of reading an entry that needs nothing of the run, so it
    can run in another process (ingest's workers)."""
    try:
        return read_item(entry, overrides, encoding, note, fetcher)
    except ReadError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a reader bug fails that document only
        return reader_bug(entry.path, exc)


def reader_bug(path: str, exc: BaseException) -> ReadError:
    """The ReadError of a reader's bug on PATH: that document fails, asking for a report."""
    return ReadError(f"{path}: could not be read ({exc!r}); please report it")


def expand(
    entry: Entry,
    got: Document | FeedRead | ReadError,
    overrides: dict[str, str] | None,
    encoding: str | None,
    note: Callable[[str], None] | None,
    *,
    fetcher: Fetcher | None,
    known: Callable[[str], bool] | None,
    each: Callable[[Entry, dict[str, str] | None], Iterator[Any]] | None = None,
) -> Iterator[Any]:
    """What ``iter_documents`` gives for ENTRY once read as GOT (``read_or_error``): a
    document or error as it is; a feed, then each article it links to, read here (or
    what ``each(article, overrides)`` gives for it: ingest's workers read them)."""
    if not isinstance(got, FeedRead):
        yield got
        return
    if entry.feed:
        yield ReadError(
            f"{entry.path}: a feed linked from the feed {entry.feed}; feeds inside feeds are "
            "not followed"
        )
        return
    yield got
    shared = feed_overrides(entry.path, overrides, note)
    for linked in feed_entries(got):
        if isinstance(linked, ReadError):
            yield linked
        elif each is not None:
            yield from each(linked, shared)
        else:
            yield from _items(linked, shared, encoding, note, fetcher, known)


# What names one article: given with a feed it would make every article of the feed that
# article (and the second one with the same URL a duplicate, skipped).
ONE_ARTICLE = ("url", "title")


def feed_overrides(
    feed: str, overrides: dict[str, str] | None, note: Callable[[str], None] | None
) -> dict[str, str] | None:
    """The OVERRIDES that apply to each article of FEED: not those that name one article,
    which are left out with a note."""
    if not overrides or not any(overrides.get(k) for k in ONE_ARTICLE):
        return overrides
    left = [f"--{k}" for k in ONE_ARTICLE if overrides.get(k)]
    if note:
        note(f"{feed}: {' and '.join(left)} name one article, so not applied to a feed's articles")
    return {k: v for k, v in overrides.items() if k not in ONE_ARTICLE}

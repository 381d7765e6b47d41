"""Body F1 of what `claimtrack ingest` stores from web pages, on the public article-extraction
benchmark's pages (``../shared/web-articles``: ``html/KEY.html.gz`` and
``ground-truth.json``)::

    python -m claimtrack.evaluate.web [CORPUS] [--pred PRED.json] [--json]      (make eval-web)

Measured through the command line, as a user would: the pages are unpacked to a temporary
folder outside the repository, ingested by ``claimtrack ingest FOLDER`` into a temporary
SQLite file, and each stored source's text (keyed by its page) is scored with the
benchmark's metric: word 4-gram shingles of the text against the hand-marked article body,
precision and recall per page (every page weighs the same), F1 of the mean precision and
mean recall. A page that is not stored scores 0 (it is listed with the reason given).
``--pred`` writes the texts as ``{key: text}``, for ``../shared/tools/body_score.py``.

Also timed: reading the pages alone (decoding and claimtrack.io.page, no extraction),
next to the whole ingest, to show what the page reader costs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ENV_CORPUS = "CLAIMTRACK_WEB_CORPUS"
_WORD = re.compile(r"\w+", re.UNICODE)


def default_corpus() -> Path:
    """$CLAIMTRACK_WEB_CORPUS, else ``shared/web-articles`` next to the repository."""
    env = os.environ.get(ENV_CORPUS)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "web-articles"


def shingles(text: str, n: int = 4) -> Counter:
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))


def body_score(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """The benchmark's figures: mean precision, mean recall, F1 of the two."""
    precisions, recalls = [], []
    for key, body in truth.items():
        gold, got = shingles(body), shingles(predicted.get(key, ""))
        tp = sum((gold & got).values())
        fp = sum((got - gold).values())
        fn = sum((gold - got).values())
        if not tp + fp + fn:
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0, 4)}


def unpack(corpus: Path, into: Path) -> list[Path]:
    pages = []
    for packed in sorted((corpus / "html").glob("*.html.gz")):
        page = into / packed.name.removesuffix(".gz")
        page.write_bytes(gzip.decompress(packed.read_bytes()))
        pages.append(page)
    return pages


def reading_seconds(pages: list[Path]) -> float:
    """Seconds to decode and read every page (no extraction), as ingest does."""
    from claimtrack.io.readers import Entry, read_entry

    started = time.perf_counter()
    for page in pages:
        try:
            read_entry(Entry(str(page)))
        except Exception:  # noqa: BLE001, S112 - a refused page is timed too
            continue
    return time.perf_counter() - started


def measure(corpus: Path, pred_out: Path | None = None) -> dict:
    truth = {
        key: value.get("articleBody", "")
        for key, value in json.loads((corpus / "ground-truth.json").read_text("utf-8")).items()
    }
    with tempfile.TemporaryDirectory(prefix="claimtrack-web-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        pages = unpack(corpus, folder)
        db = Path(tmp) / "web.db"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "ingest", str(folder), "--db", str(db), "-q"],
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )
        ingest_seconds = time.perf_counter() - started
        if not db.exists():
            raise SystemExit(f"claimtrack ingest stored nothing:\n{done.stderr}")
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT path, text, language FROM sources").fetchall()
        read_seconds = reading_seconds(pages)
    predicted = {Path(path).name.removesuffix(".html"): text for path, text, _ in rows}
    if pred_out:
        pred_out.write_text(json.dumps(predicted, ensure_ascii=False), encoding="utf-8")
    refused = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    languages = Counter(lang or "not told" for _, _, lang in rows)
    return {
        "pages": len(truth),
        "stored": len(predicted),
        "refused": refused,
        "languages": dict(languages.most_common()),
        **body_score(truth, predicted),
        "ingest_seconds": round(ingest_seconds, 1),
        "reading_ms_per_page": round(1000 * read_seconds / max(1, len(pages)), 1),
        "summary": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "",
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m claimtrack.evaluate.web",
        description="Body F1 of the text `claimtrack ingest` stores from web pages.",
    )
    ap.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=None,
        help=f"folder with html/*.html.gz and ground-truth.json (default: ${ENV_CORPUS} or "
        "../shared/web-articles)",
    )
    ap.add_argument("--pred", type=Path, help="also write the stored texts as {key: text}")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not (corpus / "ground-truth.json").is_file():
        print(f"{corpus}: no ground-truth.json (give the benchmark's folder)", file=sys.stderr)
        return 2
    figures = measure(corpus, args.pred)
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    print(
        f"pages: {figures['pages']}, stored: {figures['stored']}, refused: {len(figures['refused'])}"
    )
    for line in figures["refused"]:
        print(f"  {line}")
    print(f"languages: {', '.join(f'{k} {v}' for k, v in figures['languages'].items())}")
    print(f"body: P {figures['p']:.3f}  R {figures['r']:.3f}  F1 {figures['f1']:.3f}")
    print(
        f"time: ingest {figures['ingest_seconds']} s for {figures['pages']} pages; "
        f"reading alone {figures['reading_ms_per_page']} ms a page"
    )
    print(f"ingest said: {figures['summary']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

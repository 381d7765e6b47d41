"""Benchmarks: speed and memory of extraction, ingest and export (``make bench``).

Prints figures; asserts nothing. Corpus: PolNeAR dev texts when ../shared/polnear is
beside the repository (read in place, never copied), else copies of the seed article. Last,
extraction time per character of one 100,000-character paragraph against the same text in
paragraphs (the seed article's paragraphs repeated): at most 2x is the bound.

    python tests/benchmarks/pipeline.py [--docs N] [--db PATH_OR_URL]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLNEAR_DEV = ROOT.parent / "shared" / "polnear" / "dev" / "text"
SEED = ROOT / "seeds" / "000_8a316d92444b8c15.txt"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus(n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))]
    if not texts:
        texts = [SEED.read_text(encoding="utf-8")]
    out = []
    i = 0
    while len(out) < n:
        out.append(f"[{i}]\n" + texts[i % len(texts)])  # distinct content hashes
        i += 1
    return out


LONG_PARAGRAPH = 100_000  # characters


def long_texts(n: int = LONG_PARAGRAPH) -> tuple[str, str]:
    """The seed article's paragraphs repeated to ``n`` characters, joined into one paragraph
    (each heading given a full stop), and the same characters with a line break between the
    article's paragraphs (project-owned text, never PolNeAR's)."""
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = [ln if ln.endswith((".", '"', ":")) else ln + "." for ln in lines]
    paragraphs: list[str] = []
    size = -1
    while size < n:
        ln = lines[len(paragraphs) % len(lines)]
        paragraphs.append(ln)
        size += len(ln) + 1
    return " ".join(paragraphs), "\n".join(paragraphs)


def line(name: str, value: str) -> None:
    print(f"{name:<38} {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=84, help="documents to ingest (default 84)")
    parser.add_argument("--db", default=None, help="database (default: a temporary SQLite file)")
    args = parser.parse_args(argv)

    from claimtrack.extract import extract, extract_batch
    from claimtrack.extract.nlp import load as load_pipeline
    from claimtrack.extract.nlp import one_core

    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)
    source = "PolNeAR dev" if POLNEAR_DEV.is_dir() else "seed copies"
    print(f"corpus: {len(texts)} documents, {words:,} words ({source})")

    t0 = time.perf_counter()
    load_pipeline()
    line("pipeline load", f"{time.perf_counter() - t0:.2f} s")

    list(extract_batch([(texts[0], None)]))  # warm-up, untimed, as in `claimtrack eval`
    t0 = time.perf_counter()
    with one_core():
        n_claims = sum(len(c) for c in extract_batch((t, None) for t in texts))
    dt_extract = time.perf_counter() - t0
    line(
        "extract (one core)",
        f"{words / dt_extract:,.0f} words/s, {len(texts) / dt_extract:.1f} docs/s",
    )
    # the parser's own speed on this machine, for scale: extraction cannot beat it
    from claimtrack.extract.pipeline import BATCH_SIZE
    from claimtrack.extract.segment import segments

    paragraphs = [s.text for t in texts for s in segments(t)]
    t0 = time.perf_counter()
    with one_core():
        for _ in load_pipeline().pipe(paragraphs, batch_size=BATCH_SIZE):
            pass
    line("spaCy parse alone (one core)", f"{words / (time.perf_counter() - t0):,.0f} words/s")
    line("claims found", f"{n_claims:,}")
    line("peak RSS after extraction", f"{peak_rss_mb():,.0f} MB")

    from claimtrack.ingest import ingest
    from claimtrack.io.readers import Entry
    from claimtrack.query.claims import ClaimFilter, iter_rows
    from claimtrack.store.engine import open_engine, session_scope

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        engine = open_engine(args.db or str(Path(tmp) / "bench.db"))
        entries = [Entry(str(p)) for p in sorted(folder.glob("*.txt"))]
        t0 = time.perf_counter()
        result = ingest(engine, entries)
        dt_ingest = time.perf_counter() - t0
        line(
            "ingest (read+extract+store)",
            f"{result.added / dt_ingest:.1f} docs/s, {words / dt_ingest:,.0f} words/s",
        )
        t0 = time.perf_counter()
        result = ingest(engine, entries)
        line("re-ingest (all skipped)", f"{len(entries) / (time.perf_counter() - t0):,.0f} docs/s")
        rss_before = peak_rss_mb()
        t0 = time.perf_counter()
        with session_scope(engine) as session:
            rows = sum(1 for _ in iter_rows(session, ClaimFilter()))
        dt_export = time.perf_counter() - t0
        line("export rows", f"{rows / dt_export:,.0f} rows/s ({rows:,} rows)")
        line("peak RSS growth during export", f"{peak_rss_mb() - rss_before:,.1f} MB")
        line("peak RSS overall", f"{peak_rss_mb():,.0f} MB")
    # a long paragraph must cost what the same text costs in paragraphs (per character); the
    # best of two runs each, taken in turn, as other work on the machine slows either
    one, split = long_texts()
    per_char: dict[str, tuple[float, int]] = {}
    for _ in range(2):
        for name, text in (("one", one), ("split", split)):
            t0 = time.perf_counter()
            with one_core():
                claims = extract(text)
            us = (time.perf_counter() - t0) / len(text) * 1e6
            per_char[name] = min(per_char.get(name, (us, 0))[0], us), len(claims)
    (us_one, c_one), (us_split, c_split) = per_char["one"], per_char["split"]
    line(
        "long paragraph (one core)",
        f"{us_one:.1f} us/char in one {len(one):,}-char paragraph ({c_one} claims), "
        f"{us_split:.1f} in paragraphs ({c_split} claims): {us_one / us_split:.2f}x",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

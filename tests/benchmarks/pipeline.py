"""Benchmarks: speed and memory of extraction, ingest and export (``make bench``).

Prints figures; asserts nothing. Corpus: PolNeAR dev texts when ../shared/polnear is
beside the repository (read in place, never copied), else copies of the seed article. Last,
extraction time per character of one 100,000-character paragraph against the same text in
paragraphs (the seed article's paragraphs repeated): at most 2x is the bound; and the repair of
garbled text over a 150,000-character run without spaces (a page's inline image data) against
the same characters with a space every 40, per character: the same order is the bound (the
unanchored pattern of issue 16's web pages took more than 1,000x the spaced time here:
about 100 s of CPU for the run).

    python tests/benchmarks/pipeline.py [--docs N] [--db PATH_OR_URL] [--rounds 2]
        [--big-claims 200000] [--store-docs 20]

Then two paired comparisons, each a ratio against a reference measured in the same run,
interleaved (reference, new, reference, new), so that other work on the machine slows both:
``ingest --workers 2`` against ``--workers 1`` (the same documents into new SQLite files,
ROUNDS rounds each, the best of each side), and the store time of STORE_DOCS extracted
articles into a big database (the corpus grown to BIG_CLAIMS claims by bulk copies, as in
scale.py) against the same into the corpus alone, document by document, rolled back after.
"""

from __future__ import annotations

import argparse
import contextlib
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
    parser.add_argument("--rounds", type=int, default=2, help="runs of each side (default 2)")
    parser.add_argument("--big-claims", type=int, default=200_000)
    parser.add_argument("--store-docs", type=int, default=20)
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
    dt_parse = time.perf_counter() - t0
    line("spaCy parse alone (one core)", f"{words / dt_parse:,.0f} words/s")
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
        line("ingest / parse alone", f"{dt_ingest / dt_parse:.2f}x")
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
        engine.dispose()
        compare_workers(entries, Path(tmp), args.rounds)
        if not args.db:
            compare_store(Path(tmp) / "bench.db", texts, args.big_claims, args.store_docs)
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
    from claimtrack.io.decoding import repair

    run = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" * 4_700  # about 150,000 characters, no space
    garbled = "Ã©t\u0303e "  # a decomposed garbled word beside it, so the repair looks
    pages = {
        "run": garbled + run,
        "spaced": garbled + " ".join(run[i : i + 40] for i in range(0, len(run), 40)),
    }
    best: dict[str, float] = {}
    for _ in range(2):
        for name, page in pages.items():
            t0 = time.process_time()
            repair(page)
            best[name] = min(best.get(name, 1e9), (time.process_time() - t0) / len(page) * 1e9)
    line(
        "repair, run without spaces",
        f"{best['run']:.1f} ns/char in one {len(run):,}-char run, {best['spaced']:.1f} spaced: "
        f"{best['run'] / best['spaced']:.2f}x",
    )
    return 0


def compare_workers(entries: list, tmp: Path, rounds: int) -> None:
    """`ingest --workers 2` against `--workers 1`, each into a new SQLite file, interleaved.
    `--workers 1` is run twice a round: on one core (numpy's BLAS kept to one thread, as
    each worker is) and as it runs by default, where BLAS parses with a second thread: the
    first is the reference for "N workers use N cores", the second what a user who leaves
    the cores to one process gets."""
    from claimtrack.extract.nlp import one_core
    from claimtrack.ingest import ingest
    from claimtrack.store.engine import open_engine

    arms = {"1, one core": (1, True), "1": (1, False), "2": (2, False)}
    best: dict[str, float] = {}
    for r in range(rounds):
        for i, (name, (workers, single)) in enumerate(arms.items()):
            engine = open_engine(str(tmp / f"workers-{i}-{r}.db"))
            t0 = time.perf_counter()
            with one_core() if single else contextlib.nullcontext():
                ingest(engine, entries, workers=workers)
            took = time.perf_counter() - t0
            engine.dispose()
            best[name] = min(best.get(name, took), took)
    one, blas, two = best["1, one core"], best["1"], best["2"]
    line(
        "ingest --workers 2 vs 1 on one core",
        f"speed-up {one / two:.2f}x ({one:.1f} s with 1, {two:.1f} s with 2, best of {rounds})",
    )
    line(
        "ingest --workers 2 vs 1, BLAS threads",
        f"speed-up {blas / two:.2f}x ({blas:.1f} s with 1 as it runs by default)",
    )


def compare_store(small_db: Path, texts: list[str], big_claims: int, docs: int) -> None:
    """Store time of DOCS extracted articles into the corpus grown to BIG_CLAIMS claims
    against the corpus alone (a copy of the same file), document by document, in turn."""
    import shutil

    from scale import grow  # tests/benchmarks/scale.py, beside this file
    from sqlalchemy.orm import Session

    from claimtrack.extract import extract_batch
    from claimtrack.io.document import Document
    from claimtrack.store.engine import make_engine, resolve_url
    from claimtrack.store.writes import ensure_taxonomy, store_document

    big_db = small_db.with_name("big.db")
    shutil.copy(small_db, big_db)
    n = grow(resolve_url(str(big_db)), big_claims)
    chosen = [f"(stored again {i})\n" + t for i, t in enumerate(texts[:docs])]
    found = list(zip(chosen, extract_batch((t, None) for t in chosen), strict=True))
    engines = {
        n: make_engine(resolve_url(str(p))) for n, p in (("small", small_db), ("big", big_db))
    }
    total = {"small": 0.0, "big": 0.0}
    for i, (text, claims) in enumerate(found):
        for name in ("small", "big") if i % 2 == 0 else ("big", "small"):
            with Session(engines[name]) as s:
                topics = ensure_taxonomy(s)
                t0 = time.perf_counter()
                store_document(s, Document(text=text, path=f"again-{i}.txt"), claims, topics)
                s.flush()
                total[name] += time.perf_counter() - t0
                s.rollback()
    for engine in engines.values():
        engine.dispose()
    line(
        f"store into {n:,} claims vs the corpus",
        f"{total['big'] / total['small']:.2f}x ({total['big'] * 1000:,.0f} ms vs"
        f" {total['small'] * 1000:,.0f} ms for {len(found)} articles)",
    )


if __name__ == "__main__":
    raise SystemExit(main())

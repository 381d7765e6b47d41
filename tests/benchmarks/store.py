"""Benchmark: the cost of storing PolNeAR dev with its extraction given (issue 16).

Prints figures; asserts nothing. The extraction is done once and kept in a pickle (a path
outside the repository: the texts are not ours to copy), so each run times storing alone:
each article in its own transaction, as ``claimtrack eval`` stores the corpus, then
``resolve_after``, into a new database. Run it from two checkouts in turn (one, the other,
one, the other) to compare them: the CPU of storing and of ``resolve_after``
(``time.process_time``) is what to read on a shared machine.

    python tests/benchmarks/store.py extract CACHE.pkl [--train N]
    python tests/benchmarks/store.py store CACHE.pkl DB_PATH_OR_URL [--dump OUT] [--profile OUT]

``--dump`` writes every table's rows, sorted, the ``*_at`` timestamps blanked: two trees
that store the same rows write the same file. ``--profile`` writes a cProfile (CPU clock) of
storing and ``resolve_after``.
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "polnear"


def extract(cache: Path, train: int | None) -> None:
    from claimtrack.evaluate.run import _default_extractor
    from claimtrack.extract.learned.corpus import load_corpus

    docs = load_corpus(POLNEAR / ("train" if train else "dev"), train)
    claims = list(_default_extractor(True)([(d.text, d.published) for d in docs]))
    with cache.open("wb") as f:
        pickle.dump((docs, claims), f)
    print(f"{len(docs)} articles, {sum(map(len, claims)):,} claims extracted into {cache}")


def store(cache: Path, db: str, dump: Path | None, profile: Path | None) -> None:
    from claimtrack.io.document import Document
    from claimtrack.store.engine import create_schema, make_engine, run_transaction
    from claimtrack.store.resolve import resolve_after
    from claimtrack.store.writes import ensure_taxonomy, store_document

    with cache.open("rb") as f:
        docs, claims = pickle.load(f)  # noqa: S301 (our own file)
    if "://" not in db:
        Path(db).unlink(missing_ok=True)
        db = f"sqlite:///{db}"
    create_schema(db)
    engine = make_engine(db)
    topics = run_transaction(engine, ensure_taxonomy)
    profiler = cProfile.Profile(time.process_time) if profile else None
    if profiler:
        profiler.enable()
    t0, stored = time.process_time(), []
    for doc, found in zip(docs, claims, strict=True):
        d = Document(text=doc.text, path=f"{doc.name}.txt", published=doc.published,
                     author=doc.author)  # fmt: skip
        stored.append(run_transaction(engine, lambda s, d=d, c=found: store_document(s, d, c, topics).id))  # fmt: skip
    t1 = time.process_time()
    resolve_after(engine, stored)
    t2 = time.process_time()
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    print(f"storing {t1 - t0:.3f} s of CPU, resolve_after {t2 - t1:.3f} s ({len(docs)} articles)")
    if dump:
        write_dump(engine, dump)
    engine.dispose()


def write_dump(engine, out: Path) -> None:  # noqa: ANN001
    from sqlalchemy import inspect, text

    with engine.connect() as conn, out.open("w") as f:
        for name in sorted(inspect(conn).get_table_names()):
            result = conn.execute(text(f'SELECT * FROM "{name}"'))
            columns = list(result.keys())
            blank = {i for i, c in enumerate(columns) if c.endswith("_at")}
            rows = sorted(
                repr(tuple(None if i in blank else v for i, v in enumerate(r))) for r in result
            )
            f.write(f"== {name} {columns} {len(rows)}\n" + "".join(r + "\n" for r in rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract")
    ext.add_argument("cache", type=Path)
    ext.add_argument("--train", type=int, default=None, help="the first N train articles")
    sto = sub.add_parser("store")
    sto.add_argument("cache", type=Path)
    sto.add_argument("db")
    sto.add_argument("--dump", type=Path, default=None)
    sto.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract(args.cache, args.train)
    else:
        store(args.cache, args.db, args.dump, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""CSV and TSV export through cells the database makes (query/export.py) write the same bytes
as the rows who-said builds (iter_rows + write_records), on SQLite and PostgreSQL: for every
column option, with the cells that need care (spreadsheet formulas, a carriage return,
quotes and commas, several speakers and topics, appearances, dates said at every precision,
floats Python writes its own way)."""

from __future__ import annotations

import datetime as dt
import io
import time

from sqlalchemy import text

from claimtrack.io.writers import (
    cell_lines,
    quoted_whole,
    text_lines,
    write_lines,
    write_records,
)
from claimtrack.query.claims import iter_rows
from claimtrack.query.columns import (
    BEST_DAY_COLUMNS,
    CORRECTION_COLUMNS,
    EXPORT_COLUMNS,
    LISTING_COLUMNS,
)
from claimtrack.query.dating import DATE_COLUMNS
from claimtrack.query.export import cell_query, copy_lines, iter_cells, text_query
from claimtrack.query.filters import ClaimFilter
from claimtrack.store import engine as dbmod
from claimtrack.store.time_limit import time_limited
from tests.handmade import store_articles

EVERY = LISTING_COLUMNS + ("found_by",) + BEST_DAY_COLUMNS + CORRECTION_COLUMNS
EVERY += ("speakers",) + DATE_COLUMNS

# (said_earliest, said_latest): a year, a month (leap and not), a day, a range, open ends,
# nothing, and bounds that look like a year or a month but are not one
BOUNDS = [
    ("2024-01-01", "2024-12-31"),
    ("2024-02-01", "2024-02-29"),
    ("2023-02-01", "2023-02-28"),
    ("2024-06-01", "2024-06-01"),
    ("2024-03-04", "2024-03-10"),
    (None, "2024-05-01"),
    ("2024-05-02", None),
    (None, None),
    ("2024-01-01", "2024-12-30"),
    ("2024-04-01", "2024-04-29"),
]
CONFIDENCES = [1.0, 0.1 + 0.2, 1e-05, 0.5, 0.0]


def _awkward(db: str) -> None:
    """The hand-made articles, then cells that need care, set in the database."""
    store_articles(db)
    engine = dbmod.open_engine(db)
    with engine.begin() as conn:
        ids = list(conn.execute(text("SELECT id FROM claims ORDER BY id")).scalars())
        for i, claim_id in enumerate(ids):
            early, late = BOUNDS[i % len(BOUNDS)]
            conn.execute(
                text(
                    "UPDATE claims SET said_earliest = :e, said_latest = :l, confidence = :c"
                    " WHERE id = :id"
                ),
                {"e": early, "l": late, "c": CONFIDENCES[i % len(CONFIDENCES)], "id": claim_id},
            )
        edits = [
            "UPDATE claims SET content = '=SUM(A1), \"so\" it goes' WHERE id = :a",
            "UPDATE claims SET content = 'one line' || char(13) || 'and another' WHERE id = :b",
            "UPDATE claims SET hedged = true, short_text = '+ten percent' WHERE id = :b",
            "UPDATE claims SET rejected = 'duplicate', quote = '@desk' WHERE id = :c",
            "UPDATE sources SET title = '-minus, a title', outlet = '@Desk' WHERE id = 1",
            "UPDATE claims SET speaker_mention = 'Tab' || char(9) || 'bed' WHERE id = :c",
            # a line break, non-ASCII text, curly quotes; empty text (not NULL)
            "UPDATE claims SET content = 'Zoë: two' || char(10) || 'lines, “so”' WHERE id = :d",
            "UPDATE claims SET quote = '', date_text = '' WHERE id = :d",
        ]
        for sql in edits:
            sql = sql if "char(" not in sql or "://" not in db else sql.replace("char(", "chr(")
            conn.execute(text(sql), {"a": ids[0], "b": ids[1], "c": ids[2], "d": ids[4]})
        conn.execute(
            text(
                "INSERT INTO actors (name, name_key, kind, created_at, claim_count)"
                " VALUES ('Lee, \"Jr.\"', 'lee jr', 'person', CURRENT_TIMESTAMP, 0)"
            )
        )
        lee = conn.execute(text("SELECT id FROM actors WHERE name_key = 'lee jr'")).scalar()
        conn.execute(
            text("INSERT INTO claim_speakers (claim_id, actor_id, position) VALUES (:c, :a, 1)"),
            {"c": ids[0], "a": lee},
        )
        topics = list(
            conn.execute(text("SELECT id FROM topics ORDER BY slug DESC LIMIT 3")).scalars()
        )
        for topic_id in topics:
            conn.execute(
                text(
                    "INSERT INTO claim_topics (claim_id, topic_id, via) VALUES (:c, :t, 'manual')"
                ),
                {"c": ids[3], "t": topic_id},
            )
    engine.dispose()


def _both(db: str, flt: ClaimFilter, columns, fmt: str, bom: bool = False) -> tuple[str, str]:
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as s:
        rows, cells = io.StringIO(), io.StringIO()
        n = write_records(iter_rows(s, flt), columns, fmt, rows, bom=bom)
        lines = cell_lines("," if fmt == "csv" else "\t")
        batches = iter_cells(s, cell_query(s, flt, columns), batch=3)
        m = write_lines(((len(b), lines(b)) for b in batches), columns, fmt, cells, bom=bom)
        if engine.dialect.name == "sqlite":  # and every cell as text, joined (text_lines)
            texts, joined = io.StringIO(), text_lines("," if fmt == "csv" else "\t", len(columns))
            batches = iter_cells(s, text_query(s, flt, columns), batch=3)
            made = ((len(b), joined(b)) for b in batches)
            assert write_lines(made, columns, fmt, texts, bom=bom) == n
            assert texts.getvalue() == rows.getvalue()
        if engine.dialect.name == "postgresql":  # and the lines PostgreSQL's COPY writes
            copied = io.StringIO()
            lines = copy_lines(s, flt, columns, "," if fmt == "csv" else "\t", batch=3)
            assert write_lines(lines, columns, fmt, copied, bom=bom) == n
            assert copied.getvalue() == rows.getvalue()
    engine.dispose()
    assert n == m
    return rows.getvalue(), cells.getvalue()


def test_cells_are_the_rows_written(db_url):
    _awkward(db_url)
    for flt in (ClaimFilter(), ClaimFilter(include_rejected=True, newest_first=True)):
        for columns in (EXPORT_COLUMNS, EVERY):
            for fmt in ("csv", "tsv"):
                rows, cells = _both(db_url, flt, columns, fmt)
                assert cells == rows
    rows, cells = _both(db_url, ClaimFilter(include_rejected=True), EVERY, "csv", bom=True)
    assert cells == rows
    # the awkward cells were there to be written
    assert rows.startswith("\ufeffclaim_id,")
    for made in ('\'=SUM(A1), ""so"" it goes', "'-minus, a title", "'@Desk", "'+ten percent"):
        assert made in rows
    assert '"one line\rand another"' in rows  # its row quoted whole
    for said in (",2024,", ",2024-02,", ",2023-02,", ",../2024-05-01,", ",2024-05-02/..,"):
        assert said in rows
    assert ",2024-01-01/2024-12-30," in rows and ",2024-04-01/2024-04-29," in rows
    assert ",0.30000000000000004," in rows and ",1e-05," in rows and ",1.0," in rows
    assert ",0.0," in rows
    assert 'Lee, ""Jr.""' in rows
    assert '"Zoë: two\nlines, “so”"' in rows


def test_a_filtered_and_limited_export(db_url):
    _awkward(db_url)
    filters = [ClaimFilter(limit=4), ClaimFilter(topic="conflict"), ClaimFilter(actor="Trump")]
    # parameters of every type (PostgreSQL's COPY takes them bound client-side)
    filters.append(ClaimFilter(since=dt.date(2020, 1, 1), min_confidence=0.2, search="Trump"))
    filters.append(ClaimFilter(search="Trump's", outlet="Nowhere at all"))  # a quote; no row
    for flt in filters:
        rows, cells = _both(db_url, flt, EVERY, "csv")
        assert cells == rows
        assert rows.count("\n") > 1 or flt.outlet


def test_the_export_command_writes_the_cells(cli, db_url):
    _awkward(db_url)
    out = cli("export", "--speakers", "--dates", "--appearances", db=db_url).stdout
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as s:
        columns = LISTING_COLUMNS + ("speakers",) + DATE_COLUMNS
        rows = io.StringIO()
        write_records(iter_rows(s, ClaimFilter()), columns, "csv", rows)
    engine.dispose()
    assert out == rows.getvalue()


# 100,000 rows, streamed: SQLite looks at the clock every 10,000 steps of its machine
COUNTING = {
    "sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
    "WHERE x < 100000) SELECT x FROM n",
    "postgresql": "SELECT x FROM generate_series(1, 100000) AS x",
}


def test_the_time_limit_holds_for_each_batch_of_a_stream(db_url):
    """A stream read slowly (CPU spent between batches) is not stopped while each batch
    stays within the limit (SQLite counts the CPU time since the statement, or the last
    batch, began; PostgreSQL each FETCH)."""
    store_articles(db_url)
    engine = dbmod.open_engine(db_url)
    # a batch takes milliseconds; the limit leaves a wide margin for a busy machine (a
    # virtual CPU's stolen time counts as the thread's), while the 1.5 s of CPU spent between
    # batches is well over it: the test fails if that time were counted
    with dbmod.session_scope(engine) as s, time_limited(s, 1.0):
        stmt = text(COUNTING[engine.dialect.name])
        seen = 0
        for batch in iter_cells(s, stmt, batch=10_000):
            busy = time.thread_time() + 0.15
            while time.thread_time() < busy:
                pass
            seen += len(batch)
        assert seen == 100_000
    engine.dispose()


def test_a_line_quoted_whole():
    """A row holding a carriage return, as COPY writes it (only that cell quoted), becomes the
    row csv_writer writes: every cell quoted, NULL and empty alike."""
    line = 'Ann,"two\rlines","say ""hi"", then",,7\n'
    assert quoted_whole(line, ",") == '"Ann","two\rlines","say ""hi"", then","","7"\n'
    assert quoted_whole('a\t"b\rc"\tx,y\n', "\t") == '"a"\t"b\rc"\t"x,y"\n'


def test_a_slowly_read_copy_is_not_stopped(db_url):
    """PostgreSQL's COPY is one statement for the whole export: the time limit holds for the
    waits for the server, not for the time the reader spends writing (here 0.8 s a block,
    over the 0.5 s limit: the test fails if that time were counted)."""
    if "://" not in db_url:
        return  # SQLite has no COPY (its stream: test_the_time_limit_holds_for_each_batch...)
    store_articles(db_url)
    engine = dbmod.open_engine(db_url)
    seen = 0
    with dbmod.session_scope(engine) as s, time_limited(s, 0.5):
        for rows, _text in copy_lines(s, ClaimFilter(), EXPORT_COLUMNS, batch=4):
            time.sleep(0.8)
            seen += rows
        # the transaction's later statements are held to the limit again
        limit = s.execute(text("SELECT current_setting('statement_timeout')")).scalar()
        assert limit == "500ms"
    engine.dispose()
    assert seen > 8

"""text_lines (the SQLite export's CSV and TSV from cells that are text already) writes the
bytes cell_lines (csv.writer) writes for the same cells, for every awkward character, and
write_lines puts its bytes out as they are where the output writes UTF-8; SQLite gives a
float as text only where that text is the one Python writes."""

from __future__ import annotations

import io
import random

import pytest
from sqlalchemy import Float, create_engine, literal, select

from claimtrack.io.writers import cell_lines, text_lines, write_lines
from claimtrack.query.export import _confidence_text

# the characters csv.writer quotes for, a carriage return (its row quoted whole), a NUL,
# separators of other formats, a formula start, non-ASCII text
AWKWARD = [",", '"', "\n", "\r", "\t", " ", "\x00", "\x1f", "=", "é", "“", "a", "bc"]


def _cell(rng: random.Random) -> str:
    if rng.random() < 0.5:  # most cells need nothing
        return rng.choice(["", "plain", "12", "2024-05-01", "true"])
    return "".join(rng.choice(AWKWARD) for _ in range(rng.randint(1, 5)))


@pytest.mark.parametrize("delimiter", [",", "\t"])
@pytest.mark.parametrize("width", [1, 2, 7])
def test_the_bytes_of_csv_writer(delimiter, width):
    rng = random.Random(16 * width + len(delimiter))
    slow, fast = cell_lines(delimiter), text_lines(delimiter, width)
    for _ in range(200):
        batch = [tuple(_cell(rng) for _ in range(width)) for _ in range(rng.randint(1, 6))]
        assert fast(batch) == slow(batch).encode("utf-8"), batch
    assert fast([("",) * width]) == slow([("",) * width]).encode()  # '""' when one cell
    assert fast([]) == b""


def test_a_cell_not_text_goes_to_csv_writer():
    fast = text_lines(",", 3)
    batch = [("a", "b,c", "d"), ("1", 0.30000000000000004, "x\ny")]
    assert fast(batch) == b'a,"b,c",d\n1,0.30000000000000004,"x\ny"\n'


def test_quoting_only_the_cells_that_need_it():
    fast = text_lines(",", 4)
    assert fast([("1", 'He said, "no"', "", "ok")]) == b'1,"He said, ""no""",,ok\n'
    assert fast([("1", "one\rtwo", "", "ok")]) == b'"1","one\rtwo","","ok"\n'  # whole row
    tsv = text_lines("\t", 2)
    assert tsv([("a,b", "c\td")]) == b'a,b\t"c\td"\n'


def _written(out_of, blocks) -> bytes:
    raw = io.BytesIO()
    out = out_of(raw)
    assert write_lines(iter(blocks), ("a", "b"), "csv", out, bom=True) == 3
    out.flush()
    return raw.getvalue()


def test_bytes_written_as_they_are_or_decoded():
    blocks = [(1, "x,é\n"), (1, "y,“z”\n".encode()), (1, "w,1\n")]  # text, bytes, text
    utf8 = _written(lambda r: io.TextIOWrapper(r, encoding="utf-8", newline=""), blocks)
    assert utf8 == "\ufeffa,b\nx,é\ny,“z”\nw,1\n".encode()
    latin = _written(lambda r: io.TextIOWrapper(r, encoding="utf-16", newline=""), blocks)
    assert latin.decode("utf-16") == utf8.decode("utf-8")  # decoded, then its encoding
    text = io.StringIO()
    write_lines(iter(blocks), ("a", "b"), "csv", text)
    assert text.getvalue() == "a,b\nx,é\ny,“z”\nw,1\n"


def test_sqlite_gives_a_float_as_text_only_as_python_writes_it():
    rng = random.Random(16)
    values = [0.973, 1.0, 0.0, 0.5, 0.1 + 0.2, 1e-05, 1e-4, 9.99e-05, 1 / 3, 2 / 3, 123456.789]
    values += [1e15, 1e15 - 1, 2.0**53, -0.25, 1e300, 5e-324]
    values += [round(rng.random(), 3) for _ in range(300)] + [rng.random() for _ in range(300)]
    values += [rng.uniform(-1e16, 1e16) for _ in range(100)]
    engine = create_engine("sqlite://")
    texts = 0
    with engine.connect() as conn:
        for v in values:
            got = conn.execute(select(_confidence_text(literal(v, Float)))).scalar()
            if isinstance(got, str):
                assert got == repr(v), v
                texts += 1
            else:
                assert got == v  # the float itself: csv.writer writes it
        assert conn.execute(select(_confidence_text(literal(None, Float)))).scalar() == ""
    engine.dispose()
    assert texts > 300  # the stored kind (three decimals) comes as text

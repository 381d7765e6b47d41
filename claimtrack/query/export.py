"""CSV and TSV export at the database client's speed: one SELECT that makes every cell.

``iter_rows`` builds a dict per row (typed values, for JSON and the tables) with a query per
batch for topics, speakers and appearance counts. An export to CSV or TSV needs none of
that: ``cell_query`` asks the database for the cells themselves, in the export's column
order, as ``write_records`` writes them (``safe_cell``): text with a leading ``'`` when a
spreadsheet would run it as a formula, ``true``/``false`` for hedged, dates as ISO days,
topics and speakers joined in the database (``group_concat`` / ``string_agg``), appearance
counts from the ``same_as_id`` index. The rows stream in the listing's order, read from its
index: memory stays flat and nothing is sorted on disk. On SQLite they come from the driver's
cursor as its own tuples of text (``text_query``, ``iter_cells``; ``text_lines`` joins
them), made by two processes when a core is idle (``export_split.py``); on PostgreSQL the server writes the CSV itself,
``COPY (SELECT ...) TO STDOUT`` (``copy_lines``), its cells made so that its bytes are
cell_lines'.

``said`` (the date said at its precision) is made by the same rules as ``said_label``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import (
    Column,
    ColumnElement,
    Float,
    Select,
    String,
    Text,
    case,
    cast,
    func,
    literal,
    select,
    text,
    type_coerce,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

from claimtrack.io.writers import FORMULA_START, quoted_whole
from claimtrack.query.claims import claims_query
from claimtrack.query.filters import ClaimFilter
from claimtrack.store.handle import connection_of, dialect_name, engine_of
from claimtrack.store.tables import (
    Actor,
    Claim,
    ClaimSpeaker,
    ClaimTopic,
    Source,
    Topic,
    aliased,
)
from claimtrack.store.time_limit import lap, waiting_limited

if TYPE_CHECKING:  # the asking commands pass a Core connection: no ORM (issue 16)
    from claimtrack.store.handle import Db

BATCH = 2_000  # rows fetched at a time (one FETCH of the server-side cursor on PostgreSQL)

# plain columns: their cells are the values as stored
_INTS = {
    "claim_id": Claim.id,
    "speaker_start": Claim.speaker_start,
    "speaker_end": Claim.speaker_end,
    "cue_start": Claim.cue_start,
    "cue_end": Claim.cue_end,
    "content_start": Claim.content_start,
    "content_end": Claim.content_end,
    "confidence": Claim.confidence,  # a float, written as Python writes it (as write_records)
    "first_seen_claim_id": func.coalesce(Claim.same_as_id, Claim.id),
}
_TEXTS = {
    "source_path": Source.path,
    "source_title": Source.title,
    "source_outlet": Source.outlet,
    "source_url": Source.url,
    "speaker": Actor.name,
    "speaker_kind": Actor.kind,
    "speaker_role": Actor.role,
    "speaker_affiliation": Actor.affiliation,
    "speaker_mention": Claim.speaker_mention,
    "cue": Claim.cue,
    "content": Claim.content,
    "quote": Claim.quote,
    "attribution": Claim.attribution,
    "date_precision": Claim.date_precision,
    "date_relation": Claim.date_relation,
    "date_text": Claim.date_text,
    "status": Claim.status,
    "found_by": Claim.found_by,
    "short_text": Claim.short_text,
    "rejected": Claim.rejected,
    "date_via": func.coalesce(Claim.date_via, "none"),
}
_DAYS = {
    "published_on": Source.published_on,
    "said_on": Claim.said_on,
    "said_earliest": Claim.said_earliest,
    "said_latest": Claim.said_latest,
}


def _day(dialect: str, column):  # noqa: ANN001, ANN202
    """A date column as its ISO day, read as text (SQLite stores it so: no date objects)."""
    if dialect == "postgresql":
        return func.to_char(column, "YYYY-MM-DD", type_=String)
    return type_coerce(column, String)


def _safe(text):  # noqa: ANN001, ANN202
    """TEXT with a leading ' when it starts as a spreadsheet formula (safe_cell)."""
    first = func.substr(text, 1, 1)
    return case((first.in_(FORMULA_START), literal("'", String) + text), else_=text)


def _joined(dialect: str, inner: Select, value, order, sep: str):  # noqa: ANN001, ANN202
    """VALUE over INNER's rows (correlated to the claim), in ORDER, joined by SEP, made
    safe; NULL for none. SQLite before 3.44 orders group_concat only through an ordered
    subquery."""
    if dialect == "postgresql":
        agg = func.aggregate_strings(value, sep).aggregate_order_by(*order)
        return inner.with_only_columns(_safe(agg)).scalar_subquery()
    rows = inner.with_only_columns(value.label("v")).order_by(*order).correlate(Claim)
    agg = func.group_concat(rows.subquery().c.v, sep, type_=String)
    return select(_safe(agg)).scalar_subquery()


def _topics(dialect: str):  # noqa: ANN202
    inner = select(Topic.slug).join(ClaimTopic, Topic.id == ClaimTopic.topic_id)
    inner = inner.where(ClaimTopic.claim_id == Claim.id)
    return _joined(dialect, inner, Topic.slug, (Topic.slug,), ";")


def _speakers(dialect: str):  # noqa: ANN202
    who = aliased(Actor)  # not the listing's own actors row
    inner = select(who.name).join(ClaimSpeaker, ClaimSpeaker.actor_id == who.id)
    inner = inner.where(ClaimSpeaker.claim_id == Claim.id)
    return _joined(dialect, inner, who.name, (ClaimSpeaker.position,), "; ")


def _appearances():  # noqa: ANN202
    """1 + the other appearances of the claim's first appearance (ix_claims_same_as_id)."""
    other = aliased(Claim)
    first = func.coalesce(Claim.same_as_id, Claim.id)
    n = select(func.count()).select_from(other).where(other.same_as_id == first)
    return 1 + n.scalar_subquery()


def _day_basis(dialect: str):  # noqa: ANN001, ANN202
    said = (Claim.said_on.is_not(None) & (Claim.date_relation == "on"), "said")
    return case(said, (Source.published_on.is_not(None), "published"), else_="")


def _best_day(dialect: str):  # noqa: ANN202
    said = Claim.said_on.is_not(None) & (Claim.date_relation == "on")
    return case((said, _day(dialect, Claim.said_on)), else_=_day(dialect, Source.published_on))


def _month_end(dialect: str, day):  # noqa: ANN001, ANN202
    if dialect == "postgresql":
        return _day(dialect, func.date_trunc("month", day) + text("interval '1 month - 1 day'"))
    return func.date(day, "start of month", "+1 month", "-1 day", type_=String)


def _said(dialect: str):  # noqa: ANN202
    """said_label in SQL: ../LATEST, EARLIEST/.., a day, a whole year (YYYY), a whole month
    (YYYY-MM), else EARLIEST/LATEST; NULL when neither bound is known."""
    e, l_ = _day(dialect, Claim.said_earliest), _day(dialect, Claim.said_latest)
    year = func.substr(e, 1, 4, type_=String)
    whole_year = (func.substr(e, 6, 5) == "01-01") & (l_ == year + "-12-31")
    whole_month = (func.substr(e, 9, 2) == "01") & (l_ == _month_end(dialect, Claim.said_earliest))
    return case(
        (Claim.said_earliest.is_(None) & Claim.said_latest.is_(None), None),
        (Claim.said_earliest.is_(None), "../" + l_),
        (Claim.said_latest.is_(None), e + "/.."),
        (e == l_, e),
        (whole_year, year),
        (whole_month, func.substr(e, 1, 7, type_=String)),
        else_=e + "/" + l_,
    )


def cell(dialect: str, name: str):  # noqa: ANN202
    """The SQL that makes column NAME's cell (as text, or a number written as Python does)."""
    if name in _INTS:
        return _INTS[name]
    if name in _DAYS:
        return _day(dialect, _DAYS[name])
    made = {
        "hedged": lambda: case((Claim.hedged, "true"), else_="false"),
        "topics": lambda: _topics(dialect),
        "speakers": lambda: _speakers(dialect),
        "appearances": _appearances,
        "day_basis": lambda: _day_basis(dialect),
        "best_day": lambda: _best_day(dialect),
        "said": lambda: _said(dialect),
    }
    if name in made:
        return made[name]()
    if name in _TEXTS:
        return _safe(_TEXTS[name])
    raise ValueError(f"no export cell for the column {name!r}")


def cells_query(
    session: Db, flt: ClaimFilter, columns: Sequence[str], made: Callable[[str], ColumnElement]
) -> Select:
    """The claims FLT finds, every appearance a row, in the listing's order, as the cells
    MADE makes of COLUMNS, one a column (a bad filter raises its UserError here, before
    anything is written): cell_query, text_query and copy_statement differ in MADE alone."""
    stmt = claims_query(session, flt).with_only_columns(*(made(c) for c in columns))
    return stmt if flt.limit is None else stmt.limit(flt.limit)


def cell_query(session: Db, flt: ClaimFilter, columns: Sequence[str]) -> Select:
    """The cells of COLUMNS as the database makes them (cell)."""
    dialect = dialect_name(session)
    return cells_query(session, flt, columns, lambda name: cell(dialect, name))


# ---- SQLite: every cell as text, for text_lines (no csv.writer over every character) -------

# cells never NULL whatever the row: made so, or a NOT NULL column of claims or sources
# (the actors are outer-joined: their columns are NULL for a claim without a speaker)
_NEVER_NULL = {"claim_id", "hedged", "appearances", "first_seen_claim_id", "date_via"} | {
    name
    for name, made in (_INTS | _TEXTS | _DAYS).items()
    if isinstance(made, Column) and not made.nullable and made.table.name != "actors"
}


def _confidence_text(made):  # noqa: ANN001, ANN202
    """A float as the text Python writes for it (repr), where SQLite's own text of it is
    that: at or above 1e-4 and below 1e15 (Python's plain notation; SQLite writes 15
    significant digits, no exponent there) and read back as the same float (then no shorter
    text is: at most one 15-digit decimal lies within half a unit of a double). Else the
    float itself, which text_lines hands to csv.writer (the stored confidences, three
    decimals, are all text)."""
    size = func.abs(made)
    plain = (size >= 1e-4) & (size < 1e15) & (cast(cast(made, String), Float) == made)
    return case((made.is_(None), ""), (plain, cast(made, String)), else_=made)


def text_cell(name: str):  # noqa: ANN202
    """Column NAME's cell as SQLite text, '' for none (text_lines joins them as they are):
    cell's text, integers as their digits (as str() writes them), confidence as Python
    writes it where SQLite writes it the same (_confidence_text)."""
    made = cell("sqlite", name)
    if name == "confidence":
        return _confidence_text(made)
    if name in _INTS or name == "appearances":
        made = cast(made, String)
    return made if name in _NEVER_NULL else func.coalesce(made, "")


def text_query(session: Db, flt: ClaimFilter, columns: Sequence[str]) -> Select:
    """cell_query's rows (SQLite) with every cell text (text_cell): their lines are
    text_lines', the bytes cell_lines makes of cell_query's."""
    return cells_query(session, flt, columns, text_cell)


def iter_cells(session: Db, stmt: Executable, batch: int = BATCH) -> Iterator[Sequence]:
    """STMT's rows, streamed in batches of BATCH rows, executed as Core (no ORM loading per
    row). On SQLite, whose cursor steps the statement as it is read, the batches are the
    driver's own tuples, read from its cursor (no Row object per row); on PostgreSQL, a
    server-side cursor's rows. The time limit applies to each batch, as to the statements of
    a listing built batch by batch."""
    connection = connection_of(session)
    if connection.dialect.name != "sqlite":
        result = connection.execution_options(yield_per=batch).execute(stmt)
        for part in result.partitions(batch):
            yield part
            lap(session)
        return
    result = connection.execute(stmt)  # no yield_per: its buffer would fetch a first row
    cursor, dbapi = result.cursor, connection.dialect.loaded_dbapi
    try:
        while rows := cursor.fetchmany(batch):
            yield rows
            lap(session)
    except dbapi.Error as exc:  # as Core raises it (time_limited names the limit)
        raise DBAPIError.instance(None, None, exc, dbapi.Error) from None
    finally:
        result.close()


# ---- PostgreSQL: the server writes the CSV (COPY ... TO STDOUT) ---------------------------

_COPY_DELIMITERS = {",": "','", "\t": "E'\\t'"}


def _copy_cell(name: str):  # noqa: ANN202
    """Column NAME's cell as COPY writes it the way cell_lines does: an empty text NULL (COPY
    quotes an empty string, csv.writer does not), a float with '.0' when it is whole (Python's
    str; PostgreSQL's shortest-exact text is Python's below 1e15)."""
    made = cell("postgresql", name)
    if name == "confidence":
        number = cast(made, Text)
        return case((number.op("~")("^-?[0-9]+$"), number + ".0"), else_=number)
    if name in _INTS or name == "appearances":  # numbers
        return made
    return func.nullif(made, "")


def copy_statement(
    session: Db, flt: ClaimFilter, columns: Sequence[str], delimiter: str = ","
) -> tuple[str, dict]:
    """The COPY of cell_query's rows to STDOUT as CSV (DELIMITER "," or "\\t"), and its
    parameters (bound client-side by psycopg: COPY takes none)."""
    stmt = cells_query(session, flt, columns, _copy_cell)
    compiled = stmt.compile(
        dialect=engine_of(session).dialect, compile_kwargs={"render_postcompile": True}
    )
    options = f"FORMAT csv, DELIMITER {_COPY_DELIMITERS[delimiter]}"
    return f"COPY ({compiled.string}) TO STDOUT WITH ({options})", dict(compiled.params)


def copy_lines(
    session: Db,
    flt: ClaimFilter,
    columns: Sequence[str],
    delimiter: str = ",",
    batch: int = BATCH,
) -> Iterator[tuple[int, str]]:
    """The lines of the claims FLT finds (PostgreSQL), BATCH rows at a time, as cell_lines
    writes them: (rows, their text). The server writes the CSV; a row holding a carriage
    return is quoted whole here (COPY quotes only that cell). The time limit holds for each
    wait for the server (waiting_limited)."""
    sql, params = copy_statement(session, flt, columns, delimiter)
    session.execute(text("SELECT set_config('extra_float_digits', '1', true)"))  # shortest
    raw = connection_of(session).connection.driver_connection
    encoding, dbapi = raw.info.encoding, engine_of(session).dialect.loaded_dbapi
    state: list = [0, [], False]  # blocks read, the block being read, one being written

    def progress() -> tuple | None:
        return None if state[2] else (state[0], len(state[1]))

    def written(block: list) -> Iterator[tuple[int, str]]:
        state[2] = True
        yield len(block), _text(block, encoding, delimiter)
        state[0], state[1], state[2] = state[0] + 1, [], False

    try:
        with waiting_limited(session, progress), raw.cursor() as cursor:
            with cursor.copy(sql, params) as copy:
                for data in copy:
                    state[1].append(data)
                    if len(state[1]) == batch:
                        yield from written(state[1])
            if state[1]:
                yield from written(state[1])
    except dbapi.Error as exc:  # as Core raises it (time_limited names the limit)
        raise DBAPIError.instance(sql, params, exc, dbapi.Error) from None


def _text(rows: list, encoding: str, delimiter: str) -> str:
    """COPY's ROWS (one data message each) as one text; a row holding "\\r" quoted whole."""
    whole = b"".join(rows)
    if b"\r" not in whole:
        return whole.decode(encoding)
    lines = (bytes(r).decode(encoding) for r in rows)
    return "".join(quoted_whole(x, delimiter) if "\r" in x else x for x in lines)

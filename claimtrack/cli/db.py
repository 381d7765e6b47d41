"""``claimtrack db``: create, upgrade and inspect the database schema."""

from __future__ import annotations

from claimtrack.cli import startup
from claimtrack.cli.common import DbOpt, err, session, sub_app
from claimtrack.cli.render import plural

# the schema code (SQLAlchemy) and the taxonomy's curating code are imported when a command
# runs: `db current` loads neither alembic nor the topics' writers (issue 16: start-up)

app = sub_app("Create, upgrade and inspect the database schema.")


@app.command("upgrade")
def db_upgrade(db: DbOpt = None) -> None:
    """Create the database, or bring it up to this claimtrack's schema."""
    from claimtrack.curate.topics import stale_topics
    from claimtrack.store import engine as dbmod

    url = dbmod.resolve_url(db)
    dbmod.upgrade(url)
    engine = dbmod.make_engine(url)
    err.print(f"schema at {dbmod.current_revision(engine)} (head)", highlight=False)
    with session(db) as s:
        stale = stale_topics(s)
    if stale:
        err.print(
            f"topics: the built-in taxonomy differs in {plural(len(stale), 'topic')}; run "
            "`claimtrack topics update` to load it and re-tag the claims",
            highlight=False,
        )


@app.command("current")
def db_current(db: DbOpt = None) -> None:
    """Print the database's schema revision and the code's."""
    startup.asking()
    from sqlalchemy.exc import DBAPIError

    from claimtrack.store import engine as dbmod

    url = dbmod.resolve_url(db)
    dbmod.must_exist(url)  # asking never creates a database
    engine = dbmod.make_engine(url)
    try:
        current = dbmod.current_revision(engine)
    except DBAPIError as exc:
        raise dbmod.cannot_open(url, exc) from None
    head = dbmod.head_revision(url)
    state = "up to date" if current == head else "run `claimtrack db upgrade`"
    print(f"{current or 'empty'} (code: {head}; {state})")

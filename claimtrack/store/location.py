"""Where the database is when --db is not given: the environment variable, then the default
file (imports nothing: the --db option is declared before any database library loads)."""

from __future__ import annotations

DEFAULT_DB = "claimtrack.store.engine"
ENV_VAR = "CLAIMTRACK_DB"

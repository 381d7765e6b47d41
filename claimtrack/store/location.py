"""Where the database is when --db is not given: the environment variable, then the default
file (imports nothing: the --db option is declared before any database library loads)."""

from __future__ import annotations

DEFAULT_DB = "claimtrack.db"  # in the current folder, as --help and docs/database.md say
ENV_VAR = "CLAIMTRACK_DB"

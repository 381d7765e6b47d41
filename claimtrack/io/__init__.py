"""Reading documents in and writing rows out; no database, no extraction."""

"""The columns of claim rows, named once for the query that fills them and the command-line
options that choose them (imports nothing: `who-said --help` loads no database library)."""

from __future__ import annotations

EXPORT_COLUMNS = (
    "claim_id",
    "source_path",
    "source_title",
    "source_outlet",
    "source_url",
    "published_on",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "speaker_affiliation",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "content_start",
    "content_end",
    "quote",
    "attribution",
    "hedged",
    "said_on",
    "date_precision",
    "date_relation",
    "date_text",
    "topics",
    "confidence",
    "status",
)


# Appearance columns, added after the contract columns (never among them).
APPEARANCE_COLUMNS = ("first_seen_claim_id", "appearances")
LISTING_COLUMNS = EXPORT_COLUMNS + APPEARANCE_COLUMNS
# asked for with --best-day and --corrections, after the others
BEST_DAY_COLUMNS = ("best_day", "day_basis")
CORRECTION_COLUMNS = ("short_text", "rejected")

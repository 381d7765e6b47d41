"""Correcting claims by hand: speaker, spans, date said, short text, rejection, new claims.

Every change is kept as a Correction (what, before, after, who, when, why): the audit log,
the claim's history and the undo of its last correction read it. Spans are given as the
exact words of the source and found in the stored paragraph, so every claim stays
checkable. Every function takes a Session; the caller owns the transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.curate.topics import retag
from claimtrack.errors import UserError
from claimtrack.extract.dates import bounds_of, resolve_date
from claimtrack.names import name_key
from claimtrack.query.claims import actor_ids
from claimtrack.query.lookups import get_actor, get_claim, get_source
from claimtrack.store import appearances
from claimtrack.store.models import (
    REJECT_REASONS,
    Actor,
    Claim,
    Correction,
    Source,
    utcnow,
)
from claimtrack.store.writes import (
    add_alias,
    date_bounds,
    set_sort_days,
    sync_first_speaker,
)

# the claim fields a correction of each kind sets (and undo puts back)
FIELDS: dict[str, tuple[str, ...]] = {
    "speaker": ("actor_id",),
    "content": ("content", "content_start", "content_end"),
    "cue": ("cue", "cue_start", "cue_end"),
    "mention": ("speaker_mention", "speaker_start", "speaker_end"),
    "said": (
        *("said_on", "date_anchor", "date_precision", "date_relation", "date_text"),
        *("said_earliest", "said_latest", "date_via"),
    ),
    "text": ("short_text",),
    "reject": ("rejected",),
    "restore": ("rejected",),
    "split": ("actor_id",),
    "alias": ("actor_id",),
}
SPEAKER_KINDS = ("speaker", "split", "alias")  # corrections that move a claim to a speaker
DATE_FIELDS = ("said_on", "date_anchor", "said_earliest", "said_latest")
SPAN_KINDS = ("content", "cue", "mention")


@dataclass(frozen=True)
class By:
    """Who made a change and why (both optional), kept in the audit log."""

    who: str | None = None
    why: str | None = None


# ---- the log ------------------------------------------------------------------------------


def plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def values_of(claim: Claim, fields: tuple[str, ...]) -> dict:
    return {f: plain(getattr(claim, f)) for f in fields}


def put_values(claim: Claim, values: dict) -> None:
    for field, value in values.items():
        if field in DATE_FIELDS and value is not None:
            value = dt.date.fromisoformat(value)
        setattr(claim, field, value)


def record(session: Session, what: str, before: dict, after: dict, by: By, **target) -> Correction:
    row = Correction(
        what=what,
        before=before,
        after=after,
        who=(by.who or "").strip() or None,
        why=(by.why or "").strip() or None,
        **target,
    )
    session.add(row)
    session.flush()
    return row


def change(session: Session, claim: Claim, what: str, new: dict, by: By) -> Correction:
    """Set NEW on CLAIM and log it as a WHAT correction; unchanged values are refused."""
    before = values_of(claim, FIELDS[what])
    after = {**before, **{k: plain(v) for k, v in new.items()}}
    if after == before:
        raise UserError(f"claim #{claim.id} already has that {what}: nothing to change")
    put_values(claim, after)
    if what == "said":  # its place in date order follows the new date
        session.flush()
        set_sort_days(session, claim.source_id)
    if "actor_id" in new:
        before["speaker"] = _actor_name(session, before["actor_id"])
        after["speaker"] = _actor_name(session, after["actor_id"])
    return record(session, what, before, after, by, claim_id=claim.id, source_id=claim.source_id)


def _actor_name(session: Session, actor_id: int | None) -> str | None:
    actor = session.get(Actor, actor_id) if actor_id is not None else None
    return actor.name if actor else None


def claim_corrections(session: Session, claim_id: int) -> list[Correction]:
    """A claim's corrections, oldest first (undone ones too)."""
    stmt = select(Correction).where(Correction.claim_id == claim_id).order_by(Correction.id)
    return list(session.scalars(stmt))


def locked_fields(session: Session, claim_id: int) -> set[str]:
    """The claim fields a person set (by a correction not undone): re-extraction keeps them."""
    fields: set[str] = set()
    for c in claim_corrections(session, claim_id):
        if c.undone_at is None:
            fields.update(FIELDS.get(c.what, ()))
    return fields


# ---- speaker ------------------------------------------------------------------------------


def find_or_make_actor(session: Session, name: str) -> Actor:
    """The speaker NAME means (#id, name, alias or surname), or a new one by that name."""
    if not name_key(name):
        raise UserError("--speaker is empty: give a name such as 'Yuri Ushakov' or an #id")
    if actor_ids(session, name):
        return get_actor(session, name)
    if name.strip().startswith("#"):
        raise UserError(f"no speaker {name}; see `claimtrack actors list`")
    actor = Actor(name=" ".join(name.split()), name_key=name_key(name), kind="person")
    session.add(actor)
    session.flush()
    if len(actor.name.split()) > 1:
        add_alias(actor, actor.name.split()[-1])
    return actor


def move_claim(session: Session, claim: Claim, actor: Actor, by: By, what: str = "speaker") -> None:
    """Give CLAIM to ACTOR (logged) and recompute both speakers' appearance links."""
    old = claim.actor_id
    before = {"actor_id": old, "speaker": _actor_name(session, old)}
    claim.actor_id = actor.id
    after = {"actor_id": actor.id, "speaker": actor.name}
    record(session, what, before, after, by, claim_id=claim.id, source_id=claim.source_id)
    sync_first_speaker(session, claim)
    appearances.relink_actor(session, old)
    appearances.relink_actor(session, actor.id)


def set_speaker(session: Session, claim_id: int, name: str, by: By) -> Claim:
    claim = get_claim(session, claim_id)
    actor = find_or_make_actor(session, name)
    if claim.actor_id == actor.id:
        raise UserError(f"claim #{claim.id} is already {actor.name}'s: nothing to change")
    move_claim(session, claim, actor, by)
    return claim


# ---- spans --------------------------------------------------------------------------------


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (line) around [start, end) of TEXT."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


def find_words(text: str, words: str, near: int, where: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of WORDS in TEXT[where] nearest to NEAR, as exact offsets; runs of
    whitespace in WORDS match any whitespace."""
    parts = words.split()
    if not parts:
        return None
    pattern = re.compile(r"\s+".join(re.escape(p) for p in parts))
    found = [(m.start(), m.end()) for m in pattern.finditer(text, *where)]
    return min(found, key=lambda s: abs(s[0] - near)) if found else None


def set_span(session: Session, claim_id: int, kind: str, words: str, by: By) -> Claim:
    """Re-point the claim's content, cue or speaker mention at WORDS of its paragraph."""
    claim = get_claim(session, claim_id)
    text = claim.source.text
    where = paragraph_bounds(text, claim.sentence_start, claim.sentence_end)
    span = find_words(text, words, claim.content_start, where)
    if span is None:
        raise UserError(
            f"--{kind} {words!r} is not in the paragraph of claim #{claim.id}: quote its words "
            f"exactly as the source has them (see `claimtrack show {claim.id}`)"
        )
    start, end = span
    names = FIELDS[kind]
    change(session, claim, kind, dict(zip(names, (text[start:end], start, end), strict=True)), by)
    if kind == "content":
        retag_claim(session, claim)
        session.flush()
        appearances.index_claims(session, [claim])  # its band keys follow its words
    return claim


def retag_claim(session: Session, claim: Claim) -> None:
    """The tagger's topic links of the claim's article, recomputed as at ingest: each claim's
    own words, heading and sentence, then the article's agreement (a changed claim may back
    or stop backing another's borrowed topic); hand-made links stay."""
    session.flush()
    retag(session, source_id=claim.source_id)
    for other in list(session.identity_map.values()):
        if isinstance(other, Claim) and other.source_id == claim.source_id:
            session.expire(other, ["topic_links"])


# ---- date said ----------------------------------------------------------------------------

_SAID = re.compile(r"^(?:(before|by|on)\s+)?(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$", re.I)
SAID_HELP = "YYYY-MM-DD, YYYY-MM or YYYY, 'before YYYY-MM-DD', 'by YYYY-MM-DD' or 'unknown'"


def parse_said(value: str) -> dict:
    """The claim's date fields for what a person typed: a day, month or year, a day
    said before or by, or unknown."""
    text = " ".join(value.split())
    if text.lower() in ("unknown", "none", ""):
        return dict(said_on=None, date_anchor=None, date_precision="none", date_relation="unknown")
    m = _SAID.match(text)
    if not m:
        raise UserError(f"--said {value!r}: give {SAID_HELP}")
    relation, year, month, day = (m.group(1) or "on").lower(), *m.groups()[1:]
    if relation != "on" and day is None:
        raise UserError(f"--said {value!r}: 'before' and 'by' take a day, YYYY-MM-DD")
    try:
        when = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise UserError(f"--said {value!r} is not a real date: give {SAID_HELP}") from None
    precision = "day" if day else "month" if month else "year"
    if relation == "on":
        return dict(said_on=when, date_anchor=None, date_precision=precision, date_relation="on")
    return dict(said_on=None, date_anchor=when, date_precision="day", date_relation=relation)


def set_said(session: Session, claim_id: int, value: str, by: By) -> Claim:
    claim = get_claim(session, claim_id)
    fields = parse_said(value)
    fields["date_text"] = f"set by hand: {' '.join(value.split())}"
    day = fields["said_on"] or fields["date_anchor"]
    fields["said_earliest"], fields["said_latest"] = bounds_of(
        day, fields["date_precision"], fields["date_relation"]
    )
    fields["date_via"] = "hand" if day else "none"
    change(session, claim, "said", fields, by)
    return claim


def set_text(session: Session, claim_id: int, text: str, by: By) -> Claim:
    claim = get_claim(session, claim_id)
    change(session, claim, "text", {"short_text": " ".join(text.split()) or None}, by)
    return claim


# ---- reject and restore -------------------------------------------------------------------


def reject(session: Session, claim_id: int, reason: str, by: By) -> Claim:
    if reason not in REJECT_REASONS:
        raise UserError(f"--reason {reason}: use one of {', '.join(REJECT_REASONS)}")
    claim = get_claim(session, claim_id)
    if claim.rejected == reason:
        raise UserError(f"claim #{claim.id} is already rejected ({reason})")
    change(session, claim, "reject", {"rejected": reason}, by)
    return claim


def restore(session: Session, claim_id: int, by: By) -> Claim:
    claim = get_claim(session, claim_id)
    if claim.rejected is None:
        raise UserError(f"claim #{claim.id} is not rejected: nothing to restore")
    change(session, claim, "restore", {"rejected": None}, by)
    return claim


# ---- a claim the extractor missed ---------------------------------------------------------


def add_claim(
    session: Session,
    which: str,
    content: str,
    speaker: str,
    by: By,
    cue: str | None = None,
) -> Claim:
    """A claim quoted from a stored source: CONTENT (exact words, found once in the text),
    said by SPEAKER; the cue, when given, is looked for in the same paragraph."""
    source = get_source(session, which)
    span = unique_span(source, content)
    left, right = paragraph_bounds(source.text, *span)
    cue_span = find_words(source.text, cue, span[0], (left, right)) if cue else None
    if cue and cue_span is None:
        raise UserError(f"--cue {cue!r} is not in the paragraph of those words: quote it exactly")
    cue_at = cue_span or (span[0], span[0])
    actor = find_or_make_actor(session, speaker)
    said = resolve_date(None, source.published_on)
    earliest, latest, via = date_bounds(said)
    claim = Claim(
        source_id=source.id,
        actor_id=actor.id,
        cue=source.text[cue_at[0] : cue_at[1]],
        cue_start=cue_at[0],
        cue_end=cue_at[1],
        content=source.text[span[0] : span[1]],
        content_start=span[0],
        content_end=span[1],
        attribution="indirect",
        said_on=None,
        date_anchor=said.on,
        date_precision="none",
        date_relation=said.relation,
        said_earliest=earliest,
        said_latest=latest,
        date_via=via,
        sentence=source.text[left:right],
        sentence_start=left,
        sentence_end=right,
        confidence=1.0,
        found_by="hand",
        status="unreviewed",
    )
    if session.scalar(
        select(Claim.id).where(
            Claim.source_id == source.id,
            Claim.content_start == claim.content_start,
            Claim.content_end == claim.content_end,
            Claim.cue_start == claim.cue_start,
        )
    ):
        raise UserError("that claim is already stored: find it with `claimtrack who-said`")
    session.add(claim)
    session.flush()
    set_sort_days(session, source.id)
    sync_first_speaker(session, claim)
    retag_claim(session, claim)
    appearances.link(session, claim)
    after = values_of(claim, ("content", "content_start", "content_end", "cue", "actor_id"))
    record(session, "add", {}, after, by, claim_id=claim.id, source_id=source.id)
    return claim


def unique_span(source: Source, words: str) -> tuple[int, int]:
    parts = words.split()
    pattern = re.compile(r"\s+".join(re.escape(p) for p in parts)) if parts else None
    found = [(m.start(), m.end()) for m in pattern.finditer(source.text)] if pattern else []
    if not found:
        raise UserError(
            f"--content {words!r} is not in source #{source.id}: quote its words exactly "
            f"(see `claimtrack sources show {source.id}`)"
        )
    if len(found) > 1:
        raise UserError(
            f"--content {words!r} is in source #{source.id} {len(found)} times: quote more words"
        )
    return found[0]


# ---- undo ---------------------------------------------------------------------------------


def undo(session: Session, claim_id: int, by: By) -> Correction:
    """Revert the claim's last correction not undone; a hand-added claim is removed."""
    claim = get_claim(session, claim_id)
    live = [c for c in claim_corrections(session, claim.id) if c.undone_at is None]
    if not live:
        raise UserError(f"claim #{claim.id} has no correction to undo")
    last = live[-1]
    last.undone_at = utcnow()
    if last.what == "add":
        session.delete(claim)
        session.flush()
        return last
    old_actor = claim.actor_id
    put_values(claim, {k: v for k, v in last.before.items() if k in FIELDS[last.what]})
    session.flush()
    if last.what in SPEAKER_KINDS:
        sync_first_speaker(session, claim)
        appearances.relink_actor(session, old_actor)
        appearances.relink_actor(session, claim.actor_id)
    if last.what == "content":
        retag_claim(session, claim)
        appearances.index_claims(session, [claim])
    if last.what == "said":
        set_sort_days(session, claim.source_id)
    return last

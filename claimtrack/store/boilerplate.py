"""Outlet boilerplate: words an outlet repeats in many of its articles ("Sign up for our
newsletter", "Jo Roe contributed reporting", a standing disclaimer given with a cue) are
no claims. When the same content (its words, folded) is stored for at least ``MIN_DOCS``
documents of one outlet (``sources.outlet``, case and spacing forgiven), every claim of
those documents that says it is rejected as "boilerplate": it leaves who-said, timeline
and export (as every rejected claim does) and ``show`` says why. A quote an outlet repeats
in two articles stays a claim. A claim a person reviewed or restored is left alone.

Candidates come from the MinHash band index of store/appearances.py: equal contents have
equal band keys, so one key per claim finds every earlier copy; one indexed query per
document, whatever the size of the database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from claimtrack.names import fold
from claimtrack.store.appearances import band_keys
from claimtrack.store.models import Claim, ClaimBand, Correction, Source
from claimtrack.store.vocab import BOILERPLATE

MIN_DOCS = 3  # distinct documents of one outlet
REASON = BOILERPLATE
_WORD = re.compile(r"\w+")


def content_key(text: str) -> str:
    """A content as compared: its words, folded (case, accents, punctuation forgiven)."""
    return " ".join(_WORD.findall(fold(text)))


def outlet_key(outlet: str | None) -> str:
    return " ".join((outlet or "").split()).casefold()


def copies(session: Session | Connection, claims: Sequence, outlet: str) -> dict[str, list[tuple]]:
    """For each folded content of CLAIMS, the (id, source_id, status, rejected) of every
    stored claim of OUTLET's documents that says it (CLAIMS among them: flushed, indexed)."""
    wanted = {content_key(c.content): band_keys(c.content)[0] for c in claims}
    wanted.pop("", None)
    keys = sorted(set(wanted.values()))
    out: dict[str, list[tuple]] = {}
    for start in range(0, len(keys), 500):
        stmt = (
            select(Claim.id, Claim.source_id, Claim.status, Claim.rejected, Claim.content)
            .join(ClaimBand, ClaimBand.claim_id == Claim.id)
            .join(Source, Source.id == Claim.source_id)
            .where(ClaimBand.key.in_(keys[start : start + 500]))
        )
        for id_, source_id, status, rejected, content, outlet_ in session.execute(
            stmt.add_columns(Source.outlet)
        ):
            key = content_key(content)
            if key in wanted and outlet_key(outlet_) == outlet_key(outlet):
                out.setdefault(key, []).append((id_, source_id, status, rejected))
    return out


def mark(session: Session, source: Source, claims: Sequence[Claim]) -> list[int]:
    """Reject as boilerplate every claim whose content SOURCE's outlet has now stored for
    MIN_DOCS documents or more (CLAIMS: SOURCE's, flushed and indexed); their ids."""
    if not outlet_key(source.outlet) or not claims:
        return []
    ids = [
        id_
        for found in copies(session, claims, source.outlet or "").values()
        if len({row[1] for row in found}) >= MIN_DOCS
        for id_, _, status, rejected in found
        if rejected is None and status == "unreviewed"
    ]
    if not ids:
        return []
    restored = set(
        session.scalars(
            select(Correction.claim_id).where(
                Correction.claim_id.in_(ids), Correction.what == "restore"
            )
        )
    )
    ids = [i for i in ids if i not in restored]
    for claim in session.scalars(select(Claim).where(Claim.id.in_(ids))):
        claim.rejected = REASON
    session.flush()
    return ids


def why(session: Session | Connection, claim, outlet: str | None) -> str | None:  # noqa: ANN001
    """Why CLAIM (a row or a Claim) is boilerplate, for ``show``: in how many of OUTLET's
    documents (its source's) the same words stand; None when it is not rejected as
    boilerplate."""
    if claim.rejected != REASON:
        return None
    found = copies(session, [claim], outlet or "").get(content_key(claim.content), [])
    n = len({row[1] for row in found})
    if n < MIN_DOCS:
        return None  # rejected so by hand, or some of those documents were removed
    return (
        f"outlet boilerplate: the same words stand in {n} documents of {outlet} "
        f"(text an outlet repeats in {MIN_DOCS} or more of its articles is no claim)"
    )

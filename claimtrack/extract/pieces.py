"""One attribution found in pieces is one claim: its pieces are joined into its content parts.

A cue can be read twice for one speaker, each reading holding part of what was said: the
rules take the quotation before the cue and the detector the one after it ('"A," she said,
"B."'), or a quotation's next paragraph is a claim of its own through the cue that opened it.
PolNeAR, like a reader, has one attribution there, and a second claim over it is counted
wrong. Two claims are pieces of one attribution when

- their cues overlap and so do their speaker mentions (the same words credit both), and
- nothing but the attribution stands between their contents (the cues and the mentions, and
  punctuation; or the contents overlap), and
- neither content opens a complement of its own ("that ...", "to ..."): "told reporters" and
  "that the bridge is safe" are two readings PolNeAR keeps apart about a third of the time,
  and joining them too moved no figure of train.

One of the two (the rules' over the detector's, then one whose cue is in its own paragraph
over a quotation's next paragraph, then the higher raw confidence) takes the other's content
as more content parts; its speaker, cue and date stay. A claim without a speaker mention is
never joined, and the mention of the one that goes overlaps the one that stays (no gold
Source of train or dev loses its speaker).

On PolNeAR train (where the rule was found) 165 pairs are joined, 117 of them holding one
matched attribution and a claim counted wrong, 31 two matched ones (recall 0.750 -> 0.747,
precision 0.841 -> 0.846); on dev relaxed precision 0.846 -> 0.849, recall 0.745 -> 0.743.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from claimtrack.extract.types import Attribution, CharSpan, FoundClaim

_OWN_COMPLEMENT = re.compile(r"\s*(?:that|to)(?:\s|$)")


def join_pieces(text: str, claims: Sequence[FoundClaim]) -> list[FoundClaim]:
    """The claims of one document with the pieces of one attribution joined (module doc),
    in their order; a claim that took another's pieces stands where the first of them stood.
    Only claims whose cues overlap are compared: runs of overlapping cues, found in one sort."""
    out: list[FoundClaim | None] = list(claims)
    for run in _cue_runs(claims):
        for n, i in enumerate(run):
            for j in run[n + 1 :]:
                a, b = out[i], out[j]
                if a is None or b is None or not pieces_of_one(text, a, b):
                    continue
                keep, lose = (a, b) if _rank(a) >= _rank(b) else (b, a)
                out[i], out[j] = joined(keep, lose), None
    return [c for c in out if c is not None]


def _cue_runs(claims: Sequence[FoundClaim]) -> list[list[int]]:
    """Indices of the claims in runs whose cues overlap one another in a chain (in index
    order within a run); a claim whose cue overlaps no other's is left out."""
    order = sorted(range(len(claims)), key=lambda k: (claims[k].cue.start, k))
    runs: list[list[int]] = []
    end = -1
    for k in order:
        cue = claims[k].cue
        if runs and cue.start < end:
            runs[-1].append(k)
        else:
            runs.append([k])
        end = max(end, cue.end) if len(runs[-1]) > 1 else cue.end
    return [sorted(r) for r in runs if len(r) > 1]


def pieces_of_one(text: str, a: FoundClaim, b: FoundClaim) -> bool:
    """Whether A and B hold pieces of one attribution (module doc)."""
    m, n = a.speaker.mention, b.speaker.mention
    if m is None or n is None or not (m.overlaps(n) and a.cue.overlaps(b.cue)):
        return False
    if any(_OWN_COMPLEMENT.match(c.content.text(text)) for c in (a, b)):
        return False
    first, second = (a, b) if a.content.start <= b.content.start else (b, a)
    gap_start, gap_end = first.content.end, second.content.start  # none when they overlap
    skip = (a.cue, b.cue, m, n)
    return not any(
        ch.isalnum()
        for k, ch in enumerate(text[gap_start:gap_end], start=gap_start)
        if not any(s.start <= k < s.end for s in skip)
    )


def joined(keep: FoundClaim, other: FoundClaim) -> FoundClaim:
    """KEEP with OTHER's content pieces added to its own (overlapping pieces made one)."""
    pieces = sorted((*keep.pieces, *other.pieces), key=lambda p: (p.start, p.end))
    parts: list[CharSpan] = []
    for p in pieces:
        if parts and p.start <= parts[-1].end:
            parts[-1] = CharSpan(parts[-1].start, max(parts[-1].end, p.end))
        else:
            parts.append(p)
    in_order = sorted((keep, other), key=lambda c: c.content.start)
    quotes = [c.quote for c in in_order if c.quote]
    return dataclasses.replace(
        keep,
        content=CharSpan(parts[0].start, parts[-1].end),
        content_parts=tuple(parts) if len(parts) > 1 else (),
        sentence=CharSpan(
            min(keep.sentence.start, other.sentence.start),
            max(keep.sentence.end, other.sentence.end),
        ),
        attribution=_attribution(keep.attribution, other.attribution),
        quote=" ... ".join(quotes) or None,
    )


def _attribution(a: Attribution, b: Attribution) -> Attribution:
    """'direct' pieces stay direct, 'indirect' ones indirect; a quotation joined to reported
    words is 'mixed'; 'according to' stays what the first claim's cue says."""
    if a == "according_to" or a == b:
        return a
    return "mixed"


def _rank(c: FoundClaim) -> tuple[bool, bool, float]:
    """The rules' claim first, then one whose cue is not in an earlier paragraph (a quotation's
    next paragraph is credited through the cue that opened it), then the raw confidence."""
    cue_before_sentence = c.cue.end <= c.sentence.start
    return (c.found_by == "rules", not cue_before_sentence, c.raw_confidence)

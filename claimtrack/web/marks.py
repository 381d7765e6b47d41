"""Stored offsets to marked pieces of text, for the templates (which escape every piece)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def pieces(text: str, base: int, spans: Iterable[tuple[str, int, int, int | None]]) -> list[dict]:
    """TEXT (starting at offset BASE of its source) cut into plain and marked pieces.

    SPANS are (kind, start, end, claim_id) in source offsets; a span overlapping an earlier
    one is left out (the first kept), as ``claimtrack show`` does."""
    out: list[dict] = []
    pos = 0
    for kind, start, end, claim_id in sorted(spans, key=lambda s: (s[1], s[2])):
        s, e = start - base, end - base
        if s < pos or s >= e or e > len(text):
            continue
        if s > pos:
            out.append({"kind": None, "text": text[pos:s], "claim_id": None})
        out.append({"kind": kind, "text": text[s:e], "claim_id": claim_id})
        pos = e
    if pos < len(text):
        out.append({"kind": None, "text": text[pos:], "claim_id": None})
    return out


def claim_spans(row: dict) -> list[tuple[str, int, int, int | None]]:
    """A claim row's speaker, cue and content spans (export-contract offsets)."""
    spans = [
        ("cue", row["cue_start"], row["cue_end"], row["claim_id"]),
        ("content", row["content_start"], row["content_end"], row["claim_id"]),
    ]
    if row["speaker_start"] is not None and row["speaker_end"] is not None:
        spans.append(("speaker", row["speaker_start"], row["speaker_end"], row["claim_id"]))
    return spans


def row_day(row: dict) -> dt.date | None:
    """The day a claim row is drawn on: said on, else its anchor, else publication."""
    value = row.get("said_on") or row.get("date_anchor") or row.get("published_on")
    return dt.date.fromisoformat(value) if value else None


def timeline_chart(rows: list[dict], width: int = 720, row_height: int = 28) -> dict | None:
    """An actor's claims over time by topic, as shapes for an inline SVG: one lane per topic
    (and one for claims without a topic), one dot per dated claim. None when nothing is dated."""
    dated = [(row_day(r), r) for r in rows]
    dated = [(d, r) for d, r in dated if d is not None]
    if not dated:
        return None
    lanes: list[str] = sorted({t for _, r in dated for t in (r["topics"] or "").split(";") if t})
    if any(not r["topics"] for _, r in dated):
        lanes.append("(no topic)")
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    span = max((last - first).days, 1)
    left, right, top = 150, 20, 10
    plot = width - left - right

    def x(day: dt.date) -> float:
        if first == last:
            return left + plot / 2
        return round(left + plot * (day - first).days / span, 1)

    dots = []
    for day, r in dated:
        for lane in (r["topics"] or "").split(";") if r["topics"] else ["(no topic)"]:
            i = lanes.index(lane)
            dots.append(
                {
                    "x": x(day),
                    "y": top + i * row_height + row_height / 2,
                    "claim_id": r["claim_id"],
                    "title": f"{day.isoformat()} #{r['claim_id']}: {r['content'][:120]}",
                }
            )
    height = top + len(lanes) * row_height + 30
    ticks = [{"x": x(first), "label": first.isoformat()}]
    if last != first:
        ticks.append({"x": x(last), "label": last.isoformat()})
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "axis_y": top + len(lanes) * row_height + 4,
        "lanes": [
            {"label": lane, "y": top + i * row_height + row_height / 2}
            for i, lane in enumerate(lanes)
        ],
        "dots": dots,
        "ticks": ticks,
    }

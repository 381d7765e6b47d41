"""Phrases every rule family reads: the verb group of a cue, its frame, the preposition after
it, a clause's characters, the quotation beside a cue.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.extract.rules.context import Context
from claimtrack.extract.rules.subjects import SUBJ, made_to_speak, nearest_subject
from claimtrack.extract.wordlists import words

GROUP_DEPS = frozenset({"aux", "auxpass", "neg"})
CONNECTIVE_DEPS = frozenset({"cc", "advmod", "mark", "intj", "prep", "pobj"})
WH_WORDS = words("wh_words")
ANAPHORIC_CONTENT = words("anaphoric_content")

# PolNeAR puts the preposition linking a cue to its content in the cue: "called for | a
# special prosecutor", "boasted about | a plan", "voted against | the bill"
LINK_PREPS = words("link_preps")


def prep_object(tok: Token) -> tuple[Token | None, Token | None]:
    """The first preposition right after tok (within three words) and its object."""
    doc = tok.doc
    # the three words after tok, not tok.children: children come in text order, and reading
    # them walks tok's whole subtree (a verb's: its sentence), building a Token of each child
    for k in range(tok.i + 1, min(tok.i + 4, len(doc))):
        c = doc[k]
        if c.dep_ == "prep" and c.head.i == tok.i:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            return c, pobj
    return None, None


def frame_of(tok: Token) -> str:
    deps = {c.dep_ for c in tok.children}
    if "ccomp" in deps:
        return "c"
    if any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.children):
        return "x"
    if "dobj" in deps:
        return "o"
    return "-"


def cue_group(ctx: Context, verb: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and adverbs just left of the verb, plus particle."""
    start, end = ctx.doc_span(verb)
    i = verb.i - 1
    doc = verb.doc
    while i >= 0:
        t = doc[i]
        if t.head == verb and (
            t.dep_ in GROUP_DEPS or (t.dep_ == "advmod" and t.tag_ == "RB" and "." not in t.text)
        ):
            start = ctx.doc_start(t)
            i -= 1
            continue
        break
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            end = ctx.doc_end(c)
    nxt = verb.i + 1
    if nxt < len(doc) and doc[nxt].text == ":" and end == ctx.doc_end(verb):
        end = ctx.doc_end(doc[nxt])
    # "declined to comment", "seemed to confirm": the governing verb joins the cue
    if verb.dep_ == "xcomp" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        if made_to_speak(verb) is not None:
            return start, end  # "led some | to speculate": the cause is not the cue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            start = min(start, cue_group(ctx, verb.head)[0])
    return start, end


def snap_to_quotes(ctx: Context, start: int, end: int, cue_tok: Token) -> tuple[int, int]:
    """Grow content to whole quotations it starts or ends in (never across the cue)."""
    quotes = ctx.quotes_overlapping(start, end)
    if not quotes:
        return start, end
    first, last = quotes[0], quotes[-1]
    cue_pos = ctx.doc_start(cue_tok)
    if first[0] <= start + 2 and not (first[0] <= cue_pos < first[1]):
        start = min(start, first[0])
    if last[1] >= end - 2 and not (last[0] <= cue_pos < last[1]):
        if last[0] > cue_pos or end > cue_pos or last[1] <= cue_pos:
            end = max(end, last[1]) if not (last[0] < cue_pos < last[1]) else end
    return start, end


def clause_span(ctx: Context, tok: Token, exclude: Token | None = None) -> tuple[int, int]:
    start, end = ctx.subtree_span(tok)
    if exclude is not None:
        es, ee = ctx.subtree_span(exclude)
        if es <= start < ee:
            start = ee
        if es < end <= ee:
            end = es
    return start, end


def cue_clause(ctx: Context, verb: Token) -> tuple[int, int]:
    """Characters of the attribution clause: the verb group and its subject ("Bob said")."""
    toks = [verb] + [
        c
        for c in verb.children
        if c.dep_ in GROUP_DEPS
        # adverbs next to the verb; not words of a quotation the parser hung on it
        or c.dep_ in ("advmod", "prt", "npadvmod")
        and abs(c.i - verb.i) <= 2
    ]
    left = min(ctx.doc_start(t) for t in toks)
    right = max(ctx.doc_end(t) for t in toks)
    c = nearest_subject(verb, SUBJ)
    if c is not None:
        left = min(left, ctx.doc_start(c.left_edge))
        right = max(right, ctx.doc_end(c.right_edge))
    return left, right


def adjacent_quote(ctx: Context, cue_tok: Token, sent: Span) -> tuple[int, int] | None:
    """A quotation immediately before the cue clause or right after the cue."""
    left, right = cue_clause(ctx, cue_tok)
    for qs, qe in ctx.quotes_overlapping(max(ctx.seg.start, left - 4), min(ctx.end, right + 4)):
        if qe <= left and ctx.within(qe, left).strip(" ,\u00a0—–-") == "":
            return qs, qe
        if qs >= right and ctx.within(right, qs).strip(" ,:\u00a0—–-") == "":
            return qs, qe
    # 'he said:' closing a paragraph, the quotation opening the next one
    if ctx.within(right, ctx.end).strip() == ":":
        q = ctx.qi.containing(ctx.end + _lead_ws(ctx.text, ctx.end))
        if q is not None and q.start >= ctx.end:
            return q.start, q.end
    return None


def _lead_ws(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n].isspace():
        n += 1
    return n

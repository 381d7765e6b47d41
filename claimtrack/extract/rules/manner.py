"""The manner rule: 'As Roe put it, "..."', '..., as the mayor puts it.': a clause that says
how someone worded what the rest of the sentence says credits it to them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.extract.rules.context import Candidate, Context

PUT_FORMS = frozenset({"put", "puts", "putting"})
MAX_SOURCE_TOKENS = 16  # "As Ada Roe, a historian at the university of Leeds, put it"
_AFTER_IT = 6  # "put it in a statement," : tokens between "it" and the clause's end


def _as_before(put: Token, sent: Span) -> Token | None:
    """The "as" opening the clause of PUT, with only its subject between them."""
    for k in range(put.i - 1, max(sent.start, put.i - MAX_SOURCE_TOKENS) - 1, -1):
        t = put.doc[k]
        if t.lower_ == "as":
            return t if k < put.i - 1 else None
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":") or t.is_quote:
            return None
    return None


def _clause_end(it: Token, sent: Span) -> int:
    """The index of the first token after the clause ("put it in a tweet," ends at the
    comma), or after "it" when no comma or colon comes soon."""
    for k in range(it.i + 1, min(sent.end, it.i + 1 + _AFTER_IT)):
        if it.doc[k].text in (",", ":"):
            return k + 1
    return it.i + 1


def put_it_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'As Roe put it, "..."', 'The fees are a tax, as Roe puts it.': the subject between
    "as" and "put it" is the source, the rest of the sentence the content."""
    if tok.lower_ not in PUT_FORMS or tok.i + 1 >= sent.end or tok.nbor().lower_ != "it":
        return None
    return _as_clause(ctx, tok, tok.nbor(), sent)


def _quotation_beside(
    ctx: Context, before: tuple[int, int], after: tuple[int, int]
) -> tuple[int, int] | None:
    """A quotation that ends right before the clause ("would ''walk all over us,'' as Roe put
    it": the quoted words are how Roe put it, not the sentence around them) or opens right
    after it; None when neither."""
    end = len(ctx.text[: before[1]].rstrip(" ,"))
    k = ctx.qi.index_ending_at(end) if before[1] > before[0] else None
    if k is None:
        k = ctx.qi.index_starting_at(after[0]) if after[1] > after[0] else None
    if k is None:
        return None
    q = ctx.qi.quotes[k]
    return q.start, q.end


def _as_clause(ctx: Context, tok: Token, last: Token, sent: Span) -> Candidate | None:
    """The candidate of a clause "as SUBJECT TOK ... LAST": SUBJECT the source, TOK to LAST
    the cue, the longer side of the sentence around the clause the content."""
    as_tok = _as_before(tok, sent)
    if as_tok is None:
        return None
    subject = [t for t in tok.doc[as_tok.i + 1 : tok.i] if t.text != ","]
    if not subject or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in subject):
        return None
    source = ctx.trim(ctx.doc_start(tok.doc[as_tok.i + 1]), ctx.doc_start(tok))
    s_start, s_end = ctx.doc_span(sent)
    before = ctx.trim(s_start, ctx.doc_start(as_tok))
    end = _clause_end(last, sent)
    after = ctx.trim(ctx.doc_start(tok.doc[end]), s_end) if end < sent.end else (s_end, s_end)
    content = _quotation_beside(ctx, before, after) or (
        after if after[1] - after[0] >= before[1] - before[0] else before
    )
    if content[1] - content[0] < 3:
        return None
    inside = {t.i for t in subject}
    head = next((t for t in subject if t.head.i not in inside), subject[-1])
    return Candidate(
        cue=(ctx.doc_start(tok), ctx.doc_end(last)),
        content=content,
        source=source,
        source_tok=head,
        cue_tok=tok,
        content_root=None,
        sent=sent,
        rule="manner",
        confidence=0.75,
    )

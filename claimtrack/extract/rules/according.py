"""Phrases that credit a source without a verb: 'according to X', 'based on information
released by X', 'In a new poll, ...'.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.extract import cues
from claimtrack.extract import speakers as sp
from claimtrack.extract.rules.context import Candidate, Context
from claimtrack.extract.rules.phrases import (
    frame_of,
)
from claimtrack.extract.wordlists import words

RENDERINGS = words("rendering_nouns")


def according_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        to = tok.nbor()
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_start = ctx.doc_start(tok)
    phrase_end = max(ctx.doc_end(pobj.right_edge), ctx.doc_end(to))
    source_tok = pobj
    source = ctx.trim(*ctx.subtree_span(pobj), keep_closing_quote=False)
    if (name := _name_beside(pobj)) is not None:
        # "according to the city's director, Jo Roe, the meters ...": the name the parser
        # hung on the clause after it is the source's, not the content's first words
        phrase_end = ctx.doc_end(name)
        source = ctx.trim(source[0], phrase_end, keep_closing_quote=False)
        source_tok = name
    s_start, s_end = ctx.doc_span(sent)
    before = ctx.trim(s_start, phrase_start)
    after = ctx.trim(phrase_end, s_end)
    blen, alen = before[1] - before[0], after[1] - after[0]
    content = after if alen >= blen else before
    if content[1] <= content[0]:
        return None
    root = sent.root
    return Candidate(
        cue=(ctx.doc_start(tok), ctx.doc_end(to)),
        content=content,
        source=source,
        source_tok=source_tok,
        cue_tok=tok,
        content_root=root if root != tok else None,
        sent=sent,
        rule="according",
        confidence=0.75,
        according=True,
    )


def spoken_by_subject(according: Token) -> bool:
    """Whether "according to" a translation, transcript or recording (rendering_nouns)
    follows a speaking verb it qualifies that has its own subject ("'...,' Roe said,
    according to a translation by his office"): the translation carries Roe's words, Roe
    is the source and the verb the cue. "Police said ..., according to the family's
    lawyers" (people who report it) and "According to a transcript, Roe said" stay."""
    verb = according.head
    to = next((c for c in according.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return (
        pobj is not None
        and pobj.lemma_.lower() in RENDERINGS
        and verb.i < according.i
        and verb.lemma_.lower() in cues.SAY_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _name_beside(pobj: Token) -> Token | None:
    """The last word of a person's full name set off by commas right after a description
    POBJ that the parser did not take for its appositive ("the city's director, Jo Roe, the
    meters ..."; not "according to the report, Jo Roe, the chair, said"), else None."""
    doc = pobj.doc
    j = pobj.right_edge.i + 1
    if pobj.pos_ != "NOUN" or j >= len(doc) or doc[j].text != ",":
        return None
    if pobj.lower_ not in sp.PERSON_JOBS | sp.PERSON_NOUNS:  # a person's description only
        return None
    k = j + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].ent_type_ == "PERSON":
        k += 1
    if k - j - 1 < 2 or k >= len(doc) or doc[k].text != ",":
        return None
    return doc[k - 1]


def in_source_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'In a new poll, 60 percent ...', 'In a statement, the party ...': the poll or document
    opening the sentence is the source of what follows."""
    if tok.lower_ != "in" or tok.i != sent.start or tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in cues.SOURCE_DOCUMENTS:
        return None
    head = tok.head
    if cues.verb_score(head.lemma_.lower(), frame_of(head)) >= cues.THRESHOLD:
        return None  # "In a statement, the party said ...": the verb is the cue
    phrase_end = ctx.doc_end(pobj.right_edge)
    content = ctx.trim(phrase_end, ctx.doc_span(sent)[1])
    if content[1] - content[0] < 10:
        return None
    return Candidate(
        cue=ctx.doc_span(tok),
        content=content,
        source=ctx.trim(ctx.doc_start(pobj.left_edge), phrase_end, keep_closing_quote=False),
        source_tok=pobj,
        cue_tok=tok,
        content_root=tok.head if tok.head != tok else None,
        sent=sent,
        rule="in-source",
        confidence=0.55,
        according=True,
    )


def based_on_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'Based on information released by X, ...' — like 'according to'."""
    if tok.lower_ != "based" or tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "on":
        return None
    agent = next((t for t in tok.subtree if t.dep_ == "agent" or t.lower_ == "by"), None)
    if agent is None:
        return None
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    end = ctx.doc_end(pobj.right_edge)
    sent_start, sent_end = ctx.doc_span(sent)
    content = ctx.trim(end, sent_end)
    if content[1] <= content[0] or ctx.doc_start(tok) > sent_start + 2:
        return None
    return Candidate(
        cue=(ctx.doc_start(tok), ctx.doc_end(agent)),
        content=content,
        source=ctx.trim(ctx.doc_start(pobj.left_edge), end),
        source_tok=pobj,
        cue_tok=tok,
        content_root=sent.root,
        sent=sent,
        rule="according",
        confidence=0.55,
        according=True,
    )

"""Mend a shape of parse that hides a told clause from every stage after the parser.

"The mayor told a gathering that the bridge would close": the small English model hangs the
clause on the addressee as a relative clause ("a gathering that ..."), so the rules read the
addressee and the clause together as what was told, and the detector, whose features are the
parse's labels, reads that clause as no content and drops the claim (with or without a
dateline before it). A relative clause's "that" stands for a word of the clause; a clause
opened by "that" as a marker, with a subject of its own, is the verb's complement. It is hung
on the verb again, as the parser hangs it after a known audience ("told the council that").
The same clause after a place or time ("told reporters outside the hall that her husband
would return"), where the parser reads "that" as the object of a clause about the hall, is
the verb's complement too.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.extract.cues import ADDRESSEE_VERBS

__all__ = ["mend"]

# prepositions of where or when something was told, not of what about
_WHERE_PREPS = frozenset("at in on outside inside near after before during".split())


def mend(doc: Doc) -> Doc:
    """``doc`` with each clause told to an addressee, and read as the addressee's relative
    clause, hung on the telling verb as its complement (``ccomp``); changed in place."""
    for tok in doc:
        if tok.dep_ != "relcl" or tok.i < tok.head.i:
            continue
        obj = tok.head
        verb = obj.head
        if obj.dep_ == "pobj" and obj.head.dep_ == "prep":
            verb = obj.head.head
            if not _told_where(verb, obj.head):
                continue
        elif obj.dep_ != "dobj":
            continue
        if verb.lemma_.lower() not in ADDRESSEE_VERBS:
            continue
        kids = list(tok.children)
        that = next((k for k in kids if k.lower_ == "that" and k.i == tok.left_edge.i), None)
        if that is None or not any(k.dep_ in ("nsubj", "nsubjpass") for k in kids):
            continue
        if obj.dep_ == "pobj" and any(k.dep_ == "ccomp" for k in kids):
            continue  # "... at the house that he built in 1990 that she would sell it"
        if that.dep_ == "mark" or obj.dep_ == "pobj" and that.dep_ == "dobj":
            tok.head = verb
            tok.dep_ = "ccomp"
            that.dep_ = "mark"
    return doc


def _told_where(verb: Token, prep: Token) -> bool:
    """Whether PREP, a place or time after VERB, follows the addressee VERB told ("told
    reporters outside the hall that ...": the clause is what was told, not the hall's), the
    verb having no complement clause of its own."""
    if prep.lower_ not in _WHERE_PREPS:
        return False  # "told reporters about the house that her husband built": its matter
    kids = list(verb.children)
    told = any(k.dep_ == "dobj" and k.i < prep.i for k in kids)
    return told and not any(k.dep_ == "ccomp" for k in kids)

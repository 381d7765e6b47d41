"""Mend a shape of parse that hides a told clause from every stage after the parser.

"The mayor told a gathering that the bridge would close": the small English model hangs the
clause on the addressee as a relative clause ("a gathering that ..."), so the rules read the
addressee and the clause together as what was told, and the detector, whose features are the
parse's labels, reads that clause as no content and drops the claim (with or without a
dateline before it). A relative clause's "that" stands for a word of the clause; a clause
opened by "that" as a marker, with a subject of its own, is the verb's complement. It is hung
on the verb again, as the parser hangs it after a known audience ("told the council that").
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.extract.cues import ADDRESSEE_VERBS

__all__ = ["mend"]


def mend(doc: Doc) -> Doc:
    """``doc`` with each clause told to an addressee, and read as the addressee's relative
    clause, hung on the telling verb as its complement (``ccomp``); changed in place."""
    for tok in doc:
        if tok.dep_ != "relcl" or tok.i < tok.head.i:
            continue
        obj = tok.head
        verb = obj.head
        if obj.dep_ != "dobj" or verb.lemma_.lower() not in ADDRESSEE_VERBS:
            continue
        kids = list(tok.children)
        if any(k.dep_ == "mark" and k.lower_ == "that" for k in kids) and any(
            k.dep_ in ("nsubj", "nsubjpass") for k in kids
        ):
            tok.head = verb
            tok.dep_ = "ccomp"
    return doc

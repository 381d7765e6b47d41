"""Character-span helpers over spaCy Docs (offsets relative to the Doc's text; a token's
document offsets come from ``segment.Parsed``) and the trimming of spans in a text."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import NamedTuple

from spacy.attrs import DEP, IS_ALPHA, IS_LOWER, IS_TITLE, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

QUOTE_CHARS = "\"“”«»„'‘’"
_TRIM_LEAD = set(" \t\n\r\u00a0,;:—–-.…)]}")
_TRIM_TAIL = set(" \t\n\r\u00a0,;:—–-.…([{")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins its tokens again on every access)."""
    text = doc.user_data.get("claimtrack.text")
    if text is None:
        text = doc.user_data["claimtrack.text"] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """Each token's start offset, listed once per Doc."""
    starts = doc.user_data.get("claimtrack.starts")
    if starts is None:
        starts = doc.user_data["claimtrack.starts"] = [t.idx for t in doc]
    return starts


class Columns(NamedTuple):
    """A Doc's token attributes as spaCy keeps them, one list each, by token: the ids of its
    strings (``orth``, ``lower``, ``lemma``, ``pos``, ``dep``: compare with ``ids``, read a
    string back with ``doc.vocab.strings``; ``tag``, the fine part of speech),
    ``sent_start`` (1 at a sentence's first token) and the flags ``is_lower``, ``is_title``,
    ``is_alpha`` (1 or 0)."""

    orth: list[int]
    lower: list[int]
    lemma: list[int]
    pos: list[int]
    tag: list[int]
    dep: list[int]
    sent_start: list[int]
    is_lower: list[int]
    is_title: list[int]
    is_alpha: list[int]


_COLUMNS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, SENT_START, IS_LOWER, IS_TITLE, IS_ALPHA]


def columns(doc: Doc) -> Columns:
    """The Doc's token attributes (``Columns``), read once per Doc with ``Doc.to_array``: a
    pass that asks each token (``for t in doc: t.lower_``) builds a Token and a string for
    every token, where most passes want the few tokens of a word list or a part of speech."""
    cols = doc.user_data.get("claimtrack.columns")
    if cols is None:
        rows = doc.to_array(_COLUMNS).T.tolist() if len(doc) else [[] for _ in _COLUMNS]
        cols = doc.user_data["claimtrack.columns"] = Columns(*rows)
    return cols


def ids(strings: Iterable[str]) -> frozenset[int]:
    """The ids spaCy gives these strings (as in ``Columns``: a part of speech, a dependency
    label, a word)."""
    return frozenset(get_string_id(s) for s in strings)


def doc_ents(doc: Doc) -> list[tuple[int, int, int, int, str]]:
    """The Doc's entities as (first token, end token, start char, end char, label), listed
    once per Doc (spaCy builds every entity's Span again on each ``doc.ents``)."""
    ents = doc.user_data.get("claimtrack.ents")
    if ents is None:
        ents = doc.user_data["claimtrack.ents"] = [
            (e.start, e.end, e.start_char, e.end_char, e.label_) for e in doc.ents
        ]
    return ents


def entity_at(doc: Doc, i: int) -> tuple[int, int] | None:
    """The first and end token of the entity token i is in (entities do not overlap)."""
    ents = doc_ents(doc)
    starts = doc.user_data.get("claimtrack.ent_starts")
    if starts is None:
        starts = doc.user_data["claimtrack.ent_starts"] = [e[0] for e in ents]
    k = bisect.bisect_right(starts, i) - 1
    return (ents[k][0], ents[k][1]) if k >= 0 and i < ents[k][1] else None


def trim(text: str, start: int, end: int, *, keep_closing_quote: bool = True) -> tuple[int, int]:
    """Strip whitespace and stray edge punctuation, keeping balanced quote marks."""
    while start < end and (text[start] in _TRIM_LEAD or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRIM_TAIL or text[end - 1].isspace()):
        end -= 1
    if end > start and text[end - 1] in QUOTE_CHARS and not keep_closing_quote:
        end -= 1
    # an unmatched closing quote mark at the end, or opening mark at the start, is dropped
    if end > start and text[end - 1] in '”"' and not any(c in '“"' for c in text[start : end - 1]):
        end -= 1
        while end > start and (text[end - 1] in _TRIM_TAIL or text[end - 1].isspace()):
            end -= 1
    if end > start and text[start] in '“"' and not any(c in '”"' for c in text[start + 1 : end]):
        start += 1
        while start < end and (text[start] in _TRIM_LEAD or text[start].isspace()):
            start += 1
    return start, end

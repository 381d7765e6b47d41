"""Headlines in Title Case or ALL CAPS parse badly: every word looks like a proper noun.

``parse_forms`` gives the text to parse instead, same length, with the common words lower-cased
(a word keeps its capitals when the body of the article writes it that way mid-sentence, as
names are); ``restore`` puts the original words back on the parsed tokens, keeping the parse.
Offsets never move, so spans found on the recased parse index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from claimtrack.extract.wordlists import words

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_MAX_WORDS = 25
_SMALL = words("title_small_words")


def _shouting_or_title(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(words) < 3 or len(words) > _MAX_WORDS:
        return False
    if sum(w.isupper() and len(w) > 1 for w in words) >= 0.8 * len(words):
        return True
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def body_forms(text: str) -> set[str]:
    """Capitalised words the article writes mid-sentence (names), to keep in headlines."""
    forms: set[str] = set()
    for m in re.finditer(r"(?<=[a-z,;] )[A-Z][\w'’.-]*", text):
        forms.add(m.group())
    return forms


def parse_forms(text: str, lines: list[str]) -> list[str]:
    """The text to parse for each line of ``text``: the line itself, or its common-case form
    when it is in Title Case or ALL CAPS (the article's names are read only then)."""
    names: set[str] | None = None
    out = []
    for line in lines:
        if _shouting_or_title(line):
            names = body_forms(text) if names is None else names
            out.append(_recase(line, names))
        else:
            out.append(line)
    return out


def _recase(line: str, names: set[str]) -> str:
    """The line with its common words lower-cased and the article's names kept."""

    def recase(m: re.Match[str]) -> str:
        w = m.group()
        key = _same_length(w, str.title) if w.isupper() and len(w) > 1 else w
        return key if key in names else _same_length(w, str.lower)

    recased = _WORD.sub(recase, line)
    if recased[:1].isalpha():
        return _same_length(recased[:1], str.upper) + recased[1:]
    return recased


def _same_length(text: str, case: Callable[[str], str]) -> str:
    """``case(text)`` with every character at its offset: where a character's case mapping is
    not one character ('ß' and 'ﬁ' upper-case to 'SS' and 'FI', 'İ' lower-cases to 'i' and a
    dot), the characters are mapped one by one and such a character is kept as it is. (A
    mapping never shrinks, so a result of the same length maps each character to one.)"""
    out = case(text)
    if len(out) == len(text):
        return out
    return "".join(m if len(m := case(c)) == 1 else c for c in text)


def restore(doc: Doc, original: str) -> Doc:
    """A Doc with the original words and the parse of ``doc`` (same characters, other case)."""
    words = [original[t.idx : t.idx + len(t.text)] for t in doc]
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in doc],
        pos=[t.pos_ for t in doc],
        morphs=[str(t.morph) for t in doc],
        lemmas=[t.lemma_ for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc],
    )

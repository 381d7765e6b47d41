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
_TITLES = {"Mr.", "Mrs.", "Ms.", "Dr."}


def _shouting_or_title(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(words) < 3 or len(words) > _MAX_WORDS:
        return False
    if sum(w.isupper() and len(w) > 1 for w in words) >= 0.8 * len(words):
        return True
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def body_forms(text: str) -> set[str]:
    """Capitalised words the article writes mid-sentence (names), to keep in headlines: each
    word of a run of capitalised words that starts after a small letter, a comma or a
    semicolon ("... by Donald J. Trump", "... met Roe."; a name's full stop is left off when
    the rest is a word) or after a title ("Mr. Roe"). Lines in Title Case or ALL CAPS do not
    count: there every word follows a small letter, so a headline's verbs ("Praises") would
    pass for names."""
    forms: set[str] = set()
    for line in text.splitlines():
        if not _shouting_or_title(line):
            forms.update(_name_runs(line.split(" ")))
    return forms


def _name_runs(words: list[str]) -> set[str]:
    """The words of ``body_forms``'s runs in one line split at its spaces."""
    out: set[str] = set()
    run = False
    for before, w in zip(["", *words], words, strict=False):
        m = _WORD.match(w)
        if not w[:1].isupper() or m is None:
            run = False
            continue
        opens = before[-1:].islower() or before[-1:] in (",", ";") or before in _TITLES
        run = opens or (run and (not before.endswith(".") or len(before) <= 3))
        if run:
            out.add(m.group())
            if m.group().endswith(".") and m.group()[:-1].isalpha():
                out.add(m.group()[:-1])
    return out


def parse_forms(text: str, lines: list[str]) -> list[str]:
    """The text to parse for each line of ``text``: the line itself, or its common-case form
    when it is in Title Case or ALL CAPS (the article's names are read only then). The
    headline (the first line), when it opens with two words the article writes as a name
    ("Jo Roe Slams ..."), keeps only the names of ``body_forms``: its verbs are read as verbs.
    Other such lines keep every word the article capitalises after a small letter, their
    own included (a headline opening with a description, "Top Harbour Group Says ...", or a
    single name parses better so: measured in docs/evaluation.md)."""
    names: set[str] | None = None
    out = []
    for i, line in enumerate(lines):
        if not _shouting_or_title(line):
            out.append(line)
        elif i == 0 and _opens_with_name(line, forms := body_forms(text)):
            out.append(_recase(line, forms | {"I"}))
        else:
            names = _any_capitalised(text) if names is None else names
            out.append(_recase(line, names))
    return out


def _opens_with_name(line: str, names: set[str]) -> bool:
    """Whether the line's first two words are both among NAMES."""
    first = [_key(m.group()) for m in _WORD.finditer(line)][:2]
    return len(first) == 2 and all(w in names for w in first)


def _any_capitalised(text: str) -> set[str]:
    """Capitalised words after a small letter, a comma or a semicolon, anywhere in TEXT."""
    return {m.group() for m in re.finditer(r"(?<=[a-z,;] )[A-Z][\w'’.-]*", text)}


def _key(word: str) -> str:
    """A word as the name sets hold it: an ALL CAPS word in Title Case."""
    return _same_length(word, str.title) if word.isupper() and len(word) > 1 else word


def _recase(line: str, names: set[str]) -> str:
    """The line with its common words lower-cased and the article's names kept."""

    def recase(m: re.Match[str]) -> str:
        w = m.group()
        key = _key(w)
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

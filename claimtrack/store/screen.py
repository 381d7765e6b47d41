"""A screen before a keyword search: which patterns cannot match a text, told without searching.

The topic tagger searches each claim's words with each topic's keyword patterns (about 360,000
searches for PolNeAR dev), and most find nothing. Each pattern the tagger builds starts at a
word's start (``(?<!\\w)``) with a keyword whose first characters are plain letters: a match
begins with one of those few heads ("electi" of "election*", "ukrain" of "Ukraine"). ``may_match``
answers False when no head of the pattern is at a word start of the text: the search would
find nothing, so it is not run. It never answers False where the search would find something:
the heads are read off the pattern itself (``heads``), compared in small letters as the
pattern's IGNORECASE compares them (``FOLD``); a pattern of another shape is always searched.
``Screen`` answers the same for a list of patterns at once (a taxonomy's topics): one look-up
a word start of the text, not one comparison a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, TypeVar

T = TypeVar("T")
HEAD = 6  # characters of a keyword's start compared

# what \s matches (every code point: tests/store/test_screen.py checks them all)
SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(
    map(chr, [*range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000])
)
# a text and a head compared as IGNORECASE compares them: ASCII capitals as small letters,
# the characters beyond ASCII that IGNORECASE matches to an ASCII letter as that letter (all
# of them, checked as SPACES are), and every space as " " (a keyword's "[\s\-]+")
FOLD = str.maketrans(
    {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
    | {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
    | dict.fromkeys(SPACES, " ")
)

# the first HEAD characters at each word start (compiled on first use, by re's own cache: a
# query command imports this module with the taxonomy and tags nothing)
_WINDOW = rf"(?<!\w)(?=(.{{1,{HEAD}}}))"
_WORD_START = "(?<!\\w)"


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """PATTERN may find something in TEXT: False only when its search would find nothing."""
    return may_find(pattern, starts(text))


def may_find(pattern: re.Pattern[str], words: frozenset[str]) -> bool:
    """PATTERN may find something in a text whose word starts are WORDS (``starts``, or the
    union of several texts' starts: then in one of those texts)."""
    found = heads(pattern)
    return found is None or not found.isdisjoint(words)


class Screen:
    """``may_find`` of many patterns at once: which of PATTERNS may find something in a text
    whose word starts are WORDS, told by looking each word start up once, where ``may_find``
    compares a pattern's heads with the words, pattern after pattern (the tagger screens a
    claim's words for each of a taxonomy's 100-odd topics: most of its screening time)."""

    def __init__(
        self, patterns: Sequence[re.Pattern[str]], never: re.Pattern[str] | None = None
    ) -> None:
        """NEVER: a pattern that finds nothing (a topic without keywords of a kind has it):
        where it stands, no bit is ever set."""
        self.always = 0  # the patterns always searched (no heads): bit i for the i-th
        self.by_head: dict[str, int] = {}  # a head -> the patterns it may start
        for i, pattern in enumerate(patterns):
            if pattern is never:
                continue
            found = heads(pattern)
            if found is None:
                self.always |= 1 << i
            for head in found or ():
                self.by_head[head] = self.by_head.get(head, 0) | 1 << i

    def may_find(self, words: frozenset[str]) -> int:
        """Bit i set: the i-th pattern may find something in a text whose word starts are
        WORDS (``may_find`` of that pattern); unset: its search would find nothing."""
        bits, by_head = self.always, self.by_head
        for head in by_head.keys() & words:
            bits |= by_head[head]
        return bits


def pick(items: Sequence[T], bits: int) -> list[T]:
    """The ITEMS whose bit is set in BITS (bit i: the i-th item), in order."""
    out = []
    while bits:
        low = bits & -bits
        out.append(items[low.bit_length() - 1])
        bits ^= low
    return out


class Alternation:
    """The pattern ``(?<!\\w)(?:A1|A2|...)END`` of ALTERNATIVES, compiled when first searched,
    as ``re.compile(PATTERN, FLAGS)`` would be: its heads are read off each alternative
    (``heads``) without compiling it, so a taxonomy's screens are built without compiling
    its topics' patterns, and a topic's pattern is compiled only when a text may start one
    of its keywords (issue 16: about 0.7 s of every process compiled them all). After its
    first use a method (``search``, ``finditer``...) is the compiled pattern's own."""

    def __init__(self, alternatives: Sequence[str], end: str, flags: int = 0) -> None:
        self.alternatives = tuple(alternatives)
        self.pattern = rf"{_WORD_START}(?:{'|'.join(self.alternatives)}){end}"
        self.flags = flags
        self.compiled: re.Pattern[str] | None = None  # until first searched

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # pickle's and copy's look-ups: nothing to compile
            raise AttributeError(name)
        if self.compiled is None:
            self.compiled = re.compile(self.pattern, self.flags)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value


@cache
def heads(pattern: re.Pattern[str] | Alternation) -> frozenset[str] | None:
    """The first characters (1 to HEAD, in small letters) one of which every match of PATTERN
    starts with, at a word start; None when PATTERN is not of that shape (then it is searched).
    Of an ``Alternation``, the union of its alternatives' (each read once a process)."""
    if isinstance(pattern, Alternation):
        found: set[str] = set()
        for alternative in pattern.alternatives:
            one = _alternative_heads(alternative, pattern.flags)
            if one is None:
                return None
            found |= one
        return frozenset(found) if found else None
    return _source_heads(pattern.pattern, pattern.flags)


# a regular expression's special characters, outside a class (re's own list, the escapes
# and the flags' "#" and space left out: they are plain characters here)
_SPECIAL = frozenset("\\.^$*+?{}[]|()")
# what may follow a keyword's plain start and end the head there: nothing, a prefix's tail
# or a plural's (store/taxonomy.py's ``_keyword_body``)
_ENDS = ("", r"\w*", "(?:s|es)?")
# HEAD letters or figures, the last not left out or repeated ("colou?r"): the head itself
_LETTERS = re.compile(rf"[A-Za-z0-9]{{{HEAD}}}(?![?*{{])")
_Token = tuple[frozenset[str], bool]  # the characters (folded) of one place; repeated ("+")


@cache
def _alternative_heads(alternative: str, flags: int) -> frozenset[str] | None:
    """``heads`` of ``(?<!\\w)(?:ALTERNATIVE)``: read off its characters when it starts with
    plain ones (a keyword's words and the spaces or hyphens between them), else parsed as
    ``heads`` parses a pattern (about a third of a taxonomy's: parsing took 0.2 to 0.4 s)."""
    if not flags & re.VERBOSE and (m := _LETTERS.match(alternative)):
        return frozenset([m.group(0).lower()])  # most keywords: their first letters
    tokens = None if flags & re.VERBOSE else _plain_start(alternative)
    if tokens is None:
        return _source_heads(rf"{_WORD_START}(?:{alternative})", flags)
    found = _expand(tuple(tokens), HEAD)
    return None if not found or "" in found else frozenset(found)


def _plain_start(alternative: str) -> list[_Token] | None:  # noqa: C901 (one case a shape)
    """The places of ALTERNATIVE's first HEAD characters, when each is a plain character, an
    escaped one, ``\\s`` or a class of those, once or repeated ("+"), up to where the head
    ends (a character IGNORECASE matches beyond ASCII, or the end of the alternative or one of
    ``_ENDS``); None for any other shape (a quantifier, a group, a range...)."""
    tokens: list[_Token] = []
    i = 0
    while len(tokens) < HEAD and i < len(alternative):
        ch = alternative[i]
        if ch == "[":
            close = alternative.find("]", i + 2)
            members = _members(alternative[i + 1 : close]) if close > 0 else None
            if members is None:
                return None
            chars, step = members, close + 1 - i
        elif ch == "\\" and alternative[i + 1 : i + 2] == "s":
            chars, step = [" "], 2
        elif ch == "\\" and i + 1 < len(alternative) and not alternative[i + 1].isalnum():
            chars, step = [alternative[i + 1]], 2  # an escaped punctuation mark: itself
        elif ch in _SPECIAL:
            break
        else:
            chars, step = [ch], 1
        after = alternative[i + step : i + step + 1]
        if after and after in "?*{":
            return None  # a place that may be left out: parsed
        folded = frozenset(c.translate(FOLD) for c in chars)
        if not all(c.isascii() for c in folded):
            return tokens  # where the head ends, as parsed
        tokens.append((folded, after == "+"))
        i += step + (after == "+")
    return tokens if len(tokens) == HEAD or alternative[i:] in _ENDS else None


def _members(body: str) -> list[str] | None:
    """The characters a class's BODY lists (plain, escaped punctuation, ``\\s`` as a space);
    None for a range, a negation or another escape."""
    out, i = [], 0
    if body.startswith("^"):
        return None
    while i < len(body):
        if body[i] == "\\" and body[i + 1 : i + 2] == "s":
            out.append(" ")
        elif body[i] == "\\" and i + 1 < len(body) and not body[i + 1].isalnum():
            out.append(body[i + 1])
        elif body[i] in "\\-[]":
            return None
        else:
            out.append(body[i])
            i += 1
            continue
        i += 2
    return out or None


def _expand(tokens: tuple[_Token, ...], n: int) -> set[str]:
    """The heads of N characters or fewer TOKENS spell, as ``_heads`` reads a repeat: once,
    then the rest or again."""
    if n == 0 or not tokens:
        return {""}
    (chars, repeated), rest = tokens[0], tokens[1:]
    after = _expand(rest, n - 1)
    if repeated:
        after |= _expand(tokens, n - 1)
    return {c + h for c in chars for h in after}


def _source_heads(source: str, flags: int) -> frozenset[str] | None:
    """``heads`` of the pattern SOURCE compiled with FLAGS, read off re's parse of it."""
    if not source.startswith(_WORD_START):
        return None
    try:  # the re module's own parser (private, 3.11 on): the pattern as re reads it
        from re import _parser

        parsed = list(_parser.parse(source, flags))
    except (ImportError, AttributeError, re.error):
        return None  # a Python without it: every pattern is searched, as before the screen
    if not parsed or str(parsed[0][0]) != "ASSERT_NOT":
        return None  # an alternation at the top: "(?<!\\w)a|b"
    found = _heads(parsed[1:], HEAD)  # after the word-start check
    if not found or "" in found:
        return None
    return frozenset(found)


def _heads(items: list, n: int) -> set[str]:  # noqa: C901 (one case per node of the parse)
    """The first N or fewer characters every match of the parsed ITEMS may start with: a head
    ends where the pattern stops being plain characters ("" when at once)."""
    if n == 0 or not items:
        return {""}
    (op, av), rest = items[0], items[1:]
    name = str(op)
    if name == "LITERAL":
        return _then(_chars([(op, av)]), rest, n)
    if name == "IN":  # a class of a few characters ("[\s\-]", "[sz]")
        return _then(_chars(av), rest, n)
    if name == "SUBPATTERN":  # a group: its items, then the rest
        return _heads(list(av[3]) + rest, n)
    if name == "BRANCH":
        out: set[str] = set()
        for alternative in av[1]:
            out |= _heads(list(alternative) + rest, n)
        return out
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        return _repeat(op, av, rest, n)
    return {""}  # an assertion, a category...: the head ends here


def _repeat(op: object, av: tuple, rest: list, n: int) -> set[str]:
    """The heads of a repeat of ITEM (LO to HI times) and the REST after it: a repeat of one
    character at a time ("[\\s\\-]+") read one by one; another ends the head after its
    first time, or at once when it may be left out ("(?:s|es)?")."""
    lo, hi, item = av[0], av[1], list(av[2])
    if len(item) != 1 or str(item[0][0]) not in ("LITERAL", "IN"):
        return _heads(item, n) if lo >= 1 else {""}
    again = [item[0], (op, (max(lo - 1, 0), hi - 1, item))] if hi >= 1 else []
    if lo >= 1:
        return _heads(again + rest, n)
    return _heads(rest, n) | (_heads(again + rest, n) if again else set())


def _chars(members: list) -> set[str] | None:
    """The characters (folded) a class of parsed MEMBERS matches; None when not a few plain
    ones (a range, a negation, a category other than spaces)."""
    out: set[str] = set()
    for op, av in members:
        if str(op) == "LITERAL" and chr(av).translate(FOLD).isascii():
            out.add(chr(av).translate(FOLD))
        elif str(op) == "CATEGORY" and str(av) == "CATEGORY_SPACE":
            out.add(" ")
        else:
            return None
    return out


def _then(chars: set[str] | None, rest: list, n: int) -> set[str]:
    if chars is None:
        return {""}
    after = _heads(rest, n - 1)
    return {ch + h for ch in chars for h in after}


@lru_cache(maxsize=4096)
def starts(text: str) -> frozenset[str]:
    """The first 1 to HEAD characters at each word start of TEXT, in small letters (FOLD)."""
    windows = re.findall(_WINDOW, text.translate(FOLD), re.DOTALL)
    return frozenset([*windows, *(w[:i] for i in range(1, HEAD) for w in windows)])

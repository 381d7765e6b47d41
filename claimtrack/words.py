"""Plain helpers on English words: lower-case words with clitics off, spaCy's stop words and
how common a word is in general English (the ``wordfreq`` package's Zipf frequency).

Used by topic suggestions (what the untagged claims share that general English does not) and
by the tagger (whether a claim's own words say what it is about)."""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_CLITIC = re.compile(r"(?:'s|'re|'ve|'ll|'d|'m|n't|')$")


def words(text: str) -> list[str]:
    """Lower-case words, clitics off: "Trump's" -> "trump", "don't" -> "do"."""
    found = _WORD.findall(text.lower().replace("\u2019", "'"))
    return [w for t in found if (w := _CLITIC.sub("", t).replace("'", ""))]


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (imported when first asked for, not at start-up)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# spaCy's stop words that wordfreq counts less common than a Zipf frequency of 5: with that
# frequency they tell a function word from a word of substance without importing spaCy
UNCOMMON_STOP_WORDS = frozenset(
    "afterwards amongst anyhow anyway anywhere becomes becoming beforehand beside besides beyond "
    "bottom eleven elsewhere empty everywhere fifteen fifty formerly forty hence hereafter hereby "
    "herein hereupon hers herself hundred indeed latter latterly meanwhile moreover mostly namely "
    "neither nevertheless nine nobody none noone nor nowhere onto otherwise ours ourselves "
    "regarding seemed seeming sixty somehow sometime somewhere thence thereafter thereby therefore "
    "therein thereupon throughout thru thus toward twelve twenty unless whence whenever "
    "whereafter whereas whereby wherein whereupon wherever whither whoever whom yours "
    "yourselves".split()
)


@functools.lru_cache(maxsize=1 << 16)
def english_frequency(phrase: str) -> float:
    """Zipf frequency of PHRASE in general English (wordfreq's lists, shipped in its package);
    kept by phrase (the tagger asks the same words claim after claim)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(phrase, "en")

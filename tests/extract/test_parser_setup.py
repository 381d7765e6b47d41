"""How the spaCy pipeline is loaded and run: numpy's matrix products, one-core timing, and the
per-Doc caches the extractor reads."""

from __future__ import annotations

import pytest
import spacy
from threadpoolctl import threadpool_info

from claimtrack.extract import nlp
from claimtrack.extract.spans import doc_text, token_starts

PARAGRAPHS = [
    "The mayor said on Monday that the bridge would reopen in the spring.",
    "“We are not going to wait,” the union's spokeswoman told reporters, adding that a strike "
    "was likely.",
    "According to two officials, the minister has been asked to resign.",
]


def _parse(
    model: spacy.language.Language,
    paragraphs: list[str] = PARAGRAPHS,
    batch_size: int | None = None,
) -> list[list[tuple[str, int, str, str, str, str]]]:
    return [
        [(t.text, t.head.i, t.dep_, t.tag_, t.lemma_, t.ent_type_) for t in doc]
        for doc in model.pipe(paragraphs, batch_size=batch_size)
    ]


def test_the_pipeline_multiplies_with_numpy_not_blis() -> None:
    loaded = nlp.load()
    models = {name: pipe.model for name, pipe in loaded.pipeline if getattr(pipe, "model", None)}
    assert {"tok2vec", "parser"} <= models.keys()
    assert all(m.ops.name == "numpy" and not m.ops.use_blis for m in models.values())


def test_numpy_products_parse_as_blis_does() -> None:
    default = spacy.load(nlp.model_name())  # thinc's default ops (BLIS)
    assert default.get_pipe("parser").model.ops.use_blis
    assert _parse(nlp.load()) == _parse(default)


def test_one_core_keeps_blas_to_one_thread_and_restores_it() -> None:
    def threads() -> list[int]:
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    before = threads()
    assert before, "numpy should bring a BLAS library"
    with nlp.one_core():
        assert threads() == [1] * len(before)
    assert threads() == before


def test_cached_text_and_starts_match_spacy() -> None:
    for doc in nlp.load().pipe(PARAGRAPHS):
        assert doc_text(doc) == doc.text
        assert doc_text(doc) is doc_text(doc)  # joined once
        assert token_starts(doc) == [t.idx for t in doc]


@pytest.mark.slow
def test_batched_parses_equal_one_paragraph_at_a_time() -> None:
    from claimtrack.extract.pipeline import BATCH_SIZE

    # more paragraphs than a batch holds, of different lengths, so batches are padded
    days = ["Monday", "Tuesday", "Friday", "Sunday"] * (BATCH_SIZE // 8 + 1)
    paragraphs = [
        " ".join([p.replace("Monday", day)] * (1 + k % 3))
        for k, (day, p) in enumerate((d, p) for d in days for p in PARAGRAPHS)
    ]
    assert len(paragraphs) > BATCH_SIZE
    model = nlp.load()
    assert _parse(model, paragraphs, BATCH_SIZE) == _parse(model, paragraphs, 1)

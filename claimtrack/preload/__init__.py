"""Imported by the forkserver of `ingest --workers N`: the extractor and the language
identifier made ready once, in that one process, before the workers are forked from it
(copy-on-write), so N workers cost one load of spaCy's pipeline, the learned models and
py3langid's model, not N. (The workers read every file and tell its language, issue 16:
each loaded the identifier at its first document when it was not loaded here.) When a run
may read web pages, the forkserver imports ``claimtrack.preload.pages`` as well (the page
readers), chosen from the command's arguments before it starts (ingest.start_loading).

The forkserver is a fresh interpreter (not a fork of the process that stores, so it holds
no database connection); BLAS is kept to one thread in it, as in each worker (the workers
share the cores). Importing this module does the work: it is what a forkserver's preload
runs. An error here is left for the worker to meet again and report (a missing model file
stops the job there, with its message)."""

from __future__ import annotations

# written for this warm-up: speakers, cues and quotes, so every stage runs once
WARM_TEXT = (
    "Harbour news\n\n"
    'Jane Holloway, the port director, said on Monday that "the new ferry terminal would '
    'open in June." The council agreed, she told reporters.\n\n'
    "Tom Ruiz, a councillor, said the harbour plan was unfair to commuters who cross the "
    "bay every morning, and that the fares had risen twice since the spring.\n"
)


def warm() -> None:
    """Load what every worker needs: BLAS kept to one thread, the pipeline and the learned
    models (run once on WARM_TEXT), and the language identifier's model."""
    from threadpoolctl import threadpool_limits

    from claimtrack.extract import extract
    from claimtrack.extract.nlp import load
    from claimtrack.io.language import detect

    threadpool_limits(limits=1)
    load()
    extract(WARM_TEXT, None, learned=True)
    detect(WARM_TEXT * 2)  # over the letters a language needs: the model is loaded


try:
    warm()
except Exception:  # noqa: BLE001, S110 - each worker loads what it needs again and says why
    pass

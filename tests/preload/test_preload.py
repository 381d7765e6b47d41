"""What the forkserver of `ingest --workers N` loads once for its workers (claimtrack/preload/):
the extractor and the language identifier always, the page readers when pages may come."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_preload_readies_the_extractor_and_the_language_identifier_not_the_pages():
    # the workers read every file and tell its language: the identifier is loaded once, in
    # the forkserver, not in each worker at its first document; the page readers only by
    # claimtrack.preload.pages, which the forkserver imports when pages may come
    code = (
        "import claimtrack.preload, sys\n"
        "from claimtrack.extract.nlp import load\n"
        "from claimtrack.io.language import _identifier\n"
        "print(load.cache_info().currsize, _identifier.cache_info().currsize,"
        " 'trafilatura' in sys.modules, 'ftfy' in sys.modules)\n"
        "import claimtrack.preload.pages, tld.utils\n"
        "print('trafilatura' in sys.modules, 'ftfy' in sys.modules, bool(tld.utils.tld_names))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.split() == ["1", "1", "False", "False", "True", "True", "True"]

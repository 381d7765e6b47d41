"""No pieces of the corpora in the repository.

The PolNeAR texts and the web pages of ../shared/web-articles are publishers' copyrighted
content: the repository holds only code and text written for it. Any run of RUN words that
a file of docs/, tests/, claimtrack/ or README.md shares with a corpus text is a copied piece,
the stock newsroom phrases of STOCK, which any article would write, taken out first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "polnear"
WEB = SHARED / "web-articles"

RUN = 7  # 8 until 2026-12 (5- to 7-word quotations of articles got through); 6 finds ~110
# lines of plain newsroom English ("said in a statement that the", "by the end of the year")
SCANNED = ("docs", "tests", "claimtrack", "README.md")
SUFFIXES = {".md", ".py", ".txt", ".toml", ".json", ".html", ".js", ".css", ".cfg", ".ini"}

# generic phrases of any news article, each allowed wherever it is written (not corpus
# sentences): each is a formula or a name that many articles of many outlets write the same way
STOCK = (
    "did not respond to a request for comment",  # a reporter's line on a silent source
    "didn't immediately return a request seeking comment",  # the wire services' form of it
    "U.S. Court of Appeals for the",  # a federal court's name, before its circuit
    "in an interview with The Washington Post",  # a sourcing formula naming the outlet
)

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text.replace("\u2019", "'"))]


def _runs(words: list[str]) -> set[int]:
    return {hash(tuple(words[i : i + RUN])) for i in range(len(words) - RUN + 1)}


def _long_strings(node: object):
    if isinstance(node, str):
        if len(node) > 200:
            yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _long_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _long_strings(value)


def _corpus_runs() -> set[int]:
    runs: set[int] = set()
    for path in POLNEAR.glob("*/text/*.txt"):
        runs |= _runs(_words(path.read_text(encoding="utf-8")))
    truth = json.loads((WEB / "ground-truth.json").read_text(encoding="utf-8"))
    for text in _long_strings(truth):
        runs |= _runs(_words(text))
    return runs


def _repository_files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts
            )
    return files


def copied_lines(corpus: set[int], path: Path) -> list[tuple[int, str]]:
    """(line, words) of each run of RUN words of the file found in the corpus, across line ends."""
    located: list[tuple[str, int]] = []
    for number, line in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        located += [(word, number) for word in _words(line)]
    words = [w for w, _ in located]
    for phrase in map(_words, STOCK):  # no run through a stock phrase
        for i in range(len(words) - len(phrase) + 1):
            if words[i : i + len(phrase)] == phrase:
                words[i : i + len(phrase)] = [""] * len(phrase)
    hits: dict[int, str] = {}
    for i in range(len(words) - RUN + 1):
        if hash(tuple(words[i : i + RUN])) in corpus:
            hits.setdefault(located[i][1], " ".join(words[i : i + RUN]))
    return sorted(hits.items())


@pytest.mark.skipif(
    not (POLNEAR.is_dir() and (WEB / "ground-truth.json").is_file()),
    reason="needs ../shared/polnear and ../shared/web-articles beside the repository",
)
def test_no_run_of_words_is_copied_from_the_corpora() -> None:
    corpus = _corpus_runs()
    found = [
        f"{path.relative_to(ROOT)}:{line}: {words!r}"
        for path in _repository_files()
        for line, words in copied_lines(corpus, path)
    ]
    assert not found, (
        f"{len(found)} lines share a run of {RUN} words with a corpus text (publishers' content); "
        "rewrite each as an invented sentence of the same shape, or add a generic newsroom "
        "phrase to STOCK:\n" + "\n".join(found)
    )

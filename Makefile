# Every target builds its own virtual environment, so a fresh machine needs only Python ≥ 3.11 and git.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck pytest bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

## demo: validate the sample community (finds the planted mistakes) and list its members
demo: $(STAMP)
	@echo '$$ cmty --repo sample_data validate'
	-@$(BIN)/cmty --repo sample_data validate
	@echo
	@echo '$$ cmty --repo sample_data list member --where org=O02 --sort name'
	@$(BIN)/cmty --repo sample_data list member --where org=O02 --sort name

## test: lint, type-check and run the test suite
test: lint pytest

lint: $(STAMP)
	$(BIN)/ruff check cmty tests bench
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

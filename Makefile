# Every target builds its own virtual environment, so a fresh machine needs only Python ≥ 3.11 and git.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint pytest bench install docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

## demo: validate the sample community (finds its planted mistakes), list what is due, a fund's year, a branch's assessment, a finance board, members
demo: $(STAMP)
	@echo '$$ cmty --repo sample_data validate'
	@$(BIN)/cmty --repo sample_data validate; status=$$?; \
	  echo "(退出码 / exit code $$status: 1 = 发现问题 / findings to fix)"; test $$status -eq 1
	@echo
	@echo '$$ cmty --repo sample_data remind'
	@$(BIN)/cmty --repo sample_data remind
	@echo
	@echo '$$ cmty --repo sample_data fund statement F01 --year 2026'
	@$(BIN)/cmty --repo sample_data fund statement F01 --year 2026
	@echo
	@echo '$$ cmty --repo sample_data assess O02 --year 2026'
	@$(BIN)/cmty --repo sample_data assess O02 --year 2026
	@echo
	@echo '$$ cmty --repo sample_data board finance --period 2026Q3'
	@$(BIN)/cmty --repo sample_data board finance --period 2026Q3
	@echo
	@echo '$$ cmty --repo sample_data list member --where org=O02 --sort name'
	@$(BIN)/cmty --repo sample_data list member --where org=O02 --sort name
	@echo
	@echo '$$ cmty --repo sample_data show M0036'
	@$(BIN)/cmty --repo sample_data show M0036
	@echo
	@echo '$$ cmty check-id 370102195511283937 91350100M000100Y43'
	@$(BIN)/cmty check-id 370102195511283937 91350100M000100Y43; test $$? -eq 1

## docs: regenerate docs/codes.md and docs/parameters.md from the code
docs: $(STAMP)
	$(BIN)/python -m cmty.catalogue > docs/codes.md
	$(BIN)/python -m cmty.config > docs/parameters.md

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

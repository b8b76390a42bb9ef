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

## demo: validate the sample community (finds its planted mistakes), list what is due, a fund's year, a branch's assessment, a finance board, members; publish and seal boards in a copy
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
	@echo
	@echo '# 在 sample_data 的临时副本中发布 2026Q3 公开栏，再改动一张已公开的凭证 / publish, then edit a sealed voucher'
	@d=$$(mktemp -d) && cp -r sample_data "$$d/data" && cd "$$d/data" && git init -q && \
	  git -c user.name=文书 -c user.email=clerk@heyuan.invalid add -A && \
	  git -c user.name=文书 -c user.email=clerk@heyuan.invalid commit -qm 导入 && \
	  echo '$$ cmty board publish --period 2026Q3 --as-of 2026-10-08' && \
	  GIT_AUTHOR_NAME=文书 GIT_AUTHOR_EMAIL=clerk@heyuan.invalid GIT_COMMITTER_NAME=文书 \
	  GIT_COMMITTER_EMAIL=clerk@heyuan.invalid $(CURDIR)/$(BIN)/cmty board publish --period 2026Q3 --as-of 2026-10-08 && \
	  sed -i.bak 's/"960.00"/"906.00"/' finance/vouchers/V2026-0022.yaml && rm finance/vouchers/V2026-0022.yaml.bak && \
	  echo '$$ cmty validate   # after changing V2026-0022 from 960.00 to 906.00' && \
	  { $(CURDIR)/$(BIN)/cmty validate | grep -A1 BOARD-; } && rm -rf "$$d"

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

# Two commands on a fresh clone: `make run` and `make test`. Only python3 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out
# An editable install compiles nothing; where PYTHONDONTWRITEBYTECODE is set
# (CI, containers) every command would compile its modules again (≈0.1 s).
BYTECODE := $(BIN)/python -m compileall -q glossary tm

.PHONY: run test test-pg bench lint types native clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/pip install -q -e '.[native]'
	$(BYTECODE)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/pip install -q -e '.[dev]'
	$(BYTECODE)
	touch $@ $(VENV)/.installed

# The hot modules compiled by mypyc beside their sources (tools/native.py):
# compiles only what changed; without a C compiler or mypy it says so in one
# line and Python runs the sources. GLOSSARY_PURE=1 runs the sources anyway.
native: $(VENV)/.installed
	$(BIN)/python tools/native.py $(NATIVE_FLAGS)

# A failed compile leaves `make run` on pure Python (one line says so).
run: NATIVE_FLAGS = --or-pure
run: $(VENV)/.installed native
	@mkdir -p $(OUT)
	$(BIN)/glossary build seeds --db $(OUT)/glossary.db
	$(BIN)/glossary export --db $(OUT)/glossary.db --format json -o $(OUT)/glossary.json
	$(BIN)/glossary export --db $(OUT)/glossary.db -o $(OUT)/glossary.tbx
	$(BIN)/glossary export --db $(OUT)/glossary.db --format tbx2008 -o $(OUT)/glossary-2008.tbx
	$(BIN)/glossary export --db $(OUT)/glossary.db -o $(OUT)/glossary.po
	$(BIN)/glossary stats --db $(OUT)/glossary.db

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(VENV)/.installed-test
	$(BIN)/mypy
	$(BIN)/lint-imports

# The PostgreSQL tests run within `make test` whenever a server is at hand
# (initdb and pg_ctl on PATH, or $$GLOSSARY_TEST_PG) and skip otherwise;
# `make test-pg` runs only them, and fails without a server.
# lint and types (one core) beside the native compile (two C files at a time).
test: $(VENV)/.installed-test
	$(MAKE) --no-print-directory -j 2 lint types native
	$(BIN)/pytest -q -n 2

test-pg: $(VENV)/.installed-test
	GLOSSARY_REQUIRE_PG=1 $(BIN)/pytest -q -n 2 -m pg

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench

clean:
	$(PYTHON) tools/native.py --clean
	rm -rf $(VENV) $(OUT) build .mypy_cache .ruff_cache .pytest_cache

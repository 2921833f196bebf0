# Two commands for a newcomer: `make demo` analyses the bundled sample corpus, `make test` runs the checks.
# Each creates .venv and installs what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kopvector analyze samples/corpus --format text
	$(BIN)/kopvector ingest samples/corpus --db demo.db
	$(BIN)/kopvector facts --db demo.db --kind mission_participation
	$(BIN)/kopvector balance --db demo.db --by year --plot demo-balance.png

# The PostgreSQL tests need a server: scripts/test-postgres.sh installs and starts one (as root) and
# prints its URL; set KOPVECTOR_TEST_POSTGRES yourself to use another, or leave it empty to skip them.
test: $(STAMP)
	$(BIN)/ruff check .
	KOPVECTOR_TEST_POSTGRES="$${KOPVECTOR_TEST_POSTGRES-$$(scripts/test-postgres.sh || true)}" $(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

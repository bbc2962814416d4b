# Two entry points: `make run` (load the sample corpus, start the app) and `make test`.
VENV := .venv
# Reinstall only when the package list changes: the stamp is newer than pyproject.toml otherwise.
STAMP := $(VENV)/.installed

.PHONY: install run test test-deps bench fuzz
SIZE ?= default

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -e '.[test]'
	touch $(STAMP)

run: install
	$(VENV)/bin/zeren load tests/fixtures/corpus --store zeren-data
	ZEREN_STORE=zeren-data $(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.port 8501

test: install test-deps
	$(VENV)/bin/pytest -q

# Benchmarks: `make bench` (SIZE=small for a quick check, SIZE=full for 100k documents); bench/results.json.
bench: install
	$(VENV)/bin/python -m bench.run --size $(SIZE)

# The long property tests (100,000 examples each) and the kill loop at 200 documents, 20 kills.
fuzz: install
	ZEREN_FUZZ_EXAMPLES=100000 ZEREN_KILL_COPIES=40 ZEREN_KILLS=20 \
	  $(VENV)/bin/pytest -q tests/test_robustness.py tests/test_store.py -k "never_fails or splitter or killed"

LINTER := tools/cypher_lint

# What the tests need beyond Python: Neo4j's Cypher linter (npm, Node 20+) and Debian's Chromium for the
# browser tests (Playwright drives it; no browser download); antiword for the Word 97 .doc tests and LibreOffice
# (writer, no GUI) for .wps and .rtf; best effort where apt is missing (those skip): a CJK font so the PDF tests can write Chinese PDFs, and docker-compose to validate
# docker-compose.yml (its `config` needs no Docker engine).
test-deps: $(LINTER)/node_modules/.installed
	@fc-list 2>/dev/null | grep -qi wqy || ( command -v apt-get >/dev/null && \
	  ( apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || \
	    ( apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 ) ) ) || \
	  echo "note: fonts-wqy-microhei not installed; CJK PDF tests will skip"
	@command -v antiword >/dev/null || apt-get install -y -qq antiword >/dev/null 2>&1 || \
	  ( apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq antiword >/dev/null 2>&1 ) || \
	  echo "note: antiword not installed; the .doc tests will skip"
	@command -v soffice >/dev/null || apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1 || \
	  ( apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1 ) || \
	  echo "note: LibreOffice not installed; the .wps and .rtf tests will skip"
	@command -v chromium >/dev/null || apt-get install -y -qq chromium >/dev/null 2>&1 || \
	  ( apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1 ) || \
	  echo "note: chromium not installed; the browser tests will fail (they need Debian's chromium)"
	@command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || \
	  apt-get install -y -qq docker-compose >/dev/null 2>&1 || \
	  echo "note: docker-compose not installed; the compose file test will skip"

$(LINTER)/node_modules/.installed: $(LINTER)/package-lock.json
	command -v npm >/dev/null || ( apt-get update -qq && apt-get install -y -qq nodejs npm )
	cd $(LINTER) && npm ci --no-audit --no-fund --loglevel=error
	touch $@


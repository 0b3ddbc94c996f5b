# Krąg: `make run` serves the demo, `make test` runs every test. Both set up what they need.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
CHROMIUM := /usr/bin/chromium
# Test processes: one per core, at most 4 (each e2e test has its own server and browser context).
TEST_WORKERS ?= $(shell n=$$(nproc); echo $$(( n < 4 ? n : 4 )))
NGINX := /usr/sbin/nginx

.PHONY: install run test test-pwa test-unit test-integration test-e2e bench clean

install: $(VENV)/.installed pwa/node_modules/.installed
	cd pwa && npm run build --silent

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Krąg needs Python 3.11 ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

pwa/node_modules/.installed: pwa/package.json pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: install
	$(BIN)/krag db upgrade
	$(BIN)/krag seed-demo
	$(BIN)/krag run --port $(PORT)

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null

# Debian's nginx, for tests/integration/test_deploy_nginx.py (deploy/'s configuration in front of two servers).
$(NGINX):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null

test: install $(CHROMIUM) $(NGINX) test-pwa
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=25 tests e2e

# The PWA's own checks: its JSDoc types (tsc) and the local mutators under node's test runner.
test-pwa: install
	cd pwa && npm run check --silent && npm test --silent

test-unit: install
	$(BIN)/python -m pytest tests/unit

test-integration: install $(NGINX)
	$(BIN)/python -m pytest tests/integration

test-e2e: install $(CHROMIUM)
	$(BIN)/python -m pytest e2e

# The reference y-websocket server the co-editing benchmark (bench/docs.py) measures Krąg against.
bench/yws/node_modules/.installed: bench/yws/package.json bench/yws/package-lock.json
	cd bench/yws && npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: install bench/yws/node_modules/.installed
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist

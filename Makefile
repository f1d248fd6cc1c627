# WIN-portaal Zoetermeer. `make run` and `make test` work on a fresh machine with only python3.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Local development only: a generated key in a git-ignored file, never a key in the code.
DEV_ENV := DEBUG=1 SECRET_KEY="$$(cat .secret_key)"
TEST_ENV := SECRET_KEY=test-only-not-secret ALLOWED_HOSTS=testserver,localhost,127.0.0.1 \
	BASE_URL=http://testserver SECURE_SSL_REDIRECT=0

.PHONY: run test test-fast lint check pytest install messages clean bench soak lighthouse

$(VENV)/.runtime: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

.secret_key:
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

install: $(VENV)/.runtime

run: $(VENV)/.runtime .secret_key
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py import_hsds --if-empty content/directory/services.json
	$(DEV_ENV) $(PY) manage.py load_content
	$(DEV_ENV) $(PY) manage.py load_glossary
	$(DEV_ENV) $(PY) manage.py load_search_terms --if-empty
	$(DEV_ENV) $(PY) manage.py update_search_entries
	$(DEV_ENV) $(PY) manage.py setup_roles
	$(DEV_ENV) $(PY) manage.py create_local_admin
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates static/css static/js

check: $(VENV)/.dev
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

pytest: $(VENV)/.dev
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

test: lint check pytest

# The inner loop: everything but browser, fuzz and real-outage tests (see pyproject markers), on
# every core (pytest-xdist: each worker loads the starting content into its own test database).
FAST := -m "not e2e and not fuzz and not real_outage and not real_server" -n auto
test-fast: lint check
	$(TEST_ENV) $(VENV)/bin/pytest $(FAST) $(PYTEST_ARGS)

# Speed and scale figures (a few minutes): gunicorn with production settings on 127.0.0.1.
bench: $(VENV)/.dev
	$(PY) -m tests.bench.run

# Mixed reader traffic for 60 s at 50 connections: zero errors and flat worker memory, or it fails.
soak: $(VENV)/.dev
	$(PY) -m tests.bench.soak

# Lighthouse on a guide page (mobile), failing below the bar; needs npm (Node 20).
lighthouse: $(VENV)/.dev
	npm ci --prefix tests/lighthouse --no-audit --no-fund
	$(TEST_ENV) REQUIRE_BROWSER=1 LIGHTHOUSE_PERFORMANCE=1 $(VENV)/bin/pytest tests/e2e/test_lighthouse.py -s

# Re-extract interface strings into locale/*/LC_MESSAGES/django.po and compile them.
messages: $(VENV)/.dev
	$(TEST_ENV) $(PY) manage.py makemessages --locale nl --locale en --locale pl --locale ro --locale bg \
		--ignore "tests/*" --ignore "content/*" --ignore "staticfiles/*" --no-obsolete
	$(TEST_ENV) $(PY) manage.py compilemessages --ignore ".venv/*"

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

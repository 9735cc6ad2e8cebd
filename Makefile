# One command sets up and runs the site; one sets up and runs the tests.
VENV ?= .venv
PYTHON ?= python3
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test check bench messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test,import]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/kb serve

check: $(STAMP)
	$(VENV)/bin/kb check --strict

# pytest exits 5 when it collected no tests: that is a failure, not a pass.
test: $(STAMP)
	$(VENV)/bin/kb check --strict
	$(VENV)/bin/lint-imports
	$(VENV)/bin/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc
	@echo "search and web tests again with the engine's fast paths off (Whoosh's public API alone):"
	VILAO_FAST_PATHS=0 $(VENV)/bin/python -m pytest tests/search tests/web

bench: $(STAMP)
	$(VENV)/bin/python bench/quality.py
	$(VENV)/bin/python bench/speed.py --sizes 1000 10000

# Maintainers: refresh the message template and merge it into the vi, lo and en catalogs.
messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k gettext -k ngettext:1,2 --no-location --omit-header -o kb/locale/messages.pot .
	$(VENV)/bin/pybabel update -i kb/locale/messages.pot -d kb/locale --no-fuzzy-matching

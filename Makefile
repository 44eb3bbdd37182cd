# Reader: `make run` opens the reader on corpus/, `make test` runs the tests. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint test-nocjk test-dist bench bench-big bench-large bench-script dist screenshots translations clean venv

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { echo "Cannot create a virtual environment: install python3-venv (apt-get install -y python3-venv) and try again." >&2; exit 1; }

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

# The UI translations: resources/translations/*.ts (committed) compiled to .qm (not committed).
# scripts/update_translations.sh re-extracts the strings after UI changes.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))
translations: $(QM)
resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: $(STAMP) translations
	@scripts/system-deps.sh gui
	@scripts/run-gui.sh $(BIN)/reader corpus

test: lint $(STAMP) translations
	@scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow"

# The core's boundary: no Qt outside reader/ui and reader/app.py, the core packages in layers; then ruff
# (pyflakes, pycodestyle, isort, bugbear). Both are configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .

# The UI tests as on a bare machine: fontconfig sees DejaVu only (no CJK glyphs), whatever fonts are installed.
NOCJK := FONTCONFIG_FILE=$(CURDIR)/tests/fontconfig/no-cjk.conf QT_QPA_PLATFORM=offscreen
test-nocjk: $(STAMP) translations
	@scripts/system-deps.sh test
	$(NOCJK) $(BIN)/python tests/fontconfig/check_no_cjk.py
	$(NOCJK) $(BIN)/python -m pytest -m "not slow" tests/ui

# Builds the bundle into a temporary dir and runs the frozen app (tests/test_dist.py).
test-dist: $(STAMP) translations
	@scripts/system-deps.sh test
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow

# bench/out/report.md: search (20 and 100 MB libraries, a few minutes), then big documents (20 and 60 MB novels).
bench: $(STAMP) translations
	$(BIN)/python -m bench 20 100
	$(BIN)/python -m bench big 20 60
	$(BIN)/python -m bench script 20

bench-big: $(STAMP) translations
	$(BIN)/python -m bench big 20 60

# The search section with a 1 GB library (built in a temporary folder below $READER_BENCH_DIR, default the
# system's, and deleted after; needs ~3 GB free there): tens of minutes, niced.
bench-large: $(STAMP) translations
	nice -n 10 $(BIN)/python -m bench 20 100 1000

# bench/out/script.md: Chinese script display of a 20 MB novel (conversion on a worker, the switch in the window).
bench-script: $(STAMP) translations
	$(BIN)/python -m bench script 20

# dist/reader/reader: a one-folder bundle (build.spec); build it on each OS you ship for.
dist: $(STAMP) translations
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/python -m PyInstaller --noconfirm --clean build.spec
	@dist/reader/reader --version && du -sh dist/reader

screenshots: $(STAMP) translations
	@scripts/system-deps.sh screenshots
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf build dist $(VENV) .pytest_cache

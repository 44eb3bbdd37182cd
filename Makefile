# Reader: `make run` opens the reader on corpus/, `make test` runs the tests. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-dist bench dist screenshots clean venv

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { echo "Cannot create a virtual environment: install python3-venv (apt-get install -y python3-venv) and try again." >&2; exit 1; }

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	@scripts/system-deps.sh gui
	@scripts/run-gui.sh $(BIN)/reader corpus

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow"

test-dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow

bench: $(STAMP)
	$(BIN)/python -m bench

dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/python -m PyInstaller --noconfirm --clean build.spec

screenshots: $(STAMP)
	@scripts/system-deps.sh screenshots
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf build dist $(VENV) .pytest_cache

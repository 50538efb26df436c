# Two commands on a fresh machine:  `make run` (the app, embedded database)  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench screenshots system-deps clean

$(STAMP): pyproject.toml
	@bash scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m boxoffice run

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) tools/door_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) tools/staff_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) tools/plan_editor_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) tools/manage_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) tools/ga_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) tools/settings_screenshot.py

system-deps:
	bash scripts/system-deps.sh

clean:
	rm -rf $(VENV) .pytest_cache

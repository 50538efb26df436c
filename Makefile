# Two commands on a fresh machine:  `make run` (the app, embedded database)  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

I18N := boxoffice/resources/i18n
LANGUAGES := de en

.PHONY: run web test lint bench screenshots system-deps clean translations translations-update package package-test icon

$(STAMP): pyproject.toml
	@bash scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,lint]'
	@touch $(STAMP)

run: $(STAMP) translations
	$(PY) -m boxoffice run

# The demo web shop's API on the embedded database, with the stand-in payment gateway
# (it takes no money: never on a live shop; docs/web-api.md, "Limits and safety").
web: $(STAMP)
	BOXOFFICE_WEB_TEST_GATEWAY=1 $(PY) -m boxoffice web --demo

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The code checks itself (pyproject.toml: [tool.ruff], [tool.mypy]); .ci/run runs this before the tests.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

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

# The app's texts (docs/translations.md): .qm files built from the .ts sources.
translations: $(STAMP) $(foreach l,$(LANGUAGES),$(I18N)/boxoffice_$(l).qm)

$(I18N)/boxoffice_%.qm: $(I18N)/boxoffice_%.ts
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing texts in the code: new and changed strings into the .ts files.
translations-update: $(STAMP)
	$(VENV)/bin/pyside6-lupdate boxoffice/app.py $(shell find boxoffice/ui -name "*.py" | LC_ALL=C sort) -no-obsolete \
		$(foreach l,$(LANGUAGES),-ts $(I18N)/boxoffice_$(l).ts)

# The desktop bundle (docs/packaging.md): dist/boxoffice/ for the OS this runs on.
PACKAGING_STAMP := $(VENV)/.packaging

$(PACKAGING_STAMP): $(STAMP)
	@bash scripts/system-deps.sh binutils
	$(PY) -m pip install -q -e '.[test,packaging]'
	@touch $(PACKAGING_STAMP)

package: $(PACKAGING_STAMP)
	rm -rf build/pyinstaller dist/boxoffice
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/boxoffice.spec

# Build the bundle, then smoke-test it and an installed wheel (slow: minutes).
package-test: package
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q packaging/tests

icon: $(STAMP)
	$(PY) tools/make_icon.py

system-deps:
	bash scripts/system-deps.sh

clean:
	rm -rf $(VENV) .pytest_cache build dist

# Sozialraum — set-up, demo, tests and packaging. `make demo` and `make test` install
# whatever is missing (QGIS from the distribution, venvs for the rest) on a fresh machine.
SHELL := /bin/bash
SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
VENV_CURRENT := .venv-current
BUILD := .build
PLUGIN := sozialraum
PLUGIN_PATH := $(BUILD)/plugins
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: all setup system venvs translations demo walkthrough test test-engine test-current test-qgis lint package deploy sample bench bench-quality clean ci-local screenshots

all: test

setup: system venvs translations $(PLUGIN_PATH)/$(PLUGIN)

system:
	@bash scripts/install_system_packages.sh

venvs: $(VENV)/.installed $(VENV_CURRENT)/.installed

$(VENV)/.installed: requirements-dev.txt | system
	$(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(VENV_CURRENT)/.installed: requirements-current.txt | system
	$(SYSTEM_PYTHON) -m venv $(VENV_CURRENT)
	$(VENV_CURRENT)/bin/pip install -q --disable-pip-version-check -r requirements-current.txt
	touch $@

translations: $(QM_FILES)

%.qm: %.ts | system
	lrelease -silent $< -qm $@

# QGIS finds plugins in folders named like the plugin: link the repository there.
$(PLUGIN_PATH)/$(PLUGIN):
	mkdir -p $(PLUGIN_PATH)
	ln -sfn $(CURDIR) $@

demo: setup
	$(PY) scripts/demo.py --out demo

# The consultation dock beside the map, offscreen: docs/screenshots/consultation.png, the re-optimisation
# preview over the live spaces layer: reoptimise.png (and _de of each)
screenshots: setup
	$(PY) scripts/screenshot_consultation.py docs/screenshots/consultation.png
	$(PY) scripts/screenshot_consultation.py docs/screenshots/consultation_de.png de
	$(PY) scripts/screenshot_reoptimise.py docs/screenshots/reoptimise.png
	$(PY) scripts/screenshot_reoptimise.py docs/screenshots/reoptimise_de.png de

# The README walk-through's pictures, from the files of `make demo` (committed; not run by CI)
walkthrough: demo
	$(PY) scripts/walkthrough_images.py --demo demo --out docs/walkthrough

# Engine tests without QGIS (twice: Debian's stack and current PyPI releases), the Qt6 forward
# check (PyQt6 from PyPI: every Qt name the plugin uses exists in Qt6; modules import), then the QGIS
# tests, which exit with pytest's own status (their old exit crash came from QGIS objects
# outliving exitQgis(), not from Shapely/GEOS: docs/teardown_crash.md).
test: setup lint
	$(PY) -m pytest tests/engine -p no:qgis
	$(VENV_CURRENT)/bin/python -m pytest tests/engine -p no:cacheprovider
	$(VENV_CURRENT)/bin/python -m pytest tests/qt6 -p no:cacheprovider
	$(PY) -m pytest tests/qgis

# ruff.toml: pyflakes, pycodestyle, bugbear, pyupgrade and import order, on everything
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/flake8 .

test-engine: setup
	$(PY) -m pytest tests/engine -p no:qgis

test-qgis: setup
	$(PY) -m pytest tests/qgis

package: translations
	$(SYSTEM_PYTHON) scripts/package.py --out dist/$(PLUGIN)-$(VERSION).zip

deploy: package
	$(SYSTEM_PYTHON) scripts/package.py --install dist/$(PLUGIN)-$(VERSION).zip

# Benchmarks against pygeoda and spopt (own venv; the peers are never runtime dependencies).
.venv-bench/.installed: bench/requirements.txt | system
	$(SYSTEM_PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install -q --disable-pip-version-check -r bench/requirements.txt
	touch $@

bench: .venv-bench/.installed
	.venv-bench/bin/python bench/run_adjacency.py
	.venv-bench/bin/python bench/run_delineation.py --sizes 3500,10000 --timeout 600
	.venv-bench/bin/python bench/indicators_speed.py
	.venv-bench/bin/python bench/scoring_speed.py

# Quality that remembers (issue 20): fixed instances, ours against the peers, appended to
# bench/quality_history.csv; fails when a quality figure is worse than the best recorded beyond 1 %.
# BENCH_QUALITY_ARGS=--full adds the 10k lattice and the 20k town (about half an hour).
bench-quality: .venv-bench/.installed
	.venv-bench/bin/python bench/quality.py $(BENCH_QUALITY_ARGS)

# What CI runs: `make demo` and `make test` in fresh Debian 12 and 13 root file systems
# (debootstrap; needs root). Tests the committed HEAD, not uncommitted changes.
ci-local:
	bash .ci/run

# The bundled town is made on the current PyPI stack and written by OGR in $(SYSTEM_PYTHON)
# (python3-gdal; the PyPI venv has no GDAL bindings); musterstadt.json records which GEOS.
sample: $(VENV_CURRENT)/.installed
	SOZIALRAUM_GDAL_PYTHON=$(SYSTEM_PYTHON) $(VENV_CURRENT)/bin/python scripts/make_sample_town.py

clean:
	rm -rf $(BUILD) dist demo $(QM_FILES)

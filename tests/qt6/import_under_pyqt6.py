"""Import every plugin module under PyQt6 through the test scaffold ``pyqt6_shim`` (qgis.PyQt -> PyQt6,
placeholder qgis.core/qgis.gui) and print one JSON line per module:
{"module", "error", "qgis_names"}, qgis_names being the QGIS names the module itself imports from the
placeholders (none: its own code ran on real PyQt6 alone).

Run in its own process by tests/qt6/test_qt6_imports.py with the current-stack venv (PyQt6 from PyPI).
"""
import importlib
import json
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE / "pyqt6_shim"))
sys.path.insert(0, str(REPO / "scripts"))

from check_qt6 import plugin_files  # noqa: E402
from checkout_package import use_checkout  # noqa: E402

use_checkout()

import qgis  # noqa: E402
from qgis import _placeholder  # noqa: E402

if "pyqt6_shim" not in qgis.__file__:
    raise SystemExit(f"the real QGIS was found first ({qgis.__file__}): run with a Python without QGIS")


def module_name(path):
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(["sozialraum", *parts])


def main():
    for path in plugin_files(REPO):
        name = module_name(path)
        error = None
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - report every module, not just the first failure
            error = traceback.format_exc(limit=-3)
        taken = sorted(_placeholder.TAKEN.get(name, ()))
        print(json.dumps({"module": name, "error": error, "qgis_names": taken}), flush=True)


if __name__ == "__main__":
    main()

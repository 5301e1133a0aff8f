"""Imports point down the layers of docs/architecture.md, checked on the source (no import runs).

plugin/provider -> ui -> algorithms -> presentation -> engine; i18n beside presentation. The engine
imports neither QGIS nor Qt nor anything above it (it is the library); presentation builds reports
without QGIS classes; algorithms never reach into the desktop UI.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: the plugin's top-level parts, lowest first
LAYERS = ("engine", "presentation", "i18n", "algorithms", "ui", "provider", "plugin")
#: what each part may import from the plugin (besides itself)
ALLOWED = {
    "engine": set(),
    "presentation": {"engine", "i18n"},
    "i18n": set(),
    "algorithms": {"engine", "presentation", "i18n"},
    "ui": {"engine", "presentation", "i18n", "algorithms"},
    "provider": {"algorithms", "i18n"},
    "plugin": {"engine", "presentation", "i18n", "algorithms", "ui", "provider"},
}
#: outside packages a part must not import directly
FORBIDDEN_OUTSIDE = {"engine": ("qgis", "PyQt5", "PyQt6"), "presentation": ("qgis", "PyQt5", "PyQt6")}


def part_of(path):
    relative = path.relative_to(ROOT)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def sources():
    for part in LAYERS:
        folder = ROOT / part
        files = sorted(folder.rglob("*.py")) if folder.is_dir() else [ROOT / f"{part}.py"]
        for path in files:
            yield part, path


def imported_parts(path, root=ROOT):
    """(line, top-level plugin part or outside package) of every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(root).parent.parts
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, "outside", alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                yield node.lineno, "outside", (node.module or "").split(".")[0]
                continue
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = list(base) + (node.module.split(".") if node.module else [])
            if not target:  # "from .. import x" at the root: x is the part
                for alias in node.names:
                    yield node.lineno, "plugin", alias.name
            else:
                yield node.lineno, "plugin", target[0]


@pytest.mark.parametrize("part", LAYERS)
def test_imports_point_down(part):
    wrong = []
    for owner, path in sources():
        if owner != part:
            continue
        for line, kind, name in imported_parts(path):
            if kind == "plugin" and name != part and name in LAYERS and name not in ALLOWED[part]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
            if kind == "outside" and name in FORBIDDEN_OUTSIDE.get(part, ()):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_the_check_sees_a_wrong_import(tmp_path):
    """The walk resolves relative imports: an engine module reaching up is caught."""
    (tmp_path / "engine" / "sub").mkdir(parents=True)
    bad = tmp_path / "engine" / "sub" / "bad.py"
    bad.write_text("from ...ui import dock\nfrom .. import graph\nimport qgis.core\n", encoding="utf-8")
    found = [(kind, name) for _, kind, name in imported_parts(bad, tmp_path)]
    assert found == [("plugin", "ui"), ("plugin", "engine"), ("outside", "qgis")]

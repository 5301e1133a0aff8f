"""Imports point down the layers of docs/architecture.md, checked on the source (no import runs).

plugin/provider -> ui -> algorithms -> qgisio -> presentation -> engine; i18n beside presentation. The
engine imports neither QGIS nor Qt nor anything above it (it is the library); presentation builds reports
without QGIS classes; the QGIS reading/writing helpers (qgisio) know no algorithm; algorithms never reach
into the desktop UI. Inside algorithms/ and engine/ the sub-packages have their own order (SUB_LAYERS).
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: the plugin's top-level parts, lowest first
LAYERS = ("engine", "presentation", "i18n", "qgisio", "algorithms", "ui", "provider", "plugin")
#: what each part may import from the plugin (besides itself)
ALLOWED = {
    "engine": set(),
    "presentation": {"engine", "i18n"},
    "i18n": set(),
    "qgisio": {"engine", "presentation", "i18n"},
    "algorithms": {"engine", "presentation", "i18n", "qgisio"},
    "ui": {"engine", "presentation", "i18n", "qgisio", "algorithms"},
    "provider": {"algorithms", "i18n", "qgisio"},
    "plugin": {"engine", "presentation", "i18n", "qgisio", "algorithms", "ui", "provider"},
}
#: inside a part: what each sub-package ("" = the part's own top-level modules) may import of the same part
SUB_LAYERS = {
    # shared rules and values (errors, problem, population band, objective, scoring) and spatial helpers
    # below the pipelines; the consultation re-uses the delineation's search, never the other way round
    "engine": {"": {"spatial"}, "spatial": {""}, "indicators": {"", "spatial"},
               "delineation": {"", "spatial"}, "consultation": {"", "spatial", "delineation"},
               "sampletown": {"", "spatial"}},
    # report builders know no algorithm; the algorithms use them
    "algorithms": {"reports": set(), "": {"reports"}},
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
                yield node.lineno, "plugin", ".".join(target)


@pytest.mark.parametrize("part", LAYERS)
def test_imports_point_down(part):
    wrong = []
    for owner, path in sources():
        if owner != part:
            continue
        for line, kind, dotted in imported_parts(path):
            name = dotted.split(".")[0]
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


def sub_package(dotted, part):
    """The sub-package of ``part`` a module path lies in ("" for the part's own modules)."""
    inner = dotted.split(".")[1:]  # below the part
    if not inner:
        return ""
    folder = ROOT / part / inner[0]
    return inner[0] if folder.is_dir() else ""


@pytest.mark.parametrize("part", sorted(SUB_LAYERS))
def test_sub_packages_import_in_their_order(part):
    wrong = []
    for owner, path in sources():
        if owner != part:
            continue
        own = sub_package(".".join(path.relative_to(ROOT).with_suffix("").parts), part)
        for line, kind, dotted in imported_parts(path):
            if kind != "plugin" or dotted.split(".")[0] != part:
                continue
            target = sub_package(dotted, part)
            if target != own and target not in SUB_LAYERS[part].get(own, set()):
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({own or part}) imports {dotted}")
    assert not wrong, "\n".join(wrong)


def test_every_sub_package_has_its_rule():
    """A new sub-package must be placed in the order, else the check above would not see it."""
    for part, rules in SUB_LAYERS.items():
        folders = {p.name for p in (ROOT / part).iterdir() if p.is_dir() and (p / "__init__.py").exists()}
        assert folders <= set(rules), f"{part}: no rule for {sorted(folders - set(rules))}"

"""Qt6 forward check: does every Qt name the plugin reaches through ``qgis.PyQt`` exist under Qt6?

No Qt6 build of QGIS can be installed on the machines that test the plugin (Debian builds QGIS on
Qt5), so this reads the plugin's code instead of running it: it walks every plugin module with
``ast``, resolves each name imported from ``qgis.PyQt.<Module>`` and every attribute chain used on
it (``Qt.AlignmentFlag.AlignLeft``, ``QDialogButtonBox.StandardButton.Ok``) with ``getattr`` in a
real binding, and flags what Qt6 removed (``exec_()``, unscoped enums, classes moved between
modules) and direct ``PyQt5``/``PyQt6`` imports, which bypass QGIS's shim.

Two targets:
- ``pyqt6`` (default; needs PyQt6 from PyPI, ``.venv-current``): PyQt6 plus what QGIS 4's own
  ``qgis.PyQt`` adds on top of it (``QGIS4_SHIM`` below);
- ``qgis``: the installed QGIS's ``qgis.PyQt`` (QGIS 3.22 on Qt5 here), so the forms the check asks
  for are proven to work on the oldest supported QGIS too. This target also follows the chains on
  names from ``qgis.core``/``qgis.gui`` and flags unscoped enum access (``QgsFeatureSink.FastInsert``):
  Qt6 builds of QGIS expose only the scoped form (``QgsFeatureSink.Flag.FastInsert``, valid on
  QGIS 3.22 too) apart from the enums QGIS moved to ``Qgis`` and aliased back.

A ``try`` whose ``except`` catches ImportError/AttributeError/TypeError is read as two
alternatives (the newer form, the fallback): it passes when either resolves completely.

What this cannot see: names reached through instances (``self.button.exec_`` is caught by name,
``metrics.width()`` is not), QGIS's own C++ API under Qt6, and behaviour. See docs/qgis4.md.

    .venv-current/bin/python scripts/check_qt6.py            # against PyQt6
    .venv/bin/python scripts/check_qt6.py --against qgis     # against this QGIS's qgis.PyQt
"""
import argparse
import ast
import enum
import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parent.parent
#: the modules QGIS loads: everything but engine/ (which must not import Qt at all)
PLUGIN_PARTS = ("__init__.py", "plugin.py", "provider.py", "i18n.py", "ui", "algorithms", "qgisio", "presentation")
QT_FREE_PARTS = ("engine",)

#: What QGIS 4's qgis.PyQt adds to PyQt6 (python/PyQt/PyQt6/*.py in QGIS; QAction and QShortcut
#: importable from QtWidgets as well as QtGui since QGIS PR #55658, kept for 4.x "to ease
#: development of cross 3.x/4.x plugins"): (module, name) -> (module, name) in PyQt6.
QGIS4_SHIM_ALIASES = {
    ("QtWidgets", "QAction"): ("QtGui", "QAction"),
    ("QtWidgets", "QShortcut"): ("QtGui", "QShortcut"),
}
#: ... and names QGIS 4's shim defines itself (QtCore.py: NULL; QtWidgets.py: QLayout.setMargin)
QGIS4_SHIM_EXTRAS = {("QtCore", "NULL"), ("QtWidgets", "QLayout", "setMargin")}

#: Qt5 method names PyQt6 dropped (the Python 2 keyword workarounds); caught on any object
QT5_ONLY_METHODS = {"exec_": "exec", "print_": "print"}
#: exceptions that make a try/except a "new form, else old form" pair
FALLBACK_EXCEPTIONS = {"ImportError", "ModuleNotFoundError", "AttributeError", "TypeError"}


@dataclass
class Finding:
    path: str
    line: int
    name: str
    problem: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.name}: {self.problem}"


@dataclass
class Report:
    findings: list = field(default_factory=list)
    #: unresolved names in a fallback whose other alternative resolves (fine: the other one runs)
    fallbacks: list = field(default_factory=list)
    files: int = 0
    imports: int = 0
    chains: int = 0
    #: "file:line" of each QVariant use (Qt6 QGIS wants QMetaType for field types)
    qvariant_uses: set = field(default_factory=set)


class Binding:
    """Where ``qgis.PyQt.<Module>`` names are looked up: PyQt6 + QGIS 4's shim, or qgis.PyQt."""

    def __init__(self, against):
        self.against = against
        self.package = "PyQt6" if against == "pyqt6" else "qgis.PyQt"
        importlib.import_module(self.package)

    def module(self, name):
        if name.startswith("qgis.") and self.against != "qgis":
            return None  # QGIS's own API is not installed beside PyQt6
        try:
            return importlib.import_module(name if name.startswith("qgis.") else f"{self.package}.{name}")
        except ImportError:
            return None

    def lookup(self, module_name, name):
        """The object ``from qgis.PyQt.<module_name> import <name>`` gives, or None."""
        if self.against == "pyqt6":
            if (module_name, name) in QGIS4_SHIM_EXTRAS:
                return _SHIM_EXTRA
            module_name, name = QGIS4_SHIM_ALIASES.get((module_name, name), (module_name, name))
        module = self.module(module_name)
        return getattr(module, name, None) if module is not None else None

    def follow(self, module_name, obj, path, chain):
        """Follow ``chain`` from obj: (None, None) when it resolves, else (index of the first missing
        or unscoped attribute, the scoped spelling or None)."""
        for index, attribute in enumerate(chain):
            if self.against == "pyqt6" and (module_name, *path, attribute) in QGIS4_SHIM_EXTRAS:
                return None, None
            if not hasattr(obj, attribute):
                return index, None
            value = getattr(obj, attribute)
            if _is_enum_member(value) and obj is not type(value) and isinstance(obj, type):
                owner_names = [n for n in dir(obj) if getattr(obj, n, None) is type(value)]
                if not owner_names:  # an alias of an enum kept elsewhere (Qgis.WkbType): fine
                    obj = value
                    continue
                return index, f"{owner_names[0]}.{attribute}"
            obj = value
        return None, None


_SHIM_EXTRA = object()


def _is_enum_member(value):
    """A member of a Python enum (PyQt6) or of a sip enum (PyQt5: its type's type is sip.enumtype)."""
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"


def plugin_files(root=PLUGIN_ROOT, parts=PLUGIN_PARTS):
    files = []
    for part in parts:
        path = root / part
        if path.is_dir():
            files.extend(sorted(path.rglob("*.py")))
        elif path.exists():
            files.append(path)
    return [f for f in files if "__pycache__" not in f.parts]


def scoped_suggestion(owner, name):
    """``Enum.name`` when ``name`` is a member of one of owner's scoped enums (Qt6's spelling)."""
    hits = []
    for attribute in dir(owner):
        candidate = getattr(owner, attribute, None)
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum) and name in candidate.__members__:
            hits.append(f"{attribute}.{name}")
    return " or ".join(hits)


def _guarded(node):
    """A try/except whose handlers catch the errors of a missing newer API."""
    if not isinstance(node, ast.Try) or not node.handlers:
        return False
    for handler in node.handlers:
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        names = {t.id for t in types if isinstance(t, ast.Name)}
        if names & FALLBACK_EXCEPTIONS:
            return True
    return False


def _imported_module(node):
    """'QtCore' for ``from qgis.PyQt.QtCore import ...``, '' for ``from qgis.PyQt import ...``."""
    module = node.module or ""
    if node.level == 0 and (module == "qgis.PyQt" or module.startswith("qgis.PyQt.")):
        return module[len("qgis.PyQt."):] if module != "qgis.PyQt" else ""
    return None


class FileChecker:
    def __init__(self, path, binding, report, root):
        self.path = path
        self.rel = str(path.relative_to(root))
        self.binding = binding
        self.report = report
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        #: local name -> [(module, path in module)], every import of it in the file
        self.bindings = {}
        self._collect_bindings()

    def _collect_bindings(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in ("qgis.core", "qgis.gui"):
                for alias in node.names:
                    self.bindings.setdefault(alias.asname or alias.name, []).append((node.module, (alias.name,)))
            if isinstance(node, ast.ImportFrom) and _imported_module(node) is not None:
                module = _imported_module(node)
                for alias in node.names:
                    local = alias.asname or alias.name
                    if module:
                        self.bindings.setdefault(local, []).append((module, (alias.name,)))
                    else:  # from qgis.PyQt import QtCore / sip: the module itself
                        self.bindings.setdefault(local, []).append((alias.name, ()))

    def _objects(self, local):
        """(module, path, object) for each import of ``local`` that resolves."""
        found = []
        for module, path in self.bindings.get(local, []):
            obj = self.binding.module(module) if not path else self.binding.lookup(module, path[0])
            if obj is not None:
                found.append((module, path, obj))
        return found

    def run(self):
        self.report.files += 1
        findings, fallbacks = self._check(self.tree)
        self.report.findings.extend(findings)
        self.report.fallbacks.extend(fallbacks)

    def _check(self, node):
        """(findings, fallback findings) below node."""
        if _guarded(node):
            new_form, _ = self._check_all(node.body)
            old_form, _ = self._check_all([s for h in node.handlers for s in h.body])
            rest, rest_fallbacks = self._check_all(node.orelse + node.finalbody)
            if new_form and old_form:
                return new_form + old_form + rest, rest_fallbacks
            return rest, new_form + old_form + rest_fallbacks
        findings = self._findings_at(node)
        fallbacks = []
        for child in ast.iter_child_nodes(node):
            if isinstance(node, ast.Attribute) and child is node.value and isinstance(child, ast.Attribute):
                continue  # the chain was checked whole at its outermost attribute
            child_findings, child_fallbacks = self._check(child)
            findings += child_findings
            fallbacks += child_fallbacks
        return findings, fallbacks

    def _check_all(self, nodes):
        findings, fallbacks = [], []
        for node in nodes:
            f, fb = self._check(node)
            findings += f
            fallbacks += fb
        return findings, fallbacks

    def _finding(self, node, name, problem):
        return Finding(self.rel, node.lineno, name, problem)

    def _findings_at(self, node):
        if isinstance(node, ast.Import):
            return [self._finding(node, a.name, "imports the Qt binding directly; use qgis.PyQt")
                    for a in node.names if a.name.split(".")[0] in ("PyQt5", "PyQt6")]
        if isinstance(node, ast.ImportFrom):
            return self._import_findings(node)
        if isinstance(node, ast.Attribute):
            return self._attribute_findings(node)
        if isinstance(node, ast.Name) and node.id == "QVariant":
            self.report.qvariant_uses.add(f"{self.rel}:{node.lineno}")
        return []

    def _import_findings(self, node):
        if node.level == 0 and (node.module or "").split(".")[0] in ("PyQt5", "PyQt6"):
            return [self._finding(node, node.module, "imports the Qt binding directly; use qgis.PyQt")]
        module = _imported_module(node)
        if module is None:
            return []
        findings = []
        for alias in node.names:
            self.report.imports += 1
            if alias.name == "*":
                findings.append(self._finding(node, f"qgis.PyQt.{module}.*", "star import: names cannot be checked"))
            elif not module:
                if self.binding.module(alias.name) is None:
                    findings.append(self._finding(node, f"qgis.PyQt.{alias.name}", f"no such module in {self.binding.package}"))
            elif self.binding.lookup(module, alias.name) is None:
                elsewhere = [m for m in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtXml", "QtNetwork", "QtPrintSupport")
                             if m != module and self.binding.lookup(m, alias.name) is not None]
                hint = f" (it is in {', '.join(elsewhere)})" if elsewhere else ""
                findings.append(self._finding(node, f"qgis.PyQt.{module}.{alias.name}",
                                              f"not in {self.binding.package}.{module}{hint}"))
        return findings

    def _attribute_findings(self, node):
        if node.attr in QT5_ONLY_METHODS:
            return [self._finding(node, node.attr, f"removed in PyQt6; use {QT5_ONLY_METHODS[node.attr]}()")]
        chain = []
        base = node
        while isinstance(base, ast.Attribute):
            chain.insert(0, base.attr)
            base = base.value
        if not isinstance(base, ast.Name) or base.id not in self.bindings:
            return self._inner_qt5_methods(node)
        if base.id == "QVariant":
            self.report.qvariant_uses.add(f"{self.rel}:{node.lineno}")
        objects = self._objects(base.id)
        if not objects:
            return []  # the import itself is reported (or it is QGIS API, unknown beside PyQt6)
        self.report.chains += 1
        missing = []
        for module, path, obj in objects:
            index, scoped = self.binding.follow(module, obj, path, chain)
            if index is None:
                return self._inner_qt5_methods(node)
            missing.append((index, scoped, obj, module))
        index, scoped, owner, module = max(missing, key=lambda m: m[0])
        name = ".".join([base.id, *chain[: index + 1]])
        prefix = ".".join([base.id, *chain[:index]])
        if scoped:
            problem = f"unscoped enum: Qt6 builds need {prefix}.{scoped} (valid on Qt5 too)"
        else:
            owner_obj = owner
            for attribute in chain[:index]:
                owner_obj = getattr(owner_obj, attribute)
            suggestion = scoped_suggestion(owner_obj, chain[index])
            hint = f"; Qt6 spells it {prefix}.{suggestion}" if suggestion else ""
            where = module if module.startswith("qgis.") else self.binding.package
            problem = f"not in {where}{hint}"
        return [self._finding(node, name, problem)] + self._inner_qt5_methods(node)

    def _inner_qt5_methods(self, node):
        """exec_/print_ inside a chain that is otherwise skipped (``dialog.exec_().x``)."""
        findings = []
        inner = node.value
        while isinstance(inner, ast.Attribute):
            if inner.attr in QT5_ONLY_METHODS:
                findings.append(self._finding(inner, inner.attr, f"removed in PyQt6; use {QT5_ONLY_METHODS[inner.attr]}()"))
            inner = inner.value
        return findings


def qt_in_engine(root=PLUGIN_ROOT):
    """engine/ must import neither qgis nor Qt."""
    findings = []
    for path in plugin_files(root, QT_FREE_PARTS):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
            for name in names:
                if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip"):
                    findings.append(Finding(str(path.relative_to(root)), node.lineno, name, "engine/ must not import Qt or QGIS"))
    return findings


def check(against="pyqt6", root=PLUGIN_ROOT, files=None):
    binding = Binding(against)
    report = Report()
    for path in files if files is not None else plugin_files(root):
        FileChecker(path, binding, report, root).run()
    report.findings.extend(qt_in_engine(root))
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", choices=("pyqt6", "qgis"), default="pyqt6")
    parser.add_argument("--verbose", action="store_true", help="also list fallbacks and QVariant uses")
    args = parser.parse_args(argv)
    report = check(args.against)
    for finding in report.findings:
        print(finding)
    if args.verbose:
        for finding in report.fallbacks:
            print(f"(fallback, other alternative resolves) {finding}")
        for place in sorted(report.qvariant_uses):
            print(f"(QVariant) {place}")
    print(f"{report.files} files, {report.imports} qgis.PyQt imports, {report.chains} attribute chains checked, "
          f"{len(report.qvariant_uses)} QVariant uses, {len(report.fallbacks)} fallbacks: "
          f"{len(report.findings)} unresolved against {args.against}", file=sys.stderr)
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())

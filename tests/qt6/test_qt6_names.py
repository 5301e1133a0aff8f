"""Qt6 forward check (issue 22, 4): every Qt name the plugin reaches through qgis.PyQt exists in PyQt6.

Runs with the current-stack venv, which has PyQt6 from PyPI (`make test`:
`.venv-current/bin/python -m pytest tests/qt6`); scripts/check_qt6.py does the reading.
"""
import textwrap

import pytest

pytest.importorskip("PyQt6.QtWidgets")

from check_qt6 import check, qt_in_engine


def test_every_qt_name_the_plugin_uses_exists_in_pyqt6():
    report = check("pyqt6")
    assert report.files > 60 and report.imports > 80 and report.chains > 50  # it did read the plugin
    assert not report.findings, "names Qt6 does not have:\n" + "\n".join(map(str, report.findings))


def test_engine_imports_neither_qt_nor_qgis():
    assert qt_in_engine() == []


def _check_module(tmp_path, source):
    module = tmp_path / "module.py"
    module.write_text(textwrap.dedent(source), encoding="utf-8")
    return {(f.line, f.name) for f in check("pyqt6", root=tmp_path, files=[module]).findings}


def test_the_check_flags_what_qt6_removed(tmp_path):
    found = _check_module(tmp_path, """\
        from PyQt5.QtCore import QSize
        from qgis.PyQt.QtCore import QRegExp, Qt
        from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QSizePolicy, QUndoCommand

        ALIGN = Qt.AlignLeft | Qt.AlignmentFlag.AlignTop
        BUTTONS = QDialogButtonBox.Ok
        POLICY = QSizePolicy.Expanding


        def ask(dialog):
            return dialog.exec_()
        """)
    assert found == {
        (1, "PyQt5.QtCore"),
        (2, "qgis.PyQt.QtCore.QRegExp"),
        (3, "qgis.PyQt.QtWidgets.QUndoCommand"),
        (5, "Qt.AlignLeft"),
        (6, "QDialogButtonBox.Ok"),
        (7, "QSizePolicy.Expanding"),
        (11, "exec_"),
    }


def test_the_check_names_the_scoped_enum_to_use(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("from qgis.PyQt.QtCore import Qt\nALIGN = Qt.AlignLeft\n", encoding="utf-8")
    [finding] = check("pyqt6", root=tmp_path, files=[module]).findings
    assert "Qt.AlignmentFlag.AlignLeft" in finding.problem


def test_the_check_accepts_forms_valid_in_qt5_and_qt6(tmp_path):
    assert _check_module(tmp_path, """\
        from qgis.PyQt.QtCore import Qt, pyqtSignal
        from qgis.PyQt.QtWidgets import QAction, QDialogButtonBox  # QAction: QGIS 4's shim keeps it here

        try:  # Qt6 moved it; the fallback only runs on Qt5
            from qgis.PyQt.QtGui import QUndoCommand
        except ImportError:
            from qgis.PyQt.QtWidgets import QUndoCommand

        ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        BUTTONS = QDialogButtonBox.StandardButton.Ok


        def ask(dialog):
            return dialog.exec()
        """) == set()


def test_a_fallback_pair_fails_when_neither_form_exists(tmp_path):
    assert _check_module(tmp_path, """\
        try:
            from qgis.PyQt.QtGui import QNoSuchThing
        except ImportError:
            from qgis.PyQt.QtWidgets import QNoSuchThing
        """) == {(2, "qgis.PyQt.QtGui.QNoSuchThing"), (4, "qgis.PyQt.QtWidgets.QNoSuchThing")}

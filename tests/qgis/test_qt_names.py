"""The Qt names the plugin uses exist in this QGIS's qgis.PyQt too (QGIS 3.22 on Qt5 here), so the
forms the Qt6 check asks for (tests/qt6, scripts/check_qt6.py) are proven on the oldest QGIS we support."""
from check_qt6 import check


def test_every_qt_name_the_plugin_uses_exists_in_this_qgis():
    report = check("qgis")
    assert report.files > 60 and report.imports > 80
    assert not report.findings, "names this QGIS's qgis.PyQt does not have:\n" + "\n".join(map(str, report.findings))


def test_unscoped_qgis_and_qt_enums_are_flagged_with_their_scoped_spelling(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "from qgis.core import QgsFeatureSink\n"
        "from qgis.PyQt.QtCore import Qt\n"
        "FLAGS = QgsFeatureSink.FastInsert\n"
        "SCOPED = QgsFeatureSink.Flag.FastInsert\n"
        "ALIGN = Qt.AlignLeft\n", encoding="utf-8")
    findings = check("qgis", root=tmp_path, files=[module]).findings
    assert [(f.line, f.name) for f in findings] == [(3, "QgsFeatureSink.FastInsert"), (5, "Qt.AlignLeft")]
    assert "QgsFeatureSink.Flag.FastInsert" in findings[0].problem
    assert "Qt.AlignmentFlag.AlignLeft" in findings[1].problem

"""The Qt names the plugin uses exist in this QGIS's qgis.PyQt too (QGIS 3.22 on Qt5 here), so the
forms the Qt6 check asks for (tests/qt6, scripts/check_qt6.py) are proven on the oldest QGIS we support."""
from check_qt6 import check


def test_every_qt_name_the_plugin_uses_exists_in_this_qgis():
    report = check("qgis")
    assert report.files > 60 and report.imports > 80
    assert not report.findings, "names this QGIS's qgis.PyQt does not have:\n" + "\n".join(map(str, report.findings))

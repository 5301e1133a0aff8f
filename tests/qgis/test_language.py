"""The plugin speaks the language QGIS runs in, also when QGIS was started with ``qgis --lang de``.

``--lang`` sets QGIS's translation without touching its locale override setting; the plugin
read only that setting (and the system locale), so it stayed English in a German QGIS.
"""
import json

from . import desktop


def test_the_plugin_follows_the_translation_qgis_runs_in(qgis_app):
    from qgis.core import QgsApplication, QgsSettings

    from sozialraum import i18n

    app = QgsApplication.instance()
    settings = QgsSettings()
    saved = settings.value("locale/overrideFlag")
    settings.setValue("locale/overrideFlag", False)  # as after `qgis --lang de` in a profile that never chose a language
    app.setTranslation("de")
    try:
        assert i18n.user_locale() == "de"
        assert i18n.install_translator() and i18n.language() == "de"
        assert i18n.tr("Propose social spaces") == "Sozialräume vorschlagen"
        app.setTranslation("en_US")  # `qgis --lang en_US` on a German system
        assert i18n.user_locale() == "en"
    finally:
        i18n.remove_translator()
        app.setTranslation("")
        if saved is None:
            settings.remove("locale/overrideFlag")
        else:
            settings.setValue("locale/overrideFlag", saved)


PROBE = """
import json
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:delineate")
with open({out!r}, "w", encoding="utf-8") as stream:
    json.dump({{"translation": QgsApplication.instance().translation(),
               "delineate": algorithm.displayName() if algorithm else None}}, stream)
QTimer.singleShot(200, QgsApplication.instance().exit)
"""


def test_qgis_desktop_started_with_lang_de_shows_the_plugin_in_german(tmp_path):
    """The real ``qgis`` executable (under Xvfb) with the plugin in a fresh profile: the toolbox names are German."""
    profiles = tmp_path / "profiles"
    desktop.fresh_profile(profiles)
    out = tmp_path / "probe.json"
    script = tmp_path / "probe.py"
    script.write_text(PROBE.format(out=str(out)), encoding="utf-8")
    run = desktop.run_qgis(profiles, script, home=tmp_path, lang="de")
    assert out.is_file(), run.stdout[-2000:] + run.stderr[-2000:]
    probe = json.loads(out.read_text(encoding="utf-8"))
    assert probe["translation"] == "de"
    assert probe["delineate"] == "Sozialräume vorschlagen", probe

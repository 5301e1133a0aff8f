"""Every user-visible string has a German translation that keeps its placeholders."""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import update_translations  # noqa: E402


def test_every_tr_string_is_translated_to_german():
    strings = update_translations.extract_strings()
    assert "Build block adjacency" in strings  # the extractor finds the algorithm's strings
    assert update_translations.problems(ROOT / "resources" / "i18n" / "sozialraum_de.ts", strings) == []


def test_translations_keep_placeholders_and_the_qm_is_current(qgis_app):
    tree = ET.parse(ROOT / "resources" / "i18n" / "sozialraum_de.ts")
    for message in tree.getroot().iter("message"):
        if message.find("translation").get("type") in ("obsolete", "vanished"):
            continue  # kept for reference only: no source string asks for it any more
        source = message.findtext("source")
        translation = message.findtext("translation") or ""
        assert sorted(re.findall(r"\{\w+(?::[^}]*)?\}", source)) == sorted(re.findall(r"\{\w+(?::[^}]*)?\}", translation)), source
    # the compiled .qm is the .ts of now: every finished translation comes out of it
    # (timestamps say nothing in a fresh clone)
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / "sozialraum_de.qm"))
    QCoreApplication.installTranslator(translator)  # as the plugin does; translate() as tr() does
    checked = 0
    try:
        for message in tree.getroot().iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished", "unfinished"):
                continue
            source = message.findtext("source")
            assert QCoreApplication.translate("Sozialraum", source) == translation.text, source
            checked += 1
    finally:
        QCoreApplication.removeTranslator(translator)
    assert checked > 300


def test_check_mode_fails_on_an_untranslated_string(tmp_path, monkeypatch):
    (tmp_path / "module.py").write_text('def f(self):\n    return self.tr("A brand new string")\n', encoding="utf-8")
    strings = update_translations.extract_strings(tmp_path)
    assert list(strings) == ["A brand new string"]
    assert update_translations.problems(ROOT / "resources" / "i18n" / "sozialraum_de.ts", strings) == ["A brand new string"]


def _german_source_map():
    tree = ET.parse(ROOT / "resources" / "i18n" / "sozialraum_de.ts")
    return {m.findtext("source"): m.findtext("translation") for m in tree.getroot().iter("message")}


def test_algorithms_show_german_names_in_the_registry_when_qgis_runs_in_german(provider):
    from qgis.core import QgsApplication, QgsSettings

    from sozialraum import i18n

    registry = QgsApplication.processingRegistry()
    ours = [a for a in registry.algorithms() if a.provider().id() == "sozialraum"]
    assert len(ours) >= 7
    english = {a.id(): (a.displayName(), a.group()) for a in ours}
    german = _german_source_map()
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    try:
        assert i18n.install_translator()  # what the plugin does at start, from the QGIS locale
        for algorithm in ours:
            name, group = english[algorithm.id()]
            assert german.get(name) and algorithm.displayName() == german[name] != name, algorithm.id()
            assert german.get(group) and algorithm.group() == german[group] != group, algorithm.id()
        assert registry.algorithmById("sozialraum:delineate").displayName() == "Sozialräume vorschlagen"
    finally:
        i18n.remove_translator()
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    assert registry.algorithmById("sozialraum:delineate").displayName() == "Propose social spaces"

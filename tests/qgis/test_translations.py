"""Every user-visible string has a German translation that keeps its placeholders."""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import update_translations  # noqa: E402

from .conftest import german_interface  # noqa: E402


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
        forms = [form.text or "" for form in message.find("translation").findall("numerusform")]
        if message.get("numerus") == "yes":  # every plural form keeps the placeholders and the count
            assert len(forms) == 2 and all("%n" in form for form in forms), source
        for translation in forms or [message.findtext("translation") or ""]:
            assert sorted(re.findall(r"\{\w+(?::[^}]*)?\}", source)) == sorted(
                re.findall(r"\{\w+(?::[^}]*)?\}", translation)), source
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
            if message.get("numerus") == "yes":  # German: the singular for 1, the plural otherwise
                singular, plural = (form.text for form in translation.findall("numerusform"))
                assert QCoreApplication.translate("Sozialraum", source, None, 1) == singular.replace("%n", "1"), source
                assert QCoreApplication.translate("Sozialraum", source, None, 3) == plural.replace("%n", "3"), source
            else:
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
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    ours = [a for a in registry.algorithms() if a.provider().id() == "sozialraum"]
    assert len(ours) >= 7
    english = {a.id(): (a.displayName(), a.group()) for a in ours}
    german = _german_source_map()
    with german_interface():
        for algorithm in ours:
            name, group = english[algorithm.id()]
            assert german.get(name) and algorithm.displayName() == german[name] != name, algorithm.id()
            assert german.get(group) and algorithm.group() == german[group] != group, algorithm.id()
        assert registry.algorithmById("sozialraum:delineate").displayName() == "Sozialräume vorschlagen"
    assert registry.algorithmById("sozialraum:delineate").displayName() == "Propose social spaces"


def test_counts_take_their_plural_form_in_english_and_german(qgis_app):
    """Failed before the fix: "1 Blöcke dem Sozialraum 29 zuweisen" ({count} formatted into one plural text)."""
    from sozialraum.i18n import install_translator, remove_translator, tr

    text = "Paint %n block(s) into space {space}"
    assert tr(text, 1).format(space=29) == "Paint 1 block into space 29"
    assert tr(text, 3).format(space=29) == "Paint 3 blocks into space 29"
    assert install_translator("de")
    try:
        assert tr(text, 1).format(space=29) == "1 Block dem Sozialraum 29 zuweisen"
        assert tr(text, 3).format(space=29) == "3 Blöcke dem Sozialraum 29 zuweisen"
        assert tr("New space {space} of %n block(s)", 1).format(space=7) == "Neuer Sozialraum 7 aus 1 Block"
    finally:
        remove_translator()


def test_a_numerus_string_is_added_with_its_plural_forms(tmp_path):
    import shutil

    (tmp_path / "module.py").write_text('def f(n):\n    return tr("%n new block(s)", n)\n', encoding="utf-8")
    strings = update_translations.extract_strings(tmp_path)
    ts = tmp_path / "sozialraum_de.ts"
    shutil.copy(ROOT / "resources" / "i18n" / "sozialraum_de.ts", ts)
    update_translations.update(ts, strings)
    assert update_translations.problems(ts, strings) == ["%n new block(s)"]
    message = update_translations.load_ts(ts)[2]["%n new block(s)"]
    assert message.get("numerus") == "yes" and len(message.find("translation").findall("numerusform")) == 2

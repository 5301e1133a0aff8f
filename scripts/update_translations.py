#!/usr/bin/env python3
"""Collect every tr("...") string of the plugin into the Qt .ts files (one context, 'Sozialraum').

New strings are added as unfinished; translations already in the file are kept; strings no
longer used are marked obsolete. Run `make translations` afterwards to compile the .qm files.
Usage: python3 scripts/update_translations.py [--check | --apply LANG FILE.json]
  --check: exit 1 if a string is missing or unfinished (used by the tests).
  --apply de new.json: set translations from a JSON object {"source": "Übersetzung"}; a numerus
  string (one with %n, called as tr(text, n)) takes a list of its plural forms, singular first.
"""
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = sorted((ROOT / "resources" / "i18n").glob("sozialraum_*.ts"))
CONTEXT = "Sozialraum"
SKIP_DIRS = {"tests", "engine", "scripts", "bench", ".build", ".venv", ".venv-current", ".venv-bench", "demo", "dist"}


def source_files(root=ROOT):
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if relative.parts[0] in SKIP_DIRS or relative.parts[0].startswith("."):
            continue
        yield path


def extract_strings(root=ROOT):
    """Ordered unique source strings passed as literal first argument to tr()/self.tr()/translatable()/t()."""
    found = {}
    for path in source_files(root):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            # t = translator_for(lang): strings of a report in the language asked for, not the interface's
            if name not in ("tr", "translatable", "t"):
                continue
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.setdefault(argument.value, f"{path.relative_to(root)}:{node.lineno}")
    return found


def load_ts(path):
    tree = ET.parse(path)
    root = tree.getroot()
    context = root.find("context")
    messages = {}
    for message in context.findall("message"):
        messages[message.findtext("source")] = message
    return tree, context, messages


#: plural forms of a numerus message per language (Qt's rules: German and English have two)
NUMERUS_FORMS = {"de": 2, "en": 2}


def is_numerus(text):
    """A string translated with a count, tr(text, n): its plural forms are <numerusform> entries."""
    return "%n" in text


def numerus_forms(message):
    translation = message.find("translation")
    return [] if translation is None else [form.text or "" for form in translation.findall("numerusform")]


def _language(path):
    return path.stem.rsplit("_", 1)[-1]


def _make_numerus(message, path):
    """Turn ``message`` into a numerus message (empty forms, unfinished) unless it is one."""
    message.set("numerus", "yes")
    translation = message.find("translation")
    if translation.findall("numerusform"):
        return
    translation.text = None
    translation.set("type", "unfinished")
    for _ in range(NUMERUS_FORMS.get(_language(path), 2)):
        ET.SubElement(translation, "numerusform")


def update(path, strings):
    tree, context, messages = load_ts(path)
    for text in strings:
        message = messages.get(text)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            translation = ET.SubElement(message, "translation")
            translation.set("type", "unfinished")
        if is_numerus(text):
            _make_numerus(message, path)
        location_node = message.find("location")
        if location_node is not None:
            message.remove(location_node)
        translation = message.find("translation")
        if translation.get("type") == "obsolete":
            translation.set("type", "unfinished")
    for text, message in messages.items():
        if text not in strings:
            message.find("translation").set("type", "obsolete")
    ET.indent(tree, space="    ")
    with open(path, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def problems(path, strings):
    """Strings used in code without a finished translation in ``path``."""
    _, _, messages = load_ts(path)
    missing = []
    for text in strings:
        message = messages.get(text)
        translation = None if message is None else message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete"):
            missing.append(text)
        elif is_numerus(text):
            forms = numerus_forms(message)
            if not forms or not all(form.strip() for form in forms):
                missing.append(text)
        elif not (translation.text or "").strip():
            missing.append(text)
    return missing


def apply(language, json_path):
    """Fill in translations from a JSON object mapping source strings to translations."""
    import json

    path = ROOT / "resources" / "i18n" / f"sozialraum_{language}.ts"
    tree, _, messages = load_ts(path)
    for text, translated in json.loads(Path(json_path).read_text(encoding="utf-8")).items():
        if text not in messages:
            print(f"not in {path.name} (run without options first): {text!r}")
            continue
        translation = messages[text].find("translation")
        if isinstance(translated, list):  # a numerus message: its plural forms, singular first
            messages[text].set("numerus", "yes")
            for form in translation.findall("numerusform"):
                translation.remove(form)
            translation.text = None
            for form in translated:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = translated
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with open(path, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def main(argv):
    if argv[:1] == ["--apply"]:
        apply(argv[1], argv[2])
        return 0
    strings = extract_strings()
    if "--check" in argv:
        failed = False
        for path in TS_FILES:
            for text in problems(path, strings):
                failed = True
                print(f"{path.name}: untranslated: {text!r} ({strings[text]})")
        return 1 if failed else 0
    for path in TS_FILES:
        update(path, strings)
        print(f"{path.name}: {len(strings)} strings, {len(problems(path, strings))} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Translation: every user-visible string goes through :func:`tr` (one context, 'Sozialraum').

English is the source language; ``resources/i18n/sozialraum_<lang>.qm`` files are compiled
from the ``.ts`` files by ``make translations`` and loaded for the user's QGIS locale.
"""
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "Sozialraum"
I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"

_installed = []
#: the language of the loaded translation: set by install_translator, never guessed from tr()
_state = {"language": "en"}
#: translators for exports asked in a language other than the interface's (see translator_for)
_extra = {}


def tr(text, n=None):
    """Translate ``text`` in the plugin's context (English when no translation is loaded).

    With a count ``n`` the text is a Qt numerus string ("Paint %n block(s) into space {space}"):
    the translation's plural form for ``n`` is chosen by Qt (``<numerusform>`` entries of the
    .ts, the language's plural rules), ``%n`` becomes the number. Without a translation (English)
    the source is its own plural: "(s)" is dropped for 1 and becomes "s" otherwise.
    """
    if n is None:
        return QCoreApplication.translate(CONTEXT, text)
    n = int(n)
    translated = QCoreApplication.translate(CONTEXT, text, None, n)
    if translated == text.replace("%n", str(n)):  # no translation: the English source
        translated = english_plural(text, n).replace("%n", str(n))
    return translated


def english_plural(text, n):
    """The English form of a numerus source for ``n``: 'block(s)' as 'block' (1) or 'blocks'."""
    return text.replace("(s)", "" if n == 1 else "s")


def translatable(text):
    """Mark ``text`` for translation without translating it now (it is translated where shown)."""
    return text


def user_locale():
    """Two-letter language QGIS runs in.

    First the translation QGIS itself loaded: ``qgis --lang de`` sets it without touching the
    locale override setting, so reading the settings alone left the plugin English in a German
    QGIS. Without one (qgis_process, scripts, tests: no QGIS translation is set there), QGIS's
    own override setting, then the system locale.
    """
    running = _qgis_translation()
    if running:
        return running[:2].lower()
    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    name = settings.value("locale/userLocale", "", type=str) if override else ""
    if not name:
        name = settings.value("locale/globalLocale", "", type=str) if override else ""
    if not name:
        name = QLocale().name()
    return (name or "en")[:2].lower()


def _qgis_translation():
    """The translation code QGIS desktop started with ('de', 'en_US'; '' where none was set, 'C' is none)."""
    app = QgsApplication.instance()
    translation = getattr(app, "translation", None) if app is not None else None
    code = translation() if translation is not None else ""
    return "" if not code or code.upper() in ("C", "POSIX") else str(code)


def install_translator(language=None):
    """Load the translation for ``language`` (default: the user's locale); True when one loaded."""
    remove_translator()
    language = language or user_locale()
    path = I18N_DIR / f"sozialraum_{language}.qm"
    if not path.exists():
        return False
    translator = QTranslator()
    if not translator.load(str(path)):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    _state["language"] = language
    return True


def remove_translator():
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    _state["language"] = "en"


def language():
    """Two-letter language of the interface: the translation that is loaded, else 'en'."""
    return _state["language"]


def translator_for(lang):
    """A function translating source strings into ``lang``.

    Exports and reports may be asked in another language than the interface (a German table
    from an English QGIS): that language's .qm is loaded on its own, without installing it,
    so the interface is not switched. Unknown languages and untranslated strings stay English.
    """
    if lang == language():
        return tr
    if lang == "en":
        return str
    if lang not in _extra:
        translator = QTranslator()
        path = I18N_DIR / f"sozialraum_{lang}.qm"
        _extra[lang] = translator if path.exists() and translator.load(str(path)) else None
    translator = _extra[lang]
    if translator is None:
        return str

    def translate(text):
        # as bytes: PyQt passes a str to QTranslator's char* as ASCII ("Area (m²)" raised UnicodeEncodeError)
        return translator.translate(CONTEXT, text.encode("utf-8")) or text

    return translate

"""Translation: every user-visible string goes through :func:`tr` (one context, 'Sozialraum').

English is the source language; ``resources/i18n/sozialraum_<lang>.qm`` files are compiled
from the ``.ts`` files by ``make translations`` and loaded for the user's QGIS locale.
"""
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "Sozialraum"
I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"

_installed = []


def tr(text):
    """Translate ``text`` in the plugin's context (English when no translation is loaded)."""
    return QCoreApplication.translate(CONTEXT, text)


def translatable(text):
    """Mark ``text`` for translation without translating it now (it is translated where shown)."""
    return text


def user_locale():
    """Two-letter language the user runs QGIS in (QGIS's own override first, then the system)."""
    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    name = settings.value("locale/userLocale", "", type=str) if override else ""
    if not name:
        name = settings.value("locale/globalLocale", "", type=str) if override else ""
    if not name:
        name = QLocale().name()
    return (name or "en")[:2].lower()


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
    return True


def remove_translator():
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())

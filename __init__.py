"""Sozialraum: delineate and analyse social spaces (Sozialräume) in QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Entry point QGIS calls when it loads the plugin."""
    from .plugin import SozialraumPlugin

    return SozialraumPlugin(iface)

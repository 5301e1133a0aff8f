"""TEST SCAFFOLD: stand-ins for QGIS's C++ API, which has no Qt6 build installable here.

Each name a plugin module takes from ``qgis.core``/``qgis.gui`` becomes an empty class (made on first
use) and is recorded in ``TAKEN`` under the importing module's name, so a module imports as far as its own Python and its real Qt6 calls go;
nothing about QGIS is tested through these (``docs/qgis4.md`` says what stays unproven).
"""

import sys
from collections import defaultdict

#: importing module -> {"qgis.core.QgsField", ...}: the placeholders it took
TAKEN = defaultdict(set)
_MADE = {}


class _PlaceholderType(type):
    """Class attributes (enums, constants, nested classes) of a placeholder are placeholders too."""

    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return placeholder(f"{cls.__qualname__}.{name}")

    def __or__(cls, other):  # flag combinations at module level
        return cls

    __ror__ = __or__


class _Placeholder(metaclass=_PlaceholderType):
    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return placeholder(name)()


def placeholder(qualname):
    if qualname not in _MADE:
        _MADE[qualname] = _PlaceholderType(qualname.rsplit(".", 1)[-1], (_Placeholder,), {"__qualname__": qualname})
    return _MADE[qualname]


def module_getattr(module_name):
    """A module ``__getattr__`` that hands out placeholders for public names."""

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        importer = sys._getframe(1).f_globals.get("__name__", "?")  # the frame running `from qgis.core import`
        TAKEN[importer].add(f"{module_name}.{name}")
        return placeholder(f"{module_name}.{name}")

    return __getattr__

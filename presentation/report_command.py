"""The "how to reproduce this run" command line: ``qgis_process run <algorithm> --NAME=value ...``.

Pure Python (no QGIS): the algorithm adapter decides the values (layer sources, field names,
file paths); this module only quotes them for a POSIX shell, one argument per line.
"""
import shlex


def qgis_process_command(algorithm_id, arguments):
    """The command for ``algorithm_id`` with ``arguments``: (name, value) pairs in order.

    A parameter with several values (several fields or layers) is given as several pairs with
    the same name, as qgis_process expects. Every argument is shell-quoted as a whole, so a
    path with spaces or a layer source ``file.gpkg|layername=blocks`` arrives unchanged.
    """
    parts = [shlex.quote(f"--{name}={value}") for name, value in arguments]
    return " \\\n    ".join(["qgis_process run " + shlex.quote(algorithm_id), *parts])

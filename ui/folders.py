"""Where the dock's file dialogs start: where the planner keeps the meeting's files, never a
temporary folder (an outside check: with an unsaved project the change report was suggested in
Processing's temporary folder, which QGIS empties)."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject, QgsSettings

from ..qgisio.run_parameters import layer_folder

#: The setting with the folder comment files were last imported from
COMMENTS_FOLDER = "sozialraum/comments_folder"


def working_folder(layer=None):
    """The project's folder, else the folder of ``layer``'s file, else the home folder."""
    home = QgsProject.instance().homePath()
    if home:
        return home
    folder = layer_folder(layer)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def comments_folder(layer=None):
    """Where comment files were last imported from, else the downloads (the web atlas saves them
    there), else :func:`working_folder`."""
    last = QgsSettings().value(COMMENTS_FOLDER, "", type=str)
    if last and Path(last).is_dir():
        return last
    downloads = Path.home() / "Downloads"
    return str(downloads) if downloads.is_dir() else working_folder(layer)


def remember_comments_folder(paths):
    if paths:
        QgsSettings().setValue(COMMENTS_FOLDER, str(Path(paths[0]).parent))

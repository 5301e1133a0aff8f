"""A small grid of blocks in spaces, and the gestures on it, shared by the consultation tests
(the fixture ``setup`` that opens a session on it is in conftest.py)."""
import pytest
from session_recount import recount

from .conftest import memory_layer, square

ROWS, COLS = 4, 6
SIZE = 100.0
X0, Y0 = 300000.0, 5640000.0


def grid_layer(space_type="integer"):
    """4 x 6 touching 100 m squares; block r * 6 + c + 1 as 'bid'; space 1 west (cols 0-2), 2 east; pop 100 each."""
    rows = []
    for r in range(ROWS):
        for c in range(COLS):
            space = 1 if c < 3 else 2
            rows.append((square(X0 + c * SIZE, Y0 + r * SIZE, SIZE), [r * COLS + c + 1, space if space_type == "integer" else f"S{space}", 100 + 10 * c]))
    return memory_layer("Polygon", "EPSG:25832", ["bid:integer", f"space:{space_type}", "pop:integer"], rows)


def Host(dock):  # noqa: N802 (the tools' host of tests, scripts and bench: ui/tool_host.py)
    """What the tools need of the plugin: the session, the dock's row, the message bar (kept in ``messages``)."""
    from sozialraum.ui.tool_host import DockHost

    return DockHost(dock)


def fid(layer, r, c):
    (feature,) = [f for f in layer.getFeatures() if f["bid"] == r * COLS + c + 1]
    return feature.id()


def centre(r, c):
    return X0 + (c + 0.5) * SIZE, Y0 + (r + 0.5) * SIZE


def event(canvas, kind, r, c, button=None, modifiers=None):
    """A mouse event at the pixel of block (r, c)'s centre (layer CRS EPSG:25832, canvas in any CRS)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance())
    pixel = canvas.getCoordinateTransform().transform(transform.transform(QgsPointXY(*centre(r, c))))
    button = Qt.MouseButton.LeftButton if button is None else button
    buttons = Qt.MouseButton.NoButton if kind == "release" else button
    types = {"press": QEvent.Type.MouseButtonPress, "move": QEvent.Type.MouseMove, "release": QEvent.Type.MouseButtonRelease}
    return QgsMapMouseEvent(canvas, types[kind], QPoint(round(pixel.x()), round(pixel.y())),
                            Qt.MouseButton.NoButton if kind == "move" else button, buttons,
                            Qt.KeyboardModifier.NoModifier if modifiers is None else modifiers)


def stroke(tool, canvas, cells):
    tool.canvasPressEvent(event(canvas, "press", *cells[0]))
    for cell in cells[1:]:
        tool.canvasMoveEvent(event(canvas, "move", *cell))
    tool.canvasReleaseEvent(event(canvas, "release", *cells[-1]))


def spaces_of_layer(layer):
    return {f.id(): f["space"] for f in layer.getFeatures()}


def assert_session_follows_layer(layer_session):
    session = layer_session.session
    values = spaces_of_layer(layer_session.layer)
    assert dict(zip(session.block_ids, session.labels())) == values
    statuses, summary = recount(session)
    assert [(s.space, s.population, s.blocks, s.bound, s.parts, s.locked) for s in session.statuses()] == [
        (s.space, pytest.approx(s.population), s.blocks, s.bound, s.parts, s.locked) for s in statuses]
    mine = session.summary()
    assert (mine.spaces, mine.problems, mine.below, mine.above, mine.not_contiguous, mine.locked) == (
        summary.spaces, summary.problems, summary.below, summary.above, summary.not_contiguous, summary.locked)


def dock_rows(dock):
    dock.refresh()
    model = dock.model
    from sozialraum.ui.spaces_model import POPULATION, STATUS

    return {model.status(r).space: (model.index(r, POPULATION).data(), model.index(r, STATUS).data())
            for r in range(model.rowCount())}

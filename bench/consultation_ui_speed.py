#!/usr/bin/env python3
"""Consultation tools with QGIS: a 20-block paint stroke through the real tool, layer and dock.

Issue 11's target: on a 20k-block town a 20-block stroke updates the dock statistics and the
overlay in under 50 ms. This times, on a generated town loaded as a memory layer with a
delineation-like division (grid cells of the block centres): opening the session (adjacency
included), each mouse move of the stroke (hit-test, rubber band, preview overlay), the release
(session move + ONE edit command on the layer + the session following the buffer), the dock's
refresh, and undo + refresh. Usage: QT_QPA_PLATFORM=offscreen python3 bench/consultation_ui_speed.py [N_BLOCKS]
"""
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def main(n_blocks):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from demo import start_qgis

    app, _provider = start_qgis()
    import numpy as np
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
    from qgis.gui import QgsMapCanvas, QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    from sozialraum.engine.sampletown import generate_town
    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.paint_tool import PaintTool
    from sozialraum.ui.tool_host import DockHost

    town = generate_town(n_blocks=n_blocks)
    geometries = town.blocks.geometries
    population = town.blocks.frame["pop_total"].to_numpy(float)
    centres = np.array([[g.representative_point().x, g.representative_point().y] for g in geometries])
    cell = np.sqrt((np.ptp(centres[:, 0]) * np.ptp(centres[:, 1])) / max(1, population.sum() / 4000))
    keys = [f"{int(x // cell)}_{int(y // cell)}" for x, y in centres]
    labels = {key: number for number, key in enumerate(dict.fromkeys(keys), start=1)}
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=space:integer&field=pop:double", "town", "memory")
    features = []
    for geometry, key, pop in zip(geometries, keys, population):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        feature.setAttributes([labels[key], float(pop)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)

    canvas = QgsMapCanvas()
    canvas.resize(1000, 800)
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    dock = ConsultationDock(None, canvas)
    dock.layer_combo.setLayer(layer)
    dock.space_combo.setField("space")
    dock.population_combo.setField("pop")
    dock.lower_spin.setValue(700)
    dock.upper_spin.setValue(8500)
    started = time.perf_counter()
    layer_session = dock.open_session()
    opened = time.perf_counter() - started
    layer.startEditing()
    session = layer_session.session
    print(f"{len(session.block_ids)} blocks, {len(session.spaces)} spaces; session opened in {opened:.1f} s")

    tool = PaintTool(canvas, DockHost(dock))
    moves, releases, refreshes, undos, stroked = [], [], [], [], []
    rng = np.random.default_rng(1)
    for _ in range(15):
        space = session.spaces[int(rng.integers(len(session.spaces)))]
        target = session.neighbours_of(space)[0]
        # 20 blocks of ``space``, nearest first to one on its border with ``target``
        members = list(session.blocks_of(space))
        first = next(b for b in members if any(session.space_of(n) == target for n in layer_session.neighbour_blocks(b)))
        origin = layer_session.geometry(first).centroid().asPoint()
        members.sort(key=lambda b: layer_session.geometry(b).centroid().asPoint().sqrDist(origin))
        stroke = members[:20]
        canvas.setExtent(layer_session.blocks_geometry(stroke).boundingBox().buffered(200))
        tool.set_target(target)
        transform = canvas.getCoordinateTransform()
        events = []
        for number, block in enumerate(stroke):
            pixel = transform.transform(QgsPointXY(layer_session.geometry(block).pointOnSurface().asPoint()))
            kind = QEvent.Type.MouseButtonPress if number == 0 else QEvent.Type.MouseMove
            events.append(QgsMapMouseEvent(canvas, kind, QPoint(round(pixel.x()), round(pixel.y())), Qt.MouseButton.LeftButton,
                                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        release = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, events[-1].pos(), Qt.MouseButton.LeftButton,
                                   Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        tool.canvasPressEvent(events[0])
        for event in events[1:]:
            started = time.perf_counter()
            tool.canvasMoveEvent(event)
            moves.append(time.perf_counter() - started)
        stroked.append(len(tool.stroke))
        count = layer.undoStack().count()
        started = time.perf_counter()
        tool.canvasReleaseEvent(release)
        assert layer_session.session is not None  # the session follows the buffer (as the dock refresh does first)
        releases.append(time.perf_counter() - started)
        assert layer.undoStack().count() == count + 1
        started = time.perf_counter()
        dock.refresh()
        refreshes.append(time.perf_counter() - started)
        started = time.perf_counter()
        layer.undoStack().undo()
        dock.refresh()
        undos.append(time.perf_counter() - started)
        layer.undoStack().redo()
    ms = 1000.0

    def show(name, values):
        print(f"{name:44s} median {statistics.median(values) * ms:7.2f} ms   max {max(values) * ms:7.2f} ms")

    show("mouse move (hit-test, rubber band, overlay)", moves)
    show("release (move + one edit command + follow)", releases)
    show("dock refresh (all spaces)", refreshes)
    show("undo + dock refresh", undos)
    print(f"blocks hit per stroke: median {statistics.median(stroked)} of 20")
    print(f"stroke of 20 blocks, 19 moves + release + refresh (medians): "
          f"{(statistics.median(moves) * 19 + statistics.median(releases) + statistics.median(refreshes)) * ms:.1f} ms")
    tool.cancel()
    layer.rollBack()
    dock.cleanup()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)

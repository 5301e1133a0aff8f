#!/usr/bin/env python3
"""Render the consultation dock next to a map canvas to docs/screenshots/consultation.png.

Delineates the sample town (the defaults of the demo), opens a consultation session on the
result, locks one space, paints a few blocks from one space into its neighbour and starts a
second stroke (left open, so the overlay with the would-be figures shows), then grabs the
window under offscreen Qt. Usage: QT_QPA_PLATFORM=offscreen python3 scripts/screenshot_consultation.py [OUT.png]
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
PALETTE = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd",
           "#ccebc5", "#ffed6f", "#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6"]


def delineated_blocks():
    """The sample town's blocks with the demo's proposal, one colour per space, in the project."""
    import processing
    import render
    import sample_rates
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsProject, QgsRendererCategory

    blocks = sample_rates.add_rates(render.load(SAMPLE, "blocks"))
    result = processing.run("sozialraum:delineate", {
        "INPUT": blocks, "ID_FIELD": "block_id", "POPULATION_FIELD": "pop_total",
        "ATTRIBUTES": sample_rates.ATTRIBUTES, "STRUCTURE_ATTRIBUTES": sample_rates.STRUCTURE_ATTRIBUTES,
        "BALANCE_GROUPS": True, "BARRIERS": [f"{SAMPLE}|layername=barriers"], "SEED": 1,
        "OUTPUT": "memory:", "OUTPUT_SPACES": "memory:",
    })
    layer = result["OUTPUT"]
    layer.setName("Musterstadt – blocks")
    labels = sorted({f["space_id"] for f in layer.getFeatures() if f["space_id"] is not None})
    categories = [QgsRendererCategory(label, QgsFillSymbol.createSimple(
        {"color": PALETTE[i % len(PALETTE)], "outline_color": "#7a7a7a", "outline_width": "0.1"}), str(label))
        for i, label in enumerate(labels)]
    layer.setRenderer(QgsCategorizedSymbolRenderer("space_id", categories))
    QgsProject.instance().addMapLayer(layer)
    return layer


def start_with_proposal():
    """QGIS (offscreen), the interface language of argv[2] if given, and :func:`delineated_blocks`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from demo import start_qgis

    app, _provider = start_qgis()
    from sozialraum.i18n import install_translator

    if len(sys.argv) > 2:
        install_translator(sys.argv[2])
    return app, delineated_blocks()


def main(out):
    app, layer = start_with_proposal()
    import sample_rates
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapCanvas, QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, QSize, Qt
    from qgis.PyQt.QtGui import QIcon
    from qgis.PyQt.QtWidgets import QHBoxLayout, QToolBar, QVBoxLayout, QWidget

    from sozialraum.i18n import tr
    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.operations import Paint
    from sozialraum.ui.paint_tool import PaintTool
    from sozialraum.ui.tool_host import DockHost

    window = QWidget()
    window.resize(1600, 940)
    column = QVBoxLayout(window)
    toolbar = QToolBar()
    toolbar.setIconSize(QSize(28, 28))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    icons = ROOT / "resources" / "icons"
    for icon, text in (("sozialraum.svg", "Consultation dock"), ("paint.svg", "Paint blocks into a space"),
                       ("merge.svg", "Merge two adjacent spaces"), ("split.svg", "Split a space in two balanced parts"),
                       ("split_line.svg", "Split a space along a drawn line"),
                       ("new_space.svg", "New space from the selected blocks"),
                       ("presentation.svg", "Presentation mode (meeting)"),
                       ("before_after.svg", "Before/after: the division as last saved")):
        action = toolbar.addAction(QIcon(str(icons / icon)), tr(text))  # the plugin's toolbar, as it looks
        action.setCheckable(icon != "new_space.svg")
        action.setChecked(icon in ("sozialraum.svg", "paint.svg"))
    column.addWidget(toolbar)
    row = QHBoxLayout()
    column.addLayout(row)
    canvas = QgsMapCanvas()
    canvas.setCanvasColor(Qt.GlobalColor.white)
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    dock = ConsultationDock(None, canvas)
    row.addWidget(canvas, 1)
    row.addWidget(dock, 1)
    window.show()
    dock.layer_combo.setLayer(layer)
    dock.space_combo.setField("space_id")
    dock.population_combo.setField("pop_total")
    dock.lower_spin.setValue(700)
    dock.upper_spin.setValue(8500)
    dock.attributes_combo.setCheckedItems(sample_rates.ATTRIBUTES)
    layer_session = dock.open_session()
    if layer_session is None:
        raise SystemExit(dock.message_label.text())
    layer.startEditing()
    session = layer_session.session
    # the two most populous neighbouring spaces: move blocks from one into the other
    statuses = sorted(session.statuses(), key=lambda s: -s.population)
    source = statuses[0].space
    target = session.neighbours_of(source)[0]
    locked = next(s.space for s in statuses[3:] if s.space not in (source, target))
    layer_session.set_locked(locked, True)
    border = [b for b in session.blocks_of(source)
              if any(session.space_of(n) == target for n in neighbours(layer_session, b))]
    layer_session.perform(Paint(tuple(border[: max(1, len(border) // 2)]), target), print)
    dock.refresh()
    dock.select_space(target, zoom=True)
    both = layer_session.blocks_geometry(session.blocks_of(source) + session.blocks_of(target)).boundingBox()
    both.scale(1.1)
    canvas.setExtent(both)
    canvas.waitWhileRendering()
    app.processEvents()

    tool = PaintTool(canvas, DockHost(dock, echo=print))
    canvas.setMapTool(tool)
    tool.set_target(target)
    layer.removeSelection()
    stroke = [b for b in layer_session.session.blocks_of(source)
              if any(layer_session.session.space_of(n) == target for n in neighbours(layer_session, b))][:4]
    transform = canvas.getCoordinateTransform()
    for number, block in enumerate(stroke):
        centre = layer_session.geometry(block).pointOnSurface().asPoint()
        pixel = transform.transform(QgsPointXY(centre))
        kind = QEvent.Type.MouseButtonPress if number == 0 else QEvent.Type.MouseMove
        event = QgsMapMouseEvent(canvas, kind, QPoint(round(pixel.x()), round(pixel.y())), Qt.MouseButton.LeftButton,
                                 Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        (tool.canvasPressEvent if number == 0 else tool.canvasMoveEvent)(event)
    canvas.refresh()
    canvas.waitWhileRendering()
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(out)
    tool.cancel()
    layer.rollBack()
    dock.close_session()
    # The picture is saved: leave without Python tearing down the canvas, dock and layers one by
    # one (in that order offscreen QGIS crashes at exit with a segmentation fault, failing make)
    sys.stdout.flush()
    os._exit(0)


def neighbours(layer_session, block):
    return layer_session.neighbour_blocks(block)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "consultation.png")

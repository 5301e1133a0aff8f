#!/usr/bin/env python3
"""Render the re-optimisation preview over the live spaces layer to docs/screenshots/reoptimise.png.

Delineates the sample town (as scripts/screenshot_consultation.py does), opens a consultation
session, locks one space, paints a border strip of one space into its neighbour by hand (so
that space is too large), turns on the live spaces layer and asks for a re-optimisation: the
canvas shows the live layer (status colours, labels with space id and population) with the
blocks that would move outlined in orange, the dock the preview's summary with Apply/Discard.
Usage: QT_QPA_PLATFORM=offscreen python3 scripts/screenshot_reoptimise.py [OUT.png] [LANG]
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
#: tighter than the delineation's bounds, so the division has problems to re-optimise
LOWER, UPPER = 1500, 7000


def main(out):
    from screenshot_consultation import start_with_proposal

    app, layer = start_with_proposal()
    import sample_rates
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView, QgsMapCanvas
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QHBoxLayout, QWidget

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.operations import Paint

    window = QWidget()
    window.resize(1600, 940)
    row = QHBoxLayout(window)
    # the layers panel as QGIS shows it: the live layer's legend says what the colours mean
    legend = QgsLayerTreeView()
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), legend)  # kept: the view does not own it
    legend.setModel(model)
    legend.setFixedWidth(230)
    row.addWidget(legend)
    canvas = QgsMapCanvas()
    canvas.setCanvasColor(Qt.GlobalColor.white)
    canvas.setDestinationCrs(layer.crs())
    dock = ConsultationDock(None, canvas)
    row.addWidget(canvas, 1)
    row.addWidget(dock, 1)
    window.show()
    dock.layer_combo.setLayer(layer)
    dock.space_combo.setField("space_id")
    dock.population_combo.setField("pop_total")
    dock.lower_spin.setValue(LOWER)
    dock.upper_spin.setValue(UPPER)
    dock.attributes_combo.setCheckedItems(sample_rates.ATTRIBUTES)
    layer_session = dock.open_session()
    if layer_session is None:
        raise SystemExit(dock.message_label.text())
    layer.startEditing()
    session = layer_session.session
    statuses = sorted(session.statuses(), key=lambda s: -s.population)
    source = statuses[0].space
    target = session.neighbours_of(source)[0]
    # lock a neighbour of the target (its blocks stay as they are), else any other space
    others = [space for space in session.neighbours_of(target) if space != source] or [statuses[3].space]
    locked = others[0]
    layer_session.set_locked(locked, True)
    # by hand: a ring of the source's border blocks into the target
    for _ in range(1):
        border = [b for b in session.blocks_of(source)
                  if any(session.space_of(n) == target for n in layer_session.neighbour_blocks(b))]
        layer_session.perform(Paint(tuple(border), target), print)
    dock.live_check.setChecked(True)
    live = dock.live.layer
    canvas.setLayers([live, layer])
    root = QgsProject.instance().layerTreeRoot()

    extent = layer_session.blocks_geometry(session.blocks_of(source) + session.blocks_of(target)).boundingBox()
    extent.scale(1.35)
    canvas.setExtent(extent)
    proposal = dock.reoptimise()
    print(dock.proposal_label.text())
    if proposal is None:
        raise SystemExit(dock.message_label.text())
    dock.refresh()
    dock.select_space(target, zoom=False)
    canvas.refresh()
    canvas.waitWhileRendering()
    for _ in range(5):
        app.processEvents()
    # the live layer's legend in view, the 34 space colours of the blocks folded
    legend.expandAll()
    blocks_node = root.findLayer(layer.id())
    blocks_node.setExpanded(False)
    legend.collapse(model.node2index(blocks_node))
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(out)
    dock.discard_reoptimisation()
    dock.close_session()
    layer.rollBack()
    # The picture is saved: leave without Python tearing down the canvas, dock and layers one
    # by one (in that order offscreen QGIS crashes at exit, scripts/screenshot_consultation.py too)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "reoptimise.png")

"""The consultation walk-through, driven through the real QGIS desktop's widgets.

Run by ``qgis --code`` (see test_desktop_walkthrough.py), never imported by pytest. The
environment says where to write (``SOZIALRAUM_WALK_OUT``) and which part to walk
(``SOZIALRAUM_WALK_PHASE``): ``edit`` loads the sample town, proposes spaces, opens a
consultation session and edits with the map tools and the dock, then saves the edits and the
project; ``reopen`` (a new QGIS process) opens that project and checks what was kept. Each
check, screenshot, message-log entry and uncaught Python error goes to ``<phase>.json``; the
pytest side judges them. Mouse events go to the map canvas's viewport at the pixels of chosen
blocks; buttons are clicked with QTest; modal dialogs (author's name, file dialogs) are answered
by a timer as a user would, and any other dialog is recorded and closed.
"""
import faulthandler
import json
import os
import sys
import time
import traceback
from pathlib import Path

from qgis import processing
from qgis.core import Qgis, QgsApplication, QgsPointXY, QgsProject, QgsRectangle, QgsSettings
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QEvent, QEventLoop, QObject, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QFontInfo, QMouseEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QToolBar,
    QWidget,
)
from qgis.utils import iface, plugins

OUT = Path(os.environ["SOZIALRAUM_WALK_OUT"])
faulthandler.enable(all_threads=False)  # a crash (QGIS quitting) shows the Python frames that led to it
PHASE = os.environ.get("SOZIALRAUM_WALK_PHASE", "edit")
PROJECT = OUT / "walkthrough.qgz"
STATE = OUT / "expected.json"  # what the edit phase left, for the reopen phase to compare
AUTHOR = "Walk-through"
report = {"phase": PHASE, "checks": [], "log": [], "errors": [], "dialogs": [], "screenshots": [], "done": False}
answers = []  # paths for the next file dialogs
STARTED = time.monotonic()


# -- what QGIS reports -------------------------------------------------------------------
def logged(message, tag, level):
    report["log"].append({"tag": tag, "level": int(level), "message": message})


def excepthook(kind, value, trace):
    """Every uncaught Python error (also those in slots Qt calls) is recorded."""
    report["errors"].append("".join(traceback.format_exception(kind, value, trace)))


def write_report():
    (OUT / f"{PHASE}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


def check(name, passed, detail=""):
    report["checks"].append({"name": name, "passed": bool(passed), "detail": str(detail)[:2000],
                             "seconds": round(time.monotonic() - STARTED, 1)})
    write_report()
    return bool(passed)


# -- a user's hands ------------------------------------------------------------------------
def wait(ms=150):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition, timeout=30.0, step=100):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        wait(step)
    return bool(condition())


def answer_dialogs():
    """Answer the modal dialog that is open now, as the planner would."""
    widget = QApplication.activeModalWidget()
    if widget is None or not widget.isVisible():
        return
    if isinstance(widget, QInputDialog):
        report["dialogs"].append(f"answered: {widget.windowTitle()} / {widget.labelText()}")
        widget.setTextValue(AUTHOR)
        widget.accept()
    elif isinstance(widget, QFileDialog) and answers:
        path = answers.pop(0)
        report["dialogs"].append(f"answered: {widget.windowTitle()} -> {path}")
        widget.selectFile(str(path))
        name = widget.findChild(QLineEdit, "fileNameEdit")
        if name is not None and not name.text():  # Qt's selectFile leaves the name field alone while it has the focus
            name.setText(str(path))
        QTest.keyClick(widget, Qt.Key.Key_Return)  # the dialog's default button: Save
    else:
        text = getattr(widget, "text", lambda: "")()
        report["dialogs"].append(f"unexpected: {type(widget).__name__} {widget.windowTitle()!r} {text!r}")
        leave = [b for b in getattr(widget, "buttons", list)() if widget.buttonRole(b) in (
            QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.NoRole)]
        click(leave[0]) if leave else widget.reject()  # "Discard" lets QGIS quit; a bare reject would cancel that


def click(widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait()


def canvas():
    return iface.mapCanvas()


def pixel(point):
    """The canvas pixel of a map point."""
    spot = canvas().getCoordinateTransform().transform(QgsPointXY(point))
    return QPoint(round(spot.x()), round(spot.y()))


def mouse(kind, point, button=Qt.MouseButton.LeftButton, modifiers=Qt.KeyboardModifier.NoModifier):
    """One mouse event on the canvas's viewport at map ``point`` (a press, move or release)."""
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    moving = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else button
    viewport = canvas().viewport()
    position = pixel(point)
    event = QMouseEvent(kind, position, viewport.mapToGlobal(position), moving, held, modifiers)
    QApplication.sendEvent(viewport, event)
    wait(60)


def press_move_release(points, modifiers=Qt.KeyboardModifier.NoModifier, button=Qt.MouseButton.LeftButton):
    mouse(QEvent.Type.MouseButtonPress, points[0], button, modifiers)
    for point in points[1:]:
        mouse(QEvent.Type.MouseMove, point, button, modifiers)
    mouse(QEvent.Type.MouseButtonRelease, points[-1], button, modifiers)


def zoom_to(rectangle, scale=1.4):
    extent = QgsRectangle(rectangle)
    extent.scale(scale)
    canvas().setExtent(extent)
    canvas().refresh()
    canvas().waitWhileRendering()
    wait(200)


def screenshot(name):
    canvas().refresh()
    canvas().waitWhileRendering()
    wait(300)
    number = len(report["screenshots"]) + 1
    window = OUT / f"{PHASE}_{number:02d}_{name}.png"
    iface.mainWindow().grab().save(str(window))
    map_only = OUT / f"{PHASE}_{number:02d}_{name}_map.png"
    canvas().grab().save(str(map_only))
    report["screenshots"].append({"name": name, "window": str(window), "map": str(map_only)})
    write_report()


def plugin_action(name):
    """A QAction of the plugin, found by its objectName in the main window."""
    return iface.mainWindow().findChild(type(iface.actionPan()), name)


def toolbar_button(action):
    """The button of ``action`` on the plugin's toolbar (clicked as the user clicks it)."""
    toolbar = iface.mainWindow().findChild(QToolBar, "SozialraumConsultationToolbar")
    return toolbar.widgetForAction(action)


def message_bar_texts():
    texts = []
    for item in iface.messageBar().items():
        texts.append(f"{item.title()}: {item.text()}")
    return texts


# -- the plugin as the user sees it --------------------------------------------------------
def tr(text, n=-1):
    from sozialraum.i18n import tr as plugin_tr

    return plugin_tr(text, n) if n != -1 else plugin_tr(text)


def dock():
    return plugins["sozialraum"].dock


def widget(kind, name):
    """A widget of the consultation dock by its objectName."""
    found = dock().findChild(kind, name)
    assert found is not None, name
    return found


def table_rows():
    """The spaces table as shown: {space label: (locked, status text)}."""
    model = widget(QTableView, "spacesTable").model()
    rows = {}
    for row in range(model.rowCount()):
        space = model.index(row, 0).data()
        locked = model.index(row, 1).data(Qt.ItemDataRole.CheckStateRole)
        rows[space] = (locked in (Qt.CheckState.Checked, 2), model.index(row, 4).data())
    return rows


def spaces_of(layer, field="space_id"):
    """{block_id: space} as the layer holds it now (edit buffer included)."""
    return {str(f["block_id"]): str(f[field]) for f in layer.getFeatures()}


def blocks_layer():
    for layer in QgsProject.instance().mapLayers().values():
        if layer.source().replace("\\", "/").startswith(str(OUT / "blocks_with_space.gpkg")):
            return layer
    return None


def session_layer():
    session = dock().layer_session
    return session.layer if session is not None else None


def select_layer_in_combo(combo, layer):
    """Choose ``layer`` with the arrow keys, as a user does (QgsMapLayerComboBox reacts to the
    user's choice, ``activated``, not to ``setCurrentIndex`` from code)."""
    rows = [row for row in range(combo.count()) if combo.layer(row) is layer]
    if not rows:
        return False
    combo.setFocus()
    key = Qt.Key.Key_Down if rows[0] > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(rows[0] - combo.currentIndex())):
        QTest.keyClick(combo, key)
    wait()
    return combo.currentLayer() is layer


def row_index(space, column):
    proxy = widget(QTableView, "spacesTable").model()
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == str(space):
            return proxy.index(row, column)
    return None


def show_dock():
    """Click the dock's toolbar button; a second click when the first one hid what was not shown."""
    action = plugin_action("sozialraumConsultationDock")
    panel = dock()
    check("the dock's button is not pressed while the dock is hidden", panel.isVisible() or not action.isChecked(),
          f"button checked: {action.isChecked()}, dock visible: {panel.isVisible()}")
    click(toolbar_button(action))
    if not panel.isVisible():
        click(toolbar_button(action))
    wait(300)
    check("the consultation dock is shown", panel.isVisible(), f"button checked: {action.isChecked()}")
    return panel


# -- the edit phase ------------------------------------------------------------------------
def load_sample():
    menu = iface.vectorMenu()
    submenu = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == tr("&Sozialraum"))
    action = next(a for a in submenu.actions() if a.objectName() == "sozialraumLoadSampleTown")
    action.trigger()
    wait(300)
    names = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    check("sample town loaded from Vector > Sozialraum", len(names) == 4, names)
    check("the sample layers are named in QGIS's language", tr("Musterstadt – blocks") in names, names)
    barriers = next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == tr("Musterstadt – barriers"))
    check("the sample layers are styled (barriers by kind)", barriers.renderer().type() == "categorizedSymbol",
          barriers.renderer().type())
    canvas().zoomToFullExtent()
    screenshot("sample_town")


def propose():
    project = QgsProject.instance()
    by_name = {layer.name(): layer for layer in project.mapLayers().values()}
    blocks, barriers = by_name[tr("Musterstadt – blocks")], by_name[tr("Musterstadt – barriers")]
    started = time.monotonic()
    results = processing.runAndLoadResults("sozialraum:delineate", {
        "INPUT": blocks, "ID_FIELD": "block_id", "POPULATION_FIELD": "pop_total",
        "ATTRIBUTES": ["pop_65plus", "foreigners", "sgb2_persons", "hh_children"], "BARRIERS": [barriers],
        "SEED": 1, "OUTPUT": str(OUT / "blocks_with_space.gpkg"), "OUTPUT_SPACES": str(OUT / "spaces.gpkg")})
    wait(500)
    report["delineate_seconds"] = round(time.monotonic() - started, 1)
    check("the proposal's outputs added to the project", blocks_layer() is not None,
          f"{results}; layers: {[layer.source() for layer in project.mapLayers().values()]}")
    screenshot("proposal")


def open_session():
    panel = show_dock()
    layer = blocks_layer()
    select_layer_in_combo(widget(QgsMapLayerComboBox, "blocksLayer"), layer)
    combo = widget(QgsMapLayerComboBox, "blocksLayer")
    check("the proposal's blocks layer chosen in the dock", combo.currentLayer() is layer, combo.currentText())
    click(widget(QPushButton, "openSession"))
    wait_for(lambda: panel.layer_session is not None, 30)
    check("a session opened on the proposal", panel.layer_session is not None,
          f"{panel.message_label.text()} fields: {layer.fields().names()}, space field: {widget(QgsFieldComboBox, 'spaceField').currentField()!r}")
    check("the author was asked once", any("answered" in d for d in report["dialogs"]), report["dialogs"])
    iface.setActiveLayer(layer)
    iface.actionToggleEditing().trigger()
    wait(300)
    check("the blocks layer is editable", layer.isEditable())
    check("the paint tool is enabled while editing", plugin_action("sozialraumPaint").isEnabled(),
          plugin_action("sozialraumPaint").toolTip())
    screenshot("session")


def barrier_pair(layer_session):
    """A block and a block of another space that a barrier line separates from it, where no
    other neighbour of the first block lies in that space (painting it there splits that space)."""
    session = layer_session.session
    across = getattr(layer_session, "_across_barrier", {})
    for block in sorted(across):
        own = session.space_of(block)
        if len(session.blocks_of(own)) < 3:
            continue
        for other in sorted(across[block]):
            target = session.space_of(other)
            if target is None or target == own:
                continue
            if any(session.space_of(n) == target for n in layer_session.neighbour_blocks(block)):
                continue
            return block, other, target
    return None


def paint_across_barrier():
    layer_session = dock().layer_session
    layer = layer_session.layer
    pair = barrier_pair(layer_session)
    if not check("blocks on either side of the railway in different spaces", pair is not None,
                 f"{len(getattr(layer_session, '_across_barrier', {}))} blocks at a barrier"):
        return None
    block, other, target = pair
    both = layer_session.blocks_geometry([block, other]).boundingBox()
    zoom_to(both, 3.0)
    start = layer_session.geometry(other).pointOnSurface().asPoint()
    end = layer_session.geometry(block).pointOnSurface().asPoint()
    plugin_action("sozialraumPaint").trigger()
    wait()
    # Ctrl+press on a block of the target space picks it and starts the stroke; the drag paints
    press_move_release([start, end], modifiers=Qt.KeyboardModifier.ControlModifier)
    wait(400)
    painted = layer.getFeature(block)["space_id"]
    check("the painted block is in the space across the railway", str(painted) == str(target),
          f"block {block}: {painted}, target {target}")
    wait_for(lambda: str(target) in table_rows(), 5)
    status = table_rows().get(str(target), (None, ""))[1] or ""
    barrier_text = tr("{status}, across a barrier line").format(status="").strip(", ")
    check("the dock's table names the barrier crossing of the target space", barrier_text in status,
          f"{target}: {status!r}")
    crossing = tr("the change crosses a barrier line (blocks {blocks})").split("{")[0].strip()
    messages = message_bar_texts()
    check("the message bar names the barrier crossing", any(crossing in text for text in messages), messages)
    summary = dock().summary_label.text()
    pieces = layer_session.session.summary().not_contiguous
    check("the summary counts the space that is not contiguous", pieces >= 1 and f"{pieces} " in summary, summary)
    screenshot("painted_across_railway")
    return target


def lock_a_space(avoid):
    panel = dock()
    rows = table_rows()
    session = panel.layer_session.session
    candidates = sorted((s for s in session.statuses() if str(s.space) not in avoid and s.contiguous),
                        key=lambda s: -s.blocks)
    space = candidates[0].space
    index = row_index(space, 1)
    table = widget(QTableView, "spacesTable")
    table.scrollTo(index)
    wait()
    click_at = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, click_at)
    wait(300)
    index = row_index(space, 1)
    table.setCurrentIndex(index)
    if not table_rows()[str(space)][0]:  # the box itself not hit: the space bar ticks the current cell's box
        QTest.keyClick(table.viewport(), Qt.Key.Key_Space)
        wait(400)
    rows = table_rows()
    check("the space is locked in the table", rows[str(space)][0], rows.get(str(space)))
    check("the lock is in the session", space in panel.layer_session.session.locked)
    screenshot("locked")
    return space


def switch_layer_and_back(locked):
    panel = dock()
    layer = blocks_layer()
    other = next(lay for lay in QgsProject.instance().mapLayers().values() if lay.name() == tr("Musterstadt – blocks"))
    select_layer_in_combo(widget(QgsMapLayerComboBox, "blocksLayer"), other)
    click(widget(QPushButton, "openSession"))
    wait(500)
    opened_other = panel.layer_session.layer is other if panel.layer_session is not None else None
    report["switch_message"] = panel.message_label.text()
    select_layer_in_combo(widget(QgsMapLayerComboBox, "blocksLayer"), layer)
    click(widget(QPushButton, "openSession"))
    wait_for(lambda: panel.layer_session is not None and panel.layer_session.layer is layer, 30)
    wait(300)
    rows = table_rows()
    check("the lock is kept after switching the blocks layer and back",
          panel.layer_session is not None and rows.get(str(locked), (False,))[0],
          f"session on the sample blocks: {opened_other}; {panel.message_label.text()}; row: {rows.get(str(locked))}")
    check("the blocks layer is the active layer again", iface.activeLayer() is layer,
          iface.activeLayer().name() if iface.activeLayer() else None)
    screenshot("switched_back")


def reoptimise(locked):
    panel = dock()
    layer_session = panel.layer_session
    before = set(layer_session.session.blocks_of(locked))
    click(widget(QPushButton, "reoptimise"))
    preview = widget(QWidget, "reoptimisePreview")
    wait_for(lambda: preview.isVisible(), 60)
    check("the re-optimisation preview is shown", preview.isVisible(), panel.proposal_label.text())
    screenshot("reoptimise_preview")
    apply = widget(QPushButton, "applyReoptimise")
    applied = apply.isEnabled()
    rows_before = len(layer_session.decision_log.rows())
    click(apply)
    wait(500)
    session = panel.layer_session.session
    check("re-optimisation applied (or nothing to change)",
          not applied or len(panel.layer_session.decision_log.rows()) > rows_before, panel.proposal_label.text())
    check("the locked space is untouched by the re-optimisation", set(session.blocks_of(locked)) == before)
    check("the locked space is still locked after re-optimising", table_rows()[str(locked)][0])
    screenshot("reoptimised")


def split_along_line(locked):
    panel = dock()
    layer_session = panel.layer_session
    session = layer_session.session
    space = max((s for s in session.statuses() if s.space != locked and s.contiguous), key=lambda s: s.blocks).space
    blocks = session.blocks_of(space)
    count = len(blocks)
    points = [layer_session.geometry(b).pointOnSurface().asPoint() for b in blocks]
    box = layer_session.blocks_geometry(blocks).boundingBox()
    zoom_to(box, 1.5)
    middle = sorted(p.y() for p in points)[len(points) // 2]
    middle = (middle + max(p.y() for p in points if p.y() < middle)) / 2 if any(p.y() < middle for p in points) else middle
    plugin_action("sozialraumSplitLine").trigger()
    wait()
    inside = layer_session.geometry(blocks[0]).pointOnSurface().asPoint()
    mouse(QEvent.Type.MouseButtonPress, inside)
    mouse(QEvent.Type.MouseButtonRelease, inside)
    margin = box.width() * 0.1
    for x in (box.xMinimum() - margin, box.center().x(), box.xMaximum() + margin):
        mouse(QEvent.Type.MouseButtonPress, QgsPointXY(x, middle))
        mouse(QEvent.Type.MouseButtonRelease, QgsPointXY(x, middle))
    screenshot("split_line_drawn")
    last = QgsPointXY(box.xMaximum() + margin, middle)
    mouse(QEvent.Type.MouseButtonPress, last, Qt.MouseButton.RightButton)
    mouse(QEvent.Type.MouseButtonRelease, last, Qt.MouseButton.RightButton)
    wait(500)
    after = len(panel.layer_session.session.blocks_of(space))
    check("the space is split along the drawn line", 0 < after < count, f"{space}: {count} -> {after} blocks; "
          f"{message_bar_texts()[-2:]}")
    screenshot("split")


def new_space_from_selection(locked):
    panel = dock()
    layer_session = panel.layer_session
    session = layer_session.session
    layer = layer_session.layer
    space = max((s for s in session.statuses() if s.space != locked), key=lambda s: s.blocks).space
    first = session.blocks_of(space)[0]
    second = next(n for n in layer_session.neighbour_blocks(first) if session.space_of(n) == space)
    zoom_to(layer_session.blocks_geometry([first, second]).boundingBox(), 3.0)
    iface.setActiveLayer(layer)
    iface.actionSelect().trigger()
    wait()
    layer.removeSelection()
    for block, modifiers in ((first, Qt.KeyboardModifier.NoModifier), (second, Qt.KeyboardModifier.ShiftModifier)):
        point = layer_session.geometry(block).pointOnSurface().asPoint()
        press_move_release([point], modifiers=modifiers)
    selected = set(layer.selectedFeatureIds())
    check("two blocks selected with the select tool", selected == {first, second}, selected)
    labels_before = {str(s.space) for s in session.statuses()}
    click(toolbar_button(plugin_action("sozialraumNewSpace")))
    wait(400)
    session = panel.layer_session.session
    new = {str(s.space) for s in session.statuses()} - labels_before
    check("a new space from the selected blocks", len(new) == 1 and {str(session.space_of(first)), str(session.space_of(second))} == new,
          f"new: {new}; {message_bar_texts()[-1:]}")
    screenshot("new_space")


def save_variant():
    """Save the division as a variant, with the name the dock offers and a note typed in."""
    panel = dock()
    box = widget(QWidget, "variantsBox")
    box.setCollapsed(False)  # the planner opens the box (collapsed at first: the spaces table keeps the room)
    wait()
    panel.widget().ensureWidgetVisible(box)
    note = widget(QLineEdit, "variantNote")
    note.setFocus()
    QTest.keyClicks(note, "Stand vor der Sitzung")
    name = widget(QLineEdit, "variantName").text()
    click(widget(QPushButton, "saveVariant"))
    variants = panel.variants()
    check("the division is saved as a variant with the offered name and the note",
          [(v.name, v.note, v.author) for v in variants] == [(tr("Variant {letter}").format(letter="A"), "Stand vor der Sitzung",
                                                              AUTHOR)] and name == variants[0].name,
          f"{[(v.name, v.note, v.author) for v in variants]}; {message_bar_texts()[-1:]}")
    screenshot("variant_saved")
    return {str(block): str(space) for block, space in zip(panel.layer_session.session.block_ids,
                                                              panel.layer_session.session.labels())}


def switch_to_variant_and_undo(saved):
    """Switch back to the variant (one click), then one Ctrl+Z (QGIS's undo action) brings the change back."""
    panel = dock()
    layer = panel.layer_session.layer
    table = widget(QTableWidget, "variantList")
    panel.widget().ensureWidgetVisible(table)
    changed = {str(b): str(s) for b, s in zip(panel.layer_session.session.block_ids, panel.layer_session.session.labels())}
    rows = len(panel.layer_session.decision_log.rows())
    table.selectRow(0)
    click(widget(QPushButton, "switchVariant"))
    wait(400)
    now = {str(b): str(s) for b, s in zip(panel.layer_session.session.block_ids, panel.layer_session.session.labels())}
    check("switching to the variant brings its division back, with one log row",
          now == saved and len(panel.layer_session.decision_log.rows()) == rows + 1,
          f"{sum(1 for k in saved if now.get(k) != saved[k])} blocks differ; {message_bar_texts()[-1:]}")
    screenshot("variant_switched")
    iface.setActiveLayer(layer)
    undo = iface.mainWindow().findChild(QObject, "mActionUndo")  # Edit > Undo, the action Ctrl+Z triggers
    check("QGIS's undo action is there, on Ctrl+Z", undo is not None and undo.shortcut().toString() == "Ctrl+Z",
          undo.shortcut().toString() if undo is not None else None)
    undo.trigger()
    wait(400)
    now = {str(b): str(s) for b, s in zip(panel.layer_session.session.block_ids, panel.layer_session.session.labels())}
    check("one Ctrl+Z after the switch brings the division before it back", now == changed and len(
        panel.layer_session.decision_log.rows()) == rows, f"{sum(1 for k in changed if now.get(k) != changed[k])} blocks differ")


def export_log():
    panel = dock()
    path = OUT / "decision_log.html"
    answers.append(path)
    click(widget(QPushButton, "exportLogHtml"))
    wait_for(path.exists, 10)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    rows = len(panel.layer_session.decision_log.rows())
    check("the decision log exported as HTML with every decision", path.exists() and text.count("<tr") >= rows > 0,
          f"{rows} decisions, {text.count('<tr')} rows; {panel.message_label.text()}")
    screenshot("log_exported")


def presentation_on():
    """The meeting view: live spaces with labels, presentation mode, the whole town on the screen."""
    panel = dock()
    live = widget(QCheckBox, "liveSpaces")
    if not live.isChecked():
        click(live)
    wait_for(lambda: panel.live is not None and panel.live.layer.featureCount() > 0, 10)
    table = widget(QTableView, "spacesTable")
    size = QFontInfo(table.font()).pointSizeF()
    report["fonts_before_presentation"] = dock_fonts()
    rows = table.verticalHeader().defaultSectionSize()
    click(toolbar_button(plugin_action("sozialraumPresentation")))
    wait(500)
    grown = QFontInfo(table.font()).pointSizeF()
    check("presentation mode: the dock's table text grows", grown >= 1.5 * size, f"{size} -> {grown} pt")
    check("presentation mode: the table's rows grow with it", table.verticalHeader().defaultSectionSize() >= 1.5 * rows,
          f"{rows} -> {table.verticalHeader().defaultSectionSize()} px")
    layers_panel = iface.mainWindow().findChild(QWidget, "Layers")
    check("presentation mode: no menu bar, no other docks", not iface.mainWindow().menuBar().isVisible()
          and (layers_panel is None or not layers_panel.isVisible()))
    barriers = next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == tr("Musterstadt – barriers"))
    widths = [c.symbol().width() for c in barriers.renderer().categories()]
    check("presentation mode: barrier lines bold", min(widths) >= 1.4, widths)
    check("presentation mode: barrier lines above the blocks", canvas().layers()[:1] == [barriers],
          [layer.name() for layer in canvas().layers()])
    settings = panel.live.layer.labeling().settings()
    check("presentation mode: labels do not pile up", not settings.displayAll and settings.priority == 10)
    zoom_to(blocks_layer().extent(), 1.05)
    report["presentation_scale"] = round(canvas().scale())
    screenshot("presentation")


def before_after():
    """The before/after view beside the edited map, in the meeting view."""
    layer = dock().layer_session.layer
    click(toolbar_button(plugin_action("sozialraumBeforeAfter")))
    wait(800)
    view = plugins["sozialraum"].before_dock
    check("before/after opens", view.isVisible() and view.copy is not None)
    check("before/after: a usable second map", view.canvas.height() >= 240, f"{view.canvas.height()} px")
    saved = {f["space_id"] for f in layer.dataProvider().getFeatures()}
    outlines = view.outlines
    check("before/after: the saved spaces' outlines and numbers", outlines is not None and outlines.labelsEnabled()
          and outlines.featureCount() == len({str(v) for v in saved}), outlines.featureCount() if outlines else None)
    check("before/after: shows the division as saved, not as edited",
          spaces_of(view.copy) != spaces_of(layer) and spaces_of(view.copy) == saved_spaces(layer))
    screenshot("before_after")


def saved_spaces(layer):
    return {str(f["block_id"]): str(f["space_id"]) for f in layer.dataProvider().getFeatures()}


def dock_fonts():
    """The drawn point size of each named widget of the consultation dock, and of the tables' headers."""
    fonts = {}
    for item in dock().findChildren(QWidget):
        name = item.objectName() or (item.parent().objectName() + "/" + type(item).__name__ if item.parent() else "")
        if name and item.isVisible() and not name.startswith("qt_"):
            fonts[name] = QFontInfo(item.font()).pointSizeF()
    return fonts


def presentation_off():
    action = plugin_action("sozialraumPresentation")
    click(toolbar_button(action))
    wait(500)
    barriers = next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == tr("Musterstadt – barriers"))
    root = QgsProject.instance().layerTreeRoot()
    fonts = dock_fonts()
    check("presentation mode off: every text of the dock at its own size again", fonts == report["fonts_before_presentation"],
          {name: (report["fonts_before_presentation"].get(name), size) for name, size in fonts.items()
           if size != report["fonts_before_presentation"].get(name)})
    check("presentation mode off: menu bar and layer order back", iface.mainWindow().menuBar().isVisible()
          and not root.hasCustomLayerOrder() and not action.isChecked())
    check("presentation mode off: the barriers' own style back", max(c.symbol().width() for c in barriers.renderer().categories()) < 1.41,
          [c.symbol().width() for c in barriers.renderer().categories()])


def save(locked):
    layer = dock().layer_session.layer
    iface.setActiveLayer(layer)
    iface.actionSaveActiveLayerEdits().trigger()
    wait(500)
    check("the layer's edits are saved", not layer.isModified(), layer.commitErrors() if hasattr(layer, "commitErrors") else "")
    view = plugins["sozialraum"].before_dock
    if view.isVisible():
        check("before/after follows the save: the saved division is the new 'before'",
              view.copy is not None and spaces_of(view.copy) == spaces_of(layer))
        screenshot("before_after_saved")
    project = QgsProject.instance()
    project.setFileName(str(PROJECT))
    iface.actionSaveProject().trigger()
    wait(500)
    check("the project is saved", PROJECT.exists())
    wait(500)
    check("the project has no unsaved changes right after saving", not project.isDirty())
    STATE.write_text(json.dumps({"locked": str(locked), "spaces": spaces_of(layer),
                                 "decisions": len(dock().layer_session.decision_log.rows())}), encoding="utf-8")


def edit_phase():
    QgsSettings().remove("sozialraum/author")  # the author is asked, as on a first session
    iface.mainWindow().resize(1600, 1000)  # no window manager under Xvfb: no maximising
    wait(500)
    load_sample()
    propose()
    open_session()
    target = paint_across_barrier()
    locked = lock_a_space({str(target)})
    switch_layer_and_back(locked)
    reoptimise(locked)
    split_along_line(locked)
    saved = save_variant()
    new_space_from_selection(locked)
    switch_to_variant_and_undo(saved)
    export_log()
    presentation_on()
    before_after()
    presentation_off()
    save(locked)


# -- the reopen phase ----------------------------------------------------------------------
def reopen_phase():
    expected = json.loads(STATE.read_text(encoding="utf-8"))
    iface.mainWindow().resize(1600, 1000)
    wait(300)
    iface.addProject(str(PROJECT))
    wait(800)
    layer = blocks_layer()
    check("the project reopened with the blocks layer", layer is not None)
    check("the edits are in the reopened layer", spaces_of(layer) == expected["spaces"],
          sum(1 for k, v in spaces_of(layer).items() if expected["spaces"].get(k) != v))
    panel = show_dock()
    wait_for(lambda: panel.layer_session is not None, 30)
    check("the session reopens from the project", panel.layer_session is not None, panel.message_label.text())
    check("the blocks layer is the active layer of the reopened session", iface.activeLayer() is layer,
          iface.activeLayer().name() if iface.activeLayer() else None)
    rows = table_rows()
    check("the lock is still there after restarting QGIS", rows.get(expected["locked"], (False,))[0],
          rows.get(expected["locked"]))
    barriers = [lay for lay in QgsProject.instance().mapLayers().values() if lay.name() == tr("Musterstadt – barriers")]
    check("the project keeps the planner's styles, not the meeting's", barriers and not QgsProject.instance().layerTreeRoot()
          .hasCustomLayerOrder() and max(c.symbol().width() for c in barriers[0].renderer().categories()) < 1.41)
    decisions = len(panel.layer_session.decision_log.rows()) if panel.layer_session is not None else 0
    check("the decision log is kept", decisions == expected["decisions"], f"{decisions} of {expected['decisions']}")
    variants = [variant.name for variant in panel.variants()]
    check("the variant is kept in the GeoPackage", variants == [tr("Variant {letter}").format(letter="A")], variants)
    check("the variants box is open as the planner left it before QGIS quit", not widget(QWidget, "variantsBox").isCollapsed())
    screenshot("reopened")


def quit_qgis():
    """File > Exit, as the user quits (the plugin is unloaded); nothing of this script runs after it."""
    dialog_timer.stop()
    QgsApplication.messageLog().messageReceived.disconnect(logged)
    sys.excepthook = sys.__excepthook__
    QTimer.singleShot(3000, note_dialog_at_exit)
    iface.actionExit().trigger()


def note_dialog_at_exit():
    """A dialog still open 3 s after File > Exit holds the exit (QGIS then dies at the fallback exit)."""
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        texts = [dialog.windowTitle()] + [w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text") and w.text()]
        layers = [f"layer {layer.name()!r}: {layer.providerType()}, temporary {layer.isTemporary()}, "
                  f"skip check {layer.customProperty('skipMemoryLayersCheck')}" for layer in QgsProject.instance().mapLayers().values()]
        (OUT / f"{PHASE}_exit_dialog.txt").write_text("\n".join(map(str, texts + layers)), encoding="utf-8")


def main():
    try:
        edit_phase() if PHASE == "edit" else reopen_phase()
        report["done"] = True
    except Exception:  # noqa: BLE001 - the walk stops; the test shows where
        report["errors"].append("walk-through stopped:\n" + traceback.format_exc())
    finally:
        report["dirty_at_exit"] = QgsProject.instance().isDirty()
        write_report()
        QTimer.singleShot(100, quit_qgis)
        QTimer.singleShot(20000, QgsApplication.instance().exit)  # should a dialog still hold it


OUT.mkdir(parents=True, exist_ok=True)
QgsApplication.messageLog().messageReceived.connect(logged)
sys.excepthook = excepthook
dialog_timer = QTimer()
dialog_timer.setInterval(150)
dialog_timer.timeout.connect(answer_dialogs)
dialog_timer.start()
report["qgis"] = Qgis.QGIS_VERSION
report["language"] = QgsApplication.instance().translation()
QTimer.singleShot(500, main)  # once the main window runs its event loop

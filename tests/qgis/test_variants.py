"""Variants in the consultation dock: save, change, switch back in one undo step, locks, stores, compare."""
import json
import sqlite3

import pytest

from .consultation_grid import Host, assert_session_follows_layer, fid, spaces_of_layer, stroke
from .test_decision_log import author, gpkg_layer, open_dock  # noqa: F401 - the fixture "author" is used by name


def paint(canvas, dock, target, cells):
    from sozialraum.ui.paint_tool import PaintTool

    tool = PaintTool(canvas, Host(dock))
    tool.set_target(target)
    stroke(tool, canvas, cells)


@pytest.fixture
def bar(setup):
    """The dock reports to a real message bar (as in QGIS); returns a function giving all it shows."""
    from qgis.gui import QgsMessageBar

    from sozialraum.ui.message_bar import MessageBarReporter

    dock = setup[2]
    message_bar = QgsMessageBar()
    dock.reporter = MessageBarReporter(message_bar)
    yield lambda: " | ".join([item.text() for item in message_bar.items()] + [dock.message_label.text()])
    dock.reporter = None


def listed(dock):
    table = dock.variant_table
    return [tuple(table.item(row, column).text() for column in (0, 1, 3)) for row in range(table.rowCount())]


def save_in_dock(dock, name=None, note=""):
    """Type the name and note into the dock and press "Save as variant"."""
    if name is not None:
        dock.variant_name_edit.setText(name)
    dock.variant_note_edit.setText(note)
    dock.save_variant_button.click()


def switch_in_dock(dock, name):
    (row,) = [row for row in range(dock.variant_table.rowCount()) if dock.variant_table.item(row, 0).text() == name]
    dock.variant_table.selectRow(row)
    assert dock.switch_variant_button.isEnabled()
    dock.switch_variant_button.click()


def test_save_change_and_switch_back_in_one_undo_step_with_a_log_row(setup, author, bar):  # noqa: F811
    from qgis.core import QgsProject

    from sozialraum.ui.decision_log import operation_text

    layer, canvas, dock, host = setup
    original = spaces_of_layer(layer)
    assert dock.variant_name_edit.text() == "Variant A" and not dock.switch_variant_button.isEnabled()
    save_in_dock(dock, note="as delineated")
    assert listed(dock) == [("Variant A", "Anna Planerin", "as delineated")]
    assert dock.variant_name_edit.text() == "Variant B"  # the next free name is offered
    # a memory layer keeps its variants in the project, beside its decision log
    text, ok = QgsProject.instance().readEntry("sozialraum", f"variants/{layer.id()}", "")
    assert ok and json.loads(text)[0]["name"] == "Variant A"

    paint(canvas, dock, 1, [(0, 3), (1, 3)])
    painted = spaces_of_layer(layer)
    assert painted != original
    stack = layer.undoStack()
    before = stack.count()
    dock.reason_edit.setText("Back to the delineation")
    switch_in_dock(dock, "Variant A")
    assert spaces_of_layer(layer) == original
    assert stack.count() == before + 1  # one command
    assert_session_follows_layer(dock.layer_session)
    row = dock.layer_session.decision_log.rows()[-1]
    assert (row.kind, row.operation, row.blocks, row.from_spaces, row.to_spaces, row.reason) == (
        "variant", "variant:Variant A", 2, "1", "2", "Back to the delineation")
    assert operation_text(row) == stack.text(stack.count() - 1) == "Switch to variant 'Variant A': 2 blocks moved"
    assert "Switched to variant 'Variant A': 2 blocks" in bar()

    stack.undo()  # ONE undo step brings the painted division back, and takes the log row away
    assert spaces_of_layer(layer) == painted
    assert_session_follows_layer(dock.layer_session)
    assert [r.kind for r in dock.layer_session.decision_log.rows()] == ["move"]
    stack.redo()
    assert spaces_of_layer(layer) == original and dock.layer_session.decision_log.rows()[-1].kind == "variant"

    switch_in_dock(dock, "Variant A")  # already that division: nothing written
    assert stack.count() == before + 1 and "already is variant 'Variant A'" in bar()


def test_a_name_taken_is_refused_and_delete_removes_only_the_variant(setup, author):  # noqa: F811
    layer, canvas, dock, host = setup
    save_in_dock(dock, "Nord-Süd")
    paint(canvas, dock, 1, [(0, 3)])
    save_in_dock(dock, "Nord-Süd", "second try")
    assert "'Nord-Süd' exists already" in dock.message_label.text() and len(listed(dock)) == 1
    save_in_dock(dock, "Ost", "second try")
    assert [name for name, _, _ in listed(dock)] == ["Nord-Süd", "Ost"]
    now = spaces_of_layer(layer)
    dock.variant_table.selectRow(0)
    dock.delete_variant_button.click()
    assert [name for name, _, _ in listed(dock)] == ["Ost"] and spaces_of_layer(layer) == now


def test_a_switch_that_would_change_a_locked_space_is_refused_naming_it_other_locks_stay(setup, author, bar):  # noqa: F811
    from sozialraum.ui.operations import NewSpace

    layer, canvas, dock, host = setup
    session = dock.layer_session
    session.perform(NewSpace((fid(layer, 3, 5), fid(layer, 2, 5))))
    save_in_dock(dock, "Drei")
    paint(canvas, dock, 1, [(0, 3)])  # space 2 loses a block to space 1
    session.set_locked(2, True)
    stack = layer.undoStack()
    before, values = stack.count(), spaces_of_layer(layer)
    switch_in_dock(dock, "Drei")
    assert spaces_of_layer(layer) == values and stack.count() == before  # nothing written
    message = bar()
    assert "locked space(s) 2" in message and "unlock them first" in message
    session.set_locked(2, False)
    session.set_locked(3, True)  # space 3 is the same in the variant: the switch goes ahead, the lock stays
    switch_in_dock(dock, "Drei")
    assert spaces_of_layer(layer)[fid(layer, 0, 3)] == 2 and session.session.locked == frozenset({3})
    assert_session_follows_layer(session)


def test_switching_needs_the_layer_in_editing_mode(setup, author, bar):  # noqa: F811
    layer, canvas, dock, host = setup
    save_in_dock(dock)
    paint(canvas, dock, 1, [(0, 3)])
    layer.commitChanges()
    values = spaces_of_layer(layer)
    switch_in_dock(dock, "Variant A")
    assert spaces_of_layer(layer) == values and "edit" in bar().lower()
    layer.startEditing()
    switch_in_dock(dock, "Variant A")
    assert spaces_of_layer(layer)[fid(layer, 0, 3)] == 2


def stored_variants(path):
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute("select * from sozialraum_variants order by time")]


def test_geopackage_variants_survive_reopening_the_project(qgis_app, qgis_canvas, qgis_new_project, tmp_path, author):  # noqa: F811
    from qgis.core import QgsProject

    from sozialraum.engine.consultation.variants import decode_division
    from sozialraum.ui.consultation_dock import ConsultationDock

    path, layer = gpkg_layer(tmp_path)
    dock = open_dock(layer, qgis_canvas)
    layer.startEditing()
    original = spaces_of_layer(layer)
    save_in_dock(dock, "Variante A", "Stand der Verwaltung")
    (row,) = stored_variants(path)  # written at once, beside the decision log
    assert (row["name"], row["author"], row["note"], row["blocks_table"], row["space_field"], row["blocks"]) == (
        "Variante A", "Anna Planerin", "Stand der Verwaltung", "blocks", "space", 24)
    assert decode_division(row["division"]) == original
    paint(qgis_canvas, dock, 1, [(0, 3), (1, 3)])
    assert layer.commitChanges()  # the painted division is saved; the variant keeps the old one
    project_path = str(tmp_path / "meeting.qgz")
    assert QgsProject.instance().write(project_path)
    dock.close_session()
    dock.cleanup()
    dock.deleteLater()

    QgsProject.instance().clear()
    assert QgsProject.instance().read(project_path)
    fresh = ConsultationDock(None, qgis_canvas)
    try:
        fresh.show()
        assert fresh.layer_session is not None, fresh.message_label.text()
        assert listed(fresh) == [("Variante A", "Anna Planerin", "Stand der Verwaltung")]
        blocks = fresh.layer_session.layer
        blocks.startEditing()
        switch_in_dock(fresh, "Variante A")
        assert spaces_of_layer(blocks) == original
        assert blocks.commitChanges()
        with sqlite3.connect(path) as connection:
            logged = connection.execute("select kind, operation from sozialraum_decisions order by number").fetchall()
        assert logged == [("move", "paint"), ("variant", "variant:Variante A")]
        fresh.variant_table.selectRow(0)
        fresh.delete_variant_button.click()
        assert stored_variants(path) == [] and listed(fresh) == []
    finally:
        fresh.close_session()
        fresh.cleanup()
        fresh.deleteLater()


def test_a_variant_another_project_saved_shows_when_the_box_is_opened(qgis_app, qgis_canvas, qgis_new_project, tmp_path,
                                                                      author):  # noqa: F811
    """A colleague's QGIS writes a variant into the same GeoPackage while this session is open."""
    from qgis.core import QgsVectorLayer

    from sozialraum.ui.variant_store import Variant, VariantStore

    path, layer = gpkg_layer(tmp_path)
    dock = open_dock(layer, qgis_canvas)
    try:
        save_in_dock(dock, "Variante A", "Stand der Verwaltung")
        elsewhere = QgsVectorLayer(layer.source(), "blocks in another project", layer.providerType())
        mine = dock.variants()[0]
        theirs = Variant.from_mapping(dict(mine.__dict__, id=None, name="Variante B", author="Ben Berater", note="aus dem Stadtteil"))
        assert VariantStore(elsewhere).add(theirs)
        assert [row["name"] for row in stored_variants(path)] == ["Variante A", "Variante B"]
        assert listed(dock) == [("Variante A", "Anna Planerin", "Stand der Verwaltung")]  # not read yet
        dock.show()  # the planner sees the dock
        dock.variants_box.setCollapsed(True)
        dock.variants_box.setCollapsed(False)  # the planner opens the box: it reads the store again
        assert listed(dock) == [("Variante A", "Anna Planerin", "Stand der Verwaltung"),
                                ("Variante B", "Ben Berater", "aus dem Stadtteil")]
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()


class Opened:
    """Receives the URLs QDesktopServices is asked to open (nothing is launched)."""

    def __new__(cls):
        from qgis.PyQt.QtCore import QObject, pyqtSlot

        class _Opened(QObject):
            def __init__(self):
                super().__init__()
                self.urls = []

            @pyqtSlot("QUrl")
            def open(self, url):
                self.urls.append(url.toLocalFile())

        return _Opened()


@pytest.fixture
def opened():
    from qgis.PyQt.QtGui import QDesktopServices

    receiver = Opened()
    QDesktopServices.setUrlHandler("file", receiver, "open")
    yield receiver
    QDesktopServices.unsetUrlHandler("file")


def test_compare_from_the_dock_writes_the_change_report_and_opens_it(setup, provider, author, tmp_path, opened,  # noqa: F811
                                                                      monkeypatch, bar):
    from qgis.PyQt.QtWidgets import QFileDialog

    layer, canvas, dock, host = setup
    save_in_dock(dock, "Variante A")
    dock.reason_edit.setText("Schulweg über die Hauptstraße")
    paint(canvas, dock, 1, [(0, 3), (1, 3)])  # 2 x 130 residents from space 2 to space 1
    assert [dock.compare_first.itemText(i) for i in range(dock.compare_first.count())] == [
        "Saved state", "Current division", "Variante A"]
    dock.compare_first.setCurrentIndex(2)
    dock.compare_second.setCurrentIndex(1)
    target = tmp_path / "Bericht.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    dock.compare_button.click()
    assert target.is_file() and (tmp_path / "Bericht.pdf").read_bytes()[:5] == b"%PDF-"
    page = target.read_text(encoding="utf-8")
    assert "Variante A" in page and "Current division" in page
    assert "Schulweg über die Hauptstraße" in page  # the decision log's reason, for the space that changed
    assert "260" in page  # residents moved
    assert opened.urls == [str(target)]
    assert "Change report written" in bar()

    # the saved state (the layer's data: the paint is not saved) against the variant: no block moved
    written = dock.compare_divisions("saved", "Variante A", str(tmp_path / "same.html"), open_report=False)
    assert written is not None and (tmp_path / "same.pdf").is_file()
    assert opened.urls == [str(target)]
    assert dock.compare_divisions("current", "current", str(tmp_path / "none.html")) is None
    assert "two different divisions" in dock.message_label.text() and not (tmp_path / "none.html").exists()


def test_in_german_the_undo_step_the_log_and_the_offered_name_are_german(setup, author):  # noqa: F811
    from sozialraum.ui.decision_log import operation_text

    from .conftest import german_interface

    layer, canvas, dock, host = setup
    with german_interface():
        assert dock.suggested_variant_name() == "Variante A"
        save_in_dock(dock, "")  # an empty name: the offered one
        paint(canvas, dock, 1, [(0, 3), (1, 3)])
        switch_in_dock(dock, "Variante A")
        stack = layer.undoStack()
        expected = "Zur Variante „Variante A“ wechseln: 2 Blöcke verschoben"
        assert stack.text(stack.count() - 1) == expected
        assert operation_text(dock.layer_session.decision_log.rows()[-1]) == expected


def test_the_box_opened_once_is_open_in_the_next_dock(setup):
    """Collapsed at first (the spaces table keeps the room); QGIS keeps the planner's choice."""
    from qgis.core import QgsSettings
    from qgis.PyQt import sip

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.dock_variants import COLLAPSED_KEY

    layer, canvas, dock, host = setup
    QgsSettings().remove(COLLAPSED_KEY)
    first = ConsultationDock(None, canvas)
    first.show()
    assert first.variants_box.isCollapsed()
    first.variants_box.setCollapsed(False)  # the planner opens it
    # QGIS quitting does not destroy the dock: the choice must be stored already
    assert QgsSettings().value(COLLAPSED_KEY, True, type=bool) is False
    first.hide()
    first.cleanup()
    sip.delete(first)
    fresh = ConsultationDock(None, canvas)
    try:
        fresh.show()
        assert not fresh.variants_box.isCollapsed()
    finally:
        fresh.cleanup()
        fresh.deleteLater()


def test_file_dialogs_start_where_the_meetings_files_are_not_in_a_temporary_folder(qgis_app, qgis_new_project, tmp_path,
                                                                                   monkeypatch, request):
    """An outside check: with an unsaved project the change report was suggested in Processing's
    temporary folder; comment files are looked for where they were last imported from."""
    import shutil
    from pathlib import Path

    from qgis.core import QgsProcessingUtils, QgsProject, QgsVectorLayer

    from sozialraum.ui import folders

    gpkg = tmp_path / "meeting" / "blocks.gpkg"
    gpkg.parent.mkdir()
    shutil.copy(Path(__file__).resolve().parents[2] / "resources" / "sample" / "musterstadt.gpkg", gpkg)
    layer = QgsVectorLayer(f"{gpkg}|layername=blocks", "blocks", "ogr")
    from qgis.core import QgsSettings

    QgsSettings().remove(folders.COMMENTS_FOLDER)  # no folder remembered from an earlier run
    request.addfinalizer(lambda: QgsSettings().remove(folders.COMMENTS_FOLDER))
    assert QgsProject.instance().homePath() == ""
    assert folders.working_folder(layer) == str(gpkg.parent)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert folders.working_folder(None) == str(tmp_path)
    assert not folders.working_folder(layer).startswith(QgsProcessingUtils.tempFolder())
    assert folders.comments_folder(layer) == str(gpkg.parent)  # no downloads folder in this HOME: beside the blocks
    (tmp_path / "Downloads").mkdir()
    assert folders.comments_folder(layer) == str(tmp_path / "Downloads")
    folders.remember_comments_folder([str(tmp_path / "meeting" / "a.json")])
    assert folders.comments_folder(layer) == str(gpkg.parent)

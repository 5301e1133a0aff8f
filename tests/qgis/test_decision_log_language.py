"""Decision-log rows store codes and numbers and are worded in the language of the moment (dock and exports)."""
# ruff: noqa: F811 (the fixtures "gpkg" and "author" are imported from test_decision_log and used by name)
import csv
import re
import zipfile

from .conftest import german_interface
from .consultation_grid import Host, fid, grid_layer, stroke
from .test_decision_log import author, gpkg, gpkg_layer, open_dock  # noqa: F401


def decision(**values):
    from sozialraum.ui.decision_log import Decision

    row = {"number": 1, "time": "2026-12-06T10:00:00+01:00", "author": "A", "kind": "move", "operation": "paint",
           "from_spaces": "2", "to_spaces": "1", "blocks": 1, "population": 130.0, "block_ids": "4", "reason": "",
           "id": ""}
    row.update(values)
    return Decision.from_mapping(row)


def log_cells(dock, column=2):
    dock.refresh()
    model = dock.log_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rows_are_worded_in_the_language_shown_not_the_one_they_were_written_in(gpkg, tmp_path):
    """Failed before: a row kept the undo text of the language it was written in ('Paint 1 block into space 1'
    in a German dock and export)."""
    from sozialraum.ui.decision_log import write_csv
    from sozialraum.ui.paint_tool import PaintTool

    path, layer, canvas, dock, host = gpkg
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    dock.reason_edit.setText("Schulweg")
    stroke(tool, canvas, [(0, 3)])  # written in English
    with german_interface():
        dock.layer_session.set_locked(2, True)  # written in German
        stroke(tool, canvas, [(1, 3), (2, 3)])  # refused: space 2 is locked
        dock.layer_session.set_locked(2, False)
        stroke(tool, canvas, [(1, 3), (2, 3)])
        assert [row.operation for row in dock.log_rows()] == ["paint", "lock", "unlock", "paint"]
        assert log_cells(dock) == ["2 Blöcke dem Sozialraum 1 zuweisen", "Sozialraum 2 entsperren",
                                   "Sozialraum 2 sperren", "1 Block dem Sozialraum 1 zuweisen"]
        german = tmp_path / "log_de.csv"
        write_csv(dock.log_rows(), str(german), lang="de")
        with open(german, encoding="utf-8-sig", newline="") as data:
            table = list(csv.reader(data, delimiter=";"))
        assert table[0][4] == "Änderung" and [line[4] for line in table[1:]] == [
            "1 Block dem Sozialraum 1 zuweisen", "Sozialraum 2 sperren", "Sozialraum 2 entsperren",
            "2 Blöcke dem Sozialraum 1 zuweisen"]
        assert table[1][9] == "Schulweg"  # the reason as typed, in no language
    assert log_cells(dock) == ["Paint 2 blocks into space 1", "Unlock space 2", "Lock space 2",
                               "Paint 1 block into space 1"]
    assert layer.commitChanges()
    # stored as codes: the same rows read back from the GeoPackage are worded today too
    with german_interface():
        assert log_cells(dock)[-1] == "1 Block dem Sozialraum 1 zuweisen"


def test_an_old_log_with_text_rows_is_read_worded_today_and_keeps_its_locks(qgis_app, qgis_canvas, qgis_new_project,
                                                                          tmp_path):
    """Rows written by an earlier version hold the undo text of their day (here German): they are worded in
    the language of today from their kind and numbers; only a kind not known keeps its text."""
    from dataclasses import asdict

    from sozialraum.ui.decision_log import COLUMNS, Decision, GeoPackageStore, operation_text

    path, layer = gpkg_layer(tmp_path)
    old = [decision(number=1, operation="3 Blöcke dem Sozialraum 1 zuweisen", blocks=3, block_ids="4,10,16"),
           decision(number=2, kind="split", operation="Raum 1 entlang einer Linie teilen (neuer Raum 3)",
                    from_spaces="1", to_spaces="3", blocks=4),
           decision(number=3, kind="split", operation="Sozialraum 1 teilen (neuer Sozialraum 4)", from_spaces="1",
                    to_spaces="4", blocks=2),
           decision(number=4, kind="lock", operation="Sozialraum 2 sperren", from_spaces="2", to_spaces="2", blocks=0),
           decision(number=5, kind="reoptimise", operation="Neu optimiert: 5 Blöcke, 650 Einwohner verschoben",
                    from_spaces="1, 2", to_spaces="2, 1", blocks=5, population=650.0),
           decision(number=6, kind="annotation", operation="Notiz der Sitzung", blocks=0)]
    assert GeoPackageStore(path, COLUMNS, Decision.from_mapping).append([asdict(row) for row in old])
    dock = open_dock(layer, qgis_canvas)
    try:
        rows = dock.log_rows()
        assert [operation_text(row) for row in rows] == [
            "Paint 3 blocks into space 1", "Split space 1 along a line (new space 3)", "Split space 1 (new space 4)",
            "Lock space 2", "Re-optimise: 5 blocks, 650 residents moved", "Notiz der Sitzung"]
        assert dock.layer_session.session.locked == frozenset({2})  # the old lock row still locks
        with german_interface():
            assert [operation_text(row) for row in rows][:2] == [
                "3 Blöcke dem Sozialraum 1 zuweisen", "Raum 1 entlang einer Linie teilen (neuer Raum 3)"]
    finally:
        dock.close_session()
        dock.deleteLater()


def test_plural_forms_in_both_languages(qgis_app):
    """Failed before for the re-optimisation ('Re-optimise: 1 blocks'; German '1 Blöcke')."""
    from sozialraum.ui.decision_log import operation_text

    cases = [
        (dict(blocks=1), "Paint 1 block into space 1", "1 Block dem Sozialraum 1 zuweisen"),
        (dict(blocks=2), "Paint 2 blocks into space 1", "2 Blöcke dem Sozialraum 1 zuweisen"),
        (dict(kind="new_space", operation="new_space", to_spaces="7", blocks=1), "New space 7 of 1 block",
         "Neuer Sozialraum 7 aus 1 Block"),
        (dict(kind="reoptimise", operation="reoptimise", blocks=1, population=130.0),
         "Re-optimise: 1 block, 130 residents moved", "Neu optimiert: 1 Block, 130 Einwohner verschoben"),
        (dict(kind="reoptimise", operation="reoptimise", blocks=12, population=1560.0),
         "Re-optimise: 12 blocks, 1\u202f560 residents moved", "Neu optimiert: 12 Blöcke, 1\u202f560 Einwohner verschoben"),
    ]
    for values, english, _ in cases:
        assert operation_text(decision(**values)) == english
    with german_interface():
        for values, _, german in cases:
            assert operation_text(decision(**values)) == german


def test_the_xlsx_export_words_rows_today_with_numbers_as_numbers(gpkg, tmp_path):
    from sozialraum.ui.paint_tool import PaintTool

    path, layer, canvas, dock, host = gpkg
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    stroke(tool, canvas, [(0, 3), (1, 3)])
    workbook = tmp_path / "log.xlsx"
    with german_interface():
        assert dock.export_log_xlsx(str(workbook)) == str(workbook)
    with zipfile.ZipFile(workbook) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        names = archive.read("xl/workbook.xml").decode("utf-8")
    assert 'name="Entscheidungsprotokoll"' in names
    assert "2 Blöcke dem Sozialraum 1 zuweisen" in sheet and ">Änderung<" in sheet
    cells = dict(re.findall(r'<c r="([A-Z]+2)"[^>]*>(.*?)</c>', sheet))
    assert cells["A2"] == "<v>1.0</v>" and cells["H2"] == "<v>2.0</v>" and cells["I2"] == "<v>260.0</v>"
    ids = f"{fid(layer, 0, 3)},{fid(layer, 1, 3)}"
    assert f">{ids}<" in cells["K2"]  # block ids stay text, also where ',' is the German decimal mark


def test_a_memory_layer_log_is_worded_today_too(qgis_app, qgis_canvas, qgis_new_project, author):
    from sozialraum.ui.paint_tool import PaintTool

    layer = grid_layer()
    dock = open_dock(layer, qgis_canvas)
    try:
        layer.startEditing()
        tool = PaintTool(qgis_canvas, Host(dock))
        tool.set_target(1)
        with german_interface():
            stroke(tool, qgis_canvas, [(0, 3)])
        assert layer.commitChanges()
        assert log_cells(dock) == ["Paint 1 block into space 1"]
    finally:
        dock.close_session()
        dock.deleteLater()

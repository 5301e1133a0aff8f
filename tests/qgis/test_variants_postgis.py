"""Variants of a blocks layer in PostgreSQL/PostGIS: stored in the layer's own schema, seen by a second project."""
from .consultation_grid import spaces_of_layer
from .test_decision_log import author, open_dock  # noqa: F401 - the fixture "author" is used by name
from .test_postgis import blocks_table, postgis_layer, server  # noqa: F401 - the fixture "server" is used by name
from .test_variants import listed, paint, save_in_dock, switch_in_dock


def test_variants_live_in_the_layers_schema_and_a_second_project_switches_to_them(
        qgis_app, qgis_canvas, qgis_new_project, server, author):  # noqa: F811
    from qgis.core import QgsProject

    source = blocks_table(server, "varianten")
    layer = postgis_layer(source)
    dock = open_dock(layer, qgis_canvas)
    second = None
    try:
        original = spaces_of_layer(layer)
        save_in_dock(dock, "Variante A", "Vorschlag der Verwaltung")  # no edit mode needed to save
        assert server.rows('SELECT name, author, note, blocks_table, space_field, blocks FROM "varianten".sozialraum_variants') == [
            ["Variante A", "Anna Planerin", "Vorschlag der Verwaltung", "blocks", "space", "24"]]
        assert server.rows("SELECT to_regclass('public.sozialraum_variants') IS NULL") == [["t"]]
        assert layer.startEditing()
        paint(qgis_canvas, dock, 1, [(0, 3), (1, 3)])
        assert layer.commitChanges()
        painted = spaces_of_layer(layer)
        dock.close_session()
        QgsProject.instance().clear()
        layer = None

        again = postgis_layer(source)  # the next meeting, another project
        second = open_dock(again, qgis_canvas)
        assert listed(second) == [("Variante A", "Anna Planerin", "Vorschlag der Verwaltung")]
        assert spaces_of_layer(again) == painted
        assert again.startEditing()
        switch_in_dock(second, "Variante A")
        assert spaces_of_layer(again) == original and again.undoStack().count() == 1
        assert again.commitChanges()
        assert server.rows('SELECT kind, operation FROM "varianten".sozialraum_decisions ORDER BY number') == [
            ["move", "paint"], ["variant", "variant:Variante A"]]
        second.variant_table.selectRow(0)
        second.delete_variant_button.click()
        assert server.rows('SELECT count(*) FROM "varianten".sozialraum_variants') == [["0"]] and listed(second) == []
    finally:
        for each in (dock, second):
            if each is not None:
                each.close_session()
                each.deleteLater()

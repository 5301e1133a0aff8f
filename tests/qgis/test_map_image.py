"""Maps a person can read (qgisio/map_image.py): legend of the classes on the map, scale bar, title."""
import pytest

from .conftest import memory_layer, square


def index_layer(crs="EPSG:25832", origin=(300000, 5640000), size=100.0):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    rows = [(square(origin[0] + i * size * 1.1, origin[1], size), [i % 2 + 1]) for i in range(4)]
    layer = memory_layer("Polygon", crs, ["si_class:integer"], rows)
    colours = ["#1a9641", "#ffffbf", "#fdae61", "#d7191c", "#777777", "#000000"]
    categories = [QgsRendererCategory(k + 1, QgsFillSymbol.createSimple({"color": c}), f"class {k + 1}") for k, c in enumerate(colours)]
    layer.setRenderer(QgsCategorizedSymbolRenderer("si_class", categories))
    return layer


def test_legend_lists_only_the_classes_on_the_map(qgis_app):
    from sozialraum.qgisio.map_image import legend_from_layers

    assert [entry.label for entry in legend_from_layers([index_layer()])] == ["class 1", "class 2"]


def test_colour_pairs_take_the_symbol_they_stand_for(qgis_app):
    from qgis.core import QgsLineSymbol, QgsSingleSymbolRenderer

    from sozialraum.qgisio.map_image import entries_from_colours

    river = memory_layer("LineString", "EPSG:25832", ["kind:string"], [("LINESTRING(0 0, 10 10)", ["river"])])
    river.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"line_color": "#1f78b4", "line_width": "1"})))
    entries = entries_from_colours([("#1f78b4", "river"), ("#ff00ff", "something else")], [river])
    assert isinstance(entries[0].symbol, QgsLineSymbol)  # a river is drawn as a line in the legend
    assert not isinstance(entries[1].symbol, QgsLineSymbol)


def test_scale_bar_length_is_round_and_true_in_any_crs(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    from sozialraum.qgisio.map_image import metres_per_pixel, nice_length

    assert [nice_length(m) for m in (7.3, 180, 2600, 999)] == [5, 100, 2000, 500]
    settings = QgsMapSettings()
    settings.setOutputSize(QSize(1000, 1000))
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    settings.setExtent(QgsRectangle(300000, 5640000, 310000, 5650000))
    assert metres_per_pixel(settings) == pytest.approx(10.0)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    settings.setExtent(QgsRectangle(7.0, 50.9, 7.1, 51.0))  # 0.1 degree of longitude at 51 N is about 7 km
    assert metres_per_pixel(settings) * 1000 == pytest.approx(7020, rel=0.02)


def test_title_legend_and_scale_bar_sit_outside_the_map(qgis_app):
    from qgis.PyQt.QtGui import QColor

    from sozialraum.qgisio.map_image import render_map

    layer = index_layer()
    image = render_map([layer], layer.extent(), "Title", None, size=(800, 300), print_width_mm=200)
    assert image.width() == 800 and image.height() > 300  # the map keeps its 300 rows, decorations add to them
    dark = {(x, y) for x in range(0, 800, 3) for y in range(image.height() - 60, image.height(), 3)
            if QColor(image.pixel(x, y)).lightness() < 100}
    assert dark  # legend text and scale bar are drawn below the map
    title_dark = [x for x in range(0, 400) for y in range(5, 30) if QColor(image.pixel(x, y)).lightness() < 100]
    assert title_dark


@pytest.mark.parametrize("crs, origin, size", [("EPSG:25832", (400000, 5700000), 1000.0), ("EPSG:4326", (9.0, 51.4), 0.0143)])
def test_space_labels_show_residents_by_the_ground_area_in_any_crs(qgis_app, crs, origin, size):
    """A 1 km² space (0.0143° wide at 51.4° N is 1 km) shows number and residents at 1:10,000 and the
    number only at 1:500,000, in metres and in degrees (in square degrees every space was small)."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope, QgsFeature, QgsFields, QgsGeometry

    from sozialraum.qgisio import compat
    from sozialraum.qgisio.space_labels import space_labeling

    layer = memory_layer("Polygon", crs, ["space_id:integer"], [])
    fields = QgsFields()
    fields.append(compat.field("space_id", "int"))
    fields.append(compat.field("population", "double"))
    feature = QgsFeature(fields)
    width = size if crs == "EPSG:25832" else size * 1.6  # a degree of longitude is 0.62 of one of latitude there
    feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({origin[0]} {origin[1]}, {origin[0] + width} {origin[1]}, "
                                            f"{origin[0] + width} {origin[1] + size}, {origin[0]} {origin[1] + size}, "
                                            f"{origin[0]} {origin[1]}))"))
    feature.setAttributes([7, 2345.0])
    expression = QgsExpression(space_labeling(crs=layer.crs()).settings().fieldName)
    shown = {}
    for scale in (10_000, 500_000):
        context = QgsExpressionContext()
        scope = QgsExpressionContextScope()
        scope.setVariable("map_scale", scale)
        context.appendScope(scope)
        context.setFeature(feature)
        shown[scale] = expression.evaluate(context)
        assert not expression.hasEvalError(), expression.evalErrorString()
    assert shown[10_000] == "7\n2\u202f345" and str(shown[500_000]) == "7"
    # grouped alike in every language and locale: QGIS 3.22's format_number() wrote "4,893" on a
    # German map (about five residents in German); larger and rounded values too
    scope.setVariable("map_scale", 10_000)
    for residents, text in ((1234567.6, "1\u202f234\u202f568"), (999.0, "999"), (0.0, "0"), (8500.2, "8\u202f500")):
        feature.setAttributes([7, residents])
        context.setFeature(feature)
        assert expression.evaluate(context) == "7\n" + text, residents


def test_a_barrier_from_a_geopackage_is_named_by_its_layer_not_the_file(qgis_app):
    """qgis_process and models load "file.gpkg|layername=barriers" under the file's name: the
    report's legend read "Barrier: musterstadt" for the railway."""
    from pathlib import Path

    from qgis.core import QgsVectorLayer

    from sozialraum.algorithms.reports.report_map import layer_title

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "musterstadt.gpkg"
    by_file = QgsVectorLayer(f"{sample}|layername=barriers", "musterstadt", "ogr")
    assert by_file.isValid()
    assert layer_title(by_file) == "barriers"
    named = QgsVectorLayer(f"{sample}|layername=barriers", "Bahnlinien", "ogr")
    assert layer_title(named) == "Bahnlinien"  # a name the planner gave stays
    memory = memory_layer("LineString", "EPSG:25832", ["id:integer"], [])
    assert layer_title(memory) == memory.name()


def test_a_space_label_sits_well_inside_a_c_shaped_space(qgis_app):
    """An outside check: the label of a C-shaped space sat at its centroid by the inner edge and ran over the
    space it wraps round ("5" read as a label of space 7)."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsFeature, QgsGeometry

    from sozialraum.qgisio.space_labels import space_labeling

    settings = space_labeling().settings()
    assert settings.geometryGeneratorEnabled
    c_shape = QgsGeometry.fromWkt("POLYGON((0 0, 1000 0, 1000 200, 200 200, 200 800, 1000 800, 1000 1000, 0 1000, 0 0))")
    feature = QgsFeature()
    feature.setGeometry(c_shape)
    context = QgsExpressionContext()
    context.setFeature(feature)
    anchor = QgsExpression(settings.geometryGenerator).evaluate(context)
    assert anchor is not None and c_shape.contains(anchor)
    assert not c_shape.contains(c_shape.centroid())  # the centroid lies in the space the C wraps round
    assert anchor.distance(QgsGeometry.fromPolylineXY(c_shape.asPolygon()[0])) >= 95  # in the middle of the C's back

"""The live spaces layer: dissolved spaces with population, status and means, following strokes and undo."""
import pytest

from .consultation_grid import COLS, ROWS, SIZE, Host, fid, stroke


def wait_for_update(dock):
    from qgis.PyQt.QtTest import QTest

    seen = []
    dock.live.updated.connect(seen.append)
    for _ in range(50):
        if seen:
            return seen[0]
        QTest.qWait(20)
    raise AssertionError("the live layer did not update")


def expected(layer, space):
    features = [f for f in layer.getFeatures() if f["space"] == space]
    population = sum(f["pop"] for f in features)
    return population, len(features) * SIZE * SIZE, sum(f["bid"] * f["pop"] for f in features) / population


@pytest.fixture
def live(setup):
    from qgis.core import QgsProject

    layer, canvas, dock, host = setup
    dock.attributes_combo.setCheckedItems(["bid"])
    assert dock.open_session() is not None
    dock.live_check.setChecked(True)
    assert dock.live is not None and QgsProject.instance().mapLayer(dock.live.layer.id()) is not None
    return layer, canvas, dock, host


def assert_live_matches(layer, dock, space):
    feature = dock.live.feature(space)
    population, area, mean = expected(layer, space)
    assert feature["population"] == population
    assert feature.geometry().area() == pytest.approx(area)
    assert feature["mean_bid"] == pytest.approx(mean)
    assert feature["blocks"] == round(area / SIZE / SIZE)
    return feature


def test_the_live_layer_follows_a_stroke_and_its_undo(live):
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = live
    live_layer = dock.live.layer
    assert live_layer.name() == "Social spaces (live)" and live_layer.featureCount() == 2
    assert dock.live.indicators is None  # no field of the catalogue in this layer: no indicator columns
    assert not [name for name in live_layer.fields().names() if name.startswith("ind_")]
    first = assert_live_matches(layer, dock, 1)
    assert (first["population"], first["status"], first["parts"]) == (1320, "ok", 1)
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    stroke(tool, canvas, [(r, 3) for r in range(ROWS)])  # column 3 (130 each) from space 2 into space 1
    assert wait_for_update(dock) == (1, 2)  # only the two affected spaces were rewritten
    first = assert_live_matches(layer, dock, 1)
    assert (first["population"], first["status"]) == (1320 + 4 * 130, "above")
    second = assert_live_matches(layer, dock, 2)
    assert (second["population"], second["status"]) == (1680 - 4 * 130, "below")

    layer.undoStack().undo()
    assert wait_for_update(dock) == (1, 2)
    assert (assert_live_matches(layer, dock, 1)["population"], dock.live.feature(1).geometry().area()) == (1320, 12 * SIZE * SIZE)
    assert assert_live_matches(layer, dock, 2)["status"] == "ok"


def test_a_space_painted_away_loses_its_feature_and_a_split_space_says_so(live):
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = live
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    stroke(tool, canvas, [(r, c) for c in range(3, COLS) for r in range(ROWS)])
    wait_for_update(dock)
    assert dock.live.feature(2) is None and dock.live.layer.featureCount() == 1
    layer.undoStack().undo()
    wait_for_update(dock)
    assert dock.live.layer.featureCount() == 2
    tool.set_target(2)
    stroke(tool, canvas, [(r, 1) for r in range(ROWS)])  # column 1 cuts space 1 in two
    wait_for_update(dock)
    first = dock.live.feature(1)
    assert (first["status"], first["parts"]) == ("not_contiguous", 2)


def test_the_live_layer_is_styled_with_a_readable_legend_and_labels(live):
    layer, canvas, dock, host = live
    renderer = dock.live.layer.renderer()
    assert [(c.value(), c.label()) for c in renderer.categories()] == [
        ("ok", "within"), ("below", "below min."), ("above", "above max."), ("not_contiguous", "not contiguous")]
    assert dock.live.layer.labelsEnabled()
    assert "population" in dock.live.layer.labeling().settings().fieldName


def test_closing_the_project_asks_nothing_about_the_live_layer(live):
    """QGIS's "temporary layers will be lost" question held File > Exit in the desktop walk-through
    (QGIS then died when the process ended with the project still open); the live layer is rebuilt
    from the blocks, so QGIS is told to skip it (the property QGIS's checkMemoryLayers reads)."""
    layer, canvas, dock, host = live
    assert dock.live.layer.providerType() == "memory" and dock.live.layer.featureCount() > 0
    assert int(dock.live.layer.customProperty("skipMemoryLayersCheck", 0)) == 1


def test_unchecking_removes_the_layer_and_removing_it_unchecks(live):
    from qgis.core import QgsProject

    layer, canvas, dock, host = live
    layer_id = dock.live.layer.id()
    dock.live_check.setChecked(False)
    assert dock.live is None and QgsProject.instance().mapLayer(layer_id) is None
    dock.live_check.setChecked(True)
    QgsProject.instance().removeMapLayer(dock.live.layer.id())
    assert dock.live is None and not dock.live_check.isChecked()
    # the blocks layer and the session are untouched
    assert dock.layer_session is not None and layer.getFeature(fid(layer, 0, 0))["space"] == 1


def test_key_catalogue_indicators_follow_a_stroke_summed_then_divided(qgis_app, qgis_canvas, qgis_new_project):
    """With the catalogue's fields in the blocks, the live layer shows its key indicators (here: unemployment)."""
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.paint_tool import PaintTool

    from .conftest import memory_layer, square
    from .consultation_grid import X0, Y0

    rows = []
    for r in range(ROWS):
        for c in range(COLS):
            adults = 60 + 5 * c
            rows.append((square(X0 + c * SIZE, Y0 + r * SIZE, SIZE),
                         [r * COLS + c + 1, 1 if c < 3 else 2, 100, r + c, 20, adults - 20]))
    layer = memory_layer("Polygon", "EPSG:25832",
                         ["bid:integer", "space:integer", "pop:integer", "unemployed:integer", "pop_18_24:integer",
                          "pop_25_64:integer"], rows)
    QgsProject.instance().addMapLayer(layer)
    qgis_canvas.setDestinationCrs(layer.crs())
    qgis_canvas.setLayers([layer])
    qgis_canvas.setExtent(layer.extent())
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        dock.space_combo.setField("space")
        dock.population_combo.setField("pop")
        assert dock.open_session() is not None
        layer.startEditing()
        dock.live_check.setChecked(True)
        live = dock.live.layer
        assert dock.live.indicators.ids == ["unemployment"]
        index = live.fields().indexFromName("ind_unemployment")
        assert index >= 0 and live.attributeAlias(index) == "Unemployment rate"

        def rate(space):
            features = [f for f in layer.getFeatures() if f["space"] == space]
            return 100 * sum(f["unemployed"] for f in features) / sum(f["pop_18_24"] + f["pop_25_64"] for f in features)

        assert dock.live.feature(1)["ind_unemployment"] == pytest.approx(rate(1))
        tool = PaintTool(qgis_canvas, Host(dock))
        tool.set_target(1)
        stroke(tool, qgis_canvas, [(r, 3) for r in range(ROWS)])
        wait_for_update(dock)
        assert dock.live.feature(1)["ind_unemployment"] == pytest.approx(rate(1))
        assert dock.live.feature(2)["ind_unemployment"] == pytest.approx(rate(2))
        before = dock.live.feature(2)["ind_unemployment"]
        layer.undoStack().undo()
        wait_for_update(dock)
        assert dock.live.feature(2)["ind_unemployment"] == pytest.approx(rate(2)) != pytest.approx(before)
    finally:
        dock.close_session()
        layer.rollBack()
        dock.cleanup()
        dock.deleteLater()


def test_the_live_layer_is_never_offered_as_blocks_layer(live):
    """Failed before the fix: the dock offered "Social spaces (live)"; opening a session on it removed it and
    raised RuntimeError (wrapped C/C++ object deleted)."""
    from qgis.core import QgsProject

    from sozialraum.ui.session_layer import LayerSession, SessionInputError

    layer, canvas, dock, host = live
    live_layer = dock.live.layer
    offered = [dock.layer_combo.layer(i) for i in range(dock.layer_combo.count())]
    assert layer in offered and live_layer not in offered
    dock.layer_combo.setLayer(live_layer)
    assert dock.layer_combo.currentLayer() is not live_layer
    with pytest.raises(SessionInputError, match="derived from a consultation session"):
        LayerSession(live_layer, "space", "population")
    dock.layer_combo.setLayer(layer)
    assert dock.open_session() is not None
    assert dock.live is not None and QgsProject.instance().mapLayer(dock.live.layer.id()) is not None
    assert dock.live_check.isChecked()

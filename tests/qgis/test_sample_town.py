"""The sample town as QGIS opens it: layers, CRS, German aliases from the default style.

The bundled file, and a small town written now by the generator's OGR writer.
"""
from pathlib import Path

import pytest

from sozialraum.engine.sampletown.schema import FIELDS, GEOMETRY_TYPES, alias_style_qml

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
LAYERS = ("blocks", "districts", "barriers", "facilities")


def _check_layer(path, name):
    """One layer opened by QGIS's OGR provider, with the aliases and the default style applied."""
    from qgis.core import QgsSingleSymbolRenderer, QgsVectorLayer, QgsWkbTypes

    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    assert layer.crs().authid() == "EPSG:25832"
    assert QgsWkbTypes.displayString(layer.wkbType()).upper() == GEOMETRY_TYPES[name]
    expected = {column: alias for column, alias, _, _ in FIELDS[name]}
    assert [f.name() for f in layer.fields()] == ["fid", *expected], name
    assert {f.name(): f.alias() for f in layer.fields() if f.name() != "fid"} == expected, name
    assert layer.attributeAlias(layer.fields().indexOf("fid")) == ""
    # the default style is the one in layer_styles (useAsDefault): it sets the aliases only, so
    # the renderer stays QGIS's default single symbol of the layer's geometry type
    related, ids, names, descriptions, error = layer.listStylesInDatabase()
    assert related == 1 and names[0] == name and descriptions[0] == "field aliases", error
    qml, error = layer.getStyleFromDatabase(ids[0])
    assert qml == alias_style_qml(name), error
    assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    assert layer.renderer().symbol().type() == {"POINT": 0, "LINESTRING": 1}.get(GEOMETRY_TYPES[name], 2)
    return layer


@pytest.mark.parametrize("name", LAYERS)
def test_bundled_town_opens_with_german_aliases(qgis_app, name):
    layer = _check_layer(SAMPLE, name)
    assert layer.featureCount() == {"blocks": 3492, "districts": 12, "barriers": 4, "facilities": 151}[name]


def test_town_written_with_ogr_opens_with_german_aliases(qgis_app, tmp_path):
    from sozialraum.engine.sampletown import generate_town, write_town

    town = generate_town(n_blocks=300, seed=3)
    path = write_town(town, tmp_path / "small.gpkg")
    for name in LAYERS:
        layer = _check_layer(path, name)
        assert layer.featureCount() == len(town.layers[name]), name
    blocks = _check_layer(path, "blocks")
    first = next(blocks.getFeatures())
    assert first["block_id"] == 1 and first["pop_total"] == int(town.blocks.frame.pop_total.iloc[0])
    assert first.geometry().asWkb().data() == bytes(town.blocks.geometries[0].wkb)


@pytest.mark.parametrize("language", ["en", "de"])
def test_load_sample_town_gives_styled_layers_named_in_qgis_language(qgis_app, qgis_new_project, language):
    """Vector > Sozialraum > Load sample town: names in QGIS's language, a style for each layer
    (the barriers bold, by kind), the German aliases kept (issue 19, walk-through)."""
    from qgis.core import QgsApplication, QgsCategorizedSymbolRenderer, QgsProject

    from sozialraum import i18n
    from sozialraum.plugin import add_sample_town

    app = QgsApplication.instance()
    app.setTranslation(language)
    i18n.install_translator()
    try:
        layers = {layer.source().split("layername=")[1]: layer for layer in add_sample_town(QgsProject.instance())}
        names = {key: layer.name() for key, layer in layers.items()}
    finally:
        i18n.remove_translator()
        app.setTranslation("")
    assert set(layers) == set(LAYERS)
    legend = {c.value(): c.label() for c in layers["barriers"].renderer().categories()}
    if language == "de":
        assert legend["railway"] == "Bahnstrecke" and legend["river"] == "Fluss"
        assert names == {"blocks": "Musterstadt – Baublöcke", "districts": "Musterstadt – Stadtteile",
                         "barriers": "Musterstadt – Barrieren", "facilities": "Musterstadt – Einrichtungen"}
    else:
        assert names["blocks"] == "Musterstadt – blocks"
    barriers = layers["barriers"].renderer()
    assert isinstance(barriers, QgsCategorizedSymbolRenderer) and barriers.classAttribute() == "kind"
    assert {c.value() for c in barriers.categories()} >= {"railway", "motorway", "river"}
    assert min(c.symbol().width() for c in barriers.categories() if c.value()) >= 1.0  # no hairline
    assert layers["blocks"].renderer().symbol().color().name() == "#f1ede4"  # not a random colour
    assert layers["districts"].renderer().symbol().symbolLayer(0).brushStyle() == 0  # outlines only
    assert layers["blocks"].attributeAlias(layers["blocks"].fields().indexOf("pop_total")) != ""  # aliases kept

"""Fields of the sample-town layers: English description, German alias, unit.

The single source for the GeoPackage aliases/descriptions and for the field
tables in docs/sample_data.md (``markdown_field_tables``).
"""
from xml.sax.saxutils import quoteattr

#: layer -> list of (column, German alias, English description, unit)
FIELDS = {
    "blocks": [
        ("block_id", "Baublock-Nr.", "Unique block number, 1..n (sorted by district, then north to south)", "id"),
        ("district", "Stadtteil", "Code of the district (Stadtteil) the block lies in, see layer districts", "code"),
        ("land_use", "Nutzung", "Land use: residential, mixed, industry, commercial or park; "
         "only residential and mixed blocks have residents", "category"),
        ("nbh_type", "Quartierstyp", "Neighbourhood type the block was generated from (synthetic ground "
         "truth, not found in municipal data): oldtown, gruenderzeit, station, postwar, highrise, row, "
         "detached, newbuild, village, industry, commercial, park", "category"),
        ("pop_total", "Einwohner insgesamt", "Residents (main residence); equals the sum of the six age groups",
         "persons"),
        ("pop_u6", "Einwohner unter 6 Jahren", "Residents aged under 6", "persons"),
        ("pop_6_14", "Einwohner 6 bis 14 Jahre", "Residents aged 6 to 14", "persons"),
        ("pop_15_17", "Einwohner 15 bis 17 Jahre", "Residents aged 15 to 17", "persons"),
        ("pop_18_24", "Einwohner 18 bis 24 Jahre", "Residents aged 18 to 24", "persons"),
        ("pop_25_64", "Einwohner 25 bis 64 Jahre", "Residents aged 25 to 64", "persons"),
        ("pop_65plus", "Einwohner 65 Jahre und älter", "Residents aged 65 and over", "persons"),
        ("foreigners", "Ausländerinnen und Ausländer", "Residents without German citizenship", "persons"),
        ("unemployed", "Arbeitslose (SGB II und III)", "Registered unemployed (SGB II and III), "
         "at most pop_18_24 + pop_25_64", "persons"),
        ("sgb2_persons", "Personen in SGB-II-Bedarfsgemeinschaften", "Persons in households receiving "
         "basic income support (SGB II), at most pop_total - pop_65plus", "persons"),
        ("sgb2_u15", "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften", "Children under 15 in SGB II "
         "households, at most pop_u6 + pop_6_14 and at most sgb2_persons", "persons"),
        ("households", "Haushalte", "Private households; at least 1 in a populated block", "households"),
        ("hh_children", "Haushalte mit Kindern", "Households with children under 18", "households"),
        ("hh_single_parent", "Alleinerziehendenhaushalte", "Single-parent households (subset of hh_children)",
         "households"),
        ("floor_area", "Wohnfläche", "Residential floor area (30-60 m² per resident)", "m²"),
        ("bld_detached", "Wohngebäude: Ein- und Zweifamilienhäuser", "Residential buildings: detached and "
         "semi-detached houses", "buildings"),
        ("bld_row", "Wohngebäude: Reihenhäuser", "Residential buildings: terraced (row) houses", "buildings"),
        ("bld_multi", "Wohngebäude: Mehrfamilienhäuser", "Residential buildings: multi-family houses", "buildings"),
        ("bld_highrise", "Wohngebäude: Hochhäuser", "Residential buildings: high-rise blocks", "buildings"),
        ("bld_oldtown", "Wohngebäude: Altstadtbebauung", "Residential buildings: old-town mixed-use buildings",
         "buildings"),
        ("bld_pre1919", "Wohngebäude: Baujahr bis 1918", "Residential buildings built before 1919", "buildings"),
        ("bld_1919_48", "Wohngebäude: Baujahr 1919-1948", "Residential buildings built 1919-1948", "buildings"),
        ("bld_1949_78", "Wohngebäude: Baujahr 1949-1978", "Residential buildings built 1949-1978", "buildings"),
        ("bld_1979_2000", "Wohngebäude: Baujahr 1979-2000", "Residential buildings built 1979-2000", "buildings"),
        ("bld_post2000", "Wohngebäude: Baujahr ab 2001", "Residential buildings built after 2000 "
         "(the five period counts add up to the five type counts)", "buildings"),
    ],
    "districts": [
        ("district", "Stadtteil-Nr.", "District code, \"01\"..; 01 is the Altstadt", "code"),
        ("name", "Stadtteil", "District name", "text"),
    ],
    "barriers": [
        ("barrier_id", "Barriere-Nr.", "Unique id of the line", "id"),
        ("kind", "Art", "river, railway or motorway", "category"),
        ("name", "Name", "Name of the river, railway line or motorway", "text"),
    ],
    "facilities": [
        ("facility_id", "Einrichtungs-Nr.", "Unique id of the facility", "id"),
        ("kind", "Art", "kita (day-care centre), school or counselling (counselling centre)", "category"),
        ("name", "Name", "Name of the facility", "text"),
    ],
}

GEOMETRY_TYPES = {"blocks": "POLYGON", "districts": "MULTIPOLYGON", "barriers": "LINESTRING", "facilities": "POINT"}
LAYER_DESCRIPTIONS = {
    "blocks": "Baublöcke der Musterstadt (synthetische Beispieldaten)",
    "districts": "Stadtteile der Musterstadt",
    "barriers": "Barrieren: Fluss, Bahnstrecke, Autobahn",
    "facilities": "Soziale Infrastruktur: Kitas, Schulen, Beratungsstellen",
}


def aliases(layer):
    return {c: alias for c, alias, _, _ in FIELDS[layer]}


def descriptions(layer):
    return {c: "%s [%s]" % (text, unit) for c, _, text, unit in FIELDS[layer]}


def alias_style_qml(layer):
    """A QGIS style (QML) that sets only the field aliases: the layer's default style in the
    GeoPackage (``layer_styles``), which QGIS applies whatever GDAL it runs on."""
    entries = "".join("<alias field=%s name=%s/>" % (quoteattr(c), quoteattr(alias)) for c, alias in aliases(layer).items())
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        '<qgis version="3.22" styleCategories="Fields"><aliases>%s</aliases></qgis>' % entries
    )


def markdown_field_tables():
    """The field tables of docs/sample_data.md."""
    out = []
    for layer, fields in FIELDS.items():
        out.append("### Layer `%s` (%s)\n" % (layer, GEOMETRY_TYPES[layer].title().replace("Multipolygon", "MultiPolygon").replace("Linestring", "LineString")))
        out.append("| field | German alias | description | unit |")
        out.append("|---|---|---|---|")
        for c, alias, text, unit in fields:
            out.append("| `%s` | %s | %s | %s |" % (c, alias, text, unit))
        out.append("")
    return "\n".join(out)

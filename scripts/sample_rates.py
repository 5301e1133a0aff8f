"""Block rates for delineating the sample town: shares computed from the count fields.

Used by the demo and the tests (delineation needs rates, not raw counts). Each entry is
(field name, QGIS expression); blocks without residents (or buildings) get NULL, which the
delineation treats as average.
"""
BUILDINGS = '("bld_detached" + "bld_row" + "bld_multi" + "bld_highrise" + "bld_oldtown")'

SOCIAL = [
    ("sgb2_rate", 'if("pop_total" - "pop_65plus" > 0, 100.0 * "sgb2_persons" / ("pop_total" - "pop_65plus"), NULL)'),
    ("unemployment", 'if("pop_18_24" + "pop_25_64" > 0, 100.0 * "unemployed" / ("pop_18_24" + "pop_25_64"), NULL)'),
    ("foreign_share", 'if("pop_total" > 0, 100.0 * "foreigners" / "pop_total", NULL)'),
    ("young_share", 'if("pop_total" > 0, 100.0 * ("pop_u6" + "pop_6_14" + "pop_15_17") / "pop_total", NULL)'),
    ("old_share", 'if("pop_total" > 0, 100.0 * "pop_65plus" / "pop_total", NULL)'),
    ("single_parents", 'if("hh_children" > 0, 100.0 * "hh_single_parent" / "hh_children", NULL)'),
]
STRUCTURE = [
    ("houses_share", f'if({BUILDINGS} > 0, 100.0 * ("bld_detached" + "bld_row") / {BUILDINGS}, NULL)'),
    ("highrise_share", f'if({BUILDINGS} > 0, 100.0 * "bld_highrise" / {BUILDINGS}, NULL)'),
    ("prewar_share", f'if({BUILDINGS} > 0, 100.0 * ("bld_pre1919" + "bld_1919_48") / {BUILDINGS}, NULL)'),
    ("postwar_share", f'if({BUILDINGS} > 0, 100.0 * "bld_1949_78" / {BUILDINGS}, NULL)'),
    ("floor_per_head", 'if("pop_total" > 0, "floor_area" / "pop_total", NULL)'),
]
ATTRIBUTES = [name for name, _ in SOCIAL + STRUCTURE]
STRUCTURE_ATTRIBUTES = [name for name, _ in STRUCTURE]
def add_rates(layer):
    """The blocks with all their fields plus the rate fields (a memory layer)."""
    import processing

    mapping = []
    for field in layer.fields():
        if field.name() != "fid":
            mapping.append({"expression": f'"{field.name()}"', "name": field.name(), "type": field.type(),
                            "length": field.length(), "precision": field.precision()})
    for name, expression in SOCIAL + STRUCTURE:
        mapping.append({"expression": expression, "name": name, "type": 6, "length": 0, "precision": 0})
    return processing.run("native:refactorfields", {"INPUT": layer, "FIELDS_MAPPING": mapping, "OUTPUT": "memory:"})["OUTPUT"]

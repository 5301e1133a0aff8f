"""The web atlas's data, QGIS-free: map classes, profile texts, screen geometries, the folder.

The Processing adapter (``atlas.py``) reads the layers, computes the municipal values and
translates the texts; everything here works on plain Python objects and Shapely geometries
(already in WGS 84), so the engine tests check it on both the old and the current stack.

The browser reads the data as script files (``data/*.js``: one JSON document passed to
``SozialraumAtlas.load``) because Chromium and Firefox refuse ``fetch()`` of ``file://`` URLs:
a JSON file would need a web server, a script file opens from a USB stick too.
"""
import json
import math
import os
import shutil
import uuid
from pathlib import Path

import numpy as np
from shapely.geometry import MultiPolygon, Polygon, mapping

from ...engine.indicators.catalogue import Catalogue
from ...presentation.numbers import NOT_AVAILABLE, SUPPRESSED, format_number
from ...presentation.profile_table import age_bars, is_number, population_parts, profile_rows

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "atlas"
#: marks an atlas folder, so that a second run may replace it but never another folder's files
MARKER = "sozialraum-atlas.txt"
LANGUAGES = ("de", "en")
INDEX_ID = "si_index"
#: decimals of WGS 84 coordinates: 5 places are about 1 m, far below a screen pixel of a town map
COORDINATE_PLACES = 5
METRES_PER_DEGREE = 111_320.0
#: holes in a space smaller than this (m²) are filled on the screen: gaps between blocks (a courtyard, a
#: piece of street) that looked like specks of data on the map; a space inside another is drawn on its own
SPECK_AREA_M2 = 2500.0


class AtlasError(Exception):
    """A problem the adapter turns into a translated message: ``code`` and details."""

    def __init__(self, code, **details):
        super().__init__(code)
        self.code = code
        self.details = details


# -- map classes ------------------------------------------------------------------------
def indicator_classes(values, breaks, sign=0):
    """Map classes of one indicator, the way the social index classes its z-scores.

    ``values``: the spaces' numbers (None/NaN: no value, not classed). Each value's z-score across the
    spaces (ddof=1), multiplied by the direction of need (``sign`` -1 turns it round; neutral counts as
    +1), is cut by ``breaks`` (default of the index: -1, 1, 1.5): class 1 .. len(breaks)+1, the last one
    the most need. Returns (classes, limits): ``limits`` are the value boundaries of the classes in class
    order ([] when the values have no spread: then every value is in class 1).
    """
    numbers = np.array([float(v) if is_number(v) else np.nan for v in values], dtype=float)
    present = ~np.isnan(numbers)
    classes = [None] * len(numbers)
    if present.sum() < 2 or np.nanstd(numbers, ddof=1) <= 1e-12 * max(1.0, np.nanmax(np.abs(numbers))):
        for i in np.flatnonzero(present):
            classes[i] = 1
        return classes, []
    mean = float(np.nanmean(numbers))
    spread = float(np.nanstd(numbers, ddof=1))
    direction = -1.0 if sign == -1 else 1.0
    cuts = np.asarray(breaks, dtype=float)
    for i in np.flatnonzero(present):
        z = direction * (numbers[i] - mean) / spread
        classes[i] = int(np.searchsorted(cuts, z, side="left")) + 1
    limits = [mean + direction * b * spread for b in breaks]
    return classes, limits


def index_classes(values, breaks):
    """Classes of the social index itself: its values are already standardised, so the breaks apply as they are."""
    cuts = np.asarray(breaks, dtype=float)
    return [int(np.searchsorted(cuts, float(v), side="left")) + 1 if is_number(v) else None for v in values], list(breaks)


def legend_texts(limits, decimals, lang, sign=0):
    """The value range of each class as text: '≤ 3.0', '3.0 – 5.1', '> 5.1' (descending when lower is worse)."""
    if not limits:
        return [""]
    numbers = [format_number(limit, decimals, lang) for limit in limits]
    if sign == -1:  # limits fall: class 1 holds the highest values
        texts = [f"\u2265 {numbers[0]}"]
        texts += [f"{numbers[i + 1]} \u2013 {numbers[i]}" for i in range(len(numbers) - 1)]
        return texts + [f"< {numbers[-1]}"]
    texts = [f"\u2264 {numbers[0]}"]
    texts += [f"{numbers[i]} \u2013 {numbers[i + 1]}" for i in range(len(numbers) - 1)]
    return texts + [f"> {numbers[-1]}"]


# -- geometries -------------------------------------------------------------------------
def _rounded(coordinates, places):
    """Coordinates of a GeoJSON geometry (tuples or lists) as rounded lists, points that fall together dropped."""
    first = coordinates[0] if len(coordinates) else None
    if isinstance(first, (int, float)):
        return [round(float(c), places) for c in coordinates[:2]]
    if first is not None and len(first) and isinstance(first[0], (int, float)):  # a ring or a line
        kept = []
        for point in coordinates:
            rounded = [round(float(point[0]), places), round(float(point[1]), places)]
            if not kept or rounded != kept[-1]:
                kept.append(rounded)
        return kept
    return [_rounded(item, places) for item in coordinates]


def _valid_rings(geometry):
    """Drop rings that rounding collapsed below a triangle (a polygon without its outer ring goes)."""
    kind = geometry["type"]
    if kind == "Polygon":
        rings = [ring for ring in geometry["coordinates"] if len(ring) >= 4]
        if not rings or len(geometry["coordinates"][0]) < 4:
            return None
        return {"type": kind, "coordinates": rings}
    if kind == "MultiPolygon":
        parts = [_valid_rings({"type": "Polygon", "coordinates": part}) for part in geometry["coordinates"]]
        parts = [part["coordinates"] for part in parts if part is not None]
        return {"type": kind, "coordinates": parts} if parts else None
    if kind in ("LineString", "MultiLineString"):
        lines = geometry["coordinates"] if kind == "MultiLineString" else [geometry["coordinates"]]
        lines = [line for line in lines if len(line) >= 2]
        if not lines:
            return None
        return {"type": "MultiLineString", "coordinates": lines} if len(lines) > 1 else {"type": "LineString",
                                                                                          "coordinates": lines[0]}
    return geometry


def _without_specks(geometry, min_area):
    """The polygon(s) without holes smaller than ``min_area`` (in the geometry's square units)."""
    def fill(polygon):
        if not len(polygon.interiors):
            return polygon
        return Polygon(polygon.exterior, [ring for ring in polygon.interiors if Polygon(ring).area >= min_area])

    if geometry.geom_type == "Polygon":
        return fill(geometry)
    if geometry.geom_type == "MultiPolygon":
        return MultiPolygon([fill(part) for part in geometry.geoms])
    return geometry


def screen_geometry(geometry, tolerance_m, places=COORDINATE_PLACES):
    """A WGS 84 geometry simplified for the screen (tolerance in metres) as a GeoJSON dict; None when nothing is left.

    Each polygon is simplified on its own, with its topology kept: with a tolerance of a few metres the
    slivers between neighbours stay below a pixel at the scales a town map is read at. Holes smaller than
    SPECK_AREA_M2 are filled.
    """
    if geometry is None or geometry.is_empty:
        return None
    centre = geometry.centroid
    shrink = max(math.cos(math.radians(centre.y)), 0.1) if not centre.is_empty else 1.0
    geometry = _without_specks(geometry, SPECK_AREA_M2 / (METRES_PER_DEGREE ** 2 * shrink))
    if tolerance_m > 0:
        simplified = geometry.simplify(tolerance_m / (METRES_PER_DEGREE * shrink), preserve_topology=True)
        if not simplified.is_empty:
            geometry = simplified
    shape = mapping(geometry)
    shape = {"type": shape["type"], "coordinates": _rounded(shape["coordinates"], places)}
    return _valid_rings(shape)


def feature_collection(items):
    """GeoJSON of (geometry dict, properties) pairs, features without geometry left out."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": geometry, "properties": properties}
        for geometry, properties in items if geometry is not None]}


# -- the atlas document -------------------------------------------------------------------
def _places(indicator):
    return indicator.decimals if indicator.decimals is not None else (0 if indicator.kind == "count" else 1)


def build_atlas(spaces, indicators, municipal, texts, units=None, breaks=(-1.0, 1.0, 1.5), index=None,
                title="", language="de", basemap=None, comments=False):
    """The atlas document: indicators with classes and legends, every space's profile in German and English.

    ``spaces``: dicts with ``id``, ``name`` (or None), ``values`` {indicator id: number or None},
    ``suppressed`` (ids hidden for confidentiality), ``index`` (the social index or None), ``class_label``
    {lang: text or None}, ``type`` (or None). ``indicators``: the catalogue's visible indicators.
    ``municipal``: {indicator id: number}. ``texts``: {lang: {key: text}}, the translated interface and page
    texts; ``units``: {lang: {catalogue unit: text}}. ``index``: {lang: label}, {"labels": {lang: [class
    labels]}} when the spaces have a social index. ``basemap``: {"url", "attribution"} or None.
    """
    units = units or {}
    # a Catalogue, not a list: the age chart finds the age groups by the ids they are part of
    indicators = indicators if isinstance(indicators, Catalogue) else Catalogue(tuple(indicators))
    breaks = tuple(float(b) for b in breaks)
    if list(breaks) != sorted(set(breaks)):
        raise AtlasError("breaks", breaks=breaks)
    ids = [str(space["id"]) for space in spaces]
    entries = []
    if index is not None:
        classes, limits = index_classes([space.get("index") for space in spaces], breaks)
        legends = {lang: [f"{label} ({text})" for label, text in zip(index["labels"][lang], legend_texts(limits, 1, lang))]
                   for lang in LANGUAGES}
        entries.append({"id": INDEX_ID, "label": {lang: index[lang] for lang in LANGUAGES},
                        "unit": {lang: "" for lang in LANGUAGES}, "group": {lang: "" for lang in LANGUAGES},
                        "kind": "index", "sign": 1, "decimals": 2, "municipal": None,
                        "municipal_text": {lang: "" for lang in LANGUAGES}, "legend": legends,
                        "classes": classes, "values": [space.get("index") for space in spaces],
                        "texts": {lang: [format_number(v, 2, lang) if is_number(v) else NOT_AVAILABLE
                                         for v in (space.get("index") for space in spaces)] for lang in LANGUAGES}})
    rows_by_lang = {}
    for lang in LANGUAGES:
        rows_by_lang[lang] = [profile_rows(indicators, space["values"], municipal, space.get("suppressed", ()), lang,
                                           units.get(lang)) for space in spaces]
    for position, indicator in enumerate(indicators):
        hidden = [indicator.id in space.get("suppressed", ()) for space in spaces]
        values = [None if is_hidden else space["values"].get(indicator.id) for space, is_hidden in zip(spaces, hidden)]
        classes, limits = indicator_classes(values, breaks, indicator.sign)
        places = _places(indicator)
        town = municipal.get(indicator.id)
        entries.append({
            "id": indicator.id,
            "label": {lang: indicator.label(lang) for lang in LANGUAGES},
            "unit": {lang: (rows_by_lang[lang][0][position].unit if spaces else indicator.unit) for lang in LANGUAGES},
            "group": {lang: texts[lang].get("group_" + indicator.group, indicator.group) for lang in LANGUAGES},
            "kind": indicator.kind, "sign": indicator.sign, "decimals": places,
            "municipal": town if is_number(town) else None,
            "municipal_text": {lang: (rows_by_lang[lang][0][position].municipal if spaces else "") for lang in LANGUAGES},
            "legend": {lang: legend_texts(limits, places, lang, indicator.sign) for lang in LANGUAGES},
            "classes": classes, "values": values,
            "texts": {lang: [rows[position].value for rows in rows_by_lang[lang]] for lang in LANGUAGES},
            "differences": {lang: [rows[position].difference for rows in rows_by_lang[lang]] for lang in LANGUAGES},
        })
    total, parts = population_parts(indicators)
    age = None
    if total is not None:
        age = {"total": total.id, "labels": {}, "bars": []}
        for lang in LANGUAGES:  # the labels are the same for every space
            age["labels"][lang] = [bar.label for bar in age_bars(indicators, {}, {}, (), lang)[2]]
        for space in spaces:
            _, _, bars = age_bars(indicators, space["values"], municipal, space.get("suppressed", ()), LANGUAGES[0])
            age["bars"].append([[_share(bar.share), _share(bar.municipal_share), bool(bar.suppressed)] for bar in bars])
    return {
        "format": "sozialraum-atlas", "version": 1, "title": title, "language": language,
        "languages": list(LANGUAGES), "breaks": list(breaks), "basemap": basemap, "comments": bool(comments),
        "texts": texts,
        "spaces": [{"id": ident, "name": space.get("name"), "type": space.get("type"),
                    "class": space.get("class_label") or {lang: None for lang in LANGUAGES}}
                   for ident, space in zip(ids, spaces)],
        "indicators": entries, "age": age,
        "marks": {"suppressed": SUPPRESSED, "not_available": NOT_AVAILABLE},
    }


def _share(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), 2)


def check_unique(ids):
    """Refuse duplicate space ids: a click on one of them would open the other's profile."""
    seen, duplicates = set(), []
    for ident in ids:
        key = str(ident)
        if key in seen and key not in duplicates:
            duplicates.append(key)
        seen.add(key)
    if duplicates:
        raise AtlasError("duplicates", values=duplicates)


# -- the folder -----------------------------------------------------------------------------
def script(name, document):
    """A data file the page loads with <script>: the JSON document handed to SozialraumAtlas.load."""
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return f"SozialraumAtlas.load({json.dumps(name)}, {payload});\n"


def read_script(path):
    """The JSON document of a data file written by :func:`script` (for tests and re-use)."""
    text = Path(path).read_text(encoding="utf-8")
    start = text.index(", ") + 2
    return json.loads(text[start:text.rindex(");")])


def is_atlas_folder(folder):
    return (Path(folder) / MARKER).is_file()


def write_atlas(folder, atlas, layers, inputs=(), template=TEMPLATE):
    """Write the atlas folder: the page and the map library from ``template``, the data as scripts.

    ``layers``: {"spaces": GeoJSON, "blocks": GeoJSON or None, "barriers": ...}. The folder appears
    complete or not at all: it is written beside the target and renamed; an existing folder is replaced
    only when it is an earlier atlas, never when it holds other files or one of the ``inputs``.
    """
    folder = Path(folder).resolve()
    for source in inputs:
        path = Path(source).resolve()
        if path == folder or folder in path.parents:
            raise AtlasError("input_inside", file=str(path))
    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not is_atlas_folder(folder))):
        raise AtlasError("not_atlas", folder=str(folder))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        shutil.copytree(template, staging, ignore=shutil.ignore_patterns("*.md", "__pycache__"))
        data = staging / "data"
        data.mkdir()
        (data / "atlas.js").write_text(script("atlas", atlas), encoding="utf-8")
        for name, collection in layers.items():
            if collection is not None:
                (data / f"{name}.js").write_text(script(name, collection), encoding="utf-8")
        (staging / MARKER).write_text("Written by the QGIS plugin Sozialraum (sozialraum:atlas). Open index.html.\n",
                                      encoding="utf-8")
        old = None
        if folder.exists():
            old = folder.parent / f".{folder.name}.{uuid.uuid4().hex[:8]}.old"
            os.replace(folder, old)
        os.replace(staging, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def folder_size(folder):
    """Bytes of every file below ``folder``."""
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())

"""The delineation's parameters kept with its blocks output, so a consultation uses the same rules.

A consultation session must judge contiguity as the run that made the division did: the same
gap distance, barrier lines and nesting field (issue 19). ``delineate`` therefore stores a small
JSON record with its blocks output, where it survives what planners do with the layer:

- on the output layer as the custom property :data:`PROPERTY` (a memory output, and any layer
  of a saved project: custom properties are written to the project file);
- for a GeoPackage output also as GDAL layer metadata item :data:`METADATA_KEY` (GDAL stores it
  in the standard ``gpkg_metadata`` tables), so the file opened in a new project still knows
  its rules.

Other file formats keep no record; the dock then uses the neighbourhood chosen in it.
"""
from __future__ import annotations

import json
import os

from qgis.core import QgsProcessingUtils, QgsProviderRegistry, QgsVectorLayer

PROPERTY = "sozialraum/delineation"
METADATA_KEY = "SOZIALRAUM_DELINEATION"
VERSION = 1


def added_links(graph, result_graph):
    """Links the run added to its graph (an island joined to its nearest block), as block positions.

    Positions are the order the blocks are read and written in (by feature id), so the output's
    features, read in the same order, find them again.
    """
    have = {(min(a, b), max(a, b)) for a, b in zip(graph.left.tolist(), graph.right.tolist())}
    extra = {(min(a, b), max(a, b)) for a, b in zip(result_graph.left.tolist(), result_graph.right.tolist())}
    return [list(pair) for pair in sorted(extra - have)]


def delineation_record(parameters, space_field, blocks=None, links=()):
    """The record of one run: the neighbourhood rules, bounds and fields (plain JSON values);
    ``blocks``: how many blocks the output has, ``links``: :func:`added_links`."""
    return {
        "blocks": blocks,
        "added_links": [list(link) for link in links],
        "version": VERSION,
        "space_field": space_field,
        "population_field": parameters["population"],
        "attributes": list(parameters["attributes"]),
        "weights": parameters.get("weights") or "",
        "structure": list(parameters.get("structure") or []),
        "balance": bool(parameters.get("balance")),
        "weight_by_population": bool(parameters.get("weight_by_population", True)),
        "lower": float(parameters["lower"]),
        "upper": float(parameters["upper"]),
        "gap": float(parameters["gap"]),
        "nest": parameters["nest"],
        "barriers": [{"name": layer.name(), "source": _absolute(layer.source(), layer.providerType()),
                      "provider": layer.providerType()}
                     for layer in parameters["barriers"]],
    }


def _absolute(source, provider):
    """A file layer's source with an absolute path: qgis_process takes "town.gpkg|layername=barriers"
    relative to the folder it runs in, and a session opened from elsewhere found no barriers (an
    outside check)."""
    if provider != "ogr":
        return source
    registry = QgsProviderRegistry.instance()
    parts = registry.decodeUri("ogr", source)
    path = parts.get("path") or ""
    if not path or os.path.isabs(path) or not os.path.exists(path):
        return source
    parts["path"] = os.path.abspath(path)
    return registry.encodeUri("ogr", parts)


def _file_path(source, provider):
    parts = QgsProviderRegistry.instance().decodeUri(provider or "ogr", source) if provider == "ogr" else {}
    return parts.get("path") or ""


def _with_relative_paths(record, output_path):
    """The record with each file barrier's path relative to the output's folder as well, so a
    folder of blocks and barriers moved or copied together (to a laptop for the meeting) still
    finds its barriers."""
    folder = os.path.dirname(os.path.abspath(output_path))
    barriers = []
    for entry in record.get("barriers", []):
        entry = dict(entry)
        path = _file_path(entry.get("source", ""), entry.get("provider"))
        if path and os.path.isabs(path):
            try:
                entry["relative_path"] = os.path.relpath(path, folder)
            except ValueError:  # another drive (Windows)
                pass
        barriers.append(entry)
    return dict(record, barriers=barriers)


def remember_delineation(context, destination, record):
    """Store ``record`` with the output ``destination`` (see the module docstring); never fails the run."""
    path, layer_name = _gpkg_path(destination)
    if path:
        record = _with_relative_paths(record, path)
    text = json.dumps(record, ensure_ascii=False)
    layer = QgsProcessingUtils.mapLayerFromString(destination, context, False)
    if layer is not None:
        layer.setCustomProperty(PROPERTY, text)
    if path:
        try:  # GDAL may raise (exceptions on) or return None (off): the output stands either way
            _write_metadata(path, layer_name, text)
        except RuntimeError:
            pass


def delineation_of(layer):
    """The record stored with ``layer`` by the run that made it, or None."""
    if layer is None:
        return None
    text = layer.customProperty(PROPERTY)
    if not text and layer.providerType() == "ogr":
        path, layer_name = _gpkg_path(layer.source())
        try:
            text = _read_metadata(path, layer_name) if path else None
        except RuntimeError:  # GDAL with exceptions on, an unreadable file: no record
            text = None
    try:
        record = json.loads(text) if text else None
    except (TypeError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("version") != VERSION:
        return None
    return record


def barrier_layers(record, project_layers=(), folder=None):
    """The record's barrier layers: the project's layer of the same source, else opened anew, else
    (a file not where the run found it) at the record's path relative to ``folder``, the blocks
    layer's folder.

    Returns ``(layers, missing)``; ``missing``: names of barrier layers that cannot be read.
    """
    by_source = {_absolute(layer.source(), layer.providerType()): layer for layer in project_layers}
    layers, missing = [], []
    for entry in (record or {}).get("barriers", []):
        source, provider = entry.get("source", ""), entry.get("provider") or "ogr"
        candidates = [source]
        if folder and entry.get("relative_path") and provider == "ogr":
            parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
            parts["path"] = os.path.normpath(os.path.join(folder, entry["relative_path"]))
            candidates.append(QgsProviderRegistry.instance().encodeUri("ogr", parts))
        layer = next((by_source[c] for c in candidates if c in by_source), None)
        for candidate in candidates if layer is None else ():
            # not in the project: named by its table in the file (a path gives the file's name)
            table = QgsProviderRegistry.instance().decodeUri("ogr", candidate).get("layerName")
            layer = QgsVectorLayer(candidate, table or entry.get("name", ""), provider)
            if layer.isValid():
                break
        if layer is not None and layer.isValid():
            layers.append(layer)
        else:
            missing.append(entry.get("name") or source)
    return layers, missing


def layer_folder(layer):
    """The folder of a file layer (None for other layers): where a record's relative paths start."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = _file_path(layer.source(), "ogr")
    return os.path.dirname(os.path.abspath(path)) if path else None


def _gpkg_path(source):
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not os.path.exists(path):
        return None, None
    return path, parts.get("layerName") or None


def _ogr_layer(dataset, layer_name, path):
    if layer_name:
        return dataset.GetLayerByName(layer_name)
    if dataset.GetLayerCount() == 1:
        return dataset.GetLayer(0)
    return dataset.GetLayerByName(os.path.splitext(os.path.basename(path))[0])


def _write_metadata(path, layer_name, text):
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        return False
    try:
        layer = _ogr_layer(dataset, layer_name, path)
        if layer is None:
            return False
        layer.SetMetadataItem(METADATA_KEY, text)
        return True
    finally:
        dataset = None  # closes the file: the metadata is written


def _read_metadata(path, layer_name):
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return None
    layer = _ogr_layer(dataset, layer_name, path)
    return layer.GetMetadataItem(METADATA_KEY) if layer is not None else None

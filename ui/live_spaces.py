"""A live spaces layer (issue 11, item 6): the dissolved spaces, true after every change.

During the meeting the maps and labels must show the division as it is now. The dock's
"Live spaces layer" makes a memory layer "Social spaces (live)" with one feature per space:
its blocks dissolved, population, blocks, status (``ok`` / ``below`` / ``above`` /
``not_contiguous``), connected parts, the population-weighted mean of each attribute
chosen in the dock (``mean_<field>``) and, when the blocks have the catalogue's fields, its
key indicators (``ind_<id>``, ``ui/live_indicators.py``); styled by status with labels
"space id + population".

How it stays true, and cheap:

- it follows :attr:`LayerSession.changed` (emitted after every change of the blocks' space
  field — strokes, merges, QGIS undo/redo, the attribute table) through one more single-shot
  timer, so a burst of edits updates once;
- an update compares the session's labels with the labels of the last update and touches only
  the affected spaces: their figures are recomputed and only their geometries dissolved again
  (a space merged away loses its feature, a new one gets one);
- it is derived data of our own: written straight to the memory provider (the blocks layer's
  edit buffer is never touched), nothing to save.
"""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..engine.consultation.sessionrecords import ABOVE, BELOW, NOT_CONTIGUOUS, WITHIN
from ..engine.number_columns import readable_numbers
from ..i18n import tr
from ..qgisio.compat import field as make_field
from ..qgisio.layer_io import plain
from ..qgisio.space_labels import space_labeling
from .compat import NO_GEOMETRY, disconnect_all
from .live_indicators import LiveIndicators, field_name

#: custom property marking a live layer (its value: the blocks layer's id); a project saved with one
#: holds it empty after reading (a memory layer), so the dock replaces it
LIVE_PROPERTY = "sozialraum/live_spaces"
#: the custom property QGIS reads to skip its "temporary layers will be lost" question for a layer
SKIP_MEMORY_LAYERS_CHECK = "skipMemoryLayersCheck"
#: the live layer follows the session at most this often (ms)
UPDATE_DELAY = 150
#: the fills of the problems (r, g, b, alpha): the dock's status colours, stronger, half see-through
STATUS_COLOURS = {BELOW: "255,214,10,170", ABOVE: "240,90,110,170", NOT_CONTIGUOUS: "240,140,60,170"}


def status_code(status):
    """One status per space: not contiguous first (the map must show a space in pieces), else the bound."""
    return NOT_CONTIGUOUS if not status.contiguous else status.bound


def status_labels():
    return {WITHIN: tr("within"), BELOW: tr("below min."), ABOVE: tr("above max."), NOT_CONTIGUOUS: tr("not contiguous")}


def mean_field(attribute):
    return f"mean_{attribute}"


class LiveSpaces(QObject):
    """The live spaces layer of a :class:`LayerSession` (see the module docstring).

    ``updated`` is emitted after each update with the spaces it rewrote.
    """

    updated = pyqtSignal(object)

    def __init__(self, layer_session, attributes=(), parent=None):
        super().__init__(parent)
        self.layer_session = layer_session
        self.attributes = tuple(attributes)
        blocks = layer_session.layer
        self._position = {block: i for i, block in enumerate(layer_session.block_ids)}
        self._values = self._read_values(blocks)
        self.indicators = LiveIndicators.for_layer(blocks, layer_session.block_ids)
        self.layer = self._make_layer(blocks)
        self._feature_of = {}  # space label -> feature id of the live layer
        self._labels = None  # the session's labels at the last update
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_DELAY)
        self._timer.timeout.connect(self.update)
        layer_session.changed.connect(self.schedule)
        layer_session.locks_rebuilt.connect(self.schedule)
        self.update()

    def close(self):
        """Stop following the session (the layer itself stays until removed from the project)."""
        self._timer.stop()
        disconnect_all((signal, self.schedule) for signal in (self.layer_session.changed, self.layer_session.locks_rebuilt))

    def schedule(self):
        if not self._timer.isActive():
            self._timer.start()

    # -- building ---------------------------------------------------------------------
    def _read_values(self, blocks):
        """The chosen attributes of every block (as the layer holds them; not a number: NaN)."""
        values = np.full((len(self._position), len(self.attributes)), np.nan)
        if not self.attributes:
            return values
        indices = [blocks.fields().indexFromName(name) for name in self.attributes]
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY).setSubsetOfAttributes(indices)
        rows, raw = [], []
        for feature in blocks.getFeatures(request):
            row = self._position.get(feature.id())
            if row is not None:
                rows.append(row)
                raw.append([plain(feature.attribute(index)) for index in indices])
        for column in range(len(indices)):
            numbers = readable_numbers([items[column] for items in raw])
            if numbers is not None:  # infinite counts as missing, as in the algorithms
                values[rows, column] = np.where(np.isinf(numbers), np.nan, numbers)
        return values

    def _make_layer(self, blocks):
        layer = QgsVectorLayer("MultiPolygon", tr("Social spaces (live)"), "memory")
        layer.setCrs(blocks.crs())
        layer.setCustomProperty(LIVE_PROPERTY, blocks.id())
        # QGIS asks before closing a project with memory layers ("their contents will be lost"):
        # the live layer is rebuilt from the blocks, so nothing is lost and nobody is asked
        # (the question held File > Exit, issue 19, 11; QGIS reads this property since 3.x)
        layer.setCustomProperty(SKIP_MEMORY_LAYERS_CHECK, 1)
        space = QgsField(blocks.fields().field(self.layer_session.space_field))
        space.setName("space")
        fields = [space, make_field("population", "double"), make_field("blocks", "int"),
                  make_field("status", "string", 20), make_field("parts", "int")]
        fields += [make_field(mean_field(name), "double") for name in self.attributes]
        if self.indicators is not None:
            fields += [make_field(field_name(indicator), "double") for indicator in self.indicators.ids]
        layer.dataProvider().addAttributes(fields)
        layer.updateFields()
        if self.indicators is not None:
            for name, label in self.indicators.labels().items():
                layer.setFieldAlias(layer.fields().indexFromName(name), label)
        style(layer)
        return layer

    # -- updating ---------------------------------------------------------------------
    def update(self):
        """Bring the layer up to the session: only the spaces whose blocks changed; returns them."""
        self._timer.stop()
        session = self.layer_session.session
        labels = session.labels()
        if self._labels is None or len(self._labels) != len(labels):
            affected = set(labels)
        else:
            affected = {label for pair in zip(self._labels, labels) if pair[0] != pair[1] for label in pair}
        affected.discard(None)
        self._labels = list(labels)
        alive = set(session.spaces)
        provider = self.layer.dataProvider()
        gone = [space for space in affected if space not in alive and space in self._feature_of]
        if gone:
            provider.deleteFeatures([self._feature_of.pop(space) for space in gone])
        new, changed_values, changed_geometries = [], {}, {}
        fields = self.layer.fields()
        spaces = sorted((s for s in affected if s in alive), key=lambda s: (str(type(s)), s))
        figures = [self._figures(session, space) for space in spaces]
        if self.indicators is not None:  # one computation for all affected spaces
            rows = [[self._position[block] for block in session.blocks_of(space)] for space in spaces]
            for (attributes, _), values in zip(figures, self.indicators.values(rows)):
                attributes.extend(values)
        for space, (attributes, geometry) in zip(spaces, figures):
            fid = self._feature_of.get(space)
            if fid is None:
                feature = QgsFeature(fields)
                feature.setAttributes(attributes)
                feature.setGeometry(geometry)
                new.append((space, feature))
            else:
                changed_values[fid] = dict(enumerate(attributes))
                changed_geometries[fid] = geometry
        if changed_values:
            provider.changeAttributeValues(changed_values)
            provider.changeGeometryValues(changed_geometries)
        if new:
            ok, added = provider.addFeatures([feature for _, feature in new])
            if ok:
                for (space, _), feature in zip(new, added):
                    self._feature_of[space] = feature.id()
        self.layer.updateExtents()
        self.layer.triggerRepaint()
        rewritten = tuple(sorted(affected, key=lambda s: (str(type(s)), s)))
        self.updated.emit(rewritten)
        return rewritten

    def _figures(self, session, space):
        status = session.status(space)
        blocks = session.blocks_of(space)
        rows = [self._position[block] for block in blocks]
        attributes = [space, float(status.population), int(status.blocks),
                      status_code(status), int(status.parts)]
        if self.attributes:
            population = self.layer_session.populations[rows]
            values = self._values[rows]
            for column in range(values.shape[1]):
                known = ~np.isnan(values[:, column])
                weight = population[known].sum()
                attributes.append(float((values[known, column] * population[known]).sum() / weight) if weight > 0 else None)
        geometry = self.layer_session.blocks_geometry(blocks)
        geometry.convertToMultiType()
        return attributes, geometry

    def feature(self, space):
        """The live layer's feature of ``space`` (None when the space holds no blocks)."""
        fid = self._feature_of.get(space)
        return None if fid is None else self.layer.getFeature(fid)


def style(layer):
    """By status (legend in the user's language): problems filled and outlined in red, good spaces
    outlined only; labels 'space id' over 'population'."""
    names = status_labels()
    categories = []
    for code in (WITHIN, BELOW, ABOVE, NOT_CONTIGUOUS):
        if code == WITHIN:  # a good space lets the blocks layer's colours show; only its outline
            properties = {"style": "no", "outline_color": "#4d4d4d", "outline_width": "0.3"}
        else:  # a problem stands out: its colour over the blocks and a red outline
            properties = {"color": STATUS_COLOURS[code], "outline_color": "#d7191c", "outline_width": "0.8"}
        categories.append(QgsRendererCategory(code, QgsFillSymbol.createSimple(properties), names[code]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    layer.setLabeling(space_labeling("space", "population", size=11, crs=layer.crs()))
    layer.setLabelsEnabled(True)


__all__ = ["LiveSpaces", "status_code", "style"]

"""The dock's choices: blocks layer, fields, attributes, bounds and the neighbourhood's barrier lines.

Filled from the run that made the layer (``session_choices``), kept per layer when switching.
"""
from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from ..qgisio.run_parameters import delineation_of
from . import session_choices as choices
from .compat import LINE_GEOMETRY
from .layer_checks import is_derived
from .session_layer import SessionInputError


class DockChoices:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: what the session is opened with."""

    def _project_layers_added(self, *args):
        """Never offer a derived layer (the live spaces layer) as blocks layer; offer new line layers as barriers."""
        derived = [layer for layer in QgsProject.instance().mapLayers().values() if is_derived(layer)]
        self.layer_combo.setExceptedLayerList(derived)
        checked = {QgsProject.instance().mapLayer(i).source() for i in self.barriers_combo.checkedItemsData()
                   if QgsProject.instance().mapLayer(i) is not None}
        self._fill_barriers(checked)

    def _line_layers(self):
        return [layer for layer in QgsProject.instance().mapLayers().values()
                if isinstance(layer, QgsVectorLayer) and layer.geometryType() == LINE_GEOMETRY]

    def _fill_barriers(self, checked_sources=()):
        """The project's line layers as barrier choices (item data: the layer id)."""
        self.barriers_combo.clear()
        for layer in sorted(self._line_layers(), key=lambda lay: lay.name().casefold()):
            self.barriers_combo.addItemWithCheckState(
                layer.name(), Qt.CheckState.Checked if layer.source() in checked_sources else Qt.CheckState.Unchecked,
                layer.id())

    def neighbourhood(self, layer):
        """The rules the session's contiguity follows (``session_choices.Neighbourhood``): the run's
        record, else the barrier lines chosen here."""
        project = QgsProject.instance()
        chosen = [project.mapLayer(layer_id) for layer_id in self.barriers_combo.checkedItemsData()]
        return choices.neighbourhood(layer, [b for b in chosen if b is not None], self._line_layers())

    def _show_neighbourhood(self, layer):
        record = delineation_of(layer) if layer is not None else None
        rules = self.neighbourhood(layer) if layer is not None else None
        # chosen here only without a record (with one, the Neighbourhood line names the run's
        # barriers), or when the run's barrier layers cannot be read (an outside check: the dock
        # hid the choice and the session went on without barriers)
        choose = record is None or bool(rules is not None and rules.missing)
        self.barriers_combo.setVisible(choose)
        self.barriers_label.setVisible(choose)
        self.neighbourhood_label.setText(rules.text if rules is not None else "")

    def _layer_chosen(self, layer):
        """Fields, attributes and bounds for ``layer``: as last chosen for it in this dock, else the
        run's record (``session_choices``); the choices of the layer left are kept for coming back."""
        self._remember_choices()
        self._choosing = True
        try:
            record = delineation_of(layer) if layer is not None else None
            self._fill_barriers([b.get("source") for b in (record or {}).get("barriers", [])])
            self._show_neighbourhood(layer)
            self.space_combo.setLayer(layer)
            self.population_combo.setLayer(layer)
            self.attributes_combo.clear()
            self._chosen_layer_id = layer.id() if layer is not None else None
            if layer is None:
                return
            self.attributes_combo.addItems([field.name() for field in layer.fields() if field.isNumeric()])
            kept = self._choices.get(layer.id())
            if kept is not None:
                space, population, attributes, (lower, upper) = kept
            else:
                space, population = choices.space_field(layer, record), choices.population_field(layer, record)
                attributes, (lower, upper) = choices.attributes(layer, record), choices.bounds_for(record)
            self.space_combo.setField(space)
            self.population_combo.setField(population)
            self.attributes_combo.setCheckedItems(list(attributes))
            self.lower_spin.setValue(lower)
            self.upper_spin.setValue(upper)
        finally:
            self._choosing = False

    def _remember_choices(self):
        layer_id = getattr(self, "_chosen_layer_id", None)
        if layer_id is not None and QgsProject.instance().mapLayer(layer_id) is not None:
            self._choices[layer_id] = (self.space_combo.currentField(), self.population_combo.currentField(),
                                       tuple(self.attributes_combo.checkedItems()),
                                       (self.lower_spin.value(), self.upper_spin.value()))

    def _bounds_changed(self, *args):
        """New bounds apply to the open session at once (its layer chosen in the dock)."""
        layer_session = self.layer_session
        if self._choosing or layer_session is None or self.layer_combo.currentLayer() is not layer_session.layer:
            return
        lower, upper = self.lower_spin.value(), self.upper_spin.value()
        if (lower, upper) == layer_session.bounds:
            return
        try:
            layer_session.set_bounds(lower, upper)
        except SessionInputError as error:
            self.show_message(str(error), problem=True)
            return
        self.refresh()

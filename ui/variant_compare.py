"""Compare two divisions from the dock: the saved state, the current division, or any variant.

The two divisions and the blocks (geometry, residents as the session counts them) go into a
memory layer with one field per division, named as the dock names them ("Saved state",
"Variante A"); ``sozialraum:compare`` runs on it through Processing with the population
bounds of the session and the layer's decision log (the rows of the session, saved or not),
and writes the council's change report as HTML and PDF (``algorithms/compare.py``).
Nothing of the blocks layer is changed.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsMemoryProviderUtils,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

from ..engine.consultation.variants import decode_division, label_text
from ..engine.errors import SozialraumError
from ..i18n import tr
from ..qgisio.compat import field as make_field
from ..qgisio.layer_io import plain
from .compat import NO_GEOMETRY
from .decision_log import COLUMNS as LOG_COLUMNS
from .decision_log_store import _memory_table as memory_table
from .variant_operation import current_division

SAVED, CURRENT = "saved", "current"
ALGORITHM = "sozialraum:compare"
INT_RANGE = 2**31 - 1


class CompareError(Exception):
    """The comparison could not be written; the message is translated and says why."""


def division_names(variants):
    """[(key, name shown)] of the divisions that can be compared: saved state, current, each variant."""
    return [(SAVED, tr("Saved state")), (CURRENT, tr("Current division"))] + [(variant.id, variant.name) for variant in variants]


def saved_division(layer_session):
    """{block id: space} as the layer's data holds it (the edits not yet saved left out)."""
    layer = layer_session.layer
    request = QgsFeatureRequest().setFlags(NO_GEOMETRY).setSubsetOfAttributes([layer_session.field_index])
    return {feature.id(): plain(feature.attribute(layer_session.field_index))
            for feature in layer.dataProvider().getFeatures(request)}


def division_of(layer_session, key, variants):
    """{block id: space} of the division ``key`` (SAVED, CURRENT or a variant's id)."""
    if key == SAVED:
        return saved_division(layer_session)
    if key == CURRENT:
        return current_division(layer_session.session)
    for variant in variants:
        if variant.id == key:
            return decode_division(variant.division)
    raise KeyError(key)


def _field_names(first, second):
    """Two distinct field names from the names shown (a variant may be called like the other)."""
    first, second = first.strip() or "A", second.strip() or "B"
    return (first, second) if first != second else (first, f"{second} (2)")


def comparison_layer(layer_session, first, second, names):
    """A memory layer of the session's blocks with residents and the divisions ``first`` and ``second``."""
    layer = layer_session.layer
    ids = layer_session.block_ids
    fields = QgsFields()
    whole = all(abs(block) <= INT_RANGE for block in ids)  # feature ids beyond 32 bits go as text
    fields.append(make_field("block", "int" if whole else "string"))
    fields.append(make_field("population", "double"))
    for name in names:
        fields.append(make_field(name, "string"))
    memory = QgsMemoryProviderUtils.createMemoryLayer(layer.name(), fields, layer.wkbType(), layer.crs())
    population = dict(zip(ids, layer_session.populations.tolist()))
    features = []
    request = QgsFeatureRequest().setFilterFids(list(ids)).setNoAttributes()
    for feature in layer.getFeatures(request):
        block = feature.id()
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        out.setAttributes([block if whole else str(block), population.get(block, 0.0), label_text(first.get(block)), label_text(second.get(block))])
        features.append(out)
    memory.dataProvider().addFeatures(features)
    return memory


def write_comparison(layer_session, first_key, second_key, variants, html_path, names=None, feedback=None):
    """Run ``sozialraum:compare`` on two divisions; returns (html path, pdf path) or raises :class:`CompareError`.

    ``names``: {key: name shown}; the PDF is written beside the HTML (same name, ``.pdf``).
    """
    from qgis import processing

    if first_key == second_key:
        raise CompareError(tr("Choose two different divisions to compare."))
    names = names or dict(division_names(variants))
    try:
        first = division_of(layer_session, first_key, variants)
        second = division_of(layer_session, second_key, variants)
    except (KeyError, SozialraumError) as error:  # a variant deleted meanwhile, or one that cannot be read
        raise CompareError(tr("The division could not be read: {error}").format(error=error)) from None
    field_names = _field_names(names[first_key], names[second_key])
    blocks = comparison_layer(layer_session, first, second, field_names)
    log = memory_table(LOG_COLUMNS, [asdict(row) for row in layer_session.decision_log.rows()])
    html = str(Path(html_path).with_suffix(".html"))
    pdf = str(Path(html).with_suffix(".pdf"))
    lower, upper = layer_session.bounds
    parameters = {"INPUT": blocks, "ID_FIELD": "block", "OLD_FIELD": field_names[0], "NEW_FIELD": field_names[1],
                  "POPULATION_FIELD": "population", "MIN_POPULATION": lower, "MAX_POPULATION": upper, "DECISIONS": log,
                  "LANGUAGE": 0, "REPORT": html, "REPORT_PDF": pdf, "OUTPUT_MOVED": "TEMPORARY_OUTPUT",
                  "OUTPUT_OVERLAP": "TEMPORARY_OUTPUT"}
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or QgsProcessingFeedback()
    try:
        processing.run(ALGORITHM, parameters, feedback=feedback, context=context)
    except QgsProcessingException as error:
        raise CompareError(tr("The comparison could not be written: {error}").format(error=error)) from None
    return html, pdf

"""Adding features to a Processing sink without losing one silently.

``QgsFeatureSink.addFeature`` returns False when the destination refuses a feature (a value the
field type cannot hold, a geometry type the layer does not take); QGIS then leaves the feature
out of the file and the run carries on, so an output can miss blocks nobody notices (an outside
check found a GeoPackage with two blocks fewer than the input). Every algorithm writes through
:func:`add_feature`, which stops the run naming the output, the feature and the provider's reason;
the destination files of a stopped run are removed (qgisio/destinations.py).
"""
from qgis.core import QgsFeatureSink, QgsProcessingException

from ..i18n import tr


def add_feature(sink, feature, algorithm, parameter, name=None):
    """Add ``feature`` to ``sink`` (fast insert); raise a translated QgsProcessingException naming the
    output (``algorithm``'s destination ``parameter``) and ``name`` (the feature as the planner knows
    it, e.g. its block id; None: the feature id) when the sink refuses it."""
    if sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
        return
    definition = algorithm.parameterDefinition(parameter)
    output = definition.description() if definition is not None else parameter
    reason = sink.lastError() if hasattr(sink, "lastError") else ""
    raise QgsProcessingException(tr("The output '{output}' refused feature {feature}: {reason}").format(
        output=output, feature=feature.id() if name is None else name, reason=reason or tr("no reason given")))

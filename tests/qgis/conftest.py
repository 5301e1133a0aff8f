"""QGIS test fixtures: the provider registered once, small layers built in memory."""
import contextlib
import gc
import inspect
import sys

import pytest

from sozialraum.engine.errors import format_values  # noqa: F401  (the package must import QGIS-free)

_KEEP_ALIVE = []


@pytest.fixture
def provider(qgis_app, qgis_processing):
    """The registered Sozialraum provider (registered again if a test removed it)."""
    from qgis.core import QgsApplication

    from sozialraum.provider import SozialraumProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sozialraum")
    if existing is not None:
        return existing
    provider = SozialraumProvider()
    _KEEP_ALIVE.append(provider)
    assert registry.addProvider(provider)
    return provider


class LogFeedback:
    """A QgsProcessingFeedback that keeps every message."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []
                self.warnings = []  # the warnings again, apart

            def pushInfo(self, text):  # noqa: N802
                self.lines.append(text)

            def pushWarning(self, text):  # noqa: N802
                self.lines.append(text)
                self.warnings.append(text)

            def reportError(self, text, fatalError=False):  # noqa: N802, N803
                self.lines.append(text)

            @property
            def text(self):
                return "\n".join(self.lines)

        return _Feedback()


def run_and_load(algorithm_id, parameters, feedback):
    """Run an algorithm and load its results as the Processing dialog does (QGIS's
    handleAlgorithmResults, which from 3.40 on needs the real iface): every layer the run asked to
    load is looked up by its key, added to the project and handed to its post-processor.

    Returns (results, loaded layers, keys that named no layer: the dialog's "The following layers
    were not correctly generated")."""
    import processing
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingOutputLayerDefinition,
        QgsProcessingUtils,
        QgsProject,
    )

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = dict(parameters)
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    for definition in algorithm.destinationParameterDefinitions():  # as the dialog passes layer outputs
        value = parameters.get(definition.name())
        if isinstance(value, str) and definition.type() in ("sink", "vectorDestination", "rasterDestination"):
            parameters[definition.name()] = QgsProcessingOutputLayerDefinition(value, QgsProject.instance())
    loaded, wrong = [], []

    def load(alg, context, feedback):  # where the dialog loads them: before processing.run takes the layers over
        for key, details in context.layersToLoadOnCompletion().items():
            layer = QgsProcessingUtils.mapLayerFromString(key, context, typeHint=details.layerTypeHint)
            if layer is None:
                wrong.append(key)
                continue
            details.setOutputLayerName(layer)
            QgsProject.instance().addMapLayer(context.temporaryLayerStore().takeMapLayer(layer))
            if details.postProcessor():
                details.postProcessor().postProcessLayer(layer, context, feedback)
            loaded.append(layer)

    results = processing.run(algorithm_id, parameters, onFinish=load, feedback=feedback, context=context)
    return results, loaded, wrong


def memory_layer(geometry_type, crs, fields, rows):
    """A memory layer from (wkt, [attributes]) rows; fields like 'bid:integer'."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    uri = f"{geometry_type}?crs={crs}" + "".join(f"&field={field}" for field in fields)
    layer = QgsVectorLayer(uri, "test", "memory")
    assert layer.isValid(), uri
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def square(x, y, size=100.0):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


@pytest.fixture
def setup(request, qgis_app, qgis_canvas, qgis_new_project):
    """The grid layer in editing mode, a dock with an open session, a canvas (``request.param``: space type, canvas CRS)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    from .consultation_grid import Host, grid_layer

    space_type, canvas_crs = getattr(request, "param", ("integer", None))
    layer = grid_layer(space_type)
    QgsProject.instance().addMapLayer(layer)
    canvas = qgis_canvas
    canvas.resize(600, 400)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(canvas_crs) if canvas_crs else layer.crs())
    canvas.setLayers([layer])
    canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent()))
    canvas.refresh()
    dock = ConsultationDock(None, canvas)
    dock.layer_combo.setLayer(layer)
    dock.space_combo.setField("space")
    dock.population_combo.setField("pop")
    dock.lower_spin.setValue(1300)
    dock.upper_spin.setValue(1700)
    assert dock.open_session() is not None, dock.message_label.text()
    layer.startEditing()
    dock.refresh()
    host = Host(dock)
    yield layer, canvas, dock, host
    dock.close_session()
    layer.rollBack()
    dock.deleteLater()


@pytest.fixture
def street_grid_layer():
    """2 rows x 3 columns of 100 m blocks, 12 m streets, EPSG:25832, ids 1..6, population 100..600."""
    rows = []
    for r in range(2):
        for c in range(3):
            block = r * 3 + c + 1
            rows.append((square(300000 + c * 112, 5640000 + r * 112), [block, 100 * block, "A" if c < 2 else "B"]))
    return memory_layer("Polygon", "EPSG:25832", ["bid:integer", "pop:integer", "quarter:string"], rows)


@pytest.fixture
def railway_layer():
    """A railway in the street between the two rows of ``street_grid_layer``."""
    return memory_layer("LineString", "EPSG:25832", ["kind:string"], [("LINESTRING(299950 5640106, 300400 5640106)", ["railway"])])


@pytest.fixture(autouse=True, scope="session")
def _qgis_objects_gone_before_exit_qgis(qgis_app):
    """Destroy what Python still holds of QGIS before pytest-qgis calls ``exitQgis()``.

    Whatever outlives ``exitQgis()`` is destroyed during interpreter teardown, after GDAL is
    gone, and an OGR layer then crashes in ``GDALClose`` (SIGSEGV; ``docs/teardown_crash.md``).
    This teardown runs before pytest-qgis' own (it depends on ``qgis_app``).
    """
    yield
    gc.collect()
    _clear_frames_kept_by_exceptions()
    gc.collect()
    _delete_layers_still_held()


_GENERATOR = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR | inspect.CO_ITERABLE_COROUTINE


def _clear_frames_kept_by_exceptions():
    """Free the locals of the finished frames that surviving exceptions keep alive.

    QGIS' handler for a QgsProcessingException raised in a Python ``processAlgorithm``
    (``processing_exception_handler``, ``python/core/core.sip.in``) takes the exception with
    ``PyErr_Fetch`` and never releases it: its traceback keeps each frame it passed, and the
    frames those were called from, alive with their locals (layers, feature sources,
    contexts, features) for good. pytest keeps the last failure (``sys.last_value``) the
    same way. Clearing the finished frames lets those objects go now, in their usual order.
    """
    from qgis.core import QgsProcessingException

    seen = {}
    exceptions = [o for o in gc.get_objects() if isinstance(o, QgsProcessingException)]
    exceptions.append(getattr(sys, "last_value", None))
    while exceptions:
        exception = exceptions.pop()
        if exception is None or id(exception) in seen:
            continue
        seen[id(exception)] = exception
        exceptions += [exception.__cause__, exception.__context__]
        tb = exception.__traceback__
        while tb is not None:
            frame = tb.tb_frame
            while frame is not None and id(frame) not in seen:
                seen[id(frame)] = frame
                if not frame.f_code.co_flags & _GENERATOR:  # clearing a suspended generator would close it
                    with contextlib.suppress(RuntimeError):  # still running: pytest's own frames
                        frame.clear()
                frame = frame.f_back
            tb = tb.tb_next


def _delete_layers_still_held():
    """Delete the layers Python still owns, such as module-scoped fixtures of the last test.

    pytest drops a test's fixture values (``item.funcargs``) only after the session teardown,
    so a module-scoped layer that the last test uses outlives ``exitQgis()``. pytest-qgis
    deletes fixtures named like layers the same way (through the project).
    """
    from qgis.core import QgsMapLayer
    from qgis.PyQt import sip

    for layer in [o for o in gc.get_objects() if isinstance(o, QgsMapLayer)]:
        if sip.ispyowned(layer) and not sip.isdeleted(layer):
            sip.delete(layer)


@contextlib.contextmanager
def german_interface():
    """QGIS set to German (locale override) with the plugin's German translation loaded; restored after."""
    from qgis.core import QgsSettings

    from sozialraum import i18n

    settings = QgsSettings()
    keys = ("locale/overrideFlag", "locale/userLocale")
    saved = {key: settings.value(key) for key in keys}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    try:
        assert i18n.install_translator()  # what the plugin does at start, from the QGIS locale
        yield
    finally:
        i18n.remove_translator()
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)

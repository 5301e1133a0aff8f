"""Standalone reproduction of the QGIS exit crash (no plugin, no Shapely): docs/teardown_crash.md.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/repro_teardown.py MODE

MODE leak (default): a Python algorithm raises QgsProcessingException; QGIS keeps that
exception, and with it the OGR layer in the caller's frame. exitQgis() runs, then the
interpreter's teardown destroys the layer: SIGSEGV in GDAL (exit status 139).
MODE fixture: no exception; the layer is only still referenced when exitQgis() runs (like a
module-scoped fixture of the last test): the same crash.
MODE valueerror: the algorithm raises ValueError instead (QGIS releases that one): exit 0.
MODE release: as leak, but the leaked frames are cleared and the layers deleted before
exitQgis(), as tests/qgis/conftest.py does: exit 0.
"""
import gc
import os
import sys
import tempfile

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

MODE = sys.argv[1] if len(sys.argv) > 1 else "leak"
assert MODE in ("leak", "fixture", "valueerror", "release"), MODE

app = QgsApplication([], False)
app.initQgis()
PATH = os.path.join(tempfile.mkdtemp(), "one.geojson")
with open(PATH, "w") as f:
    f.write('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": 1},'
            ' "geometry": {"type": "Point", "coordinates": [0, 0]}}]}')


class Fails(QgsProcessingAlgorithm):
    def name(self):
        return "fails"

    def displayName(self):  # noqa: N802
        return "fails"

    def createInstance(self):  # noqa: N802
        return Fails()

    def initAlgorithm(self, config=None):  # noqa: N802
        pass

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        if MODE == "valueerror":
            raise ValueError("stop")
        raise QgsProcessingException("stop")


def run_once():
    layer = QgsVectorLayer(PATH, "one", "ogr")  # Python owns it; it goes when this frame goes
    assert layer.isValid()
    algorithm = Fails()
    algorithm.initAlgorithm()
    _results, ok = algorithm.run({"INPUT": layer}, QgsProcessingContext(), QgsProcessingFeedback())
    assert not ok


held = []
if MODE == "fixture":
    held.append(QgsVectorLayer(PATH, "one", "ogr"))
else:
    run_once()
gc.collect()
print(f"{MODE}: Python-owned layers alive before exitQgis(): "
      f"{sum(isinstance(o, QgsVectorLayer) for o in gc.get_objects())}", flush=True)
if MODE == "release":
    from qgis.PyQt import sip

    for exception in [o for o in gc.get_objects() if isinstance(o, QgsProcessingException)]:
        tb = exception.__traceback__
        while tb is not None:
            frame = tb.tb_frame
            while frame is not None:
                try:
                    frame.clear()
                except RuntimeError:  # still running (this module's frame)
                    pass
                frame = frame.f_back
            tb = tb.tb_next
    gc.collect()
    for layer in [o for o in gc.get_objects() if isinstance(o, QgsVectorLayer)]:
        sip.delete(layer)
    print(f"{MODE}: after clearing the leaked frames and deleting held layers: "
          f"{sum(isinstance(o, QgsVectorLayer) and not sip.isdeleted(o) for o in gc.get_objects())}", flush=True)
app.exitQgis()
print(f"{MODE}: exitQgis() done, the interpreter tears down now", flush=True)

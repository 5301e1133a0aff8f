"""QGIS test fixtures: the provider registered once, small layers built in memory."""
import os
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

            def pushInfo(self, text):  # noqa: N802
                self.lines.append(text)

            def pushWarning(self, text):  # noqa: N802
                self.lines.append(text)

            def reportError(self, text, fatalError=False):  # noqa: N802, N803
                self.lines.append(text)

            @property
            def text(self):
                return "\n".join(self.lines)

        return _Feedback()


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


_SESSION = {}


def pytest_sessionfinish(session, exitstatus):
    _SESSION["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without the interpreter's teardown once the results are final.

    QGIS 3.22 sometimes crashes (SIGSEGV) while Python frees objects after
    QgsApplication.exitQgis(); that would turn a green run red although every test passed.
    """
    if "status" in _SESSION:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_SESSION["status"])

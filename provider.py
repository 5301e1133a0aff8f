"""The Processing provider 'sozialraum'."""
import importlib.util
from pathlib import Path

from qgis.core import QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms.adjacency import AdjacencyAlgorithm
from .algorithms.aggregate import AggregateAlgorithm
from .algorithms.atlas import AtlasAlgorithm
from .algorithms.carry import CarryAlgorithm
from .algorithms.compare import CompareAlgorithm
from .algorithms.delineate import DelineateAlgorithm
from .algorithms.evaluate import EvaluateAlgorithm
from .algorithms.interpolate import InterpolateAlgorithm
from .algorithms.profiles import ProfilesAlgorithm
from .algorithms.social_index import SocialIndexAlgorithm
from .algorithms.update import UpdateAlgorithm
from .i18n import tr
from .qgisio import compat

ICON = Path(__file__).resolve().parent / "resources" / "icons" / "sozialraum.svg"

ALGORITHMS = (AdjacencyAlgorithm, DelineateAlgorithm, EvaluateAlgorithm, AggregateAlgorithm, InterpolateAlgorithm,
              SocialIndexAlgorithm, CompareAlgorithm, ProfilesAlgorithm, UpdateAlgorithm,
              CarryAlgorithm, AtlasAlgorithm)


def missing_packages(algorithm_class):
    """Python packages an algorithm needs that are not installed."""
    return [name for name in algorithm_class.REQUIRES if importlib.util.find_spec(name) is None]


class SozialraumProvider(QgsProcessingProvider):
    def id(self):
        return "sozialraum"

    def name(self):
        return "Sozialraum"

    def longName(self):  # noqa: N802
        return tr("Sozialraum: social spaces for municipal planning")

    def icon(self):
        return QIcon(str(ICON))

    def svgIconPath(self):  # noqa: N802
        return str(ICON)

    def loadAlgorithms(self):  # noqa: N802
        for algorithm_class in ALGORITHMS:
            missing = missing_packages(algorithm_class)
            if missing:
                # A missing optional package disables one algorithm, not the plugin.
                QgsMessageLog.logMessage(
                    tr("Algorithm '{name}' is not available: install the Python package(s) {packages}.").format(
                        name=algorithm_class.ALGORITHM_NAME, packages=", ".join(missing)
                    ),
                    "Sozialraum",
                    compat.MESSAGE_WARNING,
                )
                continue
            self.addAlgorithm(algorithm_class())

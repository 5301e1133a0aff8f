"""The plugin's own code leaves no warnings: no Python deprecation warnings from our modules
and no QGIS log messages about our code while every algorithm runs (QGIS 3.22 and 3.40)."""
import warnings

from . import bad_input
from .test_bad_input import ALGORITHMS, parameters

OUR_CODE = "sozialraum"


def test_every_algorithm_runs_without_warnings_from_our_code(provider, tmp_path):
    import processing
    from qgis.core import QgsApplication

    logged = []

    def on_message(message, tag, level):
        if tag == "Sozialraum" or OUR_CODE in message:
            logged.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(on_message)
    case = next(c for c in bad_input.cases() if c.name == "valid")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for algorithm in ALGORITHMS:
                layer = bad_input.build(case)
                arguments, _ = parameters(algorithm, case, layer, tmp_path)
                processing.run(f"sozialraum:{algorithm}", arguments)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(on_message)
    ours = [f"{w.category.__name__}: {w.message} ({w.filename}:{w.lineno})" for w in caught
            if OUR_CODE in (w.filename or "") and "/tests/" not in w.filename]
    assert ours == []
    assert logged == []

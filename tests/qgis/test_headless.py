"""The provider loads headless: qgis_process lists and runs sozialraum:adjacency."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.fixture(scope="module")
def qgis_process(tmp_path_factory):
    """Run qgis_process with the plugin enabled in a throw-away profile (HOME)."""
    if QGIS_PROCESS is None:
        pytest.fail("qgis_process is not installed (make test installs it)")
    base = tmp_path_factory.mktemp("qgis_process")
    (base / "plugins").mkdir()
    (base / "plugins" / "sozialraum").symlink_to(ROOT, target_is_directory=True)
    env = dict(os.environ, HOME=str(base), QGIS_PLUGINPATH=str(base / "plugins"), QT_QPA_PLATFORM="offscreen")
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):  # pytest-qgis points these at the repo
        env.pop(name, None)
    env.setdefault("XDG_RUNTIME_DIR", str(base))

    def run(*arguments):
        return subprocess.run([QGIS_PROCESS, *arguments], env=env, capture_output=True, text=True, timeout=600)

    enabled = run("plugins", "enable", "sozialraum")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    run.command, run.env = QGIS_PROCESS, env  # for a run the test must stop while it works (subprocess.Popen)
    return run


def test_qgis_process_lists_the_algorithm(qgis_process):
    listing = qgis_process("list")
    assert listing.returncode == 0
    assert "sozialraum:adjacency" in listing.stdout


def test_qgis_process_runs_adjacency_on_the_sample_town(qgis_process, tmp_path):
    barriers = f"{SAMPLE}|layername=barriers"
    result = qgis_process(
        "run", "sozialraum:adjacency", "--json",
        f"--INPUT={SAMPLE}|layername=blocks", "--ID_FIELD=block_id", "--POPULATION_FIELD=pop_total",
        f"--BARRIERS={barriers}", f"--OUTPUT={tmp_path / 'blocks.gpkg'}", f"--OUTPUT_EDGES={tmp_path / 'links.gpkg'}",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    payload = json.loads(result.stdout)
    results = payload["results"]
    assert results["EDGES"] > 2 * 2500  # blocks across streets are neighbours
    assert results["SKIPPED"] == 0
    assert (tmp_path / "links.gpkg").is_file() and (tmp_path / "blocks.gpkg").is_file()
    info = "\n".join(payload["log"]["info"])
    assert f"{results['ISLANDS']} islands" in info
    assert info.count("Island ") == results["ISLANDS"]


def delineation_model(path):
    """A model with one step, 'Propose social spaces', as a statistics office chains its runs."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterNumber,
        QgsProcessingParameterVectorLayer,
    )

    model = QgsProcessingModelAlgorithm("office run", "tests")
    model.addModelParameter(QgsProcessingParameterVectorLayer("blocks", "blocks"), QgsProcessingModelParameter("blocks"))
    model.addModelParameter(QgsProcessingParameterNumber("lower", "lower", defaultValue=700),
                            QgsProcessingModelParameter("lower"))
    child = QgsProcessingModelChildAlgorithm("sozialraum:delineate")
    child.setChildId("delineate")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("blocks")])
    child.addParameterSources("MIN_POPULATION", [QgsProcessingModelChildParameterSource.fromModelParameter("lower")])
    for name, value in (("ID_FIELD", "block_id"), ("POPULATION_FIELD", "pop_total"), ("SEED", 1), ("MAX_POPULATION", 8500),
                        ("ATTRIBUTES", ["pop_65plus", "pop_u6", "sgb2_persons", "unemployed"])):
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    output = QgsProcessingModelOutput("spaces")
    output.setChildOutputName("OUTPUT_SPACES")
    child.setModelOutputs({"spaces": output})
    model.addChildAlgorithm(child)
    assert model.toFile(str(path))
    return path


def test_ctrl_c_in_a_model_run_stops_before_an_existing_geopackage_layer_is_replaced(qgis_process, tmp_path):
    """An outside check: Ctrl+C at 40 % of the search in a model run was applied only after the
    outputs were written, so the GeoPackage kept a finished-looking layer of a cancelled run."""
    import signal
    import sqlite3
    import subprocess
    import threading
    import time

    model = delineation_model(tmp_path / "office.model3")
    gpkg = tmp_path / "result.gpkg"
    destination = f"--delineate:spaces=ogr:dbname='{gpkg}' table=\"spaces\" (geom)"
    first = qgis_process("run", str(model), f"--blocks={SAMPLE}|layername=blocks", "--lower=700", destination)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]

    def spaces():
        with sqlite3.connect(gpkg) as db:
            return sorted(db.execute('SELECT space_id, population FROM "spaces"').fetchall())

    before = spaces()
    assert len(before) > 10
    process = subprocess.Popen([qgis_process.command, "run", str(model), f"--blocks={SAMPLE}|layername=blocks",
                                "--lower=1500", destination], env=qgis_process.env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    lines, searching = [], threading.Event()

    def read():
        for line in process.stdout:
            lines.append(line)
            if "Proposing social spaces" in line:
                searching.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert searching.wait(120), "".join(lines)[-2000:]
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    process.wait(timeout=120)
    reader.join(timeout=10)
    output = "".join(lines)
    assert process.returncode != 0 and "Cancelled by the user" in output, output[-2000:]
    assert time.monotonic() - started < 20, output[-2000:]
    assert spaces() == before  # the earlier run's layer, untouched (the second run's bounds give other spaces)

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

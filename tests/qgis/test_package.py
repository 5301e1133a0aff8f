"""make package: an installable ZIP with one top folder and no development files."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_package_zip_contents(tmp_path):
    out = tmp_path / "sozialraum.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), "--out", str(out)], check=True, cwd=ROOT)
    names = zipfile.ZipFile(out).namelist()
    assert {name.split("/")[0] for name in names} == {"sozialraum"}
    for required in (
        "metadata.txt", "__init__.py", "plugin.py", "provider.py", "LICENSE", "algorithms/adjacency.py",
        "engine/spatial/adjacency.py", "resources/i18n/sozialraum_de.qm", "resources/icons/sozialraum.svg",
        "resources/sample/musterstadt.gpkg",
    ):
        assert f"sozialraum/{required}" in names, required
    for name in names:
        inner = name.split("/", 1)[1]
        assert not inner.startswith(("tests/", "bench/", "scripts/", ".ci/", ".build/", ".venv")), name
        assert inner not in ("Makefile", "pytest.ini") and not name.endswith((".pyc", ".ts")), name
        assert not inner.startswith(("engine/sampletown/", "engine/indicators/synthetic.py")), name
    assert "sozialraum/engine/spatial/geometry.py" in names  # the one Shapely 1.8/2 module, used by the plugin


def test_packaged_plugin_imports_without_the_development_modules(tmp_path):
    """What the ZIP leaves out is not needed: the provider loads every algorithm from it."""
    out = tmp_path / "sozialraum.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), "--out", str(out)], check=True, cwd=ROOT)
    zipfile.ZipFile(out).extractall(tmp_path / "plugins")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from qgis.core import QgsApplication; app = QgsApplication([], False); app.initQgis();"
        "from sozialraum.provider import SozialraumProvider; p = SozialraumProvider(); p.loadAlgorithms();"
        "import sozialraum.engine.delineation.delineate, sozialraum.engine.indicators;"
        "import sozialraum; print(sozialraum.__file__); print(len(p.algorithms()), flush=True); import os; os._exit(0)"
    )
    env = dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "plugins")], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-2].startswith(str(tmp_path / "plugins")), lines[-2]  # the unpacked copy, not the checkout
    from sozialraum.provider import ALGORITHMS

    assert int(lines[-1]) == len(ALGORITHMS)  # every algorithm of the checkout, none missing from the ZIP


def test_install_unpacks_into_a_plugins_folder(tmp_path):
    out = tmp_path / "sozialraum.zip"
    plugins = tmp_path / "plugins"
    script = str(ROOT / "scripts" / "package.py")
    subprocess.run([sys.executable, script, "--out", str(out)], check=True, cwd=ROOT)
    subprocess.run([sys.executable, script, "--install", str(out), "--profile-dir", str(plugins)], check=True, cwd=ROOT)
    assert (plugins / "sozialraum" / "metadata.txt").is_file()
    assert not (plugins / "sozialraum" / "tests").exists()

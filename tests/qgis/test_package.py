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
        "engine/adjacency.py", "resources/i18n/sozialraum_de.qm", "resources/icons/sozialraum.svg",
        "resources/sample/musterstadt.gpkg",
    ):
        assert f"sozialraum/{required}" in names, required
    for name in names:
        inner = name.split("/", 1)[1]
        assert not inner.startswith(("tests/", "bench/", "scripts/", ".ci/", ".build/", ".venv")), name
        assert inner not in ("Makefile", "pytest.ini") and not name.endswith((".pyc", ".ts")), name


def test_install_unpacks_into_a_plugins_folder(tmp_path):
    out = tmp_path / "sozialraum.zip"
    plugins = tmp_path / "plugins"
    script = str(ROOT / "scripts" / "package.py")
    subprocess.run([sys.executable, script, "--out", str(out)], check=True, cwd=ROOT)
    subprocess.run([sys.executable, script, "--install", str(out), "--profile-dir", str(plugins)], check=True, cwd=ROOT)
    assert (plugins / "sozialraum" / "metadata.txt").is_file()
    assert not (plugins / "sozialraum" / "tests").exists()

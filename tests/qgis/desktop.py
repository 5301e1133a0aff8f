"""The real ``qgis`` desktop under Xvfb, started on a fresh profile with the plugin in it.

Shared by the tests that drive QGIS as a user does (``qgis --code SCRIPT``): a profile folder
with the plugin enabled in ``QGIS/QGIS3.ini``, either linked to this checkout or unpacked from
the ZIP that ``make package`` builds (``scripts/package.py``), and an environment without the
offscreen platform and the test profile that pytest-qgis and the Makefile set.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "sozialraum"
SCREEN = "-screen 0 1600x1000x24"  # xvfb-run's default screen is too small for the main window and a dock


def executables():
    """``(qgis, xvfb-run)``; the test fails (not skips) without them: ``make test`` installs both."""
    qgis, xvfb = shutil.which("qgis"), shutil.which("xvfb-run")
    if qgis is None or xvfb is None:
        pytest.fail("QGIS desktop and xvfb-run are needed (make test installs them)")
    return qgis, xvfb


def build_package(folder):
    """The plugin ZIP as ``make package`` builds it (scripts/package.py), in ``folder``."""
    archive = Path(folder) / f"{PLUGIN}.zip"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), "--out", str(archive)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and archive.is_file(), run.stdout + run.stderr
    return archive


def fresh_profile(profiles_path, package=None):
    """A 'default' profile under ``profiles_path`` with the plugin enabled; returns its folder.

    ``package``: the plugin ZIP to unpack into the profile's plugins folder (as the plugin
    manager installs it); without one the checkout is linked there.
    """
    profile = Path(profiles_path) / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    if package is None:
        (plugins / PLUGIN).symlink_to(ROOT, target_is_directory=True)
    else:
        sys.path.insert(0, str(ROOT / "scripts"))
        try:
            import package as packaging
        finally:
            sys.path.pop(0)
        packaging.install(package, plugins)
    (profile / "QGIS").mkdir(exist_ok=True)
    settings = profile / "QGIS" / "QGIS3.ini"
    if not settings.exists():
        settings.write_text(f"[PythonPlugins]\n{PLUGIN}=true\n", encoding="utf-8")
    return profile


def run_qgis(profiles_path, script, home, lang=None, env=None, timeout=300):
    """Run ``qgis --code script`` under Xvfb on the profiles in ``profiles_path``; the finished process."""
    qgis, xvfb = executables()
    environment = dict(os.environ, HOME=str(home), LANG="C.UTF-8", LC_ALL="C.UTF-8", **(env or {}))
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH", "QT_QPA_PLATFORM"):  # pytest-qgis and the Makefile set these
        environment.pop(name, None)
    environment.setdefault("XDG_RUNTIME_DIR", str(home))
    # QGIS counts every layer whose file lies below the temporary folder as a temporary layer and
    # asks at File > Exit whether to lose them; the test's files all lie below /tmp, a planner's
    # do not: QGIS gets a temporary folder of its own (the question held the exit, and QGIS died
    # when the walk-through's fallback ended the process with the project still open)
    temporary = Path(home) / "qgis-temp"
    temporary.mkdir(exist_ok=True)
    environment["TMPDIR"] = str(temporary)
    command = [xvfb, "-a", "-s", SCREEN, qgis, *(["--lang", lang] if lang else []), "--profiles-path", str(profiles_path),
               "--nologo", "--noversioncheck", "--code", str(script)]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=timeout)

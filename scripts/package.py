#!/usr/bin/env python3
"""Build the installable plugin ZIP (single top folder 'sozialraum/') or install it locally.

Usage:
  python3 scripts/package.py --out dist/sozialraum-0.1.0.zip
  python3 scripts/package.py --install dist/sozialraum-0.1.0.zip [--profile-dir DIR]
The ZIP holds the tracked plugin files plus the compiled translations, without tests and
development files.
"""
import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "sozialraum"
# Development-only paths (first path component or whole file name) kept out of the ZIP.
EXCLUDED_TOP = {"tests", "bench", "scripts", "docs", ".ci", ".github", "Makefile", "pytest.ini",
                "requirements-dev.txt", "requirements-current.txt", "requirements-bench.txt",
                ".gitignore", ".gitattributes"}
# Engine modules the plugin never imports: the sample-town generator with its OGR writer (the
# plugin ships the town it made, resources/sample/musterstadt.gpkg) and test fixtures.
EXCLUDED_PATHS = ("engine/sampletown/", "engine/indicators/synthetic.py")


def plugin_files(root=ROOT):
    """Tracked files that belong in the plugin, plus compiled .qm translations."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True, capture_output=True).stdout
    files = []
    for name in listed.decode("utf-8").split("\0"):
        if not name:
            continue
        path = Path(name)
        if path.parts[0] in EXCLUDED_TOP or path.suffix in (".pyc", ".ts") or not (root / path).exists():
            continue
        if path.as_posix().startswith(EXCLUDED_PATHS):
            continue
        files.append(path)
    files.extend(path.relative_to(root) for path in sorted((root / "resources" / "i18n").glob("*.qm")))
    return sorted(set(files))


def build(out):
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    qm = list((ROOT / "resources" / "i18n").glob("*.qm"))
    if not qm:
        sys.exit("No compiled translations (.qm): run 'make translations' first.")
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in plugin_files():
            archive.write(ROOT / path, f"{PLUGIN}/{path.as_posix()}")
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


def default_plugin_dir():
    return Path.home() / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default" / "python" / "plugins"


def install(archive_path, plugin_dir):
    plugin_dir = Path(plugin_dir)
    target = plugin_dir / PLUGIN
    if target.is_symlink():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    plugin_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive_path) as archive:
        archive.extractall(plugin_dir)
    print(f"installed into {target}; enable 'Sozialraum' in QGIS's plugin manager")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="ZIP to build")
    parser.add_argument("--install", help="ZIP to install into the QGIS profile")
    parser.add_argument("--profile-dir", default=None, help="plugins folder (default: the default profile's)")
    args = parser.parse_args(argv)
    if args.out:
        build(args.out)
    if args.install:
        install(args.install, args.profile_dir or default_plugin_dir())


if __name__ == "__main__":
    main()

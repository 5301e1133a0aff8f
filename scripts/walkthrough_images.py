#!/usr/bin/env python3
"""The README walk-through's pictures, from the files `make demo` wrote (`make walkthrough`).

Writes docs/walkthrough/: the proposed spaces map and the social index map (scaled down from
the demo's print-resolution PNGs), the top of the delineation report as a browser would show
it (QtWebKit, which QGIS's Python ships with on Debian), and the first profile sheet of
demo/profiles.pdf (pdftoppm). The pictures are committed; nothing here runs in CI.
Usage: python3 scripts/walkthrough_images.py [--demo demo] [--out docs/walkthrough]
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
WIDTH = 1100  # pixels: sharp in the README on GitHub, small in the repository


def scaled(source, target, width=WIDTH):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(source))
    if image.isNull():
        sys.exit(f"cannot read {source}: run make demo first")
    image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).save(str(target))
    return target


def report_top(report, target, size=(1100, 1500)):
    """The report's first screen as a browser shows it (the page's own CSS, the embedded map)."""
    from qgis.PyQt.QtCore import QEventLoop, QSize, QTimer, QUrl
    from qgis.PyQt.QtGui import QImage, QPainter
    from qgis.PyQt.QtWebKitWidgets import QWebPage

    page = QWebPage()
    page.setViewportSize(QSize(*size))
    loop = QEventLoop()
    page.mainFrame().loadFinished.connect(loop.quit)
    QTimer.singleShot(30000, loop.quit)
    page.mainFrame().load(QUrl.fromLocalFile(str(report)))
    loop.exec()
    image = QImage(QSize(*size), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    page.mainFrame().render(painter)
    painter.end()
    image.save(str(target))
    return target


def profile_page(pdf, target, page=1):
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm missing (poppler-utils; make setup installs it)")
    stem = target.with_suffix("")
    subprocess.run([pdftoppm, "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
                   check=True)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", default=str(ROOT / "demo"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "walkthrough"))
    args = parser.parse_args(argv)
    demo, out = Path(args.demo), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from qgis.PyQt.QtWidgets import QApplication

    app = QApplication([])  # noqa: F841 - QtWebKit and QImage scaling need one
    written = [
        scaled(demo / "spaces_map.png", out / "spaces_map.png"),
        scaled(demo / "social_index_map.png", out / "social_index_map.png"),
        report_top(demo / "spaces_report.html", out / "spaces_report.png"),
        profile_page(demo / "profiles.pdf", out / "profile_page.png"),
    ]
    for path in written:
        print(f"wrote {path}")
    os._exit(0)  # offscreen Qt can crash while tearing down QtWebKit; everything is saved


if __name__ == "__main__":
    main()

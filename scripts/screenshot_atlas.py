#!/usr/bin/env python3
"""Screenshots of the web atlas of `make demo` for docs/: desk (German and English) and a 390 px phone.

Usage: python scripts/screenshot_atlas.py [--atlas demo/atlas] [--out docs/screenshots]
Needs chromium, chromium-driver and python3-selenium (scripts/install_system_packages.sh); offline.
"""
import argparse
import base64
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from headless_chromium import browser, missing, open_atlas

VIEWS = (  # file name, window size, what the page shows (the address's fragment), what to scroll to
    ("atlas.png", (1400, 900), "#lang=de&indicator=si_index&space=4", None),
    ("atlas_en.png", (1400, 900), "#lang=en&indicator=sgb2_rate&space=13", None),
    ("atlas_phone.png", (390, 844), "#lang=de&indicator=sgb2_rate", None),
    ("atlas_phone_profile.png", (390, 844), "#lang=de&indicator=sgb2_rate&space=4", "profile"),
)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", default="demo/atlas")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args(argv)
    if missing():
        sys.exit(f"{missing()} is not installed (scripts/install_system_packages.sh)")
    index = Path(args.atlas) / "index.html"
    if not index.is_file():
        sys.exit(f"no atlas at {index} (make demo)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, (width, height), fragment, scroll_to in VIEWS:
        with browser(width, height) as driver:
            open_atlas(driver, index, fragment)
            if scroll_to:
                driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", scroll_to)
            driver.save_screenshot(str(out / name))
        print(f"wrote {out / name}")
    print_view(index, out / "atlas_print.png")


def print_view(index, png):
    """Page 1 of what 'Print profile' prints (Chromium's own PDF of the print style sheet), as a PNG."""
    with browser(1400, 900) as driver:
        open_atlas(driver, index, "#lang=de&indicator=sgb2_rate&space=4")
        driver.execute_script("document.body.classList.add('print-profile')")
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                                           "printBackground": True})["data"])
    part = png.with_suffix(".pdf")
    part.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(part),
                    str(png.with_suffix(""))], check=True)
    part.unlink()
    print(f"wrote {png}")


if __name__ == "__main__":
    main()

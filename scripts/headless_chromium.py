"""Debian's Chromium driven by Selenium, offline: for the web atlas's tests and screenshots.

Everything comes from the distribution (chromium, chromium-driver, python3-selenium:
scripts/install_system_packages.sh); Selenium's own driver download is never used, because the
driver's path is given. The browser starts without a sandbox (tests run as root in CI chroots),
without GPU, and with every background connection off, in a fresh profile.
"""
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser")
DRIVER_NAMES = ("chromedriver", "chromium-driver")
ARGUMENTS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
             "--hide-scrollbars", "--force-device-scale-factor=1")


def _which(names):
    for name in names:
        path = shutil.which(name) or (f"/usr/lib/chromium/{name}" if Path(f"/usr/lib/chromium/{name}").exists() else None)
        if path:
            return path
    return None


def missing():
    """What is missing to run the browser ('' when nothing is)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium"
    if _which(CHROMIUM_NAMES) is None:
        return "chromium"
    if _which(DRIVER_NAMES) is None:
        return "chromium-driver"
    return ""


@contextmanager
def browser(width=1400, height=1000, downloads=None):
    """A headless Chromium window of ``width`` x ``height`` CSS pixels (``downloads``: folder for downloads)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="sozialraum-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = _which(CHROMIUM_NAMES)
    for argument in ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    if downloads is not None:
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(_which(DRIVER_NAMES)), options=options)
    try:
        if downloads is not None:  # headless Chromium downloads only when told where to
            driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        driver.set_window_size(width, height)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_atlas(driver, index_html, fragment="", timeout=20):
    """Open the atlas from file:// and wait until its script has drawn everything."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(Path(index_html).resolve().as_uri() + fragment)
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.body.getAttribute('data-ready') === 'true'"))

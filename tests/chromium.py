"""A real headless Chromium (Debian's ``chromium`` and ``chromium-driver``) for the report tests.

The browser runs with the network off: every host name resolves to nothing and every request
goes to a proxy that does not exist, so a page that tried to load anything from the network
would show it (and the page itself forbids loading anything in its content security policy).
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_NAMES = ("chromium", "chromium-browser")
DRIVER_NAMES = ("chromedriver",)


def find(names) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def missing_message() -> str | None:
    """Why no browser can be started, or None when Chromium and its driver are installed."""
    if find(CHROMIUM_NAMES) is None or find(DRIVER_NAMES) is None:
        return ("Chromium and chromium-driver are not installed "
                "(apt-get install -y chromium chromium-driver; .ci/run does it)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


def start_driver(width: int = 1400, height: int = 1000):
    """A Selenium driver for headless Chromium with the network off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = find(CHROMIUM_NAMES)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--disable-extensions",
                "--disable-background-networking", "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"):
        options.add_argument(arg)
    # The driver's own control channel is on loopback; nothing else is reachable.
    service = Service(executable_path=find(DRIVER_NAMES), log_output=os.devnull)
    return webdriver.Chrome(service=service, options=options)


def wait_ready(driver, timeout: float = 60.0) -> float:
    """Wait until the report's script has set itself up; returns ``performance.now()`` then
    (milliseconds since navigation started)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return window.newslintReady !== undefined"))
    return float(driver.execute_script("return window.newslintReady"))

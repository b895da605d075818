"""The HTML report opened in a real headless Chromium with the network off."""

from __future__ import annotations

import functools
import struct
from collections import Counter

import pytest

from chromium import wait_ready
from newslint.checker import Checker
from html_reports import INJECTION, INJECTION_MARKDOWN, reports, wikinews_sample
from shared_paths import SEED


@functools.cache
def _rules() -> dict:
    return Checker.load().rules


def _open(browser, path):
    browser.get(path.resolve().as_uri())
    wait_ready(browser)


def _rules_in_dom(browser) -> Counter:
    return Counter(browser.execute_script(
        "return Array.from(document.querySelectorAll('[data-rule]'))"
        ".map(e => e.getAttribute('data-rule'))"))


def _loaded_resources(browser) -> list:
    return browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")


@pytest.fixture
def seed_report(run_cli, tmp_path, no_languagetool):
    """The seed article's JSON findings and its HTML report (LanguageTool's findings are in
    tests/languagetool/test_html_report_languagetool.py)."""
    out = tmp_path / "seed.html"
    doc, _ = reports(run_cli, [SEED], out, "--config", no_languagetool)
    return doc, out


def test_seed_report_has_one_highlight_per_finding(browser, seed_report):
    doc, out = seed_report
    _open(browser, out)
    assert _rules_in_dom(browser) == Counter(f["rule"] for f in doc["findings"])
    assert _loaded_resources(browser) == []  # nothing fetched: the file is self-contained
    assert browser.find_element("id", "summary").text.startswith(
        f"Found {len(doc['findings'])} problems")


def test_clicking_a_highlight_shows_its_message_and_suggestions(browser, seed_report):
    doc, out = seed_report
    _open(browser, out)
    marks = browser.find_elements("css selector", "mark[data-rule]")
    by_position = sorted(doc["findings"], key=lambda f: (f["offset"], -f["length"], f["rule"]))
    for index in (0, len(marks) // 2, len(marks) - 1):
        mark, finding = marks[index], by_position[index]
        assert mark.get_attribute("data-rule") == finding["rule"]
        assert mark.get_attribute("data-severity") == finding["severity"]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
        assert browser.find_element("id", "d-message").text == finding["message"]
        assert browser.find_element("id", "d-rule").text == finding["rule"]
        shown = [li.text for li in browser.find_elements("css selector", "#d-suggestions li")]
        assert shown == finding["suggestions"]
        assert "current" in mark.get_attribute("class").split()
        # The rule's explanation, as `newslint explain` gives it, is one click away.
        first, headings = browser.execute_script(
            "var box = document.getElementById('d-explain');"
            "return [box.querySelector('p').textContent,"
            "        Array.from(box.querySelectorAll('h4')).map(h => h.textContent)]")
        assert first == _rules()[finding["rule"]].summary
        assert "What it flags" in headings


def test_a_related_passage_links_to_its_place(browser, seed_report):
    doc, out = seed_report
    _open(browser, out)
    copy = next(f for f in doc["findings"] if f["rule"] == "duplicate-paragraph")
    first_line = copy["related"][0]["line"]
    mark = next(m for m in browser.find_elements("css selector", "mark[data-rule]")
                if m.get_attribute("data-rule") == "duplicate-paragraph")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    link = browser.find_element("css selector", "#d-related a")
    assert link.text.startswith(f"line {first_line}, column ")
    link.click()
    target = browser.execute_script("return document.querySelector(location.hash)")
    assert target.get_attribute("data-line") == str(first_line)


def test_keyboard_moves_to_the_next_and_previous_finding(browser, seed_report):
    from selenium.webdriver.common.keys import Keys

    _, out = seed_report
    _open(browser, out)
    ids = [m.get_attribute("id") for m in
           browser.find_elements("css selector", "mark[data-rule]")]
    body = browser.find_element("tag name", "body")
    body.send_keys("n")
    assert browser.switch_to.active_element.get_attribute("id") == ids[0]
    browser.switch_to.active_element.send_keys("n")
    assert browser.switch_to.active_element.get_attribute("id") == ids[1]
    browser.switch_to.active_element.send_keys("p")
    assert browser.switch_to.active_element.get_attribute("id") == ids[0]
    browser.switch_to.active_element.send_keys("k")  # wraps round to the last
    assert browser.switch_to.active_element.get_attribute("id") == ids[-1]
    # Tab reaches the highlights too, and focusing one shows it.
    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("id") == ids[-2]
    assert browser.find_element("id", "d-rule").text == focused.get_attribute("data-rule")


def test_filters_hide_a_category_and_next_skips_it(browser, seed_report):
    doc, out = seed_report
    _open(browser, out)
    counts = Counter(f["category"] for f in doc["findings"])
    category = counts.most_common(1)[0][0]
    shown = browser.find_element("css selector",
                                 f"[data-count-category='{category}']").text
    assert int(shown) == counts[category]
    browser.find_element("css selector",
                         f"input[data-filter='category'][value='{category}']").click()
    assert browser.find_element("id", "showing").text == \
        f"Showing {len(doc['findings']) - counts[category]} of {len(doc['findings'])} findings"
    browser.find_element("tag name", "body").send_keys("n")
    for _ in range(len(doc["findings"])):
        active = browser.switch_to.active_element
        assert active.get_attribute("data-category") != category
        active.send_keys("n")


def test_print_hides_the_controls(browser, seed_report):
    _, out = seed_report
    _open(browser, out)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        sidebar = browser.execute_script(
            "return getComputedStyle(document.querySelector('.sidebar')).display")
        marks = browser.execute_script(
            "return getComputedStyle(document.querySelector('mark[data-rule]')).display")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert sidebar == "none"
    assert marks != "none"


def test_screenshot_of_the_seed_report(browser, seed_report, tmp_path):
    _, out = seed_report
    _open(browser, out)
    png = tmp_path / "seed.png"
    assert browser.save_screenshot(str(png))
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert width >= 1000 and height >= 700
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes


def test_thirty_wikinews_articles(browser, run_cli, tmp_path, no_languagetool):
    paths = wikinews_sample(30)
    doc, _ = reports(run_cli, paths, tmp_path / "wikinews.html", "--config", no_languagetool)
    _open(browser, tmp_path / "wikinews.html")
    assert _rules_in_dom(browser) == Counter(f["rule"] for f in doc["findings"])
    assert _loaded_resources(browser) == []
    rows = browser.find_elements("css selector", ".index-table tbody tr")
    assert len(rows) == 30
    assert len(browser.find_elements("css selector", "article.article")) == 30
    # Each row links to its article's section, and the chart has a bar per category.
    target = rows[7].find_element("tag name", "a").get_attribute("href").rsplit("#", 1)[1]
    assert browser.find_element("id", target).tag_name == "article"
    assert len(browser.find_elements("css selector", ".chart svg rect")) == 7
    # A click on a highlight in a later article shows its message.
    mark = browser.find_elements("css selector", "mark[data-rule]")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    assert browser.find_element("id", "d-message").text in {f["message"]
                                                             for f in doc["findings"]}
    assert browser.find_element("id", "d-rule").text == mark.get_attribute("data-rule")


@pytest.mark.parametrize("name, text", [("copy.txt", INJECTION), ("copy.md", INJECTION_MARKDOWN)])
def test_article_markup_shows_as_text_and_never_runs(browser, run_cli, tmp_path,
                                                     no_languagetool, name, text):
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    doc, _ = reports(run_cli, [article], tmp_path / "r.html", "--config", no_languagetool)
    _open(browser, tmp_path / "r.html")
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements("css selector", "main img, main script") == []
    assert _rules_in_dom(browser) == Counter(f["rule"] for f in doc["findings"])
    shown = browser.find_element("css selector", "article .text").text
    if name == "copy.txt":
        assert "<script>window.pwned = 1</script>" in shown
        assert '<img src=x onerror="window.pwned = 2">' in shown
    else:
        assert "<script>alert(1)</script>" in shown
        title = browser.find_element("css selector", "article h2").text
        assert title == "<script>window.pwned = 3</script> Council votes"
    for mark in browser.find_elements("css selector", "mark[data-rule]"):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
    assert browser.execute_script("return window.pwned === undefined")


def test_on_a_narrow_screen_the_details_open_and_close(browser, seed_report):
    _, out = seed_report
    size = browser.get_window_size()
    browser.set_window_size(700, 1000)
    try:
        _open(browser, out)
        details = browser.find_element("id", "details")
        assert not details.is_displayed()  # nothing chosen yet: the text has the screen
        mark = browser.find_elements("css selector", "mark[data-rule]")[5]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
        assert details.is_displayed()
        browser.find_element("id", "d-close").click()
        assert not details.is_displayed()
        assert browser.switch_to.active_element.get_attribute("id") == mark.get_attribute("id")
    finally:
        browser.set_window_size(size["width"], size["height"])

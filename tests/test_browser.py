"""The HTML report in a real browser: headless Chromium, driven through the DevTools protocol.

Skipped where Chromium is missing (``apt-get install chromium``; CI installs it). Set
CLAIMCHECK_SCREENSHOTS to a folder to keep the screenshots (the README's comes from here).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT

from checker.cli import main

CHROMIUM = next((p for name in ("chromium", "chromium-browser") if (p := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)
websocket = pytest.importorskip("websocket", reason="websocket-client is not installed")

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
)
START_SECONDS = 30.0


class Browser:
    """One headless Chromium page, spoken to over the DevTools protocol's websocket."""

    def __init__(self, profile: Path) -> None:
        assert CHROMIUM is not None
        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helper processes are ended with it
        )
        port = self._port(profile / "DevToolsActivePort")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            pages = [t for t in json.load(r) if t["type"] == "page"]
        self.ws = websocket.create_connection(
            pages[0]["webSocketDebuggerUrl"], timeout=20, suppress_origin=True
        )
        self.ids = itertools.count(1)

    def _port(self, marker: Path) -> int:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"chromium exited with {self.process.returncode}")
            if marker.exists() and (first := marker.read_text().split("\n")[0]).isdigit():
                return int(first)
            time.sleep(0.05)
        pytest.fail("chromium opened no DevTools port in time")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        n = next(self.ids)
        self.ws.send(json.dumps({"id": n, "method": method, "params": params}))
        while True:  # events arrive in between; the answer carries our id
            message = json.loads(self.ws.recv())
            if message.get("id") == n:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, page: Path | str, width: int = 1280, height: int = 1000) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.send("Page.navigate", url="about:blank")  # a new hash alone would not reload
        url = page.resolve().as_uri() if isinstance(page, Path) else page
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + 20
        while self.js("location.href") != url or self.js("document.readyState") != "complete":
            assert time.monotonic() < deadline, "the report did not load"
            time.sleep(0.05)

    def screenshot(self, target: Path) -> bytes:
        height = self.js("document.documentElement.scrollHeight")
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": 1280, "height": min(height, 2400), "scale": 1},
        )
        data = base64.b64decode(shot["data"])
        target.write_bytes(data)
        keep = os.environ.get("CLAIMCHECK_SCREENSHOTS")
        if keep:
            shutil.copy(target, Path(keep) / target.name)
        return data

    def close(self) -> None:
        self.ws.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # renderers still writing the profile


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # A helper process may still be writing as the profile goes: that is no test failure.
    with tempfile.TemporaryDirectory(
        prefix="claimcheck-chromium-", ignore_cleanup_errors=True
    ) as profile:
        b = Browser(Path(profile))
        try:
            yield b
        finally:
            b.close()


def _report(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "report.html"
    assert main([*args, "--format", "html", "--output", str(out)]) in (0, 1)
    return out


VISIBLE = "(el => el.offsetParent !== null)"


def _conflicts() -> int:
    """How many conflicts the check finds in the set (at least one: 129 and 130 missing)."""
    from checker.check import check
    from checker.documents import read_documents

    n = check(read_documents([FIXTURES / "sets" / "conflicts"])).summary()["conflict"]
    assert n >= 1
    return n


def _conflicting_figures() -> list[str]:
    """The figures of the conflicts, as the JSON report gives them."""
    from checker.check import check
    from checker.documents import read_documents

    report = check(read_documents([FIXTURES / "sets" / "conflicts"]))
    return [c.text for k in report.clusters if k.status == "conflict" for c in k.claims]


def test_check_report_shows_conflicts_side_by_side(browser: Browser, tmp_path: Path) -> None:
    browser.open(_report(tmp_path, "check", str(FIXTURES / "sets" / "conflicts")))
    cards = browser.js(
        "[...document.querySelectorAll('.card.conflict')].filter("
        + VISIBLE
        + ").map(c => ({sources: c.querySelectorAll('.source').length,"
        " marks: [...c.querySelectorAll('mark.figure')].map(m => m.textContent),"
        " where: [...c.querySelectorAll('.where')].map(w => w.textContent)}))"
    )
    assert len(cards) == _conflicts()  # as the terminal report says
    for card in cards:
        assert card["sources"] >= 2
        assert len(card["marks"]) == len(card["where"]) >= 2
        assert all(w.split(":")[-2].isdigit() for w in card["where"])  # file:line:column
    assert sorted(m for c in cards for m in c["marks"]) == sorted(_conflicting_figures())
    # Conflicts come first, then agreements.
    order = browser.js("[...document.querySelectorAll('section h2')].map(h => h.textContent)")
    assert order[:2] == ["Conflicts", "Agreements"]


def test_the_filter_hides_and_shows_by_status(browser: Browser, tmp_path: Path) -> None:
    # The set's figures are all told twice; an article of another story adds one-source rows.
    other = str(FIXTURES / "articles" / "paris-toll.txt")
    browser.open(_report(tmp_path, "check", str(FIXTURES / "sets" / "conflicts"), other))
    count = "(s => [...document.querySelectorAll(`.card[data-status=${s}]`)].filter(" + VISIBLE
    count += ").length)"
    before = browser.js(f"[{count}('conflict'), {count}('agree'), {count}('single')]")
    assert before[0] == _conflicts() and before[1] > 0 and before[2] == 0  # singles hidden
    browser.js("document.querySelector('input[value=conflict]').click()")
    browser.js("document.querySelector('input[value=single]').click()")
    after = browser.js(f"[{count}('conflict'), {count}('agree'), {count}('single')]")
    assert after[0] == 0 and after[1] == before[1] and after[2] > 0
    # A section with nothing left to show is hidden with its heading.
    assert browser.js(VISIBLE + "(document.querySelector('[data-group=conflict] h2'))") is False
    # The address can carry the filter.
    browser.open((tmp_path / "report.html").as_uri() + "#show=single")
    shown = browser.js(f"[{count}('conflict'), {count}('agree'), {count}('single')]")
    assert shown[0] == shown[1] == 0 and shown[2] > 0


def test_phone_width_stacks_the_sources(browser: Browser, tmp_path: Path) -> None:
    browser.open(_report(tmp_path, "check", str(FIXTURES / "sets" / "conflicts")), width=375)
    assert browser.js("document.documentElement.scrollWidth") <= 375
    lefts = browser.js(
        "[...document.querySelector('.card.conflict').querySelectorAll('.source')]"
        ".map(s => s.getBoundingClientRect().left)"
    )
    assert len(set(lefts)) == 1  # one column: each source under the other


def test_print_drops_the_filter(browser: Browser, tmp_path: Path) -> None:
    browser.open(_report(tmp_path, "check", str(FIXTURES / "sets" / "conflicts")))
    assert browser.js(VISIBLE + "(document.querySelector('nav.filter'))") is True
    browser.send("Emulation.setEmulatedMedia", media="print")
    try:
        assert browser.js(VISIBLE + "(document.querySelector('nav.filter'))") is False
        shown = browser.js("document.querySelectorAll('.card.conflict').length")
        assert shown == _conflicts()
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")


def test_gate_report_marks_each_figure_in_the_draft(browser: Browser, tmp_path: Path) -> None:
    draft = FIXTURES / "drafts" / "wrong-toll.md"
    browser.open(_report(tmp_path, "gate", str(draft), "--source", str(FIXTURES / "articles")))
    marks = browser.js(
        "[...document.querySelectorAll('p.draft mark.figure')]"
        ".map(m => [m.textContent, m.dataset.verdict])"
    )
    assert ["119", "contradicted"] in marks
    cards = browser.js("document.querySelectorAll('.evidence .card').length")
    assert cards == len(marks) > 5
    # The evidence stands beside the paragraph on a wide screen.
    side = browser.js(
        "(() => { const row = document.querySelector('mark.contradicted').closest('.row');"
        " const p = row.querySelector('p').getBoundingClientRect();"
        " const a = row.querySelector('aside').getBoundingClientRect();"
        " return a.left >= p.right; })()"
    )
    assert side is True
    browser.js("document.querySelector('input[value=supported]').click()")
    visible = browser.js(
        "[...document.querySelectorAll('.evidence .card')].filter("
        + VISIBLE
        + ").map(c => c.dataset.status)"
    )
    assert visible == ["contradicted"]
    # The draft itself stays whole: its marks are not filtered away.
    assert browser.js("document.querySelectorAll('p.draft mark.figure').length") == len(marks)


def test_screenshot_of_the_seeds_report(
    browser: Browser, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Named from the checkout, as a user would type it: the picture shows no machine's path.
    monkeypatch.chdir(ROOT)
    browser.open(_report(tmp_path, "check", os.path.relpath(seeds_dir, ROOT)))
    assert browser.js("document.querySelectorAll('.card.agree mark.figure').length") >= 6
    data = browser.screenshot(tmp_path / "report-seeds.png")
    assert data.startswith(b"\x89PNG") and len(data) > 20_000

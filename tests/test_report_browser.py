"""The HTML report in a real browser: it loads without console errors and its filters work.

Drives the Debian `chromium` package headless over the Chrome DevTools Protocol through
`--remote-debugging-pipe` (NUL-separated JSON on file descriptors 3 and 4), so the test needs
no driver binary, no network port and no Python package beyond the standard library. Skipped,
with the reason, when no Chromium is installed (`apt-get install chromium`).
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.reports import render_html
from tests.test_reports import sample_report

TIMEOUT = 30.0  # seconds for any one step; a healthy run takes well under one
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage",
    "--no-default-browser-check", "--mute-audio", "--remote-debugging-pipe",
)  # fmt: skip


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _pipe() -> tuple[int, int]:
    """A pipe whose ends are numbered 5 or above, so that putting them on 3 and 4 in the child
    cannot overwrite one with the other."""
    ends = []
    for end in os.pipe():
        ends.append(fcntl.fcntl(end, fcntl.F_DUPFD_CLOEXEC, 5))
        os.close(end)
    return ends[0], ends[1]


class Browser:
    """A headless Chromium with one page, spoken to over the DevTools pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser_r, self._to_browser = _pipe()
        self._from_browser, from_browser_w = _pipe()
        self.log = profile.with_suffix(".log")
        with self.log.open("wb") as stderr:
            # The browser reads commands on fd 3 and writes replies on fd 4; bash puts the pipe ends
            # there (dash cannot redirect from fds above 9, and Popen has no fd mapping of its own).
            self._process = subprocess.Popen(
                ["bash", "-c", f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}', executable,
                 *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                pass_fds=(to_browser_r, from_browser_w), stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr,
            )  # fmt: skip
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        try:
            target = self.send("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            for domain in ("Runtime", "Log", "Page"):
                self.send(f"{domain}.enable", session=self.session)
        except BaseException:
            self.close()
            raise

    def send(self, method: str, *, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its reply; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        reply = self._wait(lambda m: m.get("id") == self._next_id, method)
        if "error" in reply:
            raise AssertionError(f"{method} failed: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def wait_for_event(self, method: str) -> dict[str, Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        return self._wait(lambda m: m.get("method") == method, method)

    def evaluate(self, expression: str) -> Any:
        reply = self.send("Runtime.evaluate", session=self.session, expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise AssertionError(f"script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def open(self, path: Path) -> None:
        self.events.clear()
        self.send("Page.navigate", session=self.session, url=path.as_uri())
        self.wait_for_event("Page.loadEventFired")

    def errors(self) -> list[str]:
        """Uncaught exceptions, console.error calls and browser log errors (CSP violations among them)."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"]))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert"}:
                found.append(json.dumps(params.get("args")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def _wait(self, matches: Any, what: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message: dict[str, Any] = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if matches(message):
                    return message
            left = deadline - time.monotonic()
            if left <= 0 or self._process.poll() is not None:
                log = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise AssertionError(f"no answer from Chromium for {what} (exit {self._process.poll()}): {log}")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:  # the browser closed its end
                    raise AssertionError(f"Chromium closed the pipe while waiting for {what}")
                self._buffer += chunk

    def close(self) -> None:
        try:
            if self._process.poll() is None:
                os.write(self._to_browser, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
                self._process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait(timeout=10)
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium on PATH: install the Debian package `chromium` to run the browser tests")
    instance = Browser(executable, tmp_path_factory.mktemp("chromium") / "profile")
    try:
        yield instance
    finally:
        instance.close()


@pytest.fixture
def page(browser: Browser, tmp_path: Path) -> Browser:
    report = tmp_path / "audit.html"
    report.write_text(render_html(sample_report()), encoding="utf-8")
    browser.open(report)
    return browser


VISIBLE_CARDS = """Array.from(document.querySelectorAll("article.finding"))
    .filter(card => getComputedStyle(card).display !== "none")
    .map(card => card.dataset.severity + " " + card.dataset.kind + " " + card.dataset.status)"""


def choose(page: Browser, filter_name: str, value: str) -> None:
    """Pick an option as a person would: the select's value changes and a change event fires."""
    page.evaluate(
        f"""(() => {{
            const select = document.querySelector("#finding-filters select[data-filter={filter_name}]");
            select.value = {json.dumps(value)};
            select.dispatchEvent(new Event("change", {{bubbles: true}}));
        }})()"""
    )


def test_page_loads_without_errors(page: Browser) -> None:
    assert page.errors() == []
    assert page.evaluate("document.title") == "factcheck audit report"
    # The filter forms are hidden until the script runs, so visible forms mean it ran.
    assert page.evaluate("document.getElementById('finding-filters').hidden") is False
    assert page.evaluate("document.getElementById('filters').hidden") is False
    assert page.evaluate(VISIBLE_CARDS) == ["high value open", "medium attribution open", "low date accepted"]


def test_severity_filter_hides_other_findings(page: Browser) -> None:
    choose(page, "severity", "medium")
    assert page.evaluate(VISIBLE_CARDS) == ["medium attribution open"]
    assert page.evaluate("document.getElementById('finding-count').textContent") == (
        "1 of 3 findings shown: 1 open, 0 accepted"
    )
    choose(page, "severity", "")
    assert len(page.evaluate(VISIBLE_CARDS)) == 3
    assert page.evaluate("document.getElementById('finding-count').textContent") == "3 findings: 2 open, 1 accepted"
    assert page.errors() == []


def test_kind_status_and_document_filters_combine(page: Browser) -> None:
    choose(page, "status", "accepted")
    assert page.evaluate(VISIBLE_CARDS) == ["low date accepted"]
    choose(page, "kind", "value")
    assert page.evaluate(VISIBLE_CARDS) == []
    assert page.evaluate("document.getElementById('no-finding-match').hidden") is False
    page.evaluate("document.getElementById('finding-filters').reset()")
    page.evaluate("new Promise(done => setTimeout(done, 0))")  # the reset handler re-applies on the next tick
    # A click on a document's bar in the findings chart filters by that document.
    page.evaluate("""document.querySelector(".finding-bar[data-document='evil.md']").dispatchEvent(
        new MouseEvent("click", {bubbles: true}))""")
    assert page.evaluate(VISIBLE_CARDS) == ["high value open", "medium attribution open", "low date accepted"]
    choose(page, "document", "report.md")
    choose(page, "severity", "high")
    assert page.evaluate(VISIBLE_CARDS) == ["high value open"]
    assert page.errors() == []


def test_a_claim_link_reveals_a_filtered_row(page: Browser) -> None:
    page.evaluate("""(() => {
        const select = document.querySelector("#filters select[data-filter=document]");
        select.value = "evil.md";
        select.dispatchEvent(new Event("change", {bubbles: true}));
    })()""")
    assert page.evaluate("document.getElementById('claim-c0').hidden") is True
    page.evaluate("document.querySelector(\"a[href='#claim-c0']\").click()")
    page.evaluate("new Promise(done => setTimeout(done, 50))")
    assert page.evaluate("document.getElementById('claim-c0').hidden") is False
    assert page.evaluate("location.hash") == "#claim-c0"


def test_the_verdict_filter_filters(browser: Browser, tmp_path: Path) -> None:
    import dataclasses

    from tests.test_reports import _verifications

    report = tmp_path / "audit.html"
    report.write_text(
        render_html(dataclasses.replace(sample_report(), verifications=_verifications())), encoding="utf-8"
    )
    browser.open(report)
    visible = """Array.from(document.querySelectorAll("#verdict-table tbody tr"))
        .filter(row => !row.hidden).map(row => row.dataset.verdict)"""
    assert browser.evaluate(visible) == ["contradicted", "supported", "no_source"]
    browser.evaluate(
        """(() => {
            const select = document.querySelector("#verdict-filters select[data-filter=verdict]");
            select.value = "supported";
            select.dispatchEvent(new Event("change", {bubbles: true}));
        })()"""
    )
    assert browser.evaluate(visible) == ["supported"]
    assert browser.evaluate("document.getElementById('verdict-count').textContent") == "1 of 3 verdicts shown"


def test_the_page_never_scrolls_sideways(browser: Browser, tmp_path: Path) -> None:
    """Long values and sources wrap or scroll in their own box; the page keeps the window's width."""
    import dataclasses

    from factcheck.models import FindingKind, Severity
    from factcheck.reports import SourceSummary
    from tests.test_reports import claim, finding, quantity

    long_value = "/".join(["Llama community license", "Apache-2.0", "MIT", "proprietary"] * 6)
    categories = tuple(
        claim(20 + i, subject="Yi", metric="license", text=f"Yi is released under {long_value}",
              quantity=quantity(value=long_value if i else "MIT", unit="category", text=long_value, kind="category"))
        for i in range(2)
    )  # fmt: skip
    wide = dataclasses.replace(
        sample_report(),
        findings=[
            *sample_report().findings,
            finding(FindingKind.CATEGORICAL, Severity.HIGH, subject="Yi", metric="license", claims=categories),
        ],
        sources=[
            SourceSummary(
                url="https://example.com/" + "a-very-long-path-segment/" * 12,
                status="unreachable",
                reason="no recorded response for " + "https://example.com/?q=" + "x" * 300,
                cited_by=tuple((f"{'long-document-name-' * 3}{i}.md", 1000 + i) for i in range(6)),
            )
        ],
    )
    report = tmp_path / "audit.html"
    report.write_text(render_html(wide), encoding="utf-8")
    try:
        for width in (1400, 800):
            browser.send(
                "Emulation.setDeviceMetricsOverride", session=browser.session, width=width, height=900,
                deviceScaleFactor=1, mobile=False,
            )  # fmt: skip
            browser.open(report)
            scroll, client = browser.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll <= client, f"the page is {scroll} px wide in a {client} px window"
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride", session=browser.session)

"""Fetching against a real HTTP server on 127.0.0.1, started by the tests: every fault gives its
status, nothing else aborts, and politeness (robots.txt, Retry-After, back-off) is observable."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.models import SourceStatus
from factcheck.sources import FetchPolicy, fetch_sources, parse_robots, readable_url, refusal

PAGE = b"# Model card\n\n| Benchmark | Score |\n|---|---|\n| MMLU | 88.5 |\n"
PDF = b"%PDF-1.4\n% not a real document, only its magic number\n"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hits: dict[str, int]
    requests: list[tuple[str, dict[str, str]]]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass

    def _send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        headers = {"Content-Type": "text/markdown; charset=utf-8", **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # the client may stop reading (a size limit, a timeout): what those tests are about
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = self.path
        self.server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
        hits = self.server.hits[path] = self.server.hits.get(path, 0) + 1
        if path == "/robots.txt":
            self._send(
                200, b"User-agent: *\nDisallow: /private/\nAllow: /private/open\n", {"Content-Type": "text/plain"}
            )
        elif path in ("/ok.md", "/private/open"):
            self._send(200, PAGE)
        elif path == "/paper":
            self._send(200, PDF, {"Content-Type": "application/octet-stream"})
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/forbidden":
            self._send(403, b"no")
        elif path == "/flaky":
            self._send(500, b"oops") if hits == 1 else self._send(200, PAGE)
        elif path == "/limited":
            self._send(429, b"slow down", {"Retry-After": "2"}) if hits == 1 else self._send(200, PAGE)
        elif path == "/limited-long":
            self._send(429, b"slow down", {"Retry-After": "86400"})
        elif path in ("/loop-a", "/loop-b"):
            self._send(302, b"", {"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        elif path == "/moved":
            self._send(301, b"", {"Location": "/ok.md"})
        elif path == "/big":
            self._send(200, b"x" * 5000)
        elif path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"y" * 5000)
            self.close_connection = True
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"})
        elif path == "/slow":
            time.sleep(1.0)
            self._send(200, PAGE)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                try:
                    self.wfile.write(b"z")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.05)
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304, b"", {"ETag": '"v1"'})
            else:
                self._send(200, PAGE, {"ETag": '"v1"'})
        else:
            self._send(404, b"no route")


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.hits, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def waits() -> list[float]:
    return []


@pytest.fixture()
def policy(waits: list[float]) -> FetchPolicy:
    """Loopback allowed (tests opt in), no real waiting: the sleeps are recorded instead."""
    return FetchPolicy(
        allow_private=True,
        timeout=0.5,
        deadline=1.0,
        max_bytes=1000,
        retries=2,
        backoff=0.25,
        interval=0.0,
        sleep=waits.append,
    )


FAULTS = [
    ("/ok.md", SourceStatus.ARCHIVED, ""),
    ("/paper", SourceStatus.ARCHIVED, ""),
    ("/moved", SourceStatus.ARCHIVED, ""),
    ("/missing", SourceStatus.NOT_FOUND, "404"),
    ("/forbidden", SourceStatus.FORBIDDEN, "unreachable for now"),
    ("/flaky", SourceStatus.ARCHIVED, ""),
    ("/limited", SourceStatus.ARCHIVED, ""),
    ("/limited-long", SourceStatus.RATE_LIMITED, "429"),
    ("/loop-a", SourceStatus.UNREACHABLE, "redirect loop"),
    ("/big", SourceStatus.TOO_LARGE, "5,000 bytes declared"),
    ("/big-undeclared", SourceStatus.TOO_LARGE, "over the limit"),
    ("/image", SourceStatus.UNSUPPORTED, "image/png"),
    ("/slow", SourceStatus.UNREACHABLE, "timed out"),
    ("/drip", SourceStatus.UNREACHABLE, "deadline"),
    ("/private/page", SourceStatus.FORBIDDEN, "robots.txt"),
    ("/private/open", SourceStatus.ARCHIVED, ""),
]


@pytest.mark.parametrize(("path", "status", "reason"), FAULTS)
def test_each_fault_gives_its_status(server: str, policy: FetchPolicy, path: str, status: SourceStatus, reason: str):
    (snapshot,) = fetch_sources([server + path], policy)
    assert snapshot.status is status, snapshot.reason
    assert reason in snapshot.reason
    if status is SourceStatus.ARCHIVED:
        assert snapshot.body and len(snapshot.sha256) == 64 and snapshot.fetched_at


def test_all_faults_in_one_run_do_not_stop_each_other(server: str, policy: FetchPolicy) -> None:
    urls = [server + path for path, _status, _reason in FAULTS]
    snapshots = fetch_sources(urls, replace(policy, concurrency=4, per_host=2))
    assert [s.status for s in snapshots] == [status for _path, status, _reason in FAULTS]
    assert [s.url for s in snapshots] == urls


def test_retry_after_is_honoured_and_back_off_doubles(server: str, policy: FetchPolicy, waits: list[float]) -> None:
    fetch_sources([server + "/limited"], policy)
    assert waits == [2.0]
    waits.clear()
    fetch_sources([server + "/flaky"], policy)
    assert waits == [0.25]


def test_a_retry_after_longer_than_allowed_is_not_waited_for(server: str, policy: FetchPolicy, waits: list[float]):
    (snapshot,) = fetch_sources([server + "/limited-long"], policy)
    assert snapshot.status is SourceStatus.RATE_LIMITED and waits == []


def test_requests_name_the_tool_and_ask_conditionally(server: str, policy: FetchPolicy) -> None:
    (first,) = fetch_sources([server + "/etag"], policy)
    assert first.status is SourceStatus.ARCHIVED and first.header("etag") == '"v1"'
    (second,) = fetch_sources([server + "/etag"], policy, previous={server + "/etag": first})
    assert second.status is SourceStatus.UNCHANGED and second.sha256 == first.sha256
    (again,) = fetch_sources([server + "/ok.md"], policy)
    (same,) = fetch_sources([server + "/ok.md"], policy, previous={server + "/ok.md": again})
    assert same.status is SourceStatus.UNCHANGED and "same bytes" in same.reason


def test_the_user_agent_names_the_tool(server: str, policy: FetchPolicy) -> None:
    import httpx

    seen: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, text="# ok", headers={"Content-Type": "text/markdown"})

    fetch_sources(
        ["https://example.org/a.md"], replace(policy, respect_robots=False), transport=httpx.MockTransport(record)
    )
    assert seen and seen[0].startswith("factcheck/") and "+https://" in seen[0]


def test_the_per_host_interval_spaces_requests(server: str, policy: FetchPolicy, waits: list[float]) -> None:
    fetch_sources([server + "/ok.md", server + "/missing"], replace(policy, interval=0.5, concurrency=2))
    # robots.txt, then the two pages, each start reserved 0.5 s after the one before it (the
    # injected sleep does not let time pass, so the second page waits for both slots before it)
    assert sorted(waits) == pytest.approx([0.5, 1.0], abs=0.05)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.org/file", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("http://127.0.0.1:8080/", "private"),
        ("http://10.1.2.3/", "private"),
        ("http://[::1]/", "private"),
        ("http://localhost/admin", "local name"),
        ("http://169.254.169.254/latest/meta-data", "private"),
    ],
)
def test_private_networks_and_other_schemes_are_refused_by_default(url: str, why: str) -> None:
    assert why in refusal(url, allow_private=False)
    (snapshot,) = fetch_sources([url], FetchPolicy(sleep=lambda _s: None))
    expected = SourceStatus.UNSUPPORTED if why == "scheme" else SourceStatus.FORBIDDEN
    assert snapshot.status is expected


@pytest.mark.parametrize(
    ("cited", "readable"),
    [
        (
            "https://github.com/deepseek-ai/DeepSeek-V3",
            "https://raw.githubusercontent.com/deepseek-ai/DeepSeek-V3/HEAD/README.md",
        ),
        ("https://github.com/01-ai/Yi/", "https://raw.githubusercontent.com/01-ai/Yi/HEAD/README.md"),
        (
            "https://github.com/baichuan-inc/Baichuan2/blob/main/README_EN.md",
            "https://raw.githubusercontent.com/baichuan-inc/Baichuan2/main/README_EN.md",
        ),
        ("https://arxiv.org/abs/2412.19437", "https://arxiv.org/pdf/2412.19437"),
        ("https://arxiv.org/abs/2501.12948v2", "https://arxiv.org/pdf/2501.12948v2"),
        (
            "https://huggingface.co/Qwen/Qwen3-235B-A22B",
            "https://huggingface.co/Qwen/Qwen3-235B-A22B/raw/main/README.md",
        ),
        # left alone: an organisation, a listing, a space, an ordinary page
        ("https://github.com/MiniMax-AI/", "https://github.com/MiniMax-AI/"),
        ("https://huggingface.co/models", "https://huggingface.co/models"),
        (
            "https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard",
            "https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard",
        ),
        ("https://mistral.ai/", "https://mistral.ai/"),
    ],
)
def test_cited_pages_resolve_to_their_readable_form(cited: str, readable: str) -> None:
    assert readable_url(cited) == readable


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        ("User-agent: *\nDisallow: /private/", "/private/x", False),
        ("User-agent: *\nDisallow: /private/", "/public", True),
        ("User-agent: *\nDisallow: /docs\nAllow: /docs/public", "/docs/public/a", True),  # longest match wins
        ("User-agent: *\nAllow: /p\nDisallow: /p", "/p", True),  # allow wins a tie
        ("User-agent: *\nDisallow: /*.pdf$", "/paper.pdf", False),
        ("User-agent: *\nDisallow: /*.pdf$", "/paper.pdf?x=1", True),
        ("User-agent: factcheck\nDisallow: /\n\nUser-agent: *\nAllow: /", "/a", False),  # our own group first
        ("User-agent: otherbot\nDisallow: /", "/a", True),
        ("User-agent: *\nDisallow:", "/a", True),  # an empty Disallow allows everything
        ("User-agent: a\nUser-agent: *\nDisallow: /x", "/x", False),  # a group with several agents
    ],
)
def test_robots_txt_as_rfc_9309_reads_it(robots: str, path: str, allowed: bool) -> None:
    assert parse_robots(robots, "factcheck").allows("https://example.org" + path) is allowed


def test_a_host_that_does_not_answer_is_unreachable_not_forbidden(policy: FetchPolicy) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (snapshot,) = fetch_sources([f"http://127.0.0.1:{port}/paper"], replace(policy, retries=0))
    assert snapshot.status is SourceStatus.UNREACHABLE and "robots.txt could not be fetched" in snapshot.reason

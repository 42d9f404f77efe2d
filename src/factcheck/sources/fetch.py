"""Fetching sources like a well-behaved client: httpx with bounded concurrency, a per-host limit
and interval, timeouts and a deadline, retries with back-off that honour Retry-After, a cap on
redirects and on body size, robots.txt, conditional requests, and one clear status per source.

Nothing here raises for a bad source: every failure becomes a `Snapshot` with a status and a
reason, so that one bad address never stops the others.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

from factcheck.models import Snapshot, SourceStatus
from factcheck.sources.resolve import host_of, readable_url, refusal
from factcheck.sources.robots import ALLOW_ALL, DISALLOW_ALL, MAX_ROBOTS_BYTES, RobotsRules, parse_robots

__all__ = ["FetchPolicy", "fetch_sources", "USER_AGENT", "PRODUCT_TOKEN"]

PRODUCT_TOKEN = "factcheck"
try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0"
USER_AGENT = f"{PRODUCT_TOKEN}/{__version__} (+https://github.com/factcheck/factcheck; claim verification)"

# Media types factcheck reads; application/octet-stream is read when the bytes say what they are.
_READABLE_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
    "application/pdf",
    "application/x-pdf",
}
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how far to fetch. Times are seconds, sizes bytes. Tests set the delays to
    zero and inject `sleep`; nothing else in the fetcher waits."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0  # to connect, and between two reads
    deadline: float = 120.0  # for one whole response: a server that drips bytes is cut off
    max_bytes: int = 50 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3  # after the first attempt, on 429, 5xx and connection errors
    backoff: float = 1.0  # first wait; doubled on every retry
    max_retry_after: float = 300.0  # a longer Retry-After ends as rate-limited instead of waiting
    concurrency: int = 4
    per_host: int = 1  # requests in flight to one host
    interval: float = 1.0  # between the starts of two requests to one host
    allow_private: bool = False  # loopback and private networks: tests opt in
    respect_robots: bool = True
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)


class _HostGate:
    """At most `per_host` requests in flight per host, started at least `interval` apart."""

    def __init__(self, policy: FetchPolicy) -> None:
        self._policy = policy
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(max(1, self._policy.per_host)))
        with semaphore:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self._policy.interval
            if start > now:
                self._policy.sleep(start - now)
            yield


@dataclass
class _Response:
    status: int
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""
    failure: Snapshot | None = None  # set when the body could not be taken whole


class _Fetcher:
    def __init__(self, client: httpx.Client, policy: FetchPolicy, replay: bool) -> None:
        self.client = client
        self.policy = policy
        self.replay = replay
        self.gate = _HostGate(policy)
        self._robots: dict[str, tuple[RobotsRules, str]] = {}
        self._robots_lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}

    # --- one source -------------------------------------------------------------------------------

    def fetch(self, url: str, previous: Snapshot | None) -> Snapshot:
        fetch_url = readable_url(url)
        base = Snapshot(url=url, status=SourceStatus.UNREACHABLE, fetch_url=fetch_url)
        refused = refusal(fetch_url, allow_private=self.policy.allow_private, resolve_names=not self.replay)
        if refused:
            status = SourceStatus.UNSUPPORTED if "scheme" in refused else SourceStatus.FORBIDDEN
            return replace(base, status=status, reason=refused)
        conditional = _conditional_headers(previous)
        current = fetch_url
        seen = {current}
        for _hop in range(self.policy.max_redirects + 1):
            rules, unreachable = self._robots_for(current)
            if unreachable:  # the host did not answer at all: say so, not that robots.txt forbids it
                return replace(base, reason=f"robots.txt could not be fetched: {unreachable}")
            if not rules.allows(current):
                return replace(base, status=SourceStatus.FORBIDDEN, reason=f"robots.txt disallows {current}")
            response = self._request(current, conditional)
            if response.failure is not None:
                return replace(response.failure, url=url, fetch_url=fetch_url)
            if response.status in (301, 302, 303, 307, 308) and response.headers:
                location = _header(response.headers, "location")
                if not location:
                    return replace(
                        base, reason=f"HTTP {response.status} without a Location", http_status=response.status
                    )
                target = urljoin(current, location)
                if target in seen:
                    return replace(base, reason=f"redirect loop at {target}", http_status=response.status)
                refused = refusal(target, allow_private=self.policy.allow_private, resolve_names=not self.replay)
                if refused:
                    status = SourceStatus.UNSUPPORTED if "scheme" in refused else SourceStatus.FORBIDDEN
                    return replace(base, status=status, reason=f"redirected to {target}: {refused}")
                seen.add(target)
                current = target
                continue
            return self._conclude(base, response, previous)
        return replace(base, reason=f"more than {self.policy.max_redirects} redirects")

    def _conclude(self, base: Snapshot, response: _Response, previous: Snapshot | None) -> Snapshot:
        done = replace(
            base,
            final_url=response.url,
            http_status=response.status,
            headers=response.headers,
            fetched_at=_now(),
        )
        code = response.status
        if code == 304 and previous is not None:
            return replace(
                done,
                status=SourceStatus.UNCHANGED,
                reason="not modified since the archived version",
                sha256=previous.sha256,
                media_type=previous.media_type,
            )
        if code in (404, 410):
            return replace(done, status=SourceStatus.NOT_FOUND, reason=f"HTTP {code}")
        if code in (401, 403):
            return replace(done, status=SourceStatus.FORBIDDEN, reason=f"HTTP {code}: unreachable for now")
        if code == 429:
            return replace(done, status=SourceStatus.RATE_LIMITED, reason="HTTP 429 after retries: unreachable for now")
        if not 200 <= code < 300:
            return replace(done, status=SourceStatus.UNREACHABLE, reason=f"HTTP {code}")
        media_type = _media_type(response.headers, response.body, response.url)
        if media_type not in _READABLE_TYPES:
            return replace(done, status=SourceStatus.UNSUPPORTED, reason=f"media type {media_type or 'unknown'}")
        sha = hashlib.sha256(response.body).hexdigest()
        if previous is not None and previous.sha256 == sha:
            return replace(
                done,
                status=SourceStatus.UNCHANGED,
                reason="same bytes as the archived version",
                sha256=sha,
                media_type=media_type,
            )
        origin = "replayed" if self.replay else "fetched"
        return replace(
            done, status=SourceStatus.ARCHIVED, sha256=sha, media_type=media_type, body=response.body, origin=origin
        )

    # --- one request, with retries ----------------------------------------------------------------

    def _request(self, url: str, headers: Mapping[str, str]) -> _Response:
        policy = self.policy
        wait = policy.backoff
        for attempt in range(policy.retries + 1):
            last = attempt == policy.retries
            response = self._attempt(url, headers)
            if response.failure is not None:
                if (
                    last
                    or response.failure.status is not SourceStatus.UNREACHABLE
                    or "deadline" in response.failure.reason
                ):
                    return response
            elif response.status not in _RETRY_STATUSES or last:
                return response
            else:
                after = _retry_after(response.headers)
                if after is not None and after > policy.max_retry_after:
                    return response
                wait = after if after is not None else wait
            policy.sleep(wait)
            wait = max(wait, policy.backoff) * 2
        raise AssertionError("unreachable: the loop returns on its last attempt")

    def _attempt(self, url: str, headers: Mapping[str, str]) -> _Response:
        policy = self.policy
        failed = Snapshot(url=url, status=SourceStatus.UNREACHABLE, fetch_url=url, fetched_at=_now())
        try:
            with self.gate.slot(host_of(url)), self.client.stream("GET", url, headers=dict(headers)) as response:
                kept = tuple((k, v) for k, v in response.headers.multi_items())
                result = _Response(response.status_code, str(response.url), kept)
                if response.status_code != 200:
                    return result
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > policy.max_bytes:
                    result.failure = replace(
                        failed,
                        status=SourceStatus.TOO_LARGE,
                        http_status=200,
                        headers=kept,
                        reason=f"{int(declared):,} bytes declared; the limit is {policy.max_bytes:,}",
                    )
                    return result
                media_type = _media_type(kept, b"", url)
                if media_type and media_type not in _READABLE_TYPES and media_type != "application/octet-stream":
                    return result  # judged by _conclude without downloading the body
                result.body, result.failure = self._read_body(response, failed, kept)
                return result
        except httpx.TimeoutException as exc:
            return _Response(0, url, (), failure=replace(failed, reason=f"timed out ({type(exc).__name__})"))
        except httpx.HTTPError as exc:
            offline = str(exc).startswith("offline:")  # a replay that has no recording of this address
            reason = str(exc) if offline else f"{type(exc).__name__}: {exc}"
            return _Response(0, url, (), failure=replace(failed, reason=reason))

    def _read_body(
        self, response: httpx.Response, failed: Snapshot, headers: tuple[tuple[str, str], ...]
    ) -> tuple[bytes, Snapshot | None]:
        policy = self.policy
        started = time.monotonic()
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > policy.max_bytes:
                reason = f"body over the limit of {policy.max_bytes:,} bytes"
                return b"", replace(
                    failed, status=SourceStatus.TOO_LARGE, http_status=200, headers=headers, reason=reason
                )
            if time.monotonic() - started > policy.deadline:
                reason = f"deadline of {policy.deadline:g} s passed while reading the body"
                return b"", replace(failed, http_status=200, headers=headers, reason=reason)
            chunks.append(chunk)
        return b"".join(chunks), None

    # --- robots.txt -------------------------------------------------------------------------------

    def _robots_for(self, url: str) -> tuple[RobotsRules, str]:
        """The robots.txt rules for `url`'s origin, fetched once per origin, and why the host could
        not be reached if it could not. Replayed responses make no request, so robots.txt governs
        only live fetching."""
        if not self.policy.respect_robots or self.replay:
            return ALLOW_ALL, ""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:  # one robots.txt request per origin, whichever thread asks first
            origin_lock = self._origin_locks.setdefault(origin, threading.Lock())
        with origin_lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            return self._robots[origin]

    def _load_robots(self, origin: str) -> tuple[RobotsRules, str]:
        """RFC 9309 §2.3.1: a 4xx means no rules; a server error means disallow all. A host that
        does not answer at all is reported as unreachable."""
        response = self._request(f"{origin}/robots.txt", {})
        if response.failure is not None:
            return DISALLOW_ALL, response.failure.reason
        if 300 <= response.status < 500:  # unavailable (redirects are not followed for robots.txt)
            return ALLOW_ALL, ""
        if response.status != 200:
            return DISALLOW_ALL, ""
        text = response.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return parse_robots(text, PRODUCT_TOKEN), ""


def fetch_sources(
    urls: Sequence[str],
    policy: FetchPolicy = FetchPolicy(),
    *,
    transport: httpx.BaseTransport | None = None,
    previous: Mapping[str, Snapshot] | None = None,
    progress: Callable[[Snapshot], None] | None = None,
) -> list[Snapshot]:
    """Fetch every URL (each once) and return one Snapshot per URL, in the order given.

    `transport` replaces the network (a cassette replay, or httpx.MockTransport); `previous` maps a
    URL to its last archived snapshot, for conditional requests and to tell an unchanged source.
    `progress` is called once per finished URL. Never raises for a bad source.
    """
    unique = list(dict.fromkeys(urls))
    previous = previous or {}
    replay = transport is not None and getattr(transport, "replays", False)
    if replay:  # a replay asks no server anything: nothing to be polite to, nothing to retry
        policy = replace(policy, retries=0, interval=0.0)
    client = httpx.Client(
        transport=transport,
        headers={"User-Agent": policy.user_agent},
        timeout=httpx.Timeout(policy.timeout),
        follow_redirects=False,
    )
    fetcher = _Fetcher(client, policy, replay)
    results: dict[str, Snapshot] = {}
    with client, ThreadPoolExecutor(max_workers=max(1, policy.concurrency)) as pool:
        futures = {pool.submit(fetcher.fetch, url, previous.get(url)): url for url in unique}
        for future in as_completed(futures):
            snapshot = future.result()
            results[futures[future]] = snapshot
            if progress is not None:
                progress(snapshot)
    return [results[url] for url in unique]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _header(headers: Sequence[tuple[str, str]], name: str) -> str:
    return next((v for k, v in headers if k.lower() == name), "")


def _conditional_headers(previous: Snapshot | None) -> dict[str, str]:
    if previous is None:
        return {}
    headers = {}
    if previous.header("etag"):
        headers["If-None-Match"] = previous.header("etag")
    if previous.header("last-modified"):
        headers["If-Modified-Since"] = previous.header("last-modified")
    return headers


def _retry_after(headers: Sequence[tuple[str, str]]) -> float | None:
    """Retry-After in seconds, from either of its forms (delay-seconds or an HTTP date)."""
    value = _header(headers, "retry-after").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


_SUFFIX_TYPES = {".pdf": "application/pdf", ".md": "text/markdown", ".markdown": "text/markdown", ".txt": "text/plain"}


def _media_type(headers: Sequence[tuple[str, str]], body: bytes, url: str) -> str:
    """The declared media type; for octet-stream, what the bytes or the file name say."""
    declared = _header(headers, "content-type").split(";")[0].strip().lower()
    if declared and declared != "application/octet-stream":
        return declared
    if body.startswith(b"%PDF-"):
        return "application/pdf"
    path = urlsplit(url).path.lower()
    for suffix, media_type in _SUFFIX_TYPES.items():
        if path.endswith(suffix):
            return media_type
    return declared

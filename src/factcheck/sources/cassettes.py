"""Recorded HTTP in vcrpy's cassette format, so that an audit replays exactly what was seen.

The files are the ones vcrpy and pytest-recording read (`interactions:` of request/response,
`version: 1`), so the tests replay them with `@pytest.mark.vcr` in record mode `none` and the
product replays them through `CassetteTransport`, an httpx transport: no network, no patching.
Each file opens with comments saying where its bytes came from. Credentials never reach a
file: authorisation and cookie headers are dropped and secret-looking query values redacted
before anything is written.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import yaml

from factcheck.models import Snapshot

__all__ = ["CassetteTransport", "Interaction", "write_cassette", "interactions_for", "scrub_url", "scrub_headers"]

_SECRET_HEADERS = {
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "api-key",
    "x-auth-token",
    "x-amz-security-token",
    "x-goog-api-key",
}
_SECRET_PARAMS = re.compile(r"(?:^|_)(?:token|key|apikey|api_key|secret|password|passwd|sig|signature|auth)$", re.I)
# Headers that describe the wire form, not the body as stored (httpx stores the decoded body).
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length", "connection", "keep-alive"}
_URI_LINE = re.compile(r"^\s+uri:\s*'?\"?([^'\"\n]+)", re.MULTILINE)

try:  # libyaml is ten times faster on megabytes of recorded PDFs
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
    _Dumper: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader, _Dumper = yaml.SafeLoader, yaml.SafeDumper


def scrub_url(url: str) -> str:
    """`url` with the values of secret-looking query parameters replaced by REDACTED."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = [
        (k, "REDACTED" if _SECRET_PARAMS.search(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def scrub_headers(headers: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """Headers as a cassette keeps them: credentials and wire-level headers dropped."""
    kept: dict[str, list[str]] = {}
    for name, value in headers:
        lower = name.lower()
        if lower in _SECRET_HEADERS or lower in _WIRE_HEADERS:
            continue
        kept.setdefault(name, []).append(value)
    return kept


@dataclass(frozen=True)
class Interaction:
    """One recorded request and its response."""

    uri: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    method: str = "GET"
    request_headers: tuple[tuple[str, str], ...] = ()


def interactions_for(snapshot: Snapshot) -> list[Interaction]:
    """What replaying `snapshot` needs: the response at the address requested, and a redirect to
    it first where the fetch was redirected. Only responses worth replaying are recorded."""
    if not snapshot.fetch_url or snapshot.http_status is None or not snapshot.body:
        return []
    final = snapshot.final_url or snapshot.fetch_url
    recorded = [Interaction(final, snapshot.http_status, snapshot.headers, snapshot.body)]
    if final != snapshot.fetch_url:
        recorded.insert(0, Interaction(snapshot.fetch_url, 302, (("Location", final),), b""))
    return recorded


def write_cassette(path: Path, interactions: Sequence[Interaction], provenance: Sequence[str]) -> None:
    """Write a vcrpy cassette, headed by `provenance` comment lines, atomically."""
    bodies: dict[bytes, dict[str, Any]] = {}  # one body object per distinct body: YAML writes it once
    document = {
        "interactions": [_serialise(i, bodies) for i in interactions],
        "version": 1,
    }
    header = "".join(f"# {line}\n" for line in provenance)
    text = header + yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _serialise(interaction: Interaction, bodies: dict[bytes, dict[str, Any]]) -> dict[str, Any]:
    if interaction.body not in bodies:
        body: str | bytes
        try:
            body = interaction.body.decode("utf-8")
        except UnicodeDecodeError:
            body = interaction.body  # dumped as !!binary
        bodies[interaction.body] = {"string": body}
    try:
        message = HTTPStatus(interaction.status).phrase
    except ValueError:
        message = ""
    return {
        "request": {
            "body": None,
            "headers": scrub_headers(interaction.request_headers),
            "method": interaction.method,
            "uri": scrub_url(interaction.uri),
        },
        "response": {
            "status": {"code": interaction.status, "message": message},
            "headers": scrub_headers(interaction.headers),
            "body": bodies[interaction.body],  # repeated bodies become YAML aliases
        },
    }


class CassetteTransport(httpx.BaseTransport):
    """An httpx transport that answers from the cassettes in a folder and never touches the network.

    A request nobody recorded fails as a connection error naming the request and the closest
    recorded address, so the fetcher reports that source as unreachable offline. Files are only
    parsed when one of their addresses is asked for.
    """

    replays = True

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[str, Path] = {}
        self._loaded: dict[Path, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            for uri in _URI_LINE.findall(path.read_text(encoding="utf-8", errors="replace")):
                self._files.setdefault(uri.strip(), path)

    @property
    def addresses(self) -> list[str]:
        return sorted(self._files)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        uri = scrub_url(str(request.url))
        path = self._files.get(uri)
        if path is None:
            raise httpx.ConnectError(f"offline: no recorded response for {uri}{self._closest(uri)}")
        for interaction in self._interactions(path):
            recorded = interaction["request"]
            if recorded["uri"] == uri and recorded["method"].upper() == request.method.upper():
                response = interaction["response"]
                body = response["body"]["string"]
                content = body.encode("utf-8") if isinstance(body, str) else (body or b"")
                headers = [
                    (name, value)
                    for name, values in (response.get("headers") or {}).items()
                    for value in values
                    if name.lower() not in _WIRE_HEADERS
                ]
                return httpx.Response(response["status"]["code"], headers=headers, content=content, request=request)
        raise httpx.ConnectError(f"offline: {path.name} records {uri} but not for {request.method}")

    def _interactions(self, path: Path) -> list[dict[str, Any]]:
        with self._lock:
            if path not in self._loaded:
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
                self._loaded[path] = list((data or {}).get("interactions") or [])
            return self._loaded[path]

    def _closest(self, uri: str) -> str:
        host = urlsplit(uri).hostname or ""
        same_host = [u for u in self._files if (urlsplit(u).hostname or "") == host]
        if not same_host:
            return f" (nothing recorded for {host})"
        closest = max(same_host, key=lambda u: len(_common_prefix(u, uri)))
        return f" (closest recorded: {closest})"


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]

"""Where to fetch a cited address from, and whether factcheck may fetch it at all.

Writers cite the page a person reads (a GitHub repository, an arXiv abstract, a Hugging Face
model page); the figures live in the README, the paper's PDF and the model card. Resolution is
pure string work, so it is the same online and offline, and a cassette recorded for the resolved
address replays for the cited one.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit, urlunsplit

__all__ = ["readable_url", "refusal", "host_of"]

_GITHUB_REPO = re.compile(r"^/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
_GITHUB_BLOB = re.compile(r"^/([\w.-]+)/([\w.-]+)/blob/([^/]+)/(.+)$")
_ARXIV_ABS = re.compile(r"^/(?:abs|pdf)/(\d{4}\.\d{4,5}(?:v\d+)?)(?:\.pdf)?/?$")
_HF_MODEL = re.compile(r"^/([\w.-]+)/([\w.-]+)/?$")
_HF_NOT_MODELS = {"spaces", "datasets", "models", "docs", "blog", "papers", "collections", "organizations"}


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def readable_url(url: str) -> str:
    """The address that holds a cited page's content in readable form: a repository's README, a
    file's raw bytes instead of GitHub's viewer, an arXiv paper's PDF, a model's card. Any other
    address is returned unchanged."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path
    if host in ("github.com", "www.github.com"):
        blob = _GITHUB_BLOB.match(path)
        if blob:
            owner, repo, ref, file = blob.groups()
            return f"https://raw.githubusercontent.com/{owner}/{repo}/{ref}/{file}"
        repo_match = _GITHUB_REPO.match(path)
        if repo_match:
            owner, repo = repo_match.groups()
            return f"https://raw.githubusercontent.com/{owner}/{repo}/HEAD/README.md"
    if host in ("arxiv.org", "www.arxiv.org", "export.arxiv.org"):
        paper = _ARXIV_ABS.match(path)
        if paper:
            return f"https://arxiv.org/pdf/{paper.group(1)}"
    if host in ("huggingface.co", "www.huggingface.co"):
        model = _HF_MODEL.match(path)
        if model and model.group(1) not in _HF_NOT_MODELS:
            return f"https://huggingface.co/{model.group(1)}/{model.group(2)}/raw/main/README.md"
    return urlunsplit(parts)


def refusal(url: str, *, allow_private: bool, resolve_names: bool = True) -> str:
    """Why factcheck must not fetch `url`, or "" when it may.

    Only http and https are fetched. Addresses on loopback, private, link-local or reserved
    networks are refused unless `allow_private`: a document must not make factcheck probe an
    intranet. Host names are resolved to check where they point (`resolve_names`); a name that
    does not resolve is left for the fetch to report as unreachable.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"the {parts.scheme or 'missing'} scheme is not fetched (only http and https)"
    host = (parts.hostname or "").lower()
    if not host:
        return "the address names no host"
    if allow_private:
        return ""
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return f"{host} is a local name; private addresses are refused"
    addresses: list[str] = []
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        if resolve_names:
            try:
                addresses = [str(info[4][0]) for info in socket.getaddrinfo(host, None)]
            except (OSError, UnicodeError):
                addresses = []
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return f"{host} points to {ip}, a private or reserved address; private addresses are refused"
    return ""

"""robots.txt as RFC 9309 reads it: the group for our product token (else `*`), the longest
matching rule wins, allow wins a tie, `*` and `$` are wildcards.

The standard library's robotparser takes the first matching rule instead of the longest, which
gets `Disallow: /docs` + `Allow: /docs/public` wrong, hence this small parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

__all__ = ["RobotsRules", "parse_robots", "ALLOW_ALL", "DISALLOW_ALL"]

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309 §2.5: crawlers must parse at least 500 KiB


@dataclass(frozen=True)
class RobotsRules:
    """The rules that apply to one user agent; `(allow, path pattern)` pairs."""

    rules: tuple[tuple[bool, str], ...] = ()

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        target = unquote(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        best: tuple[int, bool] | None = None
        for allow, pattern in self.rules:
            if pattern and _matches(pattern, target):
                key = (len(pattern), allow)
                if best is None or key > best:
                    best = key
        return True if best is None else best[1]


ALLOW_ALL = RobotsRules()
DISALLOW_ALL = RobotsRules(((False, "/"),))


def _matches(pattern: str, path: str) -> bool:
    regex = "".join(".*" if ch == "*" else re.escape(ch) for ch in pattern.rstrip("$"))
    regex += "$" if pattern.endswith("$") else ""
    return re.match(regex, path) is not None


def parse_robots(text: str, product: str) -> RobotsRules:
    """The rules of `text` for the crawler named `product` ("factcheck"): its own group(s) if any
    name it, else the `*` group(s), else no rules (everything allowed)."""
    groups: list[tuple[list[str], list[tuple[bool, str]]]] = []
    agents: list[str] = []
    rules: list[tuple[bool, str]] = []
    in_rules = False
    for raw in text[:MAX_ROBOTS_BYTES].splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        field, value = (part.strip() for part in line.split(":", 1))
        field = field.lower()
        if field == "user-agent":
            if in_rules:
                groups.append((agents, rules))
                agents, rules, in_rules = [], [], False
            agents.append(value.lower())
        elif field in ("allow", "disallow") and agents:
            in_rules = True
            rules.append((field == "allow", unquote(value)))
    if agents:
        groups.append((agents, rules))
    token = product.lower()
    mine = [r for names, group in groups if token in names for r in group]
    if any(token in names for names, _ in groups):
        return RobotsRules(tuple(mine))
    return RobotsRules(tuple(r for names, group in groups if "*" in names for r in group))

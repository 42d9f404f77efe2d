"""What the reviewable YAML files in claims/ share: claim files (claimfiles.py) and the
decisions file (decisions.py).

Both are written for diffs and read without trust: written block-style without anchors and
replaced atomically; read with a safe loader, every problem reported as a `Problem` at the
line of the offending YAML node.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import InputError

__all__ = [
    "BlockDumper",
    "Problem",
    "QuotedStr",
    "StringDateLoader",
    "dump_yaml",
    "dump_yaml_entries",
    "duplicate_keys",
    "line_of",
    "parse_yaml",
    "read_text",
    "syntax_problem",
    "write_atomically",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file; `line` is 1-based."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class StringDateLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as the strings they are written as: `2025-04-31` is a bad date
    to report at its line, not an exception, and ISO strings are what the models carry anyway."""


StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class BlockDumper(yaml.SafeDumper):
    """SafeDumper that never writes anchors: each entry must read on its own in a diff."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class QuotedStr(str):
    """A string always written in single quotes, so that no YAML reader (1.1 or 1.2) takes it for
    a number or a date: fingerprints like `123e4567...` and ISO dates."""


BlockDumper.add_representer(
    QuotedStr, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style="'")
)

# libyaml's emitter, when PyYAML has it (its wheels do), writes the same text ten times faster, but
# escapes characters beyond U+FFFF ("🇨🇳" as "\U0001F1E8\U0001F1F3"); entries with those keep
# the pure-Python emitter, so claim files stay readable.
_CSafeDumper: type[yaml.SafeDumper] | None = getattr(yaml, "CSafeDumper", None)


class _FastBlockDumper(_CSafeDumper or yaml.SafeDumper):  # type: ignore[misc]
    """BlockDumper on libyaml's emitter."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_FastBlockDumper.add_representer(QuotedStr, BlockDumper.yaml_representers[QuotedStr])


def dump_yaml(content: object, dumper: type[yaml.SafeDumper] = BlockDumper) -> str:
    """Block-style YAML with keys in the order given and lines never wrapped."""
    return yaml.dump(content, Dumper=dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=_NEVER_WRAP)  # fmt: skip


_NEVER_WRAP = 2**31 - 1  # libyaml keeps the width in a C int


def dump_yaml_entries(head: dict[str, object], key: str, entries: Sequence[dict[str, Any]]) -> str:
    """`head`, then `key:` with `entries` as its block sequence: the text `dump_yaml` writes for
    the whole mapping, written entry by entry. A document with tens of thousands of claims is
    never one node graph in memory, and most entries go through libyaml's emitter."""
    if not entries:
        return dump_yaml({**head, key: []})
    parts = [dump_yaml(head) if head else "", f"{key}:\n"]
    for entry in entries:
        dumper = BlockDumper if _beyond_bmp(entry) else _FastBlockDumper
        parts.append(dump_yaml([entry], dumper))
    return "".join(parts)


def _beyond_bmp(value: object) -> bool:
    if isinstance(value, str):
        return not value.isascii() and any(ord(ch) > 0xFFFF for ch in value)
    if isinstance(value, dict):
        return any(_beyond_bmp(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_beyond_bmp(v) for v in value)
    return False


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8, LF) so that readers never see half a file; OSError propagates."""
    # The dot prefix and .tmp suffix keep a leftover temp file out of `*.yaml` globs.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes 0600; these are shared, reviewed files
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read_text(path: Path, what: str) -> str:
    """The text of `path`; raises `InputError` naming `what` ("claim file") if it is unreadable,
    binary or not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}") from exc
    if b"\0" in raw:
        raise InputError(f"not a {what}: binary content")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not a {what}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def parse_yaml(path: Path, what: str) -> tuple[yaml.Node | None, Any] | Problem:
    """(node tree, loaded data) of a YAML file, both None for an empty file, or the one `Problem`
    that stops it being read at all: unreadable, binary, not UTF-8, a syntax error, too deep."""
    name = str(path)
    try:
        text = read_text(path, what)
        root = yaml.compose(text, Loader=StringDateLoader)
        data = yaml.load(text, Loader=StringDateLoader)  # noqa: S506 - a SafeLoader subclass
    except InputError as exc:
        return Problem(name, 1, str(exc))
    except yaml.YAMLError as exc:
        return syntax_problem(name, exc)
    except RecursionError:
        return Problem(name, 1, f"YAML nested too deeply to be a {what}")
    return root, data


def syntax_problem(name: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    return Problem(name, mark.line + 1 if mark is not None else 1, message)


def line_of(root: yaml.Node, path: Iterable[object]) -> int:
    """The 1-based line of the node at `path`; for a mapping entry, the line of its key."""
    node, line = root, root.start_mark.line
    for step in path:
        child = _child(node, step)
        if child is None:
            break
        node, line = child[1], child[0].start_mark.line
    return line + 1


def _child(node: yaml.Node, step: object) -> tuple[yaml.Node, yaml.Node] | None:
    """(where the child starts, the child) for a mapping key or sequence index."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item: yaml.Node = node.value[step]
        return item, item
    return None


def duplicate_keys(name: str, node: yaml.Node) -> list[Problem]:
    """Keys repeated in one mapping; YAML loaders silently keep the last, hiding the first."""
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode) and key.value in first:
                message = f"duplicate key {key.value!r} (first on line {first[key.value]})"
                problems.append(Problem(name, line, message))
            first.setdefault(str(key.value), line)
            problems += duplicate_keys(name, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += duplicate_keys(name, item)
    return problems

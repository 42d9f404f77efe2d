"""The project's register of authoritative sources per subject, kept in `claims/sources.yaml`:

    DeepSeek-V3:
    - https://github.com/deepseek-ai/DeepSeek-V3
    - https://arxiv.org/abs/2412.19437

Every document's claims about a subject are checked against the same primary sources, including
documents that cite nothing. Subjects may be written in any spelling the vocabulary knows; a
family's sources speak for its members (Qwen3's for Qwen3-235B-A22B).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.vocabulary import Vocabulary
from factcheck.yamlfiles import Problem, line_of, parse_yaml

__all__ = ["REGISTER_FILE", "check_register_in", "load_register", "registered_sources"]

REGISTER_FILE = "sources.yaml"


def load_register(claims_dir: Path, vocabulary: Vocabulary | None = None) -> dict[str, tuple[str, ...]]:
    """Subject → its registered source URLs; {} without a register. Subjects are canonical where
    the vocabulary knows them. Raises InputError with `path:line: message` for every problem."""
    path = claims_dir / REGISTER_FILE
    if not path.exists():
        return {}
    register, problems = _read(path, vocabulary)
    if problems:
        raise InputError("\n".join(str(p) for p in problems))
    return register


def check_register_in(paths: Sequence[Path]) -> list[Problem]:
    """The problems of every source register among `paths` (files named sources.yaml, and the
    one in each folder), never raising: for `factcheck check`."""
    registers = [p / REGISTER_FILE if p.is_dir() else p for p in paths]
    return [problem for p in registers if p.name == REGISTER_FILE and p.is_file() for problem in _read(p, None)[1]]


def _read(path: Path, vocabulary: Vocabulary | None) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    parsed = parse_yaml(path, "source register")
    if isinstance(parsed, Problem):
        return {}, [parsed]
    root, data = parsed
    if data is None:
        return {}, []
    if not isinstance(data, Mapping):
        return {}, [Problem(str(path), 1, "a source register maps subjects to lists of URLs")]
    problems: list[Problem] = []
    register: dict[str, tuple[str, ...]] = {}
    for subject, urls in data.items():
        line = line_of(root, [subject]) if root is not None else 1
        items = [urls] if isinstance(urls, str) else urls
        if not isinstance(items, list) or not all(isinstance(u, str) for u in items):
            problems.append(Problem(str(path), line, f"{subject}: give a URL or a list of URLs"))
            continue
        bad = [u for u in items if not u.startswith(("http://", "https://"))]
        if bad:
            problems.append(Problem(str(path), line, f"{subject}: not an http(s) address: {bad[0]}"))
            continue
        name = (vocabulary.subject(str(subject)) if vocabulary else None) or str(subject)
        register[name] = tuple(dict.fromkeys([*register.get(name, ()), *items]))
    return register, problems


def registered_sources(
    register: Mapping[str, tuple[str, ...]], subject: str, vocabulary: Vocabulary | None
) -> tuple[str, ...]:
    """The URLs registered for `subject`, for the families it belongs to (nearest first), and for
    its members."""
    chain = [subject, *(vocabulary.ancestors(subject) if vocabulary else [])]
    # A family's claim ("DeepSeek scores 88.5 on MMLU") is checked against its members' sources too.
    members = [name for name in register if vocabulary and subject in vocabulary.ancestors(name)]
    return tuple(dict.fromkeys(url for name in [*chain, *members] for url in register.get(name, ())))

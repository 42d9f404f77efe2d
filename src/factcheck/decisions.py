"""Reviewers' decisions on findings, kept in `claims/decisions.yaml` next to the claim files.

A reviewer who judges a finding harmless accepts it (`factcheck accept FINGERPRINT --reason ...`);
the decision is a reviewable line in git, and an accepted finding never fails a run again. A
decision whose fingerprint matches no current finding is *stale*: the text it excused changed,
so it is reported rather than silently kept.

The file is written for diffs, like the claim files: one entry per decision, sorted by
fingerprint, keys in a fixed order, safe YAML, replaced atomically::

    decisions:
    - fingerprint: '3f9c2a...'
      reason: The 2024 figure is quoted as history, not as current
      accepted_by: Ada Lovelace
      accepted_at: '2025-07-15'

Reading never trusts the file: `check_decisions_file` returns every problem as `path:line:
message`, and `load_decisions` raises `InputError` with them.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import InputError
from factcheck.models import Decision, Finding
from factcheck.yamlfiles import Problem, QuotedStr, dump_yaml, duplicate_keys, line_of, parse_yaml, write_atomically

__all__ = [
    "DECISIONS_FILE",
    "MIN_PREFIX",
    "accept",
    "check_decisions_file",
    "check_decisions_in",
    "load_decisions",
    "split_findings",
    "write_decisions",
]

DECISIONS_FILE = "decisions.yaml"
MIN_PREFIX = 6  # the shortest fingerprint prefix `accept` expands
_FIELDS = ("fingerprint", "reason", "accepted_by", "accepted_at")  # the order entries are written in
_REQUIRED = ("fingerprint", "reason")
_HEADER = (
    "# Findings reviewers accepted; written by `factcheck accept FINGERPRINT --reason ...`.\n"
    "# An accepted finding never fails a run; a decision that matches no current finding is reported as stale.\n"
)
_WHAT = "decisions file"
_SHOWN = 10  # candidates listed in an error message


# ----------------------------------------------------------------------------------------- reading


def load_decisions(claims_dir: Path) -> list[Decision]:
    """The decisions in `claims_dir/decisions.yaml`, in file order; [] if there is no such file.

    Raises `InputError` listing every problem as `path:line: message` if the file cannot be
    read, is not YAML, breaks the format or repeats a fingerprint.
    """
    path = claims_dir / DECISIONS_FILE
    if not path.exists():
        return []
    data, problems = _check(path)
    if problems:
        raise InputError("\n".join(str(p) for p in problems))
    return [_decision(record) for _, record in _entries(data)]


def check_decisions_file(path: Path) -> list[Problem]:
    """Every problem in one decisions file, never raising: unreadable or not YAML, a root that is
    not `decisions: [...]`, entries without fingerprint or reason, unknown keys, fields of the
    wrong type, dates that are not ISO (YYYY-MM-DD), repeated keys and repeated fingerprints
    (at the second occurrence, naming the first)."""
    return _check(path)[1]


def check_decisions_in(paths: Sequence[Path]) -> list[Problem]:
    """The problems of every decisions file among `paths`: files named decisions.yaml, and the
    decisions.yaml inside each directory given. Other files are left to `check_claim_files`."""
    found = [p / DECISIONS_FILE if p.is_dir() else p for p in paths]
    return [problem for p in found if p.name == DECISIONS_FILE and (p.exists() or p in paths)
            for problem in check_decisions_file(p)]  # fmt: skip


def _check(path: Path) -> tuple[Any, list[Problem]]:
    """The loaded content of a decisions file (None if unreadable) and its problems, by line."""
    parsed = parse_yaml(path, _WHAT)
    if isinstance(parsed, Problem):
        return None, [parsed]
    root, data = parsed
    if root is None:
        return None, []  # an empty file accepts nothing
    name = str(path)
    problems = duplicate_keys(name, root) + _shape_problems(name, root, data)
    # Entries are checked one by one, so one bad entry does not hide the others' problems.
    problems += [p for i, record in _entries(data) for p in _entry_problems(name, root, i, record)]
    problems += _duplicate_fingerprints(name, root, data)
    return data, sorted(problems, key=lambda p: p.line)


def _shape_problems(name: str, root: yaml.Node, data: Any) -> list[Problem]:
    if not isinstance(data, Mapping) or "decisions" not in data:
        return [Problem(name, line_of(root, []), "expected a mapping with `decisions:` (a list of entries)")]
    extra = sorted(str(key) for key in data if key != "decisions")
    if extra:
        return [Problem(name, line_of(root, [extra[0]]), f"unknown key {extra[0]!r} (expected only `decisions:`)")]
    entries = data["decisions"]
    if entries is not None and not isinstance(entries, list):
        return [Problem(name, line_of(root, ["decisions"]), "decisions: expected a list of entries")]
    return [Problem(name, line_of(root, ["decisions", i]), f"decisions[{i}]: expected a mapping with "
                                                           f"{', '.join(_FIELDS)}")
            for i, record in enumerate(entries or []) if not isinstance(record, Mapping)]  # fmt: skip


def _entry_problems(name: str, root: yaml.Node, index: int, record: Mapping[Any, Any]) -> list[Problem]:
    where = ["decisions", index]
    problems = [Problem(name, line_of(root, where), f"decisions[{index}]: {key} is required")
                for key in _REQUIRED if key not in record]  # fmt: skip
    for key, value in record.items():
        message = _field_problem(key, value)
        if message:
            problems.append(Problem(name, line_of(root, [*where, key]), f"decisions[{index}].{key}: {message}"))
    return problems


def _field_problem(key: object, value: object) -> str:
    """What is wrong with one field of an entry, or "" if nothing is."""
    if key not in _FIELDS:
        return f"unknown key (expected {', '.join(_FIELDS)})"
    if key in _REQUIRED and not (isinstance(value, str) and value.strip()):
        hint = " (quote it)" if isinstance(value, int | float) and not isinstance(value, bool) else ""
        return f"must be a non-empty string, not {value!r}{hint}"
    if key == "fingerprint" and isinstance(value, str) and len(value.split()) != 1:
        return f"must not contain spaces: {value!r}"
    if key in ("accepted_by", "accepted_at") and value is not None and not isinstance(value, str):
        return f"must be a string, not {value!r}"
    if key == "accepted_at" and value:
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return f"{value!r} is not an ISO date (YYYY-MM-DD)"
    return ""


def _duplicate_fingerprints(name: str, root: yaml.Node, data: Any) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, record in _entries(data):
        if not isinstance(record.get("fingerprint"), str):
            continue
        line = line_of(root, ["decisions", index, "fingerprint"])
        seen = first.setdefault(record["fingerprint"], line)
        if seen != line:
            message = f"decisions[{index}]: duplicate fingerprint {record['fingerprint']!r} (first on line {seen})"
            problems.append(Problem(name, line, message))
    return problems


def _entries(data: Any) -> list[tuple[int, Mapping[Any, Any]]]:
    """The entries of a possibly malformed file that are mappings, with their index."""
    entries = data.get("decisions") if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        return []
    return [(i, record) for i, record in enumerate(entries) if isinstance(record, Mapping)]


def _decision(record: Mapping[Any, Any]) -> Decision:
    return Decision(record["fingerprint"], record["reason"], record.get("accepted_by") or "",
                    record.get("accepted_at") or "")  # fmt: skip


# ----------------------------------------------------------------------------------------- writing


def write_decisions(claims_dir: Path, decisions: Sequence[Decision]) -> Path:
    """Write `claims_dir/decisions.yaml`, sorted by fingerprint, atomically; return its path.

    Raises ValueError if two decisions share a fingerprint and OSError if the directory cannot
    be written. The same decisions always give the same bytes.
    """
    ordered = sorted(decisions, key=lambda d: d.fingerprint)
    repeated = sorted(fp for fp, count in Counter(d.fingerprint for d in ordered).items() if count > 1)
    if repeated:
        raise ValueError(f"more than one decision for {repeated}")
    # Fingerprints are quoted: `123e4567...` is a number to a YAML 1.2 reader, and git tools vary.
    records = [{"fingerprint": QuotedStr(d.fingerprint), "reason": d.reason, "accepted_by": d.accepted_by,
                "accepted_at": QuotedStr(d.accepted_at)} for d in ordered]  # fmt: skip
    claims_dir.mkdir(parents=True, exist_ok=True)
    path = claims_dir / DECISIONS_FILE
    write_atomically(path, _HEADER + dump_yaml({"decisions": records}))
    return path


def accept(claims_dir: Path, fingerprint: str, reason: str, *, known: Sequence[str] = (),
           accepted_by: str = "", today: str | None = None) -> Decision:  # fmt: skip
    """Record that a finding is accepted, or give an accepted finding a new reason; return the decision.

    `fingerprint` is a full fingerprint or a prefix of at least `MIN_PREFIX` characters of exactly
    one of `known` (the current findings' fingerprints) or of an already recorded decision; it is
    expanded. With `known` empty, a fingerprint that matches no recorded decision is recorded as
    given. An update keeps who accepted the finding and when. `accepted_by` defaults to git's
    user.name, else $USER; `today` (ISO date) to the local date.

    Raises `InputError` for an empty reason, a prefix that is too short, ambiguous or matches no
    current finding (naming the candidates), a malformed decisions file or a bad `today`.
    """
    reason = reason.strip()
    if not reason:
        raise InputError("a reason is required to accept a finding")
    decisions = load_decisions(claims_dir)
    full = _expand(fingerprint.strip(), known, [d.fingerprint for d in decisions])
    previous = next((d for d in decisions if d.fingerprint == full), None)
    if previous is not None:
        decision = Decision(full, reason, previous.accepted_by, previous.accepted_at)
    else:
        decision = Decision(full, reason, accepted_by.strip() or _reviewer(claims_dir), _iso_date(today))
    write_decisions(claims_dir, [d for d in decisions if d.fingerprint != full] + [decision])
    return decision


def _expand(given: str, known: Sequence[str], recorded: Sequence[str]) -> str:
    """The one fingerprint `given` names among the current findings and the recorded decisions."""
    candidates = sorted({*known, *recorded})
    if given in candidates:
        return given
    if len(given.split()) > 1:
        raise InputError(f"fingerprint {given!r} must not contain spaces")
    matches = [c for c in candidates if c.startswith(given)] if given else []
    if len(given) < MIN_PREFIX:
        raise InputError(f"fingerprint {given!r} is too short: give at least {MIN_PREFIX} characters of it"
                         + _listed("matching", matches))  # fmt: skip
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise InputError(f"fingerprint prefix {given!r} is ambiguous: give more characters" +
                         _listed("matching", matches))  # fmt: skip
    return _unknown(given, candidates)  # a decision must name a finding that exists


def _unknown(given: str, candidates: Sequence[str]) -> str:
    shared = {c: len(os.path.commonprefix([given, c])) for c in candidates}
    longest = max(shared.values(), default=0)
    closest = [c for c in candidates if longest and shared[c] == longest]
    raise InputError(f"no current finding has fingerprint {given!r} ({len(candidates)} known; "
                     f"`factcheck conflicts` lists them)" + _listed("closest", closest))  # fmt: skip


def _listed(label: str, fingerprints: Sequence[str]) -> str:
    if not fingerprints:
        return ""
    more = len(fingerprints) - _SHOWN
    return f"; {label}: {', '.join(fingerprints[:_SHOWN])}" + (f" and {more} more" if more > 0 else "")


def _iso_date(today: str | None) -> str:
    if today is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(today).isoformat()
    except ValueError:
        raise InputError(f"{today!r} is not an ISO date (YYYY-MM-DD)") from None


def _reviewer(claims_dir: Path) -> str:
    """git's user.name as seen from `claims_dir` (repository config first), else $USER; local only."""
    try:
        result = subprocess.run(["git", "config", "user.name"], cwd=claims_dir if claims_dir.is_dir() else None,
                                capture_output=True, text=True, timeout=10, check=False)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        result = None
    if result is not None and result.returncode == 0 and result.stdout.strip():
        return result.stdout.strip()
    return os.environ.get("USER") or os.environ.get("USERNAME") or ""


# ---------------------------------------------------------------------------------------- applying


def split_findings(findings: Sequence[Finding], decisions: Sequence[Decision]
                   ) -> tuple[list[Finding], list[Finding], list[Decision]]:  # fmt: skip
    """(open, accepted, stale): the findings no decision covers, the findings a decision accepts
    (both in the order given), and the decisions whose fingerprint matches no current finding."""
    accepted = {d.fingerprint for d in decisions}
    current = {f.fingerprint for f in findings}
    return ([f for f in findings if f.fingerprint not in accepted],
            [f for f in findings if f.fingerprint in accepted],
            [d for d in decisions if d.fingerprint not in current])  # fmt: skip

"""Tests for factcheck.decisions: accepting findings, claims/decisions.yaml, open/accepted/stale."""

from __future__ import annotations

import shutil
from pathlib import Path
from textwrap import dedent

import pytest

from factcheck.decisions import (
    DECISIONS_FILE,
    accept,
    check_decisions_file,
    check_decisions_in,
    load_decisions,
    split_findings,
    write_decisions,
)
from factcheck.errors import InputError
from factcheck.models import Decision, Finding, FindingKind, Severity

FP_A1 = "abcdef01" + "0" * 32
FP_A2 = "abcdef02" + "0" * 32
FP_B = "b" * 40
FP_DIGITS = "1234567890" * 4  # YAML would read it as an int unless it is quoted
FP_FLOAT = "123e4567" + "0" * 32  # a float to YAML 1.2 readers unless it is quoted
KNOWN = (FP_A1, FP_A2, FP_B, FP_DIGITS, FP_FLOAT)
TODAY = "2025-07-15"


def finding(fingerprint: str) -> Finding:
    return Finding(kind=FindingKind.VALUE, severity=Severity.HIGH, subject="X", metric="m",
                   explanation="X has two values for m", claims=(), fingerprint=fingerprint)  # fmt: skip


def decision(fingerprint: str, reason: str = "fine", by: str = "ada", at: str = TODAY) -> Decision:
    return Decision(fingerprint, reason, by, at)


def do_accept(claims: Path, fingerprint: str, reason: str = "fine", known: tuple[str, ...] = KNOWN) -> Decision:
    return accept(claims, fingerprint, reason, known=known, accepted_by="ada", today=TODAY)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------- accepting

# (fingerprint, reason) accepted in turn -> the decisions loaded back, in file order
ROUND_TRIP_CASES: dict[str, tuple[list[tuple[str, str]], list[Decision]]] = {
    "one": ([(FP_B, "fine")], [decision(FP_B)]),
    "sorted by fingerprint": (
        [(FP_B, "b"), (FP_A2, "a2"), (FP_A1, "a1")],
        [decision(FP_A1, "a1"), decision(FP_A2, "a2"), decision(FP_B, "b")],
    ),
    "digit-only fingerprint stays a string": ([(FP_DIGITS, "digits")], [decision(FP_DIGITS, "digits")]),
    "float-like fingerprint stays a string": ([(FP_FLOAT, "e")], [decision(FP_FLOAT, "e")]),
    "accepting twice updates the reason": ([(FP_B, "first"), (FP_B, "second")], [decision(FP_B, "second")]),
    "reason is stripped": ([(FP_B, "  spaced  ")], [decision(FP_B, "spaced")]),
    "unicode and yaml-looking reasons": (
        [(FP_A1, "café: “quoted” # not a comment"), (FP_B, "yes")],
        [decision(FP_A1, "café: “quoted” # not a comment"), decision(FP_B, "yes")],
    ),
    "multi-line reason": ([(FP_B, "line one\nline two")], [decision(FP_B, "line one\nline two")]),
}


@pytest.mark.parametrize(("accepted", "expected"), ROUND_TRIP_CASES.values(), ids=ROUND_TRIP_CASES.keys())
def test_accept_then_load(tmp_path: Path, accepted: list[tuple[str, str]], expected: list[Decision]) -> None:
    claims = tmp_path / "claims"
    for fingerprint, reason in accepted:
        do_accept(claims, fingerprint, reason)
    assert load_decisions(claims) == expected
    assert check_decisions_file(claims / DECISIONS_FILE) == []


def test_update_keeps_who_accepted_and_when(tmp_path: Path) -> None:
    accept(tmp_path, FP_B, "first", known=KNOWN, accepted_by="ada", today="2025-01-02")
    updated = accept(tmp_path, FP_B[:8], "second", known=KNOWN, accepted_by="bob", today="2025-03-04")
    assert updated == Decision(FP_B, "second", "ada", "2025-01-02")
    assert load_decisions(tmp_path) == [updated]


# given -> the fingerprint it expands to (KNOWN are the current findings)
EXPAND_CASES = {
    "full": (FP_A1, FP_A1),
    "unique prefix": ("abcdef01", FP_A1),
    "six characters": ("bbbbbb", FP_B),
    "surrounding spaces": ("  bbbbbb ", FP_B),
    "digits": ("123456", FP_DIGITS),
}


@pytest.mark.parametrize(("given", "expected"), EXPAND_CASES.values(), ids=EXPAND_CASES.keys())
def test_prefix_expands(tmp_path: Path, given: str, expected: str) -> None:
    assert do_accept(tmp_path, given).fingerprint == expected
    assert [d.fingerprint for d in load_decisions(tmp_path)] == [expected]


def test_prefix_of_a_recorded_decision_expands_without_known(tmp_path: Path) -> None:
    do_accept(tmp_path, FP_B, "first")
    assert do_accept(tmp_path, "bbbbbbbb", "second", known=()) == decision(FP_B, "second")


def test_without_findings_nothing_can_be_accepted(tmp_path: Path) -> None:
    """A decision must name a finding that exists: with none, any fingerprint is unknown."""
    with pytest.raises(InputError, match="cafe0123"):
        do_accept(tmp_path, "cafe0123", known=())
    assert not (tmp_path / "decisions.yaml").exists()


# (given, known) -> the words the error must contain
REFUSED_CASES: dict[str, tuple[str, tuple[str, ...], list[str]]] = {
    "ambiguous prefix": ("abcdef", KNOWN, ["ambiguous", FP_A1, FP_A2]),
    "too short": ("abcde", KNOWN, ["too short", "at least 6", FP_A1, FP_A2]),
    "too short without known": ("abc", (), ["too short"]),
    "empty": ("", KNOWN, ["too short"]),
    "unknown, with the closest": ("abcdef99", KNOWN, ["no current finding", "'abcdef99'", FP_A1, FP_A2]),
    "unknown, nothing close": ("ffffffff", KNOWN, ["no current finding", "5 known", "factcheck conflicts"]),
    "spaces inside": ("abc def01", KNOWN, ["must not contain spaces"]),
}


@pytest.mark.parametrize(("given", "known", "words"), REFUSED_CASES.values(), ids=REFUSED_CASES.keys())
def test_bad_fingerprint_is_refused(tmp_path: Path, given: str, known: tuple[str, ...], words: list[str]) -> None:
    with pytest.raises(InputError) as raised:
        do_accept(tmp_path, given, known=known)
    for word in words:
        assert word in str(raised.value)
    assert not (tmp_path / DECISIONS_FILE).exists()


def test_unknown_lists_only_the_closest(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        do_accept(tmp_path, "bbbbbbcc")
    assert FP_B in str(raised.value) and FP_A1 not in str(raised.value)


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_empty_reason_is_refused(tmp_path: Path, reason: str) -> None:
    with pytest.raises(InputError, match="reason is required"):
        do_accept(tmp_path, FP_B, reason)
    assert not (tmp_path / DECISIONS_FILE).exists()


def test_bad_date_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an ISO date"):
        accept(tmp_path, FP_B, "fine", known=KNOWN, accepted_by="ada", today="15/07/2025")


def test_accept_defaults_to_today(tmp_path: Path) -> None:
    accepted_at = accept(tmp_path, FP_B, "fine", known=KNOWN, accepted_by="ada").accepted_at
    assert len(accepted_at) == 10 and accepted_at.startswith("20")


def test_accepted_by_defaults_to_git_user_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    config = write(tmp_path / "gitconfig", "[user]\n\tname = Grace Hopper\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never the repository around tmp_path
    assert accept(tmp_path / "claims", FP_B, "fine", known=KNOWN).accepted_by == "Grace Hopper"


def test_accepted_by_falls_back_to_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    monkeypatch.setenv("USER", "alan")
    assert accept(tmp_path, FP_B, "fine", known=KNOWN).accepted_by == "alan"


def test_accept_refuses_to_overwrite_a_malformed_file(tmp_path: Path) -> None:
    path = write(tmp_path / DECISIONS_FILE, "decisions: [\n")
    with pytest.raises(InputError):
        do_accept(tmp_path, FP_B)
    assert path.read_text(encoding="utf-8") == "decisions: [\n"


# ------------------------------------------------------------------------------------------ writing


def test_written_file_is_sorted_and_diff_friendly(tmp_path: Path) -> None:
    write_decisions(tmp_path, [decision(FP_B, "b"), decision(FP_DIGITS, "digits", by="", at="")])
    text = (tmp_path / DECISIONS_FILE).read_text(encoding="utf-8")
    assert text.split("\n", 2)[2] == dedent(f"""\
        decisions:
        - fingerprint: '{FP_DIGITS}'
          reason: digits
          accepted_by: ''
          accepted_at: ''
        - fingerprint: '{FP_B}'
          reason: b
          accepted_by: ada
          accepted_at: '{TODAY}'
        """)
    assert text.startswith("# ")


def test_rewriting_gives_the_same_bytes(tmp_path: Path) -> None:
    for fingerprint in (FP_B, FP_A2, FP_DIGITS, FP_A1):
        do_accept(tmp_path, fingerprint, f"reason for {fingerprint[:6]}: see #12")
    path = tmp_path / DECISIONS_FILE
    before = path.read_bytes()
    write_decisions(tmp_path, list(reversed(load_decisions(tmp_path))))
    assert path.read_bytes() == before
    do_accept(tmp_path, FP_A1, f"reason for {FP_A1[:6]}: see #12")  # the same decision again
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [DECISIONS_FILE]  # no temporary files left


def test_write_refuses_two_decisions_for_one_finding(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="more than one decision"):
        write_decisions(tmp_path, [decision(FP_B, "one"), decision(FP_B, "two")])


# ------------------------------------------------------------------------------------------ reading


def test_missing_file_is_no_decisions(tmp_path: Path) -> None:
    assert load_decisions(tmp_path) == []
    assert load_decisions(tmp_path / "no-such-dir") == []


@pytest.mark.parametrize("text", ["", "# nothing accepted yet\n", "decisions:\n", "decisions: []\n"])
def test_empty_file_is_no_decisions(tmp_path: Path, text: str) -> None:
    write(tmp_path / DECISIONS_FILE, text)
    assert load_decisions(tmp_path) == []


def test_hand_written_file_loads(tmp_path: Path) -> None:
    write(
        tmp_path / DECISIONS_FILE,
        f"""
        decisions:
        - reason: quoted as history
          fingerprint: {FP_B}
          accepted_at: 2025-07-15
        """,
    )
    assert load_decisions(tmp_path) == [Decision(FP_B, "quoted as history", "", "2025-07-15")]


# file content -> [(line, words of the message)]
MALFORMED_CASES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    "yaml syntax": ("decisions:\n- fingerprint: [\n", [(3, "YAML syntax error")]),
    "a list at the root": ("- fingerprint: abc\n", [(1, "expected a mapping with `decisions:`")]),
    "unknown top-level key": ("decisions: []\nnotes: x\n", [(2, "unknown key 'notes'")]),
    "decisions not a list": ("decisions:\n  a: b\n", [(1, "decisions: expected a list")]),
    "entry not a mapping": ("decisions:\n- just text\n", [(2, "decisions[0]: expected a mapping")]),
    "missing reason": (f"decisions:\n- fingerprint: {FP_B}\n", [(2, "decisions[0]: reason is required")]),
    "missing fingerprint": ("decisions:\n- reason: fine\n", [(2, "decisions[0]: fingerprint is required")]),
    "empty reason": (f"decisions:\n- fingerprint: {FP_B}\n  reason: ''\n", [(3, "decisions[0].reason: must be")]),
    "unquoted digits": ("decisions:\n- fingerprint: 123456\n  reason: x\n", [(2, "(quote it)")]),
    "unknown entry key": (
        f"decisions:\n- fingerprint: {FP_B}\n  reason: x\n  note: y\n",
        [(4, "decisions[0].note: unknown key")],
    ),
    "bad date": (
        f"decisions:\n- fingerprint: {FP_B}\n  reason: x\n  accepted_at: 2025-02-30\n",
        [(4, "not an ISO date")],
    ),
    "accepted_by not a string": (
        f"decisions:\n- fingerprint: {FP_B}\n  reason: x\n  accepted_by: [a]\n",
        [(4, "must be a string")],
    ),
    "duplicate key": (
        f"decisions:\n- fingerprint: {FP_B}\n  reason: x\n  reason: y\n",
        [(4, "duplicate key 'reason'")],
    ),
    "duplicate fingerprint": (
        f"decisions:\n- fingerprint: {FP_B}\n  reason: x\n- fingerprint: {FP_B}\n  reason: y\n",
        [(4, "duplicate fingerprint")],
    ),
    "every bad entry is reported": (
        f"decisions:\n- fingerprint: {FP_B}\n- nope\n- fingerprint: {FP_A1}\n  reason: ''\n",
        [(2, "reason is required"), (3, "expected a mapping"), (5, "reason: must be")],
    ),
    "binary": ("\0\0", [(1, "not a decisions file: binary content")]),
}


@pytest.mark.parametrize(("text", "expected"), MALFORMED_CASES.values(), ids=MALFORMED_CASES.keys())
def test_malformed_file(tmp_path: Path, text: str, expected: list[tuple[int, str]]) -> None:
    path = tmp_path / DECISIONS_FILE
    path.write_text(text, encoding="utf-8")
    problems = check_decisions_file(path)
    assert len(problems) == len(expected), problems
    for problem, (line, words) in zip(problems, expected, strict=True):
        assert (problem.path, problem.line) == (str(path), line)
        assert words in problem.message
    with pytest.raises(InputError) as raised:
        load_decisions(tmp_path)
    assert str(raised.value).splitlines() == [str(p) for p in problems]
    assert str(raised.value).startswith(f"{path}:{expected[0][0]}: ")


def test_check_decisions_in_finds_the_decisions_files(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad" / DECISIONS_FILE, "decisions: {}\n")
    write(tmp_path / "good" / DECISIONS_FILE, f"decisions:\n- fingerprint: {FP_B}\n  reason: x\n")
    (tmp_path / "none").mkdir()
    claim_file = write(tmp_path / "a.yaml", "not: [a decisions file\n")
    missing = tmp_path / "gone" / DECISIONS_FILE
    paths = [tmp_path / "bad", tmp_path / "good", tmp_path / "none", claim_file, missing]
    assert [(p.path, p.line) for p in check_decisions_in(paths)] == [(str(bad), 1), (str(missing), 1)]


# ----------------------------------------------------------------------------------------- applying

# (finding fingerprints, decision fingerprints) -> (open, accepted, stale) fingerprints
SPLIT_CASES: dict[str, tuple[list[str], list[str], tuple[list[str], list[str], list[str]]]] = {
    "nothing": ([], [], ([], [], [])),
    "no decisions": ([FP_A1, FP_B], [], ([FP_A1, FP_B], [], [])),
    "one accepted": ([FP_A1, FP_B], [FP_B], ([FP_A1], [FP_B], [])),
    "all accepted": ([FP_B, FP_A1], [FP_A1, FP_B], ([], [FP_B, FP_A1], [])),
    "stale only": ([FP_A1], [FP_B], ([FP_A1], [], [FP_B])),
    "no findings left": ([], [FP_A1, FP_B], ([], [], [FP_A1, FP_B])),
    "mixed": ([FP_A1, FP_A2], [FP_A2, FP_B], ([FP_A1], [FP_A2], [FP_B])),
    "a prefix is not a match": ([FP_A1], [FP_A1[:12]], ([FP_A1], [], [FP_A1[:12]])),
}


@pytest.mark.parametrize(("findings", "decisions", "expected"), SPLIT_CASES.values(), ids=SPLIT_CASES.keys())
def test_split_findings(findings: list[str], decisions: list[str],
                        expected: tuple[list[str], list[str], list[str]]) -> None:  # fmt: skip
    open_, accepted, stale = split_findings([finding(f) for f in findings], [decision(d) for d in decisions])
    fingerprints = ([f.fingerprint for f in open_], [f.fingerprint for f in accepted], [d.fingerprint for d in stale])
    assert fingerprints == expected

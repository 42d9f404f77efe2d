"""Tests for factcheck.claimfiles: writing, loading and checking claims/<document>.yaml."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claimfiles import (
    Problem,
    check_claim_files,
    claim_from_record,
    load_claim_file,
    write_claim_file,
)
from factcheck.errors import InputError
from factcheck.models import Claim, Qualifier, Quantity

from .factories import claim_with

DOCUMENT = "000_d4f2133b4cbabe07.txt"


def make_claim(claim_id: str = "c1", line: int = 1, **changes: Any) -> Claim:
    """A claim that differs from a plain one only in the fields a test names."""
    quantity = Quantity(value=5.6e6, unit="USD", qualifier=Qualifier.EXACT, text="$5.6M", start=0, end=5)
    claim = Claim(
        id=claim_id,
        document=DOCUMENT,
        line=line,
        subject="DeepSeek-R1",
        metric="training cost",
        quantity=quantity,
        text="DeepSeek-R1 cost $5.6M to train",
    )
    return claim_with(claim, **changes)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------ writing

ROUND_TRIP_CASES = {
    "plain": make_claim(),
    "extracted extras": make_claim(start=17, end=22, scale=1e6, precision=1e5, kind="currency", unit_text="USD"),
    "iso date": make_claim(value="2025-07-15", unit="date", kind="date", text="on 2025-07-15"),
    "year": make_claim(value="2025", unit="date", kind="date"),
    "quarter range": make_claim(
        value="2025-Q1", low="2025-Q1", high="2025-Q2", unit="date", qualifier=Qualifier.RANGE, kind="date"
    ),
    "number range": make_claim(value=5.5e6, low=5e6, high=6e6, qualifier=Qualifier.RANGE),
    "upper bound": make_claim(value=100.0, high=100.0, qualifier=Qualifier.UPPER_BOUND),
    "awkward floats": make_claim(value=0.1 + 0.2, low=1e-300, high=1.7976931348623157e308),
    "integral float": make_claim(value=1509.0, unit="", quote="1,509"),
    "unicode and yaml-ish text": make_claim(
        subject="通义千问: Qwen", metric="yes", text="- no # not a comment", section="Costs > “Training”"
    ),
    "page and origin": make_claim(page=3, origin="manual", line=0),
    "empty quote": make_claim(quote="", text=""),
}


@pytest.mark.parametrize("claim", ROUND_TRIP_CASES.values(), ids=ROUND_TRIP_CASES.keys())
def test_write_then_load_round_trips(tmp_path: Path, claim: Claim) -> None:
    claims = [claim, make_claim("c2", line=7)]
    path = write_claim_file(tmp_path / "claims", DOCUMENT, claims)
    assert path == tmp_path / "claims" / "000_d4f2133b4cbabe07.txt.yaml"
    assert load_claim_file(path) == claims
    assert check_claim_files([path]) == []


@given(value=st.floats(allow_nan=False), low=st.floats(allow_nan=False) | st.none())
def test_any_float_round_trips(tmp_path_factory: pytest.TempPathFactory, value: float, low: float | None) -> None:
    claim = make_claim(value=value, low=low, precision=abs(value) or 1.0)
    path = write_claim_file(tmp_path_factory.getbasetemp() / "floats", DOCUMENT, [claim])
    assert load_claim_file(path) == [claim]


def test_written_format(tmp_path: Path) -> None:
    claims = [
        make_claim(value=5.6e6, precision=1e5),
        make_claim(
            "c2",
            line=12,
            value="2025-07",
            unit="date",
            kind="date",
            quote="July 2025",
            end=9,
            qualifier=Qualifier.APPROX,
            section="Timeline",
            text="around July 2025",
        ),
    ]
    path = write_claim_file(tmp_path, DOCUMENT, claims)
    assert path.read_text(encoding="utf-8") == dedent("""\
        document: 000_d4f2133b4cbabe07.txt
        claims:
        - id: c1
          subject: DeepSeek-R1
          metric: training cost
          value: 5600000.0
          unit: USD
          qualifier: exact
          low: null
          high: null
          quote: $5.6M
          text: DeepSeek-R1 cost $5.6M to train
          line: 1
          section: ''
          precision: 100000.0
        - id: c2
          subject: DeepSeek-R1
          metric: training cost
          value: '2025-07'
          unit: date
          qualifier: approx
          low: null
          high: null
          quote: July 2025
          text: around July 2025
          line: 12
          section: Timeline
        """)


def test_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    write_claim_file(tmp_path, DOCUMENT, [make_claim("c1"), make_claim("c2")])
    path = write_claim_file(tmp_path, DOCUMENT, [make_claim("c3")])
    assert [c.id for c in load_claim_file(path)] == ["c3"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_write_rejects_claims_of_another_document(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="other.md"):
        write_claim_file(tmp_path, DOCUMENT, [make_claim(document="other.md")])


def test_long_text_is_not_wrapped(tmp_path: Path) -> None:
    long_text = " ".join(["word"] * 60)
    path = write_claim_file(tmp_path, DOCUMENT, [make_claim(text=long_text)])
    assert f"  text: {long_text}\n" in path.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------ loading

# A minimal hand-written entry, and entries that add one thing to it: (added YAML, changed fields).
MINIMAL_ENTRY = "id: c1, subject: DeepSeek-R1, metric: training cost"
HAND_WRITTEN_CASES = {
    "minimal": ("value: 100000000", {"value": 1e8}),
    "unquoted date": ("value: 2025-04-29", {"value": "2025-04-29", "unit": "date", "kind": "date"}),
    "quoted year": ("value: '2025'", {"value": "2025", "unit": "date", "kind": "date"}),
    "bare year with unit date": (
        "value: 2025, unit: date",
        {"value": "2025", "unit": "date", "kind": "date"},
    ),
    "exponent without dot or sign": ("value: 5.6e6, quote: $5.6M", {"quote": "$5.6M", "end": 5}),
    "manual range": (
        "value: 5.5, qualifier: range, low: 5, high: 6, origin: manual, line: 4",
        {"value": 5.5, "qualifier": Qualifier.RANGE, "low": 5.0, "high": 6.0, "origin": "manual", "line": 4},
    ),
}


@pytest.mark.parametrize(("added", "changes"), HAND_WRITTEN_CASES.values(), ids=HAND_WRITTEN_CASES.keys())
def test_load_hand_written_entry(tmp_path: Path, added: str, changes: dict[str, Any]) -> None:
    path = write(tmp_path / "hand.yaml", f"document: {DOCUMENT}\nclaims:\n- {{{MINIMAL_ENTRY}, {added}}}\n")
    defaults: dict[str, Any] = {"line": 0, "unit": "", "quote": "", "end": 0, "text": ""}
    assert load_claim_file(path) == [make_claim(**(defaults | changes))]


def test_load_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.yaml",
        """
        document: a.md
        claims:
        - id: c1
          subject: R1
          metric: cost
          value: [1, 2]
        - id: c2
          subject: R1
          metric: cost
          value: 3
          qualifier: roughly
        """,
    )
    with pytest.raises(InputError) as raised:
        load_claim_file(path)
    lines = str(raised.value).splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{path}:6", f"{path}:11"]


def test_claim_from_as_record_round_trips() -> None:
    claim = make_claim(value="2025-Q3", unit="date", kind="date", qualifier=Qualifier.APPROX, page=2, precision=0.5)
    assert claim_from_record(claim.as_record(), DOCUMENT) == claim


BAD_RECORD_CASES = [
    ({"subject": "s", "metric": "m", "value": 1}, "id is required"),
    ({"id": "c1", "subject": "s", "metric": "m"}, "value is required"),
    ({"id": "c1", "subject": "s", "metric": "m", "value": [1]}, "value must be a number or an ISO date"),
    ({"id": "c1", "subject": "s", "metric": "m", "value": True}, "value must be a number or an ISO date"),
    ({"id": "c1", "subject": "s", "metric": "m", "value": 1, "line": "7"}, "line must be int"),
    (
        {"id": "c1", "subject": "s", "metric": "m", "value": 1, "qualifier": "about"},
        "qualifier 'about' is not",
    ),
]


@pytest.mark.parametrize(("record", "message"), BAD_RECORD_CASES)
def test_claim_from_bad_record(record: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        claim_from_record(record, "a.md")


# ----------------------------------------------------------------------------------------- checking

CLEAN = dedent("""\
    document: a.md
    claims:
    - id: c1
      subject: R1
      metric: cost
      value: 5600000.0
    """)

# (file text, expected (line, message fragment) pairs); line numbers count from "document:".
CHECK_CASES = {
    "clean": (CLEAN, []),
    "no claims": ("document: a.md\nclaims: []\n", []),
    "syntax error": (
        """
        document: a.md
        claims:
        - id: c1
          subject: R1: the model
        """,
        [(4, "YAML syntax error: mapping values are not allowed here")],
    ),
    "unclosed flow": (
        """
        document: a.md
        claims:
        - {id: c1, subject: R1
        - id: c2
        """,
        [(4, "YAML syntax error")],
    ),
    "value is a list": (
        CLEAN.replace("value: 5600000.0", "value:\n  - 1\n  - 2"),
        [(6, "claims[0].value: [1, 2] is not of type 'number', 'string'")],
    ),
    "bad qualifier": (
        CLEAN + "  qualifier: roughly\n",
        [(7, "claims[0].qualifier: 'roughly' is not one of")],
    ),
    "bad date": (
        CLEAN.replace("5600000.0", "2025-13"),
        [(6, "claims[0].value: '2025-13' is not valid here: expected a number in base units, or an ISO date")],
    ),
    "missing metric": (
        CLEAN.replace("  metric: cost\n", ""),
        [(3, "claims[0]: 'metric' is a required property")],
    ),
    "unknown key": (CLEAN + "  qualifer: exact\n", [(7, "'qualifer' was unexpected")]),
    "range without ends": (CLEAN + "  qualifier: range\n  low: 5\n", [(3, "'high' is a required property")]),
    "range low above high": (
        CLEAN + "  qualifier: range\n  low: 6\n  high: 5\n",
        [(8, "claims[0]: low 6 is above high 5")],
    ),
    "date range low above high": (
        CLEAN + "  qualifier: range\n  low: '2025-03'\n  high: '2024'\n",
        [(8, "low '2025-03' is above high '2024'")],
    ),
    "duplicate key": (CLEAN + "  value: 6\n", [(7, "duplicate key 'value' (first on line 6)")]),
    "duplicate id in file": (
        CLEAN + "- id: c1\n  subject: V3\n  metric: cost\n  value: 6\n",
        [(7, "duplicate claim id 'c1' (first at {path}:3)")],
    ),
    "top level list": ("- id: c1\n", [(1, "file: [{'id': 'c1'}] is not of type 'object'")]),
    "missing document": ("claims: []\n", [(1, "file: 'document' is a required property")]),
    "empty": ("", [(1, "empty claim file")]),
    "two documents": (
        "document: a.md\nclaims: []\n---\ndocument: b.md\n",
        [(3, "expected a single document")],
    ),
    "python tag": (
        "document: !!python/name:os.system a.md\nclaims: []\n",
        [(1, "could not determine a constructor")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CHECK_CASES.values(), ids=CHECK_CASES.keys())
def test_check_claim_file(tmp_path: Path, text: str, expected: list[tuple[int, str]]) -> None:
    path = write(tmp_path / "a.yaml", text)
    problems = check_claim_files([path])
    assert [p.line for p in problems] == [line for line, _ in expected]
    for problem, (_, fragment) in zip(problems, expected, strict=True):
        assert problem.path == str(path)
        assert fragment.replace("{path}", str(path)) in problem.message


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a.yaml", CLEAN)
    second = write(tmp_path / "b.yaml", CLEAN.replace("a.md", "b.md").replace("value", "line: 2\n  value"))
    assert check_claim_files([tmp_path]) == [
        Problem(str(second), 3, f"duplicate claim id 'c1' (first at {first}:3)"),
    ]


UNREADABLE_CASES = {
    "binary": b"\x00\x01\x02document",
    "not utf-8": b"document: caf\xe9\n",
}


@pytest.mark.parametrize("content", UNREADABLE_CASES.values(), ids=UNREADABLE_CASES.keys())
def test_unreadable_file_is_one_problem_on_line_1(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(content)
    assert [(p.line, p.message.split(":")[0]) for p in check_claim_files([path])] == [(1, "not a claim file")]


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    problems = check_claim_files([tmp_path / "missing.yaml"])
    assert [(p.line, p.message) for p in problems] == [(1, "cannot read claim file: No such file or directory")]


def test_directory_checks_claim_files_only(tmp_path: Path) -> None:
    write(tmp_path / "b.yml", "document: b.md\nclaims: {}\n")
    write(tmp_path / "a.yaml", "document: [\n")
    for other in ("decisions.yaml", "sources.yaml", "notes.txt", ".a.yaml.x1.tmp"):
        write(tmp_path / other, "not: [a claim file\n")
    assert [Path(p.path).name for p in check_claim_files([tmp_path])] == ["a.yaml", "b.yml"]


def test_claim_files_in_subfolders_are_checked(tmp_path: Path) -> None:
    """Hand-written claims live in folders of their own ("claims/manual/notes.yaml")."""
    (tmp_path / "manual").mkdir()
    (tmp_path / ".git").mkdir()
    write(tmp_path / "manual" / "notes.yaml", "document: [\n")
    write(tmp_path / "manual" / ".notes.yaml.x1.tmp", "not: [a claim file\n")
    write(tmp_path / ".git" / "config.yaml", "not: [a claim file\n")
    assert [Path(p.path).relative_to(tmp_path).as_posix() for p in check_claim_files([tmp_path])] == [
        "manual/notes.yaml"
    ]


def test_problem_str() -> None:
    assert str(Problem("claims/a.yaml", 7, "bad")) == "claims/a.yaml:7: bad"


def test_deeply_nested_yaml_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", "document: " + "[" * 2_000 + "]" * 2_000 + "\n")
    assert [p.line for p in check_claim_files([path])] == [1]


def test_check_survives_bad_dates_and_keeps_checking_after_schema_errors(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.yaml",
        """
        document: a.md
        claims:
        - id: a1
          subject: X
          metric: m
          value: 2025-04-31
        - id: a1
          subject: X
          metric: m
          value: 5
          qualifier: roughly
        - id: a2
          subject: X
          metric: m
          value: 32000
          low: 10000
          high: 20000
          qualifier: range
        """,
    )
    problems = [(p.line, p.message.split(":")[0]) for p in check_claim_files([path])]
    assert (6, "claims[0].value") in problems  # an impossible date, at its line
    assert any(line == 7 and "duplicate claim id" in message for line, message in problems)
    assert any(line == 11 for line, _ in problems)  # the bad qualifier
    assert any(line == 15 for line, _ in problems)  # value outside low..high

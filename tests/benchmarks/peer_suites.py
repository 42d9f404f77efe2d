"""factcheck's number parser and quantulum3, side by side on the peers' own test data.

Run from the repository root:

    .venv/bin/python benchmarks/peer_suites.py [--suites DIR] [--show-misses [N]]

The suites are the public test files kept in ../shared/peer-suites (see its README.md):
quantulum3's quantities.json and Microsoft Recognizers-Text's English Number, Percent,
Currency and Dimension models. Both parsers run on the same inputs in the same process;
quantulum3 runs as installed (without its optional scikit-learn classifier if that is absent).

Scope. factcheck reads figures in research and business documents, so a case item is graded
only when it is a figure factcheck means to read, decided by rule from the expected answer:

- numbers written with digits: thousands commas, decimals (also ".08"), a leading minus, and a
  K/M/MM/B/Bn/T suffix or a thousand/million/billion/trillion/hundred scale word;
- percentages written with digits and "%", "percent" or "per cent";
- currency amounts written with digits in USD, EUR, GBP or CNY (matched on the ISO code; an
  unqualified "Dollar" counts as USD and "Pound" as GBP, as the peers' "$" and "£" cases mean).

Out of scope, and counted as excluded: spelled-out numbers ("twenty one", "a dozen"), fraction
words and slash fractions, powers and scientific notation ("1e10", "1.3x10^6"), digit groups
split by spaces ("1 234 567", "10 000 dollars"), Indian and European grouping ("12,34,567",
"1.111,11"), lakh/crore/G/bln/mil scales, currency subunits (cents, pence), other currencies
(CAD, HKD, JPY, CHF, ...), amounts written in two parts ("15 dollars 50"), and every physical
dimension (length, mass, temperature, data size: the whole Dimension suite).

Per suite:
- Recognizers NumberModel: an item is in scope when its Text is a digit number as above and is
  not a piece of a longer token (the "192" of an IP address, the "5" of 5/17/2018, the "173" of
  SCP-173, the "22" of "22,24,26"). Inputs expecting nothing are graded as negatives when no
  digit in them is glued to a letter ("180ml", "May 4th" are about units and ordinals).
- Recognizers PercentModel: an item is in scope when its Text is digits followed by %, percent
  or per cent ("percent of 10" is out). All inputs expecting nothing are negatives.
- Recognizers CurrencyModel: an item is in scope when its Text holds exactly one digit number
  and its currency is one of the four. All inputs expecting nothing are negatives.
- Recognizers DimensionModel: out of scope.
- quantulum3: an expected quantity is in scope when its surface has digits and no fraction,
  power or spaced digit group, no unit letters beyond a scale, and its unit is dimensionless,
  percentage, or dollar/euro/pound sterling/yuan. Sentences expecting nothing are negatives.
  Numbers inside names ("Voyager 2", "English 101", "Core i7 860") are in scope by this rule
  although factcheck leaves them out on purpose; they show up among our misses.

Scoring. An expected item is found when a parsed quantity, not already used for another item
of the same input, has a value within relative tolerance 1e-6 of the expected value (a
percentage as its number: 97.3; a currency amount in units). A parsed range also matches by
either end or its midpoint, and an expected range (quantulum3's midpoint ± uncertainty) by
either end or its midpoint. Percent items need a percentage; currency items need the same ISO
code. A year that factcheck reads as a date ("1979") counts as that number. On a negative input,
a parser "fires" when it returns any quantity of the suite's kind (any quantity for the
Number and quantulum3 suites, a percentage for Percent, a currency amount for Currency). The
"NotSupported" marks in the Recognizers files concern their own platforms and are ignored.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from factcheck.quantities import find_quantities

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SUITES = REPO_ROOT / ".." / "shared" / "peer-suites"
SUPPORTED_ISO = frozenset({"USD", "EUR", "GBP", "CNY"})
REL_TOL = 1e-6

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
_SCALE = r"(?:k|m|mm|b|bn|t|thousand|million|billion|trillion|hundred)"
_NUMBER_TEXT = re.compile(rf"-?{_NUM}(?:\s?{_SCALE})?", re.IGNORECASE)
_PERCENT_TEXT = re.compile(rf"-?{_NUM}\s?(?:%|percent|per cent)", re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DIGIT_RUN = re.compile(r"\d[\d,.]*")
_GLUED_TO_LETTER = re.compile(r"\d[^\W\d_]")
_JOINED_BEFORE = re.compile(r"\w[-./:,+]$")
_JOINED_AFTER = re.compile(r"^[-./:,]\d")
_Q3_UNSUPPORTED = re.compile(r"[/×^⅓½¼¾]|\d\s+\d|\d[eE][-+]?\d")
_Q3_ALLOWED_WORDS = re.compile(
    rf"\b(?:to|and|between)\b|(?<=\d)\s?{_SCALE}\b|\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE
)

_RECOGNIZERS_ISO = {"Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Pound": "GBP",
                    "British pound": "GBP", "Chinese yuan": "CNY"}  # fmt: skip
_QUANTULUM_ISO = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
                  "chinese yuan": "CNY", "renminbi": "CNY"}  # fmt: skip


@dataclass(frozen=True)
class Expected:
    """One graded item: the values that count as a match, what kind it is, its text."""

    values: tuple[float, ...]
    kind: str  # number, percent, currency
    iso: str
    text: str


@dataclass(frozen=True)
class Case:
    """One input; no expected items makes it a negative (the parser should find nothing)."""

    text: str
    expected: tuple[Expected, ...]


@dataclass(frozen=True)
class Suite:
    name: str
    cases: tuple[Case, ...]
    inputs: int  # all inputs in the file
    items_excluded: int  # expected items out of scope, in graded and excluded inputs alike
    fire_kinds: frozenset[str] | None  # parsed kinds that count on a negative; None = any


@dataclass(frozen=True)
class Parsed:
    """A parsed quantity reduced to what grading needs."""

    values: tuple[float, ...]
    kind: str  # number, percent, currency, date
    iso: str
    text: str


@dataclass
class Tally:
    items: int = 0
    found: int = 0
    negatives: int = 0
    fired: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Miss:
    suite: str
    text: str
    wanted: str
    got: str


Parser = Callable[[str], list[Parsed]]

LEGEND = """
excluded: inputs with nothing in scope; graded: inputs scored; items: expected quantities in scope;
items out: expected quantities not graded; found: items matched by value (and % / ISO code);
neg: graded inputs that expect nothing; fired: negatives where the parser returned a quantity of the
suite's kind. quantulum3's own suite is its regression data, so it is expected to pass all of it.
Scope and scoring rules: see this script's docstring."""


# --- the two parsers ---------------------------------------------------------------------------


def _range_values(value: float, low: object, high: object) -> tuple[float, ...]:
    values = [value]
    if isinstance(low, float | int) and isinstance(high, float | int):
        values += [float(low), float(high), (float(low) + float(high)) / 2]
    else:
        values += [float(end) for end in (low, high) if isinstance(end, float | int)]
    return tuple(values)


def parse_ours(text: str) -> list[Parsed]:
    parsed: list[Parsed] = []
    for q in find_quantities(text):
        if isinstance(q.value, str):  # a date: only a bare year stands for a number
            if re.fullmatch(r"\d{4}", q.value):
                parsed.append(Parsed((float(q.value),), "date", "", q.text))
            continue
        kind = "percent" if q.unit == "percent" else "currency" if q.unit in SUPPORTED_ISO else "number"
        iso = q.unit if kind == "currency" else ""
        parsed.append(Parsed(_range_values(q.value, q.low, q.high), kind, iso, q.text))
    return parsed


def _quantulum_parser() -> Parser:
    with warnings.catch_warnings():  # the optional-classifier notice
        warnings.simplefilter("ignore")
        from quantulum3 import parser  # type: ignore[import-untyped]  # no stubs upstream

    def parse_quantulum(text: str) -> list[Parsed]:
        parsed: list[Parsed] = []
        for q in parser.parse(text):
            values: tuple[float, ...] = (float(q.value),)
            if q.uncertainty:
                values += (q.value - q.uncertainty, q.value + q.uncertainty)
            if q.unit.name == "percentage":
                kind, iso = "percent", ""
            elif q.unit.entity.name == "currency":
                code = getattr(q.unit, "currency_code", None)
                kind, iso = "currency", code or _QUANTULUM_ISO.get(q.unit.name, "")
            else:
                kind, iso = "number", ""
            parsed.append(Parsed(values, kind, iso, q.surface))
        return parsed

    return parse_quantulum


def _quantulum_description() -> str:
    import quantulum3.classifier  # type: ignore[import-untyped]  # no stubs upstream

    classifier = "with" if quantulum3.classifier.USE_CLF else "without"
    return f"quantulum3 {version('quantulum3')} ({classifier} its optional classifier)"


# --- scope rules -------------------------------------------------------------------------------


def _number_item(text: str, result: dict[str, Any]) -> Expected | None:
    surface = result["Text"]
    start, end = result["Start"], result["End"] + 1
    if not any(ch.isdigit() for ch in surface) or not _NUMBER_TEXT.fullmatch(surface):
        return None
    if _JOINED_BEFORE.search(text[max(0, start - 2) : start]) or _JOINED_AFTER.match(text[end : end + 2]):
        return None
    return Expected((float(result["Resolution"]["value"]),), "number", "", surface)


def _percent_item(text: str, result: dict[str, Any]) -> Expected | None:
    surface = result["Text"]
    if not any(ch.isdigit() for ch in surface) or not _PERCENT_TEXT.fullmatch(surface):
        return None
    return Expected((float(result["Resolution"]["value"].rstrip("%")),), "percent", "", surface)


def _currency_item(text: str, result: dict[str, Any]) -> Expected | None:
    surface, resolution = result["Text"], result["Resolution"]
    iso = resolution.get("isoCurrency") or _RECOGNIZERS_ISO.get(resolution.get("unit", ""), "")
    runs = _DIGIT_RUN.findall(surface)
    if iso not in SUPPORTED_ISO or len(runs) != 1 or not _PLAIN_NUMBER.fullmatch(runs[0].rstrip(".,")):
        return None
    return Expected((float(resolution["value"]),), "currency", iso, surface)


def _quantulum_item(result: dict[str, Any]) -> Expected | None:
    surface, unit = result["surface"], result["unit"]
    if unit == "dimensionless":
        kind, iso = "number", ""
    elif unit == "percentage":
        kind, iso = "percent", ""
    elif unit in _QUANTULUM_ISO:
        kind, iso = "currency", _QUANTULUM_ISO[unit]
    else:
        return None
    if not any(ch.isdigit() for ch in surface) or _Q3_UNSUPPORTED.search(surface):
        return None
    if re.search(r"[A-Za-z]", _Q3_ALLOWED_WORDS.sub("", surface)):
        return None
    value, spread = float(result["value"]), float(result.get("uncertainty") or 0.0)
    values = (value, value - spread, value + spread) if spread else (value,)
    return Expected(values, kind, iso, surface)


def _digits_not_glued(text: str) -> bool:
    return not _GLUED_TO_LETTER.search(text)


def _always(text: str) -> bool:
    return True


# --- loading -----------------------------------------------------------------------------------


def _load_json(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8-sig"))
    return data


def _graded(
    pairs: Iterable[tuple[str, Sequence[Expected | None]]], negative_in_scope: Callable[[str], bool]
) -> tuple[list[Case], int]:
    """Cases to grade from (input, items-or-None) pairs, and how many items fell out of scope."""
    cases: list[Case] = []
    items_excluded = 0
    for text, items in pairs:
        kept = tuple(item for item in items if item is not None)
        items_excluded += len(items) - len(kept)
        if kept or (not items and negative_in_scope(text)):
            cases.append(Case(text, kept))
    return cases, items_excluded


def load_recognizers(
    path: Path,
    name: str,
    item: Callable[[str, dict[str, Any]], Expected | None] | None,
    negative_in_scope: Callable[[str], bool],
    fire_kinds: frozenset[str] | None,
) -> Suite:
    data = _load_json(path)
    pairs = [(e["Input"], [item(e["Input"], r) if item else None for r in e["Results"]]) for e in data]
    cases, items_excluded = _graded(pairs, negative_in_scope if item else lambda _text: False)
    return Suite(name, tuple(cases), len(data), items_excluded, fire_kinds)


def load_quantulum(path: Path) -> Suite:
    data = _load_json(path)
    pairs = [(entry["req"], [_quantulum_item(r) for r in entry["res"]]) for entry in data]
    cases, items_excluded = _graded(pairs, _always)
    return Suite("quantulum3 quantities", tuple(cases), len(data), items_excluded, None)


def load_suites(directory: Path) -> list[Suite]:
    rt = "recognizers-text-{}.json"
    return [
        load_quantulum(directory / "quantulum3-quantities.json"),
        load_recognizers(directory / rt.format("NumberModel"), "RT NumberModel", _number_item,
                         _digits_not_glued, None),
        load_recognizers(directory / rt.format("PercentModel"), "RT PercentModel", _percent_item, _always,
                         frozenset({"percent"})),
        load_recognizers(directory / rt.format("CurrencyModel"), "RT CurrencyModel", _currency_item, _always,
                         frozenset({"currency"})),
        load_recognizers(directory / rt.format("DimensionModel"), "RT DimensionModel", None, _always, None),
    ]  # fmt: skip


# --- grading -----------------------------------------------------------------------------------


def _matches(expected: Expected, parsed: Parsed) -> bool:
    if expected.kind == "percent" and parsed.kind != "percent":
        return False
    if expected.kind == "currency" and (parsed.kind != "currency" or parsed.iso != expected.iso):
        return False
    return any(math.isclose(v, e, rel_tol=REL_TOL) for v in parsed.values for e in expected.values)


def grade_case(case: Case, parsed: list[Parsed]) -> list[Expected]:
    """The expected items of `case` that no parsed quantity matched (each quantity used once)."""
    unused = list(parsed)
    missed: list[Expected] = []
    for expected in case.expected:
        match = next((p for p in unused if _matches(expected, p)), None)
        if match is None:
            missed.append(expected)
        else:
            unused.remove(match)
    return missed


def _label(text: str, value: float, kind: str, iso: str) -> str:
    suffix = f" {iso}" if iso else " %" if kind == "percent" else ""
    return f"{text!r}={value:g}{suffix}"


def _describe(parsed: Iterable[Parsed]) -> str:
    return ", ".join(_label(p.text, p.values[0], p.kind, p.iso) for p in parsed) or "nothing"


def run_suite(suite: Suite, parse: Parser, misses: list[Miss] | None = None) -> Tally:
    tally = Tally()
    for case in suite.cases:
        start = time.perf_counter()
        parsed = parse(case.text)
        tally.seconds += time.perf_counter() - start
        if case.expected:
            missed = grade_case(case, parsed)
            tally.items += len(case.expected)
            tally.found += len(case.expected) - len(missed)
            if misses is not None and missed:
                wanted = "; ".join(_label(e.text, e.values[0], e.kind, e.iso) for e in missed)
                misses.append(Miss(suite.name, case.text, wanted, _describe(parsed)))
            continue
        tally.negatives += 1
        fired = [p for p in parsed if suite.fire_kinds is None or p.kind in suite.fire_kinds]
        if fired:
            tally.fired += 1
            if misses is not None:
                misses.append(Miss(suite.name, case.text, "nothing", _describe(fired)))
    return tally


# --- report ------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "-"


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total.items, total.found = total.items + t.items, total.found + t.found
        total.negatives, total.fired = total.negatives + t.negatives, total.fired + t.fired
        total.seconds += t.seconds
    return total


def _row(name: str, inputs: int, graded: int, items_out: int, ours: Tally, peer: Tally) -> tuple[str, ...]:
    return (
        name, str(inputs), str(inputs - graded), str(graded), str(ours.items), str(items_out),
        _share(ours.found, ours.items), _share(peer.found, peer.items),
        str(ours.negatives), _share(ours.fired, ours.negatives), _share(peer.fired, peer.negatives),
    )  # fmt: skip


def print_table(suites: Sequence[Suite], ours: Sequence[Tally], peer: Sequence[Tally]) -> None:
    header = ("suite", "inputs", "excluded", "graded", "items", "items out", "ours found", "q3 found",
              "neg", "ours fired", "q3 fired")  # fmt: skip
    rows = [
        _row(s.name, s.inputs, len(s.cases), s.items_excluded, o, p) for s, o, p in zip(suites, ours, peer, strict=True)
    ]
    overall = _row(
        "overall", sum(s.inputs for s in suites), sum(len(s.cases) for s in suites),
        sum(s.items_excluded for s in suites), _sum(ours), _sum(peer),
    )  # fmt: skip
    widths = [max(len(row[i]) for row in (header, *rows, overall)) for i in range(len(header))]
    rule = tuple("-" * w for w in widths)
    for row in (header, *rows, rule, overall):
        cells = [cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells))


def main(argv: Sequence[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    args.add_argument("--suites", type=Path, default=DEFAULT_SUITES, help="folder of the peer test files")
    args.add_argument("--show-misses", type=int, nargs="?", const=20, default=0, metavar="N",
                      help="list our first N misses and false fires (default 20)")  # fmt: skip
    options = args.parse_args(argv)
    directory: Path = options.suites
    if not (directory / "quantulum3-quantities.json").is_file():
        print(f"peer suites not found in {directory} (expected quantulum3-quantities.json and the "
              "recognizers-text-*.json files; pass --suites DIR)", file=sys.stderr)  # fmt: skip
        return 2
    suites = load_suites(directory)
    try:
        peer_parse = _quantulum_parser()
    except ImportError:
        print("quantulum3 is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    peer_parse("warm-up: $5.6M and 97.3% in 2025")  # loads quantulum3's unit tables
    parse_ours("warm-up: $5.6M and 97.3% in 2025")

    misses: list[Miss] = []
    ours = [run_suite(suite, parse_ours, misses) for suite in suites]
    peer = [run_suite(suite, peer_parse) for suite in suites]

    print(f"Peer suites from {directory.resolve()}")
    print(f"factcheck find_quantities vs {_quantulum_description()}, same inputs, same process\n")
    print_table(suites, ours, peer)
    print(LEGEND)
    print(f"time over graded inputs: ours {_sum(ours).seconds:.3f} s, quantulum3 {_sum(peer).seconds:.3f} s")
    if options.show_misses:
        shown = min(options.show_misses, len(misses))
        print(f"\nOur misses and false fires (first {shown} of {len(misses)}):")
        for miss in misses[: options.show_misses]:
            print(f"- [{miss.suite}] {miss.text!r}\n    wanted {miss.wanted}; got {miss.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

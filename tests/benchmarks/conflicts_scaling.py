"""Benchmark (a script, not a test): how conflict detection grows with the number of claims.

Extracts the bundled example once, then copies its claims into 1, 10, 30 and 100 times as many
documents and times `find_conflicts` on each. Prints the seconds, the time per claim, and the
ratio of the growth to n log n: a ratio that stays near 1 means the detection grows no faster than
n log n (pairwise comparison would grow with n², a 100-fold corpus costing 10,000 times as much).

    python tests/benchmarks/conflicts_scaling.py
"""

from __future__ import annotations

import dataclasses
import math
import time
from importlib.resources import files
from pathlib import Path

from factcheck.claims import extract_claims
from factcheck.conflicts import find_conflicts
from factcheck.documents import read_document
from factcheck.models import Claim
from factcheck.vocabulary import load_vocabulary


def example_claims() -> list[Claim]:
    vocabulary = load_vocabulary()
    folder = Path(str(files("factcheck") / "data" / "example"))
    return [c for path in sorted(folder.iterdir()) for c in extract_claims(read_document(path), vocabulary)]


def copies(claims: list[Claim], times: int) -> list[Claim]:
    return [
        dataclasses.replace(c, document=f"copy{i}-{c.document}", id=f"{i}-{c.id}") for i in range(times) for c in claims
    ]


def main() -> None:
    vocabulary = load_vocabulary()
    base = example_claims()
    find_conflicts(base, vocabulary)  # warm-up
    print(f"{'copies':>6} {'claims':>8} {'findings':>9} {'seconds':>8} {'µs/claim':>9} {'vs n log n':>10}")
    first: tuple[int, float] | None = None
    for times in (1, 10, 30, 100):
        claims = copies(base, times)
        start = time.perf_counter()
        findings = find_conflicts(claims, vocabulary)
        seconds = time.perf_counter() - start
        n = len(claims)
        if first is None:
            first = (n, seconds)
        growth = (seconds / first[1]) / ((n * math.log(n)) / (first[0] * math.log(first[0])))
        print(f"{times:>6} {n:>8} {len(findings):>9} {seconds:>8.3f} {1e6 * seconds / n:>9.1f} {growth:>10.2f}")


if __name__ == "__main__":
    main()

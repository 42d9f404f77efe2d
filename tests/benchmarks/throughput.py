"""Extraction throughput in MB/s: factcheck's whole pipeline, its number parser, and quantulum3.

Run from the repository root:

    .venv/bin/python tests/benchmarks/throughput.py [--min-mb 5] [--sample-kb 200] [--repeat 3]

The corpus is the five bundled example documents (src/factcheck/data/example) repeated until it
holds at least --min-mb megabytes (1 MB = 10^6 bytes of UTF-8), written as separate files into a
temporary folder. Three measurements, one process pinned to one core where the OS allows it,
each the fastest of --repeat runs (default 3) after one warm-up pass (spaCy, the vocabulary and
quantulum3's unit tables load then):

(a) full extraction: read_document on every file, then extract_claims with the built-in
    vocabulary;
(b) the number parser alone: find_quantities on every line of the corpus;
(c) quantulum3's parser.parse on every line of a leading sample of the same lines (--sample-kb,
    default 200 KB), because it is far slower; its MB/s is extrapolated from the sample.

Repeating five documents is fair to (b) and (c), which keep no per-text cache; (a) gains only
what any long run gains (compiled patterns, a loaded vocabulary).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from factcheck.claims import extract_claims
from factcheck.documents import read_document
from factcheck.quantities import find_quantities
from factcheck.vocabulary import Vocabulary, load_vocabulary

MB = 1_000_000


@dataclass(frozen=True)
class Seed:
    name: str
    data: bytes


@dataclass(frozen=True)
class Timing:
    label: str
    nbytes: int
    seconds: float
    found: int  # claims or quantities
    note: str = ""

    @property
    def mb_per_s(self) -> float:
        return self.nbytes / MB / self.seconds


def load_seeds() -> list[Seed]:
    folder = files("factcheck") / "data" / "example"
    entries = sorted((entry for entry in folder.iterdir() if entry.is_file()), key=lambda e: e.name)
    return [Seed(entry.name, entry.read_bytes()) for entry in entries]


def write_corpus(seeds: Sequence[Seed], min_bytes: int, folder: Path) -> list[Path]:
    """The seeds copied round after round into `folder` until they hold at least `min_bytes`."""
    rounds = math.ceil(min_bytes / sum(len(seed.data) for seed in seeds))
    paths: list[Path] = []
    for r in range(rounds):
        for seed in seeds:
            path = folder / f"r{r:03d}_{seed.name}"
            path.write_bytes(seed.data)
            paths.append(path)
    return paths


def corpus_lines(paths: Sequence[Path]) -> list[str]:
    return [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]


def lines_bytes(lines: Sequence[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)  # + the newline


def leading_sample(lines: Sequence[str], max_bytes: int) -> list[str]:
    sample: list[str] = []
    size = 0
    for line in lines:
        size += len(line.encode("utf-8")) + 1
        if size > max_bytes:
            break
        sample.append(line)
    return sample


def best_of(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    """The fastest of `repeat` runs and what it found: on a shared machine the other runs measure
    the neighbours too (timeit's rule)."""
    results = []
    for _ in range(repeat):
        start = time.perf_counter()
        found = run()
        results.append((time.perf_counter() - start, found))
    return min(results)


def time_extraction(paths: Sequence[Path], vocabulary: Vocabulary, repeat: int) -> Timing:
    extract_claims(read_document(paths[0]), vocabulary)  # warm-up
    seconds, claims = best_of(repeat, lambda: sum(len(extract_claims(read_document(p), vocabulary)) for p in paths))
    nbytes = sum(path.stat().st_size for path in paths)
    return Timing("factcheck full extraction (read_document + extract_claims)", nbytes, seconds, claims)


def time_per_line(
    label: str, parse: Callable[[str], Sequence[object]], lines: Sequence[str], note: str, repeat: int
) -> Timing:
    for line in lines[:200]:  # warm-up
        parse(line)
    seconds, found = best_of(repeat, lambda: sum(len(parse(line)) for line in lines))
    return Timing(label, lines_bytes(lines), seconds, found, note)


def quantulum_parse() -> Callable[[str], Sequence[object]]:
    with warnings.catch_warnings():  # the notice that its optional classifier is not installed
        warnings.simplefilter("ignore")
        from quantulum3 import parser  # type: ignore[import-untyped]  # no stubs upstream
    return parser.parse  # type: ignore[no-any-return]


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def print_report(timings: Sequence[Timing]) -> None:
    header = ("measurement", "MB", "seconds", "MB/s", "found")
    rows = [
        (t.label + (f" [{t.note}]" if t.note else ""), f"{t.nbytes / MB:.2f}", f"{t.seconds:.2f}",
         f"{t.mb_per_s:.3f}", str(t.found))
        for t in timings
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, tuple("-" * w for w in widths), *rows):
        cells = [cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells))


def main(argv: Sequence[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    args.add_argument("--min-mb", type=float, default=5.0, help="corpus size to reach, in MB (default 5)")
    args.add_argument("--sample-kb", type=float, default=200.0, help="quantulum3 sample, in KB (default 200)")
    args.add_argument("--repeat", type=int, default=3, help="runs per measurement, the fastest counts (default 3)")
    options = args.parse_args(argv)
    pinning = pin_to_one_core()
    seeds = load_seeds()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        paths = write_corpus(seeds, int(options.min_mb * MB), Path(tmp))
        lines = corpus_lines(paths)
        sample = leading_sample(lines, int(options.sample_kb * 1000))
        print(f"Corpus: {len(seeds)} example documents ({sum(len(s.data) for s in seeds) / 1000:.1f} KB) "
              f"x {len(paths) // len(seeds)} = {len(paths)} files, "
              f"{sum(p.stat().st_size for p in paths) / MB:.2f} MB, {len(lines)} lines")  # fmt: skip
        print(f"One process, {pinning}; Python {sys.version.split()[0]}; time.perf_counter, one warm-up each, "
              f"best of {options.repeat} runs.\n")  # fmt: skip
        repeat = options.repeat
        timings = [
            time_extraction(paths, load_vocabulary(), repeat),
            time_per_line("factcheck find_quantities per line", find_quantities, lines, "", repeat),
            time_per_line("quantulum3 parser.parse per line", quantulum_parse(), sample,
                          f"first {lines_bytes(sample) / 1000:.0f} KB only, MB/s extrapolated", repeat),
        ]  # fmt: skip
    print_report(timings)
    extraction, ours, peer = timings
    print("\nfound = claims for the full extraction, quantities for the parsers (quantulum3's over its sample).")
    print(f"ours / quantulum3, number parser against number parser: {ours.mb_per_s / peer.mb_per_s:.1f}x")
    print(f"ours (full extraction) / quantulum3 (parser only): {extraction.mb_per_s / peer.mb_per_s:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

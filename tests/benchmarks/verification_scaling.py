"""Benchmark (a script, not a test): verification time for the bundled example and for 10x and
100x its claims against the same sources.

Replays the example's sources from cassettes/ into a temporary project, reads them once (the
cost of reading sources is printed on its own), then times `verify_documents`' pure part,
`verify_claims`, on 1x, 10x and 100x the example's claims. Sources are indexed by subject and
metric, so the time per claim should stay flat: verification grows with the number of claims,
not with claims x source lines.

    python tests/benchmarks/verification_scaling.py
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import time
from pathlib import Path

from factcheck.config import load_settings
from factcheck.matching import verify_claims
from factcheck.pipeline import extract_paths, fetch_cited_sources, read_citations, read_sources
from factcheck.register import load_register, registered_sources
from factcheck.store import Store
from factcheck.vocabulary import load_vocabulary

REPOSITORY = Path(__file__).resolve().parents[2]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "factcheck.toml").write_text(
            f'fetch = "offline"\ncassettes_dir = "{(REPOSITORY / "cassettes").as_posix()}"\n'
            "write_claim_files = false\n",
            encoding="utf-8",
        )
        (project / "claims").mkdir()
        shutil.copy(REPOSITORY / "claims" / "sources.yaml", project / "claims" / "sources.yaml")
        settings = load_settings(project)
        vocabulary = load_vocabulary()
        with Store(f"sqlite:///{project / 'factcheck.db'}") as store:
            extraction = extract_paths(
                [REPOSITORY / "src" / "factcheck" / "data" / "example"], settings, store, vocabulary=vocabulary
            )
            started = time.perf_counter()
            fetch_cited_sources(read_citations(extraction.documents), settings, store)
            fetched = time.perf_counter() - started
            register = load_register(settings.claims_dir, vocabulary)
            started = time.perf_counter()
            index, unreadable = read_sources(settings, store, vocabulary, register)
            read = time.perf_counter() - started
        base = [c for c in extraction.claims if c.quantity.kind != "category"]
        source_claims = sum(len(s.claims) for s in index.sources.values())
        print(f"sources: {len(index.sources)} read ({source_claims} claims), {len(unreadable)} unreadable")
        print(
            f"replay and archive: {fetched:.2f} s; read and index sources: {read:.2f} s"
            " (once, for any number of claims)"
        )
        print()
        print(f"{'claims':>8} {'seconds':>8} {'us/claim':>9} {'vs 1x':>6}")
        first = 0.0
        for times in (1, 10, 100):
            claims = [dataclasses.replace(c, id=f"{i}-{c.id}") for i in range(times) for c in base]
            sources_for = {c.id: registered_sources(register, c.subject, vocabulary) for c in claims}
            started = time.perf_counter()
            verify_claims(claims, sources_for, index, unreadable, vocabulary)
            seconds = time.perf_counter() - started
            per_claim = seconds / len(claims)
            first = first or per_claim
            print(f"{len(claims):>8} {seconds:>8.2f} {per_claim * 1e6:>9.0f} {per_claim / first:>6.2f}")
        print("\nA time per claim that stays near the 1x figure means linear growth in the number of claims.")


if __name__ == "__main__":
    main()

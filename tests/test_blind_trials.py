"""Held-out corpora with planted errors (tests/data/blind-trials/): every planted error is found,
and no trap or correct figure is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.conflicts import find_conflicts
from factcheck.documents import read_document
from factcheck.vocabulary import load_vocabulary

TRIALS = Path(__file__).parent / "data" / "blind-trials"

# What each trial's KEY.md plants, as (kind, subject, metric) of the finding that reports it.
PLANTED = {
    "trial3": {
        ("value", "DeepSeek-V3", "MMLU"),  # 88.5 against 87.1
        ("attribution", "DeepSeek-V3 / Kimi K2", "training GPU hours"),  # 2.788M H800 GPU hours
        ("date", "Llama 4", "release date"),  # April 2025 against June 2025
        ("arithmetic", "Kimi K2", "price reduction"),  # $0.60 against $3.00 is 80%, not 90%
        ("value", "Phi-4", "GPQA Diamond"),  # 48.2 in prose, 56.1 in the table
        ("value", "Qwen", "derivative models"),  # more than 90,000 against 74,300
    },
    "trial4": {
        ("value", "DeepSeek-V3", "MMLU-Pro"),  # 75.9 in the HTML table, 71.2 in the text table
        ("attribution", "DeepSeek-V3 / Kimi K2", "training tokens"),  # 14.8T tokens
        ("date", "Llama 4 Maverick", "release date"),  # April 2025 against March 2025
        ("arithmetic", "Mistral Small", "price reduction"),  # $0.90 to $0.30 is 67%, not 80%
        ("ranking", "GLM-4.5", "rank"),  # #3 in the list, second in the prose
        ("arithmetic", "Hugging Face", "share of derivative models"),  # 960 of 2,400 is 40%, not 48%
    },
}


@pytest.mark.parametrize("trial", sorted(PLANTED))
def test_every_planted_error_and_nothing_else_is_found(trial: str) -> None:
    vocabulary = load_vocabulary()
    claims = [
        claim
        for path in sorted((TRIALS / trial).glob("0*"))
        for claim in extract_claims(read_document(path), vocabulary)
    ]
    found = {(f.kind.value, f.subject, f.metric) for f in find_conflicts(claims, vocabulary)}
    assert found == PLANTED[trial]

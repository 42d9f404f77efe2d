"""The comparison engine: pairs of figures as written, and how they relate."""

from __future__ import annotations

import pytest

from factcheck.compare import Relation, compare
from factcheck.quantities import parse_quantity

SAME, COMPATIBLE, CONFLICT, INCOMPARABLE = Relation.SAME, Relation.COMPATIBLE, Relation.CONFLICT, Relation.INCOMPARABLE


def _q(text: str, unit: str | None = None):  # type: ignore[no-untyped-def]
    quantity = parse_quantity(text)
    assert quantity is not None, text
    if unit is not None:
        from dataclasses import replace

        quantity = replace(quantity, unit=unit)
    return quantity


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # rounding at the stated precision
        ("$5.6 million", "$5,576,000", SAME),
        ("$5.6M", "$5.6 million", SAME),
        ("97.3%", "97.3%", SAME),
        ("671B", "671 billion", SAME),
        ("88.5", "88.46", SAME),
        # approximations
        ("~$5.6 million", "$5,576,000", COMPATIBLE),
        ("~$5.6M", "$6M", COMPATIBLE),
        # bounds
        ("100,000+", "170,000", COMPATIBLE),
        ("over 170,000", "100,000+", COMPATIBLE),
        ("up to 128K", "32K", COMPATIBLE),
        # ranges
        ("$5-6M", "$5.6M", COMPATIBLE),
        ("10-200×", "15×", COMPATIBLE),
        # dates at their stated precision
        ("July 2025", "2025-07-15", COMPATIBLE),
        ("Q3 2024", "August 2024", COMPATIBLE),
        ("2025", "April 29, 2025", COMPATIBLE),
        ("April 29, 2025", "2025-04-29", SAME),
        # units: a benchmark score with or without %
        ("89%", "89", SAME),
    ],
)
def test_figures_that_agree(a: str, b: str, relation: Relation) -> None:
    assert compare(_q(a), _q(b)).relation is relation
    assert compare(_q(b), _q(a)).relation is relation  # symmetric


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("$5.6M", "$78M"),
        ("97.3%", "96.2%"),
        ("671B", "685B"),
        ("100,000+", "50,000"),
        ("up to 128K", "200K"),
        ("$5-6M", "$7M"),
        ("May 2024", "May 2025"),
        ("July 2025", "2025-08-01"),
        ("Q3 2024", "November 2024"),
        ("#2", "#6"),
        ("~$5.6M", "$8M"),
    ],
)
def test_figures_that_conflict(a: str, b: str) -> None:
    assert compare(_q(a), _q(b)).relation is CONFLICT
    assert compare(_q(b), _q(a)).relation is CONFLICT


def test_binary_thousands_for_tokens() -> None:
    """128K tokens is 131,072 when K means 1024: a context window written both ways agrees."""
    assert compare(_q("128K tokens"), _q("131,072 tokens")).relation is not CONFLICT
    assert compare(_q("262K tokens"), _q("262,144 tokens")).relation is not CONFLICT
    assert compare(_q("128K"), _q("131,072")).relation is CONFLICT  # plain numbers get no such leeway


@pytest.mark.parametrize(
    ("a", "b"), [("128K tokens", "$128K"), ("36 trillion tokens", "36T parameters"), ("July 2025", "2025 tokens")]
)
def test_different_units_are_not_compared(a: str, b: str) -> None:
    assert compare(_q(a), _q(b)).relation is INCOMPARABLE


def test_reasons_and_divergence() -> None:
    result = compare(_q("100,000+"), _q("170,000+"))
    assert result.relation is COMPATIBLE
    assert result.divergence == pytest.approx(70_000 / 170_000)
    assert "100,000+" in compare(_q("100,000+"), _q("50,000")).reason

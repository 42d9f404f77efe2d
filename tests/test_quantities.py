"""Tests for factcheck.quantities: text → Quantity (value, unit, qualifier, low/high, span)."""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.models import Qualifier, Quantity
from factcheck.quantities import find_quantities, may_hold_quantities, parse_quantity

EXACT, APPROX, RANGE = Qualifier.EXACT, Qualifier.APPROX, Qualifier.RANGE
LOWER, UPPER = Qualifier.LOWER_BOUND, Qualifier.UPPER_BOUND

# text → every quantity found in it, as (value, unit, qualifier, low, high).
CASES: list[tuple[str, list[tuple[float | str, str, Qualifier, float | str | None, float | str | None]]]] = [
    # thousands separators and decimals
    ("1,509", [(1509, "", EXACT, None, None)]),
    ("262,144", [(262144, "", EXACT, None, None)]),
    ("2.788M", [(2.788e6, "", EXACT, None, None)]),
    ("97.3", [(97.3, "", EXACT, None, None)]),
    # K/M/B/T and scale words
    ("671B", [(671e9, "", EXACT, None, None)]),
    ("36 trillion tokens", [(36e12, "tokens", EXACT, None, None)]),
    ("128K tokens", [(128e3, "tokens", EXACT, None, None)]),
    ("1 million", [(1e6, "", EXACT, None, None)]),
    ("1.5 billion", [(1.5e9, "", EXACT, None, None)]),
    ("  106   billion total", [(106e9, "", EXACT, None, None)]),  # "**106** billion" with its markup blanked
    ("14.8T tokens", [(14.8e12, "tokens", EXACT, None, None)]),
    # currency
    ("$5.6M", [(5.6e6, "USD", EXACT, None, None)]),
    ("$5.6 million", [(5.6e6, "USD", EXACT, None, None)]),
    ("USD 5 million", [(5e6, "USD", EXACT, None, None)]),
    ("€20M", [(20e6, "EUR", EXACT, None, None)]),
    ("$100M+", [(100e6, "USD", LOWER, 100e6, None)]),
    ("~$5-6M (est)", [(5.5e6, "USD", RANGE, 5e6, 6e6)]),
    ("$0.11/M input tokens", [(0.11, "USD per million tokens", EXACT, None, None)]),
    ("$2.19/M output tokens", [(2.19, "USD per million tokens", EXACT, None, None)]),
    # percentages
    ("97.3%", [(97.3, "percent", EXACT, None, None)]),
    ("70%+", [(70, "percent", LOWER, 70, None)]),
    ("12.5 pp", [(12.5, "percentage_points", EXACT, None, None)]),
    # ranges
    ("0.5B to 235B", [(117.75e9, "", RANGE, 0.5e9, 235e9)]),
    ("0.5B to 235B parameters", [(117.75e9, "parameters", RANGE, 0.5e9, 235e9)]),
    ("$0.10-0.15", [(0.125, "USD", RANGE, 0.10, 0.15)]),
    ("10-200×", [(105, "times", RANGE, 10, 200)]),
    ("between 5 and 10 percent", [(7.5, "percent", RANGE, 5, 10)]),
    ("from 5 to 10 percent", [(7.5, "percent", RANGE, 5, 10)]),
    ("between $5M and $6M", [(5.5e6, "USD", RANGE, 5e6, 6e6)]),
    # approximations
    ("~600B", [(600e9, "", APPROX, None, None)]),
    ("approximately 300 GPUs", [(300, "gpus", APPROX, None, None)]),
    ("nearly 40%", [(40, "percent", APPROX, None, None)]),
    ("about $5.6 million", [(5.6e6, "USD", APPROX, None, None)]),
    ("cost 6M est.", [(6e6, "", APPROX, None, None)]),
    ("est. $6M", [(6e6, "USD", APPROX, None, None)]),
    ("an estimated 6 million users", [(6e6, "users", APPROX, None, None)]),
    # bounds
    ("100,000+", [(100000, "", LOWER, 100000, None)]),
    ("100K+ downloads", [(100e3, "downloads", LOWER, 100e3, None)]),
    ("over 1,000 models", [(1000, "models", LOWER, 1000, None)]),
    ("more than 50 languages", [(50, "languages", LOWER, 50, None)]),
    ("at least 3 experts", [(3, "experts", LOWER, 3, None)]),
    (">90%", [(90, "percent", LOWER, 90, None)]),
    ("up to 128K tokens", [(128e3, "tokens", UPPER, None, 128e3)]),
    ("under 10%", [(10, "percent", UPPER, None, 10)]),
    ("less than $1M", [(1e6, "USD", UPPER, None, 1e6)]),
    # multiples
    ("10×", [(10, "times", EXACT, None, None)]),
    ("2.5x", [(2.5, "times", EXACT, None, None)]),
    ("14-fold", [(14, "times", EXACT, None, None)]),
    ("3 times more", [(3, "times", EXACT, None, None)]),
    ("15-18×", [(16.5, "times", RANGE, 15, 18)]),
    # ratios
    ("31:1", [(31, "ratio", EXACT, None, None)]),
    ("4:3", [(4 / 3, "ratio", EXACT, None, None)]),
    # ranks
    ("#1", [(1, "rank", EXACT, None, None)]),
    ("ranked #2 on LMArena", [(2, "rank", EXACT, None, None)]),
    ("2nd", [(2, "rank", EXACT, None, None)]),
    ("No. 1", [(1, "rank", EXACT, None, None)]),
    ("top 4", [(4, "rank", UPPER, None, 4)]),
    ("top-4", [(4, "rank", UPPER, None, 4)]),
    # part of whole
    ("1,509 of the world's 3,755", [(1509, "", EXACT, None, None), (3755, "", EXACT, None, None)]),
    # compound units
    ("2.788M H800 GPU hours", [(2.788e6, "gpu_hours", EXACT, None, None)]),
    ("250 GFLOPS per token", [(250, "gflops_per_token", EXACT, None, None)]),
    ("512 H800 GPUs", [(512, "gpus", EXACT, None, None)]),
    ("2,048 H800 GPUs", [(2048, "gpus", EXACT, None, None)]),
    ("119 languages", [(119, "languages", EXACT, None, None)]),
    # dates, at their stated precision
    ("April 29, 2025", [("2025-04-29", "date", EXACT, None, None)]),
    ("3 Jan 2025", [("2025-01-03", "date", EXACT, None, None)]),
    ("July 2025", [("2025-07", "date", EXACT, None, None)]),
    ("Sept. 2024", [("2024-09", "date", EXACT, None, None)]),
    ("Q3 2024", [("2024-Q3", "date", EXACT, None, None)]),
    ("H1 2025", [("2025-H1", "date", EXACT, None, None)]),
    ("2025-06", [("2025-06", "date", EXACT, None, None)]),
    ("2025-11-09", [("2025-11-09", "date", EXACT, None, None)]),
    ("mid-2025", [("2025", "date", APPROX, None, None)]),
    ("2024-2025", [("2024", "date", RANGE, "2024", "2025")]),
    # names next to figures: only the figure counts
    ("DeepSeek-V3 has 671B parameters", [(671e9, "parameters", EXACT, None, None)]),
    ("GPT-4 scored 86.4% on MMLU.", [(86.4, "percent", EXACT, None, None)]),
    ("Llama 4 Maverick has 400B parameters", [(400e9, "parameters", EXACT, None, None)]),
    ("Mistral Small 3 has 24B parameters", [(24e9, "parameters", EXACT, None, None)]),
    ("Claude 3.5 Sonnet costs $3/M input tokens", [(3, "USD per million tokens", EXACT, None, None)]),
    ("Qwen3-235B-A22B was released on April 29, 2025.", [("2025-04-29", "date", EXACT, None, None)]),
    ("01.AI released Yi-34B with 3.1T tokens", [(3.1e12, "tokens", EXACT, None, None)]),
    ("(Lambert, 2025a) reports 15-18× gains", [(16.5, "times", RANGE, 15, 18)]),
    ("see arXiv:2412.19437 for 14.8T tokens", [(14.8e12, "tokens", EXACT, None, None)]),
    ("Table 3 lists 61 layers", [(61, "layers", EXACT, None, None)]),
    ("In 2024, revenue grew 3x", [("2024", "date", EXACT, None, None), (3, "times", EXACT, None, None)]),
    ("2000%", [(2000, "percent", EXACT, None, None)]),
    ("2000K", [(2e6, "", EXACT, None, None)]),
    ("1999 million", [(1999e6, "", EXACT, None, None)]),
    ("$2025M", [(2025e6, "USD", EXACT, None, None)]),
]

# Integers that look like years but carry a currency, unit noun, qualifier or "+": not dates.
YEAR_LIKE_FIGURES = [
    pytest.param(text, expected, id=text)
    for text, expected in [
        ("$2000", [(2000, "USD", EXACT, None, None)]),
        ("2048 H800 GPUs", [(2048, "gpus", EXACT, None, None)]),
        ("2000+ models", [(2000, "models", LOWER, 2000, None)]),
        ("about 2000 users", [(2000, "users", APPROX, None, None)]),
    ]
]

# Names, ids, citations, links and references: no quantity at all.
NO_QUANTITY = [
    "GPT-4",
    "Qwen3-235B-A22B",
    "H800",
    "Claude 3.5",
    "Llama 4",
    "Mistral Small 3",
    "01.AI",
    "(Lambert, 2025a)",
    "(Lambert, 2025)",
    "libraries like vLLM (Reddit, 2025b;",  # a citation cut off at the line's end
    "(Peng et al., 2023b), we propose",
    "(Dettmers et al., 2022; Noune",
    "arXiv:2412.19437",
    "https://x.com/search?q=2025",
    "Table 3",
    "v2.0.1",
    "no numbers here",
    "",
    "The keynote started at 12:30.",
]


def _close(got: float | str | None, expected: float | str | None) -> bool:
    if isinstance(expected, float | int) and isinstance(got, float | int):
        return math.isclose(got, expected, rel_tol=1e-9)
    return got == expected


def _summary(q: Quantity) -> tuple[float | str, str, Qualifier, float | str | None, float | str | None]:
    return (q.value, q.unit, q.qualifier, q.low, q.high)


def _assert_span(text: str, q: Quantity) -> None:
    assert 0 <= q.start < q.end <= len(text)
    assert text[q.start : q.end].strip() == q.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=text) for text, expected in CASES] + YEAR_LIKE_FIGURES,
)
def test_find_quantities(text: str, expected: list[tuple[object, ...]]) -> None:
    found = find_quantities(text)
    got = [_summary(q) for q in found]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert all(_close(a, b) for a, b in zip(g, e, strict=True)), (g, e)  # type: ignore[arg-type]
    for q in found:
        _assert_span(text, q)


@pytest.mark.parametrize("text", NO_QUANTITY)
def test_no_quantity(text: str) -> None:
    assert find_quantities(text) == []
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("$5.6M", "currency"),
        ("$0.11/M input tokens", "price"),
        ("97.3%", "percent"),
        ("10×", "multiple"),
        ("31:1", "ratio"),
        ("2nd", "rank"),
        ("July 2025", "date"),
        ("671B", "number"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    (q,) = find_quantities(text)
    assert q.kind == kind


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "written"),
    [
        ("about $8.00 per hour", 8.0, "USD per hour", "price", "about $8.00 per hour"),
        ("$2.99 per GPU-hour", 2.99, "USD per GPU hour", "price", "$2.99 per GPU-hour"),
        ("a rental price of $2/hour, in all", 2.0, "USD per hour", "price", "$2/hour"),
        ("an 8x H100 node", 8.0, "gpus", "count", "8x H100"),
        ("on 8× NVIDIA H800 GPUs", 8.0, "gpus", "count", "8× NVIDIA H800 GPUs"),
        ("10x cheaper than H100 rental", 10.0, "times", "multiple", "10x"),  # no accelerator right after
        ("a 1 x A10 card", 1.0, "gpus", "count", "1 x A10"),
        ("2x FP16 throughput", 2.0, "times", "multiple", "2x"),  # a number format is no accelerator
        ("3x BF16 speed", 3.0, "times", "multiple", "3x"),
        ("costs $30,000/month", 30000.0, "USD", "currency", "$30,000"),  # a month is no hour
    ],
)
def test_rental_rates_and_counts_of_accelerators(text: str, value: float, unit: str, kind: str, written: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.kind, q.text) == (value, unit, kind, written)


def test_part_of_whole() -> None:
    part, whole = find_quantities("1,509 of the world's 3,755 models")
    assert (part.kind, whole.kind) == ("part", "whole")
    assert (part.value, whole.value) == (1509, 3755)


@pytest.mark.parametrize(
    ("text", "unit_text"),
    [
        ("2.788M H800 GPU hours", "H800 GPU hours"),
        ("512 H800 GPUs", "H800 GPUs"),
        ("119 languages", "languages"),
    ],
)
def test_unit_text_as_written(text: str, unit_text: str) -> None:
    (q,) = find_quantities(text)
    assert q.unit_text == unit_text


@pytest.mark.parametrize(
    ("text", "precision", "scale"),
    [
        ("$5.6M", 1e5, 1e6),
        ("1,509", 1, 1),
        ("97.3%", 0.1, 1),
        ("2.788M", 1e3, 1e6),
        ("671B", 1e9, 1e9),
        ("$0.10-0.15", 0.01, 1),
    ],
)
def test_precision_and_scale(text: str, precision: float, scale: float) -> None:
    (q,) = find_quantities(text)
    assert math.isclose(q.precision, precision, rel_tol=1e-9)
    assert q.scale == scale


def test_span_within_sentence() -> None:
    text = "DeepSeek-V3 was trained on 14.8T tokens for ~$5.6M (est) using 2,048 H800 GPUs."
    found = find_quantities(text)
    assert [q.text for q in found] == ["14.8T tokens", "~$5.6M (est)", "2,048 H800 GPUs"]
    for q in found:
        _assert_span(text, q)


def test_skip_masks_a_name() -> None:
    text = "AIME 2024 score rose to 79.8%"
    found = find_quantities(text, skip=[(0, len("AIME 2024"))])
    assert [(q.value, q.unit) for q in found] == [(79.8, "percent")]


def test_parse_quantity_takes_the_widest() -> None:
    q = parse_quantity("~$5-6M (est)")
    assert q is not None
    assert (q.low, q.high, q.unit) == (5e6, 6e6, "USD")


# ------------------------------------------------------------------------------- round trips

SCALES = {"": 1.0, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12, " million": 1e6, " billion": 1e9}


@st.composite
def stated_figures(draw: st.DrawFn) -> tuple[str, float, float, str, Qualifier]:
    """A figure as a writer would state it, with the number, scale, unit and qualifier it means."""
    places = draw(st.integers(0, 2))
    whole = draw(st.integers(0, 999_999))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    number = Decimal(whole) + Decimal(fraction).scaleb(-places)
    grouped = draw(st.booleans())
    digits = f"{number:,.{places}f}" if grouped else f"{number:.{places}f}"
    suffix = draw(st.sampled_from(sorted(SCALES)))
    currency = draw(st.booleans())
    # A percentage carries no scale or currency ("5M%" is not something people write).
    percent = not currency and not suffix and draw(st.booleans())
    mark = draw(st.sampled_from(["", "~", "+"]))
    # A bare 19xx/20xx integer reads as a year, by design; with "$", "~" or "+" it does not.
    assume(not (re.fullmatch(r"(?:19|20)\d\d", digits) and not (suffix or percent or currency or mark)))
    text = ("$" if currency else "") + digits + suffix + ("%" if percent else "")
    qualifier = EXACT
    if mark == "~":
        text, qualifier = "~" + text, APPROX
    elif mark == "+":
        text, qualifier = text + "+", LOWER
    unit = "USD" if currency else "percent" if percent else ""
    return text, float(number), SCALES[suffix], unit, qualifier


@settings(max_examples=200, deadline=None)
@given(stated_figures())
def test_round_trip(figure: tuple[str, float, float, str, Qualifier]) -> None:
    text, number, scale, unit, qualifier = figure
    sentence = f"The figure was {text} last year."
    found = find_quantities(sentence)
    assert len(found) == 1, [_summary(q) for q in found]
    (q,) = found
    assert isinstance(q.value, float)
    assert math.isclose(q.value, number * scale, rel_tol=1e-9, abs_tol=1e-12)
    assert (q.unit, q.qualifier) == (unit, qualifier)
    assert q.text == text
    assert sentence[q.start : q.end] == text


def test_a_pair_of_prices_shares_the_unit_written_after_the_second() -> None:
    first, second = find_quantities("GPT-4 is $30/$60 per M tokens")
    assert (first.value, first.unit, first.kind) == (30.0, "USD per million tokens", "price")
    assert (second.value, second.unit) == (60.0, "USD per million tokens")


def test_requests_a_month() -> None:
    requests, tokens = find_quantities("1M requests/month, 1K tokens average")
    assert (requests.value, requests.unit) == (1e6, "requests_per_month")
    assert (tokens.value, tokens.unit) == (1e3, "tokens")


@pytest.mark.parametrize(
    ("date_text", "iso"),
    [
        ("beginning of 2025", "2025"),
        ("September 30th, 2025", "2025-09-30"),
        ("30 September 2025", "2025-09-30"),
        ("2025-06-01", "2025-06-01"),
        ("2025.04.29", "2025-04-29"),
        ("Q3 2024", "2024-Q3"),
        ("2024 Q3", "2024-Q3"),
    ],
)
def test_dates_far_into_a_long_line(date_text: str, iso: str) -> None:
    """Dates are looked for only around years; a long line must not hide one far from its start."""
    filler = "a long run of words without any figure in it " * 8
    text = f"{filler}{date_text}, {filler}and then 2023-01-15."
    dates = [q for q in find_quantities(text) if q.kind == "date"]
    assert [(q.value, q.text) for q in dates] == [(iso, date_text), ("2023-01-15", "2023-01-15")]


def test_a_year_like_count_with_its_unit_far_along_is_a_count() -> None:
    """The lookahead that tells "2025 GPUs" from the year 2025 reads past the year's window."""
    text = "x " * 100 + "they bought 2025" + " " * 60 + "GPUs in 2024"
    found = find_quantities(text)
    assert [(q.value, q.kind) for q in found] == [(2025.0, "number"), ("2024", "date")]


def test_a_widely_spaced_date_from_a_pdf() -> None:
    (q,) = find_quantities("released on September       30th,        2025")
    assert (q.value, q.kind) == ("2025-09-30", "date")


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("Chinese Dominance: 4 of top 5, ahead of all", 4.0, "of top 5", "4 of top 5"),
        ("powers 7 of top 10 open source models", 7.0, "of top 10", "7 of top 10"),
        ("seven of the top 10 models", 7.0, "of top 10", "seven of the top 10"),
    ],
)
def test_places_in_a_top_n_are_one_figure(text: str, value: float, unit: str, written: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.kind, q.text) == (value, unit, "part", written)


def test_one_of_the_top_n_is_a_rank() -> None:
    (q,) = find_quantities("Qwen3 is one of the top 10 models")
    assert (q.value, q.kind, q.qualifier) == (10.0, "rank", Qualifier.UPPER_BOUND)


@pytest.mark.parametrize("text", ["the call is at 2\u00a0pm", "the call is at 2\tpm", "the call is at 2pm"])
def test_a_time_of_day_after_any_space_is_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_a_date_spaced_with_no_break_spaces() -> None:
    (q,) = find_quantities("Released on September" + "\u00a0" * 17 + "30th," + "\u00a0" * 6 + "2025")
    assert q.value == "2025-09-30"


_PIECES = st.sampled_from(
    ["a", "be", " ", "five", "five models", "two", " GPUs", "T", ":", "-", ".", ",", "$", "%", "٣"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_text_that_may_hold_no_quantity_has_none(text: str) -> None:
    # Callers skip their work for numbers on this promise (the extractor does not look for names).
    if not may_hold_quantities(text):
        assert find_quantities(text) == []
        assert find_quantities(text, [(0, len(text))]) == []


_RANK_PIECES = st.sampled_from(
    [" ", "  ", "ranks ", "Ranked", "first ", "Third", "place", "#", "No.", "number ", "top ", "Top-", "3", "x", "ſ"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_RANK_PIECES, max_size=8).map("".join))
def test_rank_patterns_tried_at_their_openers_find_what_a_full_scan_finds(text: str) -> None:
    # _special_quantities tries its rank patterns only where str.find meets a word they open with.
    assert_rank_scans_agree(text)


@pytest.mark.parametrize("text", ["ranks first on LMArena", "in Third  place", "the #3 model", "No. 3", "top-3"])
def test_rank_patterns_tried_at_their_openers_on_ranks(text: str) -> None:
    assert_rank_scans_agree(text)


def assert_rank_scans_agree(text: str) -> None:
    from factcheck.quantities import (
        _ORDINAL_PLACE,
        _ORDINAL_PLACE_OPENERS,
        _RANK_HASH,
        _RANK_HASH_OPENERS,
        _TOP_N,
        _matches_from,
    )

    rank_patterns = ((_ORDINAL_PLACE, _ORDINAL_PLACE_OPENERS), (_RANK_HASH, _RANK_HASH_OPENERS), (_TOP_N, ("top",)))
    for pattern, openers in rank_patterns:
        spans = [m.span() for m in _matches_from(pattern, text, text.lower(), openers)]
        assert spans == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", ["671B", "five models", "Qwen3 ships in ٣ sizes"])
def test_text_with_a_figure_may_hold_quantities(text: str) -> None:
    assert may_hold_quantities(text)


def test_quantities_built_past_the_dataclass_init_are_the_same_values() -> None:
    # find_quantities builds its quantities without Quantity.__init__ (for speed): the helper must
    # take every field, with the same defaults, and give a value equal to the dataclass's own.
    from dataclasses import MISSING, fields
    from inspect import signature

    from factcheck.quantities import _quantity

    parameters = signature(_quantity).parameters
    assert [(f.name, f.default) for f in fields(Quantity)] == [
        (name, MISSING if p.default is p.empty else p.default) for name, p in parameters.items()
    ]
    assert not hasattr(Quantity, "__post_init__")
    values = {"value": 5.6e6, "unit": "USD", "qualifier": Qualifier.APPROX, "text": "~$5.6M", "start": 3, "end": 9}
    extra = {"low": 1.0, "high": 2.0, "scale": 1e6, "precision": 1e5, "unit_text": "dollars", "kind": "currency"}
    for built, made in (
        (_quantity(**values), Quantity(**values)),
        (_quantity(**values, **extra), Quantity(**values, **extra)),
    ):
        assert built == made and hash(built) == hash(made) and repr(built) == repr(made) and vars(built) == vars(made)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("1. [Chinese Open Source Model Leaders](#chinese-open-source-model-leaders)", []),
        ("12. Model Selection Guide", []),
        ("  3. Kimi K2 ships 1 trillion parameters", ["1 trillion parameters"]),
        ("1.5 GPUs per node", ["1.5 GPUs"]),  # a decimal, not a marker
        ("3 models. 2. Next", ["3 models", "2"]),  # a marker only at the line's start
    ],
)
def test_a_numbered_list_marker_is_no_quantity(text: str, figures: list[str]) -> None:
    # "1. Kimi K2" numbers an item of a list; the claim extractor blanks the marker likewise.
    assert [q.text for q in find_quantities(text)] == figures


@pytest.mark.parametrize(
    ("text", "qualifier", "written"),
    [
        ("At least three new models shipped.", Qualifier.LOWER_BOUND, "At least three new models"),
        ("trained in less than two months", Qualifier.UPPER_BOUND, "less than two months"),
        ("about five models", Qualifier.APPROX, "about five models"),
        ("We tracked twelve models", Qualifier.EXACT, "twelve models"),
    ],
)
def test_a_spelled_count_keeps_its_qualifier(text: str, qualifier: Qualifier, written: str) -> None:
    (q,) = find_quantities(text)
    assert (q.qualifier, q.text) == (qualifier, written)


@pytest.mark.parametrize(
    ("text", "qualifier", "written"),
    [
        ("DeepSeek-V3 was trained over 57 days.", Qualifier.EXACT, "57 days"),  # during them
        ("Data was collected over 3 months.", Qualifier.EXACT, "3 months"),
        ("The run lasted over 57 days.", LOWER, "over 57 days"),  # more than that
        ("It took over 57 days.", LOWER, "over 57 days"),
        ("Qwen3 was downloaded over 2 million times.", LOWER, "over 2 million times"),  # no period
    ],
)
def test_over_a_period_is_during_it_after_a_verb_of_doing(text: str, qualifier: Qualifier, written: str) -> None:
    (q,) = find_quantities(text)
    assert (q.qualifier, q.text) == (qualifier, written)


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "written"),
    [
        ("Kimi K2 is three times cheaper than Claude.", 3.0, Qualifier.EXACT, "three times"),
        ("Qwen3 decodes twice as fast as Llama.", 2.0, Qualifier.EXACT, "twice"),
        ("It has about twice the number of parameters.", 2.0, Qualifier.APPROX, "about twice"),
        ("It has more than twice the total.", 2.0, LOWER, "more than twice"),
        ("A context eight times that of DeepSeek-R1.", 8.0, Qualifier.EXACT, "eight times"),
    ],
)
def test_spelled_multiples_in_comparisons(text: str, value: float, qualifier: Qualifier, written: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.kind, q.qualifier, q.text) == (value, "multiple", qualifier, written)


@pytest.mark.parametrize("text", ["We tried three times.", "If it takes him twice that long, how long?"])
def test_spelled_multiples_need_a_comparison(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "written"),
    [
        ("trained on 9,800B tokens using 1,920 H100s.", 1920.0, "gpus", Qualifier.EXACT, "1,920 H100s"),
        ("trained on 9.8 trillion tokens over 21 days", 21.0, "days", Qualifier.EXACT, "21 days"),
        ("It was released over 3 years ago.", 3.0, "years", LOWER, "over 3 years"),
    ],
)
def test_accelerator_plurals_and_periods(
    text: str, value: float, unit: str, qualifier: Qualifier, written: str
) -> None:
    q = find_quantities(text)[-1]
    assert (q.value, q.unit, q.qualifier, q.text) == (value, unit, qualifier, written)


def test_a_place_spelled_without_digits_is_read() -> None:
    (q,) = find_quantities("It finished third overall.")
    assert (q.value, q.kind) == (3.0, "rank")
    (q,) = find_quantities("GLM-4.5 came in second on my composite ranking")
    assert (q.value, q.kind, q.text) == (2.0, "rank", "second")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Kimi K2 ranked first, with DeepSeek-R1-0528 second and Qwen3-235B-A22B third.", [1.0, 2.0, 3.0]),
        ("Kimi K2 ranked first; R1 second.", [1.0, 2.0]),
        # an ordinal that follows no name, or is no place in the list, is none
        ("Kimi K2 ranked first for the second time.", [1.0]),
        ("Kimi K2 ranked first, and the second release followed.", [1.0]),
        ("DeepSeek-R1-0528 second and Qwen3 third.", []),  # no place stated before: no list of places
    ],
)
def test_places_listed_after_a_place(text: str, places: list[float]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "rank"] == places


@pytest.mark.parametrize(
    "text",
    [
        "We ran both three times over the weekend.",
        "It crashed twice the next day.",
        "They retried ten times later.",
    ],
)
def test_spelled_counts_of_times_are_no_multiples(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("It trained for over 57 days.", LOWER),
        ("Qwen3 was released over 3 months after Qwen2.5.", LOWER),
        ("The launch was delayed over 3 weeks.", LOWER),
        ("The cluster we used took over 57 days.", LOWER),
        ("Trained over 57 days.", Qualifier.EXACT),
    ],
)
def test_over_a_period_is_a_bound_unless_done_during_it(text: str, qualifier: Qualifier) -> None:
    (q,) = find_quantities(text)
    assert q.qualifier is qualifier


def test_higher_than_a_figure_is_a_lower_bound() -> None:
    (q,) = find_quantities("It scores higher than 85% on MMLU.")
    assert (q.value, q.qualifier) == (85.0, LOWER)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("$0.88 vs $3.00 per million tokens", ["USD per million tokens", "USD per million tokens"]),
        ("$30/$60 per M tokens", ["USD per million tokens", "USD per million tokens"]),
        ("$100M and $2 per million tokens", ["USD", "USD per million tokens"]),  # another scale: no price
    ],
)
def test_two_prices_share_the_unit_after_the_second(text: str, units: list[str]) -> None:
    assert [q.unit for q in find_quantities(text)] == units


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("(Moonshot AI, 11 Jul): 1T", [1e12]),  # a day without its year is no figure
        ("GA September 9 for all", []),
        ("Kimi K2 stacks 61 Decoder layers", [61.0]),  # a word that opens like a month is none
        ("32 Mayan glyphs and 3 Augmented models", [32.0, 3.0]),
        ("the 0528 checkpoint, build 007", []),  # a leading zero writes an identifier
        ("423 0000", [423.0, 0.0]),  # but zeros alone are zero
        ("4,560亿 (456 billion), 53.47万美元", [456e9, 456e9, 534700.0]),  # Chinese numerals
    ],
)
def test_days_identifiers_and_chinese_numerals(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "value", "unit", "precision"),
    [
        ("Qwen is about forty-two percent of the tokens we serve.", 42.0, "percent", 1.0),
        ("It cost about six million dollars.", 6e6, "USD", 1e6),
        ("two point seven eight eight million H800 GPU hours", 2.788e6, "gpu_hours", 1e3),
        ("a hundred and seventeen billion parameters", 117e9, "parameters", 1e9),
        ("two thousand and forty-eight GPUs", 2048.0, "gpus", 1.0),
    ],
)
def test_numbers_spoken_in_words(text: str, value: float, unit: str, precision: float) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.precision) == (pytest.approx(value), unit, precision)


@pytest.mark.parametrize(
    "text",
    [
        "one of the best models",
        "the first three rows",
        "it sells for two fifty and ten dollars",  # a price said aloud, no sum of its words
        "it cost five to ten million dollars",  # a range said aloud: not its upper end alone
        "three quarters of a million dollars",
        "in eight billion and seventy billion parameter versions",  # two sizes, not 78B
        "back in two thousand twenty-four, it cost a lot",  # a year
    ],
)
def test_number_words_that_state_no_spoken_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_a_spoken_figure_on_a_line_without_digits_or_other_number_words() -> None:
    found = find_quantities("She said R1 scores ninety percent on MMLU and took sixty thousand GPU hours.")
    assert [(q.value, q.unit) for q in found] == [(90.0, "percent"), (60000.0, "gpu_hours")]

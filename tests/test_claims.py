"""Claims from real documents: subject, metric and value for the bundled example and small cases."""

from __future__ import annotations

import math
import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from factcheck.claims import extract_claims, reading_order
from factcheck.documents import read_document, read_document_bytes
from factcheck.models import Claim, Document
from factcheck.vocabulary import load_vocabulary

from .conftest import EXAMPLE
from .factories import markdown_document, pdf_with_text

VOCABULARY = load_vocabulary()


def _doc(text: str, name: str = "doc.md") -> Document:
    return markdown_document(text, name)


def _claims(text: str) -> list[Claim]:
    return extract_claims(_doc(text), VOCABULARY)


def _find(claims: list[Claim], line: int, value: float | str) -> Claim:
    for c in claims:
        if c.line == line and (
            c.value == value
            or isinstance(value, float)
            and isinstance(c.value, float)
            and math.isclose(c.value, value, rel_tol=1e-9)
        ):
            return c
    raise AssertionError(f"no claim with value {value} on line {line}: {[(c.line, c.value) for c in claims]}")


@pytest.fixture(scope="module")
def seed_001() -> list[Claim]:
    return extract_claims(read_document(EXAMPLE / "001_493fd152ae4ebc24.txt"), VOCABULARY)


@pytest.mark.parametrize(
    ("line", "value", "subject", "metric"),
    [
        (22, 671e9, "DeepSeek-V3", "total parameters"),
        (22, 37e9, "DeepSeek-V3", "active parameters"),
        (23, 97.3, "DeepSeek-R1", "MATH-500"),
        (23, 79.8, "DeepSeek-R1", "AIME 2024"),
        (24, 100e6, "GPT-4", "training cost"),
        (29, 117.75e9, "Qwen3", "model size range"),
        (30, 22e9, "Qwen3-235B-A22B", "active parameters"),
        (31, 36e12, "Qwen3", "training tokens"),
        (32, 262144.0, "Qwen3", "context length"),
        (34, 29.0, "Qwen2.5", "languages supported"),
        (40, 9.3, "GPT-4o", "AIME"),
        (47, 106e9, "GLM-4.5-Air", "total parameters"),
        (48, 128e3, "GLM-4.5", "output context length"),
        (51, 0.11, "GLM-4.5", "input price"),
        (62, "2025-06-17", "MiniMax M1", "release date"),
        (80, 1417.0, "Llama 4 Maverick", "LMArena Elo"),
        (80, 2.0, "Llama 4 Maverick", "LMArena rank"),
        (96, 1.0, "Kimi K2", "LMArena rank"),
        (99, 4.0, "DeepSeek-R1", "LMArena rank"),
        (103, 3755.0, "World", "number of LLMs released"),
        (118, 1e6, "MiniMax M1", "context length"),
        (126, 2.788e6, "DeepSeek-V3", "training GPU hours"),
        (127, 2448.0, "Llama", "compute per token"),
    ],
)
def test_seed_claims(seed_001: list[Claim], line: int, value: float | str, subject: str, metric: str) -> None:
    claim = _find(seed_001, line, value)
    assert (claim.subject, claim.metric) == (subject, metric)


@pytest.mark.parametrize(
    "line",
    [
        1,  # title
        21,  # "**1. DeepSeek Series**": a section number
        54,  # "Yi-34B matches GPT-3.5": numbers inside names
        95,  # heading "LMArena Global Rankings (2025):"
        117,  # "1. Hybrid attention mechanisms": a list marker, not a rank
    ],
)
def test_seed_lines_without_claims(seed_001: list[Claim], line: int) -> None:
    assert [c for c in seed_001 if c.line == line] == []


def test_quote_and_line_point_into_the_original_file(seed_001: list[Claim]) -> None:
    lines = (EXAMPLE / "001_493fd152ae4ebc24.txt").read_text(encoding="utf-8").splitlines()
    for claim in seed_001:
        assert claim.quantity.text.split()[0].strip("~$#(") in lines[claim.line - 1], claim


def test_claim_ids_survive_unrelated_edits() -> None:
    before = _claims("# DeepSeek-V3\n- Cost: $5.6M training\n")
    after = _claims("# DeepSeek-V3\n\nAn unrelated new paragraph.\n\n- Cost: $5.6M training\n")
    assert [c.id for c in before] == [c.id for c in after]
    assert before[0].line != after[0].line


def test_repeated_identical_claims_get_distinct_ids() -> None:
    claims = _claims("# Kimi K2\n- 1T total\n- 1T total\n")
    assert len({c.id for c in claims}) == 2


@pytest.mark.parametrize(
    ("text", "subject", "metric", "value"),
    [
        ("| Model | Params | MMLU |\n|---|---|---|\n| GLM-4.5 | 355B | 84.6 |", "GLM-4.5", "MMLU", 84.6),
        ("| Model | Params | MMLU |\n|---|---|---|\n| GLM-4.5 | 355B | 84.6 |", "GLM-4.5", "total parameters", 355e9),
        ("| Benchmark | Kimi K2 | GPT-4o |\n|---|---|---|\n| AIME 2024 | 69.6 | 9.3 |", "GPT-4o", "AIME 2024", 9.3),
        (
            "## Kimi K2\n| Benchmark | Score | Comparison |\n|---|---|---|\n| AIME | 77.5 | vs GPT-4o: 9.3 |",
            "GPT-4o",
            "AIME",
            9.3,
        ),
        ("## Kimi K2\n| Benchmark | Score |\n|---|---|\n| MATH 500 | 96.2 |", "Kimi K2", "MATH-500", 96.2),
        ("## Prices\n| Model | Input | Output |\n|---|---|---|\n| GPT-4o | $2.5 | $10 |", "GPT-4o", "output price", 10),
    ],
)
def test_tables_both_ways(text: str, subject: str, metric: str, value: float) -> None:
    claims = _claims(text)
    assert any(c.subject == subject and c.metric == metric and c.value == value for c in claims), [
        (c.subject, c.metric, c.value) for c in claims
    ]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Neoclouds rented the same GPU for $2.00 per hour, a 75% drop in two years.", "price reduction"),
        ("Mistral Large 2's input price is 20% lower than GPT-4o's.", "price reduction"),
        ("Qwen2.5-72B undercuts GPT-4o's $2.50 by 90%.", "price reduction"),
        ("The new attention reduces the KV cache by 93.3%.", "KV cache reduction"),
        ("Usage of open models saw a 30% rise.", "increase"),
        ("Qwen3 lowered training costs by 40%.", "training cost reduction"),
    ],
)
def test_a_percentage_that_states_a_change_is_a_claim(sentence: str, metric: str) -> None:
    claims = _claims(f"# Notes\n\n{sentence}\n")
    assert metric in [c.metric for c in claims if c.quantity.kind == "percent"], [(c.metric, c.value) for c in claims]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 40% fall under the Apache 2.0 licence.",  # a share that falls under something
        "Qwen3 scores 40% higher on AIME while costing less.",  # no price is compared
    ],
)
def test_a_percentage_that_states_no_price_change_is_none(sentence: str) -> None:
    claims = _claims(f"# Notes\n\n{sentence}\n")
    assert not any(c.metric.endswith("price reduction") or c.metric == "reduction" for c in claims), [
        (c.metric, c.value) for c in claims
    ]


def test_a_model_named_as_instrument_or_example_is_not_carried_on() -> None:
    text = (
        "# Data\n\nThe pre-training of Qwen3 uses synthetic data from domain-specific models: Qwen2.5-Math for"
        " maths and Qwen2.5-Coder for code. The first stage trains on about 30 trillion tokens.\n"
    )
    claims = _claims(text)
    assert [(c.subject, c.metric) for c in claims if c.value == 30e12] == [("Qwen3", "training tokens")]


def test_a_later_sentence_about_the_same_model_keeps_its_subject() -> None:
    # "A month later" continues about the model; "A cluster of …" introduces something else
    claims = _claims("# Notes\n\nKimi K2 was released in July 2025. A month later it ranked #1 on LMArena.\n")
    assert ("Kimi K2", "LMArena rank", 1.0) in [(c.subject, c.metric, c.value) for c in claims]


def test_sizes_listed_for_a_family_are_each_a_model_size() -> None:
    claims = _claims("## Google\n\nGemma 2 arrived in 9B and 27B sizes. The 27B variant scores 75.2% on MMLU.\n")
    assert [(c.subject, c.metric, c.value, c.quantity.unit) for c in claims] == [
        ("Gemma 2", "model size", 9e9, "parameters"),
        ("Gemma 2", "model size", 27e9, "parameters"),
        ("Gemma-2-27B", "MMLU", 75.2, "percent"),
    ]


def test_more_than_a_figure_is_a_bound_not_a_comparison() -> None:
    # "than" before a figure compares it with nobody: the GPUs are the same model's, a count of GPUs
    claims = _claims("# Llama\n\nLlama 3.1 405B was trained on more than 15 trillion tokens using 16,000 H100 GPUs.\n")
    assert [(c.subject, c.metric, c.value) for c in claims] == [
        ("Llama-3.1-405B", "training tokens", 15e12),
        ("Llama-3.1-405B", "training GPUs", 16000.0),
    ]


def test_a_rental_rate_is_an_hourly_price_and_a_node_of_gpus_no_subject_of_its_own() -> None:
    claims = _claims(
        "# GPU notes\n\nLambda lists the H100 SXM at $2.99 per GPU-hour, and an 8x H100 node at $23.92 per hour.\n\n"
        "Mistral Large 2 fits on a single 8x H100 node.\n"
    )
    assert [(c.line, c.subject, c.metric, c.value) for c in claims] == [
        (3, "(this document)", "hourly price", 2.99),
        (3, "(this document)", "GPUs", 8.0),  # "8 GPUs" is anybody's: not Mistral Large 2's for saying it too
        (3, "(this document)", "hourly price", 23.92),
        (5, "Mistral Large 2", "GPUs", 8.0),
    ]


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        ("**Status:** #2 on LMArena (Maverick variant)", "Llama 4 Maverick"),
        ("**Status:** #2 on LMArena (Preview version)", "Llama 4"),  # no variant of Llama 4 is so named
    ],
)
def test_a_variant_named_in_brackets_after_a_figure_owns_it(line: str, subject: str) -> None:
    claims = _claims(f"### Meta Llama 4\n\n{line}\n")
    assert [(c.subject, c.metric, c.value) for c in claims] == [(subject, "LMArena rank", 2.0)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("| Model | MMLU Score |\n|---|---|\n| GLM-4.5 | 63.2 (avg 12 benchmarks) |", 12.0),
        ("We report MATH accuracy over 64 samples per problem.", 64.0),
        ("On AIME 2024 the model used 32,768 tokens of output.", 32768.0),
    ],
)
def test_a_count_of_things_is_no_benchmark_score(text: str, value: float) -> None:
    # A figure with its own unit noun counts benchmarks, samples or tokens; a score has none.
    claims = _claims("## GLM-4.5\n" + text)
    counted = [c for c in claims if c.value == value]
    assert counted and all(c.metric not in ("MMLU", "MATH", "AIME 2024") for c in counted), [
        (c.metric, c.value) for c in claims
    ]


def test_a_table_numbered_by_rank_takes_its_subjects_from_the_model_column() -> None:
    text = (
        "# Leaderboard\n| Rank | Model | Total params | Output $/M |\n|---|---|---|---|\n"
        "| 1 | Kimi K2 | 1T | $2.50 |\n| 2 | DeepSeek-R1 | 671B | $2.19 |\n"
    )
    found = [(c.line, c.subject, c.metric, c.value, c.quantity.unit) for c in _claims(text)]
    assert found == [
        (4, "Kimi K2", "rank", 1.0, "rank"),
        (4, "Kimi K2", "total parameters", 1e12, "parameters"),
        (4, "Kimi K2", "output price", 2.5, "USD per million tokens"),
        (5, "DeepSeek-R1", "rank", 2.0, "rank"),
        (5, "DeepSeek-R1", "total parameters", 671e9, "parameters"),
        (5, "DeepSeek-R1", "output price", 2.19, "USD per million tokens"),
    ]
    assert {c.quantity.kind for c in _claims(text) if c.metric == "rank"} == {"rank"}


def test_tab_separated_table_from_pdf_text() -> None:
    text = "Model\tParameters\tContext\nDeepSeek-V3\t671B\t128K tokens\nQwen3-235B-A22B\t235B\t32K tokens\n"
    claims = _claims(text)
    got = {(c.subject, c.metric, c.value) for c in claims}
    assert ("DeepSeek-V3", "total parameters", 671e9) in got
    assert ("Qwen3-235B-A22B", "context length", 32e3) in got


def test_prose_sentence_subject() -> None:
    text = (
        "Chinese models rose fast. Qwen 3, for instance, spans model sizes from 0.6B to 235B parameters. "
        "By mid-2025, DeepSeek-V3 had cost about $5.6 million to train."
    )
    claims = _claims(text)
    got = {(c.subject, c.metric, c.quantity.qualifier.value) for c in claims}
    assert ("Qwen3", "model size range", "range") in got
    assert ("DeepSeek-V3", "training cost", "approx") in got


def test_variants_stay_distinct() -> None:
    claims = _claims("- GLM-4.5: 355B total\n- GLM-4.5-Air: 106B total\n- Llama 4 Scout: 109B total\n")
    assert [c.subject for c in claims] == ["GLM-4.5", "GLM-4.5-Air", "Llama 4 Scout"]


def test_bare_number_without_metric_is_not_a_claim() -> None:
    assert _claims("We looked at 12 things on a Tuesday.") == []


def test_every_bundled_document_extracts(tmp_path: Path) -> None:
    for path in sorted(EXAMPLE.iterdir()):
        claims = extract_claims(read_document(path), VOCABULARY)
        assert claims, path.name
        assert all(c.subject and c.metric for c in claims)


def test_prose_outside_the_vocabulary() -> None:
    """A company the vocabulary has never heard of, with metrics named only by the prose."""
    claims = _claims(
        "# Quarterly note\n\nAcme Corp reported revenue of $4.2 billion in Q3 2024, up 12% from a year "
        "earlier. Operating margin was 18.5%, compared with 15.1% a year ago. The company employs "
        "about 12,000 people in 30 countries.\n"
    )
    got = {(c.subject, c.metric, c.value) for c in claims}
    assert {
        ("Acme Corp", "revenue", 4.2e9),
        ("Acme Corp", "revenue growth", 12.0),
        ("Acme Corp", "operating margin", 18.5),
        ("Acme Corp", "operating margin", 15.1),
        ("Acme Corp", "number of people", 12000.0),
        ("Acme Corp", "number of countries", 30.0),
    } <= got


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("DeepSeek's V3/R1 variants boast 671B total parameters.", "DeepSeek-V3"),
        ("DeepSeek's R1/V3 variants boast 671B total parameters.", "DeepSeek-R1"),
        ("Llama 4 Scout/Maverick: 17B active parameters.", "Llama 4 Scout"),
    ],
)
def test_a_figure_for_two_models_joined_by_a_slash_goes_to_the_first(sentence: str, subject: str) -> None:
    (claim,) = [c for c in _claims(sentence) if c.value in (671e9, 17e9)]
    assert claim.subject == subject


def test_figures_paired_by_slashes_go_to_the_models_in_turn() -> None:
    claims = _claims("Scout/Maverick have 109B/400B total parameters.")
    assert [(c.subject, c.value) for c in claims if c.metric == "total parameters"] == [
        ("Llama 4 Scout", 109e9),
        ("Llama 4 Maverick", 400e9),
    ]


def test_a_path_is_not_a_pair_of_models() -> None:
    """ "Qwen/Qwen3-8B" is a repository path: the family before the slash is no partner."""
    claims = _claims("DeepSeek-V3 has 671B total parameters; see deepseek/DeepSeek-R1 at 671B total parameters.")
    assert [c.subject for c in claims if c.metric == "total parameters"] == ["DeepSeek-V3", "DeepSeek-R1"]


def test_a_ranking_that_goes_on_with_then_names_the_next_places() -> None:
    text = (
        "**LMArena Global Rankings (2025):**\n1. Kimi K2 (China)\n2. MiniMax M1 (China)\n"
        "...then Google Gemma, Meta Llama\n\nThen DeepSeek-V3 was released.\n"
    )
    ranks = [(c.subject, c.value, c.line) for c in _claims(text) if c.metric == "LMArena rank"]
    assert ranks == [("Kimi K2", 1.0, 2), ("MiniMax M1", 2.0, 3), ("Gemma", 3.0, 4), ("Llama", 4.0, 4)]


def test_a_model_named_again_after_a_slash_pair_keeps_its_figures() -> None:
    claims = _claims("## DeepSeek\n- V3/R1 share 671B total parameters, but R1 scores 79.8% on AIME 2024\n")
    assert [(c.subject, c.value) for c in claims] == [("DeepSeek-V3", 671e9), ("DeepSeek-R1", 79.8)]


def test_prices_paired_by_a_slash_are_input_and_output_not_two_models() -> None:
    claims = _claims("## DeepSeek\nV3/R1 API: input $0.27/$1.10 per million tokens\n")
    assert {c.subject for c in claims} == {"DeepSeek-V3"}


def test_a_line_after_a_ranking_that_is_not_a_list_of_names_ranks_nothing() -> None:
    text = (
        "**LMArena Global Rankings (2025):**\n1. Kimi K2\n2. MiniMax M1\nNext, we compare Qwen3 and Llama 4 on cost.\n"
    )
    assert [c.subject for c in _claims(text) if c.metric == "LMArena rank"] == ["Kimi K2", "MiniMax M1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Qwen3-32B (MoE efficiency)\n", [("Qwen3-32B", "MoE")]),
        ("- **Yi-Large:** Proprietary dense model\n", [("Yi-Large", "dense")]),
        ("- DeepSeek-V3: not dense, a sparse design\n", []),
        ("- Qwen3-32B (dense vs MoE comparison)\n", []),
        ("Qwen3 spans dense and MoE architectures.\n", []),
        ("### DeepSeek\n- **MoE Models:** 671B\n", []),  # no model is called DeepSeek-671B
        ("### Qwen 3\n- **MoE Models:** 30B-A3B\n", []),
        (
            "### Qwen 3\n- **Dense Models:** 0.6B, 32B (distilled from the 235B)\n\nQwen3-235B and Qwen3-32B.\n",
            [("Qwen3-32B", "dense")],
        ),
    ],
)
def test_architecture_stated_of_one_model(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.subject, c.value) for c in _claims(text) if c.metric == "architecture"] == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("| Apache 2.0 License | Qwen 3, Yi |", [("Qwen3", "Apache-2.0"), ("Yi", "Apache-2.0")]),
        ("| Apache 2.0 License | Qwen 3 (except Qwen3-Max, proprietary) |", [("Qwen3", "Apache-2.0")]),
        ("| MIT | stricter than Llama 4 community licence |", []),
    ],
)
def test_licence_rows_list_the_models_in_a_models_column(row: str, expected: list[tuple[str, str]]) -> None:
    header = "| Requirement | Recommended Models |" if "Qwen" in row else "| Licence | Notes |"
    claims = _claims(f"{header}\n|---|---|\n{row}\n")
    assert [(c.subject, c.value) for c in claims if c.metric == "license"] == expected


def test_a_licence_row_still_has_its_figures_read() -> None:
    claims = _claims("| Licence | Models | Share of downloads |\n|---|---|---|\n| MIT | 12 | 45% |\n")
    assert sorted(c.value for c in claims) == [12.0, 45.0]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # nobody named before the figure or above it: the sentence's subject after it
        ("Startups run on open models with an 80% probability they use Chinese open-source models.", 80.0, "China"),
        # a name something is compared with is not what the sentence is about
        ("Compared to Llama, Qwen 3 offers more accessible sizes (e.g., strong 32B models).", 32e9, "Qwen3"),
        (
            "Downloads from Chinese laboratories surpassed those from the United States in August 2025.",
            "2025-08",
            "China",
        ),
        # a release in an enumeration goes to the model named right before it
        ("It evolved through Qwen 2 (2024) and the flagship Qwen 3 suite in April 2025.", "2025-04", "Qwen3"),
        ('# Llama 4\nLicensing changes restrict the 2T-parameter "Behemoth" preview.', 2e12, "Llama 4 Behemoth"),
    ],
)
def test_whose_figure_it_is_in_prose(text: str, value: float | str, subject: str) -> None:
    claim = _find(_claims(text), text.count("\n") + 1, value)
    assert claim.subject == subject


def test_claims_in_reading_order_when_models_share_one_figure() -> None:
    text = "### Releases in 2025\n- Kimi K2/GLM 4.5/StepFun Step3 (Jul)\n"
    shuffled = sorted(_claims(text), key=lambda c: c.id, reverse=True)
    ordered = reading_order(shuffled, VOCABULARY)
    assert [c.subject for c in ordered if c.metric == "release date"] == ["Kimi K2", "GLM-4.5", "Step3"]


def test_a_relative_clause_is_about_the_name_it_follows() -> None:
    claims = _claims("Orion-13B is twice as large as Orion-7B, which has 7 billion parameters.")
    assert [(c.subject, c.value) for c in claims if c.metric == "total parameters"] == [("Orion-7B", 7e9)]


def test_points_behind_the_leader_are_no_rank() -> None:
    text = "# Yi\n| Metric | Result |\n|---|---|\n| Chatbot Arena | 51 points from #1 |\n"
    assert [c.metric for c in _claims(text) if c.value == 51.0 and "rank" in c.metric.lower()] == []


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("Kimi K2 surpassed DeepSeek-V3 in July 2025.", "2025-07", "Kimi K2"),  # not V3's date
        ("The lab behind DeepSeek-V3 spent $5.6M on training.", 5.6e6, "DeepSeek-V3"),
        ("Estimates suggest OpenAI spent $78 million to train ChatGPT-4o.", 78e6, "GPT-4o"),  # the model's cost
        ("OpenAI raised $6.6 billion to fund its research.", 6.6e9, "OpenAI"),
    ],
)
def test_names_after_comparisons_and_behind(text: str, value: float | str, subject: str) -> None:
    assert _find(_claims(text), 1, value).subject == subject


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Low: Mistral fading with no major 2025 releases noted.", [("Mistral", "releases in 2025")]),
        ("Meta made no new model releases in 2024.", [("Meta", "releases in 2024")]),
        ("## 2025\n- Yi: no significant releases so far", [("Yi", "releases in 2025")]),
        ("Mistral has no releases planned.", []),  # no year in sight: nothing to contradict
        ("No major releases are expected.", []),  # nobody named
        ("Updated 13 October 2025\n\nMistral has no releases planned.", []),  # the document's date is no year of it
        ("## 2025\n- Meta: no open-weights releases since GPT-2", []),  # counted since an event
    ],
)
def test_no_releases_in_a_year_is_a_count_of_none(text: str, expected: list[tuple[str, str]]) -> None:
    claims = _claims(text)
    assert [(c.subject, c.metric) for c in claims if c.metric.startswith("releases in")] == expected
    assert all(c.value == 0.0 for c in claims if c.metric.startswith("releases in"))
    assert [c for c in claims if c.metric == "release date"] == []  # "2025" in the phrase dates nothing


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Acme Corp: training costs are 10x lower; deployment costs reduce by 80%+.", "deployment cost reduction"),
        ("At Acme Corp, inference prices dropped 90% in a year.", "inference price reduction"),
        ("Acme Corp's cloud revenue grew by 30% last year.", "cloud revenue increase"),
    ],
)
def test_a_change_is_of_what_is_named_before_it(text: str, metric: str) -> None:
    assert [c.metric for c in _claims(text) if c.quantity.kind == "percent"] == [metric]


def test_where_counted_organisations_come_from_is_no_part_of_the_metric() -> None:
    claims = _claims("China's surge: releases from over 20 notable Chinese organizations.")
    assert [(c.subject, c.metric, c.value) for c in claims] == [("China", "number of notable organizations", 20.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Orion-7 is released under the Apache 2.0 licence.", [("Orion-7", "Apache-2.0")]),
        ("The weights of Qwen3 are distributed under the MIT License.", [("Qwen3", "MIT")]),
        ("This code repository is licensed under the MIT License.", []),  # no model named
        # "It" goes on about the model the sentence before named; another sentence's model does not
        ("Orion-7 is fast. It is released under MIT.", [("Orion-7", "MIT")]),
        ("Orion-7 is fast. Its code is released under MIT.", []),
    ],
)
def test_a_licence_stated_in_prose(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.subject, c.value) for c in _claims(text) if c.metric == "license"] == expected


WRAPPED_PROSE = """
# Models
The model card says that DeepSeek-V3 has a context window of
128K tokens and was trained on 14.8 trillion tokens. It cost
$5.6 million to train. The technical report of DeepSeek-
R1 gives 97.3% on MATH-500.
"""


@pytest.mark.parametrize(
    ("line", "value", "subject", "metric"),
    [
        (4, 128e3, "DeepSeek-V3", "context length"),
        (4, 14.8e12, "DeepSeek-V3", "training tokens"),
        (5, 5.6e6, "DeepSeek-V3", "training cost"),
        (6, 97.3, "DeepSeek-R1", "MATH-500"),  # the name broken at a hyphen is read whole
    ],
)
def test_a_figure_on_a_wrapped_line_belongs_to_the_sentence_begun_before(
    line: int, value: float, subject: str, metric: str
) -> None:
    claim = _find(_claims(WRAPPED_PROSE), line, value)
    assert (claim.subject, claim.metric) == (subject, metric)
    assert claim.text.startswith(("The model card says", "It cost", "The technical report"))


def test_wrapped_lines_give_each_figure_once_at_its_own_line() -> None:
    claims = _claims(WRAPPED_PROSE)
    assert sorted((c.line, c.value) for c in claims) == [(4, 128e3), (4, 14.8e12), (5, 5.6e6), (6, 97.3)]
    # each figure's span indexes its own line, as for any other claim
    lines = WRAPPED_PROSE.splitlines()
    assert all(lines[c.line - 1][c.quantity.start : c.quantity.end] == c.quantity.text for c in claims)


def test_lines_set_one_per_line_are_not_joined() -> None:
    claims = _claims("# Sizes\nGPT-4o, DeepSeek-V3 MMLU (Pass@1) 88.3 87.2 88.5 85.2\nQwen3 has 235B total params\n")
    assert [(c.line, c.subject) for c in claims if c.value == 235e9] == [(3, "Qwen3")]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("GLM-4.5 has 355B total parameters, while GLM-4.5-Air has 106B total parameters.", 106e9, "GLM-4.5-Air"),
        ("GLM-4.5 has 355B total parameters, while GLM-4.5-Air has 106B total parameters.", 355e9, "GLM-4.5"),
        ("Kimi K2 has 1T total parameters; Qwen3 has 235B total parameters.", 235e9, "Qwen3"),
        ("GLM-4.5 has 355 billion total parameters, and 32 billion active parameters.", 32e9, "GLM-4.5"),
    ],
)
def test_a_clause_that_names_another_model_is_about_it(text: str, value: float, subject: str) -> None:
    assert _find(_claims(f"# Models\n{text}\n"), 2, value).subject == subject


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # built from another model: the figures that follow are the new model's
        (
            "MiniMax-M1 is a reasoning model. It was developed based on our previous MiniMax-Text-01 model. "
            "It supports a context length of 1 million tokens.",
            1e6,
            "MiniMax M1",
        ),
        # the author of a citation is nobody's subject
        ("The base model (MiniMax et al., 2025) has 456 billion total parameters.", 456e9, "MiniMax M1"),
        ("Consistent with DeepSeek-V3, Kimi K2 has 1T total parameters.", 1e12, "Kimi K2"),
    ],
)
def test_names_something_is_built_from_or_cited_are_not_the_subject(text: str, value: float, subject: str) -> None:
    assert _find(_claims(f"# MiniMax-M1\n{text}\n"), 2, value).subject == subject


def test_a_sentence_goes_on_after_et_al() -> None:
    (claim,) = _claims(
        "# Notes\nThe model follows a known recipe (Lambert et al., 2025), and Qwen3 was trained on "
        "36 trillion tokens. Another sentence follows it here.\n"
    )
    assert claim.text.startswith("The model follows") and claim.subject == "Qwen3"


_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,3}\.)\s")


def _filled(lines: tuple[str, ...], width: int) -> list[str]:
    """Prose and list items hard-wrapped at `width`, as an editor's "fill paragraph" leaves them."""
    out: list[str] = []
    for line in lines:
        if len(line.strip()) <= width + 8 or line.lstrip().startswith(("|", "#")) or "\t" in line:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip()) + 2) if _LIST_ITEM.match(line) else ""
        out.extend(textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False))
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLE.iterdir()))
def test_the_example_hard_wrapped_at_72_columns_says_the_same(name: str, tmp_path: Path) -> None:
    document = read_document(EXAMPLE / name)
    wrapped = tmp_path / name
    wrapped.write_text("\n".join(_filled(document.lines, 72)) + "\n", encoding="utf-8")
    as_written = Counter((c.subject, c.metric, c.value) for c in extract_claims(document, VOCABULARY))
    as_filled = Counter((c.subject, c.metric, c.value) for c in extract_claims(read_document(wrapped), VOCABULARY))
    assert as_filled == as_written


def test_a_figure_restated_with_nobody_named_is_of_whoever_the_document_gave_it() -> None:
    text = (
        "# Qwen\n- Qwen has over 170,000 derivative models.\n"
        "# Key Takeaways\n- Community Power: 170,000+ derivative models.\n- Scale: 8 GPUs suffice.\n"
        "# Hardware\n- DeepSeek-V3 needs 8 GPUs.\n"
    )
    claims = _claims(text)
    assert _find(claims, 4, 170e3).subject == "Qwen"
    assert (_find(claims, 7, 8.0).subject, _find(claims, 7, 8.0).metric) == ("DeepSeek-V3", "GPUs")
    assert _find(claims, 5, 8.0).subject == "(this document)"  # one digit: many things have 8 GPUs


def test_a_figure_stated_for_a_family_is_of_the_member_the_document_gives_it() -> None:
    text = (
        "# DeepSeek Series\n- DeepSeek-R1: 97.3% MATH-500\n- 88.5 MMLU\n- 81.0 MMLU-Pro\n"
        "# Benchmarks\n- DeepSeek-V3: 88.5 MMLU\n- Qwen3: 81.0 MMLU-Pro\n"
    )
    claims = _claims(text)
    assert _find(claims, 3, 88.5).subject == "DeepSeek-V3"  # a member of the family the section is about
    assert _find(claims, 4, 81.0).subject == "DeepSeek"  # another family's figure: not DeepSeek's to claim


def test_a_source_keeps_its_own_model_for_what_it_leaves_unnamed() -> None:
    text = "# Notes\n- Qwen has 170,000+ derivative models.\n- Ours has 170,000+ derivative models too.\n"
    claims = extract_claims(_doc(text), VOCABULARY, default_subject="DeepSeek-V3")
    assert _find(claims, 3, 170e3).subject == "DeepSeek-V3"


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("Qwen3-30B-A3B activates 3B.", 3e9, "active parameters"),
        ("Kimi K2 has 1T parameters and activates only 32B.", 32e9, "active parameters"),
        ("Kimi K2 has 1T parameters and activates only 32B.", 1e12, "total parameters"),
        ("DeepSeek-V3 activates 37B of its 671B parameters.", 671e9, "total parameters"),
        ("DeepSeek-V3 has 671B parameters, of which 37B are activated for each token.", 37e9, "active parameters"),
    ],
)
def test_a_parameter_count_the_model_activates_is_its_active_parameters(text: str, value: float, metric: str) -> None:
    assert _find(_claims(f"# Models\n{text}\n"), 2, value).metric == metric


@pytest.mark.parametrize(
    ("text", "line", "subject", "metric", "value"),
    [
        ("DeepSeek-V3 was trained for $5.6\nmillion in total.", 2, "DeepSeek-V3", "training cost", 5.6e6),
        ("Qwen3-235B-A22B was trained on 36\ntrillion tokens.", 2, "Qwen3-235B-A22B", "training tokens", 36e12),
        ("DeepSeek-V3 has a context window\nof 128K tokens.", 3, "DeepSeek-V3", "context length", 128e3),
        ("DeepSeek-V3 was trained on 2,048\nH800 GPUs.", 2, "DeepSeek-V3", "training GPUs", 2048.0),
    ],
)
def test_a_short_line_goes_on_in_the_next_when_that_opens_in_lower_case(
    text: str, line: int, subject: str, metric: str, value: float
) -> None:
    claim = _find(_claims(f"# Models\n{text}\n"), line, value)
    assert (claim.subject, claim.metric) == (subject, metric)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of the 3,755 models, 1,200 (45%) came from Chinese labs.",
            [("number of models", 3755.0), ("number of models", 1200.0), ("share of models", 45.0)],
        ),
        (
            "Chinese labs released 1,200 of 3,755 (45%) of those releases.",
            [("number of releases", 1200.0), ("number of releases", 3755.0), ("share of releases", 45.0)],
        ),
        (
            "Qwen accounted for 300 of the 3,755 models, or 25% of the total.",
            [("number of models", 300.0), ("number of models", 3755.0), ("share of models", 25.0)],
        ),
        (
            "Out of 3,755 models, 1,509 came from China.",
            [("number of models", 3755.0), ("number of models", 1509.0)],
        ),
    ],
)
def test_a_share_of_a_whole_in_its_wordings(text: str, expected: list[tuple[str, float]]) -> None:
    """However the sentence orders part, whole and share, each is read, and the share is of what
    the whole counts (so that the arithmetic can be checked)."""
    claims = _claims(f"# Releases\n{text}\n")
    assert [(c.metric, c.value) for c in claims] == expected
    assert [c.quantity.kind for c in claims][:2] in (["part", "whole"], ["whole", "part"])


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("Llama 4 Maverick, with 400B total parameters, scored 1,417 on LMArena.", 1417.0, "LMArena Elo"),
        ("Llama 4 Maverick, with 400B total parameters, scored 1,417 on LMArena.", 400e9, "total parameters"),
        ("Kimi K2 has 1T parameters and scores 65.8 on SWE-bench Verified.", 65.8, "SWE-bench Verified"),
    ],
)
def test_a_score_on_a_board_is_not_a_count_named_earlier(text: str, value: float, metric: str) -> None:
    assert _find(_claims(f"# Models\n{text}\n"), 2, value).metric == metric


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moonshot AI's Kimi K2 has 1T total parameters.", [("Kimi K2", "total parameters", 1e12)]),
        ("Zhipu's GLM-4.5 has 355B total parameters.", [("GLM-4.5", "total parameters", 355e9)]),
        ("China's DeepSeek-V3 cost $5.6M to train.", [("DeepSeek-V3", "training cost", 5.6e6)]),
        ("GLM-4.5 is a 335-billion-parameter MoE.", [("GLM-4.5", "total parameters", 335e9)]),
        ("Llama 4 Scout has a 10-million-token context window.", [("Llama 4 Scout", "context length", 10e6)]),
    ],
)
def test_makers_before_their_models_and_hyphenated_sizes(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert [(c.subject, c.metric, c.value) for c in _claims(f"# News\n{text}\n")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Our long-CoT version achieves 77.5 on AIME and 96.2 on MATH 500, matching OpenAI's o1.",
        "Our model achieves 60.8 on AIME, outperforming existing models such as GPT-4o by a large margin.",
    ],
)
def test_a_model_a_figure_is_measured_against_is_not_whose_figure_it_is(text: str) -> None:
    assert {c.subject for c in _claims(f"# Results\n{text}\n")} == {"(this document)"}


def test_a_list_under_a_heading_that_names_a_benchmark_gives_its_scores() -> None:
    text = "# Rankings\n## Coding: SWE-bench Verified\n\n1. Kimi K2: 68.5%\n2. DeepSeek-R1-0528: 57.6%\n"
    assert [(c.subject, c.metric, c.value) for c in _claims(text)] == [
        ("Kimi K2", "SWE-bench Verified", 68.5),
        ("DeepSeek-R1-0528", "SWE-bench Verified", 57.6),
    ]
    sizes = "# Models\n## Total parameters\n\n- Kimi K2: 1T\n- GLM-4.5: 3\n"  # a size heading gives no scores
    assert ("GLM-4.5", 3.0) not in [(c.subject, c.value) for c in _claims(sizes)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Llama 4 Maverick is the best American model, in fourth place overall on LMArena.",
            [("Llama 4 Maverick", "LMArena rank", 4.0, "rank")],
        ),
        ("Kimi K2 ranks first on LMArena.", [("Kimi K2", "LMArena rank", 1.0, "rank")]),
        (
            "The licence bars firms with more than 700 million monthly active users.",
            [("(this document)", "number of monthly active users", 7e8, "users")],
        ),
        (
            "Qwen models were downloaded about 40 million times in 2024.",
            [("Qwen", "number of downloads", 4e7, "downloads")],
        ),
        ("Kimi K2 is 3 times cheaper than Claude Sonnet 4.", [("Kimi K2", "cost reduction", 3.0, "times")]),
        (
            "DeepSeek-R1 charged $0.55 per million input tokens and $2.19 per million output tokens.",
            [
                ("DeepSeek-R1", "input price", 0.55, "USD per million tokens"),
                ("DeepSeek-R1", "output price", 2.19, "USD per million tokens"),
            ],
        ),
    ],
)
def test_places_counts_of_times_and_prices_in_prose(text: str, expected: list[tuple[str, str, float, str]]) -> None:
    claims = _claims(f"# Notes\n{text}\n")
    assert [(c.subject, c.metric, c.value, c.quantity.unit) for c in claims] == expected


def test_a_pdf_table_laid_out_with_spaces_gives_each_column_its_model(tmp_path: Path) -> None:
    # As technical reports set their comparison tables: a line of model names, then rows that end
    # in one figure per model ("#" opens a row there, never a heading).
    path = tmp_path / "report.pdf"
    path.write_bytes(
        pdf_with_text(
            [
                "Table 3: Comparison with the baselines.",
                "Model Qwen2.5-72B Llama-4-Maverick DeepSeek-V3",
                "Base Base Base",
                "# Total Params 72B 402B 671B",
                "# Attention Heads 64 40 128",
                "General Tasks",
                "MMLU 86.06 85.16 87.19",
                "GPQA 45.9 - 41.2",
                "AIME 2024 16.0 39.2 23.3",  # a label that ends in a number
                "The results show that the gap is small; 87.19 leads the board.",
            ]
        )
    )
    claims = extract_claims(read_document(path), VOCABULARY, default_subject="Qwen3")
    by_line = Counter((c.line, c.subject, c.metric, c.value) for c in claims)
    assert {
        (4, "Qwen2.5-72B", "total parameters", 72e9),
        (4, "Llama 4 Maverick", "total parameters", 402e9),
        (4, "DeepSeek-V3", "total parameters", 671e9),
        (5, "Llama 4 Maverick", "number of attention heads", 40.0),
        (7, "Qwen2.5-72B", "MMLU", 86.06),
        (7, "DeepSeek-V3", "MMLU", 87.19),
        (8, "DeepSeek-V3", "GPQA", 41.2),
        (9, "Qwen2.5-72B", "AIME 2024", 16.0),
        (9, "DeepSeek-V3", "AIME 2024", 23.3),
    } <= set(by_line)
    assert not any(c.line == 8 and c.subject == "Llama 4 Maverick" for c in claims)  # its "-" states nothing
    assert not any(c.line == 10 and c.subject != "Qwen3" for c in claims)  # prose after the table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a forecast is no release, and the successor's date is not the model's it succeeds
        (
            "Mistral plans to release Mistral Large 2 in Q3 2025.",
            [("Mistral Large 2", "expected release date", "2025-Q3")],
        ),
        ("We expect Mistral AI to release a successor to Mixtral 8x22B in early 2025.", []),
        # money raised is funding, whoever of two short sentences raised it
        (
            "Mistral AI has raised roughly $1.2 billion. Cohere has raised $445 million in funding.",
            [("Mistral", "funding", 1.2e9), ("Cohere", "funding", 445e6)],
        ),
        # the whole of what a model activates is its total
        (
            "Mixtral 8x22B activates 39B of its 141B parameters per token.",
            [("Mixtral 8x22B", "active parameters", 39e9), ("Mixtral 8x22B", "total parameters", 141e9)],
        ),
        # the price compared with is a price, not another multiple
        (
            "Command R+ costs $0.50 per million input tokens, about 4x less than Mixtral 8x22B at $2.00.",
            [("Command R+", "input price", 0.5), ("Command R+", "reduction", 4), ("Mixtral 8x22B", "input price", 2)],
        ),
        # where downloads are counted is no subject; a share of the market is a market share
        ("01.AI's Yi-34B has passed over 1 million downloads on Hugging Face.", [("Yi-34B", "downloads", 1e6)]),
        ("Qwen holds 30% of the global open-model market.", [("Qwen", "market share", 30.0)]),
        # a family's sized model
        ("TII's Falcon 180B was trained on 3.5 trillion tokens.", [("Falcon-180B", "training tokens", 3.5e12)]),
        ("Cohere shipped Command R+ in March 2024.", [("Command R+", "release date", "2024-03")]),
        # "could" or "May" elsewhere in the sentence is no forecast of the release
        (
            "Mistral Large 2, which may beat GPT-4o, arrived in July 2024.",
            [("Mistral Large 2", "release date", "2024-07")],
        ),
        # funding named before the figure, in a digression
        ("Labs need more funding (e.g., beyond Ai2's $100M) to compete.", [("Ai2", "funding", 1e8)]),
        ("Mistral AI is valued at $6 billion.", [("Mistral", "valuation", 6e9)]),
        # money near the word "funding" is not always funding
        ("After its funding round, Cohere bought GPUs worth $40M.", [("Cohere", "amount", 4e7)]),
        # a bound on a figure ("more than $2.50") is no comparison; "cheaper than $2.50 for GPT-4o" is
        (
            "Qwen2.5-72B costs $0.40 per million input tokens, cheaper than $2.50 for GPT-4o.",
            [("Qwen2.5-72B", "input price", 0.4), ("GPT-4o", "input price", 2.5)],
        ),
    ],
)
def test_what_and_whose_a_figure_is(text: str, expected: list[tuple[object, ...]]) -> None:
    claims = _claims(f"# Notes\n\n{text}\n")
    assert [(c.subject, c.metric, c.value) for c in claims if c.metric != "model size"] == expected
    assert all(c.subject == "Falcon-180B" and c.value == 180e9 for c in claims if c.metric == "model size")


def test_a_name_made_of_experts_states_no_total() -> None:
    from factcheck.claims import sizes_in_names

    document = _doc("# Mistral\n\nMixtral 8x22B and Qwen3-30B-A3B are open.\n")
    stated = {(c.subject, c.metric, c.value) for c in sizes_in_names(document, VOCABULARY)}
    assert stated == {("Qwen3-30B-A3B", "total parameters", 30e9), ("Qwen3-30B-A3B", "active parameters", 3e9)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a period after a figure's scale letter ends the sentence ("72B. The flagship …")
        (
            "# Qwen2.5\n\nQwen2.5 comes in sizes from 0.5B to 72B. The flagship Qwen2.5-72B-Instruct was"
            " pre-trained on 18T tokens.\n",
            ("Qwen2.5-72B-Instruct", "training tokens", 18e12),
        ),
        # a member named after its family is the more specific subject
        (
            "# Notes\n\nDeepSeek's technical report states that the DeepSeek-V3 training run consumed 2.788M"
            " H800 GPU hours.\n",
            ("DeepSeek-V3", "training GPU hours", 2.788e6),
        ),
        # the section's short name with a possessive: "V3's $1.10"
        (
            "# DeepSeek pricing\n\nR1's output price is roughly double V3's $1.10 per million output tokens.\n",
            ("DeepSeek-V3", "output price", 1.1),
        ),
        # a figure compared "well above" another takes its metric
        (
            "# The DeepSeek baseline\n\nGLM-4.5's 23T training tokens are well above V3's 14.8T.\n",
            ("DeepSeek-V3", "training tokens", 14.8e12),
        ),
        # a count of a family's derivatives is the family's
        (
            "# Hubs\n\nHugging Face counted 74,300 Qwen-derived models as of March 2025.\n",
            ("Qwen", "derivative models", 74300.0),
        ),
        (
            "# Prices\n\n- Input (cache hit): $0.07 per million tokens\n",
            ("(this document)", "cached input price", 0.07),
        ),
    ],
)
def test_whose_figure_in_a_briefing(text: str, expected: tuple[str, str, float]) -> None:
    claims = _claims(text)
    assert expected in [(c.subject, c.metric, c.value) for c in claims], [
        (c.subject, c.metric, c.value) for c in claims
    ]


def test_a_class_of_models_is_nobodys_size() -> None:
    claims = _claims("# Phi\n\nOn GPQA Diamond, Phi-4 scores 48.2, ahead of many 70B-class models.\n")
    assert [(c.subject, c.metric, c.value) for c in claims] == [("Phi-4", "GPQA Diamond", 48.2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a model named as the one followed, or as a cited author, is not what the text goes on about
        (
            "We adopt a similar approach to DeepSeek-V2 (DeepSeek-AI, 2024c) for long context in DeepSeek-V3."
            " The second phase extends the context window to 128K.",
            ("DeepSeek-V3", "context length", 128e3),
        ),
        (
            "The YaRN setup is consistent with that used in DeepSeek-V2. The context window then grows to 128K tokens.",
            ("(this document)", "context length", 128e3),
        ),
        # "with" governs only the name right after it
        (
            "With 119K GPU hours for context extension, DeepSeek-V3 costs only 2.788M GPU hours in all."
            " Our total training costs amount to only $5.576M.",
            ("DeepSeek-V3", "training cost", 5.576e6),
        ),
        # a date after "by" dates the name right before it, the nearest of a family's members
        (
            "The Alibaba Qwen series evolved through Qwen 2 (2024) and the Qwen 3 suite in April 2025,"
            " followed by variants like Qwen 3-Max and Qwen 3-Coder by September 2025.",
            ("Qwen3-Coder", "date", "2025-09"),
        ),
        # a member named after its series
        (
            "We are launching two models in the Llama 4 series, Llama 4 Scout, a 17 billion parameter model"
            " with 16 experts, and Llama 4 Maverick, with 128 experts.",
            ("Llama 4 Scout", "number of experts", 16.0),
        ),
    ],
)
def test_whom_the_text_goes_on_about(text: str, expected: tuple[str, str, object]) -> None:
    claims = _claims(f"# Notes\n\n{text}\n")
    assert expected in [(c.subject, c.metric, c.value) for c in claims], [
        (c.subject, c.metric, c.value) for c in claims
    ]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a maker and its model in a label: the model's; "14B dense" is its size; "1,920 H100s" GPUs
        (
            "- Microsoft Phi-4: 14B dense, trained on 9,800B tokens using 1,920 H100s.",
            {("Phi-4", "model size", 14e9), ("Phi-4", "training tokens", 9.8e12), ("Phi-4", "training GPUs", 1920.0)},
            set(),
        ),
        # the side named before a price change is both prices' side; a price cut's date is no release
        (
            "- Price cut (Sep 2024): Mistral Small output from $0.90 to $0.30 per M tokens.",
            {("Mistral Small", "output price", 0.9), ("Mistral Small", "output price", 0.3)},
            {("Mistral Small", "release date", "2024-09")},
        ),
        # an announcement is an event of its own
        (
            "Gemma 3n was first announced as a preview at Google I/O in May 2025.",
            {("Gemma 3n", "announcement date", "2025-05")},
            {("Gemma 3n", "release date", "2025-05")},
        ),
        # a citation's year in brackets dates no model
        ("Wang, Ke et al. Measuring reasoning with a dataset. In: arXiv preprint (2024).", set(), {"release date"}),
    ],
)
def test_what_a_memo_line_states(text: str, expected: set[tuple[str, str, object]], absent: set[object]) -> None:
    got = {(c.subject, c.metric, c.value) for c in _claims(f"# Notes\n\n{text}\n")}
    assert expected <= got, got
    assert not any(a in got or a in {m for _, m, _ in got} for a in absent), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure of the family or the maker stays theirs, whatever member is named beside it
        (
            "The Qwen3 family, from Qwen3-0.6B up to Qwen3-235B-A22B, was downloaded 40 million times.",
            ("Qwen3", "number of downloads", 4e7),
        ),
        ("Mistral AI, the maker of Mistral Small 3, raised $640 million in funding.", ("Mistral", "funding", 6.4e8)),
        (
            "Moonshot says the Kimi K2 pre-training run took 2.788M H800 GPU hours.",
            ("Kimi K2", "training GPU hours", 2.788e6),
        ),
        (
            "DeepSeek emerged with its R1 reasoning model launched in January 2025.",
            ("DeepSeek-R1", "release date", "2025-01"),
        ),
        # the side named after a price wins over one named before it
        (
            "GPT-4o output costs $10 per M tokens; $2.50 per M tokens is the input price.",
            ("GPT-4o", "input price", 2.5),
        ),
        ("DeepSeek-V3 offers a 50% reduction in latency.", ("DeepSeek-V3", "latency reduction", 50.0)),
        ("Mistral AI raised an additional $640 million.", ("Mistral", "funding", 6.4e8)),
        ("Mistral is priced at a $6 billion valuation.", ("Mistral", "valuation", 6e9)),
        ("Llama 4 Behemoth may be released in June 2026.", ("Llama 4 Behemoth", "expected release date", "2026-06")),
        # "higher than 85%" bounds the figure: no comparison with the model named after it
        ("Qwen3 scores higher than 85% on MMLU, ahead of GPT-4o.", ("Qwen3", "MMLU", 85.0)),
    ],
)
def test_whose_figure_after_the_review(text: str, expected: tuple[str, str, object]) -> None:
    claims = _claims(f"# Notes\n\n{text}\n")
    assert expected in [(c.subject, c.metric, c.value) for c in claims], [
        (c.subject, c.metric, c.value) for c in claims
    ]


def test_a_top_n_heading_of_takeaways_ranks_nothing() -> None:
    claims = _claims("## Top 3 takeaways\n\nWhat we learnt:\n\n1. Qwen3 is the cheapest at 2 cents per query.\n")
    assert not any(c.quantity.kind == "rank" for c in claims)


def test_a_sized_reference_under_a_models_heading_is_its_variant() -> None:
    text = (
        "## Llama 3.1\n\nMeta released Llama 3.1 in July 2024.\n\n"
        "The 405B model was trained on over 15 trillion tokens.\n\n## GPT-4o\n\nThe 8B model scores 60.2 on MMLU.\n"
    )
    got = [(c.subject, c.metric, c.value) for c in _claims(text)]
    assert ("Llama-3.1-405B", "training tokens", 15e12) in got
    assert not any(subject == "GPT-4o-8B" for subject, _, _ in got)  # GPT-4o comes in no sizes


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Kimi K2's $0.60 input price against Claude Sonnet 4's $3.00 is a 90% saving.", "Kimi K2"),
        ("Hosted Llama 3.1 70B costs $0.88 per million tokens, against $3.00 for the 405B model, a saving of 45%.",
         "Llama-3.1-70B"),
        # the comparison stands first: the change is the subject's, not the model compared with
        ("Compared with DeepSeek 67B, DeepSeek-V2 reduces the KV cache by 93.3%.", "DeepSeek-V2"),
    ],
)  # fmt: skip
def test_a_change_in_a_comparison_is_of_the_figure_compared(sentence: str, subject: str) -> None:
    (change,) = [c for c in _claims(f"# Notes\n\n{sentence}\n") if c.quantity.kind == "percent"]
    assert change.subject == subject


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a timeline entry dates the models it names first; the next entry is not the first one's
        (
            "## Release timeline\n\n- 2023-09 — Falcon 180B (TII): 180B dense, 3.5T tokens\n- 2023-12 — Mixtral 8x7B\n",
            {("Falcon-180B", "release date", "2023-09"), ("Mixtral 8x7B", "release date", "2023-12")},
            {("Falcon-180B", "release date", "2023-12")},
        ),
        (
            "## Timeline\n\n- 2024-12 — Phi-4 announced (weights followed in 2025-01)\n- 2025-01-27: DeepSeek-R1\n",
            {("Phi-4", "announcement date", "2024-12"), ("Phi-4", "release date", "2025-01"),
             ("DeepSeek-R1", "release date", "2025-01-27")},
            {("Phi-4", "release date", "2024-12")},
        ),
        # the family's member named after the colon is what an entry dates
        ("## News\n\n- 2024.03.28: We released the first MoE model of Qwen: Qwen1.5-MoE-A2.7B!\n",
         {("Qwen1.5-MoE-A2.7B", "release date", "2024-03-28")}, {("Qwen", "release date", "2024-03-28")}),
        # a preview or announcement is no release
        ("# Notes\n\nMeta previewed Llama 3.1 405B in April 2024 and shipped it in July 2024.\n",
         {("Llama-3.1-405B", "announcement date", "2024-04")}, {("Llama-3.1-405B", "release date", "2024-04")}),
        ("# Phi-4\n\n- Release: announced December 2024; weights on Hugging Face January 2025\n",
         {("Phi-4", "announcement date", "2024-12"), ("Phi-4", "release date", "2025-01")},
         {("Phi-4", "release date", "2024-12")}),
        # a plan names no model's date
        ("# Notes\n\nWe plan to add a DeepSeek-V3 replica and evaluate Qwen3's successors in Q1 2026.\n",
         set(), {("Qwen3", "release date", "2026-Q1"), ("DeepSeek-V3", "release date", "2026-Q1")}),
        # a run-in heading names the paragraph's model; its maker named after it is no other subject
        ("# Letter\n\n**Kimi K2.** Moonshot AI's model is the largest we track: 1T total parameters.\n"
         "It was trained on 15.5T tokens.\n",
         {("Kimi K2", "total parameters", 1e12), ("Kimi K2", "training tokens", 15.5e12)},
         {("Kimi", "total parameters", 1e12), ("Kimi", "training tokens", 15.5e12)}),
        # each sentence of a paragraph after a run-in heading has its own subject
        ("# Letter\n\n**Google and Meta.** Gemma 3 27B landed on March 12, 2025. Llama 4 Maverick\n"
         "(April 5, 2025) pairs 400B total parameters with only 17B active.\n",
         {("Llama 4 Maverick", "total parameters", 400e9), ("Gemma-3-27B", "release date", "2025-03-12")},
         {("Gemma-3-27B", "total parameters", 400e9)}),
        # a change from one figure to another: the same measure, neither a range nor the next metric
        ("# Notes\n\nThe update lifted AIME 2024 from 79.8 to 91.4 and AIME 2025 from 70.0 to 87.5.\n",
         {("(this document)", "AIME 2024", 91.4), ("(this document)", "AIME 2025", 70.0)},
         {("(this document)", "AIME 2024", 85.6), ("(this document)", "AIME 2025", 78.75)}),
        # sizes listed after a sized name are that family's, not the paragraph's model
        ("# Llama 3.1 405B\n\nMeta previewed it alongside Llama 3 8B and 70B.\n",
         {("Llama 3", "model size", 70e9)}, {("Llama-3.1-405B", "model size", 70e9)}),
        # a figure before another figure's metric word is not measured by it
        ("# Notes\n\nWe benchmarked the full GLM-4.5, a 365B-parameter MoE with 32B active.\n",
         {("GLM-4.5", "total parameters", 365e9), ("GLM-4.5", "active parameters", 32e9)},
         {("GLM-4.5", "active parameters", 365e9)}),
        # "the 0905 checkpoint": the model with that date tag, not the family model before it
        ("# Notes\n\nKimi K2 has been the hot one, especially the 0905 checkpoint with 256K of context.\n",
         {("Kimi K2-0905", "context length", 256e3)}, {("Kimi K2", "context length", 256e3)}),
        # costs paid per hour, month or ticket run something; they are no training cost
        ("# Notes\n\nAt $6.00 per million tokens this costs $240,000 per month. The average cost per resolved "
         "ticket fell from $0.042 to $0.018.\n",
         {("(this document)", "cost per month", 240e3), ("(this document)", "cost per ticket", 0.018)},
         {("(this document)", "training cost", 240e3), ("(this document)", "training cost", 0.018)}),
        # throughput in tokens per second
        ("# Notes\n\nDeepSeek-V3 sustains more than 20,000 output tokens per second; Qwen3 does 9,800 tokens/s.\n",
         {("DeepSeek-V3", "output throughput", 20e3), ("Qwen3", "tokens per second", 9.8e3)}, set()),
        # trial 7: a company's valuation is the maker's, not the one model of it the document names
        ("# Notes\n\nKimi K2 shipped in July.\n\n| Company | Amount | Valuation (post) |\n|---|---|---|\n"
         "| Moonshot AI | $300M | $3.3B |\n", {("Kimi", "valuation", 3.3e9)}, {("Kimi K2", "valuation", 3.3e9)}),
        ("# Notes\n\nMoonshot AI's $300 million round valued it at $3.8 billion.\n",
         {("Kimi", "funding", 300e6), ("Kimi", "valuation", 3.8e9)}, set()),
        # a footnote's mark in a cell is no part of the name; "the original … release" is the model's
        ("# Top\n\n| # | Model | Open Index |\n|---|---|---|\n| 3 | GLM-4.5 <sup>[\\[2\\]](#n2)</sup> | 58.9 |\n",
         {("GLM-4.5", "open index", 58.9)}, {("GLM-4.5 2", "open index", 58.9)}),
        ("# Notes\n\nDeepSeek-V3-0324 is the March 2025 checkpoint of DeepSeek-V3; the original December 2024 "
         "release now sits at No. 19.\n",
         {("DeepSeek-V3", "rank", 19.0)}, {("DeepSeek-V3-0324", "rank", 19.0), ("DeepSeek-V3-2024", "rank", 19.0)}),
        # a sentence after a labelled one goes on by the names it gives; "outside the top 10" places nobody in it
        ("## Notes\n\n1. GLM-4.5: 355B total, 128K context. Its smaller sibling GLM-4.5-Air is just outside "
         "the top 10 at No. 11.\n2. Other: text.\n",
         {("GLM-4.5", "context length", 128e3), ("GLM-4.5-Air", "rank", 11.0)},
         {("GLM-4.5", "rank", 11.0), ("GLM-4.5", "rank", 10.0), ("GLM-4.5-Air", "rank", 10.0)}),
        # a size before a name: "the 21B sibling gpt-oss-20b"
        ("# Notes\n\n- gpt-oss-120b: scored at high effort. The 21B sibling gpt-oss-20b ranks No. 14.\n",
         {("gpt-oss-20b", "model size", 21e9)}, {("gpt-oss-120b", "model size", 21e9)}),
        # trial 8: Chinese numerals; a day without its year is no figure; "1T / 32B active"
        ("# Report\n\nMiniMax-M1: 4,560亿 (456 billion) total; the RL stage cost 53.47万美元.\n",
         {("MiniMax M1", "total parameters", 456e9), ("MiniMax M1", "training cost", 534700.0)},
         {("MiniMax M1", "total parameters", 4560.0)}),
        ("# Deck\n\n- Kimi K2 (Moonshot AI, 11 Jul): 1T / 32B active, modified MIT\n",
         {("Kimi K2", "active parameters", 32e9)}, {("Kimi K2", "active parameters", 11.0),
                                                    ("Kimi K2", "model size", 32e9)}),
        # an arena's ratings in a paragraph about it; a rank's own words set its scope
        ("# Weekly\n\nToday's LMArena text refresh puts Kimi K2 on 1,420, 41 points behind Gemini 2.5 Pro "
         "(1,461). DeepSeek-R1-0528 follows on 1,413 at #7.\n",
         {("Kimi K2", "LMArena Elo", 1420.0), ("DeepSeek-R1-0528", "LMArena Elo", 1413.0)},
         {("Kimi K2", "LMArena Elo", 41.0)}),
        ("# Arena snapshot (LMArena text)\n\n- Kimi K2: #1 open-weight model, #5 overall\n",
         {("Kimi K2", "LMArena open-source rank", 1.0), ("Kimi K2", "LMArena rank", 5.0)},
         {("Kimi K2", "LMArena rank", 1.0)}),
        # "Licence:" as a sentence of a paragraph; "from A for X to B": X is A's
        ("# Report\n\nMiniMax-M1: 456 billion total parameters, trained over three weeks. Licence: MIT.\n",
         {("MiniMax M1", "license", "MIT")}, set()),
        ("# Weekly\n\nThe update lifted AIME 2025 from 70.0% for the January R1 to 87.5%.\n", set(),
         {("DeepSeek-R1", "AIME 2025", 87.5)}),
        # a review's cases: a setting is no score, a clause's "no" negates only it, month names are
        # no words that open like them, "daily users" are no daily cost, a timeline entry's licence
        ("# Notes\n\nOn MMLU, Qwen3-235B-A22B leads at 81.5. DeepSeek-R1 is best run with a temperature of 0.6.\n",
         {("Qwen3-235B-A22B", "MMLU", 81.5)}, {("DeepSeek-R1", "MMLU", 0.6)}),
        ("# Notes\n\nKimi K2 needs no separate system prompt and scores 65.8% on SWE-bench Verified.\n",
         {("Kimi K2", "SWE-bench Verified", 65.8)}, set()),
        ("# Notes\n\nDeepSeek-V3, which now serves millions of daily users, cost $5.6M to train.\n",
         {("DeepSeek-V3", "training cost", 5.6e6)}, set()),
        ("# Timeline\n\n- 2025-01-20 — DeepSeek-R1 released under the MIT license\n",
         {("DeepSeek-R1", "release date", "2025-01-20"), ("DeepSeek-R1", "license", "MIT")}, set()),
        # someone else's words, quoted to reject them
        ("# Post\n\nPeople keep saying \"R1 cost $5.6M\" and no, that number is the V3 base run.\n",
         set(), {("DeepSeek-R1", "training cost", 5.6e6)}),
        # a leading zero writes an identifier, not a figure
        ("# DeepSeek-R1\n\nThe 0528 checkpoint (2025-05) lifted AIME 2024 to 91.4.\n", set(),
         {("DeepSeek-R1", "AIME 2024", 528.0), ("DeepSeek-R1-0528", "AIME 2024", 528.0)}),
    ],
)  # fmt: skip
def test_what_a_blind_trial_taught(
    text: str, expected: set[tuple[str, str, object]], absent: set[tuple[str, str, object]]
) -> None:
    got = {(c.subject, c.metric, c.value) for c in _claims(text)}
    assert expected <= got, got
    assert not absent & got, got


def test_a_month_later_than_the_documents_date_is_of_the_year_before() -> None:
    text = (
        "# Call\n\nDate: 9 October 2025\n\n"
        "Phi-4 at 14 billion; Microsoft announced it in December and the weights came out in January.\n"
    )
    got = {(c.subject, c.metric, c.value) for c in _claims(text)}
    assert ("Phi-4", "announcement date", "2024-12") in got, got
    assert not any(value == "2025-12" for _, _, value in got), got


def test_a_text_table_with_models_as_rows_and_metrics_as_columns() -> None:
    text = (
        "Table 2. Vendor-reported scores\n\n"
        "  Model                          Total   Active  MMLU-Pro  GPQA-D  AIME25\n"
        "  DeepSeek-R1-0528                671B     37B     85.0     81.0    87.5\n"
        "  GLM-4.5                         355B     32B     84.6     79.1     --\n"
    )
    document = read_document_bytes(text.encode(), "notes.txt")
    got = {(c.subject, c.metric, c.value) for c in extract_claims(document, VOCABULARY)}
    assert {
        ("DeepSeek-R1-0528", "total parameters", 671e9),
        ("DeepSeek-R1-0528", "active parameters", 37e9),
        ("DeepSeek-R1-0528", "GPQA Diamond", 81.0),
        ("DeepSeek-R1-0528", "AIME 2025", 87.5),
    } <= got, got
    assert ("GLM-4.5", "MMLU-Pro", 84.6) in got and not any(s == "GLM-4.5" and m == "AIME 2025" for s, m, _ in got)


def _facts(text: str, name: str = "doc.md") -> list[tuple[int, str, str, float | str]]:
    claims = extract_claims(read_document_bytes(textwrap.dedent(text).encode(), name), VOCABULARY)
    return [(c.line, c.subject, c.metric, c.value) for c in claims]


def test_a_plain_text_item_title_is_the_subject_of_the_lines_indented_under_it() -> None:
    text = """\
        Notes

            GLM-4.5 (Zhipu)
                355B total, 32B active.
                MIT licence. Open weights since July 28, 2025.

            gpt-oss-120b (OpenAI, 117B total)
                5.1B active.

        Elsewhere, 2T parameters were rumoured.
        """
    facts = _facts(text, "newsletter.txt")
    assert (4, "GLM-4.5", "total parameters", 355e9) in facts
    assert (5, "GLM-4.5", "license", "MIT") in facts
    assert (5, "GLM-4.5", "release date", "2025-07-28") in facts  # open weights since: the release
    assert (8, "gpt-oss-120b", "active parameters", 5.1e9) in facts
    assert (7, "gpt-oss-120b", "total parameters", 117e9) in facts  # the title line's own figure
    assert [f for f in facts if f[0] == 10] == [(10, "(this document)", "total parameters", 2e12)]  # out of the item


def test_a_lead_in_that_names_a_model_gives_the_list_below_its_subject() -> None:
    text = """\
        ## Leaderboard
        Quick refresher on what K2 actually is:
        - 1T total / 32B active parameters
        - Moonshot's report puts pre-training at 2.788M H800 GPU hours

        Then a paragraph.
        - 12B active parameters
        """
    facts = _facts(text)
    assert (3, "Kimi K2", "total parameters", 1e12) in facts
    assert (4, "Kimi K2", "training GPU hours", 2.788e6) in facts  # its maker's report, about it
    assert (7, "(this document)", "active parameters", 12e9) in facts  # the lead-in's list has ended


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a variant named by its own word
        ("## GLM-4.5\nIt has 355B total; the Air variant is 106B total.", [("GLM-4.5", 355e9), ("GLM-4.5-Air", 106e9)]),
        # names after "alongside" go along with the subject: "it" is the section's model (but a
        # bracket right after a name is that name's: "Maverick (400B total)")
        (
            "## Llama 4 Behemoth\nMeta previewed it alongside Scout and Maverick in April (288B active).",
            [("Llama 4 Behemoth", 288e9)],
        ),
        ("## Llama 4 Behemoth\nMeta previewed it alongside Maverick (400B total).", [("Llama 4 Maverick", 400e9)]),
    ],
)
def test_whose_size_a_sentence_gives(sentence: str, expected: list[tuple[str, float]]) -> None:
    facts = _facts(sentence + "\n")
    assert [(subject, value) for _, subject, _, value in facts] == expected


def test_a_list_that_leaves_the_unit_out_keeps_the_first_figures_unit() -> None:
    facts = _facts("Llama 3.1 405B saw more than 15 trillion tokens; DeepSeek-V3 used 14.8T and Kimi K2 15.5T.\n")
    assert [(s, m, v) for _, s, m, v in facts] == [
        ("Llama-3.1-405B", "training tokens", 15e12),
        ("DeepSeek-V3", "training tokens", 14.8e12),
        ("Kimi K2", "training tokens", 15.5e12),
    ]
    assert [m for _, _, m, _ in _facts("DeepSeek-V3 has 671B total parameters and Kimi K2 1T.\n")] == [
        "total parameters",
        "total parameters",
    ]


def test_a_native_window_and_the_one_it_is_extended_to() -> None:
    facts = _facts("Qwen3-32B: the native window is 32,768 tokens, extended to 131,072 with YaRN.\n")
    assert [(m, v) for _, _, m, v in facts] == [
        ("native context length", 32768.0),
        ("extended context length", 131072.0),
    ]
    # "native" tells of the window only right before it
    assert [m for _, _, m, _ in _facts("Qwen3-32B has native tool use and a 128K context window.\n")] == [
        "context length"
    ]


def test_a_figure_level_with_another_models_is_the_sentence_subjects() -> None:
    facts = _facts("Kimi K2 costs $2.50 per million output tokens, and GLM-4.5 sits level with R1 at $2.20.\n")
    assert [(s, v) for _, s, _, v in facts] == [("Kimi K2", 2.5), ("GLM-4.5", 2.2)]
    compared = _facts("Kimi K2 costs $2.50 per million output tokens, against R1 at $2.19.\n")
    assert [(s, v) for _, s, _, v in compared] == [("Kimi K2", 2.5), ("DeepSeek-R1", 2.19)]


def test_a_licence_listed_among_a_models_facts() -> None:
    facts = _facts("gpt-oss-120b: 117B total, fits on a single 80GB GPU, MIT licence.\n", "notes.txt")
    assert (1, "gpt-oss-120b", "license", "MIT") in facts
    # a licence word in passing names no licence
    assert not [f for f in _facts("gpt-oss-120b: 117B total, with a permissive licence.\n") if f[2] == "license"]


def test_a_column_that_names_two_metrics_splits_its_cells() -> None:
    text = """\
        | Model | Total / active params | Context |
        |---|---|---|
        | DeepSeek-R1 | 671.0B / 37B | 131,072 |
        """
    facts = _facts(text)
    assert (3, "DeepSeek-R1", "total parameters", 671e9) in facts
    assert (3, "DeepSeek-R1", "active parameters", 37e9) in facts


def test_a_short_name_with_a_date_tag_is_the_listed_checkpoint() -> None:
    assert _facts("R1-0528 scored 87.5% on AIME 2025.\n") == [(1, "DeepSeek-R1-0528", "AIME 2025", 87.5)]


def test_a_scoring_table_gives_marks_not_dollars_or_parameters() -> None:
    text = """\
        | Criterion | Kimi K2 | GLM-4.5 |
        |---|---|---|
        | Total / active params | 1,000B / 32B | 355B / 32B |
        | SWE-bench Verified, vendor (%) | 65.8 | 64.2 |
        | SWE-bench Verified, harness (%) | 61.0 | 59.4 |
        | Cost (w 0.3) | 6.5 | 7.5 |
        | **Weighted total** | **7.45** | **7.85** |

        On weighted total, Kimi K2 ranks No. 1 (7.45).
        """
    facts = _facts(text)
    assert (3, "Kimi K2", "total parameters", 1e12) in facts and (3, "GLM-4.5", "active parameters", 32e9) in facts
    assert (4, "Kimi K2", "SWE-bench Verified", 65.8) in facts  # the vendor's figure is the benchmark's
    assert (5, "Kimi K2", "SWE-bench Verified (measured)", 61.0) in facts  # a harness's is a measurement
    assert (6, "Kimi K2", "cost score", 6.5) in facts
    assert not [
        f for f in facts if f[2] in ("training cost", "total parameters") and isinstance(f[3], float) and f[3] < 1e5
    ]


def test_a_release_verb_dates_its_clause_however_far_the_date() -> None:
    text = (
        "## DeepSeek-R1\n"
        "The full model was published together with R1-Zero, six distilled models and a report on 22 January 2025.\n"
    )
    assert (2, "DeepSeek-R1", "release date", "2025-01-22") in _facts(text)
    # another sentence, or another figure between, and the verb is not the date's
    assert not [
        f
        for f in _facts("## DeepSeek-R1\nIt was published. We read it on 22 January 2025.\n")
        if f[2] == "release date"
    ]
    late = (
        "## DeepSeek-R1\n"
        "It was published with 6 distilled models and a long technical report, and we read it on 22 January 2025.\n"
    )
    assert not [f for f in _facts(late) if f[2] == "release date"]


def test_architecture_said_of_it_or_of_both_models_of_a_heading() -> None:
    facts = _facts("gpt-oss-120b has been the surprise of the year. It's a dense model, Apache 2.0.\n")
    assert (1, "gpt-oss-120b", "architecture", "dense") in facts
    both = _facts("### 2025-08-05: gpt-oss-120b and gpt-oss-20b\n- Both MoE, Apache 2.0, 128k ctx.\n")
    assert {(s, v) for _, s, m, v in both if m == "architecture"} == {("gpt-oss-120b", "MoE"), ("gpt-oss-20b", "MoE")}


def test_a_later_sentence_of_a_labelled_item_that_names_its_measure_keeps_it() -> None:
    text = (
        "- **Kimi-K2-Instruct-0905** (1T total, 32B active): two nodes. "
        "This checkpoint raises the context window to 256K.\n"
    )
    assert (1, "Kimi-K2-Instruct-0905", "context length", 256e3) in _facts(text)


def test_a_size_a_model_is_compared_to_is_nobodys() -> None:
    facts = _facts("## Kimi K2\nIt is a ~1T param MoE; whoever said it feels like a 70B is coping.\n")
    assert [v for _, _, _, v in facts] == [1e12]


def test_a_table_whose_first_column_states_a_need_names_the_model_after_it() -> None:
    text = """\
        | If you need… | Pick | Total / active params | Licence |
        |---|---|---|---|
        | Very long documents | Llama 4 Scout | 109B / 17B | Apache 2.0 |
        """
    facts = _facts(text)
    assert (3, "Llama 4 Scout", "active parameters", 17e9) in facts
    assert (3, "Llama 4 Scout", "license", "Apache-2.0") in facts


def test_models_that_ship_under_a_licence_together() -> None:
    text = "Llama 4 Scout (109B total) and Llama 4 Maverick (400B total) ship under the Llama 4 Community License.\n"
    licences = {(s, v) for _, s, m, v in _facts(text) if m == "license"}
    assert licences == {("Llama 4 Scout", "Llama community license"), ("Llama 4 Maverick", "Llama community license")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the figure a change started from is the model it is said of
        (
            "DeepSeek-R1-0528 scores 91.4% on AIME 2024, up from 79.8% for the original January release of R1.",
            [("DeepSeek-R1-0528", "AIME 2024", 91.4), ("DeepSeek-R1", "AIME 2024", 79.8)],
        ),
        # a promotional price is a discounted one; a cache hit's price is its own
        (
            "DeepSeek-V3 lists at $0.27 per 1M input tokens, up from the promotional $0.14 per 1M input tokens.",
            [("DeepSeek-V3", "input price", 0.27), ("DeepSeek-V3", "discounted input price", 0.14)],
        ),
        (
            "DeepSeek-R1 lists at $0.55 per 1M input tokens on a cache miss and $0.14 on a cache hit.",
            [("DeepSeek-R1", "input price", 0.55), ("DeepSeek-R1", "cached input price", 0.14)],
        ),
        # what a volume costs is no price per token
        ("A customer sending 2B input tokens to DeepSeek-V3 pays $540 in input charges.", None),
        # a maker's date of the models its release verb names after it
        (
            "OpenAI's reply came on Aug 5, 2025, when it published gpt-oss-120b and gpt-oss-20b.",
            [("gpt-oss-120b", "release date", "2025-08-05"), ("gpt-oss-20b", "release date", "2025-08-05")],
        ),
        # when one model finished ahead of another is no release
        ("In the bake-off, Mistral Small 3.1 finished ahead of gpt-oss-20b in June 2025.", []),
    ],
)
def test_whose_figure_and_what_it_measures(sentence: str, expected: list[tuple[str, str, object]] | None) -> None:
    facts = [(s, m, v) for _, s, m, v in _facts(sentence + "\n")]
    if expected is None:
        assert ("DeepSeek-V3", "input charges", 540.0) in facts and not [f for f in facts if f[1] == "input price"]
    else:
        assert [f for f in facts if f[1] != "date"] == expected


def test_a_list_item_that_goes_on_about_the_report_of_the_item_before() -> None:
    text = (
        "- DeepSeek-V3 is a 671B-parameter model pretrained on 14.8T tokens.\n"
        "- Per the technical report, full training took 2.788M H800 GPU-hours.\n"
        "- A customer sending 2B input tokens a month pays $540 in input charges;"
        " at the old rate the same volume cost $280.\n"
    )
    facts = _facts(text)
    assert (2, "DeepSeek-V3", "training GPU hours", 2.788e6) in facts
    assert not [f for f in facts if f[2] == "training cost"]  # what serving a volume costs


def test_a_variant_a_model_comes_as_takes_the_figures_after_it() -> None:
    facts = _facts("## Models\nGLM-4.5 also comes as GLM-4.5-Air, with 106B total and 12B active parameters.\n")
    assert [(s, v) for _, s, _, v in facts] == [("GLM-4.5-Air", 106e9), ("GLM-4.5-Air", 12e9)]
    facts = _facts("## Models\nGLM-4.5 has 355B total parameters and beats GLM-4.5-Air, with 106B, on most tasks.\n")
    assert [s for _, s, _, v in facts if v == 355e9] == ["GLM-4.5"]


def test_a_figure_both_models_are_said_to_have_and_a_qualified_family_range() -> None:
    facts = _facts("Llama 4 Scout and Llama 4 Maverick both activate 17 billion parameters per token.\n")
    assert [s for _, s, _, _ in facts] == ["Llama 4 Scout", "Llama 4 Maverick"]
    ranged = _facts("## Qwen3\nThe dense Qwen3 models range from 0.6B to 32B.\n")
    assert [m for _, _, m, _ in ranged] == ["dense model size range"]  # not the family's whole range

"""Conflicts among claims, found from real text: what must be flagged and what must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.conflicts import find_conflicts
from factcheck.documents import parse_structure
from factcheck.models import Claim, Document, Finding, FindingKind, Severity
from factcheck.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def _claims(*texts: str) -> list[Claim]:
    claims: list[Claim] = []
    for i, text in enumerate(texts):
        lines = text.splitlines()
        name = f"doc{i}.md"
        document = Document(
            path=name,
            name=name,
            media_type="text/markdown",
            sha256="0",
            lines=tuple(lines),
            blocks=tuple(parse_structure(lines)),
        )
        claims += extract_claims(document, VOCABULARY)
    return claims


def _findings(*texts: str) -> list[Finding]:
    return find_conflicts(_claims(*texts), VOCABULARY)


def _kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.kind.value, f.severity.value) for f in findings]


def test_value_conflict_across_documents() -> None:
    findings = _findings("# DeepSeek-V3\n- 671B total params\n", "# DeepSeek-V3\n- 685B total params\n")
    assert _kinds(findings) == [("value", "high")]
    assert {c.document for c in findings[0].claims} == {"doc0.md", "doc1.md"}


def test_rounding_and_units_are_not_conflicts() -> None:
    assert (
        _findings("# DeepSeek-V3\n- Cost: ~$5.6 million training\n", "# DeepSeek-V3\n- Cost: $5,576,000 training\n")
        == []
    )
    assert _findings("# Qwen3\n- Context: 262K tokens\n", "# Qwen3\n- Context: 262,144 tokens\n") == []


def test_compatible_bounds_that_diverge_are_low() -> None:
    findings = _findings(
        "# Qwen\n- Derivative Models: 100,000+ models built on Qwen\n",
        "Alibaba's Qwen has spawned over 170,000 derivative models.\n",
    )
    assert _kinds(findings) == [("value", "low")]


def test_lists_of_sizes_are_not_conflicts() -> None:
    assert _findings("# Qwen3\n- Dense sizes: 0.6B, 1.7B, 4B, 8B, 14B, 32B models\n") == []


def test_attribution_of_a_distinctive_figure() -> None:
    findings = _findings("# DeepSeek-R1\n- Cost: $5.6M training\n", "# DeepSeek-V3\n- Cost: ~$5.6 million\n")
    assert _kinds(findings) == [("attribution", "high")]
    assert findings[0].subject == "DeepSeek-R1 / DeepSeek-V3"


def test_shared_architecture_is_not_misattribution() -> None:
    text = "# Llama 4\n- Scout: 17B active, 109B total\n- Maverick: 17B active, 400B total\n"
    assert _findings(text) == []
    assert _findings("# Kimi K2\n- 32B active\n", "# GLM-4.5\n- 32B active\n") == []
    assert _findings("- GLM-4.5: 355B total\n- GLM-4.5-Air: 106B total\n") == []


def test_one_release_two_dates() -> None:
    findings = _findings(
        "# Yi\n- **Yi-1.5:** Enhanced reasoning (May 2024)\n",
        "## Timeline\n### 2025\n**Q2 2025:**\n- May: Yi-1.5 series\n",
    )
    assert _kinds(findings) == [("date", "high")]


def test_ranking_that_cannot_hold() -> None:
    findings = _findings(
        "Chinese models occupy the top 4 positions on the global LMArena leaderboard.\n",
        "# Llama 4\n- Maverick: ELO 1,417 (2nd on LMArena)\n",
    )
    assert ("ranking", "high") in _kinds(findings)


def test_licence_of_a_family_and_its_member() -> None:
    findings = _findings("# Yi\n- **Yi-Large:** Proprietary dense model\n- **License:** Apache 2.0\n")
    assert _kinds(findings) == [("categorical", "medium")]
    overlapping = _findings(
        "# GLM-4.5\n- **License:** Apache/MIT\n", "| Model | License |\n|---|---|\n| GLM-4.5 | Apache 2.0 |\n"
    )
    assert _kinds(overlapping) == [("categorical", "low")]
    assert _findings("# GLM-4.5\n- **License:** Apache 2.0\n", "# GLM-4.5\n- License: apache-2.0\n") == []


def test_a_row_headed_by_a_licence_lists_the_models_under_it() -> None:
    matrix = "| Requirement | Recommended Models |\n|---|---|\n| Apache 2.0 License | Qwen 3, Yi, GLM-4.5 |\n"
    claims = _claims(matrix)
    assert [(c.subject, c.metric, c.value) for c in claims] == [
        ("Qwen3", "license", "Apache-2.0"),
        ("Yi", "license", "Apache-2.0"),
        ("GLM-4.5", "license", "Apache-2.0"),
    ]
    findings = _findings(matrix, "# GLM-4.5\n- **License:** MIT\n")
    assert _kinds(findings) == [("categorical", "high")]  # one model under two licences: one misleads


def test_arithmetic_is_checked_and_correct_arithmetic_passes() -> None:
    assert _findings("- China: 1,509 of 3,755 LLMs (40%) by July 2025\n") == []
    wrong = _findings("- China: 1,509 of 3,755 LLMs (60%) by July 2025\n")
    assert _kinds(wrong) == [("arithmetic", "high")]  # 40%: a reader takes away a wrong figure
    near = _findings("- China: 1,509 of 3,755 LLMs (43%) by July 2025\n")
    assert _kinds(near) == [("arithmetic", "medium")]  # off by less than a quarter
    table = "| Model | Total | Active | Ratio |\n|---|---|---|---|\n| Kimi K2 | 1T | 32B | {} |\n"
    assert _findings(table.format("31:1")) == []
    assert _kinds(_findings(table.format("21:1"))) == [("arithmetic", "high")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Of the 3,755 models, 1,200 (32%) came from Chinese labs.", []),
        ("Of the 3,755 models, 1,200 (45%) came from Chinese labs.", [("arithmetic", "high")]),
        ("Chinese labs released 1,200 of 3,755 (45%) of those releases.", [("arithmetic", "high")]),
        ("Qwen accounted for 300 of the 3,755 models, or 8% of the total.", []),
        ("Qwen accounted for 300 of the 3,755 models, or 25% of the total.", [("arithmetic", "high")]),
    ],
)
def test_a_share_is_checked_however_the_sentence_words_it(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(_findings(f"# Releases\n{text}\n")) == kinds


@pytest.mark.parametrize(("share", "kinds"), [("40%", []), ("60%", [("arithmetic", "high")])])
def test_arithmetic_is_checked_across_a_wrapped_sentence(share: str, kinds: list[tuple[str, str]]) -> None:
    text = f"# China\nBy mid-2025, China accounted for 1,509 of the world's\n3,755 publicly released LLMs ({share}).\n"
    assert _kinds(_findings(text)) == kinds


def test_a_wrapped_sentence_that_lists_values_takes_no_side() -> None:
    listed = (
        "# DeepSeek-V3\nDeepSeek-V3 drafts gave 600B, 650B and 660B total params before the count settled on\n"
        "671B total params.\n"
    )
    assert _findings(listed, "# DeepSeek-V3\n- 685B total params\n") == []


def test_two_sentences_of_one_paragraph_are_two_statements() -> None:
    """A paragraph is one line in Markdown: its sentences disagree like any two lines do, while one
    sentence that lists values still takes no side."""
    paragraph = (
        "# Qwen3\nQwen3-235B-A22B has 235B total parameters according to the first table of the report. "
        "Elsewhere in the same report, Qwen3-235B-A22B has {} total parameters.\n"
    )
    assert _kinds(_findings(paragraph.format("253B"))) == [("value", "high")]
    assert _findings(paragraph.format("235B")) == []
    listing = (
        "# Qwen3\nThe Qwen3 family spans many sizes for many uses in the field of open models today, from phones "
        "to servers, with 0.6B, 1.7B and 4B total parameters, while Qwen3 also has 32B total parameters.\n"
    )
    assert _findings(listing) == []


def test_fingerprints_survive_unrelated_edits() -> None:
    before = _findings("# DeepSeek-V3\n- 671B total params\n", "# DeepSeek-V3\n- 685B total params\n")
    after = _findings(
        "# DeepSeek-V3\n\nA new paragraph.\n\n- 671B total params\n", "# DeepSeek-V3\n- 685B total params\n"
    )
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert before[0].claims[0].line != after[0].claims[0].line


def test_severity_order() -> None:
    findings = _findings(
        "# DeepSeek-V3\n- 671B total params\n",
        "# DeepSeek-V3\n- 685B total params\n",
        "# Qwen\n- Derivative Models: 100,000+ models built on Qwen\n",
        "Alibaba's Qwen has spawned over 170,000 derivative models.\n",
    )
    assert [f.severity for f in findings] == [Severity.HIGH, Severity.LOW]
    assert findings[0].kind is FindingKind.VALUE


def test_a_fact_and_a_forecast_of_one_figure() -> None:
    findings = _findings(
        "- **Enterprise Adoption**: 80%+ of Chinese enterprises adopting open source LLMs\n",
        "**Adoption Rate:** 80%+ of Chinese enterprises predicted to adopt open source LLMs\n",
    )
    assert _kinds(findings) == [("value", "medium")]
    assert "forecast" in findings[0].explanation


def test_one_rounding_step_apart_is_a_conflict() -> None:
    findings = _findings("# DeepSeek-V3\n- Cost: $5.6M training\n", "# DeepSeek-V3\n- Cost: $5.7M training\n")
    assert _kinds(findings) == [("value", "high")]


def test_range_ends_at_different_precision() -> None:
    assert (
        _findings("# Qwen3\n- Models: 0.5B to 235B parameters\n", "# Qwen3\n- Models: 0.50B to 235B parameters\n") == []
    )
    assert (
        len(_findings("# Qwen3\n- Models: 1.5B to 235B parameters\n", "# Qwen3\n- Models: 2.5B to 235B parameters\n"))
        == 1
    )


def test_hand_written_claims_without_lines_still_conflict() -> None:
    import dataclasses

    claims = _claims("# DeepSeek-V3\n- 671B total params\n", "# DeepSeek-V3\n- 685B total params\n")
    manual = [dataclasses.replace(c, line=0, document="manual.md") for c in claims]
    assert _kinds(find_conflicts(manual, VOCABULARY)) == [("value", "high")]


def test_a_vague_date_does_not_bridge_two_exact_ones() -> None:
    findings = _findings(
        "## Timeline\n### 2024\n- July: Qwen 2.5 family\n",
        "2024-09\nAlibaba releases Qwen 2.5.\n",
        "Qwen 2.5 arrived in late 2024.\n",
    )
    assert _kinds(findings) == [("date", "high")]


def test_the_size_of_a_named_variant() -> None:
    findings = _findings(
        "Llama 4 includes the 17B-parameter Scout.\n", "# Llama 4\n- Scout: 17B active, 109B total parameters\n"
    )
    assert [(f.kind.value, f.subject, f.metric) for f in findings] == [("value", "Llama 4 Scout", "total parameters")]


def test_a_variant_dated_apart_from_the_release_it_is_described_in() -> None:
    text = (
        "## GLM-4.5\n**Released:** GLM-4.5 (July 2025)\n\n### Architecture\n- Air Model: 106B total\n\n"
        "## Timeline\n### 2025\n- August: GLM-4.5-Air\n"
    )
    findings = _findings(text)
    assert [(f.kind.value, f.severity.value, f.subject) for f in findings] == [("date", "low", "GLM-4.5-Air")]


def test_a_variant_dated_on_the_same_line_is_told_apart() -> None:
    assert _findings("## Kimi K2\n**Released:** July 2025 (Thinking variant: November 2025)\n") == []


_USAGE_COSTS = (
    "## Pricing\n| Model | Input ($/M tokens) | Output ($/M tokens) |\n|---|---|---|\n"
    "| DeepSeek-V3 | ~$0.10-0.15 | ~$0.25-0.35 |\n\n"
    "OpenAI GPT-4 is $30/$60 per M tokens.\n\n"
    "## Cost of ownership\n**Scenario:** 1M requests/month, 1K tokens average\n\n"
    "| Approach | Monthly Cost |\n|---|---|\n| GPT-4 API | $30,000 |\n| DeepSeek API | {} |\n"
    "| Self-hosted Qwen3-32B | $500-1,500 (compute) |\n"
)


def test_usage_costs_are_recomputed_with_the_method_the_table_itself_uses() -> None:
    assert _findings(_USAGE_COSTS.format("$100-150")) == []
    findings = _findings(_USAGE_COSTS.format("$150-200"))
    assert [(f.kind.value, f.severity.value, f.subject) for f in findings] == [("arithmetic", "medium", "DeepSeek-V3")]
    assert "$100-150 a month" in findings[0].explanation


def test_usage_costs_are_not_checked_when_no_row_follows_the_prices() -> None:
    # Neither side reproduces any row: the table used a method the document does not state.
    text = _USAGE_COSTS.replace("$30,000", "$45,000").format("$150-200")
    assert _findings(text) == []


def test_a_release_dated_a_year_after_the_paper_the_document_cites() -> None:
    from factcheck.citations import find_references, paper_dates

    text = (
        "## Timeline\n### Q3 2024\n- September: Baichuan 2 (7B, 13B)\n\n"
        "## Resources\n- Baichuan 2: https://arxiv.org/abs/2309.10305\n- Qwen3: https://arxiv.org/abs/2505.09388\n"
        "\n## Qwen3\n**Released:** April 2025\n"
    )
    lines = text.splitlines()
    document = Document("doc0.md", "doc0.md", "text/markdown", "0", tuple(lines), tuple(parse_structure(lines)))
    papers = paper_dates(document, find_references(document), VOCABULARY)
    assert sorted((c.subject, c.quantity.value) for c in papers) == [("Baichuan 2", "2023-09"), ("Qwen3", "2025-05")]
    findings = find_conflicts([*extract_claims(document, VOCABULARY), *papers], VOCABULARY)
    # Qwen3 released a month before its paper is ordinary; Baichuan 2 a year after its paper is not
    assert [(f.kind.value, f.subject) for f in findings] == [("date", "Baichuan 2")]


_SAVINGS = (
    "## Cost of ownership\n| Approach | Monthly Cost | Annual Cost |\n|---|---|---|\n"
    "| GPT-4 API | $30,000 | $360,000 |\n| DeepSeek API | $150-200 | $1,800-2,400 |\n"
    "| Self-hosted DeepSeek | $2,000-5,000 | $24,000-60,000 |\n\n**Savings:** {} cost reduction\n"
)


def test_a_range_of_savings_is_recomputed_from_the_table_above_it() -> None:
    assert _findings(_SAVINGS.format("6-200×")) == []  # 30,000/5,000 to 30,000/150
    (finding,) = _findings(_SAVINGS.format("10-200×"))
    assert (finding.kind.value, finding.severity.value) == ("arithmetic", "low")
    assert "6x to 200x" in finding.explanation
    assert [c.line for c in finding.claims] == [8, 4, 6]  # the range, the baseline, the row that gives 6x


_BASELINE_TABLE = (
    "### Training Cost Comparison\n| Model | Training Cost | Resources | Efficiency |\n|---|---|---|---|\n"
    "| GPT-4 | $100M+ (est) | Unknown | Baseline |\n| DeepSeek-R1 | $5.6M | 2,000 H800, 55 days | **{}× cheaper** |\n"
    "| DeepSeek-V3 | ~$5-6M (est) | 2.788M H800 GPU hrs | **{}× cheaper** |\n| Llama 4 | Unknown | Meta | Unknown |\n"
)


@pytest.mark.parametrize(
    ("r1", "v3", "expected"),
    [
        ("18", "17-20", []),  # $100M+ / $5.6M is 17.9x or more; / $5-6M, 16.7x or more
        ("18", "15-18", [("arithmetic", "low")]),  # 15x is below what $100M+ / $6M allows
        ("18", "5", [("arithmetic", "medium")]),
        ("5", "3", []),  # no row reproduces: what the multiples are measured from is unknown
    ],
)
def test_multiples_in_a_table_are_recomputed_from_its_baseline_row(
    r1: str, v3: str, expected: list[tuple[str, str]]
) -> None:
    findings = _findings(_BASELINE_TABLE.format(r1, v3))
    assert _kinds(findings) == expected
    if findings:
        assert [(c.line, c.subject) for c in findings[0].claims] == [
            (6, "DeepSeek-V3"),
            (6, "DeepSeek-V3"),
            (4, "GPT-4"),
        ]
        assert "16.7x or more" in findings[0].explanation


def test_a_lone_multiple_beside_its_baseline_is_checked_only_when_another_row_reproduces() -> None:
    table = (
        "### Compute per Token\n| Model | GFLOPS/token | Efficiency |\n|---|---|---|\n"
        "| DeepSeek-V3 (MoE) | 250 | {}× more efficient |\n| LLaMA-3.1 (Dense) | 2,448 | Baseline |\n"
    )
    assert _findings(table.format("10")) == []
    assert _findings(table.format("3")) == []  # one row: nothing shows how its multiple was meant


def test_no_releases_in_a_year_against_a_release_dated_then() -> None:
    fading = (
        "| Parameter | Other Models |\n|---|---|\n"
        "| Major Releases in 2025 | Low: Mistral fading with no major 2025 releases |\n"
    )
    (finding,) = _findings(fading, "### Mistral\n- **Mistral Medium 3:** released May 2025\n")
    assert (finding.kind.value, finding.severity.value, finding.subject) == ("value", "medium", "Mistral")
    assert [(c.document, c.line) for c in finding.claims] == [("doc0.md", 3), ("doc1.md", 2)]
    assert _findings(fading, "### Mistral\n- **Mistral Medium 3:** released May 2024\n") == []  # another year
    assert _findings(fading, "### Qwen\n- **Qwen3:** released April 2025\n") == []  # another family


def test_shares_of_different_parts_of_one_whole_are_different_questions() -> None:
    survey = (
        "## Orion-7\nIn a survey, 300 of 1,000 users (30%) said they preferred Orion-7.\n"
        "Another 250 of 1,000 users (25%) said they used Orion-7 daily.\n"
    )
    assert _findings(survey) == []
    same_part = "## China\n- China: 1,509 of 3,755 LLMs (40%)\n", "## China\n- China: 1,509 of 3,755 LLMs (45%)\n"
    assert ("value", "high") in _kinds(_findings(*same_part))


def test_a_recomputed_share_is_written_as_a_share() -> None:
    (finding,) = _findings("## Orion-7\nIn a survey, 300 of 1,000 users (40%) preferred Orion-7.\n")
    assert finding.explanation.endswith("they give 30%.")


def test_a_licence_in_prose_against_a_licence_label() -> None:
    findings = _findings(
        "# Zentrix\n\nOrion-7 is released under the Apache 2.0 licence.\n", "# Orion-7\n- **License:** MIT\n"
    )
    assert _kinds(findings) == [("categorical", "high")]
    assert (
        _findings("# Zentrix\n\nOrion-7 is released under the MIT licence.\n", "# Orion-7\n- **License:** MIT\n") == []
    )


def test_a_family_and_its_member_under_different_licences_is_medium() -> None:
    findings = _findings("# Yi\n- **License:** Apache 2.0\n", "# Yi-Large\n- **License:** Proprietary\n")
    assert _kinds(findings) == [("categorical", "medium")]


def test_one_model_called_dense_and_moe() -> None:
    family = "### Qwen 3\n- **Dense Models:** 0.6B, 8B, 32B\n\nQwen3-32B is popular.\n"
    matrix = "| Requirement | Recommended Models |\n|---|---|\n| Low Latency | Qwen3-32B (MoE efficiency) |\n"
    findings = _findings(family, matrix)
    assert _kinds(findings) == [("categorical", "high")]
    assert findings[0].subject == "Qwen3-32B"
    assert {c.line for c in findings[0].claims} == {2, 3}


def test_a_family_with_dense_and_moe_models_is_no_conflict() -> None:
    family = "### Qwen 3\n- **Dense Models:** 8B, 32B\n\nQwen3-8B and Qwen3-32B.\n"
    assert [c.subject for c in _claims(family) if c.metric == "architecture"] == ["Qwen3-8B", "Qwen3-32B"]
    assert _findings(family, "Qwen3 spans dense and MoE architectures.\n") == []
    agreeing = ("- **Yi-Large:** Proprietary dense model\n", "Yi-Large (dense) is closed.\n")
    assert [c.value for c in _claims(*agreeing) if c.metric == "architecture"] == ["dense", "dense"]
    assert _findings(*agreeing) == []


def test_places_in_a_hub_top_10_counted_two_ways() -> None:
    findings = _findings(
        "### Qwen 3\n**Status:** powers 7 of top 10 open source models on HuggingFace\n",
        "- Top 10 models on HuggingFace use Qwen base\n",
    )
    assert _kinds(findings) == [("value", "high")]
    assert findings[0].subject == "Qwen"
    assert (
        _findings(
            "- Qwen powers 7 of top 10 models on HuggingFace\n", "- 7 of the top 10 models on HuggingFace use Qwen\n"
        )
        == []
    )


def test_top_places_of_two_generations_named_in_their_sentences_are_not_compared() -> None:
    assert (
        _findings(
            "- Qwen3 powers 3 of top 10 open source models on HuggingFace\n",
            "- Qwen2.5 powers 5 of top 10 open source models on HuggingFace\n",
        )
        == []
    )


def test_a_top_10_shared_by_several_families_gives_none_of_them_all_ten() -> None:
    assert (
        _findings(
            "### Qwen 3\n**Status:** powers 7 of top 10 open source models on HuggingFace\n",
            "- Top 10 models on HuggingFace use Qwen, Llama and Mistral bases\n",
        )
        == []
    )


def test_an_active_count_written_as_the_size_is_a_low_finding() -> None:
    findings = _findings(
        "# Llama 4\nVariants like the 17B-parameter Scout (with 16 experts) and Maverick.\n",
        "# Llama 4\n- Scout: 17B active, 109B total parameters\n",
    )
    assert _kinds(findings) == [("value", "low")]
    assert findings[0].explanation == (
        "17B-parameter is Llama 4 Scout's active parameter count given as its size; its total is 109B."
    )
    contradicting = _findings(
        "# Llama 4\n- Scout: 30B total parameters\n", "# Llama 4\n- Scout: 109B total parameters\n"
    )
    assert _kinds(contradicting) == [("value", "high")]


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Orion-13B answered 1,500 of 2,000 prompts correctly (85%).\n", "medium"),  # 75%: off by less than a quarter
        ("Orion-13B answered 1,500 of 2,000 prompts correctly (75%).\n", ""),
        ("The team won 30 of 40 matches (75%).\n", ""),
        ("# Orion-13B\nIts revenue grew from $40 million in 2023 to $60 million in 2024, up 25%.\n", "high"),
        ("# Orion-13B\nIts revenue grew from $40 million in 2023 to $60 million in 2024, an increase of 50%.\n", ""),
        ("# Orion-13B\nIts revenue fell from $60 million to $40 million, a decrease of 33%.\n", ""),
        ("At $2 per million tokens, 50 million tokens cost $150.\n", "high"),
        ("It grew to $12 million from $10 million, a 50% increase.\n", "high"),
        ("It grew to $12 million from $10 million, a 20% increase.\n", ""),
        ("In 2024 it earned $12 million, up from $10 million, a 20% increase.\n", ""),
        ("The company spent $5 million on compute and $2 million on data in 2024, a 10% increase.\n", ""),
        ("Downloads were 10,000 in May and 12,000 in June; revenue saw a 50% increase.\n", ""),
        (
            "DeepSeek-V3, trained on 14.8 trillion tokens for $5.6 million, charges $0.27 per million input tokens.\n",
            "",
        ),
        ("At $2 per million tokens, 50 million tokens cost $100.\n", ""),
    ],
)
def test_shares_and_changes_are_recomputed_whatever_they_count(text: str, severity: str) -> None:
    assert _kinds(_findings(text)) == ([("arithmetic", severity)] if severity else [])


def test_a_model_size_and_a_total_parameter_count_are_one_measure() -> None:
    findings = _findings(
        "## Mistral\nMistral Large 2, released on July 24, 2024, is a 123B model.\n",
        "## Notes\nMistral Large 2, a 132-billion-parameter model, fits on one node.\n",
    )
    assert [(f.kind.value, f.subject) for f in findings] == [("value", "Mistral Large 2")]


def test_one_figure_for_two_sized_variants_of_a_family_is_an_attribution() -> None:
    findings = _findings(
        "## Meta\nLlama 3.1 405B alone used 30.84 million GPU hours.\n",
        "## Notes\nLlama 3.1 70B consumed 30.84 million GPU hours on H100-80GB hardware.\n",
    )
    assert [(f.kind.value, f.subject) for f in findings] == [("attribution", "Llama-3.1-405B / Llama-3.1-70B")]


def test_a_sentence_that_introduces_its_own_subject_takes_none_from_the_one_before() -> None:
    findings = _findings(
        "## Notes\nLlama 3.1 70B consumed 30.84 million GPU hours. A cluster of 2,048 H100s running for 30"
        " days delivers 1,474,560 GPU hours.\n"
    )
    assert findings == []


@pytest.mark.parametrize(
    ("stated", "kinds"),
    [
        ("by 90%", [("arithmetic", "medium")]),  # $0.40 against $2.50 is 84% less
        ("by 84%", []),
        ("by about 85%", []),
    ],
)
def test_a_stated_reduction_between_two_prices_is_recomputed(stated: str, kinds: list[tuple[str, str]]) -> None:
    sentence = f"At $0.40 per million input tokens, Qwen2.5-72B undercuts GPT-4o's $2.50 {stated}."
    findings = _findings(f"## Prices\n{sentence}\n")
    assert _kinds(findings) == kinds


def test_a_round_price_shared_by_two_models_is_no_attribution() -> None:
    # "$2.00" is $2: many models cost that much
    findings = _findings(
        "## Prices\nMistral Large 2 is priced at $2.00 per million input tokens.\n",
        "## More\nMixtral 8x22B is priced at $2.00 per million input tokens.\n",
    )
    assert findings == []


def test_ranks_on_our_index_and_the_index_are_one_board() -> None:
    findings = _findings(
        "## A\nDeepSeek-V2 ranked #1 on our cost-efficiency index.\n",
        "## B\nDeepSeek-V2 ranked third on the cost-efficiency index.\n",
    )
    assert [(f.kind.value, f.subject) for f in findings] == [("value", "DeepSeek-V2")]


def test_two_changes_of_one_subject_are_no_conflict() -> None:
    # a rise in one thing and a rise in another, each from its own baseline
    findings = _findings(
        "## A\nDeepSeek-V3 saw a 30% rise in API usage.\n", "## B\nDeepSeek-V3 saw a 50% rise in revenue.\n"
    )
    assert findings == []


def test_a_saving_that_does_not_follow_from_the_two_prices() -> None:
    findings = _findings("## Prices\nKimi K2's $0.60 input price against Claude Sonnet 4's $3.00 is a 90% saving.\n")
    assert _kinds(findings) == [("arithmetic", "medium")]
    assert "80%" in findings[0].explanation


def test_an_unmistakable_figure_given_to_two_unrelated_models() -> None:
    findings = _findings(
        "## A\nThe DeepSeek-V3 training run consumed 2.788M H800 GPU hours.\n",
        "## B\nThe Kimi K2 pre-training run took 2.788M H800 GPU hours.\n",
    )
    assert [(f.kind.value, f.subject) for f in findings] == [("attribution", "DeepSeek-V3 / Kimi K2")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("GPT-4o scores 88.7 on MMLU.", "Llama 3.1 405B scores 88.7 on MMLU."),  # scores bunch together
        ("Mistral AI has raised $1.2 billion.", "Cohere has raised $1.2 billion."),  # two digits: chance
        ("DeepSeek-V3 needs 2,448 GFLOPS per token.", "Dense models need 2,448 GFLOPS per token."),  # no model
    ],
)
def test_figures_unrelated_subjects_may_share(first: str, second: str) -> None:
    assert [f for f in _findings(f"## A\n{first}\n", f"## B\n{second}\n") if f.kind.value == "attribution"] == []


def test_cached_and_uncached_input_prices_are_two_prices() -> None:
    findings = _findings(
        "# DeepSeek-V3\n\n- Input (cache miss): $0.27 per million tokens\n"
        "- Input (cache hit): $0.07 per million tokens\n"
    )
    assert findings == []


def test_an_exact_count_below_a_stated_lower_bound() -> None:
    findings = _findings(
        "## A\nHugging Face listed more than 90,000 Qwen-derived models as of March 2025.\n",
        "## B\nHugging Face counted 74,300 Qwen-derived models as of March 2025.\n",
    )
    assert [(f.kind.value, f.subject, f.metric) for f in findings] == [("value", "Qwen", "derivative models")]


def test_a_figure_under_a_heading_of_two_models_given_to_one_of_them_is_a_low_attribution() -> None:
    findings = _findings(
        "### GLM-4.5 / GLM-4.6\n\n| Benchmark | Score |\n|---|---|\n| MMLU-Pro | 84.6% |\n",
        "## Coding\n\n- GLM-4.6: 84.6% on MMLU-Pro\n",
    )
    assert [(f.kind.value, f.severity.value, f.subject) for f in findings] == [
        ("attribution", "low", "GLM-4.5 / GLM-4.6")
    ]
    assert "names both" in findings[0].explanation
    firm = _findings("## A\n\n- GLM-4.5: 84.6% on MMLU-Pro\n", "## B\n\n- GLM-4.6: 84.6% on MMLU-Pro\n")
    assert [(f.kind.value, f.severity.value) for f in firm] == [("attribution", "high")]


@pytest.mark.parametrize(
    ("stated", "kinds"),
    [
        ("3x less", [("arithmetic", "medium")]),  # $0.50 against $2.00 is 4x: "3x" rounds no 4
        ("three times less", [("arithmetic", "medium")]),
        ("4x less", []),
        ("about 4x less", []),
    ],
)
def test_a_multiple_between_two_prices_is_recomputed(stated: str, kinds: list[tuple[str, str]]) -> None:
    sentence = f"Command R+ costs $0.50 per million input tokens, {stated} than Mixtral 8x22B at $2.00."
    assert _kinds(_findings(f"## Prices\n{sentence}\n")) == kinds


def test_one_model_at_two_places_of_the_documents_own_ranking() -> None:
    findings = _findings(
        "## The Top 10\n\nComposite score out of 100:\n\n1. Kimi K2 (China) - 91.5\n2. Qwen3-235B-A22B (China) - 90.2\n"
        "3. GLM-4.5 (China) - 89.7\n\nGLM-4.5 came in second on my composite ranking, just behind Kimi K2.\n"
    )
    assert [(f.kind.value, f.severity.value, f.subject) for f in findings] == [("ranking", "high", "GLM-4.5")]


def test_a_share_of_a_whole_named_first_with_a_long_noun_phrase() -> None:
    findings = _findings(
        "## Hub\n\nOf the 2,400 new fine-tunes uploaded to Hugging Face last week, 960 (48%) were Qwen.\n"
    )
    assert _kinds(findings) == [("arithmetic", "medium")]
    assert "40%" in findings[0].explanation


def test_a_price_cut_that_does_not_follow_from_its_prices() -> None:
    findings = _findings("- Price cut: Mistral Small output from $0.90 to $0.30 per M tokens, an 80% reduction.\n")
    assert _kinds(findings) == [("arithmetic", "medium")]


@pytest.mark.parametrize(
    ("first", "second", "kinds"),
    [
        # a training run's data to three digits is no chance for two families
        (
            "DeepSeek-V3 was pre-trained on 14.8T tokens.",
            "Kimi K2 was trained on 14.8T tokens.",
            [("attribution", "high")],
        ),
        # a context length is shared by many
        ("DeepSeek-V3 has a 128K context window.", "Llama 3.1 405B has a 128K context window.", []),
        # within one family the data is shared by design (R1 is trained from V3)
        ("DeepSeek-V3 was pre-trained on 14.8T tokens.", "DeepSeek-R1 builds on 14.8T training tokens.", []),
    ],
)
def test_figures_of_a_training_run_across_families(first: str, second: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(_findings(f"## A\n{first}\n", f"## B\n{second}\n")) == kinds


def test_an_announcement_and_a_release_are_two_events() -> None:
    findings = _findings(
        "## A\nGemma 3n was first announced as a preview at Google I/O in May 2025.\n",
        "## B\nThe Gemma 3n open weights were fully released in June 2025.\n",
    )
    assert findings == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # design figures that many models share, however many digits
        (
            "Llama 3.1 70B has a context length of 131,072 tokens.",
            "Qwen2.5-72B has a context length of 131,072 tokens.",
        ),
        ("DeepSeek-V3 was trained on 2,048 H800s.", "Kimi K2 was trained on 2,048 H800s."),
        # two price cuts of one model, each from its own baseline
        (
            "DeepSeek-V3 lowered output prices by 50% in February.",
            "DeepSeek-V3 lowered output prices by 75% in September.",
        ),
        # an announcement and the release after it
        (
            "Gemma 3n was released in June 2025, weeks after Google teased it in May 2025.",
            "Gemma 3n came out in June 2025.",
        ),
        # an item's date of a price change is no release date
        ("- DeepSeek-R1: price halved for off-peak hours (Feb 2025)", "DeepSeek-R1 was released in January 2025."),
    ],
)
def test_no_false_alarm_from_the_review(first: str, second: str) -> None:
    assert _findings(f"## A\n\n{first}\n", f"## B\n\n{second}\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "## Top 3 for coding\n\n1. GPT-4o\n2. Kimi K2\n3. Qwen3\n\n"
        "## Top 3 for writing\n\n1. Qwen3\n2. GPT-4o\n3. Kimi K2\n",
        "## Notes\n\nGPT-4o is ranked first for coding. GPT-4o is ranked third for writing.\n",
    ],
)
def test_two_rankings_of_one_document_are_two_boards(text: str) -> None:
    assert _findings(text) == []


def test_my_ranking_before_the_list_is_the_list() -> None:
    findings = _findings(
        "## Intro\n\nGPT-4o came in second on my ranking.\n\n## The Top 10\n\n1. Kimi K2\n2. Qwen3\n3. GPT-4o\n"
    )
    assert [(f.kind.value, f.severity.value, f.subject) for f in findings] == [("ranking", "high", "GPT-4o")]


def test_a_drop_named_in_brackets_is_a_change() -> None:
    findings = _findings("## Prices\n\nDeepSeek cut the price from $0.27 to $0.14 (60% drop).\n")
    assert _kinds(findings) == [("arithmetic", "medium")]
    assert "48.1%" in findings[0].explanation


@pytest.mark.parametrize(
    "sentence",
    [
        "Hosted Llama 3.1 70B costs $0.88 per million tokens, against $3.00 for the 405B model, a saving of 45%.",
        "Hosted Llama 3.1 70B is 45% cheaper than Llama 3.1 405B ($0.88 vs $3.00 per million tokens).",
    ],
)
def test_a_saving_between_two_prices_beside_a_sized_name(sentence: str) -> None:
    # the 70B of the name is no figure of the change; "$0.88 vs $3.00 per million tokens" share the unit
    findings = _findings(f"# Llama 3.1\n\n{sentence}\n")
    assert [(f.kind.value, f.severity.value) for f in findings] == [("arithmetic", "high")]
    assert "70.7%" in findings[0].explanation
    assert _findings(f"# Llama 3.1\n\n{sentence.replace('45%', '71%')}\n") == []


def test_a_model_with_variants_has_its_own_size_and_a_family_listed_in_sizes_has_none() -> None:
    # GLM-4.5's members are variants (GLM-4.5-Air): GLM-4.5 is one model, and 355B against 365B is
    # a conflict; Gemma 3, listed in four sizes, is a family: "the 1B model" and "at 27B" are two
    found = _findings(
        "# GLM-4.5\n- Parameters: 355B total, 32B active\n\n# Gemma 3\n- Parameters: 1B, 4B, 12B and 27B\n"
        "- Context: 128K (32K for the 1B model)\n",
        "# Notes\n\nWe benchmarked the full GLM-4.5, a 365B-parameter MoE with 32B active.\n\n"
        "Gemma 3, which Google shipped in March 2025, is excellent at 27B.\n",
    )
    assert [(f.kind.value, f.subject, f.metric) for f in found] == [("value", "GLM-4.5", "total parameters")]


def test_a_bound_broken_in_the_same_document_is_a_conflict() -> None:
    found = _findings(
        "# Throughput\n\nOn one node, DeepSeek-V3 sustains more than 20,000 output tokens per second.\n\n"
        "| Model | Output tokens/s |\n|---|---|\n| DeepSeek-V3 | 18,500 |\n"
    )
    assert [(f.kind.value, f.subject, f.metric) for f in found] == [("value", "DeepSeek-V3", "output throughput")]


def test_where_a_change_started_is_no_attribution() -> None:
    # "lifted AIME 2024 from 79.8": the 79.8 was the model before the update, not the update's
    found = _findings(
        "# DeepSeek-R1\n\n- AIME 2024: 79.8\n",
        "# Letter\n\nDeepSeek-R1-0528 lifted AIME 2024 from 79.8 to 91.4.\n",
    )
    assert not [f for f in found if f.kind is FindingKind.ATTRIBUTION]


def test_a_title_that_compares_two_models_is_no_sections_subject() -> None:
    found = _findings(
        "# Research Note: Kimi K2 and GLM-4.5 and the Race for Agentic Models\n\n## Kimi K2\n\n"
        "- Parameters: 1T total\n\n## Outlook\n\nWe expect at least one further release above 500B total parameters.\n"
    )
    assert not found


def test_a_tables_total_and_line_totals_are_recomputed() -> None:
    table = (
        "## Cost of ownership\n\n| Item | Unit price | Quantity | Subtotal |\n|---|---|---|---|\n"
        "| Inference server | $300,000 | 4 | $1,200,000 |\n| Storage array | $45,000 | 2 | $90,000 |\n"
        "| Support (per year) | $38,000 | 3 | {support} |\n| **Total** |  |  | {total} |\n"
    )
    right = _findings(table.format(support="$114,000", total="$1,404,000"))
    assert right == []
    wrong = _findings(table.format(support="$114,000", total="$1,464,000"))
    assert [(f.kind.value, f.subject, f.metric) for f in wrong] == [("arithmetic", "Total", "subtotal")]
    assert "1,404,000" in wrong[0].explanation
    line = _findings(table.format(support="$104,000", total="$1,394,000"))
    assert [(f.kind.value, f.subject) for f in line] == [("arithmetic", "Support (per year)")]


def test_some_of_the_top_places_held_is_not_all_of_them() -> None:
    found = _findings(
        "## Ranking\n\n| Model | Rank |\n|---|---|\n| DeepSeek-R1 | #1 |\n| Llama 4 Maverick | #5 |\n\n"
        "In the top five you'll usually see four Chinese models plus Llama 4 Maverick. "
        "And no US model sits in the top 3.\n"
    )
    assert not [f for f in found if f.kind is FindingKind.RANKING]


def test_a_plain_rank_in_a_document_with_one_ranking_is_a_place_in_it() -> None:
    # the table's "Kimi K2-Instruct" and the commentary's "Kimi K2" are one entry; a dated checkpoint
    # ("DeepSeek-V3-0324") is an entry of its own
    found = _findings(
        "## Top 10\n\n| # | Model | Score |\n|---|---|---|\n| 3 | GLM-4.5 | 58.9 |\n| 4 | Kimi K2-Instruct | 57.3 |\n"
        "| 7 | DeepSeek-V3-0324 | 53.2 |\n\n## What moved\n\nKimi K2, in third place, is the strongest non-thinking "
        "model. DeepSeek-V3-0324 is the March checkpoint of DeepSeek-V3; the original release sits at No. 19.\n"
    )
    assert [(f.kind.value, f.subject) for f in found] == [("ranking", "Kimi K2")]


def test_a_figure_its_own_sentence_sets_apart_takes_no_side() -> None:
    found = _findings(
        "# Notes\n\n| Company | Valuation |\n|---|---|\n| Cohere | $6.8B |\n",
        "# Money\n\n- 2025-09-24: Cohere added a $100M extension, at a $7.0B valuation (August: $6.8B).\n",
    )
    assert not [f for f in found if f.kind is FindingKind.VALUE]


def test_a_change_needs_its_figures_set_against_each_other() -> None:
    wrong = _findings(
        "# Prices\n\n- Z.ai trimmed GLM-4.5 output from $2.20 -> $1.76 per M tokens, a 25% cut; input stays at $0.60.\n"
    )
    assert [(f.kind.value, f.metric) for f in wrong] == [("arithmetic", "price reduction")]
    assert "20%" in wrong[0].explanation
    assert _findings("# Prices\n\nDeepSeek-V3 has an off-peak discount of 50%: input ¥1, output ¥4.\n") == []


def test_a_sum_of_shares_and_a_conversion_that_do_not_follow() -> None:
    shares = (
        "# Shares\n\nOf new fine-tunes, Qwen had a 41% share, Llama 23% and DeepSeek 8%. "
        "Together, the three account for {}% of them.\n"
    )
    assert [(f.kind.value, f.metric) for f in _findings(shares.format(76))] == [("arithmetic", "combined share")]
    assert _findings(shares.format(72)) == []
    prices = (
        "# Prices\n\nPrices are converted at US$1 = ¥7.2.\n\n"
        "- DeepSeek-V3: input ¥2 (about $0.28), output ¥8 (about $1.11).\n"
        "- DeepSeek-R1: input ¥4 (about $0.56), output ¥16 (about ${}).\n- Kimi K2: input ¥4 (about $0.56).\n"
    )
    wrong = [f for f in _findings(prices.format("2.60")) if f.kind is FindingKind.ARITHMETIC]
    assert [f.subject for f in wrong] == ["DeepSeek-R1"] and "gives 2.2" in wrong[0].explanation
    assert not [f for f in _findings(prices.format("2.22")) if f.kind is FindingKind.ARITHMETIC]


@pytest.mark.parametrize(
    "sentence",
    [
        "In our survey of 40 open models, 12 (45%) use the Apache 2.0 licence.",
        "Of the 40 open models we surveyed, 12 of 40 (45%) use the Apache 2.0 licence.",
    ],
)
def test_a_share_of_a_sample_named_first(sentence: str) -> None:
    found = _findings(f"# Survey\n\n{sentence}\n")
    assert [f.kind.value for f in found] == ["arithmetic"] and "30%" in found[0].explanation
    assert _findings(f"# Survey\n\n{sentence.replace('45%', '30%')}\n") == []


REVIEW_CASES = Path(__file__).parent / "data" / "review-cases"


@pytest.mark.parametrize("name", sorted(p.name for p in REVIEW_CASES.glob("t*.md")))
def test_correct_text_a_reviewer_wrote_against_the_new_rules_raises_nothing(name: str) -> None:
    # subtotals and totals of one group, rounded shares, a column that multiplies too, a total of
    # a score and a share, conversions of different years, a batch size beside an arena rating,
    # a place at another time, one licence in two casings, a timeline of plans and cancellations
    found = _findings((REVIEW_CASES / name).read_text(encoding="utf-8"))
    assert [f for f in found if f.severity is not Severity.LOW] == [], [f.explanation for f in found]


def test_a_dated_checkpoint_keeps_its_models_price_but_not_its_scores() -> None:
    table = (
        "| Model | Output price | AIME 2025 |\n|---|---|---|\n"
        "| DeepSeek-R1 | $2.19 per million tokens | - |\n| DeepSeek-R1-0528 | $2.19 per million tokens | 87.5% |\n"
    )
    assert _findings(table) == []
    slip = "## DeepSeek-R1\n- AIME 2025: 87.5%\n"
    assert [(f.kind.value, f.metric) for f in _findings(table, slip)] == [("attribution", "AIME 2025")]


def test_a_member_released_before_its_generation() -> None:
    table = "| Model | Released |\n|---|---|\n| Qwen3-235B-A22B | 2025-04-29 |\n"
    late = "## Qwen3\nWhen Qwen3 landed on May 6, 2025, Alibaba shipped eight models.\n"
    assert [(f.kind.value, f.subject) for f in _findings(table, late)] == [("date", "Qwen3")]
    same_day = "## Qwen3\nWhen Qwen3 landed on April 29, 2025, Alibaba shipped eight models.\n"
    later_member = "| Model | Released |\n|---|---|\n| Qwen3-Coder | 2025-07-22 |\n"
    assert _findings(table, same_day, later_member) == []
    # a broad family is named for every release its maker ships
    family = "## Qwen\nQwen was released in August 2023.\n"
    assert _findings(family, "## Qwen2.5\nQwen2.5 was released in 2024.\n") == []


def test_a_window_below_the_native_one_disagrees_and_one_above_it_does_not() -> None:
    native = "## gpt-oss-120b\nIt has a native 128K context.\n"
    assert [(f.kind.value, f.severity.value) for f in _findings(native, "## gpt-oss-120b\n- Context: 64K\n")] == [
        ("value", "high")
    ]
    extended = "## Qwen3-32B\nIts native window is 32,768 tokens, extended to 131,072 with YaRN.\n"
    assert _findings(extended, "## Qwen3-32B\n- Context: 128K\n") == []


def test_places_in_two_sections_without_a_board_are_two_rankings() -> None:
    text = (
        "# Report\n## Coding bake-off\nGLM-4.5 placed first, with Kimi K2 No. 2.\n"
        "## Overall ranking\nOn weighted total, gpt-oss-120b ranks No. 1 and GLM-4.5 No. 2.\n"
    )
    assert [f for f in _findings(text) if f.kind.value == "ranking"] == []
    same_section = (
        "# Report\n## Bake-off\nGLM-4.5 placed first, with Kimi K2 No. 2. Later, gpt-oss-120b ranked No. 2.\n"
    )
    assert [f.kind.value for f in _findings(same_section)] == ["ranking"]


def test_shares_that_split_a_whole_with_the_rest_add_up_to_100() -> None:
    spoken = (
        "Qwen is about forty-two percent of the tokens we serve. DeepSeek is thirty-one percent, "
        "Llama is eighteen, and everything else is about fifteen percent.\n"
    )
    assert [(f.kind.value, f.severity.value) for f in _findings(spoken)] == [("arithmetic", "high")]
    assert _findings("Qwen is 41% of downloads. DeepSeek is 27%, Llama 18%, Mistral 9%, and the rest 5%.\n") == []
    # no "rest": the shares need not split one whole
    assert _findings("Qwen is 42% of downloads. DeepSeek is 31%, Llama is 18%, and Mistral is 15%.\n") == []


def test_a_combined_share_of_named_models_against_their_shares_in_a_table() -> None:
    table = "| Family | Share |\n|---|---|\n| Qwen | 27% |\n| Llama | 22% |\n| DeepSeek | 14% |\n| GLM | 5% |\n\n"
    wrong = table + "Qwen, DeepSeek and GLM together hold 40% of tokens served.\n"
    assert [(f.kind.value, f.metric) for f in _findings(wrong)] == [("arithmetic", "combined share")]
    assert _findings(table + "Llama plus Qwen together account for 49%.\n") == []

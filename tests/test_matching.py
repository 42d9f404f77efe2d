"""Verification on small real source excerpts: tables both ways, an HTML table, PDF text, and the
near misses that must not count (another variant, another benchmark year, a base model's score)."""

from __future__ import annotations

import pytest

from factcheck.claims import extract_claims, sizes_in_names
from factcheck.documents import read_document_bytes
from factcheck.matching import SourceClaims, SourceIndex, _fragment_link, verify_claims
from factcheck.models import Claim, Verdict, Verification
from factcheck.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()
URL = "https://github.com/example/model"


def _source(text: str, subject: str, name: str = "README.md", url: str = URL) -> SourceClaims:
    document = read_document_bytes(text.encode("utf-8"), name)
    claims = extract_claims(document, VOCABULARY, default_subject=subject) + sizes_in_names(document, VOCABULARY)
    return SourceClaims(url, "0" * 64, document.media_type, tuple(claims), name)


def _claims(text: str) -> list[Claim]:
    document = read_document_bytes(text.encode("utf-8"), "report.md")
    return [c for c in extract_claims(document, VOCABULARY) if c.quantity.kind != "category"]


def _verify(report: str, *sources: SourceClaims, unreadable: dict[str, str] | None = None) -> list[Verification]:
    claims = _claims(report)
    urls = [s.url for s in sources] + list(unreadable or {})
    return verify_claims(claims, {c.id: urls for c in claims}, SourceIndex(sources), unreadable or {}, VOCABULARY)


def _verdicts(report: str, *sources: SourceClaims) -> list[tuple[str, str, float | str, str]]:
    return [
        (v.claim.subject, v.claim.metric, v.claim.quantity.value, v.verdict.value) for v in _verify(report, *sources)
    ]


# Models as columns, benchmarks as rows after a group column, bold winners: the DeepSeek-V3 README.
MODELS_AS_COLUMNS = """\
| | Benchmark (Metric) | # Shots | DeepSeek-V2 | Qwen2.5 72B | DeepSeek-V3 |
|---|---|---|---|---|---|
| | # Total Params | - | 236B | 72B | 671B |
| English | MMLU (Acc.) | 5-shot | 78.4 | 85.0 | **87.1** |
| Code | HumanEval (Pass@1) | 0-shot | 43.3 | 53.0 | **65.2** |
"""

# Models as rows, benchmarks as columns.
MODELS_AS_ROWS = """\
| Model | AIME 2024 | AIME 2025 | LiveCodeBench v5 |
|---|---|---|---|
| Qwen3-235B-A22B | 85.7 | 81.5 | 70.7 |
| Qwen3-30B-A3B | 80.4 | 70.9 | 62.6 |
"""


def test_models_as_columns() -> None:
    report = "## DeepSeek-V3\n- MMLU: 87.1\n- HumanEval: 89%\n- Total parameters: 671B\n"
    assert _verdicts(report, _source(MODELS_AS_COLUMNS, "DeepSeek-V3")) == [
        ("DeepSeek-V3", "MMLU", 87.1, "supported"),
        ("DeepSeek-V3", "HumanEval", 89.0, "contradicted"),
        ("DeepSeek-V3", "total parameters", 671e9, "supported"),
    ]


def test_models_as_rows_and_the_benchmark_year_or_version_kept_apart() -> None:
    report = "## Qwen3-235B-A22B\n- AIME 2024: 85.7\n- AIME 2025: 85.7\n- LiveCodeBench v6: 70.7\n"
    source = _source(MODELS_AS_ROWS, "Qwen3")
    assert _verdicts(report, source) == [
        ("Qwen3-235B-A22B", "AIME 2024", 85.7, "supported"),
        ("Qwen3-235B-A22B", "AIME 2025", 85.7, "contradicted"),  # 81.5 for 2025: the 85.7 is 2024's
        ("Qwen3-235B-A22B", "LiveCodeBench v6", 70.7, "not_found"),  # v5's score is not v6's
    ]


def test_a_figure_for_another_variant_is_not_support_but_is_reported() -> None:
    report = "## Qwen3-30B-A3B\n- AIME 2024: 85.7\n"
    (verification,) = _verify(report, _source(MODELS_AS_ROWS, "Qwen3"))
    assert verification.verdict is Verdict.CONTRADICTED  # the source gives 80.4 for this variant
    assert verification.evidence is not None and verification.evidence.claim.quantity.value == 80.4
    assert verification.elsewhere is not None and verification.elsewhere.claim.subject == "Qwen3-235B-A22B"


def test_base_and_chat_scores_either_supports() -> None:
    chat = "| Benchmark | DeepSeek-V3 |\n|---|---|\n| MMLU (EM) | 88.5 |\n"
    base = MODELS_AS_COLUMNS
    verdicts = _verdicts(
        "## DeepSeek-V3\n- MMLU: 88.5\n", _source(base, "DeepSeek-V3"), _source(chat, "DeepSeek-V3", url=URL + "/chat")
    )
    assert verdicts == [("DeepSeek-V3", "MMLU", 88.5, "supported")]


def test_html_table_inside_markdown() -> None:
    html = (
        "<html><body><article><h2>Kimi K2 evaluation</h2><table>"
        "<tr><th>Benchmark</th><th>Kimi K2</th><th>GPT-4.1</th></tr>"
        "<tr><td>SWE-bench Verified</td><td>65.8</td><td>54.6</td></tr>"
        "<tr><td>MMLU</td><td>89.5</td><td>90.4</td></tr>"
        "</table><p>Kimi K2 is a mixture-of-experts model with 32 billion activated parameters"
        " and 1 trillion total parameters.</p></article></body></html>"
    )
    source = _source(html, "Kimi K2", name="index.html")
    report = "## Kimi K2\n- MMLU: 89.5\n- SWE-bench Verified: 71.6\n- Active parameters: 32B\n"
    assert _verdicts(report, source) == [
        ("Kimi K2", "MMLU", 89.5, "supported"),
        ("Kimi K2", "SWE-bench Verified", 71.6, "contradicted"),
        ("Kimi K2", "active parameters", 32e9, "supported"),
    ]


def test_pdf_text_with_pages() -> None:
    # pdftotext output: pages separated by form feeds; the evidence says the page
    text = (
        "DeepSeek-V3 Technical Report\n\nAbstract\n\x0c3.1. Compute Clusters\n"
        "Despite its excellent performance, DeepSeek-V3 requires only 2.788M H800 GPU hours for its full training.\n"
    )
    source = _source(text, "DeepSeek-V3", name="DeepSeek_V3.pdf.txt")
    (verification,) = _verify("## DeepSeek-V3\nTraining took 2.788M H800 GPU hours.\n", source)
    assert verification.verdict is Verdict.SUPPORTED
    assert verification.evidence is not None and "(page 2)" in verification.evidence.location


def test_rounding_at_the_claimed_precision_supports_and_an_attribution_slip_is_named() -> None:
    paper = (
        "Assuming the rental price of the H800 GPU is $2 per GPU hour, our total training costs amount to only $5.576M."
    )
    source = _source(paper, "DeepSeek-V3", name="DeepSeek_V3.pdf.txt")
    (supported,) = _verify("## DeepSeek-V3\n- Training cost: ~$5.6 million\n", source)
    assert supported.verdict is Verdict.SUPPORTED
    (slip,) = _verify("## DeepSeek-R1\n- Training cost: ~$5.6 million\n", source)
    assert slip.verdict is Verdict.NOT_FOUND
    assert slip.elsewhere is not None and slip.elsewhere.claim.subject == "DeepSeek-V3"
    assert "DeepSeek-V3" in slip.reason


def test_a_range_must_match_at_both_ends() -> None:
    source = _source("Qwen3 comes with the number of parameters ranging from 0.6 billion to 235 billion.", "Qwen3")
    assert _verdicts("Qwen3 models range from 0.6B to 235B parameters.\n", source)[0][3] == "supported"
    assert _verdicts("Qwen3 models range from 0.5B to 235B parameters.\n", source)[0][3] == "contradicted"


def test_sizes_stated_by_model_names_support_a_family_list() -> None:
    source = _source("We release Qwen3-0.6B, Qwen3-4B and Qwen3-30B-A3B.", "Qwen3")
    verdicts = _verdicts("## Qwen3\n- Sizes: 0.6B, 4B, 7B\n", source)
    assert [v[3] for v in verdicts] == ["supported", "supported", "not_found"]  # a list is never contradicted


def test_a_members_size_does_not_contradict_a_family_figure() -> None:
    source = _source("# Llama 4\nLlama 4 has 17B active parameters and 109B total parameters.", "Llama 4")
    family = _verdicts("## Llama 4\n- An 8B total parameters variant was rumoured.\n", source)
    assert [v[3] for v in family] == ["not_found"]  # Llama 4 has members: 8B may be one of them
    model = _verdicts(
        "## Llama 4 Scout\n- 8B total parameters\n",
        _source("Llama 4 Scout has 109B total parameters.", "Llama 4 Scout"),
    )
    assert [v[3] for v in model] == ["contradicted"]


def test_a_model_with_variants_has_one_size_that_a_source_can_contradict() -> None:
    # Kimi K2 has a variant (Kimi K2 Thinking) but one size: 2T is wrong where the source says 1T,
    # unlike a family's figure, which may be any member's.
    source = _source("# Kimi K2\nKimi K2 has 1 trillion total parameters and 32B activated parameters.", "Kimi K2")
    assert _verdicts("## Kimi K2\n- Kimi K2 has 2T total parameters.\n", source) == [
        ("Kimi K2", "total parameters", 2e12, "contradicted")
    ]


def test_without_sources_or_readable_sources() -> None:
    claims = _claims("## DeepSeek-V3\n- MMLU: 88.5\n")
    (none,) = verify_claims(claims, {}, SourceIndex([]), {}, VOCABULARY)
    assert none.verdict is Verdict.NO_SOURCE
    unreadable = {URL: "unreachable: HTTP 503"}
    (down,) = verify_claims(claims, {c.id: [URL] for c in claims}, SourceIndex([]), unreadable, VOCABULARY)
    assert down.verdict is Verdict.UNREACHABLE and "503" in down.reason


def test_verdict_records_carry_claim_evidence_and_location() -> None:
    (verification,) = _verify("## DeepSeek-V3\n- MMLU: 87.1\n", _source(MODELS_AS_COLUMNS, "DeepSeek-V3"))
    record = verification.as_record()
    assert record["verdict"] == "supported" and record["source"] == URL
    assert record["claim"]["document"] == "report.md" and record["claim"]["line"] == 2  # type: ignore[index]
    evidence = record["evidence"]
    assert (
        isinstance(evidence, dict)
        and evidence["location"].startswith("README.md:4")
        and evidence["text"] == "MMLU (Acc.) | 87.1"
    )


# HTML table markup inside a Markdown model card, cells on lines of their own, <sup> and <strong>
# in cells, a group row spanning the table, a metric column after the benchmark (the Kimi K2 README).
HTML_IN_MARKDOWN = """\
## Evaluation Results

<table>
<thead>
<tr>
<th align="center">Benchmark</th>
<th align="center">Metric</th>
<th align="center"><sup>Kimi K2 Instruct</sup></th>
<th align="center"><sup>DeepSeek-V3-0324</sup></th>
</tr>
</thead>
<tbody>
<tr>
<td align="center" colspan=4><strong>Coding Tasks</strong></td>
</tr>
<tr>
<td align="center">LiveCodeBench v6<br><sup>(Aug 24 - May 25)</sup></td>
<td align="center">Pass@1</td>
<td align="center"><strong>53.7</strong></td>
<td align="center">46.9</td>
</tr>
<tr>
<td align="center">MATH-500</td>
<td align="center">Acc</td>
<td align="center"><strong>97.4</strong><sup>*</sup></td>
<td align="center">94.0</td>
</tr>
</tbody>
</table>
"""


def test_html_table_inside_a_markdown_model_card() -> None:
    source = _source(HTML_IN_MARKDOWN, "Kimi K2")
    stated = {(c.subject, c.metric, c.quantity.value, c.line) for c in source.claims}
    assert ("Kimi K2", "LiveCodeBench v6", 53.7, 16) in stated  # the line of its <tr>
    assert ("DeepSeek-V3-0324", "MATH-500", 94.0, 22) in stated
    report = "## Kimi K2\n- MATH-500: 96.2\n- LiveCodeBench v6: 53.7\n"
    assert _verdicts(report, source) == [
        ("Kimi K2", "MATH-500", 96.2, "contradicted"),
        ("Kimi K2", "LiveCodeBench v6", 53.7, "supported"),
    ]


# A cell spanning rows (rowspan) is in each of them, a commented-out cell is none, and a figure's
# own bracketed label names its metric (the Llama 4 model card, the Kimi K2 README).
SPANNING_CELLS = """\
<table>
  <tr><th>Model Name</th><th>Training Data</th><th>Params</th><th>Context length</th></tr>
  <tr>
    <td>Llama 4 Scout (17Bx16E)</td>
    <td rowspan="2">A mix of publicly available data.</td>
    <td>17B (Activated)
        109B (Total)</td>
    <td>10M</td>
  </tr>
  <tr>
    <!--<td>an old note</td>-->
    <td>Llama 4 Maverick (17Bx128E)</td>
    <td>17B (Activated)
        400B (Total)</td>
    <td>1M</td>
  </tr>
</table>
"""


def test_cells_spanning_rows_keep_every_figure_under_its_header() -> None:
    source = _source(SPANNING_CELLS, "Llama 4")
    stated = sorted((c.line, c.subject, c.metric, c.quantity.value) for c in source.claims)
    assert stated == [
        (3, "Llama 4 Scout", "active parameters", 17e9),
        (3, "Llama 4 Scout", "context length", 10e6),
        (3, "Llama 4 Scout", "total parameters", 109e9),
        (10, "Llama 4 Maverick", "active parameters", 17e9),
        (10, "Llama 4 Maverick", "context length", 1e6),
        (10, "Llama 4 Maverick", "total parameters", 400e9),
    ]
    report = "## Llama 4 Maverick\n- Total parameters: 400B\n- Active parameters: 17B\n- Total parameters: 17B\n"
    assert [v[3] for v in _verdicts(report, source)] == ["supported", "supported", "contradicted"]


# A cell spanning columns (colspan) takes all of them: the figures after it stay under their own
# models (the Llama 4 model card's "No multimodal support" spans the two Llama 3 columns); a
# group title spanning the table is no row; a spanned header names each column it spans.
SPANNING_COLUMNS = """\
<table>
  <tr><th>Benchmark</th><th colspan="2">Llama 3</th><th>Llama 4 Scout</th><th>Llama 4 Maverick</th></tr>
  <tr><td colspan="5">Image Understanding</td></tr>
  <tr><td>ChartQA</td><td colspan="2"> No multimodal support </td><td>83.4</td><td>85.3</td></tr>
  <tr><td>DocVQA</td><td>61.0</td><td>62.0</td><td>89.4</td><td>94.4</td></tr>
</table>
"""


def test_cells_spanning_columns_keep_every_figure_under_its_header() -> None:
    source = _source(SPANNING_COLUMNS, "Llama 4")
    stated = sorted((c.line, c.subject, c.metric, c.quantity.value) for c in source.claims)
    assert stated == [
        (4, "Llama 4 Maverick", "chartqa", 85.3),
        (4, "Llama 4 Scout", "chartqa", 83.4),
        (5, "Llama 3", "docvqa", 61.0),
        (5, "Llama 3", "docvqa", 62.0),
        (5, "Llama 4 Maverick", "docvqa", 94.4),
        (5, "Llama 4 Scout", "docvqa", 89.4),
    ]


def test_a_less_precise_date_does_not_support_a_precise_one() -> None:
    source = _source("MiniMax-M1 was released in 2025.", "MiniMax M1")
    precise = _verdicts("## MiniMax M1\n- Release date: June 17, 2025\n", source)
    assert [v[3] for v in precise] == ["not_found"]
    source = _source("2025.06.17: We release MiniMax-M1.", "MiniMax M1")
    assert [v[3] for v in _verdicts("## MiniMax M1\n- Release date: June 2025\n", source)] == ["supported"]


def test_a_bare_context_figure_is_in_tokens_and_binary_k_is_allowed() -> None:
    source = _source("We increase its maximum context length from 4,096 to 32,768 tokens.", "Qwen3")
    verdicts = _verdicts("## Qwen3\n- S1: 4K context\n- Final: 32K context\n", source)
    assert [v[3] for v in verdicts] == ["supported", "supported"]


def test_a_row_of_several_models_scores_read_as_prose_supports_none_of_them() -> None:
    # pypdf gives a PDF table row as one line; whose score is whose is lost
    source = _source("BBH (EM) 3-shot 78.8 79.8 82.9 87.5\n", "DeepSeek-V3", name="DeepSeek_V3.pdf.txt")
    assert [v[3] for v in _verdicts("## DeepSeek-V3\n- BBH: 79.8\n", source)] == ["not_found"]


@pytest.mark.parametrize(
    ("quote", "figure", "directive"),
    [
        # a table row: from the row's label to the figure in its own cell, punctuation kept
        ("HumanEval (Pass@1) | 65.2", "65.2", "HumanEval%20%28Pass%401%29,65.2"),
        ("MATH-500 | 97.4", "97.4", "MATH%2D500,97.4"),  # "-" escaped: it marks prefixes and suffixes
        (
            "2024.09.19: We released the Qwen2.5 series.",
            "2024.09.19",
            "2024.09.19%3A%20We%20released%20the%20Qwen2.5%20series.",
        ),
        ("**Context:** 128K tokens, [see docs](https://x.y)", "128K", "Context%3A%20128K%20tokens%2C%20see%20docs"),
        ("relaxed_accuracy | 83.4", "83.4", "relaxed_accuracy,83.4"),  # an underscore inside a word stays
        ("> The total size of DeepSeek-V3 is 685B", "685B", "The%20total%20size%20of%20DeepSeek%2DV3%20is%20685B"),
        ("MATH-500 | 5", "5", "MATH%2D500,5"),  # "5" in "MATH-500" is no word of its own
    ],
)
def test_evidence_links_scroll_to_the_words_as_the_page_shows_them(quote: str, figure: str, directive: str) -> None:

    link = _fragment_link("https://github.com/o/r", quote, figure, "text/markdown")
    assert link == f"https://github.com/o/r#:~:text={directive}"
    assert _fragment_link("https://example.org/x.pdf", quote, figure, "application/pdf") == "https://example.org/x.pdf"

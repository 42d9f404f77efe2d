"""References, citations, claim-to-source links and the citation audit, from real text: what
must be found and flagged, and what must be left alone."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from textwrap import dedent

import pytest

from factcheck.citations import audit_citations, find_citations, find_references, link_claims, normalize_url
from factcheck.claims import extract_claims
from factcheck.documents import read_document
from factcheck.models import Claim, Document, Finding, FindingKind, Qualifier, Quantity, Severity
from factcheck.vocabulary import load_vocabulary

from .factories import markdown_document

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "data" / "example"
VOCABULARY = load_vocabulary()

LAMBERT_2025B = (
    "38. Lambert, N. (2025b) 'Llama 4: Did Meta Just Push the Panic Button?', Interconnects.ai, 5 April. "
    "Available at: <https://www.interconnects.ai/p/llama-4> (Accessed: 13 October 2025)."
)


def _document(text: str, name: str = "doc.md") -> Document:
    return markdown_document(dedent(text).lstrip("\n"), name)


def _audit(text: str) -> list[Finding]:
    document = _document(text)
    references = find_references(document)
    return audit_citations(document, references, find_citations(document, references))


def _metrics(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.metric, f.severity.value) for f in findings]


def _claim(line: int, subject: str, text: str, document: str = "doc.md") -> Claim:
    quantity = Quantity(1.0, "", Qualifier.EXACT, text, 0, len(text))
    return Claim(f"{subject}-{line}", document, line, subject, "total parameters", quantity, text)


# --- normalize_url -------------------------------------------------------------------------------

NORMALIZED = [
    ("https://mistral.ai/", "https://mistral.ai"),
    ("HTTPS://Mistral.AI:443/#top", "https://mistral.ai"),
    ("<https://example.org/a/b/>.", "https://example.org/a/b/"),
    ("http://Example.org:80/x?q=1#part", "http://example.org/x?q=1"),
    ("https://example.org:8443/x", "https://example.org:8443/x"),
    ("https://x.com/search?q=Llama4", "https://x.com/search?q=Llama4"),
    ("https://en.wikipedia.org/wiki/Llama_(model)).", "https://en.wikipedia.org/wiki/Llama_(model)"),
    ("www.Example.org/Path", "https://www.example.org/Path"),
]


@pytest.mark.parametrize(("url", "expected"), NORMALIZED)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize("url", ["https://example.org/a/", "https://example.org/a?b=1", "Open_Models_in_2025.pdf"])
def test_normalize_url_keeps(url: str) -> None:
    assert normalize_url(url) == url


# --- find_references -----------------------------------------------------------------------------


def test_author_date_entry() -> None:
    (ref,) = find_references(_document(f"## References\n\n{LAMBERT_2025B}\n"))
    assert (ref.number, ref.key, ref.url) == (38, "Lambert, 2025b", "https://www.interconnects.ai/p/llama-4")
    assert ref.label == "Llama 4: Did Meta Just Push the Panic Button?"
    assert ref.dates == ("2025-04-05", "2025-10-13")
    assert (ref.line, ref.text, ref.section) == (3, LAMBERT_2025B, "References")


ENTRIES = [
    # (entry, key, dates): organisations are cited by their full name; a month alone is no date
    (
        "1. Allen Institute for AI (2025) 'NSF-NVIDIA Grant for OLMo', AllenAI.org. "
        "Available at: <https://allenai.org/blog/nsf-nvidia> (Accessed: 13 October 2025).",
        "Allen Institute for AI, 2025",
        ("2025-10-13",),
    ),
    (
        "49. Meta (2024) 'Open Source AI is the Path Forward', About.fb.com, July. "
        "Available at: <https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/>",
        "Meta, 2024",
        (),
    ),
    (
        "- Smith, J. and Jones, K. (2023). Scaling laws revisited. https://doi.org/10.1/x (Accessed: 2 May 2024)",
        "Smith, 2023",
        ("2024-05-02",),
    ),
    (
        "76. Reddit (2025c) 'The Latest Qwen Models', Reddit.com/r/singularity, 12 November 2024. Available at: <https://www.reddit.com/r/singularity/1>.",
        "Reddit, 2025c",
        ("2024-11-12",),
    ),
]


@pytest.mark.parametrize(("entry", "key", "dates"), ENTRIES)
def test_reference_keys_and_dates(entry: str, key: str, dates: tuple[str, ...]) -> None:
    (ref,) = find_references(_document(f"References\n\n{entry}\n"))
    assert (ref.key, ref.dates) == (key, dates)


def test_entries_broken_by_pdf_conversion() -> None:
    document = _document(
        """
        References

        8. Collabnix (2025) 'AI Models Comparison 2025', Collabnix.com, 1 July. Available at:

        - <https://collabnix.com/comparing-top-ai-models/> (Accessed: 13 October 2025).
         10. Dev.to (2025a) 'Qwen3-Max 2025 Complete Release Analysis',
         11. Dev.to, 24 September. Available at: <https://dev.to/czmilo/qwen3-max> (Accessed: 13 October 2025).
        98. X Community (2025b) Developer Feedback on Llama. Available at: <https://x.com/search?q=llamadev>
        X Community (2025c) Discussions on Llama Innovation. Available at: <https://x.com/search?q=llamainnovation>
        """
    )
    refs = find_references(document)
    assert [(r.line, r.number, r.key, r.url) for r in refs] == [
        (3, 8, "Collabnix, 2025", "https://collabnix.com/comparing-top-ai-models/"),
        (6, 10, "Dev.to, 2025a", "https://dev.to/czmilo/qwen3-max"),
        (8, 98, "X Community, 2025b", "https://x.com/search?q=llamadev"),
        (9, None, "X Community, 2025c", "https://x.com/search?q=llamainnovation"),
    ]
    assert refs[0].dates == ("2025-07-01", "2025-10-13")
    assert refs[1].dates == ("2025-09-24", "2025-10-13")
    assert refs[1].label == "Qwen3-Max 2025 Complete Release Analysis"


RESOURCES = """
## Resources

### Official Documentation

**Chinese Models:**
- DeepSeek: https://github.com/deepseek-ai/DeepSeek-V3
- Qwen: https://qwenlm.github.io/ and https://huggingface.co/Qwen
- Kimi (Moonshot): https://kimi-k2.org/

### Research Papers

- DeepSeek-V3: https://arxiv.org/abs/2412.19437

### Benchmarking Platforms

- **LMArena:** https://lmarena.ai/ (Community rankings)
"""


def test_resources_list() -> None:
    refs = find_references(_document(RESOURCES))
    assert [(r.line, r.label, r.url, r.key, r.number) for r in refs] == [
        (6, "DeepSeek", "https://github.com/deepseek-ai/DeepSeek-V3", "", None),
        (7, "Qwen", "https://qwenlm.github.io/", "", None),
        (7, "Qwen", "https://huggingface.co/Qwen", "", None),
        (8, "Kimi (Moonshot)", "https://kimi-k2.org/", "", None),
        (12, "DeepSeek-V3", "https://arxiv.org/abs/2412.19437", "", None),
        (16, "LMArena", "https://lmarena.ai/", "", None),
    ]
    assert refs[0].section == "Resources > Official Documentation > Chinese Models"


def test_lists_after_a_lead_in_line() -> None:
    refs = find_references(
        _document("Some text.\n\nSources:\n- [Qwen3 Technical Report](https://arxiv.org/abs/2505.09388)\n")
    )
    assert [(r.label, r.url) for r in refs] == [("Qwen3 Technical Report", "https://arxiv.org/abs/2505.09388")]


@pytest.mark.parametrize(
    "text",
    [
        "- DeepSeek-V3 costs $5.6M to train, see https://example.org/cost\n",  # a statement with a link
        "## Benchmarks\n1. Qwen3 (2025) leads the table at 85%.\n",  # a numbered list that is no reference list
        "References to Llama 4 (2025) abound.\n",
    ],
)
def test_not_references(text: str) -> None:
    assert find_references(_document(text)) == []


# --- find_citations ------------------------------------------------------------------------------

REFERENCE_LIST = """

## References

1. Lambert, N. (2025a) 'Qwen 3: The New Open Standard'. Available at: <https://www.interconnects.ai/p/qwen-3>
2. Lambert, N. (2025a) Open Models in 2025. Available at: <https://www.interconnects.ai/p/open-models>
3. Reddit (2025b) Qwen threads. Available at: <https://www.reddit.com/r/LocalLLaMA/comments/1>
4. X Community (2025a) Tweets. Available at: <https://x.com/i/status/1>
"""

CITED = [
    ("See https://example.org/a.", [("link", "", "https://example.org/a")]),
    ("Per [the report](https://example.org/r), 5%.", [("link", "", "https://example.org/r")]),
    ("Per <https://example.org/r>.", [("link", "", "https://example.org/r")]),
    ("DeepSeek-V3 (arXiv:2412.19437) uses MLA.", [("arxiv", "", "https://arxiv.org/abs/2412.19437")]),
    ("Read https://arxiv.org/pdf/2412.19437v2.", [("arxiv", "", "https://arxiv.org/abs/2412.19437v2")]),
    ("Strong (Reddit, 2025b).", [("author_date", "Reddit, 2025b", "https://www.reddit.com/r/LocalLLaMA/comments/1")]),
    (
        "Lagging (Reddit, 2025b; X Community, 2025a).",
        [
            ("author_date", "Reddit, 2025b", "https://www.reddit.com/r/LocalLLaMA/comments/1"),
            ("author_date", "X Community, 2025a", "https://x.com/i/status/1"),
        ],
    ),
    ("Ambiguous (Lambert, 2025a).", [("author_date", "Lambert, 2025a", "")]),
    ("Unknown (see Smith et al., 2023, p. 4).", [("author_date", "Smith et al., 2023", "")]),
    ("As Reddit (2025b) shows.", [("author_date", "Reddit, 2025b", "https://www.reddit.com/r/LocalLLaMA/comments/1")]),
]

NOT_CITED = [
    "Llama 4 (April 2025) arrived late.",
    "Released (May 2025).",
    "Released (May, 2025).",
    "Many labs (e.g., 2025) did so.",
    "Shipped (Q3, 2025).",
    "GPT-4 (GPT-4, 2023) was the bar.",
    "Qwen 2 (2024) and Smith (2023) without a reference.",
    "See [Resources](#resources) and [the notes](notes/readme.md).",
    "Run `curl https://example.org/api` first.",
]


@pytest.mark.parametrize(("line", "expected"), CITED)
def test_citations(line: str, expected: list[tuple[str, str, str]]) -> None:
    document = _document(line + REFERENCE_LIST)
    citations = find_citations(document, find_references(document))
    assert [(c.kind, c.key, c.url) for c in citations] == expected
    assert {c.line for c in citations} == {1}


@pytest.mark.parametrize("line", NOT_CITED)
def test_not_citations(line: str) -> None:
    document = _document(line + REFERENCE_LIST)
    assert find_citations(document, find_references(document)) == []


def test_citations_resolve_to_reference_lines() -> None:
    document = _document("Ambiguous (Lambert, 2025a) and single (Reddit, 2025b)." + REFERENCE_LIST)
    lambert, reddit = find_citations(document, find_references(document))
    assert lambert.references == (5, 6)
    assert reddit.references == (7,)
    assert lambert.text == "(Lambert, 2025a)"


def test_reference_entries_are_not_citations() -> None:
    document = _document(RESOURCES + "\n## Conclusion\n\nSee https://example.org/end.\n")
    assert [c.url for c in find_citations(document, find_references(document))] == ["https://example.org/end"]


def test_numbered_citations_for_numbered_lists() -> None:
    document = _document(
        """
        Qwen3 leads [1] and DeepSeek-V3 follows [2, 3].

        References

        1. Qwen Team. Qwen3 Technical Report. https://arxiv.org/abs/2505.09388
        2. DeepSeek-AI. DeepSeek-V3 Technical Report. https://arxiv.org/abs/2412.19437
        """
    )
    citations = find_citations(document, find_references(document))
    assert [(c.kind, c.key, c.url, c.references) for c in citations] == [
        ("numbered", "[1]", "https://arxiv.org/abs/2505.09388", (5,)),
        ("numbered", "[2]", "https://arxiv.org/abs/2412.19437", (6,)),
        ("numbered", "[3]", "", ()),
    ]


# --- link_claims ---------------------------------------------------------------------------------


def test_claim_links_to_citations_in_its_sentence_first() -> None:
    document = _document(
        "Qwen3 has 235B parameters (Reddit, 2025b). Llama 4 has 400B parameters (X Community, 2025a).\n"
        + REFERENCE_LIST
    )
    references = find_references(document)
    citations = find_citations(document, references)
    qwen = _claim(1, "Qwen3", "Qwen3 has 235B parameters")
    llama = _claim(1, "Llama 4", "Llama 4 has 400B parameters")
    links = link_claims([qwen, llama], document, references, citations, VOCABULARY)
    assert links == {
        qwen.id: ("https://www.reddit.com/r/LocalLLaMA/comments/1",),
        llama.id: ("https://x.com/i/status/1",),
    }


def test_claim_links_within_its_line_or_paragraph() -> None:
    document = _document(
        """
        - DeepSeek-V3: 671B parameters ([card](https://huggingface.co/deepseek-ai/DeepSeek-V3))
        - Kimi K2: 1T parameters
        Kimi K2 has 1T parameters, the largest open model,
        as the model card says (https://huggingface.co/moonshotai/Kimi-K2).

        Qwen3 has 235B parameters.
        """
    )
    references = find_references(document)
    citations = find_citations(document, references)
    claims = [
        _claim(1, "DeepSeek-V3", "671B parameters"),
        _claim(2, "Kimi K2", "1T parameters"),  # a list item speaks for its line only
        _claim(3, "Kimi K2", "Kimi K2 has 1T parameters"),
        _claim(6, "Qwen3", "Qwen3 has 235B parameters"),  # another paragraph
    ]
    links = link_claims(claims, document, references, citations, VOCABULARY)
    assert links == {
        claims[0].id: ("https://huggingface.co/deepseek-ai/DeepSeek-V3",),
        claims[2].id: ("https://huggingface.co/moonshotai/Kimi-K2",),
    }


def test_claim_links_to_resources_named_after_its_subject_or_family() -> None:
    document = _document("## DeepSeek-V3\n\n- Total: 671B parameters\n- Kimi K2: 1T parameters\n" + RESOURCES)
    references = find_references(document)
    v3 = _claim(3, "DeepSeek-V3", "Total: 671B parameters")
    kimi = _claim(4, "Kimi K2", "Kimi K2: 1T parameters")
    other = _claim(4, "Mistral Large 2", "Kimi K2: 1T parameters")
    elsewhere = _claim(3, "DeepSeek-V3", "Total: 671B parameters", document="other.md")
    links = link_claims([v3, kimi, other, elsewhere], document, references, [], VOCABULARY)
    assert links == {
        v3.id: ("https://arxiv.org/abs/2412.19437", "https://github.com/deepseek-ai/DeepSeek-V3"),
        kimi.id: ("https://kimi-k2.org/",),
    }
    # Without a vocabulary a family is known by its spelling: "DeepSeek" covers "DeepSeek-V3".
    assert link_claims([v3], document, references, [])[v3.id] == (
        "https://arxiv.org/abs/2412.19437",
        "https://github.com/deepseek-ai/DeepSeek-V3",
    )


def test_search_pages_are_no_sources() -> None:
    document = _document(
        "Llama 4 has 400B parameters (X Community, 2025c).\n"
        + REFERENCE_LIST.replace(
            "4. X Community (2025a) Tweets. Available at: <https://x.com/i/status/1>",
            "4. X Community (2025c) Tweets. Available at: <https://x.com/search?q=llama>",
        )
    )
    references = find_references(document)
    llama = _claim(1, "Llama 4", "Llama 4 has 400B parameters")
    assert link_claims([llama], document, references, find_citations(document, references), VOCABULARY) == {}


# --- audit_citations -----------------------------------------------------------------------------

AUDITED = [
    (
        "duplicate url",
        """
        Cited (Meta, 2024; Meta, 2025).

        References

        1. Meta (2024) 'Open Source AI'. Available at: <https://about.fb.com/news/open/> (Accessed: 1 May 2025).
        2. Meta (2025) Open Source AI. Available at: <https://About.fb.com/news/open/#top>
        """,
        [("duplicate reference", "medium")],
    ),
    (
        "one key for several entries",
        """
        Cited (Lambert, 2025a).

        References

        1. Lambert, N. (2025a) 'Qwen 3'. Available at: <https://www.interconnects.ai/p/qwen-3>
        2. Lambert, N. (2025a) 'Llama 4'. Available at: <https://www.interconnects.ai/p/llama-4>
        """,
        [("ambiguous citation key", "medium")],
    ),
    (
        "citation without an entry",
        """
        Cited (Lambert, 2025a), (Lambert, 2025a) and (Smith, 2024), then (Lambert, 2025a; Smith, 2024).

        References

        1. Lambert, N. (2025a) 'Qwen 3'. Available at: <https://www.interconnects.ai/p/qwen-3>
        """,
        [("unresolved citation", "medium")],
    ),
    (
        "entry never cited",
        """
        Cited (Lambert, 2025a).

        References

        1. Lambert, N. (2025a) 'Qwen 3'. Available at: <https://www.interconnects.ai/p/qwen-3>
        2. Lambert, N. (2025b) 'Llama 4'. Available at: <https://www.interconnects.ai/p/llama-4>
        3. Lambert, N. (2025c) 'Kimi K2'. Available at: <https://www.interconnects.ai/p/kimi-k2>
        """,
        [("uncited reference", "low")],  # one finding for the two entries: a list is pruned in one go
    ),
    (
        "search pages",
        """
        Cited (X Community, 2025a) and in https://www.google.com/search?q=qwen3+benchmarks.

        References

        1. X Community (2025a) Tweets. Available at: <https://x.com/search?q=llama4performance>
        """,
        [("search page", "medium"), ("search page", "medium")],
    ),
    (
        "malformed urls",
        """
        Cited (Lambert, 2025a; Lambert, 2025b; Lambert, 2025c; Lambert, 2025d), see https://example.con/x.

        References

        1. Lambert, N. (2025a) Open Models. Available at: Open_Models_in_2025_1760347230.pdf (Accessed: 1 May 2025).
        2. Lambert, N. (2025b) Llama. Available at: <https://interconnects/p/llama>
        3. Lambert, N. (2025c) Qwen. Available at: htps://www.interconnects.ai/p/qwen
        4. Lambert, N. (2025d) Gemma. Available at: <https://www.interconnects.ai/p/gemma 3>
        """,
        [("malformed url", "medium")] * 5,
    ),
    (
        "dates that disagree",
        """
        Cited (Reddit, 2025c; Meta, 2025a).

        References

        1. Reddit (2025c) 'Qwen', Reddit.com, 12 November 2024. Available at: <https://www.reddit.com/r/a/1>
        2. Meta (2025a) 'Llama', 20 November. Available at: <https://ai.meta.com/x> (Accessed: 13 October 2025).
        """,
        [("inconsistent reference dates", "low"), ("inconsistent reference dates", "low")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), AUDITED, ids=[case for case, _, _ in AUDITED])
def test_audit_flags(case: str, text: str, expected: list[tuple[str, str]]) -> None:
    findings = _audit(text)
    assert _metrics(findings) == expected
    for finding in findings:
        assert finding.kind is FindingKind.CITATION
        assert finding.explanation.endswith(".") and finding.claims
        assert {c.metric for c in finding.claims} <= {"reference", "citation"}


URLS = [
    # (url as an entry gives it, the finding it deserves or None)
    ("https://x.com/search?q=llama4performance", "search page"),
    ("https://www.google.com/search?q=qwen3", "search page"),
    ("https://www.reddit.com/search/?q=llama", "search page"),
    ("https://example.org/search?query=llama", "search page"),
    ("https://exampleorg/page", "malformed url"),
    ("https://example.con/page", "malformed url"),
    ("https://example..org/page", "malformed url"),
    ("htps://example.org/page", "malformed url"),
    ("report_final.pdf", "malformed url"),
    ("https://github.com/deepseek-ai/DeepSeek-V3", None),
    ("https://huggingface.co/Qwen/Qwen3-235B-A22B?library=transformers", None),
    ("https://opencompass.org.cn/", None),
    ("https://docs.python.org/3/library/re.html?highlight=search", None),
    ("https://www.youtube.com/watch?v=abc123", None),
    ("https://example.org/search", None),  # a search form, not a page of results
    ("https://example.org/?q=1", None),
    ("http://127.0.0.1:8000/report", None),
    ("https://xn--fiqs8s.cn/", None),
    ("atomproject.ai/metrics", None),
    ("ftp://ftp.example.org/data.csv", None),
]


@pytest.mark.parametrize(("url", "metric"), URLS)
def test_urls_that_lead_nowhere(url: str, metric: str | None) -> None:
    findings = _audit(
        f"Cited (Site, 2025).\n\nReferences\n\n1. Site (2025) Page. Available at: {url} (Accessed: 1 May 2025).\n"
    )
    assert [f.metric for f in findings] == ([metric] if metric else [])


def test_unresolved_citations_only_where_the_list_was_read() -> None:
    # No reference list at all: every author-date citation is unresolved.
    assert _metrics(_audit("Strong (Smith, 2024) and weak (Jones, 2023).\n")) == [("unresolved citation", "medium")] * 2
    # A list in a style this module does not read (natbib, from a PDF) must not turn every
    # citation into a finding.
    natbib = """
        Strong (Austin et al., 2021) and weak (Bai et al., 2022).

        References

        J. Austin, A. Odena, M. Nye, et al. Program synthesis with large language models. arXiv preprint
           arXiv:2108.07732, 2021.
        Y. Bai, S. Kadavath, et al. Constitutional AI: Harmlessness from AI feedback. arXiv preprint
           arXiv:2212.08073, 2022.
        """
    assert _audit(natbib) == []


def test_urls_broken_by_pdf_conversion_are_put_back_together() -> None:
    document = _document(
        """
        The report is at https://arxiv.
        org/abs/2408.11791 and the blog at https://qwenlm
        .github.io/blog/qwq-32b-preview/ says so.

        References

        AI@Meta. Llama 3.1 model card, 2024. URL https://github.com/meta-llama/llama-m
          odels/blob/main/models/llama3_1/MODEL_CARD.md.
        Anthropic. Claude 3.5 sonnet, 2024. URL https://www.anthropic.com/news/claude-3
         -5-sonnet.
        """
    )
    references = find_references(document)
    assert [r.url for r in references] == [
        "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md",
        "https://www.anthropic.com/news/claude-3-5-sonnet",
    ]
    citations = find_citations(document, references)
    assert [(c.kind, c.url) for c in citations] == [
        ("arxiv", "https://arxiv.org/abs/2408.11791"),
        ("link", "https://qwenlm.github.io/blog/qwq-32b-preview/"),
    ]
    assert audit_citations(document, references, citations) == []


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.org/a\nand more text.\n",  # an ordinary word after a complete URL
        "See https://example.org/a.\nNext sentence.\n",
    ],
)
def test_complete_urls_at_line_ends_stay_as_they_are(text: str) -> None:
    document = _document(text)
    assert [c.url for c in find_citations(document, [])] == ["https://example.org/a"]


def test_audit_explains_with_the_entries_involved() -> None:
    (finding,) = _audit(AUDITED[1][1])
    assert finding.subject == "Lambert, 2025a"
    assert [(c.line, c.subject, c.metric) for c in finding.claims] == [
        (5, "Lambert, 2025a", "reference"),
        (6, "Lambert, 2025a", "reference"),
    ]
    assert finding.claims[0].quantity.value == "https://www.interconnects.ai/p/qwen-3"
    assert "its citation cannot be traced to one source" in finding.explanation
    (unresolved,) = _audit(AUDITED[2][1])
    assert [(c.metric, c.quantity.text) for c in unresolved.claims] == [
        ("citation", "(Smith, 2024)"),
        ("citation", "(Lambert, 2025a; Smith, 2024)"),
    ]
    assert len({c.id for c in unresolved.claims}) == 2


CLEAN = [
    # a key used once and cited, ordinary URLs of every shape, a resources list nobody cites
    """
    Qwen3 leads (Lambert, 2025a), as https://qwenlm.github.io/blog/qwen3/ and
    [the card](https://huggingface.co/Qwen/Qwen3-235B-A22B?library=transformers) say; arXiv:2505.09388.
    Released (May 2025), e.g. (e.g., 2025).

    References

    1. Lambert, N. (2025a) 'Qwen 3', 28 April. Available at: <https://www.interconnects.ai/p/qwen-3>.
    """,
    RESOURCES
    + """
- **HuggingFace Leaderboards:** https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard
- **OpenCompass:** https://opencompass.org.cn/ (Chinese benchmarks)
- **SCMP Tech:** https://www.scmp.com/tech (China tech coverage)
- Docs search: https://docs.python.org/3/library/re.html?highlight=search
- Video: https://www.youtube.com/watch?v=abc123
- Local: http://127.0.0.1:8000/report
- IDN: https://xn--fiqs8s.cn/
- Form: https://example.org/search
""",
]


@pytest.mark.parametrize("text", CLEAN)
def test_audit_leaves_clean_documents_alone(text: str) -> None:
    assert _audit(text) == []


def test_fingerprints_survive_unrelated_edits() -> None:
    text = AUDITED[5][1]
    moved = "\n\nAn unrelated new paragraph.\n\n## A new section\n\nMore text.\n" + dedent(text)
    before, after = _audit(text), _audit(moved)
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert [c.line for f in before for c in f.claims] != [c.line for f in after for c in f.claims]


# --- the bundled example -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_003() -> tuple[Document, list[Finding]]:
    document = read_document(EXAMPLE / "003_b1ba75ca62ed9578.txt")
    references = find_references(document)
    return document, audit_citations(document, references, find_citations(document, references))


def test_example_003_reference_list(report_003: tuple[Document, list[Finding]]) -> None:
    document, _ = report_003
    refs = find_references(document)
    assert len(refs) == 97  # 98 numbered entries, two of them broken over two numbers, and one unnumbered
    by_line = {r.line: r for r in refs}
    assert by_line[346].key == "Lambert, 2025b" and by_line[346].dates == ("2025-04-05", "2025-10-13")
    assert by_line[312].url.startswith("https://collabnix.com/comparing-top-ai-models-in-2025")
    assert by_line[416].key == "X Community, 2025c" and by_line[416].number is None


def test_example_003_findings(report_003: tuple[Document, list[Finding]]) -> None:
    _, findings = report_003
    counts = Counter(f.metric for f in findings)
    assert counts["ambiguous citation key"] == 10
    assert counts["search page"] == 3
    assert counts["duplicate reference"] == 7
    assert counts["malformed url"] == 1  # "Available at: Open_Models_in_2025_1760347230.pdf"
    assert counts["inconsistent reference dates"] == 3  # (2025c) and the like, dated 2024
    assert "unresolved citation" not in counts
    (lambert,) = [f for f in findings if f.metric == "ambiguous citation key" and f.subject == "Lambert, 2025a"]
    assert lambert.severity is Severity.MEDIUM
    assert [c.line for c in lambert.claims] == [343, 344, 345]
    assert "its 11 citations" in lambert.explanation
    assert sorted(c.line for f in findings if f.metric == "search page" for c in f.claims) == [414, 415, 416]
    assert all(f.kind is FindingKind.CITATION for f in findings)
    assert len({f.fingerprint for f in findings}) == len(findings)


def test_example_000_links_deepseek_v3_claims_to_its_resources() -> None:
    document = read_document(EXAMPLE / "000_d4f2133b4cbabe07.txt")
    references = find_references(document)
    claims = extract_claims(document, VOCABULARY)
    links = link_claims(claims, document, references, find_citations(document, references), VOCABULARY)
    v3 = [c for c in claims if c.subject == "DeepSeek-V3"]
    assert v3
    for claim in v3:
        assert links[claim.id] == ("https://arxiv.org/abs/2412.19437", "https://github.com/deepseek-ai/DeepSeek-V3")
    assert audit_citations(document, references, find_citations(document, references)) == []

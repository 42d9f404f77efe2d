"""Tests for factcheck.reports: formats, escaping of untrusted text, schema, golden files.

Golden files live in tests/golden/reports/. After an intended change to a template, rewrite
them with `FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_reports.py` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import (
    Claim,
    Decision,
    DocumentError,
    Evidence,
    Finding,
    FindingKind,
    Qualifier,
    Quantity,
    Severity,
    Verdict,
    Verification,
)
from factcheck.quantities import format_value
from factcheck.reports import (
    REPORT_FILES,
    RULES,
    DocumentSummary,
    ReportInput,
    SourceSummary,
    load_schema,
    markdown_cell,
    render_github,
    render_html,
    render_json,
    render_markdown,
    render_sarif,
    report_record,
    split_quote,
    write_reports,
)

GOLDEN = Path(__file__).parent / "golden" / "reports"
XSS = "<script>alert(1)</script>"
ATTRIBUTE_BREAK = '" onmouseover="x'


def quantity(**fields: object) -> Quantity:
    base: dict[str, object] = dict(
        value=5.6e6, unit="USD", qualifier=Qualifier.EXACT, text="$5.6M", start=0, end=5,
        scale=1e6, precision=1e5, kind="currency",
    )  # fmt: skip
    return Quantity(**{**base, **fields})  # type: ignore[arg-type]


def claim(n: int = 0, **fields: object) -> Claim:
    base: dict[str, object] = dict(
        id=f"c{n}", document="report.md", line=10 + n, subject="DeepSeek", metric="training cost",
        quantity=quantity(), text="DeepSeek V3 cost $5.6M to train",
    )  # fmt: skip
    return Claim(**{**base, **fields})  # type: ignore[arg-type]


def finding(
    kind: FindingKind = FindingKind.VALUE,
    severity: Severity = Severity.HIGH,
    *,
    claims: tuple[Claim, ...] = (),
    fingerprint: str = "f" * 40,
    **fields: object,
) -> Finding:
    base: dict[str, object] = dict(
        kind=kind, severity=severity, subject="DeepSeek", metric="training cost",
        explanation="report.md says $5.6M but evil.md says $6M for DeepSeek's training cost.",
        claims=claims or (claim(0), claim(7, document="evil.md", line=3, quantity=quantity(value=6e6, text="$6M"),
                                            text="DeepSeek V3's training run cost $6M")),
        fingerprint=fingerprint,
    )  # fmt: skip
    return Finding(**{**base, **fields})  # type: ignore[arg-type]


STALE = Decision("0123456789abcdef" * 2, reason=f"rounding {XSS}", accepted_by="ana", accepted_at="2025-07-01")
ACCEPTED = Decision("d" * 40, reason=f"June was the preview | {XSS}", accepted_by="li", accepted_at="2025-07-02")


def sample_findings(claims: list[Claim]) -> list[Finding]:
    """An accepted low finding given first, a high one, and a medium one whose text attacks the page."""
    return [
        finding(FindingKind.DATE, Severity.LOW, subject="Qwen", metric="release", fingerprint="d" * 40,
                explanation="Qwen's release is July 2025 here and June 2025 elsewhere.",
                claims=(claims[5], claim(8, document="report.md", line=40, subject="Qwen", metric="release",
                                         quantity=quantity(value="2025-06", unit="date", text="June 2025", kind="date"),
                                         text="Qwen shipped in June 2025"))),
        finding(fingerprint="a" * 40),
        finding(FindingKind.ATTRIBUTION, Severity.MEDIUM, subject=XSS, metric="rank | position",
                fingerprint="b" * 40, claims=(claims[2], claims[3]),
                explanation=f'The figure #1 is given to {XSS} and to "Qwen" | {ATTRIBUTE_BREAK}.'),
    ]  # fmt: skip


def sample_report() -> ReportInput:
    """Three documents, one unreadable, claims whose text tries to break out of the page, and
    three findings: one accepted, one whose text tries to break out too."""
    claims = [
        claim(0),
        claim(1, metric="share", quantity=quantity(value=40.0, unit="percent", text="40%", kind="percent",
                                                   scale=1.0, precision=1.0),
              text="China accounted for 1,509 of 3,755 LLMs (40%)", section="Summary > Market"),
        claim(2, subject=XSS, metric="rank | position", quantity=quantity(
              value=1.0, unit="rank", text="#1", kind="rank", scale=1.0, precision=1.0),
              text=f"{XSS} ranked #1 | on LMArena\nsecond line"),
        claim(3, document="evil.md", subject=ATTRIBUTE_BREAK, metric="parameters",
              quantity=quantity(value=235e9, unit="parameters", text="235B", kind="number",
                                unit_text="parameters", qualifier=Qualifier.APPROX),
              text=f'about 235B parameters{ATTRIBUTE_BREAK} see https://example.com/x.png'),
        claim(4, document="evil.md", subject="Qwen", metric="context",
              quantity=quantity(value=3.0e6, unit="USD", text="$5-6M", kind="currency", low=5e6, high=6e6,
                                qualifier=Qualifier.RANGE),
              text="cost $5-6M"),
        claim(5, document="evil.md", subject="Qwen", metric="release",
              quantity=quantity(value="2025-07", unit="date", text="July 2025", kind="date"),
              text="released in July 2025", page=3),
    ]  # fmt: skip
    return ReportInput(
        claims=claims,
        documents=[
            DocumentSummary("report.md", "docs/report.md", repairs=2),
            DocumentSummary("evil.md", "docs/evil.md"),
            DocumentSummary("broken.pdf", "docs/broken.pdf", error="not a PDF"),
        ],
        errors=[DocumentError("docs/gone.txt", f"cannot decode {XSS}")],
        generated_at="2025-08-01T12:00:00+00:00",
        tool_version="0.1.0",
        findings=sample_findings(claims),
        accepted=frozenset({"d" * 40}),
        stale_decisions=[STALE],
        decisions=[ACCEPTED, STALE],
    )


EMPTY = ReportInput(claims=[], documents=[], errors=[], generated_at="2025-08-01T12:00:00Z", tool_version="0")


class Page(HTMLParser):
    """The parts of a rendered page the tests look at, as a browser would decode them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.options: dict[tuple[str, str], list[str]] = {}  # (form id, filter) -> option values
        self._form = ""
        self._select: tuple[str, str] | None = None
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "form":
            self._form = attributes.get("id") or ""
        elif tag == "select":
            self._select = (self._form, attributes.get("data-filter") or "")
            self.options[self._select] = []
        elif tag == "option" and self._select is not None:
            self.options[self._select].append(attributes.get("value") or "")
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def rows(self) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == "tr" and "data-document" in a]

    def cards(self) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == "article"]


# --- display values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "$5.6M"),
        ({"value": 1.2e9}, "$1.2B"),
        ({"value": 2.5e12}, "$2.5T"),
        ({"value": 100_000.0}, "$100,000"),
        ({"value": -3e6}, "-$3M"),
        ({"unit": "CNY"}, "¥5.6M"),
        ({"unit": "CHF"}, "5.6M CHF"),
        ({"value": 97.3, "unit": "percent", "kind": "percent"}, "97.3%"),
        ({"value": 1509.0, "unit": "", "kind": "number"}, "1,509"),
        ({"value": 0.25, "unit": "", "kind": "number"}, "0.25"),
        ({"value": 12.345, "unit": "", "kind": "number"}, "12.35"),
        ({"value": 235e9, "unit": "parameters", "unit_text": "params", "kind": "number"}, "235B params"),
        ({"value": 14.8e12, "unit": "tokens", "kind": "number"}, "14.8T tokens"),
        ({"value": 3.0, "unit": "times", "kind": "multiple"}, "3×"),
        ({"value": 1.0, "unit": "rank", "kind": "rank"}, "#1"),
        ({"value": "2025-Q3", "unit": "date", "kind": "date"}, "2025-Q3"),
        ({"value": 5.5e6, "low": 5e6, "high": 6e6, "qualifier": Qualifier.RANGE}, "$5M–$6M"),
        ({"value": "2024", "low": "2024", "high": "2025", "unit": "date", "kind": "date"}, "2024–2025"),
        ({"value": 1e5, "qualifier": Qualifier.LOWER_BOUND}, "$100,000"),  # the bound is its own column
    ],
)
def test_format_value(fields: dict[str, object], expected: str) -> None:
    assert format_value(quantity(**fields)) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("cost $5.6M to train", "$5.6M", ("cost ", "$5.6M", " to train")),
        ("$5.6M", "$5.6M", ("", "$5.6M", "")),
        ("5 of 5", "5", ("", "5", " of 5")),  # the first occurrence
        ("no figure here", "$5.6M", ("no figure here", "", "")),
        ("anything", "", ("anything", "", "")),
    ],
)
def test_split_quote(text: str, figure: str, expected: tuple[str, str, str]) -> None:
    assert split_quote(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a | b", "a \\| b"),
        ("line\nnext\r\nlast", "line<br>next<br>last"),
        (XSS, "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("**bold** _it_ `code` [link](x)", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](x)"),
        ("back\\slash & co", "back\\\\slash &amp; co"),
        (12, "12"),
        ("", ""),
    ],
)
def test_markdown_cell(text: object, expected: str) -> None:
    assert markdown_cell(text) == expected


# --- JSON ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("report", [sample_report(), EMPTY], ids=["sample", "empty"])
def test_json_validates_against_schema(report: ReportInput) -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(render_json(report)))


def test_json_round_trips() -> None:
    report = sample_report()
    loaded = json.loads(render_json(report))
    assert loaded == report_record(report)
    assert loaded["claims"] == [c.as_record() for c in report.claims]


def test_json_summary_counts() -> None:
    record = json.loads(render_json(sample_report()))
    assert record["schema"] == "factcheck.audit-report"
    assert record["version"] == 2
    assert record["summary"] == {
        "documents": 3,
        "claims": 6,
        "errors": 2,
        "by_document": {"report.md": 3, "evil.md": 3, "broken.pdf": 0},
        "by_kind": {"currency": 2, "date": 1, "number": 1, "percent": 1, "rank": 1},
        "findings": {
            "total": 3,
            "open": 2,
            "accepted": 1,
            "by_kind": {"attribution": 1, "value": 1},
            "by_severity": {"high": 1, "medium": 1, "low": 0},
            "by_document": {"evil.md": 2, "report.md": 2},
        },
    }
    # DocumentSummary.error and report.errors are merged into one list.
    assert record["errors"] == [
        {"path": "docs/gone.txt", "reason": f"cannot decode {XSS}"},
        {"path": "docs/broken.pdf", "reason": "not a PDF"},
    ]
    assert record["documents"][2] == {
        "name": "broken.pdf", "path": "docs/broken.pdf", "claims": 0, "repairs": 0, "error": "not a PDF",
    }  # fmt: skip


def test_json_schema_rejects_a_missing_field() -> None:
    record = json.loads(render_json(sample_report()))
    del record["claims"][0]["quote"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, load_schema(), cls=jsonschema.Draft202012Validator)


def test_claims_of_an_unlisted_document_still_count() -> None:
    report = dataclasses.replace(sample_report(), documents=[])
    summary = json.loads(render_json(report))["summary"]
    assert (summary["documents"], summary["by_document"]) == (2, {"report.md": 3, "evil.md": 3})


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_summary_and_per_document_tables() -> None:
    text = render_markdown(sample_report())
    assert text.startswith("<!-- factcheck:audit-report v2 -->\n")
    assert "| Document | Claims | Repairs | Errors |" in text
    assert "| report.md | 3 | 2 | 0 |" in text
    assert "| broken.pdf | 0 | 0 | 1 |" in text
    assert text.count("| Line | Subject | Metric | Value | Qualifier | Quote |") == 2
    assert text.count("<details>") == 4  # accepted findings, stale decisions, 2 documents (not broken.pdf)
    assert "<summary><strong>evil.md</strong>: 3 claims</summary>" in text
    assert "| 10 | DeepSeek | training cost | $5.6M | exact | DeepSeek V3 cost <b>$5.6M</b> to train |" in text
    assert "| $5M–$6M | range |" in text
    assert "- docs/gone.txt: cannot decode &lt;script&gt;" in text


def test_markdown_escapes_cells() -> None:
    text = render_markdown(sample_report())
    assert "<script>" not in text
    row = next(line for line in text.splitlines() if line.startswith("| 12 |"))
    assert "rank \\| position" in row
    assert "\\| on LMArena<br>second line" in row
    # Every table row has exactly its columns: no cell leaks a pipe.
    assert len(re.findall(r"(?<!\\)\|", row)) == 7


def test_markdown_clips_long_quotes() -> None:
    long = claim(text="x" * 500 + " cost $5.6M to train " + "y" * 500)
    text = render_markdown(dataclasses.replace(EMPTY, claims=[long]))
    row = next(line for line in text.splitlines() if line.startswith("| 10 |"))
    assert "…" + "x" * 70 in row and "y" * 70 + "…" in row
    assert len(row) < 300


def test_markdown_without_claims() -> None:
    assert "No claims were found." in render_markdown(EMPTY)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_escapes_untrusted_text() -> None:
    html = render_html(sample_report())
    assert "<script>alert" not in html
    assert ATTRIBUTE_BREAK not in html
    page = Page(html)
    assert not any("onmouseover" in attributes for _, attributes in page.tags)
    # The only script is the page's own filter code: no document text inside it.
    assert len(page.scripts) == 1
    assert "alert" not in page.scripts[0] and "DeepSeek" not in page.scripts[0]
    # Data attributes decode back to the exact text.
    rows = page.rows()
    assert [r["data-subject"] for r in rows] == [c.subject for c in sample_report().claims]
    assert [r["data-kind"] for r in rows] == [c.quantity.kind for c in sample_report().claims]


def test_html_is_self_contained() -> None:
    html = render_html(sample_report())
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html
    page = Page(html)
    assert not [a for t, a in page.tags if t in {"link", "img", "iframe", "object", "embed"}]
    assert not [a for t, a in page.tags if t == "script" and "src" in a]
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and csp.startswith("default-src 'none';")


def test_html_summary_chart_and_errors() -> None:
    html = render_html(sample_report())
    page = Page(html)
    assert html.count("<svg") == 2  # findings, then claims
    bars = [a["data-document"] for t, a in page.tags if t == "g" and a.get("class") == "bar-row"]
    assert bars == ["report.md", "evil.md", "broken.pdf"]
    for kind in ("currency", "percent", "rank", "number", "date"):
        assert f'dominant-baseline="central">{kind}</text>' in html  # legend entry
    assert "3 · read error" not in html and "0 · read error" in html
    assert "<dt>Documents</dt><dd>3</dd>" in html and "<dt>Claims</dt><dd>6</dd>" in html
    assert "<li><code>docs/broken.pdf</code>: not a PDF</li>" in html
    assert "cannot decode &lt;script&gt;alert(1)&lt;/script&gt;</li>" in html


def test_html_filters_list_the_choices() -> None:
    report = sample_report()
    page = Page(render_html(report))
    assert page.options["filters", "subject"] == ["", *sorted({c.subject for c in report.claims})]
    assert page.options["filters", "document"] == ["", "report.md", "evil.md"]
    assert page.options["filters", "kind"] == ["", "currency", "date", "number", "percent", "rank"]
    assert page.options["finding-filters", "severity"] == ["", "high", "medium", "low"]
    assert page.options["finding-filters", "kind"] == ["", "attribution", "date", "value"]
    assert page.options["finding-filters", "subject"] == ["", XSS, "DeepSeek", "Qwen"]
    assert page.options["finding-filters", "document"] == ["", "evil.md", "report.md"]
    assert page.options["finding-filters", "status"] == ["", "open", "accepted"]


def test_html_claims_table() -> None:
    html = render_html(sample_report())
    assert "DeepSeek V3 cost <mark>$5.6M</mark> to train" in html
    assert '<span class="human">$5.6M</span> <span class="raw" title="as stored: value and unit">5600000 USD' in html
    assert '<span class="human">2025-07</span>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ranked <mark>#1</mark> | on LMArena" in html


def test_html_without_claims() -> None:
    html = render_html(EMPTY)
    assert "No claims were found." in html and "<svg" not in html
    assert "No conflicts were found among the claims." in html and ('id="finding-filters"' not in html)


@settings(max_examples=60, deadline=None)
@given(subject=st.text(st.characters(exclude_categories=("Cs", "Cc"))), text=st.text(max_size=40))
def test_html_rows_survive_any_text(subject: str, text: str) -> None:
    report = dataclasses.replace(EMPTY, claims=[claim(subject=subject, text=text + " $5.6M")])
    page = Page(render_html(report))
    assert [r["data-subject"] for r in page.rows()] == [subject]
    assert len(page.scripts) == 1


# --- findings ---------------------------------------------------------------------------------


def test_json_findings_and_stale_decisions() -> None:
    report = sample_report()
    record = json.loads(render_json(report))
    assert [(f["kind"], f["severity"], f["status"]) for f in record["findings"]] == [
        ("value", "high", "open"), ("attribution", "medium", "open"), ("date", "low", "accepted"),
    ]  # fmt: skip
    by_fingerprint = {f.fingerprint: f for f in report.findings}
    for item in record["findings"][:2]:
        assert item == {**by_fingerprint[item["fingerprint"]].as_record(), "status": "open"}
    accepted = record["findings"][2]
    assert accepted == {
        **by_fingerprint[accepted["fingerprint"]].as_record(),
        "status": "accepted",
        "decision": {
            "fingerprint": "d" * 40,
            "reason": ACCEPTED.reason,
            "accepted_by": "li",
            "accepted_at": "2025-07-02",
        },
    }
    assert record["stale_decisions"] == [
        {"fingerprint": STALE.fingerprint, "reason": STALE.reason, "accepted_by": "ana", "accepted_at": "2025-07-01"}
    ]


def test_json_schema_rejects_an_unknown_finding_status() -> None:
    record = json.loads(render_json(sample_report()))
    record["findings"][0]["status"] = "ignored"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, load_schema(), cls=jsonschema.Draft202012Validator)


def test_markdown_findings() -> None:
    text = render_markdown(sample_report())
    assert "**2** open findings: 1 high, 1 medium, 0 low; **1** accepted" in text
    open_part, accepted_part = text.split("<summary>1 accepted finding</summary>")
    assert "| high | value | DeepSeek | training cost |" in open_part
    assert "| report.md:10<br>evil.md:3 |" in open_part
    assert "| low | date | Qwen |" in accepted_part and "| low | date |" not in open_part
    assert "| June was the preview \\| &lt;script&gt;" in accepted_part  # the reviewer's reason, escaped
    assert "(li, 2025-07-02) |" in accepted_part
    assert text.index("### Open findings") < text.index("### Claims by document")
    row = next(line for line in text.splitlines() if line.startswith("| medium |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 8  # the explanation's pipe is escaped
    assert "<script>" not in text and STALE.fingerprint in text


def test_markdown_caps_the_findings_table() -> None:
    many = [finding(fingerprint=f"{i:040d}") for i in range(53)]
    text = render_markdown(dataclasses.replace(EMPTY, findings=many))
    assert text.count("| high | value |") == 50
    assert "…and 3 more open findings" in text


def test_markdown_without_findings() -> None:
    assert "No conflicts were found among the claims." in render_markdown(EMPTY)


def test_html_finding_cards() -> None:
    report = sample_report()
    html = render_html(report)
    page = Page(html)
    cards = page.cards()
    assert [(c["data-severity"], c["data-kind"], c["data-status"]) for c in cards] == [
        ("high", "value", "open"), ("medium", "attribution", "open"), ("low", "date", "accepted"),
    ]  # fmt: skip
    assert [c["data-subject"] for c in cards] == ["DeepSeek", XSS, "Qwen"]  # decoded back exactly
    assert cards[2]["class"] == "finding sev-low accepted"
    assert '<span class="badge status">accepted</span>' in html
    assert '<p class="decision">Accepted: June was the preview | &lt;script&gt;' in html
    assert html.index('id="findings"') < html.index('id="claims"')  # findings first
    # The claims side by side, with the figure marked and a link to the claim's row.
    assert '<a href="#claim-c0">report.md:10</a>' in html and '<tr id="claim-c0"' in html
    assert "DeepSeek V3&#39;s training run cost <mark>$6M</mark>" in html
    assert "evil.md:3</div>" in html  # a claim not in the table gets no link
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))


def test_html_finding_cards_escape_untrusted_text() -> None:
    html = render_html(sample_report())
    assert "<script>alert" not in html and ATTRIBUTE_BREAK not in html
    assert (
        "The figure #1 is given to &lt;script&gt;alert(1)&lt;/script&gt; and to &#34;Qwen&#34; | &#34; onmouseover"
        in html
    )
    assert "rounding &lt;script&gt;" in html  # stale decision reason
    page = Page(html)
    assert not any(name.startswith("on") for _, attributes in page.tags for name in attributes)
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]


def test_html_findings_chart_and_stats() -> None:
    html = render_html(sample_report())
    page = Page(html)
    bars = [a["data-document"] for t, a in page.tags if t == "g" and a.get("class") == "finding-bar"]
    assert bars == ["evil.md", "report.md"]  # open findings only; ties by name
    assert "<dt>Open findings</dt><dd>2</dd>" in html and "<dt>Accepted</dt><dd>1</dd>" in html
    assert "<title>1 open high-severity value finding</title>" in html
    assert "Open findings: 2 (1 high, 1 medium, 0 low)" in html


def test_html_claim_anchors_are_unique() -> None:
    twins = [claim(0), claim(0, document="evil.md"), claim(0, id="c 0/<x>")]
    page = Page(render_html(dataclasses.replace(EMPTY, claims=twins)))
    assert [r["id"] for r in page.rows()] == ["claim-c0", "claim-c0-2", "claim-c_0__x_"]


SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object",
                    "required": ["name", "version", "informationUri", "rules"],
                    "properties": {"rules": {"type": "array", "items": {
                        "type": "object", "required": ["id", "shortDescription"],
                        "properties": {"shortDescription": {"$ref": "#/$defs/message"}}}}},
                }}},
                "results": {"type": "array", "items": {
                    "type": "object",
                    "required": ["ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"$ref": "#/$defs/message"},
                        "locations": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/location"}},
                        "relatedLocations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
                        "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                        "suppressions": {"type": "array", "items": {
                            "type": "object", "required": ["kind"],
                            "properties": {"kind": {"enum": ["inSource", "external"]},
                                           "status": {"enum": ["accepted", "underReview", "rejected"]},
                                           "justification": {"type": "string"}}}},
                    },
                }},
            },
        }},
    },
    "$defs": {
        "message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        "location": {"type": "object", "required": ["physicalLocation"], "properties": {"physicalLocation": {
            "type": "object", "required": ["artifactLocation", "region"],
            "properties": {
                "artifactLocation": {"type": "object", "required": ["uri"],
                                     "properties": {"uri": {"type": "string", "format": "uri-reference"}}},
                "region": {"type": "object", "required": ["startLine"],
                           "properties": {"startLine": {"type": "integer", "minimum": 1}}},
            },
        }}},
    },
}  # fmt: skip


def test_sarif_structure() -> None:
    log = json.loads(_sarif(sample_report()))
    jsonschema.Draft202012Validator(SARIF_SUBSET).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("factcheck", "0.1.0")
    assert [r["id"] for r in driver["rules"]] == ["FC001", "FC002", "FC003", "FC004", "FC005", "FC006", "FC007"]
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("FC001", "error"), ("FC002", "warning"), ("FC003", "note")]
    assert all(driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert [r["partialFingerprints"] for r in results] == [
        {"factcheck/v1": "a" * 40}, {"factcheck/v1": "b" * 40}, {"factcheck/v1": "d" * 40},
    ]  # fmt: skip
    first = results[0]
    assert first["message"]["text"] == sample_report().findings[1].explanation
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/report.md"
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 10
    assert [loc["physicalLocation"]["region"]["startLine"] for loc in first["relatedLocations"]] == [3]
    assert "suppressions" not in first and "suppressions" not in results[1]
    assert results[2]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "June was the preview, July the release."}
    ]


def test_sarif_rule_ids_are_stable() -> None:
    # Code-scanning alerts and suppressions refer to these ids: never renumber a kind.
    assert {kind.value: rule[0] for kind, rule in RULES.items()} == {
        "value": "FC001", "attribution": "FC002", "date": "FC003",
        "ranking": "FC004", "arithmetic": "FC005", "categorical": "FC006", "citation": "FC007",
    }  # fmt: skip
    assert set(RULES) == set(FindingKind)


@pytest.mark.parametrize(
    ("document", "paths", "uri"),
    [
        ("report.md", {}, "report.md"),
        ("my report#1.md", {}, "my%20report%231.md"),
        ("a.md", {"a.md": "docs\\sub\\a.md"}, "docs/sub/a.md"),
        ("a.md", {"a.md": "/srv/docs/a.md"}, "file:///srv/docs/a.md"),
    ],
)
def test_sarif_uris(document: str, paths: dict[str, str], uri: str) -> None:
    claims = (claim(0, document=document), claim(1, document=document))
    log = json.loads(render_sarif([finding(claims=claims)], {}, paths=paths, tool_version="1"))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_sarif_accepts_a_plain_set_and_no_findings() -> None:
    log = json.loads(render_sarif([finding()], frozenset({"f" * 40}), tool_version="1"))
    assert log["runs"][0]["results"][0]["suppressions"][0]["justification"]
    empty = json.loads(render_sarif([], tool_version="1"))
    jsonschema.Draft202012Validator(SARIF_SUBSET).validate(empty)
    assert empty["runs"][0]["results"] == []


def test_github_annotations() -> None:
    lines = _github(sample_report()).splitlines()
    assert lines[0] == (
        "::error file=docs/report.md,line=10,title=factcheck value conflict (FC001)::"
        "report.md says $5.6M but evil.md says $6M for DeepSeek's training cost.%0AAlso at: evil.md:3"
    )
    assert lines[1].startswith("::warning file=docs/report.md,line=12,")
    assert len(lines) == 2  # the accepted finding is not annotated, and nothing was left out


@pytest.mark.parametrize(
    ("document", "explanation", "expected"),
    [
        ("a,b:c.md", "plain", "::error file=a%2Cb%3Ac.md,line=10,title=factcheck value conflict (FC001)::plain"),
        (
            "100%.md",
            "50% off\r\nnext: a, b",
            "::error file=100%25.md,line=10,title=factcheck value conflict (FC001)::50%25 off%0D%0Anext: a, b",
        ),
        (
            "x.md",
            "::warning::fake",
            "::error file=x.md,line=10,title=factcheck value conflict (FC001)::::warning::fake",
        ),
    ],
)
def test_github_escaping(document: str, explanation: str, expected: str) -> None:
    only = finding(claims=(claim(0, document=document),), explanation=explanation)
    assert render_github([only]) == expected + "\n"


def test_github_limit_and_summary() -> None:
    many = [finding(severity=Severity.LOW if i % 2 else Severity.HIGH, fingerprint=f"{i:040d}") for i in range(15)]
    lines = render_github(many, accepted={f"{0:040d}"}, limit=4).splitlines()
    assert len(lines) == 5
    assert all(line.startswith("::error ") for line in lines[:4])  # most severe first
    assert lines[4] == (
        "::notice::factcheck: 10 more open findings not annotated (limit 4); see the audit report for all 14"
    )
    assert render_github(many, limit=0).splitlines() == [
        "::notice::factcheck: 15 more open findings not annotated (limit 0); see the audit report for all 15"
    ]
    assert render_github([]) == ""


# --- every format -------------------------------------------------------------------------------


@pytest.mark.parametrize("render", [render_json, render_markdown, render_html])
def test_deterministic(render: Callable[[ReportInput], str]) -> None:
    assert render(sample_report()) == render(sample_report())


def _sarif(report: ReportInput) -> str:
    reasons = {"d" * 40: "June was the preview, July the release."}
    return render_sarif(report.findings, reasons, paths={"report.md": "docs/report.md"}, tool_version="0.1.0")


def _github(report: ReportInput) -> str:
    return render_github(report.findings, report.accepted, paths={"report.md": "docs/report.md"})


@pytest.mark.parametrize(
    ("name", "render"),
    [("audit.json", render_json), ("audit.md", render_markdown), ("audit.html", render_html),
     ("audit.sarif", _sarif), ("github.txt", _github)],
)  # fmt: skip
def test_golden(name: str, render: Callable[[ReportInput], str]) -> None:
    rendered = render(sample_report())
    golden = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert rendered == golden.read_text(encoding="utf-8")


def test_write_reports(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "run-1"
    report = sample_report()
    paths = write_reports(out, report)
    assert paths == [out / name for name in REPORT_FILES]
    assert sorted(p.name for p in out.iterdir()) == sorted(REPORT_FILES)  # no temporary files left
    assert paths[0].read_text(encoding="utf-8") == render_json(report)
    assert paths[1].read_text(encoding="utf-8") == render_markdown(report)
    assert paths[2].read_text(encoding="utf-8") == render_html(report)


def test_write_reports_replaces_earlier_reports(tmp_path: Path) -> None:
    write_reports(tmp_path, sample_report())
    write_reports(tmp_path, EMPTY)
    assert json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))["summary"]["claims"] == 0
    assert len(list(tmp_path.iterdir())) == 3


SOURCES = (
    SourceSummary(
        "https://github.com/deepseek-ai/DeepSeek-V3",
        "archived",
        "",
        (("report.md", 12),),
        "a" * 64,
        "https://raw.githubusercontent.com/deepseek-ai/DeepSeek-V3/HEAD/README.md",
        "replayed",
    ),
    SourceSummary("javascript:alert(1)", "unsupported", f"scheme {XSS}", (("evil.md", 3),)),
    SourceSummary(f"https://x.example/{ATTRIBUTE_BREAK}", "not_found", "HTTP 404", (("evil.md", 4),)),
)


def test_sources_are_listed_in_every_format_and_escaped_in_html() -> None:
    report = dataclasses.replace(sample_report(), sources=SOURCES)
    record = json.loads(render_json(report))
    jsonschema.validate(record, load_schema())
    assert [s["status"] for s in record["sources"]] == ["archived", "unsupported", "not_found"]
    markdown = render_markdown(report)
    assert "### Sources" in markdown and "**1** archived" in markdown
    page = render_html(report)
    assert XSS not in page and ATTRIBUTE_BREAK not in page
    assert 'href="javascript:' not in page  # only http(s) addresses become links
    assert 'href="https://github.com/deepseek-ai/DeepSeek-V3"' in page


def _verifications() -> tuple[Verification, ...]:
    claims = sample_report().claims
    stated = dataclasses.replace(claims[0], document="README.md", subject="DeepSeek-V3", text=f"MMLU | 87.1 {XSS}")
    evidence = Evidence("https://github.com/x/y", "b" * 64, stated.text, "README.md:4", "javascript:alert(1)", stated)
    return (
        Verification(claims[0], Verdict.SUPPORTED, ("https://github.com/x/y",), evidence, "the source states it"),
        Verification(
            claims[1], Verdict.CONTRADICTED, ("https://github.com/x/y",), evidence, f"gives {ATTRIBUTE_BREAK}"
        ),
        Verification(claims[2], Verdict.NO_SOURCE, (), None, "nothing cited"),
    )


def test_verdicts_in_every_format_contradicted_first_and_escaped() -> None:
    report = dataclasses.replace(sample_report(), verifications=_verifications())
    record = json.loads(render_json(report))
    jsonschema.validate(record, load_schema())
    assert [v["verdict"] for v in record["verdicts"]] == ["contradicted", "supported", "no_source"]
    assert "### Verification" in render_markdown(report)
    page = render_html(report)
    assert XSS not in page and ATTRIBUTE_BREAK not in page
    assert 'href="javascript:' not in page  # evidence links are followed only to http(s) pages
    assert page.index('data-verdict="contradicted"') < page.index('data-verdict="supported"')

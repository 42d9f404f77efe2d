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

from factcheck.models import Claim, DocumentError, Qualifier, Quantity
from factcheck.reports import (
    REPORT_FILES,
    DocumentSummary,
    ReportInput,
    format_value,
    load_schema,
    markdown_cell,
    render_html,
    render_json,
    render_markdown,
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


def sample_report() -> ReportInput:
    """Three documents, one unreadable, and claims whose text tries to break out of the page."""
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
    )


EMPTY = ReportInput(claims=[], documents=[], errors=[], generated_at="2025-08-01T12:00:00Z", tool_version="0")


class Page(HTMLParser):
    """The parts of a rendered page the tests look at, as a browser would decode them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.options: dict[str, list[str]] = {}
        self._select: str | None = None
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "select":
            self._select = attributes.get("data-filter")
            self.options[self._select or ""] = []
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
    assert record["schema"] == "factcheck.claims-report"
    assert record["version"] == 1
    assert record["summary"] == {
        "documents": 3,
        "claims": 6,
        "errors": 2,
        "by_document": {"report.md": 3, "evil.md": 3, "broken.pdf": 0},
        "by_kind": {"currency": 2, "date": 1, "number": 1, "percent": 1, "rank": 1},
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
    assert text.startswith("<!-- factcheck:claims-report v1 -->\n")
    assert "| Document | Claims | Repairs | Errors |" in text
    assert "| report.md | 3 | 2 | 0 |" in text
    assert "| broken.pdf | 0 | 0 | 1 |" in text
    assert text.count("| Line | Subject | Metric | Value | Qualifier | Quote |") == 2
    assert text.count("<details>") == 2  # documents without claims get no table
    assert "<summary><strong>evil.md</strong>: 3 claims</summary>" in text
    assert (
        "| 10 | DeepSeek | training cost | $5.6M | exact | DeepSeek V3 cost <b>$5.6M</b> to train |" in text
    )
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
    csp = next(
        a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and csp.startswith("default-src 'none';")


def test_html_summary_chart_and_errors() -> None:
    html = render_html(sample_report())
    page = Page(html)
    assert html.count("<svg") == 1
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
    assert page.options["subject"] == ["", *sorted({c.subject for c in report.claims})]
    assert page.options["document"] == ["", "report.md", "evil.md"]
    assert page.options["kind"] == ["", "currency", "date", "number", "percent", "rank"]


def test_html_claims_table() -> None:
    html = render_html(sample_report())
    assert "DeepSeek V3 cost <mark>$5.6M</mark> to train" in html
    assert (
        '<span class="human">$5.6M</span> <span class="raw" title="as stored: value and unit">5600000 USD'
        in html
    )
    assert '<span class="human">2025-07</span>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ranked <mark>#1</mark> | on LMArena" in html


def test_html_without_claims() -> None:
    html = render_html(EMPTY)
    assert "No claims were found." in html and "<svg" not in html


@settings(max_examples=60, deadline=None)
@given(subject=st.text(st.characters(exclude_categories=("Cs", "Cc"))), text=st.text(max_size=40))
def test_html_rows_survive_any_text(subject: str, text: str) -> None:
    report = dataclasses.replace(EMPTY, claims=[claim(subject=subject, text=text + " $5.6M")])
    page = Page(render_html(report))
    assert [r["data-subject"] for r in page.rows()] == [subject]
    assert len(page.scripts) == 1


# --- every format -------------------------------------------------------------------------------


@pytest.mark.parametrize("render", [render_json, render_markdown, render_html])
def test_deterministic(render: Callable[[ReportInput], str]) -> None:
    assert render(sample_report()) == render(sample_report())


@pytest.mark.parametrize(
    ("name", "render"),
    [("claims.json", render_json), ("claims.md", render_markdown), ("claims.html", render_html)],
)
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
    assert json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))["summary"]["claims"] == 0
    assert len(list(tmp_path.iterdir())) == 3

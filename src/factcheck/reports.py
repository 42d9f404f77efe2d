"""Findings and claims → the audit report (JSON, Markdown, HTML) and machine formats (SARIF,
GitHub Actions annotations).

The audit report is rendered through `templates/`: findings first, then the claims they came
from. SARIF and the annotations are plain data and are built here without templates.

This is the only module that imports jinja2. Everything a template shows is computed here
first (rows, counts, chart geometry, display strings), so templates hold no logic beyond loops
and conditionals and never reach back into the models.

Document text is untrusted: a quote may contain `<script>` or `" onmouseover="`. The HTML
environment autoescapes every value, the Markdown cells go through `markdown_cell`, and no
document text is ever placed inside the page's JavaScript.

Layout of `templates/`: `report.html.j2` and `report.md.j2` are page shells that include one
partial per section (`_summary.html.j2`, `_findings.html.j2`, `_claims.html.j2`, ...). The
directory stays flat because the package data ships `templates/*` only.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import secrets
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import quote

import jinja2

from factcheck.models import (
    Claim,
    Decision,
    Document,
    DocumentError,
    ExtractionResult,
    Finding,
    FindingKind,
    Severity,
    Verification,
)
from factcheck.quantities import format_value

SCHEMA_NAME = "factcheck.audit-report"
SCHEMA_VERSION = 2
REPORT_FILES = ("audit.json", "audit.md", "audit.html")

_TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class DocumentSummary:
    """One document as the report lists it; `error` is the read failure reason, if any."""

    name: str
    path: str
    repairs: int = 0
    error: str | None = None

    @classmethod
    def from_document(cls, document: Document) -> DocumentSummary:
        return cls(name=document.name, path=document.path, repairs=document.repairs)


@dataclass(frozen=True)
class SourceSummary:
    """One cited source as the report lists it: its status, why, and who cites it where."""

    url: str
    status: str  # a SourceStatus value
    reason: str = ""
    cited_by: tuple[tuple[str, int], ...] = ()
    sha256: str = ""  # of the archived version the audit read, "" if none
    final_url: str = ""
    origin: str = ""  # fetched | replayed | manual


@dataclass(frozen=True)
class ReportInput:
    """Everything an audit report shows.

    Claim counts are derived from `claims` (grouped by `Claim.document`, which matches
    `DocumentSummary.name`), never passed separately, so the tables cannot disagree with the
    rows. `generated_at` (ISO 8601) and `tool_version` are passed in so that the same input
    renders to the same bytes.

    `findings` are the conflicts among the claims; a finding whose fingerprint is in `accepted`
    was accepted by a reviewer and is shown as such, after the open ones, with the reviewer's
    reason where `decisions` holds it. `stale_decisions` are decisions whose finding no longer
    exists, listed so that they can be removed.
    """

    claims: Sequence[Claim]
    documents: Sequence[DocumentSummary]
    errors: Sequence[DocumentError]
    generated_at: str
    tool_version: str
    findings: Sequence[Finding] = ()
    accepted: frozenset[str] = frozenset()
    stale_decisions: Sequence[Decision] = ()
    decisions: Sequence[Decision] = ()
    sources: Sequence[SourceSummary] = ()
    verifications: Sequence[Verification] = ()

    @classmethod
    def from_extraction(
        cls,
        result: ExtractionResult,
        *,
        generated_at: str,
        tool_version: str,
        findings: Sequence[Finding] = (),
        accepted: frozenset[str] = frozenset(),
        stale_decisions: Sequence[Decision] = (),
        decisions: Sequence[Decision] = (),
    ) -> ReportInput:
        """Report the documents, claims and read errors of one extraction run, with findings."""
        return cls(
            claims=result.claims,
            documents=tuple(DocumentSummary.from_document(d) for d in result.documents),
            errors=result.errors,
            generated_at=generated_at,
            tool_version=tool_version,
            findings=findings,
            accepted=accepted,
            stale_decisions=stale_decisions,
            decisions=decisions,
        )


# --- the shared view: what every format shows ---------------------------------------------------


@dataclass(frozen=True)
class _DocumentRow:
    name: str
    path: str
    claims: int
    repairs: int
    errors: int


@dataclass(frozen=True)
class _ClaimRow:
    id: str
    document: str
    line: int
    subject: str
    metric: str
    kind: str
    value: str  # for people: "$5.6M"
    raw: str  # as stored: "5600000 USD"
    qualifier: str
    before: str  # the quote is split around the figure so each part can be escaped alone
    figure: str
    after: str
    section: str
    anchor: str = ""  # the row's HTML id, "claim-<id>", made unique within the page

    @property
    def location(self) -> str:
        return f"{self.document}:{self.line}" if self.line else self.document  # no line: hand-written


@dataclass(frozen=True)
class _FindingRow:
    id: str
    fingerprint: str
    kind: str
    severity: str
    subject: str
    metric: str
    explanation: str
    status: str  # open | accepted
    claims: tuple[_ClaimRow, ...]
    decision: Decision | None = None  # the reviewer's, for an accepted finding

    @property
    def locations(self) -> tuple[str, ...]:
        return tuple(c.location for c in self.claims)

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.document for c in self.claims))


_SEVERITIES = tuple(Severity)  # high, medium, low: the order every summary lists them in


def ordered_findings(findings: Iterable[Finding], accepted: Collection[str]) -> list[Finding]:
    """Open findings before accepted ones, each group by severity (high first); otherwise in the
    order given, so the reports list findings in the same order every run."""
    return sorted(findings, key=lambda f: (f.fingerprint in accepted, -f.severity.rank))


def _all_errors(report: ReportInput) -> tuple[DocumentError, ...]:
    """`report.errors` plus any `DocumentSummary.error` not already listed for that path."""
    errors = list(report.errors)
    seen = {e.path for e in errors}
    errors += [DocumentError(d.path, d.error) for d in report.documents if d.error and d.path not in seen]
    return tuple(errors)


def _document_rows(report: ReportInput, errors: Sequence[DocumentError]) -> tuple[_DocumentRow, ...]:
    """One row per document, in input order; claims naming an unlisted document get a row too."""
    counts = Counter(c.document for c in report.claims)
    error_counts = Counter(e.path for e in errors)
    documents = list(report.documents)
    listed = {d.name for d in documents}
    for claim in report.claims:
        if claim.document not in listed:
            documents.append(DocumentSummary(name=claim.document, path=claim.document))
            listed.add(claim.document)
    return tuple(_DocumentRow(d.name, d.path, counts[d.name], d.repairs, error_counts[d.path]) for d in documents)


def _claim_anchors(claims: Iterable[Claim]) -> dict[tuple[str, str, int], str]:
    """An HTML id per claim, "claim-<id>", with a suffix where two claims share an id."""
    anchors: dict[tuple[str, str, int], str] = {}
    used: Counter[str] = Counter()
    for claim in claims:
        key = (claim.id, claim.document, claim.line)
        if key not in anchors:
            base = "claim-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in claim.id)
            used[base] += 1
            anchors[key] = base if used[base] == 1 else f"{base}-{used[base]}"
    return anchors


def _finding_row(
    finding: Finding,
    accepted: Collection[str],
    anchors: Mapping[tuple[str, str, int], str],
    decisions: Mapping[str, Decision],
) -> _FindingRow:
    is_accepted = finding.fingerprint in accepted
    return _FindingRow(
        id=finding.id,
        fingerprint=finding.fingerprint,
        kind=finding.kind.value,
        severity=finding.severity.value,
        subject=finding.subject,
        metric=finding.metric,
        explanation=finding.explanation,
        status="accepted" if is_accepted else "open",
        claims=tuple(
            dataclasses.replace(_claim_row(c), anchor=anchors.get((c.id, c.document, c.line), ""))
            for c in finding.claims
        ),
        decision=decisions.get(finding.fingerprint) if is_accepted else None,
    )


def _decisions_by_fingerprint(report: ReportInput) -> dict[str, Decision]:
    return {d.fingerprint: d for d in report.decisions}


def _findings_summary(rows: Sequence[_FindingRow]) -> dict[str, object]:
    """Totals, and open findings per kind, severity and document (a finding counts once for
    every document it involves)."""
    open_rows = [r for r in rows if r.status == "open"]
    by_document: Counter[str] = Counter(d for r in open_rows for d in r.documents)
    return {
        "total": len(rows),
        "open": len(open_rows),
        "accepted": len(rows) - len(open_rows),
        "by_kind": dict(sorted(Counter(r.kind for r in open_rows).items())),
        "by_severity": {s.value: sum(r.severity == s.value for r in open_rows) for s in _SEVERITIES},
        "by_document": dict(sorted(by_document.items())),
    }


def _claim_row(claim: Claim) -> _ClaimRow:
    q = claim.quantity
    before, figure, after = split_quote(claim.text, q.text)
    return _ClaimRow(
        id=claim.id,
        document=claim.document,
        line=claim.line,
        subject=claim.subject,
        metric=claim.metric,
        kind=q.kind,
        value=format_value(q),
        raw=f"{_raw(q.value)} {q.unit}".strip(),
        qualifier=_QUALIFIER_WORDS.get(q.qualifier.value, q.qualifier.value),
        before=before,
        figure=figure,
        after=after,
        section=claim.section,
    )


def split_quote(text: str, figure: str) -> tuple[str, str, str]:
    """Split `text` around the first occurrence of `figure` as (before, figure, after).

    When the figure does not occur in the text, the whole text comes back as `before`, so the
    quote is still shown, just without a highlight.
    """
    at = text.find(figure) if figure else -1
    if at < 0:
        return text, "", ""
    return text[:at], figure, text[at + len(figure) :]


# --- numbers for people -------------------------------------------------------------------------

_QUALIFIER_WORDS = {
    "exact": "exact",
    "approx": "approx.",
    "lower_bound": "at least",
    "upper_bound": "at most",
    "range": "range",
}


def _raw(value: float | str | None) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


# --- JSON ---------------------------------------------------------------------------------------


def report_record(report: ReportInput) -> dict[str, object]:
    """The JSON report as a dict; its shape is `data/audit-report.schema.json`, version 2.

    Findings come in report order (open before accepted, high severity first), each as
    `Finding.as_record()` plus its `status`.
    """
    errors = _all_errors(report)
    documents = _document_rows(report, errors)
    error_by_path = {e.path: e.reason for e in reversed(errors)}  # first reason wins
    findings = ordered_findings(report.findings, report.accepted)
    rows = [_finding_row(f, report.accepted, {}, _decisions_by_fingerprint(report)) for f in findings]
    return {
        "schema": SCHEMA_NAME,
        "version": SCHEMA_VERSION,
        "generated_at": report.generated_at,
        "tool_version": report.tool_version,
        "summary": {
            "documents": len(documents),
            "claims": len(report.claims),
            "errors": len(errors),
            "by_document": {d.name: d.claims for d in documents},
            "by_kind": dict(sorted(Counter(c.quantity.kind for c in report.claims).items())),
            "findings": _findings_summary(rows),
        },
        "findings": [
            {**f.as_record(), "status": r.status, **({"decision": _decision_record(r.decision)} if r.decision else {})}
            for f, r in zip(findings, rows, strict=True)
        ],
        "stale_decisions": [_decision_record(d) for d in report.stale_decisions],
        "documents": [
            {
                "name": d.name,
                "path": d.path,
                "claims": d.claims,
                "repairs": d.repairs,
                "error": error_by_path.get(d.path),
            }
            for d in documents
        ],
        "errors": [{"path": e.path, "reason": e.reason} for e in errors],
        "sources": [_source_record(source) for source in report.sources],
        "verdicts": [v.as_record() for v in ordered_verifications(report.verifications)],
        "claims": [c.as_record() for c in report.claims],
    }


def _source_record(source: SourceSummary) -> dict[str, object]:
    return {
        "url": source.url,
        "status": source.status,
        "reason": source.reason,
        "sha256": source.sha256 or None,
        "final_url": source.final_url or None,
        "origin": source.origin or None,
        "cited_by": [{"document": d, "line": line} for d, line in source.cited_by],
    }


def _decision_record(decision: Decision) -> dict[str, object]:
    return {
        "fingerprint": decision.fingerprint,
        "reason": decision.reason,
        "accepted_by": decision.accepted_by,
        "accepted_at": decision.accepted_at,
    }


def render_json(report: ReportInput) -> str:
    """The report as JSON (UTF-8 text, 2-space indent, trailing newline).

    Raises ValueError if a quantity holds NaN or infinity, which JSON cannot represent.
    """
    return json.dumps(report_record(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def load_schema() -> dict[str, object]:
    """The JSON Schema that `render_json` output satisfies."""
    text = (Path(__file__).parent / "data" / "audit-report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


# --- Markdown -----------------------------------------------------------------------------------

_MARKDOWN_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)


def markdown_cell(text: object) -> str:
    """Text that shows literally inside a GitHub table cell: markup and HTML are escaped, `|`
    cannot end the cell, and line breaks become `<br>` because a newline would end the row."""
    escaped = str(text).translate(_MARKDOWN_ESCAPES)
    return "<br>".join(escaped.splitlines()) if escaped else ""


def clip(before: str, after: str, width: int = 80) -> tuple[str, str]:
    """Keep at most `width` characters either side of a figure, so one long paragraph does not
    make a pull-request comment unreadable; the HTML report shows the full text."""
    if len(before) > width:
        before = "…" + before[-width:].lstrip()
    if len(after) > width:
        after = after[:width].rstrip() + "…"
    return before, after


def render_markdown(report: ReportInput) -> str:
    """The report as GitHub-flavoured Markdown for a pull-request comment.

    A summary table per document, the read errors, then one collapsible `<details>` table of
    claims per document. Starts with an HTML comment marker so a bot can find and update its
    earlier comment.
    """
    text = _environment(html=False).get_template("report.md.j2").render(_context(report))
    return text.rstrip("\n") + "\n"


# --- HTML ---------------------------------------------------------------------------------------

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
_KIND_COLOURS = {
    "currency": "#0072B2",
    "percent": "#E69F00",
    "number": "#009E73",
    "date": "#CC79A7",
    "rank": "#D55E00",
    "multiple": "#56B4E9",
    "ratio": "#F0E442",
    "count": "#7F7F7F",
    "part": "#332288",
}
_SPARE_COLOURS = ("#88CCEE", "#44AA99", "#999933", "#AA4499", "#882255", "#117733", "#DDCC77")


@dataclass(frozen=True)
class _Segment:
    kind: str
    count: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class _ChartRow:
    name: str
    label: str  # the name shortened to fit the label column; the full name is in a <title>
    y: float
    total: int
    total_x: float
    failed: bool
    segments: tuple[_Segment, ...]


@dataclass(frozen=True)
class _Tick:
    x: float
    label: str


@dataclass(frozen=True)
class _Chart:
    width: int
    height: int
    label_width: int
    plot_width: int
    top: int
    row_height: int
    bar_height: int
    rows: tuple[_ChartRow, ...]
    ticks: tuple[_Tick, ...]
    legend: tuple[tuple[str, str, float], ...]  # kind, colour, x
    legend_y: float


def _kind_colours(kinds: Iterable[str]) -> dict[str, str]:
    """Known kinds keep their colour in every report; others take spare colours in name order."""
    colours: dict[str, str] = {}
    spare = 0
    for kind in sorted(set(kinds)):
        if kind in _KIND_COLOURS:
            colours[kind] = _KIND_COLOURS[kind]
        else:
            colours[kind] = _SPARE_COLOURS[spare % len(_SPARE_COLOURS)]
            spare += 1
    return colours


def _tick_step(maximum: int) -> int:
    """A 1-2-5 step giving at most six gridlines up to `maximum`."""
    step, factors = 1, itertools.cycle((2, 2.5, 2))
    while maximum / step > 6:
        step = round(step * next(factors))
    return step


def _chart(report: ReportInput, documents: Sequence[_DocumentRow], failed: set[str]) -> _Chart:
    """Geometry of a horizontal bar per document, stacked by quantity kind, in SVG user units."""
    label_width, plot_width, row_height, bar_height, top = 230, 700, 28, 18, 28
    colours = _kind_colours(c.quantity.kind for c in report.claims)
    per_document: dict[str, Counter[str]] = {d.name: Counter() for d in documents}
    for claim in report.claims:
        per_document[claim.document][claim.quantity.kind] += 1
    maximum = max((d.claims for d in documents), default=0)
    step = _tick_step(max(maximum, 1))
    axis_max = max(step * -(-maximum // step), step)
    scale = plot_width / axis_max
    rows = []
    for i, d in enumerate(documents):
        x, segments = float(label_width), []
        for kind in colours:  # same stacking order in every bar, matching the legend
            count = per_document[d.name][kind]
            if count:
                segments.append(_Segment(kind, count, x, count * scale, colours[kind]))
                x += count * scale
        label = d.name if len(d.name) <= 32 else d.name[:31] + "…"
        y = top + i * row_height
        rows.append(_ChartRow(d.name, label, y, d.claims, x + 6, d.path in failed, tuple(segments)))
    ticks = tuple(_Tick(label_width + v * scale, str(v)) for v in range(0, axis_max + 1, step))
    legend_y = top + len(documents) * row_height + 22
    legend, x = [], float(label_width)
    for kind, colour in colours.items():
        legend.append((kind, colour, x))
        x += 30 + 6.8 * len(kind)
    width = max(label_width + plot_width + 50, int(x) + 10)
    return _Chart(
        width, int(legend_y) + 16, label_width, plot_width, top, row_height, bar_height,
        tuple(rows), ticks, tuple(legend), legend_y,
    )  # fmt: skip


_SEVERITY_COLOURS = {"high": "#D55E00", "medium": "#E69F00", "low": "#56B4E9"}  # Okabe–Ito as well


@dataclass(frozen=True)
class _GridCell:
    x: float
    y: float
    kind: str
    severity: str
    count: int
    colour: str
    opacity: float


@dataclass(frozen=True)
class _DocumentBar:
    name: str
    label: str
    y: float
    total: int
    total_x: float
    segments: tuple[_Segment, ...]  # `kind` holds the severity


@dataclass(frozen=True)
class _FindingsChart:
    """A kind × severity grid of open findings beside a bar of open findings per document."""

    width: int
    height: int
    top: int
    cell: int
    cell_height: int
    grid_x: int
    kinds: tuple[tuple[str, float, int], ...]  # kind, y, open findings of that kind
    columns: tuple[tuple[str, float], ...]  # severity, x of the column centre
    cells: tuple[_GridCell, ...]
    total_x: float
    docs_x: int
    docs_label_width: int
    bar_height: int
    bars: tuple[_DocumentBar, ...]
    more_documents: int
    legend: tuple[tuple[str, str, float], ...]  # severity, colour, x
    legend_y: float


def _findings_chart(rows: Sequence[_FindingRow], max_documents: int = 12) -> _FindingsChart:
    """Geometry of the findings picture in SVG user units; it counts open findings only."""
    top, cell, cell_height, grid_x = 36, 58, 26, 100
    open_rows = [r for r in rows if r.status == "open"]
    counts = Counter((r.kind, r.severity) for r in open_rows)
    peak = max(counts.values(), default=1)
    kinds = tuple((k.value, float(top + i * cell_height), sum(counts[k.value, s.value] for s in _SEVERITIES))
                  for i, k in enumerate(FindingKind))  # fmt: skip
    columns = tuple((s.value, grid_x + (i + 0.5) * cell) for i, s in enumerate(_SEVERITIES))
    cells = tuple(
        _GridCell(
            grid_x + j * cell, y, kind, severity, counts[kind, severity], _SEVERITY_COLOURS[severity],
            round(0.3 + 0.7 * counts[kind, severity] / peak, 2),
        )
        for kind, y, _ in kinds
        for j, (severity, _x) in enumerate(columns)
    )  # fmt: skip
    docs_x, label_width, plot_width, bar_height = 380, 150, 240, 16
    per_document: dict[str, Counter[str]] = {}
    for r in open_rows:
        for name in r.documents:
            per_document.setdefault(name, Counter())[r.severity] += 1
    ranked = sorted(per_document.items(), key=lambda item: (-item[1].total(), item[0]))
    widest = max((c.total() for _, c in ranked), default=1)
    scale = plot_width / widest
    bars = []
    for i, (name, by_severity) in enumerate(ranked[:max_documents]):
        y = top + i * cell_height
        x, segments = float(docs_x + label_width), []
        for severity in _SEVERITY_COLOURS:
            if by_severity[severity]:
                width = by_severity[severity] * scale
                segments.append(_Segment(severity, by_severity[severity], x, width, _SEVERITY_COLOURS[severity]))
                x += width
        label = name if len(name) <= 22 else name[:21] + "…"
        bars.append(_DocumentBar(name, label, y, by_severity.total(), x + 6, tuple(segments)))
    more = max(len(ranked) - max_documents, 0)
    bottom = top + max(len(kinds), len(bars) + (1 if more else 0)) * cell_height
    legend, x = [], float(grid_x)
    for severity, colour in _SEVERITY_COLOURS.items():
        legend.append((severity, colour, x))
        x += 34 + 7 * len(severity)
    return _FindingsChart(
        width=docs_x + label_width + plot_width + 40, height=bottom + 34, top=top, cell=cell,
        cell_height=cell_height, grid_x=grid_x, kinds=kinds, columns=columns, cells=cells,
        total_x=grid_x + len(columns) * cell + 10, docs_x=docs_x, docs_label_width=label_width,
        bar_height=bar_height, bars=tuple(bars), more_documents=more, legend=tuple(legend), legend_y=bottom + 20,
    )  # fmt: skip


def render_html(report: ReportInput) -> str:
    """The report as one self-contained HTML page.

    No network: CSS, the SVG chart and the filter script are inline, and a Content-Security-
    Policy meta tag forbids loading anything else. Every value from a document is escaped.
    """
    return _environment(html=True).get_template("report.html.j2").render(_context(report))


# --- rendering and writing ----------------------------------------------------------------------


MARKDOWN_FINDINGS_LIMIT = 50  # open findings listed in a pull-request comment; the rest are counted


def _context(report: ReportInput) -> dict[str, object]:
    errors = _all_errors(report)
    documents = _document_rows(report, errors)
    anchors = _claim_anchors(report.claims)
    rows = tuple(dataclasses.replace(_claim_row(c), anchor=anchors[c.id, c.document, c.line]) for c in report.claims)
    by_document: dict[str, list[_ClaimRow]] = {d.name: [] for d in documents}
    for row in rows:
        by_document[row.document].append(row)
    decisions = _decisions_by_fingerprint(report)
    findings = tuple(
        _finding_row(f, report.accepted, anchors, decisions) for f in ordered_findings(report.findings, report.accepted)
    )
    open_findings = tuple(f for f in findings if f.status == "open")
    return {
        "generated_at": report.generated_at,
        "tool_version": report.tool_version,
        "documents": documents,
        "errors": errors,
        "claims": rows,
        "by_document": by_document,
        "subjects": sorted({r.subject for r in rows}),
        "kinds": sorted({r.kind for r in rows}),
        "chart": _chart(report, documents, {e.path for e in errors}),
        "findings": findings,
        "open_findings": open_findings,
        "accepted_findings": tuple(f for f in findings if f.status == "accepted"),
        "findings_summary": _findings_summary(findings),
        "findings_limit": MARKDOWN_FINDINGS_LIMIT,
        "findings_chart": _findings_chart(findings),
        "finding_kinds": sorted({f.kind for f in findings}),
        "finding_severities": [s.value for s in _SEVERITIES if any(f.severity == s.value for f in findings)],
        "finding_subjects": sorted({f.subject for f in findings}),
        "finding_documents": sorted({d for f in findings for d in f.documents}),
        "stale_decisions": tuple(report.stale_decisions),
        "sources": tuple(sorted(report.sources, key=lambda s: (s.status not in _READ_STATUSES, s.status, s.url))),
        "sources_summary": dict(sorted(Counter(s.status for s in report.sources).items())),
        "verdicts": tuple(_verdict_row(v) for v in ordered_verifications(report.verifications)),
        "verdict_summary": {name: n for name in VERDICT_ORDER if (n := _verdict_count(report, name))},
        "verdict_chart": _verdict_chart(report.verifications),
        "verdict_documents": sorted({v.claim.document for v in report.verifications}),
        "verdict_by_document": tuple(
            (bar.document, {name: count for name, count, _x, _w in bar.segments})
            for bar in _verdict_chart(report.verifications).bars
        ),
    }


VERDICT_ORDER = ("contradicted", "supported", "not_found", "unreachable", "no_source")
VERDICT_COLOURS = {  # Okabe-Ito, as the findings chart: readable for colour-blind readers
    "contradicted": "#D55E00",
    "supported": "#009E73",
    "not_found": "#E69F00",
    "unreachable": "#999999",
    "no_source": "#CCCCCC",
}


def ordered_verifications(verifications: Iterable[Verification]) -> list[Verification]:
    """Contradicted claims first, then by verdict, document and line."""
    return sorted(verifications, key=lambda v: (VERDICT_ORDER.index(v.verdict.value), v.claim.document, v.claim.line))


def _verdict_count(report: ReportInput, name: str) -> int:
    return sum(1 for v in report.verifications if v.verdict.value == name)


@dataclass(frozen=True)
class _VerdictRow:
    verdict: str
    document: str
    line: int
    subject: str
    metric: str
    claimed: str
    quote: str
    source_says: str
    evidence: str
    location: str
    link: str
    sha256: str
    reason: str
    elsewhere: str


def _verdict_row(v: Verification) -> _VerdictRow:
    e = v.evidence
    elsewhere = ""
    if v.elsewhere is not None:
        x = v.elsewhere
        elsewhere = f"{format_value(x.claim.quantity)} is given for {x.claim.subject}, {x.claim.metric} ({x.location})"
    link = e.link if e and e.link.startswith(("http://", "https://")) else ""
    return _VerdictRow(
        verdict=v.verdict.value,
        document=v.claim.document,
        line=v.claim.line,
        subject=v.claim.subject,
        metric=v.claim.metric,
        claimed=format_value(v.claim.quantity),
        quote=v.claim.text,
        source_says=format_value(e.claim.quantity) if e else "",
        evidence=e.text if e else "",
        location=e.location if e else "",
        link=link,
        sha256=e.sha256 if e else "",
        reason=v.reason,
        elsewhere=elsewhere,
    )


@dataclass(frozen=True)
class _VerdictBar:
    document: str
    total: int
    segments: tuple[tuple[str, int, int, int], ...]  # verdict, count, x, width
    y: int


@dataclass(frozen=True)
class _VerdictChart:
    bars: tuple[_VerdictBar, ...]
    width: int
    height: int
    colours: Mapping[str, str]
    legend: tuple[tuple[str, int], ...]  # verdict, x


def _verdict_chart(verifications: Sequence[Verification], width: int = 520) -> _VerdictChart:
    """One bar per document, split by verdict, scaled to the document with the most claims."""
    counts: dict[str, Counter[str]] = {}
    for v in verifications:
        counts.setdefault(v.claim.document, Counter())[v.verdict.value] += 1
    most = max((sum(c.values()) for c in counts.values()), default=1)
    label, bar_width, row = 210, width - 210 - 40, 24
    bars = []
    for i, (document, count) in enumerate(sorted(counts.items())):
        x, segments = label, []
        for name in VERDICT_ORDER:
            if count[name]:
                w = max(1, round(bar_width * count[name] / most))
                segments.append((name, count[name], x, w))
                x += w
        bars.append(_VerdictBar(document, sum(count.values()), tuple(segments), 8 + i * row))
    legend, x = [], label
    for name in VERDICT_ORDER:
        legend.append((name, x))
        x += 18 + 7 * len(name.replace("_", " ")) + 14
    height = 8 + len(bars) * row + 30
    return _VerdictChart(tuple(bars), width, height, VERDICT_COLOURS, tuple(legend))


_READ_STATUSES = ("archived", "unchanged")


@cache
def _environment(*, html: bool) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_cell
    environment.globals["clip"] = clip
    environment.filters["number"] = lambda v: f"{v:,}"
    environment.filters["svgnum"] = lambda v: f"{v:.1f}".removesuffix(".0")
    return environment


def write_reports(out_dir: Path, report: ReportInput) -> list[Path]:
    """Write audit.json, audit.md and audit.html into `out_dir`, creating it if needed.

    All three are rendered before any is written, and each is written to a temporary file in
    `out_dir` then renamed over the target, so a reader never sees a half-written report.
    Returns the paths in the order of `REPORT_FILES`; OSError propagates.
    """
    rendered = (render_json(report), render_markdown(report), render_html(report))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in zip(REPORT_FILES, rendered, strict=True):
        target = out_dir / name
        _write_atomically(target, text)
        paths.append(target)
    return paths


def _write_atomically(target: Path, text: str) -> None:
    # A temporary name in the same directory keeps os.replace atomic (same file system); "x"
    # mode refuses to follow a planted file, and the umask sets the permissions as for any file.
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# --- machine formats: SARIF and GitHub Actions annotations --------------------------------------

# Rule ids are part of the output contract (code-scanning alerts and suppressions refer to them):
# a kind keeps its id forever and a new kind takes the next free number.
RULES: Mapping[FindingKind, tuple[str, str, str]] = {
    FindingKind.VALUE: ("FC001", "ValueConflict", "Claims give one subject and metric incompatible values."),
    FindingKind.ATTRIBUTION: ("FC002", "AttributionConflict", "One distinctive figure is given to different subjects."),
    FindingKind.DATE: ("FC003", "DateConflict", "Claims give one event different dates."),
    FindingKind.RANKING: ("FC004", "RankingConflict", "Rank statements that cannot all hold."),
    FindingKind.ARITHMETIC: ("FC005", "ArithmeticConflict", "A share, ratio or total does not follow from its parts."),
    FindingKind.CATEGORICAL: ("FC006", "CategoricalConflict", "A stated category (licence, architecture) disagrees."),
    FindingKind.CITATION: ("FC007", "CitationProblem", "A reference or citation cannot be followed as written."),
}
_SARIF_LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
_GITHUB_COMMANDS = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice"}
INFORMATION_URI = "https://github.com/factcheck/factcheck"
ACCEPTED_WITHOUT_REASON = "accepted by a reviewer in claims/decisions.yaml"


def _installed_version() -> str:
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def _artifact_uri(document: str, paths: Mapping[str, str]) -> str:
    """A URI reference for a document: its path relative to the repository, '/'-separated and
    percent-encoded; a `file:` URI when only an absolute path is known."""
    path = paths.get(document, document)
    if PureWindowsPath(path).is_absolute() and not PurePosixPath(path).is_absolute():
        return PureWindowsPath(path).as_uri()
    if PurePosixPath(path).is_absolute():
        return PurePosixPath(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/")


def render_sarif(
    findings: Sequence[Finding],
    accepted: Mapping[str, str] | Collection[str] = frozenset(),
    *,
    paths: Mapping[str, str] | None = None,
    tool_version: str | None = None,
) -> str:
    """The findings as a SARIF 2.1.0 log (JSON text with a trailing newline), for code scanning.

    One rule per finding kind with a stable id (`RULES`); one result per finding, located at
    its first claim, with the other claims as related locations and the fingerprint as
    `partialFingerprints["factcheck/v1"]`. `accepted` maps fingerprints of accepted findings
    to the reviewer's reason (a plain set of fingerprints gives a generic reason); those
    results carry an external, accepted suppression. `paths` maps document names to paths
    relative to the repository root; unknown names are used as paths. `tool_version` defaults
    to the installed version.
    """
    paths = paths or {}
    kinds = list(RULES)
    rules = [
        {
            "id": rule_id,
            "name": name,
            "shortDescription": {"text": description},
            "fullDescription": {"text": f"{description} (finding kind: {kind.value})"},
            "defaultConfiguration": {"level": "warning"},
            "properties": {"tags": ["factcheck", kind.value]},
        }
        for kind, (rule_id, name, description) in RULES.items()
    ]
    results = []
    for finding in ordered_findings(findings, accepted):
        locations = [_sarif_location(c, i, paths) for i, c in enumerate(finding.claims)]
        result: dict[str, object] = {
            "ruleId": RULES[finding.kind][0],
            "ruleIndex": kinds.index(finding.kind),
            "level": _SARIF_LEVELS[finding.severity],
            "message": {"text": finding.explanation},
            "locations": locations[:1],
            "partialFingerprints": {"factcheck/v1": finding.fingerprint},
            "properties": {
                "kind": finding.kind.value,
                "severity": finding.severity.value,
                "subject": finding.subject,
                "metric": finding.metric,
            },
        }
        if len(locations) > 1:
            result["relatedLocations"] = locations[1:]
        if finding.fingerprint in accepted:
            reason = accepted[finding.fingerprint] if isinstance(accepted, Mapping) else ""
            result["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": reason or ACCEPTED_WITHOUT_REASON}
            ]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": tool_version or _installed_version(),
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_location(claim: Claim, index: int, paths: Mapping[str, str]) -> dict[str, object]:
    return {
        "id": index,
        "physicalLocation": {
            "artifactLocation": {"uri": _artifact_uri(claim.document, paths)},
            "region": {"startLine": max(claim.line, 1), "snippet": {"text": claim.text}},
        },
        "message": {"text": f"{claim.subject}, {claim.metric}: {format_value(claim.quantity)}"},
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(
    findings: Sequence[Finding],
    accepted: Collection[str] = frozenset(),
    limit: int = 10,
    *,
    paths: Mapping[str, str] | None = None,
) -> str:
    """Open findings as GitHub Actions workflow commands, one line each, most severe first.

    `::error` for high, `::warning` for medium, `::notice` for low severity, at the first
    claim's file and line, titled by kind; the message is the explanation and the other
    claims' locations. At most `limit` annotations are written (GitHub shows only ten per
    level per step), then one `::notice::` counts the open findings left out. Accepted
    findings are not annotated. Property and message values are escaped as the runner expects
    (%, CR, LF; and `:` `,` in properties). Empty when there is nothing to annotate.
    """
    paths = paths or {}
    open_findings = [f for f in ordered_findings(findings, accepted) if f.fingerprint not in accepted]
    lines = []
    for finding in open_findings[: max(limit, 0)]:
        first, *others = finding.claims
        properties = {
            "file": paths.get(first.document, first.document),
            "line": str(max(first.line, 1)),
            "title": f"factcheck {finding.kind.value} conflict ({RULES[finding.kind][0]})",
        }
        message = finding.explanation
        if others:
            message += "\nAlso at: " + ", ".join(f"{paths.get(c.document, c.document)}:{c.line}" for c in others)
        joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        lines.append(f"::{_GITHUB_COMMANDS[finding.severity]} {joined}::{_escape_data(message)}")
    left_out = len(open_findings) - len(lines)
    if left_out:
        lines.append(
            f"::notice::factcheck: {left_out} more open finding{'' if left_out == 1 else 's'} not annotated "
            f"(limit {max(limit, 0)}); see the audit report for all {len(open_findings)}"
        )
    return "".join(line + "\n" for line in lines)

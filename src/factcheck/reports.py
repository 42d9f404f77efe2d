"""Claims → JSON, Markdown and HTML reports, rendered through `templates/`.

This is the only module that imports jinja2. Everything a template shows is computed here
first (rows, counts, chart geometry, display strings), so templates hold no logic beyond loops
and conditionals and never reach back into the models.

Document text is untrusted: a quote may contain `<script>` or `" onmouseover="`. The HTML
environment autoescapes every value, the Markdown cells go through `markdown_cell`, and no
document text is ever placed inside the page's JavaScript.

Layout of `templates/`: `report.html.j2` and `report.md.j2` are page shells that include one
partial per section (`_summary.html.j2`, `_claims.html.j2`, ...). A later section, such as
findings, is one more partial and one more include. The directory stays flat because the
package data ships `templates/*` only.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from factcheck.models import Claim, Document, DocumentError, ExtractionResult, Quantity

SCHEMA_NAME = "factcheck.claims-report"
SCHEMA_VERSION = 1
REPORT_FILES = ("claims.json", "claims.md", "claims.html")

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
class ReportInput:
    """Everything a claims report shows.

    Claim counts are derived from `claims` (grouped by `Claim.document`, which matches
    `DocumentSummary.name`), never passed separately, so the tables cannot disagree with the
    rows. `generated_at` (ISO 8601) and `tool_version` are passed in so that the same input
    renders to the same bytes.
    """

    claims: Sequence[Claim]
    documents: Sequence[DocumentSummary]
    errors: Sequence[DocumentError]
    generated_at: str
    tool_version: str

    @classmethod
    def from_extraction(
        cls, result: ExtractionResult, *, generated_at: str, tool_version: str
    ) -> ReportInput:
        """Report the documents, claims and read errors of one extraction run."""
        return cls(
            claims=result.claims,
            documents=tuple(DocumentSummary.from_document(d) for d in result.documents),
            errors=result.errors,
            generated_at=generated_at,
            tool_version=tool_version,
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
    return tuple(
        _DocumentRow(d.name, d.path, counts[d.name], d.repairs, error_counts[d.path]) for d in documents
    )


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

_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))
_QUALIFIER_WORDS = {
    "exact": "exact",
    "approx": "approx.",
    "lower_bound": "at least",
    "upper_bound": "at most",
    "range": "range",
}


def format_number(value: float) -> str:
    """A figure as a reader would write it: 5.6e6 → "5.6M", 1509.0 → "1,509", 97.30 → "97.3"."""
    magnitude = abs(value)
    for size, suffix in _SCALES:
        if magnitude >= size:
            return f"{value / size:.4g}{suffix}"
    if value == int(value):
        return f"{int(value):,}"
    if magnitude < 1:
        return f"{value:.4g}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(quantity: Quantity) -> str:
    """The quantity for display: "$5.6M", "97.3%", "#1", "3×", "235B parameters", "2025-07".

    Ranges show both ends ("$5M–$6M") because `value` is only their midpoint. Text values
    (dates, unparsed figures) are shown as stored.
    """
    if quantity.low is not None and quantity.high is not None:
        return f"{_format_one(quantity.low, quantity)}–{_format_one(quantity.high, quantity)}"
    return _format_one(quantity.value, quantity)


def _format_one(value: float | str, q: Quantity) -> str:
    if isinstance(value, str):
        return value
    number = format_number(value)
    if q.kind == "currency" and q.unit in _CURRENCY_SYMBOLS:
        return f"{'-' if value < 0 else ''}{_CURRENCY_SYMBOLS[q.unit]}{number.lstrip('-')}"
    if q.unit == "percent":
        return f"{number}%"
    if q.kind == "multiple" or q.unit == "times":
        return f"{number}×"
    if q.kind == "rank" or q.unit == "rank":
        return f"#{number}"
    unit = q.unit_text or q.unit
    return f"{number} {unit}" if unit else number


def _raw(value: float | str | None) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


# --- JSON ---------------------------------------------------------------------------------------


def report_record(report: ReportInput) -> dict[str, object]:
    """The JSON report as a dict; its shape is `data/claims-report.schema.json`, version 1."""
    errors = _all_errors(report)
    documents = _document_rows(report, errors)
    error_by_path = {e.path: e.reason for e in reversed(errors)}  # first reason wins
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
        },
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
        "claims": [c.as_record() for c in report.claims],
    }


def render_json(report: ReportInput) -> str:
    """The report as JSON (UTF-8 text, 2-space indent, trailing newline).

    Raises ValueError if a quantity holds NaN or infinity, which JSON cannot represent.
    """
    return json.dumps(report_record(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def load_schema() -> dict[str, object]:
    """The JSON Schema that `render_json` output satisfies."""
    text = (Path(__file__).parent / "data" / "claims-report.schema.json").read_text(encoding="utf-8")
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


def render_html(report: ReportInput) -> str:
    """The report as one self-contained HTML page.

    No network: CSS, the SVG chart and the filter script are inline, and a Content-Security-
    Policy meta tag forbids loading anything else. Every value from a document is escaped.
    """
    return _environment(html=True).get_template("report.html.j2").render(_context(report))


# --- rendering and writing ----------------------------------------------------------------------


def _context(report: ReportInput) -> dict[str, object]:
    errors = _all_errors(report)
    documents = _document_rows(report, errors)
    rows = tuple(_claim_row(c) for c in report.claims)
    by_document: dict[str, list[_ClaimRow]] = {d.name: [] for d in documents}
    for row in rows:
        by_document[row.document].append(row)
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
    }


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
    """Write claims.json, claims.md and claims.html into `out_dir`, creating it if needed.

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

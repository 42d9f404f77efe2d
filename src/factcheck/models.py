"""Frozen value types passed between the pipeline stages.

Stages talk through these types only: documents.py makes `Document`, quantities.py makes
`Quantity`, claims/ makes `Claim`, store.py persists them. None of them knows about the
database, the network or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# The subject of a figure no name in or above it claims: the document speaks for itself.
DOCUMENT_SUBJECT = "(this document)"


class Qualifier(StrEnum):
    """How a stated figure relates to the true one."""

    EXACT = "exact"
    APPROX = "approx"  # ~, about, nearly, est.
    LOWER_BOUND = "lower_bound"  # 100,000+, over, at least
    UPPER_BOUND = "upper_bound"  # up to, under, at most
    RANGE = "range"  # 0.5B to 235B, $5-6M


@dataclass(frozen=True)
class Quantity:
    """One number as stated in text, kept losslessly.

    `value` is in base units (5.6e6 for "$5.6M", 97.3 for "97.3%"); dates are ISO strings at
    their stated precision ("2025", "2025-07", "2025-Q3", "2025-07-15"). For a range, `value`
    is the midpoint (or the low date) and `low`/`high` hold the ends; for bounds the stated
    figure is `value` and the open end is None. `precision` is the place value of the last
    stated digit in base units (1e5 for "$5.6M"), so that comparisons can allow for rounding.
    `start`/`end` index the text the quantity was parsed from.
    """

    value: float | str
    unit: str  # canonical unit: "USD", "percent", "parameters", "tokens", "times", "rank", "date", "" ...
    qualifier: Qualifier
    text: str
    start: int
    end: int
    low: float | str | None = None
    high: float | str | None = None
    scale: float = 1.0  # the stated multiplier: 1e6 for "M"/"million"
    precision: float = 1.0
    unit_text: str = ""  # the unit words as written ("H800 GPU hours", "languages")
    kind: str = "number"  # number, currency, percent, multiple, ratio, rank, date, part, count

    @property
    def is_date(self) -> bool:
        return self.unit == "date"


@dataclass(frozen=True)
class Block:
    """A unit of document structure that numbers take their meaning from.

    `kind` is one of heading, paragraph, bullet, numbered, table_row, label (a `**Key:** value`
    line). `section` is the heading path above the block, outermost first. Table rows carry
    their cells and the header cells of their table; `row_index` counts body rows from 0.
    `cell_columns[i]` is the character offset of cell i within `text`. `wrapped` says the line
    goes on with the paragraph or list item of the line before (hard-wrapped text): a sentence may
    begin on one line and state its figure on the next.
    """

    kind: str
    line: int  # 1-based line in the original file
    text: str  # the line as shown to readers (repaired, markup kept)
    section: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    cell_offsets: tuple[int, ...] = ()
    list_title: str = ""  # for numbered items: the heading or lead-in line of the list
    number: int | None = None  # for numbered items: the list marker
    page: int | None = None  # for PDFs
    wrapped: bool = False


@dataclass(frozen=True)
class Document:
    """A read document: repaired text, its lines as in the original file, and its structure."""

    path: str
    name: str  # file name, the stable key of a document in the store and in claims/
    media_type: str
    sha256: str  # of the original bytes
    lines: tuple[str, ...]  # repaired text, one entry per original line
    blocks: tuple[Block, ...]
    repairs: int = 0  # how many lines needed mojibake repair

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Claim:
    """A numeric statement about a subject, with where it stands.

    `id` is stable across unrelated edits of the document: it derives from the subject, metric,
    quote and the occurrence count of that triple, never from the line number.
    """

    id: str
    document: str
    line: int
    subject: str
    metric: str
    quantity: Quantity
    text: str  # the quote: the clause or cell the figure stands in
    section: str = ""
    page: int | None = None
    origin: str = "extracted"  # extracted | manual

    @property
    def value(self) -> float | str:
        return self.quantity.value

    @property
    def location(self) -> str:
        """ "report.md:12"; a hand-written claim with no line (0) is its file's alone."""
        return f"{self.document}:{self.line}" if self.line else self.document

    def as_record(self) -> dict[str, object]:
        """The flat, JSON-ready form used by `factcheck claims --format json` and claim files."""
        q = self.quantity
        return {
            "id": self.id,
            "document": self.document,
            "line": self.line,
            "subject": self.subject,
            "metric": self.metric,
            "value": q.value,
            "unit": q.unit,
            "qualifier": q.qualifier.value,
            "low": q.low,
            "high": q.high,
            "text": self.text,
            "quote": q.text,
            "section": self.section,
            "kind": q.kind,
            "precision": q.precision,
            **({"page": self.page} if self.page is not None else {}),
            **({"origin": self.origin} if self.origin != "extracted" else {}),
        }


@dataclass(frozen=True)
class DocumentError:
    """A document that could not be read, with the reason in one line."""

    path: str
    reason: str


@dataclass(frozen=True)
class ExtractionResult:
    """What one `extract` run produced: documents read, claims per document, and failures."""

    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    errors: tuple[DocumentError, ...] = ()
    unchanged: tuple[str, ...] = field(default=())


class FindingKind(StrEnum):
    """What kind of disagreement a finding is."""

    VALUE = "value"  # one subject and metric, incompatible values
    ATTRIBUTION = "attribution"  # one distinctive figure given to different subjects
    DATE = "date"  # one event, two dates
    RANKING = "ranking"  # rank statements that cannot all hold
    ARITHMETIC = "arithmetic"  # a share, ratio or total that does not follow from its parts
    CATEGORICAL = "categorical"  # a stated category (licence, architecture) that disagrees
    CITATION = "citation"  # a reference list or in-text citation that cannot be followed as written


class Severity(StrEnum):
    """How much a reader would be misled: high, medium, or low (compatible bounds, rounding)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 3, "medium": 2, "low": 1}[self.value]


@dataclass(frozen=True)
class Finding:
    """A disagreement among claims, with every claim involved.

    `fingerprint` identifies the finding across runs: it derives from the kind, subject, metric
    and the claims' ids (which do not change when unrelated lines move), never from line numbers.
    """

    kind: FindingKind
    severity: Severity
    subject: str
    metric: str
    explanation: str  # one sentence a reviewer can act on
    claims: tuple[Claim, ...]
    fingerprint: str

    @property
    def id(self) -> str:
        return self.fingerprint[:12]

    def as_record(self) -> dict[str, object]:
        """The JSON form used by `factcheck conflicts --format json` and the reports."""
        return {
            "id": self.id,
            "fingerprint": self.fingerprint,
            "kind": self.kind.value,
            "severity": self.severity.value,
            "subject": self.subject,
            "metric": self.metric,
            "explanation": self.explanation,
            "claims": [
                {
                    "id": c.id,
                    "document": c.document,
                    "line": c.line,
                    "subject": c.subject,
                    "metric": c.metric,
                    "value": c.quantity.value,
                    "unit": c.quantity.unit,
                    "qualifier": c.quantity.qualifier.value,
                    "quote": c.quantity.text,
                    "text": c.text,
                }
                for c in self.claims
            ],
        }


@dataclass(frozen=True)
class Reference:
    """One entry of a document's reference list or resources section.

    `key` is the author-date key readers cite it by ("Lambert, 2025a"), `label` the name a
    resources list gives it ("DeepSeek" in `- DeepSeek: https://...`) or its title; `dates` are
    the ISO dates the entry states (published, accessed), in order.
    """

    document: str
    line: int
    text: str  # the entry as written
    url: str  # "" when the entry gives none
    key: str = ""
    label: str = ""
    number: int | None = None  # the list number in a numbered reference list
    dates: tuple[str, ...] = ()
    section: str = ""  # heading path, " > "-joined


@dataclass(frozen=True)
class Citation:
    """A place in a document's text that points at a source: a link, an arXiv id, or an
    in-text author-date citation resolved (where it can be) to reference entries."""

    document: str
    line: int
    text: str  # as written: a URL, "[text](url)", "(Lambert, 2025a)", "arXiv:2412.19437"
    kind: str  # link | author_date | arxiv
    url: str  # what it points at; "" when unresolved
    key: str = ""  # author-date key for author_date citations
    references: tuple[int, ...] = ()  # lines of the reference entries it resolves to


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision to accept a finding, kept in claims/decisions.yaml."""

    fingerprint: str
    reason: str
    accepted_by: str = ""
    accepted_at: str = ""  # ISO date


class SourceStatus(StrEnum):
    """How fetching one source ended. Forbidden and rate-limited are "unreachable for now", not
    dead: a later run may succeed."""

    ARCHIVED = "archived"  # a new version was stored
    UNCHANGED = "unchanged"  # the server or the bytes say it is the version already stored
    NOT_FOUND = "not_found"  # 404 / 410
    FORBIDDEN = "forbidden"  # 401 / 403, robots.txt disallows it, or a private address refused
    RATE_LIMITED = "rate_limited"  # 429 after the retries the Retry-After allows
    UNREACHABLE = "unreachable"  # DNS, connection, timeout, 5xx after retries, redirect loop; offline miss
    TOO_LARGE = "too_large"  # body over the size limit
    UNSUPPORTED = "unsupported"  # not http(s), or a media type factcheck cannot read

    @property
    def readable(self) -> bool:
        return self in (SourceStatus.ARCHIVED, SourceStatus.UNCHANGED)


@dataclass(frozen=True)
class Snapshot:
    """What fetching one source gave: its status, and for a response worth keeping, the bytes and
    their provenance. `url` is the address as cited; `fetch_url` the readable form requested (a
    repository's README, an arXiv paper's PDF); `final_url` where redirects ended."""

    url: str
    status: SourceStatus
    reason: str = ""  # one line: why, for every status but archived
    fetch_url: str = ""
    final_url: str = ""
    http_status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    fetched_at: str = ""  # ISO 8601, UTC
    sha256: str = ""
    media_type: str = ""
    body: bytes = field(default=b"", repr=False)
    origin: str = "fetched"  # fetched | replayed (from cassettes) | manual (added by hand)

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")


class Verdict(StrEnum):
    """What the sources say about a claim."""

    SUPPORTED = "supported"  # a source states the same figure for the same subject and metric
    CONTRADICTED = "contradicted"  # a source states a different figure for them
    NOT_FOUND = "not_found"  # the sources were read and say nothing about it
    UNREACHABLE = "unreachable"  # its sources could not be fetched or replayed
    NO_SOURCE = "no_source"  # nothing is cited or registered for it


@dataclass(frozen=True)
class Evidence:
    """Where a source states the figure a verdict rests on."""

    source: str  # URL as cited or registered
    sha256: str  # of the archived version read
    text: str  # the sentence or table cell, as the source gives it
    location: str  # "README.md:94", "DeepSeek_V3.pdf:176 (page 5)", with row and column for tables
    link: str  # the URL with a text fragment (#:~:text=) where the source is a web page
    claim: Claim  # the source's claim

    def as_record(self) -> dict[str, object]:
        q = self.claim.quantity
        return {
            "text": self.text,
            "location": self.location,
            "source": self.source,
            "sha256": self.sha256,
            "link": self.link,
            "subject": self.claim.subject,
            "metric": self.claim.metric,
            "value": q.value,
            "quote": q.text,
        }


@dataclass(frozen=True)
class Verification:
    """One claim's verdict, with the evidence for it and, where the figure turns up under another
    subject or metric in the sources, a note saying so."""

    claim: Claim
    verdict: Verdict
    sources: tuple[str, ...] = ()
    evidence: Evidence | None = None
    reason: str = ""
    elsewhere: Evidence | None = None  # the same figure, given for another subject or metric

    def as_record(self) -> dict[str, object]:
        q = self.claim.quantity
        return {
            "claim": {
                "id": self.claim.id,
                "document": self.claim.document,
                "line": self.claim.line,
                "subject": self.claim.subject,
                "metric": self.claim.metric,
                "value": q.value,
                "unit": q.unit,
                "qualifier": q.qualifier.value,
                "low": q.low,
                "high": q.high,
                "quote": q.text,
                "text": self.claim.text,
            },
            "verdict": self.verdict.value,
            "source": self.evidence.source if self.evidence else (self.sources[0] if self.sources else None),
            "sources": list(self.sources),
            "evidence": self.evidence.as_record() if self.evidence else None,
            "reason": self.reason,
            "elsewhere": self.elsewhere.as_record() if self.elsewhere else None,
        }

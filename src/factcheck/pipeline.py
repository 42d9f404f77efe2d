"""Runs the stages in order: read documents, extract claims, store them, write claim files and reports.

Resumable and incremental: a document whose bytes have not changed since it was last stored
keeps its stored claims, and each document is stored in its own transaction, so one bad file
never costs the others their work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factcheck import __version__
from factcheck.claimfiles import Problem, check_claim_files, claim_file_paths, load_claim_file, write_claim_file
from factcheck.claims import extract_claims
from factcheck.config import Settings
from factcheck.conflicts import find_conflicts
from factcheck.decisions import check_decisions_in, load_decisions, split_findings
from factcheck.documents import SUPPORTED_SUFFIXES, read_document
from factcheck.errors import InputError
from factcheck.models import Claim, Decision, Document, DocumentError, ExtractionResult, Finding, Severity
from factcheck.reports import DocumentSummary, ReportInput, write_reports
from factcheck.store import Store
from factcheck.vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "AuditResult",
    "CheckResult",
    "Review",
    "check_claims",
    "collect_paths",
    "extract_paths",
    "find_claims",
    "review_conflicts",
    "run_audit",
]

Progress = Callable[[str, int], None]  # (document being read, how many there are in all)


def collect_paths(paths: Iterable[Path]) -> tuple[list[Path], list[DocumentError]]:
    """Files to read: each file given, and the supported files inside each folder (recursively)."""
    files: list[Path] = []
    errors: list[DocumentError] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                errors.append(DocumentError(str(path), "folder holds no .md, .txt, .html or .pdf files"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(DocumentError(str(path), "no such file or folder"))
    return _unique_names(list(dict.fromkeys(files)), errors), errors


def _unique_names(files: list[Path], errors: list[DocumentError]) -> list[Path]:
    """Documents are keyed by file name; a second file with a name already taken is refused
    rather than silently replacing the first one's claims."""
    seen: dict[str, Path] = {}
    kept: list[Path] = []
    for path in files:
        if path.name in seen:
            errors.append(
                DocumentError(
                    str(path),
                    f"same file name as {seen[path.name]}; documents are keyed by file name, so rename one of them",
                )
            )
            continue
        seen[path.name] = path
        kept.append(path)
    return kept


def extract_paths(
    paths: Sequence[Path],
    settings: Settings,
    store: Store,
    *,
    vocabulary: Vocabulary | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> ExtractionResult:
    """Read, extract and store every document under `paths`; unreadable ones become DocumentErrors.

    A document whose sha256 matches the stored one is not extracted again unless `force`.
    Claim files are written to `settings.claims_dir` when `settings.write_claim_files`.
    """
    vocabulary = vocabulary or load_vocabulary(settings.vocabulary)
    files, errors = collect_paths(paths)
    documents: list[Document] = []
    claims: list[Claim] = []
    unchanged: list[str] = []
    for path in files:
        if progress:
            progress(path.name, len(files))
        try:
            document = read_document(path, max_bytes=settings.max_document_bytes)
        except InputError as exc:
            errors.append(DocumentError(str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        documents.append(document)
        if not force and store.document_sha256(document.name) == document.sha256:
            unchanged.append(document.name)
            claims.extend(store.claims(document=document.name))
            continue
        found = extract_claims(document, vocabulary)
        store.replace_document(document, found)
        if settings.write_claim_files:
            write_claim_file(settings.claims_dir, document.name, found)
        claims.extend(found)
    return ExtractionResult(
        documents=tuple(documents), claims=tuple(claims), errors=tuple(errors), unchanged=tuple(unchanged)
    )


def find_claims(
    settings: Settings,
    store: Store,
    *,
    subject: str | None = None,
    metric: str | None = None,
    document: str | None = None,
    categories: bool = False,
) -> list[Claim]:
    """Stored claims, with subject and metric given in any spelling the vocabulary knows
    ("DeepSeek V3" finds DeepSeek-V3's claims, "MATH 500" finds MATH-500). Numeric claims only,
    unless `categories`: categorical claims (licences) exist to be cross-checked, not counted."""
    vocabulary = load_vocabulary(settings.vocabulary)
    if subject:
        subject = vocabulary.subject(subject) or subject
    if metric:
        metric = vocabulary.metric(metric) or metric
    found = store.claims(subject=subject, metric=metric, document=document)
    return found if categories else [c for c in found if c.quantity.kind != "category"]


@dataclass(frozen=True)
class Review:
    """Findings split by the reviewers' decisions in claims/decisions.yaml."""

    open: tuple[Finding, ...]
    accepted: tuple[Finding, ...]
    stale: tuple[Decision, ...]
    decisions: tuple[Decision, ...]

    def failing(self, fail_on: str) -> tuple[Finding, ...]:
        """Open findings at or above `fail_on` (high, medium, low; never: none fail)."""
        if fail_on == "never":
            return ()
        floor = Severity(fail_on).rank
        return tuple(f for f in self.open if f.severity.rank >= floor)


def review_conflicts(claims: Sequence[Claim], settings: Settings) -> Review:
    """Every conflict among `claims`, with the decisions already taken on them applied."""
    findings = find_conflicts(claims, load_vocabulary(settings.vocabulary))
    decisions = load_decisions(settings.claims_dir)
    open_, accepted, stale = split_findings(findings, decisions)
    return Review(tuple(open_), tuple(accepted), tuple(stale), tuple(decisions))


@dataclass(frozen=True)
class AuditResult:
    """What `factcheck audit` found and wrote, and the exit code it implies."""

    extraction: ExtractionResult
    reports: tuple[Path, ...]
    review: Review
    fail_on: str = "high"

    @property
    def exit_code(self) -> int:
        """Linter convention: 2 when input could not be read, 1 for unaccepted findings at or above
        the --fail-on severity, 0 when clean."""
        if self.extraction.errors:
            return 2
        return 1 if self.review.failing(self.fail_on) else 0


def run_audit(
    paths: Sequence[Path],
    settings: Settings,
    store: Store,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> AuditResult:
    """Extract every document and write the audit reports into `settings.reports_dir`."""
    extraction = extract_paths(paths, settings, store, progress=progress)
    review = review_conflicts(extraction.claims, settings)
    if not extraction.documents:  # nothing readable: keep the last good reports rather than blank them
        return AuditResult(extraction=extraction, reports=(), review=review, fail_on=settings.fail_on)
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    report = ReportInput(
        claims=extraction.claims,
        documents=tuple(DocumentSummary.from_document(d) for d in extraction.documents),
        errors=extraction.errors,
        generated_at=stamp,
        tool_version=__version__,
        findings=(*review.open, *review.accepted),
        accepted=frozenset(f.fingerprint for f in review.accepted),
        stale_decisions=review.stale,
    )
    written = write_reports(settings.reports_dir, report)
    return AuditResult(extraction=extraction, reports=tuple(written), review=review, fail_on=settings.fail_on)


@dataclass(frozen=True)
class CheckResult:
    """What `factcheck check` found: problems in the files, and conflicts their claims take part in."""

    problems: tuple[Problem, ...]
    review: Review

    def exit_code(self, fail_on: str) -> int:
        return 1 if self.problems or self.review.failing(fail_on) else 0


def check_claims(paths: Sequence[Path], settings: Settings, store: Store) -> CheckResult:
    """Validate claim files and decisions, then find conflicts between the files' claims and every
    claim already known (the store), keeping the findings a claim from the files takes part in."""
    problems = check_claim_files(paths) + check_decisions_in(paths)
    from_files: list[Claim] = []
    for path in claim_file_paths(paths):
        try:
            from_files.extend(load_claim_file(path))
        except InputError:
            continue  # already among `problems`, with file and line
    keys = {(c.document, c.id) for c in from_files}
    known = [c for c in store.claims() if (c.document, c.id) not in keys]
    review = review_conflicts(known + from_files, settings)
    involved = [f for f in review.open if any((c.document, c.id) in keys for c in f.claims)]
    return CheckResult(tuple(problems), Review(tuple(involved), review.accepted, review.stale, review.decisions))


def forget_documents(names: Sequence[str], settings: Settings, store: Store) -> list[str]:
    """Remove documents (by file name) from the store together with their claim files, so that a
    document deleted from a project stops producing findings. Returns the names not found."""
    missing = []
    for name in names:
        if not store.remove_document(name):
            missing.append(name)
            continue
        claim_file = settings.claims_dir / f"{Path(name).name}.yaml"
        if claim_file.is_file():
            claim_file.unlink()
    return missing

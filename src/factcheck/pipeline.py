"""Runs the stages in order: read documents, extract claims, store them, write claim files and reports.

Resumable and incremental: a document whose bytes have not changed since it was last stored
keeps its stored claims, and each document is stored in its own transaction, so one bad file
never costs the others their work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from factcheck import __version__
from factcheck.archive import Archive
from factcheck.citations import audit_citations, find_citations, find_references, link_claims, paper_dates
from factcheck.claimfiles import (
    Problem,
    check_claim_files,
    claim_file_paths,
    claim_source_links,
    load_claim_file,
    write_claim_file,
)
from factcheck.claims import extract_claims, extraction_rules, reading_order, sizes_in_names
from factcheck.config import Settings
from factcheck.conflicts import find_conflicts
from factcheck.decisions import check_decisions_in, load_decisions, split_findings
from factcheck.documents import SUPPORTED_SUFFIXES, paged_text, read_document, read_document_bytes
from factcheck.errors import InputError, StoreError
from factcheck.matching import SourceClaims, SourceIndex, Verification, verify_claims
from factcheck.models import (
    Citation,
    Claim,
    Decision,
    Document,
    DocumentError,
    ExtractionResult,
    Finding,
    Reference,
    Severity,
    Snapshot,
    SourceStatus,
)
from factcheck.register import check_register_in, load_register, registered_sources
from factcheck.reports import DocumentSummary, ReportInput, SourceSummary, write_reports
from factcheck.sources import CassetteTransport, FetchPolicy, fetch_sources
from factcheck.store import Store, StoredSource
from factcheck.vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "SourcesResult",
    "add_source_file",
    "CitedDocument",
    "read_citations",
    "fetch_cited_sources",
    "list_sources",
    "read_sources",
    "verify_documents",
    "stored_review",
    "cited_paper_dates",
    "record_citations",
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
SourceProgress = Callable[[Snapshot, int], None]  # (source just finished, how many there are in all)


def collect_paths(paths: Iterable[Path], written: Iterable[Path] = ()) -> tuple[list[Path], list[DocumentError]]:
    """Files to read: each file given, and the supported files inside each folder (recursively),
    but not hidden ones nor those in the folders factcheck writes (`written`: its reports, claim
    files, cassettes), which a second audit of the same folder would read as documents."""
    files: list[Path] = []
    errors: list[DocumentError] = []
    own = [folder.resolve() for folder in written]
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not any(p.resolve().is_relative_to(folder) for folder in own)
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

    A document whose sha256 and extraction rules (this version's code and the vocabulary) match
    the stored ones is not extracted again unless `force`.
    Claim files are written to `settings.claims_dir` when `settings.write_claim_files`.
    """
    vocabulary = vocabulary or load_vocabulary(settings.vocabulary)
    rules = extraction_rules(vocabulary)
    files, errors = collect_paths(
        paths, (settings.reports_dir, settings.claims_dir, settings.cassettes_dir, settings.archive_dir)
    )
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
        if (
            not force
            and store.document_sha256(document.name) == document.sha256
            and store.extraction_rules(document.name) == rules
        ):
            unchanged.append(document.name)
            claims.extend(store.claims(document=document.name))
            continue
        found = extract_claims(document, vocabulary)
        store.replace_document(document, found, rules=rules)
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
    found = reading_order(store.claims(subject=subject, metric=metric, document=document), vocabulary)
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


def review_conflicts(
    claims: Sequence[Claim], settings: Settings, also: Sequence[Finding] = (), papers: Sequence[Claim] = ()
) -> Review:
    """Every conflict among `claims` (and with the dates of the `papers` their documents cite),
    and the findings in `also` (the citation audit's), with the decisions already taken applied."""
    findings = [*find_conflicts([*claims, *papers], load_vocabulary(settings.vocabulary)), *also]
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
    sources: SourcesResult | None = None
    verifications: tuple[Verification, ...] = ()

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
    source_progress: SourceProgress | None = None,
    now: datetime | None = None,
) -> AuditResult:
    """Extract every document, fetch (or replay, per `settings.fetch`) what they cite, find the
    conflicts and citation problems, and write the audit reports into `settings.reports_dir`."""
    extraction = extract_paths(paths, settings, store, progress=progress)
    cited = read_citations(extraction.documents)
    sources = fetch_cited_sources(cited, settings, store, claims=extraction.claims, progress=source_progress)
    papers = cited_paper_dates(cited, load_vocabulary(settings.vocabulary))
    audited = {d.name for d in extraction.documents}
    # The audited documents against everything known: a new report that contradicts one stored
    # before is a finding of this audit (the findings among stored documents alone are not).
    known = [c for c in store.claims() if c.document not in audited]
    review = review_conflicts([*extraction.claims, *known], settings, also=sources.findings, papers=papers)
    if known:
        review = replace(
            review,
            open=tuple(f for f in review.open if _involves(f, audited)),
            accepted=tuple(f for f in review.accepted if _involves(f, audited)),
        )
    if review.stale and {d.name for d in store.documents()} - audited:
        # A decision may excuse a finding among documents this run did not audit: it is stale only
        # if nothing stored has its finding either.
        still = {d.fingerprint for d in stored_review(settings, store).stale}
        review = replace(review, stale=tuple(d for d in review.stale if d.fingerprint in still))
    if not extraction.documents:  # nothing readable: keep the last good reports rather than blank them
        return AuditResult(extraction, (), review, settings.fail_on, sources)
    verifications = tuple(verify_documents(cited, extraction.claims, settings, store))
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
        decisions=review.decisions,
        sources=_source_summaries(store, {d.name for d in extraction.documents}, _registered_urls(settings)),
        verifications=verifications,
    )
    written = write_reports(settings.reports_dir, report)
    return AuditResult(extraction, tuple(written), review, settings.fail_on, sources, verifications)


def _involves(finding: Finding, documents: set[str]) -> bool:
    return any(c.document in documents for c in finding.claims)


@dataclass(frozen=True)
class CheckResult:
    """What `factcheck check` found: problems in the files, and conflicts their claims take part in."""

    problems: tuple[Problem, ...]
    review: Review
    checked: frozenset[tuple[str, str]] = frozenset()  # (document, id) of the files' claims

    def exit_code(self, fail_on: str) -> int:
        return 1 if self.problems or self.review.failing(fail_on) else 0


def check_claims(paths: Sequence[Path], settings: Settings, store: Store) -> CheckResult:
    """Validate claim files and decisions, then find conflicts between the files' claims and every
    claim already known (the store), keeping the findings a claim from the files takes part in."""
    problems = check_claim_files(paths) + check_decisions_in(paths) + check_register_in(paths)
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
    kept = Review(tuple(involved), review.accepted, review.stale, review.decisions)
    return CheckResult(tuple(problems), kept, frozenset(keys))


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


# --- sources -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourcesResult:
    """What one fetch run did: a snapshot per cited address, and the citation findings."""

    snapshots: tuple[Snapshot, ...]
    findings: tuple[Finding, ...]
    mode: str  # live | offline | off

    def count(self, status: SourceStatus) -> int:
        return sum(1 for s in self.snapshots if s.status is status)


@dataclass(frozen=True)
class CitedDocument:
    """A document with its reference entries and citations, read once per run and shared by the
    citation audit, the fetch, the paper dates and verification."""

    document: Document
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]


def read_citations(documents: Sequence[Document]) -> list[CitedDocument]:
    """What each document cites: links, arXiv ids, author-date citations, reference and resources lists."""
    cited = []
    for document in documents:
        references = find_references(document)
        cited.append(CitedDocument(document, tuple(references), tuple(find_citations(document, references))))
    return cited


def record_citations(cited: Sequence[CitedDocument], store: Store) -> list[Finding]:
    """Record the addresses each document cites and return the citation audit's findings."""
    findings: list[Finding] = []
    for c in cited:
        entries = [Citation(r.document, r.line, r.text, "reference", r.url, r.key) for r in c.references if r.url]
        store.replace_citations(c.document.name, [*entries, *c.citations])
        findings.extend(audit_citations(c.document, c.references, c.citations))
    return findings


def cited_paper_dates(cited: Sequence[CitedDocument], vocabulary: Vocabulary) -> list[Claim]:
    """The dates of the papers the documents list for their subjects (from arXiv ids), for the
    conflicts that compare them with release dates."""
    return [p for c in cited for p in paper_dates(c.document, c.references, vocabulary)]


def fetch_cited_sources(
    cited: Sequence[CitedDocument],
    settings: Settings,
    store: Store,
    *,
    claims: Sequence[Claim],
    mode: str | None = None,
    policy: FetchPolicy | None = None,
    progress: SourceProgress | None = None,
) -> SourcesResult:
    """Fetch (live) or replay (offline) every address the documents cite, the sources written into
    the claim files of their `claims` and every registered source (a figure's source may be
    another model's: "77.5 on AIME" given to Kimi K2 is found in the Kimi k1.5 paper); archive
    what was read and record each source's status. One bad source never stops the others; a
    source that fails keeps its last archived version."""
    findings = record_citations(cited, store)
    mode = mode or settings.fetch
    if mode == "off":
        return SourcesResult((), tuple(findings), mode)
    in_documents = {url for c in cited for url in store.cited_urls_of(c.document.name)}
    links = claim_source_links(settings.claims_dir)
    written = {url for claim in claims for url in links.get(claim.id, ())}
    urls = sorted(in_documents | written | _registered_urls(settings))
    transport = CassetteTransport(settings.cassettes_dir) if mode == "offline" else None
    policy = policy or FetchPolicy(
        interval=settings.fetch_interval, timeout=settings.fetch_timeout, max_bytes=settings.max_source_bytes
    )
    archive = Archive(settings.archive_dir)

    def finished(snapshot: Snapshot) -> None:
        _keep(snapshot, archive, store)
        if progress:
            progress(snapshot, len(urls))

    snapshots = fetch_sources(urls, policy, transport=transport, previous=store.latest_snapshots(), progress=finished)
    return SourcesResult(tuple(snapshots), tuple(findings), mode)


def _keep(snapshot: Snapshot, archive: Archive, store: Store) -> None:
    """Archive the body first and record it second, so that a record always has its body."""
    text = ""
    if snapshot.status is SourceStatus.ARCHIVED:
        archive.put(snapshot.body)
        try:
            name = snapshot.final_url.rstrip("/").rsplit("/", 1)[-1] or "source"
            document = read_document_bytes(snapshot.body, name, path=snapshot.url, media_type=snapshot.media_type)
            text = paged_text(document) if document.media_type == "application/pdf" else document.text
        except InputError as exc:
            snapshot = replace(snapshot, reason=f"archived, but no text could be read: {exc}")
    store.record_fetch(snapshot, text)


def add_source_file(url: str, path: Path, settings: Settings, store: Store) -> Snapshot:
    """Archive a copy of `url` that the user obtained by hand (a paywalled PDF, a saved page),
    marked as such. Raises InputError when the file cannot be read or holds no text."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not a web address (http or https, with a host)")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    document = read_document_bytes(body, path.name, path=str(path))
    snapshot = Snapshot(
        url=url,
        status=SourceStatus.ARCHIVED,
        reason=f"added by hand from {path.name}",
        fetch_url=url,
        final_url=url,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        sha256=document.sha256,
        media_type=document.media_type,
        body=body,
        origin="manual",
    )
    Archive(settings.archive_dir).put(body)
    store.record_fetch(snapshot, document.text)
    return snapshot


def list_sources(store: Store) -> list[StoredSource]:
    """Every cited or fetched source with its status."""
    return store.sources()


def _registered_urls(settings: Settings) -> set[str]:
    """Every source the project registers (claims/sources.yaml): each run reads them all, to tell
    whose a figure is, and the report lists them all, as the fetch summary counts them."""
    register = load_register(settings.claims_dir, load_vocabulary(settings.vocabulary))
    return {url for urls in register.values() for url in urls}


def _source_summaries(store: Store, documents: set[str], registered: set[str]) -> tuple[SourceSummary, ...]:
    """The sources the audited documents cite and those registered, as the report shows them."""
    summaries = []
    for source in store.sources():
        cited_by = tuple((d, line) for d, line in source.cited_by if d in documents)
        if cited_by or source.url in registered:
            snapshot = source.snapshot
            summaries.append(
                SourceSummary(
                    url=source.url,
                    status=source.status.value,
                    reason=source.reason,
                    cited_by=cited_by,
                    sha256=snapshot.sha256 if snapshot else "",
                    final_url=snapshot.final_url if snapshot else "",
                    origin=snapshot.origin if snapshot else "",
                )
            )
    return tuple(summaries)


def stored_review(settings: Settings, store: Store) -> Review:
    """The review `audit` would give of everything stored: conflicts among the stored claims and
    with the papers their documents cite, and the citation audit of every stored document that
    can still be read where it was."""
    documents = []
    for stored in store.documents():
        try:
            documents.append(read_document(Path(stored.path), max_bytes=settings.max_document_bytes))
        except InputError:
            continue
    cited = read_citations(documents)
    findings = [f for c in cited for f in audit_citations(c.document, c.references, c.citations)]
    papers = cited_paper_dates(cited, load_vocabulary(settings.vocabulary))
    return review_conflicts(store.claims(), settings, also=findings, papers=papers)


# --- verification --------------------------------------------------------------------------------


def read_sources(
    settings: Settings, store: Store, vocabulary: Vocabulary, register: dict[str, tuple[str, ...]]
) -> tuple[SourceIndex, dict[str, str]]:
    """Every archived source read like a document: its claims (with its registered subject as
    the default subject, and the sizes its model names state), indexed for verification; and
    why each other source could not be read."""
    archive = Archive(settings.archive_dir)
    subject_of = {url: subject for subject, urls in register.items() for url in urls}
    by_hash: dict[tuple[str, str], tuple[Claim, ...]] = {}
    read: list[SourceClaims] = []
    unreadable: dict[str, str] = {}
    for source in store.sources():
        snapshot = source.snapshot
        if snapshot is None:
            unreadable[source.url] = f"{source.status.value}: {source.reason}"
            continue
        subject = subject_of.get(source.url, "")
        name = (snapshot.final_url or snapshot.fetch_url or source.url).rstrip("/").rsplit("/", 1)[-1] or "source"
        key = (snapshot.sha256, subject)
        if key not in by_hash:
            try:
                if snapshot.media_type == "application/pdf" and source.text:
                    # the text stored when it was archived, pages kept: PDF parsing is the slow part
                    document = read_document_bytes(source.text.encode("utf-8"), name + ".txt", media_type="text/plain")
                    document = replace(document, name=name)
                else:
                    document = read_document_bytes(archive.get(snapshot.sha256), name, media_type=snapshot.media_type)
            except (InputError, StoreError) as exc:
                unreadable[source.url] = str(exc)
                continue
            claims = [
                *extract_claims(document, vocabulary, default_subject=subject),
                *sizes_in_names(document, vocabulary),
            ]
            by_hash[key] = tuple(claims)
        read.append(SourceClaims(source.url, snapshot.sha256, snapshot.media_type, by_hash[key], name))
    return SourceIndex(read), unreadable


def verify_documents(
    cited: Sequence[CitedDocument], claims: Sequence[Claim], settings: Settings, store: Store
) -> list[Verification]:
    """A verdict for every claim of the `cited` documents: against the sources its document cites
    for it and the sources registered for its subject (claims/sources.yaml), as archived."""
    vocabulary = load_vocabulary(settings.vocabulary)
    register = load_register(settings.claims_dir, vocabulary)
    index, unreadable = read_sources(settings, store, vocabulary, register)
    written = claim_source_links(settings.claims_dir)
    sources_for: dict[str, tuple[str, ...]] = {}
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document, []).append(claim)
    for c in cited:
        own = by_document.get(c.document.name, [])
        links = link_claims(own, c.document, c.references, c.citations, vocabulary)
        links.update(written)  # sources a reviewer wrote into the claim file replace the ones found
        for claim in own:
            sources_for[claim.id] = (*links.get(claim.id, ()), *registered_sources(register, claim.subject, vocabulary))
    names = {c.document.name for c in cited}
    numeric = [c for c in claims if c.quantity.kind != "category" and c.document in names]
    return verify_claims(numeric, sources_for, index, unreadable, vocabulary)

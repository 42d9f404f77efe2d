"""The claims database: documents and their claims, persisted through SQLAlchemy.

This is the only module that imports sqlalchemy; every other stage sees `Document`, `Claim`
and `StoredDocument` values. The schema and queries are portable SQL so that the same code
runs on SQLite (the default, one file next to the documents) and PostgreSQL (a shared team
database): no dialect-specific upserts, only explicit-length strings, `Text` and `Double`.

Every failure of the database surfaces as `StoreError` naming the database URL with its
password masked.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Double,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from factcheck.errors import StoreError
from factcheck.models import Citation, Claim, Document, Qualifier, Quantity, Snapshot, SourceStatus

__all__ = ["Store", "StoredDocument", "StoredSource", "default_database_url"]

_NAME = 255  # file names and claim ids; 255 is the common file-system limit for a name
_SHORT = 32  # enumerations: qualifier, kind, origin
_DATE = 64  # ISO dates at any precision, with room to spare
_URL = 2048  # the practical limit of a URL that browsers and servers accept


def default_database_url(cwd: Path) -> str:
    """The database to use: `$FACTCHECK_DB` if set and non-empty, else `factcheck.db` in `cwd`."""
    return os.environ.get("FACTCHECK_DB") or f"sqlite:///{cwd.absolute() / 'factcheck.db'}"


@dataclass(frozen=True)
class StoredDocument:
    """A document as recorded in the store; `extracted_at` is timezone-aware UTC."""

    name: str
    path: str
    media_type: str
    sha256: str
    extracted_at: datetime
    n_claims: int


@dataclass(frozen=True)
class StoredSource:
    """A cited source as last fetched: its status, the snapshot it was last read from (None if it
    never was), and where documents cite it ((document, line) pairs)."""

    url: str
    status: SourceStatus
    reason: str
    checked_at: datetime | None
    snapshot: Snapshot | None
    text: str  # extracted text of that snapshot, "" if none
    cited_by: tuple[tuple[str, int], ...]


class _Base(DeclarativeBase):
    pass


class _DocumentRow(_Base):
    __tablename__ = "documents"

    name: Mapped[str] = mapped_column(String(_NAME), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(127))
    sha256: Mapped[str] = mapped_column(String(64))
    extracted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    n_claims: Mapped[int] = mapped_column(Integer)


class _ExtractionRow(_Base):
    """The extraction rules (claims.extraction_rules) a document's claims come from. A table of
    its own, so that a database made before it existed gains it without a migration."""

    __tablename__ = "extractions"

    document: Mapped[str] = mapped_column(
        String(_NAME), ForeignKey("documents.name", ondelete="CASCADE"), primary_key=True
    )
    rules: Mapped[str] = mapped_column(String(64))


class _ClaimRow(_Base):
    """One claim. Figures that may be numbers or ISO dates use two columns (`*_number`,
    `*_text`) so numbers stay numbers in SQL and dates keep their stated precision.

    The primary key (document, id) also serves as the index on `document`. Subject and
    metric are filtered through casefolded copies because SQL `lower()` folds only ASCII
    on SQLite, and an index on a plain column serves every backend alike.
    """

    __tablename__ = "claims"
    __table_args__ = (CheckConstraint("(value_number IS NULL) <> (value_text IS NULL)", name="claims_one_value"),)

    document: Mapped[str] = mapped_column(
        String(_NAME), ForeignKey("documents.name", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(_NAME), primary_key=True)
    line: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text)
    subject_key: Mapped[str] = mapped_column(Text, index=True)
    metric: Mapped[str] = mapped_column(Text)
    metric_key: Mapped[str] = mapped_column(Text, index=True)
    value_number: Mapped[float | None] = mapped_column(Double)
    value_text: Mapped[str | None] = mapped_column(String(_DATE))
    unit: Mapped[str] = mapped_column(String(_NAME))
    qualifier: Mapped[str] = mapped_column(String(_SHORT))
    low_number: Mapped[float | None] = mapped_column(Double)
    low_text: Mapped[str | None] = mapped_column(String(_DATE))
    high_number: Mapped[float | None] = mapped_column(Double)
    high_text: Mapped[str | None] = mapped_column(String(_DATE))
    text: Mapped[str] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    # "start"/"end" are SQL keywords; these names keep hand-written SQL free of quoting.
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    scale: Mapped[float] = mapped_column(Double)
    precision: Mapped[float] = mapped_column(Double)
    unit_text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(_SHORT))
    section: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(_SHORT))


class _SnapshotRow(_Base):
    """One version of a source as archived; the body itself is in the archive under `sha256`."""

    __tablename__ = "snapshots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(_URL), index=True)
    fetch_url: Mapped[str] = mapped_column(String(_URL))
    final_url: Mapped[str] = mapped_column(String(_URL))
    http_status: Mapped[int | None] = mapped_column(Integer)
    headers: Mapped[str] = mapped_column(Text)  # JSON list of [name, value]
    fetched_at: Mapped[str] = mapped_column(String(_DATE))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(_SHORT))
    text: Mapped[str] = mapped_column(Text)


class _SourceRow(_Base):
    """The latest outcome of fetching one cited address."""

    __tablename__ = "sources"
    url: Mapped[str] = mapped_column(String(_URL), primary_key=True)
    status: Mapped[str] = mapped_column(String(_SHORT))
    reason: Mapped[str] = mapped_column(Text)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("snapshots.id"))


class _CitationRow(_Base):
    """Where a document cites an address (links, arXiv ids, resolved author-date citations, and
    the entries of its reference and resources lists)."""

    __tablename__ = "citations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document: Mapped[str] = mapped_column(String(_NAME), index=True)
    url: Mapped[str] = mapped_column(String(_URL), index=True)
    line: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(_SHORT))
    text: Mapped[str] = mapped_column(Text)


def _snapshot_from_row(row: _SnapshotRow) -> Snapshot:
    return Snapshot(
        url=row.url,
        status=SourceStatus.ARCHIVED,
        fetch_url=row.fetch_url,
        final_url=row.final_url,
        http_status=row.http_status,
        headers=tuple((str(k), str(v)) for k, v in json.loads(row.headers or "[]")),
        fetched_at=row.fetched_at,
        sha256=row.sha256,
        media_type=row.media_type,
        origin=row.origin,
    )


def _split(figure: float | str | None) -> tuple[float | None, str | None]:
    if figure is None:
        return None, None
    if isinstance(figure, str):
        return None, figure
    return float(figure), None


def _join(number: float | None, text: str | None) -> float | str | None:
    return text if text is not None else number


def _claim_values(claim: Claim) -> dict[str, Any]:
    q = claim.quantity
    value_number, value_text = _split(q.value)
    low_number, low_text = _split(q.low)
    high_number, high_text = _split(q.high)
    return {
        "document": claim.document, "id": claim.id, "line": claim.line,
        "subject": claim.subject, "subject_key": claim.subject.casefold(),
        "metric": claim.metric, "metric_key": claim.metric.casefold(),
        "value_number": value_number, "value_text": value_text,
        "unit": q.unit, "qualifier": q.qualifier.value,
        "low_number": low_number, "low_text": low_text,
        "high_number": high_number, "high_text": high_text,
        "text": claim.text, "quote": q.text, "span_start": q.start, "span_end": q.end,
        "scale": q.scale, "precision": q.precision, "unit_text": q.unit_text, "kind": q.kind,
        "section": claim.section, "page": claim.page, "origin": claim.origin,
    }  # fmt: skip


def _claim_from_row(row: _ClaimRow) -> Claim:
    value = _join(row.value_number, row.value_text)
    assert value is not None  # guaranteed by the claims_one_value check constraint
    quantity = Quantity(
        value=value, unit=row.unit, qualifier=Qualifier(row.qualifier), text=row.quote,
        start=row.span_start, end=row.span_end,
        low=_join(row.low_number, row.low_text), high=_join(row.high_number, row.high_text),
        scale=row.scale, precision=row.precision, unit_text=row.unit_text, kind=row.kind,
    )  # fmt: skip
    return Claim(
        id=row.id, document=row.document, line=row.line, subject=row.subject,
        metric=row.metric, quantity=quantity, text=row.text, section=row.section,
        page=row.page, origin=row.origin,
    )  # fmt: skip


def _stored_document(row: _DocumentRow) -> StoredDocument:
    extracted_at = row.extracted_at
    if extracted_at.tzinfo is None:  # SQLite keeps no zone; we always write UTC
        extracted_at = extracted_at.replace(tzinfo=UTC)
    return StoredDocument(
        name=row.name, path=row.path, media_type=row.media_type, sha256=row.sha256,
        extracted_at=extracted_at, n_claims=row.n_claims,
    )  # fmt: skip


def _masked(url: str) -> str:
    """The URL as safe to print: any password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _enable_sqlite_foreign_keys(engine: Engine) -> None:
    """SQLite ignores foreign keys unless asked per connection; other backends always enforce."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


class Store:
    """Documents and their claims in a SQL database named by a SQLAlchemy URL.

    Raises `StoreError` (naming the URL, password masked) when the database cannot be opened,
    created or written. Use as a context manager, or call `close()`.
    """

    def __init__(self, url: str) -> None:
        self.url = _masked(url)
        try:
            self._engine = create_engine(url)
        except ImportError as exc:  # the URL names a driver this environment lacks
            hint = " (pip install 'factcheck[postgres]')" if "psycopg" in str(exc) else ""
            raise StoreError(f"cannot open database {self.url}: its driver is not installed: {exc}{hint}") from exc
        except (ArgumentError, SQLAlchemyError) as exc:
            raise StoreError(f"cannot open database {self.url}: {exc}") from exc
        _enable_sqlite_foreign_keys(self._engine)
        try:
            _Base.metadata.create_all(self._engine)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open database {self.url}: {_reason(exc)}") from exc

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (creating tables if needed) the database at `url`."""
        return cls(url)

    def close(self) -> None:
        """Close every pooled connection; the store must not be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _session(self, action: str) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any failure."""
        try:
            with Session(self._engine) as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot {action} in database {self.url}: {_reason(exc)}") from exc

    def replace_document(self, document: Document, claims: Sequence[Claim], *, rules: str = "") -> None:
        """Make `claims` the document's only claims, atomically: on any failure nothing changes.

        `rules` is the fingerprint of the extraction that gave them (claims.extraction_rules).
        Every claim must belong to `document` (ValueError otherwise); a claim the database
        rejects, such as a repeated id, raises `StoreError` and leaves the old claims in place.
        """
        strays = sorted({c.document for c in claims if c.document != document.name})
        if strays:
            raise ValueError(f"claims of {strays} passed for document {document.name!r}")
        with self._session(f"store claims of {document.name}") as session:
            session.execute(delete(_ClaimRow).where(_ClaimRow.document == document.name))
            row = session.get(_DocumentRow, document.name) or _DocumentRow(name=document.name)
            row.path, row.media_type, row.sha256 = document.path, document.media_type, document.sha256
            row.extracted_at, row.n_claims = datetime.now(UTC), len(claims)
            session.add(row)
            session.flush()  # the document row must exist before claims reference it
            if claims:
                session.execute(insert(_ClaimRow), [_claim_values(c) for c in claims])
            extraction = session.get(_ExtractionRow, document.name) or _ExtractionRow(document=document.name)
            extraction.rules = rules
            session.add(extraction)

    def document_sha256(self, name: str) -> str | None:
        """The hash of the document as last extracted, or None if it is not in the store."""
        with self._session(f"read document {name}") as session:
            row = session.get(_DocumentRow, name)
            return None if row is None else row.sha256

    def extraction_rules(self, name: str) -> str | None:
        """The rules fingerprint the document's claims were extracted with; None if it is not in
        the store or was stored before fingerprints were kept."""
        with self._session(f"read document {name}") as session:
            row = session.get(_ExtractionRow, name)
            return None if row is None else row.rules

    def claims(
        self, *, subject: str | None = None, metric: str | None = None, document: str | None = None
    ) -> list[Claim]:
        """Stored claims in reading order: by document, line, and place in the line (then id).

        `subject` and `metric` match whole values, ignoring case; `document` matches exactly.
        """
        query = select(_ClaimRow)
        if subject is not None:
            query = query.where(_ClaimRow.subject_key == subject.casefold())
        if metric is not None:
            query = query.where(_ClaimRow.metric_key == metric.casefold())
        if document is not None:
            query = query.where(_ClaimRow.document == document)
        with self._session("read claims") as session:
            claims = [_claim_from_row(row) for row in session.scalars(query)]
        # Sorted here, not in SQL: collations differ between backends, Python's order does not.
        return sorted(claims, key=lambda c: (c.document, c.line, c.quantity.start, c.id))

    def documents(self) -> list[StoredDocument]:
        """Every stored document, ordered by name."""
        with self._session("read documents") as session:
            rows = session.scalars(select(_DocumentRow)).all()
            return sorted((_stored_document(row) for row in rows), key=lambda d: d.name)

    def remove_document(self, name: str) -> bool:
        """Delete a document and its claims; False if it was not in the store."""
        with self._session(f"remove document {name}") as session:
            session.execute(delete(_ClaimRow).where(_ClaimRow.document == name))
            session.execute(delete(_CitationRow).where(_CitationRow.document == name))
            session.execute(delete(_ExtractionRow).where(_ExtractionRow.document == name))
            row = session.get(_DocumentRow, name)
            if row is None:
                return False
            session.delete(row)
            return True

    # --- sources ----------------------------------------------------------------------------------

    def replace_citations(self, document: str, citations: Sequence[Citation]) -> None:
        """Make `citations` (those with a URL) the document's only recorded citations, atomically."""
        with self._session(f"store citations of {document}") as session:
            session.execute(delete(_CitationRow).where(_CitationRow.document == document))
            rows = [
                {"document": document, "url": c.url, "line": c.line, "kind": c.kind, "text": c.text}
                for c in citations
                if c.url
            ]
            if rows:
                session.execute(insert(_CitationRow), rows)

    def cited_urls_of(self, document: str) -> list[str]:
        """Every address `document` cites, sorted."""
        with self._session("read citations") as session:
            query = select(_CitationRow.url).where(_CitationRow.document == document)
            return sorted(set(session.scalars(query)))

    def record_fetch(self, snapshot: Snapshot, text: str = "") -> None:
        """Record how fetching `snapshot.url` ended, in one transaction. An archived snapshot
        becomes a new version (its body must already be in the archive); any other status
        keeps the last readable version as it was."""
        with self._session(f"record source {snapshot.url}") as session:
            row = session.get(_SourceRow, snapshot.url) or _SourceRow(url=snapshot.url, snapshot_id=None)
            if snapshot.status is SourceStatus.ARCHIVED:
                version = _SnapshotRow(
                    url=snapshot.url,
                    fetch_url=snapshot.fetch_url or snapshot.url,
                    final_url=snapshot.final_url or snapshot.fetch_url or snapshot.url,
                    http_status=snapshot.http_status,
                    headers=json.dumps([list(h) for h in snapshot.headers]),
                    fetched_at=snapshot.fetched_at,
                    sha256=snapshot.sha256,
                    media_type=snapshot.media_type,
                    size=len(snapshot.body),
                    origin=snapshot.origin,
                    text=text,
                )
                session.add(version)
                session.flush()
                row.snapshot_id = version.id
            row.status, row.reason, row.checked_at = snapshot.status.value, snapshot.reason, datetime.now(UTC)
            session.add(row)

    def latest_snapshots(self) -> dict[str, Snapshot]:
        """The last archived version of every source that has one, by URL (bodies not loaded)."""
        with self._session("read snapshots") as session:
            pairs = session.execute(
                select(_SourceRow.url, _SnapshotRow).join(_SnapshotRow, _SourceRow.snapshot_id == _SnapshotRow.id)
            ).all()
            return {url: _snapshot_from_row(snapshot) for url, snapshot in pairs}

    def sources(self) -> list[StoredSource]:
        """Every source that was cited or fetched, with its status and citations, sorted by URL."""
        with self._session("read sources") as session:
            cited: dict[str, list[tuple[str, int]]] = {}
            for citation in session.scalars(select(_CitationRow)):
                cited.setdefault(citation.url, []).append((citation.document, citation.line))
            rows = {row.url: row for row in session.scalars(select(_SourceRow))}
            found = []
            for url in sorted(set(cited) | set(rows)):
                row = rows.get(url)
                version = session.get(_SnapshotRow, row.snapshot_id) if row and row.snapshot_id else None
                found.append(
                    StoredSource(
                        url=url,
                        status=SourceStatus(row.status) if row else SourceStatus.UNREACHABLE,
                        reason=row.reason if row else "not fetched yet",
                        checked_at=_aware(row.checked_at) if row else None,
                        snapshot=_snapshot_from_row(version) if version else None,
                        text=version.text if version else "",
                        cited_by=tuple(sorted(set(cited.get(url, [])))),
                    )
                )
            return found


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's one-line reason, without SQLAlchemy's statement dump and help link."""
    original = getattr(exc, "orig", None)
    return str(original if original is not None else exc).splitlines()[0]

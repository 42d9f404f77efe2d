"""Tests for factcheck.store, on real SQLite files (and PostgreSQL when one is configured)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from factcheck.errors import StoreError
from factcheck.models import Citation, Claim, Document, Qualifier, Quantity, Snapshot, SourceStatus
from factcheck.store import Store, StoredDocument, default_database_url

from .factories import claim_with

POSTGRES_URL = os.environ.get("FACTCHECK_TEST_POSTGRES_URL", "")


def make_claim(claim_id: str = "c1", document: str = "a.md", line: int = 1, **changes: Any) -> Claim:
    """A claim that differs from a plain one only in the fields a test names."""
    quantity = Quantity(
        value=5.6e6,
        unit="USD",
        qualifier=Qualifier.EXACT,
        text="$5.6M",
        start=10,
        end=15,
        scale=1e6,
        precision=1e5,
        unit_text="",
        kind="currency",
    )
    claim = Claim(
        id=claim_id,
        document=document,
        line=line,
        subject="DeepSeek-R1",
        metric="training cost",
        quantity=quantity,
        text="DeepSeek-R1 cost $5.6M to train",
    )
    return claim_with(claim, **changes)


def make_document(name: str = "a.md", sha256: str = "0" * 64) -> Document:
    return Document(
        path=f"docs/{name}", name=name, media_type="text/markdown", sha256=sha256, lines=("line",), blocks=()
    )


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgres":
        if not POSTGRES_URL:
            pytest.skip("set FACTCHECK_TEST_POSTGRES_URL to run the store tests against PostgreSQL")
        url = POSTGRES_URL
    else:
        url = f"sqlite:///{tmp_path / 'factcheck.db'}"
    with Store.open(url) as opened:
        _clear(opened)  # a shared PostgreSQL database keeps rows between runs
        yield opened
        _clear(opened)


def _clear(store: Store) -> None:
    for document in store.documents():
        store.remove_document(document.name)


ROUND_TRIP_CASES = {
    "number": make_claim(),
    "iso date": make_claim(value="2025-07", unit="date", kind="date", text="July 2025", precision=1.0),
    "quarter": make_claim(value="2025-Q3", unit="date", kind="date"),
    "range of numbers": make_claim(qualifier=Qualifier.RANGE, value=5.5e6, low=5e6, high=6e6),
    "range of dates": make_claim(qualifier=Qualifier.RANGE, value="2024", low="2024", high="2025-03"),
    "lower bound": make_claim(qualifier=Qualifier.LOWER_BOUND, value=1e5, low=1e5, high=None),
    "tiny float": make_claim(value=0.1 + 0.2, precision=1e-17),
    "huge float": make_claim(value=1.7976931348623157e308),
    "negative": make_claim(value=-3.25),
    "page and origin": make_claim(page=12, origin="manual", section="Costs > Training"),
    "unicode": make_claim(subject="通义千问 Qwen", metric="größe", text="« 235B »"),
}


@pytest.mark.parametrize("claim", ROUND_TRIP_CASES.values(), ids=ROUND_TRIP_CASES.keys())
def test_claims_round_trip_equal(store: Store, claim: Claim) -> None:
    store.replace_document(make_document(), [claim])
    assert store.claims() == [claim]


def test_round_trip_keeps_value_types(store: Store) -> None:
    claims = [make_claim("c1", value=5.0), make_claim("c2", value="2025", unit="date")]
    store.replace_document(make_document(), claims)
    values = [c.value for c in store.claims()]
    assert values == [5.0, "2025"]
    assert [type(v) for v in values] == [float, str]
    assert all(isinstance(c.quantity.qualifier, Qualifier) for c in store.claims())


def test_replace_document_replaces_old_claims(store: Store) -> None:
    store.replace_document(make_document(sha256="1" * 64), [make_claim("c1"), make_claim("c2")])
    store.replace_document(make_document(sha256="2" * 64), [make_claim("c3")])
    assert [c.id for c in store.claims()] == ["c3"]
    assert store.document_sha256("a.md") == "2" * 64
    assert [d.n_claims for d in store.documents()] == [1]


def test_replace_document_is_atomic(store: Store) -> None:
    old = [make_claim("c1"), make_claim("c2", line=2)]
    store.replace_document(make_document(sha256="1" * 64), old)
    duplicate_ids = [make_claim("c9"), make_claim("c9", line=5)]
    with pytest.raises(StoreError, match="store claims of a.md"):
        store.replace_document(make_document(sha256="2" * 64), duplicate_ids)
    assert store.claims() == old
    assert store.document_sha256("a.md") == "1" * 64


def test_replace_document_rejects_claims_of_another_document(store: Store) -> None:
    with pytest.raises(ValueError, match="b.md"):
        store.replace_document(make_document("a.md"), [make_claim(document="b.md")])
    assert store.documents() == []


def test_replace_document_with_no_claims(store: Store) -> None:
    store.replace_document(make_document(), [make_claim()])
    store.replace_document(make_document(), [])
    assert store.claims() == []
    assert [d.n_claims for d in store.documents()] == [0]


def test_other_documents_are_untouched(store: Store) -> None:
    store.replace_document(make_document("a.md"), [make_claim("c1", document="a.md")])
    store.replace_document(make_document("b.md"), [make_claim("c1", document="b.md")])
    store.replace_document(make_document("a.md"), [])
    assert [(c.document, c.id) for c in store.claims()] == [("b.md", "c1")]


FILTER_CASES = [
    ({}, ["a.md/c1", "a.md/c2", "a.md/c3", "b.md/c1"]),
    ({"subject": "qwen3"}, ["a.md/c2", "b.md/c1"]),
    ({"subject": "QWEN3"}, ["a.md/c2", "b.md/c1"]),
    ({"subject": "Qwen"}, []),  # whole values only
    ({"subject": "ÉCOLE"}, ["a.md/c3"]),  # case folding beyond ASCII
    ({"metric": "Parameters"}, ["a.md/c2", "a.md/c3"]),
    ({"subject": "qwen3", "metric": "parameters"}, ["a.md/c2"]),
    ({"document": "b.md"}, ["b.md/c1"]),
    ({"document": "B.MD"}, []),  # document names are exact
    ({"subject": "qwen3", "document": "a.md"}, ["a.md/c2"]),
]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES)
def test_claims_filters(store: Store, filters: dict[str, str], expected: list[str]) -> None:
    store.replace_document(
        make_document("a.md"),
        [
            make_claim("c3", line=9, subject="école", metric="parameters"),
            make_claim("c2", line=4, subject="Qwen3", metric="parameters"),
            make_claim("c1", line=4, subject="DeepSeek", metric="cost"),
        ],
    )
    store.replace_document(make_document("b.md"), [make_claim("c1", document="b.md", subject="qwen3")])
    assert [f"{c.document}/{c.id}" for c in store.claims(**filters)] == expected


def test_documents(store: Store) -> None:
    before = datetime.now(UTC)
    store.replace_document(make_document("b.md", sha256="b" * 64), [make_claim(document="b.md")])
    store.replace_document(make_document("a.md", sha256="a" * 64), [])
    documents = store.documents()
    assert [dataclasses.replace(d, extracted_at=before) for d in documents] == [
        StoredDocument("a.md", "docs/a.md", "text/markdown", "a" * 64, before, 0),
        StoredDocument("b.md", "docs/b.md", "text/markdown", "b" * 64, before, 1),
    ]
    assert all(before - timedelta(seconds=1) <= d.extracted_at <= datetime.now(UTC) for d in documents)


def test_the_extraction_rules_are_kept_with_the_claims_and_forgotten_with_them(store: Store) -> None:
    document = make_document(sha256="1" * 64)
    store.replace_document(document, [], rules="r1")
    assert store.extraction_rules("a.md") == "r1"
    store.replace_document(document, [], rules="r2")
    assert store.extraction_rules("a.md") == "r2"
    assert store.remove_document("a.md")
    assert store.extraction_rules("a.md") is None


def test_document_sha256_of_unknown_document(store: Store) -> None:
    assert store.document_sha256("missing.md") is None


def test_remove_document(store: Store) -> None:
    store.replace_document(make_document("a.md"), [make_claim()])
    assert store.remove_document("a.md") is True
    assert store.remove_document("a.md") is False
    assert store.claims() == []
    assert store.documents() == []


def test_data_persists_across_opens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'factcheck.db'}"
    with Store(url) as first:
        first.replace_document(make_document(), [make_claim()])
    with Store(url) as second:
        assert second.claims() == [make_claim()]


UNOPENABLE_CASES = {
    "missing directory": ("sqlite:///{tmp}/no/such/dir/factcheck.db", "no/such/dir"),
    "not a database": ("sqlite:///{tmp}/notes.txt", "notes.txt"),
    "unknown dialect": ("nosuchdb://user:secret@host/db", "nosuchdb://user:***@host/db"),
    "not a url": ("just words", "just words"),
}


@pytest.mark.parametrize(("url", "shown"), UNOPENABLE_CASES.values(), ids=UNOPENABLE_CASES.keys())
def test_unopenable_database_raises_store_error(tmp_path: Path, url: str, shown: str) -> None:
    (tmp_path / "notes.txt").write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError, match="cannot open database") as raised:
        Store(url.format(tmp=tmp_path))
    assert shown in str(raised.value)
    assert "secret" not in str(raised.value)


DEFAULT_URL_CASES = [
    ({}, "sqlite:////work/factcheck.db"),
    ({"FACTCHECK_DB": ""}, "sqlite:////work/factcheck.db"),
    ({"FACTCHECK_DB": "postgresql://u@db/factcheck"}, "postgresql://u@db/factcheck"),
]


@pytest.mark.parametrize(("env", "expected"), DEFAULT_URL_CASES)
def test_default_database_url(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str) -> None:
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert default_database_url(Path("/work")) == expected


# --- sources ------------------------------------------------------------------------------------


def _snapshot(url: str, body: bytes, status: SourceStatus = SourceStatus.ARCHIVED, **changes: Any) -> Snapshot:
    return Snapshot(
        url=url,
        status=status,
        fetch_url=url + "/README.md",
        final_url=url + "/README.md",
        http_status=200 if status is SourceStatus.ARCHIVED else None,
        headers=(("ETag", '"v1"'), ("Content-Type", "text/markdown")),
        fetched_at="2025-01-01T00:00:00+00:00",
        sha256=hashlib.sha256(body).hexdigest() if status is SourceStatus.ARCHIVED else "",
        media_type="text/markdown",
        body=body,
        **changes,
    )


def test_a_changed_source_becomes_a_new_version_and_a_failure_keeps_the_last(store: Store) -> None:
    url = f"https://example.org/{uuid.uuid4()}"  # PostgreSQL is shared between runs
    store.record_fetch(_snapshot(url, b"v1"), text="version one")
    first = store.latest_snapshots()[url]
    assert first.header("etag") == '"v1"' and first.fetch_url == url + "/README.md"
    store.record_fetch(_snapshot(url, b"v2"), text="version two")
    assert store.latest_snapshots()[url].sha256 == hashlib.sha256(b"v2").hexdigest()
    store.record_fetch(_snapshot(url, b"", SourceStatus.RATE_LIMITED, reason="HTTP 429"))
    (source,) = [s for s in store.sources() if s.url == url]
    assert source.status is SourceStatus.RATE_LIMITED and source.reason == "HTTP 429"
    assert source.snapshot is not None and source.text == "version two"
    assert source.checked_at is not None and source.checked_at.tzinfo is not None


def test_citations_say_who_cites_a_source(store: Store) -> None:
    url = f"https://example.org/{uuid.uuid4()}"
    store.replace_document(make_document("cites.md"), [])
    store.replace_citations(
        "cites.md", [Citation("cites.md", 7, url, "link", url), Citation("cites.md", 9, "x", "author_date", "")]
    )
    assert store.cited_urls_of("cites.md") == [url]
    (source,) = [s for s in store.sources() if s.url == url]
    assert source.cited_by == (("cites.md", 7),) and source.snapshot is None and source.reason == "not fetched yet"
    store.remove_document("cites.md")
    assert store.cited_urls_of("cites.md") == []


def test_a_database_whose_driver_is_missing_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pymysql", None)  # absent, whatever this machine has installed
    with pytest.raises(StoreError, match=r"driver is not installed.*pymysql"):
        Store("mysql+pymysql://user@localhost/factcheck")

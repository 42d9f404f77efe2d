"""Cassettes: vcrpy's format, replayed by factcheck's own transport and by pytest-recording alike,
with credentials scrubbed before anything is written, and the example's cassettes rebuilt from
their snapshots."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
import yaml

from factcheck.models import Snapshot, SourceStatus
from factcheck.sources import (
    CassetteTransport,
    FetchPolicy,
    Interaction,
    fetch_sources,
    interactions_for,
    write_cassette,
)

REPOSITORY = Path(__file__).resolve().parent.parent
CASSETTES = REPOSITORY / "cassettes"
SHARED_SOURCES = REPOSITORY.parent / "shared" / "sources"
V3_README = "https://raw.githubusercontent.com/deepseek-ai/DeepSeek-V3/HEAD/README.md"
NO_WAIT = FetchPolicy(interval=0.0, backoff=0.0, sleep=lambda _s: None)


def _write(tmp_path: Path, *interactions: Interaction) -> Path:
    write_cassette(tmp_path / "site.yaml", interactions, ["made by a test"])
    return tmp_path


def test_a_written_cassette_replays_text_and_binary_bodies(tmp_path: Path) -> None:
    pdf = b"%PDF-1.4\n\xff\xfe binary"
    folder = _write(
        tmp_path,
        Interaction("https://example.org/a.md", 200, (("Content-Type", "text/markdown"),), "# Ünïcode\n".encode()),
        Interaction("https://example.org/p.pdf", 200, (("Content-Type", "application/pdf"),), pdf),
        Interaction("https://example.org/copy.pdf", 200, (("Content-Type", "application/pdf"),), pdf),
    )
    text = (folder / "site.yaml").read_text(encoding="utf-8")
    assert text.startswith("# made by a test\n") and text.count("!!binary") == 1  # a repeated body is aliased
    with httpx.Client(transport=CassetteTransport(folder)) as client:
        assert client.get("https://example.org/a.md").text == "# Ünïcode\n"
        assert client.get("https://example.org/copy.pdf").content == pdf


def test_an_unrecorded_request_fails_naming_the_closest_recording(tmp_path: Path) -> None:
    folder = _write(tmp_path, Interaction("https://example.org/a.md", 200, (), b"x"))
    with httpx.Client(transport=CassetteTransport(folder)) as client, pytest.raises(httpx.ConnectError) as error:
        client.get("https://example.org/b.md")
    assert "no recorded response" in str(error.value) and "https://example.org/a.md" in str(error.value)


def test_offline_fetching_gives_archived_or_unreachable(tmp_path: Path) -> None:
    folder = _write(tmp_path, Interaction("https://example.org/a.md", 200, (("Content-Type", "text/plain"),), b"hi"))
    hit, miss = fetch_sources(
        ["https://example.org/a.md", "https://example.org/gone"], NO_WAIT, transport=CassetteTransport(folder)
    )
    assert (hit.status, hit.origin, hit.body) == (SourceStatus.ARCHIVED, "replayed", b"hi")
    assert miss.status is SourceStatus.UNREACHABLE and "no recorded response" in miss.reason


@pytest.mark.parametrize(
    ("header", "kept"),
    [("Authorization", False), ("Cookie", False), ("Set-Cookie", False), ("X-Api-Key", False), ("ETag", True)],
)
def test_credentials_never_reach_a_cassette(tmp_path: Path, header: str, kept: bool) -> None:
    snapshot = Snapshot(
        url="https://api.example.org/v1?api_key=SECRET123&page=2",
        status=SourceStatus.ARCHIVED,
        fetch_url="https://api.example.org/v1?api_key=SECRET123&page=2",
        http_status=200,
        headers=((header, "SECRET123"),),
        body=b"body",
    )
    write_cassette(tmp_path / "c.yaml", interactions_for(snapshot), [])
    text = (tmp_path / "c.yaml").read_text(encoding="utf-8")
    assert "api_key=REDACTED" in text and "page=2" in text
    assert ("SECRET123" in text) is kept


def test_a_redirected_fetch_records_the_redirect_too() -> None:
    snapshot = Snapshot(
        url="https://a.example/x",
        status=SourceStatus.ARCHIVED,
        fetch_url="https://a.example/x",
        final_url="https://b.example/y",
        http_status=200,
        body=b"body",
    )
    assert [(i.uri, i.status) for i in interactions_for(snapshot)] == [
        ("https://a.example/x", 302),
        ("https://b.example/y", 200),
    ]


# --- the bundled example's cassettes ------------------------------------------------------------


def test_the_example_cassettes_replay_the_snapshot_bytes() -> None:
    (snapshot,) = fetch_sources(
        ["https://github.com/deepseek-ai/DeepSeek-V3"], NO_WAIT, transport=CassetteTransport(CASSETTES)
    )
    assert snapshot.status is SourceStatus.ARCHIVED
    assert snapshot.fetch_url == V3_README and b"DeepSeek-V3" in snapshot.body
    (paper,) = fetch_sources(["https://arxiv.org/abs/2412.19437"], NO_WAIT, transport=CassetteTransport(CASSETTES))
    assert paper.media_type == "application/pdf" and paper.body.startswith(b"%PDF-")


@pytest.mark.vcr(str(CASSETTES / "deepseek-v3.yaml"))
def test_pytest_recording_replays_the_same_cassettes() -> None:
    # vcrpy patches httpx here; record mode is "none", so an unrecorded request would fail
    response = httpx.get(V3_README)
    assert response.status_code == 200 and "DeepSeek-V3" in response.text


def test_every_cassette_says_where_its_bytes_came_from() -> None:
    for path in sorted(CASSETTES.glob("*.yaml")):
        head = path.read_text(encoding="utf-8")[:2000]
        assert head.startswith("# Cassette for ") and "source.yaml" in head and "sha256" in head, path.name


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="../shared/sources (the snapshots) is not beside this clone")
def test_the_example_cassettes_are_exactly_what_the_snapshots_give(tmp_path: Path) -> None:
    from tests.example_cassettes import build

    built = {p.name: p.read_bytes() for p in build(SHARED_SOURCES, tmp_path)}
    committed = {p.name: p.read_bytes() for p in CASSETTES.glob("*.yaml")}
    assert sorted(built) == sorted(committed)
    for name, data in built.items():
        assert hashlib.sha256(data).hexdigest() == hashlib.sha256(committed[name]).hexdigest(), name


def test_cassette_bodies_match_the_hashes_they_state() -> None:
    for path in sorted(CASSETTES.glob("*.yaml"))[:3]:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        stated = {
            line.split("sha256 ")[1].split(",")[0] for line in path.read_text().splitlines()[:40] if "sha256 " in line
        }
        for interaction in data["interactions"]:
            body = interaction["response"]["body"]["string"]
            raw = body.encode("utf-8") if isinstance(body, str) else body
            assert hashlib.sha256(raw).hexdigest() in stated, (path.name, interaction["request"]["uri"])


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="../shared/sources (the snapshots) is not beside this clone")
def test_the_example_register_is_what_the_snapshots_give() -> None:
    from tests.example_cassettes import register_for

    assert register_for(SHARED_SOURCES) == (REPOSITORY / "claims" / "sources.yaml").read_text(encoding="utf-8")

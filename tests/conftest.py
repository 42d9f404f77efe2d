"""Shared fixtures: the bundled example corpus and an isolated project directory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "src" / "factcheck" / "data" / "example"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def no_live_fetching(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never fetch sources from the network: audits skip them unless a test asks for the
    cassettes (--offline) or serves its own on 127.0.0.1; --block-network in pyproject.toml
    enforces it."""
    monkeypatch.setenv("FACTCHECK_FETCH", "off")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project directory as the working directory, with its own SQLite database."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    return tmp_path

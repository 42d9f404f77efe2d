"""Shared fixtures: the bundled example corpus and an isolated project directory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "src" / "factcheck" / "data" / "example"
SHARED = REPO.parent / "shared"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project directory as the working directory, with its own SQLite database."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    return tmp_path

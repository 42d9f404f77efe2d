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


@pytest.fixture(scope="session")
def replayed_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project that has fetched the bundled example's sources once, replayed from cassettes/ with
    the example's register: reading the replayed PDFs is the slow part, so tests copy its
    database and archive (`with_replayed_sources`) instead of doing it again."""
    import os
    import shutil

    from factcheck.cli import main

    root = tmp_path_factory.mktemp("replayed")
    (root / "factcheck.toml").write_text(
        f'fetch = "offline"\ncassettes_dir = "{(REPO / "cassettes").as_posix()}"\n', encoding="utf-8"
    )
    shutil.copytree(EXAMPLE, root / "docs")
    (root / "claims").mkdir()
    shutil.copy(REPO / "claims" / "sources.yaml", root / "claims" / "sources.yaml")
    saved = {k: os.environ.pop(k, None) for k in ("FACTCHECK_DB", "FACTCHECK_FETCH")}
    cwd = Path.cwd()
    try:
        os.chdir(root)
        assert main(["fetch", "docs"]) == 0
    finally:
        os.chdir(cwd)
        os.environ.update({k: v for k, v in saved.items() if v is not None})
    return root


def with_replayed_sources(target: Path, replayed: Path) -> None:
    """Give the project at `target` the replayed project's database, archive and register."""
    import shutil

    shutil.copy(replayed / "factcheck.db", target / "factcheck.db")
    shutil.copytree(replayed / ".factcheck", target / ".factcheck", dirs_exist_ok=True)
    (target / "claims").mkdir(exist_ok=True)
    shutil.copy(replayed / "claims" / "sources.yaml", target / "claims" / "sources.yaml")

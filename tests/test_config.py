"""Settings: defaults < configuration file < environment (database) < flags; unknown keys are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import load_settings
from factcheck.errors import ConfigError


def test_defaults_without_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    settings = load_settings(tmp_path)
    assert settings.root == tmp_path.resolve()
    assert settings.documents == ()
    assert settings.database == f"sqlite:///{tmp_path.resolve() / 'factcheck.db'}"
    assert settings.claims_dir == tmp_path.resolve() / "claims"


def test_pyproject_table_is_read_from_a_subdirectory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.factcheck]\ndocuments = ["docs"]\nreports_dir = "out"\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    settings = load_settings(tmp_path / "sub")
    assert settings.documents == (tmp_path.resolve() / "docs",)
    assert settings.reports_dir == tmp_path.resolve() / "out"


def test_environment_and_flags_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "factcheck.toml").write_text('database = "sqlite:///from-file.db"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_DB", "sqlite:///from-env.db")
    assert load_settings(tmp_path).database == "sqlite:///from-env.db"
    assert load_settings(tmp_path, {"database": "sqlite:///from-flag.db"}).database == "sqlite:///from-flag.db"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('documnets = ["docs"]\n', "unknown keys"),
        ("documents = 3\n", "must be a path or a list"),
        ("max_document_bytes = -1\n", "positive integer"),
        ('fail_on = "sometimes"\n', "fail_on"),
        ("documents = [\n", "factcheck.toml"),
    ],
)
def test_bad_configuration_is_an_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "factcheck.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path)

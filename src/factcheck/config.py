"""One frozen Settings: defaults < [tool.factcheck] in pyproject.toml or factcheck.toml < environment
(FACTCHECK_DB, FACTCHECK_FETCH) < flags.

Unknown keys are errors, so a typo in configuration never silently does nothing.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from factcheck.documents import MAX_DOCUMENT_BYTES
from factcheck.errors import ConfigError

__all__ = ["Settings", "load_settings", "find_project_root"]


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, resolved to absolute paths."""

    root: Path  # the project directory: where the config file is, else the working directory
    documents: tuple[Path, ...] = ()  # what `factcheck audit` checks when given no paths
    database: str = ""  # SQLAlchemy URL; FACTCHECK_DB or sqlite:///<root>/factcheck.db
    claims_dir: Path = field(default=Path("claims"))
    reports_dir: Path = field(default=Path("reports"))
    vocabulary: tuple[Path, ...] = ()  # extra vocabulary files, applied after the built-in one
    max_document_bytes: int = MAX_DOCUMENT_BYTES  # of text; a PDF's file may be larger
    fail_on: str = "high"
    write_claim_files: bool = True
    # Sources: "live" fetches over the network, "offline" replays cassettes_dir, "off" skips them.
    fetch: str = "live"
    cassettes_dir: Path = field(default=Path("cassettes"))
    archive_dir: Path = field(default=Path(".factcheck/archive"))
    fetch_interval: float = 1.0  # seconds between two requests to one host
    fetch_timeout: float = 20.0  # seconds to connect and between reads
    max_source_bytes: int = 50 * 1024 * 1024


_KEYS = {f.name for f in fields(Settings)} - {"root"}


def find_project_root(start: Path) -> tuple[Path, Path | None]:
    """The nearest directory upwards holding factcheck.toml or a pyproject.toml with [tool.factcheck]."""
    for directory in (start, *start.parents):
        candidate = directory / "factcheck.toml"
        if candidate.is_file():
            return directory, candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "[tool.factcheck]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return directory, pyproject
    return start, None


def _read_table(path: Path) -> Mapping[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factcheck", {})
    else:
        table = data.get("tool", {}).get("factcheck", data)
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    return table


def _coerce(root: Path, key: str, value: object, origin: str) -> object:
    def paths(v: object) -> tuple[Path, ...]:
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ConfigError(f"{origin}: '{key}' must be a path or a list of paths")
        return tuple((root / i).resolve() for i in items)

    if key in ("documents", "vocabulary"):
        return paths(value)
    if key in ("claims_dir", "reports_dir", "cassettes_dir", "archive_dir"):
        if not isinstance(value, str):
            raise ConfigError(f"{origin}: '{key}' must be a path")
        return (root / value).resolve()
    if key in ("max_document_bytes", "max_source_bytes"):
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{origin}: '{key}' must be a positive integer")
        return value
    if key in ("fetch_interval", "fetch_timeout"):
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"{origin}: '{key}' must be a number of seconds, 0 or more")
        return float(value)
    if key == "fetch":
        if value not in ("live", "offline", "off"):
            raise ConfigError(f"{origin}: 'fetch' must be one of live, offline, off")
        return value
    if key == "fail_on":
        if value not in ("high", "medium", "low", "never"):
            raise ConfigError(f"{origin}: 'fail_on' must be one of high, medium, low, never")
        return value
    if key == "write_claim_files":
        if not isinstance(value, bool):
            raise ConfigError(f"{origin}: 'write_claim_files' must be true or false")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{origin}: '{key}' must be a string")
    return value


def load_settings(cwd: Path | None = None, overrides: Mapping[str, object] | None = None) -> Settings:
    """Settings for a run started in `cwd`: configuration file, environment, then `overrides` (flags).

    Raises ConfigError for unreadable configuration, unknown keys or values of the wrong type.
    """
    start = (cwd or Path.cwd()).resolve()
    root, config_path = find_project_root(start)
    values: dict[str, object] = {
        "claims_dir": root / "claims",
        "reports_dir": root / "reports",
        "cassettes_dir": root / "cassettes",
        "archive_dir": root / ".factcheck" / "archive",
    }
    if config_path is not None:
        table = _read_table(config_path)
        unknown = set(table) - _KEYS
        if unknown:
            raise ConfigError(f"{config_path}: unknown keys in [tool.factcheck]: {', '.join(sorted(unknown))}")
        for key, value in table.items():
            values[key] = _coerce(root, key, value, str(config_path))
    values["database"] = (
        os.environ.get("FACTCHECK_DB") or values.get("database") or f"sqlite:///{root / 'factcheck.db'}"
    )
    if os.environ.get("FACTCHECK_FETCH"):  # CI and tests switch fetching off or to replay without editing config
        values["fetch"] = _coerce(root, "fetch", os.environ["FACTCHECK_FETCH"], "FACTCHECK_FETCH")
    settings = Settings(root=root, **values)  # type: ignore[arg-type]
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in _KEYS:
            raise ConfigError(f"unknown setting '{key}'")
        coerced = _coerce(start, key, value, "command line") if key != "database" else value
        settings = replace(settings, **{key: coerced})  # type: ignore[arg-type]
    return settings

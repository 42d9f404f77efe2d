"""The layout STYLE.md asks for, kept by a test: each third-party library lives in one module,
and the package's public surface is what __all__ says."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import factcheck

PACKAGE = Path(factcheck.__file__).parent

# library -> the only module allowed to import it
_OWNERS = {
    "sqlalchemy": {"store.py"},
    "jinja2": {"reports.py"},
    "click": {"cli.py"},
    "rich": {"cli.py"},
    "trafilatura": {"documents.py"},
    "httpx": {"sources/fetch.py", "sources/cassettes.py"},
    "pypdf": {"documents.py"},
    "ftfy": {"documents.py"},
    "spacy": {"claims/text.py"},
    "jsonschema": {"claimfiles.py"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")))
def test_third_party_libraries_stay_in_their_module(module: str) -> None:
    imported = _imports(PACKAGE / module)
    for library, owners in _OWNERS.items():
        if library in imported:
            assert module in owners, f"{module} imports {library}; only {sorted(owners)} may"


def test_only_the_cli_knows_about_the_command_line() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.name != "cli.py":
            assert "sys.argv" not in path.read_text(encoding="utf-8"), path.name


def test_public_names_are_importable() -> None:
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None

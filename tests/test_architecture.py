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


def _factcheck_modules_imported(path: Path) -> set[str]:
    """The package's own modules that `path` imports, as paths relative to the package."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck"):
            parts = node.module.split(".")[1:]
            candidate = PACKAGE.joinpath(*parts)
            found.add(f"{'/'.join(parts)}.py" if candidate.with_suffix(".py").exists() else "/".join(parts))
    return {name for name in found if name}


def test_the_extraction_fingerprint_hashes_all_the_code_extraction_runs() -> None:
    from factcheck.claims import _RULES_CODE

    # Modules extraction imports that cannot change a claim: errors.py only defines exceptions.
    no_effect = {"errors.py"}

    def covered(module: str) -> bool:
        return module in no_effect or any(module == entry or module.startswith(f"{entry}/") for entry in _RULES_CODE)

    todo = [PACKAGE / "claims" / p.name for p in (PACKAGE / "claims").glob("*.py")]
    seen: set[str] = set()
    while todo:
        path = todo.pop()
        for module in _factcheck_modules_imported(path) - seen:
            seen.add(module)
            # A package import ("factcheck.claims") is the package's __init__.
            target = PACKAGE / module if module.endswith(".py") else PACKAGE / module / "__init__.py"
            if target.name == "__init__.py" and target.parent == PACKAGE:
                continue  # factcheck's own __init__: the version, hashed on its own
            assert covered(module), f"extraction imports {module}, which the rules fingerprint does not hash"
            todo.append(target)

"""The README's first screen holds: two set-up commands, the second the one CI runs."""

from __future__ import annotations

import re

from .conftest import REPO


def _first_screen_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_screen = text.split("\n## ", 1)[0]
    return re.findall(r"^\$ (.+)$", first_screen, re.MULTILINE)


def test_two_setup_commands_on_the_first_screen() -> None:
    commands = _first_screen_commands()
    assert len(commands) == 2
    assert commands[0].endswith("factcheck audit")
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _first_screen_commands()[1] in ci.splitlines()


def test_every_cli_command_is_documented() -> None:
    from factcheck.cli import cli

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"factcheck {name}" in readme, name


def test_readme_output_and_committed_claim_files_match_the_code(tmp_path, monkeypatch, replayed_example) -> None:
    """The README shows the real output of its first command, and claims/ holds what extraction of
    the bundled example really gives: when extraction changes, both are regenerated and the diff is
    reviewed (`factcheck audit` from the repository root rewrites claims/)."""
    import shutil

    from factcheck.cli import main

    from .conftest import EXAMPLE, with_replayed_sources

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.delenv("FACTCHECK_FETCH", raising=False)  # as in the repository: replay the cassettes
    config = f'fetch = "offline"\ncassettes_dir = "{(REPO / "cassettes").as_posix()}"\n'
    (tmp_path / "factcheck.toml").write_text(config, encoding="utf-8")
    shutil.copytree(EXAMPLE, tmp_path / "example")
    with_replayed_sources(tmp_path, replayed_example)  # the sources as a first run archives them
    assert main(["forget", *(p.name for p in EXAMPLE.iterdir())]) == 0  # but the documents extracted afresh
    assert main(["audit", "example"]) == 1
    report = (tmp_path / "reports" / "audit.json").read_text(encoding="utf-8")
    import json

    summary = json.loads(report)["summary"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    findings = summary["findings"]["by_severity"]
    first_line = (
        f"{summary['documents']} documents, {summary['claims']} claims, {summary['findings']['open']} open "
        f"findings ({findings.get('high', 0)} high, {findings.get('medium', 0)} medium, "
        f"{findings.get('low', 0)} low)"
    )
    assert first_line in readme
    counts = {name: 0 for name in ("contradicted", "supported", "not_found", "unreachable", "no_source")}
    for verdict in json.loads(report)["verdicts"]:
        counts[verdict["verdict"]] += 1
    verified = f"{sum(counts.values())} claims verified: " + ", ".join(
        f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if n
    )
    assert verified in readme
    produced = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "claims").glob("*.txt.yaml")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "claims").glob("*.txt.yaml")}
    assert produced.keys() == committed.keys()
    for name, text in produced.items():
        assert text == committed[name], f"claims/{name} is stale: run `factcheck audit` and review the diff"

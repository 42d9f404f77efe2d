"""The sources commands end to end: fetch (replayed from the repository's cassettes), sources,
sources add, and audit --offline, on a real SQLite database and archive."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.register import load_register

from .conftest import EXAMPLE, REPO, with_replayed_sources

CASSETTES = REPO / "cassettes"


@pytest.fixture
def offline_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FACTCHECK_FETCH")
    (project / "factcheck.toml").write_text(
        f'fetch = "offline"\ncassettes_dir = "{CASSETTES.as_posix()}"\n', encoding="utf-8"
    )
    shutil.copytree(EXAMPLE, project / "docs")
    (project / "claims").mkdir(exist_ok=True)
    return project


def _sources(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert main(["sources", "--format", "json"]) == 0
    return {s["url"]: s for s in json.loads(capsys.readouterr().out)}


def test_fetch_replays_what_has_a_snapshot_and_reports_the_rest(
    offline_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fetch", "docs"]) == 0
    assert "sources replayed from cassettes" in capsys.readouterr().err
    sources = _sources(capsys)
    v3 = sources["https://github.com/deepseek-ai/DeepSeek-V3"]
    assert v3["status"] == "archived" and v3["origin"] == "replayed"
    assert v3["fetch_url"] == "https://raw.githubusercontent.com/deepseek-ai/DeepSeek-V3/HEAD/README.md"
    assert {"document": "000_d4f2133b4cbabe07.txt", "line": 1068} in v3["cited_by"]  # type: ignore[operator]
    paper = sources["https://arxiv.org/abs/2412.19437"]
    assert paper["media_type"] == "application/pdf"
    search = sources["https://x.com/search?q=llama4performance"]
    assert search["status"] == "unreachable" and "no recorded response" in str(search["reason"])
    # the archive holds every body the database points to, under its hash
    archive = offline_project / ".factcheck" / "archive"
    for source in sources.values():
        if source["sha256"]:
            sha = str(source["sha256"])
            assert hashlib.sha256((archive / sha[:2] / sha).read_bytes()).hexdigest() == sha
    # a second run changes nothing: the replayed bytes are the archived ones
    assert main(["fetch", "docs"]) == 0
    again = _sources(capsys)
    assert again["https://github.com/deepseek-ai/DeepSeek-V3"]["status"] == "unchanged"
    assert again["https://github.com/deepseek-ai/DeepSeek-V3"]["sha256"] == v3["sha256"]


def test_audit_offline_lists_sources_and_citation_findings(
    offline_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "docs"]) == 1
    report = json.loads((offline_project / "reports" / "audit.json").read_text(encoding="utf-8"))
    statuses = {s["url"]: s["status"] for s in report["sources"]}
    assert statuses["https://arxiv.org/abs/2412.19437"] == "archived"
    metrics = {f["metric"] for f in report["findings"] if f["kind"] == "citation"}
    assert {"ambiguous citation key", "duplicate reference", "search page"} <= metrics
    assert "Sources" in (offline_project / "reports" / "audit.html").read_text(encoding="utf-8")


def test_audit_without_sources(offline_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "docs", "--no-sources"]) == 1
    assert "sources not fetched (fetch = off): claims are checked against what earlier runs" in capsys.readouterr().err


def test_audit_without_sources_uses_what_an_earlier_run_archived(offline_project: Path) -> None:
    assert main(["audit", "docs"]) == 1
    assert main(["audit", "docs", "--no-sources"]) == 1
    report = json.loads((offline_project / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert any(v["verdict"] in ("supported", "contradicted") for v in report["verdicts"])


def test_a_source_added_by_hand_is_archived_and_marked(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = project / "saved.md"
    copy.write_text("# Paywalled report\n\nTraining cost $5.576M.\n", encoding="utf-8")
    assert main(["sources", "add", "https://paywalled.example/report", "--file", str(copy)]) == 0
    source = _sources(capsys)["https://paywalled.example/report"]
    assert source["status"] == "archived" and source["origin"] == "manual"
    assert source["sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest()


def test_adding_an_unreadable_file_is_an_input_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "blank.md").write_text("   \n", encoding="utf-8")
    assert main(["sources", "add", "https://x.example/", "--file", str(project / "blank.md")]) == 2
    assert main(["sources", "add", "https://x.example/", "--file", str(project / "missing.pdf")]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_verify_gives_verdicts_with_evidence_from_the_replayed_sources(
    offline_project: Path, replayed_example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_replayed_sources(offline_project, replayed_example)
    capsys.readouterr()
    assert main(["verify", "docs", "--format", "json"]) == 0
    verdicts = json.loads(capsys.readouterr().out)
    by_place = {
        (v["claim"]["document"], v["claim"]["line"], v["claim"]["subject"], v["claim"]["metric"]): v for v in verdicts
    }
    gpu_hours = by_place[("001_493fd152ae4ebc24.txt", 126, "DeepSeek-V3", "training GPU hours")]
    assert gpu_hours["verdict"] == "supported" and gpu_hours["evidence"]["sha256"]
    humaneval = by_place[("000_d4f2133b4cbabe07.txt", 95, "DeepSeek-V3", "HumanEval")]
    assert humaneval["verdict"] == "contradicted" and humaneval["evidence"]["value"] == 65.2
    aime = by_place[("000_d4f2133b4cbabe07.txt", 54, "Kimi K2", "AIME")]  # a Kimi k1.5 score given to Kimi K2
    assert aime["verdict"] == "not_found" and aime["elsewhere"]["subject"] == "Kimi k1.5"
    assert verdicts[0]["verdict"] == "contradicted"  # contradicted claims come first
    assert {v["verdict"] for v in verdicts} <= {"supported", "contradicted", "not_found", "unreachable", "no_source"}


def test_audit_reports_verdicts(
    offline_project: Path, replayed_example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_replayed_sources(offline_project, replayed_example)
    assert main(["audit", "docs"]) == 1
    assert "claims verified" in capsys.readouterr().err
    report = json.loads((offline_project / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert report["verdicts"][0]["verdict"] == "contradicted"
    html = (offline_project / "reports" / "audit.html").read_text(encoding="utf-8")
    assert 'id="verdict-table"' in html and "verdict-bar" in html
    assert "### Verification" in (offline_project / "reports" / "audit.md").read_text(encoding="utf-8")


def test_a_copy_by_hand_needs_a_web_address(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "saved.md").write_text("# Saved\n\n42 tokens.\n", encoding="utf-8")
    assert main(["sources", "add", "notaurl", "--file", str(project / "saved.md")]) == 2
    assert "not a web address" in capsys.readouterr().err


def test_sources_written_into_a_claim_file_are_used_and_kept(
    offline_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    assert main(["extract", "docs"]) == 0
    path = offline_project / "claims" / "001_493fd152ae4ebc24.txt.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(c for c in data["claims"] if c["line"] == 126 and c["metric"] == "training GPU hours")
    entry["sources"] = ["https://arxiv.org/abs/2412.19437"]  # 001 cites nothing; a reviewer adds the paper
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert main(["check", str(path), "--fail-on", "never"]) == 0
    capsys.readouterr()
    assert main(["verify", "docs", "--format", "json"]) == 0
    verdicts = {v["claim"]["id"]: v for v in json.loads(capsys.readouterr().out)}
    verdict = verdicts[entry["id"]]
    assert verdict["verdict"] == "supported" and verdict["source"] == "https://arxiv.org/abs/2412.19437"
    assert main(["extract", "docs", "--force"]) == 0  # extracting again keeps what the reviewer wrote
    again = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert next(c for c in again["claims"] if c["id"] == entry["id"])["sources"] == entry["sources"]


def test_the_summary_and_the_report_count_the_same_sources(
    offline_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(REPO / "claims" / "sources.yaml", offline_project / "claims" / "sources.yaml")
    note = offline_project / "note.md"
    note.write_text("# Notes\n\nNothing cited here; Qwen3 has 235B total parameters.\n", encoding="utf-8")
    assert main(["audit", str(note)]) == 0
    registered = {url for urls in load_register(offline_project / "claims").values() for url in urls}
    assert f"{len(registered)} sources replayed from cassettes" in capsys.readouterr().err
    report = json.loads((offline_project / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert {s["url"] for s in report["sources"]} == registered  # every registered source, as counted

"""End to end through the console entry point, on real files and a real SQLite database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main

from .conftest import EXAMPLE


def _copy_example(target: Path) -> Path:
    docs = target / "docs"
    shutil.copytree(EXAMPLE, docs)
    return docs


def test_audit_on_the_bundled_example(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _copy_example(project)
    assert main(["audit", str(docs)]) == 1  # the example really contradicts itself: high findings
    for name in ("audit.json", "audit.md", "audit.html"):
        assert (project / "reports" / name).stat().st_size > 1000
    report = json.loads((project / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] == 5
    assert report["summary"]["claims"] > 300
    assert len(list((project / "claims").glob("*.yaml"))) == 5
    assert "5 documents" in capsys.readouterr().err


def test_an_audit_of_other_documents_can_keep_its_claim_files_and_reports_apart(project: Path) -> None:
    other = project / "elsewhere"
    other.mkdir()
    (other / "notes.md").write_text("# Kimi K2\n- Total parameters: 1T\n", encoding="utf-8")
    args = ["audit", str(other), "--no-sources", "--claims-dir", str(other / "claims")]
    assert main([*args, "--reports-dir", str(other / "reports")]) == 0
    assert [p.name for p in (other / "claims").glob("*.yaml")] == ["notes.md.yaml"]
    assert (other / "reports" / "audit.md").is_file()
    assert not (project / "claims").exists() or not list((project / "claims").glob("notes*"))


def test_audit_uses_configured_documents(project: Path) -> None:
    _copy_example(project)
    (project / "factcheck.toml").write_text('documents = ["docs"]\n', encoding="utf-8")
    assert main(["audit"]) == 1
    assert (project / "reports" / "audit.html").exists()


def test_a_second_audit_of_the_project_folder_does_not_read_its_own_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "note.md").write_text("# Qwen3\n- Total parameters: 235B\n", encoding="utf-8")
    assert main(["audit", str(project)]) == 0
    assert (project / "reports" / "audit.md").exists() and (project / "claims" / "note.md.yaml").exists()
    capsys.readouterr()
    assert main(["audit", str(project)]) == 0
    assert "1 document (1 unchanged since the last run), 1 claim" in capsys.readouterr().err  # not its reports


def test_audit_without_documents_is_a_usage_error(project: Path) -> None:
    assert main(["audit"]) == 2


def test_an_audit_with_nothing_readable_keeps_the_last_reports_and_says_so(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "good.md").write_text("# DeepSeek-V3\n- Cost: $5.6M training\n", encoding="utf-8")
    assert main(["audit", str(project / "good.md")]) == 0
    before = (project / "reports" / "audit.json").read_bytes()
    (project / "bad").mkdir()
    (project / "bad" / "empty.md").write_text("", encoding="utf-8")
    capsys.readouterr()
    assert main(["audit", str(project / "bad")]) == 2
    assert (project / "reports" / "audit.json").read_bytes() == before
    assert "no document could be read: the reports in reports were left as they were" in capsys.readouterr().err


def test_bad_documents_do_not_stop_the_others(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = project / "docs"
    docs.mkdir()
    (docs / "good.md").write_text("# DeepSeek-V3\n- Cost: $5.6M training\n", encoding="utf-8")
    (docs / "empty.md").write_text("", encoding="utf-8")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    assert main(["extract", str(docs)]) == 2
    err = capsys.readouterr().err
    for name in ("empty.md", "binary.txt", "broken.pdf"):
        assert name in err
    assert main(["claims", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    assert [(c["subject"], c["metric"], c["value"]) for c in claims] == [("DeepSeek-V3", "training cost", 5.6e6)]


def test_reextracting_a_changed_document_replaces_its_claims(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = project / "notes.md"
    doc.write_text("# Kimi K2\n- 1T total, 32B active\n", encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    doc.write_text("# Kimi K2\n- 1T total\n", encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    capsys.readouterr()
    assert main(["claims", "--format", "json", "--subject", "kimi k2"]) == 0
    claims = json.loads(capsys.readouterr().out)
    assert [c["metric"] for c in claims] == ["total parameters"]


def test_a_new_alias_reaches_the_claims_of_an_unchanged_document(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The store keeps the rules each document was extracted with: a vocabulary (or an upgrade)
    that reads it differently extracts it again, though the file did not change."""
    doc = project / "notes.md"
    doc.write_text("# Orion Ultra\n- 70B total params\n", encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    capsys.readouterr()
    assert main(["extract", str(doc)]) == 0
    assert "1 document (1 unchanged since the last run), 1 claim" in capsys.readouterr().err
    (project / "vocabulary.yaml").write_text("subjects:\n  Orion-70B: {aliases: [Orion Ultra]}\n", encoding="utf-8")
    (project / "factcheck.toml").write_text('vocabulary = ["vocabulary.yaml"]\n', encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    assert "unchanged" not in capsys.readouterr().err
    assert main(["claims", "--format", "json"]) == 0
    assert [c["subject"] for c in json.loads(capsys.readouterr().out)] == ["Orion-70B"]


def test_claims_json_has_the_documented_fields(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _copy_example(project)
    assert main(["extract", str(docs / "001_493fd152ae4ebc24.txt")]) == 0
    capsys.readouterr()
    assert main(["claims", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    required = {
        "id",
        "document",
        "line",
        "subject",
        "metric",
        "value",
        "unit",
        "qualifier",
        "low",
        "high",
        "text",
        "section",
    }
    assert claims and all(required <= set(c) for c in claims)
    assert any(c["value"] == 5.6e6 and c["unit"] == "USD" for c in claims)


def test_check_reports_file_and_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims_dir = project / "claims"
    claims_dir.mkdir()
    (claims_dir / "manual.yaml").write_text(
        "document: notes.md\nclaims:\n- id: a1\n  subject: DeepSeek-V3\n  metric: training cost\n"
        "  value: 5600000\n  qualifier: roughly\n",
        encoding="utf-8",
    )
    assert main(["check", str(claims_dir)]) == 1
    assert "manual.yaml:7:" in capsys.readouterr().out


def test_check_of_a_path_that_is_not_there_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(project / "claims" / "nope.yaml")]) == 2
    assert "nope.yaml: no such file or folder" in capsys.readouterr().err


def test_extracted_claim_files_pass_check(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _copy_example(project)
    assert main(["extract", str(docs)]) == 0
    capsys.readouterr()
    assert main(["check", "--fail-on", "never", str(project / "claims")]) == 0  # valid files ...
    assert main(["check", str(project / "claims")]) == 1  # ... whose claims do contradict each other
    assert "attribution conflict" in capsys.readouterr().out


def test_check_reports_a_new_claim_that_contradicts_known_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _copy_example(project)
    assert main(["extract", str(docs / "001_493fd152ae4ebc24.txt")]) == 0
    new = project / "new-claims"
    new.mkdir()
    (new / "draft.md.yaml").write_text(
        "document: draft.md\nclaims:\n- id: d1\n  subject: DeepSeek-V3\n  metric: total parameters\n"
        "  value: 685000000000\n  unit: parameters\n  quote: 685B\n  line: 3\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["check", str(new)]) == 1
    out = capsys.readouterr().out
    assert "draft.md:3" in out and "001_493fd152ae4ebc24.txt:22" in out


def test_a_hand_written_claim_without_quote_or_line_is_shown_readably(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _copy_example(project)
    assert main(["extract", str(docs)]) == 0
    new = project / "claims" / "manual"
    new.mkdir(parents=True)
    (new / "notes.yaml").write_text(
        "document: notes.md\nclaims:\n- id: n1\n  subject: DeepSeek-V3\n  metric: total parameters\n"
        "  value: 685000000000\n  unit: parameters\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["check", str(new)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("notes.md, ")  # the checked file's claim first, with no line to name
    assert "685B parameters (notes.md)" in line and "685000000000" not in line


def test_unknown_database_is_an_input_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "nosuchdb://x", "claims"]) == 2
    assert "cannot open database" in capsys.readouterr().err


def test_unknown_config_key_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "factcheck.toml").write_text('documnets = ["docs"]\n', encoding="utf-8")
    assert main(["audit"]) == 2
    assert "documnets" in capsys.readouterr().err


def test_extract_and_list_on_postgresql(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same commands through a real PostgreSQL server (started by .ci/run)."""
    import os

    from factcheck.store import Store

    url = os.environ.get("FACTCHECK_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("set FACTCHECK_TEST_POSTGRES_URL to run the CLI against PostgreSQL")
    with Store(url) as store:
        for document in store.documents():
            store.remove_document(document.name)
    docs = _copy_example(project)
    assert main(["--db", url, "extract", str(docs / "001_493fd152ae4ebc24.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", url, "claims", "--format", "json", "--subject", "deepseek-v3"]) == 0
    claims = json.loads(capsys.readouterr().out)
    assert {(c["metric"], c["value"]) for c in claims} >= {("total parameters", 671e9), ("MMLU", 88.5)}


def test_two_files_with_one_name_are_not_silently_merged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder, figure in (("a", "1T"), ("b", "2T")):
        (project / folder).mkdir()
        (project / folder / "notes.md").write_text(f"# Kimi K2\n- {figure} total\n", encoding="utf-8")
    assert main(["extract", str(project / "a"), str(project / "b")]) == 2
    assert "same file name" in capsys.readouterr().err
    assert main(["claims", "--format", "json"]) == 0
    assert [c["value"] for c in json.loads(capsys.readouterr().out)] == [1e12]


def test_documents_differing_in_extension_keep_separate_claim_files(project: Path) -> None:
    (project / "page.md").write_text("# Kimi K2\n- 1T total\n", encoding="utf-8")
    (project / "page.txt").write_text("# GLM-4.5\n- 355B total\n", encoding="utf-8")
    assert main(["extract", str(project / "page.md"), str(project / "page.txt")]) == 0
    assert sorted(p.name for p in (project / "claims").iterdir()) == ["page.md.yaml", "page.txt.yaml"]


def test_a_mistyped_path_does_not_blank_the_last_reports(project: Path) -> None:
    docs = _copy_example(project)
    assert main(["audit", str(docs)]) == 1
    before = (project / "reports" / "audit.json").read_text(encoding="utf-8")
    assert main(["audit", str(project / "doesnotexist")]) == 2
    assert (project / "reports" / "audit.json").read_text(encoding="utf-8") == before


def test_claims_filters_accept_any_spelling(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _copy_example(project)
    assert main(["extract", str(docs / "001_493fd152ae4ebc24.txt")]) == 0
    capsys.readouterr()
    assert main(["claims", "--format", "json", "--subject", "DeepSeek V3", "--metric", "MATH 500"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out) == []  # V3 has no MATH-500 claim in 001 ...
    assert "no claims match" in out.err
    assert main(["claims", "--format", "json", "--subject", "deepseek r1", "--metric", "MATH 500"]) == 0
    assert {c["value"] for c in json.loads(capsys.readouterr().out)} == {97.3}  # ... R1 has


def test_conflicts_lists_gates_and_accepts(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = project / "notes.md"
    doc.write_text("# DeepSeek-V3\n- 671B total params\n- Later: 685B total params\n", encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    capsys.readouterr()
    assert main(["conflicts", "--format", "json", "--fail-on", "high"]) == 1  # as a gate
    capsys.readouterr()
    assert main(["conflicts", "--format", "json"]) == 0  # a listing succeeds, to be read from a file
    (finding,) = json.loads(capsys.readouterr().out)
    assert (finding["kind"], finding["severity"], finding["status"]) == ("value", "high", "open")
    assert {c["line"] for c in finding["claims"]} == {2, 3}
    assert main(["conflicts", "--fail-on", "high"]) == 1  # as a gate
    assert main(["accept", finding["id"], "--reason", "the second figure is a later revision"]) == 0
    assert "the second figure" in (project / "claims" / "decisions.yaml").read_text(encoding="utf-8")
    assert main(["conflicts", "--fail-on", "low"]) == 0  # accepted findings never fail
    capsys.readouterr()
    assert main(["conflicts", "--format", "sarif"]) == 0  # the one finding is accepted
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["runs"][0]["results"][0]["suppressions"]
    assert main(["audit", str(doc)]) == 0  # nothing open left
    (reported,) = json.loads((project / "reports" / "audit.json").read_text(encoding="utf-8"))["findings"]
    assert reported["decision"]["reason"] == "the second figure is a later revision"
    assert "| the second figure is a later revision" in (project / "reports" / "audit.md").read_text(encoding="utf-8")


def test_forget_removes_a_document_and_its_claim_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = project / "notes.md"
    doc.write_text("# Kimi K2\n- 1T total\n", encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    assert (project / "claims" / "notes.md.yaml").exists()
    assert main(["forget", "notes.md"]) == 0
    assert not (project / "claims" / "notes.md.yaml").exists()
    capsys.readouterr()
    assert main(["claims", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["forget", "notes.md"]) == 2  # no longer there: said, not ignored


def test_annotations_and_sarif_locate_documents_in_the_project(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _copy_example(project)
    assert main(["extract", str(docs)]) == 0
    capsys.readouterr()
    assert main(["conflicts", "--format", "github"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=docs/") and ".txt,line=" in first
    assert main(["conflicts", "--format", "sarif"]) == 0
    location = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"].startswith("docs/")


def test_error_messages_keep_their_brackets(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "factcheck.toml").write_text("bogus = 1\n", encoding="utf-8")
    assert main(["claims"]) == 2
    assert "unknown keys in [tool.factcheck]: bogus" in capsys.readouterr().err


def test_auditing_other_documents_leaves_a_decision_about_these_unstale(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = project / "first.md"
    first.write_text("# DeepSeek-V3\n- 671B total params\n- Later: 685B total params\n", encoding="utf-8")
    second = project / "second.md"
    second.write_text("# Qwen3\n- 235B total params\n", encoding="utf-8")
    assert main(["audit", str(first)]) == 1
    (finding,) = json.loads((project / "reports" / "audit.json").read_text(encoding="utf-8"))["findings"]
    assert main(["accept", finding["id"], "--reason", "a later revision"]) == 0
    capsys.readouterr()
    assert main(["audit", str(second)]) == 0
    assert "stale" not in capsys.readouterr().err  # its finding still stands among first.md's claims
    first.write_text("# DeepSeek-V3\n- 671B total params\n", encoding="utf-8")
    assert main(["audit", str(first)]) == 0
    assert "1 stale" in capsys.readouterr().err  # now nothing stored has it


def test_a_decision_is_never_both_accepted_and_stale(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = project / "a.md"
    first.write_text("# DeepSeek-V3\n- 671B total params\n- Later: 685B total params\n", encoding="utf-8")
    assert main(["audit", str(first)]) == 1
    (finding,) = json.loads((project / "reports" / "audit.json").read_text(encoding="utf-8"))["findings"]
    assert main(["accept", finding["id"], "--reason", "a later revision"]) == 0
    (project / "b.md").write_text("# Qwen3\n- 235B total params\n", encoding="utf-8")
    main(["audit", str(project / "b.md")])
    capsys.readouterr()
    assert main(["audit", str(first)]) == 0
    err = capsys.readouterr().err
    assert "1 accepted" in err and "stale" not in err


def test_an_audit_of_new_documents_finds_their_conflicts_with_those_stored_before(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "old.md").write_text(
        "# Kimi K2\n- 1T total parameters\n\n# Qwen3\n- 235B total params\n- 253B total params\n", encoding="utf-8"
    )
    (project / "new.md").write_text("# Notes\n\nKimi K2 has 2 trillion total parameters.\n", encoding="utf-8")
    main(["audit", "--no-sources", str(project / "old.md")])
    capsys.readouterr()
    assert main(["audit", "--no-sources", str(project / "new.md")]) == 1
    findings = json.loads((project / "reports" / "audit.json").read_text(encoding="utf-8"))["findings"]
    # the new document's conflict with the stored one, not the stored document's own
    assert [(f["subject"], sorted({c["document"] for c in f["claims"]})) for f in findings] == [
        ("Kimi K2", ["new.md", "old.md"])
    ]

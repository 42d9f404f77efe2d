"""claims/sources.yaml: subjects to their authoritative sources, with file:line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.register import load_register, registered_sources
from factcheck.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def _register(tmp_path: Path, text: str) -> dict[str, tuple[str, ...]]:
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    return load_register(tmp_path, VOCABULARY)


def test_subjects_are_canonical_and_a_single_url_is_a_list(tmp_path: Path) -> None:
    register = _register(
        tmp_path, "DeepSeek V3:\n- https://github.com/deepseek-ai/DeepSeek-V3\nQwen3: https://github.com/QwenLM/Qwen3\n"
    )
    assert register == {
        "DeepSeek-V3": ("https://github.com/deepseek-ai/DeepSeek-V3",),
        "Qwen3": ("https://github.com/QwenLM/Qwen3",),
    }


def test_families_and_members_share_their_sources(tmp_path: Path) -> None:
    register = _register(tmp_path, "Qwen3: [https://q.example/]\nDeepSeek-V3: [https://d.example/]\n")
    assert registered_sources(register, "Qwen3-235B-A22B", VOCABULARY) == ("https://q.example/",)
    assert registered_sources(register, "DeepSeek", VOCABULARY) == ("https://d.example/",)
    assert registered_sources(register, "Mistral", VOCABULARY) == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Qwen3:\n  url: https://x.example/\n", ":1: Qwen3: give a URL or a list of URLs"),
        ("Qwen3: [https://x.example/]\nYi: [ftp://files.example/yi]\n", ":2: Yi: not an http(s) address"),
        ("- https://x.example/\n", "maps subjects to lists of URLs"),
        ("Qwen3: [unclosed\n", "YAML syntax error"),
    ],
)
def test_problems_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        _register(tmp_path, text)


def test_no_register_is_an_empty_one(tmp_path: Path) -> None:
    assert load_register(tmp_path, VOCABULARY) == {}


def test_check_reports_a_broken_register(tmp_path: Path) -> None:
    from factcheck.register import check_register_in

    (tmp_path / "sources.yaml").write_text("- https://x.example/\n", encoding="utf-8")
    (problem,) = check_register_in([tmp_path])
    assert str(problem).endswith("sources.yaml:1: a source register maps subjects to lists of URLs")
    (tmp_path / "sources.yaml").write_text("Qwen3: [https://x.example/]\n", encoding="utf-8")
    assert check_register_in([tmp_path]) == []

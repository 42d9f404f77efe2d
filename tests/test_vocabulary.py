"""Subject and metric names: aliases, variants kept apart, and a project's own vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import ConfigError
from factcheck.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("DeepSeek V3", "DeepSeek-V3"),
        ("deepseek-v3", "DeepSeek-V3"),
        ("DeepSeek R1", "DeepSeek-R1"),
        ("Qwen 3", "Qwen3"),
        ("Qwen3-235B", "Qwen3-235B-A22B"),
        ("Qwen 2.5", "Qwen2.5"),
        ("LLaMA-3.1", "Llama 3.1"),
        ("Maverick", "Llama 4 Maverick"),
        ("GLM-4.5 Air", "GLM-4.5-Air"),
        ("U.S.", "United States"),
    ],
)
def test_subject_aliases(spelling: str, canonical: str) -> None:
    assert VOCABULARY.subject(spelling) == canonical


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("MATH 500", "MATH-500"), ("AIME24", "AIME 2024"), ("SWE-Bench", "SWE-bench"), ("ELO", "LMArena Elo")],
)
def test_metric_aliases(spelling: str, canonical: str) -> None:
    assert VOCABULARY.metric(spelling) == canonical


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("GLM-4.5 and GLM-4.5-Air", ["GLM-4.5", "GLM-4.5-Air"]),
        ("Qwen3-235B-A22B and Qwen3-30B-A3B", ["Qwen3-235B-A22B", "Qwen3-30B-A3B"]),
        ("Llama 4 Scout and Llama 4 Maverick", ["Llama 4 Scout", "Llama 4 Maverick"]),
        ("Qwen3-4B rivals Qwen2.5-72B-Instruct", ["Qwen3-4B", "Qwen2.5-72B-Instruct"]),
        ("DeepSeek's V3 model", ["DeepSeek-V3"]),
        ("vs LLaMA 2,448 GFLOPS", ["Llama"]),
        ("Mixtral-8x22B-v0.3 is new", ["Mixtral-8x22B-v0.3"]),  # unlisted: kept as written
        ("Zephyr 2.0: 71.7%", ["Zephyr 2.0"]),  # unlisted, named before its score
        ("Stage 1: 30T tokens; Table 3: 80%", []),  # parts of a document, not names
        ("x-Zephyr 2.0: 71.7% and aZeta9-7B", []),  # inside other words
        ("Northwind Holdings Ltd. and Acme Corp", ["Northwind Holdings Ltd.", "Acme Corp"]),
        ("Qwen Next/Omni/VL (Sep)", ["Qwen3-Next", "Qwen3-Omni", "Qwen3-VL"]),  # the family's short names
        ("Qwen Next/Foo (Sep)", ["Qwen3-Next"]),  # no such member
        ("Qwen3/config.json", ["Qwen3"]),  # a path, not a sibling
        ("Qwen2.5-72B scores 86.1%", ["Qwen2.5-72B"]),  # unlisted, with a dotted version
        ("Llama 3.1 70B consumed 30.84M GPU hours on H100-80GB", ["Llama-3.1-70B"]),  # no GPU is a model
        ("Llama 3.1 70B reaches 86.0% and the 8B model 73.0%", ["Llama-3.1-70B", "Llama-3.1-8B"]),
        ("GPT-4o scores 88.7% and the 8B model 60.2%", ["GPT-4o"]),  # GPT-4o comes in no sizes
        ("We compared against Llama 3.1 70B.", ["Llama-3.1-70B"]),  # the full stop ends the name
        # words, not names; a known model's checkpoint is named after the model
        ("FP8-quantized weights and Web3-native apps on K2-Instruct", ["Kimi K2-Instruct"]),
        ("InternLM2-chat and Baichuan2-base", ["InternLM2-chat", "Baichuan 2-base"]),  # a variant's own word
        ("Gemma 2 27B needs 54 GB; OLMo 2 32B is open", ["Gemma-2-27B", "OLMo-2-32B"]),
        ("Qwen3 235B leads", ["Qwen3-235B-A22B"]),  # the vocabulary's own variant of that size
        ("Llama 3.1 is open; its 405B version costs more", ["Llama 3.1", "Llama-3.1-405B"]),
        ("GPT-4o-mini. Qwen2.5-Plus. Open-Source-Two", ["GPT-4o-mini", "Qwen2.5-Plus"]),  # no digit: no name
        ("DeepSeek-V3 671B total, Qwen2.5 0.5B to 72B, Qwen3 8B / 4B", ["DeepSeek-V3", "Qwen2.5", "Qwen3"]),
    ],
)
def test_mentions_keep_variants_apart(text: str, names: list[str]) -> None:
    assert [m.name for m in VOCABULARY.find_subjects(text)] == names


def test_short_aliases_are_case_sensitive() -> None:
    assert VOCABULARY.find_subjects("let us see") == []
    assert [m.name for m in VOCABULARY.find_subjects("the US share")] == ["United States"]


def test_a_project_extends_the_vocabulary(tmp_path: Path) -> None:
    extra = tmp_path / "vocab.yaml"
    extra.write_text(
        "subjects:\n  Hunyuan-Large: {family: Tencent, aliases: [Hunyuan Large]}\n"
        "  DeepSeek-V3: {aliases: [DSV3]}\nmetrics:\n  MMLU: {aliases: [MMLU (5-shot)]}\n",
        encoding="utf-8",
    )
    vocabulary = load_vocabulary([extra])
    assert vocabulary.subject("Hunyuan Large") == "Hunyuan-Large"
    assert vocabulary.subject("DSV3") == "DeepSeek-V3"
    assert vocabulary.subject("DeepSeek V3") == "DeepSeek-V3"  # built-in aliases kept
    assert vocabulary.metric("MMLU (5-shot)") == "MMLU"
    assert VOCABULARY.subject("DSV3") is None  # the package's vocabulary is untouched


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("subjects: [a, b]\n", "must be a mapping"),
        ("subjects:\n  X: {alias: [y]}\n", "unknown keys"),
        ("subject:\n  X: {}\n", "unknown top-level keys"),
        ("subjects:\n  X: {aliases: y}\n", "must be a list"),
        ("subjects: {X: [\n", "invalid YAML"),
        ("subjects:\n  X: {aliases: ['']}\n", "must not be empty"),
        ("metrics:\n  '  ': {}\n", "must not be empty"),
    ],
)
def test_bad_vocabulary_files_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "vocab.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_vocabulary([path])
    assert "vocab.yaml" in str(info.value)


def test_text_whose_lower_case_is_longer_keeps_its_positions() -> None:
    """ "İ" lower-cases to two characters; mentions after it must still point at the right span."""
    vocabulary = load_vocabulary()
    text = "İstanbul team compared DeepSeek-V3 with Qwen3-235B-A22B"
    found = vocabulary.find_subjects(text)
    assert [(m.name, text[m.start : m.end]) for m in found] == [
        ("DeepSeek-V3", "DeepSeek-V3"),
        ("Qwen3-235B-A22B", "Qwen3-235B-A22B"),
    ]


@pytest.mark.parametrize(
    ("name", "family"),
    [("Qwen2.5-72B", "Qwen2.5"), ("Llama-3.1-8B-Instruct", "Llama 3.1"), ("Gemma-2-27B", "Gemma 2"), ("Acme-7B", "")],
)
def test_an_unlisted_sized_name_belongs_to_the_model_it_sizes(name: str, family: str) -> None:
    assert VOCABULARY.family(name) == family

"""Categorical claims, compared like figures: the licence a model is released under and whether
it is dense or a mixture of experts, where the text states it of that model alone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.claims.text import COMPARISON, LICENCE, MARKER, clean_markup
from factcheck.models import Block, Qualifier, Quantity

if TYPE_CHECKING:
    from factcheck.claims.extractor import Extractor

_BARE_SIZE = re.compile(r"(?<![\w.\-])(\d+(?:\.\d+)?)\s?B\b(?![\-\w])")

# Right after a model's name, its architecture alone: "(MoE efficiency)", ": Proprietary dense model",
# ", a dense model"; never "dense and MoE" (both) or "MoE-style".
_ARCHITECTURE_AFTER = re.compile(
    r"(?:\s*\(\s*|\s*:\s*(?:(?!(?:not|non|no|unlike|without)\b)[A-Za-z\-]+\s+)?|,\s+an?\s+|\s+is\s+an?\s+)"
    r"(dense|MoE|mixture[- ]of[- ]experts)\b(?![\-/]|\s*(?:and|or|&|vs\.?|versus|compared|than)\s)",
    re.IGNORECASE,
)

_ARCHITECTURE_LABEL = re.compile(
    r"\s*(dense|MoE|mixture[- ]of[- ]experts)\s+(?:models?|variants?|sizes?)\s*:\s*", re.IGNORECASE
)

_ARCHITECTURE_WORD = re.compile(r"\b(?:dense|MoE|mixture[- ]of[- ]experts)\b", re.IGNORECASE)


def _may_name_architecture(text: str) -> bool:
    """_ARCHITECTURE_WORD's search, by substrings first in ASCII text (where case folds only ASCII
    letters): most blocks name no architecture, and the case-insensitive pattern costs a scan."""
    if text.isascii():
        lower = text.lower()
        if "dense" not in lower and "moe" not in lower and "mixture" not in lower:
            return False
    return _ARCHITECTURE_WORD.search(text) is not None


def _architecture_name(text: str) -> str:
    return "dense" if text.lower() == "dense" else "MoE"


def category_quantity(value: str, start: int, end: int, written: str) -> Quantity:
    return Quantity(
        value=value, unit="category", qualifier=Qualifier.EXACT, text=written, start=start, end=end, kind="category"
    )


def licence_name(text: str) -> str:
    """One spelling per licence, so that "Apache 2.0" and "apache-2.0" agree."""
    parts = []
    for written in re.split(r"\s*/\s*", " ".join(text.split())):
        part = written.lower()
        if part.startswith("apache"):
            parts.append("Apache-2.0")
        elif part == "mit":
            parts.append("MIT")
        elif part in ("proprietary", "closed source", "closed-source"):
            parts.append("proprietary")
        elif "community" in part or "open licen" in part or part.startswith("llama"):
            parts.append("Llama community license")
        elif re.search(r"\blicen[cs]e\b", part):  # a maker's own: "Mistral Research Licence" as "… License"
            words = re.sub(r"(?i)\s+agreement$", "", re.sub(r"(?i)licence", "license", written)).split()
            parts.append(" ".join(w[:1].upper() + w[1:].lower() for w in words))
        else:
            parts.append(part)
    return "/".join(sorted(set(parts)))


def architecture(extractor: Extractor, block: Block) -> None:
    """Categorical claims: whether a model is dense or a mixture of experts, where the text says
    so of it alone: "Qwen3-32B (MoE efficiency)", "Yi-Large: Proprietary dense model", and a list
    of sizes under its family's heading ("**Dense Models:** 0.6B, 1.7B, 32B" under Qwen 3).
    A family that "spans dense and MoE architectures" states nothing about one model."""
    clean = clean_markup(block.text)
    marker = MARKER.match(clean)
    body_start = marker.end() if marker else 0
    label = _ARCHITECTURE_LABEL.match(clean, body_start)
    if not label and not _may_name_architecture(clean):
        return
    quote = " ".join(clean.split())
    if label:
        family = extractor.section_subject(block.section)
        kind = _architecture_name(label.group(1))
        if family and " " not in family and extractor.vocabulary.members(family):
            listed = clean[: clean.find("(", label.end())] if "(" in clean[label.end() :] else clean
            for size in _BARE_SIZE.finditer(listed, label.end()):
                # only a model that exists by that name: in the vocabulary or this document
                name = extractor.vocabulary.subject(f"{family}-{size.group(1)}B") or f"{family}-{size.group(1)}B"
                if name in extractor.vocabulary.subjects or name.lower() in extractor.document_text:
                    q = category_quantity(kind, size.start(), size.end(), size.group(0))
                    extractor.add(block, q, name, "architecture", quote)
        return
    models = [
        m for m in extractor.vocabulary.find_subjects(clean) if extractor.vocabulary.subject_kind(m.name) == "model"
    ]
    for mention in models:
        stated = _ARCHITECTURE_AFTER.match(clean, mention.end)
        if stated:
            at = stated.start(1)
            q = category_quantity(_architecture_name(stated.group(1)), at, stated.end(1), stated.group(1))
            extractor.add(block, q, mention.name, "architecture", quote)
    for stated in _IT_IS.finditer(clean):  # "gpt-oss-120b has been the surprise. It's a dense model"
        breaks = [b.end() for b in _SENTENCE_BREAK.finditer(clean, 0, stated.start() + 1)][:-1]
        told = [m for m in models if (breaks[-1] if breaks else 0) <= m.start < stated.start()]
        if told:  # the first model the sentence before names, what it is about ("… beats Llama 3.3")
            q = category_quantity(_architecture_name(stated.group(1)), *stated.span(1), stated.group(1))
            extractor.add(block, q, extractor.context.specific(told[0].name), "architecture", quote)
    both = _BOTH_ARE.match(clean, body_start)
    if both and block.section:  # "- Both MoE, Apache 2.0" under "### 2025-08-05: gpt-oss-120b and gpt-oss-20b"
        title = block.section[-1]
        heading = [  # not a model the heading measures them against
            m.name for m in extractor.heading_subjects(title) if not COMPARISON.search(title, 0, m.start)
        ]
        for name in dict.fromkeys(n for n in heading if extractor.vocabulary.subject_kind(n) == "model"):
            q = category_quantity(_architecture_name(both.group(1)), *both.span(1), both.group(1))
            extractor.add(block, q, name, "architecture", quote)


_IT_IS = re.compile(
    r"(?:^|[.!?]\s+)(?:It|The model)(?:['’]s|\s+is)\s+an?\s+(dense|MoE|mixture[- ]of[- ]experts)\b"
    r"(?![\-/]|\s*(?:and|or|&|vs\.?|versus|compared|than)\s)"
)
_BOTH_ARE = re.compile(r"\s*(?:Both|All\s+(?:two|three|four|five|of\s+them))\s+(?:are\s+)?(dense|MoE)\b(?![\-/])", re.I)


def licence(extractor: Extractor, block: Block, clean: str, start: int, subject: str) -> None:
    """Categorical claims: the licence a model is released under, when the text states it as the
    value of a label, a table cell or a bullet of its own ("License: Apache 2.0", "Yi-Large:
    Proprietary dense model"). Licences mentioned in passing are not claims."""
    content = clean[start:]
    m = LICENCE.match(content)
    if not m:
        return
    value = licence_name(m.group(0))
    at = start + m.start() + (len(content) - len(content.lstrip()))
    q = Quantity(
        value=value,
        unit="category",
        qualifier=Qualifier.EXACT,
        text=m.group(0).strip(),
        start=at,
        end=at + len(m.group(0).strip()),
        kind="category",
    )
    extractor.add(block, q, subject, "license", clean.strip())


def listed_licence(extractor: Extractor, block: Block, clean: str, start: int, subject: str) -> None:
    """A licence as one item of a list of a model's facts ("gpt-oss-120b: 117B total / 5.1B active,
    fits on a single 80GB GPU, MIT licence."): the item names the licence and the word, nothing else."""
    if "licen" not in clean.lower():
        return
    named = {m.name for m in extractor.vocabulary.find_subjects(clean[start:])} - {subject}
    if named or "-based" in clean:
        return  # "the Qwen2.5-based ones, Apache 2.0 licence": the licence may be another model's
    for m in _LISTED_LICENCE.finditer(clean, start):
        stated = LICENCE.fullmatch(m.group(1))
        if stated is None or m.group(1).lower().startswith(("modified", "custom")):
            continue
        written = m.group(1).strip()
        q = category_quantity(licence_name(written), m.start(1), m.end(1), written)
        extractor.add(block, q, subject, "license", " ".join(clean.split()))


_LISTED_LICENCE = re.compile(r"[,;]\s+([\w.\- ]{2,30}?)\s+licen[cs]e\b(?=\s*(?:[.,;)]|$))", re.IGNORECASE)


# "Orion-7 is released under the Apache 2.0 licence", "licensed under MIT": a licence in prose
_UNDER_LICENCE = re.compile(
    r"\b(?:released|licen[cs]ed|distributed|available|published|open[- ]sourced|provided|offered|ship(?:s|ped)?)"
    r"\s+under\s+"
    r"(?:the\s+|an?\s+)?(?=\S)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
_ARE_BEFORE = re.compile(r"\b(?:are|were)\s+$")  # "are released under": of every model named
_IT = re.compile(r"\s*(?:It|Its\s+weights|The\s+model|The\s+weights)\b")


def prose_licence(extractor: Extractor, block: Block, clean: str) -> None:
    """Categorical claims from prose (`clean`: the block's text, with the lines it is wrapped over):
    the model named before "released under" (in the same sentence) is under the licence named
    after it, and so is the one named before a sentence that opens with "It". With no model named
    there ("This code repository is licensed under MIT"), the sentence says nothing about a model."""
    if "under" not in clean.lower():
        return
    for m in _UNDER_LICENCE.finditer(clean):
        stated = LICENCE.match(clean, m.end())
        if not stated:
            continue
        breaks = [b.end() for b in _SENTENCE_BREAK.finditer(clean, 0, m.start())]
        sentence_start = breaks[-1] if breaks else 0
        scope = 0 if _IT.match(clean, sentence_start) else sentence_start  # "… Mixtral 8x7B …. It is distributed under"
        named = [
            mention
            for mention in extractor.vocabulary.find_subjects(clean[scope : m.start()])
            if extractor.vocabulary.subject_kind(mention.name) in ("model", "family")
        ]
        if not named:
            continue
        written = stated.group(0).strip()
        at = stated.start() + len(stated.group(0)) - len(stated.group(0).lstrip())
        q = category_quantity(licence_name(written), at, at + len(written), written)
        # "Llama 4 Scout (…) and Llama 4 Maverick (…) ship under …": a plural verb, of every model named
        plural = m.group(0).lower().startswith("ship ") or _ARE_BEFORE.search(clean, max(0, m.start() - 6), m.start())
        for mention in named if plural else named[-1:]:
            extractor.add(block, q, extractor.context.specific(mention.name), "license", " ".join(clean.split()))

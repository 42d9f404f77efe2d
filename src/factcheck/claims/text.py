"""Patterns and text helpers the claim rules share: markup blanked out without moving offsets,
sentences from spaCy's rule-based sentencizer, licence spellings, and stable claim ids."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

from factcheck.vocabulary import normalize_name

LICENCE = re.compile(
    r"\s*(?:apache[- ]?(?:2\.0|2)?(?:\s*/\s*mit)?|mit(?:\s*/\s*apache(?:[- ]2\.0)?)?|proprietary|closed[- ]source|"
    r"(?:meta\s+)?(?:llama\s+(?:\d(?:\.\d)?\s+)?)?(?:community|open)\s+licen[cs]e|llama\s+(?:\d\s+)?licen[cs]e|"
    r"cc[- ]by[\w\-.]*|gpl[\w\-.]*|custom\s+licen[cs]e|research[- ]only|"
    # a maker's own licence, named: "Mistral Research License", "DeepSeek Model License"
    r"(?-i:[A-Z][\w.\-]*\s+){1,2}(?:research|model|open\s+model|non-?commercial)\s+licen[cs]e(?:\s+agreement)?)(?![\w])",
    re.IGNORECASE,
)

LICENCE_LABEL = re.compile(r"^\s*licen[cs]es?(?:\s+type)?\s*:?\s*$", re.IGNORECASE)

GENERIC_LABEL_NOUNS = re.compile(r"\s+(?:model|models|variant|variants|version|edition)$", re.IGNORECASE)

RELEASE_WORDS = re.compile(
    r"\b(?:releas\w*|launch\w*|introduc\w*|debut\w*|unveil\w*|publish\w*|inception|"
    r"announc\w*|open-sourced|arriv\w*|dropped|landed|shipp(?:ed|ing)|ships|came\s+out|comes\s+out|"
    r"open[- ]weights\s+(?:since|from))\b(?!-)",  # "Open weights since July 28, 2025"
    re.IGNORECASE,
)

# "than" before a figure bounds it ("more than 15 trillion tokens", "higher than 85%", "fewer than
# three"): no comparison with another subject, unless the figure is one's ("cheaper than $2.50
# for GPT-4o"); "more than GPT-4o" compares.
COMPARISON = re.compile(
    r"\b(?:vs\.?|versus|compared (?:to|with)|against|(?:well|far) (?:above|below)|"
    r"than(?!\s+(?:[~$€£¥]?\d(?!(?:[^,;.]|\.\d){0,30}?\b(?:for|from|by)\s+[A-Z])"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a hundred|a thousand)\b)))\s",
    re.IGNORECASE,
)

MARKER = re.compile(r"^(\s*(?:[-*+•▪◦]|\d{1,3}[.)])\s+)")

_LINK_TARGET = re.compile(r"\]\(([^)]*)\)")

_MARKUP = re.compile(r"\*\*|__|`|~~|<sup>|</sup>|<br\s*/?>")
# A footnote's mark, as a converter writes a page's <sup><a href="#n1">[1]</a></sup>: no figure.
_FOOTNOTE = re.compile(r"<sup>\s*\[?\\?\[\d{1,3}\\?\]\]?(?:\([^)\s]*\))?\s*</sup>|\[\\?\[\d{1,3}\\?\]\]\(#[^)\s]*\)")

_ESCAPE = re.compile(r"\\(?=[$*_#\[\]()|`~>.\-])")


@lru_cache(maxsize=1)
def _sentencizer() -> object:
    """spaCy's rule-based sentencizer on a blank English pipeline (no trained model needed). Its
    tokenizer keeps the period of "72B." as part of the token, like an abbreviation's, so that no
    sentence would end there: a period after a figure's scale letter is split off."""
    import spacy
    from spacy.util import compile_suffix_regex

    nlp = spacy.blank("en")
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=[0-9][KMBTkmbt])\."]
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (compiled, without type stubs)
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("sentencizer")
    return nlp


# A period that ends an abbreviation, not a sentence: "(MiniMax et al., 2025)", "e.g. Qwen".
_ABBREVIATION_END = re.compile(r"(?:\bet al|\be\.g|\bi\.e|\bvs|\bcf|\bFig|\bEq|\bapprox|\bNo)\.[,;]?\s*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph, as offsets; spaCy's sentencizer ends one at every period, so
    a sentence is joined again after an abbreviation."""
    if ". " not in text and "? " not in text and "! " not in text:
        return [(0, len(text))]
    doc = _sentencizer()(text)  # type: ignore[operator]
    spans: list[tuple[int, int]] = []
    for s in doc.sents:
        if spans and _ABBREVIATION_END.search(text, spans[-1][0], s.start_char):
            spans[-1] = (spans[-1][0], s.end_char)
        else:
            spans.append((s.start_char, s.end_char))
    return spans


def claim_id(document: str, subject: str, metric: str, quote: str, occurrence: int) -> str:
    """Stable across unrelated edits: no line numbers, only what the claim says and where in order."""
    key = "\x1f".join([document, normalize_name(subject), metric.lower(), " ".join(quote.split()), str(occurrence)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _blank_link_target(m: re.Match[str]) -> str:
    return "]" + " " * (len(m.group(0)) - 1)


def clean_markup(line: str) -> str:
    """Markup replaced by spaces of the same length, so offsets still index the original line.
    Each pattern runs only on a line with the character it needs: most lines have no markup, and
    clean_markup is called several times for every block."""
    text = _FOOTNOTE.sub(_blank, line) if "[" in line and ("<sup>" in line or "](#" in line) else line
    text = _ESCAPE.sub(" ", text) if "\\" in text else text  # "\$100 million" from a converter is "$100 million"
    if "*" in text or "_" in text or "`" in text or "~" in text or "<" in text:
        text = _MARKUP.sub(_blank, text)
    if "](" in text:
        text = _LINK_TARGET.sub(_blank_link_target, text)
    return text.replace("[", " ").replace("]", " ").replace("\t", " ")

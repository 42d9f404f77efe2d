"""The subjects and metrics claims are about, and how to find them in text.

A vocabulary file maps canonical names to the spellings writers use. The package ships one
(`data/vocabulary.yaml`); a project adds its own on top without touching the package. Mentions
are found with one compiled pattern per vocabulary, longest alias first, so that
"Qwen3-235B-A22B" is never read as "Qwen3" and "AIME 2024" never as "AIME".
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import yaml

from factcheck.errors import ConfigError

__all__ = ["Mention", "Vocabulary", "load_vocabulary", "normalize_name", "PER_MODEL_METRICS", "SAME_MEASURE"]

# Hyphenated names with a digit that no vocabulary lists: "Qwen3-4B", "GPT-OSS-120B", "Yi-9B". Every
# form starts with a capital letter, matched first (the lookbehind after it) so that the regex engine
# skips to capitals instead of trying each position: three times faster.
_UNKNOWN_MODEL = re.compile(
    r"[A-Z](?<![\w.\-].)(?:"
    # a hyphenated name with a digit somewhere (checked after the match: one branch is faster than
    # one for each place the digit may stand): "Qwen3-4B", "Qwen2.5-Plus", "GPT-4o-mini", "K2-Instruct"
    r"(?P<hyphened>[A-Za-z]*(?:\d+(?:\.\d+)?)?(?:-[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+)(?![\w\-])"
    # "Gemini 2.0: 71.7%" (not "Stage 1: 30T tokens", "Table 3: ...": _NOT_NAME_BEFORE_NUMBER)
    r"|(?P<word>[A-Za-z]+) \d+(?:\.\d+)?(?: [A-Z][a-z]+)?(?=:\s*[$~≈]?\d)"
    # Companies by their legal suffix: "Acme Corp", "Northwind Holdings Ltd."
    r"|[\w&'-]*(?: [A-Z][\w&'-]*){0,3} (?:Corp(?:oration)?|Inc|Ltd|LLC|PLC|plc|AG|GmbH|Holdings)\b\.?)"
)

_NOT_NAME_BEFORE_NUMBER = frozenset({
    "Stage", "Phase", "Step", "Round", "Part", "Section", "Table", "Figure", "Fig", "Tier", "Level", "Pillar",
    "Scenario", "Option", "Chapter", "Appendix", "Item", "Week", "Day", "Year", "Month",
})  # fmt: skip


def _unknown_models(text: str) -> Iterator[re.Match[str]]:
    """_UNKNOWN_MODEL's matches, less a numbered part of a document taken for a name ("Table 3:")
    and an adjective hyphened to a name or format ("FP8-quantized", "Web3-native": the digit stands
    only before the first hyphen and a part after it is such an ending)."""
    position = 0
    while (m := _UNKNOWN_MODEL.search(text, position)) is not None:
        word = m.group("word")
        hyphened = m.group("hyphened")
        if (
            word is not None
            and m.group(0)[0] + word in _NOT_NAME_BEFORE_NUMBER
            or hyphened is not None
            and (not any(ch.isdigit() for ch in hyphened) or _compound_word(hyphened))
        ):
            position = m.start() + 1
            continue
        yield m
        position = max(m.end(), m.start() + 1)


# Words hyphened after a name or format that make an adjective of it: "FP8-quantized",
# "Web3-native", "Qwen2-based" (not a variant's own word: "InternLM2-chat", "Llama3-instruct").
_COMPOUND_ENDING = re.compile(
    r"(?:native|based|style|ready|compatible|friendly|like|powered|class|level|scale|sized|aware|free|only|"
    r"first|centric|[a-z]+ed)"
)


def _compound_word(hyphened: str) -> bool:
    head, *parts = hyphened.split("-")
    return not any(ch.isdigit() for part in parts for ch in part) and any(
        _COMPOUND_ENDING.fullmatch(part) for part in parts
    )


_CHECKPOINT_SUFFIX = re.compile(r"(?:Instruct|Chat|Base|Thinking|Preview)(?:-\d{4})?", re.IGNORECASE)
# Accelerators, not models: "H100-80GB", "A100-40GB", "H800-SXM5", "MI300X", "H100-class".
_HARDWARE = re.compile(r"[A-Z]{1,3}\d{2,4}[A-Za-z]?(?:-|$)")  # matched at the name's start
# A size written after a model's name makes a sized variant of it ("Llama 3.1 70B", "Gemma 2 27B"),
# unless the words after it say the size is a statement about the model ("DeepSeek-V3 671B total")
# or the first of several sizes ("Qwen2.5 0.5B to 72B", "Qwen3 8B / 4B / 1.7B").
_SIZE_AFTER = re.compile(
    r"[ \-](\d+(?:\.\d+)?)B(?![\w\-]|\.\d|\s*(?:total|active|activated|param|parameters?|params|MoE|dense)\b"
    r"|\s*(?:/|,|-|–|to|and|or|&)\s*\d)"
)
_SIZED_KINDS = ("model", "family")  # "Falcon 180B" is a model of the Falcon family; "Meta 70B" is nothing
# "the 8B model", "its 405B version": a size of the model named before.
_SIZED_REFERENCE = re.compile(r"\b(?:[Tt]he|[Ii]ts) (\d+(?:\.\d+)?)B (?:model|variant|version)\b")
# A sized name no vocabulary lists, and the name it sizes: "Qwen2.5-72B" → "Qwen2.5", "Llama-3.1-8B-Instruct"
# → "Llama-3.1".
_SIZED_VARIANT = re.compile(r"(.+?)[\s\-_](\d+(?:\.\d+)?)[Bb](?:[\s\-_].*)?")

_SLASH_SIBLING = re.compile(r"/([A-Za-z][\w.\-]*)(?![\w\-/]*\.(?:com|ai|org|io)\b)")

_POSSESSIVE = re.compile(r"['’]s\s+")
_MEMBER_AFTER = re.compile(r"(?:['’]s)?\s+([A-Za-z]?\d[\w.\-]*|[A-Z][\w.\-]*\d[\w.\-]*)(?![\w\-]|,\d{3})")


_NAME_PUNCTUATION = re.compile(r"[\s\-_.'’]+")


# What each member of a family (Llama 4, Qwen3) has of its own: a family's figure of these may be
# any member's, so neither conflicts nor verification holds one member's against it.
PER_MODEL_METRICS = frozenset({"total parameters", "active parameters", "model size", "context length"})
# Names of one measure, wherever figures are compared (conflicts, verification): a model's size is
# its total parameter count ("a 123B model" against "a 132-billion-parameter model").
SAME_MEASURE = {"model size": "total parameters", "parameters": "total parameters"}


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Case, spaces, hyphens, underscores and dots ignored: the key aliases are compared by."""
    return _NAME_PUNCTUATION.sub("", name).lower()


_SEP = r"[\s\-_]?"


def _alias_atoms(alias: str) -> list[str]:
    """An alias as regex atoms: its characters (lower case, escaped), with an optional separator
    wherever it has a space, hyphen or underscore or switches between letters and digits."""
    atoms: list[str] = []
    prev = ""
    for ch in alias:
        if ch in " -_":
            if atoms and atoms[-1] != _SEP:
                atoms.append(_SEP)
        else:
            if prev and (prev.isalpha() and ch.isdigit() or prev.isdigit() and ch.isalpha()) and atoms[-1] != _SEP:
                atoms.append(_SEP)
            atoms.append(re.escape(ch.lower()))
        prev = ch if ch not in " -_" else prev
    return atoms


def _trie_pattern(aliases: Iterable[str]) -> str:
    """One alternation for many aliases, factored by common prefix.

    Python's re tries the alternatives of a flat alternation one by one at every position; a
    trie-shaped pattern rejects most positions after one character, which makes finding
    mentions several times faster. Longer continuations come first, so the longest alias that
    passes the boundary check wins, as with a flat alternation sorted by length.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for alias in aliases:
        node = trie
        for atom in _alias_atoms(alias):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body if len(branches) == 1 else body

    return emit(trie)


_METRIC_VERSION = re.compile(r"[ \-]?(v\d+(?:\.\d+)?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A subject or metric named in a text span."""

    name: str  # canonical
    start: int
    end: int
    known: bool = True  # False for a model name no vocabulary lists


@dataclass(frozen=True)
class _Entry:
    name: str
    aliases: tuple[str, ...]
    family: str = ""
    kind: str = "model"
    unit: str = ""
    country: str = ""  # where a model family comes from: ranking statements are made by country
    # A variant of the model its family names (GLM-4.5-Air of GLM-4.5): the family's name is still
    # one model's, with figures of its own, where a family of sizes (Qwen3) has none.
    variant: bool = False


class _Matchers(NamedTuple):
    lower: re.Pattern[str]  # long aliases in lower-cased text
    anycase: re.Pattern[str]  # the same, case-insensitive
    short: re.Pattern[str]  # aliases of three characters or fewer, case-sensitive
    by_key: dict[str, str]  # canonical name by normalized spelling


@dataclass
class Vocabulary:
    """Subjects and metrics with their aliases; find and resolve mentions in text."""

    subjects: dict[str, _Entry] = field(default_factory=dict)
    metrics: dict[str, _Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._compiled: dict[str, _Matchers] = {}

    def digest(self) -> str:
        """A hash of every entry: claims extracted with another vocabulary may differ."""
        content = repr((sorted(self.subjects.items()), sorted(self.metrics.items())))
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    # --- building ---------------------------------------------------------------------------
    def add(self, data: Mapping[str, object], origin: str) -> None:
        for section, table in (("subjects", self.subjects), ("metrics", self.metrics)):
            entries = data.get(section) or {}
            if not isinstance(entries, Mapping):
                raise ConfigError(f"{origin}: '{section}' must be a mapping of name -> options")
            for name, options in entries.items():
                options = options or {}
                if not isinstance(options, Mapping):
                    raise ConfigError(f"{origin}: {section}.{name} must be a mapping (aliases, family, unit)")
                unknown = set(options) - {"aliases", "family", "kind", "unit", "country", "variant"}
                if unknown:
                    raise ConfigError(f"{origin}: {section}.{name}: unknown keys {sorted(unknown)}")
                aliases = options.get("aliases") or []
                if not isinstance(aliases, list):
                    raise ConfigError(f"{origin}: {section}.{name}.aliases must be a list")
                if not str(name).strip() or any(not str(alias).strip() for alias in aliases):
                    raise ConfigError(f"{origin}: {section}.{name!r}: names and aliases must not be empty")
                old = table.get(str(name))
                merged = tuple(dict.fromkeys([*(old.aliases if old else ()), *map(str, aliases)]))
                table[str(name)] = _Entry(
                    name=str(name),
                    aliases=merged,
                    family=str(options.get("family", old.family if old else "")),
                    kind=str(options.get("kind", old.kind if old else "model")),
                    unit=str(options.get("unit", old.unit if old else "")),
                    country=str(options.get("country", old.country if old else "")),
                    variant=bool(options.get("variant", old.variant if old else False)),
                )
        self._compiled.clear()
        for cache in ("_parents", "_members"):  # family relations may have changed
            self.__dict__.pop(cache, None)

    # --- matching ---------------------------------------------------------------------------
    def _matchers(self, section: str) -> _Matchers:
        """The long aliases twice (for lower-cased text, and case-insensitive for text whose lower
        case changes length), the short ones (case-sensitive: "V3" is a name, "v3" may not be),
        and canonical names by normalized spelling. Matching lower-cased text without
        IGNORECASE is twice as fast, and finding mentions is a quarter of extraction time."""
        if section not in self._compiled:
            table = self.subjects if section == "subjects" else self.metrics
            by_key: dict[str, str] = {}
            for entry in table.values():
                for alias in (entry.name, *entry.aliases):
                    by_key.setdefault(normalize_name(alias), entry.name)
            spellings = sorted({a for e in table.values() for a in (e.name, *e.aliases)}, key=len, reverse=True)
            short = [a for a in spellings if len(a) <= 3]
            long = [a for a in spellings if len(a) > 3]
            boundary_after = r"(?![\w]|[\-.][A-Za-z0-9]|,\d{3})"
            long_pattern = r"(?<![\w])(?:" + _trie_pattern(long) + ")" + boundary_after
            lower_re = re.compile(long_pattern)
            anycase_re = re.compile(long_pattern, re.IGNORECASE)
            # Each short alias as its first character, then the lookbehind: a pattern that opens
            # with literals lets the regex engine skip to the few characters that can start one
            # (twice as fast as the lookbehind first, which is tried at every position).
            short_alternatives = [re.escape(a[0]) + r"(?<![\w.\-].)" + re.escape(a[1:]) for a in short]
            short_re = re.compile(
                "(?:" + "|".join(short_alternatives) + ")" + boundary_after
                if short
                else r"(?!)"  # no short aliases: a pattern that fails at once, not one tried everywhere
            )
            self._compiled[section] = _Matchers(lower_re, anycase_re, short_re, by_key)
        return self._compiled[section]

    def _find(self, section: str, text: str) -> list[Mention]:
        lower_re, anycase_re, short_re, by_key = self._matchers(section)
        lower = text.lower()
        # "İ" lower-cases to two characters: positions would shift, so such text is read as it is.
        matches = lower_re.finditer(lower) if len(lower) == len(text) else anycase_re.finditer(text)
        found = [
            Mention(by_key[key], m.start(), m.end()) for m in matches if (key := normalize_name(m.group(0))) in by_key
        ]
        if short_re.pattern and lower != text:
            starts = [f.start for f in found]  # sorted: finditer goes left to right without overlaps
            extra = []
            for m in short_re.finditer(text):
                name = by_key.get(normalize_name(m.group(0)))
                i = bisect.bisect_left(starts, m.end())  # long mentions starting before this one ends
                if name and not (i and found[i - 1].end > m.start()):
                    extra.append(Mention(name, m.start(), m.end()))
            found = sorted(found + extra, key=lambda f: f.start)
        return found

    def find_subjects(self, text: str, *, unknown_models: bool = True) -> list[Mention]:
        """Subject mentions, known ones and (optionally) unlisted hyphenated model names."""
        found = self._slash_siblings([self._with_member(m, text) for m in self._find("subjects", text)], text)
        if unknown_models:
            found = [self._sized(m, text) for m in found]
            found = sorted(found + self._sized_back_references(found, text), key=lambda f: f.start)
            for m in _unknown_models(text):
                if any(m.start() < f.end and f.start < m.end() for f in found):
                    continue
                if normalize_name(m.group(0)) in self._matchers("metrics").by_key or _HARDWARE.match(m.group(0)):
                    continue
                checkpoint = self._checkpoint_of_known(m, text, found)
                if checkpoint is not None:
                    found = [f for f in found if not (f.end <= m.start() and f.start >= checkpoint.start)]
                    found.append(checkpoint)
                    continue
                found.append(Mention(m.group(0), m.start(), m.end(), known=False))
            found.sort(key=lambda f: f.start)
        return self._possessors_dropped(found, text)

    def _checkpoint_of_known(self, m: re.Match[str], text: str, found: list[Mention]) -> Mention | None:
        """ "Kimi K2-Instruct": a known model's checkpoint, which the alias match misses (a name goes
        on after its hyphen) and the unknown-name match cuts short ("K2-Instruct"). One mention of
        the whole name, known to be that model's."""
        head, _, suffix = m.group(0).partition("-")
        dated = len(suffix) == 4 and suffix.isdigit()  # "R1-0528": the May 28 update, by a short name
        if not (_CHECKPOINT_SUFFIX.fullmatch(suffix) or dated):
            return None
        before = [f for f in found if f.end <= m.start() and not text[f.end : m.start()].strip()]
        start = before[-1].start if before else m.start()
        known = self.subject(text[start : m.start()] + head)
        if not known or self.subject_kind(known) != "model":
            return None
        listed = self.subject(f"{known}-{suffix}")  # "DeepSeek-R1-0528", which the vocabulary may list
        return Mention(listed or f"{known}-{suffix}", start, m.end(), known=listed is not None)

    def _sized_back_references(self, found: list[Mention], text: str) -> list[Mention]:
        """ "Llama 3.1 70B reaches 86.0% and the 8B model 73.0%": "the 8B model" after a model's
        name is that model's (or, after a sized variant, its family's) variant of that size."""
        if "B " not in text:
            return []
        named: list[Mention] = []
        for m in _SIZED_REFERENCE.finditer(text):
            before = [f for f in found if f.end <= m.start() and self.subject_kind(f.name) in _SIZED_KINDS]
            if not before:
                continue
            sized = _SIZED_VARIANT.fullmatch(before[-1].name) is not None
            base = self.family(before[-1].name) if sized else before[-1].name
            if not base or self.subject_kind(base) not in _SIZED_KINDS:
                continue
            name, known = self._variant(base, m.group(1), base)
            # Only what comes in sizes has "the 8B model": a family, a model of a listed size, one
            # named with its size or whose sizes the text has given ("Gemma 2 arrived in 9B and 27B
            # sizes. The 27B variant …"); "GPT-4o … the 8B model" is no GPT-4o-8B.
            stated = re.search(rf"(?<![\d.]){re.escape(m.group(1))}\s?B\b", text[before[-1].end : m.start()])
            if known or sized or stated or self.subject_kind(base) == "family":
                named.append(Mention(name, m.start(), m.end(), known=known))
        return named

    def sized_references(self, text: str, base: str, found: list[Mention]) -> list[Mention]:
        """ "The 405B model was trained on …" under a Llama 3.1 heading: a sized reference with no
        name before it in `text` is `base`'s variant of that size, where `base` comes in sizes (a
        family, or a model of that listed size)."""
        added: list[Mention] = []
        for m in _SIZED_REFERENCE.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue  # already a back reference to a name before it
            if any(f.end <= m.start() and self.subject_kind(f.name) in _SIZED_KINDS for f in found):
                continue
            name, known = self._variant(base, m.group(1), base)
            if known or self.subject_kind(base) == "family":
                added.append(Mention(name, m.start(), m.end(), known=known))
        return sorted(found + added, key=lambda f: f.start) if added else found

    def _variant(self, base: str, size: str, written: str) -> tuple[str, bool]:
        """The variant of `base` of a size in billions: the vocabulary's own when it lists exactly one
        (Qwen3 235B is Qwen3-235B-A22B), else the name as `written` joined to the size
        (Llama-3.1-70B); and whether the vocabulary listed it."""
        stem = normalize_name(f"{base}{size}b")
        listed = [m for m in self.members(base) if normalize_name(m).startswith(stem)]
        if len(listed) == 1:
            return listed[0], True
        return "-".join((*written.split(), f"{size}B")), False

    def _sized(self, mention: Mention, text: str) -> Mention:
        """ "Llama 3.1 70B", "Gemma 2 27B": a model named with a size its name lacks is that sized
        variant, the vocabulary's own (Qwen3 235B is Qwen3-235B-A22B) or, unlisted, the name
        joined to the size (Llama-3.1-70B, whose family is Llama 3.1), and the size states the
        variant's size."""
        size = _SIZE_AFTER.match(text, mention.end)
        if (
            size is None
            or self.subject_kind(mention.name) not in _SIZED_KINDS
            or _SIZED_VARIANT.fullmatch(mention.name)
        ):
            return mention
        # As written where that says more than the canonical name ("OLMo 2", an alias of OLMo).
        written = text[mention.start : mention.end]
        if len(normalize_name(written)) <= len(normalize_name(mention.name)):
            written = mention.name
        name, known = self._variant(mention.name, size.group(1), written)
        # The mention keeps the name's own span: the size after it stays a figure, the variant's size.
        return Mention(name, mention.start, mention.end, known=known)

    def _possessors_dropped(self, found: list[Mention], text: str) -> list[Mention]:
        """ "Moonshot AI's Kimi K2", "Zhipu's GLM-4.5", "China's DeepSeek": the maker or country
        before a model it owns is no subject of what is said about the model."""
        if len(found) < 2 or "'s " not in text and "’s " not in text:
            return found
        kept = []
        for mention, after in zip(found, [*found[1:], None], strict=True):
            owns = (
                after is not None
                and _POSSESSIVE.fullmatch(text, mention.end, after.start) is not None
                and self.subject_kind(mention.name) in ("family", "organisation", "country", "region")
                and self.subject_kind(after.name) not in ("organisation", "country", "region")
            )
            if not owns:
                kept.append(mention)
        return kept

    def _slash_siblings(self, found: list[Mention], text: str) -> list[Mention]:
        """ "Qwen Next/Omni/VL": short names after a model and a slash are its family's members
        (Qwen3-Omni, Qwen3-VL) where the vocabulary knows them by the family's name and theirs."""
        if "/" not in text:
            return found
        siblings: list[Mention] = []
        starts = {m.start for m in found}
        for mention in found:
            family = self.family(mention.name)
            end = mention.end
            while family and (m := _SLASH_SIBLING.match(text, end)) and m.start(1) not in starts:
                member = self.subject(f"{family} {m.group(1)}")
                if not member:
                    break
                siblings.append(Mention(member, m.start(1), m.end(1)))
                end = m.end(1)
        return sorted(found + siblings, key=lambda m: m.start) if siblings else found

    def _with_member(self, mention: Mention, text: str) -> Mention:
        """ "DeepSeek's V3", "Qwen's 2.5": a family followed by a member's short name names the member."""
        if self.subject_kind(mention.name) != "family":
            return mention
        m = _MEMBER_AFTER.match(text, mention.end)
        if m:
            member = self.subject(f"{mention.name} {m.group(1)}")
            if member:
                return Mention(member, mention.start, m.end())
        return mention

    def find_metrics(self, text: str) -> list[Mention]:
        """Metrics named in `text`; a version written after one is part of it ("LiveCodeBench v5"
        and "v6" are different benchmarks, whose scores must not be compared)."""
        found = []
        for mention in self._find("metrics", text):
            version = _METRIC_VERSION.match(text, mention.end)
            if version and not mention.name.lower().endswith(version.group(1).lower()):
                mention = replace(mention, name=f"{mention.name} {version.group(1)}", end=version.end())
            found.append(mention)
        return found

    def subject(self, name: str) -> str | None:
        """The canonical subject for a spelling, or None."""
        return self._matchers("subjects").by_key.get(normalize_name(name))

    def metric(self, name: str) -> str | None:
        return self._matchers("metrics").by_key.get(normalize_name(name))

    def metric_unit(self, metric: str) -> str:
        entry = self.metrics.get(metric)
        return entry.unit if entry else ""

    def family(self, subject: str) -> str:
        """The family a subject belongs to; for a sized name no vocabulary lists (Qwen2.5-72B), the
        model it sizes; for a checkpoint's (Kimi K2-Instruct), the model it is of."""
        entry = self.subjects.get(subject)
        if entry:
            return entry.family
        sized = _SIZED_VARIANT.fullmatch(subject)
        if sized:
            return self.subject(sized.group(1)) or ""
        return self.checkpoint_of(subject)

    def checkpoint_of(self, subject: str, *, dated: bool = True) -> str:
        """The known model an unlisted checkpoint's name extends ("Kimi K2-Instruct" → Kimi K2), or "".
        With `dated`, a date tag makes a checkpoint too ("Kimi K2-0905"): a model of its own, whose
        family the model it updates is."""
        head, dash, suffix = subject.rpartition("-")
        if dash and (_CHECKPOINT_SUFFIX.fullmatch(suffix) or dated and suffix.isdigit() and len(suffix) == 4):
            known = self.subject(head)
            if known and known != subject:
                return known
            return self.checkpoint_of(head, dated=dated) if "-" in head else ""
        return ""

    def subject_kind(self, subject: str) -> str:
        entry = self.subjects.get(subject)
        return entry.kind if entry else "model"

    def country(self, subject: str) -> str:
        """The country a subject comes from, through its families ("" when unknown)."""
        for name in (subject, *self.ancestors(subject)):
            entry = self.subjects.get(name)
            if entry and entry.country:
                return entry.country
        return ""

    def has_members(self, subject: str) -> bool:
        """True for a family (or organisation) that other subjects name as theirs: Qwen3, DeepSeek."""
        if self.subject_kind(subject) in ("family", "organisation", "country", "region"):
            return True
        if not hasattr(self, "_parents"):
            self._parents = {e.family for e in self.subjects.values() if e.family}
        return subject in self._parents

    def is_one_model(self, subject: str) -> bool:
        """True for a model, with or without variants (GLM-4.5, of which GLM-4.5-Air is one); false
        for a family of models, an organisation, a country or a region, whose members' sizes differ."""
        if self.subject_kind(subject) in ("family", "organisation", "country", "region"):
            return False
        return all(self.subjects[m].variant for m in self.members(subject) if self.family(m) == subject)

    def members(self, subject: str) -> list[str]:
        """The subjects whose family chain reaches `subject` (Qwen3 → Qwen3-235B-A22B, …), sorted."""
        if not hasattr(self, "_members"):
            members: dict[str, list[str]] = {}
            for name in sorted(self.subjects):
                for ancestor in self.ancestors(name):
                    members.setdefault(ancestor, []).append(name)
            self._members = members
        return list(self._members.get(subject, []))

    def ancestors(self, subject: str) -> list[str]:
        """The families a subject belongs to, nearest first (Qwen3-235B-A22B → Qwen3, Qwen)."""
        chain: list[str] = []
        current = self.family(subject)
        while current and current not in chain:
            chain.append(current)
            current = self.family(current)
        return chain


def _load_yaml(text: str, origin: str) -> Mapping[str, object]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: invalid YAML: {exc}") from exc
    if not isinstance(data, Mapping):
        raise ConfigError(f"{origin}: a vocabulary file is a mapping with 'subjects' and 'metrics'")
    unknown = set(data) - {"subjects", "metrics"}
    if unknown:
        raise ConfigError(f"{origin}: unknown top-level keys {sorted(unknown)}")
    return data


@lru_cache(maxsize=1)
def _builtin_text() -> str:
    return resources.files("factcheck").joinpath("data/vocabulary.yaml").read_text(encoding="utf-8")


def load_vocabulary(extra: Sequence[Path] | Iterable[Path] = ()) -> Vocabulary:
    """The built-in vocabulary extended by each file in `extra`, in order.

    Raises ConfigError naming the file for unreadable or malformed vocabulary files.
    """
    vocabulary = Vocabulary()
    vocabulary.add(_load_yaml(_builtin_text(), "factcheck/data/vocabulary.yaml"), "built-in vocabulary")
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read vocabulary file ({exc.strerror or exc})") from exc
        vocabulary.add(_load_yaml(text, str(path)), str(path))
    return vocabulary

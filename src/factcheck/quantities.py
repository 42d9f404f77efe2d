"""Text → Quantity: every number in a string, with its unit, scale, qualifier and span.

Pure and table-tested. The scanner works left to right: dates first (they contain numbers
that are not quantities of their own), then each remaining number with what stands to its
left (currency, ~, "over", "between") and to its right (K/M/B/T, million, %, ×, +, a unit
noun, "to 235B"). Numbers that are part of a name (GPT-4, Qwen3-235B-A22B, H800, 01.AI, arXiv
ids, citation years) are not quantities; callers can mask further spans (vocabulary names such
as "Llama 4" or "AIME 2024") through `skip`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from factcheck.models import Qualifier, Quantity

__all__ = [
    "find_quantities",
    "format_number",
    "format_value",
    "may_hold_date",
    "may_hold_quantities",
    "parse_date",
    "parse_quantity",
    "readable_number",
]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\d.])\.\d+"

_SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mm": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "t": 1e12, "tn": 1e12, "hundred": 1e2,
    "万": 1e4, "亿": 1e8, "万亿": 1e12,  # Chinese numerals: 4,560亿 is 456 billion, 53.47万 is 534,700
}  # fmt: skip
_CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY",
}  # fmt: skip
_CURRENCY_SUFFIX = {
    "usd": "USD", "dollars": "USD", "dollar": "USD", "us dollars": "USD", "us dollar": "USD", "$": "USD",
    "eur": "EUR", "euros": "EUR", "euro": "EUR", "€": "EUR", "gbp": "GBP", "pounds": "GBP", "pound": "GBP",
    "£": "GBP", "yuan": "CNY", "chinese yuan": "CNY", "rmb": "CNY", "cny": "CNY", "元": "CNY", "¥": "CNY",
    "美元": "USD", "人民币": "CNY",
}  # fmt: skip

# Unit nouns: surface (lower case) → canonical unit. Multi-word entries are matched first.
_UNIT_NOUNS = {
    "gpu hours": "gpu_hours", "gpu-hours": "gpu_hours", "gpu hour": "gpu_hours", "gpu hrs": "gpu_hours",
    "gpus": "gpus", "gpu": "gpus", "chips": "chips", "accelerators": "chips",
    "tokens": "tokens", "token": "tokens", "parameters": "parameters", "parameter": "parameters",
    "params": "parameters", "param": "parameters", "languages": "languages", "language": "languages",
    "models": "models", "model": "models", "llms": "models", "variants": "models", "sizes": "models",
    "experts": "experts", "layers": "layers", "weeks": "weeks", "week": "weeks", "days": "days",
    "day": "days", "hours": "hours", "hour": "hours", "months": "months", "month": "months",
    "years": "years", "year": "years", "minutes": "minutes", "seconds": "seconds",
    "gflops": "gflops", "tflops": "tflops", "pflops": "pflops", "flops": "flops",
    "users": "users", "downloads": "downloads", "stars": "stars", "developers": "developers",
    "employees": "employees", "companies": "companies", "enterprises": "companies",
    "countries": "countries", "benchmarks": "benchmarks", "tasks": "tasks", "gb": "GB", "tb": "TB",
    "mb": "MB", "bits": "bits", "bit": "bits", "words": "words", "pages": "pages", "steps": "steps",
    "samples": "samples", "examples": "examples", "problems": "problems", "questions": "questions",
    "points": "points", "elo": "elo", "derivatives": "models", "repositories": "repositories",
    "papers": "papers", "citations": "citations", "people": "people", "staff": "people", "workers": "people",
    "customers": "customers", "clients": "customers", "requests": "requests", "queries": "requests",
    "api calls": "requests", "stores": "stores", "offices": "offices",
    "labs": "organisations", "organizations": "organisations",
    "organisations": "organisations", "institutions": "organisations", "nodes": "nodes",
}  # fmt: skip


def _one_of(words: Iterable[str]) -> str:
    """An alternation of `words` (regex source, lower case), grouped by first letter and in their
    order within each group: "g(?:pu\\ hours|pus|…)|t(?:okens|…)". The engine then tries a group per
    position instead of every word (a hundred unit nouns), and finds the same match: words of
    different first letters never match at the same position."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(tails)})" for first, tails in groups.items())


_UNIT_RE = _one_of(sorted((re.escape(u) for u in _UNIT_NOUNS), key=len, reverse=True))
# A name between a number and its unit noun: "512 H800 GPUs", "2.788M H800 GPU hours".
_UNIT_AFTER = re.compile(
    rf"[ \-]?(?:(?:[A-Z]{{1,3}}\d{{2,4}}[A-Za-z]?|NVIDIA|Nvidia|Ascend|Huawei|TPU|v\d|open[- ]source|open-weight|"
    rf"new|active|total|activated|input|output|context|training|more|fewer|major|additional|distinct|programming|routed|shared|open|"
    rf"monthly|daily|weekly|annual|yearly|"
    rf"supported|different|derivative|public|publicly released|released|notable|leading|prominent|"
    rf"Chinese|American|U\.S\.|US|European|Western|domestic|foreign|global|[a-z]++-[a-z][a-z\-]*|[a-z]+ly [a-z]+ed)"
    rf"\s+){{0,2}}({_UNIT_RE})\b(?:\s*(?:per|/|an?(?=\s))\s*(token|second|hour|day|query|request|user|month|year|s)\b)?",
    re.IGNORECASE,
)
_SPELLED = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "fifty": 50, "hundred": 100, "dozen": 12, "a dozen": 12,
}  # fmt: skip
_SPELLED_RE = re.compile(
    r"\b(" + "|".join(sorted(_SPELLED, key=len, reverse=True)) + r")\s+(?:(?:new|major|open[- ]source|"
    r"open-weight|distinct|different|main|key|model)\s+)?(" + _UNIT_RE + r")\b",
    re.IGNORECASE,
)

_APPROX_BEFORE = re.compile(
    r"(?:~|≈|∼|\bapprox(?:imately|\.)?|\babout|\baround|\broughly|\bnearly|\balmost|\bcirca|\bca\.|"
    r"\bsome|\ban estimated|\bestimated|\best\.?|\bclose to|\bjust under|\bjust over|\breportedly)\s*$",
    re.IGNORECASE,
)
_LOWER_BEFORE = re.compile(
    r"(?:(?<![-=])>|≥|>=|\bover|\bmore than|\bhigher than|\bbetter than|\babove|\bexceeding|\bin excess of|\bat least|"
    r"\bupwards of|\bnorth of|\bbeyond|\bgreater than|\bminimum of|\bmin\.)\s*$",
    re.IGNORECASE,
)
_UPPER_BEFORE = re.compile(
    r"(?:<(?![-=])|≤|<=|\bup to|\bunder|\bless than|\bbelow|\bat most|\bfewer than|\bmaximum of|\bmax\.|"
    r"\bno more than|\bwithin)\s*$",
    re.IGNORECASE,
)
_EST_AFTER = re.compile(r"\s*(?:\(est\.?\)|\(estimated\)|est\.|\(approx\.?\))", re.IGNORECASE)
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|~|through)\s*(?=[$€£¥]?\d)", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:grew|grow|grows|growing|rose|rise|rising|increas\w*|jump\w*|climb\w*|surg\w*|"
    r"fell|fall|falling|drop\w*|declin\w*|decreas\w*|shrank|went|moved|changed|"
    r"lift\w*|rais\w*|boost\w*|improv\w*|push\w*|took|taking|brought|cut|cuts|lower\w*|reduc\w*)\b"
    r"(?:[^.;]|\.(?=\d))*?\bfrom\s*(?:about\s+|approximately\s+|~)?$",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_AND_SEP = re.compile(r"\s*(?:and|to|-|–)\s*(?=[$€£¥]?\d)", re.IGNORECASE)
_RANGE_SEP_STARTS = frozenset("-–—t~a")  # what either separator opens with, after spaces, lower-cased
# Either separator, as one check that most figures followed by a word fail ("32 billion active").
_ANY_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|~|through|and)\s*(?=[$€£¥]?\d)", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s*to\b")
_CURRENCY_SIGNS = frozenset("$€£¥")
_NUM_RE = re.compile(_NUM)
_YEAR_RE = re.compile(_YEAR)
_CURRENCY_BEFORE = re.compile(r"(US\$|\$|€|£|¥|\bUSD|\bEUR|\bGBP|\bRMB|\bCNY)\s?$", re.IGNORECASE)
_PER_MILLION = re.compile(
    r"\s*(?:/|per)\s*(?:1\s*)?(M|million|K|thousand|B|billion)\b\s*((?:input|output|cached)?\s*tokens?)?",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"\s?(%|percent\b|per cent\b|pp\b|percentage points?\b)", re.IGNORECASE)
_MULTIPLE_AFTER = re.compile(r"(?:\s?[×x✕](?![A-Za-z0-9])|-fold\b|\s?fold\b|\s+times\b)", re.IGNORECASE)
# Up to three spaces before a scale word: "**12** billion" is "  12   billion" once its markup is blanked.
# "335-billion-parameter", "a 10-million-token window": a scale word joined by a hyphen.
_SCALE_AFTER = re.compile(
    r"(?:(?:\s{0,3}|-)(thousand|million|billion|trillion|hundred)\b|(K|k|M|B|b|T|bn|Bn|tn|mn|MM|万亿|亿|万)(?![A-Za-z0-9]))"
)
_ORDINAL_AFTER = re.compile(r"(st|nd|rd|th)\b", re.IGNORECASE)
_ORDINAL_STARTS = frozenset("snrtSNRTſ")  # "ſ" matches "s" case-insensitively
_NAME_TAIL = re.compile(
    rf"(?:[A-Za-z]|-[A-Za-z]+\d|-(?!(?:{_UNIT_RE}|fold|thousand|million|billion|trillion)\b)[A-Za-z]|\.\d|\.[A-Za-z])",
    re.IGNORECASE,
)
# Words that, capitalised right before a small bare number, do not make it a version ("Top 4").
_NOT_NAME_WORDS = {
    "top", "over", "about", "nearly", "only", "just", "by", "in", "on", "at", "up", "to", "under",
    "around", "approximately", "the", "and", "or", "of", "with", "from", "than", "vs", "versus",
    "all", "first", "last", "since", "until", "after", "before", "for", "roughly", "some", "almost",
    "elo", "rank", "ranked", "score", "scores", "scored", "no", "number", "level", "tier",
    "cost", "price", "pricing", "context", "parameters", "params", "total", "active", "released",
    "size", "sizes", "models", "model", "languages", "training", "value", "average", "avg", "pass",
    "between", "less", "more", "fewer", "least", "most", "above", "below", "within", "is",
    "are", "was", "were", "has", "have", "had", "contains", "includes", "spans",
}  # fmt: skip
_REFERENCE_WORDS = {
    "table",
    "figure",
    "fig",
    "section",
    "chapter",
    "appendix",
    "page",
    "step",
    "stage",
    "phase",
    "part",
    "item",
    "eq",
    "equation",
    "version",
    "v",
    "ver",
    "level",
    "tier",
}
# A hyphen right before a number is a minus only after a space or bracket ("fell -3.5%"), never
# inside a name ("GPT-4") or a range ("5-6M", read as one quantity).
#
# _CORE is _NUM behind these lookbehinds, written to open with the character class every number
# starts with ([\d.], the lookbehinds shifted by that character): a pattern that opens with a
# class lets the regex engine skip to digits and dots instead of trying four lookbehinds at every
# position (2.4x faster over whole lines). The alternatives keep their order: the same matches.
_CORE_LOOKBEHINDS = r"(?<![\w.,@:].)(?<![\w.,)\]%][\-−].)(?<!\d/.)(?<!\d /.)"
_CORE = re.compile(
    rf"[\d.]{_CORE_LOOKBEHINDS}"
    r"(?:(?<=\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"  # _NUM's first two forms, less their first digit
    r"|(?<=\.)(?<![\d.]\.)\d+)"  # its third, ".5", less the dot
)
_RANK_HASH = re.compile(r"(?:#|\bNo\.\s?|\bnumber\s)(\d{1,4})\b(?!\.\d)", re.IGNORECASE)
_RANK_HASH_OPENERS = ("#", "no.", "number")
_TOP_N = re.compile(r"\btop[- ](\d{1,4}|one|two|three|four|five|ten)\b(?![.,]\d)", re.IGNORECASE)
# "4 of top 5", "seven of the top 10": how many places of a leaderboard's top N, one figure
_PART_OF_TOP = re.compile(
    r"(?<![\w.,])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+)?of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Not "33:1877–1901" (pages). (?<![\w.:])\d+ is written with its first digit before the look-behind
# (shifted by that digit): a pattern that opens with a digit lets the engine skip to digits.
_RATIO = re.compile(r"(\d(?<![\w.:]\d)\d*(?:\.\d+)?):(\d+(?:\.\d+)?)(?![\w:]|[–-]\d)")
_RATIO_HINT = re.compile(r":(?<=\d:)\d")  # \d:\d, the colon first: most colons end a label ("**Status:**")
_ARXIV = re.compile(r"(?:arxiv[:/ ]\s*)?\b\d{4}\.\d{4,5}(?:v\d+)?\b", re.IGNORECASE)
# The name before a domain's last dot is read possessively ([\w-]++): a run of [\w-] that gave
# characters back would leave one of them, not the dot that must follow, so no match is lost,
# and the engine no longer backtracks through every word of a line (a third of the scan's time).
_URL = re.compile(
    r"(?:https?://|www\.)[^\s)>\]\"']+|\b[\w-]++(?:\.[\w-]++)*\.[a-z]{2,}\b(?:/[^\s)>\]\"']*)?", re.IGNORECASE
)
_CITATION = re.compile(
    r"\(\s*(?:see\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[\s,])[A-Z][\w'’\-]+"
    r"(?:\s+(?:et al\.?|and|&)\s*[A-Z]?[\w'’\-]*)?,\s+(?:19|20)\d{2}[a-z]?"
    r"(?:\s*;\s*[A-Z][^()]*?)?\)"
)

# A citation's year where the citation is cut off by a line's end or is not bracketed: a year
# with a letter that tells one author's papers apart ("Reddit, 2025b;"), or after "et al.,".
# (The year first, so that the regex engine skips to the digits; what may not stand before it is
# checked after a match.)
#
# Two scans, not one alternation: an alternation that opens with "e" makes the engine stop at
# every "e" of a line. A match of either holds no match of the other but the same year's span.
_LETTERED_YEAR = re.compile(r"(?:19|20)\d{2}[a-z](?=\s*[;),]|\s*$)")
_ET_AL_YEAR = re.compile(r"et al\.,\s((?:19|20)\d{2}[a-z]?)")
_NOT_BEFORE_A_YEAR = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")

_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b({_YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b"), "ymd"),
    # "2025.04.29", as release notes write it; never a version, which has no four-digit year first
    (re.compile(rf"(?<![\d.])({_YEAR})\.(0[1-9]|1[0-2])\.(0[1-9]|[12]\d|3[01])(?![\d.]\d)"), "ymd."),
    # "2024.10-2025.02": year and month written with a dot, a period of evaluation, never a score
    (
        re.compile(
            rf"(?<![\d.])({_YEAR})\.(0[1-9]|1[0-2])(?=\s*[-–]\s*{_YEAR}\.(?:0[1-9]|1[0-2])\b|\s*[-–]\s*(?:0[1-9]|1[0-2])\b)"
        ),
        "ym.",
    ),
    (re.compile(rf"(?<=[-–])\s*({_YEAR})\.(0[1-9]|1[0-2])(?![\d.]\d)"), "ym."),
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b"), "mdy"),
    # \b(\d{1,2}), the first digit before the word-boundary check: the engine skips to digits
    (re.compile(rf"(\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+({_MONTH}),?\s+({_YEAR})\b"), "dmy"),
    (re.compile(rf"\b({_YEAR})-(0[1-9]|1[0-2])\b(?![\d-])"), "ym"),
    (re.compile(rf"\b({_MONTH}),?\s+({_YEAR})\b"), "my"),
    (re.compile(rf"\bQ([1-4])\s*[' ]?({_YEAR})\b"), "qy"),
    (re.compile(rf"\b({_YEAR})\s*Q([1-4])\b"), "yq"),
    (re.compile(rf"\bH([12])\s+({_YEAR})\b"), "hy"),
    (
        re.compile(
            # Case-insensitive only where it must be: a scan with IGNORECASE costs every line.
            rf"(?<![$€£¥#~≈])\b(?:((?i:early|mid|late|end of|start of|beginning of))[- ]\s*)?({_YEAR})\b"
            rf"(?![\w%.,]\d|[%\w+]|\s?(?:thousand|million|billion|trillion|[KMBT]\b|x\b|×|%|percent)|"
            rf"\s+(?:[A-Z]{{1,3}}\d{{2,4}}\s+)?(?i:{_UNIT_RE})\b)",
        ),
        "y",
    ),
)
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_YEAR_QUALIFIERS = ("early", "mid", "late", "end of", "start of", "beginning of")  # as in the "y" form
# Where a month name can open a date (the date forms match month names case-sensitively):
# \b(?:Jan|…), the boundary checked after the name so that the engine skips to its first letters.
_MONTH_START = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?<!\w...)")
_HALF_HINT = re.compile(r"[QH](?<!\w.)[1-4]")  # \b[QH][1-4], the letter first: the engine skips to it


def _opener(pattern: re.Pattern[str], kind: str) -> str:
    """What every match of a date form opens with, after zero-width checks only: "year", "month"
    or "half" (Q3, H1); "" for the forms that can start anywhere in a year's window."""
    if pattern.pattern.startswith((rf"\b({_YEAR})", rf"(?<![\d.])({_YEAR})")):
        return "year"
    if kind == "y":
        return "year or qualifier"  # "2025", "early 2025"
    return {"mdy": "month", "my": "month", "qy": "half", "hy": "half"}.get(kind, "")


_DATE_FORMS = tuple((pattern, kind, _opener(pattern, kind)) for pattern, kind in _DATE_PATTERNS)
_SPELLED_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "fifty", "hundred", "dozen", "twice", "thrice",
)  # fmt: skip
# A multiple spelled out, as "3x" or "3 times" is read, where a comparison follows: "twice as fast",
# "three times cheaper", "twice the size" (not "tried three times", "three times over the weekend").
_SPELLED_MULTIPLE = re.compile(
    r"\b(?:(twice|thrice)|(two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)[\s-](?:times|fold))"
    r"(?=\s+(?:as|more|less|fewer|that\s+of|the\s+(?:size|price|cost|number|speed|amount|throughput|context|total|rate|data|compute|tokens|parameters)|"
    r"(?:fast|cheap|larg|small|high|low|bett|bigg|long|slow|great|quick|dear|strong|wid|short)er)\b)",
    re.IGNORECASE,
)
_TWICE = {"twice": 2.0, "thrice": 3.0}


def _at_word_start(words: Iterable[str]) -> str:
    """\\b(?:one|two|…), written as "o(?<!\\w.)(?:ne)|t(?<!\\w.)(?:wo|…)|…": an alternation whose
    branches open with a letter lets the engine skip to those letters instead of trying every
    position; the boundary is checked after the letter. (No word here is another's prefix.)"""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(rf"{first}(?<!\w.)(?:{'|'.join(tails)})" for first, tails in groups.items())


_SPELLED_HINT = re.compile(rf"(?:{_at_word_start(_SPELLED_WORDS)})\s")  # searched in lower-cased text
# An ASCII line's words in C: this table maps letters to lower case, digits and "_" to themselves
# (the \w characters) and every other byte to a space, so that bytes.split() then gives the \w runs.
# The bytes of other characters (in UTF-8, 128 and up) become spaces too: in other text, the
# ASCII words it gives stand between any characters but ASCII letters, digits and "_".
_ASCII_WORDS = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)).lower() + b" " * 128
_SPELLED_WORD_BYTES = frozenset(word.encode() for word in _SPELLED_WORDS)
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")  # \w in ASCII
_YEAR_RANGE = re.compile(rf"\b({_YEAR})\s*(?:-|–|—|to)\s*({_YEAR}|\d{{2}})\b(?![\w%])")


def _quantity(
    value: float | str,
    unit: str,
    qualifier: Qualifier,
    text: str,
    start: int,
    end: int,
    *,
    low: float | str | None = None,
    high: float | str | None = None,
    scale: float = 1.0,
    precision: float = 1.0,
    unit_text: str = "",
    kind: str = "number",
) -> Quantity:
    """Quantity(...) without the frozen dataclass's __init__, which sets each of the twelve fields
    through object.__setattr__ and, called with keywords, takes them as a dict first (2.4 us of
    every figure, a twentieth of the parser's time). The result is the same value: equal, hashed
    and printed alike (tests/test_quantities.py holds the parameters to the fields)."""
    quantity = object.__new__(Quantity)
    quantity.__dict__.update(
        value=value,
        unit=unit,
        qualifier=qualifier,
        text=text,
        start=start,
        end=end,
        low=low,
        high=high,
        scale=scale,
        precision=precision,
        unit_text=unit_text,
        kind=kind,
    )
    return quantity


def format_number(value: float) -> str:
    """Shortest plain decimal for a float: 5600000.0 → "5600000", 97.3 → "97.3"."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return repr(value)


# --- numbers for people -------------------------------------------------------------------------

_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))


def readable_number(value: float) -> str:
    """A figure as a reader would write it: 5.6e6 → "5.6M", 1509.0 → "1,509", 97.30 → "97.3"."""
    magnitude = abs(value)
    for size, suffix in _SCALES:
        if magnitude >= size:
            return f"{value / size:.4g}{suffix}"
    if value == int(value):
        return f"{int(value):,}"
    if magnitude < 1:
        return f"{value:.4g}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(quantity: Quantity) -> str:
    """The quantity for display: "$5.6M", "97.3%", "#1", "3×", "235B parameters", "2025-07".

    Ranges show both ends ("$5M–$6M") because `value` is only their midpoint. Text values
    (dates, unparsed figures) are shown as stored.
    """
    if quantity.low is not None and quantity.high is not None:
        return f"{_format_one(quantity.low, quantity)}–{_format_one(quantity.high, quantity)}"
    return _format_one(quantity.value, quantity)


def _format_one(value: float | str, q: Quantity) -> str:
    if isinstance(value, str):
        return value
    number = readable_number(value)
    if q.kind == "currency" and q.unit in _CURRENCY_SYMBOLS:
        return f"{'-' if value < 0 else ''}{_CURRENCY_SYMBOLS[q.unit]}{number.lstrip('-')}"
    if q.unit == "percent":
        return f"{number}%"
    if q.kind == "multiple" or q.unit == "times":
        return f"{number}×"
    if q.kind == "rank" or q.unit == "rank":
        return f"#{number}"
    unit = q.unit_text or q.unit
    return f"{number} {unit}" if unit else number


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def _precision(number_text: str, scale: float) -> float:
    digits = number_text.replace(",", "")
    if "." in digits:
        return float(10 ** -len(digits.split(".")[1])) * scale
    return scale


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    # Runs for every number against every span taken.
    for s, e in spans:  # noqa: SIM110 - any() over a generator is 4x slower here
        if start < e and s < end:
            return True
    return False


def _month_number(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def _date_iso(kind: str, groups: Sequence[str | None]) -> tuple[str, Qualifier]:
    g = [x or "" for x in groups]
    if kind in ("ymd", "ymd."):
        return f"{g[0]}-{g[1]}-{g[2]}", Qualifier.EXACT
    if kind == "mdy":
        return f"{g[2]}-{_month_number(g[0]):02d}-{int(g[1]):02d}", Qualifier.EXACT
    if kind == "dmy":
        return f"{g[2]}-{_month_number(g[1]):02d}-{int(g[0]):02d}", Qualifier.EXACT
    if kind in ("ym", "ym."):
        return f"{g[0]}-{g[1]}", Qualifier.EXACT
    if kind == "my":
        return f"{g[1]}-{_month_number(g[0]):02d}", Qualifier.EXACT
    if kind == "qy":
        return f"{g[1]}-Q{g[0]}", Qualifier.EXACT
    if kind == "yq":
        return f"{g[0]}-Q{g[1]}", Qualifier.EXACT
    if kind == "hy":
        return f"{g[1]}-H{g[0]}", Qualifier.EXACT
    return g[1], (Qualifier.APPROX if g[0] else Qualifier.EXACT)


# Every date form states a year; the rest of a date stands close to it: "beginning of September
# 30th, 2025" before it, "-06-01" after it. Dates are looked for only where they can start, in
# these windows, instead of along whole lines (a third of the parser's time before).
_BEFORE_YEAR = 28
_AFTER_YEAR = 48
_LOOKAHEAD = 80


_SPACE_RUN = re.compile(r"\s\s")


def _words_before(text: str, end: int, budget: int) -> int:
    """Where `budget` characters before `end` begin, a run of spaces counting as one: text from
    PDFs spaces "September    30th,    2025" widely."""
    start = max(0, end - budget)
    if not _SPACE_RUN.search(text, start, end):  # the usual case: single spaces
        return start
    i = end
    while i > 0 and budget > 0:
        i -= 1
        if not (text[i].isspace() and text[i + 1 : i + 2].isspace()):
            budget -= 1
    return i


def _year_windows(text: str) -> tuple[list[tuple[int, int]], set[str], list[int]]:
    """Where dates can stand, the characters right after each year ("-" for 2025-06, "." for
    2025.04.29), which rule out most date forms before any of them is tried, and where each year
    starts."""
    windows: list[tuple[int, int]] = []
    after: set[str] = set()
    years: list[int] = []
    for m in _YEAR_HINT.finditer(text):
        years.append(m.start())
        after.add(text[m.end() : m.end() + 1])
        low, high = _words_before(text, m.start(), _BEFORE_YEAR), min(len(text), m.end() + _AFTER_YEAR)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows, after, years


def _year_ranges(text: str, years: list[int], taken: list[tuple[int, int]]) -> list[Quantity]:
    """ "2023-2025", "2024 to 2025": a range opens with its first year, so it is tried only where
    a year starts. Adds each range's span to `taken`."""
    found: list[Quantity] = []
    resume = 0
    for start in years:
        m = _YEAR_RANGE.match(text, start) if start >= resume else None
        if m is None:
            continue
        resume = m.end()
        second = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
        if _overlaps(m.start(), m.end(), taken) or not m.group(1) < second:
            continue
        found.append(
            _quantity(
                value=m.group(1),
                unit="date",
                qualifier=Qualifier.RANGE,
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                low=m.group(1),
                high=second,
                kind="date",
            )
        )
        taken.append((m.start(), m.end()))
    return found


# A date form's candidates: where it can start, its window's end and the window's number.
_Placed = list[tuple[int, int, int]]


def _in_windows(starts: list[int], windows: list[tuple[int, int]]) -> _Placed:
    """The starts (in order) that lie in a window, each with that window's end and number."""
    placed: _Placed = []
    if not starts:
        return placed
    w = 0
    for start in starts:
        while w < len(windows) and windows[w][1] <= start:
            w += 1
        if w == len(windows):
            break
        if windows[w][0] <= start:
            placed.append((start, windows[w][1], w))
    return placed


def _qualified_year_starts(lower: str, years: list[int]) -> list[int]:
    """Where the year form can start: at a year, or at "early", "mid", "late", … before one (in
    any case, so found in the lower-cased text: the same positions, for ASCII text)."""
    starts = list(years)
    for word in _YEAR_QUALIFIERS:
        at = lower.find(word)
        while at != -1:
            starts.append(at)
            at = lower.find(word, at + 1)
    return sorted(starts)


def _form_starts(text: str, years: list[int], windows: list[tuple[int, int]]) -> dict[str, _Placed | None]:
    """Where the date forms of each opener can start (None: anywhere in a year's window), so that
    they are tried there alone instead of at every position of the windows."""
    at_years = _in_windows(years, windows)
    lower = text.lower()
    at_year_or_qualifier: _Placed | None = at_years  # no "early", "mid", … in the line
    if not text.isascii():
        at_year_or_qualifier = None  # case-insensitive matching folds other letters onto those words
    elif (
        "early" in lower
        or "mid" in lower
        or "late" in lower
        or "end of" in lower
        or "start of" in lower
        or "beginning of" in lower
    ):  # _YEAR_QUALIFIERS
        at_year_or_qualifier = _in_windows(_qualified_year_starts(lower, years), windows)
    return {
        "year": at_years,
        "year or qualifier": at_year_or_qualifier,
        "month": _hints_in_windows(_MONTH_START, 3, text, windows),
        "half": _hints_in_windows(_HALF_HINT, 2, text, windows) if "Q" in text or "H" in text else [],
        "": None,
    }


def _hints_in_windows(hint: re.Pattern[str], width: int, text: str, windows: list[tuple[int, int]]) -> _Placed:
    """_in_windows of the starts of `hint`'s matches (all `width` long), searched for in the windows
    alone rather than along the whole line: its look-behind sees the text before a window, and a
    match that starts in one ends within `width` of its end."""
    placed: _Placed = []
    for w, (low, high) in enumerate(windows):
        for m in hint.finditer(text, low, high + width):
            if m.start() < high:
                placed.append((m.start(), high, w))
    return placed


def _matches_at(pattern: re.Pattern[str], text: str, placed: _Placed) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, low, high + _LOOKAHEAD) in each window (low, high), up to matches that
    start at `high`, for a pattern that can match only at the `placed` starts: tried there alone
    instead of at every position in between."""
    resume, window = 0, -1
    for start, high, w in placed:
        if w != window:
            resume, window = 0, w
        if start >= resume and (m := pattern.match(text, start, high + _LOOKAHEAD)) is not None:
            resume = m.end()
            yield m


def _window_matches(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The matches that start in each window (low, high); their lookahead ("2025 GPUs" is no year)
    reads further."""
    for low, high in windows:
        for m in pattern.finditer(text, low, high + _LOOKAHEAD):
            if m.start() >= high:
                break
            yield m


def _find_dates(text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    windows, after_year, years = _year_windows(text)
    if not windows:
        return []
    taken = list(blocked)
    found = _year_ranges(text, years, taken)
    starts = _form_starts(text, years, windows)
    for pattern, kind, opener in _DATE_FORMS:
        if kind in ("ymd", "ym") and "-" not in after_year or kind in ("ymd.", "ym.") and "." not in after_year:
            continue
        at = starts[opener]
        if at is not None and not at or kind == "dmy" and not starts["month"] or kind == "yq" and "Q" not in text:
            continue
        # A form that opens with the year can start only where _YEAR_HINT found one: every year
        # it reads has no digit before it, so no earlier hint can have covered its start.
        for m in _window_matches(pattern, text, windows) if at is None else _matches_at(pattern, text, at):
            if _overlaps(m.start(), m.end(), taken):
                continue
            if kind == "my" and m.group(1).rstrip(".") == "May" and text[m.start() - 1 : m.start()].isalpha():
                continue
            iso, qualifier = _date_iso(kind, m.groups())
            found.append(
                _quantity(
                    value=iso,
                    unit="date",
                    qualifier=qualifier,
                    text=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    kind="date",
                )
            )
            taken.append((m.start(), m.end()))
    return found


# A section number opening a heading line: "3.1. Compute Clusters", "4.2.1 Results", "3.1 Compute
# Clusters" (a title of capitalised words and nothing else), but not "47.3 LiveCodeBench".
_SECTION_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){2,}\.?|\d{1,2}(?:\.\d{1,2})+\."
    r"|[1-9]\d?\.\d{1,2}(?=\s+[A-Z][a-z]+(?:[ \-][A-Za-z][a-z]+)+\s*$))"
    r"(?=\s+[A-Z])"
)


def _may_hold_url(text: str) -> bool:
    """False for text _URL finds nothing in: no "://", "www." or dot of a domain (a slash alone, as
    in "input/output", is no link)."""
    return "://" in text or "www." in text.lower() or _DOMAIN_DOT.search(text) is not None


_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")  # [\w.-] in ASCII


def _url_scan_start(text: str) -> int:
    r"""Where _URL's first match can start, at the earliest, in ASCII text: at the first "http" or
    "www." in any case, or where the run of [\w.-] that holds the first dot of a domain begins (a
    match that opens with neither holds such a dot, before its top-level domain). The scan skips
    what lies before: on long lines, most of it (a third of the time of blocking spans)."""
    if not text.isascii():
        return 0  # case-insensitive matching folds other letters onto "http" and "www"
    lower = text.lower()
    starts = [at for at in (lower.find("http"), lower.find("www.")) if at != -1]
    dot = _DOMAIN_DOT.search(text)
    if dot is not None:
        at = dot.start()
        while at > 0 and text[at - 1] in _DOMAIN_CHARS:
            at -= 1
        starts.append(at)
    return min(starts, default=len(text))


def _cited_years(text: str) -> Iterator[tuple[int, int]]:
    for m in _LETTERED_YEAR.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in _NOT_BEFORE_A_YEAR:  # "2025b;", not "v2025b"
            yield m.span()
    if "et al.," in text:
        yield from (m.span(1) for m in _ET_AL_YEAR.finditer(text))


def _blocked_spans(text: str, skip: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = list(skip)
    section = _SECTION_NUMBER.match(text)
    if section:
        spans.append((section.start(), section.end()))
    # Cheap checks first: most lines hold no index name, link, arXiv id or citation.
    if _INDEX_HINT.search(text):
        spans.extend(m.span() for m in _INDEX_NAME.finditer(text))
    if _DOMAIN_HINT.search(text) or "/" in text and _may_hold_url(text):
        spans.extend(m.span() for m in _URL.finditer(text, _url_scan_start(text)))
    if _ARXIV_HINT.search(text):
        spans.extend(m.span() for m in _ARXIV.finditer(text))
    if _YEAR_HINT.search(text):
        if "(" in text:
            spans.extend(m.span() for m in _CITATION.finditer(text))
        spans.extend(_cited_years(text))
    return spans


# The word is read possessively ([\w\-.]*+): the characters it could give back are no space, so no
# match is lost, and the engine no longer backtracks through every word of the 40 characters.
_WORD_BEFORE = re.compile(r"([A-Za-z][\w\-.]*+)\s$")
_UNIT_NOUN_AHEAD = re.compile(rf"\s*(?:{_UNIT_RE})\b", re.IGNORECASE)


def _is_version_of_name(text: str, start: int, number_text: str, end: int) -> bool:
    """ "Llama 4", "Claude 3.5", "Mistral Small 3": a small bare number after a capitalised name."""
    if start < 2 or not text[start - 1].isspace() or not (text[start - 2].isalnum() or text[start - 2] in "_-."):
        return False  # no word right before: "| 4 |", "(4)" (the cheapest check, and the one most figures fail)
    if "," in number_text or _to_float(number_text) > 20 or len(number_text.split(".")[-1]) > 1 and "." in number_text:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _REFERENCE_WORDS:
        return True
    if not word[0].isupper() or word.lower() in _NOT_NAME_WORDS or word.lower().rstrip(".") in _MONTHS:
        return False
    rest = text[end : end + 30]
    if _SCALE_AFTER.match(rest) or _PERCENT_AFTER.match(rest) or _MULTIPLE_AFTER.match(rest):
        return False
    return not _UNIT_NOUN_AHEAD.match(rest)


_AGO = re.compile(r"\s+(?:ago|after|later|late|behind|before|of)\b", re.IGNORECASE)  # "over 3 months after …"
_DURATIONS = frozenset({"days", "weeks", "months", "years", "hours"})
# A verb done over a period, right before "over" or with what it was done on between: "trained
# over 57 days", "trained on 9.8T tokens over 21 days" ("took/lasted/was delayed over 57 days",
# "trained for over 57 days" say more than that).
_OVER_A_PERIOD = re.compile(
    r"\b(?!(?:last|need|requir|delay|observ|releas|launch)ed\b)[a-z]+ed(?:\s+on\s+[^,;]{1,40}?)?\s+over\s*$", re.I
)


def _left_qualifier(text: str, q_start: int) -> tuple[Qualifier, int]:
    """The qualifier in the 25 characters before a figure ("about", "over", "~"), and how far left
    it reaches; the character right before the figure rules out most figures without a copy."""
    last = text[q_start - 1 : q_start] if q_start else ""
    if last and not last.isspace() and not (last in _QUALIFIER_SIGNS or last.isascii() and last.isalpha()):
        return Qualifier.EXACT, 0  # "(5", "|5", "$5"
    before = text[max(0, q_start - 25) : q_start]
    stripped = before.rstrip()
    last = stripped[-1:]
    if not last or not (last in _QUALIFIER_SIGNS or last.isascii() and last.isalpha()):
        return Qualifier.EXACT, 0  # most figures have no qualifier word
    if stripped.isascii() and not stripped.lower().endswith(_QUALIFIER_ENDINGS):
        return Qualifier.EXACT, 0  # a word, but no qualifier's last one: the searches are spared
    for pattern, qualifier in (
        (_APPROX_BEFORE, Qualifier.APPROX),
        (_LOWER_BEFORE, Qualifier.LOWER_BOUND),
        (_UPPER_BEFORE, Qualifier.UPPER_BOUND),
    ):
        m = pattern.search(before)
        if m:
            return qualifier, len(before) - m.start()
    return Qualifier.EXACT, 0


# Every qualifier above ends in one of these, or in a letter, right before the figure.
_QUALIFIER_SIGNS = frozenset("~≈∼><≥≤=.")
# How every qualifier above ends, lower-cased: its sign or its words in full. Text before a figure
# that ends in none of them holds no qualifier (three searches over it cost eight times this check;
# "of", "to" and "than" end many a phrase before a figure, but few qualifiers); text that is not
# ASCII is searched all the same, as case-insensitive matching folds "ſ" onto "s".
_QUALIFIER_ENDINGS = (
    "~", ">", "<", "=", "approx", "approximately", "approx.", "about", "around", "roughly", "nearly",
    "almost", "circa", "ca.", "some", "estimated", "est", "est.", "close to", "under", "over", "reportedly",
    "more than", "higher than", "better than", "above", "exceeding", "in excess of", "at least", "upwards of",
    "north of", "beyond",
    "greater than", "minimum of", "min.", "up to", "less than", "below", "at most", "fewer than",
    "maximum of", "max.", "within",
)  # fmt: skip


# What can follow a number without any suffix starting there: the end of the line, a cell border
# or a punctuation mark. Every suffix pattern of _Scan starts with a space, a letter or a symbol
# outside this set.
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?!\w)"
)  # the names themselves: "61 Decoder layers", "32 Mayan glyphs" are no days
_DAY_OF_MONTH = re.compile(rf"\s{_MONTH_NAME}(?!,?\s*(?:19|20)\d\d)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_NAME}\s$")  # "GA September 9"
_NO_SUFFIX = re.compile(r"(?:\s*\||\s*$|[,;:)\]!?'\"*])")


class _Scan:
    """The number at one position and what its right-hand context adds to it."""

    __slots__ = ("number_text", "end", "scale", "unit", "kind", "unit_text", "plus", "est", "per")

    def __init__(self, text: str, start: int, number_text: str) -> None:
        self.number_text = number_text
        self.end = start + len(number_text)
        self.scale = 1.0
        self.unit = ""
        self.kind = "number"
        self.unit_text = ""
        self.plus = False
        self.est = False
        self.per = ""
        if not _NO_SUFFIX.match(text, self.end):  # most table cells: "88.5 |", "88.5," (no suffix starts so)
            self._read_suffixes(text)

    def _read_suffixes(self, text: str) -> None:
        """Scale, %, ×, per-million, +, currency, unit noun and (est), in that order. Each reader
        is tried only when the next character could start it (most figures have one suffix or
        none; trying all eight patterns on every figure was a fifth of the parser's time), and
        reads at its position in `text` instead of a copy of the rest of the line."""
        end = self.end
        nxt = _next_char(text, end)
        if nxt in _SCALE_STARTS and (m := _SCALE_AFTER.match(text, end)):
            self.scale = _SCALE_WORDS[(m.group(1) or m.group(2)).lower()]
            end = m.end()
            nxt = _next_char(text, end)
        if nxt in _PERCENT_STARTS and (m := _PERCENT_AFTER.match(text, end)):
            word = m.group(1).lower()
            self.unit = "percentage_points" if word.startswith("p") and word != "percent" else "percent"
            self.kind = "percent"
            end = m.end()
            nxt = _next_char(text, end)
        elif nxt in _MULTIPLE_STARTS and (m := _MULTIPLE_AFTER.match(text, end)):
            if self.scale >= 1e3 and m.group(0).lstrip().lower() == "times":
                # "downloaded about 40 million times": how often, not a multiple of anything
                self.unit, self.unit_text = (
                    "downloads" if _DOWNLOADED.search(text, max(0, end - 150), end) else "times",
                    "",
                )
                self.kind = "count"
                end = m.end()
            elif gpus := _GPUS_AFTER_TIMES.match(text, m.end()):
                # "an 8x H100 node": eight of the accelerator, not eight times anything
                self.unit, self.kind, self.unit_text = "gpus", "count", gpus.group(1)
                end = gpus.end()
            else:
                self.unit, self.kind = "times", "multiple"
                end = m.end()
            nxt = _next_char(text, end)
        if nxt in _PER_STARTS and self.kind == "number" and (m := _PER_MILLION.match(text, end)):
            per_scale = m.group(1).lower()
            tokens = (m.group(2) or "").strip()
            self.unit_text = m.group(0).strip()
            self.per = _PER_SCALES.get(per_scale, per_scale) + " " + (tokens.split()[-1] if tokens else "tokens")
            end = m.end()
            nxt = _next_char(text, end)
        if text[end : end + 1] == "+":
            self.plus = True
            end += 1
            nxt = _next_char(text, end)
        if nxt in _CURRENCY_STARTS and not self.unit and (m := _CURRENCY_SUFFIX_RE.match(text, end)):
            self.unit, self.kind = _CURRENCY_SUFFIX[(m.group(1) or m.group(2)).lower()], "currency"
            end = m.end()
            nxt = _next_char(text, end)
        if self.kind == "number" and (nxt.isalpha() or nxt in "-?") and (m := _UNIT_AFTER.match(text, end)):
            canonical = _UNIT_NOUNS[m.group(1).lower()]
            if m.group(2):
                per = m.group(2).lower()
                canonical = f"{canonical}_per_{'second' if per == 's' else per}"  # "tokens/s"
            self.unit_text = m.group(0).strip(" -")
            self.unit = canonical  # no unit before: a percent, multiple or currency has its kind
            end = m.end()
            nxt = _next_char(text, end)
            if text[end : end + 1] == "+":  # "5 GPUs+": a lower bound, the "+" left outside the figure
                self.plus = True
        elif self.kind == "number" and nxt.isalpha() and (m := _ACCELERATORS_AFTER.match(text, end)):
            self.unit, self.unit_text = "gpus", m.group(1)  # "1,920 H100s": that many of the accelerator
            end = m.end()
            nxt = _next_char(text, end)
        if nxt in _EST_STARTS and (m := _EST_AFTER.match(text, end)):
            self.est = True
            end = m.end()
        self.end = end


_PER_SCALES = {"m": "million", "k": "thousand", "b": "billion"}
# "1,920 H100s", "2,048 H800s": an accelerator's name in the plural after a count of them.
_ACCELERATORS_AFTER = re.compile(r"\s((?:NVIDIA\s+)?(?:[A-Z]{1,2}\d{2,4}[A-Z]?|MI\d{3}X?)s)\b")
# Accelerator names: "H100", "A10", "B200", "L40S", "MI300X" (not number formats: "2x FP16", "BF16").
_GPUS_AFTER_TIMES = re.compile(r"\s?((?:NVIDIA\s+)?(?:(?!FP|BF|TF)[A-Z]{1,2}\d{2,4}[A-Z]?|MI\d{3}X?)(?:\s+GPUs?)?)\b")
# A rental rate after a price: "$2.99 per GPU-hour", "$8.00 per hour", "$23.92/hr".
_PER_HOUR = re.compile(r"\s*(?:/|per\s+|an?\s+)(GPU[- ]?)?(?:hours?|hr)\b", re.IGNORECASE)
_DOWNLOADED = re.compile(r"\bdownload(?:ed|s)?\b", re.IGNORECASE)


def _next_char(text: str, pos: int) -> str:
    """The first character from `pos` on after any spaces, lower-cased; "?" when more than a few
    spaces hide it."""
    if pos >= len(text):
        return ""
    return text[pos : pos + 8].lstrip()[:1].lower() or "?"


# The first characters (lower-cased, after spaces) each suffix can start with; "?" is unknown.
_SCALE_STARTS = frozenset("kmbth-?万亿")
_PERCENT_STARTS = frozenset("%p?")
_MULTIPLE_STARTS = frozenset("×x✕-ft?")
_PER_STARTS = frozenset("/p?")
_CURRENCY_STARTS = frozenset("ucegrdpy$€£¥元美人?")
_EST_STARTS = frozenset("(e?")


_ANY_DIGIT = re.compile(r"\d")
# A numbered list's marker at the start of a line ("1. Kimi K2", "12. Resources") numbers an item;
# it states no quantity (the claim extractor blanks it likewise, claims.text.MARKER).
_LIST_MARKER = re.compile(r"\s*\d{1,3}\.(?=\s)")
_INDEX_HINT = re.compile(r"Fortune|S&P|Russell|Forbes|Global|FTSE|Nasdaq|Nikkei|Inc")
_DOMAIN_HINT = re.compile(r"\.(?<=\w\.)[A-Za-z]{2}")  # \w\.[A-Za-z]{2}, the dot first: the engine skips to dots
_DOMAIN_DOT = re.compile(r"\.(?<=[\w-]\.)[a-z]", re.IGNORECASE)  # _URL's [\w-]\.[a-z], the dot first
_ARXIV_HINT = re.compile(r"\.(?<=\d{4}\.)\d{4}")  # \d{4}\.\d{4}, the dot first: the engine skips to dots
# Names that end in a number: "Fortune 500 companies" are not 500 companies.
_INDEX_NAME = re.compile(r"\b(?:Fortune|S&P|Russell|Forbes|Global|FTSE|Nasdaq|Nikkei|Inc\.?)\s?\d{2,4}\b")
_CLOCK_AFTER = re.compile(r"\s?(?:am|pm|a\.m\.|p\.m\.)(?![\w])", re.IGNORECASE)
_CURRENCY_SUFFIX_RE = re.compile(
    r"\s?(us dollars?|chinese yuan|usd|eur|gbp|rmb|cny|dollars?|euros?|pounds?|yuan)\b|\s?(美元|人民币|[$€£¥元])(?!\d)",
    re.IGNORECASE,
)


_NAME_TAIL_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.")
_SIZE_LETTERS = frozenset("KMBTb")
_SIZE_IN_NAME = re.compile(r"(?:[KMBT]|bn)-[A-Za-z]+\d")
_NAME_REST = re.compile(r"[\w.\-]*")
_CLOCK_REST = re.compile(r":[\d:]+")


def _currency_before(text: str, start: int) -> re.Match[str] | None:
    """ "$5.6M", "USD 5.6M": every currency sign or code ends in one of a few characters."""
    last = text[start - 1 : start]
    if last.isspace():
        last = text[start - 2 : start - 1]
    if not last or last not in "$€£¥" and last.lower() not in "dprby":
        return None
    return _CURRENCY_BEFORE.search(text[max(0, start - 4) : start])


def _between_before(text: str, start: int) -> re.Match[str] | None:
    before = text[max(0, start - 10) : start]
    lowered = before.lower()
    if "een" not in lowered and "rom" not in lowered:
        return None
    return _BETWEEN_BEFORE.search(before)


# What may stand right before a figure, or before the space before it, for none of the rules that
# read the left ("Llama 4", "$5", "USD 5", "-3.5", "~5", "over 5", "ca. 5") to apply: no letter,
# digit, space, currency sign, minus, qualifier sign or ".", "_", "-". "" is the text's start.
_PLAIN_BEFORE = frozenset(["", "|", "(", "[", "*", ",", ":", ";", "!", "?", "'", '"', "#", "/", ")", "]", "&", "+"])


def _number_quantity(text: str, m: re.Match[str], blocked: list[tuple[int, int]]) -> tuple[Quantity | None, int]:
    """The quantity starting at match `m`, and the offset where scanning resumes."""
    start, end = m.span()
    number_text = m.group()
    if number_text[0] == "0" and number_text[1:2].isdigit() and number_text.strip("0"):
        return None, end  # "the 0528 checkpoint", "build 007": a leading zero writes an identifier
    following = text[end : end + 1]
    if len(number_text) <= 2 and (
        following == " " and _DAY_OF_MONTH.match(text, end) or _MONTH_BEFORE.search(text, max(0, start - 11), start)
    ):
        return None, end  # "(Moonshot AI, 11 Jul)", "Mon 14 Jul": a day without its year, no figure
    before = text[start - 1 : start]  # "" at the start of the text
    plain_left = before in _PLAIN_BEFORE or before == " " and text[start - 2 : start - 1] in _PLAIN_BEFORE
    if plain_left and following != ":" and _NO_SUFFIX.match(text, end):
        # The commonest table cell, "| 88.5 |": nothing to either side that the full path reads
        # (no name tail, clock, ordinal, suffix, range, version, currency, minus or qualifier).
        return _quantity(
            value=_to_float(number_text),
            unit="",
            qualifier=Qualifier.EXACT,
            text=number_text,
            start=start,
            end=end,
            precision=_precision(number_text, 1.0),
        ), end
    if (
        following in _NAME_TAIL_START
        and _NAME_TAIL.match(text, end)
        and not (
            _SCALE_AFTER.match(text, end)
            or _MULTIPLE_AFTER.match(text, end)
            or _ORDINAL_AFTER.match(text, end)
            or _PERCENT_AFTER.match(text, end)
        )
    ):
        return None, _NAME_REST.match(text, end).end()  # type: ignore[union-attr]  # [\w.\-]* always matches
    if following in _SIZE_LETTERS and _SIZE_IN_NAME.match(text, end):  # "30B-A3B"
        return None, _NAME_REST.match(text, end).end()  # type: ignore[union-attr]
    if (following in "aApP" or following.isspace() and text[end + 1 : end + 2] in "aApP") and _CLOCK_AFTER.match(
        text, end
    ):
        return None, end  # "at 2 pm": a time of day, not a quantity
    if following == ":" and text[end + 1 : end + 2].isdigit():  # a time of day or a ratio the ratio rule declined
        return None, _CLOCK_REST.match(text, end).end()  # type: ignore[union-attr]  # ":30" always matches
    m_ord = _ORDINAL_AFTER.match(text, end) if following in _ORDINAL_STARTS else None
    if m_ord:
        ord_end = m_ord.end()
        return _quantity(
            value=_to_float(number_text),
            unit="rank",
            qualifier=Qualifier.EXACT,
            text=text[start:ord_end],
            start=start,
            end=ord_end,
            kind="rank",
        ), ord_end
    if not plain_left and _is_version_of_name(text, start, number_text, end):
        return None, end
    scan = _Scan(text, start, number_text)
    currency = None if plain_left else _currency_before(text, start)
    q_start = start
    if currency:
        scan.unit, scan.kind = _CURRENCY_PREFIX[currency.group(1).lower()], "currency"
        q_start = start - len(currency.group(0))
    if currency and not scan.per and not scan.unit_text and (hourly := _PER_HOUR.match(text, scan.end)):
        scan.per, scan.unit_text = ("GPU hour" if hourly.group(1) else "hour"), hourly.group(0).strip()
        scan.end = hourly.end()
    if scan.per and scan.kind == "currency":
        scan.unit = f"{scan.unit} per {scan.per}"
        scan.kind = "price"
    elif scan.per:
        scan.unit = f"per {scan.per}"
    # A range: "5-6M", "0.5B to 235B", "10-200×", "$0.10-0.15".
    range_q = _read_range(text, scan, q_start)
    if range_q is not None:
        qualifier, left = _left_qualifier(text, q_start)
        between = _between_before(text, q_start)
        if between:
            left = len(text[max(0, q_start - 10) : q_start]) - between.start()
        if qualifier is Qualifier.APPROX:
            range_q = replace(range_q, qualifier=Qualifier.RANGE)
        range_q = replace(range_q, start=range_q.start - left, text=text[range_q.start - left : range_q.end])
        return range_q, range_q.end
    value = _to_float(number_text) * scan.scale
    if plain_left:
        qualifier, left = Qualifier.EXACT, 0
    else:
        if q_start > 0 and text[q_start - 1] in "-−":
            value, q_start = -value, q_start - 1
        qualifier, left = _left_qualifier(text, q_start)
    if scan.plus:
        qualifier = Qualifier.LOWER_BOUND
    elif scan.est:
        qualifier = Qualifier.APPROX
    elif (
        left
        and scan.unit in _DURATIONS
        and _OVER_A_PERIOD.search(text, max(0, q_start - left - 60), q_start)
        and not _AGO.match(text, scan.end)  # "over 3 years ago", "over 3 months after": more than that
    ):
        qualifier, left = Qualifier.EXACT, 0  # "trained over 57 days": during them, not more than
    q_start -= left
    low = value if qualifier is Qualifier.LOWER_BOUND else None
    high = value if qualifier is Qualifier.UPPER_BOUND else None
    quantity = _quantity(
        value=value,
        unit=scan.unit,
        qualifier=qualifier,
        text=text[q_start : scan.end].strip(),
        start=q_start,
        end=scan.end,
        low=low,
        high=high,
        scale=scan.scale,
        precision=_precision(number_text, scan.scale),
        unit_text=scan.unit_text,
        kind=scan.kind,
    )
    return quantity, scan.end


def _read_range(text: str, first: _Scan, q_start: int) -> Quantity | None:
    """A range that opens with `first`. Its separator and second figure are read at their position
    in `text`, not in a copy of the rest of the line (none of these patterns looks behind it)."""
    following = text[first.end : first.end + 1]
    if following and not following.isspace() and following.lower() not in _RANGE_SEP_STARTS:
        return None  # the usual case, seen without copying the rest of the line
    if not _ANY_RANGE_SEP.match(text, first.end):
        return None  # neither separator follows: most figures, "32 billion active" among them
    sep = _RANGE_SEP.match(text, first.end)
    between = _between_before(text, q_start)
    if between and not sep:
        sep = _AND_SEP.match(text, first.end)
    if not sep or first.plus:
        return None
    if _TO_AFTER.match(text, first.end) and _CHANGE_BEFORE.search(text[max(0, q_start - 60) : q_start]):
        return None  # "grew from 1.2% to 30%": a before and an after, not a range
    if "-" in sep.group(0) and first.scale == 1.0 and not first.unit and _YEAR_RE.fullmatch(first.number_text):
        return None
    second_start = sep.end()
    if text[second_start : second_start + 1] in _CURRENCY_SIGNS:
        second_start += 1
    m2 = _NUM_RE.match(text, second_start)
    if (
        not m2
        or _NAME_TAIL.match(text, m2.end())
        and not (_SCALE_AFTER.match(text, m2.end()) or _MULTIPLE_AFTER.match(text, m2.end()))
    ):
        return None
    second = _Scan(text, second_start, m2.group(0))
    scale_low = first.scale if first.scale != 1.0 else second.scale
    unit = first.unit or second.unit
    kind = first.kind if first.kind != "number" else second.kind
    if first.kind == "number" and second.kind == "percent" or first.kind == "number" and second.kind == "multiple":
        kind = second.kind
    low = _to_float(first.number_text) * scale_low
    high = _to_float(second.number_text) * second.scale
    if high < low:
        return None
    unit_text = second.unit_text or first.unit_text
    if first.per or second.per:
        unit = unit if "per" in unit else f"{unit} per {first.per or second.per}".strip()
    end = second.end
    return _quantity(
        value=(low + high) / 2,
        unit=unit,
        qualifier=Qualifier.RANGE,
        text=text[q_start:end].strip(),
        start=q_start,
        end=end,
        low=low,
        high=high,
        scale=second.scale,
        precision=_precision(second.number_text, second.scale),
        unit_text=unit_text,
        kind=kind,
    )


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# "in fourth place overall", "ranked second", "ranks first on LMArena": a place spelled out.
_ORDINAL_PLACE = re.compile(
    rf"\b(?:(?P<placed>{'|'.join(_ORDINALS)})\s+place\b|(?:ranked|ranks|ranking)\s+(?P<ranked>{'|'.join(_ORDINALS)})\b"
    # "GLM-4.5 came in second on my ranking", "finished third overall"
    rf"|(?:came|comes|finished|finishes)\s+(?:in\s+)?(?P<came>{'|'.join(_ORDINALS)})\b"
    r"(?=\s+(?:on|in|among|overall|place|behind|with)\b))",
    re.IGNORECASE,
)


_ORDINAL_PLACE_OPENERS = (*_ORDINALS, "rank", "came", "comes", "finish")
# Every spelled place holds one of these ("fourth place", "ranked second", "came in third"); as
# lower-cased words of a line (_wordy_figure) and as a search of any line.
_PLACE_HINT = re.compile("place|rank|Rank|came|comes|finish")
_PLACE_WORD_BYTES = frozenset(
    {b"place", b"rank", b"ranks", b"ranked", b"ranking", b"came", b"comes", b"finished", b"finishes"}
)


def _matches_from(pattern: re.Pattern[str], text: str, lower: str, openers: Iterable[str]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a case-insensitive pattern whose every match opens with one of
    `openers` (lower case): tried only where str.find meets one in `lower` (text.lower()), not at
    every position (\\b and IGNORECASE leave the engine no letter to skip to: 40 ns a character,
    70 us on a long paragraph). Only in ASCII text does lower-casing keep the positions."""
    if not text.isascii():
        yield from pattern.finditer(text)
        return
    starts: list[int] = []
    for word in openers:
        at = lower.find(word)
        while at != -1:
            starts.append(at)
            at = lower.find(word, at + 1)
    resume = 0
    for start in sorted(starts):
        if start >= resume and (m := pattern.match(text, start)) is not None:
            resume = m.end()
            yield m


def _ordinal_places(text: str, lower: str, blocked: list[tuple[int, int]]) -> Iterator[Quantity]:
    placed_until = -1
    for m in _matches_from(_ORDINAL_PLACE, text, lower, _ORDINAL_PLACE_OPENERS):
        word = m.group("placed") or m.group("ranked") or m.group("came")
        if _overlaps(m.start(), m.end(), blocked):
            continue
        start = m.start("placed") if m.group("placed") else m.start("ranked") if m.group("ranked") else m.start("came")
        placed_until = max(placed_until, m.end())
        yield _place(word, text, start, m.end())
    if placed_until < 0:
        return
    # "Kimi K2 ranked first, with DeepSeek-R1-0528 second and Qwen3 third": after a place, the
    # places of the names that follow it, each an ordinal right after a name ("the second" is none)
    for m in _LISTED_PLACE.finditer(text, placed_until):
        before = text[max(0, m.start() - 40) : m.start()].split()
        name = before[-1] if before else ""
        if (name[:1].isupper() or any(ch.isdigit() for ch in name)) and not _overlaps(m.start(1), m.end(1), blocked):
            yield _place(m.group(1), text, m.start(1), m.end(1))


# An ordinal alone after a word, where a list of places goes on: "…, with R1-0528 second and …"
_LISTED_PLACE = re.compile(  # (second and after: a place listed after a place is no first)
    rf"(?<=[\w)])\s+({'|'.join(w for w in _ORDINALS if w != 'first')})\b(?=\s*(?:[,;.]|and\b|$))", re.IGNORECASE
)


def _place(word: str, text: str, start: int, end: int) -> Quantity:
    return _quantity(
        value=float(_ORDINALS[word.lower()]),
        unit="rank",
        qualifier=Qualifier.EXACT,
        text=text[start:end],
        start=start,
        end=end,
        kind="rank",
    )


def _special_quantities(text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    """Ranks written with # or "top N", ratios, and spelled-out counts with a unit noun."""
    found: list[Quantity] = []
    lower = text.lower()
    if "place" in lower or "rank" in lower or "came" in lower or "comes" in lower or "finish" in lower:
        found.extend(_ordinal_places(text, lower, blocked))
    spelled = _spelled_hints(text)
    if not (spelled or "#" in text or "no." in lower or "number" in lower or "top" in lower or ":" in text):
        return _with_spoken(text, lower, blocked, found)
    rank_words = "#" in text or "no." in lower or "number" in lower
    for m in _matches_from(_RANK_HASH, text, lower, _RANK_HASH_OPENERS) if rank_words else ():
        if not _overlaps(m.start(), m.end(), blocked):
            found.append(
                _quantity(
                    value=float(m.group(1)),
                    unit="rank",
                    qualifier=Qualifier.EXACT,
                    text=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    kind="rank",
                )
            )
    for m in _matches_from(_TOP_N, text, lower, ("top",)) if "top" in lower else ():
        if not _overlaps(m.start(), m.end(), blocked):
            n = m.group(1)
            value = float(n) if n.isdigit() else float(_SPELLED.get(n.lower(), 10))
            part = _PART_OF_TOP.search(text, max(0, m.start() - 20), m.start())
            # "one of the top 10" places its subject within the top 10: a rank, kept as one
            if part and part.group(1).lower() not in ("1", "one") and not _overlaps(part.start(), m.start(), blocked):
                count = part.group(1)
                found.append(
                    _quantity(
                        value=float(count) if count.isdigit() else float(_SPELLED[count.lower()]),
                        unit=f"of top {value:g}",
                        qualifier=Qualifier.EXACT,
                        text=text[part.start() : m.end()],
                        start=part.start(),
                        end=m.end(),
                        kind="part",
                        unit_text=f"of {m.group(0)}",
                    )
                )
                continue
            found.append(
                _quantity(
                    value=value,
                    unit="rank",
                    qualifier=Qualifier.UPPER_BOUND,
                    text=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    high=value,
                    kind="rank",
                )
            )
    for m in _RATIO.finditer(text) if ":" in text and _RATIO_HINT.search(text) else ():
        a, b = m.group(1), m.group(2)
        looks_like_time = len(b) == 2 and float(a) <= 24
        if looks_like_time or _overlaps(m.start(), m.end(), blocked) or float(b) == 0:
            continue
        found.append(
            _quantity(
                value=float(a) / float(b),
                unit="ratio",
                qualifier=Qualifier.EXACT,
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                kind="ratio",
                precision=_precision(a, 1.0) / float(b),
            )
        )
    for m in _spelled_counts(text, spelled) if spelled else ():
        if _overlaps(m.start(), m.end(), blocked):
            continue
        value = float(_SPELLED[m.group(1).lower()])
        found.append(_spelled(text, m, value, _UNIT_NOUNS[m.group(2).lower()], "count", m.group(2)))
    for m in _SPELLED_MULTIPLE.finditer(text) if spelled else ():
        if _overlaps(m.start(), m.end(), blocked) or any(q.start <= m.start() < q.end for q in found):
            continue
        times = m.group(1)
        value = _TWICE[times.lower()] if times else float(_SPELLED[m.group(2).lower()])
        found.append(_spelled(text, m, value, "times", "multiple"))
    return _with_spoken(text, lower, blocked, found)


def _with_spoken(text: str, lower: str, blocked: list[tuple[int, int]], found: list[Quantity]) -> list[Quantity]:
    """`found` and the numbers spoken in words beside them (`lower`: text.lower(), made once)."""
    for q in _spoken_quantities(text, blocked, lower):
        # "two thousand and forty-eight GPUs" holds the count "eight GPUs": the longer reading stands
        inside = [f for f in found if q.start <= f.start and f.end <= q.end]
        if not any(f.start < q.end and q.start < f.end for f in found if f not in inside):
            found = [f for f in found if f not in inside] + [q]
    return found


# Numbers spoken in words, as transcripts write them: "forty-two percent", "about six million
# dollars", "two point seven eight eight million GPU hours", "a hundred and seventeen billion
# parameters". Read only where a percent, currency, scale or unit word follows: "one of the",
# "two models" (a count, read above) and "the first three" stay as they are.
_ONES_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_TENS_WORDS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_SCALE_WORDS_SPOKEN = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORD = "|".join(sorted([*_ONES_WORDS, *_SCALE_WORDS_SPOKEN], key=len, reverse=True))
_ONES_WORD = "|".join(sorted(_ONES_WORDS, key=len, reverse=True))
_SPOKEN_NUMBER = re.compile(  # opening with a number word, not a scale word ("5 million" is read as digits)
    rf"\b(?:an?\s+(?:hundred|thousand|million|billion|trillion)|{_ONES_WORD})"
    rf"(?:(?:[\s-]+(?:and\s+)?|\s+point\s+)(?:{_NUMBER_WORD}))*\b",
    re.IGNORECASE,
)
# Every spoken figure read holds one of these words ("per cent" its "cent"): as substrings of a
# lower-cased line, and as the words of an ASCII line (_wordy_figure).
_SPOKEN_HINTS = ("percent", "cent", "dollar", "hundred", "thousand", "million", "billion", "trillion")
_SPOKEN_HINT_BYTES = frozenset(w.encode() for w in (*_SPOKEN_HINTS, "dollars"))
_SPOKEN_UNIT_AFTER = re.compile(rf"\s+(percent\b|per cent\b|dollars?\b|(?:[\w-]+\s+)?(?:{_UNIT_RE})\b)", re.I)


_SPOKEN_RANGE_OR_PART = re.compile(rf"\b(?:(?:{_ONES_WORD})\s+(?:to|or|-|–)|of)\s+$", re.IGNORECASE)
_PERCENT_LIST_BEFORE = re.compile(r"(?:percent|%)\s*[,;]\s*(?:[A-Z][\w.\-]*\s+){1,3}(?:is|at|has|with)?\s*$")
_LIST_ITEM_ENDS = re.compile(r"\s*(?:[,;.]|and\b|$)")


def _spoken_value(words: str) -> tuple[float, float] | None:
    """The value of number words, and the place value of their last digit ("two point seven
    eight eight million": 2.788e6, to 1e3)."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t not in ("and", "a", "an")]
    total, current, decimals, place = 0.0, 0.0, "", 1.0
    in_decimals = False
    last_scale = math.inf  # scales fall along one number: "eight billion and seventy billion" is two
    last = ""  # the word before, for what may follow it: "forty-eight", not "two fifty"
    for token in tokens:
        if token == "point":
            in_decimals = True
        elif in_decimals and token in _ONES_WORDS and _ONES_WORDS[token] < 10:
            decimals += str(_ONES_WORDS[token])
        elif token in _ONES_WORDS and not in_decimals:
            tens_then_ones = last in _TENS_WORDS and 0 < _ONES_WORDS[token] < 10
            if last in _ONES_WORDS and not tens_then_ones:
                return None  # "two fifty" is a price said aloud, no sum of its words
            current += _ONES_WORDS[token]
            place = 1.0
        elif token == "hundred" and not in_decimals:
            current = (current or 1.0) * 100
        elif token in _SCALE_WORDS_SPOKEN:
            scale = _SCALE_WORDS_SPOKEN[token]
            if scale >= last_scale:
                return None
            last_scale = scale
            number = (current or (0.0 if decimals else 1.0)) + (float("0." + decimals) if decimals else 0.0)
            total += number * scale
            place = scale * 10.0 ** -len(decimals)
            current, decimals, in_decimals = 0.0, "", False
        else:
            return None
        last = token
    if decimals:
        current += float("0." + decimals)
        place = 10.0 ** -len(decimals)
    return total + current, place


def _spoken_quantities(text: str, blocked: list[tuple[int, int]], lower: str = "") -> Iterator[Quantity]:
    lower = lower or text.lower()
    if not any(hint in lower for hint in _SPOKEN_HINTS):
        return
    for m in _SPOKEN_NUMBER.finditer(text):
        after = _SPOKEN_UNIT_AFTER.match(text, m.end())
        words = m.group(0)
        listed = not after and _PERCENT_LIST_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if listed and _LIST_ITEM_ENDS.match(text, m.end()):
            # "DeepSeek is thirty-one percent, Llama is eighteen, and …": a share, its unit left out
            read = _spoken_value(words)
            if read is not None and read[0] < 100:
                yield _quantity(read[0], "percent", Qualifier.EXACT, words, m.start(), m.end(), kind="percent")
            continue
        if _overlaps(m.start(), m.end(), blocked) or not (after or re.search(r"(?i)illion|thousand", words)):
            continue
        read = _spoken_value(words)
        if read is None or read[0] == 0:
            continue
        value, place = read
        value = round(value / place) * place if place >= 1 else round(value, 6)
        if _SPOKEN_RANGE_OR_PART.search(text, max(0, m.start() - 24), m.start()) or (
            not after and 1900 <= value < 2100 and re.match(r"(?i)two thousand|nineteen", words)
        ):
            continue  # "five to ten million dollars", "three quarters of a million", "two thousand twenty-four"
        unit, kind, end, unit_text = "", "number", m.end(), ""
        if after:
            word = after.group(1).lower()
            end = after.end()
            if word.startswith("per"):
                unit, kind = "percent", "percent"
            elif word.startswith("dollar"):
                unit, kind = "USD", "currency"
                per = _PER_MILLION.match(text, end)
                if per:  # "two point one nine dollars per million output tokens": a price
                    unit, kind, end = "USD per million tokens", "price", per.end()
            else:
                noun = _UNIT_AFTER.match(text, m.end())
                if noun is None:
                    end = m.end()
                else:
                    unit, unit_text, end = _UNIT_NOUNS[noun.group(1).lower()], noun.group(0).strip(), noun.end()
        qualifier, left = _left_qualifier(text, m.start())
        start = m.start() - left
        yield _quantity(
            value=value,
            unit=unit,
            qualifier=qualifier,
            text=text[start:end],
            start=start,
            end=end,
            low=value if qualifier is Qualifier.LOWER_BOUND else None,
            high=value if qualifier is Qualifier.UPPER_BOUND else None,
            scale=place if place >= 1e3 else 1.0,
            precision=place,
            unit_text=unit_text,
            kind=kind,
        )


def _spelled(text: str, m: re.Match[str], value: float, unit: str, kind: str, unit_text: str = "") -> Quantity:
    """A figure spelled out, with the qualifier before it: "at least three new models", "about twice"."""
    qualifier, left = _left_qualifier(text, m.start())
    start = m.start() - left
    return _quantity(
        value=value,
        unit=unit,
        qualifier=qualifier,
        text=text[start : m.end()],
        start=start,
        end=m.end(),
        low=value if qualifier is Qualifier.LOWER_BOUND else None,
        high=value if qualifier is Qualifier.UPPER_BOUND else None,
        unit_text=unit_text,
        kind=kind,
    )


def _share_price_unit(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """`$30/$60 per M tokens`, `$0.88 vs $3.00 per million tokens`: the unit after the second price
    belongs to the first as well."""
    out = list(quantities)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        pair = a.kind == "currency" and b.kind == "price" and b.unit.startswith(a.unit + " per") and a.scale == b.scale
        if pair and text[a.end : b.start].strip().lower() in _PRICE_PAIR:
            out[i] = replace(a, kind="price", unit=b.unit)
    return out


_PRICE_PAIR = frozenset({"/", "vs", "vs.", "versus", "and", "or", "against"})


# Every match of _PART_OF and _WHOLE_FIRST holds "of" or "among", in any case.
_PART_OF = re.compile(r"\s+(?:of|out of)\s+(?:the\s+)?(?:[\w'’]+\s*){0,2}")
# "Of the 3,755 models, 1,200 ...", "Out of 3,755 releases, 1,509": the whole named first, at the
# start of a sentence or clause, and the part right after its comma.
_WHOLE_FIRST = re.compile(
    r"(?:(?:^|[.;:(]\s*|,\s+)(?:of|out of|among)"
    # "In our survey of 40 open models, 12 …": a sample named first, the part after its comma
    r"|\b(?:in|from|across)\s+(?:our|the|a|this|their)\s+(?:\w+\s+)?(?:survey|sample|study|census|review|list|set)\s+of)"
    r"\s+(?:the\s+|these\s+|those\s+|all\s+)?$",
    re.I,
)
# "Of the 2,400 new fine-tunes uploaded to Hugging Face last week, 960": up to eight words, no figure
_THEN_PART = re.compile(r"(?:\s+(?!\d)[\w'’\-]+){0,8}\s*,\s*")


def _mark_parts(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """`1,509 of the world's 3,755`: the first is a part of the second; in `Of the 3,755 models,
    1,200 ...` the second is a part of the first."""
    out = list(quantities)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind not in ("number", "count") or b.kind not in ("number", "count"):
            continue
        between = text[a.end : b.start]
        if _PART_OF.fullmatch(between):
            out[i] = replace(a, kind="part", unit=a.unit or b.unit)
            out[i + 1] = replace(b, kind="whole")
        elif _THEN_PART.fullmatch(between) and _WHOLE_FIRST.search(text, max(0, a.start - 20), a.start):
            out[i] = replace(a, kind="whole")
            out[i + 1] = replace(b, kind="part", unit=b.unit or a.unit)
    return out


def _spelled_hints(text: str) -> list[int]:
    """Where a spelled count word ("five ", _SPELLED_HINT) starts in text.lower(). An ASCII line is
    first split into its words, in C: most lines hold none of them, and in the others only the
    words the line holds are looked for, with str.find, instead of searching the whole line for
    every word (the search stops at nearly every letter: 50 us on a long paragraph)."""
    if not text.isascii():
        lower = text.lower()
        # Every hint is an ASCII word of the lower-cased text after no letter, digit or "_" and
        # before a space: a word the table gives. Most lines hold none, and are spared the search.
        if _SPELLED_WORD_BYTES.isdisjoint(lower.encode().translate(_ASCII_WORDS).split()):
            return []
        return [m.start() for m in _SPELLED_HINT.finditer(lower)]
    words = text.encode().translate(_ASCII_WORDS).split()
    if _SPELLED_WORD_BYTES.isdisjoint(words):
        return []
    lower = text.lower()
    hints: list[int] = []
    for word in _SPELLED_WORD_BYTES.intersection(words):
        at = lower.find(word.decode())
        while at != -1:  # a hint where the word stands alone and a space follows it, as \b…\s reads
            after = at + len(word)
            if (at == 0 or lower[at - 1] not in _ASCII_WORD_CHARS) and lower[after : after + 1].isspace():
                hints.append(at)
            at = lower.find(word.decode(), after)
    return sorted(hints)


def _spelled_counts(text: str, hints: list[int]) -> Iterator[re.Match[str]]:
    """_SPELLED_RE.finditer(text), tried only where a hint starts, or two characters before one for
    "a dozen": every match starts so. (Only in ASCII text does lower-casing keep the positions.)"""
    if not text.isascii():
        yield from _SPELLED_RE.finditer(text)
        return
    resume = 0
    for start in sorted({*hints, *(h - 2 for h in hints if text[h - 2 : h].lower() == "a ")}):
        if start >= resume and (m := _SPELLED_RE.match(text, start)) is not None:
            resume = m.end()
            yield m


def may_hold_quantities(text: str) -> bool:
    """False for text find_quantities finds nothing in, whatever it skips: no digit, no spelled
    count ("five models") and no spelled place ("in fourth place"). Cheap, so that callers can
    spare the work they do for numbers."""
    return _ANY_DIGIT.search(text) is not None or _wordy_figure(text)


def _wordy_figure(text: str) -> bool:
    """Whether text without digits may hold a figure in words: a spelled count or multiple ("five
    models", "twice as fast") or place ("came in third"). An ASCII line's words are split once, in
    C, and looked up in both word sets: most lines hold none of them."""
    if text.isascii():
        words = text.encode().translate(_ASCII_WORDS).split()
        spelled = not _SPELLED_WORD_BYTES.isdisjoint(words)
        placed = not _PLACE_WORD_BYTES.isdisjoint(words)
        spoken = not _SPOKEN_HINT_BYTES.isdisjoint(words)
    else:
        spelled, placed = bool(_spelled_hints(text)), _PLACE_HINT.search(text) is not None
        spoken = True
    return bool(
        spelled
        and (_SPELLED_RE.search(text) or _SPELLED_MULTIPLE.search(text))
        or placed
        and _ORDINAL_PLACE.search(text)
        or spoken
        and any(_spoken_quantities(text, []))
    )


def may_hold_date(text: str) -> bool:
    """False for text that has no date find_quantities reads: every one has a year's four digits."""
    return _YEAR_HINT.search(text) is not None


def find_quantities(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in `text`, in order of position.

    `skip` holds spans (start, end) that belong to names; numbers inside them are ignored.
    Never raises: text without numbers gives an empty list.
    """
    marker = _LIST_MARKER.match(text)
    resume = marker.end() if marker else 0  # the marker's number is no figure: the scan starts after it
    if not _ANY_DIGIT.search(text, resume) and not _wordy_figure(text):
        return []  # may_hold_quantities, the marker left out
    taken = _blocked_spans(text, skip)
    found = _special_quantities(text, taken)
    if found:  # most lines hold none: no generator to make and run
        taken.extend([(q.start, q.end) for q in found])
    dates = _find_dates(text, taken)
    if dates:
        taken.extend([(q.start, q.end) for q in dates])
        found.extend(dates)
    for m in _CORE.finditer(text):
        start = m.start()
        if start < resume or taken and _overlaps(start, m.end(), taken):
            continue
        quantity, resume = _number_quantity(text, m, taken)
        if quantity is not None and not (taken and _overlaps(quantity.start, quantity.end, taken)):
            found.append(quantity)
    if len(found) < 2:
        return found  # no order to restore, no pair to read
    found.sort(key=lambda q: q.start)
    # A shared price unit has a "/" between its prices, a part an "of" before its whole (or an
    # "Of", "among" before a whole that comes first).
    if "/" in text or " v" in text or " a" in text or " or " in text:
        found = _share_price_unit(text, found)
    lower = text.lower()  # no letter but "O", "F", … lower-cases onto these ASCII words
    return _mark_parts(text, found) if "of" in lower or "among" in lower else found


def parse_quantity(text: str) -> Quantity | None:
    """The single quantity that `text` states ("~$5.6M", "100,000+", "July 2025"), or None."""
    found = find_quantities(text)
    if not found:
        return None
    return max(found, key=lambda q: q.end - q.start)


def parse_date(text: str) -> Quantity | None:
    """The date `text` states, at its precision ("September 2024" → "2024-09"), or None."""
    found = [q for q in _find_dates(text, []) if q.kind == "date"]
    return found[0] if len(found) == 1 else None

"""What a figure measures: a metric named next to it, its label or table header, the noun phrase
around it ("37B active", "market share of 30%") or its unit, refined by the section (a stage of
training, a benchmark's version)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.claims.context import Span
from factcheck.claims.text import RELEASE_WORDS
from factcheck.models import Quantity
from factcheck.vocabulary import Mention

if TYPE_CHECKING:
    from factcheck.claims.extractor import Extractor

_COMPATIBLE = {
    "USD": {"USD", "", "score"}, "EUR": {"EUR", ""}, "CNY": {"CNY", ""}, "GBP": {"GBP", ""},
    "percent": {"percent", "score", ""}, "percentage_points": {"percent", "score", ""},
    "rank": {"rank"}, "date": {"date"}, "times": {"times", ""}, "ratio": {"ratio", "", "times"},
}  # fmt: skip


def _unit_ok(quantity: Quantity, metric_unit: str) -> bool:
    if quantity.unit in _COMPATIBLE:
        return metric_unit in _COMPATIBLE[quantity.unit] or not metric_unit and quantity.unit not in ("rank", "date")
    if metric_unit in ("rank", "date", "times", "ratio"):
        return False
    if metric_unit in ("score", "percent") and quantity.unit and quantity.unit not in ("points", "elo"):
        return False  # "63.2 (avg 12 benchmarks)" under MMLU: a count of benchmarks is no score
    if quantity.unit and metric_unit and metric_unit not in ("score", "elo", "percent"):
        return quantity.unit == metric_unit or quantity.unit.split("_")[0] == metric_unit.split("_")[0]
    if metric_unit in ("USD", "percent"):
        return quantity.unit == "" and quantity.scale == 1.0 if metric_unit == "percent" else quantity.unit == ""
    return quantity.unit not in ("date",)


_DURATIONS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds"}


_NOT_METRIC_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "total", "which", "it"}


_NAME_IS = re.compile(r"(?:^|[.;:,]\s*|\band\s+)((?:[A-Z][\w.\-]*\s+){1,3})(?:is|was|has|had|holds|held)\s+$")
_SHARE_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|all\s+|our\s+)?([a-z][\w\-]*)\b(?!\s+(?:the|its|their)\b)")
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:^|[.;:,(]\s*|\b(?:its|their|the|a|an|with|and|reported|posted|had)\s+)(?P<np>[A-Za-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})"
    r"\s+(?:of|was|were|is|are|at|reached|hit|totaled|totalled|stood at|rose to|fell to|grew to|increased to|"
    r"decreased to)\s+(?:about\s+|approximately\s+|around\s+|nearly\s+|over\s+|~\s*)?$"
)


# "deployment costs reduce by 80%", "inference prices fell 90%": a change of what is named before
_CHANGED_BY = re.compile(
    r"(?:^|[.;:,(]\s*|['’]s\s+|\b(?:its|their|the|and|with|while)\s+)(?P<np>[A-Za-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2}?)"
    r"\s+(?:have\s+|has\s+|had\s+|were\s+|was\s+|are\s+|is\s+|will\s+|would\s+|could\s+)?"
    r"(?:(?P<down>reduced?|reduces|cut|fall(?:s|en)?|fell|drop(?:s|ped)?|declined?|declines|decreased?|decreases|"
    r"shrank|shrinks?)|(?P<up>rose|rises?|risen|grow(?:s|n)?|grew|increased?|increases|jump(?:s|ed)?|climb(?:s|ed)?))"
    r"\s+(?:by\s+)?(?:about\s+|approximately\s+|around\s+|nearly\s+|over\s+|more\s+than\s+|~\s*)?$",
    re.IGNORECASE,
)


_NOT_METRIC_HEADS = {
    "of",
    "in",
    "on",
    "for",
    "by",
    "to",
    "and",
    "the",
    "more",
    "less",
    "higher",
    "lower",
    "from",
    "than",
    "vs",
    "with",
    "at",
    "a",
    "an",
}


_NOUN_PHRASE_AFTER = re.compile(
    r"^\s+((?:[a-z][a-z\-]+\s+){0,2}?(?:share|usage|improvement|increase|decrease|"
    r"reduction|growth|savings?|rate|adoption|accuracy|margin|penetration|probability)"
    r"(?:\s+of\s+(?:[\w\-]+\s+){0,2}?[\w\-]*(?:models|downloads|usage|market|users))?)\b"
)


# Where the top places are: "7 of top 10 open source models on HuggingFace" → HuggingFace.
_PLACES_ON = re.compile(r"[\w\s\-]{0,40}?\b(?:on|in)\s+(?:the\s+)?([A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)")


def metric_for(
    extractor: Extractor, q: Quantity, span: Span, metrics: Sequence[Mention], text: str, previous: str
) -> str:
    """What the figure measures, "" when nothing says."""
    if (
        _SIZE_IN_BRACKETS.search(text, max(0, q.start - 40), q.start)
        and text[q.end : q.end + 1] == ")"
        and _bare_size(q)
    ):
        return "model size"  # "Phi-4 (14B) was trained on 9.8T tokens": the size its name is given
    charges = _CHARGES_AFTER.match(text, q.end) if q.kind == "currency" else None
    if charges:  # "pays $540 in input charges": what a volume costs, no price per token
        return f"{charges.group(1).lower()} charges" if charges.group(1) else "charges"
    metric = _metric_for(extractor, q, span, metrics, text, previous)
    if metric in _PARAMETER_METRICS and _ACTIVATES_BEFORE.search(text, max(span.start, q.start - 30), q.start):
        return "active parameters"
    if metric == "release date" and announced(text[max(span.start, q.start - 30) : q.start]):
        return "announcement date"  # "Release: announced December 2024; weights January 2025"
    if metric in ("input price", "output price") and (
        _DISCOUNTED.search(text) or _PROMOTIONAL_BEFORE.search(text, max(span.start, q.start - 30), q.start)
    ):
        return f"discounted {metric}"  # "a Batch tier at 50% off list price … $0.075 per million input tokens"
    if metric == "input price" and _CACHE_HIT_AFTER.match(text, q.end):
        return "cached input price"  # "$0.55 per 1M input tokens on a cache miss, $0.14 on a cache hit"
    if metric == "training cost" and q.kind == "currency":
        sentence = text[span.start : span.end]
        running = _running_cost(text, q, span)  # "$240,000 per month": a cost per month
        if not running and "train" not in sentence.lower() and _USAGE_WORDS.search(sentence):
            return "usage cost"  # "at the old promotional rate the same volume cost $280": what serving costs
        return running or metric
    if metric == "model size range" and (kind := _KIND_OF_MODELS.search(text, span.start, q.start)):
        return f"{kind.group(1).lower()} model size range"  # "the dense Qwen3 models range from 0.6B to 32B"
    if metric == "context length" and _NATIVE_BEFORE.search(text, max(span.start, q.start - 40), q.start):
        return "native context length"  # "the native window for both is 32,768 tokens, extended to 131,072"
    if (
        not span.table  # (a table's header may give the scale: "Total params (B)")
        and q.kind == "number"
        and not q.unit
        and q.scale == 1.0
        and isinstance(q.value, float)
        and q.value < 1e5
        and extractor.vocabulary.metric_unit(extractor.vocabulary.metric(metric) or metric) == "parameters"
    ):
        return ""  # "On weighted total, gpt-oss-120b ranks No. 1 (8.30)": no count of parameters
    return metric


# "a native 128K context", "the native window for both is 32,768", "natively supports 128K" (not
# "native tool use and a 128K window")
_KIND_OF_MODELS = re.compile(r"\b(dense|MoE)\s+(?:[\w.\-]+\s+){0,2}models?\b", re.IGNORECASE)
_NATIVE_BEFORE = re.compile(
    r"\bnative(?:ly)?(?:\s+(?:context\s+)?(?:window|context|length|supports?))?(?:\s+[^\s,;.]+){0,3}?\s*$",
    re.IGNORECASE,
)


# What a sum is paid per: "$240,000 per month", "$0.042 per resolved ticket", "$3.50 per H200".
_RATE_AFTER = re.compile(
    r"\s*(?:per|an?|each|every|/)\s*(?:(?:resolved|active|GPU|million|1M|M)\s+)?"
    r"(hour|hr|month|year|day|week|ticket|request|query|user|seat|node|replica|call|task|GPU|[A-Z]\d{2,3}[A-Z]?)s?\b"
)
_RATE_BEFORE = re.compile(
    r"\b(?:(?:cost|price|spend)\s+(?:per|a|an)\s+(?:resolved\s+|active\s+)?(\w+)"
    r"|(monthly|annual|yearly|hourly|daily)\s+(?:cost|bill|spend|price|fee|budget|rate)s?)\b"
    r"(?:[^.;]|\.(?=\d))*$",  # to the figure, in the same sentence (a decimal point is no full stop)
    re.IGNORECASE,
)
_RATES = {"hr": "hour", "monthly": "month", "annual": "year", "yearly": "year", "hourly": "hour", "daily": "day"}


def _running_cost(text: str, q: Quantity, span: Span) -> str:
    """A cost paid per hour, month, ticket or GPU is what running something costs, not what
    training a model cost: "this costs $240,000 per month", "| GPU cost per hour | $28.00 |"."""
    after = _RATE_AFTER.match(text, q.end, span.end)
    before = _RATE_BEFORE.search(text, max(span.start, q.start - 80), q.start)
    word = after.group(1) if after else (before.group(1) or before.group(2)) if before else ""
    if not word:
        return ""
    word = _RATES.get(word.lower(), word)
    return "cost per " + ("GPU" if _ACCELERATOR.fullmatch(word) else word.lower())


_ACCELERATOR = re.compile(r"[A-Z]\d{2,3}[A-Z]?|GPU")


_SIZE_IN_BRACKETS = re.compile(r"[A-Za-z][\w.\-]*\d[\w.\-]*\s*\($")  # "Phi-4 (", "Phi-3-mini ("


def _bare_size(q: Quantity) -> bool:
    return q.kind == "number" and not q.unit and q.scale >= 1e9


_ARCHITECTURE_AFTER = re.compile(r"\s*(?:dense|MoE|sparse)\b", re.IGNORECASE)
_PARAMETER_METRICS = frozenset({"total parameters", "active parameters", "model size", "model size range"})


def _metric_for(
    extractor: Extractor, q: Quantity, span: Span, metrics: Sequence[Mention], text: str, previous: str
) -> str:
    vocabulary = extractor.vocabulary
    if q.unit.startswith("of top "):  # "7 of top 10 open source models on HuggingFace"
        where = _PLACES_ON.match(text, q.end, span.end)
        board = where.group(1) if where else ""
        board = vocabulary.subject(board) or board
        return f"places in the top {q.unit.removeprefix('of top ')}" + (f" on {board}" if board else "")
    inside = [  # not "active" in "700 million monthly active users": a word of another unit
        m for m in metrics if m.start >= q.start and m.end <= q.end and _unit_ok(q, vocabulary.metric_unit(m.name))
    ]
    if inside and q.kind != "rank":
        return refine(extractor, inside[-1].name, q, text, span)
    after = [m for m in metrics if m.start >= q.end and _unit_ok(q, vocabulary.metric_unit(m.name))]
    before = [m for m in metrics if m.end <= q.start and _unit_ok(q, vocabulary.metric_unit(m.name))]
    if q.kind == "rank":
        if re.search(r"\b(?:from|behind|than|to|below|above|after|vs\.?)\s*$", text[max(0, q.start - 10) : q.start]):
            return ""  # "51 points from #1": the leader as a reference, not anybody's rank
        return rank_metric(extractor, q, metrics, text, span)
    if (
        q.kind == "part"
        and after
        and re.match(r"^\s*(?:of|out of)\s+(?:the\s+)?[\w'’\s]*?\d[\d,.]*\s*$", text[q.end : after[0].start])
    ):
        return refine(extractor, after[0].name, q, text, span)
    # "87.1 on MMLU", "17B (Activated) 109B (Total)": the metric named right after the figure
    if after and re.match(r"^\s*(?:\(\s*|on|in|for|at)?\s*(?:the\s+)?$", text[q.end : after[0].start]):
        return refine(extractor, after[0].name, q, text, span)
    if q.kind == "percent" and _TOGETHER_BEFORE.search(text, span.start, q.start):
        return "combined share"  # "Together, the three labs account for 76%"
    board_score = _score_on_board(extractor, q, metrics, text) or _arena_rating(q, text, span)
    if board_score:
        return board_score
    if before and re.match(r"^\s*(?::|of|=|-|\(|score of|at)?\s*$", text[before[-1].end : q.start]):
        return refine(extractor, before[-1].name, q, text, span)
    if previous and q.kind != "date":  # "363% vs H2 2024": the date is when, not another growth figure
        return previous
    if q.kind == "multiple":  # "18× cheaper": the words after a multiple say what it multiplies
        derived = metric_from_unit(extractor, q, text, span)
        if derived != "multiple":
            return derived
    # (a later sentence of the labelled text that names its own measure is about that one: "**Kimi
    # K2** (32B active): …. This checkpoint raises the context window to 256K")
    if (
        span.label_metric
        and _unit_ok(q, vocabulary.metric_unit(span.label_metric))
        and not (span.start > span.label_end and (before or after))
    ):
        return refine(extractor, span.label_metric, q, text, span)
    if (
        span.table
        and span.default_metric
        and (q.unit in ("", "USD", "percent") or q.kind == "price")
        and not (q.unit == "" and q.scale >= 1e9 and q.kind == "number")
    ):
        counted_in = vocabulary.metric_unit(span.default_metric)
        if q.unit and counted_in in ("parameters", "tokens", "gpu_hours") and q.unit != counted_in:
            return ""  # "$48,000" under "Total": no total of parameters
        return span.default_metric
    if q.kind == "number" and not q.unit and q.scale >= 1e9 and _ARCHITECTURE_AFTER.match(text, q.end):
        return "model size"  # "14B dense, trained on 9,800B tokens": the model's size, not its data
    # (not past another figure: in "a 365B model with 32B active", "active" is the 32B's)
    near_after = [m for m in after if m.start - q.end <= 14 and not re.search(r"\d", text[q.end : m.start])]
    if near_after:
        return refine(extractor, near_after[0].name, q, text, span)
    derived = metric_from_unit(extractor, q, text, span)
    if derived:
        return derived
    near = sorted(before + after, key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end)))
    # A metric named further off in the sentence counts only for a figure that says what it
    # measures (a unit, scale or %); a bare "3" near "adoption" is more likely a version number.
    near = [
        m
        for m in near
        if q.unit or q.scale != 1.0 or q.kind != "number" or min(abs(m.start - q.end), abs(q.start - m.end)) <= 30
    ]
    if near and q.kind != "date":
        return refine(extractor, near[0].name, q, text, span)
    if (
        span.section_metric
        and q.kind in ("number", "percent")
        and q.unit in ("", "percent")
        and q.scale == 1.0
        and _unit_ok(q, vocabulary.metric_unit(span.section_metric))
    ):
        return span.section_metric  # a bare score under a heading that names its benchmark
    if (
        span.topic_metric
        and q.kind in ("number", "percent")
        and q.unit in ("", "percent")
        and q.scale == 1.0
        and _SCORE_AFTER.match(text, q.end)
        and _SCORE_BEFORE.search(text, max(span.start, q.start - 12), q.start)
        and not _SETTING_OF.search(text, max(span.start, q.start - 30), q.start)  # "a temperature of 0.6"
    ):
        return span.topic_metric  # "On MMLU, …. The speaker cited Mixtral 8x7B at 70.6": a score on it
    phrase = phrase_metric(extractor, q, text, span)
    if phrase:
        return phrase
    if q.kind == "currency" and not span.default_metric:
        return "amount"
    if (
        span.default_metric
        and q.start >= span.label_end
        and _unit_ok(q, vocabulary.metric_unit(span.default_metric))  # "51 points from #1" is no rank
    ):
        return span.default_metric
    if q.kind in ("part", "whole", "count") or q.unit not in ("",):
        noun = q.unit_text or q.unit or (counted_noun(text, q) if q.kind in ("part", "whole") else "")
        noun = _ORIGIN_WORDS.sub("", noun).strip()  # "20 Chinese organizations": China's, not a kind of count
        countable = (noun.endswith("s") or q.unit == "people") and q.unit not in _DURATIONS
        return f"number of {noun}" if countable and q.kind in ("part", "whole", "count", "number") else ""
    return ""


_SCORED = re.compile(
    r"\b(?:scor(?:ed|es|ing)|a score of|rated|reach(?:ed|es)|hits?|achiev(?:ed|es))\s+(?:of\s+)?$", re.IGNORECASE
)
_ON_BOARD = re.compile(r"\s+on\s+(?:the\s+)?$")


def _score_on_board(extractor: Extractor, q: Quantity, metrics: Sequence[Mention], text: str) -> str:
    """ "scored 1,417 on LMArena": a score on a board named by its ranking is the board's score
    (LMArena Elo), not a rank and not a count named earlier in the sentence ("400B parameters")."""
    if q.kind != "number" or q.unit or not _SCORED.search(text, max(0, q.start - 20), q.start):
        return ""
    vocabulary = extractor.vocabulary
    board = next((m for m in metrics if m.start >= q.end and _ON_BOARD.fullmatch(text, q.end, m.start)), None)
    if board is None or vocabulary.metric_unit(board.name) != "rank":
        return ""  # a board measured by its score ("65.8 on SWE-bench") is read as any metric named after
    return vocabulary.metric(board.name.removesuffix(" rank") + " score") or ""


_TOGETHER_BEFORE = re.compile(
    r"\b(?:together|combined|collectively|altogether|between them)\b[^.;]{0,40}"
    r"\b(?:account(?:s|ed)? for|make up|made up|hold|held|represent|have|had)\s+(?:about\s+|roughly\s+|~)?$",
    re.IGNORECASE,
)


def _arena_rating(q: Quantity, text: str, span: Span) -> str:
    """A bare whole number between 1,000 and 1,700 in a paragraph about an arena leaderboard is
    its Elo rating ("the LMArena refresh puts Kimi K2 on 1,420 … R1-0528 follows on 1,413"): no
    other figure of a model takes those values there, and ranks and points are written so."""
    if q.kind != "number" or q.unit or not isinstance(q.value, float) or not 1000 <= q.value <= 1700:
        return ""
    if not q.value.is_integer() or _POINTS_AFTER.match(text, q.end) or _SIZE_OF.search(text, 0, q.start):
        return ""  # ("a batch size of 1,536 on LMArena prompts")
    # named in the sentence, or in the paragraph with a rating's words before it ("follows on 1,413")
    if _ARENA.search(text, span.start, span.end) or _ARENA.search(text) and _RATED_BEFORE.search(text, 0, q.start):
        return "LMArena Elo"
    return ""


_ARENA = re.compile(r"\b(?:LMArena|LMSYS|Chatbot Arena|Arena\s+Elo|Elo)\b")
_SETTING_OF = re.compile(
    r"\b(?:temperature|top-p|top-k|penalty|rate|size|batch|length|budget|count|ratio|weight)\s+(?:of|at|to)\s+$", re.I
)
_SIZE_OF = re.compile(r"\b(?:size|batch|length|number|total|budget|count)\s+of\s+$", re.IGNORECASE)
_RATED_BEFORE = re.compile(r"\b(?:on|at|rated|rating of|scores?|scored|reaches|reached)\s+$", re.IGNORECASE)
_POINTS_AFTER = re.compile(r"\s*(?:points?|pts|votes|battles|models?|users?)\b", re.IGNORECASE)
_ORIGIN_WORDS = re.compile(r"\b(?:Chinese|American|U\.S\.|US|European|Western|domestic|foreign|global)\b\s*", re.I)


# "1,500 of 2,000 prompts", "30 of 40 matches": what a part and its whole count, when no unit says.
_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:[\w'’]+\s+)?[\d][\d,.]*")
_PLURAL_NOUN = re.compile(r"\s+(?:[a-z][a-z\-]+\s+){0,2}?([a-z][a-z\-]{2,}s)\b")
_ASIDE = re.compile(r"\s*\([^()]{1,20}\)(?:\s+of\s+(?:the|those|these|all|its|their))?(?=\s)")
_NOT_NOUNS = {"this", "was", "has", "does", "its", "his", "is", "as", "us", "thus", "plus", "less", "across"}


def counted_noun(text: str, q: Quantity) -> str:
    """The plural noun a part or whole counts: "prompts" for both figures of "1,500 of 2,000
    prompts" (the part reads past its whole)."""
    at = q.end
    if q.kind == "part":
        whole = _OF_WHOLE.match(text, at)
        if not whole:
            return ""
        at = whole.end()
    aside = _ASIDE.match(text, at)  # "1,200 of 3,755 (45%) of those releases"
    noun = _PLURAL_NOUN.match(text, aside.end() if aside else at)
    return noun.group(1) if noun and noun.group(1) not in _NOT_NOUNS else ""


def phrase_metric(extractor: Extractor, q: Quantity, text: str, span: Span) -> str:
    """Outside the vocabulary, the noun phrase a figure is given for: "revenue of $4.2 billion",
    "Operating margin was 18.5%"; "up 12%" after another figure is that figure's growth. Only
    for figures that say what kind of number they are (money, a share, a multiple, a scale)."""
    if not (q.kind in ("currency", "percent", "price", "multiple") or q.scale != 1.0):
        return ""
    if q.kind == "percent" and _OF_THE_MARKET.match(text, q.end):
        return "market share"  # "took 45% of the market for self-hosted inference"
    before = text[max(span.start, q.start - 60) : q.start]
    change = re.search(r"\b(up|down)\s*$", before, re.IGNORECASE)
    previous = next((c[3] for c in reversed(extractor.claims[-8:]) if c[1].kind != "date"), "")
    if change and previous:
        return f"{previous} {'growth' if change.group(1).lower() == 'up' else 'decline'}"
    changed = _CHANGED_BY.search(before) if q.kind == "percent" else None
    if changed:
        words = [w for w in changed.group("np").lower().split() if w not in _NOT_METRIC_WORDS]
        if words and words[-1] not in _NOT_METRIC_HEADS:
            noun = " ".join(words[-2:])
            noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
            return f"{noun} {'reduction' if changed.group('down') else 'increase'}"
    owner = _NAME_IS.search(before) if q.kind == "percent" else None
    if owner and extractor.vocabulary.find_subjects(owner.group(1), unknown_models=False):
        # "Qwen is about 42% of the tokens we serve", "DeepSeek is 31%": a share the subject has
        whole = _SHARE_OF_AFTER.match(text, q.end)
        return f"share of {whole.group(1).lower()}" if whole else "share"
    m = _NOUN_PHRASE_BEFORE.search(before)
    if not m:
        return _relative_change(q, text, span, before)
    words = [w for w in m.group("np").lower().split() if w not in _NOT_METRIC_WORDS]
    while len(words) > 1 and words[0].endswith("ed"):
        words.pop(0)  # "reported revenue" → revenue
    return " ".join(words[-2:]) if words else ""


# "a 75% drop", "20% lower than GPT-4o's", "undercuts GPT-4o's $2.50 by 90%": a percentage that
# says how much one figure is below or above another; a change named by a noun that is no verb
# there ("a 30% rise", "(60% drop)"; in "40% fall under the licence" the 40% is a share).
_COMPARATIVE_AFTER = re.compile(
    r"\s*(?:(?P<down>lower|less|cheaper|smaller|fewer)|(?P<up>higher|more expensive|costlier|larger|greater))\b",
    re.IGNORECASE,
)
_CHANGE_NOUN_AFTER = re.compile(
    r"\s*(?:(?P<down>drop|decrease|decline|fall|cut|reduction|discount|savings?)|(?P<up>increase|rise|gain|jump|growth))\b",
    re.IGNORECASE,
)
# "40% fall under the licence", "30% drop out": the noun is a verb there, and the figure a share.
_VERB_USE_AFTER = re.compile(r"\s+(?:under|into|within|outside|behind|out|off|back|short)\b", re.IGNORECASE)
_CHANGED_BY_VERB = re.compile(
    r"\b(?:(?P<down>undercut|cut|reduc|lower|slash|drop)|(?P<up>rais|increas|boost|hik))\w*\s+"
    r"(?P<what>(?:[^.;:]|\.\d){0,60}?)\s*\bby\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|over\s+|~\s*)?$",
    re.IGNORECASE,
)
_OBJECT_NOUN = re.compile(r"(?:(?:the|its|their|our)\s+)?([A-Za-z][\w\-]*(?:\s+[a-z][\w\-]*)?)")
_CACHE_HIT = re.compile(r"\bcache[ds]?\s*hits?\b|\bcached\b", re.IGNORECASE)
_CHANGE_OF = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+)?((?!price|cost)[a-z][\w\-]*(?:\s+(?:cache|memory|time|usage))?)\b", re.I
)
_BARE_SAVING = frozenset({"saving", "savings", "reduction", "decrease"})
_PRICE_WORDS = re.compile(r"\bpric|\bcheap|\bcost|\bexpensive|[$€£¥]", re.IGNORECASE)


def _relative_change(q: Quantity, text: str, span: Span, before: str) -> str:
    """What change a percentage states: "price reduction" for "20% cheaper" in a sentence about
    prices, "KV cache reduction" for "reduces the KV cache by 93.3%", "increase" for "a 30% rise";
    "" for any other percentage."""
    if q.kind != "percent":
        return ""
    noun = _CHANGE_NOUN_AFTER.match(text, q.end)
    change = _COMPARATIVE_AFTER.match(text, q.end) or (
        noun if noun and not _VERB_USE_AFTER.match(text, noun.end()) else None
    )
    if change is not None:
        direction = "reduction" if change.group("down") else "increase"
        return ("price " if _PRICE_WORDS.search(text, span.start, span.end) else "") + direction
    by_verb = _CHANGED_BY_VERB.search(before)
    if by_verb is None:
        return ""
    direction = "reduction" if by_verb.group("down") else "increase"
    what = by_verb.group("what")
    noun = _OBJECT_NOUN.fullmatch(what)
    if noun and not any(ch.isdigit() for ch in what):  # "lowered training costs by 40%": a training cost reduction
        words = noun.group(1).split()
        words[-1] = words[-1][:-1] if words[-1].endswith("s") and not words[-1].endswith("ss") else words[-1]
        return f"{' '.join(words)} {direction}"
    return ("price " if _PRICE_WORDS.search(what) else "") + direction  # "undercuts GPT-4o's $2.50 by 90%"


_ACTIVE_AFTER = re.compile(r"^\s*(?:parameters\s+|params\s+)?(?:are\s+|is\s+)?(active|activated)\b")  # "37B active"
# "activates 37B", "activating only 3B": the verb before a parameter count makes it the active one.
_ACTIVATES_BEFORE = re.compile(r"\bactivat(?:es|ing|e)\s+(?:only\s+|just\s+|about\s+|roughly\s+)?$", re.IGNORECASE)


def refine(extractor: Extractor, metric: str, q: Quantity, text: str, span: Span) -> str:
    """Modifiers that split a metric: input/output context, total/active parameters, input/output price."""
    tail = text[q.end : q.end + 24].lower()
    side = re.search(r"\b(input|output)\b", q.text.lower()) or re.match(r"^\s*(input|output)\b", tail)
    if metric.endswith("context length") and isinstance(q.value, float) and q.value >= 1e11:
        return "training tokens"  # no context window holds 100B tokens: "S1: 30T tokens, 4K context"
    if metric == "context length" and side:
        return f"{side.group(1)} context length"
    participle = re.match(r"^\s*(tested|evaluated|covered)\b", tail)
    if metric == "languages supported" and participle:
        return f"languages {participle.group(1)}"
    if metric in ("total parameters", "active parameters", "model size range"):
        if q.qualifier.value == "range" and metric == "total parameters":
            return "model size range"
        if metric == "model size range" and q.qualifier.value != "range":
            return "model size"  # "in 9B and 27B sizes": each is one size, the range is of them all
        if q.kind == "whole":
            return "total parameters"  # "activates 39B of its 141B parameters": the whole is the total
        if _ACTIVE_AFTER.match(tail) or "_per_" in q.unit:
            return "active parameters"
        if re.match(r"^\s*models?\b", tail) or q.unit == "models":
            return "model size"
    if metric in ("input price", "output price"):
        side = side or _price_side(text, q, span)
        if side:
            return f"{side.group(1).lower()} price"
    return metric


_SIDE_AFTER = re.compile(r"[^;,.]{0,30}?\b(input|output)\b", re.IGNORECASE)  # "$2.50 per M tokens is the input price"
_SIDE_BEFORE = re.compile(r"\b(input|output)\b(?!.*\b(?:input|output)\b)[^;]*$", re.IGNORECASE)


def _price_side(text: str, q: Quantity, span: Span) -> re.Match[str] | None:
    """Which side of a price its clause names: after it first ("… is the input price"), else the
    last named shortly before it in its clause ("Mistral Small output from $0.90 to $0.30")."""
    after = _SIDE_AFTER.match(text, q.end, span.end)
    return after or _SIDE_BEFORE.search(text, max(span.start, q.start - 40), q.start)


def rank_metric(extractor: Extractor, q: Quantity, metrics: Sequence[Mention], text: str, span: Span) -> str:
    boards = [m for m in metrics if m.name in ("LMArena rank", "LMArena Elo")]
    scope = " open-source" if _OPEN_SCOPE.search(text[span.start : span.end]) else ""
    if boards:
        return f"LMArena{scope} rank"
    row = span.default_metric
    if span.table and row and not row.endswith("rank") and not row.startswith("LMArena"):
        return f"{row} rank"  # "| Average (12 tests) | 63.2 | 3rd globally |": third on that average
    own_words = re.split(r"[,;(]|\d", text[q.end : q.end + 30], maxsplit=1)[0]  # up to the next figure or clause
    if re.match(r"\s*(?:open[- ]?(?:source|weights?)|open)\b", own_words, re.IGNORECASE) and extractor.leaderboard:
        return f"{extractor.leaderboard} open-source rank"  # "#1 open-weight model, #5 overall"
    if re.search(r"\bglobal(?:ly)?\b|\boverall\b", own_words, re.IGNORECASE):
        return f"{extractor.leaderboard} rank" if extractor.leaderboard else "global rank"
    words = _RANKED_ON.match(text, q.end)
    if words and words.group("own") and _OWN_BOARD.search(words.group("board")):
        # "came in second on my composite ranking", "fourth place on our index": the list the writer
        # gives (before or after); without one, an index keeps its name
        named = "" if re.search(r"\b(?:ranking|rankings|list)\s*$", words.group("board")) else words.group("board")
        return extractor.own_ranking or (f"{named.strip()} rank" if named else "rank")
    return f"{words.group('board').strip()} rank" if words else ("rank" + scope)


_OPEN_SCOPE = re.compile(r"open[- ]?(?:source|weights?)|\bamong\s+(?:the\s+)?open\b|\bopen\s+models?\b", re.I)
_OWN_BOARD = re.compile(r"\b(?:ranking|rankings|list|index|leaderboard|board)\s*$")
# "second on the cost-efficiency index", "among open models"; "my/our … ranking" is the writer's own.
_RANKED_ON = re.compile(
    r"\s*(?:on|in|among|of)\s+(?:(?P<own>my|our)\s+|(?:the|its|their|this|that)\s+)?"
    # up to four words, none a conjunction, verb or year: "coding and came third" is no board
    r"(?P<board>(?:(?!(?:and|or|but|while|came|comes|finished|ranked|\d{4})\b)[\w\-]+ ?){1,4}?)(?=[,.;)]|$)"
)


_OF_THE_MARKET = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w\-]+\s+){0,2}?market\b", re.IGNORECASE)
_RAISED_BEFORE = re.compile(
    r"\b(?:(?:rais(?:ed|es|ing)|funding of|investment of|"
    r"(?P<valued>valued(?:\s+(?:it|them|the\s+company))?\s+at|valuation of))\s+"
    r"(?:[a-z]+\s+){0,4}?(?:~\s*)?"  # "raised an additional $640M", "a total of $1.1B"
    r"|funding\b(?:[^$€£¥\d;]|(?<=[A-Za-z])\d){0,30})$",  # "more funding (e.g., beyond Ai2's $100M)"
    re.IGNORECASE,
)
_FUNDING_AFTER = re.compile(
    r"\s+(?:in\s+(?:\w+\s+)?(?:funding|investment|venture capital)"
    r"|(?:(?:seed|series [a-f]|funding|growth|strategic)\s+)?round"
    r"|(?P<valued>valuation))\b",
    re.IGNORECASE,
)
# A score stands so: "at 70.6,", "scored 71.2 and", "against 88.6 for" (not "from 10 Div.2 contests").
_SCORE_BEFORE = re.compile(r"\b(?:at|of|scored|scores|scoring|reaches|reached|against|with|to)\s+$", re.IGNORECASE)
_SCORE_AFTER = re.compile(r"\s*(?:[,.;)]|$|and\b|against\b|vs\.?|versus\b|for\b|on\b|in\b)", re.IGNORECASE)
_TRAINING_RUN_BEFORE = re.compile(
    r"\b(?:(?:training|reinforcement[- ]learning|RL|pre-?training|post-?training)\s+(?:run|stage|phase)|"
    r"(?:run|stage)\s+(?:\w+\s+){0,2}(?:came\s+in|cost|totall?ed))\b[^.;$€£¥]*$",
    re.IGNORECASE,
)
# Words of a contest: "finished ahead of gpt-oss-20b in June" dates a result, no release.
OUTDONE = re.compile(
    r"\b(?:ahead\s+of|behind|beat|beats|outscored|outperformed|than|against|finished|placed|ranked)\b", re.I
)
_USAGE_WORDS = re.compile(
    r"\b(?:volume|customers?|usage|traffic|requests|queries|a month|per month|monthly|bill|charges|tokens a)\b", re.I
)
_CHARGES_AFTER = re.compile(r"\s+in\s+(?:(input|output|API|monthly)\s+)?(?:charges|fees|billing|spend)\b", re.I)
_PROMOTIONAL_BEFORE = re.compile(r"\b(?:promotional|promo|introductory)\s+(?:price\s+(?:of\s+)?)?$", re.I)
_CACHE_HIT_AFTER = re.compile(r"\s*(?:\(|on|for|with)?\s*(?:a\s+)?cache[ds]?[- ]?hits?\b", re.IGNORECASE)
_DISCOUNTED = re.compile(r"\b(?:batch|off-peak|discounted|discount of|\d+%\s+off)\b", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(?:(?:plan|plans|planned|planning|intends?|aims?|hopes?|expects?|expected|set|slated)\s+to|will|"
    r"scheduled|upcoming)\b",
    re.IGNORECASE,
)  # a plan's verbs, not "the AI+ plan, officially approved on July 31, 2025"
# A forecast governs the release it speaks of: "We expect Mistral AI to release …", "plans to
# launch", "the upcoming release" (not a "could" or the month May elsewhere in the sentence).
_FORECAST = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|plan(?:s|ned|ning)?|(?:is|are) set|slated|likely|rumou?red|anticipated|upcoming|"
    r"forecast|projected|will|may|might|could|should|would|aims?|intends?)\s+(?:to\s+)?(?:[\w.\-]+\s+){0,3}?(?:to\s+)?"
    r"(?:releas|launch|ship|unveil|announc|debut|open-sourc|arriv)\w*",
    re.IGNORECASE,
)


_ANNOUNCED = re.compile(r"\b(?:announc\w*|unveil\w*|preview\w*|teas(?:ed|er))\b", re.IGNORECASE)
_RELEASED = re.compile(
    r"\b(?:releas\w*|launch\w*|available|open-sourc\w*|shipp?\w*|dropped|landed|arriv\w*|debut\w*|came\s+out|weights|followed)\b",
    re.IGNORECASE,
)


def announced(lead: str) -> bool:
    """Whether the event word nearest before a date is an announcement ("weeks after Google teased
    it in May 2025": the May date is the teaser's, whatever was released before it)."""
    announced = [m.end() for m in _ANNOUNCED.finditer(lead)]
    released = [m.end() for m in _RELEASED.finditer(lead)]
    return bool(announced) and (not released or max(announced) > max(released))


# What else an item may date than its model: "- DeepSeek-R1: price halved for off-peak hours (Feb 2025)"
_ITEM_EVENT = re.compile(
    r"\b(?:pric\w*|cost\w*|cut|halv\w*|rais\w*|fund\w*|acqui\w*|partner\w*|hir\w*|lawsuit|ban\w*|deal|"
    r"pivot\w*|update\w*|discount\w*)\b",
    re.IGNORECASE,
)


def _named_before_paren(extractor: Extractor, text: str, span: Span, q: Quantity) -> bool:
    """ "DeepSeek-V3 (Dec 2024)": a date in brackets right after a model's name dates the model, and
    so does one that closes a model's item ("Yi-1.5: Enhanced coding, math (May 2024)"); "Price
    cut (Sep 2024)" dates the cut."""
    paren = re.search(r"[\w.+]\s*\(\s*$", text[max(0, q.start - 4) : q.start])
    if not paren:
        return False
    if span.label_subject and re.fullmatch(r"\s*\)[\s.;]*", text[q.end : span.end]):
        if _ITEM_EVENT.search(text, span.start, q.start):
            return False
        return extractor.vocabulary.subject_kind(span.label_subject) not in ("organisation", "country", "region")
    before = text[max(span.start, q.start - 60) : q.start].rstrip(" (")
    return any(
        m.end == len(before) and extractor.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
        for m in extractor.vocabulary.find_subjects(before)
    )


def _released_on(text: str, span: Span, q: Quantity) -> bool:
    """The date a clause's release verb is done on, however many words stand between: "The full
    model was published together with DeepSeek-R1-Zero, six distilled models and a technical
    report on 22 January 2025"."""
    verbs = list(RELEASE_WORDS.finditer(text, max(span.start, q.start - 140), q.start))
    if not verbs:
        return False
    between = text[verbs[-1].end() : q.start]
    return (
        _CLAUSE_BREAK.search(between) is None
        and _SECOND_PREDICATE.search(between) is None
        and _ON_OR_IN.search(between) is not None
    )


_CLAUSE_BREAK = re.compile(r"[.;:!?](?:\s|$)|(?<![\w-])\d")  # a sentence ends, or another figure stands between
_ON_OR_IN = re.compile(r"\b(?:on|in)\s+$")
# "was released under MIT and overtook ChatGPT … on January 27": the date is the second event's
_SECOND_PREDICATE = re.compile(
    r"\band\s+(?:(?:was|were|has|had|is|quickly|then|later|soon)\s+)*"
    r"(?:[a-z]+ed|overtook|took|became|came|grew|rose|won|hit|went|topped)\b"
)


def metric_from_unit(extractor: Extractor, q: Quantity, text: str, span: Span) -> str:
    clause = (text[span.start : span.end] + " " + span.context_words).lower()
    unit = q.unit
    if q.kind == "date":
        # The event word must lead up to the date ("launched in January 2025", "Released: 2025"),
        # not merely share its sentence ("By mid-2025, ... publicly released LLMs").
        lead = text[max(span.start, q.start - 60) : q.start] + " " + span.context_words
        if RELEASE_WORDS.search(lead) and _FORECAST.search(text, max(span.start, q.start - 80), q.start):
            return "expected release date"  # "We expect Mistral to release a successor in early 2025"
        if RELEASE_WORDS.search(lead) or _named_before_paren(extractor, text, span, q) or _released_on(text, span, q):
            # "first announced as a preview at Google I/O in May 2025": the announcement, an event
            # of its own beside the release of the weights
            if announced(lead):
                return "announcement date"
            return "release date"
        # "R1 in January 2025", "the Qwen 3 suite in April 2025": a model and a date it is "in".
        close = text[max(span.start, q.start - 30) : q.start]
        if announced(lead):
            return "announcement date"  # "Meta previewed Llama 3.1 405B in April 2024"
        if _PLANNED.search(text, span.start, q.start):
            return ""  # "we plan to evaluate Qwen3's successors in Q1 2026": a plan, no model's date
        if (
            re.search(r"\bin\s*$", close)
            and not OUTDONE.search(close)
            and any(
                extractor.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
                for m in extractor.vocabulary.find_subjects(close)
            )
        ):
            return "release date"
        return "date" if len(str(q.value)) > 4 else ""
    if unit == "parameters" or (not unit and q.scale >= 1e9 and re.search(r"\bparam", clause)):
        return "model size range" if q.qualifier.value == "range" else "total parameters"
    if unit == "models" and q.scale >= 1e9 or not unit and q.scale >= 1e9 and re.search(r"\bmodels?\b", clause):
        if q.qualifier.value == "range":
            return "model size range"
        return "model size"
    if unit == "tokens":
        near_words = text[q.end : q.end + 20].lower()
        if "input" in q.text.lower() or re.match(r"^\s*input\b", near_words):
            return "input context length"
        if "output" in q.text.lower() or re.match(r"^\s*output\b", near_words):
            return "output context length"
        if q.value >= 1e11 if isinstance(q.value, float) else False:  # no context window holds 100B tokens
            return "training tokens"
        if re.search(r"\bcontext|window", clause):
            return "context length"
        if re.search(r"\btrain|dataset|corpus|pre-?train", clause):
            return "training tokens"
        return "tokens"
    if unit == "gpu_hours":
        return "training GPU hours"
    if unit == "tokens_per_second":  # "20,000 output tokens per second"
        return "output throughput" if re.search(r"\b(?:output|decode|generat)", clause) else "tokens per second"
    if unit.startswith("gflops_per") or unit.startswith("flops_per"):
        return "compute per token"
    if q.kind == "price" and q.unit.endswith(("per hour", "per GPU hour")):
        return "hourly price"  # "$2.99 per GPU-hour": what renting it costs, not a price per token
    if q.kind == "price":
        # "$30/$60 per M tokens" states input and output in that order.
        if text[q.end : q.end + 2].lstrip().startswith("/"):
            return "input price"
        if text[max(0, q.start - 2) : q.start].rstrip().endswith("/"):
            return "output price"
        own = re.search(r"\b(input|output)\b", q.unit_text.lower())  # "$0.55 per million input tokens"
        if own:
            return f"{own.group(1)} price"
        if "output" in clause:
            return "output price"
        # "Input (cache hit): $0.07": what a repeated prompt costs is a price of its own
        return "cached input price" if _CACHE_HIT.search(clause) else "input price"
    near = text[max(0, q.start - 40) : q.start].lower()
    if q.kind == "currency":
        # "has raised roughly $1.2 billion", "$445 million in funding", "valued at $6 billion"
        raised = _RAISED_BEFORE.search(text, max(span.start, q.start - 45), q.start) or _FUNDING_AFTER.match(
            text, q.end
        )
        if raised:
            return "valuation" if raised.group("valued") else "funding"
    if q.kind == "currency" and _TRAINING_RUN_BEFORE.search(text, span.start, q.start) and not re.search(r"pric", near):
        return "training cost"  # "Kimi K2's reinforcement learning run reportedly came in at $534,700"
    if q.kind == "currency" and re.search(r"\bcosts?\b|\btrain", near) and not re.search(r"pric", near):
        return "training cost"  # "...rental price of $2/hour, our total training costs amount to $5.576M"
    if q.kind == "currency" and re.search(r"/\s*m\b|per (?:1)?m|per million|price", clause):
        side = re.search(r"\b(input|output)\b", clause)
        return f"{side.group(1)} price" if side else "price"
    if q.kind == "currency":
        if re.search(r"\bcost|train", clause):
            return "training cost"
        if re.search(r"\bpric", clause):
            return "price"
        return ""  # "revenue of $4.2 billion": the phrase before it, else just an amount (metric_for)
    if unit == "languages":
        m = re.match(r"^\s*(supported|tested|covered|evaluated)", text[q.end :])
        return f"languages {m.group(1)}" if m else "languages supported"
    if unit == "gpus":
        return "training GPUs" if "train" in clause or "on" in text[max(0, q.start - 4) : q.start] else "GPUs"
    if unit in ("weeks", "days", "months", "hours") and "train" in clause:
        return "training duration"
    if q.kind == "multiple":
        for window in (text[q.end : q.end + 30].lower(), clause):
            for pattern, name in (
                (r"cheap|cost|price", "cost reduction"),
                (r"efficien", "efficiency gain"),
                (r"fast|speed", "speedup"),
                (r"fewer|less|smaller", "reduction"),
            ):
                if re.search(pattern, window):
                    return name
        return "multiple"
    if q.kind == "percent":
        after = _NOUN_PHRASE_AFTER.match(text[q.end : q.end + 60])
        if after and after.group(1).split()[0] not in _NOT_METRIC_HEADS:
            noun = " ".join(after.group(1).split())
            of = _CHANGE_OF.match(text, after.end() + q.end)
            if noun in _BARE_SAVING and of:
                return f"{of.group(1)} reduction"  # "a 50% reduction in latency"
            if noun in _BARE_SAVING and _PRICE_WORDS.search(text, span.start, span.end):
                return "price reduction"  # "$0.60 against $3.00 is a 90% saving": a change of price
            return noun
    if q.kind == "ratio":
        return "ratio"
    if not unit and q.kind == "number" and q.scale >= 1e9 and re.match(r"^[\d.,]+\s?[BT](?:-[\d.,]+\s?[BT])?$", q.text):
        return (
            "model size range" if q.qualifier.value == "range" else "model size"
        )  # "Baichuan 2 (7B, 13B)": in writing about models, a bare 7B is a size
    return ""

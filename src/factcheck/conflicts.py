"""Claims × claims → Findings: where documents disagree with themselves or with each other.

Claims about one subject and metric are clustered by the values they allow (compare.interval):
figures whose intervals meet agree, so two or more clusters mean a conflict. Sorting the
intervals and sweeping once keeps this at n log n however many documents repeat a figure.
A distinctive figure given to two models of one family is an attribution finding.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.compare import Relation, compare, interval, span
from factcheck.models import DOCUMENT_SUBJECT, Claim, Finding, FindingKind, Qualifier, Quantity, Severity
from factcheck.quantities import format_value
from factcheck.vocabulary import PER_MODEL_METRICS, SAME_MEASURE, Vocabulary, normalize_name

__all__ = ["find_conflicts", "fingerprint"]

# Figures that differ by less than this are rounding, not disagreement, when a bound or range
# makes them formally compatible (100,000+ against 170,000+ diverges by 41%: worth a look).
DIVERGENCE_WORTH_A_LOOK = 0.25
# Architecture figures are shared by design between models of one family (DeepSeek-R1 is built
# on DeepSeek-V3, Llama 4 Scout and Maverick both activate 17B): the same figure for two of them
# is no sign that one was misattributed.
_SHARED_BY_DESIGN = {
    "total parameters",
    "active parameters",
    "model size",
    "model size range",
    "context length",
    "native context length",
    "extended context length",
    "input context length",
    "output context length",
    "languages supported",
    "number of experts",
    "training tokens",
    "release date",
}


# Metrics too generic to compare: two "date" or "amount" claims about one subject are usually
# about different things, and so are two changes ("a 30% rise", "20% cheaper") measured from
# different baselines.
_GENERIC_METRICS = {
    "date", "tokens", "amount", "multiple", "rank", "ratio", "price", "growth",
    "reduction", "increase", "price reduction", "price increase",
}  # fmt: skip
# What a family (Qwen3, DeepSeek) is said to have varies by member: its sizes and release dates
# are many, so they are compared for single models only.
_PER_MODEL = PER_MODEL_METRICS | {"release date"}


def _comparable_group(subject: str, metric: str, vocabulary: Vocabulary | None) -> bool:
    # "output price reduction", "KV cache increase": a change, measured from a baseline of its own
    if metric in _GENERIC_METRICS or metric.startswith("number of ") or metric.endswith((" reduction", " increase")):
        return False
    if vocabulary is None or metric not in _PER_MODEL:
        return True
    if metric == "release date":  # a generation (Qwen2.5) has one release; a family (Qwen) has many
        return vocabulary.subject_kind(subject) not in ("family", "organisation", "country", "region")
    return vocabulary.is_one_model(subject)


# A quote that ends so is a whole sentence: the others of its line are statements of their own
# ("X has 235B total parameters. ... X has 253B total parameters." is no list of two sizes).
_SENTENCE_END = re.compile(r"[.!?][\"'’”)*]*$")


def _passages(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims read together: those of one sentence however many lines it was wrapped over (its
    claims share their quote), and of one line where it is no sentence (a table row's cells, a
    list item). Hand-written claims without a line (0) are each a statement of their own. In
    document order."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[object, ...], int] = {}
    for i, c in enumerate(claims):
        if c.line == 0:
            continue
        sentence = c.text if _SENTENCE_END.search(c.text) else ""
        for key in ((c.document, c.line, sentence), (c.document, c.text)):
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[root(i)].append(c)
    return sorted(groups.values(), key=lambda g: (g[0].document, min(c.line for c in g)))


def _co_stated_removed(claims: Sequence[Claim]) -> list[Claim]:
    """A claim whose own sentence also gives the figures it differs from ("at a $7.0B valuation
    (August: $6.8B)") tells the two apart itself: against those it takes no side."""
    kept = []
    for c in claims:
        rest = c.text.replace(c.quantity.text, " ", 1)  # the sentence, less the claim's own figure
        mates = [o.quantity for o in claims if o is not c and o.document == c.document and o.text == c.text]
        others = [o for o in claims if o.quantity.value != c.quantity.value]
        told_apart = all(
            re.search(r"\d", o.quantity.text) and o.quantity.text in rest or _restates(o.quantity, mates)
            for o in others
        )
        if not (others and told_apart):
            kept.append(c)
    return kept


def _restates(q: Quantity, stated: Sequence[Quantity]) -> bool:
    """Whether `q` is one of the figures stated, however written ("about two hundred ninety-four
    thousand dollars" and "US$294,000")."""
    return any(compare(q, s).relation in (Relation.SAME, Relation.COMPATIBLE) for s in stated)


def _enumerations_removed(claims: Sequence[Claim]) -> list[Claim]:
    """A line or sentence that lists several values for one subject and metric ("0.6B, 1.7B, 4B ...
    32B") is an enumeration, not a statement of one value: it takes no side."""
    listing = {id(c) for passage in _passages(claims) if len({c.quantity.value for c in passage}) > 1 for c in passage}
    return [c for c in claims if id(c) not in listing]


def _finding(
    kind: FindingKind, severity: Severity, subject: str, metric: str, explanation: str, claims: Sequence[Claim]
) -> Finding:
    """A finding with the fingerprint its kind, subject, metric and claims give it."""
    return Finding(
        kind, severity, subject, metric, explanation, tuple(claims), fingerprint(kind, subject, metric, claims)
    )


def fingerprint(kind: FindingKind, subject: str, metric: str, claims: Iterable[Claim]) -> str:
    """Stable across runs and unrelated edits: claim ids never depend on line numbers."""
    key = "\x1f".join([kind.value, normalize_name(subject), metric.lower(), *sorted({c.id for c in claims})])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _clusters(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims grouped by overlapping intervals: sort by the low end, sweep, merge what overlaps."""
    ordered = sorted(claims, key=lambda c: (span(c.quantity)[0], c.document, c.line))
    clusters: list[list[Claim]] = []
    high: float | str | None = None
    for claim in ordered:
        low, top = span(claim.quantity)
        # Dates meet when they share a day; number bands are half-open, as in compare().
        if clusters and high is not None and (low <= high if isinstance(low, str) else low < high):  # type: ignore[operator]
            clusters[-1].append(claim)
            high = max(high, top)
        else:
            clusters.append([claim])
            high = top
    return clusters


def _points(claims: Sequence[Claim]) -> bool:
    return all(c.quantity.qualifier is Qualifier.EXACT for c in claims)


def _stated(q: Quantity) -> str:
    """The figure as a reader would recognise it: its own words, or its value when the words
    alone do not say it ("May" in a timeline under 2025 is 2025-05; a place implied by "below"
    is shown as the place)."""
    if q.kind == "rank" and isinstance(q.value, float):
        return f"#{q.value:g}"
    if q.unit.startswith("of top ") and isinstance(q.value, float) and not q.text.startswith(f"{q.value:g} "):
        return f"{q.value:g} {q.unit} ({q.text})"  # "Top 10 models … use Qwen" is all ten
    if any(ch.isdigit() for ch in q.text) and not q.text.replace(",", "").replace(".", "").strip().isdigit():
        return q.text
    if not q.text:  # a hand-written claim states no words of its own
        return format_value(q)
    return str(q.value)


def _where(claims: Sequence[Claim]) -> str:
    first = claims[0]
    more = f" and {len(claims) - 1} more" if len(claims) > 1 else ""
    return f"{_stated(first.quantity)} ({first.location}{more})"


def _range_finding(subject: str, metric: str, claims: Sequence[Claim]) -> Finding | None:
    """For a metric that *is* a range (sizes from smallest to largest), the ends are the facts:
    0.5B-235B and 0.6B-235B disagree about the smallest model even though they overlap."""

    def ends(c: Claim) -> tuple[float, float]:
        q = c.quantity
        low = float(q.low) if isinstance(q.low, float | int) else float(q.value)
        high = float(q.high) if isinstance(q.high, float | int) else float(q.value)
        return low, high

    def same(a: float, b: float) -> bool:  # ends written at different precision: within 2%
        return abs(a - b) <= 0.02 * max(abs(a), abs(b))

    stated = sorted((c for c in claims if c.quantity.qualifier is Qualifier.RANGE and not c.quantity.is_date), key=ends)
    groups: list[list[Claim]] = []
    for c in stated:
        if groups and all(same(x, y) for x, y in zip(ends(groups[-1][0]), ends(c), strict=True)):
            groups[-1].append(c)
        else:
            groups.append([c])
    if len(groups) < 2:
        return None
    involved = [c for g in groups for c in g]
    sides = "; ".join(_where(g) for g in groups)
    return _finding(
        FindingKind.VALUE,
        Severity.MEDIUM,
        subject,
        metric,
        f"{subject} {metric} is given as {sides}: the ends of the range disagree.",
        involved,
    )


_FORECAST = re.compile(
    r"\b(?:predict\w*|forecast\w*|project\w*|expect\w*|anticipat\w*|will|could reach|"
    r"trajector\w*|by\s+20(?:2[6-9]|[3-9]\d))\b",
    re.IGNORECASE,
)


def _tense_finding(subject: str, metric: str, claims: Sequence[Claim]) -> Finding | None:
    """One figure stated as fact in one place and as a forecast in another ("80%+ of Chinese
    enterprises adopting" against "80%+ ... predicted to adopt"): a reader cannot tell which."""
    forecasts = [c for c in claims if _FORECAST.search(c.text)]
    facts = [c for c in claims if c not in forecasts and not c.quantity.is_date]
    pairs = [
        (f, p)
        for f in facts
        for p in forecasts
        if not p.quantity.is_date and compare(f.quantity, p.quantity).relation in (Relation.SAME, Relation.COMPATIBLE)
    ]
    if not pairs:
        return None
    involved = list(dict.fromkeys([c for pair in pairs for c in pair]))
    fact, forecast = pairs[0]
    explanation = (
        f"{subject} {metric}: {_where([fact])} is stated as a fact, while {_where([forecast])} "
        "presents the same figure as a forecast."
    )
    return _finding(FindingKind.VALUE, Severity.MEDIUM, subject, metric, explanation, involved)


def _value_finding(subject: str, metric: str, claims: Sequence[Claim]) -> Finding | None:
    if metric.endswith("range"):
        return _range_finding(subject, metric, claims)
    tense = _tense_finding(subject, metric, claims)
    if tense is not None:
        return tense
    comparable = [c for c in claims if isinstance(c.quantity.value, str) == claims[0].quantity.is_date]
    units = {compare(c.quantity, comparable[0].quantity).relation for c in comparable}
    if Relation.INCOMPARABLE in units:
        by_unit: dict[str, list[Claim]] = defaultdict(list)
        for c in comparable:
            by_unit[c.quantity.unit].append(c)
        comparable = max(by_unit.values(), key=len)
    # Figures stated exactly are clustered on their own first, so that a vague one ("late 2024",
    # "~$5.6M") cannot bridge two exact ones that disagree ("July 2024", "September 2024").
    exact_clusters = _clusters([c for c in comparable if c.quantity.qualifier is Qualifier.EXACT])
    clusters = exact_clusters if len(exact_clusters) > 1 else _clusters(comparable)
    kind = FindingKind.DATE if metric.endswith("date") else FindingKind.VALUE
    if len(clusters) > 1:
        involved = [c for cluster in clusters for c in cluster]
        points = all(_points(cluster) for cluster in clusters)
        severity = Severity.HIGH if points or kind is FindingKind.DATE else Severity.MEDIUM
        sides = "; ".join(_where(cluster) for cluster in clusters)
        explanation = f"{subject} {metric} is given as {sides}: these cannot all be true."
        return _finding(kind, severity, subject, metric, explanation, involved)
    numbers = [c for c in comparable if not c.quantity.is_date and isinstance(c.quantity.value, float)]
    if len(numbers) < 2 or len({c.document for c in numbers} | {c.line for c in numbers}) < 2:
        return None
    lowest = min(numbers, key=lambda c: float(c.quantity.value))
    highest = max(numbers, key=lambda c: float(c.quantity.value))
    gap = compare(lowest.quantity, highest.quantity)
    if gap.relation is Relation.COMPATIBLE and gap.divergence >= DIVERGENCE_WORTH_A_LOOK:
        involved = [lowest, highest] + [c for c in numbers if c not in (lowest, highest)]
        explanation = (
            f"{subject} {metric}: {_where([lowest])} and {_where([highest])} are compatible as bounds "
            f"but the figures differ by {gap.divergence:.0%}."
        )
        return _finding(kind, Severity.LOW, subject, metric, explanation, involved)
    return None


def _significant_digits(q: Quantity) -> tuple[int, bool]:
    """How many significant digits a figure is written with, and whether with a decimal that is
    not all zeros ("2.788M": 4 and True; "$2.00": 1 and False; "1,417": 4 and False)."""
    digits = q.text.replace(",", "")
    mantissa = next((part for part in digits.split() if any(ch.isdigit() for ch in part)), "")
    mantissa = "".join(ch for ch in mantissa if ch.isdigit() or ch == ".").strip(".")
    whole, _, fraction = mantissa.partition(".")
    if fraction.strip("0"):
        return len((whole + fraction).lstrip("0")), True
    return len(whole.strip("0")), False


def _distinctive(q: Quantity) -> bool:
    """A figure specific enough that two subjects sharing it is a sign of a mix-up, not chance:
    written with a decimal ("5.6M", "45.9B") or three or more significant digits ("671B", "1,417"),
    and not a round number ("$2.00" is $2). 32B or 17B are stated by many models and prove nothing."""
    if q.is_date or q.kind in ("rank", "ratio") or not isinstance(q.value, float):
        return False
    significant, decimal = _significant_digits(q)
    return decimal or significant >= 3


# What a training run is measured in: its data, compute and cost, which no two runs share to
# three significant digits by chance ("14.8T tokens", "$5.58M"), as context lengths (128K) and
# prices may.
_TRAINING_RUN_METRICS = frozenset({"training tokens", "training GPU hours", "training cost", "training compute"})


def _unmistakable(c: Claim) -> bool:
    """A figure that even two unrelated models (DeepSeek-V3, Kimi K2) do not share by chance: a
    training run's tokens, GPU hours or cost to three significant digits ("14.8T tokens", "2.788M
    GPU hours"). Not a design figure, however precise: 131,072 tokens of context, 2,048 GPUs and a
    vocabulary of 32,768 are powers of two many models share."""
    q = c.quantity
    if c.metric not in _TRAINING_RUN_METRICS or q.kind in ("percent", "price"):
        return False
    return _significant_digits(q)[0] >= 3


def _related(vocabulary: Vocabulary | None, a: str, b: str) -> bool:
    """Two different models of one family; a family and its own member are not two subjects."""
    if vocabulary is None:
        return True
    chain_a, chain_b = vocabulary.ancestors(a), vocabulary.ancestors(b)
    if a in chain_b or b in chain_a:
        return False
    return bool(set(chain_a) & set(chain_b))


def _kept_by_updates(metric: str) -> bool:
    """What a dated checkpoint keeps of the model it updates: its architecture, window and price
    (DeepSeek-R1-0528 at R1's $2.19 and 671B), not its scores."""
    return metric in _SHARED_BY_DESIGN or "price" in metric.split()


def _one_updates_the_other(vocabulary: Vocabulary | None, a: str, b: str) -> bool:
    """One is a dated checkpoint of the other (DeepSeek-R1-0528 of DeepSeek-R1)."""
    if vocabulary is None:
        return False
    return vocabulary.checkpoint_of(a) == b or vocabulary.checkpoint_of(b) == a


def _unrelated_models(vocabulary: Vocabulary | None, a: str, b: str) -> bool:
    """Two models of different families, each known to be a model (of some family: "dense models"
    is no model's name)."""
    if vocabulary is None:
        return False
    chain_a, chain_b = vocabulary.ancestors(a), vocabulary.ancestors(b)
    kinds = {vocabulary.subject_kind(a), vocabulary.subject_kind(b)}
    return kinds == {"model"} and bool(chain_a) and bool(chain_b) and not set(chain_a) & set(chain_b)


def _subject_in_doubt(c: Claim, vocabulary: Vocabulary | None) -> bool:
    """The claim takes its subject from a heading that names two models ("GLM-4.5 / GLM-4.6",
    "GLM-4.5/4.6") and its own words name none: which of them it is about is the writer's secret,
    so it cannot show that a figure was given to the wrong one."""
    if vocabulary is None or vocabulary.find_subjects(c.text, unknown_models=False):
        return False
    for heading in reversed(c.section.split(" > ")):
        names = {m.name for m in vocabulary.find_subjects(heading, unknown_models=False)}
        names -= {family for name in names for family in vocabulary.ancestors(name)}  # "MiniMax-M1 (MiniMax)"
        if c.subject in names:
            return len(names) > 1 or bool(re.search(r"\d\s*/\s*\d", heading))
    return False


def _changed_from(claim: Claim) -> bool:
    """Whether the figure is where a change started ("the 0528 checkpoint lifted AIME 2024 from 79.8
    to 91.4"): an earlier state, perhaps of the model the subject replaced."""
    at = claim.text.find(claim.quantity.text)
    return (
        at >= 0
        and bool(_FROM_FIGURE.search(claim.text[:at]))
        and bool(_TO_FIGURE.match(claim.text, at + len(claim.quantity.text)))
    )


_TO_FIGURE = re.compile(r"\s*(?:to|→|->)\s*[$€£¥~]?\d")


def _attribution_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    by_figure: dict[tuple[str, str, float], list[Claim]] = defaultdict(list)
    in_doubt: set[str] = set()
    for c in claims:
        q = c.quantity
        if not _distinctive(q) or (c.metric in _SHARED_BY_DESIGN and not _unmistakable(c)) or _changed_from(c):
            continue
        if _subject_in_doubt(c, vocabulary):
            in_doubt.add(c.id)
        # Figures are keyed at the stated precision, so "$5.6M" and "~$5.6 million" meet.
        step = q.precision or 1.0
        unit = "" if q.unit == "percent" else q.unit  # a score with or without its % ("87.5%", "| 87.5 |")
        by_figure[(c.metric, unit, round(float(q.value) / step) * step)].append(c)
    findings = []
    for (metric, _unit, _value), group in sorted(by_figure.items(), key=lambda item: item[0][:2]):
        subjects = sorted({c.subject for c in group})
        unmistakable = any(_unmistakable(c) for c in group)
        by_design = metric in _SHARED_BY_DESIGN  # shared within a family, not across families
        pairs = [
            (a, b)
            for i, a in enumerate(subjects)
            for b in subjects[i + 1 :]
            if (_related(vocabulary, a, b) and not by_design) or (unmistakable and _unrelated_models(vocabulary, a, b))
            if not (_kept_by_updates(metric) and _one_updates_the_other(vocabulary, a, b))
        ]
        if not pairs:
            continue
        named = sorted({s for pair in pairs for s in pair})
        involved = [c for c in group if c.subject in named]
        # as written where it says its unit ("$5.6M"), else with it ("5.6M" in a column of costs)
        with_unit = [c.quantity.text for c in involved if not c.quantity.text[:1].isdigit()]
        figure = with_unit[0] if with_unit else format_value(involved[0].quantity)
        explanation = (
            f"The {metric} {figure} is attributed to {', '.join(named[:-1])} and {named[-1]}: "
            "one figure, different models."
        )
        # A figure under a heading that names two models ("GLM-4.5 / GLM-4.6") is only guessed to
        # be the first one's: that it is also given to the other is a hint, not a mix-up shown.
        firm = {c.subject for c in involved if c.id not in in_doubt}
        severity = Severity.HIGH
        if not any(a in firm and b in firm for a, b in pairs):
            severity = Severity.LOW
            explanation += " One of them stands under a heading that names both, so which it is about is unclear."
        subject = " / ".join(named)
        findings.append(_finding(FindingKind.ATTRIBUTION, severity, subject, metric, explanation, involved))
    return findings


def _ranking_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    """Rank statements that cannot all hold: a country said to hold the top N places of a board
    while a model from elsewhere is placed within them ("the top 4 are Chinese", "Maverick is 2nd");
    and, within one document, two models given the same place on the same board."""
    if vocabulary is None:
        return []
    ranks = [
        c
        for c in claims
        if c.quantity.kind == "rank" and c.metric.endswith("rank") and isinstance(c.quantity.value, float)
    ]
    findings = []
    places: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in ranks:
        if vocabulary.subject_kind(c.subject) not in ("country", "region"):
            places[(c.metric, vocabulary.country(c.subject))].append(c)
    tops: dict[tuple[str, str, float], list[Claim]] = defaultdict(list)
    for c in ranks:
        if (
            vocabulary.subject_kind(c.subject) == "country"
            and c.quantity.qualifier is Qualifier.UPPER_BOUND
            and not _SHARES_THE_TOP.search(c.text)
            and not any(n < float(c.quantity.value) for n in _counts_of_models(c.text))
        ):
            tops[(c.subject, c.metric, float(c.quantity.value))].append(c)
    for (country_held, metric_held, top), holders in sorted(tops.items()):
        held = holders[0]
        intruders = [
            c
            for (metric, country), group in places.items()
            if metric == metric_held and country and country != country_held
            for c in group
            if c.quantity.qualifier is Qualifier.EXACT and float(c.quantity.value) <= top
        ]
        if intruders:
            involved = [*holders, *intruders]
            named = ", ".join(sorted({f"{c.subject} ({_stated(c.quantity)})" for c in intruders}))
            explanation = (
                f"{held.subject} is said to hold the top {top:g} places on {held.metric.removesuffix(' rank')} "
                f"({held.location}), yet {named} from elsewhere is placed within them."
            )
            findings.append(
                _finding(FindingKind.RANKING, Severity.HIGH, held.subject, held.metric, explanation, involved)
            )
    # One model at two places of a document's own ranking ("3. GLM-4.5" in its one ranking list,
    # "GLM-4.5 came in second on my ranking" in its prose). Only where the document has one such
    # list: two lists ("Top 3 for coding", "Top 3 for writing") rank different things.
    placed: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    lists: dict[str, set[str]] = defaultdict(set)
    for c in ranks:
        if _LIST_ITEM.match(c.text) or c.metric == "rank" and " | " in c.text:  # a list, or a table's rank column
            lists[c.document].add(c.section)
    for c in ranks:
        kind = vocabulary.subject_kind(c.subject)
        # a plain rank in a document with one ranking is a place in it ("Kimi K2, in third place")
        own = (
            _LIST_ITEM.match(c.text) is not None
            or _OWN_RANKING.search(c.text) is not None
            or c.metric == "rank"
            and not _AT_ANOTHER_TIME.search(c.text)  # "was the #1 model in January"
        )
        if (
            own
            and len(lists[c.document]) == 1
            and c.quantity.qualifier is Qualifier.EXACT
            and kind not in ("family", "organisation")
        ):
            # "Kimi K2-Instruct" in the list and "Kimi K2" in the prose are one entry of it
            entry = vocabulary.checkpoint_of(c.subject, dated=False) or c.subject
            placed[(c.document, entry, c.metric)].append(c)
    twice_placed: set[str] = set()
    for (document, subject, metric), group in sorted(placed.items()):
        positions = sorted({float(c.quantity.value) for c in group})
        if len(positions) > 1:
            stated = " and ".join(f"#{p:g}" for p in positions)
            explanation = f"{subject} is placed {stated} on {_board(metric)} in {document}: it cannot be both."
            findings.append(_finding(FindingKind.RANKING, Severity.HIGH, subject, metric, explanation, group))
            twice_placed.update(c.id for c in group)
    # Two models at one place (the one placed twice above already explains its own).
    shared: dict[tuple[str, str, float, str], list[Claim]] = defaultdict(list)
    for c in ranks:
        if c.quantity.qualifier is Qualifier.EXACT and vocabulary.subject_kind(c.subject) not in ("country", "region"):
            # two ranking lists of one document rank two things, though neither names its board
            if c.metric == "rank" and _AT_ANOTHER_TIME.search(c.text):
                continue  # "DeepSeek-R1 was the #1 model in January": a place then, not on this ranking
            # and places a document gives in two sections without naming a board ("placed first in
            # the bake-off", "ranks No. 1 on weighted total") are on two rankings
            one_list = c.section if c.metric == "rank" else ""
            shared[(c.document, c.metric, float(c.quantity.value), one_list)].append(c)
    for (document, metric, place, _list), group in sorted(shared.items()):
        subjects = sorted({c.subject for c in group})
        if any(c.id in twice_placed for c in group):
            continue
        if len(subjects) > 1 and not any(
            vocabulary.ancestors(a) and b in vocabulary.ancestors(a) for a in subjects for b in subjects
        ):
            explanation = f"{' and '.join(subjects)} are both placed #{place:g} on {_board(metric)} in {document}."
            findings.append(
                _finding(FindingKind.RANKING, Severity.MEDIUM, " / ".join(subjects), metric, explanation, group)
            )
    return findings


# "In the top five you'll see four Chinese models plus Llama 4 Maverick": the country holds some of
# the places, not all of them.
_SHARES_THE_TOP = re.compile(r"\b(?:plus|except|besides|alongside|apart from|other than)\s+(?:the\s+)?[A-Z]")
_COUNT_OF_MODELS = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine)\s+(?:[A-Z][\w.\-]*\s+)?(?:models|labs|entries)\b", re.I
)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _counts_of_models(text: str) -> list[float]:
    return [float(_WORDS.get(m.group(1).lower(), m.group(1))) for m in _COUNT_OF_MODELS.finditer(text)]


_AT_ANOTHER_TIME = re.compile(
    r"\b(?:was|were|had been|used to|in (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)|last (?:month|week|year)|(?:19|20)\d\d)\b"
)
_LIST_ITEM = re.compile(r"\s*\d{1,3}[.)]\s")  # the quote of a ranking list's item: "3. GLM-4.5 (China)"
_OWN_RANKING = re.compile(
    r"\b(?:my|our)\s+(?:[\w\-]+\s+){0,2}?(?:ranking|list|leaderboard|board|index|table|top\s*\d+)", re.I
)


def _board(metric: str) -> str:
    """A ranking's name in a sentence: "LMArena" for "LMArena rank", the document's own for "rank"."""
    return metric.removesuffix(" rank") if metric != "rank" else "the document's ranking"


# A family's licence is its members' unless they say otherwise; its architecture is not: Qwen3
# has dense and MoE models.
_INHERITED_CATEGORIES = {"license"}


def _categorical_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    """Categories that disagree. One model under licences with nothing in common ("Apache 2.0"
    against "proprietary"), or called dense and MoE, is a high finding: one of them misleads. A
    family and its member so ("Yi: Apache 2.0" against "Yi-Large: proprietary") is a medium one:
    the family's statement may mean its open models. Licences that overlap but differ
    ("Apache/MIT" against "Apache 2.0") are a low one: either could be right, but a reader cannot
    tell which licence applies."""
    by_root: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity.kind == "category":
            root = (vocabulary.ancestors(c.subject) or [c.subject])[-1] if vocabulary else c.subject
            by_root[(c.metric, root)].append(c)
    findings = []
    for (metric, _root), group in sorted(by_root.items()):
        values = {(c.subject, str(c.quantity.value)) for c in group}
        inherited = metric in _INHERITED_CATEGORIES
        related = [
            (a, b)
            for a in values
            for b in values
            if a < b and a[1] != b[1] and (_covers(vocabulary, a[0], b[0]) if inherited else a[0] == b[0])
        ]
        disjoint = sorted((a, b) for a, b in related if not set(a[1].split("/")) & set(b[1].split("/")))
        overlapping = sorted((a, b) for a, b in related if a[0] == b[0] and (a, b) not in disjoint)
        for clashes, severity, why in (
            ([(a, b) for a, b in disjoint if a[0] == b[0]], Severity.HIGH, "disagrees ({stated})."),
            ([(a, b) for a, b in disjoint if a[0] != b[0]], Severity.MEDIUM, "disagrees ({stated})."),
            (
                overlapping,
                Severity.LOW,
                "is stated differently ({stated}): they overlap, but which applies is unclear.",
            ),
        ):
            if not clashes:
                continue
            pairs = {pair for clash in clashes for pair in clash}
            involved = [c for c in group if (c.subject, str(c.quantity.value)) in pairs]
            subject = " / ".join(sorted({s for s, _ in pairs}))
            stated = "; ".join(f"{s}: {v}" for s, v in sorted(pairs))
            findings.append(
                _finding(
                    FindingKind.CATEGORICAL,
                    severity,
                    subject,
                    metric,
                    f"The {metric} {why.format(stated=stated)}",
                    involved,
                )
            )
    return findings


def _covers(vocabulary: Vocabulary | None, a: str, b: str) -> bool:
    """Whether a statement about `a` speaks for `b` too: the same subject, or a family and its member."""
    if a == b:
        return True
    return vocabulary is not None and (a in vocabulary.ancestors(b) or b in vocabulary.ancestors(a))


def _arithmetic_findings(claims: Sequence[Claim]) -> list[Finding]:
    """Figures derived from the numbers beside them, recomputed in the same line or sentence: a share of a whole
    ("1,509 of 3,755 (40%)"), a ratio of two parameter counts ("1T | 32B | 31:1"), and a multiple
    of two figures of one metric ("250 vs 2,448 GFLOPS (10×)"). Only what can be recomputed from
    the line itself is checked; a stated figure within rounding of the result is correct, one off
    by more than a quarter is a high finding."""
    findings = []
    for here in _passages(claims):
        for stated, computed, basis in _derived_figures(here):
            low, high = _stated_band(stated.quantity)
            if low <= computed <= high:
                continue
            involved = [stated, *basis]
            explanation = (
                f"{stated.quantity.text} does not follow from "
                f"{' and '.join(b.quantity.text for b in basis)}: they give {_as_stated(computed, stated.quantity)}."
            )
            # Off by more than a quarter ("1,200 of 3,755 (45%)": 32%), a reader takes away a wrong
            # figure; nearer, it may be a rounding or a base the writer did not show.
            off = min(abs(low - computed), abs(high - computed)) / abs(computed) if computed else math.inf
            severity = Severity.HIGH if off > DIVERGENCE_WORTH_A_LOOK else Severity.MEDIUM
            findings.append(
                _finding(FindingKind.ARITHMETIC, severity, stated.subject, stated.metric, explanation, involved)
            )
    return findings


def _as_stated(value: float, q: Quantity) -> str:
    """A recomputed figure written the way the stated one is: "30%", "9.79×", "31.2:1"."""
    suffix = {"percent": "%", "times": "×"}.get(q.unit, ":1" if q.kind == "ratio" else "")
    return f"{value:,.0f}{suffix}" if abs(value) >= 1000 else f"{value:.3g}{suffix}"


def _stated_band(q: Quantity) -> tuple[float, float]:
    """What a derived figure may round from: its own interval, and never tighter than ±5% (and,
    for a percentage, half a point more: "40%" of a share written from 40.4%). A multiple's own
    interval is its rounding: "3x" holds 2.5 to 3.5, not the 4x of $0.50 against $2.00."""
    low, high = interval(q)
    value = float(q.value)
    slack = 0.0 if q.kind == "multiple" else 0.5
    return min(low, value * 0.95) - slack, max(high, value * 1.05) + slack


_FROM_FIGURE = re.compile(r"\bfrom\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|~\s*)?$", re.IGNORECASE)
_COSTS = re.compile(r"\s*(?:would\s+|will\s+)?(?:costs?|comes?\s+to|totals?|=)\s*(?:about\s+|roughly\s+|~\s*)?$", re.I)


def _before_figure(claim: Claim) -> str:
    """The sentence up to a claim's figure (its quote holds the sentence)."""
    at = claim.text.find(claim.quantity.text)
    return claim.text[:at] if at >= 0 else ""


def _costs(volume: Claim, cost: Claim) -> bool:
    """Whether the sentence says the volume costs the sum: "50 million tokens cost $150"."""
    if volume.text != cost.text:
        return False
    after_volume = volume.text.find(volume.quantity.text) + len(volume.quantity.text)
    at = cost.text.find(cost.quantity.text, after_volume)
    return at >= 0 and bool(_COSTS.fullmatch(cost.text[after_volume:at]))


_SIZE_METRICS = frozenset({"model size", "total parameters", "active parameters"})
_CHANGE_METRIC = re.compile(
    r"\b(?:increase|decrease|growth|rise|drop|decline|gain|fall|jump|change|(?P<down>reduction|cut|discount|savings?))\b",
    re.IGNORECASE,
)


def _derived_figures(here: Sequence[Claim]) -> Iterable[tuple[Claim, float, list[Claim]]]:
    numbers = [c for c in here if isinstance(c.quantity.value, float)]
    parts = [c for c in numbers if c.quantity.kind == "part"]
    wholes = [c for c in numbers if c.quantity.kind == "whole"]
    shares = [c for c in numbers if c.quantity.kind == "percent" and c.metric.startswith("share of")]
    if len(parts) == 1 and len(wholes) == 1 and len(shares) == 1 and float(wholes[0].quantity.value):
        yield shares[0], 100 * float(parts[0].quantity.value) / float(wholes[0].quantity.value), [parts[0], wholes[0]]
    ratios = [c for c in numbers if c.quantity.kind == "ratio"]
    sizes = [c for c in numbers if c.quantity.unit == "parameters" and c.quantity.qualifier is Qualifier.EXACT]
    if len(ratios) == 1 and len(sizes) == 2 and min(float(c.quantity.value) for c in sizes) > 0:
        big, small = sorted(sizes, key=lambda c: float(c.quantity.value), reverse=True)
        yield ratios[0], float(big.quantity.value) / float(small.quantity.value), [big, small]
    multiples = [c for c in numbers if c.quantity.kind == "multiple"]
    if len(multiples) == 1:
        others = [
            c for c in numbers if c.quantity.kind not in ("multiple", "rank", "ratio") and not _is_range(c.quantity)
        ]
        if len(others) > 2:  # "Phi-4 (14B) on 9.8T tokens against 3.3T for Phi-3-mini (3.8B)": sizes in brackets
            others = [c for c in others if c.metric not in _SIZE_METRICS]
        metrics = {(c.metric, c.quantity.unit) for c in others}
        if len(others) == 2 and len(metrics) == 1 and all(float(c.quantity.value) > 0 for c in others):
            big, small = sorted(others, key=lambda c: float(c.quantity.value), reverse=True)
            yield multiples[0], float(big.quantity.value) / float(small.quantity.value), [big, small]
    # "At $2 per million tokens, 50 million tokens cost $150": a price times a volume is a cost,
    # where the sentence says the volume costs that much (not "trained on 14.8T tokens for $5.6M")
    prices = [c for c in numbers if c.quantity.kind == "price" and c.quantity.unit.endswith("per million tokens")]
    volumes = [c for c in numbers if c.quantity.unit == "tokens" and c.quantity.kind in ("number", "count")]
    costs = [c for c in numbers if c.quantity.kind == "currency"]
    if (
        len(prices) == 1
        and len(volumes) == 1
        and len(costs) == 1
        and _costs(volumes[0], costs[0])
        and costs[0].quantity.unit == prices[0].quantity.unit.split(" per ")[0]
    ):
        total = float(prices[0].quantity.value) * float(volumes[0].quantity.value) / 1e6
        yield costs[0], total, [prices[0], volumes[0]]
    # "grew from $40 million in 2023 to $60 million in 2024, an increase of 25%", "rose to $12
    # million, up from $10 million (+20%)": the change from the figure after "from" to the other
    changes = [c for c in numbers if c.quantity.kind == "percent" and _CHANGE_METRIC.search(c.metric)]
    if len(changes) == 1:
        others = [c for c in numbers if c is not changes[0] and c.quantity.kind not in ("rank", "ratio", "multiple")]
        if len(others) > 2:  # "Llama 3.1 70B costs $0.88 …": the size in a model's name is no figure changed
            others = [c for c in others if c.metric not in _SIZE_METRICS]
        if len(others) > 2:  # "from $2.20 -> $1.76, a 25% cut; input stays at $0.60": the change's own clause
            others = [c for c in others if _same_clause(c, changes[0])]
        same_sentence = len({c.text for c in [*others, changes[0]]}) == 1
        if len(others) == 2 and same_sentence and len({(c.metric, c.quantity.unit) for c in others}) == 1:
            origin = [c for c in others if _FROM_FIGURE.search(_before_figure(c))]
            if (
                not origin
                and _CHANGE_METRIC.search(changes[0].metric).group("down")  # type: ignore[union-attr]
                and _set_against(others[0], others[1], changes[0])
            ):
                # "Qwen undercuts GPT-4o's $2.50 by 90% at $0.40": a reduction is of the larger figure
                # (not "a discount of 50%: input ¥1, output ¥4", two prices after it)
                origin = [max(others, key=lambda c: float(c.quantity.value))]
            if len(origin) == 1 and float(origin[0].quantity.value) > 0:
                (target,) = [c for c in others if c is not origin[0]]
                start = float(origin[0].quantity.value)
                yield changes[0], abs(float(target.quantity.value) - start) / start * 100, [origin[0], target]


def _set_against(a: Claim, b: Claim, change: Claim) -> bool:
    """Whether the words among two figures of one quote and the change stated of them set one
    against the other ("undercuts GPT-4o's $2.50 by 90%", not "a discount of 50%: input ¥1, output ¥4")."""
    spans = [(c.text.find(c.quantity.text), len(c.quantity.text)) for c in (a, b, change)]
    if any(at < 0 for at, _ in spans):
        return True
    start = min(at + size for at, size in spans if at == min(p for p, _ in spans))
    end = max(at for at, _ in spans)
    return bool(_SET_AGAINST.search(a.text[start:end]))


_SET_AGAINST = re.compile(
    r"\b(?:to|at|by|vs\.?|versus|against|compared|from|than|down|instead|undercut\w*|beat\w*|cheaper|less|lower)\b"
    r"|->|→|/",
    re.IGNORECASE,
)


def _is_range(q: Quantity) -> bool:
    return q.qualifier is Qualifier.RANGE


def _same_clause(a: Claim, b: Claim) -> bool:
    """Whether two figures of one quote stand in one clause (no ";" or sentence end between them)."""
    at, bt = a.text.find(a.quantity.text), b.text.find(b.quantity.text)
    if at < 0 or bt < 0:
        return True
    between = a.text[min(at, bt) : max(at, bt)]
    return ";" not in between and ". " not in between


_PER_MILLION_TOKENS = "USD per million tokens"


def _usage_cost_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    """Costs worked out for a stated usage scenario ("1M requests/month, 1K tokens average", then a
    table of monthly costs per provider) recomputed from the prices the same document gives.

    The method is learnt from the table itself, not assumed: a price side (input or output) counts
    only when it reproduces at least one row exactly; a row that no calibrated side reproduces
    does not follow from the document's own prices. Rows whose subject has no stated price
    (self-hosted compute) are left alone."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_document[c.document].append(c)
    return [f for _document, here in sorted(by_document.items()) for f in _usage_costs_in(here, vocabulary)]


_CostBand = tuple[Claim, float, float]  # the price used, and the low and high cost it gives


def _usage_costs_in(here: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    scenario = _usage_scenario(here)
    if scenario is None:
        return []
    tokens_per_month, scenario_claims = scenario
    scenario_line = max(c.line for c in scenario_claims)
    rows = [
        c for c in here if c.metric.lower() == "monthly cost" and c.quantity.unit == "USD" and c.line > scenario_line
    ]
    prices = [c for c in here if c.quantity.unit == _PER_MILLION_TOKENS and c.metric in ("input price", "output price")]

    def costs(row: Claim, side: str) -> list[_CostBand]:
        bands = []
        for price in prices:
            if price.metric == side and _covers(vocabulary, row.subject, price.subject):
                low, high = _ends(price.quantity)
                bands.append((price, low * tokens_per_month / 1e6, high * tokens_per_month / 1e6))
        return bands

    calibration = [
        (row, side)
        for side in ("input price", "output price")
        for row in rows
        if any(_reproduces(row, band) for band in costs(row, side))
    ]
    sides = sorted({side for _row, side in calibration})
    findings = []
    for row in rows:
        candidates = [band for side in sides for band in costs(row, side)]
        if not candidates or any(_reproduces(row, band) for band in candidates):
            continue
        price, low, high = candidates[0]
        worked = f"${low:,.0f}" if low == high else f"${low:,.0f}-{high:,.0f}"
        reproduced = calibration[0][0]
        explanation = (
            f"The scenario ({tokens_per_month:,.0f} tokens a month) at {price.subject}'s "
            f"{price.metric} of {price.quantity.text} gives {worked} a month, the method that reproduces "
            f"{reproduced.subject}'s row, not {row.quantity.text}."
        )
        involved = [*scenario_claims, price, reproduced, row]
        findings.append(
            _finding(FindingKind.ARITHMETIC, Severity.MEDIUM, row.subject, row.metric, explanation, involved)
        )
    return findings


def _reproduces(row: Claim, band: _CostBand) -> bool:
    row_low, row_high = _ends(row.quantity)
    return _near(row_low, band[1]) and _near(row_high, band[2])


def _usage_scenario(claims: Sequence[Claim]) -> tuple[float, list[Claim]] | None:
    """Tokens a month from a line stating requests a month and tokens per request."""
    by_line: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        by_line[c.line].append(c)
    for _line, here in sorted(by_line.items()):
        requests = [c for c in here if c.quantity.unit == "requests_per_month" and isinstance(c.quantity.value, float)]
        tokens = [c for c in here if c.quantity.unit == "tokens" and isinstance(c.quantity.value, float)]
        if len(requests) == 1 and len(tokens) == 1:
            volume = float(requests[0].quantity.value) * float(tokens[0].quantity.value)
            return volume, [requests[0], tokens[0]]
    return None


def _ends(q: Quantity) -> tuple[float, float]:
    value = float(q.value)
    if q.qualifier is Qualifier.RANGE and q.low is not None and q.high is not None:
        return float(q.low), float(q.high)
    return value, value


def _near(a: float, b: float) -> bool:
    """Equal to the precision a cost table states: within 2%."""
    return abs(a - b) <= 0.02 * max(abs(a), abs(b))


_DATE_TAGGED = re.compile(r"-\d{4}$")


def _variant_date_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    """A variant described inside its parent's section, as part of that release, yet dated
    differently elsewhere in the same document (GLM-4.5-Air in the GLM-4.5 section of a July
    release, and under August in the timeline). A document that dates both on one line ("July
    2025 (Thinking variant: November 2025)") is telling them apart, not contradicting itself."""
    if vocabulary is None:
        return []
    released: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    described_in: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        if c.metric == "release date" and c.quantity.is_date:
            released[(c.document, c.subject)].append(c)
        described_in[(c.document, c.subject)].add(c.section)
    findings = []
    for (document, variant), variant_dates in sorted(released.items()):
        parent = vocabulary.family(variant)
        parent_dates = released.get((document, parent), [])
        if not parent or not parent_dates or vocabulary.subject_kind(parent) == "family":
            continue
        if _DATE_TAGGED.search(variant):
            continue  # "Kimi-K2-Instruct-0905": an update, named for its own later date
        inside = any(
            parent in {m.name for m in vocabulary.find_subjects(section, unknown_models=False)}
            for section in described_in[(document, variant)]
        )
        shared_lines = {c.line for c in parent_dates} & {c.line for c in variant_dates}
        clashes = [
            (p, v)
            for p in parent_dates
            for v in variant_dates
            if compare(p.quantity, v.quantity).relation is Relation.CONFLICT
        ]
        if inside and clashes and not shared_lines:
            parent_claim, variant_claim = clashes[0]
            involved = [parent_claim, variant_claim]
            explanation = (
                f"{variant} is described as part of the {parent} release ({_where([parent_claim])}) "
                f"but dated {_where([variant_claim])}."
            )
            findings.append(_finding(FindingKind.DATE, Severity.LOW, variant, "release date", explanation, involved))
    return findings


_SUMMARY_WINDOW = 12  # lines after a table within which a stated range of savings sums it up
_SUMMARY_TOLERANCE = 0.25  # how far an end of that range may be from what the table gives


def _savings_range_findings(claims: Sequence[Claim]) -> list[Finding]:
    """A range of savings stated right after a table of costs ("Savings: 10-200x" under a table of
    monthly costs) recomputed from the table: the most expensive row is the baseline, and the
    ends of the range are the baseline over the dearest and over the cheapest of the others."""
    by_section: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_section[(c.document, c.section)].append(c)
    findings = []
    for (_document, _section), here in sorted(by_section.items()):
        for stated in here:
            q = stated.quantity
            if q.kind != "multiple" or q.qualifier is not Qualifier.RANGE or q.low is None or q.high is None:
                continue
            costs = [
                c for c in here if c.quantity.unit == "USD" and stated.line - _SUMMARY_WINDOW <= c.line < stated.line
            ]
            found = _implied_savings(costs)
            if found is None:
                continue
            low, high, baseline, dearest, cheapest = found
            off_low = abs(float(q.low) - low) / low > _SUMMARY_TOLERANCE
            off_high = abs(float(q.high) - high) / high > _SUMMARY_TOLERANCE
            if off_low or off_high:
                explanation = (
                    f"{q.text} does not follow from the table above it: against {_stated(baseline.quantity)} "
                    f"({baseline.subject}), its other rows give {low:.3g}x to {high:.3g}x."
                )
                # the rows that make the ends it gets wrong, not the whole table
                involved = [stated, baseline, *([dearest] if off_low else []), *([cheapest] if off_high else [])]
                findings.append(
                    _finding(FindingKind.ARITHMETIC, Severity.LOW, stated.subject, stated.metric, explanation, involved)
                )
    return findings


def _implied_savings(costs: Sequence[Claim]) -> tuple[float, float, Claim, Claim, Claim] | None:
    """(lowest multiple, highest multiple, the baseline row, the dearest and the cheapest other
    row) for the table metric with the most rows, when one row is a clear baseline (at least
    twice every other)."""
    by_metric: dict[str, list[Claim]] = defaultdict(list)
    for c in costs:
        by_metric[c.metric].append(c)
    # the metric with the most rows; of equals, the one further left in the table (monthly, not annual)
    rows = max(by_metric.values(), key=lambda g: (len(g), -min(c.quantity.start for c in g)), default=[])
    if len({c.line for c in rows}) < 3:
        return None
    baseline = max(rows, key=lambda c: float(c.quantity.value))
    others = [c for c in rows if c is not baseline]
    top = float(baseline.quantity.value)
    highs = [float(c.quantity.high if c.quantity.high is not None else c.quantity.value) for c in others]
    lows = [float(c.quantity.low if c.quantity.low is not None else c.quantity.value) for c in others]
    if not others or min(lows) <= 0 or max(highs) * 2 > top:  # no row stands out as the baseline
        return None
    dearest = others[highs.index(max(highs))]
    cheapest = others[lows.index(min(lows))]
    return top / max(highs), top / min(lows), baseline, dearest, cheapest


_RELEASES_IN = re.compile(r"releases in ((?:19|20)\d{2})")


def _no_release_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    """ "Mistral fading with no major 2025 releases" against Mistral Medium 3 dated May 2025: a
    subject said to release nothing in a year, yet it, or a model of its family, is dated then."""
    releases = [c for c in claims if c.metric == "release date" and c.quantity.is_date]
    findings = []
    for none in claims:
        year = _RELEASES_IN.fullmatch(none.metric)
        if not year or none.quantity.unit != "releases" or none.quantity.value != 0.0:
            continue
        dated = [
            c
            for c in releases
            if str(c.quantity.value).startswith(year.group(1))
            and (
                c.subject == none.subject or vocabulary is not None and none.subject in vocabulary.ancestors(c.subject)
            )
        ]
        if not dated:
            continue
        models = list(dict.fromkeys(c.subject for c in dated))
        listed = ", ".join(models[:3]) + (f" and {len(models) - 3} more" if len(models) > 3 else "")
        more = f" and {len(dated) - 1} more places" if len(dated) > 1 else ""
        explanation = (
            f"{none.subject} is said to have {none.quantity.text} ({none.location}), "
            f"yet {listed} {'is' if len(models) == 1 else 'are'} dated {year.group(1)} "
            f"({dated[0].location}{more})."
        )
        findings.append(
            _finding(FindingKind.VALUE, Severity.MEDIUM, none.subject, none.metric, explanation, [none, *dated])
        )
    return findings


_TABLE_ROW_GAP = 3  # lines between two rows with claims that still belong to one table


def _table_runs(claims: Sequence[Claim]) -> Iterable[list[Claim]]:
    """The claims of each table: quotes of table cells ("GPT-4 | $100M+") of one section, in runs
    of nearby lines."""
    by_section: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if " | " in c.text:
            by_section[(c.document, c.section)].append(c)
    for _key, cells in sorted(by_section.items()):
        cells.sort(key=lambda c: c.line)
        run = [cells[0]]
        for c in cells[1:]:
            if c.line - run[-1].line > _TABLE_ROW_GAP:
                yield run
                run = []
            run.append(c)
        yield run


_TOTAL_ROW = re.compile(r"\s*(?:grand\s+|sub-?)?(?:total|sum)\b", re.IGNORECASE)  # "Total, 36 months", "Subtotal"
_UNIT_PRICE = re.compile(r"\b(?:unit\s+price|price\s+per\s+unit|unit\s+cost|rate)\b", re.IGNORECASE)
_QUANTITY = re.compile(r"^(?:quantity|qty\.?|units|count|number)$", re.IGNORECASE)
_LINE_TOTAL = re.compile(r"^(?:sub-?total|total|line\s+total|amount|extended(?:\s+price)?)$", re.IGNORECASE)


def _table_total_findings(claims: Sequence[Claim]) -> list[Finding]:
    """A table's stated totals recomputed: a total row against the sum of the column above it, and a
    row's subtotal against its unit price times its quantity (a cost-of-ownership table). Only
    columns whose figures share one unit are summed."""
    findings = []
    for run in _table_runs(claims):
        rows: dict[int, list[Claim]] = defaultdict(list)
        for c in run:
            if isinstance(c.quantity.value, float):
                rows[c.line].append(c)
        last_total = 0  # the rows a total adds up are those since the total before it
        for line, cells in sorted(rows.items()):
            if _TOTAL_ROW.match(cells[0].subject):
                for total in cells:
                    items = [
                        c
                        for other, row in rows.items()
                        if last_total < other < line and not _TOTAL_ROW.match(row[0].subject)
                        for c in row
                        if c.metric == total.metric and c.quantity.unit == total.quantity.unit
                    ]
                    if len(items) >= 2:
                        computed = sum(float(c.quantity.value) for c in items)
                        findings.extend(
                            _recomputed(total, computed, items, f"the {len(items)} rows above it add up to")
                        )
                last_total = line
                continue
            prices = [c for c in cells if _UNIT_PRICE.search(c.metric)]
            counts = [c for c in cells if _QUANTITY.match(c.metric)]
            totals = [c for c in cells if _LINE_TOTAL.match(c.metric)]
            if (
                len(prices) == len(counts) == len(totals) == 1
                and len(cells) == 3  # no other column multiplies ("| Months | 12 |")
                and prices[0].quantity.unit == totals[0].quantity.unit
            ):
                computed = float(prices[0].quantity.value) * float(counts[0].quantity.value)
                findings.extend(
                    _recomputed(totals[0], computed, [prices[0], counts[0]], "its unit price times quantity is")
                )
    return findings


_CONVERTED = re.compile(r"\s*\(\s*(?:about|approx\.?|approximately|roughly|~|≈|=)?\s*$", re.IGNORECASE)


def _conversion_findings(claims: Sequence[Claim]) -> list[Finding]:
    """An amount converted to another currency in brackets ("¥16 (about $2.60)") at a rate the
    document's other conversions do not use: with three or more conversions between the same two
    currencies, the one off their median rate by more than 5% does not follow from it."""
    pairs: dict[tuple[str, str, str], list[tuple[Claim, Claim]]] = defaultdict(list)
    by_line: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity.kind == "currency" and isinstance(c.quantity.value, float) and c.quantity.value > 0:
            by_line[(c.document, c.line)].append(c)
    for (document, _line), cells in by_line.items():
        for a in cells:
            for b in cells:
                if a is b or a.quantity.unit == b.quantity.unit or a.text != b.text:
                    continue
                at = a.text.find(a.quantity.text)
                bt = a.text.find(_amount(b.quantity), at + len(a.quantity.text)) if at >= 0 else -1
                if bt > at >= 0 and _CONVERTED.fullmatch(a.text[at + len(a.quantity.text) : bt]):
                    pairs[(document, a.quantity.unit, b.quantity.unit)].append((a, b))
    findings = []
    for (_document, source, target), found in sorted(pairs.items()):
        years = {year for a, _b in found for year in _YEARS.findall(a.text)}
        if len(found) < 3 or len(years) > 1:
            continue  # conversions of different years were made at different rates
        rates = sorted(float(b.quantity.value) / float(a.quantity.value) for a, b in found)
        median = rates[len(rates) // 2]
        for a, b in found:
            computed = float(a.quantity.value) * median
            if abs(float(b.quantity.value) - computed) > 0.05 * computed + (b.quantity.precision or 0.01):
                explanation = (
                    f"{b.quantity.text} does not follow from {a.quantity.text} at the rate of the document's "
                    f"other {len(found) - 1} conversions from {source} to {target}: "
                    f"it gives {_as_stated(computed, b.quantity)}."
                )
                findings.append(
                    _finding(FindingKind.ARITHMETIC, Severity.HIGH, b.subject, b.metric, explanation, [b, a])
                )
    return findings


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _amount(q: Quantity) -> str:
    """A figure's text less the qualifier words written before it ("about $2.60" → "$2.60")."""
    return re.sub(r"^(?:about|approx\.?|approximately|roughly|around|~|≈)\s*", "", q.text, flags=re.IGNORECASE)


_HOW_MANY = re.compile(r"\b(?:the|these|those|all)\s+(two|three|four|five|six)\b", re.IGNORECASE)


def _stated_sum_findings(claims: Sequence[Claim]) -> list[Finding]:
    """A share said to be the parts' sum ("41%, 23% and 8%. Together, the three labs account for
    76%") against the shares listed in the sentence before it."""
    findings = []
    shares = [c for c in claims if c.quantity.kind == "percent" and isinstance(c.quantity.value, float)]
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for c in shares:
        by_document[c.document].append(c)
    for document_shares in by_document.values():
        for total in document_shares:
            at = total.text.find(total.quantity.text)
            lead = total.text[:at] if at >= 0 else ""
            if total.metric != "combined share":  # as the extractor reads "together … account for 76%"
                continue
            parts = [
                c
                for c in document_shares
                if c.text != total.text and total.line - 3 <= c.line <= total.line and c.section == total.section
            ]
            if not parts:
                continue
            sentence = max(parts, key=lambda c: (c.line, c.quantity.start)).text  # the sentence right before
            parts = [c for c in parts if c.text == sentence]
            if len({c.metric for c in parts}) != 1 or not parts[0].metric.startswith("share"):
                continue  # shares of one thing, not a score and a share
            how_many = _HOW_MANY.search(lead)
            if len(parts) < 2 or how_many and _WORDS[how_many.group(1).lower()] != len(parts):
                continue
            findings.extend(_wrong_sum(total, parts, ", ".join(c.quantity.text for c in parts)))
    return findings


def _wrong_sum(total: Claim, parts: Sequence[Claim], described: str) -> list[Finding]:
    """The finding for a stated sum its parts do not add up to (each part and the total may be
    rounded), or none."""
    computed = sum(float(c.quantity.value) for c in parts)
    if abs(float(total.quantity.value) - computed) <= 0.5 * len(parts) + 0.5:
        return []
    explanation = (
        f"{total.quantity.text} does not follow from {described}: they add up to "
        f"{_as_stated(computed, total.quantity)}."
    )
    return [_finding(FindingKind.ARITHMETIC, Severity.HIGH, total.subject, total.metric, explanation, [total, *parts])]


def _split_whole_findings(claims: Sequence[Claim]) -> list[Finding]:
    """Shares that, with "everything else", split a whole, yet do not add up to 100% ("Qwen is 42%
    of the tokens we serve. DeepSeek is 31%, Llama 18%, and everything else is 15%": 106%). The
    extractor reads the last as the share of the rest."""
    by_line: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity.kind == "percent" and c.quantity.unit == "percent" and isinstance(c.quantity.value, float):
            by_line[(c.document, c.line)].append(c)
    findings = []
    for shares in by_line.values():
        shares = sorted(shares, key=lambda c: c.quantity.start)
        rest = shares[-1]
        if len(shares) < 3 or rest.metric != "share of the rest":
            continue
        if any(c.quantity.qualifier not in (Qualifier.EXACT, Qualifier.APPROX) for c in shares):
            continue  # a bound or a range leaves the sum open
        computed = sum(float(c.quantity.value) for c in shares)
        slack = 0.5 * len(shares) + 1.0  # each share may be rounded, the approximate ones a little more
        if abs(computed - 100.0) > slack:
            explanation = (
                f"{', '.join(c.quantity.text for c in shares)} split one whole with what is left, "
                f"yet add up to {computed:g}%, not 100%."
            )
            findings.append(_finding(FindingKind.ARITHMETIC, Severity.HIGH, rest.subject, "share", explanation, shares))
    return findings


def _named_sum_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    """A combined share said of the names its sentence lists ("The four Chinese families in the
    table (Qwen, DeepSeek, GLM and Kimi) together hold 46%") against the shares the document gives
    each of them elsewhere (a table's 27%, 14%, 5% and 4%: 50%)."""
    if vocabulary is None:
        return []
    shares: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity.kind == "percent" and c.metric.startswith("share") and isinstance(c.quantity.value, float):
            shares[c.document].append(c)
    findings = []
    for total in claims:
        if total.metric != "combined share" or not isinstance(total.quantity.value, float):
            continue
        names = list(dict.fromkeys(m.name for m in vocabulary.find_subjects(total.text, unknown_models=False)))
        parts: list[Claim] = []
        for name in names:
            given = {
                float(c.quantity.value): c
                for c in shares[total.document]
                if c.text != total.text and (c.subject == name or name in vocabulary.ancestors(c.subject))
            }
            if len(given) != 1:
                break  # no share, or several, for one of the names: nothing to add up
            parts.extend(given.values())
        else:
            if len(parts) < 2 or len({c.metric for c in parts}) != 1:
                continue
            each = ", ".join(f"{c.subject} {c.quantity.text}" for c in parts)
            findings.extend(_wrong_sum(total, parts, f"the shares given for {', '.join(names)} ({each})"))
    return findings


def _recomputed(stated: Claim, computed: float, basis: list[Claim], how: str) -> list[Finding]:
    """A finding where a stated figure is off what it is computed from, beyond its rounding: a total
    of stated amounts is exact ("$1,962,700" holds $1,962,699.5 to $1,962,700.5), a rounded one
    ("$1.9M") holds what rounds to it."""
    low, high = interval(stated.quantity)
    slack = 0.5 * len(basis) if stated.quantity.unit == "percent" else abs(high) * 1e-4  # "33% + 33% + 33%" is 100%
    low, high = low - slack, high + slack
    if low <= computed <= high:
        return []
    off = abs(float(stated.quantity.value) - computed) / abs(computed) if computed else math.inf
    severity = Severity.HIGH if off > 0.01 else Severity.MEDIUM  # a total off by a whole line item misleads
    explanation = (
        f"{stated.subject}: {stated.quantity.text} does not follow from the table: "
        f"{how} {_as_stated(computed, stated.quantity)}."
    )
    return [_finding(FindingKind.ARITHMETIC, severity, stated.subject, stated.metric, explanation, [stated, *basis])]


def _multiple_band(baseline: Quantity, row: Quantity) -> tuple[float, float] | None:
    """The multiples that a row's figure and the baseline's allow, bigger over smaller, at the
    stated ends (a range's ends, a lower bound's open top), or None when either could be bigger."""
    b_low, b_high = _ends(baseline)
    if baseline.qualifier is Qualifier.LOWER_BOUND:
        b_high = math.inf
    r_low, r_high = _ends(row)
    if row.qualifier is Qualifier.LOWER_BOUND:
        r_high = math.inf
    if baseline.qualifier is Qualifier.UPPER_BOUND or row.qualifier is Qualifier.UPPER_BOUND or min(b_low, r_low) <= 0:
        return None
    if b_low > r_high:
        return b_low / r_high, b_high / r_low
    if r_low > b_high:
        return r_low / b_high, r_high / b_low
    return None


def _slack(end: float) -> float:
    """How far a stated multiple may be from the exact one and still be its rounding."""
    return max(0.05 * end, 0.5)


def _multiple_fits(stated: Quantity, band: tuple[float, float]) -> tuple[bool, bool]:
    """(the stated multiple meets the band, every end of it lies within the band)."""
    low, high = _ends(stated)
    meets = low - _slack(low) <= band[1] and high + _slack(high) >= band[0]
    within = low + _slack(low) >= band[0] and high - _slack(high) <= band[1]
    return meets, meets and within


def _baseline_multiple_findings(claims: Sequence[Claim]) -> list[Finding]:
    """Multiples stated in a table's rows against the one row they are measured from ("GPT-4 |
    $100M+ | Baseline", "DeepSeek-V3 | ~$5-6M | 15-18× cheaper"). The baseline is the only row
    with the metric and no multiple, and it is trusted only when it reproduces another row's
    multiple: a row whose multiple does not follow from it then does not follow from the table.
    A stated range with an end the figures cannot reach is a low finding; a multiple they
    cannot give at all is a medium one."""
    findings = []
    flagged: set[str] = set()
    for run in _table_runs(claims):
        rows: dict[int, list[Claim]] = defaultdict(list)
        for c in run:
            if isinstance(c.quantity.value, float):
                rows[c.line].append(c)
        stated = {
            line: ms[0]
            for line, here in rows.items()
            if len(ms := [c for c in here if c.quantity.kind == "multiple"]) == 1
        }
        for metric in sorted({c.metric for c in run if c.quantity.kind not in ("multiple", "rank", "ratio")}):
            figure = {line: [c for c in here if c.metric == metric] for line, here in rows.items()}
            baselines = [line for line, fs in figure.items() if len(fs) == 1 and line not in stated]
            checked = [line for line, fs in figure.items() if len(fs) == 1 and line in stated]
            if len(baselines) != 1 or len(checked) < 2:
                continue
            baseline = figure[baselines[0]][0]
            fits = {}
            for line in checked:
                band = _multiple_band(baseline.quantity, figure[line][0].quantity)
                if band is not None:
                    fits[line] = (band, *_multiple_fits(stated[line].quantity, band))
            if not any(within for _band, _meets, within in fits.values()):
                continue  # no row reproduced: what the multiples are measured from is unknown
            for line, (band, meets, within) in sorted(fits.items()):
                if within or stated[line].id in flagged:
                    continue
                flagged.add(stated[line].id)  # once, though several of the row's figures may show it
                multiple, row = stated[line], figure[line][0]
                gives = f"{band[0]:.3g}x or more" if math.isinf(band[1]) else f"{band[0]:.3g}x to {band[1]:.3g}x"
                explanation = (
                    f"{multiple.quantity.text} does not follow from the table: {_stated(baseline.quantity)} "
                    f"({baseline.subject}) against {_stated(row.quantity)} ({row.subject}) gives {gives}."
                )
                if meets:
                    explanation += " Part of the stated range cannot hold."
                severity = Severity.LOW if meets else Severity.MEDIUM
                involved = [multiple, row, baseline]
                findings.append(
                    _finding(FindingKind.ARITHMETIC, severity, multiple.subject, multiple.metric, explanation, involved)
                )
    return findings


_PAPER_LEAD_MONTHS = 6  # a model released this long after the paper that presents it is misdated


def _months(iso: str) -> int | None:
    match = re.match(r"^(\d{4})-(\d{2})", iso)
    return int(match.group(1)) * 12 + int(match.group(2)) - 1 if match else None


# What dates something other than a generation's first release: an update, a paper.
_NO_FIRST_RELEASE = re.compile(
    r"\b(?:updated|update|refresh(?:ed)?|revised|new\s+version|latest|technical\s+report|report|paper)\b", re.I
)


def _names_alone(vocabulary: Vocabulary, claim: Claim, name: str) -> bool:
    """Whether the claim's sentence names `name` itself, not a longer name the vocabulary lacks
    and reads as it ("Gemini 3 Pro" as Gemini, "Claude Haiku 4.5" as Claude)."""
    for m in vocabulary.find_subjects(claim.text, unknown_models=False):
        if m.name == name and not re.match(r"[\s-]*(?:\d|[A-Z])", claim.text[m.end : m.end + 3]):
            return True
    return False


def _below_native_findings(claims: Sequence[Claim]) -> list[Finding]:
    """A context window stated below the model's native one ("a native 128K context" against "the
    64K context window"): a window may be extended past its native length (Qwen3's native 32,768,
    131,072 with YaRN), so only a smaller one disagrees."""
    native: dict[str, list[Claim]] = defaultdict(list)
    stated: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity.kind == "number" and c.metric in ("native context length", "context length"):
            (native if c.metric.startswith("native") else stated)[c.subject].append(c)
    findings = []
    for subject, natives in sorted(native.items()):
        widest = max(natives, key=lambda c: interval(c.quantity)[0])
        below = [c for c in stated.get(subject, []) if interval(c.quantity)[1] <= interval(widest.quantity)[0]]
        if below:
            explanation = (
                f"{subject}'s context window is given as {_where(below)}, below the native {_where([widest])}."
            )
            findings.append(
                _finding(FindingKind.VALUE, Severity.HIGH, subject, "context length", explanation, [widest, *below])
            )
    return findings


def _member_before_family_findings(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> list[Finding]:
    """A model released before the generation it belongs to is said to have come out: "When Qwen3
    landed on May 6, 2025" against Qwen3-235B-A22B "released 2025-04-29". A generation comes out
    with its first model, so no member can precede it. (Broad families, such as Qwen or
    DeepSeek, are named for a maker's every release: their dates are no first release. Dated
    updates, such as Kimi K2-0905, are named for dates of their own.)"""
    if vocabulary is None:
        return []
    released: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.metric == "release date" and c.quantity.is_date and c.quantity.qualifier is not Qualifier.RANGE:
            released[c.subject].append(c)
    members: dict[str, list[Claim]] = defaultdict(list)
    for member, dates in released.items():
        generation = vocabulary.family(member)
        if (
            generation
            and vocabulary.subject(member) == member  # a known model, not "Qwen3-Max-Preview"
            and vocabulary.subject_kind(generation) != "family"
            and not _DATE_TAGGED.search(member)
        ):
            members[generation].extend(dates)
    findings = []
    for generation, member_dates in sorted(members.items()):
        for first in released.get(generation, []):
            if not _names_alone(vocabulary, first, generation) or _NO_FIRST_RELEASE.search(first.text):
                continue  # "Gemini 3 Pro" read as Gemini, "the updated Qwen3", "the Qwen3 technical report"
            earlier = [c for c in member_dates if str(span(c.quantity)[1]) < str(span(first.quantity)[0])]
            if earlier:
                named = ", ".join(sorted({c.subject for c in earlier}))
                explanation = (
                    f"{generation} is said to have come out {_where([first])}, yet {named} is dated "
                    f"{_where(earlier)}, before it."
                )
                findings.append(
                    _finding(
                        FindingKind.DATE, Severity.MEDIUM, generation, "release date", explanation, [first, *earlier]
                    )
                )
                break
    return findings


def _paper_date_findings(claims: Sequence[Claim]) -> list[Finding]:
    """A release dated well after the paper that presents the model, as the document itself cites
    it (Baichuan 2 "released" September 2024, its cited paper arXiv 2309.10305 from September
    2023): papers come out with a release or after it, not a year before."""
    papers: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    releases: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity.is_date and c.metric in ("paper date", "release date"):
            (papers if c.metric == "paper date" else releases)[(c.document, c.subject)].append(c)
    findings = []
    for key, cited in sorted(papers.items()):
        for paper in cited:
            paper_month = _months(str(paper.quantity.value))
            late = [
                r
                for r in releases.get(key, [])
                if (m := _months(str(r.quantity.value))) is not None
                and paper_month is not None
                and m - paper_month >= _PAPER_LEAD_MONTHS
            ]
            if late:
                explanation = (
                    f"{key[1]} is dated {_where(late)}, but the paper the document cites for it "
                    f"({paper.quantity.text}) is from {paper.quantity.value}: the release date is likely off."
                )
                findings.append(
                    _finding(FindingKind.DATE, Severity.LOW, key[1], "release date", explanation, [*late, paper])
                )
    return findings


def _active_sizes(claims: Sequence[Claim]) -> set[tuple[str, object]]:
    return {(c.subject, c.quantity.value) for c in claims if c.metric.lower() == "active parameters"}


def _unqualified_size(claim: Claim) -> bool:
    """A size that says neither total nor active: "the 17B-parameter Scout"."""
    written = claim.quantity.unit_text or claim.quantity.text
    return not re.search(r"\b(?:total|active|activated)\b", written, re.IGNORECASE)


def _active_count_as_size(finding: Finding, active: set[tuple[str, object]]) -> Finding:
    """Two totals where one is the model's active count written as its size ("the 17B-parameter
    Scout" of a 109B model with 17B active, named Llama-4-Scout-17B-16E): the size is understated,
    a low finding rather than two contradicting totals."""
    if finding.kind is not FindingKind.VALUE or finding.metric.lower() != "total parameters":
        return finding
    understated = [c for c in finding.claims if _unqualified_size(c) and (c.subject, c.quantity.value) in active]
    totals = {c.quantity.value for c in finding.claims if c not in understated}
    if not understated or len(totals) != 1:
        return finding
    (total,) = totals
    explanation = (
        f"{understated[0].quantity.text} is {finding.subject}'s active parameter count given as its "
        f"size; its total is {float(total) / 1e9:g}B."
    )
    return dataclasses.replace(finding, severity=Severity.LOW, explanation=explanation)


def _listed_in_sizes(claims: Sequence[Claim]) -> set[str]:
    """Subjects a passage lists in several sizes ("Gemma 3 — Parameters: 1B, 4B, 12B and 27B"):
    families of sizes whatever the vocabulary says, so that "Gemma 3 at 27B" and "the 1B model"
    elsewhere are two of its models, not two sizes of one."""
    sizes = [c for c in claims if SAME_MEASURE.get(c.metric.lower(), c.metric.lower()) == "total parameters"]
    return {
        passage[0].subject
        for passage in _passages(sizes)
        if len({c.subject for c in passage}) == 1 and len({c.quantity.value for c in passage}) > 1
    }


def find_conflicts(claims: Sequence[Claim], vocabulary: Vocabulary | None = None) -> list[Finding]:
    """Every disagreement among `claims`, most severe first.

    Claims about no named subject are left out: without a subject there is nothing to compare.
    Pure and deterministic; the cost grows as n log n in the number of claims.
    """
    named = [
        c for c in claims if c.subject and c.subject != DOCUMENT_SUBJECT and c.metric and c.quantity.kind != "multiple"
    ]  # a multiple needs its baseline to be compared
    papers = [c for c in named if c.metric == "paper date"]  # only compared with release dates
    named = [c for c in named if c.metric != "paper date"]
    # A share stated with its part ("300 of 1,000 users (30%)") is the share of that part: shares of
    # different parts of one whole answer different questions (who preferred it, who uses it daily).
    parts = {(c.document, c.line): c.quantity.value for c in named if c.quantity.kind == "part"}
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in named:
        part = parts.get((c.document, c.line)) if c.metric.startswith("share of") else None
        metric = SAME_MEASURE.get(c.metric.lower(), c.metric.lower())
        groups[(c.subject, metric + ("" if part is None else f"\x1f{part}"))].append(c)
    active = _active_sizes(named)
    sized = _listed_in_sizes(named)
    findings: list[Finding] = []
    for (subject, metric), group in sorted(groups.items()):
        group = _co_stated_removed([c for c in _enumerations_removed(group) if c.quantity.kind != "category"])
        if metric == "total parameters" and subject in sized:
            continue
        if len(group) > 1 and _comparable_group(subject, metric, vocabulary):
            finding = _value_finding(subject, group[0].metric, group)
            if finding is not None:
                findings.append(_active_count_as_size(finding, active))
    findings.extend(_attribution_findings(named, vocabulary))
    findings.extend(_ranking_findings(named, vocabulary))
    findings.extend(_categorical_findings(named, vocabulary))
    findings.extend(_arithmetic_findings(claims))
    findings.extend(_variant_date_findings(named, vocabulary))
    findings.extend(_usage_cost_findings(claims, vocabulary))
    findings.extend(_paper_date_findings([*named, *papers]))
    findings.extend(_member_before_family_findings(named, vocabulary))
    findings.extend(_below_native_findings(named))
    findings.extend(_split_whole_findings(claims))
    findings.extend(_named_sum_findings(claims, vocabulary))
    findings.extend(_savings_range_findings(claims))
    findings.extend(_baseline_multiple_findings(claims))
    findings.extend(_table_total_findings(claims))
    findings.extend(_conversion_findings(claims))
    findings.extend(_stated_sum_findings(claims))
    findings.extend(_no_release_findings(named, vocabulary))
    return sorted(
        findings,
        key=lambda f: (
            -f.severity.rank,
            f.kind.value,
            f.subject,
            f.metric,
            min((c.document, c.line) for c in f.claims),
        ),
    )

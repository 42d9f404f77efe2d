"""Claim × source claims → a verdict with its evidence quoted.

A source is just another document: its text goes through the same extraction (claims/), with
the source's own subject as the default, and each claim is compared with the source's claims of
the same subject and metric by the one comparison engine (compare.py). Sources are indexed by
(subject, metric) and by figure once, so verification grows with the number of claims, not with
claims × source lines.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote

from factcheck.compare import Relation, compare
from factcheck.models import DOCUMENT_SUBJECT, Claim, Evidence, Qualifier, Quantity, Verdict, Verification
from factcheck.vocabulary import PER_MODEL_METRICS, SAME_MEASURE, Vocabulary

__all__ = ["Verdict", "Evidence", "Verification", "SourceClaims", "SourceIndex", "verify_claims"]


@dataclass(frozen=True)
class SourceClaims:
    """A source as read: its address, the archived version, and the claims its text makes."""

    url: str
    sha256: str
    media_type: str
    claims: tuple[Claim, ...]
    name: str = ""  # the file the text came from, for locations ("README.md", "DeepSeek_V3.pdf")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _metric_key(metric: str) -> str:
    key = _key(metric)
    return SAME_MEASURE.get(key, key)


def _head_metric(metric: str) -> str:
    """The metric without its qualifier ("s1 training tokens" → "training tokens"), for support:
    a source that states the figure under the plain metric still states it."""
    words = _key(metric).split()
    return " ".join(words[-2:]) if len(words) > 2 else ""


def _figure_key(q: Quantity, digits: int = 3) -> str:
    """Figures that may be the same share a key: numbers by their first significant digits."""
    if isinstance(q.value, str):
        return f"date:{q.value[:7]}"
    value = abs(float(q.value))
    if value == 0 or math.isinf(value) or math.isnan(value):
        return f"n:{value}"
    return f"n:{float(f'{value:.{digits}g}')}"


class SourceIndex:
    """Every claim of every readable source, by (subject, metric) and by figure."""

    def __init__(self, sources: Iterable[SourceClaims]) -> None:
        self.sources: dict[str, SourceClaims] = {}
        self._by_topic: dict[tuple[str, str], list[tuple[SourceClaims, Claim]]] = defaultdict(list)
        self._by_figure: dict[str, list[tuple[SourceClaims, Claim]]] = defaultdict(list)
        self._subjects: dict[str, set[str]] = defaultdict(set)  # metric → subjects stated for it
        for source in sources:
            self.sources[source.url] = source
            for claim in source.claims:
                if claim.quantity.kind == "category" or not claim.metric:
                    continue
                metric = _metric_key(claim.metric)
                self._by_topic[(_key(claim.subject), metric)].append((source, claim))
                self._subjects[metric].add(claim.subject)
                self._by_figure[_figure_key(claim.quantity, 2)].append((source, claim))

    def about(self, subject: str, metric: str) -> list[tuple[SourceClaims, Claim]]:
        return self._by_topic.get((_key(subject), _metric_key(metric)), [])

    def subjects_for(self, metric: str) -> set[str]:
        return self._subjects.get(_metric_key(metric), set())

    def with_figure(self, q: Quantity) -> list[tuple[SourceClaims, Claim]]:
        """Source claims whose figure may be `q`'s (the same first two significant digits)."""
        return self._by_figure.get(_figure_key(q, 2), [])

    def metrics_under(self, metric: str) -> list[str]:
        """The metrics that qualify `metric` ("AIME 2024" and "AIME 2025" under "AIME")."""
        prefix = _metric_key(metric) + " "
        return sorted(m for m in self._subjects if m.startswith(prefix))


def _as_stated(claim: Quantity, source: Quantity) -> tuple[Quantity, Quantity]:
    """Figures of one subject and metric in the units their metric implies: a score written with %
    in one place and bare in a table in another is the same score, and a bare "4K" context is 4K
    tokens where the source says "4,096 tokens"."""
    if {claim.unit, source.unit} == {"percent", ""} and claim.kind != "currency" and source.kind != "currency":
        return replace(claim, unit="", kind="number"), replace(source, unit="", kind="number")
    if claim.kind == "number" == source.kind and {claim.unit, source.unit} in _IMPLIED_UNITS:
        unit = claim.unit or source.unit
        return replace(claim, unit=unit), replace(source, unit=unit)
    return claim, source


# The units a bare figure of a size or context metric is in: "4K context" is 4K tokens.
_IMPLIED_UNITS = [{"", "tokens"}, {"", "parameters"}]


def _relation(claim: Quantity, source: Quantity) -> Relation:
    """SAME when the source states the claimed figure (within the precision either states it, so
    "~$5.6M" is the source's $5.576M, but a source's "31.3+" is not a claimed 74.1 even though it
    allows it), CONFLICT when it states another, else COMPATIBLE or INCOMPARABLE."""
    a, b = _as_stated(claim, source)
    if a.qualifier is Qualifier.RANGE and b.qualifier is Qualifier.RANGE:
        ends = [compare(_end(a, a.low), _end(b, b.low)), compare(_end(a, a.high), _end(b, b.high))]
        if all(e.relation is Relation.SAME for e in ends):
            return Relation.SAME
        return Relation.CONFLICT if any(e.relation is Relation.CONFLICT for e in ends) else Relation.COMPATIBLE
    comparison = compare(a, b)
    if a.is_date and b.is_date and comparison.relation is Relation.COMPATIBLE:
        # a source's "2025" allows the claimed 2025-06-17 but does not state it
        return Relation.SAME if len(str(b.value)) >= len(str(a.value)) else Relation.COMPATIBLE
    if comparison.relation is Relation.COMPATIBLE and comparison.divergence <= _SAME_FIGURE:
        return Relation.SAME
    return comparison.relation


_SAME_FIGURE = 0.02  # stated figures this close, one of them approximate, are one figure


def _end(q: Quantity, value: float | str | None) -> Quantity:
    """One end of a range as a figure of its own, at the precision its digits imply ("0.5B" to 0.1B,
    where the range as a whole carries the precision of its upper end)."""
    end = value if value is not None else q.value
    precision = _implied_precision(end) if isinstance(end, float) else q.precision
    return replace(q, value=end, qualifier=Qualifier.EXACT, low=None, high=None, precision=min(precision, q.precision))


def _implied_precision(value: float) -> float:
    """The largest place value that `value` is a whole multiple of: 5e8 → 1e8, 2.35e11 → 1e9."""
    for exponent in range(15, -7, -1):
        step = 10.0**exponent
        if abs(value) >= step and math.isclose(round(value / step) * step, value, rel_tol=1e-9):
            return step
    return 1e-6


def _location(source: SourceClaims, claim: Claim) -> str:
    where = f"{source.name or source.url}:{claim.line}"
    if claim.page is not None:
        where += f" (page {claim.page})"
    if claim.section:
        where += f", {claim.section.split(' > ')[-1][:60]}"
    return where


# What a page does not show as text: emphasis marks at word edges (not "relaxed_accuracy"), code
# ticks, a link's target, and a line's own marker (heading, quote, bullet, number).
_MARKDOWN_MARKS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)|`+|\[([^\]]*)\]\([^)]*\)")
_LINE_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|(?:>\s*)+|[-*+]\s+|\d{1,3}[.)]\s+)")


def _fragment_link(url: str, text: str, figure: str, media_type: str) -> str:
    """A link that scrolls to the quoted words where the source is a web page: a text fragment
    from the quote's first words (as rendered: punctuation kept, Markdown marks gone) to the
    figure, which may stand in another table cell. Terms must match the page's words exactly,
    so nothing is dropped from them; "-", "," and "&" are escaped, as the syntax needs."""
    if media_type not in ("text/html", "application/xhtml+xml") and not url.startswith("https://github.com/"):
        return url
    cells = [_MARKDOWN_MARKS.sub(lambda m: m.group(1) or "", cell).strip() for cell in text.split(" | ")]
    words = next((_LINE_MARKER.sub("", cell).split() for cell in cells if cell), [])[:8]
    if not words:
        return url
    start = " ".join(words)
    shown = {word.strip(".,;:()[]!?\"'") for word in words}
    end = figure.strip() if figure.strip() and figure.strip() not in shown else ""
    directive = _fragment_term(start) + (f",{_fragment_term(end)}" if end else "")
    return f"{url.split('#')[0]}#:~:text={directive}"


def _fragment_term(term: str) -> str:
    return quote(term, safe="").replace("-", "%2D")


def _evidence(source: SourceClaims, claim: Claim) -> Evidence:
    return Evidence(
        source=source.url,
        sha256=source.sha256,
        text=claim.text,
        location=_location(source, claim),
        link=_fragment_link(source.url, claim.text, claim.quantity.text, source.media_type),
        claim=claim,
    )


def verify_claims(
    claims: Sequence[Claim],
    sources_for: Mapping[str, Sequence[str]],
    index: SourceIndex,
    unreadable: Mapping[str, str],
    vocabulary: Vocabulary | None = None,
) -> list[Verification]:
    """A verdict for every claim.

    `sources_for` maps a claim id to the source URLs that speak for it (citations and the
    register); `index` holds the claims of every source that could be read; `unreadable` maps
    the URLs that could not be read to why. Pure; linear in the number of claims.
    """
    results = []
    for claim in claims:
        urls = tuple(dict.fromkeys(sources_for.get(claim.id, ())))
        results.append(_verify(claim, urls, index, unreadable, vocabulary))
    return results


def _verify(
    claim: Claim,
    urls: tuple[str, ...],
    index: SourceIndex,
    unreadable: Mapping[str, str],
    vocabulary: Vocabulary | None,
) -> Verification:
    if not urls:
        return Verification(claim, Verdict.NO_SOURCE, reason="no citation or registered source speaks for it")
    readable = [u for u in urls if u in index.sources]
    if not readable:
        why = "; ".join(f"{u}: {unreadable.get(u, 'not fetched')}" for u in urls[:3])
        return Verification(claim, Verdict.UNREACHABLE, urls, reason=why)
    metric = claim.metric
    if _key(metric) == "model size range" and claim.quantity.qualifier is not Qualifier.RANGE:
        metric = "total parameters"  # one size from a list of a family's sizes
    candidates = _candidates(claim, metric, index, readable, vocabulary)
    supporting = [(s, c) for s, c in candidates if _relation(claim.quantity, c.quantity) is Relation.SAME]
    if _metric_key(metric) not in _LISTED_METRICS:  # a row of several models' scores states none alone
        supporting = _without_enumerations(supporting, candidates)
    # Support may also come from the metric without its qualifier ("S1 training tokens" stated as
    # training tokens) or with one the claim leaves out (an "AIME" score stated for AIME 2024).
    for broader_metric in [_head_metric(metric), *index.metrics_under(metric)]:
        if supporting or not broader_metric:
            continue
        broader = _candidates(claim, broader_metric, index, readable, vocabulary)
        supporting = [(s, c) for s, c in broader if _relation(claim.quantity, c.quantity) is Relation.SAME]
        if _metric_key(broader_metric) not in _LISTED_METRICS:
            supporting = _without_enumerations(supporting, broader)
    if supporting:
        source, stated = supporting[0]
        return Verification(claim, Verdict.SUPPORTED, urls, _evidence(source, stated), "the source states it")
    exact = [(s, c) for s, c in candidates if _key(c.subject) == _key(claim.subject)]
    conflicting = [
        (s, c)
        for s, c in exact
        if _can_contradict(claim, c, vocabulary) and _relation(claim.quantity, c.quantity) is Relation.CONFLICT
    ]
    conflicting = _without_enumerations(conflicting, exact)
    elsewhere = _elsewhere(claim, index, readable, vocabulary)
    if conflicting:
        # the figure a reviewer will want to see: in a sentence that names the subject, the nearest
        source, stated = min(
            conflicting, key=lambda sc: (not _names(sc[1].text, claim.subject), _gap(claim.quantity, sc[1].quantity))
        )
        reason = f"the source gives {stated.quantity.text}"
        return Verification(claim, Verdict.CONTRADICTED, urls, _evidence(source, stated), reason, elsewhere)
    reason = "the sources were read and do not state it"
    if elsewhere is not None:
        reason += (
            f"; the figure appears there for {elsewhere.claim.subject}, {elsewhere.claim.metric} ({elsewhere.location})"
        )
    return Verification(claim, Verdict.NOT_FOUND, urls, None, reason, elsewhere)


def _names(text: str, subject: str) -> bool:
    squeeze = re.compile(r"[\s\-_.]+")
    return squeeze.sub("", subject.casefold()) in squeeze.sub("", text.casefold())


def _gap(a: Quantity, b: Quantity) -> float:
    if isinstance(a.value, str) or isinstance(b.value, str):
        return 0.0
    return abs(float(a.value) - float(b.value)) / (max(abs(float(a.value)), abs(float(b.value))) or 1.0)


def _can_contradict(claim: Claim, stated: Claim, vocabulary: Vocabulary | None) -> bool:
    """Whether a different figure in a source may count against a claim. Agreement is evidence by
    itself; disagreement needs more: a metric the vocabulary knows (not "ratio" or "tokens",
    which many unrelated figures share) and a source figure stated at least as precisely as the
    claim (a bare "11" after a benchmark name in a paper is more often a footnote than a score; a
    year is not evidence against a month)."""
    if vocabulary is not None and vocabulary.metric(claim.metric) is None:
        return False
    if (
        vocabulary is not None
        and _key(claim.metric) in PER_MODEL_METRICS
        and vocabulary.has_members(claim.subject)
        and not vocabulary.is_one_model(claim.subject)
    ):
        # Llama 4's members have sizes of their own: one of them is no family's size. A model with
        # variants (Kimi K2 and Kimi K2 Thinking) has one size, which a source's figure can gainsay.
        return False
    if vocabulary is not None and any(m.startswith(claim.metric + " ") for m in vocabulary.metrics):
        return False  # "AIME" without its year may mean AIME 2024 or AIME 2025: it agrees or says nothing
    if claim.quantity.kind == "multiple" or stated.quantity.kind == "multiple":
        return False  # "15x cheaper" and "5.76 times the throughput" need their baselines to compare
    if claim.quantity.is_date or stated.quantity.is_date:  # "2017" cannot say a "2024-12" is wrong
        return len(str(stated.quantity.value)) >= len(str(claim.quantity.value))
    return stated.quantity.precision <= claim.quantity.precision * 1.0000001


# Metrics a list legitimately gives several values of for one subject: a family's sizes.
_LISTED_METRICS = {"total parameters", "model size range", "context length"}

_ENUMERATION = 3  # distinct figures for one subject and metric on one line make a list, not a statement


def _without_enumerations(
    found: list[tuple[SourceClaims, Claim]], stated: list[tuple[SourceClaims, Claim]]
) -> list[tuple[SourceClaims, Claim]]:
    """A line listing several figures of one metric for one subject ("Qwen3: 0.6B, 1.7B, 4B, …") states
    none of them alone, so no single one of them contradicts a claim."""
    figures: dict[tuple[str, int], set[str]] = defaultdict(set)
    for source, claim in stated:
        figures[(source.url, claim.line)].add(_figure_key(claim.quantity))
    return [(s, c) for s, c in found if len(figures[(s.url, c.line)]) < _ENUMERATION]


def _candidates(
    claim: Claim, metric: str, index: SourceIndex, readable: Sequence[str], vocabulary: Vocabulary | None
) -> list[tuple[SourceClaims, Claim]]:
    """Source claims of the claim's subject and `metric`, then of its family's members: "Qwen3
    comes in 0.6B" is supported where a source names Qwen3-0.6B."""
    subjects = [claim.subject] + sorted(
        s for s in index.subjects_for(metric) if s != claim.subject and _member_of(s, claim.subject, vocabulary)
    )
    return [(source, stated) for s in subjects for source, stated in index.about(s, metric) if source.url in readable]


def _member_of(subject: str, family: str, vocabulary: Vocabulary | None) -> bool:
    if vocabulary is not None and family in vocabulary.ancestors(subject):
        return True
    name, prefix = _key(subject), _key(family)
    return name.startswith((prefix + "-", prefix + " "))


def _elsewhere(
    claim: Claim, index: SourceIndex, readable: Sequence[str], vocabulary: Vocabulary | None
) -> Evidence | None:
    """The claimed figure where a source gives it for another subject or metric: often the most
    useful sentence of a report ("the $5.6M is V3's, not R1's")."""
    if claim.quantity.kind in ("rank", "date") or not isinstance(claim.quantity.value, float):
        return None
    if abs(claim.quantity.value) < 10 and claim.quantity.kind != "currency":
        return None  # small figures recur everywhere; a match would mean nothing
    for source, stated in index.with_figure(claim.quantity):
        same_subject = _key(stated.subject) == _key(claim.subject)
        same_metric = _metric_key(stated.metric) == _metric_key(claim.metric)
        if same_subject and same_metric or stated.subject == DOCUMENT_SUBJECT:
            continue
        # The same figure for a related model (Kimi k1.5's AIME score given to Kimi K2) or for another
        # metric of the same model is telling when the figure is too specific to recur by chance
        # (77.5, not 89); an amount of money or GPU hours is telling wherever it turns up.
        related = same_subject or _related(claim.subject, stated.subject, vocabulary)
        if not (_money(claim.quantity) or related and (_distinctive(claim.quantity) or same_metric)):
            continue
        if _relation(claim.quantity, stated.quantity) is Relation.SAME:
            return _evidence(source, stated)
    return None


def _distinctive(q: Quantity) -> bool:
    """A figure stated to three significant digits is unlikely to turn up by chance."""
    return len(re.sub(r"\D", "", q.text).strip("0")) >= 3


def _money(q: Quantity) -> bool:
    return q.unit.split(" ")[0] in ("USD", "EUR", "GBP", "CNY", "gpu_hours")


def _related(a: str, b: str, vocabulary: Vocabulary | None) -> bool:
    """Models of one family (DeepSeek-R1 and DeepSeek-V3; Kimi K2 and Kimi k1.5)."""
    if vocabulary is not None:
        family_a = {a, *vocabulary.ancestors(a)}
        family_b = {b, *vocabulary.ancestors(b)}
        if len(family_a) > 1 and len(family_b) > 1 and family_a & family_b:
            return True
    first_a, first_b = _key(a).replace("-", " ").split()[:1], _key(b).replace("-", " ").split()[:1]
    return bool(first_a) and first_a == first_b

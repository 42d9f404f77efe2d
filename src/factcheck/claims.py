"""Document → Claims: each number with the subject and metric it is about.

A number takes its subject from, in order: a name attached to it ("GPT-4's $100M+", "vs 29 in
Qwen 2.5"), the label of its bullet ("DeepSeek-V3: 671B total"), its table row or column, the
first name in its sentence, the bullet before it when the section names nobody, and finally
the nearest heading that names a subject. Its metric comes from a metric named next to it
("97.3% MATH-500", "SWE-bench: 64.2%"), the bullet label ("Context: 200K input"), the table
header, the words after it ("37B active") or its unit ("36 trillion tokens" in a sentence about
training). A bare number with no metric is not a claim.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.models import DOCUMENT_SUBJECT, Block, Claim, Document, Qualifier, Quantity
from factcheck.quantities import find_quantities, parse_date
from factcheck.vocabulary import Mention, Vocabulary, normalize_name

__all__ = ["extract_claims", "claim_id", "reading_order", "sizes_in_names"]

_ESCAPE = re.compile(r"\\(?=[$*_#\[\]()|`~>.\-])")
_MEASURE_LABEL = re.compile(
    r"^(?:pass@\d+|avg@\d+|maj@\d+|acc\.?|accuracy|em|f1|correct|exact match|score|win rate|elo|%)$", re.IGNORECASE
)
_CELL_FIGURE = re.compile(r"^\s*[~≈<>]?\s*[\d.,]+\s*[%*†]?\s*$")  # a score, never a label
_RELEASE_SUFFIX = re.compile(r"\s+(?:Instruct|Chat|Base|Thinking|Preview|Reasoning)\b.*$", re.IGNORECASE)
_CELL_SETTING = re.compile(r"^\s*(?:\d+-shot|-|—|n/a)\s*$", re.I)  # "5-shot": how, not what
_MARKUP = re.compile(r"\*\*|__|`|~~|<sup>|</sup>|<br\s*/?>")
_LINK_TARGET = re.compile(r"\]\(([^)]*)\)")
_MARKER = re.compile(r"^(\s*(?:[-*+•▪◦]|\d{1,3}[.)])\s+)")
_LABEL = re.compile(r"^\s*((?:[^:.!?]|\.(?=\d))(?:[^:.!?]|\.(?=\d)){0,47}?)\s*:\s+(?=\S)")  # "GLM-4.5: ..."
_COMPARISON = re.compile(r"\b(?:vs\.?|versus|compared (?:to|with)|against|than)\s", re.IGNORECASE)
_SEGMENT_END = re.compile(r"[);\]]|,\s(?=[A-Z])|$")
_RELEASE_WORDS = re.compile(
    r"\b(?:releas\w*|launch\w*|introduc\w*|debut\w*|unveil\w*|publish\w*|inception|"
    r"announc\w*|open-sourced|arriv\w*|dropped)\b",
    re.IGNORECASE,
)
# "Top 10 models on HuggingFace use Qwen base": every place of a top N taken by what follows.
_ALL_OF_TOP = re.compile(
    r"\s*(?:all\s+(?:of\s+)?)?(?:the\s+)?(?P<top>top[- ](?P<n>\d{1,3}))\s+[\w\s\-]{0,50}?\s+(?:all\s+)?"
    r"(?:use|run on|are built on|are based on|build on|are fine-tuned from|derive from)\s+",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[^.;:!?]*")
_TOP_MODELS = re.compile(r"\s+(?:open[- ]source\s+|open[- ]weights?\s+)?models\b", re.IGNORECASE)
# Where the top places are: "7 of top 10 open source models on HuggingFace" → HuggingFace.
_PLACES_ON = re.compile(r"[\w\s\-]{0,40}?\b(?:on|in)\s+(?:the\s+)?([A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)")
_ONLY_SEPARATORS = re.compile(r"(?:[\s,;.&/…]|\band\b|\bor\b|\([^()]*\))*", re.IGNORECASE)
_RANKING_GOES_ON = re.compile(r"^\s*(?:[-*•]\s*)?(?:\.{2,}|…)?\s*(?:and\s+)?(?:then|followed by|next)\b[\s:,]*", re.I)
_RANK_LIST = re.compile(r"\b(?:rank\w*|leaderboard|top\s*\d+|standings)\b", re.IGNORECASE)
# Sections whose numbers are bibliographic, not claims (citations are audited separately).
_NOT_CLAIMS = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|works cited|citations|sources|resources|"
    r"further reading|table of contents|contents|footnotes|endnotes)\s*:?\s*$",
    re.IGNORECASE,
)
_GENERIC_HEADERS = {
    "score",
    "scores",
    "result",
    "results",
    "value",
    "values",
    "figure",
    "number",
    "notes",
    "comparison",
    "details",
    "performance",
    "benchmark",
    "metric",
    "metrics",
    "amount",
    "data",
}
_ATTACH_BEFORE = re.compile(r"^(?:['’]s)?\s*(?::|\(|=|-|–|at|scored|scores|reached|hit|of)?\s*$", re.IGNORECASE)
# A name that something is measured against is not what the sentence is about: "Compared to
# Llama, Qwen 3 offers ...", "downloads from Chinese labs surpassed those from the United States".
_COMPARED_BEFORE = re.compile(
    r"\b(?:compared (?:to|with)|than|vs\.?|versus|against|unlike|surpass\w*|outpac\w*|overt(?:ak\w*|ook)|"
    r"outperform\w*|ahead of|behind)\s+(?:the\s+|those\s+(?:of|from)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_DATED_AFTER = re.compile(r"^\s*(?:suite|family|series|models?|variants?|release|launch)?\s*(?:in|on)\s*$", re.I)
_IN_NAME_AFTER = re.compile(
    r"^\s*(?:[A-Za-z%]+\s+){0,2}?(?:in|for|by|from|with|of|on)\s+(?:the\s+|all\s+)?$", re.IGNORECASE
)  # "29 in Qwen 2.5", "100,000+ models built on Qwen"
_FREE_SUBJECT_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:in|for|among)\s+(?:the\s+)?((?:[A-Z][\w\-]*\s?){1,3}(?:[a-z]+)?|[a-z][\w\-]+(?:\s+[a-z][\w\-]+)?)"
)
# First-column headers that say the rows are subjects, even when the vocabulary knows none of them.
_SUBJECT_HEADERS = re.compile(
    r"^(?:model|models|provider|company|companies|lab|organi[sz]ation|country|region|"
    r"vendor|developer|family|name|system|approach|option|deployment|platform)s?$",
    re.IGNORECASE,
)
_GENERIC_LABEL_NOUNS = re.compile(r"\s+(?:model|models|variant|variants|version|edition)$", re.IGNORECASE)

_STAGE_LABEL = re.compile(r"^(?:stage|phase|step|round)\s*\d+|^S\d$|^final(?: stage)?$", re.IGNORECASE)
_NOT_A_METRIC = re.compile(
    r"\d|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^(?:q[1-4]|h[12]|"
    r"note|notes|example|status|focus|verdict|summary|source|sources|why|what|how)$",
    re.IGNORECASE,
)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MONTH_ONLY = re.compile(
    r"(?:\(\s*|\b(?:in|since|from|on|by)\s+|['’]s\s+(?=\w+\s+(?:release|launch|debut)))(January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
    r"(?!\.?\s*\d|\s+of\b)"
)
_DIGIT = re.compile(r"\d")
_NOUN_PHRASE_AFTER = re.compile(
    r"^\s+((?:[a-z][a-z\-]+\s+){0,2}?(?:share|usage|improvement|increase|decrease|"
    r"reduction|growth|savings?|rate|adoption|accuracy|margin|penetration|probability)"
    r"(?:\s+of\s+(?:[\w\-]+\s+){0,2}?[\w\-]*(?:models|downloads|usage|market|users))?)\b"
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
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:^|[.;:,(]\s*|\b(?:its|their|the|a|an|with|and|reported|posted|had)\s+)(?P<np>[A-Za-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})"
    r"\s+(?:of|was|were|is|are|at|reached|hit|totaled|totalled|stood at|rose to|fell to|grew to|increased to|"
    r"decreased to)\s+(?:about\s+|approximately\s+|around\s+|nearly\s+|over\s+|~\s*)?$"
)
_NOT_METRIC_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "total", "which", "it"}
_SCORE_WORDS = re.compile(r"\s+(?:score|scores|result|results|accuracy|acc\.?|value)$", re.IGNORECASE)
_LICENCE_LABEL = re.compile(r"^\s*licen[cs]es?(?:\s+type)?\s*:?\s*$", re.IGNORECASE)
_LICENCE = re.compile(
    r"\s*(?:apache[- ]?(?:2\.0|2)?(?:\s*/\s*mit)?|mit(?:\s*/\s*apache(?:[- ]2\.0)?)?|proprietary|closed[- ]source|"
    r"(?:meta\s+)?(?:llama\s+)?(?:community|open)\s+licen[cs]e|llama\s+(?:\d\s+)?licen[cs]e|"
    r"cc[- ]by[\w\-.]*|gpl[\w\-.]*|custom\s+licen[cs]e|research[- ]only)(?![\w])",
    re.IGNORECASE,
)


_MODELS_COLUMN = re.compile(r"\bmodels?\b", re.IGNORECASE)
_LICENCE_HEAD_REST = re.compile(r"\s*(?:licen[cs]ed?|licen[cs]e\s+only)?\s*", re.IGNORECASE)


_ARCHITECTURE_WORD = re.compile(r"\b(?:dense|MoE|mixture[- ]of[- ]experts)\b", re.IGNORECASE)
_ARCHITECTURE_LABEL = re.compile(
    r"\s*(dense|MoE|mixture[- ]of[- ]experts)\s+(?:models?|variants?|sizes?)\s*:\s*", re.IGNORECASE
)
# Right after a model's name, its architecture alone: "(MoE efficiency)", ": Proprietary dense model",
# ", a dense model"; never "dense and MoE" (both) or "MoE-style".
_ARCHITECTURE_AFTER = re.compile(
    r"(?:\s*\(\s*|\s*:\s*(?:(?!(?:not|non|no|unlike|without)\b)[A-Za-z\-]+\s+)?|,\s+an?\s+|\s+is\s+an?\s+)"
    r"(dense|MoE|mixture[- ]of[- ]experts)\b(?![\-/]|\s*(?:and|or|&|vs\.?|versus|compared|than)\s)",
    re.IGNORECASE,
)
_BARE_SIZE = re.compile(r"(?<![\w.\-])(\d+(?:\.\d+)?)\s?B\b(?![\-\w])")


def _architecture_name(text: str) -> str:
    return "dense" if text.lower() == "dense" else "MoE"


def _category(value: str, start: int, end: int, written: str) -> Quantity:
    return Quantity(
        value=value, unit="category", qualifier=Qualifier.EXACT, text=written, start=start, end=end, kind="category"
    )


def _licence_name(text: str) -> str:
    """One spelling per licence, so that "Apache 2.0" and "apache-2.0" agree."""
    lowered = " ".join(text.lower().split())
    parts = []
    for part in re.split(r"\s*/\s*", lowered):
        if part.startswith("apache"):
            parts.append("Apache-2.0")
        elif part == "mit":
            parts.append("MIT")
        elif part in ("proprietary", "closed source", "closed-source"):
            parts.append("proprietary")
        elif "community" in part or "open licen" in part or part.startswith("llama"):
            parts.append("Llama community license")
        else:
            parts.append(part)
    return "/".join(sorted(set(parts)))


_DURATIONS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds"}
_COMPATIBLE = {
    "USD": {"USD", "", "score"}, "EUR": {"EUR", ""}, "CNY": {"CNY", ""}, "GBP": {"GBP", ""},
    "percent": {"percent", "score", ""}, "percentage_points": {"percent", "score", ""},
    "rank": {"rank"}, "date": {"date"}, "times": {"times", ""}, "ratio": {"ratio", "", "times"},
}  # fmt: skip


@lru_cache(maxsize=1)
def _sentencizer() -> object:
    """spaCy's rule-based sentencizer on a blank English pipeline (no trained model needed)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _sentences(text: str) -> list[tuple[int, int]]:
    if len(text) < 120 or text.count(". ") == 0:
        return [(0, len(text))]
    doc = _sentencizer()(text)  # type: ignore[operator]
    return [(s.start_char, s.end_char) for s in doc.sents]


def claim_id(document: str, subject: str, metric: str, quote: str, occurrence: int) -> str:
    """Stable across unrelated edits: no line numbers, only what the claim says and where in order."""
    key = "\x1f".join([document, normalize_name(subject), metric.lower(), " ".join(quote.split()), str(occurrence)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _clean(line: str) -> str:
    """Markup replaced by spaces of the same length, so offsets still index the original line."""
    text = _ESCAPE.sub(" ", line)  # "\$100 million" from a converter is "$100 million"
    text = _MARKUP.sub(lambda m: " " * len(m.group(0)), text)
    text = _LINK_TARGET.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), text)
    return text.replace("[", " ").replace("]", " ").replace("\t", " ")


def _unit_ok(quantity: Quantity, metric_unit: str) -> bool:
    if quantity.unit in _COMPATIBLE:
        return metric_unit in _COMPATIBLE[quantity.unit] or not metric_unit and quantity.unit not in ("rank", "date")
    if metric_unit in ("rank", "date", "times", "ratio"):
        return False
    if quantity.unit and metric_unit and metric_unit not in ("score", "elo", "percent"):
        return quantity.unit == metric_unit or quantity.unit.split("_")[0] == metric_unit.split("_")[0]
    if metric_unit in ("USD", "percent"):
        return quantity.unit == "" and quantity.scale == 1.0 if metric_unit == "percent" else quantity.unit == ""
    return quantity.unit not in ("date",)


@dataclass
class _Context:
    """What one document tells about names: which models of a family it mentions."""

    vocabulary: Vocabulary
    members: dict[str, set[str]]

    def specific(self, subject: str) -> str:
        """A family named alone stands for its only model mentioned in the document ("MiniMax 1M")."""
        if self.vocabulary.subject_kind(subject) != "family":
            return subject
        models = self.members.get(subject, set())
        return next(iter(models)) if len(models) == 1 else subject


# A model named by its short name after a slash: "R1" in "V3/R1 variants", "Maverick".
_SHORT_NAME = re.compile(r"[A-Za-z][\w.\-]*[\w]")
_SHORT_NAME_BEFORE = re.compile(r"(?<![\w.\-])[A-Za-z][\w.\-]*\w$")


def _leaderboard(document: Document, vocabulary: Vocabulary) -> str:
    """The leaderboard a document ranks models on, when it names one: "Top 3 globally" in a report
    about LMArena is an LMArena rank."""
    boards = Counter(m.name for m in vocabulary.find_metrics(document.text) if m.name.startswith("LMArena"))
    return "LMArena" if boards else ""


def _document_year(document: Document) -> str:
    """The year the document is dated, from a full date among its first lines ("13 October 2025")."""
    for line in document.lines[:12]:
        for q in find_quantities(line):
            if q.kind == "date" and len(str(q.value)) >= 7:
                return str(q.value)[:4]
    return ""


def _family_members(document: Document, vocabulary: Vocabulary) -> dict[str, set[str]]:
    members: dict[str, set[str]] = {}
    for mention in vocabulary.find_subjects(document.text, unknown_models=False):
        for family in vocabulary.ancestors(mention.name)[-1:]:
            members.setdefault(family, set()).add(mention.name)
    return members


def _heading_subject(vocabulary: Vocabulary, heading: str) -> str:
    mentions = [m for m in vocabulary.find_subjects(heading) if vocabulary.subject_kind(m.name) != "organisation"]
    if not mentions:
        mentions = vocabulary.find_subjects(heading)
    return mentions[0].name if mentions else ""


def _section_subject(vocabulary: Vocabulary, section: tuple[str, ...]) -> str:
    """The innermost heading that names a subject; outer headings count only for models and families
    ("Technical Innovations from Chinese Models" does not make every figure below it about China)."""
    for depth, heading in enumerate(reversed(section)):
        subject = _heading_subject(vocabulary, heading)
        if not subject:
            continue
        if depth == 0 or vocabulary.subject_kind(subject) not in ("country", "region"):
            return subject
        mention = vocabulary.find_subjects(heading)[0]
        if mention.end - mention.start >= 0.6 * len(heading.strip()):  # "### Chinese Market" is about China
            return subject
    return ""


@dataclass
class _Span:
    """A piece of text in which numbers are read together: a bullet, a sentence or a table cell."""

    text: str  # cleaned, same offsets as the line
    start: int
    end: int
    default_subject: str
    label_metric: str = ""
    label_subject: str = ""
    default_metric: str = ""
    context_words: str = ""  # heading and label words that hint at a metric ("training", "context")
    carried_subject: str = ""  # the subject of the previous sentence in the same paragraph
    table: bool = False
    label_end: int = 0  # where a "Label:" ends; figures before it belong to the label itself
    stage: str = ""  # "stage 1 ": figures under a stage label are about that stage, not the whole


class _Extractor:
    def __init__(self, document: Document, vocabulary: Vocabulary) -> None:
        self.document = document
        self.document_text = "\n".join(document.lines).lower()  # where names are looked up
        self.vocabulary = vocabulary
        self.context = _Context(vocabulary, _family_members(document, vocabulary))
        self.claims: list[tuple[Block, Quantity, str, str, str]] = []
        self._section_cache: dict[tuple[str, ...], str] = {}
        self._carry: tuple[tuple[str, ...], str] = ((), "")
        self._last_rank: tuple[Block, int, str] | None = None  # the ranking list item just read
        self.document_year = _document_year(document)
        self._scanned: tuple[str, tuple[list[Mention], list[Mention], list[Quantity]]] = ("\0", ([], [], []))
        self.leaderboard = _leaderboard(document, vocabulary)

    # --- helpers ------------------------------------------------------------------------------
    def section_subject(self, section: tuple[str, ...]) -> str:
        if section not in self._section_cache:
            self._section_cache[section] = _section_subject(self.vocabulary, section)
        return self._section_cache[section]

    def resolve_subject(self, name: str, section_subject: str) -> str:
        """A name as written → canonical subject, also relative to the section's family ("V3")."""
        known = self.vocabulary.subject(name)
        if known:
            return known
        for family in (section_subject, *self.vocabulary.ancestors(section_subject)):
            if family:
                guess = self.vocabulary.subject(f"{family} {name}")
                if guess:
                    return guess
        return ""

    # --- blocks -------------------------------------------------------------------------------
    def run(self) -> None:
        blocks = self.document.blocks
        for index, block in enumerate(blocks):
            if block.kind == "heading" or any(_NOT_CLAIMS.match(h) for h in block.section):
                continue
            if block.kind == "table_row":
                self.table_row(block)
            elif not self.dated_event(block, blocks[index + 1] if index + 1 < len(blocks) else None):
                self.ranking_continued(block)
                self.text_block(block)
                self.whole_top(block)
            self.architecture(block)

    def architecture(self, block: Block) -> None:
        """Categorical claims: whether a model is dense or a mixture of experts, where the text says
        so of it alone: "Qwen3-32B (MoE efficiency)", "Yi-Large: Proprietary dense model", and a list
        of sizes under its family's heading ("**Dense Models:** 0.6B, 1.7B, 32B" under Qwen 3).
        A family that "spans dense and MoE architectures" states nothing about one model."""
        clean = _clean(block.text)
        marker = _MARKER.match(clean)
        body_start = marker.end() if marker else 0
        label = _ARCHITECTURE_LABEL.match(clean, body_start)
        quote = " ".join(clean.split())
        if label:
            family = self.section_subject(block.section)
            kind = _architecture_name(label.group(1))
            if family and " " not in family and self.vocabulary.members(family):
                listed = clean[: clean.find("(", label.end())] if "(" in clean[label.end() :] else clean
                for size in _BARE_SIZE.finditer(listed, label.end()):
                    # only a model that exists by that name: in the vocabulary or this document
                    name = self.vocabulary.subject(f"{family}-{size.group(1)}B") or f"{family}-{size.group(1)}B"
                    if name in self.vocabulary.subjects or name.lower() in self.document_text:
                        q = _category(kind, size.start(), size.end(), size.group(0))
                        self.add(block, q, name, "architecture", quote)
            return
        if not _ARCHITECTURE_WORD.search(clean):
            return
        for mention in self.vocabulary.find_subjects(clean):
            if self.vocabulary.subject_kind(mention.name) != "model":
                continue
            stated = _ARCHITECTURE_AFTER.match(clean, mention.end)
            if stated:
                at = stated.start(1)
                q = _category(_architecture_name(stated.group(1)), at, stated.end(1), stated.group(1))
                self.add(block, q, mention.name, "architecture", quote)

    def dated_event(self, block: Block, following: Block | None) -> bool:
        """Timelines: a date on a line of its own dates the event on the next line
        ("2023-08" / "Alibaba releases Qwen-7B"), and a month label takes its year from the headings
        ("**Q3 2024:**" / "- September: DeepSeek V2.5, Baichuan 2")."""
        clean = _clean(block.text).strip()
        marker = _MARKER.match(clean)
        body = clean[marker.end() :] if marker else clean
        found = find_quantities(body) if following is not None and len(body) <= 40 else []
        if (
            following is not None
            and len(found) == 1
            and found[0].kind == "date"
            and len(found[0].text) >= len(body.strip(" :*-")) - 1
        ):
            event = _clean(following.text)
            named = self.vocabulary.find_subjects(event)
            mentions = [
                m for m in named if self.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
            ] or named
            if mentions:
                metric = "release date" if _RELEASE_WORDS.search(event) else "date"
                q = replace(
                    found[0],
                    start=block.text.find(found[0].text),
                    end=block.text.find(found[0].text) + len(found[0].text),
                )
                self.add(block, q, mentions[0].name, metric, f"{body.strip()}: {event.strip()}")
                return True
            return False
        month = re.match(rf"^\s*({_MONTH_NAME})\s*:\s*(\S.*)$", body)
        year = next(
            (m.group(0) for h in reversed(block.section) for m in [re.search(r"\b(?:19|20)\d{2}\b", h)] if m), ""
        )
        if not month or not year:
            return False
        dated = parse_date(f"{month.group(1)} {year}")
        if dated is None:
            return False
        entry = month.group(2)
        for mention in self.vocabulary.find_subjects(entry):
            inside_brackets = entry.count("(", 0, mention.start) > entry.count(")", 0, mention.start)
            if inside_brackets or self.vocabulary.subject_kind(mention.name) in ("organisation", "country", "region"):
                continue
            start = block.text.find(month.group(1))
            q = replace(dated, text=month.group(1), start=start, end=start + len(month.group(1)))
            self.add(block, q, mention.name, "release date", body.strip())
        self.text_block(block, dates=False)
        return True

    def text_block(self, block: Block, *, dates: bool = True) -> None:
        clean = _clean(block.text)
        marker = _MARKER.match(clean)
        body_start = marker.end() if marker else len(clean) - len(clean.lstrip())
        if marker:
            clean = " " * marker.end() + clean[marker.end() :]
        section_subject = self.section_subject(block.section)
        context_words = " ".join(block.section[-2:])
        label_subject = label_metric = free_label = stage_prefix = ""
        label = _LABEL.match(clean[body_start:])
        content_start = body_start
        if label:
            label_text = label.group(1).strip()
            mentions = self.vocabulary.find_subjects(label_text)
            relative = (
                self.resolve_subject(_GENERIC_LABEL_NOUNS.sub("", label_text), section_subject)
                if not mentions and section_subject
                else ""
            )
            if mentions and mentions[0].end - mentions[0].start >= len(label_text) - 12:
                label_subject = mentions[0].name
            elif relative:
                label_subject = relative
            else:
                label_metric = self.vocabulary.metric(label_text) or ""
                if not label_metric:
                    label_metric = next((m.name for m in self.vocabulary.find_metrics(label_text)), "")
                context_words += " " + label_text
                free_label = "" if label_metric or _NOT_A_METRIC.search(label_text) else label_text.lower()
                stage = _STAGE_LABEL.match(label_text)
                if stage:
                    stage_prefix = f"{stage.group(0).lower()} "
            content_start = body_start + label.end()
        if block.kind == "numbered" and block.number is not None and _RANK_LIST.search(block.list_title):
            self.rank_item(block, clean, body_start)
        licence_subject = label_subject or (
            section_subject if label and _LICENCE_LABEL.match(label.group(1)) or not label else ""
        )
        if licence_subject and (label_subject or not label or _LICENCE_LABEL.match(label.group(1))):
            self.licence(block, clean, content_start, licence_subject)
        default_subject = section_subject
        if not label_subject and not section_subject and self._carry[0] == block.section:
            default_subject = self._carry[1]
        if label_subject:
            self._carry = (block.section, label_subject)
        elif not section_subject and self._carry[0] != block.section:
            self._carry = ((), "")
        carried = ""
        for start, end in _sentences(clean) if block.kind == "paragraph" else [(0, len(clean))]:
            span = _Span(
                clean,
                max(start, body_start),
                end,
                default_subject or DOCUMENT_SUBJECT,
                label_metric=label_metric,
                label_subject=label_subject,
                context_words=context_words,
                default_metric=free_label if start <= content_start else "",
                carried_subject=carried,
                label_end=content_start,
                stage=stage_prefix,
            )
            named = [
                m
                for m in self.scan(clean)[0]
                if span.start <= m.start and m.end <= end and self.vocabulary.subject_kind(m.name) != "organisation"
            ]
            carried = named[0].name if named else carried
            if start < content_start < end and label_subject:
                span.label_subject = label_subject
            self.read_span(block, span, dates=dates)

    def licence(self, block: Block, clean: str, start: int, subject: str) -> None:
        """Categorical claims: the licence a model is released under, when the text states it as the
        value of a label, a table cell or a bullet of its own ("License: Apache 2.0", "Yi-Large:
        Proprietary dense model"). Licences mentioned in passing are not claims."""
        content = clean[start:]
        m = _LICENCE.match(content)
        if not m:
            return
        value = _licence_name(m.group(0))
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
        self.add(block, q, subject, "license", clean.strip())

    def rank_item(self, block: Block, clean: str, body_start: int) -> None:
        item = clean[body_start:]
        mentions = self.vocabulary.find_subjects(item)
        if mentions and mentions[0].start <= 2:
            subject = self.context.specific(mentions[0].name)
        else:  # an entry the vocabulary does not know is named by its leading words: "8. Grok 3 (xAI)"
            lead = re.match(r"\s*([^(:–—;,]{2,40}?)\s*(?:[(:–—;,]|$| - )", item)
            if not lead or not lead.group(1)[0].isupper():
                return
            subject = lead.group(1).strip()
        board = next(
            (
                m.name
                for heading in (block.list_title, *reversed(block.section))
                for m in self.vocabulary.find_metrics(heading)
                if m.name.startswith("LMArena")
            ),
            "",
        )
        board = board or next((m.name for m in self.vocabulary.find_metrics(block.list_title)), "")
        metric = board if board.endswith("rank") else (f"{board} rank" if board else "rank")
        marker = _MARKER.match(block.text)
        text = marker.group(1).strip() if marker else str(block.number)
        rank = Quantity(
            value=float(block.number or 0),
            unit="rank",
            qualifier=Qualifier.EXACT,
            text=text,
            start=block.text.find(text),
            end=block.text.find(text) + len(text),
            kind="rank",
        )
        self.add(block, rank, subject, metric, block.text.strip())
        self._last_rank = (block, int(block.number or 0), metric)

    def model_family_for_top(self, subject: str, q: Quantity, text: str, named: bool) -> str:
        """ "Qwen 3 … powers 7 of top 10 open source models": the top models of a hub are built on a
        family, whichever generation each fine-tunes, so a count under a generation's heading is
        the family's (Qwen), as in "Top 10 models on HuggingFace use Qwen base". A model named in
        the sentence itself ("Qwen2.5 powers 5 of top 10") keeps it, and places of a leaderboard
        of the models themselves ("4 of top 5") stay with their subject."""
        if named or not q.unit.startswith("of top ") or not _TOP_MODELS.match(text, q.end):
            return subject
        families = self.vocabulary.ancestors(subject)
        return families[-1] if families else subject

    def whole_top(self, block: Block) -> None:
        """ "Top 10 models on HuggingFace use Qwen base": all ten places belong to what they use, the
        same measure as "powers 7 of top 10" elsewhere. The top 10 is then no rank of HuggingFace's."""
        clean = _clean(block.text)
        marker = _MARKER.match(clean)
        m = _ALL_OF_TOP.match(clean, marker.end() if marker else 0)
        if not m:
            return
        clause = _CLAUSE.match(clean, m.end())
        owners = [
            mention
            for mention in self.vocabulary.find_subjects(clause.group(0) if clause else "")
            if self.vocabulary.subject_kind(mention.name) not in ("organisation", "country", "region")
        ]
        if len(owners) != 1 or owners[0].start > 3:  # "use Qwen, Llama and Mistral bases": shared
            return
        top = m.group("n")
        start, end = m.start("top"), m.end("top")
        q = Quantity(
            value=float(top),
            unit=f"of top {top}",
            qualifier=Qualifier.EXACT,
            text=block.text[start:end],
            start=start,
            end=end,
            kind="part",
            unit_text=block.text[start:end],
        )
        self.claims = [c for c in self.claims if not (c[0] is block and c[1].kind == "rank" and c[1].start == start)]
        span = _Span(clean, 0, len(clean), DOCUMENT_SUBJECT)
        metric = self.metric_for(q, span, [], clean, "")
        self.add(block, q, self.context.specific(owners[0].name), metric, " ".join(clean.split()))

    def ranking_continued(self, block: Block) -> None:
        """ "1. Kimi K2 … 4. DeepSeek R1" then "...then Google Gemma, Meta Llama": a line right after
        a ranking list that goes on with "then" names the next places in order (5th, 6th). Only a
        line of names: "Next, we compare Qwen3 and Llama 4 on cost" goes on with something else."""
        last, self._last_rank = self._last_rank, None
        if last is None or block.kind == "numbered" or block.line != last[0].line + 1:
            return
        clean = _clean(block.text)
        then = _RANKING_GOES_ON.match(clean)
        if not then:
            return
        names = clean[then.end() :]
        mentions = self.vocabulary.find_subjects(names)
        leftover = "".join(
            names[a:b]
            for a, b in zip([0, *(m.end for m in mentions)], [*(m.start for m in mentions), len(names)], strict=True)
        )
        if not mentions or not _ONLY_SEPARATORS.fullmatch(leftover):
            return
        place = last[1]
        for mention in mentions:
            if self.vocabulary.subject_kind(mention.name) in ("organisation", "country", "region"):
                continue
            place += 1
            start, end = then.end() + mention.start, then.end() + mention.end
            rank = Quantity(
                value=float(place),
                unit="rank",
                qualifier=Qualifier.EXACT,
                text=block.text[start:end],
                start=start,
                end=end,
                kind="rank",
            )
            self.add(block, rank, self.context.specific(mention.name), last[2], block.text.strip())

    # --- spans --------------------------------------------------------------------------------
    def read_span(self, block: Block, span: _Span, *, dates: bool = True) -> None:
        text = span.text[: span.end]
        all_subjects, all_metrics, all_quantities = self.scan(span.text)
        subjects = [m for m in all_subjects if span.start <= m.start and m.end <= span.end]
        metrics = [m for m in all_metrics if span.start <= m.start and m.end <= span.end]
        quantities = [
            q for q in all_quantities if span.start <= q.start and q.end <= span.end and (dates or q.kind != "date")
        ]
        comparisons = [
            (
                m.start(),
                m.end()
                + (
                    _SEGMENT_END.search(text, m.end()).start()  # type: ignore[union-attr]
                    - m.end()
                ),
            )
            for m in _COMPARISON.finditer(text, span.start)
        ]
        previous_metric = whole_metric = ""
        for q in quantities:
            in_comparison = next(((a, b) for a, b in comparisons if a <= q.start < b), None)
            subject = self.subject_for(q, span, subjects, in_comparison, text)
            metric = self.metric_for(q, span, metrics, text, previous_metric if in_comparison else "")
            if q.kind == "percent" and whole_metric and re.search(r"\(\s*$", text[max(0, q.start - 3) : q.start]):
                metric = "share of " + whole_metric.removeprefix("number of ")  # "1,509 of 3,755 LLMs (40%)"
            if q.kind == "whole" and metric:
                whole_metric = metric
            if metric and span.stage and not metric.startswith(span.stage) and q.kind != "date":
                metric = span.stage + (metric.replace("S1", "").strip())
            if not subject or not metric:
                continue
            if not in_comparison:
                previous_metric = metric
            quote = text[span.start : span.end].strip()
            q = self.with_unit(q, metric)
            subject = self.joint_subject(subject, q, subjects, text)
            named = any(span.start <= m.start < q.start for m in subjects)
            self.add(block, q, self.model_family_for_top(subject, q, text, named), metric, quote)
            if q.kind == "rank" and isinstance(q.value, float) and q.value > 1:
                self.place_above(block, q, metric, text, subjects, quote)
        if dates:
            self.month_releases(block, span, text, subjects, quantities)

    def month_releases(
        self, block: Block, span: _Span, text: str, subjects: Sequence[Mention], quantities: Sequence[Quantity]
    ) -> None:
        """Releases dated by month alone ("Qwen3 (Apr)", "Llama 4, released in April"): the year comes
        from the nearest year stated before them in the block, else from the headings, else from the
        document's own date. Without a year in sight there is no claim."""
        taken = [(q.start, q.end) for q in quantities]
        for m in _MONTH_ONLY.finditer(text, span.start):
            if any(a <= m.start(1) < b for a, b in taken):
                continue
            year = self.year_context(block, text[: m.start()])
            if not year:
                continue
            boundary = max(text.rfind(d, span.start, m.start()) for d in (",", ";", ":", ". ", "), "))
            models = [
                s
                for s in subjects
                if s.end <= m.start()
                and self.vocabulary.subject_kind(s.name) not in ("organisation", "country", "region")
            ]
            group = [s for s in models if boundary < s.start] or [s for s in models if m.start() - s.end <= 40][-1:]
            lead = text[max(span.start, m.start() - 40) : m.start()]
            opener = m.group(0)[: m.start(1) - m.start()]
            if not group or not (
                opener.lstrip().startswith(("(", "'", "’")) or _RELEASE_WORDS.search(lead) or opener.strip() == "in"
            ):
                continue
            dated = parse_date(f"{m.group(1)} {year}")
            if dated is None:
                continue
            q = replace(dated, text=m.group(1), start=m.start(1), end=m.end(1))
            for subject in dict.fromkeys(s.name for s in group):
                self.add(block, q, subject, "release date", text[span.start : span.end].strip())

    def year_context(self, block: Block, before: str) -> str:
        years: list[str] = re.findall(r"\b(?:19|20)\d{2}\b", before)
        if years:
            return years[-1]
        for heading in reversed((*block.section, *block.header[:1], *block.cells[:1])):
            found = re.search(r"\b(?:19|20)\d{2}\b", heading)
            if found:
                return found.group(0)
        return self.document_year

    def place_above(
        self, block: Block, q: Quantity, metric: str, text: str, subjects: Sequence[Mention], quote: str
    ) -> None:
        """ "2nd globally (below Gemini 2.5 Pro)": the model named as the one above holds the place
        before. Stated only by implication, it is still what a reader takes from the sentence."""
        m = re.match(r"^[\w\s]{0,20}?\(?\s*(?:below|behind|after|trailing)\s+", text[q.end : q.end + 40])
        if not m:
            return
        above = next((s for s in subjects if s.start == q.end + m.end()), None)
        if above is not None:
            implied = replace(q, value=float(q.value) - 1)
            self.add(block, implied, above.name, metric, quote)

    def scan(self, text: str) -> tuple[list[Mention], list[Mention], list[Quantity]]:
        """Names and numbers of a whole block, found once and shared by its sentences."""
        if self._scanned[0] != text:
            subjects = self.vocabulary.find_subjects(text)
            metrics = self.vocabulary.find_metrics(text)
            # Only names with digits in them hide numbers ("Llama 4", "AIME 2024"); "total params" does not.
            skip = [(m.start, m.end) for m in subjects + metrics if _DIGIT.search(text, m.start, m.end)]
            self._scanned = (text, (subjects, metrics, find_quantities(text, skip)))
        return self._scanned[1]

    def joint_subject(self, subject: str, q: Quantity, subjects: Sequence[Mention], text: str) -> str:
        """Two models joined by a slash. "V3/R1 variants boast 671B total parameters": a figure for
        the pair is about both, and the first named stands for it (one claim per figure, whose
        quote shows both), as an editor reads it: V3's price in another report is compared with
        it. "Scout/Maverick: 109B/400B": figures paired the same way go to each in turn (not prices:
        "$0.27/$1.10" are input and output). A model named again after the pair ("but R1 scores
        79.8%") keeps its own figures."""
        found = self.slash_pair(subjects, text, q.start)
        if found is None:
            return subject
        pair, pair_end = found
        if any(pair_end <= m.start < q.start and self.context.specific(m.name) in pair for m in subjects):
            return subject
        if q.kind not in ("price", "currency"):
            if text[q.end : q.end + 1] == "/":
                return pair[0]
            if text[q.start - 1 : q.start] == "/":
                return pair[1]
        return pair[0] if subject in pair else subject

    def slash_pair(self, subjects: Sequence[Mention], text: str, before: int) -> tuple[tuple[str, str], int] | None:
        """The first two models written as "A/B" before offset `before` ("V3/R1", "Scout/Maverick"),
        members of one family, either of them by its short name; never a path ("Qwen/Qwen3-8B",
        "01-ai/Yi-1.5"). With the offset where the pair ends."""
        for m in subjects:
            if m.end >= before:
                break
            name = self.context.specific(m.name)
            if text[m.end : m.end + 1] == "/" and text[m.start - 1 : m.start] not in ("/", "-"):
                other = _SHORT_NAME.match(text, m.end + 1)
                if other and text[other.end() : other.end() + 1] != "/":
                    pair = (name, self.member_named(other.group(0), name))
                    if pair[1]:
                        return pair, other.end()
            if m.start and text[m.start - 1] == "/" and text[m.end : m.end + 1] != "/":
                other = _SHORT_NAME_BEFORE.search(text, 0, m.start - 1)
                if other and text[other.start() - 1 : other.start()] not in ("/", "-"):
                    pair = (self.member_named(other.group(0), name), name)
                    if pair[0]:
                        return pair, m.end
        return None

    def member_named(self, written: str, sibling: str) -> str:
        """The model `written` names, when it is another model of `sibling`'s family ("" if not)."""
        vocabulary = self.vocabulary
        family = vocabulary.family(sibling)
        other = vocabulary.subject(written) or (vocabulary.subject(f"{family} {written}") if family else None)
        if not other or other == sibling or family != vocabulary.family(other):
            return ""
        return other if vocabulary.subject_kind(other) == vocabulary.subject_kind(sibling) == "model" else ""

    def subject_for(
        self, q: Quantity, span: _Span, subjects: Sequence[Mention], segment: tuple[int, int] | None, text: str
    ) -> str:
        before = [m for m in subjects if m.end <= q.start]
        after = [m for m in subjects if m.start >= q.end]
        if before and _ATTACH_BEFORE.match(text[before[-1].end : q.start]):
            return self.context.specific(before[-1].name)
        if (
            before
            and q.kind == "date"
            and _DATED_AFTER.match(text[before[-1].end : q.start])
            and self.vocabulary.subject_kind(before[-1].name) not in ("organisation", "country", "region")
        ):
            return self.context.specific(before[-1].name)  # "…, and the flagship Qwen 3 suite in April 2025"
        if (
            after
            and q.scale >= 1e9
            and q.unit in ("", "parameters")
            and re.fullmatch(r"[\s\-\"“”'‘’]*", text[q.end : after[0].start])
        ):
            return after[0].name  # "the 17B-parameter Scout", "the 400B Maverick variant": the size of that model
        if (
            after
            and q.kind != "part"
            and _IN_NAME_AFTER.match(text[q.end : after[0].start])
            and (segment is not None or after[0].start - q.end < 20)
        ):
            return self.context.specific(after[0].name)
        if segment is not None:
            inside = [m for m in subjects if segment[0] <= m.start < segment[1]]
            if inside:
                return inside[0].name
            free = _FREE_SUBJECT_AFTER.match(text[q.end :])
            if free:
                return free.group(1).strip()
            # "compared with 15.1% a year ago": nobody else is named, so it is the same subject then
        opening = text.rfind("(", span.start, q.start)
        if opening >= 0 and ")" not in text[opening : q.start]:
            owner = [m for m in before if m.end <= opening and not text[m.end : opening].strip()]
            if owner:  # "Maverick (17B active/400B total, 1M context)"
                return owner[-1].name
        variant = re.search(
            r"\b([A-Z][\w.\-]*)\s+(?:variant|model|version|edition)\s*:\s*$", text[max(0, q.start - 40) : q.start]
        )
        if variant:
            resolved = self.resolve_subject(variant.group(1), span.default_subject)
            if resolved:
                return resolved
        short = re.search(r"\b([A-Z]\w{0,3}\d[\w.]*)\s*\(\s*$", text[max(0, q.start - 20) : q.start])
        if short:
            resolved = self.resolve_subject(short.group(1), span.default_subject)
            if resolved:
                return resolved
        if q.kind == "whole" and not before[-1:]:
            return "World"
        if q.kind == "whole" and re.search(r"\bworld|global", text[max(0, q.start - 20) : q.start], re.I):
            return "World"
        if q.kind == "whole" and self.vocabulary.subject_kind(span.label_subject or before[-1].name) == "country":
            return "World"
        if span.label_subject:
            return span.label_subject
        outside = [
            m
            for m in before
            if not _COMPARISON.search(text[m.end : q.start])
            and not _COMPARED_BEFORE.search(text, max(span.start, m.start - 40), m.start)
        ]
        models = [m for m in outside if self.vocabulary.subject_kind(m.name) not in ("organisation",)]
        if models or outside:
            return (models or outside)[0].name
        if span.carried_subject:
            return span.carried_subject
        if span.default_subject == DOCUMENT_SUBJECT and not span.table:
            # "an 80% probability they are running on Chinese open-source models": with nobody
            # named before the figure or above it, the sentence's first subject after it
            later = [m for m in after if m.end <= span.end]
            if later:
                return self.context.specific(later[0].name)
        return span.default_subject

    def metric_for(self, q: Quantity, span: _Span, metrics: Sequence[Mention], text: str, previous: str) -> str:
        vocabulary = self.vocabulary
        if q.unit.startswith("of top "):  # "7 of top 10 open source models on HuggingFace"
            where = _PLACES_ON.match(text, q.end, span.end)
            board = where.group(1) if where else ""
            board = vocabulary.subject(board) or board
            return f"places in the top {q.unit.removeprefix('of top ')}" + (f" on {board}" if board else "")
        inside = [m for m in metrics if m.start >= q.start and m.end <= q.end]
        if inside and q.kind != "rank":
            return self.refine(inside[-1].name, q, text, span)
        after = [m for m in metrics if m.start >= q.end and _unit_ok(q, vocabulary.metric_unit(m.name))]
        before = [m for m in metrics if m.end <= q.start and _unit_ok(q, vocabulary.metric_unit(m.name))]
        if q.kind == "rank":
            if re.search(
                r"\b(?:from|behind|than|to|below|above|after|vs\.?)\s*$", text[max(0, q.start - 10) : q.start]
            ):
                return ""  # "51 points from #1": the leader as a reference, not anybody's rank
            return self.rank_metric(q, metrics, text, span)
        if (
            q.kind == "part"
            and after
            and re.match(r"^\s*(?:of|out of)\s+(?:the\s+)?[\w'’\s]*?\d[\d,.]*\s*$", text[q.end : after[0].start])
        ):
            return self.refine(after[0].name, q, text, span)
        if after and re.match(r"^\s*(?:on|in|for|at)?\s*(?:the\s+)?$", text[q.end : after[0].start]):
            return self.refine(after[0].name, q, text, span)
        if before and re.match(r"^\s*(?::|of|=|-|\(|score of|at)?\s*$", text[before[-1].end : q.start]):
            return self.refine(before[-1].name, q, text, span)
        if previous and q.kind != "date":  # "363% vs H2 2024": the date is when, not another growth figure
            return previous
        if q.kind == "multiple":  # "18× cheaper": the words after a multiple say what it multiplies
            derived = self.metric_from_unit(q, text, span)
            if derived != "multiple":
                return derived
        if span.label_metric and _unit_ok(q, vocabulary.metric_unit(span.label_metric)):
            return self.refine(span.label_metric, q, text, span)
        if (
            span.table
            and span.default_metric
            and (q.unit in ("", "USD", "percent") or q.kind == "price")
            and not (q.unit == "" and q.scale >= 1e9 and q.kind == "number")
        ):
            return span.default_metric
        near_after = [m for m in after if m.start - q.end <= 14]
        if near_after:
            return self.refine(near_after[0].name, q, text, span)
        derived = self.metric_from_unit(q, text, span)
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
            return self.refine(near[0].name, q, text, span)
        phrase = self.phrase_metric(q, text, span)
        if phrase:
            return phrase
        if q.kind == "currency" and not span.default_metric:
            return "amount"
        if span.default_metric and q.start >= span.label_end:
            return span.default_metric
        if q.kind in ("part", "whole", "count") or q.unit not in ("",):
            noun = q.unit_text or q.unit
            countable = (noun.endswith("s") or q.unit == "people") and q.unit not in _DURATIONS
            return f"number of {noun}" if countable and q.kind in ("part", "whole", "count", "number") else ""
        return ""

    def phrase_metric(self, q: Quantity, text: str, span: _Span) -> str:
        """Outside the vocabulary, the noun phrase a figure is given for: "revenue of $4.2 billion",
        "Operating margin was 18.5%"; "up 12%" after another figure is that figure's growth. Only
        for figures that say what kind of number they are (money, a share, a multiple, a scale)."""
        if not (q.kind in ("currency", "percent", "price", "multiple") or q.scale != 1.0):
            return ""
        before = text[max(span.start, q.start - 60) : q.start]
        change = re.search(r"\b(up|down)\s*$", before, re.IGNORECASE)
        previous = next((c[3] for c in reversed(self.claims[-8:]) if c[1].kind != "date"), "")
        if change and previous:
            return f"{previous} {'growth' if change.group(1).lower() == 'up' else 'decline'}"
        m = _NOUN_PHRASE_BEFORE.search(before)
        if not m:
            return ""
        words = [w for w in m.group("np").lower().split() if w not in _NOT_METRIC_WORDS]
        while len(words) > 1 and words[0].endswith("ed"):
            words.pop(0)  # "reported revenue" → revenue
        return " ".join(words[-2:]) if words else ""

    def refine(self, metric: str, q: Quantity, text: str, span: _Span) -> str:
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
            if re.match(r"^\s*(?:parameters\s+|params\s+)?(active|activated)\b", tail) or "_per_" in q.unit:
                return "active parameters"
            if re.match(r"^\s*models?\b", tail) or q.unit == "models":
                return "model size"
        if metric in ("input price", "output price") and side:
            return f"{side.group(1)} price"
        return metric

    def rank_metric(self, q: Quantity, metrics: Sequence[Mention], text: str, span: _Span) -> str:
        boards = [m for m in metrics if m.name in ("LMArena rank", "LMArena Elo")]
        scope = (
            " open-source"
            if re.search(r"open[- ]?(?:source|weight)", text[span.start : span.end], re.IGNORECASE)
            else ""
        )
        if boards:
            return f"LMArena{scope} rank"
        row = span.default_metric
        if span.table and row and not row.endswith("rank") and not row.startswith("LMArena"):
            return f"{row} rank"  # "| Average (12 tests) | 63.2 | 3rd globally |": third on that average
        if re.search(r"\bglobal(?:ly)?\b|\boverall\b", text[q.end : q.end + 30], re.IGNORECASE):
            return f"{self.leaderboard} rank" if self.leaderboard else "global rank"
        words = re.match(r"^\s*(?:on|in|among|of)\s+(?:the\s+)?([\w\- ]{3,30}?)(?=[,.;)]|$)", text[q.end :])
        return f"{words.group(1).strip()} rank" if words else ("rank" + scope)

    def metric_from_unit(self, q: Quantity, text: str, span: _Span) -> str:
        clause = (text[span.start : span.end] + " " + span.context_words).lower()
        unit = q.unit
        if q.kind == "date":
            # The event word must lead up to the date ("launched in January 2025", "Released: 2025"),
            # not merely share its sentence ("By mid-2025, ... publicly released LLMs").
            lead = text[max(span.start, q.start - 60) : q.start] + " " + span.context_words
            if _RELEASE_WORDS.search(lead) or re.search(r"[\w.]\s*\(\s*$", text[max(0, q.start - 4) : q.start]):
                return "release date"
            # "R1 in January 2025", "the Qwen 3 suite in April 2025": a model and a date it is "in".
            close = text[max(span.start, q.start - 30) : q.start]
            if re.search(r"\bin\s*$", close) and any(
                self.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
                for m in self.vocabulary.find_subjects(close)
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
        if unit.startswith("gflops_per") or unit.startswith("flops_per"):
            return "compute per token"
        if q.kind == "price":
            # "$30/$60 per M tokens" states input and output in that order.
            if text[q.end : q.end + 2].lstrip().startswith("/"):
                return "input price"
            if text[max(0, q.start - 2) : q.start].rstrip().endswith("/"):
                return "output price"
            return "output price" if "output" in clause else "input price"
        near = text[max(0, q.start - 40) : q.start].lower()
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
                return " ".join(after.group(1).split())
        if q.kind == "ratio":
            return "ratio"
        if (
            not unit
            and q.kind == "number"
            and q.scale >= 1e9
            and re.match(r"^[\d.,]+\s?[BT](?:-[\d.,]+\s?[BT])?$", q.text)
        ):
            return (
                "model size range" if q.qualifier.value == "range" else "model size"
            )  # "Baichuan 2 (7B, 13B)": in writing about models, a bare 7B is a size
        return ""

    def with_unit(self, q: Quantity, metric: str) -> Quantity:
        """A bare figure takes its metric's unit: "671B" of total parameters is 671e9 parameters."""
        if q.unit == "models" and q.scale >= 1e9:  # "13B models": the size of each, in parameters
            return replace(q, unit="parameters")
        if q.unit in ("USD", "EUR", "CNY", "GBP") and metric.endswith(" price"):
            return replace(q, unit=f"{q.unit} per million tokens")
        if q.unit:
            return q
        unit = self.vocabulary.metric_unit(metric)
        if unit in ("score", "elo", "") or q.kind in ("part", "whole") and not unit:
            return q
        if unit == "percent" and q.scale != 1.0:
            return q
        return replace(q, unit=unit)

    # --- tables -------------------------------------------------------------------------------
    def table_row(self, block: Block) -> None:
        cells, header = block.cells, block.header
        if not cells:
            return
        self.licence_row(block)
        section_subject = self.section_subject(block.section)
        row_subject = self._cell_subject(cells[0])
        if not row_subject and header and _SUBJECT_HEADERS.match(_clean(header[0]).strip()) and cells[0].strip():
            row_subject = " ".join(_clean(cells[0]).split())
        column_subjects = [self._cell_subject(h) for h in header]
        subject_columns = sum(1 for s in column_subjects[1:] if s)
        row_metric = self._cell_metric(cells[0])
        # Models as columns, benchmarks as rows, often after a group column ("| English | MMLU (EM) |
        # 5-shot | 88.5 |"): the row's metric is the most specific label before the first model.
        first_model = next((i for i, s in enumerate(column_subjects) if i and s), 0) if subject_columns >= 2 else 0
        row_label = cells[0]
        if first_model > 1 and not row_subject:
            labelled = [
                (c, self._cell_metric(c))
                for c in cells[:first_model]
                if c.strip() and not _CELL_SETTING.match(c) and not _CELL_FIGURE.match(_clean(c))
            ]
            labelled = [(c, m) for c, m in labelled if m]
            # "Pass@1", "Acc", "Avg@4" say how a benchmark is scored, not which benchmark it is
            named_labels = [(c, m) for c, m in labelled if not _MEASURE_LABEL.match(_clean(c).strip())]
            labelled = named_labels or labelled
            in_vocabulary = [(c, m) for c, m in labelled if m in self.vocabulary.metrics]
            row_label, row_metric = (in_vocabulary or labelled or [(cells[0], row_metric)])[-1]
        named = [self._cell_subject(c) for c in cells[1:] if c and not any(ch.isdigit() for ch in c)]
        row_named = next((s for s, c in zip(named, cells[1:], strict=False) if s), "")
        for index, cell in enumerate(cells):
            column_name = header[index] if index < len(header) else ""
            if index and row_subject and _LICENCE_LABEL.match(_clean(column_name).strip()):
                offset = block.cell_offsets[index] if index < len(block.cell_offsets) else 0
                self.licence(block, " " * offset + _clean(cell), offset, row_subject)
                continue
            if index == 0 and not (row_subject and len(cells) == 1):
                continue
            if 0 < index < first_model and not row_subject:
                continue  # a label or setting column ("# Shots") before the models, not a figure
            if not any(ch.isdigit() for ch in cell):
                continue
            column = header[index] if index < len(header) else ""
            if row_subject:
                subject, metric = row_subject, self._cell_metric(column)
            elif subject_columns and column_subjects[index] if index < len(column_subjects) else False:
                subject, metric = column_subjects[index], row_metric
            elif first_model and index >= first_model and _clean(column).strip():
                # among the models' columns, a model the vocabulary does not know is still that model
                subject, metric = " ".join(_clean(column).split()), row_metric
            else:
                subject = row_named or section_subject or DOCUMENT_SUBJECT
                metric = row_metric if row_metric else self._cell_metric(column)
            offset = block.cell_offsets[index] if index < len(block.cell_offsets) else 0
            clean = " " * offset + _clean(cell)
            known = metric in self.vocabulary.metrics or metric.endswith(("context length", "price"))
            span = _Span(
                clean,
                offset,
                len(clean),
                self.context.specific(subject) if subject else DOCUMENT_SUBJECT,
                default_metric=metric,
                label_metric=metric if known else "",
                table=True,
                context_words=" ".join([*block.section[-2:], cells[0], column]),
            )
            span.label_subject = ""
            self._read_cell(block, span, row_label)

    def licence_row(self, block: Block) -> None:
        """ "| Apache 2.0 License | Qwen 3, Yi, GLM-4.5 |": a row headed by a licence alone lists, in
        a column of models, the models released under it (a compatibility matrix, a licence
        overview). Models in brackets are exceptions or asides ("(except Qwen3-Max)"), and models
        in other columns are compared with, not licensed so."""
        head = _clean(block.cells[0])
        m = _LICENCE.match(head)
        if not m or not _LICENCE_HEAD_REST.fullmatch(head[m.end() :]):
            return
        offset = block.cell_offsets[0] if block.cell_offsets else 0
        written = m.group(0).strip()
        at = offset + head.find(written)
        q = _category(_licence_name(written), at, at + len(written), written)
        quote = " | ".join(" ".join(_clean(c).split()) for c in block.cells)
        for index, cell in enumerate(block.cells[1:], start=1):
            column = _clean(block.header[index]) if index < len(block.header) else ""
            if not _MODELS_COLUMN.search(column):
                continue
            text = _clean(cell)
            for mention in self.vocabulary.find_subjects(text, unknown_models=False):
                in_brackets = text.count("(", 0, mention.start) > text.count(")", 0, mention.start)
                if not in_brackets and self.vocabulary.subject_kind(mention.name) != "organisation":
                    self.add(block, q, self.context.specific(mention.name), "license", quote)

    def _read_cell(self, block: Block, span: _Span, row_header: str) -> None:
        before = len(self.claims)
        self.read_span(block, span)
        for i in range(before, len(self.claims)):
            b, q, subject, metric, _quote = self.claims[i]
            cell_text = span.text[span.start : span.end].strip()
            quote = (
                f"{row_header.strip()} | {cell_text}"
                if row_header.strip() and row_header not in cell_text
                else cell_text
            )
            self.claims[i] = (b, q, subject, metric, quote)

    def _cell_subject(self, cell: str) -> str:
        text = _clean(cell).strip()
        if not text:
            return ""
        bare = _GENERIC_LABEL_NOUNS.sub("", re.sub(r"\s*\([^)]*\)\s*$", "", text))
        release = _RELEASE_SUFFIX.sub("", bare)  # "Kimi K2 Instruct" in a benchmark table is Kimi K2
        exact = self.vocabulary.subject(text) or self.vocabulary.subject(bare) or self.vocabulary.subject(release)
        if exact:
            return exact
        mentions = self.vocabulary.find_subjects(text)
        if mentions and mentions[0].start <= 2 and (mentions[0].end - mentions[0].start) >= len(text) * 0.5:
            return mentions[0].name
        return ""

    def _cell_metric(self, cell: str) -> str:
        text = re.sub(r"\s*\([^)]*\)\s*$", "", _clean(cell)).strip()
        text = _SCORE_WORDS.sub("", text).strip() or text  # "MMLU Score" is MMLU
        if not text or normalize_name(text) in {normalize_name(h) for h in _GENERIC_HEADERS}:
            exact = self.vocabulary.metric(_clean(cell).strip())
            return exact or ""
        exact = self.vocabulary.metric(text) or self.vocabulary.metric(_clean(cell).strip())
        if exact:
            return exact
        mentions = self.vocabulary.find_metrics(text)
        # A partial match names the metric only when it is most of the header: "MMLU 5-shot" is
        # MMLU, but "Monthly Cost" is not training cost and "Efficiency Ratio" not efficiency gain.
        if mentions and mentions[0].end - mentions[0].start >= 0.7 * len(text):
            return mentions[0].name
        if re.search(r"\(\s*\$\s*/|per (?:1)?M\b|/\s*M tokens", cell) and text.lower() in ("input", "output"):
            return f"{text.lower()} price"
        return text.lower() if not any(ch.isdigit() for ch in text) or len(text) > 3 else ""

    # --- output -------------------------------------------------------------------------------
    def add(self, block: Block, q: Quantity, subject: str, metric: str, quote: str) -> None:
        if q.kind == "date" and metric not in ("release date",) and len(str(q.value)) <= 4:
            return
        self.claims.append((block, q, subject, metric, quote))

    def finish(self) -> list[Claim]:
        seen: Counter[tuple[str, str, str]] = Counter()
        out: list[Claim] = []
        for block, q, subject, metric, quote in self.claims:
            quote = " ".join(quote.split())
            key = (subject, metric, quote + "\x1f" + q.text)
            seen[key] += 1
            claim_key = claim_id(self.document.name, subject, metric, quote + " " + q.text, seen[key])
            out.append(_block_claim(claim_key, self.document.name, block, subject, metric, q, quote))
        return out


def _block_claim(
    claim_key: str, document: str, block: Block, subject: str, metric: str, q: Quantity, quote: str
) -> Claim:
    """A figure of `block` as a claim, located at the block's line, section and page."""
    return Claim(
        id=claim_key,
        document=document,
        line=block.line,
        subject=subject,
        metric=metric,
        quantity=q,
        text=quote,
        section=" > ".join(block.section),
        page=block.page,
    )


def reading_order(claims: Iterable[Claim], vocabulary: Vocabulary) -> list[Claim]:
    """Claims as a reader meets them: by document, line and the figure's place in the line, and
    for one figure shared by several models ("K2/GLM 4.5/StepFun Step3 (Jul)") where each model
    is named. Claim ids, which are hashes, only break what is left of a tie."""
    named: dict[str, dict[str, int]] = {}

    def where_named(claim: Claim) -> int:
        if claim.text not in named:
            named[claim.text] = {}
            for mention in vocabulary.find_subjects(claim.text):
                named[claim.text].setdefault(mention.name, mention.start)
        return named[claim.text].get(claim.subject, len(claim.text))

    return sorted(claims, key=lambda c: (c.document, c.line, c.quantity.start, where_named(c), c.id))


def extract_claims(document: Document, vocabulary: Vocabulary, *, default_subject: str = "") -> list[Claim]:
    """Every numeric claim in a document, in document order.

    `default_subject` is who the figures no name claims are about: for a source, its own model
    (a DeepSeek-V3 README's unlabelled figures are DeepSeek-V3's); for a report, the document
    itself. Pure: the same document and vocabulary always give the same claims with the same ids.
    """
    extractor = _Extractor(document, vocabulary)
    extractor.run()
    claims = extractor.finish()
    if default_subject:
        claims = [replace(c, subject=default_subject) if c.subject == DOCUMENT_SUBJECT else c for c in claims]
    return claims


# "Qwen3-235B-A22B", "Llama-3.1-405B", "Qwen3-0.6B": the size a model's name states.
_SIZED_NAME = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?B(?:-A(\d+(?:\.\d+)?)B)?(?:-(?:Base|Instruct|Chat|FP8))?$", re.I)


def sizes_in_names(document: Document, vocabulary: Vocabulary) -> list[Claim]:
    """The parameter counts that model names in `document` state: a source that names
    Qwen3-30B-A3B states 30B total and 3B active parameters. Meant for sources, where the name is
    the publisher's own; in a report a name is a citation of it, not a claim."""
    found: list[Claim] = []
    seen: set[tuple[str, str]] = set()
    for block in document.blocks:
        for mention in vocabulary.find_subjects(block.text):
            size = _SIZED_NAME.search(mention.name)
            if size is None:
                continue
            for metric, figure in (("total parameters", size.group(1)), ("active parameters", size.group(2))):
                if not figure or (mention.name, metric) in seen:
                    continue
                seen.add((mention.name, metric))
                quantity = Quantity(
                    value=float(figure) * 1e9,
                    unit="parameters",
                    qualifier=Qualifier.EXACT,
                    text=mention.name,
                    start=mention.start,
                    end=mention.end,
                    scale=1e9,
                    precision=_place_value(figure) * 1e9,
                    kind="number",
                )
                quote = " ".join(block.text.split())
                claim_key = claim_id(document.name, mention.name, metric, quote, 1)
                found.append(_block_claim(claim_key, document.name, block, mention.name, metric, quantity, quote))
    return found


def _place_value(figure: str) -> float:
    return 10.0 ** -len(figure.split(".")[1]) if "." in figure else 1.0

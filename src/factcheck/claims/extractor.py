"""One pass over a document's blocks: each block read as a table row, a dated timeline entry, a
ranking or a labelled bullet or paragraph, each figure in it given a subject and a metric by the
rules in subjects.py and metrics.py, and the claims finished with stable ids."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, cached_property, partial

from factcheck.claims.categories import architecture, licence, listed_licence, prose_licence
from factcheck.claims.context import Context, Span, document_date, leaderboard, subject_of_section
from factcheck.claims.metrics import OUTDONE, announced, metric_for
from factcheck.claims.rankings import place_above, rank_item, ranking_continued, whole_top
from factcheck.claims.subjects import is_reference, joint_subject, model_family_for_top, subject_for
from factcheck.claims.tables import aligned_table_rows, read_cell_metric, read_cell_subject, table_row
from factcheck.claims.text import (
    COMPARISON,
    GENERIC_LABEL_NOUNS,
    LICENCE_LABEL,
    MARKER,
    RELEASE_WORDS,
    claim_id,
    clean_markup,
    sentence_spans,
)
from factcheck.models import DOCUMENT_SUBJECT, Block, Claim, Document, Qualifier, Quantity
from factcheck.quantities import find_quantities, may_hold_date, may_hold_quantities, parse_date
from factcheck.vocabulary import Mention, Vocabulary, normalize_name

_DIGIT = re.compile(r"\d")
_BROKEN_WORD = re.compile(r"[A-Za-z0-9]-$")

_MONTH_ONLY = re.compile(
    r"(?:\(\s*|\b(?:in|since|from|on|by)\s+|['’]s\s+(?=\w+\s+(?:release|launch|debut)))(January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
    r"(?!\.?\s*\d|\s+of\b)"
)

# "no major 2025 releases", "no new model releases in 2024": a count of none, which any release
# dated in that year contradicts; its year is part of the phrase, not a release date.
_NO_RELEASES = re.compile(
    r"\b(?:no|zero)\s+(?:(?:major|new|significant|notable|big|headline)\s+)*(?:(?P<year>(?:19|20)\d{2})\s+)?"
    r"(?:(?:model|open[- ]source|open[- ]weights?)\s+)?releases\b"
    r"(?:\s+(?:in|during|for)\s+(?P<after>(?:19|20)\d{2})\b)?",
    re.IGNORECASE,
)

_NOT_A_YEAR_OF_NONE = re.compile(r"\s+(?:are\s+|were\s+|is\s+)?(?:planned|expected|scheduled|yet|since|until)\b", re.I)

_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)

# A clause that says none: "no US model sits in the top 3", "But no American lab is shipping a 600B
# model", "not in the top 10" (not "no more than 5", "no later than May", "No. 1").
_NEGATED = re.compile(
    r"(?:(?:^|[.;:,(]\s*|\b(?:but|and|yet|so)\s+)(?:no|none\s+of|not\s+a\s+single|neither)\s+"
    r"(?!more\b|less\b|fewer\b|later\b|earlier\b|longer\b|sooner\b|\.|\d)[\w\-]+(?:[^.;,:]|\.(?=\d))*"
    r"|(?:^|[.;:,(]\s*|\b(?:but|and|yet|so)\s+|\bin\s+\w+\s+\w+\s+)no\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:models?|labs?|compan(?:y|ies)|entr(?:y|ies)|releases?|one)\b(?:[^.;,:]|\.(?=\d))*"
    r"|\bnot\s+(?:\w+\s+){0,2}?(?:in|among|within)\s+(?:the\s+)?(?:\w+\s+)?"
    r"|\boutside\s+(?:of\s+)?(?:the\s+)?)$",
    re.IGNORECASE,
)
_PRICES_OF_GOODS = frozenset({"unit price", "list price", "purchase price", "sale price"})  # no per-token prices
_NOT_YET = re.compile(r"\b(?:no|not|delayed|expected|planned|postponed|rumou?red)\b", re.IGNORECASE)
_LICENCE_SENTENCE = re.compile(r"\s*Licen[cs]e\s*:\s*", re.IGNORECASE)  # a sentence of its own: "Licence: MIT."
_TOPIC = re.compile(r"\s*(?:On|In|For|Across)\s+(?:the\s+)?(?=\S)")  # "On MMLU, …": what the paragraph scores
# How a line that goes on about the model of the line before opens: "It was trained on …", "Per the
# technical report, full training took 2.788M H800 GPU-hours"
_GOES_ON_ABOUT = re.compile(
    r"(?:It|Its|The model|This model|The same model|(?:Per|According to) (?:the|its) (?:technical )?(?:report|paper)"
    r"|The (?:technical )?(?:report|paper))\b"
)
_RUN_IN = re.compile(r"\s*(?:[-*+•]\s+)?\*\*([^*]{1,60}?)[.:]?\*\*[.:]?\s+\S")  # "**Kimi K2.** Moonshot …"


def _rejected_quote(text: str, q: Quantity) -> bool:
    """Whether the figure stands in words the writer quotes to reject ("people keep saying 'R1
    cost $5.6M' and no, …"): someone else's claim, not the document's."""
    opening = max(text.rfind(mark, 0, q.start) for mark in _QUOTE_MARKS)
    if opening < 0:
        return False
    closing = min((at for mark in _QUOTE_MARKS if (at := text.find(mark, q.end)) >= 0), default=-1)
    if closing < 0 or any(mark in text[opening + 1 : q.start] for mark in _QUOTE_MARKS):
        return False
    return bool(_SAID_BEFORE.search(text, max(0, opening - 40), opening) or _DENIED_AFTER.match(text, closing + 1))


_QUOTE_MARKS = ('"', "“", "”")
_SAID_BEFORE = re.compile(r"\b(?:keep(?:s)?\s+saying|people\s+say|claims?\s+that|the\s+myth\s+that|rumou?r)\s*$", re.I)
_DENIED_AFTER = re.compile(r"\s*(?:and\s+|but\s+)?(?:no\b|not\b|wrong|false|incorrect|is\s+a\s+myth)", re.IGNORECASE)
_COMPANY_METRIC = re.compile(r"(?:valuation|funding|revenue|headcount|employees|number of employees)\b")
_DATE_TAG = re.compile(r"-(\d{4})$")  # "DeepSeek-R1-0528", "Kimi-K2-Instruct-0905"
_SAYS_WHICH_COUNT = re.compile(r"\s*(?:active|activated|total)\b", re.IGNORECASE)  # "671B / 37B active"
_LIST_GOES_ON = re.compile(r"[^,;]{0,12}(?:,|;|,?\s+and)\s+(?:\(?[A-Z][\w.\-]*\)?\s+){1,3}(?:at\s+|with\s+|on\s+)?")
# Between a figure with its unit and the next of a list that leaves the unit out: "15 trillion
# tokens; DeepSeek-V3 used 14.8T, Kimi K2 15.5T"
_UNIT_GOES_ON = re.compile(
    r"[^,;.]{0,12}(?:,|;|,?\s+and)\s+(?:\(?[A-Z][\w.\-]*\)?\s+){1,3}"
    r"(?:(?:used|saw|consumed|processed|(?:was\s+)?trained\s+on|on|with)\s+)?"
)
_EXTENDED_TO = re.compile(r",?\s*(?:and\s+)?(?:extended|expanded|extendable|stretched|scaled)\s+to\s+", re.IGNORECASE)
_CHANGED_TO = re.compile(r"\s*(?:to|→|->)\s*")  # between a figure and what it changed to
_SIZES_GO_ON = re.compile(r"\s*(?:,|and|or|,\s*and|/)\s*")  # "8B and 70B", "7B, 13B"
# A timeline's entry: a date, a dash or colon, and the event ("2025-01-20 — DeepSeek-R1").
_TIMELINE_ENTRY = re.compile(r"\s*(?P<date>[^:—–]{4,24}?)\s*(?:—|–|:|\s-)\s+(?P<event>\S.*)$")
# What an entry says besides its names, when it says nothing else: "and", "family", a list's commas.
_NAMES_ONLY = re.compile(
    r"[\s,;&/+]*(?:(?:and|family|series|models?|suite|including|with|weights|\d+(?:\.\d+)?[BMK]?)\b[\s,;&/+]*)*"
)  # (a name's size or version the vocabulary leaves out: "OLMo 2 7B and 13B", "Falcon 180B")
_BRACKETED = re.compile(r"\([^)]*\)")


def _gaps(mentions: Sequence[Mention], length: int) -> list[tuple[int, int]]:
    """The spans of a text between and around `mentions` (in order)."""
    ends = [0, *(m.end for m in mentions)]
    starts = [*(m.start for m in mentions), length]
    return list(zip(ends, starts, strict=True))


_MONTH_LABEL = re.compile(rf"^\s*({_MONTH_NAME})\s*:\s*(\S.*)$")  # "- September: DeepSeek V2.5"

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

_NOT_A_METRIC = re.compile(
    r"\d|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^(?:q[1-4]|h[12]|"
    r"note|notes|example|status|focus|verdict|summary|source|sources|why|what|how)$",
    re.IGNORECASE,
)

_STAGE_LABEL = re.compile(r"^(?:stage|phase|step|round)\s*\d+|^S\d$|^final(?: stage)?$", re.IGNORECASE)

# Sections whose numbers are bibliographic, not claims (citations are audited separately).
_NOT_CLAIMS = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|works cited|citations|sources|resources|"
    r"further reading|table of contents|contents|footnotes|endnotes)\s*:?\s*$",
    re.IGNORECASE,
)

# A share given beside the part and whole it is of: "1,509 of 3,755 LLMs (40%)", "1,200 (32%)".
_SHARE_OF_WHOLE = re.compile(r"\(\s*$")
_OF_THE_TOTAL = re.compile(r"\s*of\s+(?:the\s+)?(?:total|whole|all|them)\b", re.IGNORECASE)
_RANK_LIST = re.compile(r"\b(?:rank\w*|leaderboard|top\s*\d+|standings)\b", re.IGNORECASE)
# A heading that ranks what is listed under it: "The Top 10", "Top 5 open models", "Rankings" (not
# "Top 3 takeaways").
_RANKING_HEADING = re.compile(
    r"\b(?:rank\w*|leaderboard|standings|top\s*\d+(?=\s*$|\s+(?:open|open-source|open-weight|models?|llms?|picks|"
    r"chinese|american|us|global|overall|systems|labs)\b))",
    re.IGNORECASE,
)

_SEGMENT_END = re.compile(r"[);\]]|,\s(?=[A-Z])|$")

_LABEL = re.compile(r"^\s*((?:[^:.!?]|\.(?=\d))(?:[^:.!?]|\.(?=\d)){0,47}?)\s*:\s+(?=\S)")  # "GLM-4.5: ..."


# A model given as an example or instrument ("using domain-specific models: Qwen2.5-Math … and
# Qwen2.5-Coder", "judged with GPT-4o") is no subject that the next sentence goes on about; the
# lead governs every name after it in its sentence (a wrong subject carried on is worse than none),
# but "with" only the name right after it ("with 119K GPU hours for …, DeepSeek-V3 costs …").
_EXAMPLE_LEAD = re.compile(
    r"\b(?:models?:|using|such as|like|including|e\.g\.|for example|via|(?:judged|graded|rated|scored) by)\s",
    re.IGNORECASE,
)
_WITH_LEAD = re.compile(r"\bwith\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)
# "A cluster of 2,048 H100s delivers …": a sentence about something it introduces is not about the
# model named in the sentence before (but "A month later it ranked #1" is).
_INTRODUCING = re.compile(
    r"\s*(?:(?:A|An)\s+(?!(?:month|week|year|day|decade|few|couple|short|little|while)\b)|(?:Any|Suppose|Imagine|Say)\s)"
)
_CHANGE_OF_ONE = re.compile(r"\b(?:reduction|increase|saving|savings|discount|cut|drop|rise)$")
# What is left of a whole that shares before split: "…, and everything else, the whole long tail, is 15%"
_THE_REST_BEFORE = re.compile(
    r"\b(?:(?:everything|everyone|all)\s+else|the\s+rest|all\s+others|the\s+remainder)\b[^.;%\d]*$", re.IGNORECASE
)


def _both_of(extractor: Extractor, subjects: Sequence[Mention], text: str, q: Quantity) -> list[str]:
    """The two models a figure is said of together: "Llama 4 Scout and Llama 4 Maverick both
    activate 17B"; [] if the sentence names no such pair right before it."""
    before = [m for m in subjects if m.end <= q.start]
    if len(before) < 2:
        return []
    first, second = before[-2], before[-1]
    if not (_PAIR_JOIN.fullmatch(text, first.end, second.start) and _BOTH.match(text, second.end)):
        return []
    return [extractor.context.specific(first.name), extractor.context.specific(second.name)]


_PAIR_JOIN = re.compile(r"\s+(?:and|&)\s+")
_BOTH = re.compile(r"\s+(?:both|each)\b")
_SET_AGAINST = re.compile(
    r"\b(?:against|versus|vs\.?|than|compared\s+(?:to|with)|like|unlike|rivals?|beats?|over|successor\s+to|since)\b",
    re.IGNORECASE,
)
_NAMES_GO_ON = re.compile(r"\s*(?:,|,?\s+and|&)?\s*(?:the\s+|its\s+|both\s+)?")
_CLASS_OF_MODELS = re.compile(r"[-\s]class\b", re.IGNORECASE)
_LIKE_A = re.compile(r"\b(?:like|than|as)\s+an?\s+$", re.IGNORECASE)  # "feels like a 70B": a model it is compared to
# Kinds of figure alike enough that one compared with another takes its metric ("$0.50 … than
# Mixtral at $2.00"), and a multiple's does not pass to a price.
_KIND_GROUP = {"price": "currency", "count": "number", "part": "number", "whole": "number"}


def _ranking_list(block: Block) -> bool:
    """A numbered list that ranks: its title says so, or the heading right above it ("## The Top 10")
    when its title only says how it is scored."""
    return bool(_RANK_LIST.search(block.list_title) or block.section and _RANKING_HEADING.search(block.section[-1]))


def _sized_by(mention: Mention, q: Quantity, text: str) -> bool:
    """Whether the figure is the size written after a model's name that makes it a sized variant."""
    return (
        mention.end <= q.start
        and not text[mention.end : q.start].strip(" -")
        and normalize_name(mention.name).endswith(normalize_name(q.text))
    )


class Extractor:
    """The state of reading one document: its vocabulary and family context, the section subjects
    found so far, the subject a section carries from bullet to bullet, and the claims read."""

    def __init__(self, document: Document, vocabulary: Vocabulary) -> None:
        self.document = document
        self.document_text = "\n".join(document.lines).lower()  # where names are looked up
        self.vocabulary = vocabulary
        self.context = Context(vocabulary, document)
        self.claims: list[tuple[Block, Quantity, str, str, str]] = []
        # Read once per document: every block asks about its section, every table row about the
        # same header cells.
        self.section_subject: Callable[[tuple[str, ...]], str] = cache(self._read_section_subject)
        self.heading_subjects: Callable[[str], list[Mention]] = cache(vocabulary.find_subjects)
        self.cell_subject: Callable[[str], str] = cache(partial(read_cell_subject, self))
        self.cell_metric: Callable[[str], str] = cache(partial(read_cell_metric, self))
        self.section_metric: Callable[[tuple[str, ...]], str] = cache(self._read_section_metric)
        self._carry: tuple[tuple[str, ...], str] = ((), "")
        self._carried_from_lead_in = False  # the carry ends at the next paragraph: a lead-in's list ends there
        # the block read last and the subject its last sentence was about, for a next line that
        # goes on about it ("It was trained on …")
        self._told_of: tuple[Block | None, str] = (None, "")
        self._last_rank: tuple[Block, int, str] | None = None  # the ranking list item just read
        self._own_ranking = ""  # the metric of the document's last ranking list ("my ranking" in prose)
        self.document_date = document_date(document)  # "2025-10", or ""
        self.document_year = self.document_date[:4]
        self._scanned: tuple[str, tuple[list[Mention], list[Mention], list[Quantity]]] = ("\0", ([], [], []))
        # Hard-wrapped prose: the lines that go on with each block, and while a block is read with
        # them, where each line starts in the joined text (figures are claims of their own line).
        self._wraps: dict[Block, list[Block]] = {}
        self._joined: list[tuple[int, Block]] = []
        self._read_wrapped: set[Block] = set()

    @cached_property
    def checkpoints(self) -> dict[str, list[str]]:
        """The models the document names with a date tag, by tag: "0905" → Kimi-K2-Instruct-0905,
        for "the 0905 checkpoint" (read on first need: it scans the whole document)."""
        tagged: dict[str, list[str]] = {}
        for mention in self.vocabulary.find_subjects("\n".join(self.document.lines)):
            tag = _DATE_TAG.search(mention.name)
            if tag and mention.name not in tagged.get(tag.group(1), []):
                tagged.setdefault(tag.group(1), []).append(mention.name)
        return tagged

    @cached_property
    def leaderboard(self) -> str:
        # Read on first need only (a global rank): it scans the whole document for metrics.
        return leaderboard(self.document, self.vocabulary)

    @property
    def own_ranking(self) -> str:
        """The metric of the document's last ranking list: what "my ranking" in prose refers to."""
        return self._own_ranking

    def ranked_item(self, block: Block, place: int, metric: str) -> None:
        """Note the ranking list item just read: the line after it may go on with the next places."""
        self._last_rank = (block, place, metric)
        self._own_ranking = metric

    def take_last_ranked_item(self) -> tuple[Block, int, str] | None:
        """The ranking list item read just before, once: only the next block may go on with it."""
        last, self._last_rank = self._last_rank, None
        return last

    # --- helpers ------------------------------------------------------------------------------
    def _read_section_subject(self, section: tuple[str, ...]) -> str:
        return subject_of_section(self.vocabulary, section, self.heading_subjects)

    def _read_section_metric(self, section: tuple[str, ...]) -> str:
        """The metric the nearest heading names, when it names one only: under "## Coding:
        SWE-bench Verified", "1. Kimi K2: 68.5%" is a SWE-bench Verified score."""
        if not section:
            return ""
        names = {m.name for m in self.vocabulary.find_metrics(section[-1])}
        # A benchmark's, scored in points or percent: a heading "Total parameters" over a list
        # of models is no unit for every bare figure in it.
        if len(names) != 1 or self.vocabulary.metric_unit(next(iter(names))) not in ("", "score", "percent", "elo"):
            return ""
        return names.pop()

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
        not_claims: dict[tuple[str, ...], bool] = {}  # by section: blocks share their headings
        self._wraps = _wrapped_lines(blocks)
        plain_text = self.document.media_type in ("application/pdf", "text/plain")  # tables set with spaces
        aligned = aligned_table_rows(self, blocks) if plain_text else {}
        for index, block in enumerate(blocks):
            if block.kind == "heading":
                continue
            if block in aligned:
                row = aligned[block]
                if row is not None:
                    table_row(self, row)
                continue
            if block.section not in not_claims:
                not_claims[block.section] = any(_NOT_CLAIMS.match(h) for h in block.section)
            if not_claims[block.section]:
                continue
            if block.kind == "table_row":
                table_row(self, block)
            elif not self.timeline_entry(block) and not self.dated_event(
                block, blocks[index + 1] if index + 1 < len(blocks) else None
            ):  # (each reads a timeline's entry, and says whether the block was one)
                ranking_continued(self, block)
                if block not in self._read_wrapped:  # else read with the line it goes on from
                    self.text_block(block)
                whole_top(self, block)
                if block.kind in ("paragraph", "bullet", "label"):
                    self.read_joined(block, partial(prose_licence, self, block))
            architecture(self, block)

    def timeline_entry(self, block: Block) -> bool:
        """A timeline's entry, a date and then what happened on it: "- 2025-01-20 — DeepSeek-R1",
        "- 2024-12: Phi-4 announced (weights followed in 2025-01)". The date is the event's of the
        models named first (a release where nothing else is said); the rest is read as any text,
        and the entry's subject is not carried on to the next entry."""
        if block.kind not in ("bullet", "numbered"):
            return False
        clean = clean_markup(block.text)
        marker = MARKER.match(clean)
        entry = _TIMELINE_ENTRY.match(clean, marker.end() if marker else 0)
        if not entry or not may_hold_date(entry.group("date")):
            return False
        found = find_quantities(entry.group("date"))
        if len(found) != 1 or found[0].kind != "date" or found[0].text != entry.group("date").strip():
            return False
        event = entry.group("event")
        head = event.split(":", 1)[0]  # "Falcon 180B (TII): 180B dense": the details after a colon
        named = [
            m
            for m in self.vocabulary.find_subjects(head)
            if self.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
            and head.count("(", 0, m.start) == head.count(")", 0, m.start)  # "(weights followed …)": an aside
        ]
        if not named:
            return False
        details = event[len(head) :]
        members = [
            m
            for m in self.vocabulary.find_subjects(details)
            if m.name not in {n.name for n in named}
            and any(
                n.name in self.vocabulary.ancestors(m.name) or normalize_name(m.name).startswith(normalize_name(n.name))
                for n in named
            )
        ]
        words = _BRACKETED.sub(" ", "".join(head[a:b] for a, b in _gaps(named, len(head))))
        if _NOT_YET.search(event):
            return False  # "- 2025-03: no new release from Mistral", "release now expected in July": read as text
        if members:
            # "We released the first MoE model of Qwen: Qwen1.5-MoE-A2.7B": the family's member
            # named after the colon is what the entry dates
            named, metric = members, "release date"
        elif announced(words):
            metric = "announcement date"
        elif RELEASE_WORDS.search(words) or _NAMES_ONLY.fullmatch(words):
            metric = "release date"
        else:
            metric = "date"  # "DeepSeek-R1 price halved": some other event of the model's
        start = block.text.find(found[0].text)
        q = replace(found[0], start=start, end=start + len(found[0].text))
        before = len(self.claims)
        self.text_block(block)
        # what reading it found at the entry's date is replaced by the entry's own claims
        self.claims[before:] = [
            c for c in self.claims[before:] if not (c[0] is block and c[1].kind == "date" and c[1].start == q.start)
        ]
        for mention in dict.fromkeys(m.name for m in named):
            self.add(block, q, self.context.specific(mention), metric, " ".join(clean.split()).lstrip("-*+• "))
        self.read_joined(block, partial(prose_licence, self, block))  # "— DeepSeek-R1 released under MIT"
        self._carry = ((), "")
        return True

    def dated_event(self, block: Block, following: Block | None) -> bool:
        """Timelines: a date on a line of its own dates the event on the next line
        ("2023-08" / "Alibaba releases Qwen-7B"), and a month label takes its year from the headings
        ("**Q3 2024:**" / "- September: DeepSeek V2.5, Baichuan 2")."""
        clean = clean_markup(block.text).strip()
        marker = MARKER.match(clean)
        body = clean[marker.end() :] if marker else clean
        # A date on a line of its own states a year: most short lines do not, and are not parsed.
        dated_line = following is not None and len(body) <= 40 and may_hold_date(body)
        found = find_quantities(body) if dated_line else []
        if (
            following is not None
            and len(found) == 1
            and found[0].kind == "date"
            and len(found[0].text) >= len(body.strip(" :*-")) - 1
        ):
            event = clean_markup(following.text)
            named = self.vocabulary.find_subjects(event)
            mentions = [
                m for m in named if self.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
            ] or named
            if mentions:
                metric = "release date" if RELEASE_WORDS.search(event) else "date"
                q = replace(
                    found[0],
                    start=block.text.find(found[0].text),
                    end=block.text.find(found[0].text) + len(found[0].text),
                )
                self.add(block, q, mentions[0].name, metric, f"{body.strip()}: {event.strip()}")
                return True
            return False
        month = _MONTH_LABEL.match(body)
        if not month:
            return False
        year = next((m.group(0) for h in reversed(block.section) for m in [_YEAR.search(h)] if m), "")
        if not year:
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
        """A bullet, label or paragraph, read sentence by sentence, with the lines that go on with
        it when the text is hard-wrapped ("a context window of" / "128K tokens")."""
        self.read_joined(block, lambda clean: self._read_text(block, clean, dates=dates))
        self._read_wrapped.update(self._wraps.get(block, []))

    def read_joined(self, block: Block, read: Callable[[str], None]) -> None:
        """`read` the block's cleaned text joined with the lines it is hard-wrapped over; a claim
        added meanwhile keeps the line its figure stands on."""
        wraps = self._wraps.get(block, [])
        if not wraps:
            read(clean_markup(block.text))
            return
        joined_at = [(0, block)]
        joined = clean_markup(block.text).rstrip()
        for line in wraps:
            # A word broken at the line's end goes on without a space: "DeepSeek-" / "R1".
            joined += "" if _BROKEN_WORD.search(joined) else " "
            joined_at.append((len(joined), line))
            joined += clean_markup(line.text).rstrip()
        self._joined = joined_at
        try:
            read(joined)
        finally:
            self._joined = []

    def _read_text(self, block: Block, clean: str, *, dates: bool) -> None:
        marker = MARKER.match(clean)
        body_start = marker.end() if marker else len(clean) - len(clean.lstrip())
        if marker:
            clean = " " * marker.end() + clean[marker.end() :]
        section_subject = self.section_subject(block.section)
        if block.kind == "paragraph" and self._carried_from_lead_in:
            self._carry, self._carried_from_lead_in = ((), ""), False
        context_words = " ".join(block.section[-2:])
        label_subject = label_metric = free_label = stage_prefix = ""
        label = _LABEL.match(clean[body_start:])
        content_start = body_start
        if label:
            label_text = label.group(1).strip()
            mentions = self.vocabulary.find_subjects(label_text)
            relative = (
                self.resolve_subject(GENERIC_LABEL_NOUNS.sub("", label_text), section_subject)
                if not mentions and section_subject
                else ""
            )
            # "Microsoft Phi-4:": of a maker and its model the label names, the model
            named = [m for m in mentions if self.vocabulary.subject_kind(m.name) != "organisation"] or mentions
            if mentions and mentions[-1].end - mentions[0].start >= len(label_text) - 12:
                label_subject = named[0].name
            elif relative:
                label_subject = relative
            else:
                label_metric = self.vocabulary.metric(label_text) or ""
                if not label_metric:
                    # the longest named ("Total GPU-hours": GPU hours, not the "total" of parameters)
                    named_metrics = self.vocabulary.find_metrics(label_text)
                    label_metric = max(named_metrics, key=lambda m: m.end - m.start).name if named_metrics else ""
                context_words += " " + label_text
                free_label = "" if label_metric or _NOT_A_METRIC.search(label_text) else label_text.lower()
                stage = _STAGE_LABEL.match(label_text)
                if stage:
                    stage_prefix = f"{stage.group(0).lower()} "
            content_start = body_start + label.end()
        if block.kind == "numbered" and block.number is not None and _ranking_list(block):
            rank_item(self, block, clean, body_start)
        licence_subject = label_subject or (
            section_subject if label and LICENCE_LABEL.match(label.group(1)) or not label else ""
        )
        if licence_subject and (label_subject or not label or LICENCE_LABEL.match(label.group(1))):
            licence(self, block, clean, content_start, licence_subject)
        default_subject = self._run_in_subject(block) or section_subject
        if not label_subject and not section_subject and self._carry[0] == block.section and block.kind != "paragraph":
            default_subject = self._carry[1]
        if label_subject:
            self._carry = (block.section, label_subject)
        elif not section_subject and self._carry[0] != block.section:
            self._carry = ((), "")
        if label_subject or default_subject:
            listed_licence(self, block, clean, content_start, label_subject or default_subject)
        lead_in = self._lead_in_subject(clean, section_subject) if block.kind == "paragraph" and not label else ""
        if lead_in:  # "Quick refresher on what K2 actually is:": the list below is about K2
            self._carry, self._carried_from_lead_in = (block.section, lead_in), True
        # No figure, month or missing release to read: splitting sentences would find nothing.
        # (Names are looked for only where a figure may be: most blocks have none.)
        no_figure = not may_hold_quantities(clean) or not self.scan(clean, section_subject)[2]
        if no_figure and not (dates and _MONTH_ONLY.search(clean)) and not _NO_RELEASES.search(clean):
            return
        carried = topic = ""
        last_block, last_subject = self._told_of
        if (
            last_block is not None
            and last_block.line + 1 == block.line
            and last_block.section == block.section
            and _GOES_ON_ABOUT.match(clean, body_start)
        ):
            carried = last_subject  # "… 1T total parameters." / "It was trained on 15.5T tokens."
        for start, end in sentence_spans(clean):
            span = Span(
                clean,
                max(start, body_start),
                end,
                default_subject or DOCUMENT_SUBJECT,
                label_metric=label_metric,
                label_subject="",  # the sentence the label opens takes it (below); the next go on by name
                context_words=context_words,
                default_metric=free_label if start <= content_start else "",
                carried_subject="" if _INTRODUCING.match(clean, max(start, body_start)) else carried,
                label_end=content_start,
                stage=stage_prefix,
                section_metric=self.section_metric(block.section) if block.kind in ("bullet", "numbered") else "",
                topic_metric=topic,
            )
            opening = _TOPIC.match(clean, max(start, body_start))
            if topic and any(m.name != topic for m in self.scan(clean, section_subject)[1] if start <= m.start < end):
                topic = ""  # the sentence names another measure: the paragraph's benchmark is left behind
            if opening:  # "On MMLU, open models passed …. … cited Mixtral 8x7B at 70.6": the paragraph's benchmark
                topics = [
                    m.name
                    for m in self.scan(clean, section_subject)[1]
                    if m.start == opening.end() and self.vocabulary.metric_unit(m.name) in ("", "score", "percent")
                ]
                topic = topics[0] if topics else topic
            named = [
                m
                for m in self.scan(clean, section_subject)[0]
                if span.start <= m.start
                and m.end <= end
                and self.vocabulary.subject_kind(m.name) != "organisation"
                and not is_reference(clean, m, span.start)
            ]
            subject_named = [
                m
                for m in named
                if not _EXAMPLE_LEAD.search(clean, max(start, body_start), m.start)
                and not _WITH_LEAD.search(clean, max(start, body_start, m.start - 30), m.start)
            ]
            carried = subject_named[0].name if subject_named else "" if named else carried
            if carried and carried in self.vocabulary.ancestors(default_subject):
                carried = default_subject  # "**Kimi K2.** Moonshot AI's model …. It was trained …": still Kimi K2
            if start < content_start < end and label_subject:
                span.label_subject = label_subject
            inline = _LICENCE_SENTENCE.match(clean, max(start, body_start)) if start > content_start else None
            if inline and (carried or default_subject):
                # "… on 512 H800 GPUs over three weeks. Licence: MIT.": of the model the text is about
                licence(self, block, clean[:end], inline.end(), carried or default_subject)
            self.read_span(block, span, dates=dates)
        self._told_of = (block, carried or (default_subject if default_subject != section_subject else ""))

    def _lead_in_subject(self, clean: str, section_subject: str) -> str:
        """The one model the last sentence of a paragraph that ends in a colon names: what the list
        it leads in to is about ("Quick refresher on what K2 actually is:"), or ""."""
        if not clean.rstrip().endswith(":"):
            return ""
        start, end = sentence_spans(clean)[-1]
        names = {
            self.context.specific(m.name)
            for m in self.scan(clean, section_subject)[0]
            if start <= m.start
            and m.end <= end
            and m.known  # not a benchmark's name that looks like a model's ("MT-AIME2024")
            and not _SET_AGAINST.search(clean, start, m.start)  # "pitched directly against Kimi K2:"
            and self.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
        }
        return next(iter(names)) if len(names) == 1 else ""

    def _run_in_subject(self, block: Block) -> str:
        """The model a paragraph's run-in heading names ("**Kimi K2.** Moonshot AI's model …"): the
        paragraph's subject, as a heading's is its section's, where nothing more specific is named."""
        lead = _RUN_IN.match(block.text)
        if not lead:
            return ""
        names = {
            m.name
            for m in self.vocabulary.find_subjects(lead.group(1))
            if self.vocabulary.subject_kind(m.name) not in ("organisation", "country", "region")
        }
        names -= {family for name in names for family in self.vocabulary.ancestors(name)}
        return next(iter(names)) if len(names) == 1 else ""

    # --- spans --------------------------------------------------------------------------------
    def read_span(self, block: Block, span: Span, *, dates: bool = True) -> None:
        text = span.text[: span.end]
        all_subjects, all_metrics, all_quantities = self.scan(span.text, self.section_subject(block.section))
        subjects = [m for m in all_subjects if span.start <= m.start and m.end <= span.end]
        metrics = [m for m in all_metrics if span.start <= m.start and m.end <= span.end]
        absent = list(_NO_RELEASES.finditer(text, span.start))
        quantities = [
            q
            for q in all_quantities
            if span.start <= q.start
            and q.end <= span.end
            and (dates or q.kind != "date")
            and not any(m.start() <= q.start < m.end() for m in absent)
        ]
        for m in absent:
            self.no_releases(block, span, text, subjects, m)
        comparisons = [
            (
                m.start(),
                m.end()
                + (
                    _SEGMENT_END.search(text, m.end()).start()  # type: ignore[union-attr]
                    - m.end()
                ),
            )
            for m in COMPARISON.finditer(text, span.start)
        ]
        previous_metric = whole_metric = previous_kind = first_subject = ""
        first_end = 0  # where the span's first figure outside a comparison ends
        last: tuple[Quantity, str, str] | None = None  # the figure read before, its subject and metric
        last_unit = ""  # and the unit its metric gave it
        for q in quantities:
            if _CLASS_OF_MODELS.match(text, q.end) or q.scale >= 1e9 and _LIKE_A.search(text, span.start, q.start):
                continue  # "ahead of many 70B-class models", "feels like a 70B": others, nobody's figure
            if _NEGATED.search(text, max(span.start, q.start - 60), q.start):
                continue  # "no US model sits in the top 3", "no American lab ships a 600B-plus model"
            if _rejected_quote(text, q):
                continue  # 'People keep saying "R1 cost $5.6M" and no, that number is the V3 base run
            in_comparison = next(((a, b) for a, b in comparisons if a <= q.start < b), None)
            subject = subject_for(self, q, span, subjects, in_comparison, text)
            alike = _KIND_GROUP.get(q.kind, q.kind) == _KIND_GROUP.get(previous_kind, previous_kind)
            metric = metric_for(self, q, span, metrics, text, previous_metric if in_comparison and alike else "")
            if last is not None and last[0].unit == q.unit and last[0].kind == q.kind != "date":
                between = text[last[0].end : q.start]
                if _CHANGED_TO.fullmatch(between) and last[2]:
                    metric = last[2]  # "lifted AIME 2024 from 79.8 to 91.4": the same measure, later
                elif not metric and q.kind == "percent" and last[2] and _LIST_GOES_ON.fullmatch(between):
                    metric = last[2]  # "Qwen had a 41% share, Llama 23% and DeepSeek 8%": each a share
                elif (
                    _SIZES_GO_ON.fullmatch(between)
                    and last[2] == "model size"
                    and not q.unit
                    and metric in ("", "model size", "total parameters")
                    and not _SAYS_WHICH_COUNT.match(text, q.end)
                ):
                    subject, metric = last[1], last[2]  # "Llama 3 8B and 70B": sizes of one family
            if (
                last is not None
                and last_unit == "tokens"
                and q.kind == "number" == last[0].kind
                and not q.unit
                and q.scale >= 1e9
                and _UNIT_GOES_ON.fullmatch(text[last[0].end : q.start])
            ):
                metric = last[2]  # "saw 15 trillion tokens; DeepSeek-V3 used 14.8T": tokens too, not parameters
            elif (
                last is not None
                and last_unit == "tokens"
                and q.kind == "number" == last[0].kind
                and not q.unit
                and _EXTENDED_TO.fullmatch(text[last[0].end : q.start])
            ):
                metric = "extended context length"  # "a native 32,768 tokens, extended to 131,072 with YaRN"
            if q.kind == "percent" and whole_metric and _SHARE_OF_WHOLE.search(text, max(0, q.start - 10), q.start):
                metric = "share of " + whole_metric.removeprefix("number of ")  # "1,509 of 3,755 LLMs (40%)"
            elif q.kind == "percent" and whole_metric and _OF_THE_TOTAL.match(text, q.end):
                metric = "share of " + whole_metric.removeprefix("number of ")  # "300 of 3,755, or 8% of the total"
            if q.kind == "number" and any(_sized_by(m, q, text) for m in subjects):
                metric = "model size"  # "Falcon 180B was trained on …": the size its name gives it
            if q.kind == "percent" and _THE_REST_BEFORE.search(text, max(span.start, q.start - 80), q.start):
                subject, metric = DOCUMENT_SUBJECT, "share of the rest"  # "and everything else … is about 15%"
            if q.kind == "whole" and metric:
                whole_metric = metric
            if metric and span.stage and not metric.startswith(span.stage) and q.kind != "date":
                metric = span.stage + (metric.replace("S1", "").strip())
            if not subject or not metric:
                continue
            if (
                q.kind == "percent"
                and first_subject
                and _CHANGE_OF_ONE.search(metric)
                and any(first_end <= a < q.start for a, _ in comparisons)
            ):
                # "Kimi K2's $0.60 against Claude Sonnet 4's $3.00 is a 90% saving": the change is of
                # the figure the comparison starts from, not of the one compared with
                subject = first_subject
            if not first_subject and not in_comparison:
                first_subject, first_end = subject, q.end
            if not in_comparison:
                previous_metric, previous_kind = metric, q.kind
            last = (q, subject, metric)
            quote = text[span.start : span.end].strip()
            q = self.with_unit(q, metric)
            last_unit = q.unit
            subject = joint_subject(self, subject, q, subjects, text)
            # the figure of several models: "OpenAI's reply came on Aug 5, 2025, when it published
            # gpt-oss-120b and gpt-oss-20b", "Scout and Maverick both activate 17B"
            released = self._released_after(q, metric, subject, subjects, text, span.end) or _both_of(
                self, subjects, text, q
            )
            if released:
                for model in released:
                    self.add(block, q, model, metric, quote)
                continue
            named = any(span.start <= m.start < q.start for m in subjects)
            self.add(block, q, model_family_for_top(self, subject, q, text, named), metric, quote)
            if q.kind == "rank" and isinstance(q.value, float) and q.value > 1:
                place_above(self, block, q, metric, text, subjects, quote)
        if dates:
            self.month_releases(block, span, text, subjects, quantities)

    def _released_after(
        self, q: Quantity, metric: str, subject: str, subjects: Sequence[Mention], text: str, end: int
    ) -> list[str]:
        """The models a maker's release date is of, when the release verb and its models follow the
        date ("came on Aug 5, 2025, when it published gpt-oss-120b and gpt-oss-20b"); [] if none."""
        if metric != "release date" or self.vocabulary.subject_kind(subject) != "organisation":
            return []
        verb = RELEASE_WORDS.search(text, q.end, min(end, q.end + 40))
        if verb is None:
            return []
        models: list[str] = []
        at = verb.end()
        for m in subjects:
            if m.start < at or self.vocabulary.subject_kind(m.name) != "model":
                continue
            if not _NAMES_GO_ON.fullmatch(text, at, m.start):
                break
            models.append(self.context.specific(m.name))
            at = m.end
        return models

    def month_releases(
        self, block: Block, span: Span, text: str, subjects: Sequence[Mention], quantities: Sequence[Quantity]
    ) -> None:
        """Releases dated by month alone ("Qwen3 (Apr)", "Llama 4, released in April"): the year comes
        from the nearest year stated before them in the block, else from the headings, else from the
        document's own date. Without a year in sight there is no claim."""
        taken = [(q.start, q.end) for q in quantities]
        for m in _MONTH_ONLY.finditer(text, span.start):
            if any(a <= m.start(1) < b for a, b in taken):
                continue
            month = parse_date(f"{m.group(1)} 2000")
            year = self.year_context(block, text[: m.start()], month=int(str(month.value)[5:7]) if month else 0)
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
                opener.lstrip().startswith(("(", "'", "’")) or RELEASE_WORDS.search(lead) or opener.strip() == "in"
            ):
                continue
            if opener.strip() == "in" and not RELEASE_WORDS.search(lead) and OUTDONE.search(lead):
                continue  # "Mistral Small 3.1 finished ahead of gpt-oss-20b in June": when it won, no release
            dated = parse_date(f"{m.group(1)} {year}")
            if dated is None:
                continue
            q = replace(dated, text=m.group(1), start=m.start(1), end=m.end(1))
            # "Microsoft announced it in December and the weights came out in January"
            metric = "announcement date" if announced(lead) else "release date"
            for subject in dict.fromkeys(s.name for s in group):
                self.add(block, q, subject, metric, text[span.start : span.end].strip())

    def no_releases(self, block: Block, span: Span, text: str, subjects: Sequence[Mention], m: re.Match[str]) -> None:
        """ "Mistral fading with no major 2025 releases": none released that year, by the name
        before the phrase (else the span's subject). The year is the phrase's own, else one
        stated before it or in the headings; never the document's date, and never for releases
        still to come or counted since an event ("no releases planned", "since GPT-2")."""
        if _NOT_A_YEAR_OF_NONE.match(text, m.end()):
            return
        year = (
            m.group("year") or m.group("after") or self.year_context(block, text[span.start : m.start()], dated=False)
        )
        named = [s.name for s in subjects if s.end <= m.start()]
        subject = named[-1] if named else span.label_subject or span.default_subject
        if not year or not subject or subject == DOCUMENT_SUBJECT:
            return
        q = Quantity(
            0.0, "releases", Qualifier.EXACT, m.group(0), m.start(), m.end(), unit_text="releases", kind="count"
        )
        self.add(block, q, subject, f"releases in {year}", text[span.start : span.end].strip())

    def year_context(self, block: Block, before: str, *, dated: bool = True, month: int = 0) -> str:
        """The year last stated before a figure, else in the headings, else (when `dated`) the
        document's own year: the year before it for a `month` later than the document's ("in
        December", said in October 2025, was December 2024)."""
        years: list[str] = _YEAR.findall(before)
        if years:
            return years[-1]
        for heading in reversed((*block.section, *block.header[:1], *block.cells[:1])):
            found = _YEAR.search(heading)
            if found:
                return found.group(0)
        if not dated or not self.document_year:
            return ""
        if month and len(self.document_date) == 7 and month > int(self.document_date[5:]):
            return str(int(self.document_year) - 1)
        return self.document_year

    def scan(self, text: str, section_subject: str = "") -> tuple[list[Mention], list[Mention], list[Quantity]]:
        """Names and numbers of a whole block, found once and shared by its sentences; "the 405B
        model" with no name before it is the section's model of that size."""
        if self._scanned[0] != text:
            subjects = self.vocabulary.find_subjects(text)
            if section_subject and "B " in text:
                subjects = self.vocabulary.sized_references(text, section_subject, subjects)
            metrics = self.vocabulary.find_metrics(text)
            # Only names with digits in them hide numbers ("Llama 4", "AIME 2024"); "total params" does not.
            skip = [(m.start, m.end) for m in subjects + metrics if _DIGIT.search(text, m.start, m.end)]
            self._scanned = (text, (subjects, metrics, find_quantities(text, skip)))
        return self._scanned[1]

    def with_unit(self, q: Quantity, metric: str) -> Quantity:
        """A bare figure takes its metric's unit: "671B" of total parameters is 671e9 parameters."""
        if q.unit == "models" and q.scale >= 1e9:  # "13B models": the size of each, in parameters
            return replace(q, unit="parameters")
        if q.unit in ("USD", "EUR", "CNY", "GBP") and metric.endswith(" price") and metric not in _PRICES_OF_GOODS:
            return replace(q, unit=f"{q.unit} per million tokens")
        if q.unit:
            return q
        if metric == "rank" and q.kind == "number" and isinstance(q.value, float) and q.value.is_integer():
            return replace(q, unit="rank", kind="rank")  # a "Rank" column's "1"
        # "model size" is no entry of its own but an alias: of total parameters, counted in parameters
        unit = (
            self.vocabulary.metric_unit(metric)
            or self.vocabulary.metric_unit(self.vocabulary.metric(metric) or "")
            or self.vocabulary.metric_unit(metric.partition(" ")[2])  # "dense model size range": its head's
        )
        if unit in ("score", "elo", "") or q.kind in ("part", "whole") and not unit:
            return q
        if unit == "percent" and q.scale != 1.0:
            return q
        return replace(q, unit=unit)

    # --- output -------------------------------------------------------------------------------
    def add(self, block: Block, q: Quantity, subject: str, metric: str, quote: str) -> None:
        if q.kind == "date" and metric not in ("release date",) and len(str(q.value)) <= 4:
            return
        if _COMPANY_METRIC.match(metric) and self.vocabulary.subject_kind(subject) == "model":
            # "| Moonshot AI | … | $3.3B |": a valuation is the maker's, not the one model of it the
            # document names (what a family named alone stands for elsewhere)
            subject = (self.vocabulary.ancestors(subject) or [subject])[-1]
        if self._joined:  # read in wrapped lines: the claim of the line where its figure stands
            offset, block = next((o, b) for o, b in reversed(self._joined) if o <= q.start)
            q = replace(q, start=q.start - offset, end=q.end - offset)
        self.claims.append((block, q, subject, metric, quote))

    def finish(self) -> list[Claim]:
        seen: Counter[tuple[str, str, str]] = Counter()
        out: list[Claim] = []
        for block, q, subject, metric, quote in _active_above_total_swapped(self.claims):
            quote = " ".join(quote.split())
            key = (subject, metric, quote + "\x1f" + q.text)
            seen[key] += 1
            claim_key = claim_id(self.document.name, subject, metric, quote + " " + q.text, seen[key])
            out.append(block_claim(claim_key, self.document.name, block, subject, metric, q, quote))
        return out


def _active_above_total_swapped(
    claims: list[tuple[Block, Quantity, str, str, str]],
) -> list[tuple[Block, Quantity, str, str, str]]:
    """A sentence that gives one model a total and an active parameter count the wrong way round
    ("3.2% of Kimi K2's 1 trillion parameters active for each token (32 billion)") means them the
    other way: no model activates more parameters than it has."""
    by_sentence: dict[tuple[int, str, str], list[int]] = {}
    for i, (block, _q, subject, metric, quote) in enumerate(claims):
        if metric in ("total parameters", "active parameters"):
            by_sentence.setdefault((block.line, subject, quote), []).append(i)
    out = list(claims)
    for indexes in by_sentence.values():
        totals = [i for i in indexes if claims[i][3] == "total parameters"]
        actives = [i for i in indexes if claims[i][3] == "active parameters"]
        if len(totals) == len(actives) == 1:
            (t,), (a,) = totals, actives
            if float(claims[a][1].value) > float(claims[t][1].value):
                out[t] = (*claims[t][:3], "active parameters", claims[t][4])
                out[a] = (*claims[a][:3], "total parameters", claims[a][4])
    return out


def _wrapped_lines(blocks: Sequence[Block]) -> dict[Block, list[Block]]:
    """For each block that hard-wrapped lines go on from: those lines in order. (Keyed by block,
    not line: a page's text may put two blocks on one line of its source.)"""
    wraps: dict[Block, list[Block]] = {}
    head: Block | None = None
    for block in blocks:
        if block.wrapped and head is not None:
            wraps.setdefault(head, []).append(block)
        elif block.kind in ("paragraph", "bullet", "label", "numbered"):
            head = block
        else:
            head = None
    return wraps


def block_claim(
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

"""What surrounds a figure: the span it is read in (sentence or cell, with its default subject
and metric), the models of each family a document mentions, its leaderboard and its year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from factcheck.models import Document
from factcheck.quantities import find_quantities
from factcheck.vocabulary import Mention, Vocabulary


@dataclass
class Context:
    """What one document tells about names: which models of a family it mentions."""

    vocabulary: Vocabulary
    document: Document

    @cached_property
    def members(self) -> dict[str, set[str]]:
        # Read on first need only: it scans the whole document, and many documents name no family
        # alone.
        return family_members(self.document, self.vocabulary)

    def specific(self, subject: str) -> str:
        """A family named alone stands for its only model mentioned in the document ("MiniMax 1M")."""
        if self.vocabulary.subject_kind(subject) != "family":
            return subject
        models = self.members.get(subject, set())
        return next(iter(models)) if len(models) == 1 else subject


def leaderboard(document: Document, vocabulary: Vocabulary) -> str:
    """The leaderboard a document ranks models on, when it names one: "Top 3 globally" in a report
    about LMArena is an LMArena rank."""
    boards = Counter(m.name for m in vocabulary.find_metrics(document.text) if m.name.startswith("LMArena"))
    return "LMArena" if boards else ""


def document_date(document: Document) -> str:
    """The month the document is dated ("2025-10"), from a full date among its first lines
    ("Date: 9 October 2025"); "" when none is."""
    for line in document.lines[:12]:
        for q in find_quantities(line):
            if q.kind == "date" and re.match(r"\d{4}-\d\d", str(q.value)):  # not "2025-H1", "2025-Q3"
                return str(q.value)[:7]
    return ""


def family_members(document: Document, vocabulary: Vocabulary) -> dict[str, set[str]]:
    members: dict[str, set[str]] = {}
    for mention in vocabulary.find_subjects(document.text, unknown_models=False):
        for family in vocabulary.ancestors(mention.name)[-1:]:
            members.setdefault(family, set()).add(mention.name)
    return members


def _heading_subject(vocabulary: Vocabulary, found: list[Mention]) -> str:
    mentions = [m for m in found if vocabulary.subject_kind(m.name) != "organisation"] or found
    return mentions[0].name if mentions else ""


def subject_of_section(
    vocabulary: Vocabulary, section: tuple[str, ...], find: Callable[[str], list[Mention]] | None = None
) -> str:
    """The innermost heading that names a subject; outer headings count only for models and families
    ("Technical Innovations from Chinese Models" does not make every figure below it about China).
    `find` gives a heading's subject mentions (by default vocabulary.find_subjects); the extractor
    passes one that remembers them, since every section repeats the headings around it."""
    find = find or vocabulary.find_subjects
    for depth, heading in enumerate(reversed(section)):
        found = find(heading)
        subject = _heading_subject(vocabulary, found)
        if not subject:
            continue
        models = {m.name for m in found if vocabulary.subject_kind(m.name) != "organisation"}
        models -= {family for name in models for family in vocabulary.ancestors(name)}  # "Kimi K2 (Moonshot AI)"
        if depth and depth == len(section) - 1 and len(models) > 1:
            continue  # "# Kimi K2 and GLM-4.5 and the Race …": a title that compares is nobody's section
        if depth == 0 or vocabulary.subject_kind(subject) not in ("country", "region"):
            return subject
        mention = found[0]
        if mention.end - mention.start >= 0.6 * len(heading.strip()):  # "### Chinese Market" is about China
            return subject
    return ""


@dataclass
class Span:
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
    section_metric: str = ""  # the one metric the nearest heading names ("## Coding: SWE-bench Verified")
    topic_metric: str = ""  # the benchmark an earlier sentence opened with ("On MMLU, …")

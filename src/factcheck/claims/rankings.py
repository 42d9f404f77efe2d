"""Ranking lists and top-N statements: "1. Kimi K2" as a rank, a list that goes on with "then",
"2nd (below Gemini 2.5 Pro)" placing the other model above, and "Top 10 … use Qwen" as places
in a top N."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.claims.context import Span
from factcheck.claims.metrics import metric_for
from factcheck.claims.text import MARKER, clean_markup
from factcheck.models import DOCUMENT_SUBJECT, Block, Qualifier, Quantity
from factcheck.vocabulary import Mention

if TYPE_CHECKING:
    from factcheck.claims.extractor import Extractor

_RANKING_GOES_ON = re.compile(r"^\s*(?:[-*•]\s*)?(?:\.{2,}|…)?\s*(?:and\s+)?(?:then|followed by|next)\b[\s:,]*", re.I)

_ONLY_SEPARATORS = re.compile(r"(?:[\s,;.&/…]|\band\b|\bor\b|\([^()]*\))*", re.IGNORECASE)

_CLAUSE = re.compile(r"[^.;:!?]*")

# "Top 10 models on HuggingFace use Qwen base": every place of a top N taken by what follows.
_ALL_OF_TOP = re.compile(
    r"\s*(?:all\s+(?:of\s+)?)?(?:the\s+)?(?P<top>top[- ](?P<n>\d{1,3}))\s+[\w\s\-]{0,50}?\s+(?:all\s+)?"
    r"(?:use|run on|are built on|are based on|build on|are fine-tuned from|derive from)\s+",
    re.IGNORECASE,
)


def rank_item(extractor: Extractor, block: Block, clean: str, body_start: int) -> None:
    item = clean[body_start:]
    mentions = extractor.vocabulary.find_subjects(item)
    if mentions and mentions[0].start <= 2:
        subject = extractor.context.specific(mentions[0].name)
    else:  # an entry the vocabulary does not know is named by its leading words: "8. Grok 3 (xAI)"
        lead = re.match(r"\s*([^(:–—;,]{2,40}?)\s*(?:[(:–—;,]|$| - )", item)
        if not lead or not lead.group(1)[0].isupper():
            return
        subject = lead.group(1).strip()
    board = next(
        (
            m.name
            for heading in (block.list_title, *reversed(block.section))
            for m in extractor.vocabulary.find_metrics(heading)
            if m.name.startswith("LMArena")
        ),
        "",
    )
    board = board or next((m.name for m in extractor.vocabulary.find_metrics(block.list_title)), "")
    metric = board if board.endswith("rank") else (f"{board} rank" if board else "rank")
    marker = MARKER.match(block.text)
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
    extractor.add(block, rank, subject, metric, block.text.strip())
    extractor.ranked_item(block, int(block.number or 0), metric)


def whole_top(extractor: Extractor, block: Block) -> None:
    """ "Top 10 models on HuggingFace use Qwen base": all ten places belong to what they use, the
    same measure as "powers 7 of top 10" elsewhere. The top 10 is then no rank of HuggingFace's."""
    clean = clean_markup(block.text)
    marker = MARKER.match(clean)
    m = _ALL_OF_TOP.match(clean, marker.end() if marker else 0)
    if not m:
        return
    clause = _CLAUSE.match(clean, m.end())
    owners = [
        mention
        for mention in extractor.vocabulary.find_subjects(clause.group(0) if clause else "")
        if extractor.vocabulary.subject_kind(mention.name) not in ("organisation", "country", "region")
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
        unit_text=f"of top {top}",
    )
    extractor.claims = [
        c for c in extractor.claims if not (c[0] is block and c[1].kind == "rank" and c[1].start == start)
    ]
    span = Span(clean, 0, len(clean), DOCUMENT_SUBJECT)
    metric = metric_for(extractor, q, span, [], clean, "")
    extractor.add(block, q, extractor.context.specific(owners[0].name), metric, " ".join(clean.split()))


def ranking_continued(extractor: Extractor, block: Block) -> None:
    """ "1. Kimi K2 … 4. DeepSeek R1" then "...then Google Gemma, Meta Llama": a line right after
    a ranking list that goes on with "then" names the next places in order (5th, 6th). Only a
    line of names: "Next, we compare Qwen3 and Llama 4 on cost" goes on with something else."""
    last = extractor.take_last_ranked_item()
    if last is None or block.kind == "numbered" or block.line != last[0].line + 1:
        return
    clean = clean_markup(block.text)
    then = _RANKING_GOES_ON.match(clean)
    if not then:
        return
    names = clean[then.end() :]
    mentions = extractor.vocabulary.find_subjects(names)
    leftover = "".join(
        names[a:b]
        for a, b in zip([0, *(m.end for m in mentions)], [*(m.start for m in mentions), len(names)], strict=True)
    )
    if not mentions or not _ONLY_SEPARATORS.fullmatch(leftover):
        return
    place = last[1]
    for mention in mentions:
        if extractor.vocabulary.subject_kind(mention.name) in ("organisation", "country", "region"):
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
        extractor.add(block, rank, extractor.context.specific(mention.name), last[2], block.text.strip())


def place_above(
    extractor: Extractor, block: Block, q: Quantity, metric: str, text: str, subjects: Sequence[Mention], quote: str
) -> None:
    """ "2nd globally (below Gemini 2.5 Pro)": the model named as the one above holds the place
    before. Stated only by implication, it is still what a reader takes from the sentence."""
    m = re.match(r"^[\w\s]{0,20}?\(?\s*(?:below|behind|after|trailing)\s+", text[q.end : q.end + 40])
    if not m:
        return
    above = next((s for s in subjects if s.start == q.end + m.end()), None)
    if above is not None:
        implied = replace(q, value=float(q.value) - 1)
        extractor.add(block, implied, above.name, metric, quote)

"""Whose figure it is: a name attached to it, the model a slash pair or a top-N count belongs to,
the label, row or column, the first name in its sentence (not one it is compared with), the
bullet before it, or the heading above it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.claims.context import Span
from factcheck.claims.text import COMPARISON
from factcheck.models import DOCUMENT_SUBJECT, Quantity
from factcheck.vocabulary import Mention, normalize_name

if TYPE_CHECKING:
    from factcheck.claims.extractor import Extractor

_SHORT_NAME_BEFORE = re.compile(r"(?<![\w.\-])[A-Za-z][\w.\-]*\w$")

_SIZE_BEFORE_NAME = re.compile(
    r"[\s\-\"“”'‘’]*(?:(?:smaller|larger|bigger|sibling|variant|flagship|model|version)[\s\"“”'‘’]+)*"
)  # "the 17B-parameter Scout", "the 21B sibling gpt-oss-20b"
_THE_ORIGINAL = re.compile(r"[;,]\s+the\s+(?:original|earlier|previous|older|first)\s+(?:[\w\-]+\s+){0,6}$", re.I)
_OWNER_IN_BRACKETS = re.compile(r"\s*\(\s*")
_CHANGED_FROM = re.compile(r"\bfrom\s+[$€£¥~]?\d(?:[^.;]|\.(?=\d))*?\s(?:to|->|→)\s*[$€£¥~]?$")
_POSSESSIVE = re.compile(r"['’]s\s")
_MAKERS_MODEL = re.compile(
    r"['’]s\s+(?:\w+\s+){0,2}?(?:model|flagship|release|system|LLM|report|paper|model card|blog post)\b", re.IGNORECASE
)  # "Moonshot AI's model …", "Moonshot's report puts pre-training at …"
_CHECKPOINT = re.compile(
    r"\b(?:the\s+)?(?!(?:19|20)\d\d\b)(\d{4})\s+(?:checkpoint|version|update|release|refresh|snapshot)\b", re.I
)  # a date tag, not a year ("the original December 2024 release")
_CHECKPOINT_NAMED = re.compile(r"[A-Z][\w.]*-[\w.\-]*\d")  # another model named between tag and figure
# A model named by its short name after a slash: "R1" in "V3/R1 variants", "Maverick".
_SHORT_NAME = re.compile(r"[A-Za-z][\w.\-]*[\w]")

_FREE_SUBJECT_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:in|for|among)\s+(?:the\s+)?((?:[A-Z][\w\-]*\s?){1,3}(?:[a-z]+)?|[a-z][\w\-]+(?:\s+[a-z][\w\-]+)?)"
)

# A variant named in brackets after a figure, in the same clause: "#2 on LMArena (Maverick variant)".
_VARIANT_ASIDE = re.compile(r"[^(),;.]{0,40}?\(\s*(?:the\s+)?([A-Z][\w.\-]*)\s+(?:variant|model|version|edition)\s*\)")
# "1 million downloads on Hugging Face": where the figure was counted, not whose it is.
_PLATFORMS = frozenset({"Hugging Face", "GitHub", "ModelScope", "LMArena"})
_ON_PLATFORM = re.compile(r"\b(?:on|at|via|from)\s+(?:the\s+)?$")
_IN_NAME_AFTER = re.compile(
    r"^\s*(?:[A-Za-z%]+\s+){0,2}?(?:in|for|by|from|with|of|on)\s+(?:the\s+|all\s+)?$", re.IGNORECASE
)  # "29 in Qwen 2.5", "100,000+ models built on Qwen"

# "spent $78 million to train ChatGPT-4o", "$5.6M for training DeepSeek-V3": the money is the
# model's, not the payer's named before it
_SPENT_ON = re.compile(
    r"^\s*(?:to|for|on)\s+(?:train|training|pre-?train(?:ing)?|develop(?:ing)?|build(?:ing)?)\s+(?:the\s+|its\s+)?$",
    re.IGNORECASE,
)

# "… twice as large as Orion-7B, which has 7 billion parameters": the clause is about the name it follows.
_RELATIVE_CLAUSE = re.compile(r"^\s*,\s*(?:which|who)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_DATED_AFTER = re.compile(r"^\s*(?:suite|family|series|models?|variants?|release|launch)?\s*(?:in|on|by)\s*$", re.I)

# A name that something is measured against or built from is not what the sentence is about:
# "Compared to Llama, Qwen 3 offers ...", "downloads from Chinese labs surpassed those from the
# United States", "developed based on our previous MiniMax-Text-01 model".
_COMPARED_BEFORE = re.compile(
    r"\b(?:compared (?:to|with)|consistent with|(?:similar|identical) (?:[\w\-]+ )?to|(?:the )?same (?:[\w\-]+ )?as|"
    r"in line with|than|vs\.?|versus|against|unlike|"
    r"surpass\w*|outpac\w*|overt(?:ak\w*|ook)|outperform\w*|ahead of|trail\w*|lags?\s+behind|falls?\s+behind|"
    r"matching|rivall?ing|on (?:a )?par with|comparable (?:to|with)|competitive with|"
    r"(?:successor|follow-up|predecessor|replacement)s?\s+(?:to|of|for)|"
    r"(?:based|built|developed)\s+(?:up)?on\s+(?:our|its|their)\s+(?:previous|earlier|prior)?)"
    # the maker of the model compared with may stand before it: "matching OpenAI's o1"
    r"\s+(?:the\s+|those\s+(?:of|from)\s+(?:the\s+)?"
    r"|(?:that|those|the ones?)\s+(?:used|adopted|described|reported)\s+(?:in|by|for)\s+)?"  # "that used in"
    r"(?:[A-Z][\w.\-]*(?:\s+AI)?['’]s\s+)?$",
    re.IGNORECASE,
)


# Between a figure and a name after it: the name is what the figure is measured against ("77.5 on
# AIME, matching OpenAI's o1", "outperforming models such as GPT-4o"), not whose figure it is.
_MEASURED_AGAINST = re.compile(
    r"\b(?:than|vs\.?|versus|compared|matching|rivall?ing|outperform\w*|surpass\w*|beat\w*|ahead of|behind|"
    r"on (?:a )?par with|comparable|competitive with|such as|like)\b",
    re.IGNORECASE,
)
_DERIVED_FROM = re.compile(r"(?<=[\d+KMk])\s+([A-Z][\w.]*)-(?:derived|based)\s+(?:models|fine-tunes|variants)\b")
_AS_FAMILY = re.compile(r"\s+(?:series|family|lineup|line-up|models)\b", re.IGNORECASE)
# "DeepSeek's technical report …", "Moonshot says the Kimi K2 run …": the family or maker speaks
# of a member named after it.
_OWNS_WHAT_FOLLOWS = re.compile(
    r"['’]s\s|\s+(?:says?|said|reports?|reported|states?|stated|notes?|noted|claims?|claimed|writes|wrote)\s"
)
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+$")
_APPOSITION = re.compile(r",\s+(?:a|an)\s")  # "Llama 4 Scout, a 17 billion parameter model"
# "(MiniMax et al., 2025)", "(DeepSeek-AI, 2024c)"
_CITED_AUTHOR = re.compile(r"\s+et\s+al\b|,\s*(?:19|20)\d\d[a-z]?\)")


def is_reference(text: str, mention: Mention, since: int = 0) -> bool:
    """Whether a name stands as what something is compared with or built from, or as the author
    of a citation, not as what the sentence is about (the words before it, from offset `since`
    on, or after it say so)."""
    return (
        _COMPARED_BEFORE.search(text, max(since, mention.start - 40), mention.start) is not None
        or _CITED_AUTHOR.match(text, mention.end) is not None
    )


# "GLM-4.5 has 355B total parameters, while GLM-4.5-Air adopts ... 106B": a clause that names
# another model is about that model.
_CONTRASTING_CLAUSE = re.compile(r"(?:,\s+(?:while|whereas|but|and)|;)\s+", re.IGNORECASE)

_ATTACH_BEFORE = re.compile(
    r"^(?:\s+(?:Instruct|Chat|Base|Thinking|Preview)\b)?(?:['’]s)?\s*(?::|\(|=|-|–|at|is|was|scored|scores|reached|hit|of)?\s*$",
    re.IGNORECASE,
)  # ("DBRX Instruct at 71.2": a checkpoint's suffix the vocabulary leaves out of the name)

_TOP_MODELS = re.compile(r"\s+(?:open[- ]source\s+|open[- ]weights?\s+)?models\b", re.IGNORECASE)


def model_family_for_top(extractor: Extractor, subject: str, q: Quantity, text: str, named: bool) -> str:
    """ "Qwen 3 … powers 7 of top 10 open source models": the top models of a hub are built on a
    family, whichever generation each fine-tunes, so a count under a generation's heading is
    the family's (Qwen), as in "Top 10 models on HuggingFace use Qwen base". A model named in
    the sentence itself ("Qwen2.5 powers 5 of top 10") keeps it, and places of a leaderboard
    of the models themselves ("4 of top 5") stay with their subject."""
    if named or not q.unit.startswith("of top ") or not _TOP_MODELS.match(text, q.end):
        return subject
    families = extractor.vocabulary.ancestors(subject)
    return families[-1] if families else subject


def joint_subject(extractor: Extractor, subject: str, q: Quantity, subjects: Sequence[Mention], text: str) -> str:
    """Two models joined by a slash. "V3/R1 variants boast 671B total parameters": a figure for
    the pair is about both, and the first named stands for it (one claim per figure, whose
    quote shows both), as an editor reads it: V3's price in another report is compared with
    it. "Scout/Maverick: 109B/400B": figures paired the same way go to each in turn (not prices:
    "$0.27/$1.10" are input and output). A model named again after the pair ("but R1 scores
    79.8%") keeps its own figures."""
    found = slash_pair(extractor, subjects, text, q.start)
    if found is None:
        return subject
    pair, pair_end = found
    if any(pair_end <= m.start < q.start and extractor.context.specific(m.name) in pair for m in subjects):
        return subject
    if q.kind not in ("price", "currency"):
        if text[q.end : q.end + 1] == "/":
            return pair[0]
        if text[q.start - 1 : q.start] == "/":
            return pair[1]
    return pair[0] if subject in pair else subject


def slash_pair(
    extractor: Extractor, subjects: Sequence[Mention], text: str, before: int
) -> tuple[tuple[str, str], int] | None:
    """The first two models written as "A/B" before offset `before` ("V3/R1", "Scout/Maverick"),
    members of one family, either of them by its short name; never a path ("Qwen/Qwen3-8B",
    "01-ai/Yi-1.5"). With the offset where the pair ends."""
    for m in subjects:
        if m.end >= before:
            break
        name = extractor.context.specific(m.name)
        if text[m.end : m.end + 1] == "/" and text[m.start - 1 : m.start] not in ("/", "-"):
            other = _SHORT_NAME.match(text, m.end + 1)
            if other and text[other.end() : other.end() + 1] != "/":
                pair = (name, member_named(extractor, other.group(0), name))
                if pair[1]:
                    return pair, other.end()
        if m.start and text[m.start - 1] == "/" and text[m.end : m.end + 1] != "/":
            other = _SHORT_NAME_BEFORE.search(text, 0, m.start - 1)
            if other and text[other.start() - 1 : other.start()] not in ("/", "-"):
                pair = (member_named(extractor, other.group(0), name), name)
                if pair[0]:
                    return pair, m.end
    return None


def member_named(extractor: Extractor, written: str, sibling: str) -> str:
    """The model `written` names, when it is another model of `sibling`'s family ("" if not)."""
    vocabulary = extractor.vocabulary
    family = vocabulary.family(sibling)
    other = vocabulary.subject(written) or (vocabulary.subject(f"{family} {written}") if family else None)
    if not other or other == sibling or family != vocabulary.family(other):
        return ""
    return other if vocabulary.subject_kind(other) == vocabulary.subject_kind(sibling) == "model" else ""


def _model_size(q: Quantity) -> bool:
    """A size or token count, a model's own figure ("with a 355B model", "on 15.5T tokens")."""
    return q.unit.startswith(("parameters", "tokens")) or not q.unit and q.kind == "number" and q.scale >= 1e9


def subject_for(
    extractor: Extractor,
    q: Quantity,
    span: Span,
    subjects: Sequence[Mention],
    segment: tuple[int, int] | None,
    text: str,
) -> str:
    """Whose figure `q` is. The rules go from the narrowest reading to the widest: a name joined to
    the figure, one in the figure's brackets or comparison segment, the sentence's subject, then
    what the span carries or defaults to."""
    derived = _DERIVED_FROM.search(text, q.start, q.end + 40)
    if derived and derived.start() < q.end:  # "74,300 Qwen-derived models": a count of the family's derivatives
        resolved = extractor.resolve_subject(derived.group(1), span.default_subject)
        if resolved:
            return resolved
    changed = _CHANGED_FROM.search(text, max(span.start, q.start - 80), q.start)
    if changed:  # "lifted AIME 2025 from 70.0% for the January R1 to 87.5%": R1 is the 70.0%'s, not the 87.5%'s
        subjects = [m for m in subjects if not changed.start() <= m.start < q.start]
    before = [m for m in subjects if m.end <= q.start]
    after = [m for m in subjects if m.start >= q.end]
    return (
        _joined_to_figure(extractor, q, span, before, after, segment, text)
        or _bracketed_or_compared(extractor, q, span, subjects, before, segment, text)
        or _counted_or_labelled(extractor, q, span, before, text)
        or _sentence_subject(extractor, q, span, before, text)
        or _carried_or_later(extractor, q, span, after, text)
    )


def _joined_to_figure(
    extractor: Extractor,
    q: Quantity,
    span: Span,
    before: Sequence[Mention],
    after: Sequence[Mention],
    segment: tuple[int, int] | None,
    text: str,
) -> str:
    """A name the words right beside the figure tie it to ("DeepSeek-V3 cost $5.6M", "the 17B
    Scout", "$2.50 (Kimi K2)", "the 0905 checkpoint"), or ""."""
    if (
        after
        and _OWNER_IN_BRACKETS.fullmatch(text, q.end, after[0].start)
        and text[after[0].end : after[0].end + 1] == ")"
    ):
        return after[0].name  # "between 85 cents (Maverick) and $2.50 (Kimi K2)": each figure's owner after it
    if (
        after
        and _UP_FROM.search(text, max(span.start, q.start - 16), q.start)
        and _FOR_WHOM.fullmatch(text, q.end, after[0].start)
    ):
        return after[0].name  # "91.4%, up from 79.8% for the original January release of R1": R1's
    if before and _THE_ORIGINAL.search(text, max(span.start, q.start - 60), q.start):
        return before[-1].name  # "the March 2025 checkpoint of DeepSeek-V3; the original December 2024 release"
    checkpoint = _tagged_checkpoint(extractor, q, span, before, text)
    if checkpoint:
        return checkpoint
    # "weights on Hugging Face January 2025": where the figure is, not whose
    on_platform = (
        bool(before) and before[-1].name in _PLATFORMS and bool(_ON_PLATFORM.search(text, 0, before[-1].start))
    )
    if (
        before
        and not on_platform
        and (
            _ATTACH_BEFORE.match(text[before[-1].end : q.start])
            and not _LEVEL_WITH.search(text, max(span.start, before[-1].start - 25), before[-1].start)
            or _RELATIVE_CLAUSE.match(text[before[-1].end : q.start])
        )
    ):
        return extractor.context.specific(before[-1].name)
    if (
        before
        and q.kind == "date"
        and _DATED_AFTER.match(text[before[-1].end : q.start])
        and not is_reference(text, before[-1], span.start)
        and extractor.vocabulary.subject_kind(before[-1].name) not in ("organisation", "country", "region")
    ):
        return extractor.context.specific(before[-1].name)  # "…, and the flagship Qwen 3 suite in April 2025"
    if (
        after
        and q.scale >= 1e9
        and q.unit in ("", "parameters")
        and _SIZE_BEFORE_NAME.fullmatch(text[q.end : after[0].start])
    ):
        return after[0].name  # "the 17B-parameter Scout", "the 400B Maverick variant": the size of that model
    if after and q.kind == "currency" and _SPENT_ON.match(text[q.end : after[0].start]):
        return extractor.context.specific(after[0].name)  # "OpenAI spent $78 million to train GPT-4o"
    if (
        after
        and q.kind != "part"
        and _IN_NAME_AFTER.match(text[q.end : after[0].start])
        and (segment is not None or after[0].start - q.end < 20)
        and not (after[0].name in _PLATFORMS and _ON_PLATFORM.search(text, q.end, after[0].start))
    ):
        return extractor.context.specific(after[0].name)
    return ""


_IT = re.compile(r"\b(?:it|its)\b")
_COMES_AS = re.compile(
    r"\b(?:comes|ships|is\s+(?:also\s+)?(?:available|offered|sold))\s+(?:also\s+)?(?:as|in)\b"
    r"|\b(?:its|a|the)\s+(?:smaller\s+|lighter\s+)?(?:variant|sibling|version)\b",
    re.IGNORECASE,
)
_ANOTHER_OF_ITS = re.compile(
    r"\b(?:follow-up|successor|predecessor|next|later|earlier|other|newer|older)\b[^.;]*\bmodel"
)
# A name the sentence's subject is matched with: "GLM-4.5 sits level with R1 at $2.20" is GLM-4.5's figure.
_LEVEL_WITH = re.compile(r"\b(?:(?:level|on\s+par|tied|even|in\s+line)\s+with|match(?:es|ing)?|same\s+as)\s+$", re.I)


_UP_FROM = re.compile(r"\b(?:up|down|rising|falling|improved|jumped)\s+from\s+$", re.IGNORECASE)
_FOR_WHOM = re.compile(r"\s+(?:for|by)\s+(?:the\s+)?(?:[\w\-]+\s+){0,4}?(?:of\s+)?")


def _tagged_checkpoint(extractor: Extractor, q: Quantity, span: Span, before: Sequence[Mention], text: str) -> str:
    """ "the 0905 checkpoint with 256K of context": the model the document names with that tag, of
    the family named before it when several are; or "" where no tag stands before the figure."""
    tagged = _CHECKPOINT.search(text, max(span.start, q.start - 60), q.start)
    if not tagged or _CHECKPOINT_NAMED.search(text, tagged.end(), q.start):
        return ""
    names = extractor.checkpoints.get(tagged.group(1), [])
    near = [m for m in before if m.end <= tagged.start()][-1:]
    related = [n for n in names if near and normalize_name(near[0].name)[:4] == normalize_name(n)[:4]]
    if len(related or names) == 1:
        return (related or names)[0]
    if near and not names:  # "Kimi K2 … the 0905 checkpoint": that model's, named by its tag
        name = f"{near[0].name}-{tagged.group(1)}"
        return extractor.vocabulary.subject(name) or name
    return ""


def _bracketed_or_compared(
    extractor: Extractor,
    q: Quantity,
    span: Span,
    subjects: Sequence[Mention],
    before: Sequence[Mention],
    segment: tuple[int, int] | None,
    text: str,
) -> str:
    """The model of the figure's own segment of a comparison, the name before the bracket the
    figure stands in ("Maverick (17B active/400B total)"), a variant named in an aside or label
    ("(Maverick variant)", "Air model: 106B"), or a short name right before ("V3 ($0.27)"); or ""."""
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
    for written in (
        _VARIANT_LABEL.search(text[max(0, q.start - 40) : q.start]),
        _variant_in_clause(text, span, q, before),  # "the Air variant is 106B total"
        _VARIANT_ASIDE.match(text, q.end, span.end),  # "#2 on LMArena (Maverick variant)": that variant's
        _SHORT_NAME_RIGHT_BEFORE.search(text[max(0, q.start - 20) : q.start]),  # "V3 ($0.27)", "V3's $1.10"
    ):
        resolved = extractor.resolve_subject(written.group(1), span.default_subject) if written else None
        if resolved:
            return resolved
    return ""


# "the Air variant is 106B total, 12B active": a variant named by its own word, in the figure's clause
_THE_VARIANT = re.compile(r"\b[Tt]he\s+([A-Z][\w.\-]*)\s+(?:variant|version|edition)\b(?=[^;]*$)")


def _variant_in_clause(text: str, span: Span, q: Quantity, before: Sequence[Mention]) -> re.Match[str] | None:
    """ "the Air variant" before the figure, with no other model named between ("The Air variant
    trails DeepSeek-V3, whose 671B total …" gives V3's size)."""
    m = _THE_VARIANT.search(text, max(span.start, q.start - 60), q.start)
    return m if m and not any(n.start >= m.end() for n in before) else None


_VARIANT_LABEL = re.compile(r"\b([A-Z][\w.\-]*)\s+(?:variant|model|version|edition)\s*:\s*$")
# a short name of the section's family right before a figure
_SHORT_NAME_RIGHT_BEFORE = re.compile(r"\b([A-Z]\w{0,3}\d[\w.]*)(?:\s*\(|['’]s)\s*$")


def _counted_or_labelled(extractor: Extractor, q: Quantity, span: Span, before: Sequence[Mention], text: str) -> str:
    """The world, for the whole a country's count is part of ("1,509 of the world's 3,755"); else
    the subject of the figure's label ("**DeepSeek-V3:** $5.6M"); or ""."""
    if q.kind == "whole":
        counted_for = span.label_subject or (before[-1].name if before else "")
        if re.search(r"\bworld|global", text[max(0, q.start - 20) : q.start], re.I):
            return "World"
        if counted_for and extractor.vocabulary.subject_kind(counted_for) == "country":
            return "World"
    return span.label_subject or ""


def _sentence_subject(extractor: Extractor, q: Quantity, span: Span, before: Sequence[Mention], text: str) -> str:
    """The subject the sentence names before the figure: its first model (or, failing one, its first
    name), the member a family's possessive or apposition tells of, the one of the figure's own
    clause after a contrast, or the section's model that this names by its maker; or ""."""
    outside = [  # (the figure itself read too: "higher than 85%" bounds it, compares nothing)
        m
        for m in before
        if not COMPARISON.search(text[m.end : q.end])
        and not is_reference(text, m, span.start)
        and not (m.name in _PLATFORMS and _ON_PLATFORM.search(text, 0, m.start))  # "weights on Hugging Face"
    ]
    companions = _companions(text, outside, span.start)
    outside = [m for m in outside if m.start not in companions]
    models = [m for m in outside if extractor.vocabulary.subject_kind(m.name) not in ("organisation",)]
    # "As a division of China's cloud giant, Qwen has …": a model or family named is the subject
    # before a country whose possession qualifies something else
    models = [
        m
        for m in models
        if extractor.vocabulary.subject_kind(m.name) not in ("country", "region") or not _POSSESSIVE.match(text, m.end)
    ] or models
    # What a date dates is named right before it (above), not by the clause.
    breaks = list(_CONTRASTING_CLAUSE.finditer(text, models[0].end, q.start)) if models and q.kind != "date" else []
    in_clause = [m for m in models if breaks and m.start >= breaks[-1].end()]
    if in_clause:
        return in_clause[0].name
    if not (models or outside):
        return ""
    if (
        not models
        and _model_size(q)
        and _IT.search(text, outside[0].end if outside else span.start, q.start)
        and span.default_subject != DOCUMENT_SUBJECT
        and extractor.vocabulary.subject_kind(span.default_subject) == "model"
    ):
        return span.default_subject  # "Meta previewed it … (288B active)": a maker has no size, its model has
    first = (models or outside)[0]
    variant = next(
        (
            m
            for m in models
            if m.start > first.end
            and extractor.vocabulary.family(m.name) == first.name
            and _COMES_AS.search(text, first.end, m.start)
        ),
        None,
    )
    if variant is not None:
        return variant.name  # "GLM-4.5 also comes as GLM-4.5-Air, with 106B total": the variant's figures
    # "DeepSeek's report says the DeepSeek-V3 run took …", "in the Llama 4 series, Llama 4
    # Scout, a 17B model": a member named after its family is the more specific subject (but
    # "GLM-4.5 … GLM-4.5-Air" names a model and its variant, two subjects)
    if extractor.vocabulary.subject_kind(first.name) != "model" or _AS_FAMILY.match(text, first.end):
        members = [m for m in models if first.name in extractor.vocabulary.ancestors(m.name)]
        # the member a figure is told of: in an apposition ("Llama 4 Scout, a 17B model") or
        # after the family's possessive or report
        if members and (
            _OWNS_WHAT_FOLLOWS.match(text, first.end)
            or _APPOSITION.match(text, members[-1].end)
            or _ITS_BEFORE.search(text, first.end, members[-1].start)  # "DeepSeek … with its R1 model"
        ):
            return members[-1].name
    if (
        span.default_subject != DOCUMENT_SUBJECT
        and first.name in extractor.vocabulary.ancestors(span.default_subject)
        and not _AS_FAMILY.match(text, first.end)  # "Mistral models punching above their weight"
        and (_MAKERS_MODEL.match(text, first.end) or _model_size(q) or span.carried_subject == span.default_subject)
        and not _ANOTHER_OF_ITS.search(text, first.end, q.start)  # "… of its follow-up reasoning model at $294,000"
    ):
        # "**Kimi K2.** Moonshot AI's model … 1T total parameters": the model the paragraph or
        # section is about, which this names by its maker or family
        return span.default_subject
    return first.name


# Names that go along with the sentence's subject: "Meta previewed it alongside Scout and Maverick
# on April 5, 2025 (288B active …)" gives neither Scout's nor Maverick's figures.
_ALONGSIDE = re.compile(
    r"\b(?:alongside|along\s+with|together\s+with|as\s+well\s+as|in\s+addition\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|&|or)\s+(?:the\s+)?")


def _companions(text: str, mentions: Sequence[Mention], since: int) -> set[int]:
    """Where the names listed right after "alongside", "along with", … start."""
    found: set[int] = set()
    previous: Mention | None = None
    for m in mentions:
        listed_on = (
            previous is not None and previous.start in found and _LIST_GAP.fullmatch(text, previous.end, m.start)
        )
        if listed_on or _ALONGSIDE.search(text, max(since, m.start - 30), m.start):
            found.add(m.start)
        previous = m
    return found


# A sentence about a model the one in view was made from or led to, left unnamed.
_ANOTHER_MODEL = re.compile(r"\s*(?:The|Its|Their)\s+(?:parent|teacher|predecessor|successor)\s+model\b", re.IGNORECASE)


def _carried_or_later(extractor: Extractor, q: Quantity, span: Span, after: Sequence[Mention], text: str) -> str:
    """With nobody named before the figure: the subject carried from the sentence before ("It"),
    the sentence's first subject after the figure where nothing above names one ("an 80%
    probability they are running on Chinese open-source models"), else the span's default."""
    if _ANOTHER_MODEL.match(text, span.start):
        return DOCUMENT_SUBJECT  # "The teacher model was trained on 14.8T tokens": not the section's model
    if span.carried_subject:
        return span.carried_subject
    if span.default_subject == DOCUMENT_SUBJECT and not span.table:
        later = [
            m
            for m in after
            if m.end <= span.end
            and not _MEASURED_AGAINST.search(text, q.end, m.start)
            and not _CONTRASTING_CLAUSE.search(text, q.end, m.start)  # "…, and we expect … that Kimi K2 …"
        ]
        if later:
            return extractor.context.specific(later[0].name)
    return span.default_subject

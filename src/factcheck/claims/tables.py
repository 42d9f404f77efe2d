"""Table rows: models as rows or as columns (after group, label and setting columns), figures in
cells, and rows headed by a licence that list the models released under it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.claims.categories import category_quantity, licence, licence_name
from factcheck.claims.context import Span
from factcheck.claims.text import GENERIC_LABEL_NOUNS, LICENCE, LICENCE_LABEL, clean_markup
from factcheck.models import DOCUMENT_SUBJECT, Block, Quantity
from factcheck.vocabulary import normalize_name

if TYPE_CHECKING:
    from factcheck.claims.extractor import Extractor

_LICENCE_HEAD_REST = re.compile(r"\s*(?:licen[cs]ed?|licen[cs]e\s+only)?\s*", re.IGNORECASE)

_MODELS_COLUMN = re.compile(r"\bmodels?\b", re.IGNORECASE)

_SCORE_WORDS = re.compile(r"\s+(?:score|scores|result|results|accuracy|acc\.?|value)$", re.IGNORECASE)

# First-column headers that say the rows are subjects, even when the vocabulary knows none of them.
_SUBJECT_HEADERS = re.compile(
    r"^(?:model|models|provider|company|companies|lab|organi[sz]ation|country|region|"
    r"vendor|developer|family|name|system|approach|option|deployment|platform|item|line item|component|"
    r"cost item|expense|resource)s?$",
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
_GENERIC_HEADER_KEYS = frozenset(normalize_name(h) for h in _GENERIC_HEADERS)

# A first column that numbers the rows ("| Rank | Model | ..."): the models stand in a later one.
_RANK_HEADER = re.compile(r"^(?:rank|ranking|#|no\.?|position|place|pos\.?)$", re.IGNORECASE)
# "Output $/M", "Input ($/1M tokens)", "Output price (per M)": a price per million tokens.
_PRICE_HEADER = re.compile(
    r"^(input|output)(?:\s+price)?\s*\(?\s*(?:(?:US)?\$|USD)?\s*(?:/|per)\s*1?\s*M(?:\s*tokens)?\s*\)?$", re.IGNORECASE
)

_CELL_SETTING = re.compile(r"^\s*(?:\d+-shot|-|—|n/a)\s*$", re.I)  # "5-shot": how, not what

_RELEASE_SUFFIX = re.compile(r"\s+(?:Instruct|Chat|Base|Thinking|Preview|Reasoning)\b.*$", re.IGNORECASE)

_CELL_FIGURE = re.compile(r"^\s*[~≈<>]?\s*[\d.,]+\s*[%*†]?\s*$")  # a score, never a label

_MEASURE_LABEL = re.compile(
    r"^(?:pass@\d+|avg@\d+|maj@\d+|acc\.?|accuracy|em|f1|correct|exact match|score|win rate|elo|%)$", re.IGNORECASE
)

# --- tables -------------------------------------------------------------------------------


def _subject_column(extractor: Extractor, block: Block) -> int:
    """The column the row's subject stands in when it is not the first: after a column that numbers
    the rows ("| 1 | Kimi K2 | 1T |"), the first that is headed as the subjects' or names one."""
    cells, header = block.cells, block.header
    if len(header) != len(cells) or len(block.cell_offsets) != len(cells) or len(cells) < 3:
        return 0
    numbered = _RANK_HEADER.match(clean_markup(header[0]).strip()) or _CELL_FIGURE.match(clean_markup(cells[0]))
    # "| Very long documents | Llama 4 Scout | 109B / 17B |": a first column of needs or use cases,
    # neither a subject nor a metric, before the model picked for each
    first = clean_markup(cells[0]).strip()
    described = (
        first
        and not any(ch.isdigit() for ch in first)
        and not extractor.cell_subject(cells[0])
        and extractor.cell_metric(cells[0]) not in extractor.vocabulary.metrics
        and extractor.cell_subject(cells[1]) in extractor.vocabulary.subjects
    )
    if not (numbered or described):
        return 0
    for index in range(1, min(3, len(cells))):
        if _SUBJECT_HEADERS.match(clean_markup(header[index]).strip()) or extractor.cell_subject(cells[index]):
            return index
    return 0


_MONEY = re.compile(r"[$€£¥]\s?\d")


def table_row(extractor: Extractor, block: Block) -> None:
    if not block.cells:
        return
    at = _subject_column(extractor, block)
    if at:  # read as if the subjects' column came first; each cell keeps its own offset
        order = [at, *(i for i in range(len(block.cells)) if i != at)]
        block = replace(
            block,
            cells=tuple(block.cells[i] for i in order),
            header=tuple(block.header[i] for i in order),
            cell_offsets=tuple(block.cell_offsets[i] for i in order),
        )
    cells, header = block.cells, block.header
    licence_row(extractor, block)
    section_subject = extractor.section_subject(block.section)
    row_subject = extractor.cell_subject(cells[0])
    if not row_subject and header and _SUBJECT_HEADERS.match(clean_markup(header[0]).strip()) and cells[0].strip():
        row_subject = " ".join(clean_markup(cells[0]).split())
    column_subjects = [extractor.cell_subject(h) for h in header]
    subject_columns = sum(1 for s in column_subjects[1:] if s)
    row_metric = extractor.cell_metric(cells[0])
    # Models as columns, benchmarks as rows, often after a group column ("| English | MMLU (EM) |
    # 5-shot | 88.5 |"): the row's metric is the most specific label before the first model.
    first_model = next((i for i, s in enumerate(column_subjects) if i and s), 0) if subject_columns >= 2 else 0
    row_label = cells[0]
    if first_model > 1 and not row_subject:
        labelled = [
            (c, extractor.cell_metric(c))
            for c in cells[:first_model]
            if c.strip() and not _CELL_SETTING.match(c) and not _CELL_FIGURE.match(clean_markup(c))
        ]
        labelled = [(c, m) for c, m in labelled if m]
        # "Pass@1", "Acc", "Avg@4" say how a benchmark is scored, not which benchmark it is
        named_labels = [(c, m) for c, m in labelled if not _MEASURE_LABEL.match(clean_markup(c).strip())]
        labelled = named_labels or labelled
        in_vocabulary = [(c, m) for c, m in labelled if m in extractor.vocabulary.metrics]
        row_label, row_metric = (in_vocabulary or labelled or [(cells[0], row_metric)])[-1]
    named = [extractor.cell_subject(c) for c in cells[1:] if c and not any(ch.isdigit() for ch in c)]
    row_named = next((s for s, c in zip(named, cells[1:], strict=False) if s), "")
    for index, cell in enumerate(cells):
        column_name = header[index] if index < len(header) else ""
        if index and row_subject and LICENCE_LABEL.match(clean_markup(column_name).strip()):
            offset = block.cell_offsets[index] if index < len(block.cell_offsets) else 0
            licence(extractor, block, " " * offset + clean_markup(cell), offset, row_subject)
            continue
        if index == 0 and not (row_subject and len(cells) == 1):
            continue
        if 0 < index < first_model and not row_subject:
            continue  # a label or setting column ("# Shots") before the models, not a figure
        if not any(ch.isdigit() for ch in cell):
            continue
        column = header[index] if index < len(header) else ""
        if row_subject:
            subject, metric = row_subject, extractor.cell_metric(column)
        elif subject_columns and column_subjects[index] if index < len(column_subjects) else False:
            subject, metric = column_subjects[index], row_metric
        elif first_model and index >= first_model and clean_markup(column).strip():
            # among the models' columns, a model the vocabulary does not know is still that model
            subject, metric = " ".join(clean_markup(column).split()), row_metric
        else:
            subject = row_named or section_subject or DOCUMENT_SUBJECT
            metric = row_metric if row_metric else extractor.cell_metric(column)
        if metric in ("input", "output") and _MONEY.search(cell):
            metric = f"{metric} price"  # "| Input | Output |" columns of dollar figures: token prices
        offset = block.cell_offsets[index] if index < len(block.cell_offsets) else 0
        clean = " " * offset + clean_markup(cell)
        known = metric in extractor.vocabulary.metrics or metric.endswith(("context length", "price"))
        span = Span(
            clean,
            offset,
            len(clean),
            extractor.context.specific(subject) if subject else DOCUMENT_SUBJECT,
            default_metric=metric,
            label_metric=metric if known else "",
            table=True,
            context_words=" ".join([*block.section[-2:], cells[0], column]),
        )
        span.label_subject = ""
        _read_cell(extractor, block, span, row_label, column)


def licence_row(extractor: Extractor, block: Block) -> None:
    """ "| Apache 2.0 License | Qwen 3, Yi, GLM-4.5 |": a row headed by a licence alone lists, in
    a column of models, the models released under it (a compatibility matrix, a licence
    overview). Models in brackets are exceptions or asides ("(except Qwen3-Max)"), and models
    in other columns are compared with, not licensed so."""
    head = clean_markup(block.cells[0])
    m = LICENCE.match(head)
    if not m or not _LICENCE_HEAD_REST.fullmatch(head[m.end() :]):
        return
    offset = block.cell_offsets[0] if block.cell_offsets else 0
    written = m.group(0).strip()
    at = offset + head.find(written)
    q = category_quantity(licence_name(written), at, at + len(written), written)
    quote = " | ".join(" ".join(clean_markup(c).split()) for c in block.cells)
    for index, cell in enumerate(block.cells[1:], start=1):
        column = clean_markup(block.header[index]) if index < len(block.header) else ""
        if not _MODELS_COLUMN.search(column):
            continue
        text = clean_markup(cell)
        for mention in extractor.vocabulary.find_subjects(text, unknown_models=False):
            in_brackets = text.count("(", 0, mention.start) > text.count(")", 0, mention.start)
            if not in_brackets and extractor.vocabulary.subject_kind(mention.name) != "organisation":
                extractor.add(block, q, extractor.context.specific(mention.name), "license", quote)


def _read_cell(extractor: Extractor, block: Block, span: Span, row_header: str, column: str = "") -> None:
    before = len(extractor.claims)
    extractor.read_span(block, span)
    figures = len(extractor.claims) - before
    parts = _label_parts(extractor, column, span.text, span.start, figures) or _label_parts(
        extractor, row_header, span.text, span.start, figures
    )
    for i in range(before, len(extractor.claims)):
        b, q, subject, metric, _quote = extractor.claims[i]
        q = _in_header_units(q, column)
        metric = next((m for start, end, m in parts if start <= q.start < end), metric)
        if not _fits_metric(extractor, q, metric, f"{row_header} {column}"):
            label = column if extractor.cell_metric(column) == metric else row_header
            metric = f"{_label_words(label)} score"  # "| Cost (w 0.3) | 6.5 |": a board's mark, not dollars
            q = replace(q, unit="") if q.kind == "number" else q
        cell_text = span.text[span.start : span.end].strip()
        quote = (
            f"{row_header.strip()} | {cell_text}" if row_header.strip() and row_header not in cell_text else cell_text
        )
        extractor.claims[i] = (b, q, subject, metric, quote)


def _fits_metric(extractor: Extractor, q: Quantity, metric: str, labels: str) -> bool:
    """Whether a cell's figure can be its label's metric: a count of parameters is in the
    thousands at least, an amount of money has a currency (in the cell or its labels)."""
    unit = extractor.vocabulary.metric_unit(metric)
    if unit == "parameters":
        return not (q.kind == "number" and q.scale == 1.0 and isinstance(q.value, float) and q.value < 1e5)
    if unit == "USD":
        return q.kind in ("currency", "price") or "$" in labels or "USD" in labels
    return True


def _label_words(label: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", clean_markup(label)).split()).lower()


def _label_parts(extractor: Extractor, label: str, text: str, start: int, figures: int) -> list[tuple[int, int, str]]:
    """A label that names two metrics, its cells two figures ("Total / active params": "671.0B /
    37B"): each part of the cell, as offsets, with its metric ("Total" takes the noun the last
    part ends in: total params). Empty where the cell and label do not split alike."""
    names = [" ".join(n.split()) for n in clean_markup(label).split("/")]
    cut = [at for at in range(start, len(text)) if text[at] == "/"]
    if len(names) < 2 or len(cut) != len(names) - 1 or figures != len(names) or not all(names):
        return []
    noun = names[-1].split()[1:]
    metrics = [extractor.cell_metric(" ".join([n, *noun]) if len(n.split()) == 1 else n) for n in names]
    if len(set(metrics)) != len(metrics) or not all(m in extractor.vocabulary.metrics for m in metrics):
        return []
    bounds = [start, *(c + 1 for c in cut), len(text)]
    return [(bounds[k], bounds[k + 1], metrics[k]) for k in range(len(metrics))]


# A column's unit, in brackets after its name: "Total params (B)", "Output price ($/M tokens)",
# "Input ($ per 1M tokens)", "Score (%)".
_HEADER_SCALE = re.compile(r"\((?:in\s+)?(B|bn|billions?|M|millions?|K|thousands?|T|trillions?)\)", re.IGNORECASE)
_HEADER_SCALES = {
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "m": 1e6, "million": 1e6, "millions": 1e6,
    "k": 1e3, "thousand": 1e3, "thousands": 1e3, "t": 1e12, "trillion": 1e12, "trillions": 1e12,
}  # fmt: skip
_HEADER_PRICE = re.compile(r"\(\s*(?:US)?\$\s*(?:/|per)\s*1?\s*M\b", re.IGNORECASE)


def _in_header_units(q: Quantity, column: str) -> Quantity:
    """A bare figure in a column whose header gives its unit: 671 under "Total params (B)" is 671
    billion, 2.19 under "Output price ($/M tokens)" a price per million tokens."""
    if not column or q.kind not in ("number", "currency") or not isinstance(q.value, float):
        return q
    scale = _HEADER_SCALE.search(column)
    if scale and q.scale == 1.0 and q.kind == "number" and q.unit in ("", "parameters", "tokens"):
        factor = _HEADER_SCALES[scale.group(1).lower()]
        return replace(q, value=q.value * factor, scale=factor, precision=(q.precision or 1.0) * factor)
    if _HEADER_PRICE.search(column) and q.unit in ("", "USD"):
        return replace(q, unit="USD per million tokens", kind="price")
    return q


def read_cell_subject(extractor: Extractor, cell: str) -> str:
    """The subject a table cell names, "" if none (asked once per document and cell, through
    Extractor.cell_subject)."""
    text = clean_markup(cell).strip()
    if not text:
        return ""
    bare = GENERIC_LABEL_NOUNS.sub("", re.sub(r"\s*\([^)]*\)\s*$", "", text))
    release = _RELEASE_SUFFIX.sub("", bare)  # "Kimi K2 Instruct" in a benchmark table is Kimi K2
    exact = (
        extractor.vocabulary.subject(text)
        or extractor.vocabulary.subject(bare)
        or extractor.vocabulary.subject(release)
    )
    if exact:
        return exact
    mentions = extractor.vocabulary.find_subjects(text)
    if mentions and mentions[0].start <= 2 and (mentions[0].end - mentions[0].start) >= len(text) * 0.5:
        return mentions[0].name
    return ""


_COUNT_SIGN = re.compile(r"#\s*(?=[A-Za-z])")


# Who measured a row's figures, after its benchmark: the vendor's own figures are the benchmark's,
# a harness's are a measurement of its own (the two differ by scaffolding, not by mistake).
_WHOSE_FIGURES = re.compile(
    r"[,;]\s*(?:(?P<vendor>vendor|vendor[- ]reported|reported|official|model card|card)"
    r"|(?:our\s+)?harness|ours|our run|measured|internal|in-house|re-run|rerun|independent)\s*$",
    re.IGNORECASE,
)


_PER_TOKENS = re.compile(r"\(\s*(?:\$\s*)?(?:per|/)\s*1?\s*M\s+(input|output)?\s*tokens?\s*\)", re.IGNORECASE)


def read_cell_metric(extractor: Extractor, cell: str) -> str:
    """The metric a table cell names, "" if none (through Extractor.cell_metric)."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", clean_markup(cell)).strip()
    bracket = re.search(r"\(([^)]*)\)\s*$", clean_markup(cell))
    source = _WHOSE_FIGURES.search(text) or (_WHOSE_FIGURES.search(", " + bracket.group(1)) if bracket else None)
    if source:  # "SWE-bench Verified, vendor (%)", "SWE-bench Verified, harness (%)", "… (our harness)"
        named = extractor.cell_metric(text[: source.start()] if _WHOSE_FIGURES.search(text) else text)
        if not named:
            return ""
        return named if source.group("vendor") else f"{named} (measured)"
    per_tokens = _PER_TOKENS.search(clean_markup(cell))
    if per_tokens and text.lower() in ("cost", "price", "pricing", "api price", "list price"):
        # "Cost (per 1M output tokens)"
        return f"{per_tokens.group(1).lower()} price" if per_tokens.group(1) else "price"
    text = _SCORE_WORDS.sub("", text).strip() or text  # "MMLU Score" is MMLU
    counted = _COUNT_SIGN.match(text)
    if counted:  # "# Total Parameters" is total parameters, "# Attention Heads" the number of them
        rest = text[counted.end() :]
        return extractor.vocabulary.metric(rest) or f"number of {rest.lower()}"
    if not text or normalize_name(text) in _GENERIC_HEADER_KEYS:
        exact = extractor.vocabulary.metric(clean_markup(cell).strip())
        return exact or ""
    exact = extractor.vocabulary.metric(text) or extractor.vocabulary.metric(clean_markup(cell).strip())
    if exact:
        return exact
    mentions = extractor.vocabulary.find_metrics(text)
    # A partial match names the metric only when it is most of the header: "MMLU 5-shot" is
    # MMLU, but "Monthly Cost" is not training cost and "Efficiency Ratio" not efficiency gain.
    if mentions and mentions[0].end - mentions[0].start >= 0.7 * len(text):
        return mentions[0].name
    if re.search(r"\(\s*\$\s*/|per (?:1)?M\b|/\s*M tokens", cell) and text.lower() in ("input", "output"):
        return f"{text.lower()} price"
    price = _PRICE_HEADER.match(clean_markup(cell).strip())
    if price:
        return f"{price.group(1).lower()} price"
    if _RANK_HEADER.match(text):
        return "rank"
    return text.lower() if not any(ch.isdigit() for ch in text) or len(text) > 3 else ""


# A figure cell of a table whose columns PDF text lays out with spaces: "86.06", "72B", "37.5%", "-".
_ALIGNED_VALUE = re.compile(r"[~≈<>]?[-+]?[$€£¥]?\d[\d,.]*(?:%|[KMBT]|x|×)?[*†‡]*|[-–—]{1,2}|N/A|n/d", re.IGNORECASE)
_ALIGNED_TOKEN = re.compile(r"\S+")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")


def aligned_table_rows(extractor: Extractor, blocks: Sequence[Block]) -> dict[Block, Block | None]:
    """Tables that PDF text lays out with spaces alone, as technical reports set them:

        Qwen2.5-72B Qwen2.5-Plus Llama-4-Maverick DeepSeek-V3 Qwen3-235B-A22B
        MMLU 86.06 85.02 85.16 87.19 87.81

    A line of model names and nothing else heads the columns; each line after it that ends in as
    many figures as there are names is a row, read as a table row (86.06 is Qwen2.5-72B's MMLU);
    a year before those figures belongs to the label ("AIME 2024").
    Lines without figures in between (a "Base Base Base" line, a group title) keep the table
    going; anything else ends it. Returns each row's table block, and None for each header line."""
    found: dict[Block, Block | None] = {}
    columns: tuple[str, ...] = ()
    label_head = ""  # "Model" where the columns are metrics and each row's label a model
    for block in blocks:
        if block.kind not in ("paragraph", "label", "bullet"):
            columns = ()
            continue
        text = block.text.rstrip()
        names = _column_names(extractor, text)
        measures = () if names else _metric_columns(extractor, text)
        if names or measures:
            columns, label_head = (names, "") if names else (measures[1:], measures[0])
            found[block] = None
            continue
        if not columns:
            continue
        tokens = list(_ALIGNED_TOKEN.finditer(text))
        values = 0
        while values < len(tokens) and _ALIGNED_VALUE.fullmatch(tokens[-1 - values].group()):
            values += 1
        # "AIME 2024 16.0 39.2 23.3" under three names: a label may end in a year of its own
        extra = values - len(columns)
        if 0 < extra <= 2 and all(
            _YEAR_TOKEN.fullmatch(t.group()) for t in tokens[len(tokens) - values : len(tokens) - values + extra]
        ):
            values = len(columns)
        label = tokens[: len(tokens) - values]
        if values == len(columns) and label and len(label) <= 8:
            cells = (" ".join(t.group() for t in label), *(t.group() for t in tokens[len(label) :]))
            offsets = (label[0].start(), *(t.start() for t in tokens[len(label) :]))
            header = (label_head, *columns)
            found[block] = replace(block, kind="table_row", cells=cells, header=header, cell_offsets=offsets)
        elif values or len(text) > 80:
            columns = ()  # a figure or a sentence that is no row of the table
    return found


_LABEL_HEADS = frozenset({"Model", "Models", "Name", "System"})
_SIZE_COLUMNS = frozenset({"Total", "Active", "Params", "Parameters", "Context", "Tokens"})


def _metric_columns(extractor: Extractor, text: str) -> tuple[str, ...]:
    """A header line of a table whose rows are models and columns metrics ("Model  Total  Active
    MMLU-Pro  GPQA-D  AIME25"): its first word heads the models' column, and each other word names a
    metric or a size. Three such columns at least; anything else in the line is no such header."""
    words = text.split()
    if len(words) < 4 or words[0] not in _LABEL_HEADS or len(text) > 200 or _PROSE_MARK.search(text):
        return ()
    known = [w in _SIZE_COLUMNS or extractor.vocabulary.metric(w) is not None for w in words[1:]]
    return tuple(words) if all(known) else ()


def _column_names(extractor: Extractor, text: str) -> tuple[str, ...]:
    """The models a line names when it names two or more and says nothing else (but "Base",
    "Inst.", "Chat", which tell versions of a model apart, and a word or two before them that
    heads the label column, "Model" or "Benchmark")."""
    words = text.split()
    # Cheap first: a line of names has no sentence's punctuation, and each word opens with a
    # capital or holds a digit ("Model GLM-4.5 Kimi K2", "o3"): most lines are prose, spared the name search.
    if len(text) > 200 or len(words) < 2 or _PROSE_MARK.search(text):
        return ()
    if not all(w[0].isupper() or w[0] in "(#|" or any(ch.isdigit() for ch in w) or w in _VERSION_WORDS for w in words):
        return ()
    mentions = [
        m for m in extractor.vocabulary.find_subjects(text) if extractor.vocabulary.subject_kind(m.name) == "model"
    ]
    if len(mentions) < 2:
        return ()
    corner = text[: mentions[0].start].split()  # the label column's own header: "Model", "Benchmark"
    rest = text[mentions[0].start :]
    for m in reversed(mentions):
        rest = rest[: m.start - mentions[0].start] + " " + rest[m.end - mentions[0].start :]
    if len(corner) > 2 or any(ch.isdigit() for ch in "".join(corner)):
        return ()
    if any(word not in _VERSION_WORDS for word in rest.split()):
        return ()
    return tuple(m.name for m in mentions)


_PROSE_MARK = re.compile(r"[,;:!?]|\.(?:\s|$)")
_VERSION_WORDS = frozenset({"Base", "Inst.", "Instruct", "Chat", "-Base", "-Instruct", "-Chat", "(ours)", "|"})

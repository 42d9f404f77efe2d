"""Document → Claims: each number with the subject and metric it is about.

A number takes its subject from, in order: a name attached to it ("GPT-4's $100M+", "vs 29 in
Qwen 2.5"), the label of its bullet ("DeepSeek-V3: 671B total"), its table row or column, the
first name in its sentence, the bullet before it when the section names nobody, and finally
the nearest heading that names a subject. Its metric comes from a metric named next to it
("97.3% MATH-500", "SWE-bench: 64.2%"), the bullet label ("Context: 200K input"), the table
header, the words after it ("37B active") or its unit ("36 trillion tokens" in a sentence about
training). A bare number with no metric is not a claim.

The package reads a document in one pass (extractor.py) and asks the rules by role: whose figure
it is (subjects.py), what it measures (metrics.py), table rows (tables.py), ranking lists
(rankings.py) and categorical claims such as licences and architectures (categories.py), with the
shared patterns and text helpers in text.py and the section context in context.py.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from factcheck.claims.extractor import Extractor, block_claim
from factcheck.claims.text import claim_id
from factcheck.models import DOCUMENT_SUBJECT, Claim, Document, Qualifier, Quantity
from factcheck.vocabulary import Vocabulary

__all__ = ["extract_claims", "claim_id", "extraction_rules", "reading_order", "sizes_in_names"]

# "Qwen3-235B-A22B", "Llama-3.1-405B", "Qwen3-0.6B": the size a model's name states ("Mixtral 8x22B" states
# no total: eight experts of 22B each share their attention layers).
_SIZED_NAME = re.compile(
    r"(?<![\d.x×])(\d+(?:\.\d+)?)\s?B(?:-A(\d+(?:\.\d+)?)B)?(?:-(?:Base|Instruct|Chat|FP8))?$", re.I
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


# The code that turns a file into claims: a change to any of it may change the claims.
_RULES_CODE = ("documents.py", "quantities.py", "vocabulary.py", "models.py", "claims")


@lru_cache(maxsize=1)
def _rules_code_digest() -> str:
    from factcheck import __version__  # the package imports this module first

    package = resources.files("factcheck")
    digest = hashlib.sha256(__version__.encode("utf-8"))
    for name in _RULES_CODE:
        entry = package / name
        modules = (
            sorted((e for e in entry.iterdir() if e.name.endswith(".py")), key=lambda e: e.name)
            if entry.is_dir()
            else [entry]
        )
        for module in modules:
            digest.update(module.name.encode("utf-8") + b"\0" + module.read_bytes())
    return digest.hexdigest()


def extraction_rules(vocabulary: Vocabulary) -> str:
    """A fingerprint of what extraction depends on besides the document: this version's code and
    the vocabulary. A document stored under another fingerprint is extracted again, so that an
    upgrade or a new alias reaches claims of documents that did not change."""
    combined = f"{_rules_code_digest()}:{vocabulary.digest()}"
    return hashlib.sha256(combined.encode("utf-8")).hexdigest()


def extract_claims(document: Document, vocabulary: Vocabulary, *, default_subject: str = "") -> list[Claim]:
    """Every numeric claim in a document, in document order.

    `default_subject` is who the figures no name claims are about: for a source, its own model
    (a DeepSeek-V3 README's unlabelled figures are DeepSeek-V3's); for a report, the document
    itself. Pure: the same document and vocabulary always give the same claims with the same ids.
    """
    extractor = Extractor(document, vocabulary)
    extractor.run()
    claims = extractor.finish()
    if default_subject:
        return [replace(c, subject=default_subject) if c.subject == DOCUMENT_SUBJECT else c for c in claims]
    return _restatements_named(claims, vocabulary)


def _restatements_named(claims: list[Claim], vocabulary: Vocabulary) -> list[Claim]:
    """A figure stated again with nobody named ("Key takeaways: 170,000+ derivative models") is
    about whoever the document gave that very figure for that metric before or after ("Qwen ...
    over 170,000 derivative models"), when that is one subject only; one stated for a family (a
    bullet under "DeepSeek Series") is about the one member the document gives it to ("DeepSeek-V3:
    88.5 MMLU"). Not dates, ranks or figures of one significant digit ("8 GPUs", "4K context"):
    those are shared by many things."""

    def figure(c: Claim) -> tuple[str, str, object, str]:
        return (c.metric, c.quantity.unit, c.quantity.value, c.quantity.qualifier)

    owners: dict[tuple[str, str, object, str], set[str]] = {}
    for c in claims:
        stated = c.quantity.text.replace(c.quantity.unit_text, "") if c.quantity.unit_text else c.quantity.text
        digits = "".join(ch for ch in stated if ch.isdigit()).strip("0")  # "8x H100": the 8, not the H100
        if c.subject != DOCUMENT_SUBJECT and c.quantity.kind not in ("date", "rank") and len(digits) >= 2:
            owners.setdefault(figure(c), set()).add(c.subject)
    named = []
    for c in claims:
        if c.subject == DOCUMENT_SUBJECT:
            subjects = owners.get(figure(c), set())
        elif not vocabulary.is_one_model(c.subject):  # a family's figure; GLM-4.5's own is not GLM-4.5-Air's
            others = owners.get(figure(c), set()) - {c.subject}
            subjects = {s for s in others if c.subject in vocabulary.ancestors(s)}
            subjects = subjects if subjects == others else set()  # another subject's figure too: no telling
        else:
            subjects = set()
        named.append(replace(c, subject=next(iter(subjects))) if len(subjects) == 1 else c)
    return named


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
                found.append(block_claim(claim_key, document.name, block, mention.name, metric, quantity, quote))
    return found


def _place_value(figure: str) -> float:
    return 10.0 ** -len(figure.split(".")[1]) if "." in figure else 1.0

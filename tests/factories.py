"""Test data builders shared by the test modules."""

from __future__ import annotations

import dataclasses
from typing import Any

from factcheck.documents import parse_structure
from factcheck.models import Claim, Document, Quantity

# `text` is the claim's text; the quantity's own text (the figure as written) is `quote`.
_QUANTITY_FIELDS = {f.name for f in dataclasses.fields(Quantity)} - {"text"} | {"quote"}


def claim_with(base: Claim, **changes: Any) -> Claim:
    """`base` with the named fields changed, whether they belong to the claim or its quantity."""
    quantity_changes = {"text" if k == "quote" else k: v for k, v in changes.items() if k in _QUANTITY_FIELDS}
    quantity = dataclasses.replace(base.quantity, **quantity_changes)
    claim_changes = {k: v for k, v in changes.items() if k not in _QUANTITY_FIELDS}
    return dataclasses.replace(base, quantity=quantity, **claim_changes)


def markdown_document(text: str, name: str = "doc.md") -> Document:
    """A Markdown document read from `text`, structure and all, without a file."""
    lines = text.splitlines()
    return Document(
        path=name,
        name=name,
        media_type="text/markdown",
        sha256="0",
        lines=tuple(lines),
        blocks=tuple(parse_structure(lines)),
    )

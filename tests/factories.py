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


def pdf_with_text(lines: list[str], padding: int = 0) -> bytes:
    """A one-page PDF showing `lines` in Helvetica, with an unused stream of `padding` bytes (as
    images and fonts make real PDFs large): written by hand, so no PDF library is needed."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {padding} >>\nstream\n{'x' * padding}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out

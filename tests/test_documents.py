"""Tests for factcheck.documents: files → Document (repaired lines, line map, structure)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from textwrap import dedent

import pytest

from factcheck.documents import parse_structure, read_document, read_document_bytes, repair_line
from factcheck.errors import InputError
from factcheck.models import Block, Document

from .factories import pdf_with_text

REPO_ROOT = Path(__file__).resolve().parents[1]
DEEPSEEK_V3_PDF = REPO_ROOT.parent / "shared" / "sources" / "deepseek-v3" / "DeepSeek_V3.pdf"


def write(path: Path, text: str) -> Path:
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def blocks_of(text: str) -> list[Block]:
    return parse_structure(dedent(text).lstrip("\n").splitlines())


def block_at(blocks: list[Block], line: int) -> Block:
    (block,) = [b for b in blocks if b.line == line]
    return block


# ------------------------------------------------------------------------------------- repair

REPAIRS = [
    ("10Ã—", "10×"),
    ("Itâ€™s 5Ã— faster", "It’s 5× faster"),
    ("â€œquotedâ€\x9d", "“quoted”"),
    ("Â£5", "£5"),
    ("ðŸ‡¨ðŸ‡³ China", "🇨🇳 China"),
    ("๐Ÿฆ™ Llama", "🦙 Llama"),  # UTF-8 read as the Thai code page (cp874)
]

UNCHANGED = [
    "plain ascii: 671B parameters, $5.6M",
    "",
    "naïve café",
    "€5 – 10×",
    "“quoted”",
    "DeepSeek—V3",
    "中文模型",
    "🦙 Llama",
    "สวัสดีครับ",  # real Thai stays Thai
    "โมเดล 671B",
    "½ price",
]


@pytest.mark.parametrize(("line", "expected"), REPAIRS)
def test_repair_line(line: str, expected: str) -> None:
    assert repair_line(line) == expected


@pytest.mark.parametrize("line", UNCHANGED)
def test_repair_line_leaves_good_text(line: str) -> None:
    assert repair_line(line) == line


def test_read_document_repairs_each_line_in_place(tmp_path: Path) -> None:
    original = ["# Costs", "", "Speed-up: 10Ã—", "Origin: ðŸ‡¨ðŸ‡³", "Mascot: ๐Ÿฆ™", "plain line"]
    path = tmp_path / "notes.md"
    path.write_text("\n".join(original) + "\n", encoding="utf-8")
    doc = read_document(path)
    assert len(doc.lines) == len(original)
    assert doc.lines == ("# Costs", "", "Speed-up: 10×", "Origin: 🇨🇳", "Mascot: 🦙", "plain line")
    assert doc.repairs == 3
    assert (doc.name, doc.media_type) == ("notes.md", "text/markdown")


# ------------------------------------------------------------------------------------ structure

STRUCTURED = """
# Open Models

## China

**1. DeepSeek Series**
- DeepSeek-V3: 671B parameters
- R1: $5.6M

**Released:** July 2025

| Model | Params | Context |
|-------|-------:|---------|
| Kimi K2 |   1T | 128K |
| Qwen3 | 235B | 32K |

**Rankings:**
1. Kimi K2
2. Qwen3

Contents
Introduction .......... 3
Model\tParams\tTokens
DeepSeek-V3\t671B\t14.8T
  Qwen3\t 235B\t36T
"""


@pytest.fixture(scope="module")
def structured() -> list[Block]:
    return blocks_of(STRUCTURED)


@pytest.mark.parametrize(
    ("line", "kind", "section"),
    [
        (1, "heading", ()),
        (3, "heading", ("Open Models",)),
        (5, "heading", ("Open Models", "China")),  # **1. DeepSeek Series** is a pseudo-heading
        (6, "bullet", ("Open Models", "China", "1. DeepSeek Series")),
        (7, "bullet", ("Open Models", "China", "1. DeepSeek Series")),
        (9, "label", ("Open Models", "China", "1. DeepSeek Series")),
        (13, "table_row", ("Open Models", "China", "1. DeepSeek Series")),
        (16, "heading", ("Open Models", "China")),
        (17, "numbered", ("Open Models", "China", "Rankings")),
    ],
)
def test_block_kind_and_section(structured: list[Block], line: int, kind: str, section: tuple[str, ...]) -> None:
    block = block_at(structured, line)
    assert (block.kind, block.section) == (kind, section)


def test_pipe_table_rows(structured: list[Block]) -> None:
    rows = [b for b in structured if b.kind == "table_row" and "|" in b.text]
    assert [r.line for r in rows] == [13, 14]  # header and separator lines are not rows
    assert [r.cells for r in rows] == [("Kimi K2", "1T", "128K"), ("Qwen3", "235B", "32K")]
    for row in rows:
        assert row.header == ("Model", "Params", "Context")
        assert len(row.cell_offsets) == len(row.cells)
        for cell, offset in zip(row.cells, row.cell_offsets, strict=True):
            assert row.text[offset : offset + len(cell)] == cell


def test_tab_separated_rows(structured: list[Block]) -> None:
    header_line = block_at(structured, 22)
    assert header_line.cells == ("Model", "Params", "Tokens")
    rows = [b for b in structured if b.kind == "table_row" and "\t" in b.text]
    assert [r.cells for r in rows] == [("DeepSeek-V3", "671B", "14.8T"), ("Qwen3", "235B", "36T")]
    for row in rows:
        assert row.header == ("Model", "Params", "Tokens")
        for cell, offset in zip(row.cells, row.cell_offsets, strict=True):
            assert row.text[offset : offset + len(cell)] == cell


def test_numbered_items_keep_list_title(structured: list[Block]) -> None:
    items = [b for b in structured if b.kind == "numbered"]
    assert [(b.number, b.list_title) for b in items] == [(1, "Rankings"), (2, "Rankings")]


def test_toc_line_is_skipped(structured: list[Block]) -> None:
    assert [b for b in structured if b.line == 21] == []
    assert all("....." not in b.text for b in structured)


def test_blank_lines_make_no_blocks(structured: list[Block]) -> None:
    lines = dedent(STRUCTURED).lstrip("\n").splitlines()
    assert all(lines[b.line - 1] == b.text for b in structured)
    assert all(b.text.strip() for b in structured)


def test_lead_in_line_titles_a_list() -> None:
    blocks = blocks_of(
        """
        # Leaderboard
        The top models this month:
        1. Kimi K2
        2. Qwen3
        """
    )
    assert [b.list_title for b in blocks if b.kind == "numbered"] == ["The top models this month"] * 2


WRAPPED = """
# DeepSeek-V3
DeepSeek-V3 is a Mixture-of-Experts model whose context window is
128K tokens, and it was trained for $5.6 million.
A new paragraph line that ends its sentence here and is long.
This line follows a finished sentence.
- A bullet item long enough to be wrapped onto the next line, at
  an indented continuation.
Blog Codestral Mamba 7B: [https://mistral.ai/news/codestral-mamba/]\\
Blog Mathstral 7B: [https://mistral.ai/news/mathstral/](https://mistral.ai)
A line with a Markdown break of two spaces at its very end, here{BREAK}
and the next line.
short line without an end
Goes on as a new item
MMLU (Pass@1) 88.3 87.2 88.5 85.2 91.8 90.8 and more words here
MMLU-Redux (EM) 88.9 88.0 89.1 86.7 - 92.9
```
a code line that is long enough to be wrapped but is code
set as it is
```
<summary>A release note whose HTML ends the line, long enough</summary>
<br>The first line of the details.
""".replace("{BREAK}", "  ")


@pytest.mark.parametrize(
    ("line", "wrapped"),
    [
        (3, True),  # goes on with the sentence begun on line 2
        (4, False),  # line 3 ends its sentence
        (5, False),
        (7, True),  # an indented continuation of a bullet
        (9, False),  # after a backslash line break
        (11, False),  # after a two-space line break
        (13, False),  # the line before is too short to have been filled to a width, and this one opens in capitals
        (15, False),  # rows of figures are a table's
        (18, False),  # inside a fenced code block
        (21, False),  # after an HTML tag
    ],
)
def test_hard_wrapped_lines_go_on_with_the_line_before(line: int, wrapped: bool) -> None:
    assert block_at(blocks_of(WRAPPED), line).wrapped is wrapped


def test_pages_are_carried_onto_blocks() -> None:
    blocks = parse_structure(["Intro", "", "Body text on page two."], pages=[1, 1, 2])
    assert [(b.line, b.page) for b in blocks] == [(1, 1), (3, 2)]


# ---------------------------------------------------------------------------------- bad input


def _make_empty(tmp_path: Path) -> Path:
    return write(tmp_path / "empty.md", "")


def _make_blank(tmp_path: Path) -> Path:
    return write(tmp_path / "blank.md", "   \n\n\t\n")


def _make_binary(tmp_path: Path) -> Path:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    return path


def _make_directory(tmp_path: Path) -> Path:
    path = tmp_path / "folder.md"
    path.mkdir()
    return path


def _make_missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.md"


def _make_fake_pdf(tmp_path: Path) -> Path:
    return write(tmp_path / "x.pdf", "this is not a PDF at all\n")


def _make_undefined_cp1252(tmp_path: Path) -> Path:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"neither UTF-8 nor cp1252: \x81\n")  # 0x81 is unassigned in cp1252
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_make_empty, "empty file"),
        (_make_blank, "empty file"),
        (_make_binary, "binary file"),
        (_make_directory, "is a directory"),
        (_make_missing, "cannot be read"),
        (_make_fake_pdf, "unreadable PDF"),
        (_make_undefined_cp1252, "not UTF-8 or Windows-1252"),
    ],
)
def test_bad_input_raises_input_error_naming_the_file(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError, match=reason) as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path / "big.md", "# Heading\n\n671B parameters\n")
    with pytest.raises(InputError, match="too large") as info:
        read_document(path, max_bytes=10)
    assert str(path) in str(info.value)
    assert read_document(path).lines[2] == "671B parameters"  # the default limit is far higher


def test_a_pdf_is_limited_by_its_text_not_its_file(tmp_path: Path) -> None:
    """A PDF's file is mostly images and fonts: 60 KB of them with two lines of text is read under
    a 20 KB limit, and its text still has to fit."""
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_with_text(["DeepSeek-V3 has 671B total parameters."], padding=60_000))
    assert read_document(path, max_bytes=20_000).lines == ("DeepSeek-V3 has 671B total parameters.",)
    with pytest.raises(InputError, match=r"too large \(60,\d+ bytes; the limit is 40,000\)"):
        read_document(path, max_bytes=5_000)  # the file itself: more than 8 times the limit
    wordy = tmp_path / "wordy.pdf"
    wordy.write_bytes(pdf_with_text([f"Line {n} of a long report with 671B parameters." for n in range(300)]))
    with pytest.raises(InputError, match=r"too large \(over [\d,]+ bytes of text; the limit is 5,000\)"):
        read_document(wordy, max_bytes=5_000)


def test_windows_1252_bytes_decode(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Café costs €5 – 10× more\nsecond line\n".encode("cp1252"))
    doc = read_document(path)
    assert doc.lines == ("Café costs €5 – 10× more", "second line")
    assert doc.media_type == "text/plain"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\n\n671B parameters\n")
    doc = read_document(path)
    assert doc.lines[0] == "# Title"
    assert doc.blocks[0].kind == "heading"


def test_sha256_is_of_the_original_bytes(tmp_path: Path) -> None:
    raw = "Speed-up: 10Ã—\n".encode()
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_document(path).sha256 == hashlib.sha256(raw).hexdigest()


# --------------------------------------------------------------------------------- HTML and PDF

HTML_PAGE = """
<!doctype html>
<html><head><title>Open models</title></head>
<body><article>
<h1>Open model sizes</h1>
<p>This page lists the parameter counts of open-weight language models released in 2025,
with their training token counts, for comparison.</p>
<table>
<tr><th>Model</th><th>Parameters</th><th>Tokens</th></tr>
<tr><td>DeepSeek-V3</td><td>671B</td><td>14.8T</td></tr>
<tr><td>Qwen3</td><td>235B</td><td>36T</td></tr>
</table>
<p>Both models were trained on large multilingual corpora and released with open weights.</p>
</article></body></html>
"""


def test_html_table_numbers_reach_the_lines(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "page.html", HTML_PAGE))
    assert doc.media_type == "text/html"
    text = doc.text
    for figure in ("671B", "14.8T", "235B", "36T"):
        assert figure in text
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("DeepSeek-V3", "671B", "14.8T"), ("Qwen3", "235B", "36T")]
    assert all(r.header == ("Model", "Parameters", "Tokens") for r in rows)


@pytest.fixture(scope="module")
def deepseek_v3() -> Document:
    if not DEEPSEEK_V3_PDF.is_file():
        pytest.skip(f"no shared PDF at {DEEPSEEK_V3_PDF}")
    return read_document(DEEPSEEK_V3_PDF)


def test_real_pdf(deepseek_v3: Document) -> None:
    assert deepseek_v3.media_type == "application/pdf"
    assert len(deepseek_v3.lines) > 500
    assert all(b.page is not None and b.page >= 1 for b in deepseek_v3.blocks)
    assert max(b.page for b in deepseek_v3.blocks if b.page is not None) > 10
    assert "671B" in deepseek_v3.text


def test_html_claims_point_at_lines_of_the_page_source() -> None:
    from factcheck.claims import extract_claims
    from factcheck.vocabulary import load_vocabulary

    path = Path(__file__).parent / "data" / "report.html"
    source = path.read_text(encoding="utf-8").splitlines()
    claims = extract_claims(read_document(path), load_vocabulary())
    by_value = {c.value: c for c in claims}
    assert "88.5" in source[by_value[88.5].line - 1]
    assert "90.2%" in source[by_value[90.2].line - 1]
    assert "DeepSeek-V3 was trained" in source[by_value[5.6e6].line - 1]


def test_form_feeds_and_old_mac_breaks_keep_line_numbers_as_editors_show_them(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"Page one\n\x0cPage two: DeepSeek-V3 has 671B parameters\rthird\r\nfourth\n")
    document = read_document(path)
    assert document.lines == ("Page one", "Page two: DeepSeek-V3 has 671B parameters", "third", "fourth")
    assert [b.page for b in document.blocks if b.line == 2] == [2]  # the form feed opened page 2


def test_bytes_from_elsewhere_read_like_a_file() -> None:
    document = read_document_bytes(
        b"<html><body><article><p>Training took 2.788M GPU hours in all, "
        b"which the report states twice.</p></article></body></html>",
        "page",
        media_type="text/html",
    )
    assert document.media_type == "text/html" and "2.788M GPU hours" in document.text
    with pytest.raises(InputError, match="empty"):
        read_document_bytes(b"  \n", "blank.md")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_text_with_a_byte_order_mark_is_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "notes.txt"
    bom = {"utf-16": b"", "utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe"}[encoding]
    path.write_bytes(bom + "Qwen3 has 235B parameters.\nsecond line\n".encode(encoding))
    assert read_document(path).lines == ("Qwen3 has 235B parameters.", "second line")


def test_a_broken_pdf_is_one_error_and_no_library_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "ls.pdf"
    path.write_bytes(b"\x7fELF\x02\x01\x01 not a pdf at all")
    with caplog.at_level("DEBUG"), pytest.raises(InputError, match="unreadable PDF"):
        read_document(path)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf") and r.levelname == "WARNING"] == []


def test_html_whose_body_holds_its_text_keeps_its_headings_and_a_tables_caption_is_no_header() -> None:
    # trafilatura finds no main container in such a page and drops its headings; the body read
    # as the article keeps them. A <caption> comes out as a header row of one cell.
    html = dedent(
        """\
        <!DOCTYPE html>
        <html><head><title>Memo</title></head>
        <body>
        <h1>Procurement Memo</h1>
        <p><strong>To:</strong> IT Steering Committee<br>
        <strong>Date:</strong> 2025-08-18</p>
        <h2>2. Current demand</h2>
        <p>Over the last quarter our workloads averaged 40B tokens per month across three workloads.</p>
        <ul>
        <li><strong>Mixtral 8x7B</strong> (Mistral AI): excluded. It is distributed under a research licence.</li>
        </ul>
        <h2>4. Cost</h2>
        <table>
        <caption>Table 1. Steady-state throughput</caption>
        <thead><tr><th>Model</th><th>GPUs</th><th>Output tokens/s</th></tr></thead>
        <tbody><tr><td>DeepSeek-V3</td><td>8</td><td>18,500</td></tr></tbody>
        </table>
        </body></html>
        """
    )
    document = read_document_bytes(html.encode(), "memo.html")
    headings = [b for b in document.blocks if b.kind == "heading"]
    assert [
        document.lines[i].lstrip("# ") for i in range(len(document.lines)) if document.lines[i].startswith("#")
    ] == [
        "Procurement Memo",
        "2. Current demand",
        "4. Cost",
    ]
    assert headings and headings[0].line == 4  # the <h1>'s line, not the <title>'s
    (row,) = [b for b in document.blocks if b.kind == "table_row"]
    assert row.header == ("Model", "GPUs", "Output tokens/s")
    assert [b.section[-1] for b in document.blocks if "40B" in b.text] == ["2. Current demand"]

"""Files → Document: decoded and repaired text, its original line numbers, and its structure.

Numbers take their meaning from where they stand, so a Document is a sequence of `Block`s
(headings, bullets, numbered items, `**Key:** value` lines, table rows with their header,
paragraphs), each with its heading path. Mojibake is repaired line by line so that every
line keeps its number in the original file.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import ftfy

from factcheck.errors import InputError
from factcheck.models import Block, Document

__all__ = [
    "read_document",
    "read_document_bytes",
    "parse_structure",
    "repair_line",
    "SUPPORTED_SUFFIXES",
    "MAX_DOCUMENT_BYTES",
]

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".pdf")
# Reading costs about 10 s and 250 MB of memory per MB of text (claims, store, reports), so a
# document of more than 10 MB of text is refused with an error rather than read for minutes.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# A PDF's file is mostly images and fonts: the limit applies to its text, and its file may be this
# many times larger.
_PDF_FILE_FACTOR = 8

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=False,
)
_THAI = re.compile("[\u0e01-\u0e5b]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _encode_single_byte(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        for codec in ("cp874", "cp1252"):
            try:
                out += ch.encode(codec)
                break
            except UnicodeEncodeError:
                continue
        else:
            return None
    return bytes(out)


def _repair_thai_mojibake(line: str) -> str:
    """UTF-8 bytes that were decoded as Windows-874 (Thai): `๐Ÿฆ™` is 🦙.

    ftfy does not try the Thai code page, so each run of non-ASCII characters that contains
    Thai letters is re-encoded (cp874, falling back to cp1252 for 0x80-0x9F) and decoded as
    UTF-8; a run that does not decode cleanly is left as it is.
    """

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        if not _THAI.search(run):
            return run
        raw = _encode_single_byte(run)
        if raw is None:
            return run
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            # Bytes 0x81-0x9F that neither code page maps were lost when the text was first
            # mis-decoded ("โณ" is ⏳ missing its 0x8F). Up to two lost bytes are tolerated;
            # real Thai text re-encoded this way is not UTF-8 at all and stays as it is.
            partial = raw.decode("utf-8", errors="ignore")
            lost = len(raw) - len(partial.encode("utf-8"))
            return partial if partial and lost <= 2 and not _THAI.search(partial) else run

    return _NON_ASCII_RUN.sub(fix, line)


def repair_line(line: str) -> str:
    """One line with mojibake repaired (cp1252 via ftfy, Thai code page by re-decoding)."""
    if line.isascii():
        return line
    fixed = _repair_thai_mojibake(line) if _THAI.search(line) else line
    return ftfy.fix_text(fixed, _FTFY_CONFIG)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def paged_text(document: Document) -> str:
    """The document's text with a form feed opening each page after the first, so that reading it
    back as plain text keeps the page numbers (how an archived PDF's text is stored)."""
    page_of: dict[int, int] = {b.line: b.page for b in document.blocks if b.page is not None}
    out, page = [], 1
    for number, line in enumerate(document.lines, start=1):
        current = page_of.get(number, page)
        out.append("\f" * max(0, current - page) + line)
        page = max(page, current)
    return "\n".join(out)


def split_lines(text: str) -> list[str]:
    """Lines as editors and `grep -n` number them: broken at \\n, \\r\\n and \\r only. str.splitlines()
    also breaks at form feeds and other separators, which pdftotext output is full of, and
    would shift every line number after the first page."""
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _decode(raw: bytes, path: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-16 text despite its byte-order mark ({exc.reason})") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 or Windows-1252 text ({exc.reason} at byte {exc.start})") from exc


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Windows editors save "Unicode" text so


def _looks_binary(raw: bytes) -> bool:
    if raw.startswith(_UTF16_BOMS):
        return False  # two bytes a character: its NULs are text
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(head) // 50)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: too large ({size:,} bytes; the limit is {max_bytes:,})")
        raw = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise InputError(f"{path}: empty file")
    return raw


def _pdf_lines(raw: bytes, path: str, max_text_bytes: int | None = None) -> tuple[list[str], list[int]]:
    """Text of each PDF page, as lines, with the page number of each line; reading stops with an
    error as soon as the text passes `max_text_bytes`."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs ("EOF marker not found"); the one line a reader needs is ours.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        lines: list[str] = []
        pages: list[int] = []
        size = 0
        for number, page in enumerate(reader.pages, start=1):
            for line in (page.extract_text() or "").splitlines():
                lines.append(line)
                pages.append(number)
                size += len(line.encode("utf-8")) + 1
            if max_text_bytes is not None and size > max_text_bytes:
                raise InputError(f"{path}: too large (over {size:,} bytes of text; the limit is {max_text_bytes:,})")
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: unreadable PDF ({exc})") from exc
    finally:
        pypdf_log.setLevel(level)
    if not any(line.strip() for line in lines):
        raise InputError(f"{path}: PDF has no extractable text (scanned images?)")
    return lines, pages


def _html_lines(text: str, path: str) -> tuple[list[str], list[int]]:
    """Main text of an HTML page as Markdown (tables kept), via trafilatura, with the line of the
    original file each extracted line comes from, so that claims point into the page's source."""
    extracted = _extract_main_text(text)
    if extracted and not _MARKDOWN_HEADING.search(extracted) and _HTML_HEADING.search(text):
        # Where trafilatura finds no main container (a page whose body holds its paragraphs,
        # lists and a table directly), it keeps paragraphs and drops every heading: the sections
        # a figure's subject comes from. The body marked as the article keeps them.
        wrapped = _BODY_OPEN.sub(r"\g<0><article>", text, count=1)
        wrapped = _BODY_CLOSE.sub("</article>\\g<0>", wrapped, count=1)
        again = _extract_main_text(wrapped) if wrapped != text else None
        if again and _MARKDOWN_HEADING.search(again) and len(again) >= len(extracted):
            extracted = again
    if not extracted:
        raise InputError(f"{path}: no main text found in the HTML")
    lines = extracted.splitlines()
    source = split_lines(text)
    # The page's text is looked for in its body: the <title> in the head repeats the first heading.
    body = next((i for i, line in enumerate(source) if _BODY_OPEN.search(line)), 0)
    return lines, _source_lines(lines, source, body)


_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_HTML_HEADING = re.compile(r"<h[1-6][\s>]", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(r"</body\s*>", re.IGNORECASE)


def _extract_main_text(html: str) -> str | None:
    import trafilatura

    return trafilatura.extract(
        html,
        output_format="markdown",
        include_tables=True,
        include_links=True,
        include_comments=False,
        favor_recall=True,
    )


_TAG = re.compile(r"<[^>]*>")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_WORD = re.compile(r"[^\W_]+(?:[.,][^\W_]+)*")


def _source_lines(extracted: list[str], source: list[str], start: int = 0) -> list[int]:
    """For each extracted line, the first source line at or after the previous match (at first,
    `start`) whose visible text holds the extracted line's leading words; unmatched lines inherit
    the previous number."""
    import html

    visible = [" ".join(_WORD.findall(html.unescape(_TAG.sub(" ", line)))) for line in source]
    numbers: list[int] = []
    cursor = start
    for line in extracted:
        words = _WORD.findall(_LIST_MARK.sub("", line))  # "1. DeepSeek-R1: …" stands as "<li>DeepSeek-R1: …"
        key = " ".join(words[:4])
        found = None
        if key:
            found = next((i for i in range(cursor, len(visible)) if key in visible[i]), None)
            if found is None and words:
                found = next((i for i in range(cursor, len(visible)) if words[0] in visible[i].split()), None)
        if found is not None:
            cursor = found
        numbers.append(cursor + 1)
    return numbers


def read_document(path: Path, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """Read one file into a Document.

    Raises InputError, with a one-line reason naming the file, for a file that is missing,
    unreadable, empty, binary, too large, of an unsupported type, or undecodable.
    """
    is_pdf = path.suffix.lower() == ".pdf"
    raw = _read_bytes(path, max_bytes * _PDF_FILE_FACTOR if is_pdf else max_bytes)
    return read_document_bytes(raw, path.name, path=str(path), max_text_bytes=max_bytes)


def read_document_bytes(
    raw: bytes, name: str, *, path: str = "", media_type: str = "", max_text_bytes: int | None = None
) -> Document:
    """Read bytes obtained elsewhere (an archived source) into a Document, as `read_document` reads a
    file: `name` decides the type by its suffix unless `media_type` says it (text/html,
    application/pdf, text/markdown, text/plain). Raises InputError as `read_document` does."""
    where = path or name
    if not raw.strip():
        raise InputError(f"{where}: empty")
    suffix = Path(name).suffix.lower()
    sha = hashlib.sha256(raw).hexdigest()
    pages: list[int] | None = None
    line_numbers: list[int] | None = None
    if suffix == ".pdf" or media_type == "application/pdf" or raw.startswith(b"%PDF-"):
        lines, pages = _pdf_lines(raw, where, max_text_bytes)
        media_type = "application/pdf"
    else:
        if _looks_binary(raw):
            raise InputError(f"{where}: binary file, not a text document")
        text = _decode(raw, where)
        html_type = media_type in ("text/html", "application/xhtml+xml")
        if html_type or suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text[:500], re.I):
            lines, line_numbers = _html_lines(text, where)
            media_type = "text/html"
        else:
            lines = split_lines(text)
            markdown = suffix in (".md", ".markdown") or any(_HEADING.match(line) for line in lines[:400])
            media_type = "text/markdown" if markdown else "text/plain"
            if "\f" in text:  # pages separated by form feeds, as pdftotext writes them
                pages = list(itertools.accumulate(1 + line.count("\f") for line in lines))
                pages = [p - i for i, p in enumerate(pages)]
                lines = [line.replace("\f", "") for line in lines]
    repaired = [repair_line(line) for line in lines]
    repairs = sum(1 for a, b in zip(lines, repaired, strict=True) if a != b)
    blocks = parse_structure(repaired, pages=pages, line_numbers=line_numbers, markdown=media_type != "application/pdf")
    return Document(
        path=path or name,
        name=name,
        media_type=media_type,
        sha256=sha,
        lines=tuple(repaired),
        blocks=tuple(blocks),
        repairs=repairs,
    )


# --- structure -----------------------------------------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*\*\*([^*]+?)\*\*\s*:?[^\w*\[(]{0,4}$")  # (an emoji after it: "**5. gpt-oss-120b** 🤷")
_LABEL = re.compile(r"^\s*(?:[-*+•]\s+)?\*\*([^*]{1,60}?):?\*\*:?\s+(\S.*)$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦]|[\u2022\u25aa])\s+(.*)$")
_NUMBERED = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(.*)$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# "Results .... 12", and pdftotext's ". . . . 12". The first dot is written out of the repeat: a
# pattern that opens with a literal lets the regex engine skip to the dots (8x faster per line).
_TOC = re.compile(r"\.\s?(?:\.\s?){3,}\s*\d+\s*$")
# A line that ends like this is not cut off in mid-sentence: a sentence's end, a bold title, an
# HTML tag, or a Markdown line break (a backslash or two spaces).
_LINE_END = re.compile(r"[.!?:;|]\W*$|\*\*\s*$|>\s*$|\\$|\S {2,}$")
# A wrapped line goes on in words or figures, not in a drawing ("│  └─ Kimi K2").
_GOES_ON = re.compile(r"\s*(?:\\?[$*_\[(]|[\w€£¥~≈\"'“‘])")  # "\$100M" is an escaped "$100M"
# A row of figures ("MMLU (Pass@1) 88.3 87.2 88.5 85.2") is a table's, as PDF text sets them.
_FIGURE_ROW = re.compile(r"(?:\s+(?:[-–]|[\d.,]+[%KMBT]?)){3,}\s*$")
# Shorter lines are lists or labels set one per line, not prose filled to a width, unless a
# sentence of a few words stops at a figure after a word in lower case, whose unit the next line
# gives ("trained on 2,048" / "H800 GPUs."): not a contents line ("B Ablation Studies 47") or a
# table's row ("DeepSeek 67B Chat 8.35 16.6").
_WRAP_WIDTH = 40
_ENDS_IN_A_FIGURE = re.compile(r"^\s*(?:\S+\s+){2,}[a-z]+\s+[$~≈]?\d[\d,.]*$")
_SENTENCE_END = re.compile(r"[.!?;,)\]]\s*$")


def _is_caption(header: tuple[str, ...], cells: tuple[str, ...], next_line: str) -> bool:
    """Whether the header read so far is a caption and `cells`, followed by a separator, the
    columns' names."""
    return (
        len(header) > 1
        and bool(header[0].strip())
        and not any(cell.strip() for cell in header[1:])
        and all(cell.strip() for cell in cells)
        and bool(_TABLE_SEPARATOR.match(next_line.strip()))
    )


def _clean_heading(text: str) -> str:
    text = re.sub(r"[*_`]+", "", text).strip()
    return text.rstrip(":").strip()


def _split_pipe_row(line: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    stripped = line.strip()
    base = line.index(stripped[0]) if stripped else 0
    body = stripped[1:] if stripped.startswith("|") else stripped
    if body.endswith("|"):
        body = body[:-1]
    cells: list[str] = []
    offsets: list[int] = []
    pos = base + (1 if stripped.startswith("|") else 0)
    for part in re.split(r"(?<!\\)\|", body):
        lead = len(part) - len(part.lstrip())
        cells.append(part.strip())
        offsets.append(pos + lead)
        pos += len(part) + 1
    return tuple(cells), tuple(offsets)


def _split_tab_row(line: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    cells: list[str] = []
    offsets: list[int] = []
    pos = 0
    for part in line.split("\t"):
        lead = len(part) - len(part.lstrip())
        cells.append(part.strip())
        offsets.append(pos + lead)
        pos += len(part) + 1
    return tuple(cells), tuple(offsets)


@dataclass
class _Outline:
    """The heading path while walking a document, with Markdown and bold pseudo-headings."""

    levels: list[tuple[int, str]] = field(default_factory=list)
    markdown_level: int = 0  # level of the innermost real Markdown heading

    def push(self, level: int, title: str) -> None:
        while self.levels and self.levels[-1][0] >= level:
            self.levels.pop()
        self.levels.append((level, title))

    def push_markdown(self, level: int, title: str) -> None:
        self.markdown_level = level
        self.push(level, title)

    def close(self, level: int) -> None:
        """End the sections at `level` and deeper."""
        while self.levels and self.levels[-1][0] >= level:
            self.levels.pop()

    def last_markdown_level(self) -> int:
        return self.markdown_level

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.levels)


def _is_plain_heading(lines: list[str], i: int) -> bool:
    """A short title line standing alone between blank lines, as in text converted from PDF."""
    line = lines[i].strip()
    if not line or len(line) > 110 or "\t" in line or _SENTENCE_END.search(line) and not line.endswith(":"):
        return False
    if _BULLET.match(lines[i]) or _LABEL.match(lines[i]):  # a list item standing alone is still a list item
        return False
    if line.endswith(":") and len(line) > 80:
        return False
    before = lines[i - 1].strip() if i > 0 else ""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if before or after:
        return False
    first = next((ch for ch in line if ch.isascii() and ch.isalnum()), "")  # an emoji may lead: "⏳ Timeline"
    return first.isupper() or first.isdigit()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _is_indented_title(lines: list[str], i: int) -> bool:
    """A short line, after a blank one, that the lines below it are indented under, as plain-text
    newsletters set an item's name above its details ("    GLM-4.5 (Zhipu)" / "        355B total")."""
    line = lines[i].strip()
    if not line or len(line) > 80 or line[-1] in ".!?;,:" or _BULLET.match(lines[i]) or _NUMBERED.match(lines[i]):
        return False
    if i > 0 and lines[i - 1].strip() or i + 1 >= len(lines) or not lines[i + 1].strip():
        return False
    # a name, and a maker in brackets: "GLM-4.5 (Zhipu / Z.ai)", "gpt-oss-120b and gpt-oss-20b"
    # (not "A reasoning successor to Kimi K2", whose lines are about the successor)
    words = re.sub(r"\([^)]*\)", " ", line).split()
    if not all(w[:1].isupper() or any(ch.isdigit() for ch in w) or w in ("and", "&", "/", "-") for w in words):
        return False
    return _indent(lines[i + 1]) > _indent(lines[i]) and not _BULLET.match(lines[i + 1])


_INDENTED_TITLE_LEVEL = 20  # below every other heading: plus the title's indent, so that deeper ones nest


def _is_wrap(before: str, line: str) -> bool:
    """Whether `line` goes on with the prose of the line before it: that line stops in
    mid-sentence and is long (or this one opens in lower case, as no new item does), and this one
    goes on in words or figures."""
    return (
        (
            len(before.strip()) >= _WRAP_WIDTH
            or line.lstrip()[:1].islower()
            or _ENDS_IN_A_FIGURE.search(before) is not None
        )
        and not _LINE_END.search(before)
        and bool(_GOES_ON.match(line))
        and not _FIGURE_ROW.search(before)
        and not _FIGURE_ROW.search(line)
    )


def parse_structure(
    lines: list[str],
    pages: list[int] | None = None,
    line_numbers: list[int] | None = None,
    *,
    markdown: bool = True,
) -> list[Block]:
    """The blocks of a Markdown or plain-text document, each with its heading path.

    `line_numbers` maps each of `lines` to its line in the original file where they differ
    (text extracted from HTML); by default line i is line i + 1. With `markdown` False (text
    from a PDF) a line that opens with "#" is no heading: "# Total Params 72B 271B" is a table row.
    """
    blocks = list(_walk(lines, pages, markdown=markdown))
    if line_numbers is None:
        return blocks
    return [replace(b, line=line_numbers[b.line - 1]) for b in blocks]


_HTML_TABLE_START = re.compile(r"<table\b", re.IGNORECASE)
_HTML_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</t[hd]\s*>", re.IGNORECASE | re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ROWSPAN = re.compile(r"\browspan\s*=\s*[\"']?(\d+)", re.IGNORECASE)
_COLSPAN = re.compile(r"\bcolspan\s*=\s*[\"']?(\d+)", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]+>")
_FOOTNOTE_MARK = re.compile(r"(?<=\d)\s*[*†‡§]+$")


def _html_cell_text(raw: str) -> str:
    """A cell as a reader sees it: tags dropped (<sup>Kimi K2</sup> keeps its words), line breaks
    as spaces, entities decoded, and a footnote mark after a figure dropped (72.7<sup>*</sup>)."""
    import html

    text = html.unescape(_HTML_TAG.sub(" ", re.sub(r"<br\s*/?>", " ", raw, flags=re.IGNORECASE)))
    return _FOOTNOTE_MARK.sub("", " ".join(text.split()))


def _html_tables(lines: list[str]) -> dict[int, tuple[int, list[tuple[int, tuple[str, ...], bool]]]]:
    """HTML <table> markup inside a Markdown or text file (model cards write benchmark tables so):
    for the line each table starts on, the line it ends on and its rows as (line index, cells,
    whether all cells are <th>)."""
    tables: dict[int, tuple[int, list[tuple[int, tuple[str, ...], bool]]]] = {}
    i = 0
    while i < len(lines):
        if not _HTML_TABLE_START.search(lines[i]):
            i += 1
            continue
        end = next((j for j in range(i, len(lines)) if _HTML_TABLE_END.search(lines[j])), len(lines) - 1)
        starts = list(itertools.accumulate((len(line) + 1 for line in lines[i:end]), initial=0))
        # commented-out markup is no cell; blanked in place, so offsets still find each row's line
        region = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), "\n".join(lines[i : end + 1]))
        rows = []
        spanning: dict[int, tuple[str, str, int]] = {}  # column → (tag, text, rows it still covers)
        for row in _HTML_ROW.finditer(region):
            cells = _spanned_cells(_HTML_CELL.findall(row.group(1)), spanning)
            if cells:
                line = i + max(k for k, start in enumerate(starts) if start <= row.start())
                rows.append((line, tuple(text for _tag, text in cells), all(tag == "th" for tag, _ in cells)))
        tables[i] = (end, rows)
        i = end + 1
    return tables


def _spanned_cells(
    found: list[tuple[str, str, str]], spanning: dict[int, tuple[str, str, int]]
) -> list[tuple[str, str]]:
    """A row's cells with those of rows above that span down into it (rowspan) put back in their
    columns, and a cell that spans columns (colspan) taking all of them, so that every figure
    stays under its own header ("17B (Activated)" under Params, not under the Training Data cell
    that spans two models; "83.4" under Llama 4 Scout after "No multimodal support" spanning two
    models). A spanned header repeats in each column; a spanned body cell fills the first. A row
    of one cell is a group title ("Coding Tasks") and stays one cell."""
    cells: list[tuple[str, str]] = []
    pending = list(found)
    while pending or len(cells) in spanning:
        column = len(cells)
        if column in spanning:
            tag, text, left = spanning.pop(column)
            if left > 1:
                spanning[column] = (tag, text, left - 1)
            cells.append((tag, text))
            continue
        tag, attributes, body = pending.pop(0)
        tag, text = tag.lower(), _html_cell_text(body)
        rowspan, colspan = _ROWSPAN.search(attributes), _COLSPAN.search(attributes)
        width = int(colspan.group(1)) if colspan and len(found) > 1 else 1
        for offset in range(max(width, 1)):
            shown = text if offset == 0 or tag == "th" else ""
            if rowspan and int(rowspan.group(1)) > 1:
                spanning[column + offset] = (tag, shown, int(rowspan.group(1)) - 1)
            cells.append((tag, shown))
    return cells


def _html_table_blocks(
    rows: list[tuple[int, tuple[str, ...], bool]], section: tuple[str, ...], pages: list[int] | None
) -> Iterator[Block]:
    header: tuple[str, ...] = ()
    for index, cells, all_header in rows:
        if all_header and not header or not header and index == rows[0][0]:
            header = cells
            continue
        if len(cells) == 1:
            continue  # a group title spanning the table ("Coding Tasks")
        text = " | ".join(cells)
        offsets = tuple(itertools.accumulate((len(c) + 3 for c in cells[:-1]), initial=0))
        page = pages[index] if pages else None
        yield Block("table_row", index + 1, text, section, cells=cells, header=header, cell_offsets=offsets, page=page)


def _walk(lines: list[str], pages: list[int] | None, *, markdown: bool = True) -> Iterator[Block]:
    outline = _Outline()
    header: tuple[str, ...] = ()
    table_kind = ""
    list_title = ""
    last_text = ""
    prose_line = 0  # the line of the last paragraph or list item, which the next may wrap
    in_code = False  # inside a fenced code block, where lines are set as they are, never wrapped
    plain = not markdown or not any(_HEADING.match(line) for line in lines[:400])
    html_tables = _html_tables(lines) if any("<t" in line.lower() for line in lines) else {}
    inside_html_table_until = -1
    indented_titles: list[int] = []  # the indents of the indented item titles the line is under
    for i, line in enumerate(lines):
        if i <= inside_html_table_until:
            continue
        if i in html_tables:
            inside_html_table_until, rows = html_tables[i]
            yield from _html_table_blocks(rows, outline.path, pages)
            continue
        number = i + 1
        page = pages[i] if pages else None
        stripped = line.strip()
        if not stripped:
            # PDF conversion leaves blank lines between the rows of one table: it goes on while
            # the next non-blank line still has tab-separated cells.
            if table_kind == "tab" and "\t" not in next((x for x in lines[i + 1 :] if x.strip()), ""):
                table_kind = ""
            continue
        if _TOC.search(stripped):
            continue
        while indented_titles and indented_titles[-1] >= _indent(line):
            outline.close(_INDENTED_TITLE_LEVEL + indented_titles.pop())  # back out of an indented item
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
        m = _HEADING.match(line) if markdown else None
        if m:
            title = _clean_heading(m.group(2))
            outline.push_markdown(len(m.group(1)), title)
            table_kind, list_title = "", title
            yield Block("heading", number, line, outline.path[:-1], page=page)
            continue
        if "|" in stripped and stripped.startswith("|") or table_kind == "pipe" and "|" in stripped:
            if _TABLE_SEPARATOR.match(stripped):
                continue
            cells, offsets = _split_pipe_row(line)
            next_line = lines[i + 1] if i + 1 < len(lines) else ""
            if table_kind != "pipe" and _TABLE_SEPARATOR.match(next_line.strip()):
                header, table_kind = cells, "pipe"
                continue
            if _is_caption(header, cells, next_line):
                # trafilatura writes an HTML table's <caption> as a header row of one cell: the
                # columns' names are in the row after it ("| Table 1. … |  |  |" / "| Model | GPUs |")
                header = cells
                continue
            table_kind = "pipe"
            yield Block(
                "table_row", number, line, outline.path, cells=cells, header=header, cell_offsets=offsets, page=page
            )
            continue
        if table_kind == "pipe":
            table_kind, header = "", ()
        if "\t" in stripped:
            cells, offsets = _split_tab_row(line)
            if table_kind != "tab":
                header, table_kind = cells, "tab"
                yield Block("heading", number, line, outline.path, cells=cells, page=page)
                continue
            yield Block(
                "table_row", number, line, outline.path, cells=cells, header=header, cell_offsets=offsets, page=page
            )
            continue
        table_kind = ""
        bold = _BOLD_LINE.match(line)
        if bold:
            title = _clean_heading(bold.group(1))
            outline.push(outline.last_markdown_level() + 1 + (0 if not plain else 6), title)
            list_title = title
            yield Block("heading", number, line, outline.path[:-1], page=page)
            continue
        if plain and not in_code and _is_indented_title(lines, i):
            indented_titles.append(_indent(line))
            outline.push(_INDENTED_TITLE_LEVEL + indented_titles[-1], stripped)
            list_title = stripped
            # a line of the item's own, in its section: "GLM-4.5 (355B total, 32B active)" states figures
            yield Block("paragraph", number, line, outline.path, page=page)
            continue
        if plain and _is_plain_heading(lines, i):
            title = _clean_heading(stripped)
            outline.push(7, title)
            list_title = title
            yield Block("heading", number, line, outline.path[:-1], page=page)
            continue
        numbered = _NUMBERED.match(line)
        wraps = not in_code and prose_line == number - 1 and _is_wrap(lines[i - 1], line)
        prose_line = number
        if numbered:
            yield Block(
                "numbered",
                number,
                line,
                outline.path,
                list_title=list_title or last_text,
                number=int(numbered.group(2)),
                page=page,
            )
            continue
        if _LABEL.match(line):
            yield Block("label", number, line, outline.path, page=page)
        elif _BULLET.match(line):
            yield Block("bullet", number, line, outline.path, page=page)
        else:
            list_title = _clean_heading(stripped) if stripped.endswith(":") else list_title
            yield Block("paragraph", number, line, outline.path, page=page, wrapped=wraps)
        last_text = stripped

"""Document → references, in-text citations, claim-to-source links, and a citation audit.

A claim can only be checked against the source it points at. This module reads a document's
reference lists (author-date or numbered, as converted from PDF with entries broken across
lines) and resources lists (`- DeepSeek: https://...`), finds where the text cites them (links,
arXiv ids, `(Lambert, 2025a)`), links each claim to the URLs that back it, and reports
citations a reader cannot follow as written. Pure: no network, no database.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlsplit, urlunsplit

from factcheck.conflicts import fingerprint
from factcheck.models import (
    DOCUMENT_SUBJECT,
    Block,
    Citation,
    Claim,
    Document,
    Finding,
    FindingKind,
    Qualifier,
    Quantity,
    Reference,
    Severity,
)
from factcheck.vocabulary import Vocabulary, normalize_name

__all__ = ["paper_dates", "audit_citations", "find_citations", "find_references", "link_claims", "normalize_url"]

# --- text patterns -------------------------------------------------------------------------------

_REFERENCE_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|works cited|sources|citations|resources|"
    r"further reading|reading list|links|useful links)\s*:?\s*$",
    re.IGNORECASE,
)
_MARKER = re.compile(r"^\s*(?:[-*+•▪◦]|\d{1,3}[.)])\s+")
_URL_TEXT = r"<(?:https?://|www\.)[^<>\n]{1,2000}>|(?:\bhttps?://|(?<![\w/@.])www\.)[^\s<>\"'`]+"
_URL = re.compile(_URL_TEXT, re.IGNORECASE)
# A line that only holds a URL (and an access note): the rest of the entry above it.
_URL_ONLY = re.compile(rf"^(?:{_URL_TEXT})\s*(?:\((?:accessed|retrieved|viewed)\b[^()]*\))?\s*\.?$", re.IGNORECASE)
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+?)[.,;]?(?:\s|$)", re.IGNORECASE)
_AVAILABLE = re.compile(r"\bavailable (?:at|from|online at)\s*:?\s*(?P<where>[^\s<>()]+)", re.IGNORECASE)
# "Lambert, N. (2025b) ...", "Allen Institute for AI (2025) ...": authors, then the year in brackets.
_ENTRY_HEAD = re.compile(
    r"^(?P<authors>[^\W\d_][^()'\"‘“:<\[]{0,119}?)\s*\((?P<year>(?:19|20)\d{2})(?P<letter>[a-z]?)\)[.,]?(?:\s+|$)"
)
# "- DeepSeek: https://...", "- **LMArena:** https://...": a name, then its links.
_NAMED = re.compile(
    r"^(?:\*\*(?P<bold>[^*,\n]{1,80}?)\s*:?\s*\*\*\s*:?|(?P<plain>[^:*\[\],\n]{1,80}?)\s*:)\s+(?P<rest>\S.*)$"
)
_QUOTED_TITLE = re.compile(r"^['‘\"“](?P<title>.+?)['’\"”](?=[,.]?(?:\s|$))")
_PLAIN_TITLE = re.compile(r"^(?P<title>.+?)(?:\.\s|\.?$|\s+Available\b)")

_ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
_ARXIV_TEXT = re.compile(rf"\barXiv\s*:\s*(?P<id>{_ARXIV_ID})\b", re.IGNORECASE)
_ARXIV_URL = re.compile(rf"arxiv\.org/(?:abs|pdf|html)/(?P<id>{_ARXIV_ID})(?:\.pdf)?/?$", re.IGNORECASE)

_YEAR = r"(?:19|20)\d{2}[a-z]?"
_AUTHOR = r"[A-Z][\w.'’&\-]*(?:\s+(?:[A-Z][\w.'’&\-]*|of|in|for|and|the|de|van|von|der|da|du|la|le|et\s+al\.?|&))*"
_PARENTHETICAL = re.compile(r"\(([^()]{3,400})\)")
_CITED = re.compile(
    rf"^\s*(?:(?:see(?:\s+also)?|cf\.|e\.g\.,?|i\.e\.,?)\s+)?(?P<author>{_AUTHOR}),\s*"
    rf"(?P<years>{_YEAR}(?:\s*,\s*{_YEAR})*)(?:\s*,\s*(?:pp?\.|para\.|ch\.)\s*[\w\-–]+)?\s*$"
)
_NARRATIVE = re.compile(
    rf"(?<![\w(])(?P<author>[A-Z][\w.'’&\-]*(?:\s+(?:[A-Z][\w.'’&\-]*|of|in|for|the)){{0,3}}(?:\s+et\s+al\.)?)"
    rf"\s+\((?P<years>{_YEAR}(?:\s*,\s*{_YEAR})*)\)"
)
_NUMERIC = re.compile(r"(?<![\w\]!])\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\](?![(:\[])")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Words that make "(May, 2025)", "(Q3, 2025)" or "(Updated, 2025)" a date, not an author.
_NOT_AUTHOR = re.compile(
    r"^(?:" + "|".join(_MONTHS) + r"|spring|summer|fall|autumn|winter|early|mid|late|end|since|before|after|"
    r"until|as|updated|released|launched|published|est|fy|cy|version|approx|circa|around|q[1-4]|h[12])$",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b")
_MONTH_DAY = re.compile(
    r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*(?P<year>(?:19|20)\d{2}))?\b"
)
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_ACCESSED = re.compile(
    r"\b(?:accessed|retrieved|viewed)(?:\s+on)?\s*:?\s*(?P<date>[^()]{4,40}?)(?=\)|\.\s|\.?$|;)", re.IGNORECASE
)

# --- URLs ----------------------------------------------------------------------------------------

_DEFAULT_PORTS = {"http": 80, "https": 443}
_SEARCH_ENGINES = re.compile(r"(?:^|\.)(?:google\.[a-z.]+|bing\.com|duckduckgo\.com|baidu\.com|yandex\.[a-z]+)$")
_SEARCH_PATHS = {"search", "results", "s", "find"}
_SEARCH_PARAMETERS = {"q", "query", "search_query", "wd", "p", "text", "keywords", "k"}
# Top-level domains that no registry has and a slip of the finger gives: ".con" for ".com".
_TLD_TYPOS = {"con", "cmo", "ocm", "comm", "coom", "cpm", "vom", "xom", "cim", "orgg", "ogr", "rog", "nte", "nett"}
# "atomproject.ai/x" without a scheme is a web address; "Open_Models_in_2025.pdf" is a file name.
_BARE_DOMAIN = re.compile(
    r"^(?:[a-z0-9-]+\.)+(?!(?:pdf|html?|docx?|txt|md|csv|xlsx?|pptx?|png|jpe?g|gif|zip)(?:/|$))[a-z]{2,}(?:/|$)",
    re.IGNORECASE,
)
_OPEN_URL_AT_END = re.compile(r"(?:https?://|www\.)[^\s<>\"'`]*$", re.IGNORECASE)
_URL_FRAGMENT = re.compile(r"^[a-z0-9\-/._][\w\-.~%/?#=&+:@]*")
_HTTP_TYPO = re.compile(r"^(?:h+t+p+s*|h?t+p+s?|hptts?|htps?)$")


def _clean_url(raw: str) -> str:
    """A URL without the angle brackets and sentence punctuation it was written with."""
    url = raw.strip().lstrip("<").strip()
    while True:
        before = url
        url = url.rstrip(".,;:!?'\"*_`>")
        for close, open_ in ((")", "("), ("]", "[")):
            if url.endswith(close) and url.count(close) > url.count(open_):
                url = url[:-1]
        if url == before:
            return url


def normalize_url(url: str) -> str:
    """The form two URLs are compared in: "https://Mistral.ai:443/#top" is "https://mistral.ai".

    Trailing punctuation and angle brackets go, scheme and host are lower-cased, the fragment
    and a default port are dropped, and so is the slash of a bare host; path and query are
    kept as written. A string that is no URL comes back cleaned but otherwise unchanged.
    """
    url = _clean_url(url)
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    if not parts.netloc:
        return url
    host = (parts.hostname or "").rstrip(".")
    netloc = f"[{host}]" if ":" in host else host
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    scheme = parts.scheme.lower()
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc += f":{port}"
    path = "" if parts.path == "/" else parts.path
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def _is_web_address(url: str) -> bool:
    return url.lower().startswith(("http://", "https://", "www."))


def _url_problem(url: str) -> tuple[str, str] | None:
    """Why a URL cannot be followed to a source, as (finding metric, reason), or None.

    Conservative on purpose: only what is certainly wrong (no host, spaces, a host without a
    dot, a top-level domain no registry has) or certainly no source (a page of search results).
    """
    if re.search(r"\s", url):
        return "malformed url", "contains spaces"
    address = url
    if "://" not in url and (url.lower().startswith("www.") or _BARE_DOMAIN.match(url)):
        address = "https://" + url
    try:
        parts = urlsplit(address)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return "malformed url", "cannot be parsed"
    scheme = parts.scheme.lower()
    if not scheme or not host:
        return "malformed url", "is not a web address (it has no host)"
    if scheme not in _DEFAULT_PORTS:
        return ("malformed url", f"has a misspelt scheme '{parts.scheme}:'") if _HTTP_TYPO.match(scheme) else None
    if re.fullmatch(r"[\d.]+|[0-9a-f:]+", host):
        return None  # an IP address
    labels = host.split(".")
    if len(labels) < 2:
        return "malformed url", f"has a host without a dot ('{host}')"
    if "" in labels or any(label.startswith("-") or label.endswith("-") for label in labels):
        return "malformed url", f"has a broken host name ('{host}')"
    tld = labels[-1]
    if tld in _TLD_TYPOS or not (tld.isalpha() or tld.startswith("xn--")):
        return "malformed url", f"ends in '.{tld}', which is no top-level domain"
    return _search_problem(host, parts.path, parts.query)


def _search_problem(host: str, path: str, query: str) -> tuple[str, str] | None:
    asked = {key.lower() for key in parse_qs(query)} & _SEARCH_PARAMETERS
    if not asked:
        return None
    last = path.rstrip("/").rsplit("/", 1)[-1].lower().split(".")[0]
    if last in _SEARCH_PATHS or host.startswith("search.") or _SEARCH_ENGINES.search(host):
        return "search page", "is a page of search results, not a source"
    return None


def _url_tail(before: str, following: str, *, in_entry: bool) -> str:
    """The start of `following` that continues a URL which `before` breaks off at its end, as
    PDF conversion does ("https://arxiv." / "org/abs/2408.11791."), or "".

    Outside reference entries only a URL that is evidently cut (its host has no dot, or it ends
    in "." "-" "/" "_") is continued; inside them, any whose next line starts with a fragment
    that has a separator in it ("odels/blob/main/MODEL_CARD.md").
    """
    url = _OPEN_URL_AT_END.search(before)
    tail = _URL_FRAGMENT.match(following.lstrip()) if url else None
    if not url or not tail:
        return ""
    fragment = _clean_url(tail.group(0))
    inner = bool(re.search(r"[\-/._]", fragment))
    try:
        host = urlsplit(_clean_url(url.group(0))).hostname or ""
    except ValueError:
        host = ""
    cut = url.group(0).endswith((".", "-", "/", "_")) or "." not in host or before[: url.start()].endswith("<")
    if cut and (inner or fragment.isdigit()) or in_entry and inner:
        return tail.group(0)
    return ""


def _arxiv_url(identifier: str) -> str:
    return f"https://arxiv.org/abs/{identifier}"


# --- reference lists -----------------------------------------------------------------------------


def _body(text: str) -> str:
    """A line without its list marker."""
    return _MARKER.sub("", text.strip(), count=1).strip()


def _entry_like(body: str) -> bool:
    return bool(_ENTRY_HEAD.match(body) or _URL.search(body) or _MD_LINK.search(body) or _DOI.search(body))


def _listed(document: Document) -> Iterator[tuple[Block, bool]]:
    """Each block, and whether it stands in a reference or resources list (under a heading like
    "References", or after a lead-in line like "Sources:")."""
    lead_in = False
    for block in document.blocks:
        under = lead_in or any(_REFERENCE_HEADING.match(t) for t in (*block.section, block.list_title) if t)
        names_list = bool(_REFERENCE_HEADING.match(re.sub(r"[*_`#]+", "", block.text)))
        if block.kind == "heading":
            # An entry standing alone between blank lines reads as a title in text from PDFs (and
            # takes the place of "References" in the heading path): the list goes on.
            entry = under and _entry_like(_body(block.text))
            lead_in = lead_in if entry else names_list
            yield block, entry
        elif block.kind == "paragraph" and names_list:
            lead_in = True
            yield block, False
        else:
            yield block, under


@dataclass
class _Entry:
    """One reference entry while its lines are gathered (PDF conversion breaks entries)."""

    line: int
    number: int | None
    section: str
    indent: int  # of the first line: deeper lines hang from it
    written: list[str] = field(default_factory=list)  # the lines as written
    bodies: list[str] = field(default_factory=list)  # the same without list markers

    def add(self, block: Block) -> None:
        self.written.append(block.text.strip())
        self.bodies.append(_body(block.text))

    @property
    def body(self) -> str:
        """The entry as one line; a URL broken at a line end is put back together."""
        text = self.bodies[0]
        for part in self.bodies[1:]:
            text += ("" if _url_tail(text, part, in_entry=True) else " ") + part
        return text


def _named_links(body: str, *, only_links: bool) -> tuple[str, list[str]] | None:
    """The name and links of `Name: URL [and URL] [(comment)]`; with `only_links`, None when
    anything but links and a comment follows the name."""
    m = _NAMED.match(body)
    if not m or not _URL.match(m["rest"]) or ". " in (m["bold"] or m["plain"] or ""):
        return None  # "Dev.to, 24 September. Available at: <URL>" ends an entry: no name
    if only_links:
        leftover = re.sub(r"\([^()]*\)", " ", _URL.sub(" ", m["rest"]))
        if re.sub(r"\b(?:and|or)\b|[\s,;|/&+–—-]", "", leftover):
            return None
    name = (m["bold"] or m["plain"] or "").strip()
    return name, [_clean_url(u.group(0)) for u in _URL.finditer(m["rest"])]


def _starts_entry(block: Block, body: str) -> bool:
    return _entry_like(body) or block.kind in ("numbered", "bullet")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _continues(entry: _Entry, block: Block, body: str) -> bool:
    """A line that only holds the URL the entry still lacks, a line that hangs from the entry's
    first line, or any line after an entry that visibly did not end (`..., Dev.to,` /
    `Available at:`), unless it starts an entry itself."""
    if _ENTRY_HEAD.match(body) or _named_links(body, only_links=False):
        return False
    if _URL_ONLY.match(body) and not _URL.search(entry.body):
        return True
    if block.kind != "numbered" and _indent(block.text) > entry.indent:
        return True
    return entry.bodies[-1].rstrip().endswith((",", ":", ";"))


def _entries(document: Document) -> Iterator[_Entry]:
    current: _Entry | None = None
    for block, listed in _listed(document):
        body = _body(block.text)
        if listed and current is not None and _continues(current, block, body):
            current.add(block)
            continue
        if current is not None:
            yield current
            current = None
        if (
            listed
            and _starts_entry(block, body)
            or block.kind in ("bullet", "label")
            and _named_links(body, only_links=True)
        ):
            current = _Entry(block.line, block.number, " > ".join(block.section), _indent(block.text))
            current.add(block)
    if current is not None:
        yield current


def _key_author(authors: str) -> str:
    """ "Lambert, N." and "Lambert, N. and Smith, J." are cited as Lambert; an organisation
    ("Allen Institute for AI") by its full name."""
    authors = authors.strip().rstrip(".,").strip()
    head, comma, tail = authors.partition(",")
    if comma and re.match(r"\s*[A-Z](?:[a-z]+)?\b", tail):
        return head.strip()
    return authors


def _title(rest: str) -> tuple[str, str]:
    """The title an entry gives after its author and year, and what follows the title."""
    m = _QUOTED_TITLE.match(rest) or _PLAIN_TITLE.match(rest)
    if not m:
        return "", rest
    return m["title"].strip(), rest[m.end() :]


def _entry_url(text: str) -> str:
    """The entry's URL; a DOI as its resolver URL; else whatever it says it is available at."""
    m = _URL.search(text)
    if m:
        return _clean_url(m.group(0))
    doi = _DOI.search(text)
    if doi:
        return f"https://doi.org/{doi.group(1)}"
    where = _AVAILABLE.search(text)
    return _clean_url(where["where"]) if where else ""


def _iso(year: int, month: int, day: int) -> str:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _full_date(text: str, year: int | None) -> str:
    """The first full date in `text` as ISO, taking `year` when the text gives day and month only."""
    m = _ISO_DATE.search(text)
    if m:
        return _iso(int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            month = _MONTHS.get(m["month"].lower())
            stated = int(m["year"]) if m["year"] else year
            if month and stated:
                iso = _iso(stated, month, int(m["day"]))
                if iso:
                    return iso
    return ""


def _accessed(text: str) -> str:
    m = _ACCESSED.search(text)
    return _full_date(m["date"], None) if m else ""


def _dates(text: str, year: int | None) -> tuple[str, ...]:
    """The dates an entry states, in order: published (when a full date follows from the entry's
    year and a day and month), then accessed."""
    before = re.split(r"\b(?:accessed|retrieved|viewed)\b", text, maxsplit=1, flags=re.IGNORECASE)[0]
    return tuple(d for d in (_full_date(before, year), _accessed(text)) if d)


def _parse_entry(document: str, entry: _Entry) -> list[Reference]:
    """One entry as references: one per link in a resources line, else one."""
    body = entry.body
    base = Reference(document=document, line=entry.line, text=" ".join(entry.written), url="", section=entry.section)
    head = _ENTRY_HEAD.match(body)
    if head:
        title, after = _title(body[head.end() :])
        year = int(head["year"])
        key = f"{_key_author(head['authors'])}, {year}{head['letter']}"
        return [
            replace(base, url=_entry_url(after), key=key, label=title, number=entry.number, dates=_dates(after, year))
        ]
    named = _named_links(body, only_links=False)
    if named:  # a resources line: its list number is no citation number
        name, urls = named
        return [replace(base, url=url, label=name) for url in dict.fromkeys(urls)]
    link = _MD_LINK.search(body)
    url = _clean_url(link["url"]) if link else _entry_url(body)
    label = link["text"].strip() if link else _title(_URL.sub("", body).strip())[0].strip(" -–:;,")
    return [replace(base, url=url, label=label[:200], number=entry.number, dates=_dates(body, None))]


def find_references(document: Document) -> list[Reference]:
    """The entries of the document's reference lists and resources lists, in document order.

    An author-date entry ("Lambert, N. (2025b) 'Llama 4 ...'") gets its key ("Lambert, 2025b"),
    title as label, URL and dates; a resources line ("- Qwen: URL and URL") gives one reference
    per URL, labelled with its name. Lines that only continue an entry broken by PDF conversion
    (a URL on the next line) are part of it; `line` is the entry's first line in the file.
    """
    return [ref for entry in _entries(document) for ref in _parse_entry(document.name, entry)]


# --- citations -----------------------------------------------------------------------------------


def _key_token(author: str, year: str) -> str:
    """What a cited key and a reference key are matched by: "(Smith et al., 2023)" cites
    "Smith, J., Jones, K. (2023)"; "(ATOM Project, 2025)" cites "The ATOM Project (2025)"."""
    author = re.sub(r"\s+et\s+al\.?$", "", author.strip(), flags=re.IGNORECASE)
    author = re.split(r"\s+(?:and|&)\s+|,", author)[0]
    author = re.sub(r"^the\s+", "", author, flags=re.IGNORECASE)
    return f"{normalize_name(author)}|{year.lower()}"


def _key_index(references: Sequence[Reference]) -> dict[str, list[Reference]]:
    index: dict[str, list[Reference]] = defaultdict(list)
    for ref in references:
        if ref.key:
            author, _, year = ref.key.rpartition(", ")
            index[_key_token(author, year)].append(ref)
    return index


def _number_index(references: Sequence[Reference]) -> dict[int, list[Reference]]:
    """Entries of numbered lists without author-date keys: these are cited as [n]."""
    index: dict[int, list[Reference]] = defaultdict(list)
    for ref in references:
        if ref.number is not None and not ref.key:
            index[ref.number].append(ref)
    return index


def _code_lines(document: Document) -> set[int]:
    """Lines inside fenced code blocks: a URL in a command is no citation."""
    lines: set[int] = set()
    fenced = False
    for number, line in enumerate(document.lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            lines.add(number)
        elif fenced:
            lines.add(number)
    return lines


def _is_author(author: str) -> bool:
    return not any(_NOT_AUTHOR.match(word.strip(".,")) for word in author.split())


def _resolved(
    document: str, line: int, text: str, author: str, year: str, keys: dict[str, list[Reference]]
) -> Citation:
    refs = keys.get(_key_token(author, year), [])
    return Citation(
        document=document,
        line=line,
        text=text,
        kind="author_date",
        url=refs[0].url if len(refs) == 1 else "",
        key=f"{' '.join(author.split())}, {year}",
        references=tuple(sorted({r.line for r in refs})),
    )


def _author_date(
    document: str, line: int, text: str, keys: dict[str, list[Reference]], taken: list[tuple[int, int]]
) -> Iterator[tuple[int, Citation]]:
    for m in _PARENTHETICAL.finditer(text):
        if _inside(m.span(), taken):
            continue
        for part in m.group(1).split(";"):
            cited = _CITED.match(part)
            if not cited or not _is_author(cited["author"]):
                continue
            for year in re.split(r"\s*,\s*", cited["years"]):
                citation = _resolved(document, line, m.group(0), cited["author"], year, keys)
                # A model with its year ("GPT-4, 2023") reads like a citation: only a key that
                # resolves may carry digits in its author.
                if citation.references or not re.search(r"\d", cited["author"]):
                    taken.append(m.span())
                    yield m.start(), citation
    for m in _NARRATIVE.finditer(text):  # "Lambert (2025a) argues": only keys the list has
        if _inside(m.span(), taken):
            continue
        words = m["author"].split()
        for n in range(len(words)):
            author = " ".join(words[n:])
            years = re.split(r"\s*,\s*", m["years"])
            if author[0].isupper() and all(_key_token(author, y) in keys for y in years):
                written = m.group(0)[m.group(0).index(author) :]
                for year in years:
                    yield m.start(), _resolved(document, line, written, author, year, keys)
                break


def _expand(numbers: str) -> list[int]:
    """ "1, 3-5" → [1, 3, 4, 5]."""
    cited: list[int] = []
    for part in re.split(r"\s*,\s*", numbers):
        low, _, high = re.sub(r"\s*[-–]\s*", "-", part).partition("-")
        high = high or low
        if low.isdigit() and high.isdigit() and 0 <= int(high) - int(low) <= 50:
            cited.extend(range(int(low), int(high) + 1))
    return cited


def _numbered(
    document: str, line: int, text: str, numbers: dict[int, list[Reference]], taken: list[tuple[int, int]]
) -> Iterator[tuple[int, Citation]]:
    for m in _NUMERIC.finditer(text):
        if _inside(m.span(), taken):
            continue
        for n in _expand(m.group(1)):
            refs = numbers.get(n, [])
            url = refs[0].url if len(refs) == 1 else ""
            lines = tuple(r.line for r in refs)
            yield m.start(), Citation(document, line, m.group(0), "numbered", url, key=f"[{n}]", references=lines)


def _inside(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)


def _links(
    document: str, line: int, text: str, taken: list[tuple[int, int]], following: str = ""
) -> Iterator[tuple[int, Citation]]:
    """Links, bare URLs and arXiv ids; a URL broken off at the end of the line takes its rest
    from `following`, the next line."""

    def citation(written: str, url: str) -> Citation:
        arxiv = _ARXIV_URL.search(url)
        if arxiv:
            return Citation(document, line, written, "arxiv", _arxiv_url(arxiv["id"]))
        return Citation(document, line, written, "link", url)

    for m in _MD_LINK.finditer(text):
        url = _clean_url(m["url"])
        if _is_web_address(url):  # not "#anchors" or relative paths: those are no sources
            yield m.start(), citation(m.group(0), url)
        taken.append(m.span())
    for m in _URL.finditer(text):
        if not _inside(m.span(), taken):
            tail = _url_tail(text[: m.end()], following, in_entry=False) if not text[m.end() :].strip() else ""
            url = _clean_url(m.group(0) + tail)
            yield m.start(), citation(m.group(0) if m.group(0).startswith("<") else _clean_url(m.group(0)), url)
            taken.append(m.span())
    for m in _ARXIV_TEXT.finditer(text):
        if not _inside(m.span(), taken):
            yield m.start(), Citation(document, line, m.group(0), "arxiv", _arxiv_url(m["id"]))
            taken.append(m.span())


def find_citations(document: Document, references: Sequence[Reference]) -> list[Citation]:
    """Where the text cites a source, in document order, outside the reference entries themselves.

    Kinds: "link" (a bare URL or Markdown link), "arxiv" (an id or arxiv.org URL, as
    https://arxiv.org/abs/ID), "author_date" (one citation per key in "(Reddit, 2025b; X
    Community, 2025a)"; `references` holds the lines of every entry with that key and `url` is
    set only when exactly one matches), and "numbered" ("[3]", only for numbered lists without
    keys). Dates in brackets ("(May 2025)") and "(e.g., 2025)" are not citations.
    """
    keys = _key_index(references)
    numbers = _number_index(references)
    skipped = {b.line for b, listed in _listed(document) if listed} | {r.line for r in references}
    skipped |= _code_lines(document)
    html = document.media_type == "text/html"  # its blocks carry lines of the page's source
    found: list[Citation] = []
    for block in document.blocks:
        if block.kind == "heading" or block.line in skipped:
            continue
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), block.text)
        taken: list[tuple[int, int]] = []
        following = document.lines[block.line] if not html and block.line < len(document.lines) else ""
        here = list(_links(document.name, block.line, text, taken, following))
        here += _author_date(document.name, block.line, text, keys, taken)
        if numbers:
            here += _numbered(document.name, block.line, text, numbers, taken)
        found += [c for _, c in sorted(here, key=lambda pair: pair[0])]
    return found


# --- claims to sources ---------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(\[]?[A-Z0-9])")
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "al.", "cf.", "approx.", "U.S.", "Dr.", "Mr.", "Ms.", "No.", "Fig.")


def _sentence_span(text: str, at: int) -> tuple[int, int]:
    """The start and end of the sentence of `text` that position `at` stands in."""
    start, end = 0, len(text)
    for m in _SENTENCE_BREAK.finditer(text):
        if text.endswith(_ABBREVIATIONS, 0, m.start()):
            continue
        if m.end() <= at:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


def _usable(urls: Iterable[str]) -> tuple[str, ...]:
    """URLs worth fetching, once each: no search pages or malformed addresses."""
    kept: dict[str, str] = {}
    for url in urls:
        if url and _url_problem(url) is None:
            kept.setdefault(normalize_url(url), url)
    return tuple(kept.values())


@dataclass(frozen=True)
class _Linker:
    """What linking needs from one document, computed once."""

    by_line: dict[int, list[Citation]]
    texts: dict[int, list[str]]
    kinds: dict[int, str]
    reference_urls: dict[int, list[str]]
    named: list[tuple[str, str, str]]  # (label as a subject, label as written, url)

    def citation_urls(self, citations: Iterable[Citation]) -> tuple[str, ...]:
        """Each citation's URL; for an ambiguous key, every candidate entry's, after the others."""
        citations = list(citations)
        direct = [c.url for c in citations if c.url]
        candidates = [u for c in citations if not c.url for n in c.references for u in self.reference_urls.get(n, [])]
        return _usable([*direct, *candidates])

    def cited(self, claim: Claim) -> tuple[str, ...]:
        here = self.by_line.get(claim.line, [])
        if here:
            text = next((t for t in self.texts.get(claim.line, []) if claim.text in t), "")
            at = text.find(claim.text) if claim.text else -1
            if at >= 0:
                start, end = _sentence_span(text, at)
                urls = self.citation_urls(c for c in here if start <= text.find(c.text) < end)
                if urls:
                    return urls
            urls = self.citation_urls(here)
            if urls:
                return urls
        if self.kinds.get(claim.line) != "paragraph":  # rows and list items speak for their line only
            return ()
        lines = [claim.line]
        for step in (-1, 1):
            line = claim.line + step
            while self.kinds.get(line) == "paragraph":
                lines.append(line)
                line += step
        return self.citation_urls(c for line in sorted(lines) for c in self.by_line.get(line, []))

    def named_for(self, subject: str, vocabulary: Vocabulary | None) -> tuple[str, ...]:
        """Resources named after the subject, then after its families, nearest first."""
        if subject == DOCUMENT_SUBJECT:
            return ()
        targets = [subject, *(vocabulary.ancestors(subject) if vocabulary else [])]
        urls = [url for target in targets for name, _, url in self.named if name == normalize_name(target)]
        if vocabulary is None or subject not in vocabulary.subjects:
            # A subject no vocabulary knows: "DeepSeek" covers "DeepSeek-V3" by its spelling.
            urls += [
                url for _, label, url in self.named if re.match(re.escape(label) + r"(?:[\s\-_.]|\d)", subject, re.I)
            ]
        return _usable(urls)


def _label_subject(label: str, vocabulary: Vocabulary | None) -> str:
    """The subject a label names: "Kimi (Moonshot)" is Kimi; the label itself when none."""
    cleaned = re.sub(r"\s*\([^)]*\)", "", label).strip(" *:")
    if vocabulary is None or not cleaned:
        return cleaned
    found = vocabulary.subject(cleaned)
    if found:
        return found
    mentions = vocabulary.find_subjects(cleaned)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(cleaned):
        return mentions[0].name
    return cleaned


def _linker(
    document: Document,
    references: Sequence[Reference],
    citations: Sequence[Citation],
    vocabulary: Vocabulary | None,
) -> _Linker:
    by_line: dict[int, list[Citation]] = defaultdict(list)
    for c in citations:
        if c.document == document.name:
            by_line[c.line].append(c)
    texts: dict[int, list[str]] = defaultdict(list)
    kinds: dict[int, str] = {}
    for block in document.blocks:
        texts[block.line].append(block.text)
        kinds.setdefault(block.line, block.kind)
    reference_urls: dict[int, list[str]] = defaultdict(list)
    named: list[tuple[str, str, str]] = []
    for ref in references:
        if ref.url:
            reference_urls[ref.line].append(ref.url)
            if ref.label:
                cleaned = re.sub(r"\s*\([^)]*\)", "", ref.label).strip(" *:")
                named.append((normalize_name(_label_subject(ref.label, vocabulary)), cleaned, ref.url))
    return _Linker(by_line, texts, kinds, reference_urls, named)


_ARXIV_MONTH = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{2})(\d{2})\.\d{4,5}", re.IGNORECASE)


def paper_dates(document: Document, references: Sequence[Reference], vocabulary: Vocabulary | None) -> list[Claim]:
    """When the papers a document lists for its subjects were written, as claims: an arXiv id
    starts with the year and month of submission (2309.10305 is September 2023), so a resources
    line "Baichuan 2: https://arxiv.org/abs/2309.10305" dates the Baichuan 2 paper. Conflicts
    compare these with the release dates the document gives."""
    found: list[Claim] = []
    for reference in references:
        match = _ARXIV_MONTH.search(reference.url)
        subject = _label_subject(reference.label, vocabulary) if reference.label else ""
        if not match or not subject or (vocabulary is not None and vocabulary.subject(subject) is None):
            continue
        year, month = 2000 + int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            continue
        iso = f"{year}-{month:02d}"
        quantity = Quantity(
            value=iso, unit="date", qualifier=Qualifier.EXACT, text=match.group(0), start=0, end=len(match.group(0)),
            kind="date",
        )  # fmt: skip
        found.append(
            Claim(
                id=hashlib.sha256(
                    f"{document.name}\x1fpaper date\x1f{subject}\x1f{reference.url}".encode()
                ).hexdigest()[:12],
                document=document.name,
                line=reference.line,
                subject=subject,
                metric="paper date",
                quantity=quantity,
                text=reference.text,
                section=reference.section,
            )
        )
    return found


def link_claims(
    claims: Sequence[Claim],
    document: Document,
    references: Sequence[Reference],
    citations: Sequence[Citation],
    vocabulary: Vocabulary | None = None,
) -> dict[str, tuple[str, ...]]:
    """Claim id → the URLs of the sources that back it, best first, for claims of `document`.

    A claim is backed by what is cited in its sentence, else on its line, else (for prose) in its
    paragraph; an ambiguous author-date key contributes every entry it may mean. Failing that,
    the resources and references whose label names the claim's subject or one of its families
    ("DeepSeek" covers DeepSeek-V3). Search pages and malformed URLs are left out; claims with no
    source are absent from the result.
    """
    linker = _linker(document, references, citations, vocabulary)
    links: dict[str, tuple[str, ...]] = {}
    for claim in claims:
        if claim.document != document.name or claim.line <= 0:
            continue
        urls = linker.cited(claim) or linker.named_for(claim.subject, vocabulary)
        if urls:
            links[claim.id] = urls
    return links


# --- the audit -----------------------------------------------------------------------------------


class _ClaimMaker:
    """Reference entries and citations as Claims, so that findings about them are built, stored
    and fingerprinted as any other. Ids come from the document, metric, subject, text and the
    occurrence count of those, never from line numbers."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.seen: Counter[tuple[str, ...]] = Counter()
        self.sections = {b.line: " > ".join(b.section) for b in document.blocks}
        self.texts: dict[int, list[str]] = defaultdict(list)
        for block in document.blocks:
            self.texts[block.line].append(block.text)

    def claim(self, line: int, subject: str, metric: str, text: str, value: str, quote: str, section: str) -> Claim:
        identity = (metric, subject, text, quote)
        self.seen[identity] += 1
        at = text.find(quote)
        start, end = (at, at + len(quote)) if at >= 0 else (0, len(quote))
        quantity = Quantity(value, "url", Qualifier.EXACT, quote, start, end, kind="category")
        key = "\x1f".join([self.document.name, *identity, str(self.seen[identity])])
        claim_id = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
        return Claim(claim_id, self.document.name, line, subject, metric, quantity, text, section=section)

    def reference(self, ref: Reference) -> Claim:
        subject = ref.key or ref.label or normalize_url(ref.url)
        value = ref.url or ref.key or ref.label
        return self.claim(ref.line, subject, "reference", ref.text, value, value, ref.section)

    def citation(self, citation: Citation) -> Claim:
        line = next((t for t in self.texts.get(citation.line, []) if citation.text in t), citation.text)
        at = max(line.find(citation.text), 0)
        start, end = _sentence_span(line, at)
        sentence = line[start:end].strip() or line.strip()
        subject = citation.key or normalize_url(citation.url)
        value = citation.url or citation.key
        return self.claim(
            citation.line, subject, "citation", sentence, value, citation.text, self.sections.get(citation.line, "")
        )


def _finding(severity: Severity, subject: str, metric: str, explanation: str, claims: Sequence[Claim]) -> Finding:
    kind = FindingKind.CITATION
    return Finding(
        kind, severity, subject, metric, explanation, tuple(claims), fingerprint(kind, subject, metric, claims)
    )


def _where(claims: Sequence[Claim]) -> str:
    lines = sorted({c.line for c in claims})
    shown = ", ".join(map(str, lines[:5])) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
    return f"{claims[0].document}: line{'s' if len(lines) > 1 else ''} {shown}"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _duplicate_urls(refs: Sequence[tuple[Reference, Claim]]) -> Iterator[Finding]:
    groups: dict[str, list[tuple[Reference, Claim]]] = defaultdict(list)
    for ref, claim in refs:
        if ref.url:
            groups[normalize_url(ref.url)].append((ref, claim))
    for url, group in groups.items():
        if len({ref.line for ref, _ in group}) > 1:
            claims = [c for _, c in group]
            yield _finding(
                Severity.MEDIUM,
                url,
                "duplicate reference",
                f"{url} is listed as {len(group)} different references ({_where(claims)}); "
                "keep one entry so that every citation of it leads to the same place.",
                claims,
            )


def _ambiguous_keys(refs: Sequence[tuple[Reference, Claim]], citations: Sequence[Citation]) -> Iterator[Finding]:
    groups: dict[str, list[tuple[Reference, Claim]]] = defaultdict(list)
    for ref, claim in refs:
        if ref.key:
            groups[ref.key].append((ref, claim))
    for key, group in groups.items():
        if len(group) < 2:
            continue
        lines = {ref.line for ref, _ in group}
        uses = sum(1 for c in citations if c.kind == "author_date" and lines & set(c.references))
        cited = "it" if not uses else "its citation" if uses == 1 else f"its {uses} citations"
        claims = [c for _, c in group]
        yield _finding(
            Severity.MEDIUM,
            key,
            "ambiguous citation key",
            f"{len(group)} references share the key '{key}' ({_where(claims)}), so {cited} cannot be traced "
            "to one source; give each entry its own letter (2025a, 2025b).",
            claims,
        )


def _list_was_read(document: Document, references: Sequence[Reference], citations: Sequence[Citation]) -> bool:
    """Whether an author-date citation without an entry is the document's fault: it has no
    reference list at all, or most of its citations resolve, so that its list was understood.
    (A list in a style this module does not read would otherwise leave every citation open.)"""
    author_date = [c for c in citations if c.kind == "author_date"]
    resolved = sum(1 for c in author_date if c.references)
    if any(r.key for r in references) and 2 * resolved >= len(author_date):
        return True
    return not any(_REFERENCE_HEADING.match(re.sub(r"[*_`#]+", "", line)) for line in document.lines)


def _unresolved(cites: Sequence[tuple[Citation, Claim]], author_date: bool) -> Iterator[Finding]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for citation, claim in cites:
        checked = citation.kind == "numbered" or citation.kind == "author_date" and author_date
        if checked and not citation.references:
            groups[citation.key].append(claim)
    for key, claims in groups.items():
        yield _finding(
            Severity.MEDIUM,
            key,
            "unresolved citation",
            f"'{key}' is cited {_times(len(claims))} ({_where(claims)}) but no reference entry has that key.",
            claims,
        )


def _uncited(refs: Sequence[tuple[Reference, Claim]], citations: Sequence[Citation]) -> Iterator[Finding]:
    """Entries of author-date or numbered lists that nothing cites, as one finding per document
    (a reviewer prunes a reference list in one go); a resources list is a reading list and needs
    no citations."""
    cited_lines = {line for c in citations for line in c.references}
    linked = {normalize_url(c.url) for c in citations if c.kind in ("link", "arxiv")}
    uncited: list[tuple[str, Claim]] = []
    for ref, claim in refs:
        if not ref.key and ref.number is None or ref.line in cited_lines:
            continue
        if ref.url and normalize_url(ref.url) in linked:
            continue
        uncited.append((f"'{ref.key}'" if ref.key else f"[{ref.number}]", claim))
    if not uncited:
        return
    names = ", ".join(name for name, _ in uncited[:5]) + (f" and {len(uncited) - 5} more" if len(uncited) > 5 else "")
    claims = [claim for _, claim in uncited]
    count = f"{len(uncited)} references are" if len(uncited) > 1 else "A reference is"
    yield _finding(
        Severity.LOW,
        claims[0].document,
        "uncited reference",
        f"{count} never cited in the text ({names}; {_where(claims)}); cite them where they are used or drop them.",
        claims,
    )


def _bad_urls(refs: Sequence[tuple[Reference, Claim]], cites: Sequence[tuple[Citation, Claim]]) -> Iterator[Finding]:
    items = [(ref.url, claim) for ref, claim in refs] + [(c.url, claim) for c, claim in cites if c.kind == "link"]
    for url, claim in items:
        problem = _url_problem(url) if url else None
        if problem:
            metric, reason = problem
            advice = "link the post or page the claim comes from" if metric == "search page" else "fix or replace it"
            yield _finding(
                Severity.MEDIUM, claim.subject, metric, f"{url} ({_where([claim])}) {reason}; {advice}.", [claim]
            )


def _date_disagreements(refs: Sequence[tuple[Reference, Claim]]) -> Iterator[Finding]:
    for ref, claim in refs:
        accessed = _accessed(ref.text)
        published = next((d for d in ref.dates if d != accessed), "")
        year = ref.key.rpartition(", ")[2][:4]
        if published and accessed and published > accessed:
            reason = f"is dated {published}, after it was accessed on {accessed}"
        elif published and year and published[:4] != year:
            reason = f"is keyed to {year} but dated {published}"
        else:
            continue
        yield _finding(
            Severity.LOW,
            claim.subject,
            "inconsistent reference dates",
            f"Reference '{claim.subject}' ({_where([claim])}) {reason}; one of the two is wrong.",
            [claim],
        )


def audit_citations(
    document: Document, references: Sequence[Reference], citations: Sequence[Citation]
) -> list[Finding]:
    """Citation findings for one document, ordered by line.

    Medium: a URL listed as several references, a key shared by several references, a
    citation no reference answers, a search page or malformed URL given as a source. Low: a
    reference of an author-date or numbered list that is never cited, an entry whose dates
    disagree. Each finding's claims stand for the entries and citations involved (metric
    "reference" or "citation"), so fingerprints survive unrelated edits.
    """
    maker = _ClaimMaker(document)
    refs = [(ref, maker.reference(ref)) for ref in references]
    cites = [(c, maker.citation(c)) for c in citations]
    findings = [
        *_duplicate_urls(refs),
        *_ambiguous_keys(refs, citations),
        *_unresolved(cites, _list_was_read(document, references, citations)),
        *_uncited(refs, citations),
        *_bad_urls(refs, cites),
        *_date_disagreements(refs),
    ]
    return sorted(findings, key=lambda f: (min(c.line for c in f.claims), f.metric, f.subject))

"""Claim files: the reviewable YAML form of a document's claims, `claims/<document>.yaml`.

`factcheck extract` writes them and people edit them or write new ones by hand, so the format
is made for diffs and for hands: one block-style entry per claim with its keys in a fixed order,
dates quoted, numbers plain, no anchors. Hand-written entries need only id, subject, metric and
value; the shape is defined by `data/claims.schema.json` (JSON Schema 2020-12).

Reading never trusts a file: `check_claim_files` returns every problem as `path:line: message`
(the line of the offending YAML node), and `load_claim_file` raises `InputError` with them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

import yaml
from jsonschema import Draft202012Validator, ValidationError

from factcheck.errors import InputError
from factcheck.models import Claim, Qualifier, Quantity
from factcheck.yamlfiles import (
    Problem,
    QuotedStr,
    dump_yaml_entries,
    duplicate_keys,
    line_of,
    parse_yaml,
    write_atomically,
)

__all__ = [
    "claim_source_links",
    "Problem",
    "check_claim_files",
    "claim_file_paths",
    "claim_from_record",
    "load_claim_file",
    "write_claim_file",
]

# Key order of an entry as written: what a reviewer reads first comes first.
_FIELDS = ("id", "subject", "metric", "value", "unit", "qualifier", "low", "high", "quote", "text", "line",
           "section")  # fmt: skip
_OTHER_FORMATS = frozenset({"decisions.yaml", "sources.yaml"})  # live in claims/ but are not claim files
_FIGURES = ("value", "low", "high")
# YAML 1.1 reads 5.6e6 (no dot or no exponent sign) as a string; other digit strings may be dates.
_EXPONENT_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+")
_T = TypeVar("_T")


# ----------------------------------------------------------------------------------------- writing


def write_claim_file(directory: Path, document_name: str, claims: Sequence[Claim]) -> Path:
    """Write the claims of one document to `directory/<document name>.yaml` and return the path.

    The whole file name is kept ("page.md.yaml", "page.html.yaml") so that documents that
    differ only in their extension never overwrite each other's claims.

    The file is replaced atomically, so readers never see half a file. Raises ValueError if a
    claim belongs to another document and OSError if the directory cannot be written.
    """
    strays = sorted({c.document for c in claims if c.document != document_name})
    if strays:
        raise ValueError(f"claims of {strays} passed for document {document_name!r}")
    path = directory / f"{Path(document_name).name}.yaml"
    kept = _source_links(path) if path.exists() else {}  # links a reviewer wrote survive re-extraction
    records = [_file_record(c) for c in claims]
    for record in records:
        if record["id"] in kept:
            record["sources"] = list(kept[str(record["id"])])
    text = dump_yaml_entries({"document": document_name}, "claims", records)
    directory.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text)
    return path


def _file_record(claim: Claim) -> dict[str, object]:
    """The entry for one claim: the fixed keys, then only those extras that loading cannot infer."""
    full = claim.as_record()
    q = claim.quantity
    record: dict[str, object] = {key: full[key] for key in _FIELDS}
    record.update(value=_file_figure(q.value), low=_file_figure(q.low), high=_file_figure(q.high))
    extras = {"kind": q.kind, "scale": q.scale, "precision": q.precision, "unit_text": q.unit_text,
              "start": q.start, "end": q.end, "page": claim.page, "origin": claim.origin}  # fmt: skip
    inferred = _inferred_extras(q.unit, q.text)
    record.update({key: value for key, value in extras.items() if value != inferred[key]})
    return record


def _file_figure(figure: float | str | None) -> object:
    if isinstance(figure, str):
        return QuotedStr(figure)
    return None if figure is None else float(figure)  # an int would read back as int


def _inferred_extras(unit: str, quote: str) -> dict[str, object]:
    """What `claim_from_record` assumes for a key an entry leaves out."""
    return {"kind": "date" if unit == "date" else "number", "scale": 1.0, "precision": 1.0,
            "unit_text": "", "start": 0, "end": len(quote), "page": None, "origin": "extracted"}  # fmt: skip


# ----------------------------------------------------------------------------------------- reading


_SOURCES_KEY = re.compile(r"^\s*-?\s*sources:", re.MULTILINE)


def _source_links(path: Path) -> dict[str, tuple[str, ...]]:
    """The `sources:` lists of one claim file's entries, by claim id; {} if it cannot be read
    (its problems are `factcheck check`'s to report). Most files have none, and are not parsed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    if not _SOURCES_KEY.search(text):
        return {}
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    entries = data.get("claims") if isinstance(data, Mapping) else None
    links: dict[str, tuple[str, ...]] = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Mapping) and isinstance(entry.get("sources"), list) and "id" in entry:
            links[str(entry["id"])] = tuple(str(u) for u in entry["sources"])
    return links


def claim_source_links(claims_dir: Path) -> dict[str, tuple[str, ...]]:
    """Sources written into claim files by hand (`sources: [URL, ...]`), by claim id: they replace
    the links found in the document for that claim."""
    links: dict[str, tuple[str, ...]] = {}
    for path in claim_file_paths([claims_dir]) if claims_dir.is_dir() else []:
        links.update(_source_links(path))
    return links


def load_claim_file(path: Path) -> list[Claim]:
    """The claims in one claim file.

    Raises `InputError` listing every problem as `path:line: message` if the file cannot be
    read, is not YAML, breaks the schema or repeats a claim id.
    """
    data, problems = _check_file(path, seen={})
    if problems or data is None:
        raise InputError("\n".join(str(p) for p in problems))
    return [claim_from_record(record, data["document"]) for record in data["claims"]]


def check_claim_files(paths: Sequence[Path]) -> list[Problem]:
    """Every problem in the given claim files and directories (`*.yaml`, `*.yml`), never raising.

    Reports unreadable files, YAML syntax errors, schema violations at the line of the offending
    node, duplicate keys, ranges whose low exceeds their high, and claim ids repeated within or
    across files (at the second occurrence, naming the first).
    """
    seen: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    for path in _claim_paths(paths):
        problems.extend(_check_file(path, seen)[1])
    return problems


def claim_file_paths(paths: Sequence[Path]) -> list[Path]:
    """The claim files among `paths`: files as given, and the *.yaml files in folders and their
    subfolders ("claims/manual/notes.yaml"), not the decisions or sources registers beside them."""
    return _claim_paths(paths)


def _claim_paths(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        try:
            entries = sorted(p for p in path.rglob("*") if not _hidden(p, path)) if path.is_dir() else [path]
        except OSError:
            entries = [path]  # reading it then reports why, as a problem of that path
        found.extend(p for p in entries if p == path or (p.suffix in {".yaml", ".yml"} and p.is_file()))
    return [p for p in found if p.name not in _OTHER_FORMATS]


def _hidden(path: Path, root: Path) -> bool:
    """Dot-files and dot-folders below `root` (a half-written ".notes.yaml.tmp", ".git")."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _check_file(path: Path, seen: dict[str, tuple[str, int]]) -> tuple[Any, list[Problem]]:
    """The normalized content of a claim file (None if unparseable) and its problems.

    `seen` maps claim ids to where they first appeared, and is updated with this file's ids.
    """
    name = str(path)
    parsed = parse_yaml(path, "claim file")
    if isinstance(parsed, Problem):
        return None, [parsed]
    root = parsed[0]
    try:
        data = _normalized(parsed[1])
    except RecursionError:
        return None, [Problem(name, 1, "YAML nested too deeply to be a claim file")]
    if root is None:
        return None, [Problem(name, 1, "empty claim file: expected `document:` and `claims:`")]
    problems = duplicate_keys(name, root) + _schema_problems(name, root, data)
    # Ids and ranges are checked entry by entry, so one bad entry does not hide the others' problems.
    problems += _range_problems(name, root, data) + _duplicate_ids(name, root, data, seen)
    return data, sorted(problems, key=lambda p: p.line)


def _normalized(data: Any) -> Any:
    """Dates YAML parsed unquoted back to ISO strings; figures like 5.6e6 (a string in YAML 1.1)
    to floats. Hand-written files do both; neither changes what the author meant."""
    if isinstance(data, dict):
        return {key: _normalized_figure(value) if key in _FIGURES else _normalized(value)
                for key, value in data.items()}  # fmt: skip
    if isinstance(data, list):
        return [_normalized(item) for item in data]
    if isinstance(data, dt.date | dt.datetime):
        return data.isoformat()
    return data


def _normalized_figure(value: Any) -> Any:
    if isinstance(value, str) and _EXPONENT_NUMBER.fullmatch(value.strip()):
        return float(value)
    return _normalized(value)


# ---------------------------------------------------------------------------------------- checking


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(files("factcheck").joinpath("data", "claims.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _schema_problems(name: str, root: yaml.Node, data: Any) -> list[Problem]:
    return [_schema_problem(name, root, error) for error in _validator().iter_errors(data)]


def _schema_problem(name: str, root: yaml.Node, error: ValidationError) -> Problem:
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        # Point at the unexpected key itself, not at the mapping holding it.
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        path += sorted(str(key) for key in error.instance if key not in allowed)[:1]
    where = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in error.absolute_path)
    message = error.message
    described = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator == "pattern" and described:  # say what is expected, not the regular expression
        message = f"{error.instance!r} is not valid here: expected {described[0].lower()}{described[1:]}"
    return Problem(name, line_of(root, path), f"{where.lstrip('.') or 'file'}: {message}")


def _entries(data: Any) -> list[tuple[int, Mapping[str, Any]]]:
    """The well-formed entries of a possibly malformed file, with their index."""
    claims = data.get("claims") if isinstance(data, Mapping) else None
    if not isinstance(claims, list):
        return []
    return [(i, record) for i, record in enumerate(claims) if isinstance(record, Mapping)]


def _range_problems(name: str, root: yaml.Node, data: Any) -> list[Problem]:
    problems = []
    for index, record in _entries(data):
        low, high, value = record.get("low"), record.get("high"), record.get("value")
        for key in _FIGURES:
            figure = record.get(key)
            if isinstance(figure, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", figure):
                try:
                    dt.date.fromisoformat(figure)
                except ValueError as exc:
                    problems.append(
                        Problem(
                            name,
                            line_of(root, ["claims", index, key]),
                            f"claims[{index}].{key}: {figure!r} is not a date ({exc})",
                        )
                    )
        if _comparable(low, high) and low > high:  # type: ignore[operator]
            line = line_of(root, ["claims", index, "low"])
            problems.append(Problem(name, line, f"claims[{index}]: low {low!r} is above high {high!r}"))
        elif _comparable(low, value) and _comparable(value, high) and not low <= value <= high:  # type: ignore[operator]
            line = line_of(root, ["claims", index, "value"])
            problems.append(
                Problem(name, line, f"claims[{index}]: value {value!r} is outside low..high {low!r}..{high!r}")
            )
    return problems


def _comparable(low: object, high: object) -> bool:
    if isinstance(low, float | int) and isinstance(high, float | int):
        return True
    # ISO dates order as strings, except quarters and halves (2025-Q1 sorts after 2025-12).
    return isinstance(low, str) and isinstance(high, str) and not re.search("[QH]", low + high)


def _duplicate_ids(name: str, root: yaml.Node, data: Any, seen: dict[str, tuple[str, int]]) -> list[Problem]:
    problems = []
    for index, record in _entries(data):
        if not isinstance(record.get("id"), str | int):
            continue
        line = line_of(root, ["claims", index, "id"])
        first = seen.setdefault(str(record["id"]), (name, line))
        if first != (name, line):
            message = f"duplicate claim id {record['id']!r} (first at {first[0]}:{first[1]})"
            problems.append(Problem(name, line, message))
    return problems


# -------------------------------------------------------------------------------------- converting


def claim_from_record(record: Mapping[str, object], document: str) -> Claim:
    """A Claim from a claim-file entry or a `Claim.as_record()` dict, filling omitted fields.

    `document` wins over any `document` key in the record. Unit defaults to "date" for date
    values, else ""; qualifier to exact; line to 0 (unknown); the quote's span to the whole
    quote. Raises `InputError` for a field of the wrong type or an unknown qualifier.
    """
    raw = _figure(record, "value")
    if raw is None:
        raise InputError(f"claim {record.get('id')!r}: value is required")
    unit = _field(record, "unit", str, "date" if isinstance(raw, str) else "")
    value = raw if isinstance(raw, str) else _year_or_number(raw, unit)
    quote = _field(record, "quote", str, "")
    kind = _field(record, "kind", str, str(_inferred_extras(unit, quote)["kind"]))
    quantity = Quantity(
        value=value, unit=unit, qualifier=_qualifier(record), text=quote,
        start=_field(record, "start", int, 0), end=_field(record, "end", int, len(quote)),
        low=_as_date(_figure(record, "low"), unit), high=_as_date(_figure(record, "high"), unit),
        scale=_number(record, "scale"), precision=_number(record, "precision"),
        unit_text=_field(record, "unit_text", str, ""), kind=kind,
    )  # fmt: skip
    return Claim(
        id=_required(record, "id"), document=document, line=_field(record, "line", int, 0),
        subject=_required(record, "subject"), metric=_required(record, "metric"),
        quantity=quantity, text=_field(record, "text", str, ""), section=_field(record, "section", str, ""),
        page=_optional_int(record, "page"), origin=_field(record, "origin", str, "extracted"),
    )  # fmt: skip


def _field(record: Mapping[str, object], key: str, kind: type[_T], default: _T) -> _T:
    value = record.get(key)
    if value is None:
        return default
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise InputError(f"claim {record.get('id')!r}: {key} must be {kind.__name__}, not {value!r}")
    return value


def _required(record: Mapping[str, object], key: str) -> str:
    value = _field(record, key, str, "")
    if not value:
        raise InputError(f"claim {record.get('id')!r}: {key} is required")
    return value


def _number(record: Mapping[str, object], key: str) -> float:
    value = record.get(key)
    if value is None:
        return 1.0
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"claim {record.get('id')!r}: {key} must be a number, not {value!r}")
    return float(value)


def _optional_int(record: Mapping[str, object], key: str) -> int | None:
    return None if record.get(key) is None else _field(record, key, int, 0)


def _figure(record: Mapping[str, object], key: str) -> float | str | None:
    value = _normalized_figure(record.get(key))
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"claim {record.get('id')!r}: {key} must be a number or an ISO date, not {value!r}")
    return float(value)


def _as_date(figure: float | str | None, unit: str) -> float | str | None:
    return _year_or_number(figure, unit) if isinstance(figure, float) else figure


def _year_or_number(number: float, unit: str) -> float | str:
    """A bare year written unquoted (`value: 2025`) reads as a number; with unit date it is a date."""
    return str(int(number)) if unit == "date" and number.is_integer() else number


def _qualifier(record: Mapping[str, object]) -> Qualifier:
    raw = _field(record, "qualifier", str, Qualifier.EXACT.value)
    try:
        return Qualifier(raw)
    except ValueError:
        choices = ", ".join(q.value for q in Qualifier)
        raise InputError(f"claim {record.get('id')!r}: qualifier {raw!r} is not one of {choices}") from None

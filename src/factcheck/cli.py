"""The command line: arguments in, one library call, output and an exit code out.

Exit codes follow linters: 0 clean, 1 findings, 2 usage or input error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from factcheck import __version__
from factcheck.config import Settings, load_settings
from factcheck.decisions import accept as record_decision
from factcheck.errors import FactcheckError
from factcheck.models import ExtractionResult, Severity, Snapshot, SourceStatus, Verification
from factcheck.pipeline import (
    Review,
    SourcesResult,
    add_source_file,
    check_claims,
    extract_paths,
    fetch_cited_sources,
    find_claims,
    forget_documents,
    list_sources,
    read_citations,
    run_audit,
    stored_review,
    verify_documents,
)
from factcheck.quantities import format_value
from factcheck.reports import render_github, render_sarif
from factcheck.store import Store

# Messages quote documents, URLs and reviewers' reasons, which may hold [brackets]: never markup.
_err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)  # one line each, even when piped


def _settings(ctx: click.Context, **overrides: object) -> Settings:
    db = ctx.obj.get("db") if ctx.obj else None
    return load_settings(overrides={"database": db, **overrides})


@contextmanager
def _bar(first: str) -> Iterator[Callable[[str, int], None]]:
    """A progress bar on stderr for interactive runs; silent when output is piped or in CI. Yields
    step(description, total), called once per finished item."""
    progress = Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        transient=True,
        disable=not _err.is_terminal,
    )
    with progress:
        task = progress.add_task(first, total=None)
        yield lambda description, total: progress.update(task, description=description, total=total, advance=1)


@contextmanager
def _progress() -> Iterator[Callable[[str, int], None]]:
    """One step per document read."""
    with _bar("reading") as step:
        yield lambda name, total: step(f"reading {name}", total)


@contextmanager
def _source_progress() -> Iterator[Callable[[Snapshot, int], None]]:
    """One step per source fetched or replayed."""
    with _bar("fetching sources") as step:
        yield lambda snapshot, total: step(f"{snapshot.status.value}: {snapshot.url[:60]}", total)


def _fetch_mode(offline: bool | None) -> str | None:
    return None if offline is None else ("offline" if offline else "live")


def _count(n: int, noun: str) -> str:
    """ "1 document", "5 documents": the noun's plural by adding s, as all the summaries' nouns take."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _sources_summary(sources: SourcesResult) -> str:
    if sources.mode == "off":
        return "sources not fetched (fetch = off): claims are checked against what earlier runs archived"
    counts = [f"{sources.count(s)} {s.value.replace('_', ' ')}" for s in SourceStatus if sources.count(s)]
    how = "replayed from cassettes" if sources.mode == "offline" else "fetched"
    return f"{_count(len(sources.snapshots), 'source')} {how}" + (f": {', '.join(counts)}" if counts else "")


def _verdicts_summary(verdicts: Sequence[Verification], done: str = "") -> str:
    """ "538 claims verified: 13 contradicted, 189 supported, ...", worst verdict first."""
    counts = {name: sum(1 for v in verdicts if v.verdict.value == name) for name in _VERDICT_ORDER}
    return f"{_count(len(verdicts), 'claim')}{done}: " + ", ".join(
        f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if n
    )


def _review_summary(review: Review) -> str:
    counts = {s: sum(1 for f in review.open if f.severity is s) for s in Severity}
    text = (
        f"{_count(len(review.open), 'open finding')} ({counts[Severity.HIGH]} high, {counts[Severity.MEDIUM]} "
        f"medium, {counts[Severity.LOW]} low)"
    )
    if review.accepted:
        text += f", {len(review.accepted)} accepted"
    if review.stale:
        text += f", {_count(len(review.stale), 'stale decision')}"
    return text


def _shown(path: Path) -> str:
    """A path relative to the working directory when it lies inside it: what a user would type."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _in_project(path: Path, root: Path) -> str:
    """A document's path as code scanning and annotations locate it: relative to the project root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _wide_console() -> Console:
    """stdout; when piped there is no terminal width to fit, so columns are not squeezed."""
    out = Console(highlight=False)
    return out if out.is_terminal else Console(highlight=False, width=200)


def _report_errors(result: ExtractionResult) -> None:
    for error in result.errors:
        _err.print(f"error: {error.path}: {error.reason}", style="red")


def _summary(result: ExtractionResult) -> str:
    """ "5 documents (5 unchanged since the last run), 562 claims": the count of unchanged files
    stands by the documents it counts, not after the claims, where it read as unchanged claims."""
    unchanged = f" ({len(result.unchanged)} unchanged since the last run)" if result.unchanged else ""
    unreadable = f", {len(result.errors)} unreadable" if result.errors else ""
    return f"{_count(len(result.documents), 'document')}{unchanged}, {_count(len(result.claims), 'claim')}{unreadable}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
@click.option("--db", metavar="URL", help="SQLAlchemy database URL (default: FACTCHECK_DB or ./factcheck.db).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Extract, verify and cross-check the numeric claims in documents."""
    ctx.obj = {"db": db}


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Extract again even documents that have not changed.")
@click.option("--claims-dir", type=click.Path(path_type=Path), help="Where to write claim files (default: claims/).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[Path, ...], force: bool, claims_dir: Path | None) -> None:
    """Extract the numeric claims of documents (files or folders) into the claims database."""
    settings = _settings(ctx, claims_dir=str(claims_dir) if claims_dir else None)
    with Store(settings.database) as store, _progress() as advance:
        result = extract_paths(paths, settings, store, force=force, progress=advance)
    _report_errors(result)
    _err.print(_summary(result))
    ctx.exit(2 if result.errors else 0)


@cli.command()
@click.option("--subject", help="Only claims about this subject (canonical name, any case).")
@click.option("--metric", help="Only claims of this metric.")
@click.option("--document", help="Only claims from this document (file name).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--categories", is_flag=True, help="Also list categorical claims (licences), not only numbers.")
@click.pass_context
def claims(
    ctx: click.Context, subject: str | None, metric: str | None, document: str | None, fmt: str, categories: bool
) -> None:
    """List stored claims."""
    settings = _settings(ctx)
    with Store(settings.database) as store:
        found = find_claims(settings, store, subject=subject, metric=metric, document=document, categories=categories)
    if not found:
        _err.print(
            "no claims match" if subject or metric or document else "no claims stored yet: run factcheck extract"
        )
    if fmt == "json":
        click.echo(json.dumps([c.as_record() for c in found], indent=2, ensure_ascii=False))
    elif fmt == "jsonl":
        for c in found:
            click.echo(json.dumps(c.as_record(), ensure_ascii=False))
    else:
        table = Table("document", "line", "subject", "metric", "value", "qualifier", "quote")
        for c in found:
            table.add_row(
                c.document,
                str(c.line),
                c.subject,
                c.metric,
                format_value(c.quantity),
                c.quantity.qualifier.value,
                c.quantity.text,
            )
        _wide_console().print(table)


_FAIL_ON = click.Choice(["high", "medium", "low", "never"])


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--reports-dir", type=click.Path(path_type=Path), help="Where to write reports (default: reports/).")
@click.option(
    "--fail-on", type=_FAIL_ON, help="Lowest severity of unaccepted findings that fails the run (default: high)."
)
@click.option(
    "--offline/--live",
    default=None,
    help="Replay sources from cassettes/ instead of fetching them (default: the 'fetch' setting).",
)
@click.option("--no-sources", is_flag=True, help="Do not fetch or replay the cited sources.")
@click.option(
    "--claims-dir",
    type=click.Path(path_type=Path),
    help="Where to write claim files and keep decisions (default: claims/); for documents of another project.",
)
@click.pass_context
def audit(
    ctx: click.Context,
    paths: tuple[Path, ...],
    reports_dir: Path | None,
    fail_on: str | None,
    offline: bool | None,
    no_sources: bool,
    claims_dir: Path | None,
) -> None:
    """Extract claims, fetch what the documents cite, find conflicts and citation problems, and
    write the audit reports (HTML, Markdown, JSON).

    With no PATHS, audits the documents configured in [tool.factcheck] or factcheck.toml.
    Exit 0 when no unaccepted finding reaches --fail-on, 1 when one does, 2 on input errors.
    """
    fetch = "off" if no_sources else _fetch_mode(offline)
    settings = _settings(
        ctx,
        reports_dir=str(reports_dir) if reports_dir else None,
        claims_dir=str(claims_dir) if claims_dir else None,
        fail_on=fail_on,
        fetch=fetch,
    )
    targets = _targets(paths, settings)
    with Store(settings.database) as store, _progress() as advance, _source_progress() as fetched:
        result = run_audit(targets, settings, store, progress=advance, source_progress=fetched)
    _report_errors(result.extraction)
    _err.print(_summary(result.extraction) + ", " + _review_summary(result.review))
    if result.sources is not None:
        _err.print(_sources_summary(result.sources))
    if result.verifications:
        _err.print(_verdicts_summary(result.verifications, " verified"))
    for path in result.reports:
        _err.print(f"wrote {_shown(path)}")
    if not result.extraction.documents:
        _err.print(f"no document could be read: the reports in {_shown(settings.reports_dir)} were left as they were")
    ctx.exit(result.exit_code)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "sarif", "github"]),
    default="table",
    show_default=True,
    help="sarif: SARIF 2.1.0 for code scanning; github: Actions annotations.",
)
@click.option("--fail-on", type=_FAIL_ON, help="Exit 1 when an unaccepted finding reaches this severity.")
@click.pass_context
def conflicts(ctx: click.Context, fmt: str, fail_on: str | None) -> None:
    """Print the conflicts among the stored claims.

    Exits 0 after listing them (scripts redirect the listing to a file and read it); with
    --fail-on it is a gate, exiting 1 like a linter when an open finding reaches that severity.
    """
    settings = _settings(ctx, fail_on=fail_on)
    with Store(settings.database) as store:
        review = stored_review(settings, store)
        paths = {d.name: _in_project(Path(d.path), settings.root) for d in store.documents()}
    accepted = {f.fingerprint for f in review.accepted}
    findings = [*review.open, *review.accepted]
    reasons = {d.fingerprint: d.reason for d in review.decisions if d.fingerprint in accepted}
    if fmt == "json":
        records = [{**f.as_record(), "status": "accepted" if f.fingerprint in accepted else "open"} for f in findings]
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "sarif":
        click.echo(render_sarif(findings, reasons, paths=paths))
    elif fmt == "github":
        click.echo(render_github(findings, accepted, paths=paths), nl=False)
    else:
        table = Table("id", "severity", "kind", "subject", "metric", "where", "explanation")
        for f in findings:
            where = ", ".join(c.location for c in f.claims[:4]) + (" …" if len(f.claims) > 4 else "")
            status = " (accepted)" if f.fingerprint in accepted else ""
            table.add_row(f.id, f.severity.value + status, f.kind.value, f.subject, f.metric, where, f.explanation)
        _wide_console().print(table)
    for decision in review.stale:
        _err.print(f"stale decision: {decision.fingerprint[:12]} matches no current finding ({decision.reason})")
    _err.print(_review_summary(review))
    ctx.exit(1 if fail_on and review.failing(fail_on) else 0)


def _targets(paths: Sequence[Path], settings: Settings) -> Sequence[Path]:
    """The documents a command works on: those given, else those the configuration names."""
    targets = paths or settings.documents
    if not targets:
        raise click.UsageError("no documents given and none configured ([tool.factcheck] documents = [...])")
    return targets


@cli.command()
@click.argument("fingerprint")
@click.option("--reason", required=True, help="Why the finding is acceptable (kept in claims/decisions.yaml).")
@click.pass_context
def accept(ctx: click.Context, fingerprint: str, reason: str) -> None:
    """Accept a finding (its id or fingerprint) so that it no longer fails a run."""
    settings = _settings(ctx)
    with Store(settings.database) as store:
        review = stored_review(settings, store)
    known = [f.fingerprint for f in (*review.open, *review.accepted)]
    decision = record_decision(settings.claims_dir, fingerprint, reason, known=known)
    _err.print(
        f"accepted {decision.fingerprint[:12]}: {decision.reason} ({_shown(settings.claims_dir / 'decisions.yaml')})"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--fail-on", type=_FAIL_ON, help="Lowest severity of conflicts that exits 1 (default: high).")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], fail_on: str | None) -> None:
    """Validate claim files and claims/decisions.yaml (file:line errors, duplicate ids), and report
    conflicts between their claims and everything already known. The CI entry point for new and
    changed claim files."""
    settings = _settings(ctx, fail_on=fail_on)
    missing = [path for path in paths if not path.exists()]
    for path in missing:  # a path to check that is not there is a usage error, not a finding
        _err.print(f"error: {path}: no such file or folder", style="red")
    if missing:
        ctx.exit(2)
    with Store(settings.database) as store:
        result = check_claims(list(paths), settings, store)
    for problem in result.problems:
        click.echo(str(problem))
    for finding in result.review.open:
        # the checked files' claims first: they are what the author of the change is to look at
        claims = sorted(finding.claims, key=lambda c: (c.document, c.id) not in result.checked)
        where = ", ".join(c.location for c in claims[:4]) + (" …" if len(claims) > 4 else "")
        click.echo(
            f"{where}: {finding.severity.value} {finding.kind.value} conflict [{finding.id}]: {finding.explanation}"
        )
    problems = len(result.problems)
    _err.print(
        (_count(problems, "problem") if problems else "claim and decision files are valid")
        + f", {_count(len(result.review.open), 'conflict')} with known claims"
    )
    ctx.exit(result.exit_code(settings.fail_on))


@cli.command()
@click.argument("documents", nargs=-1, required=True)
@click.pass_context
def forget(ctx: click.Context, documents: tuple[str, ...]) -> None:
    """Remove documents (file names) and their claims from the database and claims/."""
    settings = _settings(ctx)
    with Store(settings.database) as store:
        missing = forget_documents(list(documents), settings, store)
    for name in missing:
        _err.print(f"error: {name}: no such document in {settings.database}", style="red")
    _err.print(f"forgot {_count(len(documents) - len(missing), 'document')}")
    ctx.exit(2 if missing else 0)


def _print_sources(fmt: str, store: Store) -> None:
    stored = list_sources(store)
    if fmt == "json":
        records = [
            {
                "url": s.url,
                "status": s.status.value,
                "reason": s.reason,
                "checked_at": s.checked_at.isoformat() if s.checked_at else None,
                "fetch_url": s.snapshot.fetch_url if s.snapshot else None,
                "final_url": s.snapshot.final_url if s.snapshot else None,
                "sha256": s.snapshot.sha256 if s.snapshot else None,
                "media_type": s.snapshot.media_type if s.snapshot else None,
                "fetched_at": s.snapshot.fetched_at if s.snapshot else None,
                "origin": s.snapshot.origin if s.snapshot else None,
                "cited_by": [{"document": d, "line": line} for d, line in s.cited_by],
            }
            for s in stored
        ]
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    table = Table("status", "url", "cited by", "archived", "reason")
    for s in stored:
        cited = ", ".join(f"{d}:{line}" for d, line in s.cited_by[:3]) + (" …" if len(s.cited_by) > 3 else "")
        archived = f"{s.snapshot.sha256[:12]} ({s.snapshot.origin})" if s.snapshot else ""
        table.add_row(s.status.value, s.url, cited, archived, s.reason)
    _wide_console().print(table)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--offline/--live", default=None, help="Replay from cassettes/ instead of the network.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def fetch(ctx: click.Context, paths: tuple[Path, ...], offline: bool | None, fmt: str) -> None:
    """Fetch (or replay) and archive every source the documents cite, politely: robots.txt, a
    per-host interval, retries that honour Retry-After. One bad source never stops the others."""
    settings = _settings(ctx, fetch=_fetch_mode(offline))
    targets = _targets(paths, settings)
    with Store(settings.database) as store, _progress() as advance, _source_progress() as fetched:
        extraction = extract_paths(targets, settings, store, progress=advance)
        cited = read_citations(extraction.documents)
        result = fetch_cited_sources(cited, settings, store, claims=extraction.claims, progress=fetched)
        _print_sources(fmt, store)
    _report_errors(extraction)
    _err.print(_sources_summary(result))
    ctx.exit(2 if extraction.errors else 0)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--offline/--live", default=None, help="Replay sources from cassettes/ instead of the network.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--verdict", "only", multiple=True, help="Only these verdicts (supported, contradicted, …).")
@click.pass_context
def verify(ctx: click.Context, paths: tuple[Path, ...], offline: bool | None, fmt: str, only: tuple[str, ...]) -> None:
    """Check every claim against its sources (cited, and registered in claims/sources.yaml), with
    the evidence quoted: supported, contradicted, not_found, unreachable or no_source."""
    settings = _settings(ctx, fetch=_fetch_mode(offline))
    targets = _targets(paths, settings)
    with Store(settings.database) as store, _progress() as advance, _source_progress() as fetched:
        extraction = extract_paths(targets, settings, store, progress=advance)
        cited = read_citations(extraction.documents)
        fetch_cited_sources(cited, settings, store, claims=extraction.claims, progress=fetched)
        verdicts = verify_documents(cited, extraction.claims, settings, store)
    shown = [v for v in verdicts if not only or v.verdict.value in only]
    shown.sort(key=lambda v: (_VERDICT_ORDER.index(v.verdict.value), v.claim.document, v.claim.line))
    if fmt == "json":
        click.echo(json.dumps([v.as_record() for v in shown], indent=2, ensure_ascii=False))
    else:
        table = Table("verdict", "where", "subject", "metric", "claimed", "source says", "evidence")
        for v in shown:
            said = format_value(v.evidence.claim.quantity) if v.evidence else ""
            where = v.evidence.location if v.evidence else v.reason
            table.add_row(
                v.verdict.value,
                v.claim.location,
                v.claim.subject,
                v.claim.metric,
                format_value(v.claim.quantity),
                said,
                where,
            )
        _wide_console().print(table)
    _report_errors(extraction)
    _err.print(_verdicts_summary(verdicts))
    ctx.exit(2 if extraction.errors else 0)


_VERDICT_ORDER = ["contradicted", "supported", "not_found", "unreachable", "no_source"]


@cli.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def sources(ctx: click.Context, fmt: str) -> None:
    """List the cited sources with their status (run `factcheck fetch` or `audit` first)."""
    if ctx.invoked_subcommand is not None:
        return
    settings = _settings(ctx)
    with Store(settings.database) as store:
        _print_sources(fmt, store)


@sources.command("add")
@click.argument("url")
@click.option("--file", "path", required=True, type=click.Path(path_type=Path), help="The copy obtained by hand.")
@click.pass_context
def sources_add(ctx: click.Context, url: str, path: Path) -> None:
    """Archive a copy of URL obtained by hand (a paywalled PDF, a page saved from a browser)."""
    settings = _settings(ctx)
    with Store(settings.database) as store:
        snapshot = add_source_file(url, path, settings, store)
    _err.print(f"archived {url} from {path} ({snapshot.media_type}, sha256 {snapshot.sha256[:12]}, added by hand)")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `factcheck` console script; returns the exit code."""
    try:
        # Outside standalone mode click returns ctx.exit()'s code instead of raising it.
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        _err.print("aborted")
        return 2
    except FactcheckError as exc:
        _err.print(f"error: {exc}", style="red")
        return 2
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())

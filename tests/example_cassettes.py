"""Build the bundled example's cassettes from the source snapshots in ../shared/sources.

    .venv/bin/python tests/example_cassettes.py [SOURCES_DIR] [CASSETTES_DIR]

Each snapshot folder holds the files of one model's official repository at a known commit and
a `source.yaml` with, per file, the URL a writer would cite, the raw URL, the commit and the
sha256. One cassette per folder (`cassettes/<slug>.yaml`) records, for every file whose bytes
are present and match their sha256, a 200 response at each address factcheck would request
for it: the readable form of the cited URL (a repository's README at HEAD, the raw file for a
blob URL, an arXiv paper's PDF for the `also_cited_as` abstract pages) and the pinned raw URL.
The comments at the top of each cassette say where its bytes came from. Derived files (the
pdftotext conveniences) are not sources and are left out.

tests/test_example_cassettes.py rebuilds them and compares with the committed files, so a
cassette can only change together with its snapshot.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

from factcheck.sources import Interaction, readable_url, write_cassette
from factcheck.vocabulary import load_vocabulary

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = REPOSITORY.parent / "shared" / "sources"
DEFAULT_CASSETTES = REPOSITORY / "cassettes"


def _content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def cassette_for(folder: Path) -> tuple[list[str], list[Interaction]] | None:
    """The provenance lines and interactions for one snapshot folder, or None without source.yaml."""
    manifest_path = folder / "source.yaml"
    if not manifest_path.is_file():
        return None
    manifest: dict[str, Any] = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    provenance = [
        f"Cassette for {manifest.get('model', folder.name)}, built by tests/example_cassettes.py; not a recording.",
        f"Bytes: the files of {manifest.get('obtained_from', 'a repository snapshot')},",
        f"  snapshot head {manifest.get('snapshot_head', '?')} ({manifest.get('snapshot_head_date', '?')}),",
        f"  as listed in shared/sources/{folder.name}/source.yaml; each body matches the sha256 given there.",
        "Addresses: what factcheck requests for the URL a writer cites (a repository's README at HEAD, the raw",
        "  file behind a blob URL, an arXiv paper's PDF) and the file's pinned raw URL. Response headers are",
        "  not recorded: Content-Type is the snapshot's media type. An arXiv address replays the repository's",
        "  copy of the technical report, which may differ from the version arXiv serves.",
    ]
    interactions: list[Interaction] = []
    claimed: set[str] = set()
    files = sorted(manifest.get("files") or [], key=lambda f: not f.get("commit_is_snapshot_head", False))
    for entry in files:
        path = folder / str(entry.get("file", ""))
        if entry.get("derived_from") or not entry.get("url") or not path.is_file():
            continue
        body = path.read_bytes()
        if hashlib.sha256(body).hexdigest() != entry.get("sha256"):
            raise SystemExit(f"{path}: sha256 differs from source.yaml; refusing to record it")
        headers = (("Content-Type", _content_type(str(entry.get("media_type", "application/octet-stream")))),)
        addresses = [readable_url(entry["url"]), entry.get("raw_url", "")]
        addresses += [readable_url(u) for u in entry.get("also_cited_as") or []]
        for address in addresses:
            if address and address not in claimed:
                claimed.add(address)
                interactions.append(Interaction(address, 200, headers, body))
        provenance.append(f"- {entry['file']}: sha256 {entry['sha256']}, commit {entry.get('commit', '?')}")
    return provenance, interactions


def build(sources: Path, cassettes: Path) -> list[Path]:
    written = []
    for folder in sorted(p for p in sources.iterdir() if p.is_dir()):
        built = cassette_for(folder)
        if built is None or not built[1]:
            continue
        provenance, interactions = built
        target = cassettes / f"{folder.name}.yaml"
        write_cassette(target, interactions, provenance)
        written.append(target)
    return written


REGISTER_HEADER = """\
# The authoritative sources of the bundled example, per subject: every document's claims about a
# subject are verified against these (see README, Verification). Built by tests/example_cassettes.py
# from the `model` and file URLs of each ../shared/sources/*/source.yaml; their bytes replay from
# cassettes/. Edit freely in a project of your own.
"""


def register_for(sources: Path) -> str:
    """claims/sources.yaml for the example: each snapshot's model and the URLs a writer cites."""
    vocabulary = load_vocabulary()
    register: dict[str, list[str]] = {}
    for folder in sorted(p for p in sources.iterdir() if (p / "source.yaml").is_file()):
        manifest = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
        mention = vocabulary.find_subjects(str(manifest.get("model", "")))
        subject = mention[0].name if mention else str(manifest.get("model", folder.name))
        urls = register.setdefault(subject, [])
        for entry in manifest.get("files") or []:
            if entry.get("derived_from") or not (folder / str(entry.get("file", ""))).is_file():
                continue
            for url in [entry.get("url"), *(entry.get("also_cited_as") or [])]:
                if url and url not in urls:
                    urls.append(url)
    body = yaml.safe_dump({k: v for k, v in register.items() if v}, sort_keys=False, allow_unicode=True)
    return REGISTER_HEADER + body


def main(argv: list[str]) -> int:
    sources = Path(argv[0]) if argv else DEFAULT_SOURCES
    cassettes = Path(argv[1]) if len(argv) > 1 else DEFAULT_CASSETTES
    if not sources.is_dir():
        print(f"no snapshot folder at {sources}", file=sys.stderr)
        return 2
    for path in build(sources, cassettes):
        print(f"wrote {path.relative_to(REPOSITORY) if path.is_relative_to(REPOSITORY) else path}")
    (REPOSITORY / "claims" / "sources.yaml").write_text(register_for(sources), encoding="utf-8")
    print("wrote claims/sources.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

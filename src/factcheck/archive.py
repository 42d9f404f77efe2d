"""The archive of fetched bytes: each body stored once, under its SHA-256, never overwritten.

Content addressing makes the archive append-only by construction: a changed source has a new
hash and lands beside the old version, and a file is written to a temporary name and renamed,
so an interrupted run leaves no half-written body under a real hash. The database records which
hash each source had when (store.py); a body without a record is harmless, a record always has
its body because the body is written first.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from factcheck.errors import StoreError

__all__ = ["Archive"]


class Archive:
    """Raw bodies by content hash under `folder` (`ab/abcdef…`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def put(self, body: bytes) -> str:
        """Store `body` (if not already there) and return its SHA-256. Raises StoreError when the
        archive folder cannot be written."""
        sha = hashlib.sha256(body).hexdigest()
        target = self.path(sha)
        if target.exists():
            return sha
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{sha}.{os.getpid()}.tmp")
            temporary.write_bytes(body)
            temporary.replace(target)
        except OSError as exc:
            raise StoreError(f"cannot write to the archive {self.folder}: {exc.strerror or exc}") from exc
        return sha

    def get(self, sha256: str) -> bytes:
        """The body stored under `sha256`. Raises StoreError if it is missing or does not hash to
        its name (a damaged archive is reported, never silently used)."""
        try:
            body = self.path(sha256).read_bytes()
        except OSError as exc:
            raise StoreError(f"archive {self.folder} has no body {sha256[:12]}: {exc.strerror or exc}") from exc
        if hashlib.sha256(body).hexdigest() != sha256:
            raise StoreError(f"archive {self.folder}: body {sha256[:12]} is damaged (its hash does not match)")
        return body

    def __contains__(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

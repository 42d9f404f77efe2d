"""The exceptions factcheck raises.

    FactcheckError            base: the CLI turns any of these into one error line and exit code 2
    ├── InputError            a document or claim file that cannot be read or parsed
    ├── ConfigError           a bad [tool.factcheck] table, factcheck.toml or vocabulary file
    └── StoreError            the claims database cannot be opened or written

Per-document problems during a run are not raised: they come back as `DocumentError` values so
that one bad file never stops the others.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck reports to the user."""


class InputError(FactcheckError):
    """A document or claim file that cannot be read or parsed."""


class ConfigError(FactcheckError):
    """Invalid configuration or vocabulary."""


class StoreError(FactcheckError):
    """The claims database could not be opened or written."""

"""factcheck: extract, verify and cross-check the numeric claims in documents."""

from factcheck.errors import ConfigError, FactcheckError, InputError, StoreError
from factcheck.models import Block, Claim, Document, DocumentError, Qualifier, Quantity

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Claim",
    "ConfigError",
    "Document",
    "DocumentError",
    "FactcheckError",
    "InputError",
    "Quantity",
    "Qualifier",
    "StoreError",
    "__version__",
]

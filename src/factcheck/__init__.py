"""factcheck: extract, verify and cross-check the numeric claims in documents.

The library API, stage by stage::

    document = read_document(Path("report.md"))          # documents.py
    claims = extract_claims(document, load_vocabulary())  # claims/ (quantities.py inside)
    with Store("sqlite:///factcheck.db") as store:        # store.py
        store.replace_document(document, claims)
"""

from factcheck.claims import extract_claims
from factcheck.documents import read_document
from factcheck.errors import ConfigError, FactcheckError, InputError, StoreError
from factcheck.models import Block, Claim, Document, DocumentError, Qualifier, Quantity
from factcheck.quantities import find_quantities, parse_quantity
from factcheck.store import Store
from factcheck.vocabulary import Vocabulary, load_vocabulary

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Claim",
    "ConfigError",
    "Document",
    "DocumentError",
    "FactcheckError",
    "InputError",
    "Qualifier",
    "Quantity",
    "Store",
    "StoreError",
    "Vocabulary",
    "__version__",
    "extract_claims",
    "find_quantities",
    "load_vocabulary",
    "parse_quantity",
    "read_document",
]

"""Sources: from a cited address to archived bytes, live or replayed from cassettes.

The only package that touches the network (through httpx). `fetch_sources` turns addresses into
`Snapshot` values, one clear status each; `CassetteTransport` replays recorded responses in
vcrpy's format so that an audit runs offline; `readable_url` maps what writers cite (a GitHub
repository, an arXiv abstract, a Hugging Face model page) to where the content is.
"""

from factcheck.sources.cassettes import CassetteTransport, Interaction, interactions_for, scrub_url, write_cassette
from factcheck.sources.fetch import USER_AGENT, FetchPolicy, fetch_sources
from factcheck.sources.resolve import readable_url, refusal
from factcheck.sources.robots import RobotsRules, parse_robots

__all__ = [
    "USER_AGENT",
    "CassetteTransport",
    "FetchPolicy",
    "Interaction",
    "RobotsRules",
    "fetch_sources",
    "interactions_for",
    "parse_robots",
    "readable_url",
    "refusal",
    "scrub_url",
    "write_cassette",
]

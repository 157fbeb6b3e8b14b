"""The ledger's storage interface: what any store (SQLite here, a server database later) offers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from claims import Claim

# Where an article's publication time and outlet came from, as reports say it.
FROM_FRONT_MATTER = "front matter"
FROM_METADATA = "metadata"  # HTML meta tags, as the document reader found them
FROM_FLAG = "flag"
FROM_FILE_TIME = "file time"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Article:
    """One stored article: its identity (``path``), when and by whom it was published."""

    path: str  # absolute, normalised: adding the same path again replaces the article
    doc_id: str
    digest: str  # SHA-256 of the text as read
    outlet: str | None = None
    outlet_from: str = UNKNOWN
    published: str | None = None  # ISO 8601 date or date-time
    published_from: str = UNKNOWN
    title: str | None = None
    claims: int = 0


@dataclass(frozen=True, slots=True)
class Stored:
    """A claim as the ledger holds it, with the article that stated it."""

    id: int
    claim: Claim
    article: Article


@dataclass(frozen=True, slots=True)
class Stats:
    schema: int
    articles: int
    claims: int
    outlets: int
    terms: int
    postings: int
    first_published: str | None
    last_published: str | None
    bytes: int


@dataclass(frozen=True, slots=True)
class Postings:
    """One index term of a block: how many claims it names, and the newest of them."""

    term: str
    count: int
    ids: tuple[int, ...]


class Store(Protocol):
    """The ledger's storage. Every method is one transaction: a failed ``put`` leaves no trace."""

    def put(self, article: Article, claims: Sequence[Claim]) -> str:
        """Store an article and its claims, replacing the one at the same path: "added",
        "replaced" or "unchanged" (same path, text and metadata)."""
        ...

    def remove(self, path: str) -> bool:
        """Remove the article at ``path`` and its claims; False if there is none."""
        ...

    def postings(
        self, key: tuple[str, str], terms: Sequence[str], rarest: int, newest: int
    ) -> list[Postings]:
        """For the ``rarest`` least common of ``terms`` in block ``key``: their counts and the
        ids of the ``newest`` claims indexed under each (never a scan of the ledger)."""
        ...

    def load(self, ids: Sequence[int]) -> list[Stored]:
        """The claims with these ids, with their articles."""
        ...

    def article(self, path: str) -> Article | None: ...

    def articles(self) -> Iterator[Article]: ...

    def claims_of(self, path: str) -> list[Claim]: ...

    def records(self) -> Iterator[tuple[Article, list[Claim]]]:
        """Every article with its claims, streamed: one article's claims in memory at a time."""
        ...

    def stats(self) -> Stats: ...

    def close(self) -> None: ...

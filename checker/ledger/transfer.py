"""A ledger's articles as JSON lines, and back: ``ledger export`` writes them, ``ledger import``
reads them (as data only: every field is checked, nothing read is ever executed)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from checker.ledger.codec import LedgerError, claim_of_data
from checker.ledger.ingest import iso_time
from checker.ledger.store import Article, Store
from claims import Claim

_TEXT = ("path", "name", "digest", "outlet_from", "published_from")
_OPTIONAL = ("outlet", "published", "title")


def article_data(a: Article) -> dict[str, Any]:
    return {
        "path": a.path,
        "name": a.doc_id,
        "outlet": a.outlet,
        "outlet_from": a.outlet_from,
        "published": a.published,
        "published_from": a.published_from,
        "title": a.title,
        "digest": a.digest,
        "claims": a.claims,
    }


def export_lines(store: Store) -> Iterator[str]:
    """One JSON object a line per stored article, its record and its claims, each line made
    as its article is read from the store (the store streams them: constant memory)."""
    for article, claims in store.records():
        item = {"article": article_data(article), "claims": [c.to_dict() for c in claims]}
        yield json.dumps(item, ensure_ascii=False) + "\n"


def _article(data: Any) -> Article:
    if not isinstance(data, dict):
        raise LedgerError("its 'article' is not a JSON object")
    for key in _TEXT:
        if not isinstance(data.get(key), str) or not data[key]:
            raise LedgerError(f"its article has no {key!r} text")
    for key in _OPTIONAL:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise LedgerError(f"its article's {key!r} is not text")
    published = data.get("published")
    if published is not None and iso_time(published) is None:
        raise LedgerError(f"its article's 'published' {published!r} is not ISO 8601")
    return Article(
        path=data["path"],
        doc_id=data["name"],
        digest=data["digest"],
        outlet=data.get("outlet"),
        outlet_from=data["outlet_from"],
        published=iso_time(published) if published is not None else None,
        published_from=data["published_from"],
        title=data.get("title"),
    )


def read_line(line: str) -> tuple[Article, list[Claim]]:
    """One exported article and its claims, or a LedgerError saying what is wrong with it."""
    try:
        item = json.loads(line)
    except (ValueError, RecursionError):
        raise LedgerError("not JSON") from None
    if not isinstance(item, dict):
        raise LedgerError("not a JSON object")
    claims = item.get("claims")
    if not isinstance(claims, list):
        raise LedgerError("its 'claims' is not a list")
    return _article(item.get("article")), [claim_of_data(c) for c in claims]


def import_lines(store: Any, lines: Iterable[str], name: str) -> dict[str, int]:
    """Store every article of an export, all in one transaction: a line that is not an
    exported article stores nothing and names its line. Returns how many were added,
    replaced and unchanged."""
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with store.batch():
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                article, claims = read_line(line)
            except LedgerError as exc:
                raise LedgerError(f"{name}:{n}: not an exported article ({exc.message})") from None
            counts[store.put(article, claims)] += 1
    return counts

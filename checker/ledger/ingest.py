"""An article's publication time and outlet, from what it states or what the caller says."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tomllib
from dataclasses import dataclass

import regex

from checker.documents import _FRONT_MATTER as FRONT_MATTER  # one reading of the block
from checker.documents import Document
from checker.ledger.codec import LedgerError
from checker.ledger.store import (
    FROM_FILE_TIME,
    FROM_FLAG,
    FROM_FRONT_MATTER,
    FROM_METADATA,
    UNKNOWN,
    Article,
)

# The "key: value" lines of a YAML front matter block: only the few keys the ledger reads, so
# no YAML parser (TOML front matter, between "+++" lines, is read with tomllib).
_KEY_VALUE = regex.compile(
    r"(?m)^(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,40}+)[ \t]*+:[ \t]*+(?P<value>[^\n]{0,500}+)$"
)
_DATE_KEYS = ("published", "date", "pubdate", "publication_date", "published_at")
_OUTLET_KEYS = ("outlet", "source", "publisher", "site_name")
_TITLE_KEYS = ("title",)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the caller states for every article added (flags), where the file states none."""

    published: str | None = None
    outlet: str | None = None


def front_matter(text: str) -> dict[str, str]:
    """The ``key: value`` pairs of a leading front matter block, keys lower-cased, quotes off."""
    m = FRONT_MATTER.match(text)
    if m is None:
        return {}
    body = m.group().split("\n", 1)[1].rsplit("\n", 2)[0] if "\n" in m.group() else ""
    if m.group("yaml") is None:
        try:
            table = tomllib.loads(body)
        except tomllib.TOMLDecodeError:
            return {}
        return {
            k.lower().replace("-", "_"): str(v).strip()
            for k, v in table.items()
            if isinstance(v, str | dt.date)
        }
    out: dict[str, str] = {}
    for kv in _KEY_VALUE.finditer(body):
        value = kv.group("value").strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value:
            out.setdefault(kv.group("key").lower().replace("-", "_"), value)
    return out


def iso_time(value: str) -> str | None:
    """An ISO 8601 date or date-time in one comparable form (UTC when a zone is given), or
    None when ``value`` is not one."""
    value = value.strip()
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def flag_time(value: str) -> str:
    """``--published``: an ISO 8601 date or date-time, or a usage error."""
    found = iso_time(value)
    if found is None:
        raise LedgerError(f"--published {value!r}: not an ISO 8601 date (2015-11-14) or time")
    return found


def _first(table: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((table[k] for k in keys if k in table), None)


def article_of(doc: Document, given: Metadata, notes: list[str]) -> Article:
    """The ledger's record of a document: its identity, time and outlet, each with where it
    came from (the file's own front matter or metadata first, then the flags, then, for the
    time only, the file's modification time). What could not be read is said in ``notes``."""
    fm = front_matter(doc.text) if doc.path.lower().endswith((".md", ".markdown")) else {}
    published, published_from = None, UNKNOWN
    for value, origin in (
        (_first(fm, _DATE_KEYS), FROM_FRONT_MATTER),
        (doc.published, FROM_METADATA),
        (given.published, FROM_FLAG),
    ):
        if value is None:
            continue
        published = iso_time(value)
        if published is not None:
            published_from = origin
            break
        notes.append(f"{doc.path}: publication time {value!r} in the {origin} is not ISO 8601")
    if published is None and os.path.isfile(doc.path):
        stamp = dt.datetime.fromtimestamp(os.path.getmtime(doc.path), dt.UTC)
        published, published_from = stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), FROM_FILE_TIME
    outlet, outlet_from = None, UNKNOWN
    for value, origin in (
        (_first(fm, _OUTLET_KEYS), FROM_FRONT_MATTER),
        (doc.outlet, FROM_METADATA),
        (given.outlet, FROM_FLAG),
    ):
        if value and value.strip():
            outlet, outlet_from = " ".join(value.split()), origin
            break
    return Article(
        path=os.path.abspath(doc.path),
        doc_id=doc.id,
        digest=hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
        outlet=outlet,
        outlet_from=outlet_from,
        published=published,
        published_from=published_from,
        title=_first(fm, _TITLE_KEYS) or doc.title,
    )

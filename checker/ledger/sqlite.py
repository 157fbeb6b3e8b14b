"""The ledger in one SQLite file: WAL mode, one transaction per article, indexed lookups only."""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from checker.ledger.codec import COLUMNS, LedgerError, decode, encode, strings_json, strings_of_json
from checker.ledger.keys import INDEX, index_keys
from checker.ledger.store import Article, Postings, Stats, Stored
from claims import Claim

APPLICATION_ID = 0x636C6D63  # "clmc": marks the file as a claimcheck ledger
SCHEMA_VERSION = 1
_HEADER = b"SQLite format 3\x00"
_TERM_IDS_KEPT = 500_000  # term ids remembered by a writer; past it, looked up again
_PENDING_KEPT = 500_000  # postings held for the commit at most; past it, written at once

_SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    outlet TEXT,
    outlet_from TEXT NOT NULL,
    published TEXT,
    published_from TEXT NOT NULL,
    title TEXT,
    claims INTEGER NOT NULL,
    topic TEXT NOT NULL
);
CREATE TABLE sentences (
    article_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
) WITHOUT ROWID;
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT,
    measure TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    line INTEGER NOT NULL,
    col INTEGER NOT NULL,
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    rest TEXT NOT NULL
);
CREATE INDEX claims_by_article ON claims (article_id);
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    term TEXT NOT NULL,
    count INTEGER NOT NULL,
    UNIQUE (kind, unit, term)
);
CREATE TABLE postings (
    term_id INTEGER NOT NULL,
    claim_id INTEGER NOT NULL,
    PRIMARY KEY (term_id, claim_id)
) WITHOUT ROWID;
"""


# MIGRATIONS[n] brings a ledger from schema n to n + 1, in the same transaction that records
# the new version: a ledger is never left half-migrated. Schema 0 is a new, empty file.
def _create(db: sqlite3.Connection) -> None:
    # Statement by statement: executescript() would commit the migration's transaction.
    for statement in _SCHEMA_1.split(";"):
        if statement.strip():
            db.execute(statement)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _create}
# Every object a ledger may hold: anything else (a trigger, a view) is refused, not run.
_OBJECTS = {
    "meta",
    "articles",
    "sentences",
    "claims",
    "claims_by_article",
    "terms",
    "postings",
    "sqlite_autoindex_meta_1",
    "sqlite_autoindex_articles_1",
    "sqlite_autoindex_sentences_1",
    "sqlite_autoindex_terms_1",
    "sqlite_autoindex_postings_1",
    "sqlite_sequence",
    "sqlite_stat1",
    "sqlite_stat4",
}
_CLAIM_COLUMNS = ", ".join(f"c.{c}" for c in COLUMNS)
_ARTICLE_COLUMNS = (
    "id, path, doc_id, digest, outlet, outlet_from, published, published_from, title, claims, topic"
)


def _refuse_foreign(path: Path) -> None:
    """Never open (and so never write to) a file that is not a ledger."""
    try:
        with path.open("rb") as f:
            header = f.read(len(_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise LedgerError(f"{path}: is a folder, not a ledger file") from None
    except OSError as exc:
        raise LedgerError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if header and header != _HEADER:
        raise LedgerError(f"{path}: not a claimcheck ledger (not an SQLite database)")


class SQLiteStore:
    """A ledger in an SQLite file. Readers never block the one writer, nor it them (WAL)."""

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 30.0) -> None:
        self.path = Path(path)
        _refuse_foreign(self.path)
        if not create and not self.path.exists():
            raise LedgerError(f"{self.path}: no ledger here (add articles first)")
        self._term_ids: dict[tuple[str, str], dict[str, int]] = {}  # block -> term -> id
        self._terms_known = 0
        self._pending: list[tuple[int, int]] = []  # (term id, claim id) postings to write
        self._data_version = -1
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._open()
        except sqlite3.Error as exc:
            raise LedgerError(f"{self.path}: cannot open the ledger ({exc})") from None

    def _open(self) -> None:
        db = self._db
        db.execute("PRAGMA trusted_schema = OFF")
        app, version = (
            db.execute("PRAGMA application_id").fetchone()[0],
            db.execute("PRAGMA user_version").fetchone()[0],
        )
        objects = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        if app != APPLICATION_ID and objects:
            raise LedgerError(
                f"{self.path}: not a claimcheck ledger (an SQLite file of another kind)"
            )
        if objects - _OBJECTS:
            unknown = ", ".join(sorted(objects - _OBJECTS))
            raise LedgerError(f"{self.path}: not a claimcheck ledger (it also holds {unknown})")
        if version > SCHEMA_VERSION:
            raise LedgerError(
                f"{self.path}: ledger schema {version} is newer than this claimcheck reads "
                f"({SCHEMA_VERSION}); upgrade claimcheck"
            )
        db.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL survives a crash of the process intact; only a power cut may lose
        # the last transactions (never corrupt the file, never leave half an article).
        db.execute("PRAGMA synchronous = NORMAL")
        # The index's pages stay in memory while an archive is added (64 MB at most).
        db.execute("PRAGMA cache_size = -65536")
        if version < SCHEMA_VERSION:
            self._migrate()
        row = db.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()
        if row is None or row[0] != INDEX:
            self._reindex()

    def _reindex(self) -> None:
        """Index every stored claim under the matcher's present keys (see checker.ledger.keys):
        a ledger outlives the matcher that first indexed it."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM postings")
            db.execute("DELETE FROM terms")
            self._forget()
            articles = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
            for article_id in articles:
                ids = [
                    r[0]
                    for r in db.execute(
                        "SELECT id FROM claims WHERE article_id = ? ORDER BY id", (article_id,)
                    )
                ]
                stored = self._claims(ids)
                self._index([s.id for s in stored], [s.claim for s in stored], +1)
            self._flush()
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('index', ?)", (INDEX,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            self._forget()
            raise

    def _migrate(self) -> None:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have migrated meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
                db.execute(f"PRAGMA user_version = {int(version)}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # ---- writing ------------------------------------------------------------------------

    def put(self, article: Article, claims: Sequence[Claim]) -> str:
        with self._write():
            old = self.article(article.path)
            if old is not None and _same(old, article, len(claims)):
                return "unchanged"
            if old is not None:
                self._delete(article.path)
            self._insert(article, claims)
            return "added" if old is None else "replaced"

    def remove(self, path: str) -> bool:
        with self._write():
            return self._delete(path)

    def _write(self) -> _Transaction:
        return _Transaction(self, savepoint=self._db.in_transaction)

    def batch(self) -> _Transaction:
        """One transaction around several ``put`` calls (each still all or nothing, through a
        savepoint): adding an archive commits once per batch, not once per article."""
        return _Transaction(self, savepoint=False)

    def _forget(self) -> None:
        # Term ids made in a transaction that was rolled back name nothing any more.
        self._forget_ids()
        self._pending = []

    def _forget_ids(self) -> None:
        self._term_ids.clear()
        self._terms_known = 0

    def _began(self) -> None:
        """A write transaction began: term ids remembered stay good unless another connection
        has written since (it may have re-indexed)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._forget_ids()
            self._data_version = version

    def _insert(self, article: Article, claims: Sequence[Claim]) -> None:
        db = self._db
        topic = Counter(c.topic for c in claims).most_common(1)[0][0] if claims else ()
        cur = db.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES (NULL{', ?' * 10})",
            (
                article.path,
                article.doc_id,
                article.digest,
                article.outlet,
                article.outlet_from,
                article.published,
                article.published_from,
                article.title,
                len(claims),
                strings_json(topic),
            ),
        )
        article_id = cur.lastrowid
        sentences: dict[str, int] = {}
        for c in claims:
            sentences.setdefault(c.sentence, len(sentences))
        db.executemany(
            "INSERT INTO sentences (article_id, n, text) VALUES (?, ?, ?)",
            ((article_id, n, text) for text, n in sentences.items()),
        )
        first = (db.execute("SELECT max(id) FROM claims").fetchone()[0] or 0) + 1
        rows = []
        for i, c in enumerate(claims):
            columns, rest = encode(c, topic)
            rows.append((first + i, article_id, sentences[c.sentence], *columns, rest))
        db.executemany(
            f"INSERT INTO claims (id, article_id, sentence, {', '.join(COLUMNS)}, rest) "
            f"VALUES ({', '.join('?' * (len(COLUMNS) + 4))})",
            rows,
        )
        self._index(range(first, first + len(claims)), claims, +1)

    def _index(self, ids: Sequence[int], claims: Sequence[Claim], sign: int) -> None:
        """Add (sign +1) or take out (-1) the postings of one article's claims.

        Added postings are written when the transaction commits, a whole batch's at once in
        the index's order (each B-tree page is then visited once, not once per article), and
        each term's count changed once per batch.
        """
        if self._terms_known > _TERM_IDS_KEPT:
            self._forget_ids()
        rows: list[tuple[int, int]] = []  # (term id, claim id)
        for claim_id, (block, terms) in zip(ids, index_keys(claims), strict=True):
            known = self._ids(block, terms)
            rows.extend([(known[t], claim_id) for t in terms])
        if sign > 0:
            self._pending.extend(rows)
            if len(self._pending) > _PENDING_KEPT:  # a re-index of a whole ledger
                self._flush()
            return
        self._flush()
        counts = Counter(t for t, _ in rows)
        db = self._db
        db.executemany(
            "UPDATE terms SET count = count - ? WHERE id = ?", ((n, t) for t, n in counts.items())
        )
        db.executemany("DELETE FROM postings WHERE term_id = ? AND claim_id = ?", rows)

    def _flush(self) -> None:
        """Write the postings added in this transaction, and their terms' counts."""
        if not self._pending:
            return
        rows = sorted(self._pending)
        self._pending = []
        counts = Counter(t for t, _ in rows)
        db = self._db
        db.executemany(
            "UPDATE terms SET count = count + ? WHERE id = ?", ((n, t) for t, n in counts.items())
        )
        db.executemany("INSERT INTO postings (term_id, claim_id) VALUES (?, ?)", rows)

    def _ids(self, block: tuple[str, str], terms: Sequence[str]) -> dict[str, int]:
        """The ids of a block's terms, ``terms`` among them: made (with no claims yet) where
        they are new."""
        known = self._term_ids.get(block)
        if known is None:
            known = self._term_ids[block] = {}
        db = self._db
        for term in terms:
            if term in known:
                continue
            self._terms_known += 1
            key = (*block, term)
            row = db.execute(
                "SELECT id FROM terms WHERE kind = ? AND unit = ? AND term = ?", key
            ).fetchone()
            if row is None:
                cur = db.execute(
                    "INSERT INTO terms (kind, unit, term, count) VALUES (?, ?, ?, 0)", key
                )
                row = (cur.lastrowid,)
            known[term] = row[0]
        return known

    def _delete(self, path: str) -> bool:
        db = self._db
        row = db.execute("SELECT id FROM articles WHERE path = ?", (path,)).fetchone()
        if row is None:
            return False
        article_id = row[0]
        ids = [
            r[0] for r in db.execute("SELECT id FROM claims WHERE article_id = ?", (article_id,))
        ]
        stored = self._claims(ids)
        self._index([s.id for s in stored], [s.claim for s in stored], -1)
        db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM sentences WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return True

    # ---- reading ------------------------------------------------------------------------

    def postings(
        self, key: tuple[str, str], terms: Sequence[str], rarest: int, newest: int
    ) -> list[Postings]:
        self._flush()  # a writer sees what its own transaction added
        terms = list(dict.fromkeys(terms))
        if not terms:
            return []
        rows = self._db.execute(
            "SELECT id, term, count FROM terms WHERE kind = ? AND unit = ? "
            f"AND term IN ({', '.join('?' * len(terms))}) AND count > 0 "
            "ORDER BY count LIMIT ?",
            (*key, *terms, rarest),
        ).fetchall()
        out = []
        for term_id, term, count in rows:
            ids = self._db.execute(
                "SELECT claim_id FROM postings WHERE term_id = ? ORDER BY claim_id DESC LIMIT ?",
                (term_id, newest),
            ).fetchall()
            out.append(Postings(term, count, tuple(r[0] for r in ids)))
        return out

    def load(self, ids: Sequence[int]) -> list[Stored]:
        return self._claims(ids)

    def _claims(self, ids: Sequence[int]) -> list[Stored]:
        out: list[Stored] = []
        articles: dict[int, tuple[Article, tuple[str, ...]]] = {}
        ids = list(dict.fromkeys(ids))
        for start in range(0, len(ids), 500):  # within SQLite's limit on bound parameters
            chunk = ids[start : start + 500]
            rows = self._db.execute(
                f"SELECT c.id, c.article_id, {_CLAIM_COLUMNS}, c.rest, s.text FROM claims c "
                "JOIN sentences s ON s.article_id = c.article_id AND s.n = c.sentence "
                f"WHERE c.id IN ({', '.join('?' * len(chunk))}) ORDER BY c.id",
                chunk,
            ).fetchall()
            for row in rows:
                claim_id, article_id, *columns, rest, sentence = row
                if article_id not in articles:
                    articles[article_id] = self._article_by_id(article_id)
                article, topic = articles[article_id]
                claim = decode(columns, rest, sentence, article.doc_id, topic)
                out.append(Stored(claim_id, claim, article))
        return out

    def _article_by_id(self, article_id: int) -> tuple[Article, tuple[str, ...]]:
        row = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise LedgerError(f"{self.path}: ledger damaged: a claim of no article")
        return _article(row)

    def article(self, path: str) -> Article | None:
        row = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE path = ?", (path,)
        ).fetchone()
        return None if row is None else _article(row)[0]

    def articles(self) -> Iterator[Article]:
        for row in self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id"):
            yield _article(row)[0]

    def records(self) -> Iterator[tuple[Article, list[Claim]]]:
        """Every article with its claims, in the order they were stored, read row by row from
        two cursors walked side by side (one article's claims in memory at a time)."""
        claims = self._db.cursor().execute(
            f"SELECT c.article_id, {_CLAIM_COLUMNS}, c.rest, s.text FROM claims c "
            "JOIN sentences s ON s.article_id = c.article_id AND s.n = c.sentence "
            "ORDER BY c.article_id, c.id"
        )
        row = next(claims, None)
        for article_row in self._db.cursor().execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id"
        ):
            article, topic = _article(article_row)
            found: list[Claim] = []
            while row is not None and row[0] <= article_row[0]:
                if row[0] == article_row[0]:
                    _, *columns, rest, sentence = row
                    found.append(decode(columns, rest, sentence, article.doc_id, topic))
                row = next(claims, None)
            yield article, found

    def claims_of(self, path: str) -> list[Claim]:
        row = self._db.execute("SELECT id FROM articles WHERE path = ?", (path,)).fetchone()
        if row is None:
            return []
        ids = [r[0] for r in self._db.execute("SELECT id FROM claims WHERE article_id = ?", row)]
        return [s.claim for s in self._claims(ids)]

    def stats(self) -> Stats:
        self._flush()
        db = self._db

        def one(sql: str) -> Any:
            return db.execute(sql).fetchone()[0]

        size = sum(
            os.path.getsize(p) for p in (self.path, Path(f"{self.path}-wal")) if os.path.exists(p)
        )
        return Stats(
            schema=one("PRAGMA user_version"),
            articles=one("SELECT count(*) FROM articles"),
            # From the smaller tables' running counts: no scan of claims or postings.
            claims=one("SELECT coalesce(sum(claims), 0) FROM articles"),
            outlets=one("SELECT count(DISTINCT outlet) FROM articles"),
            terms=one("SELECT count(*) FROM terms WHERE count > 0"),
            postings=one("SELECT coalesce(sum(count), 0) FROM terms"),
            first_published=one("SELECT min(published) FROM articles"),
            last_published=one("SELECT max(published) FROM articles"),
            bytes=size,
        )

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (for a backup or a size measurement)."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (or a savepoint inside a batch), rolled back on any error:
    an article is stored whole or not at all."""

    def __init__(self, store: SQLiteStore, savepoint: bool) -> None:
        self._store, self._savepoint = store, savepoint
        self._pending = 0

    def __enter__(self) -> None:
        store = self._store
        db = store._db
        self._pending = len(store._pending)
        if self._savepoint:
            db.execute("SAVEPOINT article")
            return
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise LedgerError(f"{store.path}: the ledger is busy ({exc})") from None
        store._began()

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        store = self._store
        db = store._db
        if kind is None:
            if self._savepoint:
                db.execute("RELEASE article")
                return
            try:
                store._flush()
                db.execute("COMMIT")
                return
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                store._forget()
                raise
        if self._savepoint:
            db.execute("ROLLBACK TO article")
            db.execute("RELEASE article")
            # What the batch's earlier articles added stays, to be written at its commit.
            del store._pending[self._pending :]
            store._forget_ids()  # ids made since the savepoint are gone
            return
        if db.in_transaction:
            db.execute("ROLLBACK")
        store._forget()


def _same(old: Article, new: Article, claims: int) -> bool:
    return old == Article(**{**_fields(new), "claims": claims})


def _fields(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in Article.__slots__}


def _article(row: Sequence[Any]) -> tuple[Article, tuple[str, ...]]:
    _, path, doc_id, digest, outlet, outlet_from, published, published_from, title, n, topic = row
    if not all(isinstance(v, str) for v in (path, doc_id, digest, outlet_from, published_from)):
        raise LedgerError("ledger damaged: an article's fields are not text")
    return (
        Article(
            path=path,
            doc_id=doc_id,
            digest=digest,
            outlet=outlet,
            outlet_from=outlet_from,
            published=published,
            published_from=published_from,
            title=title,
            claims=int(n),
        ),
        strings_of_json(topic),
    )

"""A writer killed mid-add loses nothing stored and leaves no half article; readers go on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from checker.documents import read_document
from checker.ledger.check import check_article
from checker.ledger.codec import LedgerError
from checker.ledger.ingest import Metadata, article_of
from checker.ledger.keys import index_keys
from checker.ledger.sqlite import SQLiteStore

# Adds the first article whole, then stops inside the second one's transaction (its article
# and claims rows written, its index not yet) and waits there to be killed.
_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from checker.documents import claims_of, read_document
    from checker.ledger.ingest import Metadata, article_of
    from checker.ledger.sqlite import SQLiteStore

    ledger, marker, *paths = sys.argv[1:]
    store = SQLiteStore(ledger)
    index = SQLiteStore._index
    calls = []

    def stalled(self, ids, claims, sign):
        calls.append(1)
        if len(calls) == 2:
            Path(marker).write_text("inside")
            time.sleep(120)
        index(self, ids, claims, sign)

    SQLiteStore._index = stalled
    for path in paths:
        doc = read_document(path)
        store.put(article_of(doc, Metadata(), []), claims_of(doc))
    """
)


@pytest.fixture
def stalled_writer(tmp_path: Path):
    """A child process that has stored one article and is killed halfway through the next."""
    first, second = FIXTURES / "articles/paris-toll.txt", FIXTURES / "articles/airliner-bomb.txt"
    ledger, marker = tmp_path / "l.sqlite", tmp_path / "inside"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(ledger), str(marker), str(first), str(second)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the writer ended before reaching the second article"
            assert time.monotonic() < deadline, "the writer never reached the second article"
            time.sleep(0.05)
        yield ledger, first, second, child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()


def test_readers_go_on_while_a_writer_is_mid_add(stalled_writer) -> None:
    ledger, first, second, _ = stalled_writer
    with SQLiteStore(ledger, create=False) as reader:
        assert reader.stats().articles == 1  # the committed article, not the half-written one
        report = check_article(reader, read_document(first))
        assert report.gate.findings  # the check ran, against what was committed
    with SQLiteStore(ledger, timeout=0.2) as other_writer:
        doc = read_document(second)
        with pytest.raises(LedgerError, match="busy"):
            other_writer.put(article_of(doc, Metadata(), []), [])


def test_a_writer_killed_mid_add_leaves_the_ledger_whole(stalled_writer) -> None:
    ledger, first, second, child = stalled_writer
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with SQLiteStore(ledger, create=False) as store:
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (article,) = store.articles()
        assert article.path == str(first.resolve())
        stored = store.claims_of(article.path)
        assert len(stored) == article.claims > 0
        assert store.article(str(second.resolve())) is None
        # No claim, sentence or posting of the half-added article is left behind.
        db = store._db
        assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == article.claims
        assert db.execute("SELECT count(DISTINCT article_id) FROM sentences").fetchone()[0] == 1
        postings = db.execute("SELECT count(*) FROM postings").fetchone()[0]
        assert postings == store.stats().postings == sum(len(t) for _, t in index_keys(stored))

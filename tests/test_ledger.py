"""The ledger: storage round trip, replacement, revisions over time, indexed lookups, the CLI."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import pytest
from conftest import FIXTURES, load_bench
from test_cli import run  # the CLI driven through main(), as its own tests drive it
from test_schemas import _validator

from checker.documents import claims_of, read_document, read_documents
from checker.ledger import sqlite as ledger_sqlite
from checker.ledger.check import check_article
from checker.ledger.codec import LedgerError, decode, encode
from checker.ledger.ingest import Metadata, article_of, front_matter
from checker.ledger.keys import index_keys
from checker.ledger.sqlite import SQLiteStore
from checker.ledger.store import Article
from checker.ledger.transfer import import_lines
from checker.output import Sink
from claims import Claim

T = TypeVar("T")
STORY = """---
title: Ferry sinking
date: {date}
outlet: {outlet}
---
The death toll from the ferry sinking off Kalvenia rose to {toll} on Monday, the coast guard said.
Rescue boats searched the bay near Ostra through the night.
"""
# One outlet revising its toll over a week, another stating a different one on the first day.
GATE_SCHEMA = _validator("gate")
WIRE = {
    "post-1.md": ("2015-11-14", "Harbour Post", "129"),
    "post-2.md": ("2015-11-16", "Harbour Post", "130"),
    "post-3.md": ("2015-11-20", "Harbour Post", "132"),
    "times-1.md": ("2015-11-14", "Valley Times", "125"),
}


def story(folder: Path, name: str, date: str, outlet: str, toll: str) -> Path:
    path = folder / name
    path.write_text(STORY.format(date=date, outlet=outlet, toll=toll), encoding="utf-8")
    return path


@pytest.fixture
def wire(tmp_path: Path) -> Path:
    """A ledger of the wire stories above, and the folder they are in."""
    folder = tmp_path / "wire"
    folder.mkdir()
    for name, (date, outlet, toll) in WIRE.items():
        story(folder, name, date, outlet, toll)
    code, _, err = run("ledger", "--ledger", str(tmp_path / "l.sqlite"), "add", str(folder))
    assert code == 0, err
    return tmp_path


def check_json(ledger: Path, article: Path, *flags: str) -> tuple[int, dict]:
    code, out, err = run(
        "ledger", "--ledger", str(ledger), "check", str(article), "-f", "json", *flags
    )
    assert code in (0, 1), err
    data = json.loads(out)
    GATE_SCHEMA.validate(data)  # the gate's format, what it adds in places the schema leaves open
    (report,) = data["reports"]
    return code, report


def test_every_stored_claim_reads_back_as_it_was_extracted(tmp_path: Path) -> None:
    docs = read_documents([FIXTURES / "articles"])
    with SQLiteStore(tmp_path / "l.sqlite") as store:
        for doc in docs:
            store.put(article_of(doc, Metadata(), []), claims_of(doc))
        for doc in docs:
            stored = store.claims_of(str(Path(doc.path).resolve()))
            assert stored == claims_of(doc)
            assert stored  # the fixtures do state figures


def test_every_claim_field_survives_the_round_trip() -> None:
    claim = Claim(
        source="a.md", text="about 61 miles", value=98.2, low=88.0, high=108.0, unit="km",
        kind="quantity", qualifier="about", measure="length", sentence="It ran about 61 miles.",
        line=3, column=8, start=40, end=54, low_inclusive=False, high_inclusive=False,
        precision=0.8, stated_unit="mi", date="--10-31", terms=("ran",), near=("ran",),
        topic=("kalvenia",), actors=("ostra",), names=("ostra",), restates=12, increment=True,
    )  # fmt: skip
    columns, rest = encode(claim, topic=())
    assert decode(columns, rest, claim.sentence, claim.source, ()) == claim


def test_a_damaged_claim_is_an_error_not_a_wrong_claim() -> None:
    columns, _ = encode(claims_of(read_document(FIXTURES / "articles/paris-toll.txt"))[0], ())
    for rest in ("{not json", '{"terms": "not a list"}', "[1, 2]"):
        with pytest.raises(LedgerError):
            decode(columns, rest, "s", "a", ())
    with pytest.raises(LedgerError):
        decode(("count", None, "deaths", "exact", 5, *columns[5:]), "{}", "s", "a", ())


def test_adding_again_replaces_never_duplicates(wire: Path) -> None:
    ledger = str(wire / "l.sqlite")
    code, out, _ = run("ledger", "--ledger", ledger, "add", str(wire / "wire"))
    assert code == 0 and out.count("unchanged") == 4
    story(wire / "wire", "post-1.md", "2015-11-14", "Harbour Post", "128")
    code, out, _ = run("ledger", "--ledger", ledger, "add", str(wire / "wire" / "post-1.md"))
    assert out.startswith("replaced")
    with SQLiteStore(ledger) as store:
        stats = store.stats()
        assert stats.articles == 4
        texts = [c.text for c in store.claims_of(str((wire / "wire" / "post-1.md").resolve()))]
        # The postings follow the claims: none is left behind by the replaced article.
        terms = sum(
            len(terms) for a in store.articles() for _, terms in index_keys(store.claims_of(a.path))
        )
        assert store._db.execute("SELECT count(*) FROM postings").fetchone()[0] == terms
        assert stats.postings == terms
    assert "128" in texts and "129" not in texts


def test_a_draft_stating_a_superseded_figure_is_told_the_latest(wire: Path) -> None:
    draft = story(wire, "draft.md", "2015-11-21", "Evening Star", "129")
    code, data = check_json(wire / "l.sqlite", draft)
    assert code == 1
    (finding,) = data["findings"]
    assert finding["status"] == "contradicted" and finding["superseded"]
    assert "the latest figure is 132, since 20 Nov 2015" in finding["message"]
    # The history is the outlet's own: another outlet's figure revises nothing of it.
    assert (
        "129 on 14 Nov 2015 (Harbour Post), 130 on 16 Nov 2015 (Harbour Post), 132 on 20 Nov"
        in (finding["message"])
    )
    assert [h["text"] for h in finding["history"]] == ["129", "130", "132"]
    # Evidence names its article, outlet and date.
    assert finding["evidence"][0]["source"].startswith("Harbour Post, 20 Nov 2015, ")
    assert finding["evidence"][0]["source"].endswith("post-3.md")


def test_the_latest_figure_is_supported_and_its_history_shown(wire: Path) -> None:
    draft = story(wire, "draft.md", "2015-11-21", "Evening Star", "132")
    code, data = check_json(wire / "l.sqlite", draft)
    assert code == 0
    (finding,) = data["findings"]
    assert finding["status"] == "supported" and not finding["superseded"]
    assert [h["published"] for h in finding["history"]][-1] == "2015-11-20"
    sources = {s["id"]: s for s in data["sources"]}
    (cited,) = {e["source"] for e in finding["evidence"]}
    assert sources[cited]["outlet"] == "Harbour Post"
    assert sources[cited]["published_from"] == "front matter"


def test_another_outlets_later_figure_supersedes_nothing(wire: Path) -> None:
    # Valley Times said 125 and never revised it; Harbour Post's later figures are its own.
    draft = story(wire, "draft.md", "2015-11-21", "Evening Star", "125")
    _, data = check_json(wire / "l.sqlite", draft)
    (finding,) = data["findings"]
    assert not finding["superseded"] and "since revised" not in finding["message"]
    assert all(h["outlet"] == "Harbour Post" for h in finding["history"])
    # Nor is it superseded as Harbour Post's own superseded 129 is.
    stale = story(wire, "stale.md", "2015-11-21", "Evening Star", "129")
    _, data = check_json(wire / "l.sqlite", stale)
    assert data["findings"][0]["superseded"]


def test_two_outlets_differing_on_the_same_day_conflict(wire: Path) -> None:
    # Checked as it stands in the ledger: only what was published by its day counts.
    code, data = check_json(wire / "l.sqlite", wire / "wire" / "times-1.md")
    assert code == 1
    (finding,) = data["findings"]
    assert finding["status"] == "contradicted" and not finding["superseded"]
    assert [e["text"] for e in finding["evidence"]] == ["129"]


def test_an_outlet_revising_its_own_figure_is_no_conflict(wire: Path) -> None:
    own = story(wire, "own.md", "2015-11-22", "Harbour Post", "134")
    # Valley Times never revised its 125: that still stands against the new figure, and
    # nothing of Harbour Post's own does.
    code, data = check_json(wire / "l.sqlite", own)
    (finding,) = data["findings"]
    assert "it revises Harbour Post's 132 of 20 Nov 2015" in finding["message"]
    assert not any("Harbour Post" in e["source"] for e in finding["evidence"])
    assert [h["text"] for h in finding["history"]] == ["129", "130", "132"]
    code, _, err = run(
        "ledger", "--ledger", str(wire / "l.sqlite"), "remove", str(wire / "wire" / "times-1.md")
    )
    assert code == 0, err
    code, data = check_json(wire / "l.sqlite", own)
    assert code == 0
    (finding,) = data["findings"]
    assert finding["status"] == "unsupported"
    assert "it revises Harbour Post's 132 of 20 Nov 2015" in finding["message"]
    # Another outlet stating the same new figure is contradicted by the latest stored one.
    other = story(wire, "other.md", "2015-11-22", "Evening Star", "134")
    code, data = check_json(wire / "l.sqlite", other)
    assert code == 1 and data["findings"][0]["evidence"][0]["text"] == "132"


def test_what_was_published_after_the_article_does_not_count(wire: Path) -> None:
    early = story(wire, "early.md", "2015-11-15", "Evening Star", "129")
    _, data = check_json(wire / "l.sqlite", early)
    (finding,) = data["findings"]
    assert finding["status"] == "supported"
    assert {e["text"] for e in finding["evidence"]} == {"129"}


@pytest.mark.parametrize("fmt", ["rich", "json", "sarif", "github", "junit", "markdown", "html"])
def test_check_speaks_every_gate_format_and_names_outlet_and_date(wire: Path, fmt: str) -> None:
    draft = story(wire, "draft.md", "2015-11-21", "Evening Star", "129")
    code, out, err = run(
        "ledger", "--ledger", str(wire / "l.sqlite"), "check", str(draft), "-f", fmt
    )
    assert code == 1, err
    assert "Harbour Post" in out and "20 Nov 2015" in out
    if fmt in ("json", "sarif"):
        json.loads(out)


def _plans(ledger: Path, draft: Path) -> list[str]:
    """The query plan of every statement a check runs."""
    statements: list[str] = []
    store = SQLiteStore(ledger, create=False)
    store._db.set_trace_callback(statements.append)
    check_article(store, read_document(draft))
    store._db.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            plans += [row[3] for row in store._db.execute(f"EXPLAIN QUERY PLAN {sql}")]
    store.close()
    return plans


def test_a_check_looks_claims_up_through_indexes_never_a_scan(wire: Path) -> None:
    plans = _plans(wire / "l.sqlite", story(wire, "draft.md", "2015-11-21", "Star", "129"))
    assert any("postings" in p for p in plans)
    scans = [p for p in plans if p.startswith("SCAN")]
    assert not scans, scans


def test_time_and_outlet_say_where_they_came_from(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("The ferry carried 224 passengers.\n", encoding="utf-8")
    ledger = str(tmp_path / "l.sqlite")
    code, out, _ = run("ledger", "--ledger", ledger, "add", str(plain))
    assert code == 0 and "(file time)" in out and "outlet unknown" in out
    code, out, _ = run(
        "ledger", "--ledger", ledger, "add", str(plain), "--published", "2015-11-14T10:00:00+01:00",
        "--outlet", "Star",
    )  # fmt: skip
    assert out.startswith("replaced") and "14 Nov 2015 (flag)" in out and "Star (flag)" in out
    with SQLiteStore(ledger) as store:
        (article,) = store.articles()
    assert article.published == "2015-11-14T09:00:00Z"
    code, _, err = run("ledger", "--ledger", ledger, "add", str(plain), "--published", "Nov 14")
    assert code == 2 and err.count("\n") == 1 and "ISO 8601" in err


def test_front_matter_yaml_and_toml() -> None:
    assert front_matter("---\ndate: 2015-11-14\nOutlet: 'Star'\n---\nText 5.\n") == {
        "date": "2015-11-14",
        "outlet": "Star",
    }
    assert front_matter('+++\ndate = 2015-11-14\noutlet = "Star"\n+++\nText.\n') == {
        "date": "2015-11-14",
        "outlet": "Star",
    }
    assert front_matter("Text with no front matter.\n---\n") == {}


def test_stats_remove_and_export(wire: Path) -> None:
    ledger = str(wire / "l.sqlite")
    code, out, _ = run("ledger", "--ledger", ledger, "stats", "--format", "json")
    stats = json.loads(out)
    assert code == 0 and stats["articles"] == 4 and stats["outlets"] == 2
    code, out, _ = run("ledger", "--ledger", ledger, "export")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 4
    assert {x["article"]["outlet"] for x in lines} == {"Harbour Post", "Valley Times"}
    assert all(x["claims"][0]["text"] in ("125", "129", "130", "132") for x in lines)
    code, out, _ = run("ledger", "--ledger", ledger, "remove", str(wire / "wire" / "post-3.md"))
    assert code == 0 and out.startswith("removed")
    code, _, err = run("ledger", "--ledger", ledger, "remove", str(wire / "wire" / "post-3.md"))
    assert code == 2 and "not in the ledger" in err
    with SQLiteStore(ledger) as store:
        assert store.stats().articles == 3


def test_the_config_names_the_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".claimcheck.toml").write_text('ledger = "data/news.sqlite"\n', encoding="utf-8")
    (tmp_path / "data").mkdir()
    article = story(tmp_path, "a.md", "2015-11-14", "Star", "129")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("ledger", "add", str(article))
    assert code == 0, err
    assert (tmp_path / "data" / "news.sqlite").is_file()


def test_a_file_that_is_not_a_ledger_is_refused_and_left_alone(tmp_path: Path) -> None:
    article = story(tmp_path, "a.md", "2015-11-14", "Star", "129")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE mine (x)")
    before = {p: p.read_bytes() for p in (notes, other)}
    for target in (notes, other, tmp_path):
        code, _, err = run("ledger", "--ledger", str(target), "add", str(article))
        assert code == 2 and err.count("\n") == 1 and "ledger" in err
    assert {p: p.read_bytes() for p in (notes, other)} == before
    code, _, err = run("ledger", "--ledger", str(tmp_path / "none.sqlite"), "stats")
    assert code == 2 and "no ledger here" in err


def test_a_ledger_holding_a_trigger_is_refused(wire: Path) -> None:
    with sqlite3.connect(wire / "l.sqlite") as db:
        db.execute("CREATE TRIGGER t AFTER INSERT ON claims BEGIN DELETE FROM articles; END")
    with pytest.raises(LedgerError, match="also holds t"):
        SQLiteStore(wire / "l.sqlite")


def test_a_newer_schema_is_refused_and_an_older_one_migrated(
    wire: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add_column(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE articles ADD COLUMN language TEXT")

    monkeypatch.setattr(ledger_sqlite, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(ledger_sqlite.MIGRATIONS, 1, add_column)
    with SQLiteStore(wire / "l.sqlite") as store:
        assert store.stats().schema == 2 and store.stats().articles == 4
        columns = [r[1] for r in store._db.execute("PRAGMA table_info(articles)")]
    assert "language" in columns
    with sqlite3.connect(wire / "l.sqlite") as db:
        db.execute("PRAGMA user_version = 3")
    with pytest.raises(LedgerError, match="schema 3 is newer"):
        SQLiteStore(wire / "l.sqlite")


def test_the_ledger_is_in_wal_mode(wire: Path) -> None:
    with SQLiteStore(wire / "l.sqlite") as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_add_refuses_standard_input(tmp_path: Path) -> None:
    code, _, err = run("ledger", "--ledger", str(tmp_path / "l.sqlite"), "add", "-")
    assert code == 2 and "standard input" in err


def test_a_ledger_indexed_under_other_keys_is_reindexed(wire: Path) -> None:
    with sqlite3.connect(wire / "l.sqlite") as db:
        before = db.execute("SELECT count(*) FROM postings").fetchone()[0]
        db.execute("DELETE FROM postings")
        db.execute("UPDATE meta SET value = 'an older matcher' WHERE key = 'index'")
    with SQLiteStore(wire / "l.sqlite") as store:
        assert store.stats().postings == before > 0
    draft = story(wire, "draft.md", "2015-11-21", "Evening Star", "132")
    _, data = check_json(wire / "l.sqlite", draft)
    assert data["findings"][0]["status"] == "supported"


def test_the_ledger_bench_builds_and_checks(tmp_path: Path) -> None:
    bench = load_bench("ledger")
    gen = bench.Generator()
    with SQLiteStore(tmp_path / "bench.sqlite") as store:
        row = bench.checks(store, gen, bench.grow(store, gen, 0, 40, budget=60.0), count=3)
        assert row.articles == 40 and row.claims > 40 and len(row.check_ms) == 3
        # A further source of a stored event: the ledger finds its figures stated before.
        doc, meta = gen.article(10**6, event=3)
        report = check_article(store, doc, meta)
    assert report.gate.summary()["supported"] > 0


def test_an_unreadable_file_is_reported_and_the_others_stored(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    story(folder, "a.md", "2015-11-14", "Star", "129")
    (folder / "b.txt").write_bytes(b"\x00\x01binary\x00")
    story(folder, "c.md", "2015-11-15", "Star", "130")
    code, out, err = run("ledger", "--ledger", str(tmp_path / "l.sqlite"), "add", str(folder))
    assert code == 2
    assert err.count("\n") == 1 and "b.txt" in err and "Traceback" not in err
    assert out.count("added") == 2
    with SQLiteStore(tmp_path / "l.sqlite") as store:
        assert store.stats().articles == 2


def test_an_article_failing_inside_a_batch_leaves_the_others_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = read_documents([FIXTURES / "articles"])[:3]
    index = SQLiteStore._index

    def failing(self: SQLiteStore, ids, claims, sign) -> None:  # type: ignore[no-untyped-def]
        index(self, ids, claims, sign)
        if claims and claims[0].source == docs[1].id:
            raise RuntimeError("the disk is full")

    monkeypatch.setattr(SQLiteStore, "_index", failing)
    with SQLiteStore(tmp_path / "l.sqlite") as store:
        with store.batch():
            for doc in docs:
                with contextlib.suppress(RuntimeError):
                    store.put(article_of(doc, Metadata(), []), claims_of(doc))
        paths = [a.path for a in store.articles()]
        assert paths == [str(Path(d.path).resolve()) for d in (docs[0], docs[2])]
        # Every posting of the two stored articles is written, none of the failed one's.
        keys = [k for p in paths for k in index_keys(store.claims_of(p))]
        expected = sum(len(terms) for _, terms in keys)
        assert store._db.execute("SELECT count(*) FROM postings").fetchone()[0] == expected
        assert store.stats().postings == expected > 0
        terms = {(kind, unit, t) for (kind, unit), ts in keys for t in ts}
        rows = store._db.execute("SELECT kind, unit, term FROM terms WHERE count > 0").fetchall()
        assert set(rows) == terms


def test_index_keys_are_the_alignment_frames_sentence_lemmas() -> None:
    from checker.align import frames

    for doc in read_documents([FIXTURES / "articles"]):
        claims = claims_of(doc)
        assert index_keys(claims) == index_keys(claims, frames(claims))


SEASON = """---
date: {date}
outlet: {outlet}
---
{body}
"""
# One player's injuries in two seasons: the same names, another event.
OLD_SEASON = (
    "Riverton Hawks running back Tom Adler missed eight games this season with a broken ankle, "
    "coach Ray Dunn said on Monday.\nDunn has coached the Hawks for 12 years."
)
NEW_SEASON = (
    "A torn hamstring has kept Adler out for three games since the Riverton Hawks lost in "
    "Marlow, Ray Dunn said.\n{second}"
)


def _season(folder: Path, name: str, date: str, outlet: str, body: str) -> Path:
    path = folder / name
    path.write_text(SEASON.format(date=date, outlet=outlet, body=body), encoding="utf-8")
    return path


def test_a_figure_from_an_article_on_another_story_is_no_conflict(tmp_path: Path) -> None:
    old = _season(tmp_path, "old.md", "2014-12-30", "Riverton Gazette", OLD_SEASON)
    ledger = tmp_path / "l.sqlite"
    assert run("ledger", "--ledger", str(ledger), "add", str(old))[0] == 0
    # The same names, in other words, and no other figure in common: it may be another story.
    body = NEW_SEASON.format(second="The Riverton Hawks host Tom Adler's former club on Sunday.")
    draft = _season(tmp_path, "draft.md", "2016-11-02", "Valley Sports", body)
    code, data = check_json(ledger, draft)
    assert code == 0
    (finding,) = [f for f in data["findings"] if f["claim"]["text"] == "three"]
    assert finding["status"] == "unsupported" and "may tell another story" in finding["message"]
    # The article that also states another of the draft's figures tells its story: a conflict.
    body = NEW_SEASON.format(second="Dunn has coached the Hawks for 12 years.")
    anchored = _season(tmp_path, "anchored.md", "2016-11-02", "Valley Sports", body)
    code, data = check_json(ledger, anchored)
    assert code == 1
    status = {f["claim"]["text"]: f["status"] for f in data["findings"]}
    assert status == {"three": "contradicted", "12 years": "supported"}


def test_an_article_sharing_no_names_neither_supports_nor_contradicts(tmp_path: Path) -> None:
    ledger = tmp_path / "l.sqlite"
    other = _season(
        tmp_path,
        "other.md",
        "2014-12-30",
        "Coast Herald",
        "Harbor City Gulls forward Lena Moss missed eight games this season with a broken "
        "ankle, coach Ida Varga said on Monday.",
    )
    assert run("ledger", "--ledger", str(ledger), "add", str(other))[0] == 0
    body = (
        "Riverton Hawks running back Tom Adler missed eight games this season with a broken "
        "ankle, coach Ray Dunn said on Monday."
    )
    draft = _season(tmp_path, "draft.md", "2014-12-31", "Valley Sports", body)
    code, data = check_json(ledger, draft)
    assert code == 0 and data["sources"] == []
    (finding,) = data["findings"]
    assert finding["status"] == "unsupported" and not finding["evidence"]


def test_an_export_imports_into_the_same_ledger(wire: Path) -> None:
    ledger, copy = str(wire / "l.sqlite"), str(wire / "copy.sqlite")
    code, exported, _ = run("ledger", "--ledger", ledger, "export")
    assert code == 0
    (wire / "l.jsonl").write_text(exported, encoding="utf-8")
    code, out, err = run("ledger", "--ledger", copy, "import", str(wire / "l.jsonl"))
    assert code == 0, err
    assert "4 added, 0 replaced, 0 unchanged" in out
    assert run("ledger", "--ledger", copy, "export")[1] == exported
    draft = story(wire, "draft.md", "2015-11-21", "Evening Star", "129")
    assert (
        check_json(Path(copy), draft)[1]["findings"]
        == check_json(Path(ledger), draft)[1]["findings"]
    )
    # Imported again: every article is there already.
    code, out, _ = run("ledger", "--ledger", copy, "import", str(wire / "l.jsonl"))
    assert code == 0 and "4 unchanged" in out


def _counted(rows: Iterable[T], seen: list[int]) -> Iterator[T]:
    """``rows``, counting in ``seen[0]`` how many were taken."""
    for row in rows:
        seen[0] += 1
        yield row


def test_export_and_import_stream_an_article_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export writes its first lines before it has read the last article (the ledger is never
    in memory whole), and import stores each article before it reads the next line."""
    ledger = tmp_path / "l.sqlite"
    with SQLiteStore(ledger) as store, store.batch():
        for n in range(300):
            doc = read_document(story(tmp_path, f"s{n}.md", "2015-11-14", "Star", str(100 + n)))
            store.put(article_of(doc, Metadata(), []), claims_of(doc))
    read, read_when_written = [0], []
    records, write = SQLiteStore.records, Sink.write

    def counted_records(self: SQLiteStore) -> Iterator[tuple[Article, list[Claim]]]:
        return _counted(records(self), read)

    def noted_write(self: Sink, text: str) -> None:
        read_when_written.append(read[0])
        write(self, text)

    monkeypatch.setattr(SQLiteStore, "records", counted_records)
    monkeypatch.setattr(Sink, "write", noted_write)
    code, out, _ = run("ledger", "--ledger", str(ledger), "export")
    assert code == 0 and len(out.splitlines()) == read[0] == 300
    assert len(read_when_written) > 1 and read_when_written[0] < 300
    monkeypatch.undo()

    lines, read_when_put = [0], []
    with SQLiteStore(tmp_path / "copy.sqlite") as copy:
        put = copy.put

        def noted_put(article: Article, claims: Sequence[Claim]) -> str:
            read_when_put.append(lines[0])
            return put(article, claims)

        monkeypatch.setattr(copy, "put", noted_put)
        exported = _counted(out.splitlines(keepends=True), lines)
        assert import_lines(copy, exported, "l.jsonl")["added"] == 300
        assert read_when_put == list(range(1, 301))
        imported = list(copy.records())
    with SQLiteStore(ledger) as store:
        assert imported == list(store.records())


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        "[1, 2]",
        '{"article": {"path": "/a.md"}, "claims": []}',
        "[" * 100_000 + "]" * 100_000,
        '{"article": ARTICLE, "claims": [{"text": 129}]}',
        '{"article": ARTICLE, "claims": "none"}',
    ],
)
def test_an_import_line_that_is_no_exported_article_stores_nothing(wire: Path, line: str) -> None:
    ledger, copy = str(wire / "l.sqlite"), wire / "copy.sqlite"
    first, *_ = run("ledger", "--ledger", ledger, "export")[1].splitlines()
    article = json.dumps(json.loads(first)["article"])
    bad = wire / "bad.jsonl"
    bad.write_text(f"{first}\n{line.replace('ARTICLE', article)}\n", encoding="utf-8")
    code, out, err = run("ledger", "--ledger", str(copy), "import", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{bad}:2: not an exported article" in err
    assert "Traceback" not in err
    with SQLiteStore(copy) as store:
        assert store.stats().articles == 0  # not even the good first line


def test_an_import_of_no_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bin.jsonl").write_bytes(b"\xff\xfe\x00binary")
    for path in (tmp_path / "bin.jsonl", tmp_path / "missing.jsonl"):
        code, _, err = run("ledger", "--ledger", str(tmp_path / "l.sqlite"), "import", str(path))
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_a_year_in_common_tells_no_story(tmp_path: Path) -> None:
    old = _season(tmp_path, "old.md", "2014-12-30", "Riverton Gazette", OLD_SEASON)
    ledger = tmp_path / "l.sqlite"
    assert run("ledger", "--ledger", str(ledger), "add", str(old))[0] == 0
    # A year, a rank or a small number is stated in every story: no corroboration.
    body = NEW_SEASON.format(second="Dunn has coached the Hawks since 2002.")
    draft = _season(tmp_path, "draft.md", "2016-11-02", "Valley Sports", body)
    old.write_text(
        SEASON.format(
            date="2014-12-30",
            outlet="Riverton Gazette",
            body=OLD_SEASON.replace("for 12 years", "since 2002"),
        ),
        encoding="utf-8",
    )
    assert run("ledger", "--ledger", str(ledger), "add", str(old))[0] == 0
    code, data = check_json(ledger, draft)
    status = {f["claim"]["text"]: f["status"] for f in data["findings"]}
    assert code == 0 and status == {"three": "unsupported", "2002": "supported"}


CROWD = "A crowd of 14,382 watched the Riverton Hawks beat Marlow on Saturday"
ASSISTANT = "Dunn was an assistant to Al Berg (1996-99), Jo Kemp (1999-2001) and Lee Hart ({})."


def test_a_year_from_an_article_on_the_story_is_no_conflict_unless_restated(
    tmp_path: Path,
) -> None:
    """An article that tells the draft's story by a telling figure (the crowd) still says
    nothing of the draft's years in other words: one man's years in a post are not another's."""
    body = f"{CROWD}, coach Ray Dunn said.\n{ASSISTANT.format('2001-2004')}"
    old = _season(tmp_path, "old.md", "2014-12-30", "Riverton Gazette", body)
    ledger = tmp_path / "l.sqlite"
    assert run("ledger", "--ledger", str(ledger), "add", str(old))[0] == 0
    other = (
        "Ned Ross led the Hawks' scouting for four seasons (2005-2009) and has also "
        "assisted Lee Hart and Jo Kemp."
    )
    draft = _season(tmp_path, "draft.md", "2016-11-02", "Valley Sports", f"{CROWD}.\n{other}")
    code, data = check_json(ledger, draft)
    found = {f["claim"]["text"]: f for f in data["findings"]}
    assert code == 0 and found["14,382"]["status"] == "supported"
    assert found["2005-2009"]["status"] == "unsupported"
    assert "may date another fact" in found["2005-2009"]["message"]
    # The same statement in the same words, its years another: a conflict.
    restated = f"{CROWD}.\n{ASSISTANT.format('2001-2005')}"
    draft = _season(tmp_path, "same.md", "2016-11-02", "Valley Sports", restated)
    code, data = check_json(ledger, draft)
    found = {f["claim"]["text"]: f for f in data["findings"]}
    assert code == 1 and found["2001-2005"]["status"] == "contradicted"


LINE = (
    "Riverton Hawks running back Tom Adler ran for {yards} yards and caught {passes} passes "
    "this season, coach Ray Dunn said."
)


def test_a_line_of_figures_all_different_is_another_fact(tmp_path: Path) -> None:
    old = _season(
        tmp_path, "old.md", "2014-12-30", "Riverton Gazette", LINE.format(yards=812, passes=31)
    )
    ledger = tmp_path / "l.sqlite"
    assert run("ledger", "--ledger", str(ledger), "add", str(old))[0] == 0
    # The same words, every figure another: one season's line against another's.
    body = LINE.format(yards=655, passes=27)
    code, data = check_json(ledger, _season(tmp_path, "a.md", "2016-11-02", "Star", body))
    assert code == 0
    assert {f["status"] for f in data["findings"]} == {"unsupported"}
    # One figure of the line restated: the other one differing is a conflict.
    body = LINE.format(yards=655, passes=31)
    code, data = check_json(ledger, _season(tmp_path, "b.md", "2016-11-02", "Star", body))
    status = {f["claim"]["text"]: f["status"] for f in data["findings"]}
    assert code == 1 and status == {"655 yards": "contradicted", "31": "supported"}


def test_an_outlets_later_figure_of_another_place_revises_nothing() -> None:
    import dataclasses

    from checker.align import frames
    from checker.ledger.check import Revisions, Statement
    from checker.ledger.store import Article, Stored
    from claims import extract

    def stored(i: int, date: str, toll: str, place: str) -> Statement:
        (claim,) = extract(f"The toll rose to {toll} on Monday.", source=f"s{i}")
        claim = dataclasses.replace(claim, place=place)
        article = Article(f"/w/{i}.md", f"{i}.md", "d", "Harbour Post", published=date)
        return Statement(Stored(i, claim, article), frames([claim])[0], 0.9)

    draft = Article("/w/draft.md", "draft.md", "d", "Evening Star", published="2015-11-21")
    first, same, other = (
        stored(1, "2015-11-14", "129", "Ostra"),
        stored(2, "2015-11-16", "130", "Ostra"),
        stored(3, "2015-11-20", "12", "Kalvenia"),
    )
    revised = Revisions()
    revised.add([first, same, other], draft)
    # 130 revises 129 in Ostra; Kalvenia's toll is another fact and revises neither.
    assert revised.later == {1: 2}
    assert [s.id for s in revised.chains[1]] == [1, 2]
    assert 3 not in revised.chains and revised.latest(1) == 2

"""The dev data of ../shared/benchmarks/ read as tasks, and labelled pairs derived from it.

Nothing here copies the data: it is read in place, beside the checkout. Each derivation of a
pair label is written down where it is made (see `pairs_*`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from checker.align import Frame, Index, frames
from checker.documents import Document, claims_of, prose_of
from checker.features import agree
from checker.scorer import Pair, pairs
from claims import Claim

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
FIXTURES = ROOT / "fixtures"


def scorer_module(name: str) -> ModuleType:
    """A benchmark's own score.py, imported for its matching rules (standard library only)."""
    path = BENCHMARKS / name / "score.py"
    spec = importlib.util.spec_from_file_location(f"score_{name.replace('-', '_')}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def document(name: str, text: str) -> Document:
    """A Document from text in memory, read as the CLI would read a file of that name."""
    return Document(name, name, text, prose_of(text, Path(name).suffix.lower()), "utf-8")


@dataclass
class GateTask:
    """A draft and its sources, with what the benchmark scores."""

    dataset: str
    group: str  # the document the task's texts come from: folds never split a group
    draft: Document
    sources: list[Document]
    gold: dict = field(default_factory=dict)


@dataclass
class CheckTask:
    dataset: str
    group: str
    documents: list[Document]
    gold: dict = field(default_factory=dict)


def _group(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def summedits() -> Iterator[GateTask]:
    for path in sorted((BENCHMARKS / "summedits-domains").glob("summedits-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            x = json.loads(line)
            yield GateTask(
                "summedits",
                _group(x["doc"]),
                document("summary.txt", x["summary"]),
                [document("source.txt", x["doc"])],
                x,
            )


def aggrefact() -> Iterator[GateTask]:
    path = BENCHMARKS / "aggrefact" / "aggrefact-figures.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        yield GateTask(
            "aggrefact",
            _group(x["doc"]),
            document("draft.txt", x["summary"]),
            [document("article.txt", x["doc"])],
            x,
        )


def newsroom_gate() -> Iterator[GateTask]:
    for case in sorted((BENCHMARKS / "newsroom" / "gate").iterdir()):
        exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        sources = [document(n, (case / n).read_text(encoding="utf-8")) for n in exp["sources"]]
        draft = document("draft.md", (case / "draft.md").read_text(encoding="utf-8"))
        yield GateTask("newsroom", case.name, draft, sources, exp)


def newsroom_check() -> Iterator[CheckTask]:
    for case in sorted((BENCHMARKS / "newsroom" / "check").iterdir()):
        exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        docs = [document(p.name, p.read_text(encoding="utf-8")) for p in sorted(case.glob("*.txt"))]
        yield CheckTask("newsroom-check", case.name, docs, exp)


def ecbplus() -> Iterator[CheckTask]:
    for folder in sorted((BENCHMARKS / "ecbplus").iterdir()):
        if not (folder / "gold.json").is_file():
            continue
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        docs = [
            document(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))
        ]
        topic = folder.name.split("-")[0]  # both events of a topic stay in one fold
        yield CheckTask("ecbplus", f"ecb{topic}", docs, gold)


# ---------------------------------------------------------------------------- labelled pairs


@dataclass(frozen=True, slots=True)
class Example:
    dataset: str
    group: str
    features: tuple[float, ...]
    label: int


def _scored(claim: Claim, frame: Frame, index: Index) -> list[Pair]:
    return pairs(claim, frame, index, _FLAT)


class _Flat:
    """A stand-in model for deriving pairs before any is trained: every pair is equally likely."""

    def probability(self, x: list[float]) -> float:
        return 0.5


_FLAT = _Flat()  # type: ignore[assignment]


def _anchor(claim: Claim, found: list[Pair]) -> Pair | None:
    """The restatement a right figure stands for: the most similar sentence's agreeing figure.

    Derivation: a figure the benchmark says is right (a consistent summary, a clean figure) is
    taken to restate the agreeing source figure whose sentence is most like its own, when that
    sentence is among the three most similar to it.
    """
    for p in sorted(found, key=lambda p: -p.similarity):
        if agree(claim, p.other):
            rank = sorted({q.similarity for q in found}, reverse=True).index(p.similarity)
            return p if rank < 3 else None
    return None


def _index(docs: list[list[Claim]]) -> Index:
    index = Index()
    for claims in docs:
        index.add_document(claims)
    return index


def _right_figure_examples(
    dataset: str, group: str, claims: list[Claim], index: Index
) -> Iterator[Example]:
    """Pairs of right figures: their anchor is the same fact (1); a candidate whose figure
    disagrees is another fact (0), since the figure is right and the sources agree with it
    (whether or not they state it at all)."""
    for c, f in zip(claims, frames(claims), strict=True):
        found = _scored(c, f, index)
        anchor = _anchor(c, found)
        for p in found:
            if p is anchor:
                yield Example(dataset, group, p.features, 1)
            elif not agree(c, p.other):
                yield Example(dataset, group, p.features, 0)


def pairs_summedits() -> Iterator[Example]:
    """SummEdits: right figures of consistent summaries as above; a swapped figure restates the
    anchor of the original summary's figure at its place (1), and no other candidate (0)."""
    done: set[tuple[str, str]] = set()
    indexes: dict[str, Index] = {}
    for task in summedits():
        x = task.gold
        index = indexes.get(task.group)
        if index is None:
            indexes.clear()
            index = indexes[task.group] = _index([claims_of(task.sources[0])])
        original = claims_of(document("summary.txt", x["original_summary"]))
        if (task.group, x["original_summary"]) not in done:
            done.add((task.group, x["original_summary"]))
            yield from _right_figure_examples("summedits", task.group, original, index)
        summary = claims_of(task.draft)
        if str(x["label"]) == "1":
            if x["summary"] != x["original_summary"]:
                yield from _right_figure_examples("summedits", task.group, summary, index)
            continue
        if len(summary) != len(original):
            continue
        for s, fs, o, fo in zip(summary, frames(summary), original, frames(original), strict=True):
            if _digits(s.text) == _digits(o.text):
                continue
            anchor = _anchor(o, _scored(o, fo, index))
            if anchor is None:
                continue
            for p in _scored(s, fs, index):
                if p.other is anchor.other:
                    yield Example("summedits", task.group, p.features, 1)
                elif not agree(o, p.other):
                    yield Example("summedits", task.group, p.features, 0)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def pairs_newsroom_gate() -> Iterator[Example]:
    """Newsroom gate drafts: their clean figures are right figures (as above)."""
    for task in newsroom_gate():
        index = _index([claims_of(d) for d in task.sources])
        clean_lines = {
            task.draft.text.count("\n", 0, task.draft.text.find(e["phrase"])) + 1
            for e in task.gold["clean"]
            if e["phrase"] in task.draft.text
        }
        draft = [c for c in claims_of(task.draft) if c.line in clean_lines]
        yield from _right_figure_examples("newsroom", task.group, draft, index)


def pairs_aggrefact() -> Iterator[Example]:
    """AggreFact: figures people judged clean are right figures (as above). A figure marked
    extrinsic (a fact the article does not have) states nothing any candidate states (0)."""
    for task in aggrefact():
        figures = task.gold["figures"]
        clean = [(s, e) for s, e, _, label, _ in figures if label == "clean"]
        added = [(s, e) for s, e, _, label, kind in figures if kind == "extrinsic"]
        if not clean and not added:
            continue
        index = _index([claims_of(task.sources[0])])
        claims = claims_of(task.draft)
        draft = [c for c in claims if any(c.start < e and c.end > s for s, e in clean)]
        yield from _right_figure_examples("aggrefact", task.group, draft, index)
        extra = [c for c in claims if any(c.start < e and c.end > s for s, e in added)]
        for c, f in zip(extra, frames(extra), strict=True):
            for p in _scored(c, f, index):
                yield Example("aggrefact", task.group, p.features, 0)


def _covering(claims: list[Claim], doc: str, start: int, end: int) -> Claim | None:
    for c in claims:
        if c.source == doc and c.start < end and c.end > start:
            return c
    return None


def pairs_ecbplus() -> Iterator[Example]:
    """ECB+: two figures that cover gold mentions of one instance and form are one fact (1);
    of different instances, different facts (0). Figures outside the gold are left out."""
    for task in ecbplus():
        per_doc = [claims_of(d) for d in task.documents]
        index = _index(per_doc)
        gold_of: dict[tuple[str, int], tuple[str, str]] = {}
        for m in task.gold["figures"]:
            for claims in per_doc:
                c = _covering(claims, m["doc"] + ".txt", m["start"], m["end"])
                if c is not None:
                    gold_of[(c.source, c.start)] = (m["instance"], json.dumps(m["form"]))
        for claims in per_doc:
            for c, f in zip(claims, frames(claims), strict=True):
                mine = gold_of.get((c.source, c.start))
                if mine is None:
                    continue
                for p in _scored(c, f, index):
                    theirs = gold_of.get((p.other.source, p.other.start))
                    if theirs is not None:
                        yield Example("ecbplus", task.group, p.features, int(mine == theirs))


def pairs_newsroom_check() -> Iterator[Example]:
    """Newsroom check sets: figures of one listed conflict or agreement are one fact (1); of
    two different entries, or of a `no_conflict_between` pair, different facts (0)."""
    fm = scorer_module("newsroom").figure_matches
    for task in newsroom_check():
        per_doc = [claims_of(d) for d in task.documents]
        index = _index(per_doc)
        entries = [*task.gold["conflicts"], *task.gold["agreements"]]
        entry_of: dict[tuple[str, int], int] = {}
        for n, e in enumerate(entries):
            for claims in per_doc:
                for c in claims:
                    if (not e.get("sources") or c.source in e["sources"]) and any(
                        fm(fig, c.text) for fig in e["figures"]
                    ):
                        entry_of.setdefault((c.source, c.start), n)
        for claims in per_doc:
            for c, f in zip(claims, frames(claims), strict=True):
                mine = entry_of.get((c.source, c.start))
                if mine is None:
                    continue
                for p in _scored(c, f, index):
                    theirs = entry_of.get((p.other.source, p.other.start))
                    if theirs is not None:
                        yield Example("newsroom-check", task.group, p.features, int(mine == theirs))


def pairs_fixtures() -> Iterator[Example]:
    """Our own multi-source sets (fixtures/gold/sets.jsonl): pairs marked agree or conflict are
    one fact (1), pairs marked distinct two (0)."""
    gold = [
        json.loads(line)
        for line in (FIXTURES / "gold" / "sets.jsonl").read_text("utf-8").splitlines()
    ]
    for name in sorted({g["set"] for g in gold}):
        folder = FIXTURES / "sets" / name
        docs = [
            document(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))
        ]
        per_doc = [claims_of(d) for d in docs]
        index = _index(per_doc)

        def find(ref: dict, per_doc: list[list[Claim]] = per_doc) -> Claim | None:
            for claims in per_doc:
                for c in claims:
                    if (c.source, c.line, c.text) == (ref["file"], ref["line"], ref["text"]):
                        return c
            return None

        for g in gold:
            if g["set"] != name:
                continue
            a, b = find(g["a"]), find(g["b"])
            if a is None or b is None:
                continue
            fa = frames(per_doc[[d.id for d in docs].index(a.source)])
            claims_a = per_doc[[d.id for d in docs].index(a.source)]
            frame = fa[claims_a.index(a)]
            for p in _scored(a, frame, index):
                if p.other is b:
                    label = int(g["relation"] != "distinct")
                    yield Example("fixtures", f"fixture-{name}", p.features, label)


DERIVATIONS = {
    "fixtures": pairs_fixtures,
    "summedits": pairs_summedits,
    "aggrefact": pairs_aggrefact,
    "newsroom": pairs_newsroom_gate,
    "newsroom-check": pairs_newsroom_check,
    "ecbplus": pairs_ecbplus,
}

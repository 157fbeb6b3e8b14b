"""Check a new article against the ledger: retrieve by index, align by the scorer, resolve
revisions, then the scorer's gate on the statements that stand."""

from __future__ import annotations

import dataclasses
import functools
import math
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.align import Frame, Index, frames
from checker.documents import Document, claims_of
from checker.features import agree, measure_relation
from checker.gate import Finding, GateReport, cite, gate, phrase
from checker.ledger.ingest import Metadata, article_of
from checker.ledger.keys import Keys, index_keys
from checker.ledger.store import Article, Store, Stored
from checker.scorer import Model, pairs
from checker.settings import Settings
from checker.suppress import Ignore
from claims import Claim, extract

# Retrieval: per draft figure, the rarest terms of its block each propose their newest claims,
# and the best of those by shared rare terms go on to the scorer. Every step is bounded, so a
# check costs the same few index look-ups whatever the ledger's size.
RAREST_TERMS = 6
NEWEST_PER_TERM = 64
KEPT_PER_CLAIM = 16
# The names two articles' topics (their most named names) must share to tell one story: the
# gate's verdict takes its sources to tell the draft's story, a ledger holds every story.
STORY_NAMES = 3
# A contradiction by an article that supports no other figure of the draft's stands when its
# sentence is this like the draft's (IDF-weighted cosine; the scorer's "strong_sentence").
STRONG = 0.5
TELLING = 10  # figures of fewer significant digits are stated in every story


@dataclass(frozen=True, slots=True)
class LedgerReport:
    """A gate report against the ledger, with the stored articles cited and each finding's
    history: the statements of its figure by one outlet, the later revising the earlier."""

    gate: GateReport
    article: Article  # the checked article, as the ledger would store it
    sources: tuple[Article, ...]  # in the order of ``gate.sources``
    history: tuple[tuple[Stored, ...], ...]  # one per finding, oldest first
    superseded: tuple[bool, ...]  # one per finding: it states a figure since revised
    candidates: int  # stored claims the index proposed

    @property
    def failed(self) -> bool:
        return self.gate.failed


def candidates(store: Store, keys: Keys) -> list[int]:
    """Ids of the stored claims most likely to state the same fact as the claim indexed under
    ``keys`` (see checker.ledger.keys): through the index, never a scan."""
    scores: dict[int, float] = defaultdict(float)
    key, terms = keys
    for posting in store.postings(key, terms, RAREST_TERMS, NEWEST_PER_TERM):
        weight = 1.0 / math.log(2 + posting.count)  # a rare term says more than a common one
        for i in posting.ids:
            scores[i] += weight
    return sorted(scores, key=lambda i: (-scores[i], -i))[:KEPT_PER_CLAIM]


def label(article: Article) -> str:
    """How evidence names a stored article: outlet, date and file, e.g. "Wire, 14 Nov 2015,
    a.md" (so that every report format cites them)."""
    return f"{article.outlet or 'outlet unknown'}, {day(article.published)}, {_where(article.path)}"


@functools.lru_cache(maxsize=4096)
def _where(path: str) -> str:
    """The path relative to the current folder when it lies below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith("..") else relative


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(published: str | None) -> str:
    if not published:
        return "undated"
    year, month, date = published[:10].split("-")
    return f"{int(date)} {_MONTHS[int(month) - 1]} {year}"


def _earlier(a: str | None, b: str | None) -> bool:
    """``a`` strictly before ``b``; a bare date is the whole day, so it is never before a
    time on that day."""
    if a is None or b is None:
        return False
    if len(a) == 10 or len(b) == 10:
        return a[:10] < b[:10]
    return a < b


def _source_of(article: Article) -> str:
    """Statements are revised by their source: the outlet, or the article when none is known."""
    return article.outlet or f"article {article.path}"


def retrieve(
    store: Store, claims: Sequence[Claim], shapes: Sequence[Frame], article: Article
) -> tuple[list[Stored], int]:
    """The stored claims the index proposes for any of the draft's figures, published no
    later than ``article`` (and not its own); and how many stored claims were proposed."""
    proposed = [candidates(store, keys) for keys in index_keys(claims, shapes)]
    ids = sorted({i for group in proposed for i in group})
    found = [
        s
        for s in store.load(ids)
        if s.article.path != article.path and not _earlier(article.published, s.article.published)
    ]
    return found, len(ids)


def _on_story(topic: Sequence[str], other: Sequence[str]) -> bool:
    """Whether a stored article may tell the checked one's story: their topics share names.
    One that does not neither supports nor contradicts it (a figure it shares is chance). A
    short article names fewer: then all of the shorter topic's names, at least one."""
    need = min(STORY_NAMES, len(topic), len(other))
    return need > 0 and len(set(topic) & set(other)) >= need


@dataclass(frozen=True, slots=True)
class Statement:
    """A stored claim the scorer aligns with a draft figure: it may state the same fact."""

    stored: Stored
    frame: Frame
    probability: float


@dataclass(frozen=True, slots=True)
class _Pool:
    """The retrieved claims, indexed for the scorer as the gate indexes its sources: one
    document per stored article, named by its label."""

    index: Index
    stored: list[Stored]  # parallel to ``index.claims``

    @classmethod
    def of(cls, found: Sequence[Stored], settings: Settings) -> _Pool:
        """The pool of ``found``, whose claims are named by their articles' labels."""
        by_article: dict[str, list[Stored]] = {}
        for s in found:
            by_article.setdefault(s.claim.source, []).append(s)
        index = Index(settings)
        stored: list[Stored] = []
        for group in by_article.values():
            index.add_document([s.claim for s in group])
            stored.extend(group)
        return cls(index, stored)

    def statements(
        self, claim: Claim, frame: Frame, settings: Settings, model: Model | None
    ) -> list[Statement]:
        """The stored statements that may be of the figure's fact, most likely first."""
        return [
            Statement(self.stored[p.item], self.index.frames[p.item], p.probability)
            for p in pairs(claim, frame, self.index, model)
            if p.probability >= settings.rival
        ]


def _of_one_fact(a: Claim, b: Claim) -> bool:
    """Two statements of one outlet, aligned with one draft figure, that may be a revision of
    each other: neither another place, another period nor another measure. (Their times may
    differ: a revised toll is told "on Tuesday" where the first was "on Monday".)"""
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    return a.period == b.period and not measure_relation(a.measure, b.measure)[3]


@dataclass
class Revisions:
    """Who revised what among the statements aligned with the draft's figures.

    ``later`` maps a stored claim id to the id of its outlet's next statement of the same fact
    (0 when that is the checked article itself); ``chains`` holds, per stored id, its outlet's
    statements of the fact, oldest first. The newest statement of a figure from a source
    supersedes its earlier ones; another outlet's later figure never does.
    """

    later: dict[int, int] = dataclasses.field(default_factory=dict)
    chains: dict[int, tuple[Stored, ...]] = dataclasses.field(default_factory=dict)
    by_id: dict[int, Stored] = dataclasses.field(default_factory=dict)

    def add(self, group: Sequence[Statement], draft: Article) -> None:
        """Read the revisions among one draft figure's statements."""
        by_source: dict[str, list[Stored]] = defaultdict(list)
        for st in group:
            self.by_id[st.stored.id] = st.stored
            by_source[_source_of(st.stored.article)].append(st.stored)
        own = _source_of(draft)
        for source, told_by in by_source.items():
            told_by.sort(key=lambda s: (s.article.published or "", s.id))
            chain: list[Stored] = []
            for s in told_by:
                if chain and _earlier(chain[-1].article.published, s.article.published):
                    if _of_one_fact(chain[-1].claim, s.claim):
                        self.later.setdefault(chain[-1].id, s.id)
                    else:
                        continue
                elif chain:
                    continue  # the same day: neither revises the other
                chain.append(s)
            if source == own and chain and _earlier(chain[-1].article.published, draft.published):
                self.later.setdefault(chain[-1].id, 0)
            if len(chain) > 1 or (chain and self.later.get(chain[-1].id) == 0):
                for s in chain:
                    self.chains.setdefault(s.id, tuple(chain))

    def latest(self, i: int) -> int:
        """The newest stored statement in ``i``'s chain of revisions."""
        seen = {i}
        while (j := self.later.get(i)) and j not in seen:
            seen.add(j)
            i = j
        return i


def check_article(
    store: Store,
    doc: Document,
    given: Metadata | None = None,
    settings: Settings | None = None,
    ignore: Ignore | None = None,
    fail_on: str = "contradicted",
    notes: list[str] | None = None,
    model: Model | None = None,
) -> LedgerReport:
    """Check ``doc`` against every earlier statement in the ledger that may state the same fact.

    Only what was published before it counts (all of the ledger when either time is unknown);
    the article itself, if stored, is left out. Each source's latest statement of a figure is
    the one the verdict weighs; the earlier ones are its history.
    """
    settings = settings or Settings()
    article = article_of(doc, given or Metadata(), notes if notes is not None else [])
    claims = claims_of(doc)
    shapes = frames(claims)
    found, looked_at = retrieve(store, claims, shapes, article)
    topic = claims[0].topic if claims else ()
    # Each stored claim named as evidence names it: its article's outlet, date and file.
    found = [
        dataclasses.replace(s, claim=dataclasses.replace(s.claim, source=label(s.article)))
        for s in found
        if _on_story(topic, s.claim.topic)
    ]
    pool = _Pool.of(found, settings)
    revised = Revisions()
    groups: dict[int, list[Statement]] = {}
    for c, f in zip(claims, shapes, strict=True):
        groups[id(c)] = group = pool.statements(c, f, settings, model)
        revised.add(group, article)
    # The gate weighs each source's latest statements: the pool's index, the revised left out.
    pool.index.hide({n for n, s in enumerate(pool.stored) if s.id in revised.later})
    current: dict[str, Article] = {}
    for s in found:
        if s.id not in revised.later:
            current.setdefault(s.claim.source, s.article)
    names = list(current)
    report = gate(
        doc,
        [Document(id=n, path=current[n].path, text="", prose="", encoding="utf-8") for n in names],
        settings=settings,
        ignore=ignore,
        fail_on=fail_on,
        model=model,
        draft_claims=claims,
        index=pool.index,
        draft_frames=shapes,
    )
    cited = {(s.claim.source, s.claim.start, s.claim.text): s.id for s in found}
    frame_of = {id(c): f for c, f in zip(claims, shapes, strict=True)}
    frame_of.update((id(c), f) for c, f in zip(pool.index.claims, pool.index.frames, strict=True))
    corroborated = _corroboration(report.findings, pool.index, frame_of, claims)
    explained = [
        _explain(corroborated(f), revised, cited, groups.get(id(f.claim), []))
        for f in report.findings
    ]
    return LedgerReport(
        gate=dataclasses.replace(report, findings=tuple(f for f, _, _ in explained)),
        article=article,
        sources=tuple(current[n] for n in names),
        history=tuple(h for _, h, _ in explained),
        superseded=tuple(s for _, _, s in explained),
        candidates=looked_at,
    )


def _telling(claim: Claim) -> bool:
    """A figure two stories seldom share by chance: a date to the day, or an amount written
    with two significant digits or more (404 yards, 5.01, 129 dead); not a year, a rank or a
    small or round number ("two", "$1 million"), which agree across stories all the time."""
    if claim.kind == "date":
        return claim.date is not None and claim.date.count("-") >= 2
    if claim.kind in ("year", "ordinal") or claim.value is None or claim.qualifier != "exact":
        return False
    step = 2 * claim.precision if claim.precision else 1.0  # the last written digit's unit
    return abs(claim.value) >= TELLING * step


def _loosely_dated(claim: Claim) -> bool:
    """A year, or a date not to the day ("March 2015"): dated, but not telling."""
    return claim.kind in ("year", "date") and not _telling(claim)


def _restates(rest: Sequence[Claim], other: Claim, read: dict[str, list[Claim]]) -> bool:
    """Whether ``other``'s sentence may restate the draft's sentence whose other telling
    figures are ``rest``: they share one of them, or neither states another. (Two sentences
    whose other figures all differ, as one season's line of figures against another's, tell
    other facts.)"""
    figures = read.get(other.sentence)
    if figures is None:  # each evidence sentence read once per check
        figures = read[other.sentence] = extract(other.sentence, source=other.source)
    theirs = [x for x in figures if _telling(x) and x.text != other.text]
    if not rest and not theirs:
        return True
    return any(agree(c, x) for c in rest for x in theirs)


def _corroboration(
    findings: Sequence[Finding],
    index: Index,
    frame_of: dict[int, Frame],
    claims: Sequence[Claim],
) -> Callable[[Finding], Finding]:
    """A contradiction stands only when an article that gives it also tells the draft's story
    by its facts: it supports a telling figure of another of the draft's sentences (one of the
    same sentence is part of the same statement, not another fact), or it states this one in
    much the draft's words, the sentence's other telling figures too. Names alone do not tell
    one story (the same team in another season, the same company's earlier flaw); otherwise
    the figure is unsupported, and says why."""
    by_sentence: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[c.sentence].append(c)
    read: dict[str, list[Claim]] = {}
    supports: dict[str, set[str]] = defaultdict(set)  # article -> draft sentences it supports
    for f in findings:
        if f.status == "supported" and _telling(f.claim):
            for e in f.evidence:
                if _telling(e):
                    supports[e.source].add(f.claim.sentence)

    def judged(f: Finding) -> Finding:
        if f.status != "contradicted" or not f.evidence:
            return f
        # A year or a month is stated in every story (not telling): an article that tells the
        # draft's story by other figures does not make its year this figure's fact.
        loose = _loosely_dated(f.claim)
        if not loose and any(supports[e.source] - {f.claim.sentence} for e in f.evidence):
            return f
        own = frame_of[id(f.claim)].sentence
        rest = [c for c in by_sentence[f.claim.sentence] if c is not f.claim and _telling(c)]
        if any(
            index.similarity(own, _frame(e, frame_of).sentence) > STRONG
            and _restates(rest, e, read)
            for e in f.evidence
        ):
            return f
        said = f"draft says {phrase(f.claim)}"
        why = (
            f"{cite(f.evidence)} may date another fact: a year or a month differs from story "
            "to story, and it does not state this one in the draft's words"
            if loose
            else f"{cite(f.evidence)} may tell another story: it shares no other telling figure "
            "with the draft, nor this statement's words"
        )
        return dataclasses.replace(f, status="unsupported", message=f"{said}; {why}")

    return judged


def _frame(claim: Claim, frame_of: dict[int, Frame]) -> Frame:
    """A claim's frame as the index read it (or read now, for one it does not hold)."""
    found = frame_of.get(id(claim))
    return found if found is not None else frames([claim])[0]


def _explain(
    f: Finding,
    revised: Revisions,
    cited: dict[tuple[str, int, str], int],
    group: Sequence[Statement],
) -> tuple[Finding, tuple[Stored, ...], bool]:
    """The finding with its figure's history, and the verdict on a superseded figure."""
    stale = _stale(f.claim, revised, group)
    if stale is not None and f.status != "supported":
        chain = revised.chains.get(stale.id, ())
        message = (
            f"draft says {phrase(f.claim)}, a figure since revised: the latest figure is "
            f"{' '.join(stale.claim.text.split())}, since {day(stale.article.published)} "
            f"({label(stale.article)}:{stale.claim.line}); {told(chain)}"
        )
        evidence = (stale.claim,)
        return Finding("contradicted", f.claim, evidence, message, f.score), chain, True
    history: list[Stored] = []
    for e in f.evidence:
        i = cited.get((e.source, e.start, e.text))
        if i is not None:
            history.extend(s for s in revised.chains.get(i, ()) if s not in history)
    message = f.message
    own = [
        st.stored
        for st in group
        if revised.later.get(st.stored.id) == 0 and not agree(f.claim, st.stored.claim)
    ]
    if own:
        history = [*(s for s in revised.chains.get(own[0].id, own) if s not in history), *history]
        message += "; it revises " + ", ".join(
            f"{_source_of(s.article)}'s {s.claim.text} of {day(s.article.published)}" for s in own
        )
    if history:
        message += f"; {told(history)}"
    if stale is not None:
        message += (
            f"; {_source_of(stale.article)} has since revised it to {stale.claim.text} "
            f"({day(stale.article.published)})"
        )
    return dataclasses.replace(f, message=message), tuple(history), False


def _stale(claim: Claim, revised: Revisions, group: Sequence[Statement]) -> Stored | None:
    """The latest revision of an earlier statement that the draft's figure repeats, when that
    revision gives another figure."""
    for st in group:
        old = st.stored
        if revised.later.get(old.id) and agree(claim, old.claim):
            new = revised.by_id[revised.latest(old.id)]
            if not agree(claim, new.claim):
                return new
    return None


def told(chain: Sequence[Stored]) -> str:
    """ "reported as 129 on 14 Nov 2015 (Wire), 130 on 16 Nov 2015 (Wire)" """
    return "reported as " + ", ".join(
        f"{' '.join(s.claim.text.split())} on {day(s.article.published)}"
        f" ({s.article.outlet or 'outlet unknown'})"
        for s in chain
    )

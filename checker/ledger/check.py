"""Check a new article against the ledger: retrieve by index, resolve revisions, then the gate."""

from __future__ import annotations

import dataclasses
import functools
import math
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from checker.compare import compatible
from checker.documents import Document, claims_of
from checker.gate import Finding, GateReport, Ignore, gate, phrase
from checker.ledger.ingest import Metadata, article_of
from checker.ledger.keys import Keys, index_keys
from checker.ledger.store import Article, Store, Stored
from checker.match import TOPIC_SHARED, Settings, block_key, relate
from claims import Claim

# Retrieval: per draft figure, the rarest terms of its block each propose their newest claims,
# and the best of those by shared rare terms go on to the verdict. Every step is bounded, so a
# check costs the same few index look-ups whatever the ledger's size.
RAREST_TERMS = 6
NEWEST_PER_TERM = 64
KEPT_PER_CLAIM = 16


@dataclass(frozen=True, slots=True)
class LedgerReport:
    """A gate report against the ledger, with the stored articles cited and each finding's
    history: the earlier statements of its figure that later ones by the same outlet revised."""

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


def _same_statement(a: Claim, b: Claim) -> bool:
    """Whether two figures state one fact: the shared matcher's decision, as the gate's."""
    return relate(a, b, _ACROSS).same


_ACROSS = Settings()  # two stored articles are not known to tell one story


def _aligned(draft: Claim, stored: Claim) -> bool:
    """A stored figure the verdict may weigh: the same statement, and when the figures differ,
    from an article about the same event (their topics share names), as a ledger holds many."""
    return _same_statement(draft, stored) and (
        compatible(draft, stored) or len(set(draft.topic) & set(stored.topic)) >= TOPIC_SHARED
    )


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


def _source_of(s: Stored | Article) -> str:
    """Statements are revised by their source: the outlet, or the article when none is known."""
    article = s.article if isinstance(s, Stored) else s
    return article.outlet or f"article {article.path}"


def revisions(
    proposed: Sequence[Sequence[Stored]], draft: Article, claims: Sequence[Claim]
) -> dict[int, int]:
    """Stored claim id -> the id of the later statement of the same fact that revised it, or 0
    when the checked article revises its own outlet's earlier figure.

    ``proposed`` holds, per draft figure, the stored claims retrieved for it: only those are
    compared, so the work stays bounded. What the ledger holds true of a fact is its latest
    statement; the checked article revises only what its own outlet said, never another's.
    """
    later: dict[int, int] = {}
    for group in proposed:
        ordered = sorted(group, key=lambda s: (s.article.published or "", s.id), reverse=True)
        for i, old in enumerate(ordered):
            if old.id in later:
                continue
            for new in ordered[:i]:  # newest first: the latest revision wins
                if _revises(new, old):
                    later[old.id] = new.id
                    break
    own = _source_of(draft)
    for claim, group in zip(claims, proposed, strict=True):
        for s in group:
            if (
                s.id not in later
                and _source_of(s) == own
                and _earlier(s.article.published, draft.published)
                and _differs(claim, s.claim)
            ):
                later[s.id] = 0
    return later


def _revises(new: Stored, old: Stored) -> bool:
    return _earlier(old.article.published, new.article.published) and _differs(new.claim, old.claim)


def _differs(a: Claim, b: Claim) -> bool:
    """Two statements of the same fact with different figures."""
    return block_key(a) == block_key(b) and not compatible(a, b) and _same_statement(a, b)


def retrieve(
    store: Store, claims: Sequence[Claim], article: Article
) -> tuple[list[list[Stored]], int]:
    """Per draft figure, the stored statements aligned with it that were published no later
    than ``article`` (and are not its own); and how many stored claims the index proposed."""
    proposed_ids = [candidates(store, keys) for keys in index_keys(claims)]
    ids = sorted({i for group in proposed_ids for i in group})
    by_id = {
        s.id: s
        for s in store.load(ids)
        if s.article.path != article.path and not _earlier(article.published, s.article.published)
    }
    # Only what the shared matcher aligns with a draft figure, across stories, goes on to the
    # gate's verdict: the gate takes its sources to tell the draft's own story, a ledger's
    # candidates come from every story it holds.
    aligned = [
        [by_id[i] for i in group if i in by_id and _aligned(c, by_id[i].claim)]
        for c, group in zip(claims, proposed_ids, strict=True)
    ]
    return aligned, len(ids)


def _current(
    stored: Sequence[Stored], later: dict[int, int]
) -> dict[str, tuple[Article, list[Claim]]]:
    """The statements no later one revised, by the label of their article."""
    current: dict[str, tuple[Article, list[Claim]]] = {}
    for s in stored:
        if s.id not in later:
            name = label(s.article)
            current.setdefault(name, (s.article, []))[1].append(
                dataclasses.replace(s.claim, source=name)
            )
    return current


def check_article(
    store: Store,
    doc: Document,
    given: Metadata | None = None,
    settings: Settings | None = None,
    ignore: Ignore | None = None,
    fail_on: str = "contradicted",
    notes: list[str] | None = None,
) -> LedgerReport:
    """Check ``doc`` against every earlier statement in the ledger that may state the same fact.

    Only what was published before it counts (all of the ledger when either time is unknown);
    the article itself, if stored, is left out. Each source's latest statement of a figure is
    the one the verdict weighs; the earlier ones are its history.
    """
    article = article_of(doc, given or Metadata(), notes if notes is not None else [])
    claims = claims_of(doc)
    proposed, looked_at = retrieve(store, claims, article)
    by_id = {s.id: s for group in proposed for s in group}
    later = revisions(proposed, article, claims)
    stored = list(by_id.values())
    current = _current(stored, later)
    names = list(current)
    report = gate(
        doc,
        [
            Document(id=n, path=current[n][0].path, text="", prose="", encoding="utf-8")
            for n in names
        ],
        settings=settings,
        ignore=ignore,
        fail_on=fail_on,
        source_claims=[current[n][1] for n in names],
    )
    cited = {(label(s.article), s.claim.start, s.claim.text): s.id for s in stored}
    revised = _Revised(by_id, later, cited)
    findings, history, superseded = [], [], []
    for f in report.findings:
        finding, past, stale = revised.explain(f)
        findings.append(finding)
        history.append(past)
        superseded.append(stale)
    return LedgerReport(
        gate=dataclasses.replace(report, findings=tuple(findings)),
        article=article,
        sources=tuple(current[n][0] for n in names),
        history=tuple(history),
        superseded=tuple(superseded),
        candidates=looked_at,
    )


@dataclass(frozen=True, slots=True)
class _Revised:
    """The revision chains among the retrieved claims, to explain findings with."""

    by_id: dict[int, Stored]
    later: dict[int, int]
    cited: dict[tuple[str, int, str], int]  # (label, start, text) of a stored claim -> its id

    def latest(self, i: int) -> int:
        seen = {i}
        while (j := self.later.get(i)) is not None and j and j not in seen:
            seen.add(j)
            i = j
        return i

    def chain(self, latest: int) -> list[Stored]:
        """Every statement whose revisions end in ``latest``, oldest first, ``latest`` last."""
        past = [s for i, s in self.by_id.items() if i in self.later and self.latest(i) == latest]
        past.sort(key=lambda s: (s.article.published or "", s.id))
        return [*past, self.by_id[latest]] if past else []

    def explain(self, f: Finding) -> tuple[Finding, tuple[Stored, ...], bool]:
        """The finding with its figure's history, and the verdict on a superseded figure."""
        history: list[Stored] = []
        for e in f.evidence:
            latest = self.cited.get((e.source, e.start, e.text))
            if latest is not None:
                history.extend(s for s in self.chain(latest) if s not in history)
        stale = self._stale(f.claim)
        if stale is not None and f.status != "supported":
            new = stale
            evidence = (_cited(new),)
            message = (
                f"draft says {phrase(f.claim)}, a figure since revised: the latest figure is "
                f"{' '.join(new.claim.text.split())}, since {day(new.article.published)} "
                f"({label(new.article)}:{new.claim.line}); {told(self.chain(new.id))}"
            )
            chain = tuple(self.chain(new.id))
            return Finding("contradicted", f.claim, evidence, message, f.score), chain, True
        message = f.message
        own = [
            self.by_id[i]
            for i, j in self.later.items()
            if not j and _differs(f.claim, self.by_id[i].claim)
        ]
        if own:
            history = own + history
            message += "; it revises " + ", ".join(
                f"{_source_of(s)}'s {s.claim.text} of {day(s.article.published)}" for s in own
            )
        if history:
            message += f"; {told(history)}"
        if stale is not None:
            message += (
                f"; {_source_of(stale)} has since revised it to {stale.claim.text} "
                f"({day(stale.article.published)})"
            )
        finding = dataclasses.replace(f, message=message)
        return finding, tuple(history), False

    def _stale(self, claim: Claim) -> Stored | None:
        """The latest revision of an earlier statement that the draft's figure repeats."""
        for i, j in self.later.items():
            old = self.by_id[i]
            if (
                j
                and block_key(old.claim) == block_key(claim)
                and compatible(claim, old.claim)
                and _same_statement(claim, old.claim)
            ):
                new = self.by_id[self.latest(i)]
                if not compatible(claim, new.claim):
                    return new
        return None


def _cited(s: Stored) -> Claim:
    return dataclasses.replace(s.claim, source=label(s.article))


def told(chain: Sequence[Stored]) -> str:
    """ "reported as 129 on 14 Nov 2015 (Wire), 130 on 16 Nov 2015 (Wire)" """
    return "reported as " + ", ".join(
        f"{' '.join(s.claim.text.split())} on {day(s.article.published)}"
        f" ({s.article.outlet or 'outlet unknown'})"
        for s in chain
    )

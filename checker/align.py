"""Alignment: for a figure, the statements of other documents most likely to restate it.

Each claim is read once into a `Frame`: the lemmas of its sentence and of the words around the
figure, and the words it attaches to. An `Index` of frames by blocking key (kind and dimension)
and lemma proposes candidates; they are ranked by the IDF-weighted similarity of their sentences,
so a figure is compared only with the figures of the few sentences that say most what its own
says. The same index serves the gate, the cross-source check and the ledger.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from checker.settings import Settings
from claims import Claim
from claims.context import STOPWORDS

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:['’-]\p{L}[\p{L}\p{M}]*+)*+")
# Words read around a figure on each side, for the figure's own clause, and for its next words.
CLAUSE_WINDOW = 6
NEXT_WORDS = 2
# Characters either side of a figure in which a word of time pins it to a time ("on Tuesday").
TIME_REACH = 60
_TIME_WORD = regex.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:19|20)[0-9]{2})\b"
)
# Kinds whose figures may restate each other though their kinds differ.
_KIND_GROUPS = {"year": "date", "date": "date"}


@lru_cache(maxsize=1)
def _lemmatizer() -> object:
    import simplemma  # a lazy import: start-up stays fast for commands that align nothing

    return simplemma


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a lower-case word ("strikes" -> "strike")."""
    if len(word) < 4:
        return word
    simplemma = _lemmatizer()
    out: str = simplemma.lemmatize(word, lang="en")  # type: ignore[attr-defined]
    return out.lower()


def content_lemmas(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) of the content words of ``text``: no stop words, no number words."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 2 or w in STOPWORDS:
            continue
        out.append((m.start(), m.end(), lemma(w)))
    return out


@dataclass(frozen=True, slots=True)
class Frame:
    """What alignment knows of a claim: its sentence's lemmas and its own clause's."""

    sentence: frozenset[str]
    clause: frozenset[str]
    before: str  # the lemma of the nearest content word before the figure, or ""
    after: str  # and after it
    next_words: frozenset[str]  # the lemmas of the nearest words on each side
    times: frozenset[str]  # words of time close to the figure, outside it ("tuesday", "2019")
    order: int  # the figure's place among the figures of its sentence (0 first)


def block_key(claim: Claim) -> tuple[str, str]:
    """Figures are compared only inside a block: one kind (dates with years) and dimension.

    Money of any currency is one block: "£85m" where the source says "€85m" is a unit error the
    gate must see, not a figure of another kind.
    """
    kind = _KIND_GROUPS.get(claim.kind, claim.kind)
    if claim.kind in ("money", "date", "year"):
        return kind, ""
    return kind, claim.unit or ""


def frames(claims: Sequence[Claim]) -> list[Frame]:
    """The frames of one document's claims (claims of one sentence share its lemmas)."""
    by_sentence: dict[str, list[tuple[int, int, str]]] = {}
    figures_in: dict[str, list[int]] = defaultdict(list)
    positions = []
    for c in claims:
        words = by_sentence.get(c.sentence)
        if words is None:
            words = by_sentence[c.sentence] = content_lemmas(c.sentence)
        at = _position(c)
        positions.append(at)
        figures_in[c.sentence].append(at)
    out = []
    for c, at in zip(claims, positions, strict=True):
        words = by_sentence[c.sentence]
        end = at + len(c.text)
        left = [w for s, e, w in words if e <= at][-CLAUSE_WINDOW:]
        right = [w for s, e, w in words if s >= end][:CLAUSE_WINDOW]
        order = sorted(figures_in[c.sentence]).index(at)
        times = frozenset(
            m.group().lower()
            for m in _TIME_WORD.finditer(c.sentence, max(0, at - TIME_REACH), end + TIME_REACH)
            if m.end() <= at or m.start() >= end
        )
        out.append(
            Frame(
                sentence=frozenset(w for _, _, w in words),
                clause=frozenset(left + right),
                before=left[-1] if left else "",
                after=right[0] if right else "",
                next_words=frozenset(left[-NEXT_WORDS:] + right[:NEXT_WORDS]),
                times=times,
                order=order,
            )
        )
    return out


def _position(c: Claim) -> int:
    """Where the figure stands in its sentence (the sentence may be a window of a long one)."""
    at = c.sentence.find(c.text)
    return at if at >= 0 else len(c.sentence) // 2


@dataclass(frozen=True, slots=True)
class Candidate:
    """An indexed claim proposed for a figure, with how alike their sentences are."""

    item: int
    similarity: float  # IDF-weighted cosine of the two sentences' lemmas, 0 to 1
    rank: int  # 0 for the most similar sentence of the candidates


@dataclass
class Index:
    """Claims by blocking key and lemma; IDF over the indexed sentences."""

    settings: Settings = field(default_factory=Settings)
    claims: list[Claim] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    _postings: dict[tuple[tuple[str, str], str], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )
    _blocks: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    _df: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _sentences: set[tuple[str, str]] = field(default_factory=set)

    def add_document(self, claims: Sequence[Claim]) -> list[int]:
        """Index one document's claims; returns their ids."""
        ids = []
        for c, f in zip(claims, frames(claims), strict=True):
            i = len(self.claims)
            self.claims.append(c)
            self.frames.append(f)
            key = block_key(c)
            self._blocks[key].append(i)
            for term in f.sentence:
                posting = self._postings[(key, term)]
                if len(posting) <= self.settings.max_postings:
                    posting.append(i)
            if (c.source, c.sentence) not in self._sentences:
                self._sentences.add((c.source, c.sentence))
                for term in f.sentence:
                    self._df[term] += 1
            ids.append(i)
        return ids

    def idf(self, term: str) -> float:
        n = len(self._sentences) + 1
        return math.log(1.0 + n / (1.0 + self._df.get(term, 0)))

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted cosine of two lemma sets."""
        if not a or not b:
            return 0.0
        shared = sum(self.idf(t) ** 2 for t in a & b)
        if not shared:
            return 0.0
        na = math.sqrt(sum(self.idf(t) ** 2 for t in a))
        nb = math.sqrt(sum(self.idf(t) ** 2 for t in b))
        return shared / (na * nb)

    def candidates(self, claim: Claim, frame: Frame) -> list[Candidate]:
        """Same-block claims of other sources in the sentences most similar to the claim's own.

        A small block (a gate's few sources) is searched whole; a large one through the
        postings of the claim's lemmas.
        """
        key = block_key(claim)
        block = self._blocks.get(key, ())
        if len(block) <= self.settings.max_postings:
            pool: Iterable[int] = block
        else:
            seen: dict[int, None] = {}
            for term in frame.sentence:
                posting = self._postings.get((key, term))
                if posting and len(posting) <= self.settings.max_postings:
                    seen.update(dict.fromkeys(posting))
            pool = seen
        by_sentence: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in pool:
            other = self.claims[i]
            if other.source != claim.source:
                by_sentence[(other.source, other.sentence)].append(i)
        scored = [
            (self.similarity(frame.sentence, self.frames[ids[0]].sentence), ids)
            for ids in by_sentence.values()
        ]
        scored.sort(key=lambda s: -s[0])
        out: list[Candidate] = []
        for rank, (sim, ids) in enumerate(scored[: self.settings.candidate_sentences]):
            out.extend(Candidate(i, sim, rank) for i in ids)
        return out

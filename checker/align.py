"""Alignment: for a figure, the statements of other documents most likely to restate it.

Each claim is read once into a `Frame`: the lemmas of its sentence and of the words around the
figure, and the words it attaches to. An `Index` of frames by blocking key (kind and dimension)
and lemma proposes candidates; they are ranked by the IDF-weighted similarity of their sentences,
so a figure is compared only with the figures of the few sentences that say most what its own
says. The same index serves the gate, the cross-source check and the ledger.
"""

from __future__ import annotations

import bisect
import heapq
import math
import tomllib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources

import regex

from checker.compare import bounds
from checker.settings import Settings
from claims import Claim
from claims.context import STOPWORDS
from claims.measures import word_lemma
from claims.units import stated_number

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:['’-]\p{L}[\p{L}\p{M}]*+)*+")
# Words read around a figure on each side, for the figure's own clause, and for its next words.
CLAUSE_WINDOW = 6
NEXT_WORDS = 2
# What ends a clause on either side of a figure: a comma, semicolon or colon before a space (not
# the comma of "1,530"), a bracket, a dash.
_CLAUSE_BREAK = regex.compile(r"[,;:](?=\s)|[()\[\]—–]|\s-\s")
# Characters either side of a figure in which a word of time pins it to a time ("on Tuesday").
TIME_REACH = 60
with resources.files("checker").joinpath("data", "alignment.toml").open("rb") as _f:
    _WORDS = tomllib.load(_f)
_TIME_WORD = regex.compile(
    rf"(?i)\b(?:{'|'.join(map(regex.escape, _WORDS['time_words']))}|(?:19|20)[0-9]{{2}})\b"
)
# A wire story's dateline ("ORLA, March 3 (Alpha Wire) -"): its date is the day the story was
# filed (checker/stamps.py).
_DATELINE = regex.compile(
    r"\s*+\p{Lu}[\p{Lu}\p{M} .'’-]{0,60}(?:,[^()\n]{0,40}?)?(?:\([^()\n]{1,60}\))?\s*[-—–]+"
)
_PRONOUN_START = regex.compile(rf"(?i)\s*(?:{'|'.join(map(regex.escape, _WORDS['pronouns']))})\b")
# Measures that say only what kind of figure it is, not what it counts.
GENERIC_MEASURES = frozenset(_WORDS["generic_measures"])
# The words a publication stamp holds besides its figures (read by checker/stamps.py).
STAMP_WORDS = frozenset(_WORDS["stamp_words"])
_NORMS_KEPT = 200_000  # lemma sets whose norms are kept; a long-lived index starts over past it
# Kinds whose figures may restate each other though their kinds differ.
_KIND_GROUPS = {"year": "date", "date": "date"}


def lemma(word: str) -> str:
    """The dictionary form of a lower-case word ("strikes" -> "strike"); short words as they are."""
    return word if len(word) < 4 else word_lemma(word)


def _content_lemma(word: str) -> str:
    """The lemma of a word as written, or "" for a stop word (or a letter)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return "" if len(w) < 2 or w in STOPWORDS else lemma(w)


_LEMMAS: dict[str, str] = {}  # words as written -> _content_lemma (each word read once)
_LEMMAS_KEPT = 200_000


def content_lemmas(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) of the content words of ``text``: no stop words, no number words."""
    out = []
    known = _LEMMAS
    for m in _WORD.finditer(text):
        w = m.group()
        found = known.get(w)
        if found is None:
            if len(known) > _LEMMAS_KEPT:
                known.clear()
            found = known[w] = _content_lemma(w)
        if found:
            out.append((m.start(), m.end(), found))
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


def sentence_terms(claim: Claim, words: Sequence[tuple[int, int, str]]) -> frozenset[str]:
    """The terms a claim's sentence is indexed and compared by: the lemmas of its content
    ``words`` (`content_lemmas` of the sentence), and for a sentence that opens with a pronoun
    ("It crashed on October 13") the names of the sentence before, which say what "it" is."""
    terms = frozenset(w for _, _, w in words)
    if _PRONOUN_START.match(claim.sentence):
        terms |= {lemma(n) for n in claim.names}
    return terms


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
    # Each figure's place among its sentence's figures, sorted once per sentence.
    rank_in: dict[str, dict[int, int]] = {}
    for s, ats in figures_in.items():
        ranks = rank_in[s] = {}
        for n, at in enumerate(sorted(ats)):
            ranks.setdefault(at, n)  # figures found at one place share the first's rank
    datelines = {s: dateline_end(s) for s in by_sentence}
    out = []
    for c, at in zip(claims, positions, strict=True):
        words = by_sentence[c.sentence]
        end = at + len(c.text)
        # A dateline's date is the day the story was filed, not a time of the figure after it.
        start = max(0, at - TIME_REACH)
        if at >= datelines[c.sentence]:
            start = max(start, datelines[c.sentence])
        left = [w for s, e, w in words if e <= at][-CLAUSE_WINDOW:]
        right = [w for s, e, w in words if s >= end][:CLAUSE_WINDOW]
        order = rank_in[c.sentence][at]
        times = frozenset(
            m.group().lower()
            for m in _TIME_WORD.finditer(c.sentence, start, end + TIME_REACH)
            if m.end() <= at or m.start() >= end
        )
        out.append(
            Frame(
                sentence=sentence_terms(c, words),
                clause=frozenset(left + right),
                before=left[-1] if left else "",
                after=right[0] if right else "",
                next_words=frozenset(left[-NEXT_WORDS:] + right[:NEXT_WORDS]),
                times=times,
                order=order,
            )
        )
    return out


def clause_terms(claim: Claim) -> frozenset[str]:
    """The lemmas of the clause a figure stands in, between the punctuation around it: a long
    sentence that tells several facts ("..., which come at a 15% discount") tells each in a
    clause of its own."""
    s = claim.sentence
    at = _position(claim)
    end = at + len(claim.text)
    opens = max((m.end() for m in _CLAUSE_BREAK.finditer(s, 0, at)), default=0)
    closing = _CLAUSE_BREAK.search(s, end)
    return frozenset(
        w for _, _, w in content_lemmas(s[opens : closing.start() if closing else None])
    )


def dateline_end(sentence: str) -> int:
    """Where the story begins after a dateline that opens the sentence (0 when none)."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


def in_dateline(claim: Claim) -> bool:
    """Whether the figure stands in the dateline that opens its sentence."""
    at = claim.sentence.find(claim.text)
    return at > 0 and at + len(claim.text) <= dateline_end(claim.sentence)


def _rounded(x: float) -> float:
    return float(f"{x:.6g}")


def _rank_key(scored: tuple[float, int]) -> tuple[float, int]:
    return -scored[0], scored[1]


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


def _unit_number(c: Claim) -> float | None:
    """The number of a figure with a unit as written ("four years": 4), or None."""
    if c.stated_unit and c.value is not None and c.kind in ("duration", "quantity"):
        return _rounded(stated_number(c.value, c.stated_unit))
    return None


@dataclass
class Index:
    """Claims by blocking key, their sentences by lemma; IDF over the indexed sentences.

    A sentence is indexed once per block it holds figures of. Candidates for a figure are found
    term at a time through the postings of its sentence's lemmas (a term in more sentences of
    the block than `max_postings` proposes only the sentences nearest the figure's own in the
    order documents were added: the stories told at about the same time), so the work per
    figure is bounded whatever the corpus's size.
    """

    settings: Settings = field(default_factory=Settings)
    claims: list[Claim] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    _sentence_of: list[int] = field(default_factory=list)  # claim id -> sentence id
    _sentences: list[frozenset[str]] = field(default_factory=list)  # sentence id -> lemmas
    _sentence_source: list[str] = field(default_factory=list)  # sentence id -> its document
    _sentence_ids: dict[tuple[str, str], int] = field(default_factory=dict)
    _members: dict[tuple[int, tuple[str, str]], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )  # (sentence id, block) -> claim ids
    _postings: dict[tuple[tuple[str, str], str], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )  # (block, lemma) -> sentence ids
    _blocks: dict[tuple[str, str], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )  # block -> sentence ids
    _df: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _norms: dict[int, float] = field(default_factory=dict)
    _idf: dict[str, float] = field(default_factory=dict)
    _set_norms: dict[frozenset[str], float] = field(default_factory=dict)
    _found: dict[tuple[str, str, tuple[str, str]], list[tuple[float, int]]] = field(
        default_factory=dict
    )  # the ranked sentences found for a (source, sentence, block), for its other figures
    _hidden: set[int] = field(default_factory=set)  # claim ids no longer proposed
    # The numbers of the figures with a unit as written ("four years": 4), for a bare count
    # that leaves its unit unsaid ("nine years for one, four for the other").
    _unit_numbers: set[float] = field(default_factory=set)
    _spans: dict[
        tuple[tuple[str, str], str | None, float], tuple[list[float], list[float], list[int]]
    ] = field(default_factory=dict)  # a block's figures of one unit by interval: `stated_near`
    _gone: set[int] = field(default_factory=set)  # sentence ids none of whose claims is left
    _filed: dict[str, str] = field(default_factory=dict)  # document -> its dateline's date

    def add_document(self, claims: Sequence[Claim]) -> list[int]:
        """Index one document's claims; returns their ids."""
        ids = []
        self._norms.clear()  # IDF changes with every document
        self._idf.clear()
        self._set_norms.clear()
        self._found.clear()
        self._spans.clear()
        self._spans.clear()
        for c, f in zip(claims, frames(claims), strict=True):
            i = len(self.claims)
            self.claims.append(c)
            self.frames.append(f)
            sid = self._sentence_ids.get((c.source, c.sentence))
            if sid is None:
                sid = self._sentence_ids[(c.source, c.sentence)] = len(self._sentences)
                self._sentences.append(f.sentence)
                self._sentence_source.append(c.source)
                for term in f.sentence:
                    self._df[term] += 1
            self._sentence_of.append(sid)
            key = block_key(c)
            if (number := _unit_number(c)) is not None:
                self._unit_numbers.add(number)
            members = self._members[(sid, key)]
            if not members:
                self._blocks[key].append(sid)
                for term in f.sentence:
                    self._postings[(key, term)].append(sid)
            members.append(i)
            ids.append(i)
            if c.kind == "date" and c.date and c.source not in self._filed and in_dateline(c):
                self._filed[c.source] = c.date
        return ids

    def filed(self, source: str) -> str | None:
        """The day a document's dateline says it was filed (ISO, "--10-14" with no year)."""
        return self._filed.get(source)

    def hide(self, items: set[int]) -> None:
        """Propose these claims no more (a ledger's statements since revised): the index is
        then as if built without them (a sentence with none of its figures left is gone from
        the postings and the IDF), but without reading anything again."""
        self._hidden |= items
        left: dict[tuple[int, tuple[str, str]], int] = defaultdict(int)
        kept: set[int] = set()
        for i, sid in enumerate(self._sentence_of):
            if i not in self._hidden:
                left[(sid, block_key(self.claims[i]))] += 1
                kept.add(sid)
        self._unit_numbers = {
            n
            for i, c in enumerate(self.claims)
            if i not in self._hidden and (n := _unit_number(c)) is not None
        }
        for sid in {self._sentence_of[i] for i in items} - kept - self._gone:
            self._gone.add(sid)
            for term in self._sentences[sid]:
                self._df[term] -= 1
        for (key, _), sids in self._postings.items():
            sids[:] = [sid for sid in sids if (sid, key) in left]
        for key, sids in self._blocks.items():
            sids[:] = [sid for sid in sids if (sid, key) in left]
        self._norms.clear()
        self._idf.clear()
        self._set_norms.clear()
        self._found.clear()
        self._spans.clear()

    def states_with_a_unit(self, number: float) -> bool:
        """Whether some indexed figure with a unit is this number before its unit."""
        return _rounded(number) in self._unit_numbers

    def stated_near(self, claim: Claim, tolerance: float) -> Iterator[Claim]:
        """The indexed figures of the claim's block and unit whose intervals may meet its own,
        wherever they stand, from the nearest below its high end down (one bisection, then
        only figures whose intervals reach that far)."""
        key = (block_key(claim), claim.unit, tolerance)
        spans = self._spans.get(key)
        if spans is None:
            spans = self._spans[key] = self._spans_of(key)
        lows, reach, items = spans
        mine = bounds(claim, tolerance)
        at = bisect.bisect_right(lows, mine.high)
        while at > 0 and reach[at - 1] >= mine.low:
            at -= 1
            yield self.claims[items[at]]

    def block_claims(self, claim: Claim) -> Iterator[Claim]:
        """The indexed figures of the claim's block, wherever they stand."""
        key, hidden = block_key(claim), self._hidden
        for sid in self._blocks.get(key, ()):
            yield from (self.claims[i] for i in self._members[(sid, key)] if i not in hidden)

    def _spans_of(
        self, key: tuple[tuple[str, str], str | None, float]
    ) -> tuple[list[float], list[float], list[int]]:
        """A block's figures of one unit by the low end of their intervals: the lows, the
        highest high up to each, and the claims."""
        block, unit, tolerance = key
        spans = sorted(
            (bounds(self.claims[i], tolerance).low, i)
            for sid in self._blocks.get(block, ())
            for i in self._members[(sid, block)]
            if i not in self._hidden and self.claims[i].unit == unit
        )
        reach, most = [], -math.inf
        for _, i in spans:
            most = max(most, bounds(self.claims[i], tolerance).high)
            reach.append(most)
        return [low for low, _ in spans], reach, [i for _, i in spans]

    def idf2(self, term: str) -> float:
        """The square of a term's inverse document frequency over the indexed sentences."""
        w = self._idf.get(term)
        if w is None:
            n = len(self._sentences) - len(self._gone) + 1
            w = self._idf[term] = math.log(1.0 + n / (1.0 + self._df.get(term, 0))) ** 2
        return w

    def _norm(self, terms: frozenset[str]) -> float:
        norm = self._set_norms.get(terms)
        if norm is None:
            if len(self._set_norms) > _NORMS_KEPT:
                self._set_norms.clear()
            idf2 = self.idf2
            norm = self._set_norms[terms] = math.sqrt(sum(idf2(t) for t in terms))
        return norm

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted cosine of two lemma sets."""
        if not a or not b:
            return 0.0
        idf2 = self.idf2
        shared = sum(idf2(t) for t in a & b)
        return shared / (self._norm(a) * self._norm(b)) if shared else 0.0

    def candidates(self, claim: Claim, frame: Frame) -> list[Candidate]:
        """Same-block claims of other sources in the sentences most similar to the claim's own.

        In a small block (a gate's few sources) every sentence is a candidate, those sharing
        no word last; in a large one only sentences sharing a word that is not too common.
        """
        key = block_key(claim)
        asked = (claim.source, claim.sentence, key)
        scored = self._found.get(asked)
        if scored is None:
            own = self._sentence_ids.get((claim.source, claim.sentence), len(self._sentences))
            scored = self._found[asked] = self._ranked(claim.source, frame, key, own)
        out: list[Candidate] = []
        most = self.settings.figures_per_sentence
        for rank, (sim, sid) in enumerate(scored):
            members = self._members[(sid, key)]
            if self._hidden:
                members = [i for i in members if i not in self._hidden]
            if len(members) > most:
                # A sentence of many figures offers those nearest the figure's own place in
                # its sentence: the work per figure stays bounded ("5, 5, 5, ...").
                at = bisect.bisect_left(members, frame.order, key=self._order)
                start = min(max(0, at - most // 2), len(members) - most)
                members = members[start : start + most]
            out.extend(Candidate(i, sim, rank) for i in members)
        return out

    def _order(self, item: int) -> int:
        return self.frames[item].order

    def _ranked(
        self, source: str, frame: Frame, key: tuple[str, str], own: int
    ) -> list[tuple[float, int]]:
        """The sentences of other sources most like the frame's, with their similarity.

        ``own`` is the frame's sentence id (or the next one, for a figure not indexed): a common
        term proposes the sentences nearest it.
        """
        reach = self.settings.max_postings // 2
        block = self._blocks.get(key, ())
        shared: dict[int, float] = (
            dict.fromkeys(block, 0.0) if len(block) <= self.settings.max_postings else {}
        )
        get = shared.get
        for term in frame.sentence:
            posting = self._postings.get((key, term))
            if not posting:
                continue
            if len(posting) > self.settings.max_postings:
                at = bisect.bisect_left(posting, own)
                posting = posting[max(0, at - reach) : at + reach]
            weight = self.idf2(term)
            for sid in posting:
                shared[sid] = get(sid, 0.0) + weight
        if not shared:
            return []
        norm_own = self._norm(frame.sentence) or 1.0
        sources, norms = self._sentence_source, self._norms
        scored = []
        for sid, weight in shared.items():
            if sources[sid] == source:
                continue
            norm = norms.get(sid)
            if norm is None:
                norm = norms[sid] = self._norm(self._sentences[sid]) or 1.0
            scored.append((weight / (norm_own * norm), sid))
        # The most similar first, ties in the order the sentences came.
        return heapq.nsmallest(self.settings.candidate_sentences, scored, key=_rank_key)

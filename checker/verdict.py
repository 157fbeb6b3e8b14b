"""Verdicts from the scorer: a figure supported by a restatement, contradicted by one, or neither.

Contradicted only when the best-aligned statement is confidently the same fact and its figure
differs beyond precision and hedge; supported only by a confident restatement whose figure
agrees; otherwise unsupported. When unsure, no conflict.
"""

from __future__ import annotations

import datetime
import itertools
import math
from collections.abc import Iterable, Sequence

from checker.align import Frame, Index, clause_terms
from checker.compare import bounds
from checker.features import GENERIC_MEASURES, agree, apart, as_date, measure_relation
from checker.features import near as near_figures
from checker.gate import Finding, _derivation, _derived, cite, phrase
from checker.scorer import Model, Pair, pairs
from checker.scorer import model as shipped_model
from checker.settings import Settings
from claims import Claim
from claims.context import names_in
from claims.numbers import significant_digits
from claims.units import stated_number

EVIDENCE_SHOWN = 5
DERIVED_SENTENCES = 1  # a derived figure adds up the figures of the sentence most like its own
STATED_SEARCHED = 256


def restates(draft: Claim, source: Claim, settings: Settings) -> bool | None:
    """Whether the draft's figure is a faithful restatement of the source's: True, False, or
    None (no telling).

    Faithful: the same figure within the precision of its digits; a hedge around it ("about",
    "nearly") that holds it; a bound the source's figure lies within, at a round figure
    ("more than 100" of "at least 129" or of 129). Not faithful: another figure; a bound or a
    range moved to another figure ("below $26 billion" of "below $25 billion", "more than
    200" of "more than 120"). Bounds on opposite sides tell nothing. An exact figure within
    an open bound's reach is vouched for, one far past it is neither.
    """
    if not agree(draft, source, settings.tolerance):
        return False
    if draft.kind != source.kind and "year" in (draft.kind, source.kind):
        # A year and a date that names no year ("2015" and "May 14"): no telling.
        dates = (as_date(draft) or "", as_date(source) or "")
        return None if any(d.startswith("--") for d in dates) else True
    if draft.kind == "date" or source.kind == "date":
        return True
    d_open, s_open = _open_side(draft), _open_side(source)
    if draft.qualifier == source.qualifier == "range":
        return _same_ends(draft, source)
    if d_open and d_open == s_open:
        # A bound restating a bound may drop the digits of a precise figure ("more than 100"
        # of "at least 129"), not move a round one ("below 30" of "below 25").
        return _same_ends(draft, source) or (
            _significant(source) >= 3 and _rounded_bound(draft, source, d_open)
        )
    if d_open and s_open:
        # Bounds on opposite sides ("more than 40" and "fewer than 50") state no one figure.
        return None
    if d_open and not s_open:
        if _rounded_bound(draft, source, d_open):
            return True
        if _far_beyond(source, draft, settings):
            return None  # "below $30 billion" says nothing of a $0.13 dividend
        return _contains(draft, source, settings)
    if s_open and _far_beyond(draft, source, settings):
        return None
    return True


def _significant(c: Claim) -> int:
    """How many significant digits a bound's figure states (129: 3, 25: 2, 100: 1)."""
    value = c.low if c.low is not None else c.high
    return significant_digits(value or 0.0)


def _same_ends(a: Claim, b: Claim) -> bool:
    tol = max(a.precision or 0.0, b.precision or 0.0)
    return all(
        (x is None) == (y is None) and (x is None or y is None or abs(x - y) <= tol)
        for x, y in ((a.low, b.low), (a.high, b.high))
    )


def _rounded_bound(draft: Claim, source: Claim, side: str) -> bool:
    """The draft's bound is the source's figure rounded, the weak way, to one or two
    significant digits: "more than 100" of 129, "fewer than 30" of 25, "over 1,500" of 1,540,
    in the draft's unit."""
    edge = draft.low if side == "above" else draft.high
    if source.value is not None and source.qualifier != "range":
        value: float | None = source.value  # "about 11,200" states 11,200, not its margin
    else:
        value = (
            (source.low if source.low is not None else source.high)
            if side == "above"
            else (source.high if source.high is not None else source.low)
        )
    if edge is None or value is None:
        return False
    # Rounded as the draft writes it: "more than 180 miles" of "about 300 km" (186 miles).
    edge, value = stated_number(edge, draft.stated_unit), stated_number(value, draft.stated_unit)
    if value <= 0:
        return False
    for digits in (1, 2):
        step = 10 ** (math.floor(math.log10(value)) - digits + 1)
        rounded = (
            math.floor(value / step) * step if side == "above" else math.ceil(value / step) * step
        )
        if math.isclose(edge, rounded, rel_tol=1e-9):
            return True
    return False


def _contains(draft: Claim, source: Claim, settings: Settings) -> bool:
    d, s = bounds(draft, settings.tolerance), bounds(source, settings.tolerance)
    return d.low <= s.low and s.high <= d.high


def _open_side(c: Claim) -> str:
    if c.kind == "date":
        return ""
    if c.low is not None and c.high is None:
        return "above"
    if c.high is not None and c.low is None:
        return "below"
    return ""


def _far_beyond(claim: Claim, source: Claim, settings: Settings) -> bool:
    if claim.value is None:
        return False
    reach = settings.open_bound_reach
    if source.high is None and source.low is not None and source.low > 0:
        return (claim.low or claim.value) > reach * source.low
    if source.low is None and source.high is not None and claim.value >= 0:
        return (claim.high or claim.value) < source.high / reach
    return False


def judge(
    claim: Claim,
    frame: Frame,
    index: Index,
    settings: Settings,
    model: Model | None = None,
    siblings: Sequence[Claim] = (),
    taken: frozenset[int] = frozenset(),
    scored: Sequence[Pair] | None = None,
) -> Finding:
    """The verdict on one draft figure against the indexed sources.

    ``siblings`` are the other figures of its sentence, and ``taken`` the source figures that
    are their own statements (`own_statements`): theirs, not rival statements of this one ("a $1,000
    deductible for $150 a month" against "a $1,000 deductible"). ``scored`` are the figure's
    `pairs`, when already scored.
    """
    said = f"draft says {phrase(claim)}"
    found, anchored = [], set()
    candidates = pairs(claim, frame, index, model) if scored is None else scored
    for p in candidates:
        theirs = [s for s in siblings if restates(s, p.other, settings)]
        if p.item not in taken or agree(claim, p.other):
            found.append(p)
        if any(measure_relation(s.measure, p.other.measure)[1] >= 0.6 for s in theirs):
            anchored.add((p.other.source, p.other.sentence))
    told = [(p, restates(claim, p.other, settings)) for p in found]
    agreeing = _rivals(claim, frame, index, settings, told)
    if agreeing and (later := _superseding(claim, frame, index, settings, told, agreeing)):
        why = f"{said}; a source filed after every one that agrees with it says"
        return _finding("contradicted", claim, [later], why, model)
    if agreeing and (
        agreeing[0].probability >= settings.support
        # The sentence that restates the draft sentence's other figures is its statement.
        or (agreeing[0].other.source, agreeing[0].other.sentence) in anchored
    ):
        return _finding("supported", claim, agreeing, f"{said}; sources agree:", model)
    against = [p for p, r in told if r is False and p.probability >= settings.support]
    if against and not agreeing and against[0] is found[0]:
        contradicted = _contradiction(claim, frame, index, settings, found, against, model)
        if contradicted is not None:
            return contradicted
    left = [] if agreeing else _left_over(claim, siblings, taken, candidates, found, settings)
    if left:
        need = settings.conflict_left_over
        # A sum or difference may take the siblings' figures too ("from 12 to 15" of 12 and 3).
        args = (claim, frame, index, settings, candidates, left, model, need)
        contradicted = _contradiction(*args)
        if contradicted is not None and contradicted.status == "contradicted":
            return contradicted
    if against:
        shown = cite(tuple(p.other for p in against))
        why = f"sources give other figures for this ({shown}), none states it with confidence"
        return _finding("unsupported", claim, against, f"{said}; {why}", model, cited=False)
    if agreeing:
        shown = cite(tuple(p.other for p in agreeing))
        why = f"the sources state it, but not clearly of the same thing ({shown})"
        return _finding("unsupported", claim, agreeing, f"{said}; {why}", model, cited=False)
    return Finding("unsupported", claim, (), f"{said}; no source states this figure")


def _superseding(
    claim: Claim,
    frame: Frame,
    index: Index,
    settings: Settings,
    told: Sequence[tuple[Pair, bool | None]],
    agreeing: Sequence[Pair],
) -> Pair | None:
    """The most likely statement of a count, when it is confidently the same fact, of the same
    measure, does not restate the figure, and comes from a report filed after each one that
    agrees with it: a toll or a count told again later ("at least 30 killed" on Tuesday,
    75 on Wednesday). The reports' datelines date them."""
    best, restated = told[0]
    later = index.filed(best.other.source)
    if (
        restated is True
        or later is None
        or claim.kind != "count"
        or best.probability < settings.conflict
        or measure_relation(claim.measure, best.other.measure)[0] < 1.0
        or apart(claim, frame, best.other, index.frames[best.item])
    ):
        return None
    for p in agreeing:
        earlier = index.filed(p.other.source)
        if earlier is None or not _filed_before(earlier, later):
            return None
    return best


def _filed_before(a: str, b: str) -> bool:
    """Whether the day ``a`` comes before ``b`` (ISO days). When either dateline leaves out its
    year, the two are read as the nearer pair of days: reports on one story are filed within
    weeks, so "Dec 30" comes before "Jan 2", across the new year."""
    if not (a.startswith("--") or b.startswith("--")):
        return a < b
    gap = (_day_of_year(b) - _day_of_year(a)) % 366
    return 0 < gap < 183


def _day_of_year(iso: str) -> int:
    """The day of the year of an ISO day's month and day, in a leap year (Feb 29 has a place)."""
    month, day = int(iso[-5:-3]), int(iso[-2:])
    return datetime.date(2000, month, day).timetuple().tm_yday


def own_statements(
    claim: Claim, scored: Sequence[Pair], settings: Settings
) -> tuple[tuple[int, float], ...]:
    """The source figures that are the claim's own statements, not another figure's of its
    sentence, each with how likely the claim is to state it: its most likely faithful
    restatement (always its own: infinitely likely), and where the source tells that fact
    again (the same figure of a like measure), each telling, which is the claim's where it is
    the more likely to state it than another figure is.

    A source that tells one figure of two facts ("25 people sent jobs to 25 machines") leaves
    the other for the draft sentence's other figure.
    """
    faithful = [p for p in scored if restates(claim, p.other, settings)]
    if not faithful:
        return ()
    own = faithful[0].other
    retold = [
        (p.item, p.probability)
        for p in faithful[1:]
        if agree(p.other, own, settings.tolerance)
        and measure_relation(p.other.measure, own.measure)[1] >= 0.6
    ]
    return ((faithful[0].item, math.inf), *retold)


def _left_over(
    claim: Claim,
    siblings: Sequence[Claim],
    taken: frozenset[int],
    scored: Sequence[Pair],
    found: Sequence[Pair],
    settings: Settings,
) -> list[Pair]:
    """The statements of the figure the draft sentence's other figures leave over to it.

    The figures of a draft sentence are assigned to the source's jointly, one to one: each
    sibling takes its own statements (``taken``, `own_statements`) and the figure left over is
    compared with the source figure left over. Confidently so in two cases, else none:

    - its most likely statement is a sibling's own, of the figure's own measure: the draft
      tells that measure twice ("12 desks, then 15 desks") where the source tells one;
    - the figure's statements left are all of one figure (any other as likely as `rival`
      agrees with it), near its own (`near`): "a $500 deposit and $90 a week" against "a $500
      deposit" and "$80 a week".
    """
    if not any(p.item in taken for p in scored):
        return []
    best = scored[0]
    if (
        best.item in taken
        and not agree(claim, best.other, settings.tolerance)
        and claim.measure not in GENERIC_MEASURES
        and any(s.measure == claim.measure and restates(s, best.other, settings) for s in siblings)
    ):
        return [p for p in scored if agree(p.other, best.other, settings.tolerance)]
    if not found or restates(claim, found[0].other, settings) is not False:
        return []
    best = found[0]
    if not near_figures(claim, best.other, settings) or any(
        p.probability >= settings.rival and not agree(p.other, best.other, settings.tolerance)
        for p in found
    ):
        return []
    return [p for p in found if agree(p.other, best.other, settings.tolerance)]


def _rivals(
    claim: Claim,
    frame: Frame,
    index: Index,
    settings: Settings,
    told: Sequence[tuple[Pair, bool | None]],
) -> list[Pair]:
    """The source figures that restate the draft's and could be the same fact: likely enough,
    and not apart from it (another measure, place or time).

    When the most likely statement disagrees, a figure that agrees with it too vouches for
    nothing: what the sources say together is the narrowest of their figures ("about 61
    miles" allows 89 km, but beside "98-kilometre" it does not).
    """
    agreeing = [
        p
        for p, r in told
        if r is True
        and p.probability >= settings.rival
        and (
            p.probability >= settings.support
            or not apart(claim, frame, p.other, index.frames[p.item])
        )
    ]
    if told and told[0][1] is False and told[0][0].probability >= settings.conflict:
        best = told[0][0].other
        agreeing = [
            p
            for p in agreeing
            if not agree(p.other, best, settings.tolerance)
            and not _sentence_mate(claim, best, p.other)
            and not _named_for_another(claim, best, p.other)
        ]
    return agreeing


def _named_for_another(claim: Claim, best: Claim, other: Claim) -> bool:
    """The best statement names whom the draft's figure is of, the agreeing one only others:
    the Greens' 19 seats are no statement of the Rural Party's, and a generic amount is the
    more so of whom its sentence names ("Roads get $4.2 billion", not the hospitals' $9.3
    billion)."""
    # The words of the figures themselves ("Category 4") name no one.
    own = set(names_in(claim.text)) | set(names_in(other.text))
    mine = set(claim.names) - own
    # The agreeing figure's own sentence says whom it is of (its names also hold the sentence
    # before it: "Bo, a Category 4 hurricane in 2009" after a sentence on Ada).
    theirs = set(names_in(other.sentence)) - own
    # The best statement's sentence names the draft's names, the capital that opens it too
    # ("Roads are the third-largest item"): the draft naming it says it is a name.
    named = set(best.names) | set(names_in(best.sentence))
    return bool(mine & named) and bool(theirs) and not mine & theirs


def _sentence_mate(claim: Claim, best: Claim, other: Claim) -> bool:
    """The agreeing figure stands beside the best statement in its sentence, and that one
    counts what the draft's counts while it counts something else: "6 killed and 23 injured"
    gives 6 as the toll, not 23."""
    return (
        other.source == best.source
        and other.sentence == best.sentence
        and claim.measure not in GENERIC_MEASURES
        and best.measure == claim.measure
        and other.measure != claim.measure
    )


def _contradiction(
    claim: Claim,
    frame: Frame,
    index: Index,
    settings: Settings,
    found: Sequence[Pair],
    against: Sequence[Pair],
    model: Model | None,
    left_over: float | None = None,
) -> Finding | None:
    """The contradiction by the most likely statement, if it is confident and not apart; a
    figure the sources imply (a sum, a difference) is unsupported instead.

    ``left_over``, when given, is how likely the statement left over to the figure by its
    sentence's other figures (`_left_over`) must be: only for a figure no source states."""
    best = against[0]
    stated = _stated(claim, index, settings) or (
        claim.kind == "count"
        and claim.value is not None
        and index.states_with_a_unit(claim.value)  # "four" of "four years"
    )
    # The sentences alike, or the words around the two figures (their clauses).
    theirs = index.frames[best.item]
    like = max(best.similarity, index.similarity(frame.clause, theirs.clause))
    close = not stated and near_figures(claim, best.other, settings)
    # A long sentence that packs several facts is little like the statement of any one of
    # them: the clause the figure stands in says which it tells.
    clause_like = close and (
        index.similarity(clause_terms(claim), clause_terms(best.other))
        >= settings.unstated_similarity
    )
    unstated = not stated and (like >= settings.unstated_similarity or clause_like)
    need = settings.conflict
    if unstated:
        need = settings.conflict_unstated_near if close else settings.conflict_unstated
    if clause_like:
        need = min(need, settings.conflict_clause_near)
    # What a figure no source states counts may be misstated with it (a figure moved to
    # another measure the sentences tell of): confidently aligned, it is still that statement
    # misstated.
    moved = unstated and _told_of_either(claim, best.other)
    if apart(claim, frame, best.other, theirs, measures=not moved):
        return None
    if moved and measure_relation(claim.measure, best.other.measure)[3]:
        need = max(need, settings.conflict_unstated)
    if left_over is not None:
        if stated:
            return None
        need = left_over
    if _consensus(against, settings) < need:
        return None
    said = f"draft says {phrase(claim)}"
    # A sum or difference is of figures told together, in the sentence most like the draft's
    # own (among many figures, some pair adds up to almost anything).
    near = sorted({(p.similarity, p.other.source, p.other.sentence) for p in found}, reverse=True)
    aligned = {(src, sentence) for _, src, sentence in near[:DERIVED_SENTENCES]}
    parts = _derived(
        claim,
        [
            p.other
            for p in found
            if p.other.unit == claim.unit
            and (p.other.source, p.other.sentence) in aligned
            and (p.other.measure == claim.measure or p.other.measure in GENERIC_MEASURES)
        ],
    )
    if parts:
        why = f"no source states it, but it is {_derivation(claim, parts)}"
        return Finding("unsupported", claim, parts, f"{said}; {why}", best.probability)
    same = [p for p in against if agree(p.other, best.other, settings.tolerance)]
    return _finding("contradicted", claim, same, f"{said}; sources say", model)


def _told_of_either(a: Claim, b: Claim) -> bool:
    """One figure's sentence tells of what the other counts (its measure's words)."""
    return _told_of(a, b) or _told_of(b, a)


def _told_of(a: Claim, b: Claim) -> bool:
    return set(a.measure.split()) <= {*b.terms, *b.near}


def _stated(claim: Claim, index: Index, settings: Settings) -> bool:
    """Whether any source figure of the claim's block agrees with it, wherever it stands (an
    open bound far from it says nothing of it: "more than 20" states no 170). Past
    `STATED_SEARCHED` figures whose intervals may meet it, it counts as stated (the work per
    figure stays bounded)."""
    if claim.kind in ("date", "year"):
        near: Iterable[Claim] = index.block_claims(claim)
    else:
        near = index.stated_near(claim, settings.tolerance)
    seen = list(itertools.islice(near, STATED_SEARCHED + 1))
    return len(seen) > STATED_SEARCHED or any(
        agree(claim, c, settings.tolerance) and restates(claim, c, settings) is not None
        for c in seen
    )


def _consensus(against: Sequence[Pair], settings: Settings) -> float:
    """P(the draft's figure is the fact that sources state alike): each source's most likely
    statement that agrees with the best one is a separate witness (noisy-or)."""
    best = against[0]
    seen: set[str] = set()
    doubt = 1.0
    for p in against:
        if p.other.source in seen:
            continue
        seen.add(p.other.source)
        if agree(p.other, best.other, settings.tolerance):
            doubt *= 1.0 - p.probability
    return 1.0 - doubt


def _finding(
    status: str,
    claim: Claim,
    evidence: Sequence[Pair],
    said: str,
    model: Model | None,
    cited: bool = True,
) -> Finding:
    top = evidence[0]
    shown = tuple(p.other for p in evidence[:EVIDENCE_SHOWN])
    contributions = (model or shipped_model()).contributions(list(top.features))
    why = tuple(sorted(contributions.items(), key=lambda kv: -abs(kv[1]))[:5])
    message = f"{said} {cite(shown)}" if cited else said
    return Finding(status, claim, shown, message, top.probability, top.other.sentence, why)

"""A figure's frame: its sentence (or a window of a long one), names, terms, time, place,
period and role, and the marks that tie the figures of one sentence."""

from __future__ import annotations

from dataclasses import replace

import regex

from claims import measures, roles
from claims.context import ACTORS, Sentences, content_words, names_in, normalise_name
from claims.engines import KEEP_GIL, twin
from claims.figure import _PARENTHESIS_BETWEEN, _PARENTHETICAL, _Figure
from claims.model import Claim
from claims.numbers import (
    parse_words,
)
from claims.qualifiers import interval_for
from claims.units import (
    lookup,
    stated_number,
)

_TOPIC_SIZE = 8
_LOWER_WORD = regex.compile(r"(?<![\w'’])[a-z][a-z-]{2,30}+(?![\w'’])")
_TOPIC_TEXT = 20_000  # names in the opening of a long text say what it is about


def _topic(text: str) -> tuple[str, ...]:
    """The names a text mentions most: what the whole article is about."""
    opening = text[:_TOPIC_TEXT]
    counts: dict[str, int] = {}
    for name in names_in(opening):
        counts[name] = counts.get(name, 0) + 1
    topic: list[str] = []
    lower: set[str] | None = None  # every lower-case word, read only when a hyphen needs it
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        # A capitalised word also written in lower case ("About", "Flash") opens a sentence.
        written = _written_in_lower(opening, name)
        if written is None:
            lower = (
                set(_LOWER_WORD.findall(opening, 0, None, False, KEEP_GIL))
                if lower is None
                else lower
            )
            written = name in lower
        if not written:
            topic.append(name)
            if len(topic) == _TOPIC_SIZE:
                break
    return tuple(topic)


_LOWER_SHAPE = regex.compile(r"[a-z][a-z-]{2,30}")


def _written_in_lower(opening: str, name: str) -> bool | None:
    """Whether ``_LOWER_WORD`` finds ``name`` in ``opening``, read where the name stands rather
    than from every word of the text; None when a hyphen leaves it to a scan of them all."""
    if not _LOWER_SHAPE.fullmatch(name, 0, None, KEEP_GIL):
        return False  # no lower-case word has its shape
    at = opening.find(name)
    while at >= 0:
        if at and opening[at - 1] == "-":
            return None  # a word before it may run on over the hyphen
        # No word holds the character before ``at``: a scan tries a word there.
        m = _LOWER_WORD.match(opening, at, None, KEEP_GIL)
        if m and m.end() == at + len(name):
            return True
        at = opening.find(name, at + 1)
    return False


_BLANK_LINE = regex.compile(r"\n[ \t\r]*\n")


# A sentence longer than this (a text with no sentence end, a table, a list run together) is
# read as windows around its figures, so that a claim's sentence and frame stay bounded and the
# output grows with the text, not with its square.
_SENTENCE_KEPT = 1200
_BLOCK = 400
_SPACE = regex.compile(r"\s")


def _window(text: str, sentences: Sentences, i: int, at: int) -> tuple[int, int]:
    """Sentence ``i`` and which window of it holds offset ``at`` (-1: the whole sentence)."""
    s, e = sentences.span(i)
    if e - s <= _SENTENCE_KEPT:
        return i, -1
    return i, (min(at, e - 1) - s) // _BLOCK


def _span(text: str, sentences: Sentences, window: tuple[int, int]) -> tuple[int, int]:
    """The characters of a window: three blocks around the figure's, cut at spaces."""
    i, block = window
    s, e = sentences.span(i)
    if block < 0:
        return s, e
    ws, we = s + max(0, block - 1) * _BLOCK, min(e, s + (block + 2) * _BLOCK)
    if ws > s and (space := _SPACE.search(text, ws, min(we, ws + 40), KEEP_GIL)):
        ws = space.end()
    if we < e and (last := text.rfind(" ", max(ws, we - 40), we)) > ws:
        we = last
    return ws, we


def _frame(
    text: str,
    sentences: Sentences,
    window: tuple[int, int],
    names_of: dict[tuple[int, int], list[str]],
    topic: tuple[str, ...],
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A figure's sentence, its names, and its frame terms: the names and content words of the
    sentence, with the names of the sentence before it in the same paragraph."""
    s, e = _span(text, sentences, window)
    sentence = text[s:e].strip()
    names = list(_sentence_names(text, sentences, window, names_of, topic))
    words = content_words(sentence)
    i = window[0]
    if i > 0 and window[1] <= 0:
        pe = sentences.span(i - 1)[1]
        if not _BLANK_LINE.search(text, pe, s, KEEP_GIL):
            before = _window(text, sentences, i - 1, pe)
            names += _sentence_names(text, sentences, before, names_of, topic)
    return (
        " ".join(sentence.split()),
        tuple(dict.fromkeys(names)),
        tuple(dict.fromkeys([*names, *words])),
    )


def _sentence_names(
    text: str,
    sentences: Sentences,
    window: tuple[int, int],
    names_of: dict[tuple[int, int], list[str]],
    topic: tuple[str, ...],
) -> list[str]:
    if window not in names_of:
        s, e = _span(text, sentences, window)
        names = names_in(text[s:e])
        # A capital that only opens the sentence ("Rescue teams are searching") names nothing,
        # unless the article names it again or it is a country.
        first = _OPENING_CAPITAL.match(text, s, e, KEEP_GIL) if window[1] <= 0 else None
        if (
            names
            and first
            and names[0] == normalise_name(first.group())
            and " " not in names[0]
            and names[0] not in ACTORS
            and names[0] not in topic
        ):
            names = names[1:]
        names_of[window] = names
    return names_of[window]


_OPENING_CAPITAL = regex.compile(r"[\s\"“‘'(]*+\K[A-Z][\w'’.-]{0,30}+")


_SCOPE_RE = twin(
    r"^[^,;:()\n—–]{0,40}?\b(?:in|inside|near|across|over|at)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’.-]{1,30}(?:\s+[A-Z][\w'’.-]{1,30}){0,2})"
)


_PERIOD_RE = twin(
    r"^[^,;:()\n—–]{0,30}?\b(?:over|in|within|during)\s+(?:the\s+(?:past|last|first)\s+)?"
    r"(?P<n>[0-9]{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)\s+"
    r"(?P<unit>hours?|days?|weeks?|months?|years?)\b",
    regex.IGNORECASE,
)


# The time a figure is for: "3.2 percent in October", "$5 billion in 2023", "in the third quarter".
_WHEN_RE = twin(
    r"^[^,;:()\n—–]{0,30}?\b(?:in|during|for|since|as\s+of)\s+(?:the\s+)?(?:"
    r"(?:(?P<qword>first|second|third|fourth)\s+quarter|Q(?P<q>[1-4]))"
    r"(?:\s+(?:of\s+)?(?P<qyear>1[6-9][0-9][0-9]|20[0-9][0-9]))?"
    r"|(?:(?P<hword>first|second)\s+half|H(?P<h>[12])(?:['’](?P<hshort>[0-9]{2}))?"
    r"|(?P<hn>[12])H(?:['’]?(?P<hnshort>[0-9]{2}))?)"
    r"(?:\s+(?:of\s+)?(?P<hyear>1[6-9][0-9][0-9]|20[0-9][0-9]))?"
    r"|(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fyear>1[6-9][0-9][0-9]|20[0-9][0-9]|[0-9]{2})"
    r"|(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:\s+(?P<myear>1[6-9][0-9][0-9]|20[0-9][0-9]))?"
    r"|(?P<year>1[6-9][0-9][0-9]|20[0-9][0-9]))(?![\w-])"
)
_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        "january february march april may june july august september october november "
        "december".split()
    )
}
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _time(after: str) -> str | None:
    """The time the figure's own phrase pins it to, normalised: "2023", "2023-10", "--10" (a
    month of no stated year), "Q3", "Q3 2023", "H1 2024" (a half year); a fiscal year is the
    year it is named for."""
    w = _WHEN_RE.match(after)
    if w is None:
        return None
    if w.group("year"):
        return w.group("year")
    if w.group("month"):
        month = _MONTHS[w.group("month").lower()]
        return f"{w.group('myear')}-{month:02d}" if w.group("myear") else f"--{month:02d}"
    if w.group("fyear"):  # "in FY2022", "in fiscal 2022": the year it is named for
        return w.group("fyear") if len(w.group("fyear")) == 4 else f"20{w.group('fyear')}"
    if w.group("hword") or w.group("h") or w.group("hn"):  # "in the first half of 2024"
        half = w.group("h") or w.group("hn") or str(_QUARTER_WORDS[w.group("hword")])
        short = w.group("hshort") or w.group("hnshort")
        year = w.group("hyear") or (f"20{short}" if short else None)
        return f"H{half} {year}" if year else f"H{half}"
    quarter = w.group("q") or str(_QUARTER_WORDS[w.group("qword").lower()])
    return f"Q{quarter} {w.group('qyear')}" if w.group("qyear") else f"Q{quarter}"


_SENTENCE_END = regex.compile(r"(?<=[a-z]{2})[.!?]\s")


def _place(after: str) -> str | None:
    """The named place the figure's own phrase pins it to: "airstrikes in Syria"."""
    m = _SCOPE_RE.match(after)
    # "in Syria. It has": the name ends with its sentence ("U.S." is one word).
    names = names_in(_SENTENCE_END.split(m.group("name"), 1, KEEP_GIL)[0]) if m else []
    return names[0] if names else None


def _period(after: str) -> str | None:
    """The period the figure is counted over, in days: "2,300 strikes over two days" is a
    rate, not a running total."""
    p = _PERIOD_RE.match(after)
    if p is None:
        return None
    n = p.group("n").lower()
    amount = 1.0 if n in ("a", "an") else float(n) if n.isdigit() else parse_words(n)
    unit = lookup(p.group("unit").lower())
    if amount is None or unit is None:
        return None
    return f"{amount * unit.factor:g} days"


def _measure(text: str, fig: _Figure, before: str, after: str, after_np: str) -> str:
    """What the figure counts or measures, read by its kind from the words around it
    (``after_np``: the text after it past a parenthetical)."""
    unit = fig.unit
    if fig.kind == "date":
        return measures.date_measure(before, after)
    if fig.kind == "year":
        return measures.year_measure(before)
    if fig.kind == "ordinal":
        return fig.measure or measures.ordinal_measure(after)  # "Q4", "H1": quarter, half
    if fig.kind == "ratio":
        return measures.ratio_measure(before, after)
    if fig.kind in ("score", "time"):
        return fig.kind
    if fig.kind == "percent":
        return measures.share_measure(after, before, text[fig.start : fig.end])
    if fig.kind == "money":
        return measures.thing_measure(before, after_np, "amount", fig.qualifier != "exact")
    if fig.kind == "duration":
        aged = fig.measure == "\x00aged"
        return measures.duration_measure(after, None if aged else fig.measure or None, aged)
    if fig.kind == "quantity" and unit is not None:
        return measures.quantity_measure(before, after_np, unit.dimension)
    wider = text[max(0, fig.start - 160) : fig.start]
    return measures.count_measure(before, after, wider)


def _base_unit(fig: _Figure) -> str | None:
    """The unit a figure's value is in: its currency, percent, or its unit's base unit."""
    if fig.kind == "money":
        return fig.currency
    if fig.kind == "percent":
        return fig.unit.base if fig.unit else "percent"
    return fig.unit.base if fig.unit else None


def _claim(
    text: str,
    fig: _Figure,
    source: str,
    sentence: str,
    terms: tuple[str, ...],
    line: int,
    column: int,
    topic: tuple[str, ...],
    base: int = 0,
    names: tuple[str, ...] = (),
    sentence_cut: bool = False,
) -> Claim:
    before = text[max(0, fig.start - 80) : fig.start]
    after = text[fig.end : fig.end + 120]
    after_np = after[p.end() :] if (p := _PARENTHETICAL.match(after, 0, None, KEEP_GIL)) else after
    unit = fig.unit
    measure = _measure(text, fig, before, after, after_np)
    superseded = fig.kind == "count" and measures.superseded(before)
    written = fig.unit.from_base(fig.value) if fig.unit else fig.value
    interval = interval_for(fig.value, fig.qualifier, high=fig.high, written=written)
    near, actors = _clause(before, after)
    if fig.kind == "date":
        value = low = high = None
    else:
        value, low, high = fig.value, interval.low, interval.high
    return Claim(
        source=source,
        text=text[fig.start : fig.end],
        value=value,
        low=low,
        high=high,
        unit=_base_unit(fig),
        kind=fig.kind,
        qualifier=fig.qualifier,
        measure=measure,
        sentence=sentence,
        line=line,
        column=column,
        start=fig.start + base,
        end=fig.end + base,
        low_inclusive=interval.low_inclusive if fig.kind != "date" else True,
        high_inclusive=interval.high_inclusive if fig.kind != "date" else True,
        precision=fig.precision if fig.kind != "date" else None,
        stated_unit=unit.symbol if unit else None,
        date=fig.date,
        terms=terms,
        near=near,
        topic=topic,
        actors=actors,
        increment=fig.kind == "count" and measures.is_increment(after),
        superseded=superseded,
        time=_time(after_np),
        place=_place(after_np),
        period=_period(after_np),
        part=roles.part(after_np),
        direction=roles.direction(before, after),
        comparison=roles.comparison(before, after),
        lemma=measures.lemma(measure),
        names=names,
        sentence_cut=sentence_cut,
    )


_CLAUSE_BREAK = regex.compile(r"[.;:!?()\[\]—–\r\n]")


_LAST_CLAUSE_BREAK = regex.compile(r"(?r)" + _CLAUSE_BREAK.pattern)


def _clause_words(before: str, after: str) -> tuple[str, str]:
    # The text after the last break before the figure, and before the first break after it.
    if (last := _LAST_CLAUSE_BREAK.search(before, 0, None, KEEP_GIL)) is not None:
        before = before[last.end() :]
    if (first := _CLAUSE_BREAK.search(after, 0, None, KEEP_GIL)) is not None:
        after = after[: first.start()]
    return " ".join(before.split()[-6:]), " ".join(after.split()[:6])


def _clause(before: str, after: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The figure's own clause, up to six words either side: its names and content words
    (``near``), and the countries or blocs among the names, whose figure it is (``actors``)."""
    left, right = _clause_words(before, after)
    # Each side read apart, in one call: no name runs on over a NUL, no word over a space.
    names = names_in(left + "\x00" + right)
    near = tuple(dict.fromkeys([*names, *content_words(left + " " + right)]))
    return near, tuple(dict.fromkeys(n for n in names if n in ACTORS))


_CO_STATED_KEPT = 4


def figure_mark(c: Claim) -> str:
    """How a year knows a figure beside it: its kind and its number as written ("quantity:12400"
    of "12,400 acres" and of "12,400 hectares": one statement, whatever the unit says)."""
    return f"{c.kind}:{stated_number(c.value or 0.0, c.stated_unit):g}"


def _with_co_stated(claims: list[Claim]) -> list[Claim]:
    """Cross-mark the figures of a sentence: the years and dates stated beside a figure are its
    ``co_stated`` ("sales of $5bn in 2023" and "2023 sales contracted for $5bn" share 2023
    whatever words they use), and the other figures beside a year or date are the year's (a
    year is the same claim as another only when they date the same figure)."""
    times: dict[str, dict[str, None]] = {}
    figures: dict[str, dict[str, None]] = {}
    for c in claims:
        if c.kind in ("year", "date"):
            mark = c.date if c.kind == "date" and c.date else f"{c.value:.0f}"
            kept = times.setdefault(c.sentence, {})
            if len(kept) < _CO_STATED_KEPT:
                kept[mark] = None
        elif c.value is not None:
            kept = figures.setdefault(c.sentence, {})
            if len(kept) < _CO_STATED_KEPT:
                kept[figure_mark(c)] = None
    if not times:
        return claims
    # One tuple per sentence and role, shared by its figures: linear in the claims.
    shared: dict[tuple[str, bool], tuple[str, ...]] = {}
    out = []
    for c in claims:
        dated = c.kind in ("year", "date")
        marks = (figures if dated else times).get(c.sentence)
        if not marks:
            out.append(c)
            continue
        key = (c.sentence, dated)
        if key not in shared:
            shared[key] = tuple(marks)
        out.append(replace(c, co_stated=shared[key]))
    return out


def _link_restatements(text: str, claims: list[Claim], base: int = 0) -> list[Claim]:
    """Join "1 kilogram (2.2 pounds)": the bracketed figure restates the one before it."""
    out = list(claims)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if (
            prev.unit is not None
            and prev.unit == cur.unit
            and _PARENTHESIS_BETWEEN.match(
                text[prev.end - base : cur.start - base], 0, None, KEEP_GIL
            )
        ):
            qualifier = cur.qualifier if cur.qualifier != "exact" else prev.qualifier
            written = stated_number(cur.value or 0.0, cur.stated_unit)
            interval = interval_for(cur.value or 0.0, qualifier, high=cur.high, written=written)
            out[i] = replace(
                cur,
                measure=prev.measure,
                superseded=prev.superseded,
                lemma=prev.lemma,
                qualifier=qualifier,
                low=interval.low,
                high=interval.high,
                low_inclusive=interval.low_inclusive,
                high_inclusive=interval.high_inclusive,
                restates=prev.start,
            )
    return out

"""What a figure counts or measures, read from the words around it and normalised."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

import regex

from claims import units
from claims.context import singular
from claims.engines import KEEP_GIL, Gated, Twin, fold, twin
from claims.numbers import SHARES_WITHOUT_OF, WHOLES_WITHOUT_OF
from claims.tails import tail_start

with resources.files("claims").joinpath("measures.toml").open("rb") as _f:
    _DATA = tomllib.load(_f)
_WORDS = _DATA["words"]

# Synonyms folded into one measure name: the lexicon the matcher relies on.
SYNONYMS: dict[str, str] = _DATA["synonyms"]

PEOPLE = frozenset(_WORDS["people"])
# One of them: "killed one person" is a figure, "one of the worst" is not.
PERSON = frozenset(_WORDS["person"])


def _word_after(words: str, reach: int) -> Twin:
    """A state word within ``reach`` words after a figure: "129 people [were] killed"."""
    return twin(rf"(?i)^\W*(?:\w+\W+){{0,{reach}}}?(?:{words})\b")


def _word_before(words: str, reach: int, gate: tuple[str, ...]) -> Gated:
    """A verb within ``reach`` words before a figure: "killed [at least] 129". Each of
    ``words`` holds one of ``gate``."""
    return Gated(regex.compile(rf"(?i)\b(?:{words})\W+(?:\w+\W+){{0,{reach}}}$"), gate)


_DEATH_LEFT = Gated(
    regex.compile(
        r"(?i)\b(?:killed|killing|kills|kill|left|leaving|claimed\s+the\s+lives\s+of)\W+"
        r"(?:\w+\W+){0,3}$|\b(?:death\s+toll|toll)\W+(?:\w+\W+){0,9}$"
    ),
    ("kill", "left", "leaving", "claimed", "toll"),
)
_DEATH_RIGHT = _word_after(
    r"dead|killed|died|deaths|were\s+killed|lost\s+their\s+lives|fatalities", 4
)
_INJURY_RIGHT = _word_after(r"injured|wounded|hurt", 3)
_ABOARD_RIGHT = _word_after(r"on\s+board|aboard|it\s+was\s+carrying|it\s+carried", 4)
_CARRYING_LEFT = _word_before(r"carrying|carried|with", 1, ("carr", "with"))
_ABOARD_LEFT = _word_before(r"aboard|on\s+board", 1, ("board",))
_CLAUSE_END = regex.compile(r"(?i)\band\b|[,;]")
_NEXT_FIGURE = twin(
    r"(?i)[0-9]|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b"
)
_EVACUATED_RIGHT = _word_after(
    r"evacuated|displaced|homeless|fled|left\s+their\s+homes"
    r"|been\s+moved|were\s+moved|moved\s+to\s+shelters",
    4,
)
_EVACUATED_LEFT = _word_before(
    r"evacuated|evacuating|displaced|displacing|relocated|rehoused",
    3,
    ("evacuat", "displac", "relocated", "rehoused"),
)
_MISSING_RIGHT = _word_after(r"missing|unaccounted", 3)
_INJURY_LEFT = _word_before(
    r"injured|injuring|wounded|wounding|hurt", 3, ("injur", "wound", "hurt")
)
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*+")  # any script's letters: "cafés", not "caf"
_OF_NOUN = regex.compile(
    r"(?i)^\s*+of\s++(?:the\s++|its\s++|their\s++|all\s++)?+(?:[0-9,.]++\s++)?+"
)
_NUMBER_OF = regex.compile(
    r"(?i)^\s*+(?:the\s++)?+(?:number|total)\s++of\s++(?:its\s+|the\s+|their\s+)?+"
)
_AGO = regex.compile(r"(?i)^\s*+ago\b")
_SUBJECT_BEFORE_MODAL = regex.compile(
    r"(?<![A-Za-z])(?P<np>(?:[a-z]+\s+){0,2}[a-z]+)\s+(?i:would|will|could|may|might|to|can)\s+[\"'“‘]?$"
)

# Words that end a noun phrase: nothing after them is the counted thing.
_PHRASE_END = frozenset(_WORDS["phrase_end"])
_ADJECTIVES = frozenset(_WORDS["adjectives"])
_ADJ_SUFFIXES = tuple(_WORDS["adjective_suffixes"])
# Predicates that follow the counted noun ("129 people dead"): they end its phrase.
_STATE_WORDS = frozenset(_WORDS["state_words"])
_PARTICIPLES = frozenset(_WORDS["participles"])
_NOT_NOUN = frozenset(_WORDS["not_noun"])


def noun_phrase(text: str, limit: int = 4, *, names: bool = False) -> list[str]:
    """The lowercase words of the noun phrase opening ``text``, adjectives dropped.

    ``names`` keeps capitalised words (an acronym such as TNT can be the measured thing).
    """
    return _noun_phrase(text, limit, names)[0]


def _noun_phrase(text: str, limit: int, names: bool) -> tuple[list[str], int]:
    words: list[str] = []
    consumed = 0
    for m in _WORD.finditer(text[:80], 0, None, False, KEEP_GIL):
        gap = text[consumed : m.start()]
        if words and gap not in (" ", "-"):
            break
        if not words and gap.strip(" -(") != "":
            break
        w = m.group()
        lw = w.lower()
        if lw == "and" and words and (words[-1][0].isupper() or _is_adjective(words[-1])):
            consumed = m.end()
            continue
        if lw in _PHRASE_END or lw in _NOT_NOUN or lw in _STATE_WORDS:
            break
        if lw in _PARTICIPLES:
            break
        if lw.endswith(("ed", "ing")) and not _is_adjective(w) and lw not in SYNONYMS:
            if words:
                break
            consumed = m.end()
            continue  # "10 displaced people": a participle before the noun modifies it
        words.append(w)
        consumed = m.end()
        if len(words) >= limit:
            break
    kept = [w.lower() for w in words if (names or not w[0].isupper()) and not _is_adjective(w)]
    return kept, consumed


def _is_adjective(word: str) -> bool:
    lw = word.lower()
    return lw in _ADJECTIVES or lw.endswith(_ADJ_SUFFIXES)


# Measures of one family may be the same claim in other words ("jets" and "planes"), but
# only equal measures are specific enough to call a conflict.
FAMILIES: dict[str, str] = _DATA["families"]


MEASURE_WORDS = frozenset(
    {w for phrase in SYNONYMS for w in phrase.split()}
    | {singular(w) for phrase in SYNONYMS for w in phrase.split()}
    | PEOPLE
    | {singular(w) for w in PEOPLE}
    | frozenset(_WORDS["measure_extra"])
)
_MORE_AFTER = regex.compile(r"(?i)^\s++(?:more|additional|extra|others?)\b")


def is_increment(after: str) -> bool:
    """ "hundreds more": a figure counted on top of another is not the same claim."""
    return _MORE_AFTER.match(after, 0, None, KEEP_GIL) is not None


# The last word of a quantity's measure ("top speed", "snow length"): its dimension.
_DIMENSIONS = frozenset({u.dimension for u in units.UNITS.values()} | {"duration", "age"})


def family(measure: str) -> str:
    """The family a measure belongs to: its dimension word for quantities, else the lexicon's."""
    if measure in FAMILIES:
        return FAMILIES[measure]
    head, _, last = measure.rpartition(" ")
    if last in _DIMENSIONS and head:
        return last
    return measure


def normalise(phrase: str) -> str:
    """A measure phrase through the synonym lexicon ("air strikes" -> "airstrikes")."""
    phrase = " ".join(phrase.lower().split())
    if phrase in SYNONYMS:
        return SYNONYMS[phrase]
    last = phrase.rsplit(" ", 1)[-1]
    # "member nations" -> countries, "Russian air strikes" -> airstrikes; "fighter jets" stays.
    if last in SYNONYMS and SYNONYMS[last] != last:
        return SYNONYMS[last]
    return phrase


_EARLIER_BEFORE = regex.compile(
    r"(?i)\b(?:(?:an?\s+|the\s+)?(?:earlier|previous|initial|original|preliminary|first|"
    r"provisional|old)\s+(?:\w+\s+){0,2}?(?:toll|count|estimate|figure|tally)\s+(?:of|was|at|stood\s+at)"
    r"|(?:up|down|revised|raised|lowered)\s+from)\s+(?:about\s+|some\s+)?$"
)

# A match opens a word and holds at most eight runs of word characters ("an earlier death toll
# estimate stood at about"): it is searched for over the last eight words only.
_EARLIER_WORDS = 8
_EARLIER_GATE = ("from", "toll", "count", "estimate", "figure", "tally")


# "the number of people killed in the quake rose to": what a count is the number of, told
# before it; a linking verb ends it right before the figure.
_NUMBER_OF_VERBS = "|".join(w.replace(" ", r"\s++") for w in _WORDS["number_of_verbs"])
_NUMBER_OF_HEDGES = "|".join(_WORDS["number_of_hedges"])
_NUMBER_OF_BEFORE = regex.compile(
    r"(?i)\b(?:number|tally|total)\s++of\s++(?P<np>[^\d,;:.()]{3,90}?)\s++"
    rf"(?:has\s++|had\s++|have\s++)?+(?:{_NUMBER_OF_VERBS})"
    rf"(?:\s++(?:to|at|by))?+\s++(?:(?:{_NUMBER_OF_HEDGES})\s++)?+$"
)


def count_measure(before: str, after: str, wider: str = "") -> str:
    """The measure of a bare count from the text just before and just after it; ``wider``
    is more of the text before it, where "the number of ..." may open its clause."""
    measure = _count_measure(before, after)
    if measure == "count" and (m := _NUMBER_OF_BEFORE.search(wider or before, 0, None, KEEP_GIL)):
        return _count_measure("", m.group("np"))
    return measure


def superseded(before: str) -> bool:
    """ "up from an earlier toll of 25": a superseded figure is not the current claim."""
    folded = fold(before)
    if not any(word in folded for word in _EARLIER_GATE):
        return False  # every match holds one of them
    return (
        _EARLIER_BEFORE.search(before, tail_start(before, _EARLIER_WORDS), None, KEEP_GIL)
        is not None
    )


# Measures whose last word is no noun the figure counts: the lemma is the word before it.
_LEMMA_SKIP = frozenset(_WORDS["lemma_skip"])


def lemma(measure: str) -> str:
    """The lemma of a measure's head word: "deaths" -> "death", "people killed" -> "kill"."""
    words = measure.split()
    while len(words) > 1 and words[-1] in _LEMMA_SKIP:
        words.pop()
    return word_lemma(words[-1]) if words else ""


@functools.lru_cache(maxsize=200_000)
def word_lemma(word: str) -> str:
    """The dictionary form of one word ("strikes" -> "strike"): the one lemmatiser of the
    project, shared by measures and alignment."""
    # simplemma's English dictionary takes about 0.1 s to load: only a run that reads a figure
    # pays for it, never ``--version`` or ``--help``.
    import simplemma

    return str(simplemma.lemmatize(word, lang="en")).lower()


def _count_measure(before: str, after: str) -> str:
    if after.lstrip().lower().startswith("passengers and crew"):
        return "people aboard"
    phrase, consumed = _noun_phrase(after, 4, False)
    head = phrase[-1] if phrase else ""
    rest = after[consumed:]
    person = head in PEOPLE or head in PERSON or not phrase
    if head == "passengers":
        # Passengers alone leave out the crew: a different figure from the people aboard.
        return "passengers"
    if person and (
        _ABOARD_RIGHT.search(rest)
        or _ABOARD_LEFT.search(before)
        or (phrase and _CARRYING_LEFT.search(before))
    ):
        return "people aboard"
    # The state word nearest after the figure decides, then the verb nearest before it; a
    # state word past the next figure ("7 dead and 15 injured") belongs to that figure.
    if person:
        nearest = rest[: m.start()] if (m := _NEXT_FIGURE.search(rest)) else rest
        own = _CLAUSE_END.split(nearest, 1, KEEP_GIL)[0]
        hits = [
            (hit.end(), measure)
            for pattern, measure in (
                (_INJURY_RIGHT, "injuries"),
                (_MISSING_RIGHT, "missing"),
                (_DEATH_RIGHT, "deaths"),
                (_EVACUATED_RIGHT, "evacuees"),
            )
            if (hit := pattern.search(own)) and len(hit.group()) < 40
        ]
        if hits:
            return min(hits)[1]
        lefts = [
            (hit.end(), measure)
            for pattern, measure in (
                (_DEATH_LEFT, "deaths"),
                (_INJURY_LEFT, "injuries"),
                (_EVACUATED_LEFT, "evacuees"),
            )
            if (hit := pattern.search(before))
        ]
        if lefts:
            return max(lefts)[1]
    if phrase:
        return normalise(" ".join(phrase))
    return "count"


# "earnings per share of $6.86", "the capital ratio was 13.8 percent", "net debt fell to
# $25 billion": the thing a figure gives the value of, named before it.
_SUBJECT_BEFORE = twin(
    r"(?i)(?<![\w'])(?P<np>(?:[a-z][a-z'-]*+\s++){0,3}?[a-z][a-z'-]*+)"
    r"(?:\s++(?:in|for|during|of)\s++(?:the\s++)?(?:(?:first|second|third|fourth)\s++)?"
    r"(?:quarter|year|period|month|half|q[1-4]))?+"
    r"\s++(?:of|was|were|is|are|at|to|totaled|totalled|reached|hit|came\s++in\s++at|stood\s++at"
    r"|(?:rose|rise|rising|fell|fall|falling|grew|grow|increased|increase|decreased|decrease"
    r"|dropped|drop|climbed|declined|remained|remain|stayed|stay|up|down|jumped|slipped)"
    r"(?:\s++(?:to|by|below|above|under|over))?+|by)"
    r"\s++(?:about\s++|some\s++|approximately\s++|roughly\s++|nearly\s++|almost\s++|just\s++)?$"
)
# Every match of it ends in one of these words and the space before the figure (its verb, the
# preposition after the verb, or the adverb after either): it is searched for only when the
# last word is one, since a search that fails tries every word before (about 80 µs).
_SUBJECT_LAST = frozenset(_WORDS["subject_last"])


def _subject_before(before: str) -> re.Match[str] | regex.Match[str] | None:
    """``_SUBJECT_BEFORE.search(before)``."""
    words = before.split()  # (every space of the pattern splits words here too)
    if not words or fold(words[-1]) not in _SUBJECT_LAST:
        return None
    return _SUBJECT_BEFORE.search(before)


_VERBS = frozenset(_WORDS["verbs"])
_FIGURE_WORDS = frozenset(_WORDS["figure_words"])
_SUBJECT_DROP = frozenset(_WORDS["subject_drop"])


def subject_measure(before: str, hedged: bool = False) -> str:
    """The noun phrase a figure is the value of, when it stands before the figure.

    ``hedged``: the figure opens with a hedge, so the phrase may end right before it
    ("net debt below $25 billion").
    """
    m = _subject_before(before[-80:])
    if m is not None:
        words = m.group("np").lower().split()
    elif hedged and (b := _BARE_NOUNS_BEFORE.search(before[-40:], 0, None, KEEP_GIL)):
        words = b.group("np").lower().split()
    else:
        return ""
    # Keep "X per Y" whole; otherwise the noun phrase's last words, stopwords dropped.
    if "per" in words[1:-1]:
        i = words.index("per")
        words = words[max(0, i - 1) : i + 2]
    else:
        # "sales contracted for delivery": the head comes before a participle that follows it.
        words = _before_participle(words)
        # "the authorities offered a reward": what follows the last verb is the thing.
        verbs = [i for i, w in enumerate(words) if w in _VERBS or w.endswith(("ed", "ing"))]
        if verbs and verbs[-1] + 1 < len(words):
            words = words[verbs[-1] + 1 :]
        words = [
            w
            for w in words
            if w not in _SUBJECT_DROP and w not in STOP_BEFORE and w not in _FIGURE_WORDS
        ]
        words = [
            w
            for w in words
            if w not in _PHRASE_END
            and w not in _NOT_NOUN
            and w not in _VERBS
            and not w.endswith(("ed", "ing"))
        ][-2:]
    words = [w for w in words if not _is_adjective(w)] or words
    return normalise(" ".join(words)) if words else ""


_PREPOSITIONS = frozenset(_WORDS["prepositions"])


def _before_participle(words: list[str]) -> list[str]:
    """Words up to a participle that follows a noun ("sales contracted for delivery")."""
    seen_noun = False
    for i, w in enumerate(words):
        if w.endswith(("ed", "ing")):
            # Only a participle opening a phrase ("contracted for"), not a verb with an object
            # ("offered a reward").
            if seen_noun and i + 1 < len(words) and words[i + 1] in _PREPOSITIONS:
                return words[:i]
        elif w not in _NOT_NOUN and w not in _VERBS and w not in _PHRASE_END:
            seen_noun = True
    return words


_BARE_NOUNS_BEFORE = regex.compile(r"(?i)(?<![\w'])(?P<np>(?:[a-z]{3,20}\s++){1,2})$")


# The whole right after a share word that takes it without "of": "half the vote".
_WHOLE_WITHOUT_OF = regex.compile(r"(?i)^\s++(?:" + "|".join(WHOLES_WITHOUT_OF) + r")\s++")


def share_measure(after: str, before: str = "", figure: str = "") -> str:
    """What a percentage is a share of: "5 percent of the 2,700 airstrikes" -> airstrikes,
    and the share word ``figure`` "half the vote" -> vote."""
    m = _OF_NOUN.match(after, 0, None, KEEP_GIL)
    if m is None and figure.lower().endswith(SHARES_WITHOUT_OF):
        m = _WHOLE_WITHOUT_OF.match(after, 0, None, KEEP_GIL)
    if m:
        phrase = noun_phrase(after[m.end() :])
        if phrase:
            return normalise(" ".join(phrase))
    return subject_measure(before) or "share"


def thing_measure(before: str, after: str, fallback: str, hedged: bool = False) -> str:
    """The noun after a figure, or the noun it belongs to before it ("reward of $50m")."""
    phrase = noun_phrase(after)
    if phrase:
        return normalise(" ".join(phrase))
    m = _OF_NOUN.match(after, 0, None, KEEP_GIL)
    if m:
        phrase = noun_phrase(after[m.end() :], names=True)
        if phrase:
            return normalise(" ".join(phrase))
    return subject_measure(before, hedged) or fallback


def quantity_measure(before: str, after: str, dimension: str) -> str:
    thing = thing_measure(before, after, "")
    return f"{singular(thing)} {dimension}" if thing else dimension


def duration_measure(after: str, hyphen_noun: str | None, aged: bool) -> str:
    if aged:
        phrase = noun_phrase(after)
        return f"{singular(phrase[-1])} age" if phrase else "age"
    if hyphen_noun:
        return f"{hyphen_noun.lower()} duration"
    if _AGO.match(after, 0, None, KEEP_GIL):
        return "time ago"
    return "duration"


_BEFORE_YEAR = regex.compile(
    r"(?i)(?<![\w'])([a-z]{3,20})\s++(?:of\s++|to\s++|at\s++)?+"
    r"(?:[$€£]?+[0-9.,]{1,12}+[a-z%]{0,8}+(?:\s++(?:million|billion|trillion|thousand|percent))?+"
    r"\s++)?+"
    r"(?:in|during|for|by|until|through|since|of)\s++"
    r"(?:(?:the\s++)?(?:full\s++|fiscal\s++|calendar\s++)?year\s++(?:of\s++)?)?$"
)


def year_measure(before: str) -> str:
    """What a year dates: "sales in 2023" -> sales; "as we learned in 1941" -> year."""
    m = _BEFORE_YEAR.search(before[-60:], 0, None, KEEP_GIL)
    if m:
        word = m.group(1).lower()
        skip = _PHRASE_END | _NOT_NOUN | _VERBS | STOP_BEFORE | _FIGURE_WORDS | {"year", "full"}
        if word not in skip and not word.endswith(("ed", "ing")) and not _is_adjective(word):
            return normalise(word)
    return "year"


def ordinal_measure(after: str) -> str:
    phrase = noun_phrase(after, limit=2)
    return normalise(phrase[0]) if phrase else "ordinal"


def ratio_measure(before: str, after: str) -> str:
    m = _NUMBER_OF.match(after, 0, None, KEEP_GIL)
    if m:
        phrase = noun_phrase(after[m.end() :])
        if phrase:
            return normalise(" ".join(phrase))
    m = _SUBJECT_BEFORE_MODAL.search(before, 0, None, KEEP_GIL)
    if m:
        words = [w.lower() for w in m.group("np").split() if w.lower() not in STOP_BEFORE]
        if words:
            return " ".join(words)
    phrase = noun_phrase(after)
    return normalise(" ".join(phrase)) if phrase else "ratio"


STOP_BEFORE = frozenset(_WORDS["stop_before"])

_EVENT_VERBS: dict[str, str] = _DATA["event_verbs"]
_EVENT_LEFT = regex.compile(
    r"(?i)\b("
    + "|".join(v.replace(" ", r"\s+") for v in _EVENT_VERBS)
    + r")\b(?:[^\w;]+\w+){0,6}[^\w;]+(?:on|in)\s+$"
)
# Dates of one kind of event, named in other words: "the October 31 crash", "the downing".
EVENT_FAMILIES: dict[str, str] = _DATA["event_families"]


_EVENT_NOUN_AFTER = regex.compile(r"^[ ]([a-z]{3,20})\b")


def date_measure(before: str, after: str) -> str:
    """The event a date dates: the noun right after it ("the Oct. 20 accord"), or a verb before."""
    m = _EVENT_NOUN_AFTER.match(after, 0, None, KEEP_GIL)
    if m and m.group(1) not in _PHRASE_END and m.group(1) not in _NOT_NOUN:
        return singular(m.group(1))
    m = _EVENT_LEFT.search(before[-60:], 0, None, KEEP_GIL)
    if m:
        return _EVENT_VERBS[" ".join(m.group(1).lower().split())]
    return "date"

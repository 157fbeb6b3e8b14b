"""The words around a figure: its sentence, what it counts (measure) and its frame terms."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import regex

from claims.engines import Twin, twin

# A sentence ends at . ! ? (optionally closed by a quote or bracket) before a capital, a quote or
# a digit, unless the word before the stop is a known abbreviation; and at a blank line.
# (The stop is matched and dropped with \K rather than looked behind for at every space: the
# scan then jumps from stop to stop, seven times faster.)
_SENTENCE_END = regex.compile(
    r"""[.!?]["'”’)\]]?+\K\s++(?=["'“‘(\[]?+[A-Z0-9])"""
    r"""|\r?\n[ \t\r]*+\n\s*+|\r?\n(?=[ \t]*+(?:[-*+#>]|[0-9]{1,3}[.)])\s)"""
)
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st sen rep gen col lt sgt gov pres prof jr sr inc co corp ltd no vs jan feb mar
    apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc approx est""".split()
)
_LAST_WORD = twin(r"([\w.]{1,12})[.!?][\"'”’)\]]?$")

# "Zürich" is one word, not "rich"; on plain text (see ``claims.engines``) a letter is ASCII.
WORD_RE = Twin(
    regex.compile(r"\p{L}[\p{L}\p{M}'’.-]{0,40}+"), re.compile(r"[A-Za-z][A-Za-z'’.-]{0,40}+")
)

STOPWORDS = frozenset(
    """a an the and or but if of in on at to for from by with as into onto over under about after
    before since during between among against without within than then that this these those
    there their they them he she it its his her our we us you your i me my is are was were be
    been being has have had do does did will would shall should can could may might must not no
    so such also just only more most other some any all each every both either neither own same
    very too much many few less least what which who whom whose when where why how while said
    says say told according tuesday monday wednesday thursday friday saturday sunday today
    yesterday week weeks month months year years day days time new one january february march
    april june july august september october november december two three four five six seven
    eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred
    hundreds thousand thousands million billion dozen percent cent per least out off up down
    back away still already even again later earlier carried carry took take taken made make
    came come went go gone got get gave give given began begin begun put set used use called
    call added add saw see seen left become became including told tell asked ask announced
    announce reported report confirmed confirm according officials official statement spokesman
    spokeswoman news agency press""".split()
)

# Demonyms and short forms folded into the name they refer to, so "Russian" meets "Russia".
NAME_FORMS = {
    "russian": "russia", "russians": "russia", "moscow's": "moscow", "french": "france",
    "syrian": "syria", "syrians": "syria", "iraqi": "iraq", "iraqis": "iraq",
    "egyptian": "egypt", "turkish": "turkey", "turks": "turkey", "british": "britain",
    "uk": "britain", "u.k": "britain", "american": "us", "americans": "us", "u.s": "us",
    "usa": "us", "united states": "us", "parisian": "paris", "kurdish": "kurds",
    "german": "germany", "chinese": "china", "ukrainian": "ukraine", "israeli": "israel",
    "iranian": "iran", "saudi": "saudi arabia", "isis": "islamic state", "isil": "islamic state",
    "canadian": "canada", "dutch": "netherlands", "danish": "denmark", "belgian": "belgium",
    "lebanese": "lebanon", "jordanian": "jordan", "european": "europe", "japanese": "japan",
    "indian": "india", "mexican": "mexico", "italian": "italy", "spanish": "spain",
}  # fmt: skip
# Countries and blocs that act in the news: in a figure's own clause they say whose figure it is.
ACTORS = frozenset(NAME_FORMS.values()) | frozenset(
    """afghanistan algeria argentina australia austria bahrain bangladesh brazil chile colombia
    cuba cyprus egypt ethiopia finland greece hungary indonesia iran iraq ireland israel jordan
    kenya korea kuwait lebanon libya morocco nato netherlands nigeria norway oman pakistan
    philippines poland portugal qatar romania russia serbia somalia sudan sweden switzerland
    syria taiwan thailand tunisia turkey uae ukraine venezuela vietnam yemen coalition hezbollah
    hamas taliban kurds nato""".split()
)
_NOT_NAMES = frozenset(
    """the a an in on at as after before but and or if it its this that these those there when
    while with for from by to of he she they we i you his her their our my your president
    minister secretary prime sen senator gen general chief head mr mrs ms dr monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sept sep oct nov dec photo
    ap reuters afp file related trending more by""".split()
)
_NAME_FORM_VALUES = frozenset(NAME_FORMS.values())
_NAME_RE = regex.compile(r"(?<![\w'’])[A-Z][\w'’.-]{0,30}+(?:\s[A-Z][\w'’.-]{0,30}+){0,3}")


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence boundaries of one text, found once and looked up by offset."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Sentences:
        starts = [0]
        ends = []
        for m in _SENTENCE_END.finditer(text):
            if "\n" not in m.group():  # a line break ends a sentence after any word
                last = _LAST_WORD.search(text[max(0, m.start() - 14) : m.start()])
                if last is not None and last.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                    continue
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        return cls(tuple(starts), tuple(ends))

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def span(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.ends[i]


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    words = []
    for word in name.lower().replace("’", "'").split():
        word = word.removesuffix("-led").removesuffix("-backed").removesuffix("-based")
        word = word.rstrip(".'").removesuffix("'s").rstrip(".")
        words.append(NAME_FORMS.get(word, word))
    key = " ".join(words)
    return NAME_FORMS.get(key, key)


def names_in(text: str) -> list[str]:
    """Proper names in a stretch of text, normalised ("Russian" -> "russia")."""
    if text.lower() == text:
        return []  # no capital: every name opens with one
    return [name for phrase in _NAME_RE.findall(text) for name in _names_of(phrase)]


@functools.lru_cache(maxsize=65536)
def _names_of(phrase: str) -> tuple[str, ...]:
    """The names one capitalised phrase stands for (the same phrase recurs: read once)."""
    words = phrase.split()
    while words and words[0].lower().rstrip(".") in _NOT_NAMES:
        words.pop(0)
    if not words or (len(words) == 1 and words[0].lower() in STOPWORDS):
        return ()
    norm = normalise_name(" ".join(words))
    if norm in _NAME_FORM_VALUES or len(words) == 1:
        return (norm,)
    return (norm, *(normalise_name(w) for w in words if w.lower() not in _NOT_NAMES))


def content_words(text: str) -> list[str]:
    """Lowercase content words, crudely singularised, stopwords dropped."""
    return list(filter(None, map(_content_word, WORD_RE.findall(text))))


@functools.lru_cache(maxsize=65536)
def _content_word(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s").strip(".'-")
    if len(w) < 3 or w in STOPWORDS:
        return ""
    return singular(NAME_FORMS.get(w, w))


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word

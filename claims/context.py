"""The words around a figure: its sentence, what it counts (measure) and its frame terms."""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

import regex

from claims.engines import KEEP_GIL, Twin, twin

with resources.files("claims").joinpath("context.toml").open("rb") as _f:
    _DATA = tomllib.load(_f)
_WORDS = _DATA["words"]

# A sentence ends at . ! ? (optionally closed by a quote or bracket) before a capital, a quote or
# a digit, unless the word before the stop is a known abbreviation; and at a blank line.
# (The stop is matched and dropped with \K rather than looked behind for at every space: the
# scan then jumps from stop to stop, seven times faster.)
_SENTENCE_END = regex.compile(
    r"""[.!?]["'”’)\]]?+\K\s++(?=["'“‘(\[]?+[A-Z0-9])"""
    r"""|\r?\n[ \t\r]*+\n\s*+|\r?\n(?=[ \t]*+(?:[-*+#>]|[0-9]{1,3}[.)])\s)"""
)
_ABBREVIATIONS = frozenset(_WORDS["abbreviations"])
_LAST_WORD = twin(r"([\w.]{1,12})[.!?][\"'”’)\]]?$")

# "Zürich" is one word, not "rich"; on plain text (see ``claims.engines``) a letter is ASCII.
WORD_RE = Twin(
    regex.compile(r"\p{L}[\p{L}\p{M}'’.-]{0,40}+"), re.compile(r"[A-Za-z][A-Za-z'’.-]{0,40}+")
)

STOPWORDS = frozenset(_WORDS["stopwords"])

# Demonyms and short forms folded into the name they refer to, so "Russian" meets "Russia".
NAME_FORMS: dict[str, str] = _DATA["name_forms"]
# Countries and blocs that act in the news: in a figure's own clause they say whose figure it is.
ACTORS = frozenset(NAME_FORMS.values()) | frozenset(_WORDS["actors"])
_NOT_NAMES = frozenset(_WORDS["not_names"])
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
        for m in _SENTENCE_END.finditer(text, 0, None, False, KEEP_GIL):
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


# Every name opens with a capital A to Z: a text with none holds no name (a scan for one stops at
# the first, where a test of the text against its lower case reads every character twice).
_CAPITAL = re.compile("[A-Z]")


def names_in(text: str) -> list[str]:
    """Proper names in a stretch of text, normalised ("Russian" -> "russia")."""
    if _CAPITAL.search(text) is None:
        return []
    return [
        name
        for phrase in _NAME_RE.findall(text, 0, None, False, KEEP_GIL)
        for name in _names_of(phrase)
    ]


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

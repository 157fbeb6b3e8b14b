"""Numbers as written: digits with separators, number words, scales and fractions."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex

from claims.engines import KEEP_GIL

with resources.files("claims").joinpath("numbers.toml").open("rb") as _f:
    _DATA = tomllib.load(_f)

UNITS: dict[str, int] = _DATA["cardinals"]
TENS: dict[str, int] = _DATA["tens"]
SCALES: dict[str, float] = {k: float(v) for k, v in _DATA["scales"].items()}
GROUPS: dict[str, int] = _DATA["groups"]
IDIOMS: dict[str, int] = _DATA["idioms"]
SCALE_SUFFIXES: dict[str, float] = {k: float(v) for k, v in _DATA["suffixes"].items()}
SCALES_AFTER_DIGITS: dict[str, float] = {
    k: float(v) for k, v in _DATA["scales_after_digits"].items()
}
DENOMINATORS: dict[str, float] = {k: float(v) for k, v in _DATA["denominators"].items()}
FRACTIONS: dict[str, float] = _DATA["shares"]
PERIOD_RANKS: tuple[str, ...] = tuple(_DATA["period_ranks"]["words"])
SHARE_JOINS: tuple[str, ...] = tuple(_DATA["share_joins"]["words"])
SHARES_WITHOUT_OF: tuple[str, ...] = tuple(_DATA["shares_without_of"]["shares"])
WHOLES_WITHOUT_OF: tuple[str, ...] = tuple(_DATA["shares_without_of"]["before"])
ORDINALS: dict[str, float] = _DATA["ordinals"]
MULTIPLIERS: dict[str, float] = _DATA["multipliers"]
VERBAL_MULTIPLIERS = frozenset(_DATA["verbal_multipliers"]["words"])
VAGUE: dict[str, tuple[float, float]] = {k: (v[0], v[1]) for k, v in _DATA["vague"].items()}
SIGNS: dict[str, int] = _DATA["signs"]
SCORE_BEFORE: tuple[str, ...] = tuple(_DATA["scores"]["before"])
SCORE_AFTER: tuple[str, ...] = tuple(_DATA["scores"]["after"])
IDENTIFIER_HEADS: tuple[str, ...] = tuple(_DATA["identifiers"]["heads"])
IDENTIFIER_BRANDS: tuple[str, ...] = tuple(_DATA["identifiers"]["brands"])


@dataclass(frozen=True, slots=True)
class Rating:
    """A rating scale named before its number ("Category 4"): the names that head it, whether
    a head may stand against the number or join it with a hyphen ("EF3", "EF-3"), its lowest
    and highest ratings, and the words of what it rates."""

    heads: tuple[str, ...]
    glued: bool
    lowest: int
    highest: int
    rated: tuple[str, ...]


RATINGS: dict[str, Rating] = {
    measure: Rating(tuple(r["heads"]), r["glued"], r["lowest"], r["highest"], tuple(r["rated"]))
    for measure, r in _DATA["ratings"].items()
}
_NOT_AFTER_TENS = frozenset(_DATA["compound_ordinals"]["not_after_tens"])

_WORD_RE = regex.compile(r"[a-z]+", regex.IGNORECASE)
# Thousands are grouped by commas or, in European and agency copy, by a no-break, thin or plain
# space (then a comma may mark the decimals: "1 111,5").
_DIGITS_RE = regex.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.(?P<frac>[0-9]++))?"
    r"|(?P<int>[0-9]{1,3}(?:[\u00a0\u202f\u2009 ][0-9]{3})++)(?:[.,](?P<frac>[0-9]++))?"
    r"|\.(?P<frac>[0-9]++)"
)
_GROUPING = regex.compile(r"[,\u00a0\u202f\u2009 ]")


# A figure of more digits than this is an identifier or garbage, and no float holds it exactly.
MAX_DIGITS = 15


def significant_digits(value: float) -> int:
    """How many significant digits a figure states (129: 3, 25: 2, 100: 1, 0: 0)."""
    if not value:
        return 0
    mantissa = f"{abs(value):.6e}".split("e")[0]
    return len(mantissa.replace(".", "").rstrip("0"))


def parse_digits(text: str) -> tuple[float, float]:
    """Value and half-step precision of a digit string such as ``"2,300"`` or ``"2.2"``."""
    if text.isascii() and text.isdigit():  # the most common, "25": read without the pattern
        if len(text) > MAX_DIGITS:
            raise ValueError(f"too many digits to be a figure: {len(text)}")
        return float(text), 0.5
    m = _DIGITS_RE.fullmatch(text, 0, None, KEEP_GIL)
    if m is None:
        raise ValueError(f"not a number: {text!r}")
    whole = _GROUPING.sub("", m.group("int") or "0", 0, 0, None, KEEP_GIL)
    if len(whole) > MAX_DIGITS:
        raise ValueError(f"too many digits to be a figure: {len(whole)}")
    frac = m.group("frac") or ""
    value = float(f"{whole}.{frac}") if frac else float(whole)
    # A whole number is stated to the unit: "2,300" is 2,300 +- 0.5, whatever its zeros say.
    step = 10.0 ** -len(frac) if frac else 1.0
    return value, step / 2


def parse_words(text: str) -> float | None:
    """Value of a cardinal in words: "two hundred and twenty-four", "a dozen", "ten"; None
    unless the whole phrase is one number."""
    tokens = [w.lower() for w in _WORD_RE.findall(text, 0, None, False, KEEP_GIL)]
    read = read_tokens(tokens)
    return read.value if read is not None and read.used == len(tokens) else None


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from words: its value, how many tokens it used, and whether it is a
    fraction ("three fifths") or a rank ("twenty-first") rather than a whole count."""

    value: float
    used: int
    fraction: bool = False
    ordinal: bool = False


_AND = "and"


def read_tokens(tokens: list[str]) -> Reading | None:
    """The longest number at the start of lowercase word ``tokens``: "sixteen" of "sixteen
    and then", "three fifths", "five and a quarter", "two point five million", "minus one"."""
    sign = 1.0
    i = 0
    if tokens and tokens[0] in SIGNS:
        sign, i = float(SIGNS[tokens[0]]), 1
    read = _Reader(tokens, i).run()
    if read is None:
        return None
    return Reading(sign * read.value, read.used, read.fraction, read.ordinal)


class _Reader:
    """One left-to-right pass over number tokens, remembering the last place a number ended."""

    def __init__(self, tokens: list[str], i: int) -> None:
        self.tokens = tokens[: i + 24]
        self.i = i
        self.total = 0.0  # completed scale groups
        self.current = 0.0  # the group being read
        self.top = 0.0  # the largest scale used so far
        self.last = ""  # kind of the last token read
        self.before_and: float | None = None  # value read before the last "and"
        self.last_scale_before_and = 0.0
        # "sixteen and two" is two numbers: after "and" only a hundred or a scale goes on
        # ("one hundred and six"); anything else must end in a fraction ("twenty and three
        # fifths").
        self.pending = False
        self.best: Reading | None = None
        self.count = 0  # tokens that were numbers
        self.last_ten = 0.0  # the value of the last ten read ("thirty" of "one hundred thirty")

    def value(self) -> float:
        return self.total + self.current

    def keep(self, fraction: bool = False, value: float | None = None) -> None:
        if self.pending and not fraction:
            return
        self.best = Reading(self.value() if value is None else value, self.i, fraction)

    def run(self) -> Reading | None:
        t = self.tokens
        if self.i < len(t) and t[self.i] in ("a", "an"):
            return self._article()
        if self.i < len(t) and t[self.i] == "half":
            return self._half()
        if self.i < len(t) and t[self.i] == "quarter":
            return self._quarter()
        while self.i < len(t):
            word = t[self.i]
            if not self._step(word):
                break
        return self.best if self.best is not None and self.count else None

    def _article(self) -> Reading | None:
        """ "a dozen", "a hundred", "a half", "a quarter million"."""
        t, j = self.tokens, self.i + 1
        word = t[j] if j < len(t) else ""
        if word in ("half", "quarter") and j + 1 < len(t) and t[j + 1] in SCALES:
            scale = SCALES[t[j + 1]]
            return Reading(scale / DENOMINATORS[word], j + 2, False)
        if word == "half":
            return Reading(0.5, j + 1, True)
        if word in DENOMINATORS and DENOMINATORS[word] >= 100 and not word.endswith("s"):
            return Reading(1 / DENOMINATORS[word], j + 1, True)  # "a hundredth"
        if word in SCALES or word == "dozen":
            self.i, self.current, self.count = j, 1.0, 1
            self.last = "unit"
            while self.i < len(t):
                if not self._step(t[self.i]):
                    break
            return self.best
        return None

    def _half(self) -> Reading | None:
        """ "half a million"; "half" alone is no figure here."""
        t, j = self.tokens, self.i + 1
        if j + 1 < len(t) and t[j] in ("a", "an") and t[j + 1] in SCALES:
            return Reading(SCALES[t[j + 1]] / 2, j + 2, False)
        if j + 1 < len(t) and t[j] in ("a", "an") and t[j + 1] == "dozen":
            return Reading(6.0, j + 2, False)  # "half a dozen"
        return None

    def _quarter(self) -> Reading | None:
        """ "quarter million"."""
        t, j = self.tokens, self.i + 1
        if j < len(t) and t[j] in SCALES and t[j] != "hundred":
            return Reading(SCALES[t[j]] / 4, j + 1, False)
        return None

    def _step(self, word: str) -> bool:
        """Read one token; False when it ends the number."""
        if word in UNITS or word in TENS:
            return self._digit_word(word)
        if word == "hundred":
            if self.last in ("hundred",):
                return False
            self.current = (self.current or 1.0) * 100
            return self._took("hundred")
        if word in SCALES:
            return self._scale(SCALES[word])
        if word in GROUPS:
            if self.last not in ("unit", "ten", "teen"):
                return False
            self.current *= GROUPS[word]
            return self._took("group")
        if word in ORDINALS and (ends := self._ordinal(word)) is not None:
            return ends
        if word in DENOMINATORS:
            return self._fraction(word)
        if word in ("a", "an") and self.last == "and":
            return self._and_a_fraction()
        if word == _AND:
            return self._and()
        if word == "point":
            return self._point()
        if word == "over":
            return self._over()
        return False

    def _took(self, kind: str) -> bool:
        self.last = kind
        self.i += 1
        self.count += 1
        self.keep()
        return True

    def _digit_word(self, word: str) -> bool:
        value = UNITS.get(word, TENS.get(word, 0))
        kind = "ten" if word in TENS else "teen" if value >= 10 else "unit"
        follows = self.tokens[self.i + 1] if self.i + 1 < len(self.tokens) else ""
        if word in ("nought", "naught") and follows != "point":
            return False  # "came to naught": only "nought point five" is a figure
        if self.last in ("unit", "teen") or (self.last == "ten" and kind != "unit"):
            if kind == "ten":  # "one twenty-fifth", "twenty twenty fifths"
                self._compound_denominator(value)
            return False  # "twenty twenty", "nineteen five": two numbers, or a year
        self.current += value
        if kind == "ten":
            self.last_ten = value
        return self._took(kind)

    def _ordinal(self, word: str) -> bool | None:
        """ "twenty-first", "one hundred and first", "two hundredth": a rank ending a cardinal;
        None when the word is no rank here ("one hundredth" is a fraction)."""
        rank = float(ORDINALS[word])
        if not self.count or self.pending:
            return None
        after_ten = rank < 10 and self.last == "ten" and word not in _NOT_AFTER_TENS
        if after_ten or (rank < 100 and self.last in ("hundred", "scale", "and")):
            value = self.value() + rank
        elif rank >= 100 and self.value() != 1 and self.last in _NUMERATOR_ENDS:
            if rank > self.top:
                value = self.value() * rank
            else:
                value = self.total + (self.current or 1.0) * rank
        else:
            return None
        self.i += 1
        self.count += 1
        self.best = Reading(value, self.i, ordinal=True)
        return False

    def _compound_denominator(self, ten: float) -> None:
        """A ten that cannot join the number before it may begin its denominator: "one
        twenty-fifth" is 1/25, "twenty twenty fifths" 20/25."""
        t, j = self.tokens, self.i + 1
        word = t[j] if j < len(t) else ""
        plural = word.endswith("s")
        stem = word[:-1] if plural else word
        rank = ORDINALS.get(stem, 10)
        if rank >= 10 or stem in _NOT_AFTER_TENS or self.pending:
            return
        numerator = self.value()
        if (numerator == 1) == plural:
            return
        self.i, self.count = j + 1, self.count + 2
        self.keep(fraction=True, value=numerator / (ten + rank))

    def _scale(self, scale: float) -> bool:
        if self.last in ("", "and") and not self.count:
            return False
        if self.last == "scale" and scale <= self.top:
            return False
        if scale > self.top and self.total:
            self.total = (self.total + self.current) * scale  # "three lakh crore"
            self.current = 0.0
        else:
            self.total += (self.current or 1.0) * scale
            self.current = 0.0
        self.top = max(self.top, scale)
        return self._took("scale")

    def _and(self) -> bool:
        if not self.count or self.last == "and":
            return False
        self.pending = self.last not in ("hundred", "scale", "group")
        self.before_and = self.value()
        self.last_scale_before_and = self.top if self.last == "scale" else 0.0
        self.last = "and"
        self.i += 1
        return True

    def _fraction(self, word: str) -> bool:
        """ "three fifths", "twenty and three fifths", "and a half", "one million and a half"."""
        denominator = DENOMINATORS[word]
        plural = (word.endswith("s") and word != "halves") or word == "halves"
        if self.last == "and":
            return False
        scale = 1.0
        if self.before_and is not None and self.last in ("unit", "ten", "teen"):
            numerator = self.value() - self.before_and
            whole = self.before_and
            scale = self.last_scale_before_and or 1.0  # "nine million and five ninths"
        elif plural and self.last == "ten" and self.value() > self.last_ten and _unit_rank(word):
            # "one hundred thirty-fifths" is 100/35: the ten belongs to the denominator
            numerator, whole = self.value() - self.last_ten, 0.0
            denominator += self.last_ten
        else:
            numerator, whole = self.value(), 0.0
        if not self.count or self.last not in ("unit", "ten", "teen", "hundred", "scale"):
            return False
        if not plural and numerator != 1:
            return False
        if plural and numerator == 1:
            return False
        value = whole + numerator / denominator * scale
        self.i += 1
        self.count += 1
        self.keep(fraction=True, value=value)
        return False  # nothing more belongs to a fraction here

    def _and_a_fraction(self) -> bool:
        """ "five and a quarter", "three and a half million", "one million and a half"."""
        t, j = self.tokens, self.i + 1
        word = t[j] if j < len(t) else ""
        if word not in ("half", "quarter") or self.before_and is None:
            return False
        part = (self.last_scale_before_and or 1.0) / DENOMINATORS[word]
        value = self.before_and + part
        j += 1
        if j < len(t) and t[j] in SCALES and not self.last_scale_before_and:
            value *= SCALES[t[j]]
            j += 1
        self.i, self.count, self.pending = j, self.count + 1, False
        self.keep(fraction=value != int(value), value=value)
        return False

    def _point(self) -> bool:
        """ "two point five", "nought point nought three"."""
        t, j = self.tokens, self.i + 1
        if not self.count or self.last not in ("unit", "ten", "teen", "hundred", "scale"):
            return False
        digits = ""
        while j < len(t) and (t[j] in UNITS) and len(digits) < 12:
            digit = UNITS[t[j]]
            digits += str(digit)
            j += 1
            if digit >= 10:
                break
        if not digits:
            return False
        value = float(f"{self.value():.0f}.{digits}")
        if j < len(t) and t[j] in SCALES:
            value *= SCALES[t[j]]
            j += 1
        self.i, self.count = j, self.count + 1
        self.keep(fraction=True, value=value)
        return False

    def _over(self) -> bool:
        """ "one over twenty": a fraction when the numerator is the smaller."""
        numerator = self.value()
        rest = _Reader(self.tokens, self.i + 1).run()
        if rest is None or rest.fraction or not 0 < numerator < rest.value:
            return False
        self.best = Reading(numerator / rest.value, rest.used, True)
        return False


_NUMERATOR_ENDS = frozenset({"unit", "ten", "teen", "hundred", "scale"})


def _unit_rank(plural: str) -> bool:
    """Whether a plural denominator is one of a unit ("fifths", not "quarters" or "tenths")."""
    return ORDINALS.get(plural[:-1], 10) < 10


def word_trie(words: list[str]) -> str:
    """A regex alternation of ``words`` with shared prefixes factored out, so a scan rejects a
    position after a character or two instead of trying every word in turn."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    branches = [regex.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    ends_here = "" in node
    body = branches[0] if len(branches) == 1 and not ends_here else "(?:" + "|".join(branches) + ")"
    return body + ("?" if ends_here else "")

"""Numbers as written: digits with separators, number words, scales and fractions."""

from __future__ import annotations

from typing import Any

import regex

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Suffixes glued to digits or standing after them: "1.2bn", "3.5m", "$50m", "10k".
SCALE_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "three quarters": 0.75,
    "three-quarters": 0.75,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
MULTIPLIERS = {
    "doubled": 2, "double": 2, "doubling": 2, "twice": 2, "tripled": 3, "triple": 3,
    "tripling": 3, "trebled": 3, "treble": 3, "quadrupled": 4, "quadruple": 4, "halved": 0.5,
}  # fmt: skip
# Vague plurals: an interval, never an exact figure.
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 999999.0),
    "millions": (2e6, 999999999.0),
    "billions": (2e9, 999999999999.0),
}

_WORD_RE = regex.compile(r"[a-z]+", regex.IGNORECASE)
# Thousands are grouped by commas or, in European and agency copy, by a no-break or thin space.
_DIGITS_RE = regex.compile(
    r"(?P<int>[0-9]{1,3}(?:[,\u00a0\u202f\u2009][0-9]{3})++|[0-9]++)(?:\.(?P<frac>[0-9]++))?"
)
_GROUPING = regex.compile(r"[,\u00a0\u202f\u2009]")


# A figure of more digits than this is an identifier or garbage, and no float holds it exactly.
MAX_DIGITS = 15


def parse_digits(text: str) -> tuple[float, float]:
    """Value and half-step precision of a digit string such as ``"2,300"`` or ``"2.2"``."""
    m = _DIGITS_RE.fullmatch(text)
    if m is None:
        raise ValueError(f"not a number: {text!r}")
    whole = _GROUPING.sub("", m.group("int"))
    if len(whole) > MAX_DIGITS:
        raise ValueError(f"too many digits to be a figure: {len(whole)}")
    frac = m.group("frac") or ""
    value = float(f"{whole}.{frac}") if frac else float(whole)
    # A whole number is stated to the unit: "2,300" is 2,300 +- 0.5, whatever its zeros say.
    step = 10.0 ** -len(frac) if frac else 1.0
    return value, step / 2


def parse_words(text: str) -> float | None:
    """Value of a cardinal in words: "two hundred and twenty-four", "a dozen", "ten"."""
    words = [w.lower() for w in _WORD_RE.findall(text)]
    words = [w for w in words if w != "and"]
    if not words:
        return None
    if words == ["a"]:
        return None
    total = 0.0
    current = 0.0
    seen = False
    if words[:2] in (["half", "a"], ["half", "an"]):
        current, words, seen = 0.5, words[2:], True  # "half a million"
    for i, word in enumerate(words):
        if word == "a":
            if i + 1 < len(words) and words[i + 1] == "half":
                current += 0.5  # "three and a half million"
                continue
            if i == 0:
                current = 1.0
                continue
            return None
        if word == "half":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


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

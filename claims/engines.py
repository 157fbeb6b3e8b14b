r"""One pattern, two engines: the standard library's ``re`` runs many of our short, anchored
searches two to four times faster than ``regex`` does, and means the same on plain text: ASCII
and the punctuation news writes (curly quotes, dashes, no-break spaces, currency signs), where
the two read ``\w``, ``\s``, ``\d`` and case alike (they differ on the separators \x1c-\x1f,
on combining marks, on "½" and on the letters that fold to ASCII ones, such as "ſ" and "K").
A ``Twin`` runs ``re`` on plain text and ``regex`` on any other."""

from __future__ import annotations

import re
import sys

import regex

# ``regex`` releases the GIL around every match unless told not to, and on our short matches that
# costs a fifth of the match (about 1,200 of 5,000 instructions). Every call of a ``regex``
# pattern in ``claims`` passes this for ``concurrent``, by position: as a keyword it costs more
# than the release saves (``pattern.match(text, pos, endpos, KEEP_GIL)``).
KEEP_GIL = False

# Beyond ASCII, only characters both engines read alike (no word, digit or case; a space).
# (The standard library's engine scans for one of a class of characters four times faster.)
_NOT_PLAIN = re.compile("[^\t\n\v\f\r\x20-\x7e’‘“”—–…€£¥¢°•«»§©®™×\u00a0\u2009\u202f]")
_FLAGS = ((regex.IGNORECASE, re.IGNORECASE), (regex.MULTILINE, re.MULTILINE))


def plain(text: str) -> bool:
    """Text on which ``re`` and ``regex`` read every pattern of ours alike."""
    if text.isascii():
        # the separators \x1c-\x1f, each looked for apart (four times faster than a loop)
        return not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)
    return _NOT_PLAIN.search(text) is None


class Twin:
    """A ``regex`` pattern and its ``re`` twin, the one chosen by the text it is given."""

    __slots__ = ("fast", "full", "pattern")

    def __init__(self, full: regex.Pattern[str], fast: re.Pattern[str] | None = None) -> None:
        """``fast``: a pattern of ``re`` that reads plain text as ``full`` does, when ``full``
        itself is no pattern of ``re`` (``\\p{L}`` is ``[A-Za-z]`` on plain text)."""
        self.full = full
        self.pattern = full.pattern
        if fast is not None:
            self.fast: re.Pattern[str] | regex.Pattern[str] = fast
            return
        flags = 0
        for theirs, ours in _FLAGS:
            if full.flags & theirs:
                flags |= ours
        try:
            self.fast = re.compile(full.pattern, flags)
        except re.error:  # a construct of ``regex`` only: it runs everywhere
            self.fast = full

    def _for(self, text: str) -> re.Pattern[str] | regex.Pattern[str]:
        return self.fast if plain(text) else self.full

    def search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | regex.Match[str] | None:
        return self._for(text).search(text, pos, endpos)

    def match(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | regex.Match[str] | None:
        return self._for(text).match(text, pos, endpos)

    def findall(self, text: str) -> list[str]:
        return self._for(text).findall(text)


def fold(text: str) -> str:
    """``text`` with every letter a case-blind pattern reads as an ASCII letter folded to it
    ("K", the kelvin sign, to "k", "ſ" to "s", "İ" to "i"), for substring tests."""
    folded = text.casefold()
    return folded.replace("\u0307", "") if "\u0307" in folded else folded  # "İ": "i" and a dot


class Gated:
    """A pattern searched only in text that holds one of ``words`` in any case: every match of
    the pattern holds one, so a text with none has no match, and most texts are told so by a
    few substring tests instead of a search from every character."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: regex.Pattern[str], words: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.words = words

    def search(self, text: str) -> regex.Match[str] | None:
        folded = fold(text)
        for word in self.words:
            if word in folded:
                return self.pattern.search(text, 0, None, KEEP_GIL)
        return None


def twin(pattern: str, flags: int = 0) -> Twin:
    return Twin(regex.compile(pattern, flags))

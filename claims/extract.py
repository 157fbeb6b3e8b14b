"""Find every numeric claim in a text: scan for figures, read each, then its frame."""

from __future__ import annotations

import bisect

import regex

from claims.context import Sentences
from claims.engines import KEEP_GIL
from claims.figure import _figures, in_document_currency
from claims.frame import _claim, _frame, _link_restatements, _topic, _window, _with_co_stated
from claims.model import Claim
from claims.scan import digit_runs, noise_spans


class _Lines:
    def __init__(self, text: str) -> None:
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


# A long text is read in parts of about this many characters, cut at paragraph breaks, so the
# working structures (sentences, lines, candidate matches) stay bounded whatever its size.
_PART = 1 << 20


def extract(text: str, source: str = "") -> list[Claim]:
    """Every numeric claim in ``text``, in order of position."""
    topic = _topic(text)
    claims: list[Claim] = []
    lo, line_base = 0, 0
    while lo < len(text):
        hi = _part_end(text, lo)
        claims.extend(_extract_part(text[lo:hi], source, lo, line_base, topic))
        line_base += text.count("\n", lo, hi)
        lo = hi
    return claims


def _part_end(text: str, lo: int) -> int:
    if len(text) - lo <= _PART:
        return len(text)
    limit = lo + _PART
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, lo + _PART // 2, limit)
        if cut > lo:
            return cut + len(separator)
    # No line or space to cut at: any other blank, then a character no figure is made of
    # (a cut inside "1 111 111" would leave a "111" to read).
    tail = text[lo + _PART // 2 : limit]
    for space in (
        _ANY_SPACE.search(tail[::-1], 0, None, KEEP_GIL),
        _NO_FIGURE.search(tail[::-1], 0, None, KEEP_GIL),
    ):
        if space:
            return limit - space.start()
    return limit


_ANY_SPACE = regex.compile(r"\s")
_NO_FIGURE = regex.compile(r"[^\w,.\u00a0\u202f\u2009]")


def _extract_part(
    text: str, source: str, base: int, line_base: int, topic: tuple[str, ...]
) -> list[Claim]:
    """The claims of one part of a text; positions are shifted by ``base`` and ``line_base``."""
    runs = digit_runs(text)
    figures = in_document_currency(list(_figures(text, noise_spans(text, runs), runs)))
    if not figures:
        return []
    sentences = Sentences.of(text)
    lines = _Lines(text)
    frames: dict[tuple[int, int], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    names_of: dict[tuple[int, int], list[str]] = {}
    claims: list[Claim] = []
    for fig in figures:
        i = sentences.index(fig.start)
        window = _window(text, sentences, i, fig.start)
        if window not in frames:
            frames[window] = _frame(text, sentences, window, names_of, topic)
        sentence, names, terms = frames[window]
        line, column = lines.position(fig.start)
        claims.append(
            _claim(
                text, fig, source, sentence, terms, line + line_base, column, topic, base,
                names=names, sentence_cut=window[1] >= 0,
            )
        )  # fmt: skip
    return _with_co_stated(_link_restatements(text, claims, base))

"""Report writers, one module per format; shared pieces of their wording live here."""

from __future__ import annotations

import functools

import regex

from claims import Claim

ELLIPSIS = "…"
# Masking Markdown leaves spaces where markup stood ("dead** , officials" reads "dead ,");
# a report shows the sentence as a reader would write it.
_SPACE_BEFORE = regex.compile(r"\s++(?=[,.;:!?)\]}])")
_SPACE_AFTER = regex.compile(r"(?<=[(\[{])\s++")
_SPACES = regex.compile(r"\s++")


@functools.lru_cache(maxsize=4096)  # a sentence's figures share it: tidy it once
def tidy(sentence: str) -> str:
    """A sentence on one line, without the spaces masking left before punctuation."""
    return _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", _SPACES.sub(" ", sentence))).strip()


def sentence_window(claim: Claim, width: int) -> tuple[str, int, int]:
    """The claim's sentence (tidied) cut to ``width`` characters either side of the figure, an
    ellipsis marking each cut; with the figure's start and end in it (-1, -1 if not found)."""
    sentence = tidy(claim.sentence)
    figure = " ".join(claim.text.split())
    at = sentence.find(figure)
    if at < 0:
        return (
            (sentence if len(sentence) <= 2 * width else sentence[: 2 * width] + ELLIPSIS),
            -1,
            -1,
        )
    lo = max(0, at - width)
    hi = min(len(sentence), at + len(figure) + width)
    head = ELLIPSIS if lo else ""
    tail = ELLIPSIS if hi < len(sentence) else ""
    start = len(head) + at - lo
    return f"{head}{sentence[lo:hi]}{tail}", start, start + len(figure)

"""A document's own dates: its dateline and publication stamps date the article, not its facts.

"ORLA, March 3 (Alpha Wire) -" opens a wire story with the day it was filed; a line that holds
nothing but dates and times ("Updated: March 4, 2026 9:15 AM") says when a page was published.
Two outlets filing on different days do not contradict each other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from checker.align import STAMP_WORDS, in_dateline
from claims import Claim

_DATED_KINDS = frozenset({"date", "time", "year"})
_WORD = regex.compile(r"\p{L}++")


def stamped(claims: Sequence[Claim], texts: Mapping[str, str]) -> set[int]:
    """The indexes of the claims that are a dateline's date or a publication stamp; a claim's
    line is read in ``texts`` (its document's prose, by source), where given."""
    return {i for i, c in enumerate(claims) if _stamp(c, texts.get(c.source))}


def _stamp(claim: Claim, text: str | None) -> bool:
    if claim.kind not in _DATED_KINDS:
        return False
    if in_dateline(claim):
        return True
    if text is None or text[claim.start : claim.end] != claim.text:
        return False
    lo = text.rfind("\n", 0, claim.start) + 1
    hi = text.find("\n", claim.end)
    line = text[lo : hi if hi >= 0 else len(text)]
    return all(w.lower() in STAMP_WORDS for w in _WORD.findall(line))

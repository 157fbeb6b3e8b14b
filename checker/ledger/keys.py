"""What the ledger indexes a claim under: the alignment index's blocking key and lemmas.

The one place that names the shared index's keys (`checker.align`, which also serves gate and
check); a ledger indexed under other keys (an older ``INDEX``) is re-indexed from its stored
claims when it is opened.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.align import Frame, block_key, content_lemmas
from claims import Claim

INDEX = "align.block_key+sentence-lemmas/1"

Keys = tuple[tuple[str, str], tuple[str, ...]]


def index_keys(claims: Sequence[Claim], shapes: Sequence[Frame] | None = None) -> list[Keys]:
    """For each claim of one article: its block and the lemmas of its sentence, the terms that
    propose it as a candidate (as `checker.align.Index` does: a frame's ``sentence``).
    ``shapes`` are the claims' frames when they are already read; otherwise only the
    sentences' lemmas are read, once per sentence."""
    if shapes is not None:
        return [
            (block_key(c), tuple(sorted(f.sentence))) for c, f in zip(claims, shapes, strict=True)
        ]
    terms: dict[str, tuple[str, ...]] = {}
    out = []
    for c in claims:
        found = terms.get(c.sentence)
        if found is None:
            found = terms[c.sentence] = tuple(sorted({w for _, _, w in content_lemmas(c.sentence)}))
        out.append((block_key(c), found))
    return out

"""What the ledger indexes a claim under: the alignment index's blocking key and lemmas.

The one place that names the shared index's keys (`checker.align`, which also serves gate and
check); a ledger indexed under other keys (an older ``INDEX``) is re-indexed from its stored
claims when it is opened.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.align import Frame, block_key, content_lemmas, sentence_terms
from claims import Claim

INDEX = "align.block_key+sentence-terms/2"

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
    words: dict[str, list[tuple[int, int, str]]] = {}
    terms: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
    out = []
    for c in claims:
        found = terms.get((c.sentence, c.names))
        if found is None:
            said = words.get(c.sentence)
            if said is None:
                said = words[c.sentence] = content_lemmas(c.sentence)
            found = terms[(c.sentence, c.names)] = tuple(sorted(sentence_terms(c, said)))
        out.append((block_key(c), found))
    return out

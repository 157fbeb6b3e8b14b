"""What the ledger indexes a claim under: the shared matcher's blocking key and frame terms.

The one place that names the matcher's index keys; a ledger indexed under other keys (an older
``INDEX``) is re-indexed from its stored claims when opened for writing.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.match import block_key
from claims import Claim

INDEX = "match.block_key+terms/1"

Keys = tuple[tuple[str, str], tuple[str, ...]]


def index_keys(claims: Sequence[Claim]) -> list[Keys]:
    """For each claim of one article: its block and the terms that propose it as a candidate."""
    return [(block_key(c), tuple(dict.fromkeys(c.terms))) for c in claims]

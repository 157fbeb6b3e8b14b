"""Numeric claims in news text: the data model and the extractor."""

from __future__ import annotations

from claims.extract import extract
from claims.model import KINDS, QUALIFIERS, Claim

__all__ = ["KINDS", "QUALIFIERS", "Claim", "extract"]

"""Figures the gate leaves alone: inline `<!-- claimcheck: ... -->` directives, config ignores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from checker.documents import Document, without_code
from claims import Claim

_DIRECTIVE = regex.compile(
    r"<!--\s*+claimcheck:\s*+(?P<word>ignore|off|on)\s*+-->", regex.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Warning_:
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class Ignore:
    """Figures the gate leaves alone: by measure and by figure text (from the config)."""

    measures: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Suppressed:
    """The claims left to check, how many were ignored, and warnings about directives."""

    kept: tuple[Claim, ...]
    ignored: int
    warnings: tuple[Warning_, ...]


@dataclass
class _Suppressions:
    lines: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> directive position
    passages: list[tuple[int, int, int, int]] = field(default_factory=list)  # start, end, line, col
    used: set[tuple[int, int]] = field(default_factory=set)


def fold(figure: str) -> str:
    """A figure as compared: lower case, runs of white space as one space."""
    return " ".join(figure.lower().split())


def apply(doc: Document, claims: Sequence[Claim], ignore: Ignore | None = None) -> Suppressed:
    """Split a draft's claims into those to check and those its directives or config ignore."""
    ignore = ignore or Ignore()
    figures = frozenset(fold(f) for f in ignore.figures)
    sup, warnings = _suppressions(doc, claims)
    kept = []
    ignored = 0
    for claim in claims:
        # Inline suppressions first, so one that the config also covers still counts as used.
        if (
            _suppressed(claim, sup)
            or claim.measure in ignore.measures
            or fold(claim.text) in figures
            or fold(_bare(claim.text)) in figures
        ):
            ignored += 1
            continue
        kept.append(claim)
    ignores = set(sup.lines.values())
    for line, col in sorted({*ignores, *((p[2], p[3]) for p in sup.passages)} - sup.used):
        message = (
            "claimcheck: ignore suppresses no figure (it covers the figures of its own line, "
            "or of the next line when it stands alone on a line)"
            if (line, col) in ignores
            else "claimcheck suppression suppresses no figure"
        )
        warnings.append(Warning_(line, col, message))
    return Suppressed(
        tuple(kept), ignored, tuple(sorted(warnings, key=lambda w: (w.line, w.column)))
    )


def _suppressions(doc: Document, claims: Sequence[Claim]) -> tuple[_Suppressions, list[Warning_]]:
    """Read ``<!-- claimcheck: ignore|off|on -->`` directives from the original text.

    As Vale and ruff do it: ``ignore`` covers the figures of its own line, or of the next line
    when it stands alone on a line; ``off`` ... ``on`` a passage.
    """
    sup = _Suppressions()
    warnings: list[Warning_] = []
    off_at: tuple[int, int, int] | None = None
    # Directives shown inside Markdown code are examples, not directives.
    for m in _DIRECTIVE.finditer(without_code(doc.text, Path(doc.path).suffix.lower())):
        line = doc.text.count("\n", 0, m.start()) + 1
        col = m.start() - (doc.text.rfind("\n", 0, m.start()) + 1) + 1
        word = m.group("word").lower()
        if word == "ignore":
            # Alone on its line, a directive covers the next line; else the line it is on.
            line_start = doc.text.rfind("\n", 0, m.start()) + 1
            line_end = doc.text.find("\n", m.end())
            rest = _DIRECTIVE.sub(
                "", doc.text[line_start : len(doc.text) if line_end < 0 else line_end]
            )
            target = line + 1 if not rest.strip() else line
            sup.lines.setdefault(target, (line, col))
        elif word == "off":
            if off_at is None:
                off_at = (m.end(), line, col)
        elif off_at is not None:
            sup.passages.append((off_at[0], m.start(), off_at[1], off_at[2]))
            off_at = None
        else:
            warnings.append(
                Warning_(line, col, "claimcheck: on without a claimcheck: off before it")
            )
    if off_at is not None:
        sup.passages.append((off_at[0], len(doc.text), off_at[1], off_at[2]))
    return sup, warnings


_FIGURE_CORE = regex.compile(r"[0-9$€£¥₹₽].*+|[A-Za-z]+(?:\s++[A-Za-z]+)*+$")


def _bare(figure: str) -> str:
    """The figure without its hedge: "at least 119" -> "119", so an ignore of 119 covers it."""
    m = _FIGURE_CORE.search(figure)
    return m.group() if m else figure


def _suppressed(claim: Claim, sup: _Suppressions) -> bool:
    if claim.line in sup.lines:
        sup.used.add(sup.lines[claim.line])
        return True
    for start, end, line, col in sup.passages:
        if start <= claim.start < end:
            sup.used.add((line, col))
            return True
    return False

"""A web page's main text, masked in place, and its metadata (title, author, outlet, date).

trafilatura decides which blocks of the page are the article; every other block (navigation,
teasers, ads, comments, footer) is blanked like markup, so the prose keeps the page's length
and line breaks and every claim's offsets, lines and columns still index the file as given.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import regex

from checker.documents import _blank, _opaque, html_prose

# Tags that end one block of text and start another; inline tags (a, b, span...) do not.
_BLOCK_TAG = regex.compile(
    r"</?(?i:p|div|li|ul|ol|dl|dt|dd|h[1-6]|table|caption|thead|tbody|tfoot|tr|td|th|blockquote"
    r"|figure|figcaption|section|article|aside|nav|header|footer|main|form|fieldset|legend|br|hr"
    r"|address|details|summary|body|html|option|select|button|label|iframe|noscript|picture"
    r"|video|audio|menu|dialog)\b[^<>]{0,5000}+>"
)
_ANY_TAG = regex.compile(r"<[A-Za-z/!?][^<>]{0,5000}+>")
# What two views of one passage may differ in: spacing, soft hyphens and zero-width characters.
_INVISIBLE = regex.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff|]++")
# The last character of a block that needs a stop after it: a letter, a digit or a closer.
_UNSTOPPED = regex.compile(r"[\p{L}\p{N}\"'”’)\]%]")
_CELL_TAG = regex.compile(r"(?i)</?t[dh]\b")
# How far past the last kept block a block of the article may start in the main text: room for
# text the two views split differently, never enough to reach a later paragraph.
_SLACK = 200
# A block equal to a whole line of the main text may resynchronise the alignment from there.
_ANCHOR_MIN = 8
# Pages larger than this, or of more blocks, are read whole: trafilatura takes about a second
# per 8,000 blocks, and news pages stay far below both.
MAX_MAIN_TEXT = 4 * 1024 * 1024
MAX_BLOCKS = 20_000


@dataclass(frozen=True, slots=True)
class Page:
    """The prose view of an HTML page and the metadata its markup states."""

    prose: str
    main_text: bool  # True when only the article's blocks were kept
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def read_page(text: str, url: str | None = None) -> Page:
    """The page's article blocks as prose (the whole page when no article is found).

    The URL a page came from names its outlet when the page's metadata does not.
    """
    whole = html_prose(text)
    blocks = _blocks(text) if len(text) <= MAX_MAIN_TEXT else []
    found = _article(text, url) if 0 < len(blocks) <= MAX_BLOCKS else None
    if found is None:
        return Page(whole, False)
    main, meta = found
    keep = _aligned_blocks(blocks, text, whole, main, meta.get("title"))
    if not keep:
        return Page(whole, False, **meta)
    prose = _blank(whole, _gaps(keep, len(text)))
    return Page(_end_sentences(text, prose, keep), True, **meta)


def _end_sentences(text: str, prose: str, keep: list[tuple[int, int]]) -> str:
    """A kept block that ends with no stop (a headline, a caption, a cell) gets one where its
    closing tag was, so it is not read as the start of the next block's sentence."""
    chars = list(prose)
    for _, end in keep:
        before = prose[:end].rstrip()
        if (
            end < len(text)
            and text[end] == "<"
            and before
            and _UNSTOPPED.match(before[-1])
            and not _CELL_TAG.match(text, end)  # a table row reads as one sentence
        ):
            chars[end] = "."
    return "".join(chars)


def _article(text: str, url: str | None) -> tuple[str, dict[str, str | None]] | None:
    """trafilatura's main text of the page and its metadata, or None when it finds none."""
    import trafilatura  # imported lazily: start-up time matters

    _quiet()
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    try:
        doc: Any = trafilatura.bare_extraction(
            text,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            # Only dates the page states in its markup: no guess from the copyright line.
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": today,
            },
        )
    except (ValueError, TypeError, RecursionError):  # a page lxml cannot build a tree of
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    meta = {
        "title": _clean(doc.title),
        "author": _clean(doc.author),
        "outlet": _clean(doc.sitename),
        "published": _clean(doc.date),
    }
    return doc.text, meta


def _quiet() -> None:
    # trafilatura logs a warning for every page it finds no article in; the whole page is read
    # then, which is no news to the user.
    for name in ("trafilatura", "htmldate", "courlan"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _norm(text: str) -> str:
    return _INVISIBLE.sub("", text).casefold()


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the page between block-level tags, outside comments, scripts and the head."""
    masked = _blank(text, _opaque(text))
    spans = []
    pos = 0
    for m in _BLOCK_TAG.finditer(masked):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of text between any two tags inside a block."""
    pos = start
    for m in _ANY_TAG.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


@dataclass
class _Aligner:
    """Walks the page's blocks in order along the main text, keeping those found in it."""

    main: str  # normalised main text, lines joined
    line_starts: dict[str, list[int]]
    pointer: int = 0

    def find(self, key: str) -> bool:
        """Whether the key is the next stretch of the main text; moves past it when it is."""
        starts = self.line_starts.get(key) if len(key) >= _ANCHOR_MIN else None
        if starts:
            # A whole line may come after text no block matched, so it may jump ahead.
            i = bisect.bisect_left(starts, self.pointer - _SLACK)
            if i < len(starts):
                self.pointer = starts[i] + len(key)
                return True
        at = self.main.find(key, self.pointer, self.pointer + _SLACK + len(key))
        if at < 0:
            return False
        self.pointer = at + len(key)
        return True


def _aligned_blocks(
    blocks: list[tuple[int, int]], text: str, prose: str, main_text: str, title: str | None
) -> list[tuple[int, int]]:
    """The spans of the page whose prose is, in order, the main text (and the headline)."""
    lines = [_norm(line) for line in main_text.splitlines()]
    line_starts: dict[str, list[int]] = {}
    offset = 0
    for line in lines:
        if line:
            line_starts.setdefault(line, []).append(offset)
        offset += len(line)
    aligner = _Aligner("".join(lines), line_starts)
    headline = _norm(title) if title else None
    keep: list[tuple[int, int]] = []
    for start, end in blocks:
        key = _norm(prose[start:end])
        if not key:
            continue
        if key == headline:
            # trafilatura leaves the headline out of the body; the page's first block that
            # reads as its title is the headline.
            keep.append((start, end))
            headline = None
        elif aligner.find(key):
            keep.append((start, end))
        else:
            # The block may hold furniture inline (a "read more" link): keep the runs of it
            # that are the main text.
            runs = _runs(text, start, end)
            keep.extend((a, b) for a, b in runs if (k := _norm(prose[a:b])) and aligner.find(k))
    return keep


def _gaps(keep: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The spans between kept spans: what is blanked."""
    gaps = []
    pos = 0
    for start, end in sorted(keep):
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        gaps.append((pos, length))
    return gaps

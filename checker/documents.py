"""Input files read as text: encoding detection, and Markdown or HTML masked to prose.

Masking replaces everything that is not prose (code, link targets, front matter, tags) with
spaces, keeping every other character where it was: offsets, lines and columns found in the
masked text are offsets, lines and columns in the original file.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

from checker.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Document:
    """One source text: its id, path, the text as read, and the prose view of it."""

    id: str
    path: str
    text: str
    prose: str
    encoding: str
    fallback: bool = False


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read a file as text, detecting its encoding; raise InputError with a one-line reason."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a folder, expected a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: file is {size // 2**20} MB, over the 512 MB limit")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, expected a file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    text, encoding, fallback = decode(data, str(p))
    return Document(
        id=doc_id or p.name,
        path=str(path),
        text=text,
        prose=prose_of(text, p.suffix.lower()),
        encoding=encoding,
        fallback=fallback,
    )


def decode(data: bytes, name: str) -> tuple[str, str, bool]:
    """Text of a file's bytes, the encoding used, and whether it was a guess (not UTF-8/BOM)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _normalise(data[3:].decode("utf-8", errors="replace")), "utf-8-sig", False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise(data.decode("utf-16")), "utf-16", False
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 despite its byte-order mark") from None
    if b"\x00" in data[:8192] or b"\x00" in data[-8192:]:
        raise InputError(f"{name}: binary data (NUL bytes), not text")
    try:
        return _normalise(data.decode("utf-8")), "utf-8", False
    except UnicodeDecodeError:
        pass
    guessed = _guess_encoding(data)
    if guessed is None:
        raise InputError(f"{name}: not text in any encoding claimcheck can detect")
    return _normalise(data.decode(guessed, errors="replace")), guessed, True


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: start-up time matters

    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        # Any byte string is Windows-1252 text but for five undefined bytes; Latin-1 takes all.
        return "cp1252" if not regex.search(rb"[\x81\x8d\x8f\x90\x9d]", data) else "latin-1"
    encoding = best.encoding
    # Western news text mistaken for a rarer single-byte code page is read as Windows-1252.
    if encoding not in ("utf_8", "utf_16", "utf_32", "ascii") and _cp1252_ok(data):
        return "cp1252"
    return encoding


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _normalise(text: str) -> str:
    # CRLF and lone CR become LF: one character per line end, so offsets count the same way
    # everywhere; positions are reported as lines and columns, which CRLF does not change.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def iter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the text files in folders named (sorted); InputError if none."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f
                for f in p.iterdir()
                if f.suffix.lower() in TEXT_SUFFIXES and f.is_file() and not f.name.startswith(".")
            )
            if not found:
                raise InputError(f"{p}: folder holds no .txt, .md or .html file")
            out.extend(found)
        elif p.exists() or p.is_symlink():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


def read_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Documents for the paths given, with ids made unique where two files share a name."""
    files = iter_paths(paths)
    names = [f.name for f in files]
    docs = []
    for f in files:
        doc_id = f.name if names.count(f.name) == 1 else os.path.normpath(str(f))
        docs.append(read_document(f, doc_id))
    return docs


# ---- prose views -------------------------------------------------------------------------

_FRONT_MATTER = regex.compile(
    r"\A(?:---|\+\+\+)[ \t]*+\n(?:.{0,10000}+\n){0,2000}?(?:---|\+\+\+|\.\.\.)[ \t]*+(?:\n|\Z)"
)
_INLINE_CODE = regex.compile(r"(?<!`)(`{1,3})(?!`)[^\n]{0,2000}?(?<!`)\1(?!`)")
_LINK_TARGET = regex.compile(
    r"\]\([^()\s]{0,2000}+(?:\s+\"[^\"\n]{0,500}+\")?\)|\]\[[^\]\n]{0,200}+\]"
)
_REF_DEFINITION = regex.compile(r"(?m)^[ ]{0,3}\[[^\]\n]{1,200}+\]:[ \t]*+\S[^\n]{0,2000}+$")
_AUTOLINK = regex.compile(r"<(?:https?|mailto|ftp):[^>\s]{1,2000}+>")
_COMMENT = regex.compile(r"<!--.{0,100000}?-->", regex.DOTALL)
_TAG = regex.compile(r"<[A-Za-z/!][^<>]{0,5000}+>")
_SKIP_ELEMENTS = regex.compile(
    r"(?is)<(script|style|code|pre|head|template)\b[^>]{0,5000}+>.{0,5000000}?</\1\s*+>"
)
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace each span with spaces, keeping its line breaks."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def prose_of(text: str, suffix: str) -> str:
    """The text with non-prose parts blanked, for the file kind given by its suffix."""
    if suffix in (".md", ".markdown"):
        return markdown_prose(text)
    if suffix in (".html", ".htm"):
        return html_prose(text)
    return text


def markdown_prose(text: str) -> str:
    from markdown_it import MarkdownIt  # imported lazily: start-up time matters

    spans: list[tuple[int, int]] = []
    fm = _FRONT_MATTER.match(text)
    if fm:
        spans.append((0, fm.end()))
    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    for token in MarkdownIt("commonmark").parse(text[fm.end() :] if fm else text):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            offset_lines = text[: fm.end()].count("\n") if fm else 0
            first, last = token.map[0] + offset_lines, token.map[1] + offset_lines
            spans.append((line_starts[first], line_starts[min(last, len(line_starts) - 1)] - 1))
    masked = _blank(text, spans)
    inline = [
        (m.start(), m.end())
        for pattern in (_INLINE_CODE, _LINK_TARGET, _REF_DEFINITION, _AUTOLINK, _COMMENT)
        for m in pattern.finditer(masked)
    ]
    return _blank(masked, inline)


def html_prose(text: str) -> str:
    spans = [(m.start(), m.end()) for m in _SKIP_ELEMENTS.finditer(text)]
    masked = _blank(text, spans)
    masked = _blank(masked, ((m.start(), m.end()) for m in _COMMENT.finditer(masked)))
    masked = _blank(masked, ((m.start(), m.end()) for m in _TAG.finditer(masked)))
    # An entity becomes its character padded with spaces, so "&nbsp;" reads as a space and
    # "&#36;5" still reads as "$5" at the entity's own offset.
    return _ENTITY.sub(
        lambda m: html.unescape(m.group()).ljust(len(m.group()))[: len(m.group())], masked
    )

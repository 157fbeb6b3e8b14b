"""Input files read as text: encoding detection, and Markdown or HTML masked to prose.

Masking replaces everything that is not prose (code, link targets, front matter, tags) with
spaces, keeping every other character where it was: offsets, lines and columns found in the
masked text are offsets, lines and columns in the original file.
"""

from __future__ import annotations

import fnmatch
import html
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import regex

from checker.errors import InputError
from claims import Claim, extract

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
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
    # Metadata, where the input states it (front matter, HTML meta tags) or the caller gives it:
    # the ledger orders statements by publication time and names their outlet.
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or date-time


def claims_of(doc: Document) -> list[Claim]:
    """The claims of a document, found in its prose, positioned and worded as in its file.

    Where the prose reads a figure through an HTML entity ("&#36;50"), the claim's span is
    widened to the entity so that the file's ``text[start:end]`` is the claim's ``text``.
    """
    found = extract(doc.prose, source=doc.id)
    if doc.prose is doc.text:
        return found
    out = []
    for c in found:
        if doc.text[c.start : c.end] != c.text:
            start = doc.text.rfind("&", max(0, c.start - 12), c.start + 1)
            start = start if start >= 0 else c.start
            c = replace(
                c, start=start, column=c.column - (c.start - start), text=doc.text[start : c.end]
            )
        out.append(c)
    return out


def read_document(
    path: str | Path, doc_id: str | None = None, stdin_name: str | None = None
) -> Document:
    """Read a file as text, detecting its encoding; raise InputError with a one-line reason.

    ``-`` reads standard input, which goes by ``stdin_name`` when given (its suffix says
    whether it is Markdown or HTML, as a file's would).
    """
    p = Path(path)
    if str(p) == STDIN:
        text, encoding, fallback = decode(_read_bytes(p), "standard input")
        named = Path(stdin_name) if stdin_name else None
        return document_of(
            text,
            doc_id or (named.name if named else "stdin"),
            stdin_name or STDIN,
            named.suffix.lower() if named else "",
            encoding,
            fallback,
        )
    refuse_url(str(path))
    text, encoding, fallback = decode(_read_bytes(p), str(p))
    return document_of(text, doc_id or p.name, str(path), p.suffix.lower(), encoding, fallback)


def document_of(
    text: str, doc_id: str, path: str, suffix: str, encoding: str = "utf-8", fallback: bool = False
) -> Document:
    """A document for a text already read; a web page is read down to its main text."""
    if suffix in HTML_SUFFIXES:
        from checker.webpage import read_page  # imported lazily: start-up time matters

        page = read_page(text, url=path if path.startswith(("http://", "https://")) else None)
        return Document(
            doc_id,
            path,
            text,
            page.prose,
            encoding,
            fallback,
            title=page.title,
            author=page.author,
            outlet=page.outlet,
            published=page.published,
        )
    return Document(doc_id, path, text, prose_of(text, suffix), encoding, fallback)


STDIN = "-"


def _read_bytes(p: Path) -> bytes:
    if str(p) == STDIN:  # "-": standard input, read up to the same limit as a file
        try:
            data = _read_limited(sys.stdin.buffer)
        except (OSError, ValueError, AttributeError) as exc:  # closed, or not readable
            raise InputError(f"standard input cannot be read ({exc})") from None
        if len(data) > MAX_BYTES:
            raise InputError(f"standard input is over the {MAX_BYTES // 2**20} MB limit")
        return data
    try:
        mode = p.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{p}: is a folder, expected a file")
        # A pipe (`<(curl ...)`) is read up to the limit; a device such as /dev/zero never ends.
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputError(f"{p}: not a regular file (a device or socket)")
        with p.open("rb") as f:
            data = _read_limited(f)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, expected a file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # a NUL character in the path
        raise InputError(f"{str(p)!r}: not a valid path ({exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{p}: file is over the {MAX_BYTES // 2**20} MB limit")
    return data


def _read_limited(stream: BinaryIO) -> bytes:
    """Up to one byte past the limit, a megabyte at a time: ``read(MAX_BYTES + 1)`` would
    reserve 512 MB of address space for a file of a few bytes."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_BYTES:
        chunk = stream.read(min(1 << 20, MAX_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, name: str) -> tuple[str, str, bool]:
    """Text of a file's bytes, the encoding used, and whether it was a guess (not UTF-8/BOM)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data, encoding, name)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(f"{name}: binary data (NUL bytes), not text")
        return _checked(_normalise(data.decode(utf16)), name), utf16, True
    try:
        return _normalise(data.decode("utf-8")), "utf-8", False
    except UnicodeDecodeError:
        pass
    guessed = _guess_encoding(data)
    if guessed is None:
        raise InputError(f"{name}: not text in any encoding claimcheck can detect")
    return _checked(_normalise(data.decode(guessed, errors="replace")), name), guessed, True


def _decode_marked(data: bytes, encoding: str, name: str) -> tuple[str, str, bool]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8-sig":
            label = encoding.upper().replace("UTF", "UTF-").replace("--", "-")
            raise InputError(f"{name}: not valid {label} despite its byte-order mark") from None
        # A stray byte in a marked UTF-8 file: read the rest, and say so through the note.
        text = data.decode(encoding, errors="replace")
        return _checked(_normalise(text), name), "utf-8 with invalid bytes replaced", True
    return _checked(_normalise(text), name), encoding, False


def _checked(text: str, name: str) -> str:
    if "\x00" in text:
        raise InputError(f"{name}: binary data (NUL characters), not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte of a text is NUL, as in UTF-16 without a BOM."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # Latin text: the high byte of nearly every character is zero, the low byte never.
        if b"\x00" not in other and zeros.count(0) >= 0.9 * len(zeros):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


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


_LONE_CR = regex.compile(r"\r(?!\n)")


def _normalise(text: str) -> str:
    # A lone CR (old Mac line ends) becomes LF, one character for one, so offsets still index
    # the file as read; CRLF stays as it is and counts as one line end.
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return text


# A URL of a scheme that is not read (ftp://, file://): named as given, never mangled into a path.
_URL = regex.compile(r"\A[A-Za-z][A-Za-z0-9+.-]{0,30}+://")
# The opening of a report claimcheck writes (Markdown, plain text, GitHub annotations, JSON,
# SARIF, JUnit), so one written into a sources folder is never read back as a source.
_REPORT_HEAD = regex.compile(
    r"\A(?:\ufeff)?(?:"
    r"(?:# )?claimcheck (?:gate|check|extract|statistics|[0-9])"
    r"|::(?:error|warning|notice)\b[^\n]{0,2000}?claimcheck"
    r"|\{\s*+\"(?:schema|\$schema|version)\"\s*+:[^\n]{0,200}?(?:claimcheck|sarif|2\.1\.0)"
    r"|<\?xml[^\n]{0,200}?\n<testsuites name=\"claimcheck\""
    r"|<!DOCTYPE html>(?s:.){0,400}?<title>claimcheck (?:gate|check)\b"
    r")"
)
_HEAD_BYTES = 512


def refuse_url(raw: str) -> None:
    """Only http(s) URLs are read: say so in one line, with the URL as it was given."""
    if _URL.match(raw):
        raise InputError(
            f"{raw}: only http and https URLs are read; save the page and give its file instead"
        )


def is_report(path: Path) -> bool:
    """Whether a file begins as a report claimcheck wrote."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD_BYTES)
    except OSError:
        return False
    return _REPORT_HEAD.match(head.decode("utf-8", "replace")) is not None


def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    """ruff's way: a pattern matches the path below the folder given, or any one part of it."""
    parts = rel.split("/")
    return any(
        fnmatch.fnmatchcase(rel, pat) or any(fnmatch.fnmatchcase(part, pat) for part in parts)
        for pat in patterns
    )


def _walk(folder: Path, exclude: Sequence[str], skip: set[str]) -> Iterator[Path]:
    """The text files under a folder, at any depth, in sorted order; hidden ones left out."""

    def fail(exc: OSError) -> None:
        where = exc.filename or folder
        if isinstance(exc, PermissionError):
            raise InputError(f"{where}: permission denied")
        raise InputError(f"{where}: cannot be read ({exc.strerror or exc})")

    for top, dirs, files in os.walk(folder, onerror=fail):
        rel_top = os.path.relpath(top, folder)
        rel_top = "" if rel_top == "." else rel_top.replace(os.sep, "/") + "/"
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _excluded(rel_top + d, exclude)
        )
        for name in sorted(files):
            f = Path(top, name)
            if (
                name.startswith(".")
                or f.suffix.lower() not in TEXT_SUFFIXES
                or _excluded(rel_top + name, exclude)
                or os.path.realpath(f) in skip
                or not f.is_file()
            ):
                continue
            yield f


def iter_paths(
    paths: Iterable[str | Path],
    exclude: Sequence[str] = (),
    skip: Iterable[str] = (),
    on_skip: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Files named, and the text files in folders named (at any depth, sorted), each once.

    Folders leave out hidden files, files matching an ``exclude`` glob, the paths in ``skip``
    (the report being written) and claimcheck's own reports (``on_skip`` hears of each);
    a file named on its own is always read. InputError when a folder holds no text file.
    """
    skipped = {os.path.realpath(s) for s in skip}
    out: list[Path] = []
    for raw in paths:
        if str(raw) == "":
            raise InputError("'': an empty path names no file")
        if str(raw) == STDIN:
            out.append(Path(STDIN))
            continue
        refuse_url(str(raw))
        p = Path(raw)
        try:
            if p.is_dir():
                found = []
                for f in _walk(p, exclude, skipped):
                    if is_report(f):
                        if on_skip is not None:
                            on_skip(f)
                        continue
                    found.append(f)
                if not found:
                    raise InputError(
                        f"{p}: folder holds no .txt, .md or .html file (nor do its subfolders)"
                    )
                out.extend(found)
            elif p.exists() or p.is_symlink():
                out.append(p)
            else:
                raise InputError(f"{p}: no such file or folder")
        except PermissionError:
            raise InputError(f"{p}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    # A file named twice (`check wire/ wire/a.txt`) is one source, not two that agree.
    seen: set[str] = set()
    unique = []
    for f in out:
        if (key := os.path.realpath(f)) not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def read_documents(
    paths: Iterable[str | Path],
    exclude: Sequence[str] = (),
    skip: Iterable[str] = (),
    on_skip: Callable[[Path], None] | None = None,
    stdin_name: str | None = None,
    cache: str | Path | None = None,
    on_read: Callable[[int, int], None] | None = None,
) -> list[Document]:
    """Documents for the paths given, with ids made unique where two files share a name.

    A path may be an http(s) URL: the page is fetched (kept in and read from ``cache`` when a
    folder is given) and read after the files. ``on_read(done, total)`` hears of each one read.
    """
    from checker.fetch import is_url, read_url

    given = list(paths)
    urls = list(dict.fromkeys(p for p in given if is_url(p)))
    files = (
        iter_paths([p for p in given if not is_url(p)], exclude, skip, on_skip)
        if len(urls) < len(given)
        else []
    )
    names = Counter(f.name for f in files)
    docs = []
    total = len(files) + len(urls)
    for f in files:
        doc_id = f.name if names[f.name] == 1 else os.path.normpath(str(f))
        if str(f) == STDIN:
            docs.append(read_document(f, None, stdin_name))
        else:
            docs.append(read_document(f, doc_id))
        if on_read is not None:
            on_read(len(docs), total)
    for url in urls:
        docs.append(read_url(str(url), cache=cache))
        if on_read is not None:
            on_read(len(docs), total)
    return docs


# ---- prose views -------------------------------------------------------------------------
# Every pattern is linear: possessive or bounded repeats, and closing delimiters searched for
# once from where the last one ended, so no input makes masking slower than reading it.

_FRONT_MATTER = regex.compile(
    r"\A(?:(?P<yaml>---)|\+\+\+)[ \t\r]*+\n"
    # A thematic break followed by a blank line is not front matter.
    r"(?:(?![ \t\r]*+\n)(?:[^\n]*+\n){1,2000}?)??"
    r"(?(yaml)(?:---|\.\.\.)|\+\+\+)[ \t\r]*+(?:\n|\Z)"
)
_INLINE_CODE = regex.compile(r"(?<!`)(`{1,3})(?!`)[^\n]{0,2000}?(?<!`)\1(?!`)")
_LINK_TARGET = regex.compile(
    r"\]\((?:<[^<>\n]{0,2000}+>|(?:[^()\s]|\([^()\s]{0,500}+\)){0,2000}+)"
    r"(?:\s++(?:\"[^\"\n]{0,500}+\"|'[^'\n]{0,500}+'|\([^()\n]{0,500}+\)))?+[ \t]*+\)"
    r"|\]\[[^\]\n]{0,200}+\]"
)
# Footnotes ("[^1]: text") are prose, so they are not reference definitions.
_REF_DEFINITION = regex.compile(r"(?m)^[ ]{0,3}\[(?!\^)[^\]\n]{1,200}+\]:[ \t]*+\S[^\n]*+$")
# "[^1]" marks a footnote; its number is not a figure.
_FOOTNOTE_LABEL = regex.compile(r"\[\^[^\]\s]{1,100}+\]:?+")
_AUTOLINK = regex.compile(r"<(?:https?|mailto|ftp):[^<>\s]{1,2000}+>")
_INLINE_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,64}+(?:\s[^<>]{0,5000}+)?+>")
# Emphasis runs: "**at least 129**" and "_352_" read as "  at least 129  " and " 352 ".
_EMPHASIS = regex.compile(r"(?<![\w*\\])[*_]{1,3}+(?=[^\s*_])|(?<=[^\s*_\\])[*_]{1,3}+(?![\w*])")
_TAG = regex.compile(r"<[A-Za-z/!?][^<>]{0,5000}+>")
_OPAQUE_START = regex.compile(
    r"<!--|(?i:<(?P<name>script|style|textarea|code|pre|head|template)\b[^<>]{0,5000}+>)"
)
_OPAQUE_END = {
    name: regex.compile(rf"(?i)</{name}\s*+>")
    for name in ("script", "style", "textarea", "code", "pre", "head", "template")
}
# Browsers read an unclosed <script> or <style> to the end of the file; the others close early.
_RAW_TO_END = frozenset({"script", "style", "textarea"})
_NEWLINE = regex.compile(r"\n")
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace each span with spaces, keeping its line breaks; spans may overlap."""
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(text[pos:start])
        pieces.append("\n".join(" " * len(part) for part in text[start:end].split("\n")))
        pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def _spans(pattern: regex.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    return ((m.start(), m.end()) for m in pattern.finditer(text))


def _inline_comments(text: str) -> Iterator[tuple[int, int]]:
    """HTML comments inside Markdown paragraphs; an unclosed "<!--" there is only text."""
    start = text.find("<!--")
    while start >= 0:
        close = text.find("-->", start + 2)
        if close < 0:
            return
        yield start, close + 3
        start = text.find("<!--", close + 3)


def _opaque(text: str) -> Iterator[tuple[int, int]]:
    """Comments and elements whose content is not prose (script, style, code, head...)."""
    pos = 0
    unclosed: set[str] = set()  # no closing tag after some point, so none after any later one
    while (m := _OPAQUE_START.search(text, pos)) is not None:
        name = m.group("name")
        if name is None:
            close = text.find("-->", m.start() + 2)
            end = len(text) if close < 0 else close + 3
        else:
            name = name.lower()
            c = None if name in unclosed else _OPAQUE_END[name].search(text, m.end())
            if c is not None:
                end = c.end()
            elif name in _RAW_TO_END:
                end = len(text)
            else:
                unclosed.add(name)
                end = m.end()
        yield m.start(), end
        pos = end


def prose_of(text: str, suffix: str) -> str:
    """The text with non-prose parts blanked, for the file kind given by its suffix."""
    if suffix in (".md", ".markdown"):
        return markdown_prose(text)
    if suffix in HTML_SUFFIXES:
        return html_prose(text)
    return text


@cache
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt  # imported lazily: start-up time matters

    # Only the block structure is needed; inline parsing is what the patterns below do.
    return MarkdownIt("commonmark").disable(["inline", "text_join"])


def _markdown_blocks(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of front matter and code blocks, and spans of HTML blocks, in a Markdown text."""
    fm = _FRONT_MATTER.match(text)
    body = fm.end() if fm else 0
    if body and text[body - 1] != "\n":
        return [(0, body)], []
    line_starts = [body]
    line_starts.extend(m.end() for m in _NEWLINE.finditer(text, body))
    spans: list[tuple[int, int]] = [(0, body)] if body else []
    html_blocks: list[tuple[int, int]] = []
    for token in _markdown_parser().parse(text[body:]):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            start = line_starts[first]
            end = line_starts[last] - 1 if last < len(line_starts) else len(text)
            (html_blocks if token.type == "html_block" else spans).append((start, end))
    return spans, html_blocks


def without_code(text: str, suffix: str) -> str:
    """The text with Markdown code (blocks and inline) and front matter blanked, comments kept:
    where a ``<!-- claimcheck: ... -->`` directive counts."""
    if suffix not in (".md", ".markdown"):
        return text
    spans, _ = _markdown_blocks(text)
    masked = _blank(text, spans)
    return _blank(masked, _spans(_INLINE_CODE, masked))


def markdown_prose(text: str) -> str:
    """Markdown with front matter, code, HTML markup, link targets and emphasis marks blanked."""
    spans, html_blocks = _markdown_blocks(text)
    masked = _blank(text, spans)
    if html_blocks:
        pieces, pos = [], 0
        for start, end in html_blocks:
            pieces += [masked[pos:start], html_prose(masked[start:end])]
            pos = end
        masked = "".join([*pieces, masked[pos:]])
    masked = _blank(masked, _spans(_INLINE_CODE, masked))
    masked = _blank(masked, _inline_comments(masked))
    for pattern in (_AUTOLINK, _LINK_TARGET, _REF_DEFINITION, _FOOTNOTE_LABEL, _INLINE_TAG):
        masked = _blank(masked, _spans(pattern, masked))
    masked = _blank(masked, _spans(_EMPHASIS, masked))
    return _entities_in_place(masked)


def html_prose(text: str) -> str:
    """HTML with tags, comments and script, style, code and head contents blanked."""
    masked = _blank(text, _opaque(text))
    masked = _blank(masked, _spans(_TAG, masked))
    return _entities_in_place(masked)


def _entities_in_place(text: str) -> str:
    result: str = _ENTITY.sub(_entity_in_place, text)
    return result


def _entity_in_place(m: regex.Match[str]) -> str:
    # An entity becomes its character padded with spaces to the entity's length, on the side
    # away from the word it belongs to: "&#36;5" reads "    $5" and "5&#37;" reads "5%    ".
    entity: str = m.group()
    char = html.unescape(entity)
    if len(char) > len(entity) or char.isspace():
        # A line break from "&#10;" would shift every line after it.
        return " " * len(entity)
    following: str = m.string[m.end() : m.end() + 1]
    return char.rjust(len(entity)) if following.isalnum() else char.ljust(len(entity))

"""URLs as inputs: fetched with a timeout, a size cap and few redirects, cached on disk if asked."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from checker.errors import InputError

TIMEOUT = 20.0  # seconds for the whole fetch, connection and every byte of the body
MAX_BYTES = 32 * 1024 * 1024
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_USER_AGENT = "claimcheck (+figures cross-check)"
# Content types read as text, and the suffix that says how (HTML is cut to its main text).
_TEXT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/plain": ".txt",
}


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body: where it came from in the end, and how to read it."""

    url: str
    final_url: str
    content_type: str
    body: bytes
    charset: str | None = None  # as the server declared it


def is_url(value: object) -> bool:
    """Whether an input names an http or https URL rather than a path."""
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


def read_url(url: str, doc_id: str | None = None, cache: str | Path | None = None) -> Any:
    """The document at a URL (from the cache folder when it holds it); InputError if it fails."""
    from checker.documents import document_of

    fetched = _cached(url, cache) if cache else None
    if fetched is None:
        fetched = fetch(url)
        if cache:
            _store(fetched, Path(cache))
    suffix = _suffix(fetched)
    text, encoding, fallback = _decoded(fetched)
    return document_of(text, doc_id or url_id(url), url, suffix, encoding, fallback)


def _decoded(fetched: Fetched) -> tuple[str, str, bool]:
    """The body as text: in the charset the server declared when it reads so, else detected."""
    from checker.documents import decode

    charset = fetched.charset
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            recoded = fetched.body.decode(charset).encode("utf-8")
        except (LookupError, UnicodeError):
            pass  # an unknown or wrong charset: detect as for a file
        else:
            # Through decode all the same: one place checks for NULs and normalises line ends.
            return decode(recoded, fetched.url)[0], charset, False
    return decode(fetched.body, fetched.url)


def url_id(url: str) -> str:
    """A short name for a URL in reports: its host and path."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") or url


def fetch(
    url: str,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """The body of a URL; InputError with a one-line reason when it cannot be had in bounds."""
    import socket
    import urllib.error
    import urllib.request  # imported lazily: start-up time matters

    class _Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = max_redirects

        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> Any:
            if not is_url(newurl):
                fp.close()
                raise InputError(f"{url}: redirected to {newurl}, which is not an http(s) URL")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: page is over the {_size(max_bytes)} limit")
            body = _read_body(response, url, deadline, max_bytes, timeout)
            headers = response.headers
            return Fetched(
                url,
                response.geturl(),
                headers.get_content_type(),
                body,
                headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        exc.close()  # its body is an open connection
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"{url}: more than {max_redirects} redirects") from None
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise InputError(f"{url}: no answer within {timeout:g} s") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise InputError(f"{url}: cannot be fetched ({text})") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:  # a reset connection, a malformed URL or answer
        raise InputError(f"{url}: cannot be fetched ({exc})") from None


def _read_body(response: Any, url: str, deadline: float, max_bytes: int, timeout: float) -> bytes:
    """The body read in chunks, within the deadline (a server dripping bytes is cut off too)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: page is over the {_size(max_bytes)} limit")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: not fetched within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 else f"{n:,} bytes"


def _suffix(fetched: Fetched) -> str:
    """How to read the body: by its content type, else by the URL's ending, else by a sniff."""
    if fetched.content_type in _TEXT_TYPES:
        return _TEXT_TYPES[fetched.content_type]
    path = urlsplit(fetched.final_url).path.lower()
    for suffix in (".html", ".htm", ".md", ".markdown", ".txt"):
        if path.endswith(suffix):
            return suffix
    head = fetched.body[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return ".html"
    if fetched.content_type.startswith("text/"):
        return ".txt"
    raise InputError(f"{fetched.url}: not a text page ({fetched.content_type})")


# ---- cache --------------------------------------------------------------------------------
# One body file and one small JSON file per URL, named by a hash of the URL: a cache folder
# can be shared by runs, and reading it never executes anything.


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def _cached(url: str, cache: str | Path) -> Fetched | None:
    folder = Path(cache)
    try:
        meta = json.loads((folder / f"{_key(url)}.json").read_text(encoding="utf-8"))
        body = (folder / f"{_key(url)}.body").read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("url") != url or meta.get("size") != len(body):
        return None
    charset = meta.get("charset")
    return Fetched(
        url,
        str(meta.get("final_url", url)),
        str(meta.get("content_type", "")),
        body,
        charset if isinstance(charset, str) else None,
    )


def _store(fetched: Fetched, folder: Path) -> None:
    meta = {
        "url": fetched.url,
        "final_url": fetched.final_url,
        "content_type": fetched.content_type,
        "charset": fetched.charset,
        "size": len(fetched.body),
        "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # The body first: a meta file names only a body that is whole.
        _write_atomic(folder / f"{_key(fetched.url)}.body", fetched.body)
        _write_atomic(folder / f"{_key(fetched.url)}.json", json.dumps(meta).encode("utf-8"))
    except OSError as exc:
        raise InputError(f"{folder}: cannot write the cache ({exc.strerror or exc})") from None


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

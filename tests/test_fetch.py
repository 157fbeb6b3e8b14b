"""URLs as inputs, served by a local HTTP server on 127.0.0.1 that each test starts itself."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import FIXTURES

from checker.cli import main
from checker.documents import claims_of, read_documents
from checker.errors import InputError
from checker.fetch import fetch, read_url

PAGE = (FIXTURES / "web" / "harbour-bridge.html").read_bytes()
# A second outlet's page on the same closure: 52,000 vehicles a day where the first says 41,000.
OTHER = """<!DOCTYPE html><html><head><title>Bridge shut</title></head><body>
<nav><a href="/">Top 10 stories</a></nav>
<article><h1>Bridge shut</h1>
<p>The Harbour Bridge in Rivermouth was closed on Thursday after engineers found that 14 of its
96 suspension cables had corroded past safe limits, the city council said.</p>
<p>About 52,000 vehicles cross the bridge on a normal weekday, and queues of more than
5 kilometres built up on the ring road during the morning rush.</p>
<p>Repairs are estimated to cost £18 million, and the council has asked the national roads
agency to pay 75% of the bill.</p></article>
<footer>Printed since 1887</footer></body></html>
""".encode()


KOI8 = "Совет выделил 12 миллионов на ремонт моста.\n"


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}  # noqa: RUF012 (one server per test, reset by the fixture)

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        route = self.path.split("?")[0]
        if route == "/story.html":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif route == "/other":
            self._send(200, OTHER, "text/html")
        elif route == "/notes.txt":
            self._send(200, b"The fund holds 12 million.\n", "text/plain")
        elif route.startswith("/hop/"):
            n = int(route.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", "/story.html" if n == 0 else f"/hop/{n - 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route == "/big":
            self._send(200, b"<p>1</p>" * 4096, "text/html")
        elif route == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE, "text/html")
        elif route == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/story.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route == "/stream":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"<p>1 2 3</p>" * 100)
        elif route == "/drip":  # each byte in time, the whole far too slow
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"<p>1</p>")
                self.wfile.flush()
                time.sleep(0.1)
        elif route == "/koi8":
            self._send(200, KOI8.encode("koi8-r"), "text/plain; charset=koi8-r")
        elif route == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, code: int, body: bytes, content_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the size cap, the timeout) is what those tests do


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.hits = {}
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_a_page_is_fetched_and_read_to_its_main_text(server: str) -> None:
    doc = read_url(f"{server}/story.html")
    assert doc.id == f"{server.split('//')[1]}/story.html"
    assert doc.path == f"{server}/story.html"
    assert doc.title == "Harbour bridge closed after 14 cables fail inspection"
    texts = [c.text for c in claims_of(doc)]
    assert "14" in texts and "£18 million" in texts
    assert "48,000" not in texts  # the newsletter box
    assert all(doc.text[c.start : c.end] == c.text for c in claims_of(doc))


def test_urls_and_files_mix(server: str) -> None:
    docs = read_documents([FIXTURES / "articles" / "paris-toll.txt", f"{server}/notes.txt"])
    assert [d.id for d in docs] == ["paris-toll.txt", f"{server.split('//')[1]}/notes.txt"]
    assert [c.text for c in claims_of(docs[1])] == ["12 million"]


def test_check_reads_urls_from_the_command_line(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", f"{server}/story.html", f"{server}/other", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 1  # 41,000 vehicles a day against 52,000
    assert '"conflict"' in out and "/other" in out


def test_redirects_are_followed_within_the_limit(server: str) -> None:
    assert fetch(f"{server}/hop/2").final_url.endswith("/story.html")
    with pytest.raises(InputError, match="more than 3 redirects"):
        fetch(f"{server}/hop/6", max_redirects=3)


@pytest.mark.parametrize(
    ("route", "kwargs", "message"),
    [
        ("/missing", {}, "HTTP 404"),
        ("/big", {"max_bytes": 1000}, "over the 1,000 bytes limit"),
        ("/slow", {"timeout": 0.3}, "no answer within 0.3 s"),
        ("/stream", {"max_bytes": 10_000}, "over the 10,000 bytes limit"),
        ("/drip", {"timeout": 0.5}, "not fetched within 0.5 s"),
        ("/to-ftp", {}, "redirected to ftp://127.0.0.1/story.html, which is not an http"),
    ],
    ids=["not-found", "too-big", "too-slow", "too-big-unannounced", "dripping", "to-ftp"],
)
def test_a_failed_fetch_is_one_line(server: str, route: str, kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        fetch(f"{server}{route}", **kwargs)
    assert "\n" not in info.value.message


def test_the_cli_exits_2_with_one_line(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", f"{server}/missing"]) == 2
    err = capsys.readouterr().err
    assert err == f"claimcheck: error: {server}/missing: HTTP 404 Not Found\n"
    assert main(["extract", f"{server}/image.png"]) == 2
    assert "not a text page (image/png)" in capsys.readouterr().err


def test_a_closed_port_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on: bound, never listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        assert main(["extract", f"http://127.0.0.1:{port}/x.html"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"claimcheck: error: http://127.0.0.1:{port}/x.html: cannot be fetched")
    assert err.count("\n") == 1


def test_the_cache_serves_a_url_fetched_before(server: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = read_url(f"{server}/story.html", cache=cache)
    second = read_url(f"{server}/story.html", cache=cache)
    assert _Handler.hits["/story.html"] == 1
    assert second.text == first.text and second.title == first.title
    assert len(list(cache.glob("*.body"))) == 1
    # Without the cache, the page is fetched again.
    read_url(f"{server}/story.html")
    assert _Handler.hits["/story.html"] == 2


def test_a_broken_cache_entry_is_fetched_again(server: str, tmp_path: Path) -> None:
    read_url(f"{server}/story.html", cache=tmp_path)
    (body,) = tmp_path.glob("*.body")
    body.write_bytes(b"<p>cut")
    doc = read_url(f"{server}/story.html", cache=tmp_path)
    assert doc.title == "Harbour bridge closed after 14 cables fail inspection"
    assert _Handler.hits["/story.html"] == 2


def test_the_cli_takes_a_cache_folder(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["extract", f"{server}/notes.txt", "--cache", str(tmp_path), "--format", "json"]
    assert main(args) == 0
    assert main(args) == 0
    assert _Handler.hits["/notes.txt"] == 1
    assert capsys.readouterr().out.count('"12 million"') == 2


def test_the_declared_charset_is_used(server: str, tmp_path: Path) -> None:
    doc = read_url(f"{server}/koi8")
    assert (doc.text, doc.encoding, doc.fallback) == (KOI8, "koi8-r", False)
    read_url(f"{server}/koi8", cache=tmp_path)
    assert read_url(f"{server}/koi8", cache=tmp_path).text == KOI8  # also from the cache


def test_a_page_without_a_site_name_is_named_by_its_host(server: str) -> None:
    host = server.split("//")[1]
    assert read_url(f"{server}/other").outlet == host
    # A page that names its site keeps that name.
    assert read_url(f"{server}/story.html").outlet == "Rivermouth Courier"

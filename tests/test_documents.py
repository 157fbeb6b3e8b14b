"""Reading input files: clear errors, other encodings, Markdown and HTML prose, nothing lost."""

from __future__ import annotations

import codecs
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.documents import (
    MAX_BYTES,
    decode,
    html_prose,
    iter_paths,
    markdown_prose,
    read_document,
    read_documents,
)
from checker.errors import InputError
from claims import Claim, extract

# ---- helpers -------------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the real entry point, returning its exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(code: int, err: str, *needles: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("claimcheck: error: ")
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def claims_of(path: Path) -> list[Claim]:
    doc = read_document(path)
    return extract(doc.prose, doc.id)


def texts(claims: list[Claim]) -> list[str]:
    return [c.text for c in claims]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A draft, a config and a folder of sources, copied so a test may try to damage them."""
    shutil.copytree(FIXTURES / "articles", tmp_path / "src")
    shutil.copy(FIXTURES / "drafts" / "wrong-toll.md", tmp_path / "draft.md")
    (tmp_path / "cfg.toml").write_text('fail-on = "contradicted"\n', encoding="utf-8")
    return tmp_path


# ---- bad usage and unreadable input: exit 2 and one line -------------------------------------


def _missing_file(t: Path) -> tuple[list[str], list[str]]:
    return ["extract", str(t / "nope.txt")], [str(t / "nope.txt"), "no such file"]


def _missing_in_folder(t: Path) -> tuple[list[str], list[str]]:
    path = str(t / "no" / "such" / "dir")
    return ["check", path, path], [path, "no such file"]


def _empty_folder(t: Path) -> tuple[list[str], list[str]]:
    (t / "empty").mkdir()
    return ["extract", str(t / "empty")], [str(t / "empty"), "no .txt"]


def _folder_of_images(t: Path) -> tuple[list[str], list[str]]:
    (t / "pics").mkdir()
    (t / "pics" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (t / "pics" / ".hidden.txt").write_text("129 people", encoding="utf-8")
    return ["extract", str(t / "pics")], [str(t / "pics"), "no .txt"]


def _folder_of_binary(t: Path) -> tuple[list[str], list[str]]:
    (t / "bin").mkdir()
    (t / "bin" / "data.txt").write_bytes(b"PK\x03\x04\x00\x00\x08\x00")
    return ["extract", str(t / "bin")], [str(t / "bin" / "data.txt"), "binary"]


def _binary_file(t: Path) -> tuple[list[str], list[str]]:
    (t / "a.txt").write_bytes(b"\x00\x01\x02 at least 129 people")
    return ["extract", str(t / "a.txt")], [str(t / "a.txt"), "binary data (NUL bytes)"]


def _nul_deep_inside(t: Path) -> tuple[list[str], list[str]]:
    (t / "a.txt").write_bytes(b"129 people. " * 2000 + b"\x00" + b"130 people. " * 2000)
    return ["extract", str(t / "a.txt")], [str(t / "a.txt"), "binary"]


def _bad_utf16(t: Path) -> tuple[list[str], list[str]]:
    (t / "a.txt").write_bytes(codecs.BOM_UTF16_LE + "129 people".encode("utf-16-le") + b"\x00\xd8")
    return ["extract", str(t / "a.txt")], [str(t / "a.txt"), "UTF-16"]


def _device(t: Path) -> tuple[list[str], list[str]]:
    if not Path(os.devnull).exists():
        pytest.skip(f"no {os.devnull} here")
    return ["extract", os.devnull], [os.devnull, "not a regular file"]


def _draft_is_folder(t: Path) -> tuple[list[str], list[str]]:
    (t / "draft").mkdir()
    src = str(FIXTURES / "articles")
    return ["gate", str(t / "draft"), "--source", src], [str(t / "draft"), "folder"]


def _empty_path(t: Path) -> tuple[list[str], list[str]]:
    return ["extract", ""], ["''", "empty path"]


def _dangling_symlink(t: Path) -> tuple[list[str], list[str]]:
    (t / "link.txt").symlink_to(t / "gone.txt")
    return ["extract", str(t / "link.txt")], [str(t / "link.txt"), "no such file"]


def _unknown_format(t: Path) -> tuple[list[str], list[str]]:
    # A usage error: no file is at fault, so the line names the option and the bad value.
    path = str(FIXTURES / "articles" / "paris-toll.txt")
    return ["extract", path, "--format", "xml"], ["--format", "'xml'"]


def _bad_config_key(t: Path) -> tuple[list[str], list[str]]:
    cfg = t / "bad.toml"
    cfg.write_text('sources = ["x"]\nbogus = 1\n', encoding="utf-8")
    draft = str(FIXTURES / "drafts" / "wrong-toll.md")
    return ["gate", draft, "--config", str(cfg)], [str(cfg), "unknown key 'bogus'"]


def _bad_config_toml(t: Path) -> tuple[list[str], list[str]]:
    cfg = t / "bad.toml"
    cfg.write_text("sources = [\n", encoding="utf-8")
    draft = str(FIXTURES / "drafts" / "wrong-toll.md")
    return ["gate", draft, "--config", str(cfg)], [str(cfg), "not valid TOML"]


def _check_one_source(t: Path) -> tuple[list[str], list[str]]:
    path = str(FIXTURES / "articles" / "paris-toll.txt")
    return ["check", path], [path, "at least two sources"]


def _output_folder_missing(t: Path) -> tuple[list[str], list[str]]:
    out = str(t / "no" / "out.json")
    path = str(FIXTURES / "articles" / "paris-toll.txt")
    return ["extract", path, "-f", "json", "-o", out], [out, "cannot write"]


BAD_INPUT: list[Callable[[Path], tuple[list[str], list[str]]]] = [
    _missing_file,
    _missing_in_folder,
    _empty_folder,
    _folder_of_images,
    _folder_of_binary,
    _binary_file,
    _nul_deep_inside,
    _bad_utf16,
    _device,
    _draft_is_folder,
    _empty_path,
    _dangling_symlink,
    _unknown_format,
    _bad_config_key,
    _bad_config_toml,
    _check_one_source,
    _output_folder_missing,
]


@pytest.mark.parametrize("case", BAD_INPUT, ids=[f.__name__.strip("_") for f in BAD_INPUT])
def test_bad_input_ends_with_one_line_and_exit_2(
    case: Callable[[Path], tuple[list[str], list[str]]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args, needles = case(tmp_path)
    code, out, err = run_cli(capsys, *args)
    assert_one_error_line(code, err, *needles)
    assert out == ""


def _deny(monkeypatch: pytest.MonkeyPatch, target: Path, method: str) -> None:
    original = getattr(Path, method)

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, denied)


def test_unreadable_file_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Tests run as root, which reads any file whatever its mode: the refusal is simulated.
    path = tmp_path / "secret.txt"
    path.write_text("At least 129 people died.", encoding="utf-8")
    _deny(monkeypatch, path, "open")
    code, _, err = run_cli(capsys, "extract", str(path))
    assert_one_error_line(code, err, str(path), "permission denied")


def test_unlistable_folder_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "wire" / "2024").mkdir(parents=True)
    (tmp_path / "wire" / "a.txt").write_text("129 people", encoding="utf-8")
    (tmp_path / "wire" / "2024" / "b.txt").write_text("130 people", encoding="utf-8")
    original = os.scandir
    denied = str(tmp_path / "wire" / "2024")

    def scandir(path: str) -> object:
        # Tests run as root, which lists any folder whatever its mode: the refusal is simulated.
        if os.fspath(path) == denied:
            raise PermissionError(13, "Permission denied", denied)
        return original(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = run_cli(capsys, "extract", str(tmp_path / "wire"))
    # A subfolder that cannot be listed stops the run: skipping it would lose sources.
    assert_one_error_line(code, err, denied, "permission denied")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads a file whatever its mode; covered by the monkeypatched test above",
)
def test_mode_000_file_is_permission_denied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("At least 129 people died.", encoding="utf-8")
    path.chmod(0)
    try:
        code, _, err = run_cli(capsys, "extract", str(path))
    finally:
        path.chmod(0o600)
    assert_one_error_line(code, err, str(path), "permission denied")


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no disk used, and read_document stops at the limit
    with pytest.raises(InputError, match="over the 512 MB limit") as info:
        read_document(path)
    assert str(path) in info.value.message


def test_the_library_raises_input_error_not_os_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_document(tmp_path)
    with pytest.raises(InputError, match="no such file or folder"):
        iter_paths([tmp_path / "nope"])


# ---- encodings: read, not rejected, and positions stay right ---------------------------------

ARTICLE = (
    "PARIS \u2014 At least 129 people were killed, officials said.\n"
    "The \u201crelief fund\u201d now holds \u20ac50 million for the caf\u00e9 owners.\n"
    "\n"
    "Nearly 100 people were hurt in the attacks.\n"
)
ARTICLE_LATIN1 = (
    "PARIS - At least 129 people were killed, officials said.\n"
    "The relief fund at the caf\u00e9 now holds \u00a350 million, \u00ab said \u00bb one.\n"
    "\n"
    "Nearly 100 people were hurt in the attacks.\n"
)
FIGURES = ("At least 129", "\u20ac50 million", "Nearly 100")
FIGURES_LATIN1 = ("At least 129", "\u00a350 million", "Nearly 100")

ENCODINGS = [
    ("utf-8", "utf-8", ARTICLE, b"", "\n", False),
    ("utf-8-bom", "utf-8", ARTICLE, codecs.BOM_UTF8, "\n", False),
    ("utf-16-le-bom", "utf-16-le", ARTICLE, codecs.BOM_UTF16_LE, "\n", False),
    ("utf-16-be-bom", "utf-16-be", ARTICLE, codecs.BOM_UTF16_BE, "\n", False),
    ("utf-16-le-bom-crlf", "utf-16-le", ARTICLE, codecs.BOM_UTF16_LE, "\r\n", False),
    ("utf-32-bom", "utf-32-le", ARTICLE, codecs.BOM_UTF32_LE, "\n", False),
    ("utf-8-crlf", "utf-8", ARTICLE, b"", "\r\n", False),
    ("utf-8-cr", "utf-8", ARTICLE, b"", "\r", False),
    ("cp1252", "cp1252", ARTICLE, b"", "\n", True),
    ("cp1252-crlf", "cp1252", ARTICLE, b"", "\r\n", True),
    ("latin-1", "latin-1", ARTICLE_LATIN1, b"", "\n", True),
    ("latin-1-crlf", "latin-1", ARTICLE_LATIN1, b"", "\r\n", True),
    ("utf-16-le-no-bom", "utf-16-le", ARTICLE, b"", "\n", True),
]


@pytest.mark.parametrize(
    ("codec", "article", "bom", "newline", "fallback"),
    [e[1:] for e in ENCODINGS],
    ids=[e[0] for e in ENCODINGS],
)
def test_encodings_are_read_with_positions_in_the_original_lines(
    codec: str, article: str, bom: bytes, newline: str, fallback: bool, tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + article.replace("\n", newline).encode(codec))
    doc = read_document(path)
    assert doc.fallback is fallback
    # The oracle: the file's own lines, a CRLF (or lone CR) counted as one line end.
    lines = article.replace("\n", newline).splitlines()
    claims = extract(doc.prose, doc.id)
    figures = FIGURES_LATIN1 if article is ARTICLE_LATIN1 else FIGURES
    assert set(figures) <= set(texts(claims)), texts(claims)
    for c in claims:
        assert doc.text[c.start : c.end] == c.text
        assert lines[c.line - 1][c.column - 1 :].startswith(c.text), (c.text, c.line, c.column)
    for figure in figures:
        line = next(i for i, text in enumerate(lines) if figure in text)
        claim = next(c for c in claims if c.text == figure)
        assert (claim.line, claim.column) == (line + 1, lines[line].index(figure) + 1)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"\x93Quoted\x94 \x8050 million, caf\xe9",
            "\u201cQuoted\u201d \u20ac50 million, caf\u00e9",
        ),
        (b"caf\xe9 \xe0 5 \xa3", "caf\u00e9 \u00e0 5 \u00a3"),
        (b"\xef\xbb\xbfplain", "plain"),
        (codecs.BOM_UTF16_BE + "\u20ac5".encode("utf-16-be"), "\u20ac5"),
        (b"", ""),
    ],
    ids=["cp1252-quotes-euro", "latin-1-accents", "utf-8-bom-stripped", "utf-16-be", "empty"],
)
def test_decode_reads_western_text(raw: bytes, expected: str) -> None:
    assert decode(raw, "x")[0] == expected


def test_cli_notes_a_fallback_encoding_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    code, out, err = run_cli(capsys, "extract", str(path), "--format", "json")
    assert code == 0
    assert f"claimcheck: note: {path}: not UTF-8, read as cp1252" in err.splitlines()
    assert "\u20ac50 million" in out


def test_cli_is_silent_about_utf8_with_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    code, _, err = run_cli(capsys, "extract", str(path), "--format", "json")
    assert code == 0
    assert err == ""


# ---- Markdown: prose read, everything else blanked in place ---------------------------------

PROSE = "Officials said at least 129 people died."

MARKDOWN_PROSE = [
    ("heading", "# At least 129 people died\n", ["At least 129"]),
    ("setext-heading", "At least 129 people died\n=====\n", ["At least 129"]),
    ("bullet-list", "- 89 people died\n* more than 60 were hurt\n", ["89", "more than 60"]),
    ("numbered-list", "1. 89 people died\n2. 352 were hurt\n", ["89", "352"]),
    ("bold", "Officials said **at least 129** people died.\n", ["at least 129"]),
    ("underscore", "Officials said _352_ people were hurt.\n", ["352"]),
    ("emphasis", "Officials said *nearly 100* people were hurt.\n", ["nearly 100"]),
    ("blockquote", "> Nearly 100 people were hurt.\n", ["Nearly 100"]),
    ("footnote", "Nearly 100 were hurt.[^7]\n\n[^7]: And 352 were not.\n", ["Nearly 100", "352"]),
    ("html-block-text", "<div>\nA block says 352 people were hurt.\n</div>\n", ["352"]),
    ("entity", "The fund holds &#36;50 million.\n", ["$50 million"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [(m, e) for _, m, e in MARKDOWN_PROSE],
    ids=[n for n, _, _ in MARKDOWN_PROSE],
)
def test_markdown_prose_is_read(markdown: str, expected: list[str]) -> None:
    prose = markdown_prose(markdown)
    assert texts(extract(prose)) == expected


MARKDOWN_NOT_PROSE = [
    ("fenced-code", "```python\ntotal = 4096 + 777\n```\n"),
    ("tilde-fence", "~~~\n777 people\n~~~\n"),
    ("indented-code", "    total = 777 people\n"),
    ("inline-code", "Run `limit = 777` and ``a ` 888`` now.\n"),
    ("link-target", "See [the toll](https://x.org/2015/11/129) now.\n"),
    ("relative-link", 'See [the toll](reports/2015/11/129.html "Report 444") now.\n'),
    ("link-target-with-parens", "See [it](https://en.wikipedia.org/wiki/A_(2015)) now.\n"),
    ("image-path", "![alt](img/2015-129.png)\n"),
    ("reference-link-label", "See [the report][2015] now.\n"),
    ("reference-definition", '[1]: https://example.org/2015/333 "Title 444"\n'),
    ("autolink", "See <https://x.org/2015/129> now.\n"),
    ("html-comment", "<!-- draft 666, check the 777 -->\n"),
    ("inline-html-comment", "See <!-- 666 --> now.\n"),
    ("multi-line-comment", "See <!-- 666\n777 --> now.\n"),
    ("inline-html-tag", 'See <img src="a.png" width="300"> and <span title="999">it</span>.\n'),
    ("html-block-script", "<script>\nvar n = 4096;\n</script>\n"),
    ("footnote-marker", "See the note.[^12]\n"),
]


@pytest.mark.parametrize(
    "snippet", [s for _, s in MARKDOWN_NOT_PROSE], ids=[n for n, _ in MARKDOWN_NOT_PROSE]
)
def test_markdown_non_prose_yields_no_claims(snippet: str) -> None:
    markdown = f"{PROSE}\n\n{snippet}\nNearly 100 people were hurt.\n"
    prose = markdown_prose(markdown)
    assert len(prose) == len(markdown)
    claims = extract(prose)
    assert texts(claims) == ["at least 129", "Nearly 100"]
    for c in claims:
        assert markdown[c.start : c.end] == c.text


def test_an_unclosed_inline_comment_is_only_text() -> None:
    markdown = f"{PROSE} A stray <!-- here.\n\nNearly 100 people were hurt.\n"
    assert texts(extract(markdown_prose(markdown))) == ["at least 129", "Nearly 100"]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    markdown = f"{PROSE}\n\n```\n777 people\n\nNearly 100 people were hurt.\n"
    assert texts(extract(markdown_prose(markdown))) == ["at least 129"]


FRONT_MATTER = [
    ("yaml", "---\nversion: 3\ndate: 2015-11-17\n---\n"),
    ("yaml-dots", "---\ntitle: x\ncount: 44\n...\n"),
    ("toml", "+++\nversion = 3\n+++\n"),
]


@pytest.mark.parametrize(
    "front_matter", [f for _, f in FRONT_MATTER], ids=[n for n, _ in FRONT_MATTER]
)
def test_front_matter_is_blanked_and_lines_count_from_the_file(
    front_matter: str, tmp_path: Path
) -> None:
    path = tmp_path / "draft.md"
    body = f"# Toll\n\n{PROSE}\n"
    path.write_text(front_matter + body, encoding="utf-8")
    claims = claims_of(path)
    assert texts(claims) == ["at least 129"]
    lines = (front_matter + body).splitlines()
    line = front_matter.count("\n") + 3
    assert (claims[0].line, claims[0].column) == (line, lines[line - 1].index("at least") + 1)


def test_a_thematic_break_is_not_front_matter() -> None:
    markdown = f"---\n\n{PROSE}\n\n---\n\nNearly 100 people were hurt.\n"
    assert texts(extract(markdown_prose(markdown))) == ["at least 129", "Nearly 100"]


def test_markdown_positions_point_into_the_original_file(tmp_path: Path) -> None:
    source = (
        "---\nversion: 3\n---\r\n"
        "# Paris\r\n\r\n"
        "```\r\ncode 777\r\n```\r\n"
        "Officials said **at least 129** people died, [link](x/2015/1/130) said.\r\n"
    )
    path = tmp_path / "a.md"
    path.write_bytes(source.encode("utf-8"))
    doc = read_document(path)
    (claim,) = extract(doc.prose, doc.id)
    lines = source.splitlines()
    assert claim.text == "at least 129"
    assert lines[claim.line - 1][claim.column - 1 :].startswith("at least 129")
    assert claim.line == 9
    assert doc.text[claim.start : claim.end] == claim.text


# ---- HTML --------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Toll 999</title><meta name="year" content="2014">
<style>p { width: 300px; margin: 12px }</style></head>
<body>
<p class="c3" data-n="444">Officials said at least 129&nbsp;people died &amp; 352 were hurt.</p>
<script>var x = 4096; if (a < 5) { y = 6 }</script>
<!-- hidden 666 -->
<p>A fund holds &#36;50 million, up 12&#37; on <b>last year</b>.</p>
<pre>code 123</pre><code>77</code>
<p>Line&#10;break: nearly 100 people were hurt.</p>
</body></html>
"""


def test_html_tags_scripts_and_styles_are_not_claims(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_document(path)
    claims = extract(doc.prose, doc.id)
    assert texts(claims) == ["at least 129", "352", "$50 million", "12%", "nearly 100"]
    lines = HTML_PAGE.splitlines()
    for c in claims:
        assert doc.prose[c.start : c.end] == c.text
        # A figure written with an entity ("&#36;50") is found where the entity is; others are
        # found exactly as written.
        if c.text not in ("$50 million", "12%"):
            assert doc.text[c.start : c.end] == c.text
            assert lines[c.line - 1][c.column - 1 :].startswith(c.text)


def test_html_entities_keep_offsets() -> None:
    page = (
        "<p>A&nbsp;fund &amp; 352 people; &#36;50 million &euro;5 and 12&#37;.</p>\n<p>7 dead</p>"
    )
    prose = html_prose(page)
    assert len(prose) == len(page)
    assert prose.index("352") == page.index("352")
    assert prose.index("7 dead") == page.index("7 dead")
    assert prose.count("\n") == page.count("\n") == 1
    money = [c for c in extract(prose) if c.kind == "money"]
    assert [(c.text, c.unit) for c in money] == [("$50 million", "USD"), ("\u20ac5", "EUR")]
    # The claim starts within the entity that wrote its currency sign.
    entity = page.index("&#36;")
    assert entity <= money[0].start < entity + len("&#36;")


def test_html_line_break_entity_does_not_shift_lines() -> None:
    page = "<p>a&#10;b&#13;c&NewLine;d</p>\n<p>352 people</p>"
    prose = html_prose(page)
    assert prose.count("\n") == 1
    (claim,) = extract(prose)
    assert (claim.line, claim.column) == (2, 4)


def test_html_unclosed_script_runs_to_the_end_but_unclosed_pre_does_not() -> None:
    assert extract(html_prose("<p>352 people</p><script>var n = 777;\n")) != []
    assert texts(extract(html_prose("<p>352 people</p><script>var n = 777;\n"))) == ["352"]
    assert texts(extract(html_prose("<pre>code<p>352 people hurt</p>"))) == ["352"]


def test_html_comment_hides_a_script_tag() -> None:
    page = "<!-- <script> --><p>352 people were hurt.</p>"
    assert texts(extract(html_prose(page))) == ["352"]


MARKUP_TOKENS = (
    *"<>!-/`*_[]()&#;:^ \n\r\t\"'=abcxyz0123456789",
    *("<!--", "-->", "<script>", "</script>", "<pre>", "```", "---\n", "&amp;", "&#10;"),
    *("&#36;", "](", "[^1]", "<b>", "    ", "\u20ac", "\u00e9"),
)
MARKUP_TEXT = st.lists(
    st.sampled_from(MARKUP_TOKENS),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKUP_TEXT)
def test_masking_keeps_every_offset(text: str) -> None:
    text = text.replace("\r", "")  # documents are normalised to LF before masking
    for prose in (markdown_prose(text), html_prose(text)):
        assert len(prose) == len(text)
        assert [i for i, ch in enumerate(prose) if ch == "\n"] == [
            i for i, ch in enumerate(text) if ch == "\n"
        ]


# ---- nothing is lost ---------------------------------------------------------------------------

RUNS = [
    ("extract", ["extract", "src", "-f", "json", "-o", "out.json"]),
    ("extract-table", ["extract", "src/paris-toll.txt", "draft.md", "-o", "out.txt"]),
    ("check", ["check", "src", "-f", "markdown", "-o", "out.md"]),
    ("gate", ["gate", "draft.md", "--source", "src", "--config", "cfg.toml", "-o", "out.sarif",
              "-f", "sarif"]),
]  # fmt: skip


@pytest.mark.parametrize("args", [a for _, a in RUNS], ids=[n for n, _ in RUNS])
def test_commands_leave_their_inputs_byte_identical(
    args: list[str],
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(corpus)
    before = digest(corpus)
    code, _, err = run_cli(capsys, *args)
    assert code in (0, 1), err
    after = digest(corpus)
    output = args[args.index("-o") + 1]
    assert after.pop(output)
    assert after == before


REFUSED = [
    ("extract-onto-input", ["extract", "src/paris-toll.txt", "-o", "src/paris-toll.txt"]),
    ("extract-onto-file-in-input-folder", ["extract", "src", "-o", "src/paris-toll.txt"]),
    ("check-onto-input", ["check", "src", "-f", "json", "-o", "src/airliner-bomb.txt"]),
    ("gate-onto-draft", ["gate", "draft.md", "--source", "src", "-o", "draft.md"]),
    ("gate-onto-source", ["gate", "draft.md", "--source", "src", "-o", "src/paris-toll.txt"]),
    ("onto-input-through-a-symlink", ["extract", "src/paris-toll.txt", "-o", "link.txt"]),
    ("onto-input-by-another-name", ["extract", "src/paris-toll.txt",
        "-o", "src/../src/./paris-toll.txt"]),
]  # fmt: skip


@pytest.mark.parametrize("args", [a for _, a in REFUSED], ids=[n for n, _ in REFUSED])
def test_output_onto_an_input_is_refused(
    args: list[str],
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(corpus)
    (corpus / "link.txt").symlink_to(corpus / "src" / "paris-toll.txt")
    before = digest(corpus)
    code, out, err = run_cli(capsys, *args)
    assert_one_error_line(code, err, args[-1], "refusing to write")
    assert digest(corpus) == before
    assert out == ""


def test_gate_output_onto_its_config_is_refused(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(corpus)
    before = digest(corpus)
    code, _, err = run_cli(
        capsys, "gate", "draft.md", "--source", "src", "--config", "cfg.toml", "-o", "cfg.toml"
    )
    assert digest(corpus) == before
    assert_one_error_line(code, err, "cfg.toml", "refusing to write")


def test_read_documents_gives_same_named_files_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "wire.txt").write_text("129 people", encoding="utf-8")
    docs = read_documents([tmp_path / "a", tmp_path / "b"])
    assert len({d.id for d in docs}) == 2


def test_a_file_named_twice_is_one_source(tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text("129 people", encoding="utf-8")
    (tmp_path / "wire" / "b.txt").write_text("130 people", encoding="utf-8")
    paths = [tmp_path / "wire", tmp_path / "wire" / "a.txt", f"{tmp_path}/wire/./b.txt"]
    assert [d.id for d in read_documents(paths)] == ["a.txt", "b.txt"]


def test_a_figure_read_through_an_entity_spans_it_in_the_file(tmp_path: Path) -> None:
    from checker.documents import claims_of

    path = tmp_path / "reward.html"
    path.write_text("<p>A reward of &#36;50 million was offered.</p>\n", encoding="utf-8")
    doc = read_document(path)
    (claim,) = claims_of(doc)
    assert doc.text[claim.start : claim.end] == claim.text == "&#36;50 million"
    assert claim.column == doc.text.index("&#36;") + 1
    assert (claim.kind, claim.unit, claim.value) == ("money", "USD", 50_000_000)


def test_offsets_index_a_crlf_file_as_it_is(tmp_path: Path) -> None:
    from checker.documents import claims_of

    raw = "Hello.\r\nNews follows.\r\nThe blast killed 12 people.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    claims = claims_of(read_document(path))
    assert [(c.text, c.line, c.column) for c in claims] == [("12", 3, 18)]
    assert all(raw[c.start : c.end] == c.text for c in claims)

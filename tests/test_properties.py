"""Hypothesis properties: extraction's offsets and intervals, and the CLI's exit codes."""

from __future__ import annotations

import contextlib
import io
import itertools
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from claims import extract

# ---- extraction ------------------------------------------------------------------------------

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "hundred thousand million billion dozen"
).split()
WORDS = (*NUMBER_WORDS, "people", "died", "at", "least", "about", "km", "Paris", "and", "of")
SEPARATORS = (" ", " ", " ", "\n", "\r\n", "\n\n", ", ", ". ", "-", "\u2028", "\x85")
NUMBERS = ("129", "1,000", "3.5", "2,700", "$50", "12%", "1990s", "Oct. 31", "2015")
PIECES = st.lists(st.sampled_from((*WORDS, *NUMBERS)), min_size=1, max_size=30)
TEXTS = st.builds(
    lambda words, seps: "".join(w + seps[i % len(seps)] for i, w in enumerate(words)),
    PIECES,
    st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=8),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_claims_index_the_text_and_their_intervals_are_ordered(text: str) -> None:
    for c in extract(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        for bound in (c.low, c.high):
            if bound is not None and c.value is not None and c.kind != "date":
                assert (c.low is None or c.low <= c.value) and (c.high is None or c.value <= c.high)


# A blank line: a line break, white space only, another line break.
_BREAK = r"(?>\r\n|[\n\r\u2028\u2029\x85])"  # atomic: CRLF is one line break, not two
_BLANK_LINE = regex.compile(rf"{_BREAK}[^\S\n\r\u2028\u2029\x85]*+{_BREAK}")
_EDGE_WORD = regex.compile(r"(?i)[a-z]+")


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_no_claim_joins_number_words_across_a_blank_line(text: str) -> None:
    # A hard-wrapped line goes on ("two\nhundred" is 200); a paragraph break never does.
    for c in extract(text):
        parts = _BLANK_LINE.split(c.text)
        for before, after in itertools.pairwise(parts):
            pair = [
                w.lower()
                for w in (*_EDGE_WORD.findall(before)[-1:], *_EDGE_WORD.findall(after)[:1])
            ]
            assert not (len(pair) == 2 and all(w in NUMBER_WORDS for w in pair)), c.text


# ---- the command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of our fixtures, so that no generated command line can touch the real ones."""
    root = tmp_path_factory.mktemp("desk")
    shutil.copytree(FIXTURES / "articles", root / "articles")
    shutil.copytree(FIXTURES / "drafts", root / "drafts")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (root / "latin.md").write_bytes("Caf\xe9: 12 dead.\n".encode("cp1252"))
    (root / "empty-folder").mkdir()
    (root / "bad.toml").write_text("fail-on = 3\n", encoding="utf-8")
    return root


def _tokens(desk: Path) -> st.SearchStrategy[list[str]]:
    paths = [
        str(desk / "articles"),
        str(desk / "articles" / "paris-toll.txt"),
        str(desk / "drafts" / "wrong-toll.md"),
        str(desk / "drafts" / "clean-wire.md"),
        str(desk / "empty.txt"),
        str(desk / "binary.txt"),
        str(desk / "latin.md"),
        str(desk / "empty-folder"),
        str(desk / "no-such.txt"),
        "-",
        "",
        "ftp://example.invalid/x",
        "\x00",
    ]
    single = st.sampled_from(
        [
            *paths,
            "-f",
            "json",
            "sarif",
            "rich",
            "table",
            "markdown",
            "github",
            "junit",
            "html",
            "yaml",
            "--source",
            "-s",
            "--fail-on",
            "unsupported",
            "bogus",
            "--statistics",
            "--quiet",
            "--exit-zero",
            "--color",
            "always",
            "never",
            "--exclude",
            "*.md",
            "--stdin-filename",
            "x.md",
            "--explain",
            "--show-single",
            "--config",
            str(desk / "bad.toml"),
            "--help",
            "--version",
            "--frobnicate",
        ]
    )
    # An output always goes to the scratch folder: -o with a path of its own, or -o -.
    output = st.sampled_from(
        [["-o", str(desk / "out" / "r.txt")], ["-o", "-"], ["-o", str(desk / "out")], ["-o", ""]]
    )
    rest = st.lists(st.one_of(single.map(lambda t: [t]), output), max_size=8)
    command = st.sampled_from([["extract"], ["check"], ["gate"], [], ["ledger"]])
    return st.builds(lambda c, r: c + [t for group in r for t in group], command, rest)


@contextlib.contextmanager
def _stdin(data: bytes) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        yield
    finally:
        sys.stdin = saved


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_command_line_ends_with_a_known_exit_code_and_no_traceback(
    data: st.DataObject, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (desk / "out").mkdir(exist_ok=True)
    argv = data.draw(_tokens(desk))
    stdin = data.draw(st.sampled_from([b"", b"At least 129 people died.\n", b"\xff\xfe\x00"]))
    with _stdin(stdin):
        code = main(argv)
    out, err = capsys.readouterr()
    assert code in {0, 1, 2, 130, 141}, (argv, err)
    assert "Traceback" not in err and "Traceback" not in out, (argv, err)
    if code == 2:
        assert err.strip(), argv  # a failure always says why

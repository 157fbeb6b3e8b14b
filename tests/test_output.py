"""--output: regular files replaced atomically, everything else written through, never replaced;
and exit 141 when the reader of a real pipe goes away, for every command and format."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from checker.cli import main
from checker.errors import OutputError
from checker.output import open_output

ARTICLES = str(FIXTURES / "articles")
DRAFT = str(FIXTURES / "drafts" / "wrong-toll.md")
GATE = ["gate", DRAFT, "--source", ARTICLES]


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_report_file_takes_the_umask(
    tmp_path: Path, umask: None, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, *GATE, "-f", "json", "-o", str(target))
    assert code == 1 and out == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # 0o666 less the umask 0o027
    assert json.loads(target.read_text(encoding="utf-8"))["failed"] is True
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_a_rewritten_report_keeps_its_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o604)
    code, _, _ = run(capsys, *GATE, "-f", "markdown", "-o", str(target))
    assert code == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert target.read_text(encoding="utf-8").startswith("# claimcheck gate")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("the old report", encoding="utf-8")
    with pytest.raises(RuntimeError), open_output(str(target)) as sink:
        sink.write("half a report")
        raise RuntimeError("the run ended half way")
    assert target.read_text(encoding="utf-8") == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_a_symlink_is_followed_and_stays_a_symlink(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "reports" / "gate.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    code, _, _ = run(capsys, *GATE, "-f", "json", "-o", str(link))
    assert code == 1
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert json.loads(real.read_text(encoding="utf-8"))["failed"] is True


def test_a_hard_linked_file_is_written_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.md"
    first.write_text("old", encoding="utf-8")
    second = tmp_path / "b.md"
    os.link(first, second)
    run(capsys, *GATE, "-f", "markdown", "-o", str(first))
    assert first.stat().st_ino == second.stat().st_ino
    assert second.read_text(encoding="utf-8").startswith("# claimcheck gate")


def test_a_writable_file_in_a_closed_folder_is_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shared" / "report.md"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    inode = target.stat().st_ino
    real_access = os.access

    def access(path: object, mode: int, **kw: object) -> bool:
        # Tests run as root, who may write anywhere: a folder closed to writing is simulated.
        if os.fspath(path) == str(target.parent) and mode & os.W_OK:  # type: ignore[arg-type]
            return False
        return real_access(path, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    code, _, err = run(capsys, *GATE, "-f", "markdown", "-o", str(target))
    assert code == 1, err
    assert target.stat().st_ino == inode  # the same file, rewritten in place
    assert target.read_text(encoding="utf-8").startswith("# claimcheck gate")


def test_a_fifo_is_written_through_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(capsys, *GATE, "-f", "json", "-o", str(fifo))
    reader.join(timeout=30)
    assert code == 1, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["failed"] is True


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_a_device_stays_a_device(device: str, capsys: pytest.CaptureFixture[str]) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent")
    before = os.stat(device).st_mode
    code, _, err = run(capsys, *GATE, "-f", "json", "-o", device)
    assert code == 1, err
    assert os.stat(device).st_mode == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is absent")
def test_a_full_device_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *GATE, "-f", "json", "-o", "/dev/full")
    assert code == 2
    assert err.strip().splitlines() == [
        "claimcheck: error: /dev/full: cannot write (No space left on device)"
    ]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dash_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, *GATE, "-f", "json", "-o", "-")
    assert code == 1 and json.loads(out)["failed"] is True
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("", "an empty path names no file"),
        (".", "is a folder"),
        ("no/such/dir/r.json", "no folder"),
    ],
    ids=["empty", "folder", "missing-folder"],
)
def test_an_impossible_output_is_one_line_and_exit_2(
    target: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *GATE, "-o", target)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_output_error_carries_exit_2() -> None:
    assert OutputError("x").exit_code == 2


# ---- closed pipes --------------------------------------------------------------------------
# Small inputs of our own, so that nineteen processes at once stay quick on two cores.
@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("pipe")
    (root / "sources").mkdir()
    (root / "sources" / "a.txt").write_text("At least 129 people died in Paris on Friday.\n")
    (root / "sources" / "b.txt").write_text("Officials said 129 people died in Paris.\n")
    (root / "draft.md").write_text("The attacks in Paris left 119 people dead on Friday.\n")
    return {"sources": str(root / "sources"), "draft": str(root / "draft.md")}


def _cases(small: dict[str, str]) -> list[tuple[str, list[str]]]:
    src, draft = small["sources"], small["draft"]
    gate = ["gate", draft, "--source", src]
    formats = ("rich", "json", "sarif", "github", "junit", "markdown", "html")
    return [
        ("extract", ["extract", src]),
        ("extract-json", ["extract", src, "-f", "json"]),
        ("extract-statistics", ["extract", src, "--statistics"]),
        ("check", ["check", src]),
        ("check-json", ["check", src, "-f", "json"]),
        ("check-markdown", ["check", src, "-f", "markdown"]),
        ("check-html", ["check", src, "-f", "html"]),
        *((f"gate-{fmt}", [*gate, "-f", fmt]) for fmt in formats),
        ("gate-statistics", [*gate, "--statistics"]),
        ("help", ["--help"]),
        ("version", ["--version"]),
    ]


def _spawn(args: list[str], read: int) -> tuple[subprocess.Popen[bytes], subprocess.Popen[bytes]]:
    """claimcheck writing into a real pipe whose reader reads ``read`` bytes and exits."""
    r, w = os.pipe()
    reader = subprocess.Popen(
        [sys.executable, "-c", f"import sys; sys.stdin.buffer.read({read})"], stdin=r
    )
    os.close(r)
    if read == 0:
        reader.wait()  # the reader is gone before claimcheck writes a byte
    writer = subprocess.Popen(
        [sys.executable, "-m", "checker", *args], stdout=w, stderr=subprocess.PIPE, cwd=ROOT
    )
    os.close(w)
    return reader, writer


@pytest.mark.parametrize("name", [n for n, _ in _cases({"sources": "", "draft": ""})])
def test_every_command_and_format_exits_141_on_a_closed_pipe(
    name: str, small: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process, standard output is a real pipe whose reader has already gone.
    args = dict(_cases(small))[name]
    r, w = os.pipe()
    os.close(r)
    with os.fdopen(w, "w") as pipe:
        monkeypatch.setattr(sys, "stdout", pipe)
        assert main(args) == 141


@pytest.mark.parametrize("name", ["help", "version", "gate-json", "extract", "check-markdown"])
def test_a_separate_process_exits_141_when_its_reader_is_gone(
    name: str, small: dict[str, str]
) -> None:
    reader, writer = _spawn(dict(_cases(small))[name], 0)
    _, err = writer.communicate(timeout=120)
    reader.wait()
    assert (writer.returncode, err.decode()) == (141, "")


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_a_large_report_whose_reader_leaves_half_way_exits_141(tmp_path: Path, fmt: str) -> None:
    big = tmp_path / "big.txt"
    # Well over a pipe's 64 KB buffer in either format.
    big.write_text("At least 129 people died. " * 1500, encoding="utf-8")
    reader, writer = _spawn(["extract", str(big), "-f", fmt], 10)
    _, err = writer.communicate(timeout=120)
    reader.wait()
    assert writer.returncode == 141
    assert err.decode() == ""

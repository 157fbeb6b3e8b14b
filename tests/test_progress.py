"""Progress on long runs: drawn on a terminal's standard error, never into a pipe, not if quiet."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import progress

pty = pytest.importorskip("pty", reason="pseudo-terminals are a POSIX feature")


def _run(args: list[str], terminal: bool) -> tuple[int, bytes]:
    """Run claimcheck with standard error on a pseudo-terminal (or a pipe); what it wrote there."""
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    if not terminal:
        done = subprocess.run(
            [sys.executable, "-m", "checker", *args],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        return done.returncode, done.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks)


@pytest.fixture
def many(tmp_path: Path) -> Path:
    for n in range(progress.MANY + 2):
        (tmp_path / f"story-{n:02}.txt").write_text(
            f"The ferry from Port Alder {n} carried {40 + n} passengers on its first trip.\n",
            encoding="utf-8",
        )
    return tmp_path


def test_many_files_on_a_terminal_show_a_bar(many: Path) -> None:
    code, err = _run(["check", str(many)], terminal=True)
    assert code in (0, 1)
    assert b"reading figures" in err
    assert f"/{progress.MANY + 2}".encode() in err


def test_quiet_draws_nothing(many: Path) -> None:
    assert _run(["check", str(many), "--quiet"], terminal=True)[1] == b""


def test_a_pipe_gets_no_bar(many: Path) -> None:
    code, err = _run(["check", str(many)], terminal=False)
    assert code in (0, 1)
    assert b"reading" not in err and b"\x1b[" not in err


def test_a_few_small_files_draw_nothing(many: Path) -> None:
    files = sorted(str(p) for p in many.iterdir())[:3]
    assert _run(["check", *files], terminal=True)[1] == b""


def test_the_bar_appears_once_a_stage_proves_long() -> None:
    from rich.console import Console

    for total, drawn in ((progress.MANY - 1, False), (progress.MANY, True)):
        out = io.StringIO()
        console = Console(file=out, force_terminal=True, width=80)
        with progress.bar("reading", True, console=console) as update:
            for n in range(total + 1):
                update(n, total)
        assert ("reading" in out.getvalue()) is drawn

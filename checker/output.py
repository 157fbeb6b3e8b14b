"""Where a report goes: standard output, a regular file replaced atomically, or anything else
written through, in chunks whose every byte is accounted for."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from checker.errors import OutputClosed, OutputError, UsageError

STDOUT = "-"
CHUNK = 64 * 1024
# Characters a file name may carry that UTF-8 cannot (bytes read through surrogateescape) are
# written as \udcff: in JSON that is an escape a parser reads back, elsewhere it is visible.
_ERRORS = "backslashreplace"


class Sink:
    """A text stream that encodes to UTF-8 and writes every byte, or raises.

    A write to a pipe may be partial when the reader goes away in the middle of it; a buffered
    stream would then drop the rest and report success. Here a short write is retried, so the
    next attempt meets the closed pipe and raises.
    """

    def __init__(self, fd: int | None = None, stream: BinaryIO | None = None) -> None:
        self._fd = fd
        self._stream = stream
        self.written = 0

    def write(self, text: str) -> None:
        data = text.encode("utf-8", _ERRORS)
        self.written += len(data)
        if self._fd is None:
            assert self._stream is not None
            self._stream.write(data)
            return
        view = memoryview(data)
        while view:
            try:
                n = os.write(self._fd, view[:CHUNK])
            except BrokenPipeError:
                raise OutputClosed() from None
            except OSError as exc:
                if exc.errno == errno.EINTR:
                    continue
                raise
            view = view[n:]

    def write_all(self, chunks: Iterable[str]) -> None:
        """Write an iterable of pieces (a streaming encoder's output), gathered into chunks."""
        buffer: list[str] = []
        size = 0
        for piece in chunks:
            buffer.append(piece)
            size += len(piece)
            if size >= CHUNK:
                self.write("".join(buffer))
                buffer, size = [], 0
        if buffer:
            self.write("".join(buffer))

    def flush(self) -> None:
        if self._stream is not None:
            try:
                self._stream.flush()
            except BrokenPipeError:
                raise OutputClosed() from None


def stdout_sink() -> Sink:
    """Standard output as a sink: its file descriptor when it has one, else the stream itself
    (a test runner's capture)."""
    with contextlib.suppress(BrokenPipeError):
        sys.stdout.flush()
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return Sink(stream=sys.stdout.buffer)
    return Sink(fd=fd)


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def check_target(output: str | None) -> None:
    """Refuse, before any work is done, an output path that can never be written."""
    if output is None or output == STDOUT:
        return
    if output == "":
        raise UsageError("--output '': an empty path names no file (use - for standard output)")
    if "\x00" in output:
        raise UsageError(f"--output {output!r}: not a valid path")
    if os.path.isdir(output):
        raise OutputError(f"{output}: is a folder, not a file to write the report to")
    if not os.path.exists(output):
        folder = os.path.dirname(os.path.realpath(output))
        if not os.path.isdir(folder):
            raise OutputError(f"{output}: cannot write (no folder {folder})")


@contextlib.contextmanager
def open_output(output: str | None) -> Iterator[Sink]:
    """A sink for the report: standard output for None or "-"; otherwise the file.

    A regular file (or a path not there yet) is written to a temporary file beside it and
    renamed into place only when the report is complete, with the permissions a plain write
    would give. A symlink is followed and its target written. Anything that is not a regular
    file (a device, a FIFO, /dev/stdout) is opened and written through, never replaced; so
    is a file with several hard links, which a rename would split, and a file in a folder
    where no temporary file can be made.
    """
    if output is None or output == STDOUT:
        sink = stdout_sink()
        yield sink
        sink.flush()
        return
    check_target(output)
    try:
        st: os.stat_result | None = os.stat(output)  # follows symlinks: the target counts
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    target = os.path.realpath(output)
    if st is not None and (
        not stat.S_ISREG(st.st_mode) or st.st_nlink > 1 or not _can_create_beside(target)
    ):
        with _through(output) as sink:
            yield sink
        return
    with _atomic(output, target, st) as sink:
        yield sink


def _can_create_beside(target: str) -> bool:
    """Whether a temporary file can be made in the file's folder: a writable file in a folder
    one may not write to is written through, as a plain write would."""
    return os.access(os.path.dirname(target) or ".", os.W_OK | os.X_OK)


@contextlib.contextmanager
def _through(output: str) -> Iterator[Sink]:
    try:
        fd = os.open(output, os.O_WRONLY | os.O_TRUNC | os.O_NOCTTY)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    try:
        yield Sink(fd=fd)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


@contextlib.contextmanager
def _atomic(output: str, target: str, st: os.stat_result | None) -> Iterator[Sink]:
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    try:
        # 0o666 less the umask, as open() would give a new file.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    try:
        try:
            yield Sink(fd=fd)
            if st is not None:  # a rewritten file keeps its mode, as it would with open("w")
                os.fchmod(fd, stat.S_IMODE(st.st_mode))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from None
        raise

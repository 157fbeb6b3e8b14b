"""The command line: a thin shell over the library (extract, check, gate)."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from checker.errors import ClaimcheckError, InputError, OutputClosed, UsageError
from checker.output import STDOUT, check_target, open_output, stdout_is_terminal

F = TypeVar("F", bound=Callable[..., Any])

GATE_FORMATS = ("rich", "json", "sarif", "github", "junit", "markdown", "html")


@dataclass(frozen=True, slots=True)
class Style:
    """How a report is shown, from the options every command shares."""

    color: str = "auto"  # auto | always | never
    quiet: bool = False
    statistics: bool = False


_STYLE = "claimcheck.style"
_READING = "claimcheck.reading"


def style() -> Style:
    ctx = click.get_current_context(silent=True)
    found = ctx.meta.get(_STYLE) if ctx is not None else None
    return found if isinstance(found, Style) else Style()


def output_options(formats: Sequence[str], default: str) -> Callable[[F], F]:
    """--format, --output, --color, --quiet and --exit-zero, the same on every command."""

    def decorate(f: F) -> F:
        @functools.wraps(f)
        def command(*args: Any, color: str, quiet: bool, exit_zero: bool, **kwargs: Any) -> Any:
            ctx = click.get_current_context()
            ctx.meta[_STYLE] = Style(color, quiet, bool(kwargs.pop("statistics", False)))
            check_target(kwargs.get("output"))
            code = f(*args, **kwargs)
            # --exit-zero: findings never fail the run; bad usage and bad input still do.
            return 0 if exit_zero and code == 1 else code

        wrapped: Any = command
        for option in (
            click.option(
                "--exit-zero",
                is_flag=True,
                help="Exit 0 even when findings are found (2 still means bad input).",
            ),
            click.option(
                "--quiet",
                "-q",
                is_flag=True,
                help="Print only what needs attention: no notes, summaries or agreements.",
            ),
            click.option(
                "--color",
                type=click.Choice(("auto", "always", "never")),
                default="auto",
                show_default=True,
                help="Colour: on a terminal (auto, unless NO_COLOR is set), always or never.",
            ),
            click.option(
                "--output",
                "-o",
                metavar="FILE",
                help="Write the report to FILE (a regular file atomically; - is standard output).",
            ),
            click.option(
                "--format",
                "-f",
                "fmt",
                type=click.Choice(formats, case_sensitive=False),
                default=default,
                show_default=True,
                help="Report format.",
            ),
        ):
            wrapped = option(wrapped)
        return cast(F, wrapped)

    return decorate


class _Path(click.Path):
    """click's Path, with a NUL character a usage error rather than the OS's ValueError."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail(f"{value!r}: not a valid path (it holds a NUL character)", param, ctx)
        return super().convert(value, param, ctx)


def cache_option(f: F) -> F:
    """--cache, on every command that reads inputs (URLs among them)."""
    return click.option(
        "--cache",
        type=_Path(file_okay=False),
        help="Keep fetched URLs in folder DIR and read them from there on later runs.",
        metavar="DIR",
    )(f)


def statistics_option(f: F) -> F:
    """--statistics: counts by status and measure instead of the report."""
    return click.option(
        "--statistics",
        is_flag=True,
        help="Print counts by status and measure instead of the report.",
    )(f)


def input_options(f: F) -> F:
    """--exclude and --stdin-filename, on every command that reads files or folders."""

    @functools.wraps(f)
    def command(*args: Any, exclude: tuple[str, ...], stdin_filename: str | None, **kw: Any) -> Any:
        click.get_current_context().meta[_READING] = (exclude, stdin_filename)
        return f(*args, **kw)

    wrapped: Any = click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        help="Leave out files and folders matching GLOB when reading folders (repeatable).",
    )(command)
    wrapped = click.option(
        "--stdin-filename",
        metavar="NAME",
        help="The name standard input ('-') goes by: its kind (.md, .html) and config.",
    )(wrapped)
    return cast(F, wrapped)


def _reading() -> tuple[tuple[str, ...], str | None]:
    ctx = click.get_current_context(silent=True)
    found = ctx.meta.get(_READING) if ctx is not None else None
    return found if isinstance(found, tuple) else ((), None)


class _Group(click.Group):
    """The command group; a closed pipe met while click itself writes (help, version) is 141."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            raise OutputClosed() from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise OutputClosed() from None


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(None, "--version", "-V", package_name="claimcheck", prog_name="claimcheck")
def cli() -> None:
    """Cross-check the figures in news text.

    \b
      claimcheck extract article.txt
      claimcheck check wire/            # where do the sources agree or conflict?
      claimcheck gate draft.md --source wire/   # fail CI on a contradicted figure
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@output_options(("table", "json"), "table")
@statistics_option
@input_options
@cache_option
def extract(paths: tuple[str, ...], fmt: str, output: str | None, cache: str | None) -> int:
    """List every numeric claim in the files or folders given.

    \b
    Example:
      claimcheck extract fixtures/articles --format json
    """
    docs = _read(paths, output, cache=cache)
    claims = [c for found in _extract_all(docs) for c in found]
    if style().statistics:
        from checker.report import statistics

        _emit_statistics(statistics.of_claims(claims), fmt, output, paths)
    elif fmt == "json":
        from checker.report import json as json_report

        _emit_chunks(json_report.chunks(json_report.extract_data(claims)), output, paths)
    else:
        from checker.report import terminal

        _emit_rich(lambda console: terminal.render_extract(claims, console), output, paths)
    return 0


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@output_options(("rich", "json", "markdown", "html"), "rich")
@click.option(
    "--explain", is_flag=True, help="Show why claims were aligned and which intervals clash."
)
@click.option("--show-single", is_flag=True, help="List the claims found in one source only.")
@statistics_option
@input_options
@cache_option
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    explain: bool,
    show_single: bool,
    cache: str | None,
) -> int:
    """Align the same claims across sources; exit 1 if any conflict.

    A PATH may be a file, a folder (its .txt, .md and .html files, at any depth), an http(s)
    URL or - for standard input.

    \b
    Example:
      claimcheck check fixtures/articles --explain
    """
    from checker.check import check as check_documents

    docs = _read(paths, output, cache=cache)
    if len(docs) < 2:
        raise UsageError(f"check needs at least two sources, got {len(docs)} ({', '.join(paths)})")
    claims = _extract_all(docs)
    with _matching(len(docs)):
        report = check_documents(docs, claims=claims)
    if style().statistics:
        from checker.report import statistics

        _emit_statistics(statistics.of_check(report), fmt, output, paths)
    elif fmt == "json":
        from checker.report import json as json_report

        _emit_chunks(json_report.chunks(json_report.check_data(report, explain)), output, paths)
    elif fmt == "markdown":
        from checker.report import markdown

        _emit(markdown.render(report, explain=explain, show_single=show_single), output, paths)
    elif fmt == "html":
        from checker.report import html

        _emit(html.render(report), output, paths)
    else:
        from checker.report import terminal

        _emit_rich(
            lambda console: terminal.render_check(
                report, console, explain=explain, show_single=show_single, quiet=style().quiet
            ),
            output,
            paths,
        )
    return 1 if report.failed else 0


@cli.command()
@click.argument("drafts", nargs=-1, required=True, metavar="DRAFT...")
@click.option(
    "--source", "-s", "sources", multiple=True, metavar="PATH", help="A source file or folder."
)
@output_options(GATE_FORMATS, "rich")
@click.option(
    "--fail-on",
    type=click.Choice(("contradicted", "unsupported")),
    default=None,
    help="Fail on contradicted figures (default) or on unsupported ones too.",
)
@click.option("--config", "config_path", metavar="FILE", help="Config file.")
@statistics_option
@input_options
@cache_option
@click.option(
    "--explain",
    is_flag=True,
    help="For each figure, the aligned source sentence, the score and the features that decided"
    " it.",
)
def gate(
    drafts: tuple[str, ...],
    sources: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    config_path: str | None,
    cache: str | None,
    explain: bool,
) -> int:
    """Check a draft's figures against its sources; exit 1 on a contradicted figure.

    Settings come from .claimcheck.toml or [tool.claimcheck] in pyproject.toml (found upward
    from the draft), overridden by flags. Several drafts (as a pre-commit hook passes them)
    are each checked against their sources; a draft of - is read from standard input.

    \b
    Example:
      claimcheck gate fixtures/drafts/wrong-toll.md --source fixtures/articles
    """
    drafts = _unique_drafts(drafts)
    reports = _gate_reports(drafts, sources, output, fail_on, config_path, cache)
    protect = (*drafts, *sources, *_configs(drafts, config_path))
    quiet = style().quiet
    if style().statistics:
        from checker.report import statistics

        _emit_statistics(statistics.of_gates(reports), fmt, output, protect)
    elif fmt == "rich":
        from checker.report import terminal

        def draw(console: Any) -> None:
            for report in reports:
                terminal.render_gate(report, console, quiet=quiet, explain=explain)

        _emit_rich(draw, output, protect)
    elif fmt == "json":
        from checker.report import json as json_report

        data = json_report.gates_data(reports, explain=explain)
        _emit_chunks(json_report.chunks(data), output, protect)
    elif fmt in ("sarif", "junit", "html"):
        import importlib

        _emit(importlib.import_module(f"checker.report.{fmt}").render(reports), output, protect)
    else:
        import importlib

        writer = importlib.import_module(f"checker.report.{fmt}")
        _emit("".join(writer.render(r) for r in reports), output, protect)
    return 1 if any(r.failed for r in reports) else 0


def _unique_drafts(drafts: Sequence[str]) -> tuple[str, ...]:
    """Each draft once: a draft named twice is gated once."""
    seen: set[str] = set()
    out = []
    _check_paths(drafts)
    for d in drafts:
        key = d if d == STDIN or "://" in d else os.path.realpath(d)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return tuple(out)


def _check_paths(paths: Iterable[str]) -> None:
    """A path with a NUL character names no file anywhere: say so before the OS refuses it."""
    for p in paths:
        if "\x00" in p:
            raise InputError(f"{p!r}: not a valid path (it holds a NUL character)")


def _configs(drafts: Sequence[str], config_path: str | None) -> list[str]:
    """The config files a gate run reads: never to be overwritten by its report."""

    if config_path:
        return [config_path]
    return [str(found) for d in drafts if (found := _config_near(d)) is not None]


def _config_near(path: str) -> Path | None:
    """The config for an input: found upward from it, from the name standard input goes by,
    or from the working folder."""
    from checker.config import find_config
    from checker.fetch import is_url

    if path == STDIN:
        _, stdin_name = _reading()
        return find_config(Path(stdin_name) if stdin_name else Path.cwd())
    return find_config(Path.cwd() if is_url(path) else Path(path))


def _draft_config(draft: str, config_path: str | None) -> Any:
    """The settings a draft is gated with, after checking the draft is there at all."""
    from checker.config import Config, load_config
    from checker.documents import refuse_url
    from checker.fetch import is_url

    if draft != STDIN and not is_url(draft):
        refuse_url(draft)
        if not Path(draft).exists():
            raise InputError(f"{draft}: no such file")
    found = Path(config_path) if config_path else _config_near(draft)
    return load_config(found) if found else Config()


def _draft_document(draft: str, cache: str | None) -> Any:
    """The draft: a file, a web page, or standard input under its --stdin-filename."""
    from checker.documents import read_document
    from checker.fetch import is_url, read_url

    _, stdin_name = _reading()
    if is_url(draft):
        doc = read_url(draft, cache=cache)
    else:
        doc = read_document(draft, stdin_name=stdin_name)
    _note_fallback([doc])
    return doc


def _gate_reports(
    drafts: Sequence[str],
    sources: Sequence[str],
    output: str | None,
    fail_on: str | None,
    config_path: str | None,
    cache: str | None = None,
) -> list[Any]:
    """One gate report per draft; each set of sources is read and extracted once."""
    from checker.gate import Ignore
    from checker.gate import gate as gate_draft
    from checker.settings import Settings

    if STDIN in drafts and STDIN in sources:
        raise UsageError("- names standard input as both a draft and a source")
    read: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[list[Any], list[Any]]] = {}
    reports = []
    for draft in drafts:
        config = _draft_config(draft, config_path)
        source_paths = tuple(sources or config.sources)
        if not source_paths:
            raise UsageError(
                "gate needs at least one --source (or sources in .claimcheck.toml or "
                "[tool.claimcheck])"
            )
        key = (source_paths, config.exclude)
        if key not in read:
            docs = _read(
                source_paths, output, also_protect=drafts, exclude=config.exclude, cache=cache
            )
            read[key] = (docs, _extract_all(docs))
        docs, claims = read[key]
        here = None if draft == STDIN or "://" in draft else os.path.realpath(draft)
        own = [i for i, d in enumerate(docs) if d.path == STDIN or os.path.realpath(d.path) != here]
        if not own:
            raise InputError(f"{', '.join(source_paths)}: no source besides the draft itself")
        draft_doc = _draft_document(draft, cache)
        common: dict[str, Any] = {
            "ignore": Ignore(frozenset(config.ignore_measures), frozenset(config.ignore_figures)),
            "fail_on": fail_on or config.fail_on or "contradicted",
            "source_claims": [claims[i] for i in own],
        }
        tolerance = config.tolerance or 0.0
        reports.append(
            gate_draft(
                draft_doc, [docs[i] for i in own], settings=Settings(tolerance=tolerance), **common
            )
        )
    return reports


# ---- helpers ------------------------------------------------------------------------------

STDIN = "-"


def _extract(doc: Any) -> Any:
    from checker.documents import claims_of

    return claims_of(doc)


def _read(
    paths: Sequence[str],
    output: str | None,
    also_protect: Sequence[str] = (),
    exclude: Sequence[str] | None = None,
    cache: str | None = None,
) -> Any:
    """The documents of the paths given, leaving out what --exclude, the config's exclude and
    the report being written name."""
    from checker.documents import read_documents

    flags, stdin_name = _reading()
    _check_paths((*paths, *also_protect))
    if exclude is None:
        from checker.config import load_config

        found = _config_near(paths[0]) if paths else None
        exclude = load_config(found).exclude if found else ()
    if output and output != STDIN:
        _refuse_overwrite(output, (*paths, *also_protect))
    if list(paths).count(STDIN) > 1:
        raise UsageError("- names standard input more than once")
    from checker import progress
    from checker.fetch import is_url

    fetching = any(is_url(p) for p in paths)
    with progress.bar("reading", progress.wanted(style().quiet), long=fetching) as update:
        docs = read_documents(
            paths,
            exclude=(*flags, *exclude),
            skip=(output,) if output and output != STDIN else (),
            on_skip=lambda f: _note(f"{f}: a claimcheck report, not read as a source"),
            stdin_name=stdin_name,
            cache=cache,
            on_read=update,
        )
    _note_fallback(docs)
    return docs


def _note(message: str) -> None:
    if not style().quiet:
        click.echo(f"claimcheck: note: {message}", err=True)


def _note_fallback(docs: Sequence[Any]) -> None:
    for d in docs:
        if d.fallback:
            _note(f"{d.path}: not UTF-8, read as {d.encoding}")


def _extract_all(docs: Sequence[Any]) -> list[Any]:
    """The claims of each document, with a progress bar on a terminal when they are many."""
    from checker import progress

    return progress.each(docs, _extract, "reading figures", progress.wanted(style().quiet))


def _matching(sources: int) -> Any:
    from checker import progress

    many = sources >= progress.MANY and progress.wanted(style().quiet)
    return progress.spinner("matching figures", many)


def _refuse_overwrite(output: str, inputs: Sequence[str]) -> None:
    """Never write a report over an input: a file named, a config, or a file in a folder named
    that is not itself a claimcheck report."""
    from checker.documents import is_report

    target = Path(output).resolve()
    for p in inputs:
        if p == STDIN:
            continue
        q = Path(p).resolve()
        if target == q or (
            q.is_dir() and q in target.parents and target.is_file() and not is_report(target)
        ):
            raise UsageError(f"{output}: refusing to write the report over an input file")


def _emit(text: str, output: str | None, inputs: Sequence[str]) -> None:
    _emit_chunks((text,), output, inputs)


def _emit_chunks(chunks: Iterable[str], output: str | None, inputs: Sequence[str]) -> None:
    """Write a report's pieces to standard output or to ``--output``, safely (checker.output)."""
    if output and output != STDIN:
        _refuse_overwrite(output, inputs)
    with open_output(output) as sink:
        sink.write_all(chunks)


def _emit_statistics(table: Any, fmt: str, output: str | None, inputs: Sequence[str]) -> None:
    from checker.report import statistics

    if fmt not in ("json", "rich", "table"):
        raise UsageError(f"--statistics is written as text or json, not {fmt}")
    if fmt == "json":
        from checker.report import json as json_report

        _emit_chunks(json_report.chunks(statistics.data(table)), output, inputs)
    else:
        _emit(statistics.render(table), output, inputs)


def _emit_rich(draw: Callable[[Any], None], output: str | None, inputs: Sequence[str]) -> None:
    """A rich report: coloured and sized to the terminal when it goes to one, plain, 100
    columns wide and wrapped (never cut) when piped or written to a file."""
    from rich.console import Console

    terminal = (output is None or output == STDOUT) and stdout_is_terminal()
    color = style().color
    colour = color == "always" or (color == "auto" and terminal and not os.environ.get("NO_COLOR"))
    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    buffer = io.StringIO()
    draw(
        Console(
            file=buffer,
            width=width,
            color_system="standard" if colour else None,
            force_terminal=colour,
            no_color=not colour,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
    )
    text = buffer.getvalue()
    if not colour:  # rich pads every line to the width; a file or a pipe needs no padding
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    _emit(text, output, inputs)


# click 8.2 raises this for a bare `claimcheck`; older versions print help and exit 0.
_NO_ARGS_IS_HELP: type[click.UsageError] = getattr(
    click.exceptions, "NoArgsIsHelpError", type("_Never", (click.UsageError,), {})
)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI, turning every failure into one line and an exit code."""
    try:
        code = _main(argv)
        sys.stdout.flush()
    except (BrokenPipeError, OutputClosed):
        # The reader went away (| head): nothing more to say, and no traceback. 141 is what a
        # shell reports for a program ended by SIGPIPE, so 1 keeps meaning "found".
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 141
    return code


def _main(argv: Sequence[str] | None) -> int:
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="claimcheck",
            standalone_mode=False,
        )
    except OutputClosed:
        raise
    except ClaimcheckError as exc:
        click.echo(f"claimcheck: error: {exc.message}", err=True)
        return exc.exit_code
    except _NO_ARGS_IS_HELP as exc:
        click.echo(exc.format_message(), err=True)
        return 2
    except click.UsageError as exc:
        hint = (
            f" (see 'claimcheck {exc.ctx.info_name} --help')" if exc.ctx and exc.ctx.parent else ""
        )
        click.echo(f"claimcheck: error: {exc.format_message()}{hint}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except (KeyboardInterrupt, click.Abort):
        click.echo("claimcheck: interrupted", err=True)
        return 130
    return int(result or 0)


def run() -> None:
    sys.exit(main())


# The ledger's commands live in their own module, which uses this one's options and writers.
from checker.ledger.cli import ledger  # noqa: E402

cli.add_command(ledger)

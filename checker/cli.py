"""The command line: a thin shell over the library (extract, check, gate)."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.errors import ClaimcheckError, InputError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

GATE_FORMATS = ("rich", "json", "sarif", "github", "junit", "markdown")
PROGRESS_BYTES = 4 * 1024 * 1024  # show a progress bar on a terminal past this much input


def output_options(formats: Sequence[str], default: str) -> Callable[[F], F]:
    """--format and --output, the same on every command."""

    def decorate(f: F) -> F:
        f = click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, writable=False),
            help="Write the report to FILE (atomically) instead of standard output.",
        )(f)
        f = click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice(formats, case_sensitive=False),
            default=default,
            show_default=True,
            help="Report format.",
        )(f)
        return f

    return decorate


def cache_option(f: F) -> F:
    """--cache, on every command that reads inputs (URLs among them)."""
    return click.option(
        "--cache",
        type=click.Path(file_okay=False),
        help="Keep fetched URLs in folder DIR and read them from there on later runs.",
        metavar="DIR",
    )(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
@cache_option
def extract(paths: tuple[str, ...], fmt: str, output: str | None, cache: str | None) -> int:
    """List every numeric claim in the files or folders given.

    \b
    Example:
      claimcheck extract fixtures/articles --format json
    """
    docs = _read(paths, output, cache=cache)
    claims = [c for d in docs for c in _progress(_extract, d)]
    if fmt == "json":
        from checker.report import json as json_report

        _emit(json_report.render(json_report.extract_data(claims)), output, paths)
    else:
        from checker.report import terminal

        _emit_rich(lambda console: terminal.render_extract(claims, console), output, paths)
    return 0


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@output_options(("rich", "json", "markdown"), "rich")
@click.option(
    "--explain", is_flag=True, help="Show why claims were aligned and which intervals clash."
)
@click.option("--show-single", is_flag=True, help="List the claims found in one source only.")
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

    A PATH may be a file, a folder (its .txt, .md and .html files, sorted) or an http(s) URL.

    \b
    Example:
      claimcheck check fixtures/articles --explain
    """
    from checker.check import check as run_check

    docs = _read(paths, output, cache=cache)
    if len(docs) < 2:
        raise UsageError(f"check needs at least two sources, got {len(docs)} ({', '.join(paths)})")
    claims = [_progress(_extract, d) for d in docs]
    report = run_check(docs, claims=claims)
    if fmt == "json":
        from checker.report import json as json_report

        _emit(json_report.render(json_report.check_data(report, explain)), output, paths)
    elif fmt == "markdown":
        from checker.report import markdown

        _emit(markdown.render(report), output, paths)
    else:
        from checker.report import terminal

        _emit_rich(
            lambda console: terminal.render_check(
                report, console, explain=explain, show_single=show_single
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
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@cache_option
def gate(
    drafts: tuple[str, ...],
    sources: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    config_path: str | None,
    cache: str | None,
) -> int:
    """Check a draft's figures against its sources; exit 1 on a contradicted figure.

    Settings come from .claimcheck.toml (found upward from the draft), overridden by flags.
    Several drafts (as a pre-commit hook passes them) are each checked against their sources.

    \b
    Example:
      claimcheck gate fixtures/drafts/wrong-toll.md --source fixtures/articles
    """
    reports = _gate_reports(drafts, sources, output, fail_on, config_path, cache)
    protect = (*drafts, *sources, *_configs(drafts, config_path))
    if fmt == "rich":
        from checker.report import terminal

        def draw(console: Any) -> None:
            for report in reports:
                terminal.render_gate(report, console)

        _emit_rich(draw, output, protect)
    elif fmt == "json":
        from checker.report import json as json_report

        if len(reports) == 1:
            data = json_report.gate_data(reports[0])
        else:
            data = {
                "schema": json_report.SCHEMA,
                "reports": [json_report.gate_data(r) for r in reports],
            }
        _emit(json_report.render(data), output, protect)
    elif fmt in ("sarif", "junit"):
        import importlib

        _emit(importlib.import_module(f"checker.report.{fmt}").render(reports), output, protect)
    else:
        import importlib

        writer = importlib.import_module(f"checker.report.{fmt}")
        _emit("".join(writer.render(r) for r in reports), output, protect)
    return 1 if any(r.failed for r in reports) else 0


def _configs(drafts: Sequence[str], config_path: str | None) -> list[str]:
    """The config files a gate run reads: never to be overwritten by its report."""
    from checker.config import find_config

    if config_path:
        return [config_path]
    return [str(found) for d in drafts if (found := find_config(Path(d))) is not None]


def _gate_reports(
    drafts: Sequence[str],
    sources: Sequence[str],
    output: str | None,
    fail_on: str | None,
    config_path: str | None,
    cache: str | None = None,
) -> list[Any]:
    """One gate report per draft; each set of sources is read and extracted once."""
    from checker.config import Config, find_config, load_config
    from checker.documents import read_document
    from checker.gate import Ignore
    from checker.gate import gate as run_gate
    from checker.match import Settings

    read: dict[tuple[str, ...], tuple[list[Any], list[Any]]] = {}
    reports = []
    for draft in drafts:
        draft_path = Path(draft)
        if not draft_path.exists():
            raise InputError(f"{draft}: no such file")
        found = Path(config_path) if config_path else find_config(draft_path)
        config = load_config(found) if found else Config()
        source_paths = tuple(sources or config.sources)
        if not source_paths:
            raise UsageError("gate needs at least one --source (or sources in .claimcheck.toml)")
        if source_paths not in read:
            docs = _read(source_paths, output, also_protect=drafts, cache=cache)
            read[source_paths] = (docs, [_progress(_extract, d) for d in docs])
        docs, claims = read[source_paths]
        own = [i for i, d in enumerate(docs) if Path(d.path).resolve() != draft_path.resolve()]
        if not own:
            raise InputError(f"{', '.join(source_paths)}: no source besides the draft itself")
        draft_doc = read_document(draft_path)
        _note_fallback([draft_doc])
        reports.append(
            run_gate(
                draft_doc,
                [docs[i] for i in own],
                settings=Settings(about_widen=config.tolerance or 0.0),
                ignore=Ignore(frozenset(config.ignore_measures), frozenset(config.ignore_figures)),
                fail_on=fail_on or config.fail_on or "contradicted",
                source_claims=[claims[i] for i in own],
            )
        )
    return reports


# ---- helpers ------------------------------------------------------------------------------


def _extract(doc: Any) -> Any:
    from checker.documents import claims_of

    return claims_of(doc)


def _read(
    paths: Sequence[str],
    output: str | None,
    also_protect: Sequence[str] = (),
    cache: str | None = None,
) -> Any:
    from checker.documents import read_documents

    if output:
        _refuse_overwrite(output, (*paths, *also_protect))
    docs = read_documents(paths, cache=cache)
    _note_fallback(docs)
    return docs


def _note_fallback(docs: Sequence[Any]) -> None:
    for d in docs:
        if d.fallback:
            click.echo(f"claimcheck: note: {d.path}: not UTF-8, read as {d.encoding}", err=True)


def _progress(work: Callable[[Any], Any], doc: Any) -> Any:
    """Run ``work(doc)``, with a transient spinner on a terminal when the document is large."""
    if len(doc.text) < PROGRESS_BYTES or not sys.stderr.isatty():
        return work(doc)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("reading figures in {task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        bar.add_task(doc.id, total=None)
        return work(doc)


def _refuse_overwrite(output: str, inputs: Sequence[str]) -> None:
    target = Path(output).resolve()
    for p in inputs:
        q = Path(p).resolve()
        if target == q or (q.is_dir() and q in target.parents and target.exists()):
            raise UsageError(f"{output}: refusing to write the report over an input file")


def _emit(text: str, output: str | None, inputs: Sequence[str]) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _refuse_overwrite(output, inputs)
    write_atomic(Path(output), text)


def _emit_rich(draw: Callable[[Any], None], output: str | None, inputs: Sequence[str]) -> None:
    from rich.console import Console

    if output is None:
        draw(Console(highlight=False))
        return
    buffer = io.StringIO()
    draw(Console(file=buffer, width=100, color_system=None, force_terminal=False, highlight=False))
    _emit(buffer.getvalue(), output, inputs)


def write_atomic(path: Path, text: str) -> None:
    """Write a temporary file beside ``path`` and rename it into place."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise


# click 8.2 raises this for a bare `claimcheck`; older versions print help and exit 0.
_NO_ARGS_IS_HELP: type[click.UsageError] = getattr(
    click.exceptions, "NoArgsIsHelpError", type("_Never", (click.UsageError,), {})
)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI, turning every failure into one line and an exit code."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="claimcheck",
            standalone_mode=False,
        )
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
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say, and no traceback. 141 is what a
        # shell reports for a program ended by SIGPIPE, so 1 keeps meaning "found".
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return int(result or 0)


def run() -> None:
    sys.exit(main())


# The ledger's commands live in their own module, which uses this one's options and writers.
from checker.ledger.cli import ledger  # noqa: E402

cli.add_command(ledger)

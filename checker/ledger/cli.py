"""`claimcheck ledger`: add, check, stats, remove and export, a thin shell over checker.ledger.

Registered by checker.cli at its end (it uses that module's shared options and writers).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from checker import cli as _base
from checker.cli import _emit, _emit_rich, _note_fallback, output_options
from checker.errors import InputError, UsageError

# The gate's formats and writers (the import cycle with checker.cli hides its type from mypy).
FORMATS: tuple[str, ...] = _base.GATE_FORMATS  # type: ignore[has-type]
DEFAULT_NAME = ".claimcheck-ledger.sqlite"
BATCH = 200  # articles per commit when adding many


def ledger_path(given: str | None) -> Path:
    """--ledger, else the config's ``ledger``, else the default file in the project folder
    (where the nearest .claimcheck.toml is, or the current folder)."""
    from checker.config import find_config, load_config

    if given:
        return Path(given)
    found = find_config(Path.cwd())
    if found is not None:
        config = load_config(found)
        if config.ledger:
            return Path(config.ledger)
        return found.parent / DEFAULT_NAME
    return Path(DEFAULT_NAME)


def _open(ctx: click.Context, create: bool = False) -> Any:
    from checker.ledger.sqlite import SQLiteStore

    path = ledger_path(ctx.obj)
    store = SQLiteStore(path, create=create)
    ctx.call_on_close(store.close)
    return store


@click.group()
@click.option(
    "--ledger",
    "ledger_file",
    type=click.Path(dir_okay=False),
    help=f"The ledger file (default: the config's 'ledger', or {DEFAULT_NAME} in the project).",
)
@click.pass_context
def ledger(ctx: click.Context, ledger_file: str | None) -> None:
    """Store articles' claims with time and outlet; check a new article against all of them.

    \b
    Example:
      claimcheck ledger add wire/ --outlet "Meridian Wire"
      claimcheck ledger check draft.md
    """
    ctx.obj = ledger_file


_published = click.option(
    "--published",
    metavar="ISO",
    help="Publication date or time (ISO 8601), where the file states none.",
)
_outlet = click.option("--outlet", metavar="NAME", help="The outlet, where the file states none.")


@ledger.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_published
@_outlet
@click.pass_context
def add(
    ctx: click.Context, paths: tuple[str, ...], published: str | None, outlet: str | None
) -> int:
    """Store every article's claims; adding an article again replaces it.

    The publication time comes from the file's front matter or metadata, else --published,
    else the file's modification time (each line says which).

    \b
    Example:
      claimcheck ledger add wire/ --published 2015-11-14 --outlet "Meridian Wire"
    """
    from checker.documents import claims_of, iter_paths, read_document
    from checker.ledger.ingest import Metadata, article_of, flag_time

    if any(p == "-" for p in paths):
        raise UsageError("ledger add needs files: an article read from standard input has no path")
    given = Metadata(flag_time(published) if published else None, outlet)
    files = iter_paths(paths)
    store = _open(ctx, create=True)
    failed = 0
    for start in range(0, len(files), BATCH):
        done: list[str] = []
        with store.batch():
            for f in files[start : start + BATCH]:
                try:
                    doc = read_document(f)
                except InputError as exc:
                    # One unreadable file is reported, and the others are still stored.
                    click.echo(f"claimcheck: error: {exc.message}", err=True)
                    failed += 1
                    continue
                _note_fallback([doc])
                notes: list[str] = []
                article = article_of(doc, given, notes)
                for note in notes:
                    click.echo(f"claimcheck: note: {note}", err=True)
                claims = claims_of(doc)
                done.append(_added(store.put(article, claims), f, article, len(claims)))
        # Said only once committed: a line printed is an article stored.
        click.echo("".join(done), nl=False)
    return 2 if failed else 0


def _added(status: str, path: Path, article: Any, claims: int) -> str:
    from checker.ledger.check import day

    when = f"published {day(article.published)} ({article.published_from})"
    who = f"outlet {article.outlet} ({article.outlet_from})" if article.outlet else "outlet unknown"
    return f"{status} {path}: {claims} claims, {when}, {who}\n"


@ledger.command()
@click.argument("article", metavar="ARTICLE")
@_published
@_outlet
@output_options(FORMATS, "rich")
@click.option(
    "--fail-on",
    type=click.Choice(("contradicted", "unsupported")),
    default=None,
    help="Fail on contradicted figures (default) or on unsupported ones too.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.pass_context
def check(
    ctx: click.Context,
    article: str,
    published: str | None,
    outlet: str | None,
    fmt: str,
    output: str | None,
    fail_on: str | None,
    config_path: str | None,
) -> int:
    """Check an article against every earlier claim in the ledger; exit 1 on a contradiction.

    Verdicts and formats are the gate's; evidence names article, outlet and date, and a figure
    the same outlet later revised is shown with its history.

    \b
    Example:
      claimcheck ledger check draft.md --format json
    """
    from checker.config import Config, find_config, load_config
    from checker.documents import read_document
    from checker.gate import Ignore
    from checker.ledger.check import check_article
    from checker.ledger.ingest import Metadata, flag_time
    from checker.ledger.report import draw, render
    from checker.settings import Settings

    store = _open(ctx)
    doc = read_document(article)
    _note_fallback([doc])
    found = Path(config_path) if config_path else find_config(Path(article))
    config = load_config(found) if found else Config()
    notes: list[str] = []
    report = check_article(
        store,
        doc,
        Metadata(flag_time(published) if published else None, outlet),
        settings=Settings(tolerance=config.tolerance or 0.0),
        ignore=Ignore(frozenset(config.ignore_measures), frozenset(config.ignore_figures)),
        fail_on=fail_on or config.fail_on or "contradicted",
        notes=notes,
    )
    for note in notes:
        click.echo(f"claimcheck: note: {note}", err=True)
    protect = (article, str(store.path), *((str(found),) if found else ()))
    if fmt == "rich":
        _emit_rich(lambda console: draw(report, console), output, protect)
    else:
        _emit(render(report, fmt), output, protect)
    return 1 if report.failed else 0


@ledger.command()
@output_options(("table", "json"), "table")
@click.pass_context
def stats(ctx: click.Context, fmt: str, output: str | None) -> int:
    """How many articles, claims and outlets the ledger holds, and its size.

    \b
    Example:
      claimcheck ledger stats --format json
    """
    import dataclasses

    from checker.ledger.report import stats_lines

    store = _open(ctx)
    found = store.stats()
    if fmt == "json":
        text = json.dumps({"ledger": str(store.path), **dataclasses.asdict(found)}, indent=2)
        _emit(text + "\n", output, (str(store.path),))
    else:
        _emit("\n".join(stats_lines(found, str(store.path))) + "\n", output, (str(store.path),))
    return 0


@ledger.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.pass_context
def remove(ctx: click.Context, paths: tuple[str, ...]) -> int:
    """Remove articles (by the path they were added from) and their claims.

    \b
    Example:
      claimcheck ledger remove wire/old-story.md
    """
    store = _open(ctx)
    missing = []
    for p in paths:
        if store.remove(os.path.abspath(p)):
            click.echo(f"removed {p}")
        else:
            missing.append(p)
    if missing:
        raise InputError(f"{missing[0]}: not in the ledger")
    return 0


@ledger.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the JSON lines to FILE (atomically) instead of standard output.",
)
@click.pass_context
def export(ctx: click.Context, output: str | None) -> int:
    """Every stored article with its claims, one JSON object a line (for inspection, backup).

    \b
    Example:
      claimcheck ledger export --output ledger.jsonl
    """
    from checker.ledger.transfer import export_lines

    store = _open(ctx)
    _base._emit_chunks(export_lines(store), output, (str(store.path),))
    return 0


@ledger.command(name="import")
@click.argument("file", metavar="FILE")
@click.pass_context
def import_(ctx: click.Context, file: str) -> int:
    """Store the articles of a `ledger export` file (JSON lines), replacing those at the same
    paths; a line that is not an exported article stores nothing (read as data only).

    \b
    Example:
      claimcheck ledger import ledger.jsonl
    """
    from checker.ledger.transfer import import_lines

    try:
        handle = open(file, encoding="utf-8", newline="\n")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror or exc})") from None
    store = _open(ctx, create=True)
    try:
        with handle:
            counts = import_lines(store, handle, file)
    except UnicodeDecodeError:
        raise InputError(f"{file}: not UTF-8 text (an export is JSON lines)") from None
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror or exc})") from None
    said = ", ".join(f"{n} {what}" for what, n in counts.items())
    click.echo(f"imported {file}: {said}")
    return 0

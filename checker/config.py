"""Settings: `.claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`, found upward from
the input as ruff finds its own; every key checked, flags win."""

from __future__ import annotations

import difflib
import math
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from claims.measures import normalise as normalise_measure

CONFIG_NAME = ".claimcheck.toml"
PYPROJECT = "pyproject.toml"
TABLE = "claimcheck"
FAIL_ON = ("contradicted", "unsupported")


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None
    sources: tuple[str, ...] = ()  # relative to the config file's folder
    fail_on: str | None = None
    tolerance: float | None = None  # extra relative tolerance for "about"
    ignore_measures: tuple[str, ...] = ()
    ignore_figures: tuple[str, ...] = ()
    ledger: str | None = None  # the ledger file, relative to the config file's folder
    exclude: tuple[str, ...] = ()  # globs left out when folders are read


_KEYS = (
    "exclude",
    "fail-on",
    "ignore-figures",
    "ignore-measures",
    "ledger",
    "sources",
    "tolerance",
)


def find_config(start: Path) -> Path | None:
    """The nearest config in ``start``'s folder or above it: `.claimcheck.toml`, or else a
    `pyproject.toml` with a `[tool.claimcheck]` table (one without it is passed over)."""
    # Lexical, not resolve(): a symlinked draft takes the config of the folder it is linked
    # into, where the writer sees it, not the one of wherever the target happens to live.
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for d in (folder, *folder.parents):
        candidate = d / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = d / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml of some other tool is not ours to report on, unless it says
        # [tool.claimcheck], which a plain look at its text finds.
        try:
            return "[tool.claimcheck]" in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    tool = data.get("tool")
    return isinstance(tool, dict) and TABLE in tool


def load_config(path: Path) -> Config:
    """Read and validate a config file; ConfigError names the file and the bad key."""
    data = _parse(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get(TABLE, {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.{TABLE} must be a table ([tool.{TABLE}])")
    else:
        table = _table(data, path)
    unknown = [k for k in table if k not in _KEYS]
    if unknown:
        key = unknown[0]
        close = difflib.get_close_matches(key.replace("_", "-").lower(), _KEYS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(_KEYS)}"
        raise ConfigError(f"{path}: unknown key {key!r} ({hint})")
    fail_on = table.get("fail-on")
    if fail_on is not None and (not isinstance(fail_on, str) or fail_on not in FAIL_ON):
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    tolerance = table.get("tolerance")
    if tolerance is not None and (
        isinstance(tolerance, bool)
        or not isinstance(tolerance, int | float)
        or not math.isfinite(tolerance)
        or not 0 <= tolerance <= 1
    ):
        raise ConfigError(f"{path}: tolerance must be a number from 0 to 1, not {tolerance!r}")
    base = path.parent
    sources = _strings(table, "sources", path)
    ledger = table.get("ledger")
    if ledger is not None and (not isinstance(ledger, str) or not ledger.strip()):
        raise ConfigError(f"{path}: ledger must be a file name, not {ledger!r}")
    return Config(
        path=str(path),
        sources=tuple(dict.fromkeys(str(base / Path(s).expanduser()) for s in sources)),
        fail_on=fail_on,
        tolerance=None if tolerance is None else float(tolerance),
        # Through the lexicon, as claims are: "killed" or "Death toll" ignore the measure "deaths".
        ignore_measures=tuple(
            dict.fromkeys(normalise_measure(m) for m in _strings(table, "ignore-measures", path))
        ),
        ignore_figures=_strings(table, "ignore-figures", path),
        ledger=None if ledger is None else str(base / Path(ledger.strip()).expanduser()),
        exclude=_strings(table, "exclude", path),
    )


def _parse(path: Path) -> dict[str, Any]:
    try:
        # utf-8-sig: editors on Windows like to start a file with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a config file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot be read (not UTF-8)") from None
    except ValueError:  # a NUL character in the path
        raise ConfigError(f"{str(path)!r}: not a valid path") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = " ".join(str(exc).split())  # one line on stderr, whatever tomllib says
        raise ConfigError(f"{path}: not valid TOML ({reason})") from None


def _table(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """The settings: every key at the top level, or every key inside one [claimcheck] table."""
    if TABLE not in data:
        return data
    if not isinstance(data[TABLE], dict):
        raise ConfigError(f"{path}: {TABLE} must be a table ([{TABLE}]), not a value")
    outside = [k for k in data if k != TABLE]
    if outside:
        raise ConfigError(
            f"{path}: key {outside[0]!r} is outside the [{TABLE}] table "
            f"(put every key inside [{TABLE}], or use no table at all)"
        )
    table: dict[str, Any] = data[TABLE]
    return table


def _strings(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    """A list of non-empty strings (a single string is a list of one), stripped."""
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        quoted = ' (quote figures: ["119"])' if key == "ignore-figures" else ""
        raise ConfigError(f"{path}: {key} must be a list of strings, not {value!r}{quoted}")
    items = tuple(v.strip() for v in value)
    if "" in items:
        raise ConfigError(f"{path}: {key} has an empty string")
    return items

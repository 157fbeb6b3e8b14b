"""`.claimcheck.toml`: found upward from the draft, every key checked, flags win."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import ConfigError

CONFIG_NAME = ".claimcheck.toml"
FAIL_ON = ("contradicted", "unsupported")


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None
    sources: tuple[str, ...] = ()  # relative to the config file's folder
    fail_on: str | None = None
    tolerance: float | None = None  # extra relative tolerance for "about"
    ignore_measures: tuple[str, ...] = ()
    ignore_figures: tuple[str, ...] = ()


_KEYS = {"sources", "fail-on", "tolerance", "ignore-measures", "ignore-figures"}


def find_config(start: Path) -> Path | None:
    """The nearest `.claimcheck.toml` in ``start``'s folder or above it."""
    folder = start if start.is_dir() else start.parent
    for d in (folder.resolve(), *folder.resolve().parents):
        candidate = d / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate a config file; ConfigError names the file and the bad key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    # Keys at the top level, or all inside one [claimcheck] table.
    nested = set(data) == {"claimcheck"} and isinstance(data["claimcheck"], dict)
    table: dict[str, Any] = data["claimcheck"] if nested else data
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    base = path.parent
    sources = _strings(table, "sources", path)
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    tolerance = table.get("tolerance")
    if tolerance is not None and (
        isinstance(tolerance, bool)
        or not isinstance(tolerance, int | float)
        or not 0 <= tolerance <= 1
    ):
        raise ConfigError(f"{path}: tolerance must be a number from 0 to 1, not {tolerance!r}")
    return Config(
        path=str(path),
        sources=tuple(str(base / s) for s in sources),
        fail_on=fail_on,
        tolerance=None if tolerance is None else float(tolerance),
        ignore_measures=_strings(table, "ignore-measures", path),
        ignore_figures=_strings(table, "ignore-figures", path),
    )


def _strings(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)

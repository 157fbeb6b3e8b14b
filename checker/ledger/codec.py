"""A claim as plain columns and JSON, and back: nothing stored is ever executed when read."""

from __future__ import annotations

import dataclasses
import json
import math
import operator
from collections.abc import Callable, Sequence
from typing import Any

from checker.errors import ClaimcheckError
from claims import Claim


class LedgerError(ClaimcheckError):
    """A ledger that cannot be opened, read or written: one line, exit code 2."""


# The claim's facts that get columns of their own (what a store filters or shows on), as
# (column, Claim field).
_COLUMN_FIELDS = (
    ("kind", "kind"),
    ("unit", "unit"),
    ("measure", "measure"),
    ("qualifier", "qualifier"),
    ("text", "text"),
    ("value", "value"),
    ("low", "low"),
    ("high", "high"),
    ("line", "line"),
    ("col", "column"),
    ("start", "start"),
    ("stop", "end"),
)
COLUMNS = tuple(column for column, _ in _COLUMN_FIELDS)
_OWN = {"source", "sentence"}  # given by the article the claim is stored with


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _damaged("text field is not text")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _damaged("list field is not a list of text")
    return tuple(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise _damaged("number field is not a number")
    return float(value)


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _damaged("position is not a whole number")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _damaged("flag is not true or false")
    return value


_READERS: dict[str, Callable[[Any], Any]] = {
    "str": _text,
    "bool": _flag,
    "int": _whole,
    "float": _number,
    "tuple[str, ...]": _strings,
}


def _reader(annotation: str) -> Callable[[Any], Any]:
    """How to read a field of this type back from JSON, checking what it finds."""
    base = annotation.removesuffix(" | None")
    read = _READERS[base]  # a Claim field of a new type must be taught here (a test checks)
    if base == annotation:
        return read
    return lambda value: None if value is None else read(value)


_FIELDS = {f.name: f for f in dataclasses.fields(Claim)}
_READ = {name: _reader(str(f.type)) for name, f in _FIELDS.items()}
_IN_COLUMNS = {name for _, name in _COLUMN_FIELDS}
_REST = tuple(name for name in _FIELDS if name not in _OWN and name not in _IN_COLUMNS)


def _default(name: str) -> Any:
    f = _FIELDS[name]
    return f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default


_DEFAULTS = {name: _default(name) for name in _REST}


_COLUMN_VALUES = operator.attrgetter(*(name for _, name in _COLUMN_FIELDS))
_REST_VALUES = operator.attrgetter(*_DEFAULTS)
_REST_DEFAULTS = tuple(_DEFAULTS.items())
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # made once, not per claim


def encode(claim: Claim, topic: tuple[str, ...]) -> tuple[tuple[Any, ...], str]:
    """The column values and the JSON rest of a claim; ``topic`` is its article's, stored once."""
    rest: dict[str, Any] = {}
    for (name, default), value in zip(_REST_DEFAULTS, _REST_VALUES(claim), strict=True):
        if value != default and not (name == "topic" and value == topic):
            rest[name] = list(value) if isinstance(value, tuple) else value
    return _COLUMN_VALUES(claim), _JSON.encode(rest)


def decode(
    row: Sequence[Any], rest: str, sentence: str, source: str, topic: tuple[str, ...]
) -> Claim:
    """A claim from its columns (in the order of ``COLUMNS``) and JSON rest, checked field by
    field: a damaged or foreign ledger gives a LedgerError, never a wrong claim. Fields this
    version does not know (a ledger written by another version) are left out."""
    try:
        data = json.loads(rest)
    except (ValueError, TypeError):
        raise LedgerError("ledger damaged: a claim's data is not JSON") from None
    if not isinstance(data, dict):
        raise LedgerError("ledger damaged: a claim's data is not a JSON object")
    fields: dict[str, Any] = {"source": source, "sentence": sentence, "topic": topic}
    for (_, name), value in zip(_COLUMN_FIELDS, row, strict=True):
        fields[name] = _READ[name](value)
    for name in _REST:
        if name in data:
            fields[name] = _READ[name](data[name])
    return Claim(**fields)


def strings_json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def strings_of_json(text: str) -> tuple[str, ...]:
    try:
        return _strings(json.loads(text))
    except (ValueError, TypeError):
        raise LedgerError("ledger damaged: a list of names is not JSON") from None


def _damaged(what: str) -> LedgerError:
    return LedgerError(f"ledger damaged: a claim's {what}")


def claim_of_data(data: Any) -> Claim:
    """A claim from its JSON form (``Claim.to_dict``, as ``ledger export`` writes it), checked
    field by field as a stored one is: what is not a claim gives a LedgerError. Keys this
    version does not know (``scope``, which is derived) are left out."""
    if not isinstance(data, dict):
        raise LedgerError("a claim is not a JSON object")
    fields: dict[str, Any] = {}
    for name, f in _FIELDS.items():
        if name in data:
            try:
                fields[name] = _READ[name](data[name])
            except LedgerError:
                raise LedgerError(f"a claim's {name!r} is not what it must be") from None
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise LedgerError(f"a claim has no {name!r}")
    return Claim(**fields)

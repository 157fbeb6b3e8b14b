"""quantulum3 behind claimcheck's command line, for the benchmarks' scorers.

Run by an interpreter that has quantulum3 installed (a scratch venv is enough):
``python bench/quantulum_shim.py extract FILE --format json`` prints quantulum3's quantities in
claimcheck's JSON layout (start, end, text, value, unit as an ISO code for money);
``python bench/quantulum_shim.py sentences`` prints quantulum3's own English test sentences with
its expected quantities and what it finds in each, and ``time FILE`` the seconds it takes on a
file read as one text per paragraph.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any


def _parser() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("It was 5 km long.")  # its tables load on the first call
        return parser


def _claims(parser: Any, text: str, base: int = 0) -> list[dict[str, Any]]:
    out = []
    for q in parser.parse(text):
        code = getattr(q.unit, "currency_code", None)
        out.append(
            {
                "start": base + q.span[0],
                "end": base + q.span[1],
                "text": q.surface,
                "value": q.value,
                "unit": code if code else None,
                "unit_name": q.unit.name,
            }
        )
    return out


def extract(path: str) -> None:
    parser = _parser()
    text = Path(path).read_text(encoding="utf-8")
    claims: list[dict[str, Any]] = []
    base = 0
    for paragraph in text.split("\n\n"):  # as claimcheck reads them: one paragraph at a time
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with contextlib.suppress(Exception):  # a crash on one case: nothing found there
                claims.extend(_claims(parser, paragraph, base))
        base += len(paragraph) + 2
    print(json.dumps({"schema": "quantulum3", "claims": claims}))


def sentences() -> None:
    import quantulum3

    tests = Path(quantulum3.__file__).parent / "_lang" / "en_US" / "tests" / "quantities.json"
    parser = _parser()
    cases = json.loads(tests.read_text(encoding="utf-8"))
    out = []
    for case in cases:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = _claims(parser, case["req"])
            except Exception:
                found = []
        out.append({"req": case["req"], "res": case["res"], "found": found})
    print(json.dumps(out))


def timing(path: str) -> None:
    parser = _parser()
    articles = Path(path).read_text(encoding="utf-8").split("\n\n\n")
    start = time.perf_counter()
    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for article in articles:
            found += len(parser.parse(article))
    print(json.dumps({"seconds": time.perf_counter() - start, "found": found}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "extract":
        extract(sys.argv[2])
    elif command == "sentences":
        sentences()
    elif command == "time":
        timing(sys.argv[2])

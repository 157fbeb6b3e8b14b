"""No construct makes extraction or its output grow faster than the text: measured by the size of
the JSON written and the peak memory traced, at two small sizes (never by wall time)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import load_bench

from checker.documents import prose_of
from claims import extract

_BENCH = load_bench("hostile")
CASES: dict[str, tuple[str, Callable[[int], str]]] = _BENCH.CASES
SMALL = 2_500
# Four times the text may cost about four times as much; 16 would be quadratic. The slack
# covers fixed costs that small sizes do not amortise.
LINEAR = 4 * 1.6
SKIPPED = {"news text", "md: news text", "million-digit number"}
NAMES = [n for n in CASES if n not in SKIPPED]


def _cost(name: str, size: int) -> tuple[int, int]:
    """(characters of JSON written, peak bytes traced) of extracting a case of ``size``."""
    suffix, build = CASES[name]
    text = prose_of(build(size), suffix)
    tracemalloc.start()
    try:
        claims = extract(text, "case")
        written = sum(len(json.dumps(c.to_dict())) for c in claims)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return written, peak


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_output_and_memory_grow_linearly(name: str) -> None:
    extract("warm up the caches: 5 people")
    small_out, small_mem = _cost(name, SMALL)
    large_out, large_mem = _cost(name, 4 * SMALL)
    assert large_out <= LINEAR * max(small_out, 1_000), (small_out, large_out)
    assert large_mem <= LINEAR * max(small_mem, 200_000), (small_mem, large_mem)


def test_a_long_sentence_is_bounded_around_its_figure() -> None:
    text = "word " * 2_000 + "at least 129 people died " + "word " * 2_000
    (claim,) = extract(text)
    assert claim.text == "at least 129"
    assert "129 people died" in claim.sentence
    assert len(claim.sentence) <= 1_300


def test_a_tiny_file_reads_under_a_small_address_space(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text("5 people", encoding="utf-8")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (600 << 20, 600 << 20))

    done = subprocess.run(
        [sys.executable, "-m", "checker", "extract", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-300:]
    assert json.loads(done.stdout)["claims"][0]["value"] == 5

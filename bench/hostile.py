"""Time and peak memory of reading and extracting hostile text, and a 50 MB file of news text."""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
MB = 1 << 20


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def one_line_mix(size: int) -> str:
    rng = random.Random(129)
    pieces = ["at", "least", "people", "km", "$", "%", "Oct.", "million", "-", ",", "(", ")"]
    out: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.6:
            piece = rng.choice(pieces)
        else:
            piece = str(rng.randrange(10 ** rng.randrange(1, 9)))
        out.append(piece)
        total += len(piece) + 1
    return " ".join(out)[:size]


def _news(size: int) -> str:
    articles = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
    return repeat(articles + "\n\n", size)


# name -> (file suffix, builder of a text of about ``size`` characters)
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "commas 1,1,1": (".txt", lambda n: repeat("1,", n)),
    "million-digit number": (".txt", lambda n: "7" * n),
    "nested parentheses": (".txt", lambda n: "(" * (n // 2) + ")" * (n // 2)),
    "hedge words": (".txt", lambda n: repeat("at least more than nearly about ", n)),
    "one line words+digits": (".txt", one_line_mix),
    "$$$$": (".txt", lambda n: "$" * n),
    "-1-1-1": (".txt", lambda n: repeat("-1", n)),
    "Oct. Oct. 31 31": (".txt", lambda n: repeat("Oct. Oct. 31 31 ", n)),
    "one two three": (".txt", lambda n: repeat("one two three ", n)),
    "md: unclosed <!--": (".md", lambda n: repeat("<!-- 1 ", n)),
    "md: `` runs": (".md", lambda n: repeat("`a``b```c ", n)),
    "md: ]( openers": (".md", lambda n: repeat("](a ", n)),
    "md: > nesting": (".md", lambda n: ">" * n),
    "md: news text": (".md", _news),
    "html: unclosed <script>": (".html", lambda n: repeat("<script> 1 ", n)),
    "html: unclosed <pre>": (".html", lambda n: repeat("<pre> a ", n)),
    "html: entities": (".html", lambda n: repeat("&amp;&#36;1&#10;", n)),
    "news text": (".txt", _news),
    # constructs that once grew with the square of the input
    "no sentence end": (".txt", lambda n: repeat("one hundred and ", n)),
    "no-break digit groups": (".txt", lambda n: "1" + "\u00a0111" * (n // 4) + ",5"),
    "dates": (".txt", lambda n: repeat("on 5 May 2020 and ", n)),
    "ranges": (".txt", lambda n: repeat("between 1 and 2 ", n)),
    "hedges": (".txt", lambda n: repeat("at least 5 and nearly 6 ", n)),
    "conversions": (".txt", lambda n: repeat("1 kilogram (2.2 pounds) ", n)),
    "names": (".txt", lambda n: repeat("Paris Syria Iraq 5 ", n)),
    "brackets": (".txt", lambda n: repeat("(5) [6] {7} ", n)),
    "many figures, one sentence": (".txt", lambda n: repeat("5, ", n)),
    "distinct words, one sentence": (".txt", lambda n: _distinct_words(n)),
    "md: table": (".md", lambda n: repeat("| 1 | 2 km | 3% |\n", n)),
    "md: emphasis": (".md", lambda n: repeat("*5* _6_ **7** ", n)),
    "html: paragraphs": (".html", lambda n: repeat("<p>5 people</p><span>6 km</span>", n)),
    "compound measures": (".txt", lambda n: repeat("6 ft 2 in, 3 years and 4 months 2 km 5 m ", n)),
    "articles before units": (".txt", lambda n: repeat("a gallon a mile $4 a gallon ", n)),
    "md: suppression directives": (
        ".md",
        lambda n: repeat("<!-- claimcheck: ignore --> 5 people. <!-- claimcheck: off --> ", n),
    ),
}


def _distinct_words(size: int) -> str:
    """One sentence of ever new words with a figure now and then."""
    out, total, i = [], 0, 0
    while total < size:
        word = "".join(chr(97 + int(d)) for d in f"{i:06d}")
        piece = f"{word} {i % 97}" if i % 5 == 0 else word
        out.append(piece)
        total += len(piece) + 1
        i += 1
    return " ".join(out)[:size]


# What the growth runs time: each command with each output format.
COMMANDS: dict[str, tuple[str, ...]] = {
    "extract": ("table", "json"),
    "check": ("rich", "json", "markdown", "html"),
    "gate": ("rich", "json", "sarif", "github", "junit", "markdown", "html"),
}


def counted(run: Callable[[], object]) -> tuple[object, int]:
    """What ``run`` returns, and the function calls it made (C calls included)."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        result = run()
    finally:
        profile.disable()
    return result, sum(entry.callcount for entry in profile.getstats())


def computed(command: str, first: Path, second: Path) -> Any:
    """What ``command`` computes from two files before any writer runs (as the CLI does it)."""
    from checker.check import check
    from checker.documents import read_document, read_documents
    from checker.gate import gate
    from claims import extract

    if command == "extract":
        return extract(read_document(first).prose, str(first))
    if command == "check":
        return check(read_documents([first, second]))
    return [gate(read_document(first), read_documents([second]))]


def _console(sink: io.StringIO) -> Any:
    from rich.console import Console

    return Console(file=sink, width=100, color_system=None)


def written(command: str, fmt: str, result: Any) -> str:
    """The output of one format, by the writer the CLI calls for it."""
    from checker.report import json as json_report
    from checker.report import terminal

    sink = io.StringIO()
    if fmt == "json":
        data = {
            "extract": json_report.extract_data,
            "check": json_report.check_data,
            "gate": json_report.gates_data,
        }[command](result)
        return "".join(json_report.chunks(data))
    if fmt in ("table", "rich"):
        if command == "extract":
            terminal.render_extract(result, _console(sink))
        elif command == "check":
            terminal.render_check(result, _console(sink), explain=False, show_single=False)
        else:
            for report in result:
                terminal.render_gate(report, _console(sink))
        return sink.getvalue()
    writer = importlib.import_module(f"checker.report.{fmt}")
    if command == "check":
        return str(writer.render(result))
    if fmt in ("sarif", "junit", "html"):
        return str(writer.render(result))
    return "".join(writer.render(r) for r in result)


def command_costs(
    name: str, command: str, size: int, folder: Path
) -> tuple[int, dict[str, tuple[int, int]]]:
    """Function calls of the command's work (none counted for extract, whose growth
    tests/test_growth.py measures by memory and output), and (calls, characters) of each of its
    formats, on two files of a case of ``size``."""
    suffix, build = CASES[name]
    first, second = folder / f"a{suffix}", folder / f"b{suffix}"
    first.write_text(build(size), encoding="utf-8")
    second.write_text(build(size), encoding="utf-8")
    if command == "extract":
        result, calls = computed(command, first, second), 0
    else:
        result, calls = counted(lambda: computed(command, first, second))
    formats = {}
    for fmt in COMMANDS[command]:
        text, fmt_calls = counted(lambda fmt=fmt: written(command, fmt, result))
        formats[fmt] = (fmt_calls, len(str(text)))
    return calls, formats


def _peak_rss_mb() -> float:
    """This process's peak resident memory since it started, in MB."""
    # Linux's ru_maxrss survives exec, so a child would report its parent's peak: VmHWM does not.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / MB


def child(path: str) -> None:
    """Read and extract one file in this process; print timings and peak RSS as JSON."""
    from checker.documents import read_document
    from checker.report import json as json_report
    from claims import extract

    before = _peak_rss_mb()
    t0 = time.perf_counter()
    doc = read_document(path)
    t1 = time.perf_counter()
    claims = extract(doc.prose, doc.id)
    t2 = time.perf_counter()
    # `extract --format json` as the CLI streams it, counted rather than kept; beside it, what
    # writing each claim's whole sentence would have cost (the output before sentence windows).
    json_chars = sum(len(piece) for piece in json_report.chunks(json_report.extract_data(claims)))
    t3 = time.perf_counter()
    whole_sentences = sum(len(c.sentence) for c in claims)
    print(
        json.dumps(
            {
                "chars": len(doc.text),
                "claims": len(claims),
                "read": t1 - t0,
                "extract": t2 - t1,
                "json": t3 - t2,
                "json_mb": json_chars / MB,
                "sentences_mb": whole_sentences / MB,
                "rss_before": before,
                "rss_peak": _peak_rss_mb(),
            }
        )
    )


def child_cli(argv: list[str]) -> None:
    """Run one claimcheck command in this process, its output to /dev/null; print its time
    and the growth of the peak resident set as JSON."""
    import contextlib

    import checker.cli
    from checker.cli import main as cli_main

    del checker
    before = _peak_rss_mb()
    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        t0 = time.perf_counter()
        code = cli_main(argv)
        seconds = time.perf_counter() - t0
    print(json.dumps({"code": code, "seconds": seconds, "extra_mb": _peak_rss_mb() - before}))


def _write(path: Path, name: str, size: int) -> None:
    build = CASES[name][1]
    with path.open("w", encoding="utf-8", newline="") as f:
        step = size if size <= 4 * MB else MB
        for _ in range(size // step):
            f.write(build(step))


def growth_run(
    name: str, size: int, command: str, fmt: str, folder: Path, timeout: float
) -> dict[str, float]:
    """One command on a case of ``size`` characters, in a fresh child process."""
    suffix = CASES[name][0]
    first, second = folder / f"a{suffix}", folder / f"b{suffix}"
    _write(first, name, size)
    _write(second, name, size)
    args = {
        "extract": ["extract", str(first)],
        "check": ["check", str(first), str(second)],
        "gate": ["gate", str(first), "--source", str(second)],
    }[command]
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child-cli", *args, "--format", fmt],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"error": 1.0}
    if done.returncode != 0 or not done.stdout.strip():
        return {"error": 1.0}
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def exponent(sizes: list[int], values: list[float]) -> float:
    """The slope of log(value) against log(size), least squares: 1 linear, 2 quadratic."""
    import math

    points = [(math.log(s), math.log(max(v, 1e-9))) for s, v in zip(sizes, values, strict=True)]
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    num = sum((x - mx) * (y - my) for x, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return num / den


def growth(sizes: list[int], only: str | None, formats: str, timeout: float) -> None:
    """Growth exponents of time and of peak memory, each case, command and format."""
    print(f"growth at {', '.join(f'{s // 1000} KB' for s in sizes)}: exponent of time, and of")
    print("the peak resident set above the imports (memory under 2 MB at the largest size is")
    print("'flat'); 1 is linear, 2 quadratic.\n")
    print(
        f"{'case':<30}{'command':<10}{'format':<10}{'s at max':>10}{'time exp':>10}{'mem exp':>10}"
    )
    with tempfile.TemporaryDirectory(prefix="claimcheck-growth-") as tmp:
        for name in CASES:
            if name in ("news text", "md: news text") or (only and only not in name):
                continue
            for command, fmts in COMMANDS.items():
                for fmt in fmts if formats == "all" else fmts[:2]:
                    runs = [growth_run(name, n, command, fmt, Path(tmp), timeout) for n in sizes]
                    if any("error" in r for r in runs):
                        print(f"{name:<30}{command:<10}{fmt:<10}  failed or over {timeout:.0f} s")
                        continue
                    times = [r["seconds"] for r in runs]
                    mems = [r["extra_mb"] for r in runs]
                    mem = "flat" if mems[-1] < 2 else f"{exponent(sizes, mems):.2f}"
                    print(
                        f"{name:<30}{command:<10}{fmt:<10}{times[-1]:>10.2f}"
                        f"{exponent(sizes, times):>10.2f}{mem:>10}",
                        flush=True,
                    )


def counted_growth(sizes: list[int], only: str | None) -> None:
    """Growth exponents of the function calls counted (cProfile) in each command's work and in
    each of its writers, per case: a measure of work that load on the machine does not move."""
    print(f"counted work at {', '.join(f'{s:,}' for s in sizes)} characters: exponent of the")
    print(
        "function calls of the command's work, then of each writer's; 1 is linear, 2 quadratic.\n"
    )
    with tempfile.TemporaryDirectory(prefix="claimcheck-counted-") as tmp:
        for name in CASES:
            if name in ("news text", "md: news text") or (only and only not in name):
                continue
            for command in COMMANDS:
                command_costs(name, command, 60, Path(tmp))  # imports and caches
                runs = [command_costs(name, command, n, Path(tmp)) for n in sizes]
                work = (
                    "-" if command == "extract" else f"{exponent(sizes, [r[0] for r in runs]):.2f}"
                )
                writers = "  ".join(
                    f"{fmt} {exponent(sizes, [r[1][fmt][0] for r in runs]):.2f}"
                    for fmt in COMMANDS[command]
                )
                print(f"{name:<30}{command:<8} work {work:>5}   {writers}", flush=True)


def run_case(name: str, size: int, folder: Path, timeout: float) -> dict[str, object]:
    """Write the case's text to a file and measure it in a fresh child process."""
    suffix, build = CASES[name]
    path = folder / f"case{suffix}"
    with path.open("w", encoding="utf-8", newline="") as f:
        # Past a few megabytes the text is written a megabyte at a time, so this process stays
        # small (the child's own figures are what is measured).
        step = size if size <= 4 * MB else MB
        for _ in range(size // step):
            f.write(build(step))
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    finally:
        path.unlink()
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit {done.returncode}"]
        return {"error": lines[-1][:60]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=MB, help="characters per hostile case")
    parser.add_argument("--big", type=int, default=50, help="MB of news text for the large case")
    parser.add_argument(
        "--big-markdown", action="store_true", help="also run the large case as a .md file"
    )
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per hostile case")
    parser.add_argument(
        "--big-timeout", type=float, default=1800.0, help="seconds for the large case"
    )
    parser.add_argument(
        "--growth",
        default="64000,256000,1024000",
        help="sizes (characters) of the growth runs; 'none' skips them",
    )
    parser.add_argument(
        "--formats", default="two", help="'all': every output format of each command"
    )
    parser.add_argument(
        "--counted",
        metavar="SIZES",
        help="instead, the function calls counted at these sizes (e.g. 1500,4500): each "
        "command's work and each writer's, per case",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-cli"]:
        child_cli(argv[1:])
        return 0
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    if args.counted:
        counted_growth([int(x) for x in args.counted.split(",")], args.only)
        return 0
    if args.growth != "none":
        sizes = [int(x) for x in args.growth.split(",")]
        growth(sizes, args.only, args.formats, args.timeout)
        print()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; one child process per case.")
    print("read and extract: time.perf_counter seconds of read_document and claims.extract.")
    print("memory: the child's peak resident set (Linux VmHWM, else ru_maxrss), in MB: 'base'")
    print("after the imports, before reading; 'peak' at the end; 'extra' = peak - base.")
    print("json: the extract JSON as streamed (seconds, MB); 'whole MB': the sentences alone had")
    print("each claim carried its whole sentence, as the JSON did before sentence windows.\n")
    header = f"{'case':<26}{'size':>8}{'claims':>9}{'read s':>9}{'extract s':>11}"
    header += f"{'base MB':>9}{'peak MB':>9}{'extra MB':>10}"
    header += f"{'json s':>8}{'json MB':>9}{'whole MB':>10}"
    print(header)
    print("-" * len(header))
    cases = [(name, args.size) for name in CASES]
    cases.append(("news text", args.big * MB))
    if args.big_markdown:
        cases.append(("md: news text", args.big * MB))
    if args.only:
        cases = [(n, s) for n, s in cases if args.only in n]
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        for name, size in cases:
            timeout = args.big_timeout if size > args.size else args.timeout
            r = run_case(name, size, Path(tmp), timeout)
            label = f"{size / MB:.0f} MB" if size >= MB else f"{size // 1000} KB"
            if "error" in r:
                print(f"{name:<26}{label:>8}  failed: {r['error']}", flush=True)
                continue
            base, peak = float(str(r["rss_before"])), float(str(r["rss_peak"]))
            print(
                f"{name:<26}{label:>8}{r['claims']:>9}{float(str(r['read'])):>9.2f}"
                f"{float(str(r['extract'])):>11.2f}{base:>9.0f}{peak:>9.0f}{peak - base:>10.0f}"
                f"{float(str(r['json'])):>8.2f}{float(str(r['json_mb'])):>9.1f}"
                f"{float(str(r['sentences_mb'])):>10.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

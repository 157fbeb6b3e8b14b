"""Time and peak memory of reading and extracting hostile text, and a 50 MB file of news text."""

from __future__ import annotations

import argparse
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
}


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
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0

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

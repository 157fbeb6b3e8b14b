"""SummEdits numeric subset: the gate's swap recall and false alarms against a naive anchor."""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.documents import Document
from checker.gate import Finding, GateReport, gate
from checker.scorer import same_fact
from checker.settings import Settings
from checker.verdict import restates
from claims import Claim, extract

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "summedits"
TARGET_CAUGHT = 80.0  # percent of swaps caught, at least
TARGET_ALARMS = 2.0  # percent of consistent summaries with a contradicted figure, at most

# A figure as written in digits: "35", "0.13", "1,200", "50.6"; a sentence-final period is not
# part of it (a separator counts only with a digit after it).
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9$])|\n+")
_WIDTH = 100
_CONTEXT = 150  # characters shown either side of a figure in a long doc sentence
_SENTENCES_SHOWN = 3


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    doc: str
    summary: str
    original: str
    consistent: bool
    changed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    item: Item
    report: GateReport
    caught: bool  # a contradicted finding on a changed figure (swaps only)
    alarm: bool  # any contradicted finding
    naive_flags: tuple[str, ...]

    @property
    def naive_caught(self) -> bool:
        return any(_overlaps(n, self.item.changed) for n in self.naive_flags)


def load(folder: Path) -> list[Item]:
    """Every item of the folder's JSONL files; exit 2 with one line when there are none."""
    if not folder.is_dir():
        print(f"summedits: benchmark folder not found: {folder}", file=sys.stderr)
        raise SystemExit(2)
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        print(f"summedits: no *.jsonl data in {folder}", file=sys.stderr)
        raise SystemExit(2)
    items = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            items.append(
                Item(
                    id=str(row["id"]),
                    doc=row["doc"],
                    summary=row["summary"],
                    original=row.get("original_summary") or row["summary"],
                    consistent=str(row["label"]) == "1",  # "1"/1 consistent, "0"/0 edited
                    changed=tuple(str(c) for c in row.get("changed") or ()),
                )
            )
    return items


def numbers(text: str) -> list[str]:
    """The figures written in digits in ``text``, thousands separators dropped."""
    return [n.replace(",", "") for n in _NUMBER.findall(text)]


def _overlaps(claim_text: str, changed: Iterable[str]) -> bool:
    """Whether a figure's text and some changed figure are one figure.

    ``changed`` holds figures as the summary writes them, in digits ("0.12", "2024"): a claim
    overlaps one when a number in its text equals it ("$0.12", "below $30 billion", "Q4" for
    "4"), and not when the digits are only part of another number ("$3.1 billion" for "1").
    A changed figure in words ("four") overlaps a claim whose text contains it, or is contained
    in it, as whole words.
    """
    nums = set(numbers(claim_text))
    low = claim_text.lower()
    for fig in changed:
        if _NUMBER.search(fig):
            if nums & set(numbers(fig)):
                return True
        elif _word_in(fig.lower(), low) or (low and _word_in(low, fig.lower())):
            return True
    return False


def _word_in(needle: str, haystack: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def naive_flags(summary: str, doc: str) -> tuple[str, ...]:
    """The naive anchor: summary numbers whose digits occur as no number of the doc."""
    in_doc = set(numbers(doc))
    return tuple(n for n in numbers(summary) if n not in in_doc)


def run(item: Item, settings: Settings) -> Outcome:
    draft = Document(
        id="summary", path="summary", text=item.summary, prose=item.summary, encoding="utf-8"
    )
    source = Document(id="doc", path="doc", text=item.doc, prose=item.doc, encoding="utf-8")
    report = gate(draft, [source], settings=settings)
    contradicted = [f for f in report.findings if f.status == "contradicted"]
    caught = not item.consistent and any(
        _overlaps(f.claim.text, item.changed) for f in contradicted
    )
    return Outcome(item, report, caught, bool(contradicted), naive_flags(item.summary, item.doc))


def _share(n: int, total: int) -> str:
    pct = 100.0 * n / total if total else 0.0
    return f"{n} of {total} ({pct:.1f}%)"


def _pct(n: int, total: int) -> float:
    return 100.0 * n / total if total else 0.0


def summarise(outcomes: Sequence[Outcome], source: str) -> None:
    swaps = [o for o in outcomes if not o.item.consistent]
    clean = [o for o in outcomes if o.item.consistent]
    gate_caught = sum(o.caught for o in swaps)
    gate_alarms = sum(o.alarm for o in clean)
    naive_caught = sum(o.naive_caught for o in swaps)
    naive_alarms = sum(bool(o.naive_flags) for o in clean)
    any_contra = sum(o.alarm for o in swaps)
    print(
        f"SummEdits numeric subset ({source}): {len(outcomes)} items, "
        f"{len(swaps)} numeric swaps, {len(clean)} consistent summaries"
    )
    print()
    print(f"{'':<22}{'numeric swaps caught':<26}false alarms")
    rows = (
        ("claimcheck gate", gate_caught, gate_alarms),
        ("naive digit anchor", naive_caught, naive_alarms),
    )
    for name, caught, alarms in rows:
        print(f"{name:<22}{_share(caught, len(swaps)):<26}{_share(alarms, len(clean))}")
    print(f"{'target':<22}{f'at least {TARGET_CAUGHT:.0f}%':<26}at most {TARGET_ALARMS:.0f}%")
    print()
    print(
        "caught: a contradicted finding on a changed figure; the gate contradicts some figure "
        f"in {_share(any_contra, len(swaps))} swaps"
    )
    print(f"changed figures in swaps, by the gate's finding on them: {_by_status(swaps)}")
    met = (
        _pct(gate_caught, len(swaps)) >= TARGET_CAUGHT
        and _pct(gate_alarms, len(clean)) <= TARGET_ALARMS
    )
    verdict = "met" if met else "not met"
    print(
        f"target (>= {TARGET_CAUGHT:.0f}% caught, <= {TARGET_ALARMS:.0f}% false alarms): {verdict}"
    )


def _by_status(swaps: Sequence[Outcome]) -> str:
    """How the gate judged each changed figure: contradicted wins over any other finding."""
    counts = dict.fromkeys(("contradicted", "supported", "unsupported", "not extracted"), 0)
    for o in swaps:
        for fig in o.item.changed:
            mine = {f.status for f in o.report.findings if _overlaps(f.claim.text, [fig])}
            status = next((s for s in counts if s in mine), "not extracted")
            counts[status] += 1
    return ", ".join(f"{n} {status}" for status, n in counts.items())


# --- verbose: what the matcher saw for every missed swap and every false alarm ---------------


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _clip(sentence: str, figure: str) -> str:
    """A long sentence cut to the stretch around the figure's first mention."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= 2 * _CONTEXT + 40:
        return sentence
    m = _number_at(sentence, figure)
    at = m.start() if m else 0
    lo, hi = max(0, at - _CONTEXT), min(len(sentence), at + len(figure) + _CONTEXT)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


def _number_at(text: str, figure: str) -> re.Match[str] | None:
    for m in _NUMBER.finditer(text):
        if m.group().replace(",", "") == figure:
            return m
    return None


def doc_sentences(doc: str, figure: str) -> list[str]:
    """The doc's sentences stating ``figure`` (digits) as a whole number."""
    return [s for s in sentences(doc) if figure in numbers(s)]


def originals(item: Item) -> dict[str, list[str]]:
    """For each changed figure, the figure(s) of the original summary it replaced."""
    old, new = numbers(item.original), numbers(item.summary)
    out: dict[str, list[str]] = {}
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for j in range(j1, j2):
            one_to_one = tag == "replace" and i2 - i1 == j2 - j1
            got = [old[i1 + j - j1]] if one_to_one else old[i1:i2]
            out.setdefault(new[j], [])
            out[new[j]] += [g for g in got if g not in out[new[j]]]
    # A figure moved as well as changed ("2023" last, "2024" first) pairs with nothing: then
    # the original's figures the summary no longer has are the candidates.
    gone = [n for n in dict.fromkeys(old) if n not in new]
    return {fig: out.get(fig.replace(",", "")) or gone for fig in item.changed}


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=_WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _describe(claim: Claim) -> str:
    return f"{claim.text!r} [{claim.kind}/{claim.measure}, {claim.qualifier}]"


def _finding_lines(f: Finding, indent: str) -> list[str]:
    lines = [_wrap(f"{f.status.upper()}: {_describe(f.claim)}: {f.message}", indent)]
    if f.evidence:
        top = f.evidence[0]
        figure = next(iter(numbers(top.text)), "")
        lines.append(
            _wrap(f"evidence, doc line {top.line}: {_clip(top.sentence, figure)}", indent + "  ")
        )
    return lines


def _relations(
    claim: Claim, doc_claims: Sequence[Claim], figure: str, settings: Settings
) -> list[str]:
    """How the scorer sees a summary claim beside each doc claim stating ``figure``."""
    out = []
    for d in doc_claims:
        if figure not in numbers(d.text):
            continue
        out.append(
            f"vs doc {_describe(d)} line {d.line}: P(same fact, alone)="
            f"{same_fact(claim, d):.2f} restates={restates(claim, d, settings)}"
        )
    return out


def explain(o: Outcome, settings: Settings) -> None:
    item = o.item
    head = "MISSED SWAP" if not item.consistent else "FALSE ALARM"
    print("=" * _WIDTH)
    print(f"{head}  {item.id}" + (f"  changed: {', '.join(item.changed)}" if item.changed else ""))
    print(_wrap(f"summary:  {item.summary.strip()}", "  "))
    if not item.consistent:
        print(_wrap(f"original: {item.original.strip()}", "  "))
    doc_claims = extract(item.doc, "doc")
    findings = list(o.report.findings)
    print("  figures of the summary:")
    covered: set[int] = set()
    for f in findings:
        covered.update(range(f.claim.start, f.claim.end))
        for line in _finding_lines(f, "    "):
            print(line)
    for m in _NUMBER.finditer(item.summary):
        if not covered & set(range(m.start(), m.end())):
            print(f"    NOT EXTRACTED: {m.group()!r} in …{_clip(_around(item.summary, m), '')}…")
    _explain_swaps(item, findings, doc_claims, settings)
    if item.consistent:
        _explain_alarms(item, findings, doc_claims, settings)


def _explain_swaps(
    item: Item, findings: list[Finding], doc_claims: list[Claim], settings: Settings
) -> None:
    """Each changed figure: its finding, and the document's sentences with its original."""
    swapped = originals(item) if not item.consistent else {}
    for fig in item.changed:
        was = swapped.get(fig) or []
        mine = [f for f in findings if _overlaps(f.claim.text, [fig])]
        label = f"changed {fig}" + (f" (original {', '.join(was)})" if was else " (no original)")
        print(f"  {label}:")
        if not mine:
            print("    no finding on this figure: no claim of the summary has it")
        for orig in was:
            hits = doc_sentences(item.doc, orig)
            print(f"    doc sentences with {orig}: {len(hits)}")
            for s in hits[:_SENTENCES_SHOWN]:
                print(_wrap(f"- {_clip(s, orig)}", "      "))
            for f in mine:
                for line in _relations(f.claim, doc_claims, orig, settings)[:_SENTENCES_SHOWN]:
                    print(_wrap(line, "      "))
            if not any(orig in numbers(d.text) for d in doc_claims):
                print(f"      (no doc claim has {orig} in its text)")


def _explain_alarms(
    item: Item, findings: list[Finding], doc_claims: list[Claim], settings: Settings
) -> None:
    """Each contradicted figure of a consistent summary: the document's sentences with it."""
    for f in findings:
        if f.status != "contradicted":
            continue
        for fig in dict.fromkeys(numbers(f.claim.text)):
            hits = doc_sentences(item.doc, fig)
            print(f"  doc sentences with {fig} ({f.claim.text!r}): {len(hits)}")
            for s in hits[:_SENTENCES_SHOWN]:
                print(_wrap(f"- {_clip(s, fig)}", "      "))
            for line in _relations(f.claim, doc_claims, fig, settings)[:_SENTENCES_SHOWN]:
                print(_wrap(line, "      "))


def _around(text: str, m: re.Match[str]) -> str:
    return text[max(0, m.start() - 40) : m.end() + 40]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--verbose", action="store_true", help="explain every missed swap and false alarm"
    )
    args = parser.parse_args(argv)
    items = load(DATA)
    settings = Settings()
    outcomes = [run(item, settings) for item in items]
    source = ", ".join(sorted({p.name for p in DATA.glob("*.jsonl")}))
    summarise(outcomes, source)
    if args.verbose:
        missed = [o for o in outcomes if not o.item.consistent and not o.caught]
        alarms = [o for o in outcomes if o.item.consistent and o.alarm]
        print()
        print(f"{len(missed)} missed swaps, {len(alarms)} false alarms")
        for o in [*missed, *alarms]:
            explain(o, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())

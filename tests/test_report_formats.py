"""The SARIF, GitHub, JUnit and Markdown writers, on reports the library makes from our fixtures."""

from __future__ import annotations

import dataclasses
import functools
import json
import xml.etree.ElementTree as ET
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import regex

from checker.check import CheckReport, check
from checker.documents import Document, read_document, read_documents
from checker.gate import Finding, GateReport, gate
from checker.report import github, junit, markdown, sarif

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
DRAFTS = sorted(p.name for p in (FIXTURES / "drafts").iterdir())
SETS = sorted(p.name for p in (FIXTURES / "sets").iterdir())

# A draft with two misplaced suppressions: "on" without "off", and "ignore" with no figure after it.
SUPPRESSION_DRAFT = """# Paris

<!-- claimcheck: on -->

At least 129 people were killed in the Paris attacks on November 13.

<!-- claimcheck: ignore -->
"""

_COMMAND = regex.compile(
    r"::(?P<name>error|warning|notice)(?: (?P<props>[^:]*+))?::(?P<message>.*+)"
)


@functools.cache
def _sources() -> tuple[Document, ...]:
    return tuple(read_documents([FIXTURES / "articles"]))


@functools.cache
def _gate_report(name: str) -> GateReport:
    return gate(read_document(FIXTURES / "drafts" / name), _sources())


@functools.cache
def _check_report(name: str) -> CheckReport:
    return check(read_documents([FIXTURES / "sets" / name]))


@pytest.fixture(params=DRAFTS, ids=DRAFTS)
def report(request: pytest.FixtureRequest) -> GateReport:
    return _gate_report(request.param)


@pytest.fixture
def planted() -> GateReport:
    rep = _gate_report("planted-errors.txt")
    assert {"contradicted", "unsupported"} <= {f.status for f in rep.findings}, (
        "planted-errors.txt should hold contradicted and unsupported figures"
    )
    return rep


@pytest.fixture
def suppressed(tmp_path: Path) -> GateReport:
    draft = tmp_path / "suppressed.md"
    draft.write_text(SUPPRESSION_DRAFT, encoding="utf-8")
    rep = gate(read_document(draft), _sources())
    assert len(rep.warnings) == 2
    return rep


@pytest.fixture
def schema() -> dict[str, Any]:
    if not SCHEMA.is_file():
        pytest.skip(f"the SARIF schema is not beside the checkout ({SCHEMA} is absent)")
    data: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


def _line(path: str, number: int) -> str:
    return Path(path).read_text(encoding="utf-8").split("\n")[number - 1]


def _failing(rep: GateReport) -> list[Finding]:
    return [f for f in rep.findings if f.status in ("contradicted", "unsupported")]


def _with_finding(rep: GateReport, index: int, **changes: Any) -> GateReport:
    findings = list(rep.findings)
    findings[index] = dataclasses.replace(findings[index], **changes)
    return dataclasses.replace(rep, findings=tuple(findings))


# ---- SARIF -------------------------------------------------------------------------------


def test_sarif_validates_against_the_schema(report: GateReport, schema: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [e.message for e in validator.iter_errors(json.loads(sarif.render(report)))]
    assert errors == []


def test_sarif_with_suppression_warnings_validates(
    suppressed: GateReport, schema: dict[str, Any]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(sarif.render(suppressed)), schema)


def test_sarif_has_one_result_per_failing_finding(report: GateReport) -> None:
    run = json.loads(sarif.render(report))["runs"][0]
    failing = _failing(report)
    assert len(run["results"]) == len(failing) + len(report.warnings)
    expected = [
        ("claimcheck/contradicted", "error")
        if f.status == "contradicted"
        else ("claimcheck/unsupported", "warning")
        for f in failing
    ]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == expected
    assert [r["message"]["text"] for r in run["results"]] == [f.message for f in failing]


def test_sarif_driver_and_rules() -> None:
    run = json.loads(sarif.render(_gate_report("planted-errors.txt")))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck"
    assert driver["version"] == version("claimcheck")
    assert "informationUri" not in driver
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {
        "claimcheck/contradicted": "error",
        "claimcheck/unsupported": "warning",
        "claimcheck/suppression": "warning",
    }
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_regions_point_at_the_claims(planted: GateReport) -> None:
    results = json.loads(sarif.render(planted))["runs"][0]["results"]
    sources = dict(planted.sources)
    for finding, result in zip(_failing(planted), results, strict=True):
        claim = finding.claim
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == planted.draft.replace("\\", "/")
        region = location["region"]
        line = _line(planted.draft, region["startLine"])
        assert line[region["startColumn"] - 1 :].startswith(claim.text)
        assert region["endLine"] == region["startLine"]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == claim.text
        related = result.get("relatedLocations", [])
        assert len(related) == len(finding.evidence)
        for evidence, place in zip(finding.evidence, related, strict=True):
            assert place["message"]["text"] == f"source says {evidence.text}"
            uri = place["physicalLocation"]["artifactLocation"]["uri"]
            assert uri == sources[evidence.source].replace("\\", "/")
            where = place["physicalLocation"]["region"]
            source_line = _line(sources[evidence.source], where["startLine"])
            assert source_line[where["startColumn"] - 1 :].startswith(evidence.text.split("\n")[0])


def test_sarif_uri_is_the_draft_path_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    rep = gate(
        read_document("fixtures/drafts/planted-errors.txt"), read_documents(["fixtures/articles"])
    )
    results = json.loads(sarif.render(rep))["runs"][0]["results"]
    assert results
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"fixtures/drafts/planted-errors.txt"}
    related = {
        p["physicalLocation"]["artifactLocation"]["uri"]
        for r in results
        for p in r.get("relatedLocations", [])
    }
    assert related and all(u.startswith("fixtures/articles/") for u in related)


def test_sarif_region_of_a_figure_broken_over_two_lines(tmp_path: Path) -> None:
    draft = tmp_path / "broken.txt"
    draft.write_text(
        "The Russian airliner that came down over Sinai carried between 230\n"
        "and 240 people, none of whom survived.\n",
        encoding="utf-8",
    )
    rep = gate(read_document(draft), _sources())
    broken = [f for f in _failing(rep) if "\n" in f.claim.text]
    assert broken, [(f.status, f.claim.text) for f in rep.findings]
    index = _failing(rep).index(broken[0])
    result = json.loads(sarif.render(rep))["runs"][0]["results"][index]
    region = result["locations"][0]["physicalLocation"]["region"]
    claim = broken[0].claim
    assert (region["startLine"], region["startColumn"]) == (claim.line, claim.column)
    assert region["endLine"] == claim.line + 1
    assert region["endColumn"] == len("and 240") + 1
    annotation = github.render(rep).splitlines()[index]
    assert f"line={claim.line},endLine={claim.line + 1}," in annotation
    assert "col=" not in annotation


def test_sarif_fingerprints_are_stable_and_distinct(planted: GateReport) -> None:
    results = json.loads(sarif.render(planted))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["claimcheck/v1"] for r in results]
    assert len(set(prints)) == len(prints)
    assert prints == [
        r["partialFingerprints"]["claimcheck/v1"]
        for r in json.loads(sarif.render(planted))["runs"][0]["results"]
    ]
    claim = _failing(planted)[0].claim
    moved = dataclasses.replace(claim, line=claim.line + 7, column=1, start=0, end=len(claim.text))
    assert sarif.fingerprint("claimcheck/contradicted", moved) == sarif.fingerprint(
        "claimcheck/contradicted", claim
    )
    assert sarif.fingerprint("claimcheck/unsupported", claim) != sarif.fingerprint(
        "claimcheck/contradicted", claim
    )


def test_sarif_suppression_warnings_are_results(suppressed: GateReport) -> None:
    results = json.loads(sarif.render(suppressed))["runs"][0]["results"]
    warned = [r for r in results if r["ruleId"] == "claimcheck/suppression"]
    assert [r["message"]["text"] for r in warned] == [w.message for w in suppressed.warnings]
    assert {r["level"] for r in warned} == {"warning"}
    for result, warning in zip(warned, suppressed.warnings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        line = _line(suppressed.draft, region["startLine"])
        assert (region["startLine"], region["startColumn"]) == (warning.line, warning.column)
        assert line[region["startColumn"] - 1 :].startswith("<!-- claimcheck:")


def test_sarif_names_no_host(report: GateReport) -> None:
    assert "://" not in sarif.render(report)


# ---- GitHub workflow commands ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("50%", "50%25", "50%25"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("1,000: up", "1,000: up", "1%2C000%3A up"),
        ("%0A", "%250A", "%250A"),
    ],
    ids=["plain", "percent", "line-ends", "comma-colon", "already-escaped"],
)
def test_github_escapes(text: str, data: str, prop: str) -> None:
    assert github.escape_data(text) == data
    assert github.escape_property(text) == prop


def _unescape(text: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def _commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    assert output.endswith("\n")
    parsed = []
    for line in output.removesuffix("\n").split("\n"):
        m = _COMMAND.fullmatch(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m["props"].split(",")) if m["props"] else {}
        parsed.append(
            (m["name"], {k: _unescape(v) for k, v in props.items()}, _unescape(m["message"]))
        )
    return parsed


def test_github_one_annotation_per_failing_finding(report: GateReport) -> None:
    commands = _commands(github.render(report))
    failing = _failing(report)
    assert len(commands) == len(failing) + len(report.warnings) + 1
    for finding, (name, props, message) in zip(failing, commands, strict=False):
        claim = finding.claim
        assert name == ("error" if finding.status == "contradicted" else "warning")
        assert props["title"] == f"claimcheck {finding.status}"
        assert props["file"] == report.draft.replace("\\", "/")
        assert (int(props["line"]), int(props["col"])) == (claim.line, claim.column)
        assert int(props["endColumn"]) == claim.column + len(claim.text)
        assert message == finding.message
    counts = report.summary()
    assert commands[-1] == (
        "notice",
        {},
        f"claimcheck: {counts['contradicted']} contradicted, {counts['unsupported']} unsupported, "
        f"{counts['supported']} supported, {report.ignored} ignored",
    )


def test_github_escapes_messages_and_paths(planted: GateReport) -> None:
    index = next(i for i, f in enumerate(planted.findings) if f.status == "contradicted")
    message = "draft says 50% of 1,000: wrong\nsources say 40%"
    rep = dataclasses.replace(
        _with_finding(planted, index, message=message), draft="drafts/a,b:c.txt"
    )
    output = github.render(rep)
    lines = output.split("\n")
    changed = lines[[i for i, f in enumerate(rep.findings) if f.status != "supported"].index(index)]
    assert changed.startswith("::error file=drafts/a%2Cb%3Ac.txt,line=")
    assert changed.endswith("::draft says 50%25 of 1,000: wrong%0Asources say 40%25")
    parsed_all = _commands(output)
    assert ("error", "drafts/a,b:c.txt", message) in [
        (n, p.get("file"), m) for n, p, m in parsed_all
    ]


def test_github_suppression_warnings(suppressed: GateReport) -> None:
    commands = _commands(github.render(suppressed))
    warned = [c for c in commands if c[1].get("title") == "claimcheck suppression"]
    assert [(c[0], c[2]) for c in warned] == [("warning", w.message) for w in suppressed.warnings]
    assert [(int(c[1]["line"]), int(c[1]["col"])) for c in warned] == [
        (w.line, w.column) for w in suppressed.warnings
    ]


# ---- JUnit -------------------------------------------------------------------------------


def test_junit_has_a_test_case_per_finding(report: GateReport) -> None:
    output = junit.render(report)
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(output.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    contradicted = report.summary()["contradicted"]
    assert suite.get("name") == f"claimcheck gate {report.draft}"
    assert (suite.get("tests"), suite.get("failures")) == (
        str(len(report.findings)),
        str(contradicted),
    )
    assert (suite.get("errors"), suite.get("skipped")) == ("0", "0")
    cases = suite.findall("testcase")
    assert len(cases) == len(report.findings)
    for case, finding in zip(cases, report.findings, strict=True):
        claim = finding.claim
        assert case.get("classname") == f"claimcheck.{report.draft_id}"
        assert case.get("name") == f"{claim.line}:{claim.column} {claim.text} ({claim.measure})"
        failure = case.find("failure")
        if finding.status == "contradicted":
            assert failure is not None
            assert (failure.get("type"), failure.get("message")) == (
                "contradicted",
                finding.message,
            )
            assert len((failure.text or "").splitlines()) == len(finding.evidence)
        else:
            assert failure is None
            assert case.findtext("system-out") == finding.message


def test_junit_fails_unsupported_figures_when_asked(planted: GateReport) -> None:
    rep = dataclasses.replace(planted, fail_on="unsupported")
    suite = ET.fromstring(junit.render(rep).encode("utf-8")).find("testsuite")
    assert suite is not None
    counts = rep.summary()
    assert suite.get("failures") == str(counts["contradicted"] + counts["unsupported"])
    types = [f.get("type") for f in suite.iter("failure")]
    assert types.count("unsupported") == counts["unsupported"] > 0
    assert types.count("contradicted") == counts["contradicted"]


def test_junit_survives_characters_xml_cannot_carry(planted: GateReport) -> None:
    rep = _with_finding(planted, 0, message="draft says \x0c234\x1b; sources say 224")
    root = ET.fromstring(junit.render(rep).encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    text = case.findtext("system-out") if failure is None else failure.get("message")
    assert text == "draft says \ufffd234\ufffd; sources say 224"


# ---- Markdown ----------------------------------------------------------------------------


def _rows(output: str, header: str) -> list[list[str]]:
    """The cells of the table under ``header``, split on pipes not escaped with a backslash."""
    lines = output.split("\n")
    start = lines.index(header) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in regex.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


def test_markdown_gate_has_a_row_per_finding(report: GateReport) -> None:
    output = markdown.render(report)
    counts = report.summary()
    assert f"{counts['contradicted']} contradicted, {counts['unsupported']} unsupported" in output
    if not report.findings:
        return
    rows = _rows(output, "| Line | Figure | Verdict | Sources say |")
    assert len(rows) == len(report.findings)
    assert all(len(row) == 4 for row in rows)
    lines = [int(row[0]) for row in rows]
    assert lines == sorted(lines)
    in_order = sorted(report.findings, key=lambda f: (f.claim.line, f.claim.column))
    assert [row[2].strip("*") for row in rows] == [f.status for f in in_order]


def test_markdown_escapes_pipes_in_cells(planted: GateReport) -> None:
    claim = planted.findings[0].claim
    rep = _with_finding(planted, 0, claim=dataclasses.replace(claim, text="3 | 4"))
    output = markdown.render(rep)
    rows = _rows(output, "| Line | Figure | Verdict | Sources say |")
    assert len(rows) == len(rep.findings)
    assert all(len(row) == 4 for row in rows)
    assert any(row[1].startswith(r"3 \| 4") for row in rows)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("$15 million", r"\$15 million"),
        ("line\nbreak", "line break"),
        ("*bold* _it_", r"\*bold\* \_it\_"),
    ],
    ids=["pipe", "dollar", "newline", "emphasis"],
)
def test_markdown_escape(text: str, escaped: str) -> None:
    assert markdown.escape(text) == escaped


def test_markdown_gate_lists_warnings(suppressed: GateReport) -> None:
    output = markdown.render(suppressed)
    section = output.split("## Warnings\n", 1)[1]
    for w in suppressed.warnings:
        assert f"- line {w.line}, column {w.column}: {markdown.escape(w.message)}" in section


@pytest.mark.parametrize("name", SETS, ids=SETS)
def test_markdown_check_summarises_clusters(name: str) -> None:
    rep = _check_report(name)
    output = markdown.render(rep)
    counts = rep.summary()
    assert output.startswith(f"# claimcheck check: {len(rep.sources)} sources\n")
    assert f"{counts['single']} claim" in output
    assert output.count("\n### ") == counts["conflict"]
    assert ("## Conflicts" in output) == (counts["conflict"] > 0)
    if counts["agree"]:
        rows = _rows(output, "| Figure | Measure | Sources |")
        assert len(rows) == counts["agree"]
        agreed = [c for c in rep.clusters if c.status == "agree"]
        assert [row[1] for row in rows] == [markdown.escape(c.measure) for c in agreed]


def test_markdown_check_conflict_table_bolds_the_figure() -> None:
    rep = _check_report("conflicts")
    # Whether this set yields a conflict is the matcher's business; the table is ours.
    cluster = next(c for c in rep.clusters if len(c.sources) > 1)
    forced = dataclasses.replace(cluster, status="conflict")
    rep = dataclasses.replace(
        rep, clusters=(forced, *(c for c in rep.clusters if c is not cluster))
    )
    output = markdown.render(rep)
    assert "## Conflicts" in output
    rows = _rows(output, "| Source | Line | Figure | Sentence |")
    assert len(rows) == len(forced.claims)
    for row, claim in zip(rows, forced.claims, strict=True):
        assert row[:3] == [claim.source, str(claim.line), markdown.escape(claim.text)]
        assert f"**{markdown.escape(claim.text)}**" in row[3]


def test_markdown_refuses_other_values() -> None:
    with pytest.raises(TypeError, match="str"):
        markdown.render("not a report")  # type: ignore[arg-type]

"""False alarms found in review: correct drafts and agreeing sources that must never conflict."""

from __future__ import annotations

import pytest

from checker.check import check
from checker.documents import Document
from checker.gate import gate


def doc(name: str, text: str) -> Document:
    return Document(name, name, text, text, "utf-8")


CORRECT = [
    (
        "other-fuel",
        "A litre of petrol costs $1.50 in Sydney.",
        "A litre of diesel costs $1.70 in Sydney.",
    ),
    (
        "other-month",
        "Inflation was 3.1 percent in November.",
        "Inflation was 3.7 percent in September and 3.2 percent in October.",
    ),
    (
        "other-year",
        "Acme's revenue was $5 billion in 2023.",
        "Acme's revenue was $4 billion in 2022.",
    ),
    (
        "hedged-fraction",
        "The poll found 48 percent of voters backed the plan.",
        "The poll found nearly half of voters backed the plan.",
    ),
    (
        "dead-and-injured",
        "The attack in Kabul left 7 dead and 15 injured, police said.",
        "Police said the attack in Kabul killed 7 people. "
        "Another 15 people were injured in the attack in Kabul.",
    ),
    (
        "percentage-points",
        "Unemployment rose 3.5 percentage points to 8 percent in March.",
        "Unemployment stood at 8 percent in March, up from 4.5 percent a year earlier.",
    ),
    (
        "earlier-toll",
        "The earthquake killed 40 people, up from an earlier toll of 25.",
        "The earthquake killed 40 people, officials said.",
    ),
    (
        "other-aircraft",
        "The Boeing 737 crashed near Jakarta.",
        "A Boeing 747 crashed near Jakarta.",
    ),
    (
        "half-a-million",
        "Three and a half million people voted in the election.",
        "3.5 million people voted in the election.",
    ),
    (
        "no-break-space-thousands",
        "The floods killed 12,000 people in Libya.",
        "The floods killed 12\u00a0000 people in Libya.",
    ),
    pytest.param(
        "The Bataclan concert hall attack killed 89 people, the deadliest of the night.",
        "Gunmen and bombers in Paris left at least 129 people dead on Friday night.",
        id="part-of-the-total",
        # Known limit: only knowing that the hall was one of the night's sites tells a part
        # from a contradiction. The rule that held this case was written for it alone; it
        # also cost ECB+ its one caught conflict (40 killed at a school, against "more than
        # 50" killed in that day's strikes, which annotators link as one fact).
        marks=pytest.mark.xfail(strict=True, reason="a part of a total needs world knowledge"),
    ),
    (
        "another-event-on-topic",
        "The Paris attacks of Nov. 13 killed at least 129 people; the toll later rose to 130.",
        "A bombed passenger airliner that killed 224. Russia, France and Islamic State fighters "
        "in Syria and Paris dominate the week.",
    ),
    (
        "sales-and-profits",
        "Acme said sales rose 5 percent to £2m in the year.",
        "Acme said profits rose 20 percent to £3.4m in the year.",
    ),
]


@pytest.mark.parametrize(
    ("draft", "source"),
    [c if hasattr(c, "marks") else pytest.param(*c[1:], id=c[0]) for c in CORRECT],
)
def test_no_false_alarm(draft: str, source: str) -> None:
    report = gate(doc("draft.txt", draft), [doc("source.txt", source)])
    assert [f.message for f in report.findings if f.status == "contradicted"] == []
    assert check([doc("a.txt", draft), doc("b.txt", source)]).summary()["conflict"] == 0


def test_a_claim_joins_the_cluster_it_agrees_with() -> None:
    a = doc("a.txt", "Inflation was 3.7 percent in September and 3.2 percent in October.")
    b = doc("b.txt", "Inflation was 3.2 percent in October.")
    for documents in ([a, b], [b, a]):
        report = check(documents)
        assert report.summary()["conflict"] == 0
        assert report.summary()["agree"] == 1


WRONG = [
    (
        "scaled-count",
        "The fire killed 2 million chickens.",
        "The fire killed 1.6 million chickens.",
    ),
    ("scaled-money", "The deal was worth $3 billion.", "The deal was worth $2.6 billion."),
    ("round-count", "The quake killed 10,000 people.", "The quake killed 14,000 people."),
]


@pytest.mark.parametrize(("draft", "source"), [c[1:] for c in WRONG], ids=[c[0] for c in WRONG])
def test_a_round_figure_is_not_a_licence(draft: str, source: str) -> None:
    report = gate(doc("draft.txt", draft), [doc("source.txt", source)])
    assert [f.status for f in report.findings] == ["contradicted"]


def test_ignoring_a_figure_covers_it_hedged() -> None:
    from checker.gate import Ignore

    draft = doc("draft.txt", "The Paris attacks left at least 119 people dead.")
    source = doc("source.txt", "The Paris attacks left at least 129 people dead.")
    assert gate(draft, [source]).failed
    report = gate(draft, [source], ignore=Ignore(figures=frozenset({"119"})))
    assert report.ignored == 1 and not report.failed


def test_a_bracketed_range_restates_the_range() -> None:
    from claims import extract

    kg, lb = extract("The parcel weighed 1 to 2 kilograms (2.2 to 4.4 pounds).")
    assert lb.restates == kg.start
    assert (round(lb.low or 0, 3), round(lb.high or 0, 3)) == (0.998, 1.996)


def test_fail_on_unsupported_is_in_json_and_sarif_levels() -> None:
    import dataclasses
    import json

    from checker.report import json as json_report
    from checker.report import sarif

    draft = doc("draft.txt", "Officials counted 17 bridges washed away.")
    source = doc("source.txt", "The Paris attacks left at least 129 people dead.")
    report = gate(draft, [source])
    data = json_report.gate_data(report)
    assert (data["fail_on"], data["failed"]) == ("contradicted", False)
    strict = dataclasses.replace(report, fail_on="unsupported")
    assert json_report.gate_data(strict)["failed"] is True
    levels = [r["level"] for r in json.loads(sarif.render(strict))["runs"][0]["results"]]
    assert levels == ["error"]
    levels = [r["level"] for r in json.loads(sarif.render(report))["runs"][0]["results"]]
    assert levels == ["warning"]


def test_a_coincidental_difference_is_not_a_derivation() -> None:
    # 16 = 26 - 10, but bombs are neither jets nor planes: the 16 planes are simply wrong.
    draft = doc("draft.txt", "Sixteen French planes dropped bombs on Raqqa overnight.")
    source = doc(
        "source.txt",
        "Ten French planes dropped 16 bombs on Raqqa overnight. The carrier holds 26 fighter jets.",
    )
    report = gate(draft, [source])
    assert [(f.claim.text, f.status) for f in report.findings] == [("Sixteen", "contradicted")]


@pytest.mark.parametrize(
    ("figure", "status"),
    [("139", "supported"), ("300", "unsupported"), ("119", "contradicted")],
    ids=["near-the-bound", "far-past-the-bound", "below-the-bound"],
)
def test_an_open_bound_vouches_only_for_figures_near_it(figure: str, status: str) -> None:
    draft = doc("draft.txt", f"The Paris attacks left {figure} people dead, officials said.")
    source = doc("source.txt", "The Paris attacks left at least 129 people dead, officials said.")
    assert [f.status for f in gate(draft, [source]).findings] == [status]


def test_for_the_first_time_is_not_a_shared_figure() -> None:
    a = doc("a.txt", "Britain will bomb targets in Syria for the first time, Cameron said.")
    b = doc("b.txt", "The Pentagon praised the Kremlin for the first time since September.")
    assert check([a, b]).summary() == {"agree": 0, "conflict": 0, "single": 2}


def test_each_figure_of_a_sentence_takes_one_statement_of_a_figure_told_twice() -> None:
    # The source tells forty twice, of nurses and of wards: the draft's 40 nurses take one,
    # and its 30 wards are against the other.
    draft = doc("draft.txt", "All 40 nurses sent their forms to only 30 wards.")
    source = doc(
        "source.txt",
        "At the hospital, all forty nurses sent their forms to all forty wards on Monday.",
    )
    report = gate(draft, [source])
    assert [(f.claim.text, f.status) for f in report.findings] == [
        ("40", "supported"),
        ("30", "contradicted"),
    ]


def test_a_fact_the_source_tells_twice_stays_the_figure_it_restates() -> None:
    # The fee is listed and then told again: both tellings are the $500's, never a statement
    # the $90 could be against; what is left to the $90 is the $80.
    source = doc(
        "source.txt",
        "Pricing:\n\n- One-time fee of $500\n\n"
        "The add-on is available for a one-time fee of $500.\n\n"
        "Our promotion bundles the suite with support for just $80/month.\n",
    )
    draft = doc(
        "draft.txt",
        "The firm sells two tools, the suite and the add-on, for $90/month and a one-time fee "
        "of $500 respectively.",
    )
    (finding,) = [f for f in gate(draft, [source]).findings if f.claim.text == "$90"]
    assert [e.text for e in finding.evidence] == ["$80"]
    assert [c.text for c in finding.evidence] == ["$80"]


BAKERY = (
    "The Harlow bakery opened its second shop near the station in March.\n\n"
    "Its owners searched for two years before they found the premises.\n\n"
    "A new oven arrived from Italy last week.\n\n"
)
LONG_DRAFT = (
    "The Harlow bakery, which opened its second shop near the busy railway station in March "
    "after its patient owners searched the crowded town centre for suitable premises, hired "
    "cheerful bakers and welcomed long weekend queues of curious visitors, now gives a 15% "
    "discount on every loaf."
)


@pytest.mark.parametrize(
    ("statement", "status"),
    [
        ("Pupils pay less: a 10% discount on every loaf.", "contradicted"),
        ("Across the county, shop rents went up by 10% this spring.", "unsupported"),
    ],
    ids=["the-clause-restates-it", "nothing-alike"],
)
def test_a_long_sentence_is_aligned_by_the_figure_s_own_clause(statement: str, status: str) -> None:
    # The draft's sentence tells much the source tells elsewhere, so as a whole it is little
    # like the one sentence that gives the discount; the words around the figure are.
    report = gate(doc("draft.txt", LONG_DRAFT), [doc("source.txt", BAKERY + statement)])
    (finding,) = [f for f in report.findings if f.claim.text == "15%"]
    assert finding.status == status

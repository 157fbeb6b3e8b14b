"""The learned scorer's path: restatement rules, verdicts, features, and the weights file."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.align import clause_terms
from checker.check import check
from checker.documents import Document
from checker.features import NAMES
from checker.gate import gate
from checker.scorer import model, same_fact
from checker.settings import Settings
from checker.verdict import restates
from claims import extract


def doc(name: str, text: str) -> Document:
    return Document(name, name, text, text, "utf-8")


def one(text: str):  # type: ignore[no-untyped-def]
    (claim,) = extract(text, source="x")
    return claim


def test_the_shipped_weights_are_for_these_features() -> None:
    m = model()
    assert m.names == NAMES
    assert len(m.weights) == len(m.mean) == len(m.scale) == len(NAMES)


RESTATES = [
    ("hedge-true-of-figure", "More than 100 people died.", "At least 129 people died.", True),
    ("stronger-bound", "More than 200 aftershocks.", "More than 120 aftershocks.", False),
    ("bound-moved", "Debt below $26 billion.", "Debt below $25 billion.", False),
    ("faithful-nearly", "Nearly 1,500 homes.", "1,450 homes.", True),
    ("rounded-too-far", "About 2,000 firefighters.", "1,640 firefighters.", False),
    ("range-moved", "$80 million to $100 million.", "$90 million to $100 million.", False),
    ("same-range", "$90 million to $100 million.", "$90 million to $100 million.", True),
    ("other-currency", "£85 million fee.", "85 million euros fee.", False),
    ("conversion", "a 61-mile strip", "a 98-kilometre strip", True),
    ("round-bound-rounded-again", "Debt below $30 billion.", "Debt below $25 billion.", False),
    ("precise-bound-rounded", "Debt below $30 billion.", "Debt below $26.4 billion.", True),
    ("exact-under-bound-rounded", "Fewer than 30 boats.", "25 boats.", True),
    ("hedged-figure-rounded", "More than 6,000 sheep.", "About 6,300 sheep.", True),
    ("hedged-figure-rounded-up", "More than 7,000 sheep.", "About 6,300 sheep.", False),
    # Rounded in the draft's unit: about 300 km is 186 miles.
    ("converted-bound-rounded", "More than 180 miles away.", "About 300 km away.", True),
    ("converted-bound-moved", "More than 190 miles away.", "About 300 km away.", False),
]


@pytest.mark.parametrize(
    ("draft", "source", "expected"), [c[1:] for c in RESTATES], ids=[c[0] for c in RESTATES]
)
def test_what_restates_a_source_figure(draft: str, source: str, expected: bool) -> None:
    assert restates(one(draft), one(source), Settings()) is expected


def test_an_exact_figure_far_past_an_open_bound_is_neither() -> None:
    assert restates(one("300 died."), one("At least 129 died."), Settings()) is None


def test_bounds_on_opposite_sides_state_no_one_figure() -> None:
    # Both may hold of 45 sheep, yet "fewer than 60" says nothing of "more than 40"; bounds on
    # opposite sides that cannot both hold are plain disagreement.
    assert restates(one("More than 40 sheep."), one("Fewer than 60 sheep."), Settings()) is None
    assert restates(one("Fewer than 60 sheep."), one("At least 40 sheep."), Settings()) is None
    assert restates(one("More than 40 sheep."), one("At most 40 sheep."), Settings()) is False


def test_an_open_bound_far_from_an_exact_figure_says_nothing_of_it() -> None:
    # "below $30 billion" holds for a $0.13 dividend, and vouches for nothing about it.
    assert restates(one("Debt below $30 billion."), one("A $0.13 dividend."), Settings()) is None
    assert restates(one("Debt below $30 billion."), one("Debt of $24 billion."), Settings())


def test_a_swapped_figure_is_contradicted_and_the_right_one_supported() -> None:
    source = doc("s.txt", "The airline said the plane was carrying 224 people when it crashed.")
    wrong = gate(doc("d.txt", "The plane was carrying 242 people when it crashed."), [source])
    right = gate(doc("d.txt", "The plane was carrying 224 people when it crashed."), [source])
    assert [f.status for f in wrong.findings] == ["contradicted"]
    assert [f.status for f in right.findings] == ["supported"]
    assert wrong.findings[0].aligned == source.text and wrong.findings[0].why


MILL = "The mill opened in spring. It employs 140 weavers on two shifts, the owner said."


@pytest.mark.parametrize(
    ("elsewhere", "status"),
    [
        ("", "contradicted"),  # 170 is stated nowhere: a likely statement of 140 is enough
        (" The town has 170 houses.", "unsupported"),  # stated, of something else
        (" It opened 170 years ago.", "unsupported"),  # a bare count: "170" of "170 years"
        (" More than 20 houses stand by it.", "contradicted"),  # a bound far below: no statement
        (" More than 160 houses stand by it.", "unsupported"),  # a bound near: stated
    ],
)
def test_a_figure_no_source_states_needs_less_to_be_contradicted(
    elsewhere: str, status: str
) -> None:
    report = gate(doc("d.md", "Its 170 weavers work two shifts."), [doc("s.txt", MILL + elsewhere)])
    (finding,) = [f for f in report.findings if f.claim.text == "170"]
    assert Settings().conflict_unstated <= finding.score < Settings().conflict
    assert finding.status == status


BAKERY = (
    "The bakery opened in May and hired staff from the town. Orders grew over the summer, and "
    "by autumn its oven turned out 400 loaves, the baker told the paper."
)


@pytest.mark.parametrize(
    ("figure", "near_need", "status"),
    [
        ("450", 0.5, "contradicted"),  # near the statement's 400: that one misstated
        ("2,000", 0.5, "unsupported"),  # five times it: no telling which fact it is of
        ("450", 0.95, "unsupported"),  # near figures held to the same bar: no conflict
    ],
)
def test_a_figure_no_source_states_near_its_statement_needs_less_again(
    figure: str, near_need: float, status: str
) -> None:
    # Held above this statement's likelihood, `conflict_unstated` alone contradicts neither
    # (and near figures whose clauses are alike are held to the near bar).
    settings = replace(
        Settings(),
        conflict_unstated=0.95,
        conflict_unstated_near=near_need,
        conflict_clause_near=near_need,
    )
    draft = doc("d.md", f"A bakery in town has a big oven that makes {figure} loaves.")
    (finding,) = gate(draft, [doc("s.txt", BAKERY)], settings=settings).findings
    assert Settings().conflict_unstated_near <= finding.score < settings.conflict_unstated
    assert finding.status == status
    assert Settings().conflict_unstated_near <= Settings().conflict_unstated


GYM = (
    "The gym asks new members for a $200 joining fee. Membership costs $40 per month after "
    "that, the owner said."
)


@pytest.mark.parametrize(
    ("source", "monthly", "status"),
    [
        (GYM, "$45", "contradicted"),  # the one source figure the joining fee leaves over
        (GYM, "$400", "unsupported"),  # ten times it: no telling it is that one misstated
        (GYM + " Day passes sell for $45.", "$45", "unsupported"),  # the source states $45
    ],
)
def test_a_figure_is_compared_with_the_statement_its_siblings_leave_over(
    source: str, monthly: str, status: str
) -> None:
    # The $200 fee takes its own statement; what is left to the monthly figure is the $40,
    # however unlike the two sentences are as a whole.
    draft = doc("d.md", f"New members pay a $200 joining fee and {monthly} per month.")
    fee, per_month = gate(draft, [doc("s.txt", source)]).findings
    assert fee.status == "supported"
    assert per_month.status == status
    right = gate(
        doc("d.md", "New members pay a $200 joining fee and $40 per month."), [doc("s.txt", GYM)]
    )
    assert "contradicted" not in {f.status for f in right.findings}


PRESSES = (
    "The print shop had twelve presses last year. All twelve printers ran jobs on all twelve "
    "presses, the manager said."
)


@pytest.mark.parametrize(
    ("source", "last", "status"),
    [
        (PRESSES, "only 9", "contradicted"),  # one measure told twice, the second misstated
        (PRESSES, "all 12", "supported"),
        (PRESSES + " Nine of them were bought in May.", "only 9", "unsupported"),  # stated
    ],
)
def test_a_measure_the_draft_sentence_tells_twice_is_held_to_its_one_statement(
    source: str, last: str, status: str
) -> None:
    draft = doc("d.md", f"The shop had 12 presses, and all 12 printers ran jobs on {last} presses.")
    *_, presses = gate(draft, [doc("s.txt", source)]).findings
    assert presses.status == status


@pytest.mark.parametrize(
    ("figure", "terms"),
    [
        ("1,530", {"sell", "pot"}),  # the comma of its digits breaks nothing; the others do
        ("two", {"van"}),  # after the semicolon, up to the bracket
    ],
)
def test_a_figures_clause_lies_between_the_punctuation_around_it(
    figure: str, terms: set[str]
) -> None:
    text = "The shop, which opened in May, sells 1,530 pots; it has two vans (and a cart)."
    (claim,) = [c for c in extract(text) if c.text == figure]
    assert clause_terms(claim) == terms


OFFER = "Join the club this month and we will take 10% off the total of your first order."


def shop(offer: str) -> str:
    return (
        "Greenleaf sells garden tools and seeds to growers in the valley. Its shop keeps long "
        "hours in the spring, and sales grew 40% after it moved to the high street. "
        f"{offer} Our staff have worked with local farms for years."
    )


# One long draft sentence that packs the shop's facts: the discount is told in its last clause.
LONG_SENTENCE = (
    "Greenleaf, a shop for growers in the valley that keeps long hours in the spring and whose "
    "staff have worked with farms for years, sells tools, seeds and compost, which club members "
    "joining this month can buy together as one large bundle straight from the counter at "
    "{figure} off their order."
)


@pytest.mark.parametrize(
    ("figure", "offer", "status"),
    [
        ("15%", OFFER, "contradicted"),  # its clause tells of the club's offer: that one misstated
        ("10%", OFFER, "supported"),  # the right figure in the same sentence
        # The statement's own clause tells only of a total: no telling which fact it is of.
        (
            "15%",
            "Join the club this month and, on your first order, we will take 10% off the total.",
            "unsupported",
        ),
    ],
    ids=["swapped", "right", "clause-unlike"],
)
def test_a_figure_in_a_long_sentence_is_aligned_by_its_clause(
    figure: str, offer: str, status: str
) -> None:
    draft = doc("d.md", LONG_SENTENCE.format(figure=figure))
    (finding,) = gate(draft, [doc("s.txt", shop(offer))]).findings
    # Below what a near figure no source states needs by its sentence alone.
    assert Settings().conflict_clause_near <= finding.score < Settings().conflict_unstated_near
    assert finding.status == status


def test_places_keep_two_figures_apart() -> None:
    a = doc("a.txt", "The coalition has flown 2,700 airstrikes in Syria.")
    b = doc("b.txt", "The coalition has flown 5,100 airstrikes in Iraq.")
    assert check([a, b]).summary()["conflict"] == 0
    assert same_fact(one("2,700 airstrikes in Syria."), one("2,700 airstrikes in Syria.")) > 0.5


@pytest.mark.parametrize(("where", "conflicts"), [(" in several wards", 0), ("", 1)])
def test_a_figure_of_a_part_is_no_figure_of_the_whole(where: str, conflicts: int) -> None:
    a = doc("a.txt", "Lena Ortiz was elected mayor of Dunmore with 58% of the vote on Sunday.")
    b = doc("b.txt", f"Lena Ortiz was elected mayor of Dunmore with 71% of the vote{where}.")
    assert check([a, b]).summary()["conflict"] == conflicts


@pytest.mark.parametrize(
    ("when", "status"), [(" at half-time", "unsupported"), ("", "contradicted")]
)
def test_a_score_at_half_time_is_no_result(when: str, status: str) -> None:
    source = f"Harbour Rovers led Mill Town 2-0{when} in the cup tie at Elm Park on Saturday."
    draft = "Harbour Rovers beat Mill Town 3-1 in the cup tie at Elm Park on Saturday."
    (finding,) = gate(doc("d.md", draft), [doc("s.txt", source)]).findings
    assert finding.status == status


def test_fixture_pairs_are_derived_from_our_gold() -> None:
    from conftest import load_bench

    datasets = load_bench("datasets")
    examples = list(datasets.pairs_fixtures())
    assert {e.label for e in examples} == {0, 1}
    assert all(len(e.features) == len(NAMES) for e in examples)


def test_the_scorer_is_one_import_away() -> None:
    import checker

    assert checker.gate is gate
    assert checker.check is check


def test_a_sum_is_of_figures_told_together_not_of_any_two() -> None:
    source = doc(
        "s.txt",
        "The basic plan costs $30 a month. The family bundle costs $100 a month. "
        "Extra storage costs $80 a month.",
    )
    wrong = gate(doc("d.txt", "The family bundle costs $110 a month."), [source])
    assert [f.status for f in wrong.findings] == ["contradicted"]
    together = doc("t.txt", "Its jets flew 2,700 strikes in Syria and 5,100 strikes in Iraq.")
    summed = gate(doc("d.txt", "Its jets flew 7,800 strikes in Syria and Iraq."), [together])
    assert summed.findings[0].status == "unsupported" and "sum" in summed.findings[0].message


@pytest.mark.parametrize(
    ("source", "draft", "status"),
    [
        # The rest of a share is implied: 70% of the members, if 30% would renew, would not.
        (
            "The survey of the members found that 30% would renew.",
            "The survey of the members found that 70% would renew.",
            "unsupported",
        ),
        # A rise has no rest: a 70% increase is no reading of a 30% one.
        (
            "Members of the club saw a 30% increase in bookings over the year.",
            "Members of the club saw a 70% increase in bookings over the year.",
            "contradicted",
        ),
    ],
)
def test_only_a_level_has_a_complement_to_100_percent(source: str, draft: str, status: str) -> None:
    (finding,) = gate(doc("d.txt", draft), [doc("s.txt", source)]).findings
    assert finding.status == status


def test_an_index_narrowed_by_hide_is_one_built_without_the_hidden_claims() -> None:
    """The ledger indexes every retrieved statement once, then hides the revised ones from the
    gate: what the index proposes, and how alike it finds sentences, is then as if built
    without them."""
    from checker.align import Index, frames

    texts = {
        "one.txt": "The ferry carried 212 passengers and 14 crew when it sank off Ostra.",
        "two.txt": "Rescuers found 190 survivors of the ferry that sank off Ostra.",
        "three.txt": "By Tuesday 204 passengers were accounted for, the coast guard said.",
    }
    found = {name: extract(text, source=name) for name, text in texts.items()}
    full, without = Index(), Index()
    hidden: set[int] = set()
    for claims in found.values():
        ids = full.add_document(claims)
        kept = [c for c in claims if c.text not in ("190", "204")]
        hidden |= {i for i, c in zip(ids, claims, strict=True) if c not in kept}
        without.add_document(kept)
    full.hide(hidden)
    (draft,) = extract("The ferry had 212 passengers aboard when it sank.", source="draft.txt")
    (frame,) = frames([draft])

    def proposed(index: Index) -> list[tuple[str, str, float]]:
        return [
            (index.claims[c.item].source, index.claims[c.item].text, round(c.similarity, 9))
            for c in index.candidates(draft, frame)
        ]

    assert proposed(full) == proposed(without)
    assert {text for _, text, _ in proposed(full)} == {"212", "14"}
    assert full.idf2("ferry") == without.idf2("ferry")


def test_a_hidden_figure_with_a_unit_no_longer_vouches_for_a_bare_count() -> None:
    """After ``hide`` a revised "six years" no longer tells a bare "six" that a source stated
    that number with a unit; a figure with a unit that is kept still does."""
    from checker.align import Index

    revised = extract("The lease on the hall ran for six years.", source="old.txt")
    kept = extract("The hall is 40 metres long.", source="new.txt")
    full, without = Index(), Index()
    hidden = set(full.add_document(revised))
    full.add_document(kept)
    without.add_document(kept)
    assert full.states_with_a_unit(6.0)
    full.hide(hidden)
    for number in (6.0, 40.0):
        assert full.states_with_a_unit(number) == without.states_with_a_unit(number)
    assert full.states_with_a_unit(40.0) and not full.states_with_a_unit(6.0)


@pytest.mark.parametrize(
    ("draft", "source", "status"),
    [
        # The year dates the same figure, though the draft gives it another unit (a unit trap
        # is the figure's error, not a licence for a wrong year).
        (
            "The blaze has burned 5,300 acres since it started in 2019.",
            "Since it started in 2021, the blaze has burned through 5,300 hectares of forest.",
            "contradicted",
        ),
        # Beside figures of different kinds the two years may date one event.
        (
            "The museum, which holds 4,000 paintings, opened in 1998.",
            "The museum opened in 1996 at a cost of $30 million.",
            "contradicted",
        ),
        # Beside figures of one kind, none the same, they date different figures.
        (
            "The museum drew 90,000 visitors in 1998.",
            "The museum drew 75,000 visitors in 1996.",
            "unsupported",
        ),
    ],
)
def test_a_year_dates_the_figures_of_its_kind_beside_it(
    draft: str, source: str, status: str
) -> None:
    report = gate(doc("d.md", draft), [doc("s.txt", source)])
    (year,) = [f for f in report.findings if f.claim.kind == "year"]
    assert year.status == status


@pytest.mark.parametrize(
    ("draft", "status"),
    [
        ("The blast at the refinery killed 19 workers on Monday.", "contradicted"),
        ("The blast at the refinery injured 19 workers on Monday.", "supported"),
        ("The blast at the refinery killed four workers on Monday.", "supported"),
    ],
)
def test_a_figure_beside_the_statement_counts_something_else(draft: str, status: str) -> None:
    source = "Four workers were killed and 19 injured in Monday's blast at the refinery."
    report = gate(doc("d.md", draft), [doc("s.txt", source)])
    (finding,) = [f for f in report.findings if f.claim.kind == "count"]
    assert finding.status == status


@pytest.mark.parametrize(
    ("draft", "status"),
    [
        ("Voters left the Liberals with 9 seats on the council, down from 17.", "contradicted"),
        ("Voters gave the Greens 9 seats on the council.", "supported"),
        ("Voters left the Liberals with 14 seats on the council, down from 17.", "supported"),
    ],
)
@pytest.mark.parametrize("between", ["\n\n", " "])
def test_a_figure_named_for_another_is_no_statement_of_it(
    draft: str, status: str, between: str
) -> None:
    # In one paragraph or two: the sentence before the Greens' names the Liberals, yet the
    # Greens' own sentence says whose 9 seats they are.
    source = (
        "The Liberals were left with 14 seats on the council, down from 17, officials said."
        f"{between}The Greens took 9 seats, their best result."
    )
    report = gate(doc("d.md", draft), [doc("s.txt", source)])
    (finding, *_) = report.findings
    assert finding.status == status


@pytest.mark.parametrize(
    ("largest", "figure", "status"),
    [
        ("Hospitals remain", "$9.3 billion", "contradicted"),  # the hospitals' figure
        ("Hospitals remain", "$4.2 billion", "supported"),
        ("Roads and hospitals remain", "$9.3 billion", "unsupported"),  # of roads too
    ],
)
def test_an_amount_named_for_another_item_is_no_statement_of_it(
    largest: str, figure: str, status: str
) -> None:
    # A generic amount is told apart by whom its sentence names; the statement's sentence
    # opens with the name, a capital the source names nowhere else.
    source = (
        f"HALWICK, March 4 (Valley Wire) - {largest} by far the largest item in the county's "
        "new budget, with spending rising 5% to $9.3 billion. Roads are the third-largest "
        "item at $4.2 billion, up 2%."
    )
    draft = f"Roads, the third-largest item, get {figure}."
    report = gate(doc("d.md", draft), [doc("s.txt", source)])
    (finding,) = report.findings
    assert finding.status == status


_SERVICES = (
    "Harbour Tiles offers three services. Our roof repair service is available for a "
    "starting price of $3,000. Gutter cleaning costs $200."
)


@pytest.mark.parametrize(
    ("draft", "deposit", "status"),
    [
        ("Roof Repair starting at $4,000", "", "contradicted"),
        ("Roof Repair starting at $3,000", "", "supported"),
        # A source states $4,000 elsewhere: what it counts keeps the two apart.
        (
            "Roof Repair starting at $4,000",
            " A deposit of $4,000 secures a booking.",
            "unsupported",
        ),
    ],
)
def test_a_figure_no_source_states_may_have_moved_to_another_measure(
    draft: str, deposit: str, status: str
) -> None:
    sources = [doc("s.txt", _SERVICES + deposit)]
    (finding,) = gate(doc("d.md", f"Harbour Tiles offers {draft}."), sources).findings
    assert finding.status == status


@pytest.mark.parametrize(
    ("draft", "status"),
    [
        ("The bridge cost $47 million.", "contradicted"),  # 'about 44.8' is no 10 % margin
        ("The bridge cost $45 million.", "supported"),
        ("The bridge cost nearly $45 million.", "supported"),
    ],
)
def test_about_a_precise_figure_is_a_narrow_margin(draft: str, status: str) -> None:
    source = "The bridge cost about $44.8 million, the transport ministry said."
    report = gate(doc("d.md", draft), [doc("s.txt", source)])
    (finding,) = report.findings
    assert finding.status == status


@pytest.mark.parametrize(
    ("first", "later", "status"),
    [
        ("May 2", "May 3", "contradicted"),  # the second wire was filed a day after the first
        ("May 2", "May 1", "supported"),  # ... or a day before it: the first is the latest word
        # Datelines without a year are read as the nearer pair of days, across a new year too.
        ("Dec. 31", "Jan. 2", "contradicted"),
        ("Jan. 2", "Dec. 31", "supported"),
    ],
)
def test_a_count_told_again_in_a_later_report_supersedes_the_first(
    first: str, later: str, status: str
) -> None:
    one = (
        f"RIVERTON, {first} (Valley Wire) - Heavy rain and floods killed at least 30 people, "
        "officials said."
    )
    two = (
        f"RIVERTON, {later} (Coast Post) - The number of people killed in the Adder valley floods "
        "rose to 75, the regional governor said."
    )
    draft = "Floods in the Adder valley killed at least 30 people, the regional governor said."
    report = gate(doc("d.md", draft), [doc("one.txt", one), doc("two.txt", two)])
    (finding,) = report.findings
    assert finding.status == status


@pytest.mark.parametrize(("rating", "status"), [("4", "contradicted"), ("3", "supported")])
def test_a_rating_named_for_another_storm_is_no_statement_of_it(rating: str, status: str) -> None:
    # "Category" is the figure's own word, no name: the two storms' names decide.
    source = (
        "Hurricane Ada came ashore near Selby on Monday as a Category 3 hurricane, forecasters "
        "said. Bo, a Category 4 hurricane when it hit the coast in 2009, did more damage."
    )
    draft = f"Hurricane Ada came ashore near Selby on Monday as a Category {rating} hurricane."
    report = gate(doc("d.md", draft), [doc("s.txt", source)])
    (finding,) = [f for f in report.findings if "Category" in f.claim.text]
    assert finding.status == status

"""Cross-source matching: paraphrase aligned, different claims kept apart, hedges compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.check import CheckReport, check
from checker.compare import compatible
from checker.documents import Document, read_documents
from claims import extract


def doc(name: str, text: str) -> Document:
    return Document(name, name, text, text, "utf-8")


def clusters_with(report: CheckReport, figure: str) -> list:
    return [c for c in report.clusters if any(x.text == figure for x in c.claims)]


def test_seed_articles_agree_on_the_three_headline_figures(seeds_dir: Path) -> None:
    report = check(read_documents([seeds_dir]))
    assert report.summary()["conflict"] == 0
    assert not report.failed

    def sources_of(measure_word: str, value_test) -> set[str]:
        found: set[str] = set()
        for c in report.clusters:
            hit = any(value_test(x) for x in c.claims)
            if c.status == "agree" and hit and measure_word in c.measure:
                found |= {x.source[:3] for x in c.claims}
        return found

    assert sources_of("deaths", lambda x: x.text == "at least 129") >= {"000", "001", "003"}
    assert sources_of("aboard", lambda x: x.value == 224) == {"001", "002", "003"}
    oct31 = [c for c in report.clusters if any(x.date == "--10-31" for x in c.claims)]
    assert len(oct31) == 1
    assert {x.source[:3] for x in oct31[0].claims} == {"001", "002", "003"}
    # The Paris toll and the airliner's 224 never share a cluster.
    for c in report.clusters:
        values = {x.value for x in c.claims}
        assert not ({129.0, 224.0} <= values), c


PARAPHRASES = [
    ("The attacks left 129 dead in Paris.", "Gunmen killed at least 129 people in Paris.", "129"),
    ("Paris: 129 people were killed in the attacks.", "The Paris attacks left 129 dead.", "129"),
    (
        "The Sinai airliner carried two hundred and twenty-four people.",
        "The Sinai airliner was carrying 224 people.",
        "224",
    ),
    (
        "Turkey will seal a 98 km strip of the border.",
        "Turkey will seal a 61-mile strip of the border.",
        "61-mile",
    ),
    (
        "The Sinai crash on Oct. 31 killed everyone.",
        "The Sinai crash on 31 October killed everyone.",
        "31 October",
    ),
    (
        "Moscow offered a $50m reward for the bombers.",
        "Moscow offered a $50 million reward for the bombers.",
        "$50 million",
    ),
]


@pytest.mark.parametrize(("a", "b", "figure"), PARAPHRASES, ids=[p[2] for p in PARAPHRASES])
def test_paraphrases_align(a: str, b: str, figure: str) -> None:
    report = check([doc("a.txt", a), doc("b.txt", b)])
    (cluster,) = clusters_with(report, figure)
    assert cluster.status == "agree"
    assert cluster.sources == ("a.txt", "b.txt")


DISTINCT = [
    (
        "Allies flew 2,700 airstrikes in Syria.",
        "Allies flew 5,100 airstrikes in Iraq.",
    ),
    (
        "The Paris attacks killed 129 people.",
        "The bombing of the airliner over Sinai killed 224 people.",
    ),
    (
        "The airliner carried 217 passengers.",
        "The airliner had 224 people on board.",
    ),
]


@pytest.mark.parametrize(
    ("a", "b"), DISTINCT, ids=["syria-iraq", "paris-sinai", "passengers-aboard"]
)
def test_different_claims_sharing_a_measure_are_not_merged(a: str, b: str) -> None:
    report = check([doc("a.txt", a), doc("b.txt", b)])
    assert report.summary() == {"agree": 0, "conflict": 0, "single": 2}


CONFLICTS = [
    ("Floods in Breska killed 89 people.", "Floods in Breska killed 90 people."),
    (
        "In Breska, 129 people are missing after the floods.",
        "In Breska, 130 people are missing after the floods.",
    ),
]


@pytest.mark.parametrize(("a", "b"), CONFLICTS, ids=["89-90", "129-130"])
def test_near_miss_figures_conflict(a: str, b: str) -> None:
    report = check([doc("a.txt", a), doc("b.txt", b)])
    assert report.summary()["conflict"] == 1
    assert report.failed


# Two figures told in both documents, in another order and other words: each is linked with
# the figure that restates it, never with the more alike-sounding figure that disagrees.
BOTH_TOLD = [
    (
        "The outbreak in Sorna has sickened 58 people, 11 of whom are in hospital.",
        "Health officials in Sorna said 11 people were in hospital. In all, 58 have fallen ill.",
        ["11"],
    ),
    (
        "The club paid 40 million euros for the striker, ahead of a 35 million euros bid from "
        "Varna.",
        "Varna had bid 35 million euros for the striker, but the club paid 40 million euros.",
        ["40 million euros", "35 million euros"],
    ),
    (
        "The Halden plant will cost 210 million crowns, against 180 million crowns for the old "
        "one.",
        "Building the old Halden plant cost 180 million crowns; the new one will cost 210 "
        "million crowns.",
        ["210 million", "180 million"],
    ),
]


@pytest.mark.parametrize(("a", "b", "figures"), BOTH_TOLD, ids=["sorna", "varna", "halden"])
def test_a_figure_links_with_its_agreeing_restatement(a: str, b: str, figures: list) -> None:
    report = check([doc("a.txt", a), doc("b.txt", b)])
    assert report.summary()["conflict"] == 0
    for figure in figures:
        (cluster,) = clusters_with(report, figure)
        assert cluster.status == "agree"
        assert {x.text for x in cluster.claims} == {figure}


def test_a_document_telling_both_figures_conflicts_with_neither() -> None:
    # "Five" and "Four" meet in one cluster through "at least four", but the document that
    # says five were fired also says four hit: no outlet contradicts another.
    texts = [
        "Four shells hit the Brenna depot on Sunday, the army said.",
        "At least four shells hit the Brenna depot on Sunday.",
        "Five shells were fired at the Brenna depot on Sunday, and four of them hit it.",
    ]
    report = check([doc(f"{n}.txt", t) for n, t in enumerate(texts)])
    assert report.summary()["conflict"] == 0
    (cluster,) = clusters_with(report, "Four")
    assert cluster.status == "agree"


def test_repeated_mentions_in_one_source_join_one_cluster() -> None:
    a = "Floods in Breska killed 89 people. Officials repeated that 89 people died in Breska."
    report = check([doc("a.txt", a), doc("b.txt", "Nothing to add.")])
    assert len(report.clusters) == 1
    assert report.clusters[0].status == "single"
    assert len(report.clusters[0].claims) == 2


# Two outlets tell one fact in other words and give figures that differ: the scorer is less
# sure than a conflict between alike sentences needs, but near plain figures of one measure
# conflict at `link_conflict_near`.
MISSING_A = (
    "Divers in Lorvik said on Sunday that {} people were still missing after the footbridge "
    "collapse, and the search would resume at first light."
)
MISSING_B = (
    "A spokeswoman for the regional fire service said {} people remained missing, adding that "
    "the search had been halted overnight."
)


def test_near_figures_told_in_other_words_conflict() -> None:
    report = check([doc("a.txt", MISSING_A.format("12")), doc("b.txt", MISSING_B.format("9"))])
    (cluster,) = clusters_with(report, "12")
    assert cluster.status == "conflict"
    assert {x.text for x in cluster.claims} == {"12", "9"}


# A dateline dates the story, not the figure after it: its month is no time of the figure, and
# the figure still conflicts with another outlet's told "on Friday"; a time the sentence itself
# gives the figure ("on Thursday") still sets it apart from Friday's.
FILED_A = (
    "LORVIK, May 9 (Alpha Wire) - {} people were still missing{} after the footbridge "
    "collapse, divers said."
)
FILED_B = (
    "A spokeswoman for the regional fire service said on Friday that 9 people remained "
    "missing after the footbridge collapse."
)


@pytest.mark.parametrize(
    ("when", "status"), [("", "conflict"), (" on Thursday", "single")], ids=["dateline", "own-time"]
)
def test_a_datelines_date_is_not_the_time_of_the_figure_after_it(when: str, status: str) -> None:
    report = check([doc("a.txt", FILED_A.format("12", when)), doc("b.txt", FILED_B)])
    (cluster,) = clusters_with(report, "12")
    assert cluster.status == status


# A range is told by its ends: two outlets giving one forecast as ranges that overlap at one
# end still disagree; a range told alike agrees.
RANGE_A = "Orvanne Foods expects full-year sales growth of {} in Lisca, it said on Monday."
RANGE_B = "For the whole year, Orvanne Foods now sees sales growth in Lisca of {}, the group said."


@pytest.mark.parametrize(
    ("b", "status"), [("5% to 6%", "conflict"), ("6% to 7%", "agree")], ids=["other", "same"]
)
def test_two_ranges_of_one_forecast_conflict_unless_their_ends_agree(b: str, status: str) -> None:
    report = check([doc("a.txt", RANGE_A.format("6% to 7%")), doc("b.txt", RANGE_B.format(b))])
    (cluster,) = clusters_with(report, "6% to 7%")
    assert cluster.status == status
    assert {x.text for x in cluster.claims} == {"6% to 7%", b}


# Two outlets tell one figure in sentences that share no word: the scorer, blind to values,
# is unsure, but a precise figure told alike (three significant digits) is one fact; a round
# small one ("40") may be two.
ASHORE_A = (
    "Coastguard boats brought {} people ashore at Tervik before dawn, the harbour master said."
)
ASHORE_B = "By nightfall the count of survivors stood at {}, according to a hospital in the region."


@pytest.mark.parametrize(("figure", "agree"), [("158", 1), ("1,250", 1), ("40", 0)])
def test_a_precise_figure_told_alike_links_where_the_scorer_is_unsure(
    figure: str, agree: int
) -> None:
    report = check([doc("a.txt", ASHORE_A.format(figure)), doc("b.txt", ASHORE_B.format(figure))])
    assert report.summary() == {"agree": agree, "conflict": 0, "single": 2 - 2 * agree}


# An open bound against a plain figure is near too: a figure short of "more than 12" (or past
# "fewer than 12") cannot be the same fact told right, while one the bound holds agrees with it.
BOUND_AGAINST_PLAIN = [
    ("more than 12", "9", "conflict"),
    ("more than 12", "about 9", "conflict"),
    ("fewer than 12", "15", "conflict"),
    ("more than 12", "14", "agree"),
    ("fewer than 12", "9", "agree"),
]


@pytest.mark.parametrize(
    ("a", "b", "status"),
    BOUND_AGAINST_PLAIN,
    ids=["short", "short-about", "past", "held", "held-below"],
)
def test_an_open_bound_conflicts_only_with_a_plain_figure_it_does_not_hold(
    a: str, b: str, status: str
) -> None:
    report = check([doc("a.txt", MISSING_A.format(a)), doc("b.txt", MISSING_B.format(b))])
    (cluster,) = clusters_with(report, a)
    assert cluster.status == status
    assert {x.text for x in cluster.claims} == {a, b}


# Two quantities of one dimension are near whatever word of the sentence their measures took
# ("office gust speed", "wind speed"): a gust told in km/h and in mph conflicts unless one is
# the other converted. Counts of one family ("deaths", "injuries") are not near for that.
GUST_A = (
    "The weather office said a gust of 130 km/h was measured at Tervik airport on Thursday, "
    "the strongest of the storm."
)
GUST_B = "Winds gusted to {} at the Tervik airport, tearing roofs from hangars."


@pytest.mark.parametrize(
    ("b", "status"),
    [("100 mph", "conflict"), ("about 81 mph", "agree")],
    ids=["other", "converted"],
)
def test_quantities_of_one_dimension_are_near_in_any_unit(b: str, status: str) -> None:
    report = check([doc("a.txt", GUST_A), doc("b.txt", GUST_B.format(b))])
    (cluster,) = clusters_with(report, "130 km/h")
    assert cluster.status == status
    assert {x.text for x in cluster.claims} == {"130 km/h", b}


def test_counts_of_one_family_are_not_near() -> None:
    a = "The weather office said the storm at Tervik killed 12 people on Thursday."
    b = "The storm that swept Tervik injured 9 people, officials said."
    assert check([doc("a.txt", a), doc("b.txt", b)]).summary()["conflict"] == 0


NOT_NEAR = [
    # of two open bounds, one often tells of a part ("more than 12 in the old town")
    (MISSING_A.format("more than 12"), MISSING_B.format("fewer than 9")),
    # more than `near_ratio` apart: more likely two facts than one misstated
    (MISSING_A.format("12"), MISSING_B.format("40")),
    # figures of two countries
    (
        MISSING_A.replace("Divers in Lorvik", "Divers in Austria").format("12"),
        MISSING_B.replace("regional fire service", "fire service in Hungary").format("9"),
    ),
]


@pytest.mark.parametrize(("a", "b"), NOT_NEAR, ids=["two-bounds", "far-apart", "countries"])
def test_figures_that_are_not_near_need_a_sure_scorer_to_conflict(a: str, b: str) -> None:
    report = check([doc("a.txt", a), doc("b.txt", b)])
    assert report.summary()["conflict"] == 0


def test_a_document_never_holds_two_figures_of_one_cluster_that_disagree() -> None:
    # b.txt tells only the hospital figure and c.txt only the total: the total of c.txt
    # conflicts with a.txt's, and the hospital figure stays an agreement of its own.
    texts = [
        "A chemical leak at the Ostrava plant has made 140 people ill, and 22 of them were kept "
        "in hospital overnight, the health office said.",
        "Doctors in Ostrava said 22 people were kept in hospital after the leak at the plant.",
        "The health office said on Tuesday that 131 people in Ostrava had fallen ill after the "
        "chemical leak at the plant.",
    ]
    report = check([doc(f"{n}.txt", t) for n, t in enumerate(texts)])
    (total,) = clusters_with(report, "140")
    assert total.status == "conflict"
    assert {x.text for x in total.claims} == {"140", "131"}
    (hospital,) = clusters_with(report, "22")
    assert hospital.status == "agree"
    assert {(x.source, x.text) for x in hospital.claims} == {("0.txt", "22"), ("1.txt", "22")}


STAMPED = [
    (
        "OSTRAVA, March 3 (Alpha Wire) - A chemical leak at the Ostrava plant has made 140 "
        "people ill, the health office said.",
        "OSTRAVA, March 4 (Beta News) - The chemical leak at the Ostrava plant has made 140 "
        "people ill, the health office said on Wednesday.",
    ),
    (
        "Leak at Ostrava plant\nUpdated: March 4, 2026 9:15 AM\nA chemical leak at the Ostrava "
        "plant has made 140 people ill, the health office said.",
        "Ostrava leak: 140 ill\nPublished March 3, 2026 at 6:40 PM\nThe chemical leak at the "
        "Ostrava plant has made 140 people ill, the health office said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), STAMPED, ids=["datelines", "publication-stamps"])
def test_the_days_two_articles_were_filed_do_not_conflict(a: str, b: str) -> None:
    report = check([doc("a.txt", a), doc("b.txt", b)])
    assert report.summary()["conflict"] == 0
    (toll,) = clusters_with(report, "140")
    assert toll.status == "agree"
    for c in report.clusters:
        if any(x.kind in ("date", "time") for x in c.claims):
            assert c.status == "single"


def test_a_date_the_story_tells_still_conflicts() -> None:
    report = check(
        [
            doc("a.txt", "The plant in Ostrava will reopen on March 20, the operator said."),
            doc("b.txt", "The operator said the Ostrava plant would reopen on March 27."),
        ]
    )
    assert report.summary()["conflict"] == 1


def claim(text: str, figure: str):
    return next(c for c in extract(text) if c.text == figure)


COMPARISONS = [
    ("at least 129 dead", "at least 129", "130 dead", "130", True),
    ("at least 129 dead", "at least 129", "fewer than 100 dead", "fewer than 100", False),
    ("more than 60 nations", "more than 60", "65 nations", "65", True),
    ("more than 60 nations", "more than 60", "60 nations", "60", False),
    ("about 61 miles", "about 61 miles", "98 km", "98 km", True),
    ("129 dead", "129", "130 dead", "130", False),
    ("89 dead", "89", "90 dead", "90", False),
    ("61 miles", "61 miles", "98 km", "98 km", True),
    ("nearly 100 boats", "nearly 100", "100 boats", "100", False),
    ("on Oct. 31", "Oct. 31", "on 31 October 2015", "31 October 2015", True),
]


@pytest.mark.parametrize(
    ("ta", "fa", "tb", "fb", "expected"), COMPARISONS, ids=[f"{c[1]}~{c[3]}" for c in COMPARISONS]
)
def test_interval_comparison(ta: str, fa: str, tb: str, fb: str, expected: bool) -> None:
    assert compatible(claim(ta, fa), claim(tb, fb)) is expected
    assert compatible(claim(tb, fb), claim(ta, fa)) is expected

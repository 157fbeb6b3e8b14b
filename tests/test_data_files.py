"""The word lists and tables under claims/ are data files: each names one owner module, that
module reads it, and its entries have the shape their reader expects."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import claims

PACKAGE = Path(claims.__file__).parent
DATA = sorted(PACKAGE.glob("*.toml"))
_OWNER = re.compile(r"Owner: claims/(\w+)\.py")


def _load(name: str) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((PACKAGE / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", DATA, ids=[p.name for p in DATA])
def test_each_data_file_has_one_owner_that_reads_it(path: Path) -> None:
    owners = _OWNER.findall(path.read_text(encoding="utf-8"))
    assert len(set(owners)) == 1, f"{path.name}: name one owner module in its header"
    readers = {
        p.stem for p in PACKAGE.glob("*.py") if f'"{path.name}"' in p.read_text(encoding="utf-8")
    }
    # claims/make_units.py builds units.toml from the rules; no other module reads a file.
    assert readers - {"make_units"} == {owners[0]}, (path.name, sorted(readers))


def test_number_words_are_numbers_and_never_two_things() -> None:
    data = _load("numbers.toml")
    for table in (
        "cardinals",
        "tens",
        "scales",
        "groups",
        "suffixes",
        "denominators",
        "ordinals",
        "idioms",
    ):
        assert all(isinstance(v, int | float) and v >= 0 for v in data[table].values()), table
    assert not set(data["cardinals"]) & set(data["tens"])
    assert not set(data["scales"]) & set(data["denominators"])
    assert all(0 < v < 1 for v in data["shares"].values())
    assert all(lo < hi for lo, hi in data["vague"].values())
    assert set(data["verbal_multipliers"]["words"]) <= set(data["multipliers"])
    bare = data["shares_without_of"]  # each a share, and its wholes' words lowercase, once each
    assert bare["shares"] and set(bare["shares"]) <= set(data["shares"])
    assert bare["before"] == sorted(set(bare["before"]), key=bare["before"].index)
    assert all(w == w.lower() and " " not in w for w in bare["before"])


def test_rating_scales_name_heads_a_bottom_a_top_and_lowercase_words() -> None:
    ratings = _load("numbers.toml")["ratings"]
    assert ratings
    for measure, scale in ratings.items():
        assert scale["heads"] and all(h == h.strip() and " " not in h for h in scale["heads"])
        assert isinstance(scale["glued"], bool), measure
        assert isinstance(scale["lowest"], int) and scale["lowest"] >= 0, measure
        assert isinstance(scale["highest"], int) and scale["highest"] > scale["lowest"], measure
        assert all(w == w.lower().strip() and w for w in scale["rated"]), measure
        assert len(set(scale["rated"])) == len(scale["rated"]), measure


def test_identifier_heads_are_names_each_listed_once() -> None:
    data = _load("numbers.toml")["identifiers"]
    heads, brands = data["heads"], data["brands"]
    assert not {h.lower() for h in heads} & {b.lower() for b in brands}
    for words in (heads, brands):
        assert len({w.lower() for w in words}) == len(words)
        assert all(w == w.strip() and any(ch.isupper() for ch in w) for w in words)


def test_hedges_name_a_qualifier_and_each_phrase_one_way() -> None:
    from claims.model import QUALIFIERS

    data = _load("qualifiers.toml")
    before, after = data["before"], data["after"]
    assert set(before.values()) | set(after.values()) <= set(QUALIFIERS) - {"exact", "range"}
    assert not set(before) & set(after)
    for phrase in [*before, *after, *data["between"]["words"], *data["not_before_time"]["phrases"]]:
        assert phrase == " ".join(phrase.lower().split()), phrase
    assert set(data["not_before_time"]["phrases"]) <= set(before)
    assert 0 < data["interval"]["about_tolerance"] < 0.5


def test_direction_words_point_one_way() -> None:
    direction = _load("roles.toml")["direction"]
    assert not set(direction["up_before"]) & set(direction["down_before"])
    assert not set(direction["up_after"]) & set(direction["down_after"])
    for words in direction.values():
        assert len(words) == len(set(words)) and all(w == w.lower() for w in words)


def test_unit_rules_name_only_selected_units() -> None:
    rules = _load("unit_rules.toml")
    selected = {n for names in rules["select"].values() for n in names}
    assert set(rules["dimensions"]) == set(rules["select"])
    assert set(rules["news"].values()) <= selected
    words = rules["currency_news"]["words"]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in words.values())
    for word, subunit in rules["currency_news"]["subunits"].items():  # one table: factor and of
        assert set(subunit) == {"factor", "of"} and 0 < subunit["factor"] < 1, word
        assert re.fullmatch(r"(?:[A-Z]{3})?", subunit["of"]), word
    assert set(rules["article"]["hundredths"]) <= set(rules["currency_news"]["subunits"])


def test_generated_units_cover_every_selected_unit() -> None:
    rules, units = _load("unit_rules.toml"), _load("units.toml")
    selected = {n for names in rules["select"].values() for n in names}
    assert set(units["unit"]) == selected
    for name, unit in units["unit"].items():
        assert unit["factor"] > 0, name
        assert unit["dimension"] in rules["dimensions"], name


def test_units_read_after_an_article_or_in_a_compound_are_units() -> None:
    from claims.units import ARTICLE_UNITS, lookup

    assert all(lookup(u) is not None for u in ARTICLE_UNITS), ARTICLE_UNITS
    rules = _load("unit_rules.toml")
    selected = {n for names in rules["select"].values() for n in names}
    assert set(rules["compound"]["symbols"].values()) <= selected


def test_the_matchers_word_lists_are_one_data_file_read_by_its_owner() -> None:
    import checker

    root = Path(checker.__file__).parent
    path = root / "data" / "alignment.toml"
    (owner,) = re.findall(r"Owner: checker/(\w+)\.py", path.read_text(encoding="utf-8"))
    readers = {p.stem for p in root.glob("*.py") if '"alignment.toml"' in p.read_text("utf-8")}
    assert readers == {owner}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for name in ("time_words", "pronouns", "generic_measures", "stamp_words"):
        words = data[name]
        assert words and len(set(words)) == len(words), name
        assert all(w == w.lower().strip() for w in words), name


@pytest.mark.parametrize("name", ["measures.toml", "context.toml"])
def test_word_lists_hold_each_lowercase_word_once(name: str) -> None:
    for key, words in _load(name)["words"].items():
        assert len(words) == len(set(words)), (name, key)
        assert all(w == " ".join(w.lower().split()) and w for w in words), (name, key)


def test_measure_tables_fold_into_measures_the_tables_know() -> None:
    data = _load("measures.toml")
    synonyms, families = data["synonyms"], data["families"]
    # A synonym names a measure; a family groups measures the synonyms give (or plain ones).
    assert all(v == " ".join(v.lower().split()) for v in synonyms.values())
    assert set(synonyms.values()) & set(families), "families group the synonyms' measures"
    assert set(data["event_verbs"].values()) <= {"meeting", "visit", "vote", "election",
        "signing", "bombing", "crash", "attack"}  # fmt: skip
    words = data["words"]
    # What ends a noun phrase is never a counted noun too.
    assert not set(words["phrase_end"]) & set(words["people"])
    assert not set(words["not_noun"]) & set(words["person"])
    assert set(words["person"]) <= {w.rstrip("s") for w in words["people"]} | {
        "man", "woman", "child", "person", "passenger", "fighter", "worker"}  # fmt: skip


def test_name_forms_fold_into_names_and_actors_are_names() -> None:
    data = _load("context.toml")
    forms, words = data["name_forms"], data["words"]
    assert all(k == k.lower() and v == v.lower() for k, v in forms.items())
    # A name is never also a word that is no name, and a form folded into one is no stopword.
    assert not set(words["actors"]) & set(words["not_names"])
    assert not set(forms) & (set(words["stopwords"]) | set(words["not_names"]))

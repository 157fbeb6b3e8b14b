"""The fast readers of the words around a figure find what their plain definitions find: each
plain definition is written here as it stood before the fast path, and held equal to it on every
spelling of the tables and on texts built at random from pieces that open, close or join them."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import context, engines, figure, frame, measures, qualifiers, roles, scan
from claims.extract import _Lines
from claims.units import CURRENCY_CODES, CURRENCY_WORDS, NAMES, SYMBOLS, lookup

_PARTS = regex.compile(r"[^ \u00a0-]++")  # a unit's words joined by spaces or hyphens


def plain_unit_after(text: str, pos: int, currencies: bool = False) -> figure._After | None:
    """``figure._unit_after`` as it was: every spelling tried longest first, no gate."""
    w = figure._WORDS_AFTER.match(text, pos, pos + 120)
    if w is None:
        return None
    parts = list(_PARTS.finditer(w.group("run")))
    for n in range(len(parts), 0, -1):
        spelling = w.group("run")[: parts[n - 1].end()]
        if spelling.endswith(".") and lookup(spelling) is None:
            spelling = spelling.rstrip(".")
        end = w.start("run") + len(spelling)
        if currencies:
            code = figure._currency_named(spelling, w.group("sep"))
            if code:
                return figure._After(end, currency=code)
            continue
        hyphen = w.group("sep").strip() == "-"
        unit = lookup(spelling) if len(spelling) > 1 or hyphen else None
        if unit is None or (hyphen and spelling in SYMBOLS):
            continue
        if (
            unit.dimension == "time"
            and n < len(parts)
            and parts[n].group() in figure._NOT_A_DURATION
        ):
            return None
        if on := figure._OLD_OR_NOUN.match(text, end):
            if on.group("old"):
                return figure._After(end, unit, old=on.end())
            return figure._After(end, unit, noun=on.group("noun"))
        return figure._After(end, unit)
    return None


def _same_after(text: str) -> None:
    for pos in range(len(text) + 1):
        for currencies in (False, True):
            fast = figure._unit_after(text, pos, currencies)
            assert fast == plain_unit_after(text, pos, currencies), (text, pos, currencies)


SPELLINGS = sorted({*NAMES, *SYMBOLS, *CURRENCY_WORDS, *CURRENCY_CODES})


def test_every_spelling_of_the_tables_reads_as_before() -> None:
    for spelling in SPELLINGS:
        for form in (spelling, spelling.upper(), spelling.title(), spelling + "."):
            for text in (
                f"5 {form} ago",
                f"5-{form}-old",
                f"5 US {form}.",
                f"5\u00a0{form}",
                f"5 - {form} - old",
            ):
                for pos in (1, 2):
                    for currencies in (False, True):
                        fast = figure._unit_after(text, pos, currencies)
                        assert fast == plain_unit_after(text, pos, currencies), text


PIECES = (
    " ", "  ", "\u00a0", "-", " - ", ".", "..", ",", "5", "°", "º", "C", "km", "sq.", "sq", "m",
    "ft", "in", "miles", "Miles", "per", "hour", "square", "metres", "year", "years", "old", "-old",
    "quarter", "second", "day", "days", "long", "US", "us", "dollars", "Dollars", "euros", "USD",
    "EUR", "GBP", "pounds", "sterling", "yen", "people", "of", "the", "İ", "ſ", "K", "kWh", "\n",
)  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(TEXTS)
def test_units_and_currencies_after_a_figure_read_as_before(text: str) -> None:
    _same_after(text)


def plain_clause_words(before: str, after: str) -> tuple[str, str]:
    """``frame._clause_words`` as it was: the text split at every clause break."""
    left = frame._CLAUSE_BREAK.split(before)[-1]
    right = frame._CLAUSE_BREAK.split(after, maxsplit=1)[0]
    return " ".join(left.split()[-6:]), " ".join(right.split()[:6])


CLAUSE_PIECES = (
    " ", "  ", "\n", "\r\n", "\t", ".", ";", ":", "!", "?", "(", ")", "[", "]", "—", "–", ",", "-",
    "a", "Paris", "rose", "by", "İstanbul", "Über", "x.y", "Syria", "Russian", "New York", "jobs",
    "U.S.", "O’Neill", "ſ", "\x1c", "killed",
)  # fmt: skip
CLAUSE_TEXTS = st.lists(st.sampled_from(CLAUSE_PIECES), max_size=30).map("".join)


@settings(max_examples=800, deadline=None)
@given(CLAUSE_TEXTS, CLAUSE_TEXTS)
def test_clause_words_and_names_read_as_before(before: str, after: str) -> None:
    assert frame._clause_words(before, after) == plain_clause_words(before, after)
    for text in (before, after):
        plain_names = [n for p in context._NAME_RE.findall(text) for n in context._names_of(p)]
        assert context.names_in(text) == plain_names


def test_start_words_are_found_where_the_plain_trie_finds_them() -> None:
    plain = re.compile(
        r"[" + scan._VULGAR + r"]|\b(?:" + scan._START_WORDS + r")\b|\bq[1-4]\b|\bh[12]\b|\bfy"
    )
    for word in scan._START_WORD_LIST:
        for text in (
            word,
            f"x{word} {word}x {word}-{word}, q4{word} _{word} 2{word}½ ōne h1 fy{word} xfy",
        ):
            lowered = text.lower()
            fast = [m.span() for m in scan._START_LOWER_WORDS.finditer(lowered)]
            assert fast == [m.span() for m in plain.finditer(lowered)], text


ADJ_SUFFIX = regex.compile(r"(?:ern|ian|ish|ese|ic|ical|ous|ive|ful|less|able|ible)$")


def test_adjectives_by_their_ending_are_those_of_the_pattern() -> None:
    words = {w for text in SPELLINGS for w in text.split()} | set(measures._ADJECTIVES)
    words |= {"western", "Syrian", "ablE", "ic", "magical", "hopeless", "visible", "Ian", "x"}
    for word in words:
        plain = word.lower() in measures._ADJECTIVES or ADJ_SUFFIX.search(word.lower())
        assert measures._is_adjective(word) == bool(plain), word


LINK_PIECES = (
    "www.", "WWW.", "Www.", "http://", "HTTPS://", "://", "a", "x.org", " ", "\n", "@", "me@x.io",
    "(", ")", "ww.", "w", "\u0130",
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=20).map("".join))
def test_links_and_lines_read_as_before(text: str) -> None:
    # no digit: links and e-mail addresses are the only noise
    plain = sorted(m.span() for p in (scan._LINK, scan._EMAIL) for m in p.finditer(text))
    assert scan.noise_spans(text) == plain
    assert _Lines(text).starts == [0, *(m.end() for m in regex.finditer(r"\n", text))]


WORD_PIECES = (
    "Paris", "paris", "U.S.", "O’Neill", "o'clock", "Zürich", "ZÜRICH", "naïve", "İstanbul", "ſ",
    "K", "µm", "ª", "x", "-", ".", "’", "'", " ", "\u00a0", "\n", "\x1c", "5", "_", "—", "™", "©",
    "«", "»", "€", "°C", "×", "e\u0301", "Ab", "AB-C", "a" * 45,
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=25).map("".join))
def test_words_and_names_on_either_engine_read_alike(text: str) -> None:
    for pattern in (context.WORD_RE,):
        assert pattern.findall(text) == pattern.full.findall(text), pattern.pattern


def test_plain_text_is_told_as_before_on_every_character() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert engines._NOT_PLAIN.findall(every) == regex.findall(engines._NOT_PLAIN.pattern, every)


def test_fold_folds_every_letter_a_case_blind_pattern_takes_for_an_ascii_one() -> None:
    every = "".join(map(chr, range(0x110000)))
    for char in regex.findall(r"(?i)[a-z]", every):
        folded = engines.fold(char)
        assert len(folded) == 1 and folded.isascii(), char
        assert regex.fullmatch(rf"(?i){folded}", char), char


GATED = (
    measures._DEATH_LEFT, measures._INJURY_LEFT, measures._EVACUATED_LEFT, measures._ABOARD_LEFT,
    measures._CARRYING_LEFT,
)  # fmt: skip
GATE_PIECES = (
    "killed", "KILLING", "kiLLs", "kill", "Left", "leaving", "claimed the lives of", "death  toll",
    "toll", "injured", "InjurING", "wounded", "wounding", "HURT", "evacuated", "evacuating",
    "displaced", "displacing", "relocated", "rehoused", "aboard", "on board", "On\nBoard",
    "carrying", "carried", "with", "WITH", "ſ", "K", "\u212a", "İ", " ", "  ", ", ", ". ", "-",
    "at least", "some", "the", "x", "5", "\n", "kİlled", "İnjured", "wİth", "leavİng", "\u212aILL",
    "carrıed", "eſtimate",
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(GATE_PIECES), max_size=14).map("".join))
def test_gated_patterns_find_what_their_search_finds(text: str) -> None:
    for gated in GATED:
        fast, plain = gated.search(text), gated.pattern.search(text)
        assert (fast and fast.span()) == (plain and plain.span()), gated.pattern.pattern
    plain_superseded = measures._EARLIER_BEFORE.search(text) is not None
    assert measures.superseded(text) == plain_superseded


def test_each_word_a_gated_pattern_names_opens_its_gate() -> None:
    for gated in GATED:
        words = regex.findall(r"[a-z]{3,}", gated.pattern.pattern.replace(r"\s+", " "))
        for word in words:
            for form in (word, word.upper(), word.title()):
                text = f"{form} the 5 "
                fast, plain = gated.search(text), gated.pattern.search(text)
                assert (fast and fast.span()) == (plain and plain.span()), (word, gated.words)
    for word in ("earlier", "toll", "count", "estimate", "figure", "tally", "from", "revised"):
        for text in (
            f"the earlier {word} of ",
            f"revised {word} from ",
            f"up {word.upper()} from ",
        ):
            assert measures.superseded(text) == (measures._EARLIER_BEFORE.search(text) is not None)


SUBJECT_PIECES = (
    *regex.findall(r"[a-z]{2,}", measures._SUBJECT_BEFORE.pattern),
    "q3", "sales", "Net", "debt", "o'neill", "well-known", "x", "5", "$", "the", "ſome", "İs",
    "WAS", " ", "  ", "\n", "\t", "\u00a0", "\x1c", ", ", ". ", "-", "'", "(was", "“of", "x-to",
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(SUBJECT_PIECES), max_size=16).map(" ".join))
def test_the_subject_before_a_figure_is_found_as_before(before: str) -> None:
    for text in (before, before + " ", before + "\n"):
        fast, plain = measures._subject_before(text), measures._SUBJECT_BEFORE.search(text)
        assert (fast and fast.span()) == (plain and plain.span()), text


def test_every_last_word_of_the_subject_pattern_opens_its_gate() -> None:
    for word in regex.findall(r"[a-z]{2,}", measures._SUBJECT_BEFORE.pattern):
        for text in (
            f"net debt {word} ",
            f"sales in the first quarter {word} ",
            f"profit {word} to ",
        ):
            fast, plain = measures._subject_before(text), measures._SUBJECT_BEFORE.search(text)
            assert (fast and fast.span()) == (plain and plain.span()), text


HEDGE_PIECES = (
    *{w for phrase in qualifiers.HEDGES for w in phrase.split()},
    *{w for phrase in qualifiers._DATA["between"]["words"] for w in phrase.split()},
    "(about", "“over", "—some", "x-about", "xabout", "ABOUT", "Nearly", "ſome", "aroUnd", "5", "$",
    "minus", "(minus", "Negative", "x-minus", " ", "  ", "\n", "\u00a0", ", ", "-", "killed",
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(HEDGE_PIECES), max_size=10).map(" ".join))
def test_the_hedge_before_a_figure_is_found_as_before(before: str) -> None:
    for text in (before, before + " ", before + "\n", before + " the "):
        fast, plain = qualifiers.hedge_before(text), qualifiers.HEDGE_BEFORE.search(text)
        assert (fast and fast.span()) == (plain and plain.span()), text


def test_every_hedge_opens_its_gate() -> None:
    for phrase in [*qualifiers.HEDGES, *qualifiers._DATA["between"]["words"]]:
        for form in (phrase, phrase.upper(), phrase.title(), f"({phrase}", f"“{phrase}"):
            for text in (f"{form} ", f"killed {form}  ", f"{form} the ", f"{form}\n"):
                fast, plain = qualifiers.hedge_before(text), qualifiers.HEDGE_BEFORE.search(text)
                assert (fast and fast.span()) == (plain and plain.span()), text


def test_every_verb_of_motion_and_gap_word_opens_its_gate() -> None:
    from test_scan_windows import reference_direction

    table = roles._DATA["direction"]
    for phrase in [*table["up_before"], *table["down_before"], *table["gap"]]:
        for form in (phrase, phrase.upper(), phrase.title(), f"({phrase}", f"x{phrase}"):
            for before in (f"jobs {form} ", f"jobs {form} by some ", f"{form}\n", f"{form} a "):
                assert roles.direction(before, "") == reference_direction(before, ""), before


@settings(max_examples=800, deadline=None)
@given(CLAUSE_TEXTS, CLAUSE_TEXTS)
def test_the_two_sides_of_a_clause_read_in_one_call_as_apart(before: str, after: str) -> None:
    left, right = frame._clause_words(before, after)
    names = [*context.names_in(left), *context.names_in(right)]
    words = [*context.content_words(left), *context.content_words(right)]
    near = tuple(dict.fromkeys([*names, *words]))
    assert frame._clause(before, after) == (
        near,
        tuple(n for n in dict.fromkeys(names) if n in context.ACTORS),
    )


CURRENCY_PIECES = (
    *figure.CURRENCY_SYMBOLS, *CURRENCY_CODES, "usd", "Usd", "xUSD", "US", "Rs", "s", "A", "Z",
    " ", "  ", "\n", "\r\n", "\u00a0", "\u202f", "\t", "5", "jobs", "the", "(", "-",
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(CURRENCY_PIECES), max_size=8).map("".join))
def test_the_currency_before_a_figure_is_found_as_before(before: str) -> None:
    for text in (before, before + " ", before + "\n", before + " \n", before + "\u00a0"):
        fast, plain = figure.currency_before(text), figure._CURRENCY_BEFORE.search(text)
        assert (fast and fast.span()) == (plain and plain.span()), text


def test_every_currency_symbol_and_code_opens_its_gate() -> None:
    for spelling in [*figure.CURRENCY_SYMBOLS, *CURRENCY_CODES]:
        found = 0
        for form in (spelling, f"cost {spelling}", f"({spelling}", f"x{spelling}"):
            for text in (form, f"{form} ", f"{form}\u00a0", f"{form}\n", f"{form} \n", f"{form}  "):
                fast, plain = figure.currency_before(text), figure._CURRENCY_BEFORE.search(text)
                assert (fast and fast.span()) == (plain and plain.span()), text
                found += plain is not None
        assert found >= 3, spelling  # the forms it stands in


# The parameters of each method of a ``regex`` pattern up to ``concurrent``, after the text.
_BEFORE_CONCURRENT = {
    "match": 3, "search": 3, "fullmatch": 3, "findall": 4, "finditer": 4, "split": 2, "sub": 5,
}  # fmt: skip


def test_every_regex_pattern_of_claims_keeps_the_gil() -> None:
    """``regex`` releases the GIL around each match unless ``concurrent`` is false, which costs
    a fifth of a short match: each call of a pattern of the package passes it by position."""
    missing = []
    for info in pkgutil.iter_modules(claims.__path__):
        module = importlib.import_module(f"claims.{info.name}")
        names = {k for k, v in vars(module).items() if isinstance(v, regex.Pattern)}
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if (
                info.name != "make_units"  # a command, not extraction
                and isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in names
                and node.func.attr in _BEFORE_CONCURRENT
            ):
                at = _BEFORE_CONCURRENT[node.func.attr]
                given = node.args[at : at + 1]
                if not (given and isinstance(given[0], ast.Name) and given[0].id == "KEEP_GIL"):
                    missing.append(
                        f"{info.name}:{node.lineno} {node.func.value.id}.{node.func.attr}"
                    )
    assert missing == []

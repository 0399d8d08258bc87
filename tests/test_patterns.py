"""The fast way of matching a rule (cleaner.patterns) gives the answer of the plain joined
pattern, on real lines, on random text and on every character whose case is tricky."""
from __future__ import annotations

import collections
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.patterns import _CASE_CLASSES, LineMatcher, _caseless, lowered
from cleaner.kinds import KINDS
from cleaner.rules import load_rules

from .conftest import golden_cases

RULES = [r for r in load_rules() if r.matcher is not None]
TRICKY = ["ΟΔΟΣ ΣΟΦΙΑΣ", "Gruſs Gott", "İstanbul PHOTO: AP", "Straße", "K\u212aelvin", "ǅemal",
          "Foto: ANSA", "WE USE COOKIES", "Reklama", "РЕКЛАМА", "ᲀᲁ в д", "µ mu"]


def reference(rule, text: str) -> bool:
    return getattr(rule.regex, KINDS[rule.kind].match)(text) is not None


def real_lines() -> list[str]:
    lines = set(TRICKY)
    for case in golden_cases():
        lines.update(line.strip() for line in (case / "input.txt").read_text(encoding="utf-8").splitlines())
    for rule in RULES:
        for key in ("drop", "keep", "todo_drop", "todo_keep"):
            lines.update(rule.examples.get(key, []))
        for case in rule.examples.get("cases", []):
            lines.update(line.split(":", 1)[1].strip() for line in case["lines"])
    return sorted(lines)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.full_id)
def test_fast_matching_agrees_with_the_joined_pattern_on_real_lines(rule):
    lines = real_lines()
    assert len(lines) > 1000
    disagree = [line for line in lines if rule.matcher(line) != reference(rule, line)]
    assert not disagree, disagree[:5]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAsSkKiIeEoO .,:|/()-\u017f\u0130\u03a3\u03c3\u03c2\u212a\u0432\u1c80"
                                             "ЯяÉé0123")), max_size=40))
def test_fast_matching_agrees_on_random_text(text):
    for rule in RULES:
        assert rule.matcher(text) == reference(rule, text), (rule.full_id, text)


def test_lowered_line_matches_exactly_where_ignorecase_would():
    """For every lower-case character a pattern may hold on the fast way, and every
    character of Unicode: IGNORECASE matches it exactly where the lowered line holds it."""
    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    everything = "".join(chars)
    by_lower = collections.defaultdict(set)
    for char in chars:
        low = lowered(char)
        if low is not None:
            by_lower[low].add(char)
    candidates = {chr(c) for cls in _CASE_CLASSES for c in cls} | set(
        "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœабвгдеёжзийклмнопрстуфхцчшщъыьэюяі")
    candidates = [c for c in candidates if _caseless(ord(c))]
    assert len(candidates) > 80
    for c in candidates:
        ignorecase = {x for x in re.findall(re.escape(c), everything, re.IGNORECASE) if lowered(x) is not None}
        assert ignorecase == by_lower[c], c


def test_a_matcher_survives_pickling():
    import pickle

    matcher = LineMatcher(("^sign up", "cookies? policy"), re.IGNORECASE, "search")
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy("Read our cookie POLICY") and not copy("Cookies are sweet")


def screened_rule_sets():
    """The rule sets classify and revise screen, as (name, rules with their word limits)."""
    from cleaner.screen import NO_LIMIT

    rules = load_rules()
    return [
        ("droppers", tuple((r, r.params.get("max_words") or NO_LIMIT) for r in rules if r.kind in ("line", "contains"))),
        ("guards", tuple((r, r.param("max_words")) for r in rules if r.kind == "guard")),
        ("span and zone headers", tuple((r, NO_LIMIT) for r in rules if r.kind in ("span", "zone"))),
    ]


@pytest.mark.parametrize("name, limited_rules", screened_rule_sets(), ids=lambda x: x if isinstance(x, str) else "")
def test_the_screen_never_leaves_out_a_rule_that_matches(name, limited_rules):
    """Every rule that matches a line (within its word limit) is among the screen's
    candidates for it, in rule order, on real lines and on random lines."""
    from cleaner.screen import Screen
    from cleaner.text import word_count

    screen = Screen.of(limited_rules)
    assert screen.whole is not None
    lines = real_lines() + [f"Item {i}" for i in range(20)]
    matched = 0
    for text in lines:
        words, lower = word_count(text), lowered(text)
        candidates = screen.candidates(text, lower, words)
        for rule, limit in limited_rules:
            if words <= limit and rule.matches(text, lower):
                matched += 1
                assert (rule, limit) in candidates, (rule.full_id, text)
        assert [c for c in limited_rules if c in candidates] == list(candidates)  # rule order kept
    assert matched > 100


def test_a_rule_with_a_back_reference_is_not_joined_but_always_checked():
    from cleaner.screen import Screen
    from cleaner.rules import parse_rule

    data = {"id": "tags", "category": "debris", "kind": "line", "summary": "paired tags",
            "patterns": [r"\[(b|i)\].*\[/\1\]"]}
    backref = parse_rule("rules/debris/tags.toml", data, "debris")
    plain = parse_rule("rules/ads/label.toml", {**data, "id": "label", "category": "ads", "patterns": ["ad"]}, "ads")
    assert not backref.matcher.groups.joinable and plain.matcher.groups.joinable
    screen = Screen.of(((backref, 9), (plain, 9)))
    assert screen.candidates("[b]bold[/b]", "[b]bold[/b]", 1) == ((backref, 9),)
    assert screen.candidates("AD", "ad", 1) == ((backref, 9), (plain, 9))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAdDvVeErRtTiIsSmMnN .,:|/()-\u017f\u0130\u03a3\u0432ЯяÉé0123")), max_size=30))
def test_a_union_matches_where_one_of_its_members_does(text):
    from cleaner.patterns import UnionMatcher

    members = tuple(r.matcher for r in RULES if r.kind in ("line", "guard") and r.matcher.groups.joinable)
    union = UnionMatcher(members)
    assert union(text) == any(m(text) for m in members), text


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from("ab1Z'.-_ ,\t;"), max_size=30))
def test_ascii_word_count_is_the_word_patterns(text):
    """The word count of an ASCII line by counting class substrings is the regex's."""
    from cleaner.text import _WORD, count_ascii_words

    assert count_ascii_words(text) == len(_WORD.findall(text))


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from("a?？'\"’”»)“‘«.\n "), max_size=12))
def test_ends_question_is_the_pattern(text):
    from cleaner.text import _CLOSERS, ends_question

    question_end = re.compile(f"[?？][{re.escape(_CLOSERS)}]*$")
    assert ends_question(text) == (question_end.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from("aZ9_ .,-’—«»\u00a0éÉßẞİıſ\u212a\u3000北\u0660\u00b2\udc80") | st.characters(), max_size=20))
def test_fold_removes_what_the_pattern_removes(text):
    """fold() is the line casefolded with every [\\W_] character removed (as re finds them)."""
    from cleaner.text import fold

    assert fold(text) == re.sub(r"[\W_]+", "", text.casefold())


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(".!。！?？:;；'\"’”»)」a \n🙂"), max_size=8), st.booleans(), st.booleans())
def test_ends_sentence_is_the_pattern(text, question, colon):
    """Without emoji or brackets, ends_sentence() reads the line's last characters; the
    answer is the pattern's."""
    from cleaner.text import _sentence_end, ends_sentence

    expected = _sentence_end(question, False, colon, False).search(text) is not None
    assert ends_sentence(text, question=question, colon=colon) == expected


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from("「“\"„«‘」』”»’,、♪-–— \n\tb1_."), max_size=8))
def test_head_under_way_is_the_pattern(text):
    """head searches _UNDER_WAY only in lines ending with one of its last characters."""
    from cleaner.kinds.head import _UNDER_WAY, _under_way

    assert _under_way(text) == (_UNDER_WAY.search(text) is not None)


def test_a_label_of_letters_digits_and_spaces_needs_no_further_test():
    """is_label's quick answer (a line of letters, digits and spaces is a label when it is
    short, kept and not guarded) is what its full test says, for every letter and digit
    of every script: none of them ends a sentence or separates data."""
    import sys

    from cleaner.text import _MAY_END, DATA_CHARS, ends_sentence

    def full(text: str) -> bool:
        return (text[-1:] not in _MAY_END or not ends_sentence(text)) and DATA_CHARS.search(text) is None

    alphanumeric = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isalnum()]
    assert all(full(text) for ch in alphanumeric for text in (ch, f"Item {ch}", f"{ch} 1"))

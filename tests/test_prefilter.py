"""The engine prefilter is exact: with it and without it, the same (line, rule) table and
the same output.

The engine only proposes candidates and each is confirmed by the rule's own pattern, so
what could go wrong is a *missed* candidate: a superset pattern that is not one. These
tests look for one on every rule example, every golden line, and variants of the lines a
rule matches that ``re``'s Unicode case folding treats specially (ſ, the Kelvin sign,
ı/İ), with other spaces (NBSP, U+3000) and in full-width forms.
"""
from __future__ import annotations

import re

import pytest

from cleaner import Config, clean_and_explain
from cleaner import prefilter, screen, superset
from cleaner.re_internals import ENGINE
from cleaner.rules import load_rules
from cleaner.screen import Screen

from .conftest import case_config, golden_cases

pytestmark = pytest.mark.skipif(bool(prefilter.disabled_reason()), reason=prefilter.disabled_reason() or "-")

RULES = load_rules(Config(mode="page"))
SCREENED = tuple(r for r in RULES if r.matcher is not None and not r.lines)


def _base_lines() -> list[str]:
    lines = set()
    for rule in RULES:
        for key in ("drop", "keep", "todo_drop", "todo_keep"):
            lines.update(rule.examples.get(key, []))
        for case in rule.examples.get("cases", []):
            lines.update(line.split(":", 1)[1].strip() for line in case["lines"])
    for case in golden_cases():
        lines.update((case / "input.txt").read_text("utf-8").splitlines())
    return sorted(line for line in lines if line.strip())


_FULL_WIDTH = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def variants(line: str) -> list[str]:
    """The line in the spellings Python's re treats specially or a scraper leaves behind.

    >>> variants("Ski")[:3]
    ['SKI', 'ski', 'sKI']
    """
    return [line.upper(), line.lower(), line.swapcase(),
            line.replace("s", "ſ"), line.replace("S", "ſ"),
            line.replace("k", "\u212a").replace("K", "\u212a"),
            line.replace("i", "ı"), line.replace("I", "İ"), line.replace("i", "İ"),
            line.replace(" ", "\u00a0"), line.replace(" ", "\u3000"),
            line.translate(_FULL_WIDTH), line.upper().replace("SS", "ẞ")]


@pytest.fixture(scope="module")
def engine():
    built = prefilter.Prefilter.build(SCREENED)
    assert built is not None, "the engine is installed but would not take the rules' patterns"
    return built


def _missed(engine, lines) -> list[tuple[str, str]]:
    """(line, rule) pairs the rule matches but the engine did not propose."""
    missed = []
    always = set(engine.always)
    for line in lines:
        hits = engine.hits(line)
        if hits is None:
            continue
        for i, rule in enumerate(SCREENED):
            if i not in hits and i not in always and rule.matches(line):
                missed.append((line, rule.full_id))
    return missed


def test_engine_misses_no_match_on_examples_and_goldens(engine):
    lines = _base_lines()
    assert len(lines) > 1000
    assert _missed(engine, lines) == []


def test_engine_misses_no_match_on_unicode_variants(engine):
    matched = [line for line in _base_lines() if any(rule.matches(line) for rule in SCREENED)]
    lines = [v for line in matched for v in variants(line)]
    assert len(lines) > 5000
    assert _missed(engine, lines) == []


def test_lines_scanned_together_are_clear_only_where_no_line_hits(engine):
    """``clear`` on lines joined is a proof that none of them hits: each line some rule's
    superset hits (every example and golden line, and their Unicode variants) is tried in
    blocks with other lines, at the start, in the middle and at the end."""
    base = _base_lines()
    lines = base + [v for line in base[::7] for v in variants(line)]
    hit = [line for line in lines if engine.hits(line)]
    assert len(hit) > 1000
    filler = [f"Item {n}" for n in range(6)]
    assert engine.clear("\n".join(filler))  # a test that never sees a clear block proves nothing
    wrong = [line for line in hit if "\n" not in line and any(
        engine.clear("\n".join(block)) for block in ([line] + filler, filler + [line], filler[:3] + [line] + filler[3:]))]
    assert wrong == []


def test_screening_lines_together_gives_each_line_its_own_candidates(monkeypatch):
    """``Screens.blocks`` gives what ``for_line`` gives each line (a block it leaves out:
    the candidates of a line with no hit), on documents of short lines with no hit, with
    a few lines rules match among them, of both, and on every golden input."""
    from cleaner.document import Document
    from cleaner.stages import _screens

    monkeypatch.setattr(Screen, "ENGINE_AFTER_LINES", 0)
    _fresh_screens()
    try:
        screens = _screens(RULES)
        noise = [line for line in _base_lines() if any(rule.matches(line) for rule in SCREENED)][:300]
        texts = [f"Item {n}" if n % 37 else noise[n % len(noise)] for n in range(3000)]
        plain = [f"Item {n}" for n in range(3000)]  # (no hit: blocks passed over)
        documents = [plain, texts, texts[::-1], plain[:1000] + texts[:1000] + plain[1000:]]
        documents += [(case / "input.txt").read_text("utf-8").splitlines() for case in golden_cases()]
        answers = []
        clear = prefilter.Prefilter.clear
        monkeypatch.setattr(prefilter.Prefilter, "clear", lambda self, text: answers.append(clear(self, text)) or answers[-1])
        for lines in documents:
            doc = Document.from_lines(lines)
            nothing = screens.for_line(doc.lines[0].__class__(0, "Item 0"))  # (the candidates of a line with no hit)
            each = [found for start, block in screens.blocks(doc.lines)
                    for found in block or [nothing if not line.is_blank else None
                                           for line in doc.lines[start:start + screens.BLOCK]]]
            assert each == [None if line.is_blank else screens.for_line(line) for line in doc.lines]
        assert True in answers and False in answers  # both ways were taken
    finally:
        _fresh_screens()


def test_engine_is_selective(engine):
    """A prefilter that proposed every rule everywhere would pass the tests above."""
    hits = engine.hits("The council voted on Monday to approve the new budget for the schools.")
    assert len(hits) + len(engine.always) < len(SCREENED) // 4


def test_most_rules_translate(engine):
    assert len(engine.always) <= 3, [SCREENED[i].full_id for i in engine.always]


def test_unencodable_line_takes_the_plain_way(engine):
    assert engine.hits("Advertisement \udc80") is None
    assert engine.hits("Advertisement\n") is None


@pytest.mark.parametrize("char", sorted(set("sSkKiIyY") | set("ıİſ\u212aσςΣµßẞǅǆǄθϑΘωΩ\u2126åÅ\u212b")))
def test_literal_expansion_is_every_code_point_re_accepts(char):
    """The quick expansion of a literal under IGNORECASE (from re's lower-case table) is
    the set a brute-force run of the literal over every code point finds."""
    literal = ENGINE.parse(re.escape(char), re.IGNORECASE)[0]
    quick = superset._accepted(*literal, re.escape(char), re.IGNORECASE)
    brute = superset._scanned(re.escape(char), re.IGNORECASE)
    assert quick == brute


def _fresh_screens() -> None:
    screen.reset_engine()


@pytest.mark.parametrize("case", golden_cases(), ids=lambda p: p.name)
def test_goldens_identical_with_and_without_engine(case, monkeypatch):
    text = (case / "input.txt").read_text("utf-8")
    scanned = []
    hits = prefilter.Prefilter.hits
    monkeypatch.setattr(prefilter.Prefilter, "hits", lambda self, line: scanned.append(line) or hits(self, line))
    monkeypatch.setattr(Screen, "ENGINE_AFTER_LINES", 0)
    _fresh_screens()
    try:
        with_engine = clean_and_explain(text, case_config(case))
        assert scanned, "the engine was not used"
        monkeypatch.setenv("CLEANER_NO_ENGINE", "1")
        _fresh_screens()
        scanned.clear()
        without = clean_and_explain(text, case_config(case))
        assert not scanned, "CLEANER_NO_ENGINE did not turn the engine off"
    finally:
        _fresh_screens()
    assert with_engine == without


def _atoms(tree, flags):
    """Every one-character atom of a parsed pattern, with the flags in force there."""
    sre = ENGINE.constants
    for op, av in tree:
        if op in (sre.LITERAL, sre.IN):
            yield op, av, flags
        elif op is sre.SUBPATTERN:
            yield from _atoms(av[3], (flags | av[1]) & ~av[2])
        elif op is sre.BRANCH:
            for branch in av[1]:
                yield from _atoms(branch, flags)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            yield from _atoms(av[2], flags)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _atoms(av[1], flags)
        elif op is sre.ATOMIC_GROUP:
            yield from _atoms(av, flags)


def test_quick_expansion_of_every_set_in_the_rules_is_exact():
    """Every set of the rules' patterns expands, the quick way, to the code points a
    brute-force run over all of them finds (literals: the test above)."""
    seen = {}
    for rule in SCREENED:
        patterns, flags, _how = rule.matcher.args
        for pattern in patterns:
            for op, av, local in _atoms(ENGINE.parse(pattern, flags), int(flags)):
                if op is ENGINE.constants.IN:
                    seen[superset._atom_source(op, av), local] = (op, av)
    assert len(seen) > 20
    for (source, local), (op, av) in seen.items():
        assert superset._accepted(op, av, source, local) == superset._scanned(source, local), source


@pytest.mark.parametrize("pattern, flags", [(r"\[(b|i|k-s)\].{0,9}\[/\1\]", re.I), (r"\[(b|i|k-s)\].{0,9}\[/\1\]", 0),
                                            (r"(?i:<([a-z]+)>)x</\1>", 0), (r"<([a-z]+)>x</(?i:\1)>", 0)])
def test_a_group_reference_is_a_copy_of_its_group(pattern, flags):
    """Every text of these characters the pattern finds (a case variant of the group's text
    where the reference ignores case: ı, İ, ſ, the Kelvin sign), the translation finds."""
    import re2

    found = re2.compile("|".join(superset.translate(pattern, flags, "search")))
    compiled = re.compile(pattern, flags)
    fillers = ["b", "B", "i", "I", "İ", "ı", "k-s", "K-S", "\u212a-ſ", "k_s"]
    opening = ["[b]", "[i]", "[k-s]", "[K-s]", "<b>", "<ks>", "<KS>", "<Ks>"]
    texts = [f"{o}x{c}" for o in opening for c in
             [f"[/{f}]" for f in fillers] + [f"</{f}>" for f in fillers] + ["</\u212as>", "</kſ>"]]
    assert any(compiled.search(t) for t in texts)
    assert [t for t in texts if compiled.search(t) and not found.search(t.encode())] == []
    assert not found.search("[b]x[/u]".encode()) and not found.search("<b>x</u1>".encode())  # (selective)


def test_a_reference_to_a_group_of_classes_is_untranslatable():
    with pytest.raises(superset.Untranslatable):
        superset.translate(r"(\w+) \1", 0, "search")


def test_sites_count_their_lines_together_towards_the_engine(tmp_path, monkeypatch):
    """A site's screen (its patterns' screen with the site's learned lines) counts its
    lines with every other site's: a corpus of many sites builds the engine after
    ``ENGINE_AFTER_LINES`` lines in all, not that many per site (fifty sites of learned
    lines once cleaned seven times slower than the plain corpus, none with the engine)."""
    from cleaner.learn import Profile, write_profiles
    from cleaner.rules import for_site
    from cleaner.screen import NO_LIMIT

    write_profiles({site: Profile(site, 10, {f"More from {site}": 5}) for site in ("a.org", "b.org")}, str(tmp_path))
    rules = load_rules(Config(rule_dirs=(str(tmp_path),)))
    monkeypatch.setattr(Screen, "ENGINE_AFTER_LINES", 30)
    _fresh_screens()
    try:
        a, b = (Screen.of(tuple((r, NO_LIMIT) for r in rules if r.kind == "line" and (not r.sites or for_site(r, site))))
                for site in ("a.org", "b.org"))
        assert a is not b
        seen = [a._from_engine(f"Line {n} of a.org") for n in range(20)]
        seen += [b._from_engine(f"Line {n} of b.org") for n in range(20)]
        assert seen[:30] == [None] * 30 and None not in seen[31:]  # the engine from the 31st line
        assert any(r.full_id == "site/a-org" for r, _ in a.candidates("More from a.org", None, 3))
        assert not any(r.full_id == "site/a-org" for r, _ in b.candidates("More from a.org", None, 3))
    finally:
        _fresh_screens()

"""cleaner.mojibake.keeps says "unchanged" only where ftfy returns the text unchanged."""
from __future__ import annotations

import itertools
import random

import ftfy
import pytest
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import mojibake, normalize, prefilter
from cleaner.normalize import _MOJIBAKE_HINT, split_lines

from .conftest import golden_cases

pytestmark = pytest.mark.skipif(prefilter.disabled_reason() != "", reason="no compiled engine here")

CONFIG = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_character_width=False,
                              fix_latin_ligatures=False, fix_line_breaks=False, normalization=None,
                              explain=False)

# every character BADNESS_RE names (its classes spelled out: ranges too), the white space
# \s takes, controls, C1 controls, and a few ordinary letters and marks
_NAMED = {c for c in BADNESS_RE.pattern if not c.isspace()}
_RANGES = {chr(p) for p in itertools.chain(range(0x80, 0x250), range(0x370, 0x460), range(0x2500, 0x2580))}
ALPHABET = sorted(_NAMED | _RANGES | set(" \t\x0b\x0c\r\x1c\x85\xa0\u2028\u3000\x00\x1b\x7f\ufeff\u206a\ufffc")
                  | set("aAzZ09.,?!;:-'\"()[]_éèàçôüßœ€™’“”«»–—…°µ×²³√≈‚вЂβ€ā"))


def fixed(text: str) -> str:
    return ftfy.fix_text(text, config=CONFIG)


def test_the_installed_ftfy_is_the_one_read():
    """The check is on with the ftfy installed (else ftfy runs on every hinted line: same
    output, slower); a new ftfy version needs its fix_text read again (see the module)."""
    assert mojibake.keeps("Le café est très bon.", CONFIG) is True


def test_unchanged_accented_lines_are_known_without_ftfy():
    lines = ["Le café est très bon à Paris, dit-il.", "Er sagte nur „Tschüß“ und ging, schön für uns.",
             "El niño y la niña están aquí mismo.", "São Paulo é a maior cidade do Brasil."]
    assert all(_MOJIBAKE_HINT.search(line) for line in lines)  # (lines normalize would send to ftfy)
    assert [mojibake.keeps(line, CONFIG) for line in lines] == [True] * 4


@pytest.mark.parametrize("text", ["FranÃ§ois said itâ€™s fine", "Ã a", "a\x1b[31mred", "a\x00b", "a\x85b",
                                  "a\ud800b", "\ufeffa", "x\u206ay", "caf\xc3\xa9"])
def test_what_ftfy_changes_is_not_kept(text):
    assert fixed(text) != text
    assert mojibake.keeps(text, CONFIG) is False


def test_a_text_ftfy_splits_or_another_configuration_is_not_answered():
    assert mojibake.keeps("café\nbon", CONFIG) is None
    assert mojibake.keeps("café", ftfy.TextFixerConfig()) is None  # (defaults: quotes, NFC, ...)


def test_every_pair_the_heuristic_finds_is_a_hit():
    """The engine's superset finds every 1- and 2-character text BADNESS_RE finds (the
    heuristic's alternatives are 2 to 7 characters: longer ones are sampled below)."""
    missed = [a + b for a in ALPHABET for b in [""] + ALPHABET
              if BADNESS_RE.search(a + b) and mojibake.keeps(a + b, CONFIG)]
    assert missed == []


def test_random_texts_of_the_heuristics_characters():
    rng = random.Random(19)
    for _ in range(50_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(3, 9)))
        if mojibake.keeps(text, CONFIG):
            assert not BADNESS_RE.search(text), repr(text)
            assert fixed(text) == text, repr(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from(ALPHABET) | st.characters(), max_size=40))
def test_kept_means_unchanged(text):
    if mojibake.keeps(text, CONFIG):
        assert fixed(text) == text


@pytest.mark.parametrize("case", golden_cases(), ids=lambda p: p.name)
def test_golden_lines(case):
    for line in split_lines((case / "input.txt").read_text("utf-8")):
        if mojibake.keeps(line, CONFIG):
            assert fixed(line) == line


def test_normalize_uses_the_configuration_checked_here():
    normalize._ftfy_fix("é ")
    assert normalize._ftfy_config == CONFIG

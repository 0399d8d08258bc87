"""normalize's shortcuts give what the plain way gives: the document is looked at once for
what a repair may act on (entities, mojibake hints, C1 controls, invisible characters)
and each line is searched only for those; a text with no newline but "\\n" is split with
str.split."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import normalize as module

# the characters each shortcut is about, every newline kind, and ordinary text
PIECES = st.sampled_from(["a", "B", " ", "é ", "Ã©", "Â\x80", "\x85", "\x9c", "\x1b", "\u200b", "\ufeff", "\u2060",
                          "&amp;", "&#8203;", "&#x85;", "&Atilde;&copy;", "&", "\n", "\r\n", "\r", "\u2028", "\u2029",
                          "“", "–", "ü"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def plain_split(text: str) -> list[str]:
    lines = module._NEWLINES.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def normalized(text: str) -> tuple[list[str], list[int]]:
    origins: list[int] = []
    return module.normalize(text, origins), origins


def plain_normalized(text: str) -> tuple[list[str], list[int]]:
    """normalize() the plain way: every line repaired in full, split on the alternation."""
    saved = module._repairs, module.split_lines
    module._repairs, module.split_lines = (lambda text: module._EVERY), plain_split
    try:
        return normalized(text)
    finally:
        module._repairs, module.split_lines = saved


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
@example("Caf&#8203;e\u200b au lait\r\nx")
def test_normalize_is_the_plain_way(text):
    assert normalized(text) == plain_normalized(text)

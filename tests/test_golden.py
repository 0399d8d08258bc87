"""Golden cases: cleaned input must equal the hand-curated expected.txt byte for byte.

A failing case prints the unified diff and the trace of every line that differs, so the
report says which rule removed (or failed to remove) what.
"""
from __future__ import annotations

import difflib

import pytest

from cleaner import clean, clean_and_explain
from cleaner.io.decode import decode_bytes

from .conftest import case_config, case_meta, golden_cases

CASES = golden_cases()


def _explain_differences(trace, expected: str, actual: str) -> str:
    """Trace lines for text that is in one output and not the other."""
    missing = set(expected.splitlines()) - set(actual.splitlines())
    extra = set(actual.splitlines()) - set(expected.splitlines())
    rows = []
    for v in trace:
        if v.text in missing and v.dropped:
            rows.append(f"  wrongly dropped  line {v.number} by {v.rule}: {v.text}")
        elif v.text in extra and not v.dropped:
            rows.append(f"  wrongly kept     line {v.number}: {v.text}")
    return "\n".join(rows)


def _load(case):
    text = decode_bytes((case / "input.txt").read_bytes(), str(case / "input.txt"))
    expected = (case / "expected.txt").read_bytes().decode("utf-8")
    return text, expected


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case, request):
    meta = case_meta(case)
    if meta.get("xfail"):  # a known gap: strict, so the marker goes once the gap is fixed
        request.applymarker(pytest.mark.xfail(reason=meta["xfail"], strict=True))
    text, expected = _load(case)
    actual, trace = clean_and_explain(text, case_config(case))
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), "expected.txt", "cleaned"))
        pytest.fail(f"{case.name} differs:\n{diff}\n{_explain_differences(trace, expected, actual)}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expected_is_a_fixed_point(case):
    """POLICY invariant: an already clean text comes back unchanged (an expected text is
    an article, so it is cleaned in article mode whatever mode its input needs)."""
    _, expected = _load(case)
    assert clean(expected) == expected


ARTICLE_CASES = [c for c in CASES if case_meta(c).get("mode", "article") == "article" and "xfail" not in case_meta(c)]


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=[c.name for c in ARTICLE_CASES])
def test_auto_mode_leaves_extractor_output_as_article_mode_does(case):
    """``--mode auto`` turns page mode on only for dumps shaped like a page: on article
    inputs it gives the article-mode result."""
    from cleaner import Config

    text, expected = _load(case)
    assert clean(text, Config(mode="auto")) == expected


def test_golden_set_covers_the_brief():
    """At least 35 cases, 8 languages, 10 traps, 3 clean texts, each category in 3 cases."""
    metas = [case_meta(c) for c in CASES]
    assert len(CASES) >= 35
    assert len({m.get("language") for m in metas if m}) >= 8
    assert sum(len(m.get("traps", [])) > 0 for m in metas) >= 10
    clean_cases = [c for c in CASES if (c / "input.txt").read_bytes() == (c / "expected.txt").read_bytes()]
    assert len(clean_cases) >= 3
    for category in ("share", "ads", "comments", "captions", "duplicates", "navigation",
                     "related", "footer", "debris"):
        assert sum(category in m.get("categories", []) for m in metas) >= 3, category

"""Lint of the rule catalogue: schema, names, patterns, and one bad file per error class."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner import Config
from cleaner.rules import CATEGORIES, RuleError, builtin_rules_dir, load_rule_file, load_rules

from .conftest import ROOT

RULE_FILES = sorted((ROOT / "rules").glob("*/*.toml"))


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_rule_file_is_valid(path):
    rule = load_rule_file(path)
    assert rule.id == path.stem and rule.category == path.parent.name
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.id), "ids are kebab-case nouns"
    assert rule.summary and len(rule.summary) <= 160


def test_every_category_folder_is_a_policy_category():
    folders = {p.name for p in (ROOT / "rules").iterdir() if p.is_dir()}
    assert folders <= set(CATEGORIES)
    for category in ("share", "ads", "comments", "captions", "duplicates", "navigation",
                     "related", "footer", "debris", "guards"):
        assert category in folders


def test_builtin_dir_is_the_repository_catalogue():
    assert Path(builtin_rules_dir()).resolve() == (ROOT / "rules").resolve()


def _write_rule(tmp_path: Path, text: str, category="ads", name="my-rule") -> Path:
    folder = tmp_path / category
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, "utf-8")
    return path


GOOD = 'id = "my-rule"\ncategory = "ads"\nkind = "line"\nsummary = "x"\npatterns = [\'promo\']\n'


@pytest.mark.parametrize("text, key", [
    (GOOD.replace('id = "my-rule"', 'id = "other"'), "id"),
    (GOOD.replace('category = "ads"', 'category = "share"'), "category"),
    (GOOD.replace('kind = "line"', 'kind = "regex"'), "kind"),
    (GOOD.replace("'promo'", "'(unclosed'"), "patterns[0]"),
    (GOOD + 'colour = "red"\n', "colour"),
    (GOOD + "[params]\nmax_words = 3\n", "params.max_words"),
    (GOOD.replace('summary = "x"\n', ""), "summary"),
    (GOOD.replace("patterns = ['promo']\n", ""), "patterns"),
    (GOOD.replace("patterns = ['promo']\n", "").replace('"line"', '"teaser"'), "patterns"),  # (it would never fire)
    (GOOD + "[examples]\ndrop = 'promo'\n", "examples.drop"),
    ("id = \n", "not valid TOML"),
])
def test_bad_rule_file_names_file_and_key(tmp_path, text, key):
    path = _write_rule(tmp_path, text)
    with pytest.raises(RuleError) as err:
        load_rules(Config(rule_dirs=(str(tmp_path),), builtin=False))
    assert str(path) in str(err.value) and key in str(err.value)


def test_user_rule_folder_adds_and_replaces(tmp_path):
    _write_rule(tmp_path, GOOD + "[examples]\ndrop = ['promo']\nkeep = ['a promo day']\n")
    from cleaner import clean
    config = Config(rule_dirs=(str(tmp_path),))
    assert clean("Body text.\nPROMO\n", config) == "Body text.\n"
    assert clean("Body text.\nPROMO\n") == "Body text.\nPROMO\n"


def test_select_and_ignore_by_id_or_category():
    ids = {r.full_id for r in load_rules(Config(select=("ads",)))}
    assert "ads/advertisement-label" in ids and not any(i.startswith("share/") for i in ids)
    assert any(i.startswith("guards/") for i in ids), "guards always run"
    ids = {r.full_id for r in load_rules(Config(ignore=("ads/advertisement-label",)))}
    assert "ads/advertisement-label" not in ids and "share/share-buttons" in ids
    with pytest.raises(RuleError, match="no rule or category named 'adz'"):
        load_rules(Config(select=("adz",)))


@pytest.mark.parametrize("rule", [r for r in load_rules() if r.requires], ids=lambda r: r.full_id)
def test_requires_hint_never_hides_a_match(rule):
    """``requires`` only speeds a rule up: every drop example holds one of its strings,
    and so does every line of the golden inputs the rule's patterns match."""
    from cleaner.io.decode import decode_bytes

    for text in rule.examples.get("drop", []):
        assert any(s in text.lower() for s in rule.requires), text
    for case in (ROOT / "golden").glob("*/input.txt"):
        for line in decode_bytes(case.read_bytes()).splitlines():
            line = line.strip()
            if rule.regex.search(line) if rule.kind == "contains" else rule.regex.fullmatch(line):
                assert any(s in line.lower() for s in rule.requires), f"{case.parent.name}: {line}"


def test_exceptions_veto_a_match(tmp_path):
    _write_rule(tmp_path, GOOD.replace("'promo'", "'promo.*'") + "exceptions = ['\\bcity\\b']\n")
    config = Config(rule_dirs=(str(tmp_path),), builtin=False)
    rule = next(r for r in load_rules(config) if r.full_id == "ads/my-rule")
    assert rule.matches("Promo of the day") and not rule.matches("Promo of the city")
    _write_rule(tmp_path, GOOD + "exceptions = ['(bad']\n")
    with pytest.raises(RuleError, match=r"exceptions\[0\]: bad regular expression"):
        load_rules(Config(rule_dirs=(str(tmp_path),), builtin=False, mode="page"))


def test_renamed_rule_id_still_works_and_warns(tmp_path):
    from cleaner.rules import RuleWarning

    _write_rule(tmp_path, GOOD + 'formerly = ["ads/old-promo"]\n')
    with pytest.warns(RuleWarning, match="'ads/old-promo' is now called 'ads/my-rule'"):
        rules = load_rules(Config(rule_dirs=(str(tmp_path),), ignore=("ads/old-promo",)))
    assert "ads/my-rule" not in {r.full_id for r in rules}
    _write_rule(tmp_path, GOOD + 'formerly = ["old-promo"]\n')
    with pytest.raises(RuleError, match=r"formerly\[0\]: 'old-promo' must be a full rule id"):
        load_rules(Config(rule_dirs=(str(tmp_path),), builtin=False, select=("ads",)))


def test_a_folder_without_category_folders_warns(tmp_path):
    from cleaner.rules import RuleWarning

    (tmp_path / "my-rule.toml").write_text(GOOD, "utf-8")
    with pytest.warns(RuleWarning, match="no rule files found .*<category>/<id>.toml"):
        load_rules(Config(rule_dirs=(str(tmp_path),), ignore=("ads",)))


def test_case_names_and_reasons_are_checked(tmp_path):
    _write_rule(tmp_path, GOOD.replace('kind = "line"', 'kind = "zone"')
                + "[[examples.cases]]\nname = 3\nlines = ['keep: x']\n")
    with pytest.raises(RuleError, match=r"examples.cases\[0\].name: must be a string"):
        load_rules(Config(rule_dirs=(str(tmp_path),), builtin=False, select=("ads", "guards/x")))

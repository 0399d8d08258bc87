"""The start-up cache (cleaner.cache) only ever saves time: same rules, same output, and a
bad, stale or unwritable cache is ignored."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import cache, re_internals
from cleaner.rules import load_dir

from .conftest import ROOT, case_meta, golden_cases

SAMPLES = ["Sign up for our newsletter", "ADVERTISEMENT", "Photo: AP", "© 2024 Town News", "x" * 500,
           "Ein Bagger steht an der Strecke. Foto: dpa", "사진=연합뉴스", "İstanbul", ""]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A cache in a new folder, and no state loaded yet in this process."""
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_state", None)
    return tmp_path / "cache"


def _reload(monkeypatch):
    monkeypatch.setattr(cache, "_state", None)


@pytest.mark.parametrize("engine", ["sre", "plain"])
@pytest.mark.parametrize("pattern, flags", [
    (r"^sign up\b.*", re.IGNORECASE), (r"(?:photo|foto):\s*(?-i:[A-Z])\w+", re.IGNORECASE),
    (r"\d{1,2}:\d{2}|[©]\s*\d{4}", 0), (r"(a)(?:b)(c)?", 0), (r"사진\s*=\s*\S+", re.IGNORECASE),
])
def test_cached_pattern_behaves_like_re_compile(fresh, monkeypatch, pattern, flags, engine):
    monkeypatch.setattr(re_internals, "ENGINE", re_internals.choose(plain=engine == "plain"))
    assert re_internals.ENGINE.name == engine
    reference = re.compile(pattern, flags)
    cold = cache.compile_pattern(pattern, flags)
    cache.save()
    _reload(monkeypatch)
    warm = cache.compile_pattern(pattern, flags)
    # the fast engine rebuilds the warm pattern from the file; the plain one keeps no code
    assert bool(cache._load()["regex"]) == (engine == "sre")
    assert cold == reference and warm == reference  # re.Pattern equality: the same compiled code
    for regex in (cold, warm):
        assert (regex.pattern, regex.flags, regex.groups) == (reference.pattern, reference.flags, reference.groups)
        for text in SAMPLES:
            for method in ("search", "match", "fullmatch"):
                got, want = getattr(regex, method)(text), getattr(reference, method)(text)
                assert (got and got.span(), got and got.groups()) == (want and want.span(), want and want.groups())


def test_rules_from_a_warm_cache_equal_rules_from_the_files(fresh, monkeypatch):
    folder = ROOT / "rules"
    cold = load_dir(folder)
    cache.save()
    assert list(fresh.iterdir()), "the cache file was written"
    _reload(monkeypatch)
    warm = load_dir(folder)
    assert warm == cold  # ids, kinds, patterns, params, examples
    for a, b in zip(cold, warm):
        for text in SAMPLES:
            assert a.matches(text) == b.matches(text), (a.full_id, text)


def test_a_changed_rule_file_is_read_again(fresh, monkeypatch, tmp_path):
    rule = tmp_path / "rules" / "ads" / "house-ad.toml"
    rule.parent.mkdir(parents=True)
    rule.write_text('id = "house-ad"\ncategory = "ads"\nkind = "line"\nsummary = "x"\npatterns = [\'house ad\']\n')
    assert load_dir(tmp_path / "rules")[0].patterns == ("house ad",)
    cache.save()
    _reload(monkeypatch)
    rule.write_text(rule.read_text().replace("'house ad'", "'our own ad'"))
    assert load_dir(tmp_path / "rules")[0].patterns == ("our own ad",)


@pytest.mark.parametrize("content", [b"", b"not a marshal file", b"\x00" * 100])
def test_a_corrupt_cache_is_ignored_and_replaced(fresh, monkeypatch, content):
    fresh.mkdir()
    target = Path(cache.cache_file())
    target.write_bytes(content)
    assert load_dir(ROOT / "rules")
    cache.save()
    assert target.read_bytes() != content


def test_no_cache_when_turned_off_or_unwritable(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")
    assert cache.cache_file() is None
    cache.compile_pattern("turned off")
    cache.save()
    assert not fresh.exists()
    monkeypatch.delenv("CLEANER_NO_CACHE")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    _reload(monkeypatch)
    cache.compile_pattern("unwritable")
    cache.save()  # no error


def test_command_output_is_the_same_with_a_cold_and_a_warm_cache(tmp_path):
    env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path / "cache")}
    cases = [c for c in golden_cases() if "xfail" not in case_meta(c)][::6]
    assert len(cases) >= 10
    for run in ("cold", "warm"):
        for case in cases:
            mode = case_meta(case).get("mode", "article")
            args = [sys.executable, "-m", "cleaner", "--mode", mode, str(case / "input.txt")]
            out = subprocess.run(args, capture_output=True, env=env, cwd=ROOT, check=False).stdout
            assert out == (case / "expected.txt").read_bytes(), (run, case.name)
        assert list((tmp_path / "cache").iterdir())


def test_cache_location(monkeypatch, tmp_path):
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    monkeypatch.delenv("CLEANER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Path(cache.cache_file()).parent == tmp_path / "cleaner"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "mine"))
    assert Path(cache.cache_file()).parent == tmp_path / "mine"


def test_entries_no_run_used_lately_are_pruned(fresh, monkeypatch):
    cache.compile_pattern("old pattern")
    cache.save()
    for i in range(cache._KEEP_SAVES):
        _reload(monkeypatch)
        cache.compile_pattern(f"new pattern {i}")
        if i == 0:
            cache.compile_pattern("old pattern")  # used again: kept for another round of saves
        cache.save()
    _reload(monkeypatch)
    kept = set(cache._load()["regex"])
    assert "0:old pattern" in kept
    cache.compile_pattern("one more")
    cache.save()
    _reload(monkeypatch)
    kept = set(cache._load()["regex"])
    assert "0:old pattern" not in kept  # no run used it in the last _KEEP_SAVES saves
    assert {f"0:new pattern {i}" for i in range(1, cache._KEEP_SAVES)} | {"0:one more"} <= kept


def test_compiled_code_beyond_the_size_bound_goes_least_recently_used_first(fresh, monkeypatch):
    monkeypatch.setattr(cache, "_MAX_CODE_BYTES", 21_000)
    patterns = [f"pattern {i} " + "abcdefghij" * 30 for i in range(6)]  # ~5 KB of code each
    for pattern in patterns:  # one pattern per run
        _reload(monkeypatch)
        cache.compile_pattern(pattern)
        cache.save()
    _reload(monkeypatch)
    assert set(cache._load()["regex"]) == {f"0:{p}" for p in patterns[2:]}  # the 4 used last fit
    monkeypatch.setattr(cache, "_MAX_CODE_BYTES", 1)
    cache.compile_pattern(patterns[0])
    cache.compile_pattern(patterns[5])
    cache.save()
    _reload(monkeypatch)  # what the last run used stays, even beyond the bound
    assert set(cache._load()["regex"]) == {f"0:{patterns[0]}", f"0:{patterns[5]}"}


def test_patterns_compiled_after_loading_are_saved_at_exit(tmp_path):
    env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path)}
    env.pop("CLEANER_NO_CACHE", None)
    script = "from cleaner import cache; cache.compile_pattern('compiled late')"
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, check=True)
    probe = "from cleaner import cache; print('0:compiled late' in cache._load()['regex'])"
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "True"


def test_files_of_installations_not_used_for_a_month_are_deleted(fresh, monkeypatch):
    fresh.mkdir()
    month_ago = os.path.getmtime(fresh) - 31 * 86400
    abandoned, recent, crashed = fresh / "rules-py311-0000dead.marshal", fresh / "rules-py311-0000beef.marshal", fresh / ".rules-x.tmp"
    for path in (abandoned, recent, crashed):
        path.write_bytes(b"x")
    for path in (abandoned, crashed):
        os.utime(path, (month_ago, month_ago))
    cache.compile_pattern("something new")
    cache.save()
    assert not abandoned.exists() and not crashed.exists()
    assert recent.exists() and Path(cache.cache_file()).exists()


def test_reading_the_cache_keeps_it_from_looking_abandoned(fresh, monkeypatch):
    cache.compile_pattern("x")
    cache.save()
    path = Path(cache.cache_file())
    month_ago = path.stat().st_mtime - 31 * 86400
    os.utime(path, (month_ago, month_ago))
    _reload(monkeypatch)
    cache.compile_pattern("x")  # loads the file; nothing new to save
    assert path.stat().st_mtime > month_ago + 30 * 86400


# --- the two regex engines (cleaner.re_internals): the fast one and plain re.compile -------

PROBE = """
import json, sys
from cleaner import Config, cache, clean, re_internals
from cleaner.rules import load_rules
from tests.conftest import case_config, golden_cases
from tests.test_patterns import real_lines
lines = real_lines()
rules = [r for r in load_rules(Config(mode="page")) if r.matcher is not None]
json.dump({"engine": re_internals.ENGINE.name, "reason": re_internals.ENGINE.reason,
           "matches": {r.full_id: "".join("01"[r.matches(line)] for line in lines) for r in rules},
           "golden": {c.name: clean((c / "input.txt").read_text("utf-8"), case_config(c)) for c in golden_cases()}},
          sys.stdout)
"""


def test_the_plain_engine_gives_what_the_fast_one_gives(tmp_path, monkeypatch):
    """The whole program run with ``CLEANER_PLAIN_RE=1`` (re.compile, no private internals,
    every alternative matched the exact way) and with the fast engine: each rule matches
    the same golden lines and rule examples, each golden case comes out the same (and as
    expected); and each pattern the fast run compiled has the very code re.compile gives."""
    runs = {}
    for engine in ("sre", "plain"):  # both at once: two cores
        env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path / engine), "CLEANER_PLAIN_RE": str(int(engine == "plain"))}
        env.pop("CLEANER_NO_CACHE", None)
        runs[engine] = subprocess.Popen([sys.executable, "-c", PROBE], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                        text=True, encoding="utf-8")
    fast, plain = ({**json.loads(run.communicate()[0]), "status": run.returncode} for run in runs.values())
    assert (fast["engine"], fast["status"], plain["engine"], plain["status"]) == ("sre", 0, "plain", 0), fast["reason"]
    assert len(fast["matches"]) >= 40 and fast["matches"] == plain["matches"]
    assert "1" in "".join(fast["matches"].values()) and "0" in "".join(fast["matches"].values())
    assert fast["golden"] == plain["golden"]
    for case in golden_cases():
        if "xfail" not in case_meta(case):
            assert plain["golden"][case.name] == (case / "expected.txt").read_text("utf-8"), case.name

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "sre"))
    _reload(monkeypatch)
    compiled = cache._load()["regex"]  # what the fast run compiled, as code
    assert len(compiled) > 100
    fast_engine = re_internals.choose()
    for key, code in compiled.items():
        flags, pattern = key.split(":", 1)
        assert fast_engine.rebuild(pattern, code) == re.compile(pattern, int(flags)), key


@pytest.mark.parametrize("break_it", ["missing module", "tree shape", "compiled code"])
def test_internals_unlike_the_expected_ones_fall_back_to_plain_re(monkeypatch, break_it):
    if break_it == "missing module":
        monkeypatch.setitem(sys.modules, "re._casefix", None)  # an import of it fails
    elif break_it == "tree shape":
        monkeypatch.setattr(re_internals, "_TREE_SHAPE", re_internals._TREE_SHAPE[1:])
    else:  # a rebuilt pattern that loses its flags
        monkeypatch.setattr(re_internals.SreInternals, "rebuild", lambda self, pattern, code: re.compile(pattern))
    engine = re_internals.choose()
    assert engine.name == "plain" and "differ" in engine.reason
    regex, code = engine.compile("^sign up", re.IGNORECASE)
    assert code is None and regex == re.compile("^sign up", re.IGNORECASE)
    with pytest.raises(re_internals.Unavailable):
        engine.parse("a", 0)


def test_the_environment_variable_forces_the_plain_engine():
    probe = "from cleaner import re_internals as r; print(r.ENGINE.name, r.ENGINE.reason)"
    for value, name in (("1", "plain"), ("0", "sre"), ("", "sre")):
        env = {**os.environ, "CLEANER_PLAIN_RE": value, "CLEANER_NO_CACHE": "1"}
        out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout
        assert out.split()[0] == name, out


def test_each_engine_keeps_its_own_derived_data(fresh, monkeypatch):
    """A run with the plain engine neither uses nor overwrites what the fast one derived from
    parse trees (``memo``), and keeps no compiled code; the fast one then finds its own."""
    cache.memo("k", lambda: "fast")
    cache.compile_pattern("fast code")
    cache.save()
    _reload(monkeypatch)
    monkeypatch.setattr(re_internals, "ENGINE", re_internals.choose(plain=True))
    assert cache.memo("k", lambda: "plain") == "plain"
    assert cache.compile_pattern("plain only") == re.compile("plain only")
    cache.save()
    _reload(monkeypatch)
    assert "0:plain only" not in cache._load()["regex"] and "0:fast code" in cache._load()["regex"]
    monkeypatch.setattr(re_internals, "ENGINE", re_internals.choose())
    assert cache.memo("k", lambda: "again") == "fast"

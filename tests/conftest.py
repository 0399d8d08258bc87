"""Shared fixtures: the repository folders and the golden cases; the hypothesis profiles."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `slow`: the invariants at scale, 10,000 generated documents per property (the tests that
# leave max_examples to the profile); .ci/run runs them beside the suite:
#   HYPOTHESIS_PROFILE=slow python -m pytest tests/test_invariants.py -k at_scale
settings.register_profile("slow", max_examples=10_000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    """The suite's start-up cache lives in a folder of its own, removed when the session
    ends: the patterns of the test rule sets would otherwise fill the user's cache file,
    which every run of `clean` reads (the tests of the cache itself set their own folders;
    subprocesses inherit the variable). Set before cleaner is imported, so cleaner's save at
    exit runs before the removal (atexit runs in reverse order)."""
    folder = tempfile.mkdtemp(prefix="cleaner-test-cache-")
    os.environ["CLEANER_CACHE_DIR"] = folder
    atexit.register(shutil.rmtree, folder, True)


GOLDEN = ROOT / "golden"


def golden_cases() -> list[Path]:
    """Every folder under golden/ that holds an input.txt."""
    return sorted(p.parent for p in GOLDEN.glob("*/input.txt"))


def case_config(case: Path):
    """The Config a case is cleaned with: ``mode = "page"`` in case.toml for full-page dumps."""
    from cleaner import Config

    return Config(mode=case_meta(case).get("mode", "article"))


def case_meta(case: Path) -> dict:
    meta = case / "case.toml"
    return tomllib.loads(meta.read_text("utf-8")) if meta.exists() else {}


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def no_zstandard(monkeypatch):
    """Run as if the zstandard package were not installed."""
    import builtins

    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name == "zstandard":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)

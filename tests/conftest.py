"""Shared fixtures: the repository folders and the golden cases."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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

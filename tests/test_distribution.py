"""The distribution: a name of its own on the package index, the licence, the typing marker."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT

ORDINARY = Path(__file__).parent / "data" / "ordinary"


# --- the distribution ---------------------------------------------------------------

def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def test_distribution_name_is_not_the_unrelated_cleaner_package():
    """`cleaner` on the package index is an unrelated interactive shell that moves and
    deletes files; `pip install cleaner` must never be what our docs say."""
    name = project()["name"]
    assert name == "newsnoise"
    assert project()["scripts"] == {"clean": "cleaner.cli:main"}
    said = []
    for path in [ROOT / "README.md", *(ROOT / "docs").rglob("*.*"), *(ROOT / "cleaner").rglob("*.py")]:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.search(r"pip install\s+['\"]?cleaner\b", line):
                said.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not said, "install instructions name the wrong package:\n" + "\n".join(said)


def test_zstd_error_names_the_distribution(no_zstandard):
    from cleaner.io.streams import open_input
    from cleaner.io.files import InputError

    with pytest.raises(InputError, match=r"pip install 'newsnoise\[zstd\]'"):
        with open_input(str(ORDINARY / "missing.jsonl.zst")):
            pass


def test_licence_and_typing_marker_are_shipped():
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License") and "the cleaner authors" in licence
    assert project()["license"] in ("MIT", {"text": "MIT"})
    assert (ROOT / "cleaner" / "py.typed").exists()
    urls = project().get("urls", {})
    assert not any("example" in u or not u.startswith("https://") for u in urls.values())

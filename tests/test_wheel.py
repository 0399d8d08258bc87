"""A plain (non-editable) install must carry the rule catalogue: check the built wheel."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_wheel_contains_every_rule_file(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True, timeout=600)
    wheel = next(tmp_path.glob("newsnoise-*.whl"))  # the distribution name; the package is cleaner
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").glob("*/*.toml"))
    assert rule_files, "the repository has rule files"
    missing = [f for f in rule_files if f"cleaner/rules/{f}" not in names]
    assert not missing, f"the wheel lacks {missing}"
    assert "cleaner/cli.py" in names and "cleaner/__main__.py" in names
    assert "cleaner/py.typed" in names, "type checkers read the annotations only with the marker"
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE") for n in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "Name: newsnoise" in metadata
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "clean = cleaner.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

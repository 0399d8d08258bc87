"""Start-up stays light: cleaning a plain text file does not import the heavy libraries
(trafilatura, beautifulsoup4, ftfy) nor the standard modules that only some options need.
A guard on what is imported, not a timing: the speed itself is measured by
benchmarks/speed.py, side by side with a bare interpreter."""
from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT

# (dataclasses pulls in inspect, ast and tokenize; pathlib pulls in urllib.parse)
NOT_AT_START = ("trafilatura", "bs4", "ftfy", "lxml", "dataclasses", "inspect", "pathlib", "json", "difflib", "typing",
                "tomllib", "tempfile", "multiprocessing", "cleaner.io.batch", "shutil", "threading")

PROBE = """
import sys
from cleaner.cli import main
sys.argv = ["clean", sys.argv[1]]
status = main()
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


def test_cleaning_a_text_file_imports_no_heavy_module(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text("Council approves budget\n\nAdvertisement\n\nThe council voted on Monday.\n", encoding="utf-8")
    env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("CLEANER_NO_CACHE", None)
    for run in ("cold cache", "warm cache"):  # a cold run parses TOML and writes the cache
        out = subprocess.run([sys.executable, "-c", PROBE, str(page)], capture_output=True, text=True, env=env,
                             cwd=ROOT, check=True)
    assert out.stdout == "Council approves budget\n\nThe council voted on Monday.\n"
    loaded = set(out.stderr.split())
    assert "cleaner.pipeline" in loaded  # the probe saw the modules
    assert not loaded & set(NOT_AT_START), sorted(loaded & set(NOT_AT_START))

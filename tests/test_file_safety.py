"""Files the hook may meet: ordinary text comes through unharmed, bad input fails clearly,
and an interrupted --in-place never leaves a half-written file."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import clean, clean_and_explain
from cleaner.document import has_words
from cleaner.cli import main

ORDINARY = Path(__file__).parent / "data" / "ordinary"
UNCHANGED = ["CHANGELOG.md", "requirements.txt", "data.csv", "poem.txt", "gitignore"]


@pytest.mark.parametrize("name", UNCHANGED)
def test_ordinary_files_come_through_unchanged(name, tmp_path):
    path = tmp_path / name
    path.write_bytes((ORDINARY / name).read_bytes())
    assert main(["--check", str(path)]) == 0


def test_license_loses_exactly_its_title_and_copyright_line():
    """Documented: a LICENSE reads like a news page's head label and copyright footer."""
    _, trace = clean_and_explain((ORDINARY / "LICENSE").read_text("utf-8"))
    assert [(v.number, v.rule) for v in trace if v.dropped] == [
        (1, "navigation/head-labels"), (3, "footer/copyright")]


def test_source_code_only_loses_indentation():
    """Documented: normalization strips every line and blanks lines with no word (a lone
    docstring quote), so indented formats change; no rule drops a line of code. Point the
    hook at news folders with `files:`."""
    text = (ORDINARY / "source.py.txt").read_text("utf-8")
    out, trace = clean_and_explain(text)
    assert not [v for v in trace if v.dropped]
    assert out.splitlines() != text.splitlines()
    with_words = [line.strip() for line in text.splitlines() if has_words(line)]
    assert [line for line in out.splitlines() if line] == with_words


def test_utf16_with_bom_is_read_and_written_back_as_utf8(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Headline of the story today\nAdvertisement\nBody.\n".encode("utf-16"))
    assert main(["--in-place", str(path)]) == 1
    assert path.read_bytes() == b"Headline of the story today\nBody.\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes any file")
def test_unreadable_and_unwritable_files(tmp_path, capsys):
    unreadable = tmp_path / "secret.txt"
    unreadable.write_text("Advertisement\nText.\n")
    unreadable.chmod(0o000)
    assert main([str(unreadable)]) == 2
    assert "permission denied (cannot read)" in capsys.readouterr().err
    readonly = tmp_path / "readonly.txt"
    readonly.write_text("Advertisement\nText.\n")
    readonly.chmod(0o444)
    assert main(["--in-place", str(readonly)]) == 2
    assert "permission denied (cannot write)" in capsys.readouterr().err
    assert readonly.read_text() == "Advertisement\nText.\n"


def test_several_files_one_bad(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Headline of the story today\nAdvertisement\nBody.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 not text")
    assert main(["--in-place", str(bad), str(good)]) == 2
    assert good.read_text() == "Headline of the story today\nBody.\n"
    assert "bad.txt: not UTF-8 at byte 3 (0xe9)" in capsys.readouterr().err


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_ctrl_c_during_in_place_leaves_every_file_whole(tmp_path):
    paths = []
    for i in range(40):
        path = tmp_path / f"story{i:02}.txt"
        path.write_text("".join(f"Advertisement\nParagraph {n} of the story, which goes on.\n\n"
                                for n in range(20_000)))
        paths.append(path)
    original = paths[0].read_bytes()
    cleaned = clean(original.decode()).encode()
    # a child inherits an ignored SIGINT (a shell's background job, say) and Python then
    # keeps ignoring it: give the child the default, as a terminal's Ctrl-C would find it
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "--in-place", "-q", *map(str, paths)],
                            stderr=subprocess.PIPE, preexec_fn=_default_sigint)
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    states = {p.read_bytes() == original or p.read_bytes() == cleaned for p in paths}
    assert states == {True}, "every file is either untouched or fully cleaned"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


@pytest.mark.slow
def test_large_file_memory_stays_a_few_times_its_size(tmp_path):
    """Peak memory of `clean big.txt > out` beyond the interpreter's own, as a multiple of
    the file's size (the 500 MB case scales from this; see benchmarks for speed)."""
    size_mb = 20
    para = "The council voted on Monday to approve the new budget for schools and roads. "
    big = tmp_path / "big.txt"
    with open(big, "w") as handle:
        for n in range(size_mb * 1024 * 1024 // (2 * len(para) + 16)):
            handle.write(f"{para}{para}{n}\n\n" if n % 4 else "Advertisement\n\n")
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    # Warm the start-up cache first: on a new machine the first long input also translates the
    # rule catalogue for the compiled prefilter (once per installation), which is not a cost
    # that grows with the file.
    warm = tmp_path / "warm.txt"
    warm.write_text("".join(f"Line {n} of a warm-up text.\n" for n in range(3000)))
    subprocess.run([sys.executable, "-m", "cleaner", str(warm)], capture_output=True, check=True)
    base = int(subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "cleaner", "--version"],
                              capture_output=True, text=True, check=True).stdout)
    peak = int(subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "cleaner", str(big)],
                              capture_output=True, text=True, check=True, timeout=600).stdout)
    ratio = (peak - base) * 1024 / big.stat().st_size
    assert ratio < 8, f"peak memory {ratio:.1f}x the file size"  # measured: 7.0x

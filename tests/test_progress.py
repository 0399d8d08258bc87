"""Progress on stderr for one large file: the pipeline tells how far it has got, the clean
command draws it on a terminal only, and the cleaned text is never touched by it."""
from __future__ import annotations

import io
import re

import pytest

import cleaner.io.progress as progress_module
from cleaner import clean
from cleaner.cli import main
from cleaner.pipeline import Cleaner

STORY = ("Title of the story here\n\nAdvertisement\n\nThe council voted on Monday to keep the park open.\n"
         "Share this article\n\nThe mayor said the vote was close and the debate was long.\n")
BIG = STORY * 1200  # 8,400 lines: three classify reports


class Terminal(io.StringIO):
    """stderr as a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_pipeline_reports_each_step_and_cleans_the_same():
    steps = []
    result = Cleaner().run(BIG, progress=lambda *step: steps.append(step))
    assert result.text == clean(BIG)
    names = [name for name, _, _ in steps]
    assert names[0] == "normalize"
    counted = [(done, total) for name, done, total in steps if name == "classify"]
    assert len(counted) == 3 and all(0 <= done < total for done, total in counted)
    assert [done for done, _ in counted] == sorted(done for done, _ in counted)
    assert "revise round 1: duplicate" in names and "revise round 2: duplicate" in names


def test_page_mode_reports_its_settling_passes():
    steps = []
    Cleaner(Cleaner().config._replace(mode="page")).clean(BIG, progress=lambda *step: steps.append(step))
    assert any(name.startswith("settle pass 1") for name, _, _ in steps)


@pytest.fixture
def big_file(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(BIG, "utf-8")
    monkeypatch.setattr(progress_module, "SHOW_AFTER", 0.0)  # (at once: no test waits a second)
    monkeypatch.setattr(progress_module, "REFRESH", 0.0)
    return path


def test_a_large_file_shows_its_steps_on_a_terminal(big_file, monkeypatch, capsysbinary):
    monkeypatch.setattr("sys.stderr", Terminal())
    import sys

    assert main([str(big_file)]) == 0
    shown = sys.stderr.getvalue()
    assert capsysbinary.readouterr().out.decode() == clean(BIG), "the output stream holds the text alone"
    assert f"\r{big_file}  " in shown and "classify 0%" in shown and "revise round 1: duplicate" in shown
    megabytes = f"{len(BIG) / 1e6:.1f} MB"
    assert re.search(rf"\r{big_file}  {megabytes}  classify 0%  0:0\d\x1b\[K", shown)
    assert re.search(rf"\r\x1b\[K(\r1 docs  {megabytes}  [\d.]+ MB/s  100%  ETA 0:00\x1b\[K)+\n$", shown), \
        "erased, then the batch display's last line"


def test_the_line_is_erased_before_a_message(big_file, monkeypatch):
    monkeypatch.setattr("sys.stderr", Terminal())
    import sys

    assert main(["--check", str(big_file)]) == 1
    shown = sys.stderr.getvalue()
    assert f"\r\x1b[Kclean: would clean {big_file}: " in shown, "the message starts its own line"


@pytest.mark.parametrize("terminal", [False, True], ids=["not-a-terminal", "quiet"])
def test_no_progress_off_a_terminal_or_with_quiet(big_file, monkeypatch, capsysbinary, terminal):
    stream = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    assert main([str(big_file)] + (["--quiet"] if terminal else [])) == 0
    assert stream.getvalue() == ""
    assert capsysbinary.readouterr().out.decode() == clean(BIG)


def test_a_small_file_shows_nothing_before_a_second(tmp_path, monkeypatch, capsysbinary):
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    stream = Terminal()
    monkeypatch.setattr("sys.stderr", stream)
    assert main([str(path)]) == 0
    assert stream.getvalue() == ""


def test_the_ticker_moves_the_time_on_while_a_step_runs(monkeypatch):
    import time

    monkeypatch.setattr(progress_module, "REFRESH", 0.01)
    stream = Terminal()
    progress = progress_module.Progress(enabled=None, stream=stream)
    with progress.ticking():
        progress.step("big.txt", 10, "revise round 1: duplicate", 0, 0)
        deadline = time.monotonic() + 5
        while stream.getvalue().count("\r") < 3 and time.monotonic() < deadline:
            time.sleep(0.01)  # one long step: no report comes, the ticker draws
    assert stream.getvalue().count("\rbig.txt  0.0 MB  revise round 1: duplicate  0:00") >= 3

"""Folders like ruff and black: skipped folders, .gitignore, folders in --check/--diff/--explain,
no text under an HTML name, and the summary line."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cleaner.cli import main

STORY = "Title of the story here\n\nAdvertisement\n\nThe council voted on Monday.\n"
CLEANED = "Title of the story here\n\nThe council voted on Monday.\n"


# --- folders ------------------------------------------------------------------------

def make_tree(root: Path) -> None:
    """A project folder: news text, plus what a walk must skip."""
    (root / "incoming" / "2024").mkdir(parents=True)
    (root / "incoming" / "2024" / "story.txt").write_text(STORY)
    (root / "incoming" / "clean.txt").write_text(CLEANED)
    (root / "notes.txt").write_text(CLEANED)
    for skipped in (".git/info", ".venv/lib", "env2/lib", "node_modules/pkg", "__pycache__", ".hidden",
                    "incoming/.cache", "ignored"):
        (root / skipped).mkdir(parents=True, exist_ok=True)
        (root / skipped / "skipped.txt").write_text(STORY)
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / "env2" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / ".gitignore").write_text("ignored/\n*.draft.txt\n")
    (root / "incoming" / "wip.draft.txt").write_text(STORY)


def git_init(root: Path) -> None:
    import shutil

    shutil.rmtree(root / ".git")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)


@pytest.mark.parametrize("in_git", [False, True], ids=["plain", "git"])
def test_folder_walk_skips_vcs_venvs_hidden_and_ignored(tmp_path, in_git):
    from cleaner.io.batch import FolderJob, BatchOptions

    make_tree(tmp_path)
    if in_git:
        git_init(tmp_path)
    found = FolderJob(BatchOptions()).files(str(tmp_path))
    expected = ["incoming/2024/story.txt", "incoming/clean.txt", "notes.txt"]
    if not in_git:  # without git, .gitignore is not read
        expected = ["ignored/skipped.txt", *expected[:2], "incoming/wip.draft.txt", expected[2]]
    assert found == expected


def test_recursive_in_place_leaves_venv_and_git_alone(tmp_path, capsys):
    make_tree(tmp_path)
    git_init(tmp_path)
    assert main(["-r", "--in-place", str(tmp_path), "-j", "1"]) == 1
    assert (tmp_path / "incoming" / "2024" / "story.txt").read_text() == CLEANED
    for skipped in (".venv/lib", "node_modules/pkg", "__pycache__", ".hidden", "ignored"):
        assert (tmp_path / skipped / "skipped.txt").read_text() == STORY, skipped
    assert (tmp_path / "incoming" / "wip.draft.txt").read_text() == STORY
    err = capsys.readouterr().err
    assert err.endswith("clean: 1 file cleaned, 2 left unchanged\n"), err


@pytest.mark.parametrize("option", ["--check", "--diff", "--explain"])
@pytest.mark.parametrize("recursive", [[], ["-r"]], ids=["folder", "-r"])
def test_check_diff_explain_take_folders(tmp_path, capsysbinary, option, recursive):
    make_tree(tmp_path)
    git_init(tmp_path)
    status = main([*recursive, option, str(tmp_path)])
    out, err = (s.decode() for s in capsysbinary.readouterr())
    assert status == (0 if option == "--explain" else 1), err
    story = str(tmp_path / "incoming" / "2024" / "story.txt")
    if option == "--explain":
        assert out == f"{story}:3: ads/advertisement-label (ads): Advertisement\n"
    elif option == "--diff":
        assert out.count("+++ ") == 1 and "-Advertisement" in out
    else:
        assert err.endswith("clean: 1 file would be cleaned, 2 left unchanged\n"), err
    assert (tmp_path / "incoming" / "2024" / "story.txt").read_text() == STORY  # nothing written


def test_summary_lines_and_quiet(tmp_path, capsys):
    a, b, c = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    a.write_text(STORY)
    b.write_text(STORY)
    c.write_text(CLEANED)
    assert main(["--check", str(a), str(b), str(c)]) == 1
    assert capsys.readouterr().err.endswith("clean: 2 files would be cleaned, 1 left unchanged\n")
    assert main(["--check", str(c)]) == 0
    assert capsys.readouterr().err == "clean: 1 file left unchanged\n"
    assert main(["--in-place", str(a), str(c)]) == 1
    assert capsys.readouterr().err.endswith("clean: 1 file cleaned, 1 left unchanged\n")
    assert main(["--in-place", "-q", str(b)]) == 1
    assert capsys.readouterr().err == ""
    assert main([str(c)]) == 0  # to stdout: no summary
    assert capsys.readouterr().err == ""


def test_mirror_never_writes_text_under_an_html_name(tmp_path, capsys):
    from .test_batch import HTML

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(HTML)
    (folder / "old.htm").write_text(HTML)
    assert main(["-r", str(folder), "-o", str(tmp_path / "out"), "--include", "*.htm*"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["old.txt", "page.txt"]
    assert "The council voted on Monday" in (tmp_path / "out" / "page.txt").read_text()
    assert "2 files cleaned" in capsys.readouterr().err


def test_mirror_refuses_two_sources_for_one_output(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text("<p>x</p>")
    (folder / "page.txt").write_text(STORY)
    assert main(["-r", str(folder), "-o", str(tmp_path / "out"), "--include", "*.htm*",
                 "--include", "*.txt"]) == 2
    assert "page.html and" in capsys.readouterr().err


def test_help_says_html_becomes_txt():
    from cleaner.cli import build_parser

    assert "page.html" in build_parser().format_help() and "page.txt" in build_parser().format_help()


def test_a_folder_git_ignores_is_walked_when_named(tmp_path):
    """Scraped data is often kept out of git; naming its folder still cleans it."""
    from cleaner.io.batch import walk

    make_tree(tmp_path)
    git_init(tmp_path)
    assert walk(str(tmp_path / "ignored")) == ["skipped.txt"]
    assert "ignored/skipped.txt" not in walk(str(tmp_path))

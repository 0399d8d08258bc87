"""The clean command: output, explain, errors (one line, exit 2), file modes, stdin."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cleaner.cli import main

STORY = "Title of the story here\n\nAdvertisement\n\nThe council voted on Monday.\n"
CLEANED = "Title of the story here\n\nThe council voted on Monday.\n"


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    return path


def run(*args, stdin: bytes | None = None):
    """The real command in a subprocess (python -m cleaner), as a user runs it."""
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], input=stdin,
                          capture_output=True, timeout=60)


def test_file_to_stdout(story, capsysbinary):
    assert main([str(story)]) == 0
    assert capsysbinary.readouterr().out.decode() == CLEANED


def test_several_files_each_its_own_document(tmp_path, capsysbinary):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Same headline of the story\nBody one.\n", "utf-8")
    b.write_text("Same headline of the story\nBody two.\n", "utf-8")
    assert main([str(a), str(b)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out.count("Same headline of the story") == 2  # not a duplicate across documents


def test_stdin_piped_and_dash():
    for args in ((), ("-",)):
        result = run(*args, stdin=STORY.encode())
        assert result.returncode == 0 and result.stdout.decode() == CLEANED


def test_explain_text_and_json(story, capsysbinary):
    assert main(["--explain", str(story)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out == f"{story}:3: ads/advertisement-label (ads): Advertisement\n"
    assert main(["--explain=json", str(story)]) == 0
    record = json.loads(capsysbinary.readouterr().out)
    assert record["file"] == str(story)
    assert record["dropped"] == [{"line": 3, "action": "drop", "rule": "ads/advertisement-label",
                                  "category": "ads", "stage": "classify", "text": "Advertisement"}]


def test_explain_shows_lines_a_debris_rule_blanked(tmp_path, capsysbinary):
    story = tmp_path / "tags.txt"
    story.write_text("Title of the story here\n<div class=\"x\">\nBody of the story.\n</div>\n")
    assert main(["--explain", str(story)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert f"{story}:2: debris/html-tags (debris) [blank]: <div class=\"x\">\n" in out
    assert main(["--explain=json", str(story)]) == 0
    record = json.loads(capsysbinary.readouterr().out)
    assert [v["line"] for v in record["blanked"]] == [2, 4] and record["rules"] == {"debris/html-tags": 2}


def test_select_ignore_and_list_rules(story, capsysbinary):
    assert main(["--ignore", "ads", str(story)]) == 0
    assert "Advertisement" in capsysbinary.readouterr().out.decode()
    assert main(["--list-rules"]) == 0
    listing = capsysbinary.readouterr().out.decode()
    assert "ads/advertisement-label" in listing and "guards/byline" in listing
    assert "page/outside-article" in listing, "page-mode rules are listed too"
    rows = {line.split()[0]: line.split()[1:4] for line in listing.splitlines()}
    assert rows["page/outside-article"] == ["page", "revise", "no"], "stage and guard contract from the registry"
    assert rows["related/related-links"] == ["span", "revise", "yes"]
    assert main(["--show-rule", "ads/advertisement-label"]) == 0
    shown = capsysbinary.readouterr().out.decode()
    assert 'id = "advertisement-label"' in shown
    assert "# kind line: classify stage; patterns: the whole line" in shown
    assert main(["--show-rule", "related-links"]) == 0
    assert "#   max_items = 12 (default 12): the most items one header takes" in capsysbinary.readouterr().out.decode()


def test_user_rules_folder(story, tmp_path, capsysbinary):
    folder = tmp_path / "mine" / "footer"
    folder.mkdir(parents=True)
    (folder / "council.toml").write_text(
        'id = "council"\ncategory = "footer"\nkind = "line"\nsummary = "test"\n'
        "patterns = ['the council voted on monday\\.']\n", "utf-8")
    assert main(["--rules", str(tmp_path / "mine"), str(story)]) == 0
    assert capsysbinary.readouterr().out.decode() == "Title of the story here\n"


@pytest.mark.parametrize("args, message", [
    (["missing.txt"], "missing.txt: no such file"),
    (["--select", "nope", "x.txt"], "no rule or category named 'nope'"),
    (["--show-rule", "nope"], "no rule named 'nope'"),
    (["--rules", "no-such-dir", "x.txt"], "no-such-dir: rules folder not found"),
])
def test_errors_are_one_line_exit_2(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_undecodable_bytes_name_file_and_offset(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Caf\xe9 society\n")
    result = run(path)
    assert result.returncode == 2
    assert result.stderr.decode() == f"clean: error: {path}: not UTF-8 at byte 3 (0xe9); name the encoding with --encoding\n"
    result = run("--encoding", "latin-1", path)
    assert result.returncode == 0 and result.stdout.decode() == "Café society\n"


def test_bad_rule_file_is_one_line(tmp_path):
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "broken.toml").write_text('id = "broken"\ncategory = "ads"\nkind = "line"\nsummary = "x"\npatterns = [\'(\']\n')
    result = run("--rules", tmp_path, "-", stdin=b"x\n")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert f"{folder / 'broken.toml'}: patterns[0]: bad regular expression".encode() in result.stderr


def test_directory_and_binary_and_empty(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\x00\x00data")
    assert main([str(binary)]) == 2
    assert "binary file (NUL byte at offset 4), skipped" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(empty)]) == 0


def test_check_diff_in_place(story, tmp_path, capsysbinary):
    os.chmod(story, 0o640)
    assert main(["--check", str(story)]) == 1
    assert story.read_text("utf-8") == STORY
    assert main(["--diff", str(story)]) == 1
    assert "-Advertisement" in capsysbinary.readouterr().out.decode()
    assert main(["--in-place", str(story)]) == 1
    assert story.read_text("utf-8") == CLEANED
    assert oct(os.stat(story).st_mode & 0o777) == "0o640"
    assert main(["--in-place", str(story)]) == 0  # already clean: nothing to do
    assert main(["--check", str(story)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"], "no temporary file left"


def test_in_place_refuses_to_empty_a_file(tmp_path, capsys):
    path = tmp_path / "only-noise.txt"
    path.write_text("Advertisement\nShare this article\n", "utf-8")
    assert main(["--in-place", str(path)]) == 2
    assert "every word of the text would be removed" in capsys.readouterr().err
    assert path.read_text("utf-8") == "Advertisement\nShare this article\n"


def test_one_bad_file_does_not_stop_the_others(story, tmp_path, capsysbinary):
    assert main([str(tmp_path / "missing.txt"), str(story)]) == 2
    assert capsysbinary.readouterr().out.decode() == CLEANED


def test_closed_pipe_is_quiet(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("A paragraph of the story that goes on for a while.\n\n" * 50_000, "utf-8")
    result = subprocess.run(f'"{sys.executable}" -m cleaner "{big}" | head -1', shell=True,
                            capture_output=True, timeout=300)
    assert result.stdout.decode() == "A paragraph of the story that goes on for a while.\n"
    assert b"Traceback" not in result.stderr and b"Error" not in result.stderr


def test_help_and_version():
    result = run("--help")
    assert result.returncode == 0 and b"examples:" in result.stdout
    assert run("--version").stdout.decode().startswith("clean ")


def test_test_rules_runs_a_folders_examples(tmp_path):
    folder = tmp_path / "mine" / "ads"
    folder.mkdir(parents=True)
    rule = ('id = "promo"\ncategory = "ads"\nkind = "line"\nsummary = "test"\n'
            "patterns = ['promo of the day']\nexceptions = ['city']\n[examples]\n"
            'drop = ["Promo of the day"]\nkeep = ["Promo of the day city"]\n')
    (folder / "promo.toml").write_text(rule, "utf-8")
    done = run("--test-rules", tmp_path / "mine")
    assert done.returncode == 0 and b"1 rules, 2 examples: 2 passed, 0 failed" in done.stdout
    (folder / "promo.toml").write_text(rule.replace('keep = ["Promo of the day city"]',
                                                    'keep = ["Promo of the day"]'), "utf-8")
    done = run("--test-rules", tmp_path / "mine")
    assert done.returncode == 1, done
    assert b"FAIL ads/promo keep: 'Promo of the day'\n    dropped: ads/promo" in done.stdout
    assert b"1 failed" in done.stdout


def test_flat_rules_folder_warns(story, tmp_path):
    (tmp_path / "promo.toml").write_text('id = "promo"\n', "utf-8")
    done = run("--rules", tmp_path, story)
    assert done.returncode == 0 and done.stdout.decode() == CLEANED
    assert done.stderr.decode().startswith(f"clean: warning: {tmp_path}: no rule files found")

"""`[tool.cleaner]` in pyproject.toml and keyword options of clean()."""
from __future__ import annotations


import pytest

from cleaner import clean, clean_and_explain
from cleaner.cli import main

STORY = "Title of the story here\n\nAdvertisement\n\nThe council voted on Monday.\n"


# --- [tool.cleaner] and keyword options ---------------------------------------------

RULE = """\
id = "house-promo"
category = "footer"
kind = "line"
summary = "The newsroom's own promotion line."
patterns = ['get the newsroom daily in your inbox']
[examples]
drop = ["Get the Newsroom Daily in your inbox"]
keep = []
"""


@pytest.fixture
def configured(tmp_path, monkeypatch):
    (tmp_path / "house" / "footer").mkdir(parents=True)
    (tmp_path / "house" / "footer" / "house-promo.toml").write_text(RULE)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.cleaner]\nrules = ["house"]\nignore = ["captions"]\n'
        'exclude = ["drafts/*"]\n')
    (tmp_path / "incoming" / "drafts").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "incoming")  # the nearest pyproject.toml is looked up from here
    return tmp_path


TEXT = ("Title of the story here\nGet the Newsroom Daily in your inbox\n"
        "Cotton grower Dale walks along a ditch on Monday. (AP Photo/Ross Franklin)\nThe council voted.\n")


def test_pyproject_settings_apply(configured, capsysbinary):
    story = configured / "incoming" / "story.txt"
    story.write_text(TEXT)
    (configured / "incoming" / "drafts" / "d.txt").write_text(TEXT)
    assert main(["--explain", "."]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out == "story.txt:2: footer/house-promo (footer): Get the Newsroom Daily in your inbox\n"


def test_command_line_wins_over_pyproject(configured, capsysbinary):
    (configured / "incoming" / "story.txt").write_text(TEXT)
    assert main(["--ignore", "footer", "--explain", "story.txt"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "captions/caption-line" in out and "house-promo" not in out
    assert main(["--no-config", "--explain", "story.txt"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "captions/caption-line" in out and "house-promo" not in out


def test_bad_pyproject_settings_are_one_line_errors(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nmode = "pages"\nselekt = ["ads"]\n')
    (tmp_path / "a.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    assert main(["a.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("clean: error: pyproject.toml: [tool.cleaner]") and "\n" not in err.rstrip("\n")


def test_clean_takes_keyword_options():
    text = TEXT.replace("Get the Newsroom Daily in your inbox\n", "")
    assert "(AP Photo/Ross Franklin)" not in clean(text)
    assert "(AP Photo/Ross Franklin)" in clean(text, ignore=("captions",))
    assert clean(text, ignore="captions") == clean(text, ignore=("captions",))
    page = clean(text, mode="page", site="example.com")
    assert page.startswith("Title of the story here")
    out, trace = clean_and_explain(text, select=("ads",))
    assert "(AP Photo" in out and not [v for v in trace if v.dropped]
    from cleaner import Config

    with pytest.raises(TypeError, match="config= or keyword options"):
        clean(text, Config(), ignore=("captions",))

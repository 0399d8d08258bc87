"""Bad input fails clearly and loses nothing (issue 18): each test reproduces one finding.

Every error is one line on stderr naming the file (and the line or byte) and the problem,
the exit status is the one the exit-status table gives, and no file is half-written.
"""
from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.io.decode import BinaryInputError, decode_bytes

NOISY = "Headline of the story today\nAdvertisement\nBody of the story, with words.\n"
CLEANED = "Headline of the story today\nBody of the story, with words.\n"


def folder_listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


# --- 1. UTF-32 with a BOM ----------------------------------------------------------------

@pytest.mark.parametrize("data", [codecs.BOM_UTF32_LE + NOISY.encode("utf-32-le"),
                                  codecs.BOM_UTF32_BE + NOISY.encode("utf-32-be")],
                         ids=["le", "be"])
def test_utf32_with_bom_is_read_as_utf32_and_written_back_as_utf8(tmp_path, data):
    """FF FE 00 00 starts with the UTF-16 LE BOM: it was read as UTF-16 and rewritten as
    NUL-laden garbage."""
    assert decode_bytes(data) == NOISY
    path = tmp_path / "utf32.txt"
    path.write_bytes(data)
    assert main(["--in-place", "-q", str(path)]) == 1
    assert path.read_bytes() == CLEANED.encode("utf-8")


def test_text_that_decodes_to_nul_characters_is_refused_as_binary():
    """Whatever the BOM says, a decoded text holding NUL is not text: never written back."""
    with pytest.raises(BinaryInputError, match=r"story.txt: binary file \(NUL character at character 0"):
        decode_bytes(codecs.BOM_UTF16_BE + "\x00Advertisement".encode("utf-16-be"), "story.txt")


# --- 2. NUL after the first 64 KB ----------------------------------------------------------

@pytest.mark.parametrize("mode", [[], ["--explain"]])
def test_nul_byte_anywhere_marks_a_binary_file(tmp_path, capsys, mode):
    """(The exit status of the other modes: test_binary_file_exits_2_in_every_mode.)"""
    data = NOISY.encode() * 2000 + b"\x00tail\n"
    offset = data.index(b"\x00")
    assert offset > 65536
    path = tmp_path / "late-nul.txt"
    path.write_bytes(data)
    assert main([*mode, str(path)]) == 2
    captured = capsys.readouterr()
    assert f"late-nul.txt: binary file (NUL byte at offset {offset}), skipped" in captured.err
    assert captured.out == ""
    assert path.read_bytes() == data
    main(["--in-place", str(path)])
    assert path.read_bytes() == data


# --- 3. JSONL output written atomically ------------------------------------------------------

def write_records(path, texts) -> None:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), "utf-8")


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_failed_jsonl_run_leaves_no_partial_output(tmp_path, capsys, suffix):
    source = tmp_path / "in.jsonl"
    write_records(source, [NOISY] * 200)
    with open(source, "a", encoding="utf-8") as handle:  # line 201: far past the first chunks
        handle.write("not json\n")
    fresh, existing = tmp_path / f"new{suffix}", tmp_path / f"old{suffix}"
    existing.write_bytes(b"the previous run's output\n")
    before = folder_listing(tmp_path)
    assert main(["--jsonl", str(source), "-o", str(fresh), "-j", "1"]) == 2
    assert main(["--jsonl", str(source), "-o", str(existing), "-j", "1"]) == 2
    assert "in.jsonl: line 201: not valid JSON" in capsys.readouterr().err
    assert folder_listing(tmp_path) == before  # no new file, no temporary file left
    assert existing.read_bytes() == b"the previous run's output\n"


def test_jsonl_output_may_replace_its_input(tmp_path):
    """Written beside, renamed at the end: -o naming the input no longer truncates it first."""
    source = tmp_path / "corpus.jsonl"
    write_records(source, [NOISY] * 100)
    assert main(["--jsonl", str(source), "-o", str(source), "-q"]) == 0
    assert [json.loads(line)["text"] for line in source.open(encoding="utf-8")] == [CLEANED] * 100
    assert folder_listing(tmp_path) == ["corpus.jsonl"]


def test_jsonl_output_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_records(source, [NOISY])
    target.write_text("")
    target.chmod(0o640)
    assert main(["--jsonl", str(source), "-o", str(target), "-q"]) == 0
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)


# --- 4. .zst without zstandard -----------------------------------------------------------------



def test_writing_zst_without_zstandard_names_the_file_and_the_extra(tmp_path, capsys, no_zstandard):
    source = tmp_path / "in.jsonl"
    write_records(source, [NOISY])
    assert main(["--jsonl", str(source), "-o", str(tmp_path / "out.jsonl.zst")]) == 2
    err = capsys.readouterr().err
    assert err == (f"clean: error: {tmp_path / 'out.jsonl.zst'}: writing .zst needs the zstandard package: "
                   "pip install 'newsnoise[zstd]'\n")
    assert folder_listing(tmp_path) == ["in.jsonl"]


def test_reading_zst_without_zstandard_names_the_file_and_the_extra(tmp_path, capsys, no_zstandard):
    source = tmp_path / "in.jsonl.zst"
    source.write_bytes(b"(compressed)")
    assert main(["--jsonl", str(source)]) == 2
    assert capsys.readouterr().err == (f"clean: error: {source}: reading .zst needs the zstandard package: "
                                       "pip install 'newsnoise[zstd]'\n")


# --- 5. --in-place on a symlink ------------------------------------------------------------------

def test_in_place_on_a_symlink_cleans_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "data").mkdir()
    target = tmp_path / "data" / "story.txt"
    target.write_text(NOISY, "utf-8")
    link = tmp_path / "story.txt"
    link.symlink_to(os.path.join("data", "story.txt"))
    assert main(["--in-place", "-q", str(link)]) == 1
    assert link.is_symlink() and os.readlink(link) == os.path.join("data", "story.txt")
    assert target.read_text("utf-8") == CLEANED
    assert folder_listing(tmp_path) == ["data", "story.txt"]
    assert folder_listing(tmp_path / "data") == ["story.txt"]


def test_folder_in_place_follows_symlinks_too(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(NOISY, "utf-8")
    (tmp_path / "news").mkdir()
    link = tmp_path / "news" / "linked.txt"
    link.symlink_to(outside)
    assert main(["-r", "--in-place", "-q", str(tmp_path / "news")]) == 1
    assert link.is_symlink() and outside.read_text("utf-8") == CLEANED


# --- 6. one exit-status table ------------------------------------------------------------------

def test_exit_status_table_is_the_one_in_the_readme_and_in_help(capsys):
    from cleaner.cli import exit_status_markdown, exit_status_text

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert exit_status_markdown() in readme
    assert main(["--help"]) == 0
    assert exit_status_text() in capsys.readouterr().out


def _story(tmp_path, text=NOISY, name="story.txt"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def _binary(tmp_path):
    path = tmp_path / "news" / "image.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"Advertisement\n\x00\x89PNG")
    return str(path)


def _jsonl(tmp_path, bad=False):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": NOISY}) + "\n" + ('{"text": null}\n' if bad else ""), "utf-8")
    return str(path)


def _latin1(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Caf\xe9 au lait\n")
    return str(path)


def _broken_rule(tmp_path):
    (tmp_path / "broken" / "ads").mkdir(parents=True)
    (tmp_path / "broken" / "ads" / "x.toml").write_text("id = [")
    return str(tmp_path / "broken")


def _failing_rule(tmp_path):
    folder = tmp_path / "mine" / "ads"
    folder.mkdir(parents=True)
    (folder / "promo.toml").write_text('id = "promo"\ncategory = "ads"\nkind = "line"\nsummary = "x"\n'
                                       "patterns = ['promo']\n[examples]\ndrop = []\nkeep = ['Promo']\n")
    return str(tmp_path / "mine")


def _interrupt(monkeypatch):
    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("cleaner.pipeline.Cleaner.clean", stop)


# (status, a phrase of its row in the table, the case): each case is run against the command
EXIT_CASES = [
    (0, "written (stdout", lambda t, m: [_story(t)]),
    (0, "written (stdout, -o", lambda t, m: ["--jsonl", _jsonl(t), "-o", str(t / "out.jsonl")]),
    (0, "a folder", lambda t, m: ["-r", _story(t) and str(t), "-o", str(t / "out")]),
    (0, "no file changes (--check", lambda t, m: ["--check", _story(t, CLEANED)]),
    (0, "--diff, --in-place)", lambda t, m: ["--in-place", _story(t, CLEANED)]),
    (0, "--diff", lambda t, m: ["--diff", _story(t, CLEANED)]),
    (0, "--explain", lambda t, m: ["--explain", _story(t)]),
    (0, "--list-rules", lambda t, m: ["--list-rules"]),
    (0, "--show-rule", lambda t, m: ["--show-rule", "ads/advertisement-label"]),
    (0, "--skip-bad skipped", lambda t, m: ["--jsonl", _jsonl(t, bad=True), "--skip-bad", "-o", str(t / "o.jsonl")]),
    (1, "would change (--check", lambda t, m: ["--check", _story(t)]),
    (1, "--diff)", lambda t, m: ["--diff", _story(t)]),
    (1, "rewritten (--in-place)", lambda t, m: ["--in-place", _story(t)]),
    (1, "rewritten (--in-place)", lambda t, m: ["-r", "--in-place", _story(t) and str(t)]),
    (1, "--test-rules: an example failed", lambda t, m: ["--test-rules", _failing_rule(t)]),
    (2, "missing", lambda t, m: [str(t / "missing.txt")]),
    (2, "not UTF-8", lambda t, m: [_latin1(t)]),
    *[(2, "binary", lambda t, m, mode=mode: [*mode, _binary(t)])
      for mode in ([], ["--check"], ["--diff"], ["--in-place"], ["--explain"], ["--explain=json"])],
    *[(2, "binary", lambda t, m, mode=mode: [*mode, _binary(t) and str(t / "news")])
      for mode in (["--check"], ["--diff"], ["-r", "--in-place"], ["-r", "--explain"])],
    (2, "binary", lambda t, m: ["-r", _binary(t) and str(t / "news"), "-o", str(t / "out")]),
    (2, "HTML given to --in-place", lambda t, m: ["--in-place", _story(t, PAGE.format("Body text."), "p.html")]),
    (2, "a bad JSONL record (without --skip-bad)", lambda t, m: ["--jsonl", _jsonl(t, bad=True)]),
    (2, "a refused write", lambda t, m: ["--in-place", _story(t, "Advertisement\n")]),
    (2, "bad rule file", lambda t, m: ["--rules", _broken_rule(t), _story(t)]),
    (2, "option", lambda t, m: ["--no-such-option"]),
    (2, "option", lambda t, m: ["--jsonl", "--in-place", _jsonl(t)]),
    (2, "option", lambda t, m: ["--jsonl", "--check", _jsonl(t)]),
    (130, "interrupted", lambda t, m: _interrupt(m) or [_story(t)]),
]


@pytest.mark.parametrize("status, phrase, case", EXIT_CASES)
def test_exit_status_is_the_tables(tmp_path, monkeypatch, capsys, status, phrase, case):
    from cleaner.cli import EXIT_STATUS

    assert phrase in dict(EXIT_STATUS)[status]
    assert main([*case(tmp_path, monkeypatch), "-q"] if status != 130 else case(tmp_path, monkeypatch)) == status
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if status == 2:  # one line (argparse prints its usage first)
        assert err.splitlines()[-1].startswith("clean: error: ")
        assert err.count("\n") == 1 or err.startswith("usage: clean")


def test_every_row_of_the_table_is_run():
    from cleaner.cli import EXIT_STATUS

    assert {code for code, _ in EXIT_STATUS} == {status for status, _, _ in EXIT_CASES}


# --- 7. bad records and extractor failures, per record ----------------------------------------

def test_null_text_is_a_bad_record_named_by_line(tmp_path, capsys):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"text": NOISY}) + "\n" + '{"id": 7, "text": null}\n'
                      + json.dumps({"text": NOISY}) + "\n", "utf-8")
    assert main(["--jsonl", str(source), "-o", str(target)]) == 2
    assert capsys.readouterr().err == (f"clean: error: {source}: line 2: field 'text' is null, not a string "
                                       "(use --skip-bad to skip such records)\n")
    assert not target.exists()
    assert main(["--jsonl", str(source), "-o", str(target), "--skip-bad"]) == 0
    assert f"skipped 1 bad record(s): {source}: line 2: field 'text' is null" in capsys.readouterr().err
    assert [json.loads(line)["text"] for line in target.open(encoding="utf-8")] == [CLEANED, CLEANED]


PAGE = "<!DOCTYPE html><html><body><article><p>{}</p></article></body></html>"


@pytest.fixture
def failing_extractor(monkeypatch):
    """trafilatura raises on any page that holds the word BOOM (as it can on odd markup)."""
    import trafilatura

    real_extract = trafilatura.extract

    def extract(html, *args, **kwargs):
        if "BOOM" in html:
            raise ValueError("Document is empty")
        return real_extract(html, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "extract", extract)


def test_extractor_failure_on_one_record(tmp_path, capsys, failing_extractor):
    source, target = tmp_path / "pages.jsonl", tmp_path / "out.jsonl"
    pages = ["The council approved the budget on Monday, officials said.", "BOOM",
             "The mayor said the new bridge opens next spring."]
    source.write_text("".join(json.dumps({"html": PAGE.format(p)}) + "\n" for p in pages), "utf-8")
    args = ["--jsonl", "--input", "html", str(source), "-o", str(target), "-j", "1"]
    assert main(args) == 2
    assert capsys.readouterr().err == (f"clean: error: {source}: line 2: the HTML extractor failed "
                                       "(ValueError: Document is empty) (use --skip-bad to skip such records)\n")
    assert not target.exists()
    assert main([*args, "--skip-bad"]) == 0
    assert "skipped 1 bad record(s)" in capsys.readouterr().err
    assert [json.loads(line)["text"] for line in target.open(encoding="utf-8")] == [p + "\n" for p in pages
                                                                                   if p != "BOOM"]


def test_extractor_failure_on_one_file(tmp_path, capsys, failing_extractor):
    page = tmp_path / "pages" / "bad.html"
    page.parent.mkdir()
    page.write_text(PAGE.format("BOOM"), "utf-8")
    (tmp_path / "pages" / "good.html").write_text(PAGE.format("The mayor said the bridge opens in May."))
    assert main([str(page)]) == 2
    assert capsys.readouterr().err == (f"clean: error: {page}: the HTML extractor failed "
                                       "(ValueError: Document is empty)\n")
    out = tmp_path / "out"
    assert main(["-r", str(page.parent), "-o", str(out), "--include", "*.html", "-j", "1", "-q"]) == 2
    assert "bad.html: the HTML extractor failed (ValueError: Document is empty)" in capsys.readouterr().err
    assert folder_listing(out) == ["good.txt"]


# --- 8. the refusal splits lines as the normalizer does -------------------------------------------

LINE_BREAKS_PYTHON_SPLITS_ON = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


@pytest.mark.parametrize("char", LINE_BREAKS_PYTHON_SPLITS_ON, ids=repr)
def test_in_place_accepts_lines_holding_characters_splitlines_breaks_on(tmp_path, char):
    path = tmp_path / "story.txt"
    text = f"Headline of the story today\nAdvertisement\nBody of the{char}story, with words.\n"
    path.write_text(text, "utf-8")
    assert main(["--in-place", "-q", str(path)]) == 1
    assert path.read_text("utf-8") == text.replace("Advertisement\n", "")


def test_refusal_still_fires_on_a_line_that_is_not_an_input_line():
    from cleaner.io.files import refusal

    assert "not a subsequence" in refusal("Body of the\x0cstory.\n", "Body of the\nstory.\n")
    assert refusal("Body of the\x0cstory.\nAdvertisement\n", "Body of the\x0cstory.\n") == ""


def test_diff_keeps_such_lines_whole(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text("Headline of the story today\nAdvertisement\nBody of the\x0cstory, with words.\n", "utf-8")
    assert main(["--diff", str(path)]) == 1
    lines = capsys.readouterr().out.split("\n")
    assert [line for line in lines if line.startswith("-") and not line.startswith("---")] == ["-Advertisement"]
    assert " Body of the\x0cstory, with words." in lines


def test_html_without_the_html_extra_names_the_file_and_the_extra(tmp_path, capsys, monkeypatch):
    """trafilatura and beautifulsoup4 come with the html extra only: HTML input without them
    is an error about the file that says what to install, and nothing is written."""
    import builtins

    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name in ("trafilatura", "bs4"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body><p>The council met on Monday.</p></body></html>")
    assert main([str(page)]) == 2
    captured = capsys.readouterr()
    assert "page.html" in captured.err and "pip install 'newsnoise[html]'" in captured.err
    assert captured.out == ""

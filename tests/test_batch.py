"""Batch use: JSONL and folders give the same texts as cleaning each document alone, for
any -j; malformed input is reported, never silently dropped; memory stays flat."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from cleaner import Cleaner, clean
from cleaner.cli import main
from cleaner.io.progress import Progress

from .conftest import case_meta, golden_cases

ARTICLE_CASES = [c for c in golden_cases() if not case_meta(c).get("xfail") and case_meta(c).get("mode", "article") == "article"]

GOLDEN_TEXTS = [(c / "input.txt").read_bytes().decode("utf-8-sig") for c in golden_cases()]
UTF8_TEXTS = [t for t in GOLDEN_TEXTS if not t.startswith("\ufeff")]


def write_jsonl(path, texts):
    with open(path, "w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": i, "text": text, "meta": {"score": 0.5, "tags": ["a"]}}) + "\n")


def read_jsonl(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_equals_cleaning_each_document_alone(tmp_path, jobs):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, GOLDEN_TEXTS * 3)
    assert main(["--jsonl", str(source), "-o", str(target), "-j", jobs, "-q"]) == 0
    records = read_jsonl(target)
    assert [r["id"] for r in records] == list(range(len(GOLDEN_TEXTS) * 3))
    assert [r["text"] for r in records] == [clean(t) for t in GOLDEN_TEXTS * 3]
    assert all(r["meta"] == {"score": 0.5, "tags": ["a"]} for r in records)


def test_jsonl_gzip_zstd_and_stdin(tmp_path):
    source = tmp_path / "in.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        for text in UTF8_TEXTS:
            handle.write(json.dumps({"text": text}) + "\n")
    assert main(["--jsonl", str(source), "-o", str(tmp_path / "out.jsonl.zst"), "-q"]) == 0
    assert main(["--jsonl", str(tmp_path / "out.jsonl.zst"), "-o", str(tmp_path / "again.jsonl.gz"), "-q"]) == 0
    assert [r["text"] for r in read_jsonl(tmp_path / "again.jsonl.gz")] == [clean(t) for t in UTF8_TEXTS]
    piped = subprocess.run([sys.executable, "-m", "cleaner", "--jsonl", "--text-field", "body"],
                           input=b'{"body": "Title of the story\\nAdvertisement\\nText."}\n',
                           capture_output=True, check=True)
    assert json.loads(piped.stdout) == {"body": "Title of the story\nText.\n"}


def test_annotation_spans_point_at_the_dropped_text(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, UTF8_TEXTS)
    assert main(["--jsonl", str(source), "-o", str(target), "--annotate", "removed", "-q"]) == 0
    for text, record in zip(UTF8_TEXTS, read_jsonl(target)):
        result = Cleaner().run(text)
        assert [n["line"] for n in record["removed"]] == [v.number for v in result.trace if v.removed]
        for note in record["removed"]:
            assert text[note["start"]:note["end"]].strip()  # a real line of the input
            assert note["rule"].startswith(note["category"] + "/")


def test_malformed_lines_are_errors_or_counted(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "Body one."}\n[1, 2]\n{"text": 3}\n\n{"text": "Body two."}\n')
    assert main(["--jsonl", str(source), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "in.jsonl: line 2: not a JSON object (use --skip-bad" in capsys.readouterr().err
    assert main(["--jsonl", str(source), "-o", str(tmp_path / "out.jsonl"), "--skip-bad"]) == 0
    err = capsys.readouterr().err
    assert "skipped 2 bad record(s)" in err and "line 3: field 'text' is a number" in err
    assert [r["text"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["Body one.\n", "Body two.\n"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_mirror_and_in_place(tmp_path, jobs):
    source = tmp_path / "in"
    for case in ARTICLE_CASES:
        (source / case.name).mkdir(parents=True)
        (source / case.name / "story.txt").write_bytes((case / "input.txt").read_bytes())
        (source / case.name / "notes.md").write_text("Advertisement\n")
    assert main(["-r", str(source), "-o", str(tmp_path / "out"), "-j", jobs, "-q",
                 "--exclude", "en-*"]) == 0
    for case in ARTICLE_CASES:
        out = tmp_path / "out" / case.name / "story.txt"
        if case.name.startswith("en-"):
            assert not out.exists()
        else:
            assert out.read_text("utf-8") == (case / "expected.txt").read_text("utf-8")
        assert not (tmp_path / "out" / case.name / "notes.md").exists()
    assert main(["-r", "--in-place", str(source), "-j", jobs, "-q"]) == 1
    assert main(["-r", "--in-place", str(source), "-j", jobs, "-q"]) == 0  # now clean
    for case in ARTICLE_CASES:
        assert (source / case.name / "story.txt").read_text("utf-8") == (case / "expected.txt").read_text("utf-8")


HTML = ("<!DOCTYPE html><html><head><title>Council approves budget</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Council approves budget for schools</h1>"
        "<p>The council voted on Monday to approve a new budget that raises spending on schools "
        "and roads by four percent over the next two years.</p><p>Advertisement</p>"
        "<p>The mayor said the plan would be paid for by savings elsewhere and by a small rise in fees.</p>"
        "</article><footer>Copyright 2024 Town News. All rights reserved.</footer></body></html>")


def test_html_file_and_html_field(tmp_path, capsysbinary):
    page = tmp_path / "page.html"
    page.write_text(HTML)
    assert main([str(page)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "The council voted on Monday" in out and "The mayor said" in out
    assert "Advertisement" not in out and "<p>" not in out and "Copyright" not in out
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps({"url": "u", "html": HTML}) + "\n")
    assert main(["--jsonl", "--input", "html", str(source), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 0
    record = read_jsonl(tmp_path / "o.jsonl")[0]
    assert record["text"] == out and record["html"] == HTML


def test_stats_json(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, ["Title of the story\nAdvertisement\nBody.", "Body only."])
    assert main(["--jsonl", str(source), "-o", str(tmp_path / "o.jsonl"), "--stats=json", "-q"]) == 0
    stats = json.loads(capsys.readouterr().err)
    assert stats["documents"] == 2 and stats["changed"] == 1
    assert stats["rules"]["ads/advertisement-label"] == {"lines": 1, "chars": 13}


def test_progress_line():
    progress = Progress(total_bytes=2_000_000, enabled=False)
    progress.advance(1_000_000, docs=10)
    assert progress.line().startswith("10 docs  1.0 MB  ") and "50%  ETA" in progress.line()


@pytest.mark.slow
def test_100k_documents_in_order_with_flat_memory(tmp_path):
    """Peak memory for 100,000 documents is close to that for 10,000: nothing accumulates."""
    def run(n):
        source, target = tmp_path / f"in{n}.jsonl", tmp_path / f"out{n}.jsonl"
        with open(source, "w") as handle:
            for i in range(n):
                handle.write(json.dumps({"id": i, "text": f"Story {i} headline here\nAdvertisement\nBody {i}."}) + "\n")
        probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "cleaner", "--jsonl",
                              str(source), "-o", str(target), "-j", "2", "-q"],
                             capture_output=True, text=True, check=True, timeout=900)
        with open(target) as handle:
            ids = [json.loads(line)["id"] for line in handle]
        assert ids == list(range(n))
        return int(out.stdout)
    small, big = run(10_000), run(100_000)
    assert big < small * 1.3 + 10_000, f"peak {small} KB for 10k documents, {big} KB for 100k"


def test_clean_many_in_order_for_any_jobs():
    texts = GOLDEN_TEXTS * 4
    expected = [clean(t) for t in texts]
    assert list(Cleaner().clean_many(texts, jobs=1)) == expected
    assert list(Cleaner().clean_many(iter(texts), jobs=2, chunksize=5)) == expected


def test_folder_in_place_never_writes_text_over_an_html_page(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(HTML)
    (folder / "story.txt").write_text("Title of the story\nAdvertisement\nBody.\n")
    assert main(["-r", "--in-place", "--include", "*.html", "--include", "*.txt", str(folder)]) == 2
    assert "page.html: is HTML; refusing to write its text over it" in capsys.readouterr().err
    assert (folder / "page.html").read_text() == HTML  # untouched
    assert (folder / "story.txt").read_text() == "Title of the story\nBody.\n"  # the others still cleaned
    assert main(["-r", str(folder), "-o", str(tmp_path / "out"), "--include", "*.html", "-q"]) == 0
    assert "The council voted on Monday" in (tmp_path / "out" / "page.txt").read_text()  # text: a .txt name
    assert not (tmp_path / "out" / "page.html").exists()


def test_folder_input_text_cleans_html_files_as_text(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(HTML)
    assert main(["-r", str(folder), "-o", str(tmp_path / "out"), "--include", "*.html", "--input", "text",
                 "-q"]) == 0
    assert "<nav>" in (tmp_path / "out" / "page.txt").read_text()  # not extracted, still not an HTML name

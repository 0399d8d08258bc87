"""The learning passes over files (cleaner.io.passes) count what the two passes of
:class:`cleaner.learn.Counts` count over the same documents, however the files are cut."""
from __future__ import annotations

import gzip
import json
import random

import pytest

from cleaner.cli import main
from cleaner.io.corpus import CorpusError, documents
from cleaner.io.passes import count_documents, count_files, count_tasks, file_tasks
from cleaner.learn import Counts, LearnOptions, fingerprint, short_lines
from cleaner.rules import site_key

OPTIONS = LearnOptions()


def by_definition(docs) -> Counts:
    """The two passes as :class:`Counts` defines them, one document at a time."""
    counts = Counts(OPTIONS)
    docs = list(docs)
    for site, text in docs:
        if site:
            counts.see(site_key(site), *fingerprint(text))
        else:
            counts.unplaced += 1
    for site, text in docs:
        if site and counts.counts_for(site_key(site), *fingerprint(text)):
            counts.count(site_key(site), short_lines(text, OPTIONS))
    return counts


def summary(counts: Counts):
    """What the passes give, in the order they give it (the order of a site's lines decides
    which of two lines that normalize alike is written)."""
    return (counts.profiles(), counts.representative, counts.unplaced,
            {site: list(counter.items()) for site, counter in counts.lines.items()},
            {site: dict(c) for site, c in counts.inside.items()}, {site: dict(c) for site, c in counts.opens.items()})


def records() -> list[dict]:
    rng = random.Random(3)
    chrome = {site: [f"Visit {site} for more", f"More from {site}", "Share", "(Photo: staff)"]
              for site in ("a.org", "b.org", "news.c.org")}
    out = []
    for i in range(120):
        site = rng.choice(sorted(chrome))
        body = [f"Story {i % 40} begins here, as the council of the town met on day {i % 40}.",
                f"It went on for {i % 40} hours, said the chair of the council in a statement.",
                rng.choice(["Our ruling", "What we know"]), f"A vote on plan {i % 40} is due next month, she said."]
        lines = rng.sample(chrome[site], rng.randrange(4)) + body + rng.sample(chrome[site], rng.randrange(3))
        record = {"id": i, "text": "\n".join(lines)}
        record["url" if i % 3 else "site"] = f"https://www.{site}/{i}" if i % 3 else site
        out.append(record)
    out.insert(7, {"id": "no site", "text": "A line.\nMore from a.org"})
    out.insert(9, {"id": "null", "text": None, "site": "a.org"})
    return out


def write_jsonl(path, rows, newline="\n", blank_every=0) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if blank_every:
        lines = [line for i, row in enumerate(lines) for line in ([row, ""] if i % blank_every == 0 else [row])]
    data = (newline.join(lines) + newline).encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


@pytest.mark.parametrize("range_bytes", [1, 97, 1000, 1 << 22])
@pytest.mark.parametrize("newline, blank_every", [("\n", 0), ("\r\n", 5)])
def test_byte_ranges_count_what_the_definition_counts(tmp_path, range_bytes, newline, blank_every):
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path, records(), newline, blank_every)
    expected = summary(by_definition(documents([str(path)])))
    assert expected[0] and expected[2] == 1  # (lines learned, a record without a site)
    for jobs in (1, 2):
        assert summary(count_tasks(file_tasks([str(path)], range_bytes=range_bytes), OPTIONS, jobs)) == expected


def test_compressed_files_text_files_and_documents_in_memory(tmp_path):
    rows = records()
    write_jsonl(tmp_path / "one.jsonl.gz", rows[:50])
    write_jsonl(tmp_path / "two.jsonl", rows[50:])
    for i, (site, text) in enumerate(documents([str(tmp_path / "two.jsonl")])):
        if site:
            folder = tmp_path / "pages" / site_key(site)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{i:03}.txt").write_text(text, "utf-8")
    paths = [str(tmp_path / "one.jsonl.gz"), str(tmp_path / "two.jsonl")]
    docs = list(documents(paths))
    expected = summary(by_definition(docs))
    assert summary(count_tasks(file_tasks(paths, range_bytes=500), OPTIONS, 2)) == expected
    assert summary(count_documents(lambda: iter(docs), OPTIONS, 2, chunk=7)) == expected
    pages = list(documents([str(tmp_path / "pages")], by="folder"))
    assert len({site for site, _ in pages}) == 3
    assert summary(count_files([str(tmp_path / "pages")], OPTIONS, 2, by="folder")) == summary(by_definition(pages))


def test_a_bad_record_is_named_by_its_line_in_any_range(tmp_path):
    rows = [json.dumps(r) for r in records()]
    rows[60] = '{"site": "a.org", "text": '  # (cut short)
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    for range_bytes in (100, 1 << 22):
        with pytest.raises(CorpusError, match=r"corpus\.jsonl: line 61: not a JSON object with a 'text' field"):
            count_tasks(file_tasks([str(path)], range_bytes=range_bytes), OPTIONS, 2)


def test_corpus_mode_is_the_same_for_any_jobs_and_order(tmp_path, capsysbinary):
    rows = records()
    write_jsonl(tmp_path / "a.jsonl", rows)
    random.Random(5).shuffle(rows)
    write_jsonl(tmp_path / "b.jsonl", rows)
    learned, cleaned = [], []
    for name, jobs in (("a", 1), ("b", 2)):
        rules = tmp_path / f"rules-{name}"
        assert main(["--jsonl", str(tmp_path / f"{name}.jsonl"), "--learn", "--learn-to", str(rules),
                     "-j", str(jobs), "-q", "--skip-bad"]) == 0  # (the null text)
        learned.append({p.name: p.read_bytes() for p in (rules / "site").iterdir()})
        cleaned.append(sorted(capsysbinary.readouterr().out.splitlines()))
    assert learned[0] == learned[1] and len(learned[0]) == 3
    assert cleaned[0] == cleaned[1]

"""clean learn: site profiles from a corpus, what is never learned, determinism, applying them."""
from __future__ import annotations

import json
import random

import pytest

from cleaner import Cleaner, Config
from cleaner.cli import main
from cleaner.io.corpus import documents
from cleaner.io.passes import count_documents
from cleaner.learn import LearnOptions, learn, write_profiles

CHROME = "Visit our homepage for more stories"
SENTENCE = "The council met on {day} to discuss the budget for the coming year, its chair said."


def story(i: int, *extra_top: str, extra_end: tuple[str, ...] = (), middle: str | None = None) -> str:
    body = [f"Headline number {i} about the town", *extra_top,
            SENTENCE.format(day=f"day {i}"), f"Residents of ward {i} asked for more buses, and the council agreed."]
    if middle:
        body += [middle, f"A vote on plan {i} is due next month, the chair of the council said on Friday."]
    return "\n".join(body + [*extra_end])


def corpus() -> list[tuple[str, str]]:
    docs = []
    for i in range(20):
        docs.append(("news.example.com", story(
            i, *(["From our weekly series on the town's budget"] if i < 4 else []),
            "By Staff Writer", middle="What we know so far", extra_end=(CHROME, "Share this story"))))
    docs += [("news.example.com", story(99, extra_end=("Only in the wire story",)))] * 5  # one story, five copies
    docs += [("other.org", story(i, extra_end=("Other site's footer line",))) for i in range(2)]
    return docs


def test_learns_the_chrome_and_nothing_the_policy_keeps():
    profiles = learn(corpus())
    assert set(profiles) == {"news.example.com"}
    lines = profiles["news.example.com"].lines
    assert lines == {CHROME: 20}, "Share this story is the catalogue's; the rest is article text"
    assert profiles["news.example.com"].stories == 21, "five copies of one story count once"


@pytest.mark.parametrize("kept, why", [
    ("By Staff Writer", "a byline: the keep-guards protect it"),
    ("What we know so far", "a subheading between two sentences in every story"),
    ("From our weekly series on the town's budget", "opens 4 of 21 stories: a series' title, below the opening share"),
    ("Only in the wire story", "five copies of one story are one story"),
    ("Other site's footer line", "two stories of a small site are not enough"),
])
def test_near_misses_are_not_learned(kept, why):
    learned = {line for profile in learn(corpus()).values() for line in profile.lines}
    assert kept not in learned, why


def transcripts() -> list[tuple[str, str]]:
    """A site of transcripts and cited pages: asides, speech and source labels recur in
    every story, where a subheading test does not see them (an interrupted turn ends in
    '--', a cited sentence in '[12]')."""
    docs = []
    for i in range(10):
        docs.append(("shows.example.com", "\n".join([
            f"Transcript of show number {i} about the town", SENTENCE.format(day=f"day {i}"),
            f"HOST: We have to ask you about plan {i} before we run out of --", "(CROSSTALK)",
            f"GUEST: The plan will pass in the spring of year {i}, and the council knows it.[{i + 1}]",
            "Later years", f"By year {i + 5} the town had paid for the buses it promised, the council said.",
            "(END VIDEO CLIP)", "Sources:", f"The town's budget report for year {i}", "Thank you.", CHROME])))
    return docs


@pytest.mark.parametrize("kept, why", [
    ("(CROSSTALK)", "a transcript's cue: an aside in round brackets"),
    ("(END VIDEO CLIP)", "a transcript's cue: an aside in round brackets"),
    ("Thank you.", "a sentence of two words is speech"),
    ("Sources:", "a source note's label: the keep-guards protect it"),
    ("Later years", "a subheading after a sentence that ends in a citation mark"),
])
def test_asides_speech_and_sources_are_not_learned(kept, why):
    lines = learn(transcripts())["shows.example.com"].lines
    assert CHROME in lines, "the site's chrome is still learned"
    assert kept not in lines, why


def test_the_same_files_in_any_order_and_with_any_jobs(tmp_path):
    docs = corpus()
    path = tmp_path / "corpus.jsonl"
    shuffled = tmp_path / "shuffled.jsonl"
    path.write_text("".join(json.dumps({"site": s, "text": t}) + "\n" for s, t in docs), "utf-8")
    random.Random(7).shuffle(docs)
    shuffled.write_text("".join(json.dumps({"url": f"https://{s}/a", "text": t}) + "\n" for s, t in docs), "utf-8")
    outputs = []
    for source, jobs in ((path, 1), (shuffled, 2)):
        out = tmp_path / f"out-{jobs}"
        assert main(["learn", str(source), "-o", str(out), "-j", str(jobs), "-q"]) == 0
        outputs.append((out / "site" / "news-example-com.toml").read_bytes())
    assert outputs[0] == outputs[1]
    assert b'{ text = "Visit our homepage for more stories", docs = 20 },' in outputs[0]


def test_a_profile_applies_to_its_site_only(tmp_path):
    write_profiles(learn(corpus()), str(tmp_path))
    cleaner = Cleaner(Config(rule_dirs=(str(tmp_path),)))
    text = story(50, extra_end=(CHROME,))
    assert CHROME not in cleaner.clean(text, site="https://www.news.example.com/x")
    assert CHROME in cleaner.clean(text, site="other.org") and CHROME in cleaner.clean(text)


def test_learned_rules_pass_their_own_examples(tmp_path, capsys):
    write_profiles(learn(corpus()), str(tmp_path))
    assert main(["--test-rules", str(tmp_path)]) == 0
    assert "0 failed" in capsys.readouterr().out


def test_relearning_removes_a_site_that_no_longer_qualifies(tmp_path):
    written = write_profiles(learn(corpus()), str(tmp_path))
    mine = tmp_path / "site" / "my-own.toml"
    mine.write_text("# a rule a person wrote\n", "utf-8")
    write_profiles({}, str(tmp_path))
    assert not any(p for p in written if (tmp_path / p).exists()) and mine.exists()


def test_by_folder_and_corpus_mode(tmp_path, capsysbinary):
    for i, (site, text) in enumerate(corpus()):
        folder = tmp_path / "pages" / site
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:03}.txt").write_text(text, "utf-8")
    docs = list(documents([str(tmp_path / "pages")], by="folder"))
    assert len(docs) == len(corpus()) and {s for s, _ in docs} == {"news.example.com", "other.org"}
    assert count_documents(lambda: iter(docs), LearnOptions()).profiles()["news.example.com"].lines == {CHROME: 20}
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"site": s, "text": t}) + "\n" for s, t in corpus()), "utf-8")
    assert main(["--jsonl", "--learn", "-q", "-j", "1", str(path)]) == 0
    records = [json.loads(line) for line in capsysbinary.readouterr().out.decode().splitlines()]
    assert len(records) == len(corpus()) and not any(CHROME in r["text"] for r in records)
    assert all(r["text"].startswith("Headline number") for r in records)


def test_a_text_file_without_a_site_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Text.\n", "utf-8")
    assert main(["learn", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")]) == 2
    assert "a.txt: no site for a text file (use --by folder or --site HOST)" in capsys.readouterr().err


def test_records_without_a_site_are_counted_not_learned_from(tmp_path, capsys):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"site": s, "text": t}) for s, t in corpus()] + [json.dumps({"url": "hard::x", "text": "A."})]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert main(["learn", str(path), "-o", str(tmp_path / "out"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "learned 1 lines of 1 sites (of 2)" in err and "1 documents name no site and taught nothing" in err


def test_prose_lines_are_found_as_ends_sentence_finds_them():
    """``_is_prose`` finds a sentence's end without ``ends_sentence``'s pattern: the same
    answer on every ending of marks, closers, citations and other characters."""
    import itertools

    from cleaner.learn import _CITATIONS, _SENTENCE, _is_prose
    from cleaner.text import ends_sentence, word_count

    def reference(line: str, n: int) -> bool:
        end = _CITATIONS.sub("", line) if line.endswith("]") else line
        return ends_sentence(end, **_SENTENCE) and (line.count(" ") >= n - 1 or word_count(line) >= n)

    tails = ["", ".", "!", "?", "。", "？", "۔", "؟", "।", ":", ";", "…", "'", '"', "’", "”", "»", ")", "“", "」", "』", "】",
             "[12]", "[1][2]", "]", "a", " ", "\u3000", "x."]
    heads = ["", "word", "Three words here", "One two three four five six seven eight", "北朝鮮とロシアが会談した"]
    lines = [head + "".join(tail) for head in heads for k in range(4) for tail in itertools.product(tails, repeat=k)]
    assert len(lines) > 50_000
    wrong = [(line, n) for line in lines for n in (3, 8) if _is_prose(line, n) != reference(line, n)]
    assert wrong == []
    assert sum(_is_prose(line, 3) for line in lines) > 1000  # (both answers were given)


def test_a_line_set_with_a_space_more_or_less_is_one_line(tmp_path):
    """A site's header typed with and without spaces ('■ まちの話題一覧', '■まちの話題 一覧')
    is one line: each spelling alone is in too few stories, together they are learned, the
    rule is written the same in any order, and it drops every spelling."""
    spellings = ["■まちの話題一覧", "■ まちの話題一覧", "■まちの話題 一覧", "■\u3000まちの話題一覧"]
    docs = [("town.example.jp", f"町の話題その{i}\n今日は町の議会で第{i}回の予算の審議が行われました。\n"
             f"{spellings[i % 4]}") for i in range(12)]
    learned = []
    for seed in (1, 2):
        random.Random(seed).shuffle(docs)
        learned.append(learn(docs)["town.example.jp"].lines)
    assert learned[0] == learned[1] == {"■まちの話題一覧": 12}
    write_profiles(learn(docs), str(tmp_path))
    cleaner = Cleaner(Config(rule_dirs=(str(tmp_path),)))
    for spelling in spellings:
        text = f"町の話題\n今日は町の議会で予算の審議が行われました。\n{spelling}"
        assert spelling not in cleaner.clean(text, site="town.example.jp")
    near = "今日は町の議会で予算の審議が行われました。\n■まちの話題の一覧"
    assert "■まちの話題の一覧" in cleaner.clean(near, site="town.example.jp"), "another line stays"

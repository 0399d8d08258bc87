"""Learn each site's boilerplate from its own pages: the lines a site prints on many stories.

A line that one site prints, word for word, on a good share of its stories is the site's
chrome ("Visit our homepage for more stories.", "■関連記事"), not article text. ``clean learn``
counts such lines per site and writes one ordinary rule file per site (kind ``line``, exact
``lines`` with how many stories held each, scoped with ``sites``), for a person to read,
review and commit, and for ``--rules`` to apply to that site's documents only.

What is never learned (the decision rules, docs/decisions.md has the reasoning):

- copies of one story count once: documents are grouped by their three longest lines (a wire
  story syndicated to several pages of a site shares its paragraphs; one long line of chrome
  on every page does not make its stories one); each group counts as one story,
  represented by the copy whose text hashes lowest, so the order of documents never matters;
- a line in fewer than ``min_docs`` stories or under ``min_share`` of the site's stories;
- a line longer than ``max_words`` words or ``max_chars`` characters (article paragraphs);
- a line that does not end like a sentence and, in most of the stories holding it, stands
  between two sentences of prose (lines of ``sentence_words`` words or more that end like
  one): a recurring subheading ("Our ruling", a series' "This week's question"), a
  transcript's "(APPLAUSE)";
- a line that ends like a sentence, or that stands above the first sentence of most of the
  documents holding it (the headline and standfirst's place), below ``prose_share`` of the
  site's stories: a series' recurring title or standfirst, a closing "Thank you.", is article
  text of that series;
- a line wholly in round brackets, an aside of the story ("(APPLAUSE)", "(CROSSTALK)", an
  author's credit "（MIYUKI KOMATSU）", a source note), and a statement of one or two words
  ("Thank you.": speech; a call such as "Order here!" ends otherwise): a transcript repeats
  them, a site's chrome is neither;
- a line the keep-guards protect (bylines, datelines, source and editor's notes), and a line
  the catalogue already drops (nothing to learn).

A line is counted and written with its spacing folded (:func:`cleaner.text.fold_spaces`): a
header typed '■ 関連記事' on some stories and '■関連記事' on others is one line, and the
rule's ``lines`` match every spelling.

Counting keeps per site a hash of each short line (8 bytes) and the text of lines seen twice
(corpus mode: of the lines that may be learned), never the documents: memory grows with the
number of stories and of distinct short lines, not with the corpus's text.

>>> docs = [("example.com", f"Story {i} happened on day {i}.\\nVisit our homepage for more stories.")
...         for i in range(10)]
>>> profile = learn(docs)
>>> profile["example.com"].lines
{'Visit our homepage for more stories.': 10}
"""
from __future__ import annotations

import hashlib
import math
import os
from collections import Counter, namedtuple
from dataclasses import dataclass

from .config import Config
from .normalize import normalize
from .cache import compile_pattern
from .text import BRACKET_CLOSERS, FULL_STOPS, QUESTION_MARKS, ends_sentence, fold_spaces, word_count

# A sentence, for learning: a question is one, a line ending in a colon is not, and CJK
# quotes may close it (「…。」).
_SENTENCE = {"question": True, "colon": False, "brackets": True}

# a line wholly in round brackets: an aside of the story, never chrome
_ASIDE = compile_pattern(r"^[(（][^()（）]{1,80}[)）]$")
# a citation mark after a sentence's end ('...in 2010.[148]', '..."[328]') still ends it
_CITATIONS = compile_pattern(r"(?:\[\d{1,4}\])+$")

MARKER = "# Learned by clean learn: the lines this site prints on many of its stories."


@dataclass(frozen=True)
class LearnOptions:
    """The thresholds of learning; the defaults are explained in docs/decisions.md."""

    min_docs: int = 3
    min_share: float = 0.10
    max_words: int = 40
    max_chars: int = 300
    sentence_words: int = 8
    prose_share: float = 0.25
    config: Config = Config()  # the catalogue a learned line is checked against

    def __post_init__(self) -> None:
        if self.min_docs < 2:
            raise ValueError("LearnOptions.min_docs must be 2 or more: one document shows no repetition")


OPENS, INSIDE = 1, 2  # where a line stands in a document (see short_lines)
Profile = namedtuple("Profile", "site stories lines")  # lines: {text: stories holding it}


def _digest(text: str, _blake2b=hashlib.blake2b) -> int:
    return int.from_bytes(_blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def _short(line: str, options: LearnOptions) -> bool:
    # (a line of L characters holds at most (L + 1) // 2 words: most need no split)
    return 0 < len(line) <= options.max_chars and (len(line) < 2 * options.max_words
                                                     or len(line.split()) <= options.max_words)


def fingerprint(text: str) -> tuple[int, int]:
    """(story key, document key): the hash of the document's three longest lines, and of its text.

    >>> a = fingerprint("Menu\\nThe long paragraph of the story.\\nIts second paragraph.\\nA third one.")
    >>> b = fingerprint("The long paragraph of the story.\\nIts second paragraph.\\nShare\\nA third one.")
    >>> a[0] == b[0], a[1] == b[1]
    (True, False)
    """
    return _story_key([line.strip() for line in text.splitlines()]), _digest(text)


def _story_key(stripped: list[str]) -> int:
    lines = sorted(set(stripped), key=lambda line: (-len(line), line))
    return _digest("\n".join(lines[:3]))


def short_lines(text: str, options: LearnOptions) -> list[tuple[int, str, int]]:
    """The distinct short lines of a document, stripped: (hash, text, place), the place being ``OPENS`` (above the first sentence: the headline's place),
    ``INSIDE`` (between two sentences) or 0.

    >>> p = "word " * 7 + "end."
    >>> [(t, place) for _, t, place in short_lines(f"Title\\nMenu\\n{p}\\n\\nSub\\n{p}\\nMore", LearnOptions())
    ...  if t != p]
    [('Title', 1), ('Menu', 1), ('Sub', 2), ('More', 0)]
    """
    # Raw lines, stripped: normalizing every document (ftfy) would double the cost of a
    # corpus run; the few lines that are learned are normalized when the rule is written.
    return _short_lines([line.strip() for line in text.splitlines()], options)


def features(text: str, options: LearnOptions) -> tuple[int, int, list[tuple[int, str, int]]]:
    """``(*fingerprint(text), short_lines(text, options))``, the text split once.

    >>> text = "Title\\nThe long paragraph of the story.\\n\\nMore"
    >>> features(text, LearnOptions()) == (*fingerprint(text), short_lines(text, LearnOptions()))
    True
    """
    stripped = [line.strip() for line in text.splitlines()]
    return _story_key(stripped), _digest(text), _short_lines(stripped, options)


def _short_lines(stripped: list[str], options: LearnOptions) -> list[tuple[int, str, int]]:
    lines = [line for line in stripped if line]
    n = options.sentence_words
    prose = [_is_prose(line, n) for line in lines]
    first = prose.index(True) if True in prose else len(lines)
    seen, last = {}, len(lines) - 1
    for i, line in enumerate(lines):
        if not _short(line, options):
            continue
        key = fold_spaces(line)  # ('■ 関連記事' and '■関連記事' are one line)
        if key not in seen:
            inside = 0 < i < last and prose[i - 1] and prose[i + 1]
            seen[key] = (_digest(key), line, OPENS if i < first else INSIDE if inside else 0)
    return list(seen.values())


# A sentence's end as ends_sentence(**_SENTENCE) finds it: a mark, then any closers.
_MARKS = frozenset(FULL_STOPS + QUESTION_MARKS)


def _is_prose(line: str, n: int) -> bool:
    """A sentence (a citation mark after its end left out) of ``n`` words or more. (The
    end is found as ``ends_sentence(line, **_SENTENCE)`` finds it, without its pattern: the
    marks and the closers have no character in common, so the mark is the last character
    left once the closers are stripped. A test holds the two the same.)

    >>> _is_prose("The council met on Monday to vote.[12]", 8), _is_prose("The council met on Monday", 3)
    (True, False)
    >>> _is_prose("「今日は雨が降りました。」", 3), _is_prose("Was it the council?”)", 3)
    (True, True)
    """
    end = _CITATIONS.sub("", line) if line.endswith("]") else line
    return end.rstrip(BRACKET_CLOSERS)[-1:] in _MARKS and (line.count(" ") >= n - 1 or word_count(line) >= n)


class Counts:
    """Per-site counts of short lines over the stories of a corpus, fed in two passes:
    :meth:`see` every document's fingerprint, then :meth:`count` every document's lines.
    Both passes may come in any order and from any number of workers."""

    def __init__(self, options: LearnOptions = LearnOptions(), every_text: bool = False) -> None:
        self.options = options
        self.text_from = 1 if every_text else 2  # a part of a corpus keeps every line's text
        self.representative: dict[tuple[str, int], int] = {}  # (site, story key) -> lowest document key
        self.counted: set[tuple[str, int]] = set()
        self.lines: dict[str, Counter] = {}
        self.inside: dict[str, Counter] = {}  # stories in which the line stands between sentences
        self.opens: dict[str, Counter] = {}  # stories that the line opens
        self.texts: dict[str, dict[int, str]] = {}
        self.unplaced = 0  # documents that named no site

    def see(self, site: str, story: int, document: int) -> None:
        key = (site, story)
        if document < self.representative.get(key, 1 << 64):
            self.representative[key] = document

    def counts_for(self, site: str, story: int, document: int) -> bool:
        """Does this document stand for its story (and has it not been counted yet)?"""
        key = (site, story)
        if self.representative.get(key) != document or key in self.counted:
            return False
        self.counted.add(key)
        return True

    def count(self, site: str, lines: list[tuple[int, str, int]]) -> None:
        """Count a story's short lines (:func:`short_lines`: each once) and keep the text of
        a line the moment it is counted ``text_from`` times."""
        self.count_hashes(site, [digest for digest, _, _ in lines], bytes(place for _, _, place in lines))
        counter, texts = self.lines[site], self.texts[site]
        for digest, text, _ in lines:
            if counter[digest] == self.text_from:
                texts[digest] = text

    def count_hashes(self, site: str, digests, places: bytes) -> None:
        """:meth:`count` of the lines' hashes and places only: the texts that
        :meth:`profiles` needs, those of :meth:`untexted`, are set in ``texts`` after."""
        counter = self.lines.setdefault(site, Counter())
        inside = self.inside.setdefault(site, Counter())
        opens = self.opens.setdefault(site, Counter())
        self.texts.setdefault(site, {})
        for digest, place in zip(digests, places):
            counter[digest] += 1
            if place == INSIDE:
                inside[digest] += 1
            elif place == OPENS:
                opens[digest] += 1

    def untexted(self) -> dict[str, set[int]]:
        """The hashes of the lines counted often enough to be learned whose text is not known
        yet (:meth:`count_hashes`), by site."""
        stories = Counter(site for site, _ in self.representative)
        found = {}
        for site, counter in self.lines.items():
            need, texts = self._need(stories[site])[0], self.texts.get(site, {})
            found[site] = {digest for digest, count in counter.items() if count >= need and digest not in texts}
        return found

    def _need(self, stories: int) -> tuple[int, int]:
        """The stories a line must be in to be learned: any line, and a line like prose."""
        need = max(self.options.min_docs, math.ceil(self.options.min_share * stories))
        return need, max(need, math.ceil(self.options.prose_share * stories))

    def part(self) -> dict:
        """This part's line counts as JSON-able data, for :meth:`merge` on another machine
        (counted with ``every_text=True``, so that each line carries its text)."""
        return {site: [[digest, count, self.inside[site][digest], self.opens[site][digest], self.texts[site][digest]]
                       for digest, count in sorted(counter.items())]
                for site, counter in sorted(self.lines.items())}

    def merge(self, part: dict) -> None:
        """Add the line counts of another part of the corpus (see :meth:`part`)."""
        for site, rows in part.items():
            counter = self.lines.setdefault(site, Counter())
            inside, opens = self.inside.setdefault(site, Counter()), self.opens.setdefault(site, Counter())
            texts = self.texts.setdefault(site, {})
            for digest, count, in_body, opening, text in rows:
                counter[digest] += count
                inside[digest] += in_body
                opens[digest] += opening
                texts.setdefault(digest, text)

    def profiles(self) -> dict[str, Profile]:
        """The lines each site repeats enough, checked against the catalogue."""
        from .stages import classify
        from .document import Document
        from .rules import load_rules

        rules = load_rules(self.options.config)
        stories = Counter(site for site, _ in self.representative)
        found = {}
        for site in sorted(self.lines):
            n = stories[site]
            need, prose_need = self._need(n)
            lines = {}
            for digest, count in self.lines[site].items():
                if count < need or digest not in self.texts[site]:
                    continue
                text = fold_spaces(" ".join(normalize(self.texts[site][digest])).strip())
                if not text:
                    continue
                if 2 * self.inside[site][digest] > count and not ends_sentence(text, **_SENTENCE):
                    continue  # mostly inside the article: a subheading or a transcript's cue
                if _ASIDE.match(text) or (text.endswith((".", "。")) and word_count(text) <= 2):
                    continue  # an aside of the story, or speech ('Thank you.'; 'Order here!' is a call)
                if count < prose_need and (ends_sentence(text, **_SENTENCE) or 2 * self.opens[site][digest] > count):
                    continue
                doc = Document.from_lines([text])
                classify(doc, rules)
                line = doc.lines[0]
                if line.is_kept and not line.guarded:
                    lines[text] = count
            if lines:
                found[site] = Profile(site, n, dict(sorted(lines.items())))
        return found


def learn(documents, options: LearnOptions = LearnOptions()) -> dict[str, Profile]:
    """Learn from an iterable of (site, text), in this process: the two passes of
    :func:`cleaner.io.passes.count_documents` over a list of the documents."""
    from .io.passes import count_documents

    documents = list(documents)
    return count_documents(lambda: iter(documents), options).profiles()


# --- rule files ------------------------------------------------------------------------

def rule_id(site: str) -> str:
    """A rule id (kebab case) for a site.

    >>> rule_id("news.livedoor.com/it-life-hack")
    'news-livedoor-com-it-life-hack'
    """
    import re

    return re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-") or "site"


def _toml_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def rule_text(profile: Profile, name: str | None = None, examples: int = 3) -> str:
    """The rule file of one site's profile (its id ``name``, by default :func:`rule_id` of
    the site): sorted lines, so that a new crawl diffs well."""
    top = sorted(profile.lines, key=lambda t: (-profile.lines[t], t))[:examples]
    out = [MARKER,
           "# Review it like code: a line here is dropped from every document of the site.",
           f'id = "{name or rule_id(profile.site)}"',
           'category = "site"',
           'kind = "line"',
           f"summary = {_toml_string(f'Lines {profile.site[:80]} prints on many of its stories (learned from {profile.stories})')}",
           f"sites = [{_toml_string(profile.site)}]",
           "lines = ["]
    out += [f"  {{ text = {_toml_string(t)}, docs = {n} }}," for t, n in profile.lines.items()]
    out += ["]", "", "[examples]", "drop = [" + ", ".join(_toml_string(t) for t in top) + "]", ""]
    return "\n".join(out)


def write_profiles(profiles: dict[str, Profile], folder: str) -> list[str]:
    """Write ``folder/site/<id>.toml`` for each profile (atomically), remove the learned
    files of an earlier run that this one did not write, and return the paths written."""
    from .atomic import write_atomic

    target = os.path.join(folder, "site")
    os.makedirs(target, exist_ok=True)
    written, used = [], set()
    for site in sorted(profiles):
        name = rule_id(site)
        if name in used:  # two sites that spell the same id: the site's hash tells them apart
            name = f"{name}-{_digest(site) % 10**6:06d}"
        used.add(name)
        path = os.path.join(target, f"{name}.toml")
        write_atomic(path, rule_text(profiles[site], name).encode("utf-8"), keep_mode=False)
        written.append(path)
    for entry in sorted(os.listdir(target)):
        path = os.path.join(target, entry)
        if entry.endswith(".toml") and path not in written and _is_learned(path):
            os.remove(path)
    return written


def _is_learned(path: str) -> bool:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.readline().rstrip("\n") == MARKER

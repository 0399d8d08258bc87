"""The rule kinds, implemented once: each takes a document and the rules of its kind.

Context-free kinds (classify stage) look at one line at a time:

- ``debris``: after removing every pattern match, the line has no letter or digit
  (a leftover ``<br>`` or ``</div>``); it becomes a blank line.
- ``line``: the stripped line fully matches a pattern.
- ``contains``: a pattern occurs in the line, and the line has at most ``max_words`` words.
- ``guard``: the line fully matches (a byline, a dateline); context kinds never drop it.

Context kinds (revise stage) look at the lines around:

- ``span``: a header line (``Related Article``) and the link-like items after it.
- ``zone``: a marker line (``Leave a Reply``) after the article's prose, and everything after it.
- ``duplicate``: a line of ``min_words`` or more that repeats an earlier line after folding
  case, whitespace and punctuation; the first copy stays.

>>> from cleaner.document import Document
>>> from cleaner.rules import load_rules
>>> doc = Document.from_lines(["Headline of the story here", "Advertisement", "Text."])
>>> classify(doc, load_rules())
>>> [(l.action, l.rule) for l in doc.lines]
[('keep', ''), ('drop', 'ads/advertisement-label'), ('keep', '')]
"""
from __future__ import annotations

import re

from .document import BLANK, DROP, Document, Line, has_words, word_count
from .rules import Rule

CLASSIFY, REVISE = "classify", "revise"
_FOLD = re.compile(r"[\W_]+")
_SENTENCE_END = re.compile(r"[.!:;。！；]['\"’”»)]?$")
_BULLET = re.compile(r"^[-–•*·▪►]\s")


def fold(text: str) -> str:
    """Case, whitespace and punctuation folded away: the key of duplicate detection.

    >>> fold("The  U.S. said: “No!”") == fold("the us said no")
    True
    """
    return _FOLD.sub("", text.casefold())


def classify(doc: Document, rules: tuple[Rule, ...]) -> None:
    """Run guards and the context-free kinds; the first rule that drops a line wins."""
    guards = [r for r in rules if r.kind == "guard"]
    debris = [r for r in rules if r.kind == "debris"]
    droppers = [r for r in rules if r.kind in ("line", "contains")]
    for line in doc.lines:
        if not line.is_kept:
            continue
        text = line.text
        line.guarded = any(r.matches(text) and word_count(text) <= r.param("max_words") for r in guards)
        for rule in debris:
            if not has_words(rule.regex.sub("", text)):
                line.decide(BLANK, rule.full_id, rule.category, CLASSIFY)
                break
        else:
            for rule in droppers:
                if rule.matches(text) and _within_words(rule, text):
                    line.decide(DROP, rule.full_id, rule.category, CLASSIFY)
                    break


def _within_words(rule: Rule, text: str) -> bool:
    limit = rule.params.get("max_words", 0)
    return not limit or word_count(text) <= limit


def revise(doc: Document, rules: tuple[Rule, ...]) -> None:
    """Run the context kinds in a fixed order: spans, zones, then duplicates."""
    for kind, check in (("span", _spans), ("zone", _zones), ("duplicate", _duplicates)):
        for rule in rules:
            if rule.kind == kind:
                check(doc, rule)


def _drop(line: Line, rule: Rule) -> None:
    line.decide(DROP, rule.full_id, rule.category, REVISE)


def is_link_item(line: Line, max_words: int) -> bool:
    """A related-link item: a short headline-like line, or a bulleted one up to twice as long.

    >>> is_link_item(Line(1, "- Rams top Bears as offenses struggle"), 14)
    True
    >>> is_link_item(Line(1, "The minister resigned on Friday."), 14)
    False
    """
    words = line.words
    if _BULLET.match(line.text):
        return words <= 2 * max_words
    return words <= max_words and not _SENTENCE_END.search(line.text)


def _spans(doc: Document, rule: Rule) -> None:
    lines = doc.lines
    for i, header in enumerate(lines):
        if header.is_blank or header.guarded or not rule.matches(header.text):
            continue
        if header.is_kept:  # a header a line rule already dropped still opens the span
            _drop(header, rule)
        items = 0
        for line in lines[i + 1 :]:
            if items >= rule.param("max_items"):
                break
            if line.is_blank or line.action == DROP:
                continue
            if line.guarded or not is_link_item(line, rule.param("item_max_words")):
                break
            _drop(line, rule)
            items += 1


def _zones(doc: Document, rule: Rule) -> None:
    prose: set[str] = set()
    lines = doc.lines
    for i, line in enumerate(lines):
        if line.is_blank:
            continue
        if len(prose) >= rule.param("min_prose_before") and rule.matches(line.text):
            for rest in lines[i:]:
                if rest.action != DROP:
                    _drop(rest, rule)
            return
        if line.is_kept and line.words >= rule.param("prose_words"):
            prose.add(fold(line.text))


def _duplicates(doc: Document, rule: Rule) -> None:
    seen: set[str] = set()
    for line in doc.lines:
        if line.is_blank or line.words < rule.param("min_words"):
            continue
        key = fold(line.text)
        if key in seen and line.is_kept and not line.guarded:
            _drop(line, rule)
        seen.add(key)

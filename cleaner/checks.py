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
- ``slides``: a gallery's captions, each opening with its slide counter (``3/50``), counting up.
- ``quote``: a line holding a pattern (``Click To Tweet``) whose rest repeats another line's text.
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

from functools import partial

from .cache import compile_pattern
from .document import BLANK, DATA_CHARS, DIGIT, DROP, KEEP, Document, Line, fold, has_words
from .patterns import lowered
from .page import article_bounds, looks_like_page
from .rules import Rule
from .screen import NO_LIMIT, Screen

CLASSIFY, REVISE = "classify", "revise"
_SENTENCE_END = compile_pattern(r"[.!:;。！；]['\"’”»)]?$")
_BULLET = compile_pattern(r"^[-–•*·▪►]\s")


def classify(doc: Document, rules: tuple[Rule, ...]) -> None:
    """Run guards and the context-free kinds; the first rule that drops a line wins."""
    guards = [(r, r.param("max_words")) for r in rules if r.kind == "guard"]
    debris = [r for r in rules if r.kind == "debris"]
    # A word limit is checked before the pattern: most prose lines are longer than any
    # limit, and counting words once is cheaper than running every pattern.
    droppers = [(r, r.params.get("max_words") or NO_LIMIT) for r in rules if r.kind in ("line", "contains")]
    guard_screen, drop_screen = Screen.of(tuple(guards)), Screen.of(tuple(droppers))
    for line in doc.lines:
        if not line.is_kept:
            continue
        text, words, lower = line.text, line.words, lowered(line.text)
        line.guarded = any(words <= limit and r.matches(text, lower)
                           for r, limit in guard_screen.candidates(text, lower, words))
        for rule in debris:
            if rule.matches(text, lower) and not has_words(rule.regex.sub("", text)):
                line.decide(BLANK, rule.full_id, rule.category, CLASSIFY)
                break
        else:
            for rule, limit in drop_screen.candidates(text, lower, words):
                if words <= limit and rule.matches(text, lower):
                    line.decide(DROP, rule.full_id, rule.category, CLASSIFY)
                    break
    if debris:
        _keep_code_samples(doc, debris)


_CODE_MIN_LINES = 3


def _keep_code_samples(doc: Document, debris: list[Rule]) -> None:
    """Lines of markup a story shows are code, not leftovers: a run of three or more
    adjacent lines that all hold markup, one of them with words or code around its tags
    (``<title>Test</title>``, ``<p>Hello</p>``), is a code sample, and the tag-only lines
    in it are kept. A scraper leaves a stray ``<br>`` or ``</div>`` between paragraphs
    of prose, or a run of bare tags, which are still blanked."""
    def has_markup(line: Line) -> bool:
        return any(rule.regex.search(line.text) for rule in debris)

    run: list[Line] = []
    for line in doc.lines + [Line(0, "")]:  # the sentinel closes the last run
        if line.text.strip() and (line.is_kept or line.category == "debris") and has_markup(line):
            run.append(line)
            continue
        if len(run) >= _CODE_MIN_LINES and any(item.is_kept for item in run):
            for item in run:
                if item.is_blank and item.rule:
                    item.decide(KEEP, "", "", "")
        run = []


_CONTEXT_CHECKS = (("page", "_page"), ("head", "_heads"), ("run", "_runs"), ("teaser", "_teasers"), ("span", "_spans"),
                   ("zone", "_zones"), ("quote", "_quotes"), ("slides", "_slides"), ("duplicate", "_duplicates"))
_MAX_ROUNDS = 8


def revise(doc: Document, rules: tuple[Rule, ...], mode: str = "article") -> None:
    """Run the context kinds in a fixed order until nothing more drops.

    A drop can bring lines together (a duplicate between two parts of a menu); cleaning
    the output again would then drop more. Repeating the round until it changes nothing
    makes cleaning idempotent. Most documents need one round and one to confirm.

    Page mode reads a page as a whole (where its prose is densest, where its title is
    repeated), and the article it returns reads differently once the menus around it are
    gone. So in page and auto mode the output is read again, as the next run would read
    it (the kept lines, blank runs collapsed, what the rules dropped gone), until that
    reading drops nothing more: the output is then a fixed point (see :func:`_settle`).
    """
    page = _rounds(doc, rules, mode)
    if mode != "article":
        _settle(doc, rules, mode, page)


_MAX_PASSES = 6


def _settle(doc: Document, rules: tuple[Rule, ...], mode: str, page: bool) -> None:
    """Clean the document's output again until the second cleaning drops nothing, and
    carry each drop back to the line it came from. When the last pass drops nothing, the
    output cleaned again is the output: cleaning is idempotent by construction. (A
    document page mode did not cut, and that does not look like a page once cleaned, is
    read by article mode alone the second time, which already is a fixed point.)"""
    for _ in range(_MAX_PASSES):
        view = _kept_view(doc)
        again = Document.from_lines([line.text if line is not None else "" for line in view])
        if not page and not looks_like_page(again, strict=mode == "auto"):
            return
        classify(again, rules)
        page = _rounds(again, rules, mode)
        changed = False
        for line, source in zip(again.lines, view):
            if source is not None and source.is_kept and not line.is_kept:
                source.decide(line.action, line.rule, line.category, line.stage)
                changed = True
        if not changed:
            return


def _kept_view(doc: Document) -> list[Line | None]:
    """The lines the output prints, in order (None: a blank line), as :func:`render` prints them."""
    out: list[Line | None] = []
    pending_blank = False
    for line in doc.lines:
        if line.is_kept:
            if pending_blank and out:
                out.append(None)
            out.append(line)
            pending_blank = False
        elif line.is_blank:
            pending_blank = True
    return out


def _rounds(doc: Document, rules: tuple[Rule, ...], mode: str) -> bool:
    """The rounds of the context checks; True if page mode ran on the document."""
    page = mode != "article" and looks_like_page(doc, strict=mode == "auto")
    # A line's text never changes here, so the lines a span header or zone marker pattern
    # matches are found once, before the rounds, and handed to the check.
    matching = _matching_lines(doc, tuple(r for r in rules if r.kind in ("span", "zone")))
    checks = []
    for kind, name in _CONTEXT_CHECKS:
        for rule in rules:
            if rule.kind == kind and (kind != "page" or page):
                arguments = (matching[rule.full_id],) if kind in ("span", "zone") else ()
                checks.append(partial(globals()[name], doc, rule, *arguments))
    for _ in range(_MAX_ROUNDS):
        before = sum(1 for line in doc.lines if line.action == DROP)
        for check in checks:
            check()
        if sum(1 for line in doc.lines if line.action == DROP) == before:
            break
    return page


def _matching_lines(doc: Document, rules: tuple[Rule, ...]) -> dict[str, frozenset[int]]:
    """For each rule, the indexes of the non-blank lines that match its patterns."""
    screen = Screen.of(tuple((rule, NO_LIMIT) for rule in rules))
    found: dict[str, set[int]] = {rule.full_id: set() for rule in rules}
    for i, line in enumerate(doc.lines):
        if not line.is_blank:
            text = line.text
            lower = lowered(text)
            for rule, _ in screen.candidates(text, lower, line.words):
                if rule.matches(text, lower):
                    found[rule.full_id].add(i)
    return {rule_id: frozenset(lines) for rule_id, lines in found.items()}


def _drop(line: Line, rule: Rule) -> None:
    line.decide(DROP, rule.full_id, rule.category, REVISE)


def is_link_item(line: Line, max_words: int, sentences: bool = False) -> bool:
    """A span item: a short headline-like line, or a bulleted one up to twice as long.

    With ``sentences`` an item may end like a sentence (a photo caption does).

    >>> is_link_item(Line(1, "- Rams top Bears as offenses struggle"), 14)
    True
    >>> is_link_item(Line(1, "The minister resigned on Friday."), 14)
    False
    """
    words = line.words
    if _BULLET.match(line.text):
        return words <= 2 * max_words
    return words <= max_words and (sentences or not _SENTENCE_END.search(line.text))


def _spans(doc: Document, rule: Rule, headers: frozenset[int]) -> None:
    """Drop each header line (``headers``: the lines matching the rule) and the items next
    to it (after it, or before it). Looking back (a credit under its caption), the item
    must sit right above the header: in a document whose paragraphs are not parted by
    blank lines, a blank line (or a line like '###') between them is a section break.
    A header that closes the document's text takes no item: a credit at the very end is
    the article's end credit, and the line above it is the story's last paragraph."""
    lines = doc.lines
    after = rule.param("direction") == "after"
    inside_span = set()  # lines a span already passed over cannot open a new one
    title = next((fold(line.text) for line in lines if not line.is_blank), "")
    spaced = after or _spaced(lines)
    for i in sorted(headers):
        header = lines[i]
        if header.guarded or id(header) in inside_span or header.rule == rule.full_id:
            continue  # (a header this rule dropped was handled in an earlier round)
        if header.is_kept:  # a header a line rule already dropped still opens the span
            _drop(header, rule)
        if not after and _closes_text(lines, i):
            continue  # (the article's end credit: the line above is its last paragraph)
        neighbours = lines[i + 1 :] if after else list(reversed(lines[:i]))
        count = _last_ordinal(lines, i) if after else None
        items, passed = _span_items(neighbours, rule, skip_dropped=after, title=title, spaced=spaced, count=count)
        for line in items:
            _drop(line, rule)
        inside_span.update(id(line) for line in passed)


def _ordinal(line: Line) -> int | None:
    """The number of a line that starts with an ordinal ('5. Beware ...', '(5) ...')."""
    found = _ORDINAL.match(line.text)
    return int(_NUMBER.search(found.group(0)).group(0)) if found else None


def _last_ordinal(lines: list[Line], i: int) -> int | None:
    """The number of the nearest kept line above ``lines[i]`` that starts with an ordinal."""
    for line in reversed(lines[:i]):
        if line.is_kept and not line.is_blank:
            number = _ordinal(line)
            if number is not None:
                return number
    return None


def _spaced(lines: list[Line]) -> bool:
    """Half the lines with words or more are followed by a blank line: the document
    parts its paragraphs with blank lines, so a blank line is no section break."""
    texts = [k for k, line in enumerate(lines) if not line.is_blank]
    parted = sum(1 for k in texts if k + 1 < len(lines) and lines[k + 1].is_blank)
    return 2 * parted >= len(texts)


def _closes_text(lines: list[Line], i: int) -> bool:
    """No kept line with words follows ``lines[i]``: it closes the document's text."""
    return all(not line.is_kept or line.is_blank for line in lines[i + 1 :])


def _span_items(neighbours, rule: Rule, skip_dropped: bool, title: str = "", spaced: bool = True,
                count: int | None = None) -> tuple[list[Line], list[Line]]:
    """The items of one span. A blank line ends a compact list (items on adjacent lines);
    a list whose first item comes after a blank line may have blanks between items.
    Looking forward, lines other rules dropped (an ad label amid the links) are passed
    over; looking back, such a line ends the span (the caption was found already), and
    so does a blank line unless the document is ``spaced`` (blank lines part paragraphs).
    A line that repeats the document's first line (the page title: the headline) ends
    the span, and so does, in a list spaced by blank lines after two items or more, a
    line of six words or fewer followed by a paragraph of prose: that is the article's
    next subheading (a teaser headline is longer). A guarded date under an item is the
    post's date and goes with it, once the list has two items or goes on after it.
    An item numbered one more than the last numbered line above the header (``count``)
    is the story's next numbered point ('5. ...' after '4. ...'), and ends the span.
    Returns the items and the dropped lines passed over among them."""
    items: list[Line] = []
    passed: list[Line] = []
    blank_before_first = False
    for k, line in enumerate(neighbours):
        if len(items) >= rule.param("max_items"):
            break
        if line.is_blank:
            if (items and not blank_before_first) or (passed and not items) or not spaced:
                break  # a compact list ended, the span's first neighbour was its item, or
                # (looking back) a section break parts the credit from the paragraph above
            blank_before_first = blank_before_first or not items
            continue
        if line.action == DROP and line.rule == rule.full_id:
            items.append(line)  # an item of this span, dropped in an earlier round
            continue
        if line.action == DROP:
            if skip_dropped:
                passed.append(line)
                continue
            break
        if skip_dropped and items and _is_teaser_date(line) and (len(items) >= 2 or _list_goes_on(neighbours, k, rule)):
            items.append(line)  # the date printed under a related post in a list
            continue
        if line.guarded or not _is_item(line, rule) or _is_part_of_title(line, title):
            break
        if count is not None and _ordinal(line) == count + 1:
            break  # the story's next numbered point ('5. ...' after '4. ...' above the header)
        if (skip_dropped and blank_before_first and len(items) >= 2 and line.words <= _SUBHEADING_WORDS
                and _introduces_prose(neighbours, k)):
            break
        items.append(line)
    return items, passed


_PROSE_WORDS = 25
_SUBHEADING_WORDS = 6


def _is_teaser_date(line: Line) -> bool:
    """A short guarded line with a number: a date (a byline has none)."""
    return line.guarded and line.words <= 6 and DIGIT.search(line.text) is not None


def _list_goes_on(lines: list[Line], k: int, rule: Rule) -> bool:
    """The next non-blank line after ``lines[k]`` is dropped already or is another item."""
    following = _next_line(lines, k)
    return following is not None and (following.action == DROP or (
        following.is_kept and not following.guarded and _is_item(following, rule)))


def _next_line(lines: list[Line], k: int) -> Line | None:
    """The first non-blank line after ``lines[k]``."""
    return next((line for line in lines[k + 1 :] if not line.is_blank), None)


def _introduces_prose(lines: list[Line], k: int) -> bool:
    """The next non-blank line after ``lines[k]`` is a kept paragraph of prose."""
    following = _next_line(lines, k)
    return following is not None and following.is_kept and following.words >= _PROSE_WORDS


def _is_part_of_title(line: Line, title: str) -> bool:
    """``line`` (folded, 12 characters or more) is a part of ``title`` (folded): a span
    item that repeats the headline is the headline, not a link."""
    key = fold(line.text)
    return len(key) >= 12 and key in title


def _is_item(line: Line, rule: Rule) -> bool:
    if rule.items is not None:
        return rule.items.fullmatch(line.text) is not None
    return is_link_item(line, rule.param("item_max_words"), rule.param("sentences"))


def _is_label(line: Line, max_words: int) -> bool:
    """A short label: a few words, no sentence punctuation at its end, not guarded, and
    none of the separators of data and code (a CSV row, a path, ``key=value``)."""
    return (line.is_kept and not line.guarded and line.words <= max_words
            and not _SENTENCE_END.search(line.text) and not DATA_CHARS.search(line.text))


def _page(doc: Document, rule: Rule) -> None:
    """Page mode: drop what lies outside the article region (see :mod:`cleaner.page`)."""
    p = rule.params
    for i in article_bounds(doc.lines, p["prose_words"], p["line_cost"], p["window"]):
        if doc.lines[i].is_kept:
            _drop(doc.lines[i], rule)


def _heads(doc: Document, rule: Rule) -> None:
    """Site names and section labels above the headline: short lines at the very top,
    dropped only if the first longer line after them reads like a headline (no final
    period, no 'label: value' with a number), so that a short headline followed by prose
    or by data ('Coordinates: 42°S 174°E') is kept."""
    head: list[Line] = []
    for line in doc.lines:
        if line.is_blank or line.action == DROP:
            continue
        if _is_label(line, rule.param("max_words")):
            head.append(line)
            continue
        if (line.guarded or _SENTENCE_END.search(line.text) or line.words > rule.param("headline_max_words")
                or _KEY_VALUE.search(line.text)):
            return  # (prose, or a 'label: value' data line: the short line above may be the headline)
        break
    else:
        return
    for line in head:
        if rule.regex is None or rule.matches(line.text):
            _drop(line, rule)


def _runs(doc: Document, rule: Rule) -> None:
    """Menus printed one item per line: ``min_lines`` or more adjacent short labels
    (``max_words``, or up to ``title_max_words`` if every longer word is capitalised),
    unless the run reads as a list of the story (see :func:`_is_story_list`), judged on
    the whole bulleted list the run is a part of (a run that starts amid one is the
    story's: a longer first item, '• Bound Brook Schools School District', is no label). A run
    between two paragraphs of article prose is the story's too, unless half its items
    are known menu words (the rule's patterns); so is a run between two lines of code
    (see :func:`_amid_code`). The last item of a run right above a byline or date is the
    headline of the post, not a menu item."""
    def is_item(line: Line) -> bool:
        return not line.is_blank and (
            _is_label(line, rule.param("max_words"))
            or (_is_label(line, rule.param("title_max_words")) and is_headline_like(line.text, 1.0)))

    lines = doc.lines
    for run, dropped in _find_runs(lines, is_item, count_dropped=True):
        following = _kept_neighbour(lines, run[-1], 1)
        if following is not None and lines[following].guarded:
            run = run[:-1]  # the headline above its byline or date
        if not run or len(run) + dropped < rule.param("min_lines"):
            continue
        block = _bullet_block(lines, run)
        if block[0] != run[0] or _is_story_list(lines, block):
            continue  # (a run that starts amid a bulleted list is a part of the story's list)
        if _amid_prose(lines, run) and not _known_items(lines, run, rule):
            continue
        if _amid_code(lines, run):
            continue
        for i in run:
            _drop(lines[i], rule)


def _bullet_block(lines: list[Line], run: list[int]) -> list[int]:
    """The run and the bulleted lines right next to it (no blank line between), if the
    run's own first item is bulleted: the whole list the run is a part of. A list of
    names whose first item is too long to read as a label ('• Bound Brook Schools School
    District') is still one list, and the sentence above it still announces it."""
    if not _BULLET.match(lines[run[0]].text):
        return run
    return _adjacent_block(lines, run, _BULLET.match)


def _adjacent_block(lines: list[Line], run: list[int], is_item) -> list[int]:
    """The run and the kept lines right next to it, on either side with no blank line
    between, for which ``is_item(text)`` holds."""
    block = list(run)
    for step in (-1, 1):
        start = block[0] if step < 0 else block[-1]
        j = _kept_neighbour(lines, start, step)
        while j is not None and is_item(lines[j].text) and not _blank_between(lines, start, j):
            block.insert(0, j) if step < 0 else block.append(j)
            start, j = j, _kept_neighbour(lines, j, step)
    return block


def _find_runs(lines: list[Line], is_item, count_dropped: bool = False) -> list[tuple[list[int], int]]:
    """The runs of adjacent lines for which ``is_item`` holds, as (line indexes, dropped
    lines passed over that count). Dropped lines are passed over, as if already gone (so
    cleaning twice changes nothing); with ``count_dropped``, those a navigation or footer
    rule dropped count towards the run's length (a menu whose 'Contact' and 'Careers' a
    line rule took is still a menu)."""
    runs: list[tuple[list[int], int]] = []
    run: list[int] = []
    dropped = 0
    for i, line in enumerate(lines):
        if line.action == DROP:
            dropped += count_dropped and line.category in ("navigation", "footer")
            continue
        if is_item(line):
            run.append(i)
            continue
        if run:
            runs.append((run, dropped))
        run, dropped = [], 0
    if run:
        runs.append((run, dropped))
    return runs


_CONTEXT_PROSE_WORDS = 12  # a line of article prose around a list
_DATA_SHARE = 0.4
_KEY_VALUE = compile_pattern(r"\w[^:：]{0,40}\s?[:：]\s*\S*\d")
_ORDINAL = compile_pattern(r"^\(?\d{1,3}[.)]\s")
# a price or a share, or a quantity at the start of an item ('350 g flour', '2 cups milk')
_AMOUNT = compile_pattern(r"[€$£¥]\s?\d|\d\s?(?:%|€|\$|£|¥)|^[\d½¼¾⅓][\d,./½¼¾⅓-]*\s?(?:[a-zäöü]|(?:g|kg|mg|ml|cl|dl|l|EL|TL|Pck|Stk|Gramm|Liter|Teelöffel|Esslöffel|Prise|Stück|Dose|Becher|Bund|Tasse|Tassen)\b)")
_MARKS = compile_pattern(r"[◯○●◎✓✔✗✘✕△]")  # the marks of a spec or comparison table


def _kept_neighbour(lines: list[Line], i: int, step: int) -> int | None:
    """The index of the nearest kept non-blank line before (``step`` -1) or after (1) ``i``;
    lines other rules dropped are passed over, as if already gone."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].is_kept and not lines[j].is_blank:
            return j
        j += step
    return None


def _is_prose(line: Line) -> bool:
    return line.is_kept and not line.guarded and line.words >= _CONTEXT_PROSE_WORDS


def _is_data(lines: list[Line], run: list[int], headlines: bool = False) -> bool:
    """Menus rarely hold a number: a run with numbers on ``_DATA_SHARE`` of its lines
    (standings, specs, prices, times, an address, a numbered countdown, a table) is data
    of the story. Headlines do hold numbers ('15 Amazing Images', 'a 1966 guitar'), so
    for ``headlines`` only the shapes of data count: 'label: value' with a number, an
    ordinal, a price or a share, a quantity, a table's check marks."""
    test = _is_data_item if headlines else _holds_data
    return sum(1 for i in run if test(lines[i].text)) >= _DATA_SHARE * len(run)


def _holds_data(text: str) -> bool:
    return DIGIT.search(text) is not None or _MARKS.search(text) is not None


def _is_data_item(text: str) -> bool:
    body = _BULLET.sub("", text, count=1)
    return (_KEY_VALUE.search(body) is not None or _ORDINAL.match(body) is not None
            or _MARKS.search(body) is not None or _AMOUNT.search(body) is not None)


def _is_introduction(line: Line) -> bool:
    """A line of the story that announces a list: it ends with a colon and reads as a
    sentence ('The newly selected five are:', 'Die Zutaten für vier Personen:'), not as a
    short Title Case header ('Popular Projects:', which heads a box of links)."""
    text = line.text.rstrip()
    if not line.is_kept or line.guarded or not text.endswith((":", "：")):
        return False
    words = line.words
    return words >= 8 or (words >= 2 and not is_headline_like(text[:-1], 0.7))


def _is_story_list(lines: list[Line], run: list[int], headlines: bool = False) -> bool:
    """A list the story introduces (the line before is a sentence ending with a colon) or
    a list of data (see :func:`_is_data`)."""
    before = _kept_neighbour(lines, run[0], -1)
    return (before is not None and _is_introduction(lines[before])) or _is_data(lines, run, headlines)


def _amid_prose(lines: list[Line], run: list[int]) -> bool:
    """The run stands between two lines of article prose."""
    before, after = _kept_neighbour(lines, run[0], -1), _kept_neighbour(lines, run[-1], 1)
    return before is not None and after is not None and _is_prose(lines[before]) and _is_prose(lines[after])


def _amid_code(lines: list[Line], run: list[int]) -> bool:
    """The nearest kept lines on both sides of the run are short lines holding the
    separators of code or data (``with_alert``, ``20;``, ``x = 1``): the run is a part of a
    code sample ('WHERE', 'ORDER BY', 'LIMIT' on their own lines), not a menu."""
    before, after = _kept_neighbour(lines, run[0], -1), _kept_neighbour(lines, run[-1], 1)
    return all(j is not None and not _is_prose(lines[j]) and DATA_CHARS.search(lines[j].text) is not None
               for j in (before, after))


def _known_items(lines: list[Line], run: list[int], rule: Rule) -> bool:
    """Half the items or more are known menu words (the rule's patterns)."""
    if rule.regex is None:
        return False
    return 2 * sum(1 for i in run if rule.matches(_BULLET.sub("", lines[i].text))) >= len(run)


_CAPITALIZED = compile_pattern(r"[^\W\d_]{4,}")


def is_headline_like(text: str, min_share: float) -> bool:
    """No sentence end, and most words of four letters or more start with a capital.

    >>> is_headline_like("- 11 Fascinating Facts About Our Milky Way Galaxy", 0.7)
    True
    >>> is_headline_like("- the committee meets again in March", 0.7)
    False
    """
    if _SENTENCE_END.search(text):
        return False
    words = _CAPITALIZED.findall(text)
    return bool(words) and sum(w[0].isupper() for w in words) >= min_share * len(words)


_HEADER_WORDS = 8
_HEADER_CATEGORIES = ("related", "navigation")
_TAIL_PROSE = 1  # lines of prose (an author's note) that may follow a teaser list


def _teasers(doc: Document, rule: Rule) -> None:
    """Lists of other stories' headlines: ``min_items`` or more adjacent lines that start
    with a pattern (a bullet) and read as headlines (see :func:`is_headline_like`), if
    the shape is backed by the list's place: under a header (a short line without a
    sentence end, or one a related or navigation rule dropped), or in the tail of the
    document (at most one line of prose after it). A list the story introduces and a list
    of data stay, judged on the whole bulleted list the run is a part of; so does a run
    that starts amid a bulleted list (a box of links is a list of its own)."""
    def is_item(line: Line) -> bool:
        return (line.is_kept and not line.guarded and rule.matches(line.text)
                and rule.param("min_words") <= line.words <= rule.param("max_words")
                and is_headline_like(line.text, rule.param("capitalized")))

    lines = doc.lines
    for run, _ in _find_runs(lines, is_item):
        if len(run) < rule.param("min_items"):
            continue
        block = _list_block(lines, run, rule)
        if block[0] != run[0] or _is_story_list(lines, block, headlines=True):
            continue  # (a run that starts amid a list is a part of it: the box of links is whole)
        if _under_header(lines, run[0]) or _in_tail(lines, run[-1]):
            for i in run:
                _drop(lines[i], rule)


def _list_block(lines: list[Line], run: list[int], rule: Rule) -> list[int]:
    """The run and the bulleted lines next to it (no blank line between): the whole list
    the run is a part of. (An ingredient list holds lines in Title Case too.)"""
    return _adjacent_block(lines, run, rule.matches)


def _blank_between(lines: list[Line], a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any(line.is_blank and line.action != DROP for line in lines[lo + 1 : hi])


def _under_header(lines: list[Line], first: int) -> bool:
    """The nearest line above is a header: one a related or navigation rule dropped, or a
    short kept line with no sentence end (a colon may end it)."""
    j = first - 1
    while j >= 0 and (lines[j].is_blank or (lines[j].action == DROP and lines[j].category not in _HEADER_CATEGORIES)):
        j -= 1  # (an ad label or a caption between the header and the list is passed over)
    if j < 0:
        return False
    line = lines[j]
    if line.action == DROP:
        return True
    text = line.text.rstrip().rstrip(":：")
    return (not line.guarded and line.words <= _HEADER_WORDS and not _SENTENCE_END.search(text)
            and not _is_introduction(line))


def _in_tail(lines: list[Line], last: int) -> bool:
    """At most ``_TAIL_PROSE`` lines of prose follow: the article has ended."""
    return sum(1 for line in lines[last + 1 :] if _is_prose(line)) <= _TAIL_PROSE


def _zones(doc: Document, rule: Rule, markers: frozenset[int]) -> None:
    """Drop a marker line (``markers``: the lines matching the rule) that comes after the
    article's prose and is followed by lines shaped like the zone's (see
    :func:`_zone_follows`), and everything after it."""
    prose: set[str] = set()
    lines = doc.lines
    for i, line in enumerate(lines):
        if line.is_blank:
            continue
        if (len(prose) >= rule.param("min_prose_before") and i in markers and not _is_button_before_prose(lines, i)
                and _zone_follows(lines, i, rule)):
            for rest in lines[i:]:
                if rest.is_kept:
                    _drop(rest, rule)
            return
        if len(prose) < rule.param("min_prose_before") and line.is_kept and line.words >= rule.param("prose_words"):
            prose.add(fold(line.text))  # (distinct paragraphs: a repeated one counts once)


def _zone_follows(lines: list[Line], i: int, rule: Rule) -> bool:
    """The second piece of evidence for a zone marker at ``lines[i]``: the lines after it
    look like the zone. An evidence line is one another rule of the zone's category
    dropped (a comment form, a 'Reply' button) or a short line matching the rule's
    ``items`` (a timestamp, a user name, a like count). Within the next ``item_window``
    kept lines, ``min_items`` evidence lines are needed, or one if the document ends
    there; and a paragraph of prose before the first evidence line means the marker was
    a link or a button above the article (a toolbar's 'Comments'), which goes on below.
    Ten kept lines after the marker with no paragraph among them (menus, prices, link
    lists) also say the article is over.
    A marker of four words or more that matches ``items`` itself ('10 thoughts on
    “Title”': a count and the post's title; 'Log in to your account to comment') needs
    nothing more; a bare 'Comments' or '12 Comments' does."""
    need = rule.param("min_items")
    marker = lines[i]
    if need <= 0 or rule.items is None or (marker.words >= _SELF_EVIDENT_WORDS and rule.items.fullmatch(marker.text)):
        return True  # (a long marker of the zone's own shape is its own evidence)
    evidence = kept = prose = 0
    for k in range(i + 1, len(lines)):
        line = lines[k]
        if line.is_blank:
            continue
        shaped = line.words <= rule.param("item_max_words") and rule.items.fullmatch(line.text) is not None
        if line.action == DROP:
            evidence += shaped or (line.category == rule.category and line.rule != rule.full_id)
        elif shaped:
            evidence += 1
            kept += 1
        else:
            if line.words >= rule.param("prose_words"):
                if not evidence:
                    return False
                prose += 1
            kept += 1
        if evidence >= need:
            return True
        if kept >= rule.param("item_window"):
            return prose == 0  # (no paragraph follows: the article is over, the rest is chrome)
    return evidence > 0 or kept == 0


_BUTTON_WORDS = 1
_SELF_EVIDENT_WORDS = 4


def _is_button_before_prose(lines: list[Line], i: int) -> bool:
    """A bare one-word marker ('Comments') followed by a paragraph of prose is a button in
    the article's toolbar, and the article goes on below it. A comment section opens with
    a form, a count, a login prompt or a commenter's name before the first comment."""
    return lines[i].words <= _BUTTON_WORDS and _introduces_prose(lines, i)


def _quotes(doc: Document, rule: Rule) -> None:
    """Pull quotes: a line (``max_words`` at most) in which a pattern occurs (a share
    button glued to a sentence, 'Click To Tweet'), dropped only if what is left of it once
    the match is removed (``min_chars`` folded characters or more) is printed in another
    kept line of the document: the quote box repeats a sentence of the story. A quote
    printed only there is the story's own sentence, and the line stays, button and all."""
    lines = doc.lines
    candidates = [line for line in lines if line.is_kept and not line.is_blank and not line.guarded
                  and line.words <= rule.param("max_words") and rule.matches(line.text)]
    for line in candidates:
        rest = fold(rule.regex.sub("", line.text))
        if len(rest) >= rule.param("min_chars") and any(
                other is not line and other.is_kept and rest in fold(other.text) for other in lines):
            _drop(line, rule)


_NUMBER = compile_pattern(r"\d+")


def _slides(doc: Document, rule: Rule) -> None:
    """A photo gallery printed as text: ``min_items`` or more lines in a row (blank lines
    and lines other rules dropped between them are passed over) that start with a slide
    counter (the rule's patterns: '- 3/50 ...', 'Image 3 of 50 ...'), each of
    ``min_words`` words or more (a title and a caption). The counter is the shape; the
    second piece of evidence is the count: the same total on every line and a number
    that goes up from line to line, never above the total. Fractions in a recipe
    ('1/2 cup', '3/4 cup') change their total; a line of the story that happens to start
    with a counter stands alone."""
    def counter(line: Line) -> tuple[int, int] | None:
        if not line.is_kept or line.is_blank or line.guarded or line.words < rule.param("min_words"):
            return None
        found = rule.regex.match(line.text)
        numbers = _NUMBER.findall(found.group(0)) if found else []
        return (int(numbers[0]), int(numbers[1])) if len(numbers) >= 2 else None

    def flush(run: list[int]) -> None:
        if len(run) >= rule.param("min_items"):
            for i in run:
                _drop(doc.lines[i], rule)

    run: list[int] = []
    last: tuple[int, int] | None = None
    for i, line in enumerate(doc.lines):
        if line.is_blank or line.action == DROP:
            continue
        count = counter(line)
        if count is not None and count[0] <= count[1] and last is not None and count[1] == last[1] and count[0] > last[0]:
            run.append(i)
        else:
            flush(run)
            run = [i] if count is not None and count[0] <= count[1] else []
        last = count if run else None
    flush(run)


def _duplicates(doc: Document, rule: Rule) -> None:
    """Later copies of the title (``title_min_words`` or more, anywhere) or of a paragraph
    (``min_words`` or more, within ``max_distance`` kept lines of the last copy).
    Shorter or distant repeats are content: recipe steps, answers, refrains. Only a copy
    the reader sees (kept, or itself a duplicate of a kept one) makes a later one a
    duplicate: when another rule dropped the first copy (page mode, the title above the
    article region), the next copy is the one that stays. A question asked again and
    answered differently (an interview that puts one question to each guest in turn) is
    content, not a duplicate."""
    title_min = rule.param("title_min_words")
    title = next((fold(l.text) for l in doc.lines if l.is_kept and l.words >= title_min), None)
    last_seen: dict[str, int] = {}
    answer_after: dict[str, str] = {}  # a question's key -> the line after its last copy
    position = 0
    lines = [line for line in doc.lines if not line.is_blank]
    for k, line in enumerate(lines):
        # Distances count the lines a reader sees (kept ones), so that cleaning the
        # output again, without the dropped lines, finds the same duplicates.
        position += line.is_kept
        words = line.words
        if words < min(title_min, rule.param("min_words")):
            continue  # too short to be a duplicate: no need to fold it
        key = fold(line.text)
        is_title = key == title and words >= title_min
        if words < rule.param("min_words") and not is_title:
            continue
        previous = last_seen.get(key)
        near = previous is not None and (is_title or position - previous <= rule.param("max_distance"))
        asked = not is_title and _QUESTION_END.search(line.text) is not None
        answer = _answer(lines, k) if asked else None
        if asked and near and answer is not None and answer_after.get(key) not in (None, answer):
            near = False  # the same question, another answer: a Q&A
        if near and line.is_kept and not line.guarded:
            _drop(line, rule)
            position -= 1
        if line.is_kept or line.rule == rule.full_id:
            last_seen[key] = position  # (only a copy the reader sees makes later ones duplicates)
            if answer is not None:
                answer_after[key] = answer


def _answer(lines: list[Line], k: int) -> str | None:
    """The first kept line after ``lines[k]``, folded: the answer to a question."""
    return next((fold(line.text) for line in lines[k + 1 :] if line.is_kept), None)


_QUESTION_END = compile_pattern(r"[?？]['\"’”»)]*$")

"""The shapes of lists of lines that several kinds look at: runs of items, the lines
next to a run, a list the story introduces, a list of data, the next paragraph."""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import DROP, Line
from ..text import BULLET, BULLET_MARKS, DATA_CHARS, DIGIT, ends_sentence, is_headline_like, is_prose, text_neighbour


def adjacent_block(lines: list[Line], run: list[int], is_item) -> list[int]:
    """The run and the kept lines right next to it, on either side with no blank line
    between, for which ``is_item(text)`` holds."""
    block = list(run)
    for step in (-1, 1):
        start = block[0] if step < 0 else block[-1]
        j = kept_neighbour(lines, start, step)
        while j is not None and is_item(lines[j].text) and not blank_between(lines, start, j):
            block.insert(0, j) if step < 0 else block.append(j)
            start, j = j, kept_neighbour(lines, j, step)
    return block


def find_runs(lines: list[Line], is_item, count_dropped: bool = False) -> list[tuple[list[int], int]]:
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


_DATA_SHARE = 0.4
KEY_VALUE = compile_pattern(r"\w[^:：]{0,40}\s?[:：]\s*\S*\d")
ORDINAL = compile_pattern(r"^\(?\d{1,3}[.)]\s")
# a price or a share, or a quantity at the start of an item ('350 g flour', '2 cups milk')
_AMOUNT = compile_pattern(r"[€$£¥]\s?\d|\d\s?(?:%|€|\$|£|¥)|^[\d½¼¾⅓][\d,./½¼¾⅓-]*\s?(?:[a-zäöü]|(?:g|kg|mg|ml|cl|dl|l|EL|TL|Pck|Stk|Gramm|Liter|Teelöffel|Esslöffel|Prise|Stück|Dose|Becher|Bund|Tasse|Tassen)\b)")
_MARKS = compile_pattern(r"[◯○●◎✓✔✗✘✕△]")  # the marks of a spec or comparison table
_PAIR = compile_pattern(r"[^\W\d_][^:：]{0,30}[:：]\s*[^\W\d_]")
# a date at the start of an item: a schedule ('2 Kasım 2012, Cuma Antalya', 'May 3, 2024 Oslo');
# a related story's date comes after its headline
_DATE = (r"(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}|[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
         r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})")
_DATE_FIRST = compile_pattern(rf"^{_DATE}\b")
# a line that is a date alone, a weekday and a clock time allowed ('3 September 2017 :',
# 'Sabtu, 21 September 2024', 'Zondag 12 mei 2024 14:30:'): the heading of a day's schedule
_DATE_HEADING = compile_pattern(rf"^(?:[^\W\d_]{{2,12}}\.?,?\s+)?{_DATE}(?:,?\s+\d{{1,2}}[:.h]\d{{2}})?\s*[:：]?$")


def kept_neighbour(lines: list[Line], i: int, step: int) -> int | None:
    """The index of the nearest kept non-blank line before (``step`` -1) or after (1) ``i``;
    lines other rules dropped are passed over, as if already gone."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].is_kept and not lines[j].is_blank:
            return j
        j += step
    return None


def is_data(lines: list[Line], run: list[int], headlines: bool = False) -> bool:
    """Menus rarely hold a number: a run with numbers on ``_DATA_SHARE`` of its lines
    (standings, specs, prices, times, an address, a numbered countdown, a table) is data
    of the story. Headlines do hold numbers ('15 Amazing Images', 'a 1966 guitar'), so
    for ``headlines`` only the shapes of data count: 'label: value' with a number, an
    ordinal, a price or a share, a quantity, a table's check marks, a date first."""
    test = _is_data_item if headlines else _holds_data
    need, found = _DATA_SHARE * len(run), 0
    for i in run:
        if found >= need:
            break  # (the share is reached: the rest of a long run need not be read)
        found += test(lines[i].text)
    return found >= need


def _holds_data(text: str) -> bool:
    """A number, a table's check mark, or 'label: value' (a roster, a play's credits:
    'Kars: Hasan Arslan', 'Music: Jon Lee'; a menu item has no colon inside)."""
    return DIGIT.search(text) is not None or _MARKS.search(text) is not None or _PAIR.match(text) is not None


def _is_data_item(text: str) -> bool:
    body = BULLET.sub("", text, count=1).lstrip()
    return (KEY_VALUE.search(body) is not None or ORDINAL.match(body) is not None
            or _MARKS.search(body) is not None or _AMOUNT.search(body) is not None
            or _DATE_FIRST.match(body) is not None)


def is_introduction(line: Line) -> bool:
    """A line of the story that announces a list: it ends with a colon and reads as a
    sentence ('The newly selected five are:', 'Die Zutaten für vier Personen:'), not as a
    short Title Case header ('Popular Projects:', which heads a box of links); or it is a
    sentence that says a list follows (see :func:`announces_in_words`), or the header of
    the story's summary (see :func:`is_summary_header`)."""
    if announces_in_words(line) or is_summary_header(line):
        return True
    if not _announces(line):
        return False
    words = line.words
    return words >= 8 or (words >= 2 and not is_headline_like(line.text.rstrip()[:-1], 0.7))


# a sentence that says what follows it: 'The following schools are closed on Monday.'
_ANNOUNCING = compile_pattern(
    r"(?i)\b(?:the following|as follows|listed below|folgenden?|wie folgt|suivant(?:e|s|es)|siguientes|"
    r"seguintes|seguenti|volgende|följande|følgende|seuraavat)\b")


_ANNOUNCING_WORDS = 30  # the longest sentence that announces a list (a paragraph runs on to its own point)
_INLINE_LIST = compile_pattern(r"[:;：]\s*\S")  # a colon or a semicolon inside the sentence: its list is inline


def announces_in_words(line: Line) -> bool:
    """A kept sentence of the story that announces the list under it in words, not with a
    colon: it ends like a sentence and says what follows ('The following schools and
    districts announced closures for Monday.', 'Folgende Schulen bleiben am Montag
    geschlossen.', 'Les écoles suivantes resteront fermées lundi.'). Two pieces of
    evidence: the line is a sentence (a box's header has no sentence end), and its words
    point at the list (a story's last paragraph above a box of links does not). A sentence
    that gives its list itself, after a colon ('... nach den folgenden Kriterien
    zertifiziert: Qualität, Aktualität, Datenschutz.'), announces nothing below it.

    >>> [announces_in_words(Line(0, t)) for t in ("The following schools announced closures for Monday.",
    ...     "Folgende Schulen bleiben am Montag geschlossen.", "The following", "The council met on Monday.",
    ...     "It was certified on the following criteria: advice, privacy and clarity.")]
    [True, True, False, False, False]
    """
    text = line.text.strip()
    return (line.is_kept and not line.guarded and 3 <= line.words <= _ANNOUNCING_WORDS
            and ends_sentence(text, colon=False) and not _INLINE_LIST.search(text)
            and _ANNOUNCING.search(text) is not None)


# the header of the story's own summary: 'Key Points', 'What we know so far', 'Das Wichtigste in Kürze'
_SUMMARY_HEADER = compile_pattern(
    r"(?i)^(?:key (?:points|facts|takeaways|findings|dates|numbers)|what we know(?: so far| now)?|"
    r"what (?:you need|we don't know)(?: to know)?|at a glance|the essentials|in brief|"
    r"das wichtigste(?: in kürze| im überblick)?|darum geht['’]s|was wir wissen|"
    r"en bref|l['’]essentiel|ce qu['’]il faut (?:savoir|retenir)|ce que l['’]on sait|"
    r"lo esencial|lo que sabemos|lo que se sabe|claves|en resumen|"
    r"o que (?:se sabe|sabemos)|em resumo|pontos-chave|in sintesi|in breve|i punti chiave|"
    r"het belangrijkste|in het kort|wat we weten|i korthet|kort fortalt|w skrócie|najważniejsze|"
    r"tärkeimmät|özetle|tóm tắt|要点|ポイント|핵심 요약)\s*[:：.]?$")


def is_summary_header(line: Line) -> bool:
    """A kept line that is the header of the story's summary ('Key Points', 'What we know
    so far', 'Das Wichtigste in Kürze', 'Lo que sabemos'): its items are the story's
    points, however much they read as headlines. A known string, where a box's header
    ('Most Read', 'Key Stories') names other stories.

    >>> [is_summary_header(Line(0, t)) for t in ("Key Points", "What we know so far:", "Key Stories", "Most Read")]
    [True, True, False, False]
    """
    return line.is_kept and not line.guarded and _SUMMARY_HEADER.match(line.text.strip()) is not None


def _announces(line: Line) -> bool:
    """A kept, unguarded line that ends with a colon: what may announce a list."""
    return line.is_kept and not line.guarded and line.text.rstrip().endswith((":", "："))


def is_story_list(lines: list[Line], run: list[int], headlines: bool = False) -> bool:
    """A list the story introduces (the line before is a sentence ending with a colon; for
    ``headlines``, also a date alone: a day's fixtures or programme, whose items read as
    headlines; for labels, also a subheading of the story amid its prose, see
    :func:`under_story_subheading`) or a list of data (see :func:`is_data`). (A menu under
    a page's date is still a menu. A box of headlines under a sentence-case header amid the
    prose, 'À découvrir', is still a teaser box: headlines are not the story's words.)

    >>> lines = [Line(0, "3 September 2017 :"), Line(1, "- Perseru Serui vs Barito Putera"),
    ...          Line(2, "- Mitra Kukar vs Madura United"), Line(3, "- PS TNI vs Bhayangkara FC")]
    >>> is_story_list(lines, [1, 2, 3], headlines=True)
    True
    >>> lines[0] = Line(0, "Latest Stories")
    >>> is_story_list(lines, [1, 2, 3], headlines=True)
    False
    """
    before = kept_neighbour(lines, run[0], -1)
    return ((before is not None and (is_introduction(lines[before]) or (headlines and is_date_heading(lines[before]))
                                     or _introduces_labelled(lines[before], lines, run)))
            or (not headlines and under_story_subheading(lines, run)) or is_data(lines, run, headlines))


# an item that opens with its own label: '- Wellness: 6 Thermen ...', '- Chile: Fox Sports Chile y ESPN'
_LABELLED_ITEM = compile_pattern(rf"^(?:[{BULLET_MARKS}+]\s*)?([^\W\d_][\w'’.&-]*(?:[ ,]+[\w'’.&-]+){{0,2}})\s?[:：]\s+\S")


def _introduces_labelled(line: Line, lines: list[Line], run: list[int]) -> bool:
    """A line ending with a colon over items that each open with a label of their own, no
    two alike ('Die Highlights des Thermen- & Vulkanlandes im Überblick:' over '- Wellness:
    ...', '- Kulinarik: ...'): the story's overview, even when the line reads as Title Case
    (German capitalises its nouns). Two pieces of evidence: the colon announces the list,
    and labelled items are a breakdown, where a box's headlines repeat a kicker ('Video:')
    or have none.

    >>> items = ["- Wellness: six spas with thermal water", "- Food: pumpkin, horseradish and wine",
    ...          "- Outdoors: winter walks and cycling"]
    >>> lines = [Line(0, "The Region's Highlights At A Glance:")] + [Line(n + 1, t) for n, t in enumerate(items)]
    >>> _introduces_labelled(lines[0], lines, [1, 2, 3])
    True
    >>> lines[2] = Line(2, "- Video: Senate passes the budget after a long night")
    >>> lines[3] = Line(3, "- Video: Storm closes roads across the north")
    >>> _introduces_labelled(lines[0], lines, [1, 2, 3])
    False
    """
    if not _announces(line):
        return False
    labels = []
    for i in run:
        found = _LABELLED_ITEM.match(lines[i].text.strip())
        if not found:
            return False
        labels.append(found.group(1).casefold())
    return len(set(labels)) == len(labels)


_SUBHEADING_WORDS = 12  # the longest subheading (in words) that heads a list of the story


def under_story_subheading(lines: list[Line], run: list[int]) -> bool:
    """The run stands inside the article, under a subheading of the story: the line right
    above it is a short line in sentence case (not Title Case, no sentence end: 'What
    voters ranked first', 'Los nuevos consejeros', '調査で関心が高かった分野'), a paragraph of
    prose ending like a sentence stands right above that line, and another follows the run.
    Two pieces of evidence besides the list's shape: the article's prose goes on around it,
    and its header reads as the story's words, not a box's label ('Most Popular', 'The
    Winners' in Title Case stay labels).

    >>> text = ["The council met on Monday and heard from more than forty residents about the plan.",
    ...         "What voters ranked first", "Economy", "Health", "Education", "Climate", "Crime",
    ...         "The survey was carried out by the university in March among 1,200 adults."]
    >>> lines = [Line(n, t) for n, t in enumerate(text)]
    >>> under_story_subheading(lines, [2, 3, 4, 5, 6])
    True
    >>> lines[1] = Line(1, "Most Popular Stories")
    >>> under_story_subheading(lines, [2, 3, 4, 5, 6])
    False
    """
    header = text_neighbour(lines, run[0], -1)
    if header is None or not lines[header].is_kept:
        return False  # (a line a rule dropped right above the run: a menu's header)
    line = lines[header]
    text = line.text.strip()
    if (line.guarded or not 2 <= line.words <= _SUBHEADING_WORDS or BULLET.match(text)
            or ends_sentence(text, question=True) or is_headline_like(text, 0.7)):
        return False
    return prose_around(lines, header, run[-1])


def prose_around(lines: list[Line], first: int, last: int) -> bool:
    """The nearest non-blank lines above ``lines[first]`` and below ``lines[last]`` are both
    paragraphs of prose ending like a sentence (none a line another rule dropped): the
    stretch stands inside the article, whose prose goes on around it.

    >>> lines = [Line(0, "The council met on Monday and heard from more than forty residents."),
    ...          Line(1, "Topics"), Line(2, "The survey was carried out by the university in March among 1,200 adults.")]
    >>> prose_around(lines, 1, 1), prose_around(lines, 0, 1)
    (True, False)
    """
    above, below = text_neighbour(lines, first, -1), text_neighbour(lines, last, 1)
    return (above is not None and below is not None and is_prose(lines[above], sentence=True)
            and is_prose(lines[below], sentence=True))


def is_date_heading(line: Line) -> bool:
    """A kept line that is a date alone (a weekday, a clock time and a colon allowed).

    >>> [is_date_heading(Line(0, t)) for t in ("Sabtu, 21 September 2024", "3 September 2017 :", "March 3, 2024 was cold")]
    [True, True, False]
    """
    return line.is_kept and line.words <= 6 and _DATE_HEADING.match(line.text.strip()) is not None


def amid_prose(lines: list[Line], run: list[int]) -> bool:
    """The run stands between two lines of article prose."""
    before, after = kept_neighbour(lines, run[0], -1), kept_neighbour(lines, run[-1], 1)
    return before is not None and after is not None and is_prose(lines[before]) and is_prose(lines[after])


def amid_code(lines: list[Line], run: list[int]) -> bool:
    """The nearest kept lines on both sides of the run are short lines holding the
    separators of code or data (``with_alert``, ``20;``, ``x = 1``): the run is a part of a
    code sample ('WHERE', 'ORDER BY', 'LIMIT' on their own lines), not a menu."""
    before, after = kept_neighbour(lines, run[0], -1), kept_neighbour(lines, run[-1], 1)
    return all(j is not None and not is_prose(lines[j]) and DATA_CHARS.search(lines[j].text) is not None
               for j in (before, after))


def blank_between(lines: list[Line], a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any(line.is_blank and line.action != DROP for line in lines[lo + 1 : hi])


PARAGRAPH_WORDS = 25  # a paragraph of the story (longer than any list item or subheading)


def next_line(lines: list[Line], k: int) -> Line | None:
    """The first non-blank line after ``lines[k]``."""
    return next((lines[j] for j in range(k + 1, len(lines)) if not lines[j].is_blank), None)


def introduces_prose(lines: list[Line], k: int, min_words: int = PARAGRAPH_WORDS) -> bool:
    """The next non-blank line after ``lines[k]`` is a kept paragraph of prose (``min_words``)."""
    following = next_line(lines, k)
    return following is not None and following.is_kept and following.words >= min_words


NUMBER = compile_pattern(r"\d+")

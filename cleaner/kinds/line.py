"""``line``: the stripped line fully matches a pattern, or is one of the rule's exact ``lines``."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..document import DROP, KEEP, Line
from ..text import heads_paragraph, is_prose, text_neighbour
from .base import ClassifyKind, Param

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class LineKind(ClassifyKind):
    name = "line"
    summary = "the stripped line fully matches a pattern (or is one of the rule's exact `lines`, spacing folded: '■ 関連記事' is '■関連記事')"
    action = DROP
    items = True  # (a rule's ``items``: the lines it dropped that may be a story's source note)
    params = {
        "table_header": Param(False, "a line it matched that heads a '|' table stays: the next kept line (blank ones "
                                     "passed) is a row of that table, with as many cells or more and three numbers, "
                                     "or the next two are such rows with two numbers each"),
        "source_note": Param(False, "a line it matched that is one of its `items` (a news agency's name alone: "
                                    "'Reuters', '共同通信') stays as the story's source note: right under a short label "
                                    "ending in ':' or 'by' ('Source:', 'Published by'), or the last kept line, right "
                                    "under a paragraph ending like a sentence; elsewhere (beside a caption, between "
                                    "paragraphs) it is a picture's credit and goes"),
        "label_value": Param(False, "a line it matched that stands right under a short label ending in ':' "
                                    "('Precincts Reporting:' over '18 / 18') stays as that label's value: a counter "
                                    "of a gallery stands under a picture or a caption, not under a label"),
        "subheading": Param(False, "a line of one or two words it matched stays as the story's subheading: no rule "
                                   "dropped the line above, and the next line is a paragraph of prose that names it, "
                                   "as written ('TikTok' over 'TikTok said on Monday ...')"),
        "scores": Param(False, "the bare fractions it matched ('6/10') stay as a review's scores when two or more "
                               "of one total (5, 10, 20 or 100) do not count up in the order printed ('6/10', "
                               "'9/10', '6/10'): a gallery's counters go up one slide at a time"),
    }

    def finish(self, doc: Document, rules: list[Rule], proposed: set[int] | None) -> None:
        """A rule with ``table_header`` gives back the lines it dropped that head a table,
        one with ``subheading`` the ones that head a paragraph about them, one with
        ``source_note`` the agency names it dropped that sign the story, one with ``scores``
        the bare fractions that are a review's scores, one with ``label_value`` the lines
        that stand under a short label as its value."""
        tables = {rule.full_id for rule in rules if rule.param("table_header")}
        subheadings = {rule.full_id for rule in rules if rule.param("subheading")}
        notes = {rule.full_id: rule.items for rule in rules if rule.param("source_note") and rule.items is not None}
        scored = {rule.full_id for rule in rules if rule.param("scores")}
        values = {rule.full_id for rule in rules if rule.param("label_value")}
        if not (tables or subheadings or notes or scored or values):
            return
        lines = doc.lines
        for i in score_lines(lines, scored):
            lines[i].decide(KEEP, "", "", "")
        for i, line in enumerate(lines):
            if line.action != DROP:
                continue
            if (line.rule in tables and heads_table(lines, i)
                    or line.rule in subheadings and heads_paragraph(lines, i)
                    or line.rule in values and under_label(lines, i)):
                line.decide(KEEP, "", "", "")
            elif line.rule in notes and notes[line.rule].fullmatch(line.text) and signs_story(lines, i):
                line.decide(KEEP, "", "", "")


_FRACTION = compile_pattern(r"\s*+(\d{1,3})\s*+/\s*+(\d{1,3})\s*+")
_SCALES = frozenset({5, 10, 20, 100})  # the totals a reviewer scores out of


def score_lines(lines: list[Line], rules: set[str]) -> list[int]:
    """The lines ``rules`` dropped that are a review's scores: bare fractions ('6/10'),
    two or more of one total that is a reviewer's scale (5, 10, 20, 100), whose numbers do
    not go up from one to the next in the order printed (a film site's verdicts '6/10',
    '9/10', '6/10'; a car test's '10/10' for its suspension over '5/10' for its price). A
    gallery's counters of that total count up, one slide at a time ('1/10', '2/10'), and
    a lone counter says nothing more: they still go.

    >>> def doc(*texts):
    ...     return [Line(n, text, "drop" if "/" in text else "keep", "r") for n, text in enumerate(texts)]
    >>> score_lines(doc("Kritik", "6/10", "A long day.", "9/10", "Short.", "6/10"), {"r"})
    [1, 3, 5]
    >>> score_lines(doc("1/10", "Slide one.", "2/10", "Slide two.", "3/10"), {"r"})
    []
    >>> score_lines(doc("4/12", "Slide.", "2/12"), {"r"}), score_lines(doc("Price", "5/10"), {"r"})
    ([], [])
    """
    if not rules:
        return []
    totals: dict[int, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        if line.action == DROP and line.rule in rules and (m := _FRACTION.fullmatch(line.text)):
            total = int(m.group(2))
            if total in _SCALES and int(m.group(1)) <= total:
                totals.setdefault(total, []).append((i, int(m.group(1))))
    kept = []
    for found in totals.values():
        if len(found) >= 2 and any(b <= a for (_, a), (_, b) in zip(found, found[1:])):
            kept.extend(i for i, _ in found)
    return sorted(kept)


_NUMBER = compile_pattern(r"\d+")
_MIN_NUMBERS = 3  # a table's row of data ('1 | Paris SG | 26 | 10 |'); a menu's items hold none
_PAIR_NUMBERS = 2  # a narrow table's row ('1. | Ajax | 86': rank and points), when two such rows follow


def _cells(text: str) -> int:
    """The cells of a row split by '|' (empty ones at its ends left out)."""
    return len(text.strip().strip("|").split("|"))


def heads_table(lines: list[Line], i: int) -> bool:
    """The ``i``-th line heads a table: the next kept line (blank ones passed over, as the
    '---|---' rule of a Markdown table) is a row split by '|' into as many cells or more,
    holding three numbers or more; or the next two kept lines are such rows holding two
    numbers each (a narrow standings table: rank, team, points). A menu split by '|'
    ('Home | News | Sport') is followed by a headline or a paragraph, not by rows of data.

    >>> rows = ["TEAMS | P | W | D | L | Pts |", "|---|---|---|---|---|---|", "1. Ajax | 34 | 28 | 2 | 4 | 86 |"]
    >>> lines = [Line(n, text) for n, text in enumerate(rows)]
    >>> lines[1].action = "blank"
    >>> heads_table(lines, 0)
    True
    >>> heads_table([Line(0, "Place | Team | Points"), Line(1, "1. | Ajax | 86"), Line(2, "2. | PSV | 80")], 0)
    True
    >>> heads_table([Line(0, "Home | News | Sport"), Line(1, "1. | Ajax | 86"), Line(2, "Ajax won on Sunday.")], 0)
    False
    >>> heads_table([Line(0, "Home | News | Sport"), Line(1, "Ajax won 3-1 on Sunday, with 2 goals from 19-year-old Lee.")], 0)
    False
    """
    header = _cells(lines[i].text)
    rows = []
    for line in lines[i + 1:]:
        if line.is_blank:
            continue
        if not line.is_kept or "|" not in line.text or _cells(line.text) < header:
            break
        rows.append(len(_NUMBER.findall(line.text)))
        if rows[0] >= _MIN_NUMBERS or len(rows) == 2:
            break
    return bool(rows) and (rows[0] >= _MIN_NUMBERS or len(rows) == 2 and min(rows) >= _PAIR_NUMBERS)


_VALUE_LABEL = compile_pattern(r"\S.{0,40}?[:：]")  # a value's label ends in ':' ('Precincts Reporting:')


def under_label(lines: list[Line], i: int) -> bool:
    """The ``i``-th line stands right under a short label ending in ':' that no rule dropped:
    it is the label's value ('Precincts Reporting:' over '18 / 18', a results page's count of
    the precincts in), not a gallery's counter, which stands under a picture or a caption.

    >>> under_label([Line(0, "Precincts Reporting:"), Line(1, "18 / 18")], 1)
    True
    >>> under_label([Line(0, "Rescuers search the rubble in Kobe on Monday"), Line(1, "3 / 12")], 1)
    False
    >>> under_label([Line(0, "The results of the vote in the county, precinct by precinct, as counted on the night:"), Line(1, "3 / 12")], 1)
    False
    """
    j = i - 1
    return j >= 0 and not lines[j].is_blank and lines[j].is_kept and _is_label(lines[j], _VALUE_LABEL)


_LABEL = compile_pattern(r"(?i)\S.{0,40}?(?:[:：]|\b(?:by|von|par|por|di|da|door|av|przez))")
_LABEL_WORDS = 4  # the longest label ('Published by', 'Source:', 'Precincts Reporting:') a note or a value is set under
_PARAGRAPH_WORDS = 6  # the shortest last paragraph (in words) a sign-off closes


def signs_story(lines: list[Line], i: int) -> bool:
    """The ``i``-th line (a news agency's name alone) is the story's source note: the line
    above it (blank ones passed over) is a short label ending in ':' or 'by' ('Source:',
    'Published by'), or no kept line follows it and the line above is a paragraph of
    the story, ending like a sentence. Between two paragraphs, or under a line that does
    not end like a sentence (a caption, a slide's title), it is a picture's credit.

    >>> def doc(*texts):
    ...     return [Line(n, text, "keep" if text else "blank") for n, text in enumerate(texts)]
    >>> signs_story(doc("No damage was reported, the weather agency said.", "", "Reuters"), 2)
    True
    >>> signs_story(doc("気象庁によると、地震による被害は確認されていない。", "Published by", "共同通信"), 2)
    True
    >>> signs_story(doc("No damage was reported, the weather agency said.", "Reuters", "The quake struck at noon."), 1)
    False
    >>> signs_story(doc("Rescuers search the rubble in Kobe on Monday", "Reuters"), 1)
    False
    """
    j = text_neighbour(lines, i, -1)
    if j is None:
        return False
    above = lines[j]
    if _is_label(above, _LABEL):
        return True
    if any(line.is_kept for line in lines[i + 1:]):
        return False
    return is_prose(above, _PARAGRAPH_WORDS, guarded=True, sentence=True)


def _is_label(line: Line, label) -> bool:
    """``line`` is a short label (``_LABEL_WORDS`` words at most) of the shape ``label``."""
    return line.words <= _LABEL_WORDS and label.fullmatch(line.text) is not None

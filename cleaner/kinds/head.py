"""``head``: site names and section labels above the headline."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..document import DROP, Line
from ..cache import compile_pattern
from ..text import BULLET, ends_sentence, is_label, is_sentence_case, words
from .base import Param, ReviseKind
from .lists import KEY_VALUE

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


# speech or a sentence under way, which no label is: a line wholly in quotation marks
# ('「寒いね」', '"Run!"'), or one ending in a comma, a music note ('こんにちは、', 'Hi all ♪')
# or a dash after a word (a dateline's start: 'WASHINGTON —', 'RADİKAL -')
_UNDER_WAY = compile_pattern(r"^[「『“\"„«‘].*[」』”\"“»’]$|[,、，♪♫]$|\w\s+[-–—]$")
_UNDER_WAY_LAST = "」』”\"“»’,、，♪♫-–—"  # the characters each of its alternatives ends with
_FIRST_BEFORE_DASH = compile_pattern(r"^([^\W\d_]{3,})\s+[-–—]\s+\S")
# a date printed a part per line ('17' / 'July' / '2012', a blog's calendar leaf): a year,
# and above it a day or a month (a word or a number)
_YEAR = compile_pattern(r"^\s*+(?:19|20)\d{2}\s*+$")
_DATE_PART = compile_pattern(r"^\s*+(?:\d{1,2}\.?|[^\W\d_]{3,10}\.?)\s*+$")
# an enumerated item ('1. Begrüßung und Feststellung der Beschlussfähigkeit', '2) Haushalt'):
# the first point of an agenda or a list, which no headline is, and the short lines above
# it are its headings ('Tagesordnung' / 'Öffentlicher Teil')
_ENUMERATED = compile_pattern(r"^\d{1,2}[.)]\s+[^\W\d_]")
# the first recital of a decree's preamble ('Premesso che ...', 'Visto l'art. 54 ...', 'Vu le code
# ...', 'Considérant que ...', 'Whereas ...'): the decree's one sentence under way, whose subject
# stands above it in capitals ('IL SINDACO'), and no headline
_RECITAL = compile_pattern(r"(?i)^(?:premess[oia] che|vist[oaie] (?:il|lo|la|l['’]|i|gli|le|che)|considerat[oaie] che|"
                           r"ritenut[oaie] (?:che|in|opportuno|necessario)|vus? (?:le|la|les|l['’])|"
                           r"considérant (?:que|qu['’])|attendu que|considerando que|whereas)\b")


def _dateline_start(text: str) -> bool:
    """A wire dateline that goes on after its dash: an agency or a place in capitals, then
    the first words of the story ('RADİKAL -  Kartal-Kaynarca', a sentence split at its
    links), which no label is.

    >>> _dateline_start("RADİKAL -  Kartal-Kaynarca"), _dateline_start("Sports - Football")
    (True, False)
    """
    found = _FIRST_BEFORE_DASH.match(text)
    return found is not None and found.group(1).isupper()


def _under_way(text: str) -> bool:
    """``_UNDER_WAY.search(text)``, searched only in a line that ends with one of the
    characters its alternatives end with (a search of the whole line is slow, and most
    lines end otherwise). ``$`` also matches before a final newline.

    >>> _under_way('"Run!"'), _under_way("WASHINGTON —"), _under_way("Top Stories")
    (True, True, False)
    """
    last = text[-1:]
    if last == "\n":
        last = text[-2:-1]
    return last in _UNDER_WAY_LAST and _UNDER_WAY.search(text) is not None


def _date_parts(head: list[Line], year: Line) -> list[Line]:
    """The labels at the end of ``head`` that with the ``year`` under them print a date a
    part per line ('17' / 'July' / '2012'): POLICY keeps a publication date. A year alone
    under a site name is no date.

    >>> from cleaner.document import Document
    >>> lines = Document.from_lines(["Blog", "17", "July", "2012"]).lines
    >>> [line.text for line in _date_parts(lines[:3], lines[3])]
    ['17', 'July']
    >>> _date_parts(lines[:1], lines[3])
    []
    """
    parts = []
    for line in reversed(head[-2:]):
        if not _DATE_PART.match(line.text):
            break
        parts.insert(0, line)
    has_day = any(part.text.strip().rstrip(".").isdigit() for part in parts)
    return parts if _YEAR.match(year.text) and has_day else []


# a work's title with its year in brackets, at the end of the line: 'Verdict (2019)',
# 'Lilo & Stitch (2002)', a series' run 'Dark (2017–2020)'
_WORK_YEAR = compile_pattern(r"\S\s*+\((?:1[89]|20)\d\d(?:\s*+[-–]\s*+(?:(?:1[89]|20)\d\d)?)?\)$")


def _work_title(text: str) -> bool:
    """A short line naming a work with its year in brackets: a review's headline ('Verdict
    (2019)' over its credits, 'Directed by: ...'), which no section label or site name is.

    >>> _work_title("Lilo & Stitch (2002)"), _work_title("Dark (2017–2020)")
    (True, True)
    >>> _work_title("Issue 2017-004"), _work_title("Comments (12)"), _work_title("(2019)")
    (False, False, False)
    """
    return text.endswith(")") and _WORK_YEAR.search(text) is not None


def _repeats_words(text: str) -> bool:
    """A line of four words or more that repeats them, half of its words or more being a
    word said before: a rating printed as words ('Voller Stern Voller Stern Leerer Stern'),
    which no headline is.

    >>> _repeats_words("Voller Stern Voller Stern Voller Stern Leerer Stern Leerer Stern")
    True
    >>> _repeats_words("Mayor says the new bridge will open in May"), _repeats_words("Stern Stern")
    (False, False)
    """
    found = [word.casefold() for word in words(text)]
    return len(found) >= 4 and 2 * len(set(found)) <= len(found)


def _spelled_out(text: str) -> bool:
    """Four or more letters printed one by one with spaces between them: a heading spelled
    out ('C A L E N D A R U L' over an admission notice's dates), one word by sense but ten
    by count, which no headline of five to 25 words is. The short line above it is the
    notice's own title ('ADMITERE SEPTEMBRIE 2017'), no label.

    >>> _spelled_out("C A L E N D A R U L"), _spelled_out("A B C of the new exam rules")
    (True, False)
    """
    found = text.split()
    return len(found) >= 4 and all(len(word) == 1 for word in found)


def _continues(text: str) -> bool:
    """The line starts in lower case: the rest of a sentence, no headline.

    >>> _continues("geldi. Yapılan açıklamada"), _continues("Benzine zam geldi")
    (True, False)
    """
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


# a sentence that ends inside the line: a word in lower case, its full stop, and more text
_INNER_STOP = compile_pattern(r"([^\W\d_]{3,})[.!?]\s+\S")
_TWO_SENTENCES_WORDS = 12  # a headline of two short sentences ('Storm hits. Town waits') is shorter
# a question of a Q&A or an FAQ ('Q. What is ...?', 'F: Wie ...', 'P: ¿Cómo ...?'), not a headline
_QA_QUESTION = compile_pattern(r"^(?:Q|F|P|D|В|Q&A|Question|Frage|Pregunta|Вопрос)\s*+[.:：]\s*+\S")


def _prose_without_stop(text: str, words: int) -> bool:
    """A long line holding a sentence that ends inside it is prose whose last full stop
    was lost (a record cut short), not a headline: the short line above it is the headline,
    not a label. An abbreviation's dot ('U.S. Sen. Smith', 'Dr. Lee') follows a capital.

    >>> _prose_without_stop("Kosova'nın başkenti Priştine'de film haftası başladı. Film haftasında ödüllü filmler gösterilecek", 12)
    True
    >>> _prose_without_stop("U.S. Sen. Smith and Gov. Lee agree on the new water plan for the valley towns", 16)
    False
    """
    return words >= _TWO_SENTENCES_WORDS and any(
        match.group(1).islower() for match in _INNER_STOP.finditer(text))


class HeadKind(ReviseKind):
    name = "head"
    summary = "short labels (site name, section) above the headline, if a headline-like line follows"
    guarded = True
    needs_patterns = False
    params = {
        "max_words": Param(3, "the longest label (in words)"),
        "headline_max_words": Param(25, "the longest line (in words) that still reads as the headline below the labels"),
        "max_lines": Param(100, "the most labels above the headline (more: a list of the document, which the kind "
                                "leaves alone; it then stops reading, so a document of short lines costs no more)"),
        "headline_min_words": Param(5, "the shortest line (in words) that reads as the headline below the labels (a "
                                       "shorter one is a byline's affiliation: 'Special to USA TODAY' under a name)"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Site names and section labels above the headline: short lines at the very top,
        dropped only if the first longer line after them reads like a headline (no final
        period, no 'label: value' with a number), so that a short headline followed by prose
        or by data ('Coordinates: 42°S 174°E') is kept. A short line in sentence case is the
        headline itself, not a label (see :func:`cleaner.text.is_sentence_case`); speech or
        a sentence under way (``_UNDER_WAY``) means the story has begun. More than
        ``max_lines`` labels are no head: a list, left alone."""
        max_words, max_lines = rule.param("max_words"), rule.param("max_lines")
        shortest, longest = rule.param("headline_min_words"), rule.param("headline_max_words")
        head: list[Line] = []
        for line in doc.lines:
            if line.is_blank or line.action == DROP:
                continue
            if _under_way(line.text) or _dateline_start(line.text):
                return
            if is_label(line, max_words) and not is_sentence_case(line.text, line.words):
                if _work_title(line.text):
                    break  # (the headline itself: a work's title with its year; the labels above go)
                if _continues(line.text):
                    return  # (a word in lower case: a sentence split at its links, 'Bilim' / 've' / ...)
                if len(head) == max_lines:
                    return
                date = _date_parts(head, line)
                if date:  # (a date a part per line: it stays, and the labels above it go)
                    del head[-len(date):]
                    continue
                head.append(line)
                continue
            if (line.guarded or ends_sentence(line.text) or line.words > longest or line.words < shortest
                    or KEY_VALUE.search(line.text) or _continues(line.text) or BULLET.match(line.text)
                    or _ENUMERATED.match(line.text) or _RECITAL.match(line.text) or _repeats_words(line.text)
                    or _QA_QUESTION.match(line.text) or _prose_without_stop(line.text, line.words)
                    or _spelled_out(line.text)):
                # (prose, a 'label: value' data line, a byline's affiliation under a name, the
                # rest of a sentence split onto lines at its links, a list's item, bulleted or
                # numbered, a decree's first recital, a rating printed as words, a Q&A's
                # question, prose cut before its full stop, a heading spelled out letter by
                # letter: no headline)
                return
            break
        else:
            return
        for line in head:
            if rule.regex is None or rule.matches(line.text, line.lower):
                line.drop(rule)



"""``span``: a header line and the link-like items next to it."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..document import DROP, Line
from ..text import BULLET, DIALOGUE, DIGIT, ends_sentence, heads_paragraph, quotes_speech, repeats_title, text_neighbour
from .base import Param, ReviseKind
from .lists import NUMBER, ORDINAL, PARAGRAPH_WORDS, introduces_prose, next_line, prose_around

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class SpanKind(ReviseKind):
    name = "span"
    summary = ("a header line matching a pattern and the link-like items next to it (after it, or before "
               "it); `items` patterns, if given, say what an item is")
    guarded = True
    items = True
    prematch = True
    params = {
        "item_max_words": Param(14, "the longest item (in words) without a bullet; a bulleted item may have twice as many"),
        "max_items": Param(12, "the most items one header takes"),
        "direction": Param("after", "where the items are: after the header, or before it (a credit under its caption)",
                           choices=("after", "before")),
        "sentences": Param(False, "an item may end like a sentence (a photo caption does), but quotes no one"),
        "subheading_words": Param(6, "(looking forward, in a list spaced by blank lines, after two items) the longest "
                                     "line that, followed by a paragraph, is the article's next subheading and ends "
                                     "the span"),
        "paragraph_words": Param(PARAGRAPH_WORDS, "the fewest words of the paragraph that follows a subheading"),
        "date_max_words": Param(6, "the longest guarded line with a number that is an item's date, dropped with it"),
        "subheading": Param(False, "(looking forward) a header of one or two words that takes no item stays as the "
                                   "story's subheading: no rule dropped the line above, and the next line is a "
                                   "paragraph of prose that names it, as written"),
        "amid_story": Param(False, "(looking forward) a header with a paragraph of prose right above it and one right "
                                   "after its items is the article's subheading, and it and its items stay"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Drop each header line (``matching``: the lines matching the rule) and the items next
        to it (after it, or before it). Looking back (a credit under its caption), the item
        must sit right above the header: in a document whose paragraphs are not parted by
        blank lines, a blank line (or a line like '###') between them is a section break.
        A header that closes the document's text takes no item: a credit at the very end is
        the article's end credit, and the line above it is the story's last paragraph."""
        if not matching:
            return  # (no header: no need to read the title and the spacing)
        lines = doc.lines
        after = rule.param("direction") == "after"
        inside_span = set()  # lines a span already passed over cannot open a new one
        title = next((line.key for line in lines if not line.is_blank), "")
        spaced = after or _spaced(lines)
        last = len(lines) - 1  # (at or after the last kept line: drops only move it up)
        for i in sorted(matching):
            header = lines[i]
            if header.guarded or id(header) in inside_span or header.rule == rule.full_id:
                continue  # (a header this rule dropped was handled in an earlier round)
            if not after:
                last = _last_kept(lines, last)
                # the credit alone goes when no kept line follows it (the article's end credit:
                # the line above is its last paragraph), when it heads the caption printed
                # under it (the line above, past a blank line, is the story's), or when it
                # names the heading printed under it (a product card's picture: no caption)
                if last <= i or _heads_caption_below(lines, i) or _names_heading_below(lines, i):
                    if header.is_kept:
                        header.drop(rule)
                    continue
            neighbours = _Neighbours(lines, i, after)
            count = _last_ordinal(lines, i) if after else None
            items, passed = _span_items(neighbours, rule, skip_dropped=after, title=title, spaced=spaced, count=count,
                                        credit="" if after else header.text)
            if after and items and rule.param("amid_story") and _amid_story(lines, i, items[-1]):
                continue  # (the article's subheading and its list: 'Topics' above an agenda's themes)
            if after and not items and rule.param("subheading") and heads_paragraph(lines, i):
                continue  # (the story's subheading: 'TikTok' over 'TikTok said on Monday ...')
            if header.is_kept:  # a header a line rule already dropped still opens the span
                header.drop(rule)
            for line in items:
                line.drop(rule)
            inside_span.update(id(line) for line in passed)


def is_link_item(line: Line, max_words: int, sentences: bool = False) -> bool:
    """A span item: a short headline-like line, or a bulleted one up to twice as long.

    With ``sentences`` an item may end like a sentence (a photo caption does), but it
    quotes no one: a line with a quotation in it is a paragraph of the story.

    >>> is_link_item(Line(1, "- Rams top Bears as offenses struggle"), 14)
    True
    >>> is_link_item(Line(1, "The minister resigned on Friday."), 14)
    False
    >>> is_link_item(Line(1, "Fans outside the stadium on Sunday."), 40, sentences=True)
    True
    >>> is_link_item(Line(1, "“We will appeal,” the club said on Sunday."), 40, sentences=True)
    False

    A sentence opened by a dialogue dash is a quote in the style of many languages ('– Det
    er vinden ..., sier meteorologen til NRK.'), not a bulleted caption:

    >>> is_link_item(Line(1, "– Det blåser mye nå, sier meteorologen."), 40, sentences=True)
    False
    """
    words = line.words
    if sentences and DIALOGUE.match(line.text) and ends_sentence(line.text):
        return False
    if BULLET.match(line.text):
        return words <= 2 * max_words
    if sentences:
        return words <= max_words and not quotes_speech(line.text) and _sentences(line.text) < _PARAGRAPH_SENTENCES
    return words <= max_words and not ends_sentence(line.text)


_PARAGRAPH_SENTENCES = 3  # a caption says one thing, two at most; three sentences are a paragraph
# a sentence's end inside the line: a full stop after a word of two letters or more (not an
# initial, 'Jae C. Hong', nor an abbreviation's letters, 'U.S.'), a space and a capital
_SENTENCE_BREAK = compile_pattern(r"(?<![^\W\d_])[^\W\d_]{2,}[.!?][\"”’»)]?\s+([^\W\d_])")


def _sentences(text: str) -> int:
    """The sentences of ``text``: its sentence ends inside the line, and one more.

    A line of three sentences is the story's paragraph, not a caption, even with a credit
    under it: a Czech story's first paragraph ('Dozorčí rada ... zvolila ... Martina Romana.
    Ten má ... Doporučil ho ...') printed above its picture's 'Foto: ...' line.

    >>> _sentences("Fans outside the stadium on Sunday."), _sentences("The U.S. team, coached by Jae C. Hong, won.")
    (1, 1)
    >>> _sentences("The board met on Monday. It chose a chief. He starts in May.")
    3
    """
    return sum(1 for letter in _SENTENCE_BREAK.findall(text) if letter.isupper()) + 1


def _ordinal(line: Line) -> int | None:
    """The number of a line that starts with an ordinal ('5. Beware ...', '(5) ...')."""
    found = ORDINAL.match(line.text)
    return int(NUMBER.search(found.group(0)).group(0)) if found else None


class _Neighbours:
    """``lines[i + 1:]`` (``after``), or ``lines[:i]`` from the nearest up, read in place: a
    span looks at a few lines next to its header, and copying the rest of a long document
    for each header made the check quadratic.

    >>> lines = [Line(n, str(n)) for n in range(5)]
    >>> [l.text for l in _Neighbours(lines, 2, True)], [l.text for l in _Neighbours(lines, 2, False)]
    (['3', '4'], ['1', '0'])
    """

    __slots__ = ("lines", "i", "after")

    def __init__(self, lines: list[Line], i: int, after: bool) -> None:
        self.lines, self.i, self.after = lines, i, after

    def __len__(self) -> int:
        return len(self.lines) - self.i - 1 if self.after else self.i

    def __getitem__(self, k: int) -> Line:
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self.lines[self.i + 1 + k] if self.after else self.lines[self.i - 1 - k]


def _last_ordinal(lines: list[Line], i: int) -> int | None:
    """The number of the nearest kept line above ``lines[i]`` that starts with an ordinal."""
    for j in range(i - 1, -1, -1):
        line = lines[j]
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


def _heads_caption_below(lines: list[Line], i: int) -> bool:
    """A blank line parts the credit ``lines[i]`` from the line above, and the next line,
    with no blank between, is kept text: the credit heads the caption printed under it
    (an AMP page's 'Foto: X' over its caption), so the line above is no caption of it.

    >>> text = ["Bolsonaro no Twitter já causou outras polêmicas", "", "Foto: Alan Santos/PR",
    ...         "Conta de Bolsonaro no Twitter cria polêmicas nas redes sociais"]
    >>> lines = [Line(n, t, "blank" if not t else "keep") for n, t in enumerate(text, 1)]
    >>> _heads_caption_below(lines, 2), _heads_caption_below(lines[:3], 2)
    (True, False)
    """
    if i == 0 or i + 1 >= len(lines) or not lines[i - 1].is_blank:
        return False
    below = lines[i + 1]
    return not below.is_blank and below.is_kept


_LABEL_CHARS = 12  # a credit's label and its 'of' once folded ('immaginedi', 'photoof', 'bildvon')


def _names_heading_below(lines: list[Line], i: int) -> bool:
    """The credit-like line ``lines[i]`` names, after its label, just what the next line
    prints (two words or more): 'Immagine di Google Pixel 9' over 'Google Pixel 9'. That
    is the alt text of a product card's picture, named after the card's heading under it,
    not a photographer's credit: the line above is the previous card's label ('Il migliore
    compatto'), no caption of this picture. A credit names who took the picture, which the
    line under it (the story's next paragraph) does not print alone.

    >>> text = ["Il migliore compatto", "Immagine di Google Pixel 9", "", "Google Pixel 9",
    ...         "Foto: Jana Reiter/dpa", "Die Reparatur kostet rund zwölf Millionen Euro."]
    >>> lines = [Line(n, t, "blank" if not t else "keep") for n, t in enumerate(text, 1)]
    >>> _names_heading_below(lines, 1), _names_heading_below(lines, 4)
    (True, False)
    """
    j = text_neighbour(lines, i, 1)
    if j is None or not lines[j].is_kept or lines[j].words < 2:
        return False
    name, credit = lines[j].key, lines[i].key
    return bool(name) and credit.endswith(name) and len(credit) - len(name) <= _LABEL_CHARS


def _last_kept(lines: list[Line], start: int) -> int:
    """The index of the last kept line at or before ``start`` (-1: none). No kept line
    follows ``lines[i]`` (it closes the document's text) if that index is ``i`` or less.

    >>> lines = [Line(1, "a"), Line(2, "b"), Line(3, "c", action="drop")]
    >>> _last_kept(lines, 2), _last_kept(lines, 1), _last_kept(lines[2:], 0)
    (1, 1, -1)
    """
    while start >= 0 and not lines[start].is_kept:
        start -= 1
    return start


def _span_items(neighbours, rule: Rule, skip_dropped: bool, title: str = "", spaced: bool = True,
                count: int | None = None, credit: str = "") -> tuple[list[Line], list[Line]]:
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
    Looking back, a line right under a bulleted item (blanks passed over) is that item's
    text, and ends the span too; so does a sentence that names the person the ``credit``
    credits (the photographer is no subject of the picture: the line is the story's).
    Returns the items and the dropped lines passed over among them."""
    items: list[Line] = []
    passed: list[Line] = []
    blank_before_first = False
    for k, line in enumerate(neighbours):
        if len(items) >= rule.param("max_items"):
            break
        if line.is_blank:
            if (items and not blank_before_first) or (passed and not items) or not spaced \
                    or (not skip_dropped and line.text):
                # (looking back, a separator line like '—' or '***' is a section break)
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
        if skip_dropped and items and _is_teaser_date(line, rule.param("date_max_words")) and (len(items) >= 2 or _list_goes_on(neighbours, k, rule)):
            items.append(line)  # the date printed under a related post in a list
            continue
        if line.guarded or not _is_item(line, rule) or repeats_title(line.text, title):
            break
        if count is not None and _ordinal(line) == count + 1:
            break  # the story's next numbered point ('5. ...' after '4. ...' above the header)
        if not skip_dropped and _item_text(neighbours, k):
            break  # (looking back) the text of the bulleted item above it, not a caption
        if not skip_dropped and is_air_time(line.text):
            break  # (looking back) a listing's air or opening times, not a caption
        if not skip_dropped and names_photographer(line.text, credit):
            break  # (looking back) the story tells of the photographer whose picture follows
        if (skip_dropped and blank_before_first and len(items) >= 2 and line.words <= rule.param("subheading_words")
                and introduces_prose(neighbours, k, rule.param("paragraph_words"))):
            break
        if skip_dropped and blank_before_first and not items and introduces_prose(neighbours, k, rule.param("paragraph_words")):
            break  # the first line, spaced, heads a paragraph of prose: a teaser card's title with its summary, not a link
        items.append(line)
    return items, passed


def _amid_story(lines: list[Line], i: int, last_item: Line) -> bool:
    """The header ``lines[i]`` has a paragraph of prose (ending like a sentence) right above
    it, and one right after its last item (no line another rule dropped between): the
    header and the items stand inside the article, whose prose goes on around them, as a
    subheading and its list do. A tag block stands at the article's end, or between its
    headline and its first paragraph.

    >>> text = ["The fund was set up last year and has already paid for forty projects in town.",
    ...         "Topics", "Flood defences", "Water prices",
    ...         "Any group may apply before the end of March at the town hall, the council said."]
    >>> lines = [Line(n, t) for n, t in enumerate(text)]
    >>> _amid_story(lines, 1, lines[3]), _amid_story(lines[1:], 0, lines[3])
    (True, False)
    """
    return prose_around(lines, i, next(k for k in range(i + 1, len(lines)) if lines[k] is last_item))


def _item_text(lines, k: int) -> bool:
    """(Looking back) the nearest line above ``lines[k]`` is a bulleted item: ``lines[k]``
    is that item's text (a player's rating under his name, a list entry under its title),
    and a credit under it is its picture's, not the credit of a caption.

    >>> above = [Line(1, "Posicionado como centroavante, foi a principal peça do Sport."), Line(2, "", "blank"),
    ...          Line(3, "• Diego Souza - Sport")]
    >>> _item_text(above, 0), _item_text(above[:1] + [Line(3, "The match was played in the rain.")], 0)
    (True, False)
    """
    above = next_line(lines, k)
    return above is not None and BULLET.match(above.text) is not None


# a credit's person: two to four capitalised words after its label, before an agency ('/ dpa', ', AFP')
_CREDITED_PERSON = compile_pattern(
    r"^\W*(?:©\s*)?\w+\s*[:：=]\s*((?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'-]+\s+){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'-]+)\s*(?:[/,(]|$)")
_NAME_WORD = compile_pattern(r"[\w’'-]+")


def names_photographer(text: str, credit: str) -> bool:
    """A sentence above a bare credit names the person the credit credits (the given or
    the family name): it tells of the photographer, who stands behind the camera and is
    no subject of the picture. A photo essay's narration ('Alongside shots of destruction,
    Msallam included a photo of his mother ...') sits above the credit of a picture that
    has no caption; a caption shows its subject. Only a person's name counts: two to four
    capitalised words after the credit's label, before any agency.

    >>> credit = "Photo: Msallam Abd Albaset"
    >>> names_photographer("Alongside shots of destruction, Msallam included a photo of his mother.", credit)
    True
    >>> names_photographer("His mother and aunt bake bread in their home in eastern Ghouta.", credit)
    False
    >>> names_photographer("Dpa reporters saw the train at noon.", "Foto: dpa")
    False
    """
    found = _CREDITED_PERSON.match(credit)
    if not found or not ends_sentence(text):
        return False
    names = {name for name in found.group(1).split() if len(name) >= 3}
    return not names.isdisjoint(_NAME_WORD.findall(text))


# a clock time in a line ('19.30', '21:00', '9pm', '20h45')
_CLOCK_TIME = compile_pattern(r"(?i)(?<![\d.,:])\d{1,2}(?:[:.h]\d{2}(?!\d|[.,:]\d)|\s?[ap]\.?m\.?\b)")
_WORDS_PER_TIME = 3  # a slot's day and channel ('Sunday, BBC One'), where a caption describes


def is_air_time(text: str) -> bool:
    """A listing's slot: clock times with at most a day and a channel or a place for each
    ('MÅNDAG, SVT2, 19.30 TISDAG, SVT2, 19.30', '9pm, ITV1', 'Sunday 21.00, BBC One'), no
    sentence end. A TV guide or a what's-on page prints it above the picture of the show,
    whose credit follows: it is the story's data, not the caption of the picture. A caption
    describes in words, a time at most among them.

    >>> [is_air_time(t) for t in ("MÅNDAG, SVT2, 19.30 TISDAG, SVT2, 19.30", "9pm, ITV1", "Sunday 21.00, BBC One",
    ...                           "Fans gather in the square before the match at 19:30", "Mayor Jane Doe")]
    [True, True, True, False, False]
    """
    times = len(_CLOCK_TIME.findall(text))
    if not times or ends_sentence(text):
        return False
    words = sum(1 for word in _CLOCK_TIME.sub(" ", text).split() if not DIGIT.search(word) and any(c.isalpha() for c in word))
    return words <= _WORDS_PER_TIME * times


def _is_teaser_date(line: Line, max_words: int) -> bool:
    """A short guarded line with a number: a date (a byline has none)."""
    return line.guarded and line.words <= max_words and DIGIT.search(line.text) is not None


def _list_goes_on(lines: list[Line], k: int, rule: Rule) -> bool:
    """The next non-blank line after ``lines[k]`` is dropped already or is another item."""
    following = next_line(lines, k)
    return following is not None and (following.action == DROP or (
        following.is_kept and not following.guarded and _is_item(following, rule)))


def _is_item(line: Line, rule: Rule) -> bool:
    if rule.items is not None:
        return rule.items.fullmatch(line.text) is not None
    return is_link_item(line, rule.param("item_max_words"), rule.param("sentences"))



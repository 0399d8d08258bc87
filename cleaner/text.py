"""The line tests every kind shares, each defined once: words, fold, sentence end, title,
headline-like, label, prose.

Where two kinds meant slightly different things by one idea, the function's keyword
parameters name the difference (``ends_sentence(text, question=True)``), and each
function's doctests show it.

>>> ends_sentence("The council met."), is_headline_like("Council Meets Again", 0.7)
(True, True)
"""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from .cache import compile_pattern

if TYPE_CHECKING:  # (lines are duck-typed here: the document module imports this one)
    from .document import Line


def _marks() -> str:
    """The combining marks (Unicode Mn, Mc) of the scripts that write vowels and tones with
    them (Devanagari, Bengali, Tamil, Thai, Myanmar...), as ranges for a character class.
    ``\\w`` does not match them, so a word holds them explicitly: 'मंत्री' is one word, not
    three, and a Hindi line is not counted twice its words (which made it look like prose).

    >>> words("प्रधानमंत्री ने कहा"), word_count("ராஜ்பவனில் நடைபெற்ற விழாவில்")
    (['प्रधानमंत्री', 'ने', 'कहा'], 3)
    >>> words("នាយករដ្ឋមន្ត្រី បានថ្លែង")
    ['នាយករដ្ឋមន្ត្រី', 'បានថ្លែង']
    """
    from unicodedata import category
    marks = [code for code in range(0x300, 0x1800) if category(chr(code)) in ("Mn", "Mc")]
    ranges, start = [], marks[0]
    for previous, code in zip(marks, marks[1:] + [-1]):
        if code != previous + 1:
            ranges.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = code
    return "".join(ranges)


_MARKS = _marks()
_WORD_CHAR = compile_pattern(r"[^\W_]")
# a word: letters and digits, with the combining marks between and after them
_WORD = compile_pattern(rf"[^\W_]+(?:[{_MARKS}]+[^\W_]*|['’.\-][^\W_]+)*")
_PLAIN_WORD = compile_pattern(rf"[\w{_MARKS}]+")
_CJK = compile_pattern(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
DIGIT = compile_pattern(r"\d")
# the separators of data and code (a CSV row, a path, ``key=value``), which labels do not hold
DATA_CHARS = compile_pattern(r"[,;=_/\\<>{}\[\]@#$%^*~`\t]")
# the marks that open a list item (a dash, a bullet, a star, an arrow)
BULLET_MARKS = "-–•*·▪►"
BULLET = compile_pattern(rf"^[{BULLET_MARKS}]\s")
# a dialogue dash opening a quoted sentence ('– Det er vinden, sier han.', '— Да, — сказал он.')
DIALOGUE = compile_pattern(r"^[-–—]\s")


def has_words(text: str) -> bool:
    """True if ``text`` holds a letter or digit.

    >>> has_words(" . | "), has_words("광고")
    (False, True)
    """
    return _WORD_CHAR.search(text) is not None


# Characters written without spaces around them: kana, CJK ideographs and punctuation,
# full-width forms.
_WIDE = "\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BY_WIDE = compile_pattern(rf"\s+(?=[{_WIDE}])|(?<=[{_WIDE}])\s+")
_ODD_SPACE = compile_pattern(r"\s{2,}|[^\S ]")


def fold_spaces(text: str) -> str:
    """``text`` with its spacing made one: runs of white space are one space, and none is
    kept next to a character that is written without spaces (kana, CJK, full-width forms).
    The same line set with a space more or less ('■ 関連記事', '■関連記事') folds alike;
    Hangul, which spaces its words, is left as it is.

    >>> fold_spaces("【 MOVIE ENTER おすすめ記事 】"), fold_spaces("■\u3000関連記事")
    ('【MOVIE ENTERおすすめ記事】', '■関連記事')
    >>> fold_spaces("Visit  our\u00a0homepage"), fold_spaces("► Read more"), fold_spaces("관련 기사")
    ('Visit our homepage', '► Read more', '관련 기사')
    """
    return _ODD_SPACE.sub(" ", _SPACE_BY_WIDE.sub("", text))


_MEMO_SIZE = 1 << 16
_counts: dict[str, int] = {}  # a memo of a pure function (each settle pass counts a line again)


def word_count(text: str) -> int:
    """Words in ``text``; a CJK character counts as half a word (2 chars ~ 1 word), and a
    run of Thai, Lao, Myanmar or Khmer letters (written without spaces between its words) a
    word for each four letters.

    >>> word_count("Kim Jong-un met Putin."), word_count("北朝鮮とロシア")
    (4, 3)
    >>> word_count("“เศรษฐา” ย้ำต้องเลือกพรรคมีประสบการณ์")
    8
    """
    count = _counts.get(text)
    if count is None:
        if len(_counts) >= _MEMO_SIZE:
            _counts.clear()
        count = _counts[text] = _count_words(text)
    return count


def _count_words(text: str) -> int:
    if text.isascii():
        return count_ascii_words(text)
    cjk = len(_CJK.findall(text))
    unspaced = _UNSPACED.findall(text)
    if cjk or unspaced:
        if unspaced:
            text = _UNSPACED.sub(" ", text)
        count = len(_WORD.findall(_CJK.sub(" ", text) if cjk else text)) + cjk // 2
        return count + sum(_unspaced_words(run) for run in unspaced)
    return len(_WORD.findall(text))


# the scripts that write a phrase's words without spaces between them (Thai, Lao, Myanmar,
# Khmer): a run of them holds several words, which no space marks
_UNSPACED = compile_pattern(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]+")
_UNSPACED_LETTERS = 4  # (letters of a word, its vowel and tone marks apart: 'ต้อง', 'เลือก')


def _unspaced_words(run: str) -> int:
    """The words of a run of Thai, Lao, Myanmar or Khmer letters: one for each four letters
    or part of four (a mark adds none); a run of punctuation ('។') has none.

    >>> _unspaced_words("ย้ำต้องเลือกพรรคมีประสบการณ์"), _unspaced_words("ข่าว"), _unspaced_words("។")
    (6, 1, 0)
    """
    letters = sum(1 for char in run if char.isalnum())
    return -(-letters // _UNSPACED_LETTERS)


# an ASCII line's characters as word characters (a), marks that may join two words (.) and others
_ASCII_CLASSES = bytes(ord("a") if chr(c).isalnum() else ord(".") if chr(c) in "'.-" else ord(" ")
                       for c in range(256))


def count_ascii_words(text: str) -> int:
    """``len(_WORD.findall(text))`` for an ASCII ``text``, by counting substrings of its
    classes: a word is a run of word characters, and a run that follows another with
    exactly one mark between them continues its word ("U.S", "Jong-un"). So the words are
    the runs that start (after a space or a mark, or at the start) less the joins (a run,
    one mark, a run: an "a." followed by neither a mark, a space nor the end).

    >>> _WORD.findall("Kim Jong-un met the U.S. envoy -- at 10.30 a..m")
    ['Kim', 'Jong-un', 'met', 'the', 'U.S', 'envoy', 'at', '10.30', 'a', 'm']
    >>> count_ascii_words("Kim Jong-un met the U.S. envoy -- at 10.30 a..m")
    10
    """
    if len(text) <= 40 and text.replace(" ", "").isalnum():
        return len(text.split())  # (a short line of words and spaces only: a menu item, a label)
    classes = text.encode("ascii").translate(_ASCII_CLASSES)
    if b"." not in classes:  # (no mark: each run is a word)
        return classes.count(b" a") + classes.startswith(b"a")
    starts = classes.count(b" a") + classes.count(b".a") + classes.startswith(b"a")
    joins = classes.count(b"a.") - classes.count(b"a..") - classes.count(b"a. ") - classes.endswith(b"a.")
    return starts - joins


def words(text: str, plain: bool = False) -> list[str]:
    """The words of ``text``, as :func:`word_count` counts them (a word may hold an
    apostrophe, a dot or a hyphen); ``plain``: runs of word characters (``\\w+``), split
    at those marks.

    >>> words("Lee’s U.S. jet_lag"), words("Lee’s U.S. jet_lag", plain=True)
    (['Lee’s', 'U.S', 'jet', 'lag'], ['Lee', 's', 'U', 'S', 'jet_lag'])
    """
    return (_PLAIN_WORD if plain else _WORD).findall(text)


def fold(text: str) -> str:
    """Case, whitespace and punctuation folded away: the key that finds a repeated line.

    >>> fold("The  U.S. said: “No!”") == fold("the us said no")
    True
    """
    if text.isascii():  # (lower case and the characters [\W_] removes, in one pass over the bytes)
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_NOT_WORD).decode("ascii")
    folded = text.casefold()
    if folded.isascii():  # (the same characters [\W_] removes, an order of magnitude faster)
        return folded.encode("ascii").translate(None, _ASCII_NOT_WORD).decode("ascii")
    # re's \w is str.isalnum() or "_" (the same Unicode test), so [\W_] removes exactly the
    # characters that are not alphanumeric; the ASCII ones go first, all at once (in UTF-8
    # no other character has an ASCII byte), and re removes the few others left (quotes,
    # dashes), faster than filtering with str.isalnum
    try:
        folded = folded.encode("utf-8").translate(None, _ASCII_NOT_WORD).decode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate)
        pass
    return folded if folded.isalnum() else _NOT_WORD.sub("", folded)


_ASCII_NOT_WORD = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_LOWER = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))  # (casefold of ASCII)
_NOT_WORD = compile_pattern(r"[\W_]")


_CLOSERS = "'\"’”»)“‘«"  # (German and Swiss quotes close with “ ‘ «)
BRACKET_CLOSERS = _CLOSERS + "」』】"  # (and CJK corner brackets, when a sentence may end inside them)
_EMOJI_TAIL = r"(?:\s*[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?)*"
_SENTENCE_ENDS: dict[tuple[bool, bool, bool, bool], object] = {}


# the marks that end a sentence in the scripts cleaner meets: Latin, Greek and Cyrillic '.',
# CJK '。', the danda of Devanagari and Bengali ('।', '॥'), the Urdu full stop ('۔'), the
# Armenian ('։'), Ethiopic ('።'), Myanmar ('။') and Khmer ('។', '៕') ones and the Tibetan shad
# ('།'); a script without them (Thai, Lao) never ends a line like a sentence
FULL_STOPS = ".!。！।॥۔։።။។៕།"
QUESTION_MARKS = "?？؟"  # (the Arabic '؟' too)


def _sentence_end(question: bool, emoji: bool, colon: bool, brackets: bool):
    marks = FULL_STOPS + (QUESTION_MARKS if question else "") + (":;；" if colon else "")
    closers = f"[{BRACKET_CLOSERS}]*" if brackets else f"[{_CLOSERS}]?"
    pattern = compile_pattern(f"[{marks}]{closers}{_EMOJI_TAIL if emoji else ''}$")
    _SENTENCE_ENDS[question, emoji, colon, brackets] = pattern
    return pattern


def ends_sentence(text: str, question: bool = False, emoji: bool = False, colon: bool = True,
                  brackets: bool = False) -> bool:
    """``text`` ends like a sentence: a period or an exclamation mark (Western or CJK), then
    at most one closing quote or bracket.

    ``question``: a question mark ends one too. ``emoji``: a smiley after the mark still
    ends one ("See you soon! 🙂"). ``colon``: a colon or a semicolon ends one (a line
    announcing what follows). ``brackets``: any run of closers may follow the mark,
    CJK quotes (」) among them.

    >>> ends_sentence("Who won?"), ends_sentence("Who won?", question=True)
    (False, True)
    >>> ends_sentence("See you soon! 🙂"), ends_sentence("See you soon! 🙂", emoji=True)
    (False, True)
    >>> ends_sentence("The winners are:"), ends_sentence("The winners are:", colon=False)
    (True, False)
    >>> ends_sentence("「雨です。」』"), ends_sentence("「雨です。」』", brackets=True)
    (False, True)
    >>> ends_sentence("Er sagte: „Wir bleiben.“"), ends_sentence("»Wir bleiben.«")
    (True, True)
    >>> ends_sentence("पुलिस जांच कर रही है।"), ends_sentence("ملزمان کو گرفتار کرلیا گیا۔")
    (True, True)
    >>> ends_sentence("کیا یہ درست ہے؟"), ends_sentence("کیا یہ درست ہے؟", question=True)
    (False, True)
    """
    if not (emoji or brackets):  # (the pattern's answer from the line's last characters)
        if text[-1:] not in _MAY_END:
            return False  # (most lines: a last character no sentence ends with)
        marks = _END_MARKS[question, colon]
        end = text[:-1] if text.endswith("\n") else text  # ($ also matches before a final newline)
        return end.endswith(marks) or (end[-1:] in _CLOSERS and end[:-1].endswith(marks))
    pattern = _SENTENCE_ENDS.get((question, emoji, colon, brackets)) or _sentence_end(question, emoji, colon, brackets)
    return pattern.search(text) is not None


_MAY_END = frozenset(FULL_STOPS + QUESTION_MARKS + ":;；\n" + _CLOSERS)  # the last characters of a sentence's end, or of a final newline
_END_MARKS = {(question, colon): tuple(FULL_STOPS + (QUESTION_MARKS if question else "") + (":;；" if colon else ""))
              for question in (False, True) for colon in (False, True)}


_QUESTION_MARKS = tuple(QUESTION_MARKS)


# a quotation: an opening mark, then words, closed after a comma or a sentence's end
# (“...,” she said / „...“, sagte er / « ... », dit-il)
_SPEECH = compile_pattern(r"[“\"„«「『][^“”\"„«»「」『』]{12,}?(?:[,.!?…]\s?[”\"“»」』]|[”\"“»」』]\s?,)")


def quotes_speech(text: str) -> bool:
    """``text`` quotes a speaker (a caption quotes no one; a title in quotes is short).

    >>> quotes_speech("“We will appeal,” the club said on Sunday."), quotes_speech("Actors in “The Crown.”")
    (True, False)
    >>> quotes_speech("„Wir bleiben hier“, sagte der Bürgermeister.")
    True
    """
    return _SPEECH.search(text) is not None


_LOWER_START = compile_pattern(r"(?<![\w'’-])[^\W\d_]")


def is_sentence_case(text: str, words: int | None = None) -> bool:
    """Three words or more, two of them starting in lower case: a short headline ('Otizmin
    kaynağı bulundu'), not a section label ('Committee News', 'THE WHITE HOUSE',
    'Politik und Gesellschaft'). ``words``: the text's :func:`word_count`, if known.

    >>> is_sentence_case("Otizmin kaynağı bulundu"), is_sentence_case("Politik und Gesellschaft")
    (True, False)
    """
    return (word_count(text) if words is None else words) >= 3 and sum(1 for found in _LOWER_START.finditer(text) if found.group().islower()) >= 2


def ends_question(text: str) -> bool:
    """``text`` ends with a question mark (closers after it passed over).

    >>> ends_question("Who won?”"), ends_question("Who won.")
    (True, False)
    """
    # (as the pattern "[?？][closers]*$" would answer, without scanning the whole line: the
    # closers stripped from the end, a question mark is last; $ also matches before a final
    # newline)
    if text.rstrip(_CLOSERS).endswith(_QUESTION_MARKS):
        return True
    return text.endswith("\n") and text[:-1].rstrip(_CLOSERS).endswith(_QUESTION_MARKS)


TITLE_MIN_CHARS = 12


def repeats_title(text: str, title: str, prefix: bool = False) -> bool:
    """``text`` (folded, 12 characters or more) is a part of ``title`` (folded): a line
    that repeats the headline. ``prefix``: a line that starts with the whole title
    (also 12 characters or more) repeats it too.

    >>> title = fold("Council approves budget - Town News")
    >>> repeats_title("Council approves budget", title), repeats_title("Council approves budget - Town News today", title)
    (True, False)
    >>> repeats_title("Council approves budget - Town News today", title, prefix=True)
    True
    """
    key = fold(text)
    return len(key) >= TITLE_MIN_CHARS and (
        key in title or (prefix and len(title) >= TITLE_MIN_CHARS and key.startswith(title)))


_MIN_NEAR_TITLE_WORDS = 4


def nearly_repeats_title(text: str, title_words: list[str]) -> bool:
    """Every word of ``text`` but one is a word of the title, in the title's order, and the
    line has four words or more: the headline with a word added or changed ("Skyrim
    (Skyrim) run speed" under the title "Skyrim run speed"), which an exact match misses.
    Words are :func:`words` ``plain``, casefolded.

    >>> nearly_repeats_title("Design Week | Michael Lee’s lamps for Flos", "design week lee s lamps for flos site".split())
    True
    >>> nearly_repeats_title("Design Week | Flos pays tribute to Castiglioni", "design week lee s lamps for flos site".split())
    False
    """
    found = words(text.casefold(), plain=True)
    if len(found) < _MIN_NEAR_TITLE_WORDS:
        return False
    from difflib import SequenceMatcher  # (rarely needed: not imported at start-up)

    matched = sum(block.size for block in SequenceMatcher(None, found, title_words, autojunk=False).get_matching_blocks())
    return matched >= len(found) - 1


_CAPITALIZED = compile_pattern(r"[^\W\d_]{4,}")


def is_headline_like(text: str, min_share: float) -> bool:
    """No sentence end, and most words of four letters or more start with a capital.

    >>> is_headline_like("- 11 Fascinating Facts About Our Milky Way Galaxy", 0.7)
    True
    >>> is_headline_like("- the committee meets again in March", 0.7)
    False
    """
    if ends_sentence(text):
        return False
    found = _CAPITALIZED.findall(text)
    return bool(found) and sum(w[0].isupper() for w in found) >= min_share * len(found)


def is_label(line: Line, max_words: int) -> bool:
    """A short label: a kept line of a few words, no sentence punctuation at its end, not
    guarded, and none of the separators of data and code (a CSV row, a path, ``key=value``).

    >>> from cleaner.document import Line
    >>> is_label(Line(1, "Sport"), 2), is_label(Line(1, "Sport results:"), 2), is_label(Line(1, "a,b"), 2)
    (True, False, False)
    """
    if line.words > max_words or line.guarded or not line.is_kept:
        return False  # (the quick tests first: most lines are longer)
    text = line.text
    if text.replace(" ", "").isalnum():
        return True  # (letters, digits and spaces only: no sentence end, no separator)
    return (text[-1:] not in _MAY_END or not ends_sentence(text)) and DATA_CHARS.search(text) is None


PROSE_WORDS = 12  # a line of article prose


def is_prose(line: Line, min_words: int = PROSE_WORDS, guarded: bool = False, sentence: bool = False) -> bool:
    """A kept line of ``min_words`` words or more, not guarded: a paragraph of the story.
    ``guarded``: a guarded line counts too. ``sentence``: it must also end like a sentence
    (a question mark and a trailing smiley allowed).

    >>> from cleaner.document import Line
    >>> line = Line(1, "The council approved the budget on Monday after a long debate about the schools")
    >>> is_prose(line), is_prose(line, sentence=True), is_prose(Line(1, line.text + "?"), sentence=True)
    (True, False, True)
    """
    return (line.is_kept and (guarded or not line.guarded) and line.words >= min_words
            and (not sentence or ends_sentence(line.text, question=True, emoji=True)))


def story_beside(lines: list[Line], apart: set[int] | frozenset[int] = frozenset()) -> bool:
    """A paragraph of prose (:func:`is_prose`, ending like a sentence) among ``lines``,
    outside the indexes ``apart``: the story a gallery or a set of captions stands beside.
    Without one, the gallery or the captions are the story (a photo essay).

    >>> from cleaner.document import Line
    >>> caption = Line(1, "Rescuers carry a child from the flooded village on Monday, the agency said.")
    >>> story_beside([caption]), story_beside([caption], apart={0})
    (True, False)
    """
    return any(i not in apart and is_prose(line, sentence=True) for i, line in enumerate(lines))


TITLE_MAX_WORDS = 30


def is_title_like(line: Line) -> bool:
    """Three to thirty words and no sentence end (a question mark ends one): a title.

    >>> from cleaner.document import Line
    >>> is_title_like(Line(1, "Council approves budget")), is_title_like(Line(1, "Who approved it?"))
    (True, False)
    """
    return 3 <= line.words <= TITLE_MAX_WORDS and not ends_sentence(line.text, question=True, emoji=True)


_MAX_LABEL_WORDS = 2  # a subheading's label: 'TikTok', 'Яндекс Дзен'; a share bar's row of names is longer


def text_neighbour(lines: list[Line], i: int, step: int) -> int | None:
    """The index of the nearest non-blank line before (``step`` -1) or after (1) ``i``,
    kept or not: a line another rule dropped ('Assine a nossa newsletter' under a tag
    block) parts a list from the text beyond it.

    >>> from cleaner.document import Document
    >>> lines = Document.from_lines(["Menu", "", "Story"]).lines
    >>> text_neighbour(lines, 0, 1), text_neighbour(lines, 0, -1)
    (2, None)
    """
    j = i + step
    while 0 <= j < len(lines) and lines[j].is_blank:
        j += step
    return j if 0 <= j < len(lines) else None


def heads_paragraph(lines: list[Line], i: int) -> bool:
    """The ``i``-th line (of one or two words) is a subheading of the story: the line above
    it (blank ones passed over) was dropped by no rule, and the next one is a paragraph of
    prose that names it as written, at the start of a word. A share bar's name has another
    of the bar's lines beside it, or a paragraph below that is about something else.

    >>> doc = ["Both apps lost users last year, the survey found, and most of them were young.",
    ...        "TikTok", "TikTok said on Monday that it would appeal the ruling in the courts."]
    >>> from cleaner.document import Line
    >>> lines = [Line(n, text) for n, text in enumerate(doc)]
    >>> heads_paragraph(lines, 1)
    True
    >>> lines[0].action = "drop"  # (the line above went: a share bar's other name)
    >>> heads_paragraph(lines, 1)
    False
    >>> heads_paragraph([Line(0, "Facebook"), Line(1, "The council approved the budget on Monday after a long debate.")], 0)
    False
    """
    label = lines[i].text.strip()
    if not label or len(label.split()) > _MAX_LABEL_WORDS:
        return False
    above, below = text_neighbour(lines, i, -1), text_neighbour(lines, i, 1)
    if above is not None and not lines[above].is_kept:
        return False
    return below is not None and is_prose(lines[below], sentence=True) and _names(lines[below].text, label)


def _names(text: str, label: str) -> bool:
    """``label`` occurs in ``text`` as written, at the start of a word ('페이스북' in '페이스북은').

    >>> _names("TikTok's owner said on Monday", "TikTok"), _names("the tiktok ban", "TikTok"), _names("ReTikTok", "TikTok")
    (True, False, False)
    """
    start = text.find(label)
    while start >= 0:
        if start == 0 or not text[start - 1].isalnum():
            return True
        start = text.find(label, start + 1)
    return False

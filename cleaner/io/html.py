"""HTML input: find the article with trafilatura, then the rule pipeline cleans its text.

trafilatura and beautifulsoup4 are imported only when a document is HTML, and installed
only with the ``html`` extra (``pip install 'newsnoise[html]'``).

>>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
True
>>> looks_like_html("Prices rose <5% in May, the <b>bureau</b> said.")
False
"""
from __future__ import annotations

import re

from ..cache import compile_pattern

_HTML_START = compile_pattern(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)
_TAG = compile_pattern(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|body|head|script|meta|table)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """An HTML page: it starts like one, or tags make up a large share of its first 5 KB."""
    if _HTML_START.match(text):
        return True
    head = text[:5000]
    return len(_TAG.findall(head)) >= 10 and sum(len(t) for t in _TAG.findall(head)) > 0.2 * len(head)


HTML_EXTRA = "newsnoise[html]"


class ExtractionError(ValueError):
    """The extractor failed on a page; the caller adds the file (and line) to the message."""


def html_to_text(html: str) -> str:
    """The main text of an HTML page, one paragraph per line.

    trafilatura finds the article (tables and comments kept, as the rules decide about
    them); if it finds nothing, beautifulsoup4 gives the page's visible text. Whatever
    either raises on a page (odd markup, nesting too deep) is an :class:`ExtractionError`
    about that page only.
    """
    try:
        import trafilatura
        from bs4 import BeautifulSoup
    except ImportError:
        raise ExtractionError(f"HTML input needs trafilatura and beautifulsoup4: pip install '{HTML_EXTRA}'") from None
    try:
        text = trafilatura.extract(html, include_comments=True, include_tables=True, favor_precision=True,
                                   deduplicate=False)
        if text:
            return text
        soup = BeautifulSoup(html, "html.parser")
        for element in soup(["script", "style", "noscript", "template"]):
            element.decompose()
        return soup.get_text("\n")
    except Exception as err:  # a third-party parser on hostile input: any exception is about the page
        raise ExtractionError(f"the HTML extractor failed ({type(err).__name__}: {err})") from None

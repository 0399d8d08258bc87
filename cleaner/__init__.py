"""cleaner: strip boilerplate and noise from scraped news text, line by line, with reasons.

>>> from cleaner import clean, clean_and_explain
>>> clean("Putin to visit Pyongyang\\nShare this article\\nMoscow said on Monday...\\n")
'Putin to visit Pyongyang\\nMoscow said on Monday...\\n'
>>> text, trace = clean_and_explain("Advertisement\\nBody.\\n")
>>> [(v.number, v.rule) for v in trace if v.dropped]
[(1, 'ads/advertisement-label')]
"""
from __future__ import annotations

from .config import Config
from .document import Verdict
from .pipeline import Cleaner, Result

__all__ = ["clean", "clean_and_explain", "Cleaner", "Config", "Result", "Verdict", "__version__"]
__version__ = "0.1.0"


def clean(text: str, config: Config | None = None) -> str:
    """Return ``text`` with its noise lines removed and normalized (see POLICY)."""
    return Cleaner(config or Config()).clean(text)


def clean_and_explain(text: str, config: Config | None = None) -> tuple[str, list[Verdict]]:
    """Return the cleaned text and the trace: one :class:`Verdict` per normalized input line."""
    result = Cleaner(config or Config()).run(text)
    return result.text, list(result.trace)

"""cleaner: strip boilerplate and noise from scraped news text, line by line, with reasons.

>>> from cleaner import clean, clean_and_explain
>>> clean("Putin to visit Pyongyang\\nShare this article\\nMoscow said on Monday...\\n")
'Putin to visit Pyongyang\\nMoscow said on Monday...\\n'
>>> text, trace = clean_and_explain("Advertisement\\nBody.\\n")
>>> [(v.number, v.rule) for v in trace if v.dropped]
[(1, 'ads/advertisement-label')]
>>> clean("Advertisement\\nBody.\\n", select=("captions",))
'Advertisement\\nBody.\\n'
"""
from __future__ import annotations

from .config import Config
from .document import Verdict
from .pipeline import Cleaner, Result

__all__ = ["clean", "clean_and_explain", "Cleaner", "Config", "Result", "Verdict", "__version__"]
__version__ = "0.1.0"


def clean(text: str, config: Config | None = None, *, select=None, ignore=None, rules=None,
          mode: str | None = None, site: str | None = None) -> str:
    """Return ``text`` with its noise lines removed and normalized (see POLICY).

    Give either ``config`` or the keyword options: ``select`` and ``ignore`` (rule ids or
    categories, a tuple or one comma-separated string), ``rules`` (extra rule folders),
    ``mode`` (``article``, ``page``, ``auto``). ``site`` (the host the text comes from: the
    rules learned for it also run) goes with either.
    """
    return _cleaner(config, select, ignore, rules, mode).clean(text, site)


def clean_and_explain(text: str, config: Config | None = None, *, select=None, ignore=None, rules=None,
                      mode: str | None = None, site: str | None = None) -> tuple[str, list[Verdict]]:
    """Return the cleaned text and the trace: one :class:`Verdict` per normalized input line.
    Options as for :func:`clean`."""
    result = _cleaner(config, select, ignore, rules, mode).run(text, site)
    return result.text, list(result.trace)


def _cleaner(config, select, ignore, rules, mode) -> Cleaner:
    options = {"select": select, "ignore": ignore, "rule_dirs": rules, "mode": mode}
    options = {k: v for k, v in options.items() if v is not None}
    if config is not None and options:
        raise TypeError("pass config= or keyword options (select, ignore, rules, mode), not both")
    for key in ("select", "ignore", "rule_dirs"):
        if isinstance(options.get(key), str):
            options[key] = tuple(n.strip() for n in options[key].split(",") if n.strip()) \
                if key != "rule_dirs" else (options[key],)
        elif key in options:
            options[key] = tuple(options[key])
    return Cleaner(config or Config(**options))

"""The one configuration object of a cleaning run.

>>> Config(ignore=("captions",)).ignore
('captions',)
>>> Config(select="ads")
Traceback (most recent call last):
...
TypeError: Config.select must be a tuple of rule ids or categories, not str
"""
from __future__ import annotations

from collections import namedtuple

MODES = ("article", "page", "auto")

_Fields = namedtuple("Config", "select ignore rule_dirs builtin mode", defaults=((), (), (), True, "article"))


class Config(_Fields):
    """How to clean; frozen, hashable, picklable, the same for every document of a run.

    select:    rule ids (``ads/advertisement-label``) or id prefixes (``ads``) to run;
               empty means every rule.
    ignore:    rule ids or prefixes not to run (applied after ``select``).
    rule_dirs: extra folders of rule files (``*.toml`` in category subfolders), loaded
               after the built-in catalogue; an id that repeats a built-in one replaces it.
    builtin:   load the built-in catalogue (``False``: only ``rule_dirs``).
    mode:      ``article`` (extractor output, the default), ``page`` (a full-page text dump:
               the page rules also run and keep only the article region) or ``auto``
               (page rules run on documents that look like full-page dumps).
    """

    __slots__ = ()  # (a named tuple, not a dataclass: importing dataclasses costs start-up time)

    def __new__(cls, *args, **kwargs) -> "Config":
        self = super().__new__(cls, *args, **kwargs)
        self._check()
        return self

    def _replace(self, **changes) -> "Config":
        """A copy with ``changes``, validated like a new config.

        >>> Config()._replace(mode="pages")
        Traceback (most recent call last):
        ...
        ValueError: Config.mode must be one of article, page, auto, not 'pages'
        """
        replaced = super()._replace(**changes)
        replaced._check()
        return replaced

    def _check(self) -> None:
        for name in ("select", "ignore", "rule_dirs"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
                raise TypeError(
                    f"Config.{name} must be a tuple of rule ids or categories, not {type(value).__name__}"
                    if name != "rule_dirs"
                    else f"Config.rule_dirs must be a tuple of folder paths, not {type(value).__name__}"
                )
        if self.mode not in MODES:
            raise ValueError(f"Config.mode must be one of {', '.join(MODES)}, not {self.mode!r}")

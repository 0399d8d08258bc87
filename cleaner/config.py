"""The one configuration object of a cleaning run.

>>> Config(ignore=("captions",)).ignore
('captions',)
>>> Config(select="ads")
Traceback (most recent call last):
...
TypeError: Config.select must be a tuple of rule ids or categories, not str
"""
from __future__ import annotations

from dataclasses import dataclass

MODES = ("article", "page", "auto")


@dataclass(frozen=True)
class Config:
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

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    builtin: bool = True
    mode: str = "article"

    def __post_init__(self) -> None:
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

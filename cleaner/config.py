"""The one configuration object of a cleaning run.

>>> Config(ignore=("captions",)).ignore
('captions',)
>>> Config(select="ads")
Traceback (most recent call last):
...
TypeError: Config.select must be a tuple of rule ids or categories, not str
"""
from __future__ import annotations

import os
import re
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


# --- [tool.cleaner] in pyproject.toml --------------------------------------------------

SETTINGS = {"select": "ids", "ignore": "ids", "rules": "folders", "mode": "mode", "exclude": "globs",
            "site": "host"}


class ConfigError(ValueError):
    """A bad ``[tool.cleaner]`` table; the message names the file and the key."""


def find_pyproject(start: str = ".") -> str | None:
    """The nearest ``pyproject.toml`` holding a ``[tool.cleaner]`` table, from ``start`` up
    (as ruff looks for its own table), or ``None``.

    >>> find_pyproject("/") is None or find_pyproject("/").endswith("pyproject.toml")
    True
    """
    folder = os.path.abspath(start)
    while True:
        path = os.path.join(folder, "pyproject.toml")
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            data = b""
        if data and _TABLE.search(data):  # a text test first: most runs need no TOML parser
            import tomllib

            try:
                tool = tomllib.loads(data.decode("utf-8")).get("tool", {})
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                return path  # named, so that load_project_settings reports what is wrong
            if isinstance(tool, dict) and "cleaner" in tool:
                return path
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


# [tool.cleaner], [tool.cleaner.x], tool.cleaner = ..., or a [tool] table with a cleaner key
_TABLE = re.compile(rb"(?m)^[ \t]*\[?[ \t]*tool[ \t]*\.[ \t]*[\"']?cleaner\b|^[ \t]*[\"']?cleaner[\"']?[ \t]*=")


def load_project_settings(path: str) -> dict:
    """The settings of ``[tool.cleaner]`` in ``path``, checked: ``select``, ``ignore``
    (lists of rule ids or categories), ``rules`` (folders, relative to the file),
    ``mode``, ``exclude`` (globs for folder walks) and ``site``.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = open(os.path.join(folder, "pyproject.toml"), "w").write('[tool.cleaner]\\nignore = ["captions"]\\n')
    >>> load_project_settings(os.path.join(folder, "pyproject.toml"))
    {'ignore': ('captions',)}
    """
    import tomllib

    shown = os.path.relpath(path)
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("cleaner", {})
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{shown}: not valid TOML ({err})") from None
    except OSError as err:
        raise ConfigError(f"{shown}: cannot read: {err.strerror}") from None
    where = f"{shown}: [tool.cleaner]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    settings: dict = {}
    for key, value in table.items():
        kind = SETTINGS.get(key)
        if kind is None:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(SETTINGS)})")
        if kind in ("ids", "folders", "globs"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {key} must be a list of strings")
            if kind == "folders":
                value = [os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), v)) for v in value]
            elif kind == "ids":
                value = [n.strip() for v in value for n in v.split(",") if n.strip()]
            settings[key] = tuple(value)
        elif kind == "mode" and value not in MODES:
            raise ConfigError(f"{where}: mode must be one of {', '.join(MODES)}, not {value!r}")
        elif not isinstance(value, str):
            raise ConfigError(f"{where}: {key} must be a string")
        else:
            settings[key] = value
    return settings

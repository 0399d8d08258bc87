"""Load, validate and select the rule files (``rules/<category>/<id>.toml``).

A rule is data: it names one of the kinds in :mod:`cleaner.kinds` and supplies patterns.
Any mistake in a rule file is a :class:`RuleError` naming the file and the key.

>>> rules = load_rules()
>>> rule = next(r for r in rules if r.full_id == "ads/advertisement-label")
>>> rule.kind, bool(rule.matches("Advertisement"))
('line', True)
"""
from __future__ import annotations

import os
import re
from functools import cached_property, lru_cache

from . import cache
from .config import Config
from .kinds import KINDS
from .patterns import LineMatcher, compile_joined, lowered
from .text import fold_spaces

# The POLICY.md categories in the order their context-free rules run, then the guards.
CATEGORIES = (
    "debris", "ads", "share", "comments", "captions", "navigation", "related", "footer",
    "duplicates", "site", "page", "guards",
)

# Keys every rule may have (a kind's parameters: see :mod:`cleaner.kinds`).
_KEYS = {"id", "category", "kind", "summary", "description", "patterns", "items", "case_sensitive",
         "params", "examples", "requires", "exceptions", "formerly", "sites", "lines"}
_REQUIRED = ("id", "category", "kind", "summary")
_EXAMPLE_KEYS = {"drop", "keep", "todo_drop", "todo_keep", "cases"}
_CASE_KEYS = {"lines", "todo", "name", "reason"}


class RuleError(ValueError):
    """A rule file is invalid; the message names the file and the key."""


class RuleWarning(UserWarning):
    """Rules load, but not as the user probably meant (an empty folder, a renamed id)."""


def builtin_rules_dir() -> str:
    """The catalogue: ``cleaner/rules`` in a wheel, the repository's ``rules/`` in a checkout.
    (Paths are strings here: importing pathlib costs start-up time.)"""
    package = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(package, "rules")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.realpath(package)), "rules")


class Rule:
    """One compiled rule. ``full_id`` is ``category/id``, the name every verdict carries.

    ``requires`` is a speed hint: the line (lowercased) holds one of these strings.
    ``matcher`` is :attr:`regex`, regrouped for speed. Rules are shared by every document
    and never changed after loading.
    """

    def __init__(self, id: str, category: str, kind: str, summary: str, path: str, description: str = "",
                 patterns: tuple[str, ...] = (), case_sensitive: bool = False, params: dict | None = None,
                 examples: dict | None = None, items: re.Pattern | None = None, requires: tuple[str, ...] = (),
                 matcher: LineMatcher | None = None, exceptions: re.Pattern | None = None,
                 formerly: tuple[str, ...] = (), sites: tuple[str, ...] = (),
                 lines: dict[str, int] | None = None) -> None:
        self.id, self.category, self.kind, self.summary, self.path = id, category, kind, summary, path
        self.description, self.patterns, self.case_sensitive = description, patterns, case_sensitive
        self.params = {} if params is None else params
        self.examples = {} if examples is None else examples
        self.items, self.requires, self.matcher = items, requires, matcher
        self.exceptions, self.formerly = exceptions, formerly
        self.sites = sites  # empty: every document; else only documents of these sites
        self.lines = {} if lines is None else lines  # exact lines (line kind), with document counts
        self.full_id = f"{category}/{id}"  # (an attribute: the checks compare it on every line)

    def __repr__(self) -> str:
        return f"Rule({self.full_id!r}, kind={self.kind!r}, path={self.path!r})"

    def _data(self) -> tuple:
        return (self.id, self.category, self.kind, self.summary, self.path, self.description, self.patterns,
                self.case_sensitive, self.params, self.examples, self.requires,
                self.exceptions and self.exceptions.pattern, self.formerly, self.sites, self.lines)

    def __eq__(self, other) -> bool:
        """Rules are equal when read from the same file with the same content."""
        return isinstance(other, Rule) and self._data() == other._data()

    def __hash__(self) -> int:
        return hash((self.path, self.patterns))

    @cached_property
    def regex(self) -> re.Pattern | None:
        """All patterns joined into one regex: the reference the fast :attr:`matcher` agrees
        with (compiled on first use; the patterns were checked when the rule was loaded)."""
        return compile_joined(self.patterns, self.flags)

    @property
    def flags(self) -> int:
        return 0 if self.case_sensitive else re.IGNORECASE

    def matches(self, text: str, lower: str | None = "") -> bool:
        """Whole-line match (line, guard, span and zone kinds), match at the start (teaser)
        or search (contains, debris). ``lower`` may pass ``patterns.lowered(text)``.

        ``requires`` is checked first: a line holding none of its strings cannot match.
        A line in which one of the rule's ``exceptions`` occurs never matches.

        >>> rule = Rule("x", "ads", "line", "", "x.toml", matcher=LineMatcher(("ad",), 2, "fullmatch"),
        ...             exceptions=re.compile("AD", re.I))
        >>> rule.matches("ad")
        False
        """
        if self.lines and fold_spaces(text.strip()) in self.lines:
            return self.exceptions is None or self.exceptions.search(text) is None
        if self.matcher is None:
            return False
        if self.requires:
            if lower == "":
                lower = lowered(text)
            folded = text.lower() if lower is None else lower
            if not any(s in folded for s in self.requires):
                return False
        return self.matcher(text, lower) and (self.exceptions is None or self.exceptions.search(text) is None)

    def param(self, name: str):
        return self.params[name]


def _fail(path: str, key: str, problem: str) -> RuleError:
    return RuleError(f"{path}: {key}: {problem}")


def _str_list(path: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, key, "must be a list of strings")
    return tuple(value)


def parse_rule(path: str, data: dict, category_dir: str) -> Rule:
    """Validate one parsed rule file and compile its patterns."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _fail(path, unknown[0], f"unknown key (allowed: {', '.join(sorted(_KEYS))})")
    for key in _REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise _fail(path, key, "required, a non-empty string")
    rule_id, category, kind = data["id"], data["category"], data["kind"]
    stem = os.path.splitext(os.path.basename(path))[0]
    if rule_id != stem:
        raise _fail(path, "id", f"{rule_id!r} must equal the file name {stem!r}")
    if category not in CATEGORIES:
        raise _fail(path, "category", f"{category!r} is not one of {', '.join(CATEGORIES)}")
    if category != category_dir:
        raise _fail(path, "category", f"{category!r} must equal the folder {category_dir!r}")
    if kind not in KINDS:
        raise _fail(path, "kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    spec = KINDS[kind]
    patterns = _str_list(path, "patterns", data.get("patterns", []))
    lines = _exact_lines(path, data.get("lines", []))
    if lines and kind != "line":
        raise _fail(path, "lines", "only line rules list exact lines")
    if not patterns and not lines and spec.needs_patterns:
        raise _fail(path, "patterns", f"a {kind} rule needs at least one pattern" + " or line" * (kind == "line"))
    case_sensitive = data.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise _fail(path, "case_sensitive", "must be true or false")
    params = spec.defaults()
    given = data.get("params", {})
    if not isinstance(given, dict):
        raise _fail(path, "params", "must be a table")
    for name, value in given.items():
        if name not in params:
            allowed = ", ".join(params) or "none"
            raise _fail(path, f"params.{name}", f"unknown for kind {kind} (allowed: {allowed})")
        if type(value) is not type(params[name]):
            raise _fail(path, f"params.{name}", f"must be {type(params[name]).__name__}")
        choices = spec.params[name].choices
        if choices and value not in choices:
            raise _fail(path, f"params.{name}", f"must be {' or '.join(map(repr, choices))}")
        params[name] = value
    examples = data.get("examples", {})
    if not isinstance(examples, dict):
        raise _fail(path, "examples", "must be a table")
    for name, value in examples.items():
        if name not in _EXAMPLE_KEYS:
            raise _fail(path, f"examples.{name}", f"unknown (allowed: {', '.join(sorted(_EXAMPLE_KEYS))})")
        if name == "cases":
            _check_cases(path, value)
        else:
            _str_list(path, f"examples.{name}", value)
    requires = tuple(s.lower() for s in _str_list(path, "requires", data.get("requires", [])))
    items = _str_list(path, "items", data.get("items", []))
    if items and not spec.items:
        with_items = " and ".join(name for name, k in KINDS.items() if k.items)
        raise _fail(path, "items", f"only {with_items} rules have item patterns")
    flags = 0 if case_sensitive else re.IGNORECASE
    exceptions = _str_list(path, "exceptions", data.get("exceptions", []))
    formerly = _str_list(path, "formerly", data.get("formerly", []))
    sites = tuple(site_key(s) for s in _str_list(path, "sites", data.get("sites", [])))
    for i, old in enumerate(formerly):
        if old.count("/") != 1:
            raise _fail(path, f"formerly[{i}]", f"{old!r} must be a full rule id, category/id")
    matcher = _compile(path, "patterns", patterns, flags, lambda: LineMatcher(patterns, flags, spec.match))
    return Rule(
        id=rule_id, category=category, kind=kind, summary=data["summary"].strip(), path=str(path),
        description=data.get("description", "").strip(), patterns=patterns,
        case_sensitive=case_sensitive, params=params, examples=examples,
        items=_compile(path, "items", items, flags), requires=requires, matcher=matcher,
        exceptions=_compile(path, "exceptions", exceptions, flags), formerly=formerly, sites=sites, lines=lines,
    )


def _exact_lines(path: str, value) -> dict[str, int]:
    """``lines``: exact lines, as strings or as tables ``{text = "...", docs = N}`` (what
    ``clean learn`` writes: N is how many of the site's documents held the line; 0 unknown)."""
    if not isinstance(value, list):
        raise _fail(path, "lines", "must be a list of strings or of {text, docs} tables")
    lines = {}
    for i, item in enumerate(value):
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or set(item) - {"text", "docs"} \
                or not isinstance(item.get("docs", 0), int):
            raise _fail(path, f"lines[{i}]", "must be a string or a {text = str, docs = int} table")
        if not item["text"].strip():
            raise _fail(path, f"lines[{i}]", "an empty line would match every blank line")
        key = fold_spaces(item["text"].strip())  # (a space more or less matches alike)
        lines[key] = max(lines.get(key, 0), item.get("docs", 0))
    return lines


def site_key(site: str | None) -> str:
    """A site as rules name it: lower case, no scheme, no ``www.``, no trailing slash.

    >>> site_key("https://WWW.Example.com/news/"), site_key("news.livedoor.com/topics")
    ('example.com/news', 'news.livedoor.com/topics')
    """
    if not site:
        return ""
    site = site.strip().lower().split("://", 1)[-1].rstrip("/")
    return site[4:] if site.startswith("www.") else site


def for_site(rule: Rule, site: str) -> bool:
    """Does a site-scoped rule apply to a document of ``site`` (a :func:`site_key`)? The same
    site, a subdomain of it, or a path under it.

    >>> rule = Rule("x", "site", "line", "", "x.toml", sites=("example.com",))
    >>> [for_site(rule, s) for s in ("example.com", "news.example.com", "example.com/a", "badexample.com")]
    [True, True, True, False]
    """
    return any(site == s or site.endswith("." + s) or site.startswith(s + "/") for s in rule.sites)


def _compile(path: str, key: str, patterns: tuple[str, ...], flags: int, build=None):
    """Compile the patterns (joined, or with ``build``); if that fails, compile each alone
    to name the bad one (compiling is the larger part of start-up, so it is done once when
    all is well)."""
    for i, pattern in enumerate(patterns):
        if "(?P<" in pattern:
            raise _fail(path, f"{key}[{i}]", "named groups are reserved; use (?:...)")
    if not patterns:
        return None
    try:
        return build() if build else compile_joined(patterns, flags)
    except re.error:
        for i, pattern in enumerate(patterns):
            try:
                re.compile(pattern, flags)
            except re.error as err:
                raise _fail(path, f"{key}[{i}]", f"bad regular expression: {err}") from None
        raise


def _check_cases(path: str, cases) -> None:
    if not isinstance(cases, list) or not all(isinstance(c, dict) for c in cases):
        raise _fail(path, "examples.cases", "must be an array of tables ([[examples.cases]])")
    for i, case in enumerate(cases):
        key = f"examples.cases[{i}]"
        if set(case) - _CASE_KEYS:
            raise _fail(path, key, f"allowed keys: {', '.join(sorted(_CASE_KEYS))}")
        for text_key in ("name", "reason"):
            if not isinstance(case.get(text_key, ""), str):
                raise _fail(path, f"{key}.{text_key}", "must be a string")
        lines = _str_list(path, f"{key}.lines", case.get("lines"))
        for line in lines:
            if not line.startswith(("keep: ", "drop: ", "keep:", "drop:")):
                raise _fail(path, f"{key}.lines", f"each line starts with 'keep: ' or 'drop: ', not {line!r}")


def _read_toml(path: str) -> dict:
    import tomllib  # only when a rule file is new or changed (see cleaner.cache)

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise RuleError(f"{path}: not valid TOML: {err}") from None


def load_rule_file(path) -> Rule:
    """One rule file (a path as str or path-like)."""
    path = os.fspath(path)
    try:
        data = cache.load_toml(path, _read_toml)
    except OSError as err:
        raise RuleError(f"{path}: cannot read: {err.strerror}") from None
    return parse_rule(path, data, os.path.basename(os.path.dirname(path)))


def load_dir(folder) -> list[Rule]:
    """Every ``<category>/<id>.toml`` under ``folder`` (str or path-like), in path order."""
    folder = os.path.normpath(os.fspath(folder))
    if not os.path.isdir(folder):
        raise RuleError(f"{folder}: rules folder not found")
    paths = [os.path.join(category.path, name)
             for category in os.scandir(folder) if category.is_dir()
             for name in os.listdir(category.path) if name.endswith(".toml")]
    if not paths:
        import warnings

        flat = any(name.endswith(".toml") for name in os.listdir(folder))
        hint = " (rule files go in category folders: <category>/<id>.toml)" if flat else ""
        warnings.warn(f"{folder}: no rule files found{hint}", RuleWarning, stacklevel=2)
    return [load_rule_file(p) for p in sorted(paths, key=lambda p: p.split(os.sep))]


_MEMO_SIZE = 64


def remembered(memo: dict, key: tuple, build):
    """``build()``, remembered in ``memo`` by the identity of the objects in ``key`` (a
    rules tuple, and what else the result is built from): a cleaner keeps one rules tuple
    per site, so what is built from it once serves every document, where hashing its
    hundreds of rules again would cost more than cleaning a short one. The memo holds the
    key's objects, so that their ids are not reused, and starts again after
    ``_MEMO_SIZE`` entries.

    >>> memo, rules = {}, (object(),)
    >>> remembered(memo, (rules,), list) is remembered(memo, (rules,), list), len(memo)
    (True, 1)
    """
    ids = tuple(map(id, key))
    found = memo.get(ids)
    if found is None or any(held is not given for held, given in zip(found[0], key)):
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[ids] = (key, build())
    return found[1]


def _selected(rule_id: str, names: tuple[str, ...]) -> bool:
    return any(rule_id == n or rule_id.startswith(n.rstrip("/") + "/") for n in names)


def _renamed(config: Config, rules) -> Config:
    """``config`` with each former rule id in select/ignore replaced by the rule's id now,
    and a warning that names both (ids never change meaning; a renamed id keeps working)."""
    now = {old: rule.full_id for rule in rules for old in rule.formerly}
    if not any(name in now for name in config.select + config.ignore):
        return config
    import warnings

    for name in config.select + config.ignore:
        if name in now:
            warnings.warn(f"rule {name!r} is now called {now[name]!r}; the old id still works but will go",
                          RuleWarning, stacklevel=3)
    return config._replace(select=tuple(now.get(n, n) for n in config.select),
                           ignore=tuple(now.get(n, n) for n in config.ignore))


@lru_cache(maxsize=16)
def load_rules(config: Config = Config()) -> tuple[Rule, ...]:
    """The rules a config runs, in run order (category order, then id).

    Cached per config: compiled rules are immutable and shared, never document state.
    """
    by_id: dict[str, Rule] = {}
    folders = ([builtin_rules_dir()] if config.builtin else []) + list(config.rule_dirs)
    for folder in folders:
        for rule in load_dir(folder):
            by_id[rule.full_id] = rule
    cache.save()  # parsed files and compiled patterns, for the next run's start-up
    config = _renamed(config, by_id.values())
    for name in config.select + config.ignore:
        if not any(_selected(rid, (name,)) for rid in by_id) and name.rstrip("/") not in CATEGORIES:
            raise RuleError(f"no rule or category named {name!r} (see --list-rules)")
    chosen = [
        r for r in by_id.values()
        if (not config.select or _selected(r.full_id, config.select) or r.kind == "guard")
        and not _selected(r.full_id, config.ignore)
        and (r.kind != "page" or config.mode != "article")  # page rules run in page mode only
    ]
    return tuple(sorted(chosen, key=lambda r: (CATEGORIES.index(r.category), r.id)))

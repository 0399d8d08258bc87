"""Every parameter a kind declares is read by its check: a declared parameter that nothing
reads would let a rule file set it to no effect."""
from __future__ import annotations

from cleaner import Cleaner, Config
from cleaner.io.decode import decode_bytes
from cleaner.examples import case_text
from cleaner.kinds import KINDS
from cleaner.rules import load_rules

from .conftest import golden_cases


class Reads(dict):
    """A rule's params that remember which names were read."""

    def __init__(self, data: dict, seen: set) -> None:
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, name):
        self.seen.add(name)
        return super().__getitem__(name)

    def get(self, name, default=None):
        self.seen.add(name)
        return super().get(name, default)


def test_every_declared_parameter_is_read():
    config = Config(mode="page")
    rules = load_rules(config)
    seen: dict[str, set] = {kind: set() for kind in KINDS}
    saved = [(rule, rule.params) for rule in rules]
    try:
        for rule in rules:
            rule.params = Reads(rule.params, seen[rule.kind])
        cleaner = Cleaner(config)
        for case in golden_cases():
            cleaner.run(decode_bytes((case / "input.txt").read_bytes()))
        for rule in rules:
            for case in rule.examples.get("cases", []):
                cleaner.run(case_text(case["lines"])[1])
    finally:
        for rule, params in saved:
            rule.params = params
    used = {rule.kind for rule in rules}
    unread = {kind: sorted(set(KINDS[kind].params) - seen[kind]) for kind in used if set(KINDS[kind].params) - seen[kind]}
    assert not unread, f"declared but never read: {unread}"


def test_every_declared_parameter_is_read_by_its_kind_s_code():
    """Statically, for every kind (also one no built-in rule uses yet): its module, or a
    helper module of the kinds it imports (page mode's ``page_tables``), reads each
    parameter it declares by name."""
    import importlib
    import inspect
    import re

    for name, kind in KINDS.items():
        module = inspect.getmodule(type(kind))
        source = inspect.getsource(module)
        code = source.split("params = {", 1)[0] + source.split("params = {", 1)[-1].split("\n    }", 1)[-1]
        for helper in re.findall(r"^from \.(\w+) import", source, re.M):
            if helper != "base":
                code += inspect.getsource(importlib.import_module(f"{module.__package__}.{helper}"))
        for param in kind.params:
            assert re.search(rf"""(?:param\(|\[|\.get\()["']{param}["']""", code), \
                f"{name}: parameter {param!r} is declared but its code never reads it"


def test_every_kind_has_a_rule_with_examples():
    rules = load_rules(Config(mode="page"))
    for name in KINDS:
        assert any(rule.kind == name and rule.examples for rule in rules), \
            f"kind {name!r}: no built-in rule of this kind has examples"

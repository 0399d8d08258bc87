"""Every parameter a kind declares is read by its check: a declared parameter that nothing
reads would let a rule file set it to no effect."""
from __future__ import annotations

from cleaner import Cleaner, Config
from cleaner.decode import decode_bytes
from cleaner.examples import case_text
from cleaner.rules import PARAMS, load_rules

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
    seen: dict[str, set] = {kind: set() for kind in PARAMS}
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
    unread = {kind: sorted(set(PARAMS[kind]) - seen[kind]) for kind in used if set(PARAMS[kind]) - seen[kind]}
    assert not unread, f"declared but never read: {unread}"

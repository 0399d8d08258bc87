"""Imports run one way: the edges (``cleaner.io``, the CLI) use the core, never the other
way round, and a kind imports neither the rules, the stages nor the edges (a rule arrives
as an argument; it is imported for type checking only). Read from each module's source
with ``ast``, so that a lazy import inside a function counts too."""
from __future__ import annotations

import ast

from .conftest import ROOT

PACKAGE = ROOT / "cleaner"
CORE = ("cleaner", "cleaner.config", "cleaner.document", "cleaner.text", "cleaner.rules", "cleaner.stages",
        "cleaner.pipeline", "cleaner.normalize", "cleaner.patterns", "cleaner.screen", "cleaner.cache",
        "cleaner.re_internals", "cleaner.explain", "cleaner.examples", "cleaner.docs", "cleaner.prefilter", "cleaner.atomic", "cleaner.parallel",
        "cleaner.superset", "cleaner.mojibake")
EDGES = ("cleaner.io", "cleaner.cli", "cleaner.__main__")
# Known exceptions, each a debt to pay (a stale one fails, so the list only shrinks):
KNOWN: set[tuple[str, str]] = set()


def module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path, skip_type_checking: bool = False) -> set[str]:
    """The modules a file imports (relative imports resolved); ``skip_type_checking``
    leaves out what an ``if TYPE_CHECKING:`` block imports."""
    tree = ast.parse(path.read_text("utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node) -> None:
        if skip_type_checking and isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING",
                                                                                          "typing.TYPE_CHECKING"):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module
            found.add(origin)
            found.update(f"{origin}.{alias.name}" for alias in node.names)  # (a submodule, if it is one)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def is_under(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def core_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if name in CORE or is_under(name, ("cleaner.kinds",)):
            yield name, path


def test_the_core_imports_no_edge():
    wrong = sorted((name, target) for name, path in core_files() for target in imports(path)
                   if is_under(target, EDGES) and (name, _module_of(target)) not in KNOWN)
    assert not wrong, f"core modules importing the edges: {wrong}"


def test_the_known_exceptions_still_exist():
    for name, target in KNOWN:
        path = next(path for module, path in core_files() if module == name)
        assert target in imports(path), f"{name} no longer imports {target}: remove it from KNOWN"


def test_a_kind_imports_no_rules_stages_or_edges():
    for path in sorted((PACKAGE / "kinds").glob("*.py")):
        wrong = sorted(t for t in imports(path, skip_type_checking=True)
                       if is_under(t, ("cleaner.rules", "cleaner.stages") + EDGES))
        assert not wrong, f"{module_name(path)} imports {wrong} (only under TYPE_CHECKING)"


def test_every_core_module_is_listed():
    """A new top-level module is placed on purpose: in the core or among the edges."""
    placed = set(CORE) | {"cleaner.learn", "cleaner.kinds"}
    for path in sorted(PACKAGE.glob("*.py")):
        name = module_name(path)
        assert name in placed or is_under(name, EDGES), f"{name}: add it to CORE or move it to cleaner/io"


def _module_of(target: str) -> str:
    """``cleaner.io.files.write_atomic`` -> ``cleaner.io.files`` (a name imported from a module)."""
    return target if (PACKAGE.parent / (target.replace(".", "/") + ".py")).exists() else target.rpartition(".")[0]


def test_the_import_reader_sees_lazy_and_type_checking_imports():
    source = PACKAGE / "kinds" / "span.py"
    assert "cleaner.rules" in imports(source) and "cleaner.rules" not in imports(source, skip_type_checking=True)
    assert "cleaner.parallel" in imports(PACKAGE / "pipeline.py")  # (imported inside a method)

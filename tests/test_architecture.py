"""The shape of the code: no import cycles, public core APIs, a pure core.

Read from the source with ``ast`` (nothing is imported), so an import inside a function
counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
ROOT = "reportdiff"
CORE = f"{ROOT}.core"
# The core's entry point is a module, not a package: its one public name.
CORE_ENTRY = {f"{CORE}.compare": {"compare"}}

# Cycles still being taken apart, each as the set of modules in it. This list only
# shrinks: a cycle that is gone must be struck from it, and a new one fails the test.
KNOWN_CYCLES: list[frozenset[str]] = []

# A module says one thing: at most this many lines. Modules still over it, with their
# size today; this list only shrinks, and an entry may not grow.
MAX_MODULE_LINES = 400
OVERSIZE: dict[str, int] = {}

# The core's packages in the order they build on each other: each imports only those
# before it (diff needs only text; checks read figures; figures read dates in reuse).
CORE_LAYERS = ("text", "sections", "diff", "reuse", "figures", "checks")

# What the core may not import: the UI, Word files, the archive, the process around it.
FORBIDDEN_IN_CORE = (
    "textual",
    "rich",
    "docx",
    "git",
    "os",
    "io",
    "subprocess",
    "shutil",
    "tempfile",
    "sys",
    "urllib",
    "socket",
    "sqlite3",
    "readers",
    "archive",
    "render",
    "tui",
    "cli",
)
# pathlib's pure paths only name files; these names read, write or ask the environment.
IO_CALLS = {"open", "input", "print"}
IO_ATTRIBUTES = {
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "open",
    "environ",
    "getenv",
    "Path",
    "home",
    "cwd",
    "exists",
    "iterdir",
    "glob",
    "rglob",
}


@dataclass(frozen=True)
class Import:
    importer: str
    module: str  # the module the statement names, resolved to an absolute name
    names: tuple[str, ...]  # the names taken from it (empty for ``import x``)
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, ast.Module]:
    return {
        module_name(p): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted((SRC / ROOT).rglob("*.py"))
    }


def is_package(name: str) -> bool:
    return (SRC / name.replace(".", "/") / "__init__.py").exists()


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Ids of import nodes under ``if TYPE_CHECKING:``: they never run."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return skipped


def imports(name: str) -> Iterator[Import]:
    tree = modules()[name]
    package = name if is_package(name) else name.rpartition(".")[0]
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, (), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            yield Import(name, target, tuple(a.name for a in node.names), node.lineno)


def ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def edges(name: str) -> set[str]:
    """The project modules that importing ``name`` runs: each module named, a submodule
    taken with ``from package import submodule``, and the packages above them that
    are not already running above ``name``."""
    known = modules()
    running = {name, *ancestors(name)}
    found: set[str] = set()
    for imp in imports(name):
        targets = {imp.module} | {f"{imp.module}.{n}" for n in imp.names}
        for target in targets & known.keys():
            found |= {target, *ancestors(target)} - running
    return found & known.keys()


def cycles() -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    graph = {name: sorted(edges(name)) for name in modules()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def public_names(package: str) -> set[str]:
    """The names a core package lists in ``__all__``."""
    for node in modules()[package].body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return set()


def core_packages() -> list[str]:
    return sorted(
        n for n in modules() if n.count(".") == 2 and n.startswith(f"{CORE}.") and is_package(n)
    )


def test_the_graph_sees_function_level_imports() -> None:
    # checks.document imports its checks inside a function; the graph must see that edge
    assert f"{CORE}.checks.changes" in edges(f"{CORE}.checks.document")
    # importing a submodule runs the package above it
    assert f"{CORE}.figures" in edges(f"{CORE}.compare")


def test_no_import_cycles_but_the_known_ones() -> None:
    found = set(cycles())
    new = [sorted(c) for c in found - set(KNOWN_CYCLES)]
    assert not new, f"import cycles: {new}"


def test_known_cycles_are_still_there() -> None:
    gone = [sorted(c) for c in set(KNOWN_CYCLES) - set(cycles())]
    assert not gone, f"these cycles are gone: strike them from KNOWN_CYCLES: {gone}"


def test_core_packages_build_on_the_ones_below_them() -> None:
    assert {p.rpartition(".")[2] for p in core_packages()} == set(CORE_LAYERS)
    wrong = []
    for name in modules():
        parts = name.split(".")
        if len(parts) < 4 or f"{parts[0]}.{parts[1]}" != CORE:
            continue
        below = CORE_LAYERS[: CORE_LAYERS.index(parts[2]) + 1]
        for target in edges(name):
            t = target.split(".")
            layer = t[2] if len(t) >= 3 and f"{t[0]}.{t[1]}" == CORE else None
            if layer in CORE_LAYERS and layer not in below:
                wrong.append(f"{name} -> {target}")
    assert not wrong, f"a core package reaches a layer above it: {wrong}"


def test_modules_stay_short() -> None:
    sizes = {
        module_name(p): len(p.read_text(encoding="utf-8").splitlines())
        for p in (SRC / ROOT).rglob("*.py")
    }
    long = {n: size for n, size in sizes.items() if size > OVERSIZE.get(n, MAX_MODULE_LINES)}
    assert not long, f"modules over {MAX_MODULE_LINES} lines (or grown past OVERSIZE): {long}"
    fixed = [n for n in OVERSIZE if sizes.get(n, 0) <= MAX_MODULE_LINES]
    assert not fixed, f"strike these from OVERSIZE, they are short now: {fixed}"


def test_core_packages_declare_a_public_api() -> None:
    packages = core_packages()
    assert len(packages) >= 6
    for package in packages:
        names = public_names(package)
        assert names, f"{package} has no __all__"
        assert not [n for n in names if n.startswith("_")], package
        defined = {
            a.asname or a.name
            for node in _imports_it_offers(modules()[package])
            for a in node.names
        }
        assert names <= defined, f"{package}.__all__ lists {sorted(names - defined)}"


def _imports_it_offers(tree: ast.Module) -> Iterator[ast.ImportFrom]:
    """A package's top-level imports, and, when a module ``__getattr__`` loads names on
    first use, the imports under ``if TYPE_CHECKING:`` that name them for type checkers."""
    lazy = any(isinstance(n, ast.FunctionDef) and n.name == "__getattr__" for n in tree.body)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            yield node
        elif lazy and isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for n in node.body if isinstance(n, ast.ImportFrom))


def _outside_core() -> list[str]:
    return [n for n in modules() if not (n == CORE or n.startswith(f"{CORE}."))]


@pytest.mark.parametrize("name", _outside_core())
def test_only_public_core_names_are_used_outside_the_core(name: str) -> None:
    packages = set(core_packages())
    wrong = []
    for imp in imports(name):
        if not imp.module.startswith(CORE):
            continue
        allowed = (
            public_names(imp.module)
            if imp.module in packages
            else CORE_ENTRY.get(imp.module, set())
        )
        if not imp.names or not set(imp.names) <= allowed:
            wrong.append(f"line {imp.line}: from {imp.module} import {', '.join(imp.names)}")
    assert not wrong, f"{name} reaches past the core's public API: {wrong}"


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_private_name_is_imported_from_another_package(name: str) -> None:
    home = name if is_package(name) else name.rpartition(".")[0]
    wrong = [
        f"line {imp.line}: {imp.module}.{n}"
        for imp in imports(name)
        if imp.module.startswith(ROOT)
        and not imp.module.startswith(f"{home}.")
        and imp.module != home
        for n in imp.names
        if n.startswith("_") and n != "__version__"
    ]
    assert not wrong, f"{name} imports private names: {wrong}"


@pytest.mark.parametrize("name", [n for n in modules() if n.startswith(CORE)])
def test_the_core_does_no_io(name: str) -> None:
    core_root = f"{ROOT}."
    for imp in imports(name):
        top = (
            imp.module.removeprefix(core_root).split(".")[0]
            if imp.module.startswith(core_root)
            else imp.module.split(".")[0]
        )
        assert top not in FORBIDDEN_IN_CORE, f"{name}:{imp.line} imports {imp.module}"
        if imp.module == "pathlib":
            assert set(imp.names) <= {"PurePath", "PurePosixPath", "PureWindowsPath"}, name
    for node in ast.walk(modules()[name]):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in IO_CALLS, f"{name}:{node.lineno} calls {node.func.id}"
        if isinstance(node, ast.Attribute):
            assert node.attr not in IO_ATTRIBUTES, f"{name}:{node.lineno} uses .{node.attr}"


def test_every_name_a_core_package_lists_is_there_when_asked_for() -> None:
    import importlib

    for package in core_packages():
        module = importlib.import_module(package)
        missing = [n for n in public_names(package) if not hasattr(module, n)]
        assert not missing, f"{package} lists {missing} but gives none"

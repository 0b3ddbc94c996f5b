"""Server packages import in one direction: no two of them import each other, and no longer
circle either. Every import counts, also one inside a function (it is a circle all the same,
only deferred). docs/architecture.md draws the layers this keeps."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SERVER = Path(__file__).resolve().parents[2] / "server"
# The domain packages, lowest first, as docs/architecture.md draws them: each imports only
# those below it (and the shared modules: db, errors, fields, hooks, scopes…). Above them all:
# app.py, cli.py, demo.py, wsgi.py, models.py, rules_export.py.
LAYERS = ["mailqueue", "accounts", "networks", "files", "forum", "library", "notifications", "org", "meetings",
          "surveys",
          "docs", "reports", "plans", "privacy", "search", "syncing", "openapi"]

Graph = dict[str, dict[str, list[str]]]  # unit -> unit it imports -> where ("forum/posts.py:14")


def _unit(dotted: str) -> str | None:
    """`server.forum.posts` -> `forum`: a package or a top-level module of server/."""
    parts = dotted.split(".")
    if parts[0] != "server" or len(parts) < 2:
        return None
    name = parts[1]
    return name if (SERVER / name).is_dir() or (SERVER / f"{name}.py").is_file() else None


def _imported(node: ast.AST, module: list[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = ".".join(module[: len(module) - node.level] + ([node.module] if node.module else [])) \
            if node.level else node.module or ""
        # `from server import mail` names a module; `from server.forum import posts` its package.
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    return []


def import_graph() -> Graph:
    graph: Graph = defaultdict(lambda: defaultdict(list))
    for path in sorted(SERVER.rglob("*.py")):
        relative = path.relative_to(SERVER.parent)
        package = list(relative.parent.parts)  # what a relative import starts from
        own = _unit(".".join(relative.with_suffix("").parts))
        if own is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for dotted in _imported(node, package):
                other = _unit(dotted)
                if other and other != own:
                    graph[own][other].append(f"{path.relative_to(SERVER)}:{node.lineno}")
    return graph


def two_way_pairs(graph: Graph) -> list[str]:
    return [
        f"{a} <-> {b}: {a} imports {b} at {', '.join(sorted(set(graph[a][b])))}; "
        f"{b} imports {a} at {', '.join(sorted(set(graph[b][a])))}"
        for a in sorted(graph) for b in sorted(graph[a]) if a < b and a in graph.get(b, {})
    ]


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected groups of more than one unit (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        for other in graph.get(unit, {}):
            if other not in index:
                visit(other)
                low[unit] = min(low[unit], low[other])
            elif other in stack:
                low[unit] = min(low[unit], index[other])
        if low[unit] == index[unit]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == unit:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for unit in sorted(graph):
        if unit not in index:
            visit(unit)
    return sorted(found)


def test_the_scan_sees_imports_inside_functions():
    # app.py imports every blueprint inside create_app: the scan must count those.
    assert "search" in import_graph()["app"]


def test_no_two_server_packages_import_each_other():
    pairs = two_way_pairs(import_graph())
    assert not pairs, f"{len(pairs)} two-way imports:\n" + "\n".join(pairs)


def test_server_packages_import_in_no_circle():
    circles = cycles(import_graph())
    assert not circles, "packages that reach one another in a circle: " + "; ".join(", ".join(c) for c in circles)


def test_domain_packages_import_only_those_below_them():
    graph = import_graph()
    upward = [
        f"{low} imports {high} at {', '.join(sorted(set(graph[low][high])))}"
        for low in LAYERS for high in graph.get(low, {})
        if high in LAYERS and LAYERS.index(high) > LAYERS.index(low)
    ]
    assert not upward, "imports up the layers of docs/architecture.md:\n" + "\n".join(upward)


def test_every_package_has_its_layer():
    packages = {p.name for p in SERVER.iterdir() if (p / "__init__.py").is_file()}
    assert packages - {"migrations"} == set(LAYERS)

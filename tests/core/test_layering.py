"""The import graph of portal/: imports point down (ground -> content apps -> features) and
never in a circle. CONTRIBUTING.md gives the rules and the reason for each."""

import ast
from pathlib import Path

from django.conf import settings

PORTAL = Path(settings.BASE_DIR) / "portal"

GROUND = {"core"}
# Content truth that readers' pages render; they stand on core (guides may use directory).
CONTENT = {"guides", "directory", "facts", "glossary"}
# Capabilities built on the content; they may use each other, never in a circle.
FEATURES = {
    "translations",
    "search",
    "desk",
    "insights",
    "pagecache",
    "accounts",
    "resilience",
    "backup",
    "offline",
    "terminology",
}


def apps():
    return sorted(path.parent.name for path in PORTAL.glob("*/apps.py"))


def imported_modules(path):
    """Absolute names of the modules `path` imports (relative imports resolved)."""
    package = ".".join(path.relative_to(PORTAL.parent).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def import_graph():
    """{app: {apps it imports}} for the apps under portal/."""
    known = set(apps())
    graph = {app: set() for app in known}
    for app in known:
        for path in (PORTAL / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # migrations name other apps' migrations, which is not a use
            for module in imported_modules(path):
                parts = module.split(".")
                if len(parts) > 1 and parts[0] == "portal" and parts[1] in known - {app}:
                    graph[app].add(parts[1])
    return graph


def test_every_app_has_a_layer():
    unknown = set(apps()) - GROUND - CONTENT - FEATURES
    assert not unknown, "add the new app to a layer here and in CONTRIBUTING.md"


def test_the_ground_imports_no_app():
    graph = import_graph()
    assert {app: graph[app] for app in GROUND if graph[app]} == {}


def test_content_apps_import_no_feature():
    graph = import_graph()
    upward = {app: graph[app] & FEATURES for app in CONTENT if app in graph}
    assert {app: found for app, found in upward.items() if found} == {}


def test_there_is_no_import_cycle():
    graph = import_graph()
    cycles = []

    def visit(app, trail):
        for used in sorted(graph[app]):
            if used in trail:
                cycles.append(trail[trail.index(used) :] + [used])
            else:
                visit(used, trail + [used])

    for app in sorted(graph):
        visit(app, [app])
    assert cycles == []


def test_the_graph_sees_relative_and_absolute_imports():
    graph = import_graph()
    # portal/desk/views.py: `from ..search import engine`; portal/urls.py is not an app.
    assert "search" in graph["desk"]
    assert "core" in graph["guides"]

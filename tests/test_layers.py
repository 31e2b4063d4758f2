"""The import-layer contract: each room of ``src/claimcheck`` stands on a floor, and imports only
its own room and the floors below. See docs/architecture.md.

Read from the source (an AST walk, nothing is imported), every import counts: a function's lazy
``from claimcheck.x import y`` ties two modules as surely as one at the top of the file.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claimcheck

PACKAGE = Path(claimcheck.__file__).resolve().parent

# The floors, lowest first. A room on a floor may import its own modules and any room on a lower
# floor; never one on a higher floor, and never a sibling on its own floor.
FLOORS: dict[str, int] = {
    # Ground: the records, the errors, dates, and the small helpers every stage shares.
    "claimcheck": 0,
    "claimcheck.corpus": 1,     # load
    "claimcheck.extract": 2,    # extract (spaCy)
    "claimcheck.match": 3,      # candidates and signals
    "claimcheck.judge": 4,      # verdicts
    "claimcheck.pipeline": 5,   # the stages in order, the cache
    "claimcheck.review": 6,     # the review store
    "claimcheck.sources": 6,    # Parliament, WhatDoTheyKnow, local documents
    "claimcheck.evaluate": 6,   # scores against gold labels
    "claimcheck.outputs": 7,    # findings.json, report.md, report.html, CSV, ClaimReview, letters
    "claimcheck.cli": 8,        # the command line: the only code that prints
    "claimcheck.__main__": 9,   # python -m claimcheck
}
# The modules directly under claimcheck/, all on the ground floor.
GROUND = {"__init__", "errors", "dates", "model", "files", "inert", "references", "lexicon",
          "atomic", "prose"}
# Import circles within one room that are there on purpose, with the reason.
CIRCLES_ALLOWED = {
    frozenset({"claimcheck.extract.nlp", "claimcheck.extract.segment"}):
        "segment (which imports spaCy) names its component after nlp.SEGMENTER; nlp imports "
        "segment only inside load_pipeline, so that nlp itself never imports spaCy",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_package(name: str) -> bool:
    return (PACKAGE.parent.joinpath(*name.split(".")) / "__init__.py").is_file()


def exists(name: str) -> bool:
    return is_package(name) or PACKAGE.parent.joinpath(*name.split(".")).with_suffix(".py").is_file()


def room(name: str) -> str:
    """The room a module belongs to: the longest name in FLOORS that it is, or is inside."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in FLOORS:
            return ".".join(parts[:end])
    raise AssertionError(f"{name} is not in claimcheck")


def imports(source: str, name: str, package: bool) -> list[tuple[int, str]]:
    """(line, module) for every claimcheck module that ``source`` (module ``name``) imports."""
    found = []
    here = name if package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                # from claimcheck.x import y: y may be a module; from claimcheck import check: a
                # lazy export of the package, which stands for the module it comes from.
                if exists(f"{module}.{alias.name}"):
                    found.append((node.lineno, f"{module}.{alias.name}"))
                elif module == "claimcheck" and alias.name in claimcheck._EXPORTS:
                    found.append((node.lineno, f"claimcheck.{claimcheck._EXPORTS[alias.name]}"))
                else:
                    found.append((node.lineno, module))
    return [(line, module) for line, module in found
            if module == "claimcheck" or module.startswith("claimcheck.")]


def graph(package: Path = PACKAGE) -> dict[str, list[tuple[int, str]]]:
    return {module_name(path): imports(path.read_text(encoding="utf-8"), module_name(path),
                                       path.name == "__init__.py")
            for path in sorted(package.rglob("*.py"))}


def upward_imports(edges: dict[str, list[tuple[int, str]]]) -> list[str]:
    """Each import that reaches a higher floor or a sibling room, as a line to read."""
    wrong = []
    for name, targets in edges.items():
        for line, target in targets:
            here, there = room(name), room(target)
            if here == there or FLOORS[there] < FLOORS[here]:
                continue
            how = "a sibling on the same floor" if FLOORS[there] == FLOORS[here] else "a higher floor"
            wrong.append(f"{name}:{line} (floor {FLOORS[here]}, {here}) imports {target} "
                         f"(floor {FLOORS[there]}, {there}): {how}")
    return wrong


def circles(edges: dict[str, list[tuple[int, str]]]) -> list[list[str]]:
    """The import circles, each as the modules around it (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for _, target in edges.get(node, ()):
            if target not in edges:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


EDGES = graph()


def test_every_module_has_a_floor():
    top = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in GROUND | {"__main__"})
    assert top == [], ("modules directly under claimcheck/ that are not on the ground floor: "
                       "move each into its room, or add it to GROUND if it is one")
    rooms = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert [r for r in rooms if f"claimcheck.{r}" not in FLOORS] == [], "give each room a floor"


def test_no_import_reaches_up_or_sideways():
    assert upward_imports(EDGES) == []


def test_no_import_circles():
    found = circles(EDGES)
    assert [c for c in found if frozenset(c) not in CIRCLES_ALLOWED] == []
    gone = [sorted(c) for c in CIRCLES_ALLOWED if list(sorted(c)) not in found]
    assert gone == [], "no longer a circle: take it out of CIRCLES_ALLOWED"


@pytest.mark.parametrize(("name", "source", "reached"), [
    ("claimcheck.model", "from claimcheck.judge.rules import Judge\n", "claimcheck.judge.rules"),
    ("claimcheck.review.store", "from claimcheck.outputs.report import write_atomic\n",
     "claimcheck.outputs.report"),
    ("claimcheck.review.store", "from claimcheck.sources.writer import Item\n",
     "claimcheck.sources.writer"),
    ("claimcheck.match.signals", "def f():\n    from claimcheck import check\n",
     "claimcheck.pipeline.run"),
])
def test_the_contract_catches_a_wrong_import(name, source, reached):
    """A check that passes on every tree proves nothing: each of these imports is refused."""
    edges = {**EDGES, name: imports(source, name, package=False)}
    assert [line for line in upward_imports(edges) if f"imports {reached} " in line]


def test_the_contract_catches_a_circle():
    edges = {**EDGES, "claimcheck.cli.support": [
        *EDGES["claimcheck.cli.support"], (1, "claimcheck.cli.root")]}
    assert any("claimcheck.cli.support" in c for c in circles(edges))

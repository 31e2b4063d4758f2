"""Move claimcheck's flat modules into layered packages, and rewrite every reference to them.

Issue 13. Run from the repository root, on a clean work tree::

    python tools/relayout.py            # git mv, rewrite imports, sort them (ruff), report
    python tools/relayout.py --check    # only say what would change; exit 1 if anything would

It is idempotent: a second run finds nothing to move and nothing to rewrite. It is meant to be run
again on a newer main (other branches change the same modules), so it works from the table below,
not from a recorded diff:

- ``git mv`` of each module in ``MOVES`` that is still at its old place (a new package gets an
  ``__init__.py`` holding its docstring from ``PACKAGES``);
- every relative import in ``src/claimcheck`` becomes absolute (``from .x import`` ->
  ``from claimcheck.new.place import``), the style ``claimcheck.sources`` already uses;
- every dotted name ``claimcheck.<old>`` in ``src/``, ``tests/``, ``bench/`` and
  ``pyproject.toml`` (imports, ``monkeypatch.setattr("claimcheck.report.os.replace")``,
  docstrings, the console script), every path ``claimcheck/<old>.py``, and
  ``from claimcheck import <old>`` (kept under its old name with ``as``);
- the module names the cache keys on (``_code_hash(module) for module in ("extract", ...)``) and
  the lazy exports of ``claimcheck/__init__.py`` (``"check": "pipeline"``);
- then ``ruff check --fix --select I`` on the changed files, because new names sort differently.

A module that is new on main since this table was written stays where it is; the script lists it
(``not in the table``) and ``tests/test_layers.py`` fails until it is given a floor.

A new module's name must not be a name the old module defined: ``from claimcheck.cli import app``
(the Typer app of the old ``cli.py``) could not be told from an import of a module ``cli/app.py``.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "claimcheck"

# old module (under claimcheck.) -> new module (under claimcheck.)
MOVES = {
    "corpus": "corpus.load",
    "nlp": "extract.nlp",
    "segment": "extract.segment",
    "extract": "extract.extractor",
    "retrieve": "match.retrieve",
    "embed": "match.embed",
    "signals": "match.signals",
    "match": "match.matcher",
    "judge": "judge.rules",
    "pipeline": "pipeline.run",
    "cache": "pipeline.cache",
    "codec": "pipeline.codec",
    "review": "review.store",
    "evaluate": "evaluate.gold",
    "report": "outputs.report",
    "html_report": "outputs.html_report",
    "exports": "outputs.exports",
    "letters": "outputs.letters",
    "freshness": "outputs.freshness",
    "briefing": "outputs.briefing",
    "cli": "cli.root",
    "cli_support": "cli.support",
    "outputs_cli": "cli.outputs",
    "fetch_cli": "cli.fetch",
    "eval_cli": "cli.evaluate",
    "terminal": "cli.terminal",
}

# Modules that stay on the ground floor, directly under claimcheck/.
GROUND = {"__init__", "__main__", "errors", "dates", "model", "files", "inert", "references",
          "lexicon", "atomic"}

PACKAGES = {
    "corpus": "Stage 1, load: statements and evidence read from Markdown files, validated once.",
    "extract": "Stage 2, extract: claims from statements and dated facts from evidence, with spaCy.",
    "match": "Stage 3, match: each claim's candidate facts, and the signals each (claim, fact) pair "
             "raises.",
    "judge": "Stage 4, judge: a verdict for each claim from the signals of its matched facts.",
    "pipeline": "The stages run in order (load -> extract -> match -> judge), with the cache of "
                "readings and results.",
    "review": "People's decisions on findings (``reviews.toml``): the review store that outputs "
              "read.",
    "evaluate": "Measuring a check against gold labels.",
    "outputs": "What a check writes: findings.json, report.md, report.html, CSV, ClaimReview, "
               "letters.",
    "cli": "The ``claimcheck`` command: one module per command group, the only code that prints.",
}

TEXT_ROOTS = ("src", "tests", "bench")
EXTRA_FILES = ("pyproject.toml",)


def new_packages() -> dict[str, set[str]]:
    """Each new package and the module names it holds after the move."""
    packages: dict[str, set[str]] = {}
    for new in MOVES.values():
        package, _, name = new.rpartition(".")
        packages.setdefault(package, set()).add(name)
    return packages


def path_of(module: str) -> Path:
    return PACKAGE.joinpath(*module.split(".")).with_suffix(".py")


# ---------------------------------------------------------------------- moving


def git(*args: str) -> None:
    subprocess.run(["git", *args], cwd=ROOT, check=True)


def move(dry: bool) -> list[str]:
    done = []
    for old, new in MOVES.items():
        source, target = path_of(old), path_of(new)
        if not source.exists():
            if not target.exists():
                raise SystemExit(f"relayout: neither {source} nor {target} exists")
            continue
        if target.exists():
            raise SystemExit(f"relayout: both {source} and {target} exist; resolve by hand")
        done.append(f"git mv {source.relative_to(ROOT)} {target.relative_to(ROOT)}")
        if dry:
            continue
        init = target.parent / "__init__.py"
        if not init.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            package = target.parent.name
            init.write_text(f'"""{PACKAGES[package]}"""\n', encoding="utf-8")
            git("add", str(init.relative_to(ROOT)))
        git("mv", str(source.relative_to(ROOT)), str(target.relative_to(ROOT)))
    return done


# ---------------------------------------------------------------------- rewriting

_PACKAGE_MODULES = new_packages()


def _dotted(match: re.Match) -> str:
    old, rest = match[1], match[2] or ""
    if old in _PACKAGE_MODULES:
        after = AFTER_IMPORT.match(match.string, match.end())
        if rest[1:] in _PACKAGE_MODULES[old] or (
                not rest and after and after[1] in _PACKAGE_MODULES[old]):
            return match[0]       # already claimcheck.<package>.<module>, or imports one
    return f"claimcheck.{MOVES[old]}{rest}"


_NAMES = "|".join(sorted(MOVES, key=len, reverse=True))
# claimcheck.<old>, optionally followed by .<name> (to tell a new package's module from an old
# module's attribute). Not preceded by a word character, a dot or a slash.
DOTTED = re.compile(rf"(?<![\w./])claimcheck\.({_NAMES})\b(\.\w+)?")
FILEPATH = re.compile(rf"(?<![\w.])claimcheck/({_NAMES})\.py\b")
# from claimcheck import <old module>, also in code held in strings (a test's subprocess script).
IMPORT_OLD = re.compile(rf"^([ \t]*from claimcheck import )({_NAMES})(?:[ \t]+as[ \t]+(\w+))?[ \t]*$",
                        re.MULTILINE)
AFTER_IMPORT = re.compile(r"\s+import\s+(\w+)")
CODE_HASH = re.compile(r"(_code_hash\(module\)\s+for\s+module\s+in\s+\()([^)]*)(\))")
QUOTED = re.compile(r"\"(\w+)\"")
EXPORTS = re.compile(r"(_EXPORTS\s*=\s*\{)(.*?)(\})", re.DOTALL)
EXPORT_VALUE = re.compile(r"(:\s*)\"(\w+)\"")


def _import_old(match: re.Match) -> str:
    parent, _, name = MOVES[match[2]].rpartition(".")
    as_name = match[3] or match[2]
    return (f"{match[1].replace('claimcheck', f'claimcheck.{parent}', 1)}{name}"
            + (f" as {as_name}" if as_name != name else ""))


def absolute(module: str, level: int, package: str) -> str:
    """The absolute name of a relative import, against the package the file was written in."""
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def written_in(path: Path) -> str:
    """The package a source file's relative imports were written against: for a module this
    script moves, its old place (all were directly under claimcheck/); else its own package.
    (After a run no relative import is left, so this is only ever asked of old imports.)"""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        return ".".join(parts[:-1])
    if ".".join(parts) in {f"claimcheck.{new}" for new in MOVES.values()}:
        return "claimcheck"
    return ".".join(parts[:-1])


def map_module(name: str) -> str:
    """An absolute module name as it is after the move."""
    if name.startswith("claimcheck."):
        head, _, rest = name.removeprefix("claimcheck.").partition(".")
        if head in MOVES and not (head in _PACKAGE_MODULES and rest.partition(".")[0]
                                  in _PACKAGE_MODULES[head]):
            return f"claimcheck.{MOVES[head]}" + (f".{rest}" if rest else "")
    return name


IMPORT_HEAD = re.compile(r"^(\s*from\s+)(\.+[\w.]*|claimcheck)(\s+import\s+)(.*)$")


def rewrite_imports(path: Path, text: str) -> str:
    """Relative imports made absolute, and ``from claimcheck import <old module>`` re-aimed."""
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        raise SystemExit(f"relayout: cannot parse {path}: {error}") from None
    in_package = path.is_relative_to(PACKAGE)
    package = written_in(path) if in_package else ""
    lines = text.splitlines(keepends=True)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        relative = node.level > 0
        if relative and not in_package:
            continue
        if not relative and node.module != "claimcheck":
            continue
        index = node.lineno - 1
        line = lines[index]
        head = IMPORT_HEAD.match(line.rstrip("\n"))
        if head is None:
            raise SystemExit(f"relayout: {path}:{node.lineno}: cannot read this import")
        target = absolute(node.module or "", node.level, package) if relative else "claimcheck"
        ending = line[len(line.rstrip("\n")):]
        if target == "claimcheck":
            # from . import X / from claimcheck import X: X may be a moved module.
            moved = [a for a in node.names if a.name in MOVES]
            if not moved:
                lines[index] = f"{head[1]}claimcheck{head[3]}{head[4]}{ending}"
                continue
            if len(node.names) != 1 or node.end_lineno != node.lineno:
                raise SystemExit(f"relayout: {path}:{node.lineno}: split this import by hand")
            alias = node.names[0]
            parent, _, name = MOVES[alias.name].rpartition(".")
            as_name = alias.asname or alias.name
            suffix = f" as {as_name}" if as_name != name else ""
            lines[index] = f"{head[1]}claimcheck.{parent}{head[3]}{name}{suffix}{ending}"
            continue
        lines[index] = f"{head[1]}{map_module(target)}{head[3]}{head[4]}{ending}"
    return "".join(lines)


def rewrite_text(path: Path, text: str) -> str:
    if path.suffix == ".py":
        text = rewrite_imports(path, text)
    text = IMPORT_OLD.sub(_import_old, text)
    text = DOTTED.sub(_dotted, text)
    text = FILEPATH.sub(lambda m: f"claimcheck/{MOVES[m[1]].replace('.', '/')}.py", text)
    text = CODE_HASH.sub(lambda m: m[1] + QUOTED.sub(
        lambda q: f'"{MOVES.get(q[1], q[1])}"', m[2]) + m[3], text)
    if path == PACKAGE / "__init__.py":
        text = EXPORTS.sub(lambda m: m[1] + EXPORT_VALUE.sub(
            lambda v: f'{v[1]}"{MOVES.get(v[2], v[2])}"', m[2]) + m[3], text)
    return text


def files() -> list[Path]:
    found = [ROOT / name for name in EXTRA_FILES if (ROOT / name).exists()]
    for root in TEXT_ROOTS:
        found += sorted(p for p in (ROOT / root).rglob("*.py") if "__pycache__" not in p.parts)
    return found


def unplaced() -> list[str]:
    """Modules directly under claimcheck/ that are neither ground floor nor in the table."""
    return sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in GROUND | set(MOVES))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a run "
                        "would change something")
    args = parser.parse_args()
    moves = move(dry=args.check)
    for line in moves:
        print(line)
    if args.check and moves:
        print("relayout: files still to move; the rewrite is shown only after they are moved")
        return 1
    changed = []
    for path in files():
        text = path.read_text(encoding="utf-8")
        new = rewrite_text(path, text)
        if new != text:
            changed.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(f"rewrote {path.relative_to(ROOT)}")
    python_files = [str(p) for p in changed if p.suffix == ".py"]
    if python_files and not args.check:
        ruff = Path(sys.executable).with_name("ruff")
        subprocess.run([str(ruff) if ruff.exists() else "ruff", "check", "--quiet", "--fix",
                        "--select", "I", *python_files], cwd=ROOT, check=False)
    for name in unplaced():
        print(f"relayout: src/claimcheck/{name}.py is not in the table: give it a floor")
    if args.check:
        return 1 if changed else 0
    if changed:
        git("add", *(str(p.relative_to(ROOT)) for p in changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())

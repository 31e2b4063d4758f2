"""The --help screens: plain text, every value named by its metavar, no Typer type labels."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli.root import app


def all_commands() -> list[tuple[str, ...]]:
    """Every command path: ("check",), ("fetch", "question"), ..."""
    found = []

    def walk(command, path: tuple[str, ...]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))
    walk(typer.main.get_command(app), ())
    return found


def help_of(*path: str) -> str:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p) or "claimcheck")
def test_help_has_no_type_labels_and_balanced_brackets(path):
    text = help_of(*path)
    assert not re.search(r"<[a-z][^>]*>", text), text          # <bool>, <path>, <list[Path]>
    assert "x>=" not in text and "range" not in text, text     # <int range> [x>=0]
    assert "╭" not in text, text                               # plain, not boxed
    for bracket, closing in ("()", "[]"):
        assert text.count(bracket) == text.count(closing), f"unbalanced {bracket}{closing}"


@pytest.mark.parametrize("path", [p for p in all_commands() if p], ids=" ".join)
def test_every_option_has_help_text(path):
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    for param in command.params:
        assert param.help or param.name == "help", f"{' '.join(path)}: {param.name} has no help"


def test_check_help_names_its_reports_and_jobs_reads_well():
    text = " ".join(help_of("check").split())
    assert "--out DIR Folder for findings.json, report.md and the other reports (report.html" in text
    assert ("--jobs N Processes for spaCy (0, the default: 2 for corpora of 2,000 files or more, "
            "else 1).") in text


def test_a_negative_jobs_is_a_usage_error():
    result = CliRunner().invoke(app, ["check", "--jobs", "-1"])
    assert result.exit_code == 2
    assert "Invalid value for '--jobs': must be 0 or more" in result.output

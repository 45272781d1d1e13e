"""docs/cli.md and BENCHMARKS.md are current; the README is a front door; every
command has help and a section in docs/cli.md."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

from conftest import ROOT

from glossary.cli import build_parser
from glossary.commands import COMMANDS
from tm.cli import build_parser as tm_build_parser


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, object]:
    actions = [a for a in parser._actions if a.dest == "command"]
    choices = actions[0].choices
    assert isinstance(choices, dict)
    return choices


def test_generated_docs_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_every_subcommand_has_help_and_is_in_cli_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for prog, parser in (("glossary", build_parser()), ("tm", tm_build_parser())):
        subs = _subcommands(parser)
        assert subs, prog
        for name, sub in subs.items():
            assert sub.description or sub.format_help().strip(), name  # type: ignore[attr-defined]
            choice_help = [
                c.help
                for a in parser._actions
                if a.dest == "command"
                for c in a._choices_actions  # type: ignore[attr-defined]
                if c.dest == name
            ]
            assert choice_help, f"{prog} {name} has no help text"
            assert choice_help[0], f"{prog} {name} has no help text"
            assert f"### {prog} {name}\n" in reference, f"{prog} {name} not in cli.md"


def test_the_command_table_is_each_modules_own_help() -> None:
    actions = [a for a in build_parser()._actions if a.dest == "command"]
    helps = {c.dest: c.help for c in actions[0]._choices_actions}  # type: ignore[attr-defined]
    assert list(helps) == list(COMMANDS)
    assert helps == {name: summary for name, (_, summary) in COMMANDS.items()}


def _loaded_after(code: str) -> list[str]:
    """The glossary modules loaded by `code` in a fresh interpreter."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; {code}; print(*sorted(sys.modules), sep=chr(10))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return [m for m in result.stdout.splitlines() if m.startswith("glossary")]


def test_a_command_loads_only_its_own_module() -> None:
    help_only = _loaded_after("from glossary.cli import build_parser; build_parser([])")
    assert not [m for m in help_only if m.startswith("glossary.commands.")]
    assert "glossary.api" not in help_only
    stats = _loaded_after(
        "from glossary.cli import build_parser; build_parser(['stats', '--json'])"
    )
    commands = [m for m in stats if m.startswith("glossary.commands.")]
    assert commands == ["glossary.commands.build"]


def test_import_glossary_loads_the_front_door_on_first_use() -> None:
    # glossary.native: whether the compiled modules may run (tools/native.py).
    assert _loaded_after("import glossary") == ["glossary", "glossary.native"]
    used = _loaded_after("import glossary; glossary.fold('Hà')")
    assert "glossary.text" in used
    assert "glossary.api" not in used
    assert "glossary.api" in _loaded_after("from glossary import Glossary")


def test_readme_is_a_front_door() -> None:
    """At most 15 KB, and every page it links to exists."""
    readme = ROOT / "README.md"
    assert readme.stat().st_size <= 15_000, (
        "README.md is written by hand and stays a front door (at most 15 KB): "
        "on a rebase conflict keep main's README.md and put the manual's text "
        "in a docs/ page (docs/index.md lists them)"
    )
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", readme.read_text("utf-8"))
    assert "docs/index.md" in links
    for link in links:
        assert (ROOT / link).is_file(), f"README links to missing {link}"


def test_every_docs_page_is_in_the_index_and_links_resolve() -> None:
    docs = ROOT / "docs"
    index = (docs / "index.md").read_text(encoding="utf-8")
    assert not (docs / "readme").exists(), (
        "docs/readme/NAME.md is now docs/NAME.md (headings one level up): "
        "move the page there and list it in docs/index.md"
    )
    for page in sorted(docs.glob("*.md")):
        if page.name != "index.md":
            assert f"]({page.name})" in index, f"{page.name} is not in docs/index.md"
        text = page.read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            assert (docs / link).exists(), f"{page.name} links to missing {link}"

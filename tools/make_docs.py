"""Generate docs/cli.md and BENCHMARKS.md; `--check` fails when either is stale.

docs/cli.md is every `glossary` and `tm` subcommand's own `--help`, so the
reference cannot drift from the code. BENCHMARKS.md is bench/intro.md
followed by bench/results/*.md, one per benchmark: its command and its
current figures (history stays in the commit log). The
README and the other docs/ pages are written by hand; the test suite runs
their examples. `python tools/make_docs.py --check` is run by the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Main = Callable[[list[str]], object]


def _help(main: Main, argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main(argv)
    return out.getvalue().rstrip()


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    actions = [a for a in parser._actions if a.dest == "command"]
    choices = actions[0].choices if actions else None
    return list(choices) if isinstance(choices, dict) else []


def _block(title: str, text: str) -> list[str]:
    return [title, "", "```text", text, "```", ""]


def _tool_reference(
    prog: str, main: Main, parser: argparse.ArgumentParser
) -> list[str]:
    names = _subcommands(parser)
    parts = [f"## {prog}", ""]
    parts += [" · ".join(f"[{n}](#{prog}-{n})" for n in names), ""]
    parts += _block(f"`{prog} --help`", _help(main, ["--help"]))
    for name in names:
        parts += _block(f"### {prog} {name}", _help(main, [name, "--help"]))
    return parts


def cli_reference() -> str:
    """`--help` of every `glossary` and `tm` subcommand, as Markdown."""
    from glossary.cli import build_parser, main
    from tm.cli import build_parser as tm_parser
    from tm.cli import main as tm_main

    parts = [
        "# CLI reference",
        "",
        "Generated from each command's `--help` by `tools/make_docs.py`; do not",
        "edit by hand (the test suite fails when this page is stale). The",
        "guides are in [the manual](index.md).",
        "",
    ]
    parts += _tool_reference("glossary", main, build_parser())
    parts += _tool_reference("tm", tm_main, tm_parser())
    return "\n".join(parts).rstrip() + "\n"


def benchmarks() -> str:
    parts = [(ROOT / "bench" / "intro.md").read_text(encoding="utf-8").strip()]
    for path in sorted((ROOT / "bench" / "results").glob("*.md")):
        parts.append(path.read_text(encoding="utf-8").strip())
    return "\n\n".join(parts) + "\n"


def generated() -> dict[Path, str]:
    """Every generated file and the text it must hold."""
    return {
        ROOT / "docs" / "cli.md": cli_reference(),
        ROOT / "BENCHMARKS.md": benchmarks(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if files are stale")
    args = parser.parse_args(argv)
    # argparse wraps --help to the terminal's width: fix it so output is stable.
    os.environ["COLUMNS"] = "80"
    stale = []
    for path, text in generated().items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(
            f"stale: {', '.join(stale)}; run: python tools/make_docs.py",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Assemble README.md and BENCHMARKS.md from docs/readme/ and bench/results/.

The CLI reference is generated from the commands' own --help, so it cannot
drift from the code. `python tools/make_docs.py --check` fails when the
committed files are stale (the test suite runs it).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README_PARTS = [
    "intro",
    "text",
    "build",
    "names",
    "bilingual",
    "exchange",
    "review",
    "tm",
    "api",
    "design",
    "limits",
]


def _help(main: object, argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main(argv)  # type: ignore[operator]
    return out.getvalue().rstrip()


def cli_reference() -> str:
    """`--help` of every `glossary` and `tm` subcommand, as Markdown."""
    from glossary.cli import build_parser
    from glossary.cli import main as glossary_main
    from tm.cli import main as tm_main

    parts = [
        "## CLI reference",
        "",
        "Generated from `--help` by `tools/make_docs.py`.",
        "",
    ]
    parser = build_parser()
    subactions = [a for a in parser._actions if a.dest == "command"]
    commands = list(subactions[0].choices) if subactions else []  # type: ignore[arg-type]
    parts += [
        "### glossary",
        "",
        "```text",
        _help(glossary_main, ["--help"]),
        "```",
        "",
    ]
    for name in commands:
        parts += [
            f"#### glossary {name}",
            "",
            "```text",
            _help(glossary_main, [name, "--help"]),
            "```",
            "",
        ]
    parts += ["### tm", "", "```text", _help(tm_main, ["--help"]), "```", ""]
    from tm.cli import build_parser as tm_parser

    tm_sub = [a for a in tm_parser()._actions if a.dest == "command"]
    for name in list(tm_sub[0].choices) if tm_sub else []:  # type: ignore[arg-type]
        parts += [
            f"#### tm {name}",
            "",
            "```text",
            _help(tm_main, [name, "--help"]),
            "```",
            "",
        ]
    return "\n".join(parts)


def readme() -> str:
    sections = []
    for name in README_PARTS:
        path = ROOT / "docs" / "readme" / f"{name}.md"
        if path.exists():
            sections.append(path.read_text(encoding="utf-8").strip())
        if name == "api":
            sections.append(cli_reference())
    return "\n\n".join(sections) + "\n"


def benchmarks() -> str:
    head = (ROOT / "docs" / "readme" / "benchmarks-intro.md").read_text(
        encoding="utf-8"
    )
    parts = [head.strip()]
    for path in sorted((ROOT / "bench" / "results").glob("*.md")):
        parts.append(path.read_text(encoding="utf-8").strip())
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if files are stale")
    args = parser.parse_args(argv)
    stale = []
    for name, text in (("README.md", readme()), ("BENCHMARKS.md", benchmarks())):
        path = ROOT / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
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

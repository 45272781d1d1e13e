"""The subcommands of `glossary`, one module per group; `glossary.cli` wires them."""

from __future__ import annotations

# Each subcommand, in the order of `glossary --help`: the module of this
# package that registers it, and its one line of help. Only the chosen
# command's module is imported, so that a command starts without the
# others' dependencies; tests/test_docs.py checks these lines against the
# modules' own.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "extract names and terms from texts into the term base"),
    "list": ("build", "list concepts"),
    "show": ("build", "show one concept with aliases, evidence and contexts"),
    "stats": ("build", "counts of concepts, terms and documents"),
    "rules": ("build", "list the clustering passes, stage by stage"),
    "search": ("edit", "find concepts by any term, ignoring case and diacritics"),
    "add": ("edit", "add a concept, or a term to a concept"),
    "set-status": ("edit", "approve, reject or reset a concept; set a term's status"),
    "set": ("edit", "set a concept's subject and definitions, a term's details"),
    "export": (
        "exchange",
        "write the term base as TBX, TBX 2008, PO, POT, CSV, TSV or JSON",
    ),
    "import": ("exchange", "read a TBX, PO, CSV, TSV or JSON file into the term base"),
    "review": ("review", "review, fix and export the term base in a terminal UI"),
    "normalize": (
        "normalize",
        "rewrite names and terms in a text in their preferred form",
    ),
    "align": (
        "align",
        "propose Vietnamese equivalents from paragraph-aligned EN/VI texts",
    ),
    "check": ("check", "check translations and articles against the term base"),
    "db": ("db", "check a term base, copy it to another file or server"),
}

"""Subcommand groups of the `glossary` CLI, one module each."""

"""Translation memory with fast fuzzy lookup."""

# First: importing any of glossary runs its guard (glossary/native.py), which
# decides whether tm's compiled modules run as well.
import glossary.native  # noqa: F401

"""Translation memory with fast fuzzy lookup."""

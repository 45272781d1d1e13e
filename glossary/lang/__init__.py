"""Word lists per language: plain data, importing nothing of the package."""

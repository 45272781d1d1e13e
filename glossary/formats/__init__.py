"""Exchange formats, one module each with `dump` and `load`."""

"""Exchange formats for the memory: one module per format (tmx, po, csv, parallel)."""

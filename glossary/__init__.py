"""English–Vietnamese glossary, term base and translation memory."""

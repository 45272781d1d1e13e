"""Finders of names and terms in English and Vietnamese text."""

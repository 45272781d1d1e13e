"""Modal screens: help, merge picker, export dialog, prompts."""

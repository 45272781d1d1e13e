"""The `glossary review` Textual app: see `glossary.tui.app.make_app`."""

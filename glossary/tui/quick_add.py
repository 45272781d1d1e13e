"""Quick add's one-line syntax: "English = Vietnamese"."""


def quick_terms(text: str) -> list[tuple[str, str]]:
    """(text, lang) pairs of a quick add: "English = Vietnamese", either side
    may be empty; "vi: …" or "en: …" names the language of a single term."""
    if "=" in text:
        en, _, vi = text.partition("=")
        pairs = [(en.strip(), "en"), (vi.strip(), "vi")]
    else:
        lang, sep, rest = text.partition(":")
        if sep and lang.strip() in ("en", "vi"):
            pairs = [(rest.strip(), lang.strip())]
        else:
            pairs = [(text.strip(), "en")]
    return [(t, lang) for t, lang in pairs if t]

"""The one place that builds the Jinja environment for the public site.

Autoescaped (an `&` or `<` in a title is text, never markup), strict about undefined names (a typo
in a template fails loudly instead of printing nothing), and every value printed passes through the
council's Redactor (`finalize`), so a private value typed into any field is withheld.
"""

from __future__ import annotations

from importlib import resources

from cecli.textfmt import clock, long_date, month_day_year, vocabulary_word


def site_environment(redact):
    import jinja2
    import markupsafe

    folder = resources.files("cecli.templates") / "site"

    def load(name: str):
        source = folder / name
        if not source.is_file():
            return None
        return source.read_text(encoding="utf-8")

    def finalize(value):
        # already-safe markup (a macro's output) stays markup, still redacted
        if isinstance(value, markupsafe.Markup):
            return markupsafe.Markup(redact(str(value)))
        return redact(value)

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    env.filters["clock"] = clock
    env.filters["day"] = month_day_year
    env.filters["words"] = vocabulary_word
    return env


"""Render a :class:`~render.page.Page` to one self-contained HTML5 file with Jinja2.

Autoescaping is on for everything: catalog and glossary strings reach the page only as
text. The stylesheet is our own file, inlined so the page loads no external resource.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from render.page import Page, plain

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "leaflet.html.jinja2"
STYLESHEET = "leaflet.css"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["plain"] = plain
    return env


@lru_cache(maxsize=1)
def stylesheet() -> Markup:
    """The leaflet CSS, trusted (our file) but refused if it could close the style element."""
    css = (TEMPLATES / STYLESHEET).read_text(encoding="utf-8")
    if "</" in css:
        raise ValueError(f"{STYLESHEET} must not contain '</'")
    return Markup(css)  # noqa: S704  (our own stylesheet, checked above)


def render_html(page: Page) -> str:
    """The page as an HTML5 document."""
    return environment().get_template(TEMPLATE).render(page=page, css=stylesheet())

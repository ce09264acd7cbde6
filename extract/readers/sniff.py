"""Choose a reader from what a file contains, not only from its name.

A WordPress REST export saved as ``.txt``, an HTML page saved as ``.json`` or a web
capture saved as ``.html`` is read by the reader its content needs. Only confident
answers override the name: JSON that parses, markup that opens with an HTML element.
Anything else (plain prose, an empty file, JSON that does not parse) keeps the format the
extension names, so a broken ``.json`` still reports its JSON error with a line.
"""

from __future__ import annotations

import json
import re

_HEAD = 4096
_MARKUP = re.compile(r"(?is)^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|main|article"
                     r"|section|div|p|h[1-6]|ul|ol|table|span|a|header|nav|meta|title)\b")


def sniff(text: str) -> str | None:
    """``wordpress-json`` or ``html`` when the content is clearly one of them, else None."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in ("{", "["):
        try:
            json.loads(head)
        except ValueError:
            return None
        return "wordpress-json"
    if head[:1] == "<" and _MARKUP.match(head[:_HEAD]):
        return "html"
    return None


def choose_format(text: str, by_extension: str) -> str:
    """The reader for ``text``: what the content shows, else what the extension says."""
    return sniff(text) or by_extension

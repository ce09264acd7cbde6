"""The renderer's interface strings: every text on a leaflet page that is not leaflet content.

They are extracted into ``locales/leaflets.pot`` with msgctxt ``ui.<name>`` and looked up
by the page renderer under the same context, so the list here is the single source.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UiString:
    """One interface string: stable name, English text, note for the translator."""

    name: str
    text: str
    comment: str

    @property
    def msgctxt(self) -> str:
        return f"ui.{self.name}"


UI_STRINGS: tuple[UiString, ...] = (
    UiString("last-revised", "Last revised", "label before the date the leaflet was last reviewed"),
    UiString("contents", "Contents", "heading of the table of contents"),
    UiString("glossary", "Glossary", "heading of the list of terms explained in the leaflet"),
    UiString("where-to-get-help", "Where to get help", "heading of the contacts section"),
    UiString("sources", "Sources", "heading of the list of documents the leaflet is based on"),
    UiString("disclaimer", "This leaflet does not replace advice from your doctor.",
             "shown at the top and bottom of every leaflet"),
    UiString("language", "Language", "label of the language switcher"),
    UiString("skip-to-content", "Skip to content", "link for keyboard and screen-reader users"),
    UiString("print", "Print this leaflet", "button text"),
    UiString("back-to-top", "Back to top", "link at the end of each section"),
)


def ui_strings() -> dict[str, str]:
    """``{name: English text}`` as the page renderer takes it."""
    return {string.name: string.text for string in UI_STRINGS}

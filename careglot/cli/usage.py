"""Which extracted statements the leaflets already use (extract and render data combined here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from careglot.core.folding import fold_typography
from extract.readers.text import FOOTNOTES
from extract.statements import Statement
from render.leaflets import Leaflet

MIN_QUOTE = 20


def _key(text: str) -> str:
    return " ".join(FOOTNOTES.sub("", fold_typography(text)).split()).casefold()


def leaflet_usage(statements: Sequence[Statement], leaflets: Iterable[Leaflet]) -> dict[str, list[str]]:
    """Extracted statement id -> ids of the leaflet statements resting on it.

    A leaflet statement uses an extracted one when its provenance names that id, or when
    its quote (same source) equals the sentence or contains it / is contained in it.
    """
    by_source: dict[str, list[Statement]] = {}
    for statement in statements:
        by_source.setdefault(statement.source, []).append(statement)
    known = {statement.id for statement in statements}
    used: dict[str, list[str]] = {}
    for leaflet in leaflets:
        for section in leaflet.sections:
            for item in section.statements:
                provenance = item.provenance
                if provenance is None:
                    continue
                if provenance.statement in known:
                    used.setdefault(provenance.statement, []).append(item.id)
                    continue
                if not provenance.quote or len(provenance.quote) < MIN_QUOTE:
                    continue
                quote = _key(provenance.quote)
                for statement in by_source.get(provenance.source, ()):
                    sentence = _key(statement.text)
                    if sentence == quote or (len(sentence) >= MIN_QUOTE and (sentence in quote or quote in sentence)):
                        used.setdefault(statement.id, []).append(item.id)
    return used

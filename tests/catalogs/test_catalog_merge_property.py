"""Property: through repeated updates no translation is ever lost.

Each translation that existed before an update is afterwards current (same msgctxt and
msgid), fuzzy with the msgid it was made for recorded as previous msgid, or obsolete.
"""

from __future__ import annotations

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogs.merge import merge_catalog

WORDS = ["take", "the", "tablet", "with", "water", "not", "2", "10", "doctor", "blood", "cells", "week",
         "risk", "no", "infusion", "after", "before", "fever", "call", "your"]
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')

sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
contexts = st.one_of(st.none(), st.sampled_from(["s.a", "s.b", "s.c", "ui.x"]))
messages = st.tuples(contexts, sentences, st.booleans())  # (msgctxt, msgid, plural)
edits = st.tuples(
    st.sampled_from(["translate", "change", "remove", "add", "keep"]),
    st.integers(min_value=0, max_value=50), sentences, contexts)


def lightly_edited(msgid: str, text: str, index: int) -> str:
    """Half of the changes insert a word (a fuzzy match is likely), the others replace the text."""
    if index % 2:
        return text
    words = msgid.split()
    words.insert(index % (len(words) + 1), text.split()[0])
    return " ".join(words)


def template_of(messages: list[tuple[str | None, str, bool]]) -> polib.POFile:
    template = polib.POFile()
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgctxt, msgid, plural in messages:
        template.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgid_plural=f"{msgid} (n)" if plural else "",
                                      msgstr_plural={0: "", 1: ""} if plural else {}))
    return template


def translation(entry: polib.POEntry) -> tuple[str, ...]:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def made_for(entry: polib.POEntry) -> tuple[str | None, str]:
    """The (msgctxt, msgid) a translation was made for."""
    if entry.fuzzy and entry.previous_msgid:
        return entry.previous_msgctxt, entry.previous_msgid
    return entry.msgctxt, entry.msgid


def carries(entry: polib.POEntry, old: polib.POEntry) -> bool:
    """``entry`` holds ``old``'s translation; a message that lost its plural keeps the first form, as msgmerge."""
    if bool(entry.msgid_plural) == bool(old.msgid_plural):
        return translation(entry) == translation(old)
    if entry.msgid_plural:
        return set(translation(entry)) == {old.msgstr}
    return entry.fuzzy and entry.msgstr == old.msgstr_plural[0]


def survives(old: polib.POEntry, merged: polib.POFile) -> bool:
    for entry in merged:
        if not carries(entry, old):
            continue
        same_key = (entry.msgctxt, entry.msgid) == (old.msgctxt, old.msgid)
        if same_key or (entry.fuzzy and made_for(entry) == made_for(old)):
            return True
    return False


@settings(max_examples=60, deadline=None)
@given(st.lists(messages, min_size=1, max_size=12, unique_by=lambda m: (m[0], m[1])),
       st.lists(st.lists(edits, max_size=8), min_size=1, max_size=5), st.booleans())
def test_no_translation_is_lost_through_repeated_updates(
        start: list[tuple[str | None, str, bool]], rounds: list[list[tuple[str, int, str, str | None]]],
        fuzzy: bool) -> None:
    current = list(start)
    catalog = polib.pofile(HEADER + str(template_of(current)).split("\n\n", 1)[1])
    for number, round_edits in enumerate(rounds):
        for action, index, text, msgctxt in round_edits:
            live = [entry for entry in catalog if not entry.obsolete]
            if action == "translate" and live:
                entry = live[index % len(live)]
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: f"{text} #{number}", 1: f"{text} #{number}s"}
                else:
                    entry.msgstr = f"{text} #{number}"
                if index % 2:
                    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            elif action == "change" and current:
                msgctxt_, msgid, plural = current[index % len(current)]
                current[index % len(current)] = (msgctxt_, lightly_edited(msgid, text, index), plural)
            elif action == "remove" and current:
                current.pop(index % len(current))
            elif action == "add":
                current.append((msgctxt, text, bool(index % 3 == 0)))
        current = list({(m[0], m[1]): m for m in current}.values())
        merged = merge_catalog(template_of(current), catalog, fuzzy=fuzzy).catalog
        reread = polib.pofile(str(merged))
        lost = [(e.msgctxt, e.msgid, translation(e)) for e in catalog
                if any(translation(e)) and not survives(e, reread)]
        assert not lost
        assert [(e.msgctxt, e.msgid) for e in reread if not e.obsolete] == [(m[0], m[1]) for m in current]
        catalog = reread

"""Shared plumbing: atomic writes, line-aware safe YAML, the safe XML parser factory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careglot.core.errors import InputError, UnsafeInputError
from careglot.core.fsutil import atomic_write
from careglot.core.xmlsafe import MAX_XML_BYTES, parse_xml_bytes
from careglot.core.yamlio import load_yaml_text


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.txt"
    atomic_write(target, "één\n")
    assert target.read_bytes() == "één\n".encode()
    os.chmod(target, 0o600)
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


def test_atomic_write_failure_keeps_old_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "file.txt"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_yaml_keeps_lines() -> None:
    data = load_yaml_text("a: 1\nitems:\n  - x\n  - name: y\n    lang: nl\n", "f.yaml")
    assert data.key_line("items") == 2
    assert data["items"].item_line(1) == 4
    assert data["items"][1].value_line("lang") == 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x [1]\nb: *x\n", "f.yaml:2: malformed YAML: YAML aliases are not allowed"),
        ("a: 1\na: 2\n", "f.yaml:2: malformed YAML: duplicate key 'a'"),
        ("a: !!python/object:os.system x\n", "f.yaml:1: malformed YAML"),
        ("a: 1\nreviewed: 2026-13-01\n", "f.yaml:2: malformed YAML: invalid date '2026-13-01'"),
    ],
)
def test_yaml_refuses_unsafe_or_ambiguous_input(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml_text(text, "f.yaml")
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    "payload",
    [
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>',
        b'<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;</r>',
        b'<!DOCTYPE martif SYSTEM "http://example.org/TBXcoreStructV02.dtd"><martif/>',
    ],
)
def test_xml_refuses_hostile_input(payload: bytes) -> None:
    with pytest.raises(UnsafeInputError):
        parse_xml_bytes(payload, "hostile.tbx")


def test_xml_refuses_oversized_input() -> None:
    with pytest.raises(UnsafeInputError, match="larger than"):
        parse_xml_bytes(b"<a>" + b" " * (MAX_XML_BYTES + 1) + b"</a>", "big.tbx")


def test_xml_accepts_local_doctype_and_reports_syntax_errors() -> None:
    tree = parse_xml_bytes(b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif/>', "ok.tbx")
    assert tree.getroot().tag == "martif"
    with pytest.raises(InputError) as caught:
        parse_xml_bytes(b"<a>\n<b></a>", "bad.tbx")
    assert str(caught.value).startswith("bad.tbx:2: malformed XML")

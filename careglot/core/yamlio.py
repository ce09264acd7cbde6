"""Safe YAML loading that remembers line numbers, so every error can name ``file:line``.

Only PyYAML's safe constructors are used. Mappings load as :class:`YamlMap` and sequences
as :class:`YamlList`; both know the 1-based line of themselves and of their members.
Anchors and aliases are refused (human-edited files do not need them, and they are the
YAML form of the billion-laughs attack), and so are duplicate keys.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from careglot.core.errors import InputError

MAX_YAML_BYTES = 256 * 1024 * 1024  # a memory guard; aliases (YAML bombs) are refused anyway


class YamlMap(dict[Any, Any]):
    """A mapping from a YAML file with the lines of its keys and values."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self._key_lines: dict[Any, int] = {}
        self._value_lines: dict[Any, int] = {}

    def key_line(self, key: Any) -> int:
        """Line of ``key`` (or of the mapping itself when the key is absent)."""
        return self._key_lines.get(key, self.line)

    def value_line(self, key: Any) -> int:
        """Line where the value of ``key`` starts (or of the mapping when absent)."""
        return self._value_lines.get(key, self.line)


class YamlList(list[Any]):
    """A sequence from a YAML file with the line of each item."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self._item_lines: list[int] = []

    def item_line(self, index: int) -> int:
        """Line where item ``index`` starts."""
        return self._item_lines[index] if 0 <= index < len(self._item_lines) else self.line


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 3x faster


class _LineLoader(_BaseLoader):
    """Safe loader (libyaml's when available) that builds YamlMap/YamlList."""


def _refuse_alias(loader: _LineLoader, node: Node, mark: Any) -> None:
    """An alias is a node constructed a second time; refuse it (billion laughs, surprise sharing)."""
    if node in loader.constructed_objects:
        raise yaml.MarkedYAMLError(problem="YAML aliases are not allowed", problem_mark=mark)


def _construct_map(loader: _LineLoader, node: MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    result = YamlMap()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        _refuse_alias(loader, key_node, key_node.start_mark)
        _refuse_alias(loader, value_node, key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise yaml.MarkedYAMLError(problem="a key must be a plain value",
                                       problem_mark=key_node.start_mark)
        if key in result:
            raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result._key_lines[key] = key_node.start_mark.line + 1
        result._value_lines[key] = value_node.start_mark.line + 1
    return result


def _construct_list(loader: _LineLoader, node: SequenceNode) -> YamlList:
    result = YamlList()
    result.line = node.start_mark.line + 1
    for item_node in node.value:
        _refuse_alias(loader, item_node, item_node.start_mark)
        result.append(loader.construct_object(item_node, deep=True))
        result._item_lines.append(item_node.start_mark.line + 1)
    return result


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.MarkedYAMLError(problem=f"invalid date {node.value!r}: {exc}",
                                   problem_mark=node.start_mark) from exc


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)


def load_yaml_text(text: str, path: str | os.PathLike[str]) -> Any:
    """Parse YAML ``text``; ``path`` is only used in error messages."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise InputError(f"malformed YAML: {problem}", path, line) from exc
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", path) from exc


def load_yaml(path: str | os.PathLike[str]) -> Any:
    """Read and parse a UTF-8 YAML file with line numbers kept."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("file not found", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from exc
    if len(raw) > MAX_YAML_BYTES:
        raise InputError(f"file is larger than {MAX_YAML_BYTES // (1024 * 1024)} MiB", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path, line) from exc
    return load_yaml_text(text, path)


def dump_yaml(data: Any) -> str:
    """Serialise plain data as block-style, key-order-preserving, UTF-8-friendly YAML."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)

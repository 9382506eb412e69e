"""YAML loading that remembers the line of every mapping key, so errors can name it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from probe.errors import ProbeInputError

Path_ = tuple[Any, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10× faster on big suites


@dataclass
class YamlDoc:
    """Parsed YAML plus the 1-based line where each key path starts."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, keypath: Path_) -> int:
        """Line of the deepest known prefix of ``keypath`` (1 when nothing is known)."""
        keypath = tuple(keypath)
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            keypath = keypath[:-1]
        return self.lines.get((), 1)

    def where(self, keypath: Path_ = ()) -> str:
        return f"{self.path}:{self.line(keypath)}"

    def error(self, keypath: Path_, message: str) -> ProbeInputError:
        dotted = ".".join(str(k) for k in keypath)
        prefix = f"{self.where(keypath)}: {dotted}" if dotted else self.where(keypath)
        return ProbeInputError(prefix, message)


_SCALARS = yaml.SafeLoader("")


def _construct(node: yaml.Node, keypath: Path_, lines: dict[Path_, int], doc_path: Path) -> Any:
    lines.setdefault(keypath, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag.endswith(":int"):
                key = int(key)
            sub = keypath + (key,)
            if key in out:
                raise ProbeInputError(f"{doc_path}:{key_node.start_mark.line + 1}", f"duplicate key {key!r}")
            lines[sub] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, sub, lines, doc_path)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, keypath + (i,), lines, doc_path) for i, item in enumerate(node.value)]
    return _SCALARS.construct_object(node, deep=True)


def load_yaml(path: str | Path) -> YamlDoc:
    """Load one YAML document; syntax errors become ``ProbeInputError`` with file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProbeInputError(str(path), "file not found") from None
    except OSError as exc:
        raise ProbeInputError(str(path), f"cannot read: {exc.strerror}") from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ProbeInputError(f"{path}:{line}", f"YAML syntax error: {exc.problem or exc}") from None
    lines: dict[Path_, int] = {}
    data = None if node is None else _construct(node, (), lines, path)
    return YamlDoc(path=path, data=data, lines=lines)

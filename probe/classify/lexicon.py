"""The identity lexicon: model families, their organisations and aliases, loaded from YAML.

The shipped ``lexicon.yaml`` is always loaded; a user file adds aliases or new entries
(``replace: true`` swaps an entry wholesale). Mistakes in a user file raise
``ProbeInputError`` naming ``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from probe.yamlio import YamlDoc, load_yaml

SHIPPED = Path(__file__).with_name("lexicon.yaml")
_FAMILY_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_ALIAS_KEYS = ("names", "cased", "weak")


@dataclass(frozen=True)
class Entry:
    """One family (``org`` set) or one organisation (``org`` is its own canonical name)."""

    key: str
    org: str
    names: tuple[str, ...] = ()
    cased: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)  # identity equality: lexicons are built once and cached
class Lexicon:
    families: dict[str, Entry]
    orgs: dict[str, Entry]
    sources: tuple[str, ...] = field(default=())

    def org_of(self, family: str | None) -> str | None:
        entry = self.families.get(family) if family else None
        return entry.org if entry else None

    @cached_property
    def matcher(self):  # noqa: ANN201 - AliasMatcher, imported lazily to keep this module data-only
        from probe.classify.aliases import AliasMatcher

        return AliasMatcher(self)


def load_lexicon(extra_path: str | Path | None = None) -> Lexicon:
    """The shipped lexicon, plus the user's file when given (cached per path and modification time)."""
    if not extra_path:
        return _load(None, 0.0)
    try:
        mtime = Path(extra_path).stat().st_mtime
    except OSError:
        mtime = -1.0  # let load_yaml report the missing file
    return _load(str(extra_path), mtime)


@lru_cache(maxsize=16)
def _load(extra_path: str | None, mtime: float) -> Lexicon:
    families: dict[str, Entry] = {}
    orgs: dict[str, Entry] = {}
    sources = [str(SHIPPED)]
    _merge(load_yaml(SHIPPED), families, orgs)
    if extra_path:
        _merge(load_yaml(extra_path), families, orgs)
        sources.append(extra_path)
    return Lexicon(families=families, orgs=orgs, sources=tuple(sources))


def _merge(doc: YamlDoc, families: dict[str, Entry], orgs: dict[str, Entry]) -> None:
    data = doc.data
    if data is None:
        return
    if not isinstance(data, dict):
        raise doc.error((), "a lexicon is a mapping with 'families' and/or 'orgs'")
    for key in data:
        if key not in ("families", "orgs"):
            raise doc.error((key,), "unknown section (expected 'families' or 'orgs')")
    for name, spec in (data.get("orgs") or {}).items():
        where = ("orgs", name)
        if not isinstance(name, str) or not name.strip():
            raise doc.error(where, "organisation name must be a non-empty string")
        spec = {"names": spec} if isinstance(spec, list) else spec
        orgs[name] = _entry(doc, where, name, name, spec, orgs.get(name))
    for fid, spec in (data.get("families") or {}).items():
        where = ("families", fid)
        if not isinstance(fid, str) or not _FAMILY_ID.match(fid):
            raise doc.error(where, f"family id {fid!r} must be lower-case letters, digits, '_' or '-'")
        previous = families.get(fid)
        org = spec.get("org") if isinstance(spec, dict) else None
        if org is None and previous is not None and not (isinstance(spec, dict) and spec.get("replace")):
            org = previous.org
        if not isinstance(org, str) or not org.strip():
            raise doc.error(where + ("org",), "each family needs 'org' (its organisation's canonical name)")
        families[fid] = _entry(doc, where, fid, org, spec, previous)
        if org not in orgs:
            orgs[org] = Entry(key=org, org=org)


def _entry(doc: YamlDoc, where: tuple, key: str, org: str, spec: Any, previous: Entry | None) -> Entry:
    if not isinstance(spec, dict):
        raise doc.error(where, "expected a mapping (names / cased / weak) or a list of names")
    allowed = set(_ALIAS_KEYS) | {"org", "replace"}
    for k in spec:
        if k not in allowed:
            raise doc.error(where + (k,), f"unknown field (allowed: {', '.join(sorted(allowed))})")
    if previous is not None and spec.get("replace"):
        previous = None
    lists: dict[str, tuple[str, ...]] = {}
    for k in _ALIAS_KEYS:
        value = spec.get(k) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise doc.error(where + (k,), "must be a list of non-empty strings")
        old = getattr(previous, k) if previous else ()
        lists[k] = tuple(dict.fromkeys([*old, *(v.strip() for v in value)]))
    return Entry(key=key, org=org, **lists)

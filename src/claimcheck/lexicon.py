"""The lexicon: which words name the same organisation, action or thing.

The default ships as ``data/lexicon.toml``; users extend it with their own TOML files of the same
shape (see that file's header). Lookups are small pure functions so each can be tested alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from claimcheck.errors import LexiconError
from claimcheck.files import read_bounded

CATEGORIES = ("entities", "actions", "things")
# Entity kinds that act for the state: a minister's "we" may stand for any of them.
PUBLIC_AUTHORITY_KINDS = frozenset({"department", "public_body", "agency", "regulator"})


@dataclass(frozen=True)
class Concept:
    key: str
    category: str            # "entities", "actions" or "things"
    label: str
    terms: tuple[str, ...]
    kind: str | None = None           # entities: e.g. "department"
    covers: str | None = None         # entities: a collective for every entity of this kind
    within: tuple[str, ...] = ()      # things: broader things
    generic: bool = False             # things: means nothing until resolved ("the data")
    denials: tuple[str, ...] = ()     # actions: phrases that deny the action
    related: tuple[str, ...] = ()     # actions: facts of these bear it out, never contradict it
    person_object: str | None = None  # actions: what it means when done to people
    done: str | None = None           # actions: participle for findings ("shared")
    opposite: str | None = None       # actions: the action that asserts the contrary ("fall")
    implies: tuple[str, ...] = ()     # actions: things it is always about (a breach: rules)


@dataclass(frozen=True)
class Lexicon:
    concepts: dict[str, Concept]
    negating_verbs: frozenset[str] = frozenset()
    ending_verbs: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _opposites: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Each organisation's names by any one of them, plainly written: what ``names_of`` reads.
    _names: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for key, concept in self.concepts.items():
            self._ancestors[key] = _closure(key, self.concepts)
            if concept.opposite:
                self._opposites[key] = concept.opposite
                self._opposites.setdefault(concept.opposite, key)
            if concept.category == "entities" and concept.covers is None:
                for name in (concept.label, *concept.terms):
                    self._names.setdefault(_plain_name(name), concept.terms)

    def of(self, category: str) -> list[Concept]:
        return [c for c in self.concepts.values() if c.category == category]

    def label(self, key: str) -> str:
        concept = self.concepts.get(key)
        return concept.label if concept else key

    def broader(self, key: str) -> frozenset[str]:
        """The thing itself and every thing it is a kind of."""
        return self._ancestors.get(key, frozenset({key}))

    def done(self, action: str) -> str:
        """How a finding words the action: "shared", "in place"; the bare word when unknown."""
        concept = self.concepts.get(action)
        return concept.done if concept and concept.done else (concept.label if concept else action)

    def opposite(self, action: str) -> str | None:
        """The contrary action, declared on either side: rise/fall, follow/breach."""
        return self._opposites.get(action)

    def implied_things(self, action: str) -> tuple[str, ...]:
        concept = self.concepts.get(action)
        return concept.implies if concept else ()

    def related(self, action: str) -> tuple[str, ...]:
        concept = self.concepts.get(action)
        return concept.related if concept else ()

    def names_of(self, name: str) -> tuple[str, ...]:
        """Every name of the organisation called ``name`` ("Prime Minister's Office" ->
        "Downing Street", "No 10", ...): the aliases of the entity that has it as one, or
        nothing for a name the lexicon does not know."""
        return self._names.get(_plain_name(name), ())

    def is_public_authority(self, key: str) -> bool:
        concept = self.concepts.get(key)
        return bool(concept and concept.kind in PUBLIC_AUTHORITY_KINDS)

    def is_generic(self, key: str) -> bool:
        concept = self.concepts.get(key)
        return bool(concept and concept.generic)

    def covers(self, general: str, specific: str, home: str | None = None) -> bool:
        """Does the entity ``general`` stand for ``specific``?

        "other government departments" covers the Home Office when the speaker is the Department
        for Education, but not the Department for Education itself.
        """
        if general == specific:
            return True
        g = self.concepts.get(general)
        s = self.concepts.get(specific)
        if g is None or s is None or g.covers is None:
            return False
        return s.kind == g.covers and specific != home


def _plain_name(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.split()).lower())


def _closure(key: str, concepts: dict[str, Concept]) -> frozenset[str]:
    seen = {key}
    stack = [key]
    while stack:
        concept = concepts.get(stack.pop())
        for parent in concept.within if concept else ():
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return frozenset(seen)


MAX_LEXICON_BYTES = 4 * 1024 * 1024
"""A lexicon larger than this is not one: refused unread (a link to /dev/zero never ends)."""


def load_lexicon(extra: list[Path] | tuple[Path, ...] = ()) -> Lexicon:
    """The default lexicon extended by each file in ``extra``, in order."""
    default = resources.files("claimcheck").joinpath("data/lexicon.toml").read_text("utf-8")
    concepts: dict[str, Concept] = {}
    negating: set[str] = set()
    ending: set[str] = set()
    _merge(concepts, negating, ending, tomllib.loads(default), "claimcheck default lexicon")
    sources = ["default"]
    for path in extra:
        try:
            raw = read_bounded(Path(path), MAX_LEXICON_BYTES, LexiconError,
                               "a lexicon is a list of words, not a data set")
            data = tomllib.loads(raw.decode("utf-8"))
        except FileNotFoundError:
            raise LexiconError("cannot be read: No such file or directory", path) from None
        except OSError as error:
            raise LexiconError(f"cannot be read: {error.strerror}", path) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise LexiconError(f"is not valid TOML: {error}", path) from None
        _merge(concepts, negating, ending, data, path)
        sources.append(str(path))
    return Lexicon(concepts, frozenset(negating), frozenset(ending), tuple(sources))


def _merge(concepts: dict[str, Concept], negating: set[str], ending: set[str],
           data: dict[str, Any], origin) -> None:
    unknown = set(data) - set(CATEGORIES) - {"negating_verbs", "ending_verbs"}
    if unknown:
        raise LexiconError(f"unknown section(s) {', '.join(sorted(unknown))}; expected "
                           f"{', '.join(CATEGORIES)}", origin)
    negating.update(_strings(data.get("negating_verbs", []), origin, "negating_verbs"))
    ending.update(_strings(data.get("ending_verbs", []), origin, "ending_verbs"))
    for category in CATEGORIES:
        table = data.get(category, {})
        if not isinstance(table, dict):
            raise LexiconError("must be a table of concepts", origin, category)
        for key, spec in table.items():
            where = f"{category}.{key}"
            if not isinstance(spec, dict):
                raise LexiconError("must be a table", origin, where)
            terms = _strings(spec.get("aliases", spec.get("terms", [])), origin, where)
            old = concepts.get(key)
            if old is not None and old.category != category:
                raise LexiconError(f"'{key}' is already a concept in {old.category}", origin, where)
            label = spec.get("label", old.label if old else key.replace("_", " "))
            if not isinstance(label, str):
                raise LexiconError("label must be text", origin, where)
            concepts[key] = Concept(
                key=key,
                category=category,
                label=label,
                terms=tuple(dict.fromkeys((*(old.terms if old else ()), label, *terms))),
                kind=spec.get("kind", old.kind if old else None),
                covers=spec.get("covers", old.covers if old else None),
                within=tuple(dict.fromkeys((*(old.within if old else ()),
                                            *_strings(spec.get("within", []), origin, where)))),
                generic=bool(spec.get("generic", old.generic if old else False)),
                denials=tuple(dict.fromkeys((*(old.denials if old else ()),
                                             *_strings(spec.get("denials", []), origin, where)))),
                related=tuple(dict.fromkeys((*(old.related if old else ()),
                                             *_strings(spec.get("related", []), origin, where)))),
                person_object=spec.get("person_object", old.person_object if old else None),
                done=spec.get("done", old.done if old else None),
                opposite=spec.get("opposite", old.opposite if old else None),
                implies=tuple(dict.fromkeys((*(old.implies if old else ()),
                                             *_strings(spec.get("implies", []), origin, where)))),
            )


def _strings(value: Any, origin, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError("must be a list of text", origin, where)
    return value

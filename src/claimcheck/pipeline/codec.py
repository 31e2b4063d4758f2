"""claimcheck's frozen records as JSON and back, read against their declared types.

What the cache stores must not be able to run anything when it is read back, so it is plain JSON,
and decoding builds only the type it is asked for: ``decode(list[Claim], data)`` walks ``Claim``'s
field annotations and accepts a value only where it has the declared shape. Anything else raises
``ValueError``: a damaged or foreign entry is never half-used.

    dataclass   an object of its fields          tuple, list, frozenset   a JSON list
    enum        its value                        Path                     its text
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data."""
    return _encoder(type(value))(value)


def decode(kind: Any, data: Any) -> Any:
    """``data`` read as ``kind``; ``ValueError`` when it does not have that shape."""
    return _decoder(kind)(data)


@functools.cache
def _encoder(kind: type) -> Callable[[Any], Any]:
    if dataclasses.is_dataclass(kind):
        names = tuple(f.name for f in dataclasses.fields(kind))
        return lambda value: {name: encode(getattr(value, name)) for name in names}
    if issubclass(kind, enum.Enum):
        return lambda value: value.value
    if issubclass(kind, Path):
        return str
    if issubclass(kind, frozenset | set):
        return lambda value: sorted((encode(v) for v in value), key=repr)
    if issubclass(kind, tuple | list):
        return lambda value: [encode(v) for v in value]
    if kind is type(None) or issubclass(kind, str | int | float):
        return lambda value: value
    raise TypeError(f"cannot store a {kind.__name__}")


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        chosen = [a for a in args if a is not type(None)]
        if len(chosen) != 1 or len(args) != 2:
            raise TypeError(f"cannot read {kind}: only 'X | None' unions are stored")
        inner = _decoder(chosen[0])
        return lambda data: None if data is None else inner(data)
    if origin in (tuple, list, frozenset):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            items = tuple(_decoder(a) for a in args)
            return lambda data: tuple(read(v) for read, v in zip(
                items, _list(kind, data, len(items)), strict=True))
        item = _decoder(args[0])
        return lambda data: origin(item(v) for v in _list(kind, data))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _record(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    if kind is Path:
        return lambda data: Path(_exactly(str, data))
    if kind is float:
        return lambda data: float(_exactly(int if type(data) is int else float, data))
    if kind in (str, int, bool):
        return lambda data: _exactly(kind, data)
    raise TypeError(f"cannot read {kind}")


def _list(kind: Any, data: Any, length: int | None = None) -> list:
    if type(data) is not list or (length is not None and len(data) != length):
        raise ValueError(f"expected a list for {kind}")
    return data


def _exactly(kind: type, data: Any) -> Any:
    # bool is an int to Python, not to a record: True is no year.
    if type(data) is not kind:
        raise ValueError(f"expected {kind.__name__}, not {type(data).__name__}")
    return data


def _record(kind: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(kind)
    fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(kind) if f.init}
    names = set(fields)

    def read(data: Any) -> Any:
        if type(data) is not dict or data.keys() != names:
            raise ValueError(f"not the fields of a {kind.__name__}")
        try:
            return kind(**{name: read_field(data[name]) for name, read_field in fields.items()})
        except (TypeError, ArithmeticError) as error:  # a record's own check of its values
            raise ValueError(f"not a valid {kind.__name__}: {error}") from None
    return read

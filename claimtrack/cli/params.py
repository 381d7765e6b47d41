"""Parameter values read without pydantic (issue 16: start-up).

Typer coerces the value of every parameter through a pydantic TypeAdapter that it builds the
first time the parameter is read: that imports pydantic (and, through its plugin loader,
importlib.metadata) and builds one adapter per option of the command (who-said has 18),
about 0.1 s of CPU, a sixth of a query's start-up. ``read_values_plainly`` gives every Typer
parameter a coercion that does in plain Python what those adapters do for the types
claimtrack's options use: str, int and float (with their bounds), Path, an Enum's choices, a
parser, and lists of them. Whatever it is not sure of (a malformed number, one out of bounds,
a choice that is none of them, another type) goes to Typer's own coercion, so the value and
the error message are Typer's, word for word (tests/cli/test_params.py compares the two on
every parameter of every command).

It leans on Typer's runtime-coercion hook (``typer._coercion.RuntimeParam``, Typer 0.2x);
a Typer without it keeps its own coercion (``read_values_plainly`` changes nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

try:  # Typer's runtime coercion (0.2x), and the plain helpers its adapters call
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another Typer: its own coercion stays
    RuntimeParam = None  # type: ignore[assignment,misc]

__all__ = ["UNSURE", "plain_value", "read_values_plainly"]

UNSURE = object()  # plain_value's answer when Typer's own coercion must decide
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")  # what int() and pydantic read alike
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?")


def plain_value(annotation: Any, info: Any, value: Any, ctx: Any = None, param: Any = None) -> Any:
    """VALUE as the parameter's ANNOTATION and INFO (a Typer ParameterInfo) make it, as
    Typer's adapter would; UNSURE for any value or type it does not read the same."""
    if get_origin(annotation) is list:
        if not isinstance(value, list | tuple):
            return UNSURE
        items = [plain_value(get_args(annotation)[0], info, v, ctx, param) for v in value]
        return UNSURE if any(v is UNSURE for v in items) else items
    try:
        return _leaf(annotation, info, value, ctx, param)
    except Exception:  # noqa: BLE001 - Typer's own coercion raises its own error for it
        return UNSURE


def _leaf(annotation: Any, info: Any, value: Any, ctx: Any, param: Any) -> Any:
    if info.parser is not None:
        return info.parser(value)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = list(annotation)
        return coerce_cli_choice(
            value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx
        )
    if annotation is str:
        return value if type(value) is str else UNSURE
    if annotation is int or annotation is float:
        return _number(annotation, info, value)
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return _path(annotation, info, value, ctx, param)
    return UNSURE


def _number(kind: type, info: Any, value: Any) -> Any:
    pattern = _INT if kind is int else _FLOAT
    if type(value) is kind:
        n = value
    elif type(value) is str and pattern.fullmatch(value):
        n = kind(value)
    else:
        return UNSURE
    if info.clamp or (info.min is not None and n < info.min):
        return UNSURE
    if info.max is not None and n > info.max:
        return UNSURE
    return n


def _path(annotation: type, info: Any, value: Any, ctx: Any, param: Any) -> Any:
    kind = info.path_type or annotation
    if not (isinstance(kind, type) and issubclass(kind, Path)):
        return UNSURE
    if type(value) is str and value:
        value = kind(value)  # what pydantic makes of a path's text
    if not isinstance(value, kind):
        return UNSURE
    return coerce_cli_path(value, info, path_type=kind, param=param, ctx=ctx)


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class PlainParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """A parameter's coercion: plain_value, else Typer's own."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            done = plain_value(self.annotation, self.parameter_info, value, ctx, param)
            if done is not UNSURE:
                return done
            typers = build_runtime_param(param.type_descriptor)
            return typers._coerce_value(value, param=param, ctx=ctx)

    def _runtime_param(self: _TyperParameter) -> RuntimeParam:
        """Typer's get_runtime_param, giving PlainParam to every parameter but files (which
        Typer opens itself)."""
        if self._runtime_param is None:
            desc = self.type_descriptor
            if desc.file_annotation is None:
                self._runtime_param = PlainParam(
                    parameter_info=desc.parameter_info, annotation=desc.annotation
                )
            else:
                self._runtime_param = build_runtime_param(desc)
        return self._runtime_param


def read_values_plainly() -> None:
    """Every Typer parameter (the help options Typer adds as it parses too) reads its values
    with PlainParam from now on."""
    if RuntimeParam is not None:
        _TyperParameter.get_runtime_param = _runtime_param

"""The command groups: one line on stderr for a user's mistake, and the root group that
imports a command's module only when that command runs (issue 16: start-up).

Only typer is imported here: `claimtrack --help` lists the commands from COMMANDS (name,
module, panel, the help line) without importing them, so it loads neither SQLAlchemy nor
rich tables nor the extractor. tests/cli/test_startup.py checks that the listing is the one
the loaded commands give.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass

import typer
import typer.main
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from claimtrack.cli.params import read_values_plainly
from claimtrack.errors import UserError

read_values_plainly()  # no pydantic to read a value (cli/params.py)


def report_error(message: str) -> None:
    """One line on stderr: "Error: MESSAGE" (Rich, imported only when there is an error)."""
    from rich.text import Text

    from claimtrack.cli.render import terminal_console, visible

    err = terminal_console(stderr=True, soft_wrap=True, markup=False, highlight=False)
    err.print(Text.assemble(("Error:", "red"), " ", visible(message)))


def fail(message: str, code: int = 1) -> typer.Exit:
    report_error(message)
    return typer.Exit(code)


class Group(TyperGroup):
    """One line on stderr for a user's mistake: exit 2 for a bad parameter, 1 for bad data."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "claimtrack"
            raise fail(f"{exc.format_message()} (see `{where} --help`)", 2) from None
        except UserError as exc:
            raise fail(str(exc)) from None


@dataclass(frozen=True)
class Lazy:
    """A command of the root group, named before it is loaded: TARGET is "module:attribute",
    a command function or a sub-group's Typer app; HELP is the line `--help` lists."""

    name: str
    target: str
    panel: str
    help: str

    def load(self) -> TyperCommand | TyperGroup:
        module, attr = self.target.split(":")
        obj = getattr(importlib.import_module(module), attr)
        if isinstance(obj, typer.Typer):
            cmd = typer.main.get_command(obj)
            cmd.name = self.name
        else:
            one = typer.Typer(add_completion=False)
            one.command(self.name)(obj)
            cmd = typer.main.get_command(one)
        cmd.rich_help_panel = self.panel  # type: ignore[attr-defined]
        listed_in_one_paragraph(cmd)
        return cmd

    def stub(self) -> TyperCommand:
        """What the root's --help shows of it, without importing it: HELP as one paragraph,
        its line breaks (kept to match the docstring) read as spaces, so Rich wraps it."""
        return TyperCommand(self.name, help=one_paragraph(self.help), rich_help_panel=self.panel)


def one_paragraph(help: str) -> str:
    """The first paragraph of a help text with its line breaks read as spaces: the line a
    listing of commands shows (Typer's Rich mode would keep the docstring's breaks)."""
    return " ".join(inspect.cleandoc(help).split("\n\n")[0].split())


def listed_in_one_paragraph(cmd: TyperCommand | TyperGroup) -> None:
    """Give CMD, and each command of a group under it, the one-paragraph line its group's
    --help lists (a `short_help` set by hand stays)."""
    if cmd.short_help is None and cmd.help:
        cmd.short_help = one_paragraph(cmd.help)
    for sub in getattr(cmd, "commands", {}).values():
        listed_in_one_paragraph(sub)


class LazyGroup(Group):
    """The root group over LAZY commands: a command's module is imported when it runs (or
    when ``commands`` is read, which loads them all, for the tests that walk the tree)."""

    lazy: tuple[Lazy, ...] = ()

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, TyperCommand | TyperGroup] = {}
        self._listing = False

    @property
    def commands(self) -> dict:  # type: ignore[override]
        return {c.name: self._load(c.name) for c in self.lazy}

    @commands.setter
    def commands(self, value: dict) -> None:
        if value:
            raise ValueError("the root group's commands are declared in COMMANDS")

    def _load(self, name: str):  # type: ignore[no-untyped-def]
        if name not in self._loaded:
            spec = next((c for c in self.lazy if c.name == name), None)
            if spec is None:
                return None
            self._loaded[name] = spec.load()
        return self._loaded[name]

    def list_commands(self, ctx) -> list[str]:  # type: ignore[no-untyped-def]
        return [c.name for c in self.lazy]

    def get_command(self, ctx, cmd_name: str):  # type: ignore[no-untyped-def]
        if self._listing:
            spec = next((c for c in self.lazy if c.name == cmd_name), None)
            return spec.stub() if spec else None
        return self._load(cmd_name)

    def format_help(self, ctx, formatter) -> None:  # type: ignore[no-untyped-def]
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


def lazy_group(commands: tuple[Lazy, ...]) -> type[LazyGroup]:
    """A LazyGroup class over COMMANDS (Typer makes the group from its class)."""
    return type("ClaimtrackGroup", (LazyGroup,), {"lazy": commands})

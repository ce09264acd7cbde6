"""The ``careglot`` command line: parse arguments, call the libraries, print, exit.

Each command group lives in its own module in :mod:`careglot.commands` and exposes
``register(subparsers)``; modules are discovered, so adding a command touches no other
file. Handlers return an exit code: 0 success, 1 findings, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from careglot import __version__, commands
from careglot.workspace import Workspace, open_workspace
from glossary.errors import CareglotError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors use careglot's one-line error format."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"careglot: error: {message}\n")


def workspace_from(args: argparse.Namespace) -> Workspace:
    """The workspace for this invocation (``--workspace`` or discovered from the cwd)."""
    return open_workspace(getattr(args, "workspace", None))


def _command_modules(only: str | None = None) -> list[ModuleType]:
    """Every command module, or just the one named ``only`` (if there is one)."""
    names = [info.name for info in pkgutil.iter_modules(commands.__path__) if not info.name.startswith("_")]
    if only is not None:
        names = [name for name in names if name == only]
    modules = [importlib.import_module(f"{commands.__name__}.{name}") for name in names]
    return sorted(modules, key=lambda module: (getattr(module, "ORDER", 50), module.__name__))


def _command_word(argv: Sequence[str]) -> str | None:
    """The command an invocation names (``check`` in ``careglot --workspace ws check x.po``)."""
    words = iter(argv)
    for word in words:
        if word == "--workspace":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def parser_for_command(argv: Sequence[str]) -> argparse.ArgumentParser:
    """A parser with only the module of the command ``argv`` names, when a module of that name
    registers it (``careglot check`` need not import the rendering or extraction libraries),
    else the full parser."""
    word = _command_word(argv)
    if word is not None:
        parser = build_parser(word)
        if word in _subparsers(parser).choices:
            return parser
    return build_parser()


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full argument parser with every registered command (or those of command module ``only``)."""
    parser = _Parser(
        prog="careglot",
        description="Keep patient information on stem-cell therapy consistent in nl-BE, fr-BE, de-BE and en.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"careglot {__version__}")
    parser.add_argument("--workspace", metavar="DIR", help="workspace directory (default: found from the cwd)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _command_modules(only):
        module.register(subparsers)
    examples = [sub.epilog for sub in subparsers.choices.values() if sub.epilog]
    parser.epilog = "examples:\n" + "\n".join(f"  {example.removeprefix('example: ')}" for example in examples)
    return parser


def _parser_for(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser:
    """The sub-parser of a command group (``careglot leaflets``), or the main parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    return parser


def _display_path(path: str) -> str:
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else path
    except (OSError, ValueError):
        return path


def format_error(error: CareglotError) -> str:
    """``careglot: error: <file>:<line>: <what>`` with paths relative to the cwd when inside it."""
    where = error.location()
    if error.path is not None:
        shown = _display_path(error.path)
        where = f"{shown}:{error.line}" if error.line is not None else shown
    return f"careglot: error: {where}: {error.message}" if where else f"careglot: error: {error.message}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run careglot; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = parser_for_command(arguments)
    args = parser.parse_args(arguments)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        _parser_for(parser, args.command).print_help()
        return EXIT_INPUT
    try:
        return handler(args)
    except CareglotError as error:
        if args.debug:
            traceback.print_exc()
        print(format_error(error), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("careglot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        if args.debug:
            traceback.print_exc()
        where = f"{_display_path(error.filename)}: " if error.filename else ""
        print(f"careglot: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_INPUT

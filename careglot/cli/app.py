"""The ``careglot`` command line: parse arguments, call the libraries, print, exit.

:data:`COMMANDS` is the table of commands: each names the module of
:mod:`careglot.cli.commands` that registers it with ``register(subparsers)``. Only the
module of the command an invocation names is imported (``careglot check`` loads neither
rendering nor extraction). Handlers return an exit code: 0 success, 1 findings, 2 usage
or input error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from types import ModuleType

from careglot import __version__
from careglot.cli.messages import display_path, format_error
from careglot.core.errors import CareglotError

EXIT_OK, EXIT_INPUT = 0, 2  # and 1: a handler found problems
Handler = Callable[[argparse.Namespace], int]

# Command -> module of careglot.cli.commands that registers it, in the order --help lists them.
COMMANDS: dict[str, str] = {
    "init": "workspace",
    "sources": "workspace",
    "extract": "extract",
    "glossary": "glossary",
    "lookup": "lookup",
    "leaflets": "leaflets",
    "build": "build",
    "catalog": "catalog",
    "check": "check",
}


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors use careglot's one-line error format."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"careglot: error: {message}\n")


def _command_modules(only: str | None = None) -> list[ModuleType]:
    """The module of every command, or only that of command ``only`` (if it is one)."""
    names = [COMMANDS[only]] if only in COMMANDS else [] if only is not None else list(dict.fromkeys(COMMANDS.values()))
    return [importlib.import_module(f"careglot.cli.commands.{name}") for name in names]


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
    """A parser with only the module of the command ``argv`` names, when that is a command
    (``careglot check`` need not import the rendering or extraction libraries), else the full parser."""
    word = _command_word(argv)
    if word in COMMANDS:
        return build_parser(word)
    return build_parser()


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
        where = f"{display_path(error.filename)}: " if error.filename else ""
        print(f"careglot: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_INPUT

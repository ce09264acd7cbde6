"""The ``careglot`` command line (entry point ``careglot = careglot.cli:main``).

:mod:`careglot.cli.app` holds the table of commands and ``main``; each command group is a
module of :mod:`careglot.cli.commands`, imported only when its command runs.
"""

from careglot.cli.app import build_parser, main

__all__ = ["build_parser", "main"]

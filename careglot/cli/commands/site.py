"""``careglot glossary site|serve``: build the glossary browser, or serve it on 127.0.0.1.

These are actions of the ``glossary`` group: :mod:`careglot.cli.commands.glossary` calls
:func:`register_actions`; the top-level :func:`register` adds nothing.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from careglot.cli.options import add_glossary_option, resolve_glossary
from careglot.core.errors import UsageError
from glossary.loader import load_glossary
from render.site.build import build_site
from render.site.serve import make_server, server_url


def register_actions(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``site`` and ``serve`` to the ``careglot glossary`` actions."""
    site = actions.add_parser("site", help="write the glossary as a searchable static web page (works from file://)",
                              epilog="example: careglot glossary site -o public/glossary")
    add_glossary_option(site)
    site.add_argument("-o", "--output", metavar="DIR", default="glossary-site",
                      help="directory to write the site into (default: glossary-site)")
    site.set_defaults(handler=_site)

    serve = actions.add_parser("serve", help="build the glossary page and serve it on 127.0.0.1 for a quick look",
                               epilog="example: careglot glossary serve --port 8080")
    add_glossary_option(serve)
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0 = any free port)")
    serve.set_defaults(handler=_serve)


def _site(args: argparse.Namespace) -> int:
    path, _ = resolve_glossary(args)
    written = build_site(load_glossary(path), args.output)
    index = next(file for file in written if file.name == "index.html")
    print(f"wrote {len(written)} files to {args.output}; open {index.resolve().as_uri()}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}")
    path, _ = resolve_glossary(args)
    glossary = load_glossary(path)
    with tempfile.TemporaryDirectory(prefix="careglot-site-") as directory:
        build_site(glossary, Path(directory))
        try:
            server = make_server(directory, args.port)
        except OSError as error:
            raise UsageError(f"cannot listen on 127.0.0.1:{args.port}: {error.strerror or error}") from error
        with server:
            print(f"serving the glossary on {server_url(server)} (Ctrl-C to stop)", flush=True)
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                print("stopped")
    return 0

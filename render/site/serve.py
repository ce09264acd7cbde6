"""Serve a built site on 127.0.0.1 (``careglot glossary serve``): for a quick look, not production."""

from __future__ import annotations

import functools
import os
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HOST = "127.0.0.1"


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files only, no request log on the terminal."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def make_server(directory: str | os.PathLike[str], port: int = 8000) -> ThreadingHTTPServer:
    """An HTTP server for ``directory`` on 127.0.0.1:``port`` (0 = any free port); call ``serve_forever``."""
    handler = functools.partial(_QuietHandler, directory=os.fspath(directory))
    return ThreadingHTTPServer((HOST, port), handler)


def server_url(server: ThreadingHTTPServer) -> str:
    return f"http://{HOST}:{server.server_address[1]}/"

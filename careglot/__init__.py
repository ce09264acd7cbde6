"""careglot: consistent patient information on stem-cell therapy in Belgium (nl, fr, de, en)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("careglot")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

"""HTML to PDF with WeasyPrint (the optional ``pdf`` extra), fonts embedded and subset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careglot.core.errors import UsageError

INSTALL_HINT = "PDF output needs WeasyPrint: pip install 'careglot[pdf]'"


def weasyprint() -> Any:
    """The weasyprint module, imported only when a PDF is asked for."""
    try:
        import weasyprint as module
    except (ImportError, OSError) as error:  # OSError: WeasyPrint present but Pango missing
        raise UsageError(f"{INSTALL_HINT} ({error})") from error
    return module


def html_to_pdf(html: str, base: Path) -> bytes:
    """The PDF of an HTML document; ``base`` is the folder relative links resolve in."""
    module = weasyprint()
    document = module.HTML(string=html, base_url=str(base), url_fetcher=_no_fetch)
    data: bytes = document.write_pdf(pdf_variant=None)
    return data


def _no_fetch(url: str, timeout: int = 10, ssl_context: Any = None) -> dict[str, Any]:
    """Leaflets load no external resources; a fetch would be a bug (or an injected URL)."""
    raise ValueError(f"refusing to fetch {url!r} while rendering a leaflet")

"""Make docs/img/leaflet-nl-fr.png: one leaflet page in Dutch and French, side by side.

Usage: python docs/img/make_leaflet_screenshot.py [--workspace DIR] [--leaflet ID]

Builds the leaflet in nl_BE and fr_BE into a temporary folder (refusing incomplete
catalogs, so the picture never shows a gap), screenshots the top of each page in headless
Chromium and joins the two (needs Playwright, /usr/bin/chromium and Pillow).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from careglot.cli import main as careglot  # noqa: E402

WIDTH, HEIGHT, GAP = 760, 1000, 16
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def screenshots(pages: list[Path]) -> list[bytes]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        shots = []
        for path in pages:
            page.goto(path.as_uri())
            shots.append(page.screenshot())
        browser.close()
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", default=str(ROOT))
    parser.add_argument("--leaflet", default="ahsct-ms")
    parser.add_argument("--output", default=str(ROOT / "docs" / "img" / "leaflet-nl-fr.png"))
    args = parser.parse_args()
    import io

    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        code = careglot(["--workspace", args.workspace, "build", "--lang", "nl_BE,fr_BE", "--out", tmp])
        if code != 0:
            print("the nl_BE and fr_BE catalogs must be complete first", file=sys.stderr)
            return code
        shots = screenshots([Path(tmp) / locale / f"{args.leaflet}.html" for locale in ("nl_BE", "fr_BE")])
    images = [Image.open(io.BytesIO(shot)).convert("RGB") for shot in shots]
    joined = Image.new("RGB", (WIDTH * 2 + GAP, HEIGHT), (200, 200, 200))
    for index, image in enumerate(images):
        joined.paste(image, (index * (WIDTH + GAP), 0))
    joined.quantize(colors=64).save(args.output, optimize=True)
    print(f"wrote {args.output} ({Path(args.output).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

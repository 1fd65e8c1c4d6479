"""The workspace docs point at files that exist: every screenshot and every linked page."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_tutorial_images_and_links_exist() -> None:
    for page in (DOCS / "tutorial-workspace.md", DOCS / "how-to" / "serve-the-workspace.md"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)\)", text):
            if target.startswith("http"):
                continue
            assert (page.parent / target).exists(), f"{page.name} links to a missing file: {target}"


def test_every_screenshot_the_browser_tests_take_is_in_the_tutorial() -> None:
    taken = set(re.findall(r'snap\(page, shots, "([^"]+)"\)', (Path(__file__).parent / "test_browser.py").read_text(encoding="utf-8")))
    taken |= {"overview", "events", "relations", "triangle", "forecast", "code"}
    shown = set(re.findall(r"images/workspace-([a-z-]+)\.png", (DOCS / "tutorial-workspace.md").read_text(encoding="utf-8")))
    assert taken == shown

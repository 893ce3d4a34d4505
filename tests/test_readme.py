"""The README's module map names every module, and only modules that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "src" / "referral_desk"


def _map_rows() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index("## Module map")
    return text[start : text.index("\n## ", start + 1)]


def test_every_module_is_in_the_module_map() -> None:
    rows = _map_rows()
    modules = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "__init__.py"
    }
    missing = sorted(m for m in modules if f"`{m}`" not in rows)
    assert missing == []


def test_the_module_map_names_no_module_that_is_gone() -> None:
    named = set(re.findall(r"`([a-z_/]+\.py)`", _map_rows()))
    assert sorted(n for n in named if not (PACKAGE / n).exists()) == []


def test_the_guides_the_readme_links_exist() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    for link in re.findall(r"\]\(((?:docs|packaging)/[^)#]+)\)", text):
        assert (ROOT / link).exists(), link
    for guide in (ROOT / "docs").glob("*.md"):
        for image in re.findall(r"\]\((screenshots/[^)]+)\)", guide.read_text("utf-8")):
            assert (ROOT / "docs" / image).exists(), f"{guide.name}: {image}"


"""The cut-down fonts the PDFs use first: what scripts/cut_fonts.py makes from the whole
DejaVu, with the same letters, widths and names as the whole font has for them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "resources" / "fonts"
NAMES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def test_the_committed_cut_fonts_are_what_the_script_makes() -> None:
    check = [sys.executable, str(ROOT / "scripts" / "cut_fonts.py"), "--check"]
    result = subprocess.run(check, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_a_cut_font_has_the_whole_fonts_glyphs_for_its_letters(name: str) -> None:
    whole, cut = TTFont(FONTS / name), TTFont(FONTS / "cut" / name)
    whole_cmap, cut_cmap = whole.getBestCmap(), cut.getBestCmap()
    assert 1000 < len(cut_cmap) < len(whole_cmap) / 2
    for letter in "AzÇşțŁĕΩЖїệ–€□":
        assert cut_cmap[ord(letter)] == whole_cmap[ord(letter)]
        glyph = whole_cmap[ord(letter)]
        assert cut["hmtx"][glyph] == whole["hmtx"][glyph]
    assert all(whole_cmap.get(code) == glyph for code, glyph in cut_cmap.items())
    assert ord("ա") in whole_cmap and ord("ա") not in cut_cmap

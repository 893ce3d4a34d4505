"""Writes the cut-down DejaVu fonts the PDFs use first: resources/fonts/cut/.

    python scripts/cut_fonts.py           # write them
    python scripts/cut_fonts.py --check   # exit 1 when the committed files differ

Parsing the whole DejaVu Sans (6,000 glyphs) costs a referral about 12 MB of memory; the
scripts names and addresses are written in here (Latin, Greek, Cyrillic; about 1,500
glyphs) cost a quarter of that. A document whose text needs a glyph outside the cut is laid
out again with the whole font (sealing/documents.py, sealing/leaflet.py), so nothing is
lost. The cut keeps everything fpdf's own subsetting reads (glyph names, GSUB for its glyph
closure, hinting, the same advance widths), and drops only tables fpdf drops anyway.
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "resources" / "fonts"
CUT = FONTS / "cut"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
RANGES = (
    (0x0020, 0x024F),  # Basic Latin, Latin-1, Latin Extended-A and -B
    (0x0300, 0x036F),  # combining diacritical marks
    (0x0370, 0x052F),  # Greek, Cyrillic and its supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese and others)
    (0x2000, 0x206F),  # general punctuation: dashes, quotes
    (0x20AC, 0x20AC),  # euro sign
    (0x25A1, 0x25A1),  # the box that stands in for a glyph the font lacks
)
# fpdf drops GPOS, MATH and FFTM, and fontTools drops a legacy kern table next to GPOS,
# so none of them reaches a PDF.
DROPPED = ("GPOS", "kern", "MATH", "FFTM")


def _options() -> subset.Options:
    options = subset.Options()
    options.drop_tables = list(DROPPED)
    options.passthrough_tables = True
    options.layout_features = ["*"]
    options.layout_scripts = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.glyph_names = True
    options.notdef_glyph = True
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.hinting = True
    options.hinting_tables = ["*"]
    options.legacy_cmap = True
    options.symbol_cmap = True
    options.prune_unicode_ranges = False
    options.prune_codepage_ranges = False
    options.recalc_bounds = False
    options.recalc_timestamp = False
    options.recalc_max_context = False
    options.recalc_average_width = False
    options.ignore_missing_glyphs = True
    return options


def cut(whole: Path) -> bytes:
    """The font in *whole*, cut down to RANGES."""
    font = TTFont(whole, recalcTimestamp=False)
    cmap = font.getBestCmap()
    unicodes = [cp for low, high in RANGES for cp in range(low, high + 1) if cp in cmap]
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    # "FFTM NOT subset": dropped on purpose, see DROPPED.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    stale = []
    for name in FILES:
        wanted = cut(FONTS / name)
        target = CUT / name
        if args.check:
            if not target.is_file() or target.read_bytes() != wanted:
                stale.append(name)
            continue
        CUT.mkdir(exist_ok=True)
        target.write_bytes(wanted)
    if stale:
        print(f"out of date: {', '.join(stale)}; run python scripts/cut_fonts.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""fpdf2's fonts, parsed once per process instead of once per referral.

``FPDF.add_font`` parses the TTF file each time (glyph order, cmap, the width of every
glyph), and ``FPDF.output`` subsets the parsed fontTools font in place, so one parsed font
cannot simply be shared between documents. Here each font file is parsed once: every
document gets a clone of fpdf's font object (metrics shared, per-document state new), and
just before output each clone gets a fontTools font of its own, unpickled from a snapshot
taken once, which takes a fraction of parsing the file again. The PDF is byte for byte
what ``add_font`` gives (tests/sealing/test_documents.py).

The documents use the cut-down DejaVu first (``scripts/cut_fonts.py``) and the whole font
only for a text the cut lacks a letter of (:func:`lacks_glyphs`), so the whole font is
parsed only when some document needs it.

fpdf and fontTools are imported on first use only: they cost more start-up time than the
rest of the app together.
"""

from __future__ import annotations

import copy
import importlib
import io
import logging
import pickle
import sys
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from fpdf import FPDF

# fpdf2 imports these when they are installed, for images, encrypted and signed PDFs, none
# of which a referral has; without them the first referral loads 70 ms faster and the app
# needs 23 MB less memory.
_FPDF_EXTRAS: Final = ("numpy", "PIL", "cryptography")
# Decompiled before a snapshot is taken: what fpdf's subsetting reads.
_PRELOADED_TABLES: Final = (
    "head", "hhea", "maxp", "OS/2", "name", "post", "cmap", "hmtx", "loca", "glyf",
    "cvt ", "fpgm", "prep", "gasp",
)  # fmt: skip


@dataclass(frozen=True)
class _ParsedFont:
    template: Any  # fpdf.fonts.TTFFont as fpdf parsed it; never output itself
    snapshot: bytes  # pickled fontTools TTFont of the file


# (family, style, resolved path, mtime_ns, size) → parsed font, or None when the font is
# not one this cache reproduces exactly and fpdf parses it per document as before.
_FontKey = tuple[str, str, str, int, int]
_parsed: dict[_FontKey, _ParsedFont | None] = {}
_lock = threading.Lock()
_import_lock = threading.Lock()
log = logging.getLogger(__name__)


def clear() -> None:
    with _lock:
        _parsed.clear()


def cached_fonts() -> int:
    """How many font files are held parsed."""
    with _lock:
        return sum(entry is not None for entry in _parsed.values())


def _import_fpdf() -> None:
    """Import fpdf2 and fontTools without _FPDF_EXTRAS, unless something loaded them first."""
    with _import_lock:
        if "fpdf" in sys.modules:
            return
        # A None entry makes an import of that name raise ImportError, which fpdf2 expects
        # when the package is not installed. Only for this import: afterwards they import.
        blocked = [name for name in _FPDF_EXTRAS if name not in sys.modules]
        for name in blocked:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Pillow could not be imported")
                for module in ("fpdf", "fpdf.fonts", "fontTools.subset", "fontTools.ttLib"):
                    importlib.import_module(module)
        finally:
            for name in blocked:
                if name in sys.modules and sys.modules[name] is None:
                    del sys.modules[name]


def _snapshot(font: Any) -> bytes:
    for tag in _PRELOADED_TABLES:
        if tag in font:
            font[tag]
    font.getGlyphOrder()
    font.getBestCmap()
    return pickle.dumps(font, protocol=pickle.HIGHEST_PROTOCOL)


def _parse(family: str, style: str, path: Path) -> _ParsedFont | None:
    _import_fpdf()
    from fpdf import FPDF

    tt_lib: Any = importlib.import_module("fontTools.ttLib")
    scratch = FPDF()
    scratch.add_font(family, style, str(path))
    template: Any = next(iter(scratch.fonts.values()))
    parsed = template.ttfont
    # Only what the clone below reproduces exactly: a plain TrueType font with its own
    # .notdef glyph (fpdf draws one into its parsed font otherwise) and no colour glyphs.
    cacheable = (
        template.color_font is None
        and not template.is_compressed
        and "glyf" in parsed
        and ".notdef" in parsed["glyf"]
    )
    _release(parsed)
    template.ttfont = None  # only the per-document copies are ever subset
    if not cacheable:
        return None
    # The options fpdf opens the file with (fpdf.fonts.TTFFont).
    font = tt_lib.TTFont(
        io.BytesIO(path.read_bytes()),
        recalcTimestamp=False,
        fontNumber=getattr(template, "collection_font_number", 0),
        lazy=True,
    )
    try:
        snapshot = _snapshot(font)
    except Exception as error:  # a font fontTools cannot pickle: fpdf's own way
        log.warning("font cache not used for %s: %s", path.name, type(error).__name__)
        return None
    finally:
        _release(font)
    return _ParsedFont(template, snapshot)


def _release(font: Any) -> None:
    """Frees a parsed font's tables now. A fontTools font is in a reference cycle, so its
    thousands of decompiled glyphs would otherwise wait for the garbage collector, and
    the next font parsed would take new memory instead of theirs. (No gc.collect(): this
    runs on worker threads, and a collection there could destroy Qt objects of the GUI
    thread that happen to be in unreachable cycles.)"""
    font.close()
    font.tables.clear()


def _parsed_font(family: str, style: str, path: Path) -> _ParsedFont | None:
    stat = path.stat()
    key = (family, style, str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _lock:
        if key not in _parsed:
            _parsed[key] = _parse(family, style, path)
        return _parsed[key]


def _slots(cls: type) -> list[str]:
    return [slot for klass in cls.__mro__ for slot in getattr(klass, "__slots__", ())]


def _clone(template: Any, pdf: Any) -> Any:
    from fpdf.fonts import SubsetMap

    cls: Any = type(template)
    font = cls.__new__(cls)
    for slot in _slots(cls):
        if hasattr(template, slot):
            setattr(font, slot, getattr(template, slot))
    # What fpdf changes while a document is laid out is the document's own.
    font.i = len(pdf.fonts) + 1
    font.cw = copy.copy(template.cw)
    font.glyph_ids = dict(template.glyph_ids)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    return font


_document_class: type | None = None


def _document_type() -> type:
    """FPDF, but its output first gives each cached font its own fontTools font."""
    global _document_class
    _import_fpdf()
    with _import_lock:
        if _document_class is not None:
            return _document_class
        from fpdf import FPDF

        class CachedFontsFPDF(FPDF):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.cached_fonts: list[tuple[Any, _ParsedFont]] = []

            def output(self, *args: Any, **kwargs: Any) -> Any:
                for font, parsed in self.cached_fonts:
                    font.ttfont = pickle.loads(parsed.snapshot)
                return super().output(*args, **kwargs)

        _document_class = CachedFontsFPDF
        return _document_class


def new_document(fonts: Sequence[tuple[str, str, Path]], **options: Any) -> FPDF:
    """``FPDF(**options)`` with each ``(family, style, file)`` added as ``add_font`` would."""
    pdf: Any = _document_type()(**options)
    for family, style, path in fonts:
        parsed = _parsed_font(family, style, path)
        if parsed is None:
            pdf.add_font(family, style, str(path))
            continue
        font = _clone(parsed.template, pdf)
        pdf.fonts[font.fontkey] = font
        pdf.cached_fonts.append((font, parsed))
    document: FPDF = pdf
    return document


def enable_text_shaping(document: FPDF) -> None:
    """Lay text out with HarfBuzz (needs ``uharfbuzz``): Arabic letters joined and ordered
    right to left. fpdf's shaping reads glyph names from each font's fontTools font while
    laying out, so the cached fonts get theirs now instead of just before output."""
    pdf: Any = document
    for font, parsed in getattr(pdf, "cached_fonts", ()):
        font.ttfont = pickle.loads(parsed.snapshot)
    pdf.set_text_shaping(True)


def lacks_glyphs(document: FPDF, text: str) -> bool:
    """Whether the document's current font has no glyph for a visible character of *text*
    (spaces and format characters need none)."""
    pdf: Any = document
    cmap = pdf.current_font.cmap
    return any(ord(char) not in cmap for char in text if char.isprintable() and not char.isspace())

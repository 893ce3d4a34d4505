"""The one CSV writer: what Excel in a Belgian locale opens directly, and never runs.

``;`` between fields (``,`` is the decimal sign there), CRLF line ends, UTF-8 with a byte
order mark so that accented names survive a double-click. A text cell that Excel or
LibreOffice would read as a formula or DDE call (it starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return, the OWASP CSV-injection list) gets a leading ``'``. Cells that
already start with ``'`` before such a character get one more, so :func:`restored` can undo
exactly what :func:`neutralised` added: an E.164 phone ``+32…`` leaves as ``'+32…`` and is
read back as ``+32…``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Final

ENCODING: Final = "utf-8-sig"
DELIMITER: Final = ";"
FORMULA_STARTS: Final = frozenset("=+-@\t\r")
TEXT_MARK: Final = "'"


def _needs_mark(text: str) -> bool:
    return text.lstrip(TEXT_MARK)[:1] in FORMULA_STARTS


def neutralised(text: str) -> str:
    """The cell as written: a ``'`` in front when a spreadsheet would evaluate it."""
    return TEXT_MARK + text if _needs_mark(text) else text


def restored(cell: str) -> str:
    """The text :func:`neutralised` was given; anything else comes back unchanged."""
    if cell.startswith(TEXT_MARK) and _needs_mark(cell[1:]):
        return cell[1:]
    return cell


def write_csv(rows: Iterable[Sequence[object]]) -> str:
    """The CSV text, every text cell neutralised; numbers are written as they are.

    Encode with :data:`ENCODING` (or use :func:`csv_bytes`) so Excel reads it as UTF-8.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralised(cell) if isinstance(cell, str) else cell for cell in row])
    return out.getvalue()


def csv_bytes(text: str) -> bytes:
    """What to write to the ``.csv`` file: UTF-8 with a byte order mark, for Excel."""
    return text.encode(ENCODING)

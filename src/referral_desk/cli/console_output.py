"""Text the command line prints survives any console and any pipe.

Windows gives a redirected stdout the ANSI code page (cp1252 in Belgium), which has no ``→``
and no Arabic or Ukrainian letters, so a plain ``print`` of a Dutch message can raise
``UnicodeEncodeError`` in the middle of an IT script. Redirected streams therefore write
UTF-8, and a character that still cannot be written (a lone surrogate from a file name)
becomes an escape instead of an error. A Windows console (``WindowsConsoleIO``) already
takes every character and is left as it is.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO


def utf8_everywhere(*streams: TextIO | None) -> None:
    """Reconfigure ``streams`` (default: stdout and stderr) to UTF-8 that never raises."""
    for stream in streams or (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None in a windowed build; a test's capture buffer
        encoding = "utf-8" if _is_redirected(stream) else stream.encoding
        stream.reconfigure(encoding=encoding, errors="backslashreplace")


def _is_redirected(stream: io.TextIOWrapper) -> bool:
    try:
        return not stream.isatty()
    except ValueError:  # closed
        return False

"""Fake programs that the product really starts, written in Python so they run everywhere.

A product that starts a program by path or PATH lookup gets :func:`fake_program`: on POSIX
an executable script with this Python on its ``#!`` line; on Windows (where CreateProcess
runs only ``.exe`` files and, through cmd.exe, ``.bat``/``.cmd`` files) a ``.py`` file and a
``.cmd`` wrapper that runs it with this Python, found on PATH through ``PATHEXT``. Where the
test hands the product an argument list itself, :func:`python_command` needs no wrapper.

The wrapper passes its arguments on through cmd.exe, which reads ``%``, ``^``, ``&`` and
quotes its own way: give a wrapped fake only arguments without them.
"""

from __future__ import annotations

import sys
from pathlib import Path


def python_command(folder: Path, name: str, source: str) -> list[str]:
    """*source* as ``folder/name.py``; the argument list that runs it with this Python."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / f"{name}.py"
    script.write_text(source, encoding="utf-8")
    return [sys.executable, str(script)]


def fake_program(folder: Path, name: str, source: str) -> Path:
    """*source* as a program called *name* in *folder*; the path to start it by.

    Its exit status is the script's.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        _python, script = python_command(folder, name, source)
        wrapper = folder / f"{name}.cmd"
        # The last command's status is the batch file's exit status.
        wrapper.write_text(f'@"{sys.executable}" "{script}" %*\r\n', encoding="utf-8")
        return wrapper
    program = folder / name
    program.write_text(f"#!{sys.executable}\n{source}", encoding="utf-8")
    program.chmod(0o755)
    return program

"""A folder that is a link, the way each platform makes one, for the tests that refuse links.

On POSIX a symbolic link. On Windows a junction: any user can make one (a symbolic link needs
a privilege), and Python 3.11 reports it as a plain directory (``is_symlink()`` False,
``S_ISDIR``), so only its reparse attributes tell it apart.

Wine 8 makes neither junctions nor symbolic links (its ``os.symlink`` reports success and
creates nothing), so the junction is *simulated*, on every platform alike: the target folder is
moved to the link's place and ``os.lstat`` reports it with exactly the attributes Windows gives
a junction (FILE_ATTRIBUTE_REPARSE_POINT, IO_REPARSE_TAG_MOUNT_POINT). Only code that asks
``os.lstat`` sees the difference, which is how the product tells links apart; what lies behind
a simulated junction is a real folder, so a test never relies on the OS refusing to walk into
it. Either way the target's content shows through the link's path: tests read it there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Literal

import pytest

LinkKind = Literal["symlink", "junction"]
NATIVE: LinkKind = "junction" if sys.platform == "win32" else "symlink"
# The kinds a link test runs with here: the platform's own, and on POSIX also the simulated
# junction, so the Windows checks run on Linux too.
KINDS: list[LinkKind] = ["junction"] if sys.platform == "win32" else ["symlink", "junction"]

FILE_ATTRIBUTE_DIRECTORY = 0x10
FILE_ATTRIBUTE_REPARSE_POINT = 0x400
IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003


class _JunctionStat:
    """A directory's stat result as Windows' Python 3.11 gives it for a junction."""

    st_file_attributes = FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT
    st_reparse_tag = IO_REPARSE_TAG_MOUNT_POINT

    def __init__(self, real: os.stat_result) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _key(path: object) -> str:
    return os.path.normcase(os.path.abspath(os.fsdecode(path)))  # type: ignore[arg-type]


def _simulate_junction(monkeypatch: pytest.MonkeyPatch, link: Path) -> None:
    wrapped = os.lstat
    key = _key(link)

    def lstat(path: Any, *, dir_fd: int | None = None) -> Any:
        info = wrapped(path, dir_fd=dir_fd)
        if dir_fd is None and not isinstance(path, int) and _key(path) == key:
            return _JunctionStat(info)
        return info

    monkeypatch.setattr(os, "lstat", lstat)


def folder_link(
    monkeypatch: pytest.MonkeyPatch, link: Path, target: Path, kind: LinkKind = NATIVE
) -> Path:
    """Makes *link* a link of *kind* to the existing folder *target*; returns *link*."""
    if kind == "symlink":
        link.symlink_to(target, target_is_directory=True)
        assert link.is_symlink(), "this platform made no symbolic link"
    else:
        target.rename(link)
        _simulate_junction(monkeypatch, link)
    return link

"""Reading a registry file from disk, refusing what is no registry before it is parsed.

Loading, the editor and the CSV import all read through :func:`read_registry_text`, so they
refuse the same files: missing, a dangling or looping link, a folder, a FIFO, a device,
oversized, non-UTF-8 or binary.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.partners import PartnerRegistry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_document import LoadedRegistry
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem, file_problem
from referral_desk.registry.parsing import load_registry_text

MAX_REGISTRY_BYTES = 1_000_000


LINK_LOOPS = MessageTemplate(
    "registry.file.link_loops",
    "is een snelkoppeling (symbolische link) die in een kring naar zichzelf wijst",
)
LINK_DANGLES = MessageTemplate(
    "registry.file.link_dangles",
    "is een snelkoppeling (symbolische link) naar een bestand dat niet bestaat",
)
DOES_NOT_EXIST = MessageTemplate(
    "registry.file.does_not_exist", "kan niet gelezen worden: het bestand bestaat niet"
)
IS_A_FOLDER = MessageTemplate("registry.file.is_a_folder", "is een map, geen bestand")
UNREADABLE = MessageTemplate("registry.file.unreadable", "kan niet gelezen worden: {reason}")
NOT_A_REGULAR_FILE = MessageTemplate(
    "registry.file.not_regular",
    "is geen gewoon bestand (maar een pipe, apparaat of socket); "
    "een partnerregister is een tekstbestand",
)
TOO_LARGE = MessageTemplate(
    "registry.file.too_large",
    "te groot (meer dan {kilobytes} kB); is dit wel een partnerregister?",
)
NOT_UTF8 = MessageTemplate(
    "registry.file.not_utf8",
    "geen UTF-8-tekst; sla het bestand op als UTF-8 (geen binair bestand)",
)
BINARY = MessageTemplate(
    "registry.file.binary", "bevat binaire gegevens; is dit wel een partnerregister?"
)


def _open_failure(path: Path, error: OSError) -> Message:
    if error.errno == errno.ELOOP:
        return LINK_LOOPS()
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        if path.is_symlink():
            return LINK_DANGLES()
        return DOES_NOT_EXIST()
    if error.errno == errno.EISDIR or (error.errno == errno.EACCES and path.is_dir()):
        return IS_A_FOLDER()
    return UNREADABLE(reason=str(error.strerror or error))


def _not_a_file(mode: int) -> Message | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return IS_A_FOLDER()
    return NOT_A_REGULAR_FILE()


# Opening a FIFO for reading blocks until a writer appears; O_NONBLOCK opens it at once, so
# fstat can refuse it. Regular files ignore the flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_registry_text(path: Path) -> str:
    """The file's text, or RegistryError for anything that is not a readable regular file
    (missing, a dangling or looping link, a folder, a FIFO, a device) and for oversized,
    non-UTF-8 or binary files; shared by loading, the editor and the CSV import so they
    refuse the same files. A link to a regular file is read like that file."""
    file = str(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise file_problem(file, _open_failure(path, error)) from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            descriptor = -1
            problem = _not_a_file(os.fstat(handle.fileno()).st_mode)
            if problem is not None:
                raise file_problem(file, problem)
            raw = handle.read(MAX_REGISTRY_BYTES + 1)
    except OSError as error:
        raise file_problem(file, _open_failure(path, error)) from None
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    if len(raw) > MAX_REGISTRY_BYTES:
        raise file_problem(file, TOO_LARGE(kilobytes=MAX_REGISTRY_BYTES // 1000))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RegistryError(
            [
                RegistryProblem(
                    file,
                    raw[: error.start].count(b"\n") + 1,
                    "(bestand)",
                    "",
                    NOT_UTF8(),
                )
            ]
        ) from None
    if "\x00" in text:
        raise file_problem(file, BINARY())
    return text


def load_registry_file(path: Path, table: PostcodeTable) -> LoadedRegistry:
    """The file read and parsed, as the app uses it; RegistryError for every problem."""
    text = read_registry_text(path)
    document = load_registry_text(text, table, file=str(path))
    return LoadedRegistry(
        PartnerRegistry(document.partners, table, document.dpo_contact, document.registry_version),
        document,
        path,
    )

"""The MAPI helper process: ONE JSON request on stdin, ONE JSON response on stdout.

``python -m referral_desk.delivery.mapi_helper``; a frozen build starts itself with
``--mapi-helper`` and its entry point calls :func:`run_if_requested` first. The call to
``MAPISendMailW`` blocks here, not in the window, until the compose window closes.
Exit status 0 when MAPI returned SUCCESS_SUCCESS, else 1.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

from pydantic import ValidationError

from referral_desk.delivery.mapi import MAPI_HELPER_ARGUMENT
from referral_desk.delivery.mapi_call import AnsiPathError, Loader, default_loader, send_mail
from referral_desk.delivery.mapi_protocol import MapiRequest, MapiResponse
from referral_desk.delivery.mapi_structs import (
    HELPER_BAD_REQUEST,
    HELPER_CRASHED,
    HELPER_LIBRARY_NOT_LOADED,
    HELPER_MISSING_FUNCTION,
    HELPER_PATH_NOT_ANSI,
    SUCCESS_SUCCESS,
)


def handle_request(data: bytes, *, loader: Loader = default_loader) -> MapiResponse:
    """The helper process's whole job, for one request."""
    try:
        request = MapiRequest.model_validate_json(data)
    except ValidationError:
        return MapiResponse.for_code(HELPER_BAD_REQUEST)
    try:
        code = send_mail(request.library, request, loader=loader)
    except OSError:
        return MapiResponse.for_code(HELPER_LIBRARY_NOT_LOADED)
    except AttributeError:
        return MapiResponse.for_code(HELPER_MISSING_FUNCTION)
    except AnsiPathError:
        return MapiResponse.for_code(HELPER_PATH_NOT_ANSI)
    return MapiResponse.for_code(code)


def serve(stdin: BinaryIO, stdout: BinaryIO, *, loader: Loader = default_loader) -> int:
    try:
        response = handle_request(stdin.read(), loader=loader)
    except Exception:  # the parent must always get an answer it can read
        response = MapiResponse.for_code(HELPER_CRASHED)
    stdout.write(response.model_dump_json().encode("utf-8") + b"\n")
    stdout.flush()
    return 0 if response.code == SUCCESS_SUCCESS else 1


def _stream(stream: object, fd: int, mode: str) -> BinaryIO:
    # A windowed (frozen) program may have no sys.stdin/sys.stdout even when the parent
    # passed pipes: fall back to the raw handles.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    raw: BinaryIO = os.fdopen(fd, mode, closefd=False)  # type: ignore[assignment]
    return raw


def main() -> int:
    return serve(_stream(sys.stdin, 0, "rb"), _stream(sys.stdout, 1, "wb"))


def run_if_requested(argv: Sequence[str]) -> None:
    """For a frozen build's entry point: ``<program> --mapi-helper`` serves and exits."""
    if len(argv) > 1 and argv[1] == MAPI_HELPER_ARGUMENT:
        sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())

"""What the window's process and the MAPI helper process say to each other: ONE
:class:`MapiRequest` as JSON on the helper's stdin, ONE :class:`MapiResponse` on its stdout."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from referral_desk.delivery.mapi_structs import DEFAULT_FLAGS, mapi_reason

DEFAULT_LIBRARY = "mapi32.dll"


class MapiRequest(BaseModel, frozen=True, extra="forbid", hide_input_in_errors=True):
    """What the helper is asked to send to MAPISendMailW; one JSON object on its stdin."""

    to: str
    subject: str
    body: str
    attachment_path: str | None = None
    # The name the recipient sees; the file's own name when None.
    attachment_name: str | None = None
    library: str = DEFAULT_LIBRARY
    flags: int = DEFAULT_FLAGS


class MapiResponse(BaseModel, frozen=True, extra="forbid"):
    """The helper's answer: MAPI's return code (or a HELPER_* code) and the Dutch reason."""

    code: int
    reason: str

    @classmethod
    def for_code(cls, code: int) -> MapiResponse:
        return cls(code=code, reason=mapi_reason(code))


def parse_response(data: bytes) -> MapiResponse | None:
    try:
        return MapiResponse.model_validate_json(data.strip() or b"null")
    except ValidationError:
        return None

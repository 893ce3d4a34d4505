"""The constants, return codes and structs of Simple MAPI's ``mapi.h``.

The Unicode structs follow ``mapi.h`` (Microsoft Learn: MapiMessageW, MapiRecipDescW,
MapiFileDescW) field for field. ``ULONG`` is 32 bits on every Windows (LLP64), so it is
``c_uint32`` here and not ``c_ulong`` (64 bits on Linux, where the tests run the same code
against a small C library); strings are ``c_wchar_p`` (UTF-16 on Windows, UTF-32 on Linux,
``wchar_t`` on both). The ANSI structs (MapiMessage …) are the same with ``char`` strings,
for a library that predates ``MAPISendMailW``.
"""

from __future__ import annotations

from ctypes import POINTER, Structure, c_char_p, c_size_t, c_uint32, c_void_p, c_wchar_p

ULONG = c_uint32
FLAGS = c_uint32
ULONG_PTR = c_size_t  # also LHANDLE

MAPI_LOGON_UI = 0x00000001
MAPI_NEW_SESSION = 0x00000002
MAPI_DIALOG = 0x00000008
# mapi.h: (0x00000004 | MAPI_DIALOG); the modeless bit alone is 0x4. Only newer Outlook
# honours it, so the default is the blocking MAPI_DIALOG in a helper process.
MAPI_DIALOG_MODELESS_BIT = 0x00000004
MAPI_DIALOG_MODELESS = MAPI_DIALOG_MODELESS_BIT | MAPI_DIALOG
MAPI_FORCE_UNICODE = 0x00040000
DEFAULT_FLAGS = MAPI_LOGON_UI | MAPI_DIALOG

MAPI_ORIG = 0
MAPI_TO = 1
NO_POSITION = 0xFFFFFFFF  # nPosition -1: the client shows the attachment its own way

SUCCESS_SUCCESS = 0
MAPI_USER_ABORT = 1
MAPI_E_FAILURE = 2
MAPI_E_LOGIN_FAILURE = 3
MAPI_E_DISK_FULL = 4
MAPI_E_INSUFFICIENT_MEMORY = 5
MAPI_E_ACCESS_DENIED = 6
MAPI_E_TOO_MANY_SESSIONS = 8
MAPI_E_TOO_MANY_FILES = 9
MAPI_E_TOO_MANY_RECIPIENTS = 10
MAPI_E_ATTACHMENT_NOT_FOUND = 11
MAPI_E_ATTACHMENT_OPEN_FAILURE = 12
MAPI_E_ATTACHMENT_WRITE_FAILURE = 13
MAPI_E_UNKNOWN_RECIPIENT = 14
MAPI_E_BAD_RECIPTYPE = 15
MAPI_E_INVALID_MESSAGE = 17
MAPI_E_TEXT_TOO_LARGE = 18
MAPI_E_INVALID_SESSION = 19
MAPI_E_TYPE_NOT_SUPPORTED = 20
MAPI_E_AMBIGUOUS_RECIPIENT = 21
MAPI_E_MESSAGE_IN_USE = 22
MAPI_E_NETWORK_FAILURE = 23
MAPI_E_INVALID_EDITFIELDS = 24
MAPI_E_INVALID_RECIPS = 25
MAPI_E_NOT_SUPPORTED = 26
MAPI_E_UNICODE_NOT_SUPPORTED = 27
MAPI_E_ATTACHMENT_TOO_LARGE = 28

# The helper's own outcomes, outside MAPI's range.
HELPER_LIBRARY_NOT_LOADED = 1001
HELPER_BAD_REQUEST = 1002
HELPER_MISSING_FUNCTION = 1003
HELPER_CRASHED = 1004
HELPER_PATH_NOT_ANSI = 1005

MAPI_REASONS: dict[int, str] = {
    SUCCESS_SUCCESS: "het concept is geopend",
    MAPI_USER_ABORT: "het opstellen of aanmelden werd afgebroken",
    MAPI_E_FAILURE: "het e-mailprogramma meldde een algemene MAPI-fout",
    MAPI_E_LOGIN_FAILURE: "aanmelden bij het e-mailprogramma is mislukt (is er een account?)",
    MAPI_E_DISK_FULL: "de schijf is vol",
    MAPI_E_INSUFFICIENT_MEMORY: "er is onvoldoende geheugen",
    MAPI_E_ACCESS_DENIED: "het e-mailprogramma weigerde de toegang",
    MAPI_E_TOO_MANY_SESSIONS: "er zijn te veel MAPI-sessies open",
    MAPI_E_TOO_MANY_FILES: "er zijn te veel bijlagen",
    MAPI_E_TOO_MANY_RECIPIENTS: "er zijn te veel ontvangers",
    MAPI_E_ATTACHMENT_NOT_FOUND: "de bijlage is niet gevonden",
    MAPI_E_ATTACHMENT_OPEN_FAILURE: "de bijlage kon niet geopend worden",
    MAPI_E_ATTACHMENT_WRITE_FAILURE: "de bijlage kon niet weggeschreven worden",
    MAPI_E_UNKNOWN_RECIPIENT: "de ontvanger is onbekend",
    MAPI_E_BAD_RECIPTYPE: "het soort ontvanger is ongeldig",
    MAPI_E_INVALID_MESSAGE: "het bericht is ongeldig",
    MAPI_E_TEXT_TOO_LARGE: "de tekst is te lang",
    MAPI_E_INVALID_SESSION: "de MAPI-sessie is ongeldig",
    MAPI_E_TYPE_NOT_SUPPORTED: "dit soort bericht wordt niet ondersteund",
    MAPI_E_AMBIGUOUS_RECIPIENT: "het adres van de ontvanger is niet eenduidig",
    MAPI_E_MESSAGE_IN_USE: "het bericht is in gebruik",
    MAPI_E_NETWORK_FAILURE: "er is een netwerkfout",
    MAPI_E_INVALID_EDITFIELDS: "de invoervelden zijn ongeldig",
    MAPI_E_INVALID_RECIPS: "het adres van de ontvanger is ongeldig",
    MAPI_E_NOT_SUPPORTED: "het e-mailprogramma ondersteunt dit niet via MAPI",
    MAPI_E_UNICODE_NOT_SUPPORTED: "het e-mailprogramma ondersteunt geen Unicode via MAPI",
    MAPI_E_ATTACHMENT_TOO_LARGE: "de bijlage is te groot",
    HELPER_LIBRARY_NOT_LOADED: "de MAPI-bibliotheek kon niet geladen worden "
    "(is er een standaard e-mailprogramma ingesteld?)",
    HELPER_BAD_REQUEST: "het MAPI-hulpprogramma kreeg een ongeldige opdracht",
    HELPER_MISSING_FUNCTION: "de MAPI-bibliotheek kent MAPISendMailW noch MAPISendMail",
    HELPER_CRASHED: "het MAPI-hulpprogramma liep vast",
    HELPER_PATH_NOT_ANSI: "het e-mailprogramma kent alleen ANSI-tekst, en het pad naar de "
    "bijlage bevat tekens die daarin niet bestaan",
}


def mapi_reason(code: int) -> str:
    return MAPI_REASONS.get(code, f"onbekende MAPI-foutcode {code}")


class MapiRecipDescW(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("ulRecipClass", ULONG),
        ("lpszName", c_wchar_p),
        ("lpszAddress", c_wchar_p),
        ("ulEIDSize", ULONG),
        ("lpEntryID", c_void_p),
    ]


class MapiFileDescW(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("flFlags", ULONG),
        ("nPosition", ULONG),
        ("lpszPathName", c_wchar_p),
        ("lpszFileName", c_wchar_p),
        ("lpFileType", c_void_p),
    ]


class MapiMessageW(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("lpszSubject", c_wchar_p),
        ("lpszNoteText", c_wchar_p),
        ("lpszMessageType", c_wchar_p),
        ("lpszDateReceived", c_wchar_p),
        ("lpszConversationID", c_wchar_p),
        ("flFlags", FLAGS),
        ("lpOriginator", POINTER(MapiRecipDescW)),
        ("nRecipCount", ULONG),
        ("lpRecips", POINTER(MapiRecipDescW)),
        ("nFileCount", ULONG),
        ("lpFiles", POINTER(MapiFileDescW)),
    ]


# The ANSI twins, for a library without MAPISendMailW: the same layout, 8-bit strings.
class MapiRecipDesc(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("ulRecipClass", ULONG),
        ("lpszName", c_char_p),
        ("lpszAddress", c_char_p),
        ("ulEIDSize", ULONG),
        ("lpEntryID", c_void_p),
    ]


class MapiFileDesc(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("flFlags", ULONG),
        ("nPosition", ULONG),
        ("lpszPathName", c_char_p),
        ("lpszFileName", c_char_p),
        ("lpFileType", c_void_p),
    ]


class MapiMessage(Structure):
    _fields_ = [
        ("ulReserved", ULONG),
        ("lpszSubject", c_char_p),
        ("lpszNoteText", c_char_p),
        ("lpszMessageType", c_char_p),
        ("lpszDateReceived", c_char_p),
        ("lpszConversationID", c_char_p),
        ("flFlags", FLAGS),
        ("lpOriginator", POINTER(MapiRecipDesc)),
        ("nRecipCount", ULONG),
        ("lpRecips", POINTER(MapiRecipDesc)),
        ("nFileCount", ULONG),
        ("lpFiles", POINTER(MapiFileDesc)),
    ]

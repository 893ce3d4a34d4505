/* A stand-in Simple MAPI library for tests/test_mapi.py: exports MAPISendMailW with mapi.h's
 * struct definitions (ULONG as 32 bits, as on Windows; wchar_t strings), records everything
 * it received into the file named by MAPI_FAKE_RECORD and returns MAPI_FAKE_RESULT; with
 * MAPI_FAKE_SLEEP_MS it blocks like a compose window.
 *
 * Linux: the test builds it with `cc -shared -fPIC -Wall -Werror`.
 * Windows: a DLL built outside the Windows Python (which cannot start Linux programs),
 *   x86_64-w64-mingw32-gcc -O2 -shared -s -Wall -Werror -o fakemapi.dll tests/fake_mapi.c
 * and named in REFERRAL_DESK_FAKE_MAPI_DLL. On Windows the variables are read from the
 * process environment (GetEnvironmentVariableW): the C runtime's getenv keeps its own copy,
 * which never sees what the Python tests set after start. wchar_t is UTF-16 there: every
 * code unit is written as it is, surrogates included.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#ifdef _WIN32
#include <windows.h>
#define EXPORT __declspec(dllexport)
#define CALL WINAPI
#else
#include <unistd.h>
#define EXPORT
#define CALL
#endif

/* mapi.h's types: Windows' own where there is a Windows; elsewhere the same sizes (ULONG is
 * 32 bits on every Windows, where long is; on Linux long is 64 bits). */
#ifdef _WIN32
typedef ULONG FLAGS;
#else
typedef uint32_t ULONG;
typedef uint32_t FLAGS;
typedef uintptr_t ULONG_PTR;
typedef wchar_t *PWSTR;
typedef void *PVOID;
#endif

typedef struct {
    ULONG ulReserved; ULONG ulRecipClass; PWSTR lpszName; PWSTR lpszAddress;
    ULONG ulEIDSize; PVOID lpEntryID;
} MapiRecipDescW;

typedef struct {
    ULONG ulReserved; ULONG flFlags; ULONG nPosition; PWSTR lpszPathName;
    PWSTR lpszFileName; PVOID lpFileType;
} MapiFileDescW;

typedef struct {
    ULONG ulReserved; PWSTR lpszSubject; PWSTR lpszNoteText; PWSTR lpszMessageType;
    PWSTR lpszDateReceived; PWSTR lpszConversationID; FLAGS flFlags;
    MapiRecipDescW *lpOriginator; ULONG nRecipCount; MapiRecipDescW *lpRecips;
    ULONG nFileCount; MapiFileDescW *lpFiles;
} MapiMessageW;

static void text(FILE *f, const char *key, const wchar_t *s) {
    fprintf(f, "%s=", key);
    if (s == NULL) { fputs("NULL\n", f); return; }
    for (; *s; s++) fprintf(f, "%lx ", (unsigned long)*s);
    fputc('\n', f);
}

static void num(FILE *f, const char *key, unsigned long long value) {
    /* In two halves: the printf of MinGW's default C runtime (msvcrt) knows no %llu. */
    unsigned long high = (unsigned long)(value / 1000000000u);
    unsigned long low = (unsigned long)(value % 1000000000u);
    if (high != 0) fprintf(f, "%s=%lu%09lu\n", key, high, low);
    else fprintf(f, "%s=%lu\n", key, low);
}

#define OFF(T, field) num(f, "layout." #T "." #field, offsetof(T, field))
#define SIZE(T) num(f, "layout." #T ".size", sizeof(T))

static void layout(FILE *f) {
    SIZE(MapiRecipDescW);
    OFF(MapiRecipDescW, ulReserved); OFF(MapiRecipDescW, ulRecipClass);
    OFF(MapiRecipDescW, lpszName); OFF(MapiRecipDescW, lpszAddress);
    OFF(MapiRecipDescW, ulEIDSize); OFF(MapiRecipDescW, lpEntryID);
    SIZE(MapiFileDescW);
    OFF(MapiFileDescW, ulReserved); OFF(MapiFileDescW, flFlags); OFF(MapiFileDescW, nPosition);
    OFF(MapiFileDescW, lpszPathName); OFF(MapiFileDescW, lpszFileName);
    OFF(MapiFileDescW, lpFileType);
    SIZE(MapiMessageW);
    OFF(MapiMessageW, ulReserved); OFF(MapiMessageW, lpszSubject);
    OFF(MapiMessageW, lpszNoteText); OFF(MapiMessageW, lpszMessageType);
    OFF(MapiMessageW, lpszDateReceived); OFF(MapiMessageW, lpszConversationID);
    OFF(MapiMessageW, flFlags); OFF(MapiMessageW, lpOriginator);
    OFF(MapiMessageW, nRecipCount); OFF(MapiMessageW, lpRecips);
    OFF(MapiMessageW, nFileCount); OFF(MapiMessageW, lpFiles);
}

#ifdef _WIN32
static wchar_t record_name[4096], part_name[4096];

static const wchar_t *record_file(void) {
    DWORD n = GetEnvironmentVariableW(L"MAPI_FAKE_RECORD", record_name, 4000);
    return n > 0 && n < 4000 ? record_name : NULL;
}

static unsigned long number_variable(const wchar_t *name, unsigned long otherwise) {
    wchar_t value[64];
    DWORD n = GetEnvironmentVariableW(name, value, 64);
    return n > 0 && n < 64 ? wcstoul(value, NULL, 10) : otherwise;
}

static FILE *open_part(const wchar_t *record) {
    wcscpy(part_name, record);
    wcscat(part_name, L".part");
    return _wfopen(part_name, L"w");
}

static void publish(const wchar_t *record) {
    MoveFileExW(part_name, record, MOVEFILE_REPLACE_EXISTING);
}

static void pause_ms(unsigned long ms) { Sleep(ms); }

#define RESULT_VARIABLE L"MAPI_FAKE_RESULT"
#define SLEEP_VARIABLE L"MAPI_FAKE_SLEEP_MS"
typedef wchar_t NAME_CHAR;
#else
static char part_name[4096];

static const char *record_file(void) { return getenv("MAPI_FAKE_RECORD"); }

static unsigned long number_variable(const char *name, unsigned long otherwise) {
    const char *value = getenv(name);
    return value != NULL ? strtoul(value, NULL, 10) : otherwise;
}

static FILE *open_part(const char *record) {
    snprintf(part_name, sizeof part_name, "%s.part", record);
    return fopen(part_name, "w");
}

static void publish(const char *record) { rename(part_name, record); }

static void pause_ms(unsigned long ms) { usleep((useconds_t)ms * 1000); }

#define RESULT_VARIABLE "MAPI_FAKE_RESULT"
#define SLEEP_VARIABLE "MAPI_FAKE_SLEEP_MS"
typedef char NAME_CHAR;
#endif

EXPORT ULONG CALL MAPISendMailW(ULONG_PTR session, ULONG_PTR uiparam, MapiMessageW *m,
                                ULONG flags, ULONG reserved) {
    const NAME_CHAR *record = record_file();
    ULONG i;
    if (record != NULL) {
        FILE *f = open_part(record);
        if (f == NULL) return 2;
        layout(f);
        num(f, "session", session); num(f, "uiparam", uiparam);
        num(f, "flags", flags); num(f, "reserved", reserved);
        num(f, "message.ulReserved", m->ulReserved);
        text(f, "subject", m->lpszSubject); text(f, "body", m->lpszNoteText);
        text(f, "messagetype", m->lpszMessageType);
        text(f, "datereceived", m->lpszDateReceived);
        text(f, "conversationid", m->lpszConversationID);
        num(f, "message.flFlags", m->flFlags);
        num(f, "originator_null", m->lpOriginator == NULL);
        num(f, "recip.count", m->nRecipCount);
        for (i = 0; i < m->nRecipCount; i++) {
            num(f, "recip.reserved", m->lpRecips[i].ulReserved);
            num(f, "recip.class", m->lpRecips[i].ulRecipClass);
            text(f, "recip.name", m->lpRecips[i].lpszName);
            text(f, "recip.address", m->lpRecips[i].lpszAddress);
            num(f, "recip.eidsize", m->lpRecips[i].ulEIDSize);
            num(f, "recip.entryid_null", m->lpRecips[i].lpEntryID == NULL);
        }
        num(f, "file.count", m->nFileCount);
        num(f, "files_null", m->lpFiles == NULL);
        for (i = 0; i < m->nFileCount; i++) {
            num(f, "file.reserved", m->lpFiles[i].ulReserved);
            num(f, "file.flags", m->lpFiles[i].flFlags);
            num(f, "file.position", m->lpFiles[i].nPosition);
            text(f, "file.path", m->lpFiles[i].lpszPathName);
            text(f, "file.name", m->lpFiles[i].lpszFileName);
            num(f, "file.type_null", m->lpFiles[i].lpFileType == NULL);
        }
        fclose(f);
        publish(record);
    }
    pause_ms(number_variable(SLEEP_VARIABLE, 0));
    return (ULONG)number_variable(RESULT_VARIABLE, 0);
}

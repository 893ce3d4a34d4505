/* A recording Simple MAPI provider for tests/test_windows_for_real.py: a mail program's MAPI
 * DLL as Windows' mapi32.dll loads it. The test registers it as the default mail program
 * (HKLM\Software\Clients\Mail = name, ...\Clients\Mail\<name>\DLLPath = this DLL); the product
 * then calls MAPISendMailW in the REAL mapi32.dll (Wine's), which dispatches to this DLL.
 *
 * It writes down what it received into the file named by REFERRAL_DESK_MAPI_RECORD (read
 * with GetEnvironmentVariableW: the C runtime's getenv keeps its own copy of the environment)
 * and copies each attachment it was given to "<record>.fileN", opening it the way a client
 * of its kind would (CreateFileW with a Unicode path, CreateFileA with an ANSI one). It
 * returns REFERRAL_DESK_MAPI_RESULT (default 0, SUCCESS_SUCCESS).
 *
 * Two builds from this one source (scripts/windows-tests.sh):
 *   x86_64-w64-mingw32-gcc -O2 -shared -s -Wall -Werror -o recmapi.dll recording_mapi_provider.c
 *       exports MAPISendMailW and MAPISendMail, as Thunderbird's and eM Client's DLLs do;
 *   ... -DANSI_ONLY -o recmapi-ansi.dll ...
 *       exports only the ANSI MAPISendMail, as older mail programs do.
 *
 * The record: one "key=value" per line. Texts are "w:" and the UTF-16 code units in hex
 * (4 digits each), "a:" and the bytes in hex (2 digits each), or "NULL"; numbers are decimal.
 */
#include <windows.h>
#include <stdio.h>

typedef struct {
    ULONG ulReserved; ULONG ulRecipClass; LPWSTR lpszName; LPWSTR lpszAddress;
    ULONG ulEIDSize; LPVOID lpEntryID;
} MapiRecipDescW;

typedef struct {
    ULONG ulReserved; ULONG flFlags; ULONG nPosition; LPWSTR lpszPathName;
    LPWSTR lpszFileName; LPVOID lpFileType;
} MapiFileDescW;

typedef struct {
    ULONG ulReserved; LPWSTR lpszSubject; LPWSTR lpszNoteText; LPWSTR lpszMessageType;
    LPWSTR lpszDateReceived; LPWSTR lpszConversationID; ULONG flFlags;
    MapiRecipDescW *lpOriginator; ULONG nRecipCount; MapiRecipDescW *lpRecips;
    ULONG nFileCount; MapiFileDescW *lpFiles;
} MapiMessageW;

typedef struct {
    ULONG ulReserved; ULONG ulRecipClass; LPSTR lpszName; LPSTR lpszAddress;
    ULONG ulEIDSize; LPVOID lpEntryID;
} MapiRecipDesc;

typedef struct {
    ULONG ulReserved; ULONG flFlags; ULONG nPosition; LPSTR lpszPathName;
    LPSTR lpszFileName; LPVOID lpFileType;
} MapiFileDesc;

typedef struct {
    ULONG ulReserved; LPSTR lpszSubject; LPSTR lpszNoteText; LPSTR lpszMessageType;
    LPSTR lpszDateReceived; LPSTR lpszConversationID; ULONG flFlags;
    MapiRecipDesc *lpOriginator; ULONG nRecipCount; MapiRecipDesc *lpRecips;
    ULONG nFileCount; MapiFileDesc *lpFiles;
} MapiMessage;

#define NAME_CHARS 4096
static wchar_t record_name[NAME_CHARS], part_name[NAME_CHARS + 8];

static const wchar_t *record_file(void) {
    DWORD n = GetEnvironmentVariableW(L"REFERRAL_DESK_MAPI_RECORD", record_name, NAME_CHARS);
    return n > 0 && n < NAME_CHARS - 16 ? record_name : NULL;
}

static ULONG result_code(void) {
    wchar_t value[32];
    DWORD n = GetEnvironmentVariableW(L"REFERRAL_DESK_MAPI_RESULT", value, 32);
    return n > 0 && n < 32 ? (ULONG)wcstoul(value, NULL, 10) : 0;
}

static void wide_text(FILE *f, const char *key, const wchar_t *s) {
    fprintf(f, "%s=", key);
    if (s == NULL) { fputs("NULL\n", f); return; }
    fputs("w:", f);
    for (; *s; s++) fprintf(f, "%04x", (unsigned)*s);
    fputc('\n', f);
}

static void ansi_text(FILE *f, const char *key, const char *s) {
    fprintf(f, "%s=", key);
    if (s == NULL) { fputs("NULL\n", f); return; }
    fputs("a:", f);
    for (; *s; s++) fprintf(f, "%02x", (unsigned)(unsigned char)*s);
    fputc('\n', f);
}

static void num(FILE *f, const char *key, unsigned long value) {
    fprintf(f, "%s=%lu\n", key, value);
}

/* The module a code address lies in, by file name ("" when unknown). */
static void module_of(FILE *f, const char *key, const void *address) {
    HMODULE module = NULL;
    wchar_t name[MAX_PATH] = L"";
    if (GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                               GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                           (LPCWSTR)address, &module))
        GetModuleFileNameW(module, name, MAX_PATH);
    wide_text(f, key, name);
}

/* Who called, and whether Windows' mapi32.dll is in the process (and which file it is). */
static void context(FILE *f, const char *api, const void *caller, ULONG_PTR session,
                    ULONG_PTR uiparam, ULONG flags, ULONG reserved) {
    HMODULE mapi32 = GetModuleHandleW(L"mapi32.dll");
    wchar_t name[MAX_PATH] = L"";
    fprintf(f, "api=%s\n", api);
    module_of(f, "caller", caller);
    module_of(f, "provider", (const void *)context);
    if (mapi32 != NULL) GetModuleFileNameW(mapi32, name, MAX_PATH);
    wide_text(f, "mapi32", name);
    num(f, "acp", GetACP());
    num(f, "session", (unsigned long)session);
    num(f, "uiparam", (unsigned long)uiparam);
    num(f, "flags", flags);
    num(f, "reserved", reserved);
}

/* Copies an open attachment to "<record>.fileN"; "file.copied" says whether it worked. */
static void copy_attachment(FILE *f, HANDLE source, ULONG index) {
    wchar_t target_name[NAME_CHARS + 32];
    char buffer[65536];
    DWORD got, put;
    HANDLE target;
    BOOL ok = TRUE;
    if (source == INVALID_HANDLE_VALUE) {
        num(f, "file.copied", 0);
        num(f, "file.error", GetLastError());
        return;
    }
    swprintf(target_name, NAME_CHARS + 32, L"%ls.file%lu", record_name, (unsigned long)index);
    target = CreateFileW(target_name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, NULL);
    if (target == INVALID_HANDLE_VALUE) {
        CloseHandle(source);
        num(f, "file.copied", 0);
        num(f, "file.error", GetLastError());
        return;
    }
    while (ok && ReadFile(source, buffer, sizeof buffer, &got, NULL) && got > 0)
        ok = WriteFile(target, buffer, got, &put, NULL) && put == got;
    CloseHandle(target);
    CloseHandle(source);
    num(f, "file.copied", ok ? 1 : 0);
}

static FILE *open_record(void) {
    const wchar_t *record = record_file();
    if (record == NULL) return NULL;
    swprintf(part_name, NAME_CHARS + 8, L"%ls.part", record);
    return _wfopen(part_name, L"w");
}

static void publish(FILE *f) {
    fclose(f);
    MoveFileExW(part_name, record_name, MOVEFILE_REPLACE_EXISTING);
}

__declspec(dllexport) ULONG WINAPI MAPISendMail(ULONG_PTR session, ULONG_PTR uiparam,
                                                MapiMessage *m, ULONG flags, ULONG reserved) {
    FILE *f = open_record();
    ULONG i;
    if (f == NULL) return 2; /* MAPI_E_FAILURE */
    context(f, "A", __builtin_return_address(0), session, uiparam, flags, reserved);
    ansi_text(f, "subject", m->lpszSubject);
    ansi_text(f, "body", m->lpszNoteText);
    num(f, "recip.count", m->nRecipCount);
    for (i = 0; i < m->nRecipCount; i++) {
        num(f, "recip.class", m->lpRecips[i].ulRecipClass);
        ansi_text(f, "recip.name", m->lpRecips[i].lpszName);
        ansi_text(f, "recip.address", m->lpRecips[i].lpszAddress);
    }
    num(f, "file.count", m->nFileCount);
    for (i = 0; i < m->nFileCount; i++) {
        ansi_text(f, "file.path", m->lpFiles[i].lpszPathName);
        ansi_text(f, "file.name", m->lpFiles[i].lpszFileName);
        num(f, "file.position", m->lpFiles[i].nPosition);
        copy_attachment(f, m->lpFiles[i].lpszPathName == NULL ? INVALID_HANDLE_VALUE :
            CreateFileA(m->lpFiles[i].lpszPathName, GENERIC_READ, FILE_SHARE_READ, NULL,
                        OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL), i);
    }
    publish(f);
    return result_code();
}

#ifndef ANSI_ONLY
__declspec(dllexport) ULONG WINAPI MAPISendMailW(ULONG_PTR session, ULONG_PTR uiparam,
                                                 MapiMessageW *m, ULONG flags, ULONG reserved) {
    FILE *f = open_record();
    ULONG i;
    if (f == NULL) return 2; /* MAPI_E_FAILURE */
    context(f, "W", __builtin_return_address(0), session, uiparam, flags, reserved);
    wide_text(f, "subject", m->lpszSubject);
    wide_text(f, "body", m->lpszNoteText);
    num(f, "recip.count", m->nRecipCount);
    for (i = 0; i < m->nRecipCount; i++) {
        num(f, "recip.class", m->lpRecips[i].ulRecipClass);
        wide_text(f, "recip.name", m->lpRecips[i].lpszName);
        wide_text(f, "recip.address", m->lpRecips[i].lpszAddress);
    }
    num(f, "file.count", m->nFileCount);
    for (i = 0; i < m->nFileCount; i++) {
        wide_text(f, "file.path", m->lpFiles[i].lpszPathName);
        wide_text(f, "file.name", m->lpFiles[i].lpszFileName);
        num(f, "file.position", m->lpFiles[i].nPosition);
        copy_attachment(f, m->lpFiles[i].lpszPathName == NULL ? INVALID_HANDLE_VALUE :
            CreateFileW(m->lpFiles[i].lpszPathName, GENERIC_READ, FILE_SHARE_READ, NULL,
                        OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL), i);
    }
    publish(f);
    return result_code();
}
#endif

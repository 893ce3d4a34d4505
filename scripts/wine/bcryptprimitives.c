/*
 * A stand-in for Windows' bcryptprimitives.dll, for Wine 8 only.
 *
 * Rust's standard library (since 1.78) draws random bytes from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and later have and Wine 8 lacks, so wheels built
 * with Rust (pydantic-core, cryptography) fail to load under Wine. This DLL exports
 * ProcessPrng over advapi32's RtlGenRandom (SystemFunction036), Wine's own CSPRNG.
 *
 * It is put beside python.exe in the Wine test environment (scripts/windows-env.sh) and
 * must never ship: real Windows has the genuine DLL, and the Windows build refuses a bundle
 * that holds this one.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

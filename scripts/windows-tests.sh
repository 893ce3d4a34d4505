#!/usr/bin/env bash
# The whole test suite on the official Windows CPython under Wine (scripts/windows-env.sh
# builds and caches that environment from requirements.lock).
#
#   scripts/windows-tests.sh                 # every test; the last line is pytest's summary
#   scripts/windows-tests.sh tests/test_x.py -k name
#
# Tests marked posix_only are skipped on Windows; the run lists how many and why.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/windows-env.sh
source scripts/windows-env.sh
win_env_ensure
# tests/delivery/test_mapi.py's fake Simple MAPI library as a Windows DLL: the Windows Python cannot
# start the Linux compiler that builds it on Linux. Named by the hash of its source.
fake_mapi="$WIN_ENV/fakemapi-$(sha256sum tests/fake_mapi.c | cut -c1-16).dll"
if [ ! -f "$fake_mapi" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -s -Wall -Werror -o "$fake_mapi.$$" tests/fake_mapi.c
  mv "$fake_mapi.$$" "$fake_mapi"
fi
export REFERRAL_DESK_FAKE_MAPI_DLL="Z:${fake_mapi//\//\\}"
# tests/windows/test_windows_for_real.py's recording Simple MAPI provider, which Wine's own mapi32.dll
# loads as the default mail program's DLL: one with MAPISendMailW and MAPISendMail, one with
# only the ANSI MAPISendMail (-DANSI_ONLY). Named by the hash of their source.
recording_mapi_hash="$(sha256sum tests/recording_mapi_provider.c | cut -c1-16)"
for variant in unicode ansi; do
  recording_mapi="$WIN_ENV/recmapi-$variant-$recording_mapi_hash.dll"
  if [ ! -f "$recording_mapi" ]; then
    define=()
    [ "$variant" = ansi ] && define=(-DANSI_ONLY)
    x86_64-w64-mingw32-gcc -O2 -shared -s -Wall -Werror "${define[@]}" \
      -o "$recording_mapi.$$" tests/recording_mapi_provider.c
    mv "$recording_mapi.$$" "$recording_mapi"
  fi
  if [ "$variant" = ansi ]; then
    export REFERRAL_DESK_RECORDING_MAPI_ANSI_DLL="Z:${recording_mapi//\//\\}"
  else
    export REFERRAL_DESK_RECORDING_MAPI_DLL="Z:${recording_mapi//\//\\}"
  fi
done
command -v 7zz >/dev/null || { echo "windows-tests: 7zz (Debian package 7zip) is needed" >&2; exit 1; }
# This checkout's src/ and tests/ on the Windows CPython's path, for the tests' own
# subprocesses too: python311._pth makes it ignore PYTHONPATH and the current folder.
checkout_pth="$WIN_ENV/python/Lib/site-packages/referral_desk_checkout.pth"
{ winepath -w "$PWD/src"; winepath -w "$PWD"; } > "$checkout_pth.$$"
mv "$checkout_pth.$$" "$checkout_pth"  # whole at once: a run already under way reads it too
# The catalogs are built on the Linux side; the Windows tests read the same files.
python3 scripts/update_translations.py --compile >/dev/null
export REFERRAL_DESK_WINDOWS_JUDGE="Wine $(wine --version 2>/dev/null | sed 's/^wine-//')"
# Tests that check a result with a Linux tool (7zz, pdftotext) call it through winepath'd
# folders: Z:\ is the Linux root under Wine.
win_python -X faulthandler -m pytest -p no:cacheprovider -o console_output_style=classic \
  --color=no "$@"

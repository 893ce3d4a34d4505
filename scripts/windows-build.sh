#!/usr/bin/env bash
# The Windows build under Wine: packaging/build_windows.py's freeze on Windows CPython (the
# environment of scripts/windows-env.sh, the same locked wheels the Windows tests use), then
# its package step on Linux (osslsigncode, wixl). The MSI lands in OUTDIR.
#
#   scripts/windows-build.sh OUTDIR
#   REFERRAL_DESK_SIGN_PFX=cert.pfx REFERRAL_DESK_PFX_PASSWORD=… scripts/windows-build.sh OUTDIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/windows-build.sh OUTDIR" >&2; exit 2; }
outdir="$(mkdir -p "$1" && cd "$1" && pwd)"
cd "$(dirname "$0")/.."
# shellcheck source=scripts/windows-env.sh
source scripts/windows-env.sh
win_env_ensure
started=$SECONDS
# The Windows python reads this checkout's packaging/ and src/ through Z:.
win_python "$(winepath -w "$PWD/packaging/build_windows.py")" freeze --no-install
echo "freeze under Wine: $((SECONDS - started)) s"
python3 packaging/build_windows.py package "$outdir"
echo "windows build: $((SECONDS - started)) s"
